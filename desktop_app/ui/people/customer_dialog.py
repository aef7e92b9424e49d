"""Add or edit a customer: contact details, persona (or a new one), language and cadence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.services.library import Customer, LibraryService
from desktop_app.ui.kit.dialog import FormDialog, labelled, language_choices

NEW_PERSONA = -1  # combo data of the "New persona…" entry
NO_PERSONA = 0


class CustomerDialog(FormDialog):
    """Creates the customer (and a new persona when asked) on Save; `saved_id` holds its id."""

    def __init__(self, library: LibraryService, customer: Customer | None = None,
                 parent: QWidget | None = None) -> None:
        editing = customer is not None
        super().__init__(
            self.tr("Edit customer") if editing else self.tr("New customer"),
            self.tr("The people you interview. Only the name is required."),
            save_text=self.tr("Save changes") if editing else self.tr("Add customer"),
            parent=parent)
        self._library = library
        self._customer = customer
        self.saved_id: int | None = customer.id if customer else None

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Anna Petrova"))
        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText(self.tr("Optional"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("Phone, messenger, role…"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.persona_combo = QComboBox()
        self.new_persona_edit = QLineEdit()
        self.new_persona_edit.setPlaceholderText(self.tr("Name of the new persona"))
        self.language_combo = QComboBox()
        for code, label in language_choices():
            self.language_combo.addItem(label, code)
        self.cadence_combo = QComboBox()
        self.cadence_combo.setToolTip(self.tr("How often you want to talk to this customer."))
        self.cadence_combo.addItem(self.tr("No regular interviews"), 0)
        for days, label in ((7, self.tr("Every week")), (14, self.tr("Every 2 weeks")),
                            (21, self.tr("Every 3 weeks")), (28, self.tr("Every 4 weeks")),
                            (42, self.tr("Every 6 weeks")), (56, self.tr("Every 8 weeks")),
                            (91, self.tr("Every quarter")), (182, self.tr("Every 6 months"))):
            self.cadence_combo.addItem(label, days)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Anything the team should know before "
                                                   "talking to them"))
        self.notes_edit.setFixedHeight(84)

        self.row(labelled(self.tr("Name"), self.name_edit),
                 labelled(self.tr("Company"), self.company_edit))
        self.row(labelled(self.tr("Contact"), self.contact_edit),
                 labelled(self.tr("E-mail"), self.email_edit))
        self._new_persona_box = labelled(self.tr("New persona"), self.new_persona_edit)
        self.row(labelled(self.tr("Persona"), self.persona_combo), self._new_persona_box)
        self.language_combo.setToolTip(self.tr("Used for transcription and invitations."))
        self.row(labelled(self.tr("Interview language"), self.language_combo),
                 labelled(self.tr("Interview cadence"), self.cadence_combo))
        self.body.addWidget(labelled(self.tr("Notes"), self.notes_edit))

        self._fill_personas(customer.persona_id if customer else None)
        self.persona_combo.currentIndexChanged.connect(self._on_persona)
        self._on_persona()
        if customer is not None:
            self.name_edit.setText(customer.name)
            self.company_edit.setText(customer.company)
            self.contact_edit.setText(customer.contact)
            self.email_edit.setText(customer.email)
            lang = self.language_combo.findData(customer.language or "auto")
            if lang < 0:
                self.language_combo.addItem(customer.language, customer.language)
                lang = self.language_combo.count() - 1
            self.language_combo.setCurrentIndex(lang)
            self.set_cadence(customer.cadence_days)
            self.notes_edit.setPlainText(customer.notes)
        self.name_edit.setFocus()

    def set_cadence(self, days: int | None) -> None:
        """Select a cadence; a value that is not a preset is added as "Every N days"."""
        idx = self.cadence_combo.findData(days or 0)
        if idx < 0:
            self.cadence_combo.addItem(self.tr("Every %n day(s)", "", days or 0), days)
            idx = self.cadence_combo.count() - 1
        self.cadence_combo.setCurrentIndex(idx)

    def _fill_personas(self, selected: int | None) -> None:
        self.persona_combo.addItem(self.tr("No persona"), NO_PERSONA)
        for p in self._library.personas():
            self.persona_combo.addItem(p.name, p.id)
        self.persona_combo.addItem(self.tr("New persona…"), NEW_PERSONA)
        idx = self.persona_combo.findData(selected) if selected else 0
        self.persona_combo.setCurrentIndex(max(0, idx))

    def _on_persona(self) -> None:
        is_new = self.persona_combo.currentData() == NEW_PERSONA
        # Keep the row's geometry when hidden so the form does not jump around.
        policy = self._new_persona_box.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self._new_persona_box.setSizePolicy(policy)
        self._new_persona_box.setVisible(is_new)
        if is_new:
            self.new_persona_edit.setFocus()

    def select_new_persona(self, name: str) -> None:
        """Choose "New persona…" and type its name (what a user does in two steps)."""
        self.persona_combo.setCurrentIndex(self.persona_combo.findData(NEW_PERSONA))
        self.new_persona_edit.setText(name)

    # --- saving ------------------------------------------------------------------------------

    def _values(self) -> dict[str, object]:
        email = self.email_edit.text().strip()
        if email and ("@" not in email or " " in email):
            self.email_edit.setFocus()
            raise ValidationError(self.tr("'{0}' does not look like an e-mail address.")
                                  .format(email))
        return {"name": self.name_edit.text(), "company": self.company_edit.text().strip(),
                "contact": self.contact_edit.text().strip(), "email": email,
                "language": str(self.language_combo.currentData() or "auto"),
                "notes": self.notes_edit.toPlainText().strip(),
                "cadence_days": int(self.cadence_combo.currentData()) or None}

    def _new_persona_name(self) -> str:
        name = " ".join(self.new_persona_edit.text().split())
        if not name:
            self.new_persona_edit.setFocus()
            raise ValidationError(self.tr("Type a name for the new persona, or pick an "
                                          "existing one."))
        return name

    def save(self) -> None:
        values = self._values()
        choice = self.persona_combo.currentData()
        if self._customer is None:
            persona: str | None = None
            if choice == NEW_PERSONA:
                persona = self._new_persona_name()
            elif choice:
                persona = self.persona_combo.currentText()
            try:
                created = self._library.add_customer(persona=persona, **values)  # type: ignore[arg-type]
            except ValidationError:
                self.name_edit.setFocus()
                raise
            self.saved_id = created.id
            return
        assert self._customer.id is not None
        name = " ".join(str(values["name"]).split())
        if not name:  # checked before a new persona is created, so a refusal saves nothing
            self.name_edit.setFocus()
            raise ValidationError(self.tr("The customer needs a name."))
        if any(c.name == name and c.id != self._customer.id for c in self._library.customers()):
            self.name_edit.setFocus()
            raise ValidationError(self.tr("A customer named '{0}' already exists.").format(name))
        persona_id: int | None = int(choice) if choice and choice != NEW_PERSONA else None
        if choice == NEW_PERSONA:
            new_name = self._new_persona_name()
            existing = {p.name.casefold(): p.id for p in self._library.personas()}
            persona_id = existing.get(new_name.casefold())
            if persona_id is None:
                persona_id = self._library.add_persona(name=new_name).id
        self._library.update_customer(self._customer.id, persona_id=persona_id, **values)
