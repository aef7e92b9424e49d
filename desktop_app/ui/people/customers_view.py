"""Customers & Personas: who the company talks to, and the kinds of people they stand for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.services.library import Customer, Persona
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import language_label, open_dialog
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import ACCENT_SOFT, BLUSH, INK, PAGE_MARGINS, SURFACE
from desktop_app.ui.people.avatar import Avatar, avatar_pixmap
from desktop_app.ui.people.customer_dialog import CustomerDialog
from desktop_app.ui.people.customer_privacy import CustomerPrivacyMixin
from desktop_app.ui.people.persona_dialog import PersonaDialog
from desktop_app.ui.people.reference_data import ReferenceDataMixin

ID_ROLE = Qt.ItemDataRole.UserRole


def _card() -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("Card")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(0, 0, 0, 0)
    return card, lay


def _icon(pix: QPixmap) -> QIcon:
    """An icon that is not tinted when its row is selected."""
    icon = QIcon(pix)
    icon.addPixmap(pix, QIcon.Mode.Selected)
    return icon


def _button(text: str, name: str = "", slot: Callable[[], object] | None = None) -> QPushButton:
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    if name == "DangerButton":  # the app stylesheet keeps it red even when disabled
        b.setStyleSheet(f"QPushButton#DangerButton:disabled {{ color: {BLUSH}; }}")
    if slot is not None:
        b.clicked.connect(slot)
    return b


class CustomersView(CustomerPrivacyMixin, ReferenceDataMixin, SectionView):
    """Two tabs: the customer table and the persona gallery with a detail card."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.library = ctx.services.library
        self.active_dialog: QDialog | None = None
        self._customers: list[Customer] = []
        self._personas: list[Persona] = []
        self._expired: dict[int, Any] = {}  # customer id -> when a consent of theirs ran out
        root = QVBoxLayout(self)
        root.setContentsMargins(*PAGE_MARGINS)
        root.setSpacing(0)
        root.addWidget(PageHeader(self.tr("Customers & Personas"), self.tr(
            "The people you interview, and the kinds of customer they stand for.")))
        root.addSpacing(18)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_customers(), "")
        self.tabs.addTab(self._build_personas(), "")
        root.addWidget(self.tabs, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        root.addWidget(self.error_label)
        ctx.events.customers_changed.connect(self._on_external_change)
        ctx.events.interviews_changed.connect(self._on_external_change)
        self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _build_customers(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        self.customer_bar = QWidget()
        bar = QHBoxLayout(self.customer_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name, company or persona…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)
        self.search_edit.textChanged.connect(self._fill_customers)
        self.edit_customer_button = _button(self.tr("Edit"), slot=self.edit_customer)
        self.delete_customer_button = _button(self.tr("Delete"), "DangerButton",
                                              self.delete_customer)
        self.add_customer_button = _button(self.tr("Add customer"), "PrimaryButton",
                                           self.add_customer)
        self.forget_button = _button(self.tr("Forget…"), "DangerButton", self.forget_customer)
        self.forget_button.setToolTip(self.tr("Erase everything about this customer: "
                                              "recordings, transcripts, clips, caches"))
        self.renew_consent_button = _button(self.tr("Renew consent"), slot=self.renew_consent)
        self.renew_consent_button.setToolTip(self.tr("The customer agreed again today: their "
                                                     "expired consents hold for another term"))
        bar.addWidget(self.search_edit)
        bar.addStretch(1)
        for b in (self.renew_consent_button, self.edit_customer_button,
                  self.delete_customer_button, self.forget_button, self.add_customer_button):
            bar.addWidget(b)
        lay.addWidget(self.customer_bar)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Company"), self.tr("Persona"), self.tr("Contact"),
            self.tr("Language"), self.tr("Interview every"), self.tr("Interviews"),
            self.tr("Consent")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableView::item { padding: 0 6px; }")
        self.table.setIconSize(QSize(28, 28))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets the rest
        for col in (4, 5, 6, 7):  # short values: as wide as their heading or values
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((1, 150), (2, 150), (3, 110)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_customer())
        self.customers_empty = EmptyState(
            self.tr("No customers yet"),
            self.tr("Add the people you talk to. Interviews, highlights and reels are all "
                    "organised around them."), self.tr("Add customer"))
        self.customers_empty.action_clicked.connect(self.add_customer)
        self.no_match = QLabel(self.tr("No customer matches your search."))
        self.no_match.setObjectName("Muted")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.customer_stack = QStackedWidget()
        for w in (self.table, self.customers_empty, self.no_match):
            self.customer_stack.addWidget(w)
        lay.addWidget(self.customer_stack, 1)
        return page

    def _build_personas(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        self.persona_bar = QWidget()
        bar = QHBoxLayout(self.persona_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Give every customer a persona to compare what different kinds "
                              "of customer say."))
        hint.setObjectName("Muted")
        self.add_persona_button = _button(self.tr("Add persona"), "PrimaryButton",
                                          self.add_persona)
        bar.addWidget(hint, 1)
        bar.addWidget(self.add_persona_button)
        lay.addWidget(self.persona_bar)
        self.persona_list = QListWidget()
        self.persona_list.setIconSize(QSize(40, 40))
        self.persona_list.setStyleSheet("QListWidget { padding: 6px; } "
                                        "QListWidget::item { padding: 4px 8px; "
                                        "border-radius: 8px; } "
                                        f"QListWidget::item:selected {{ background: {ACCENT_SOFT}; "
                                        f"color: {INK}; }} "
                                        "QListWidget::item:hover:!selected "
                                        f"{{ background: {SURFACE}; }}")
        self.persona_list.setFixedWidth(300)
        self.persona_list.currentRowChanged.connect(self._show_persona)
        self.persona_list.itemDoubleClicked.connect(lambda _i: self.edit_persona())
        lay_split = QHBoxLayout()
        lay_split.setSpacing(16)
        lay_split.addWidget(self.persona_list)
        lay_split.addWidget(self._build_persona_detail(), 1)
        split = QWidget()
        split.setLayout(lay_split)
        lay_split.setContentsMargins(0, 0, 0, 0)
        self.personas_empty = EmptyState(
            self.tr("No personas yet"),
            self.tr("Personas describe the kinds of customers you serve, like “Busy parent” "
                    "or “Office manager”. Add one, then assign customers to it."),
            self.tr("Add persona"))
        self.personas_empty.action_clicked.connect(self.add_persona)
        self.persona_stack = QStackedWidget()
        self.persona_stack.addWidget(split)
        self.persona_stack.addWidget(self.personas_empty)
        lay.addWidget(self.persona_stack, 1)
        return page

    def _build_persona_detail(self) -> QFrame:
        card, lay = _card()
        lay.setContentsMargins(28, 24, 28, 20)
        lay.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(18)
        self.persona_avatar = Avatar(96)
        head.addWidget(self.persona_avatar)
        names = QVBoxLayout()
        names.addStretch(1)
        self.persona_name = QLabel()
        self.persona_name.setObjectName("PageTitle")
        self.persona_count = QLabel()
        self.persona_count.setObjectName("Muted")
        names.addWidget(self.persona_name)
        names.addWidget(self.persona_count)
        names.addStretch(1)
        head.addLayout(names, 1)
        lay.addLayout(head)
        lay.addSpacing(14)
        self.persona_goals = self._detail_section(lay, self.tr("Goals"))
        self.persona_description = self._detail_section(lay, self.tr("Description"))
        self.persona_customers = self._detail_section(lay, self.tr("Customers"))
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.delete_persona_button = _button(self.tr("Delete"), "DangerButton",
                                             self.delete_persona)
        self.edit_persona_button = _button(self.tr("Edit persona"), "PrimaryButton",
                                           self.edit_persona)
        buttons.addWidget(self.delete_persona_button)
        buttons.addWidget(self.edit_persona_button)
        lay.addLayout(buttons)
        return card

    @staticmethod
    def _detail_section(lay: QVBoxLayout, title: str) -> QLabel:
        head = QLabel(title)
        head.setObjectName("SectionTitle")
        text = QLabel()
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(head)
        lay.addWidget(text)
        lay.addSpacing(12)
        return text

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload customers and personas from the library."""
        self._customers = self.library.customers()
        self._personas = self.library.personas()
        self._interviews = Counter(r.customer_id for r in self.ctx.services.interviews.list())
        self.tabs.setTabText(0, self.tr("Customers ({0})").format(len(self._customers)))
        self.tabs.setTabText(1, self.tr("Personas ({0})").format(len(self._personas)))
        self._fill_customers()
        self._fill_personas()

    def _persona_names(self) -> dict[int | None, str]:
        return {p.id: p.name for p in self._personas}

    def _fill_customers(self) -> None:
        selected = self.selected_customer_id()
        personas = self._persona_names()
        needle = self.search_edit.text().strip().casefold()
        rows = [c for c in self._customers if not needle or any(
            needle in v.casefold() for v in (c.name, c.company, personas.get(c.persona_id, ""),
                                             c.email, c.contact))]
        self.table.setRowCount(len(rows))
        self._expired = expired = self.ctx.services.consent.expired_customers()
        for r, c in enumerate(rows):
            contact = " · ".join(v for v in (c.contact, c.email) if v)
            cadence = (self.tr("%n day(s)", "", c.cadence_days) if c.cadence_days else "—")
            values = (c.name, c.company or "—", personas.get(c.persona_id, "—"), contact or "—",
                      language_label(c.language), cadence, str(self._interviews.get(c.id, 0)))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, c.id)
                item.setToolTip(value if col in (1, 3) else "")
                if col == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, col, item)
            self.table.setItem(r, 7, self._consent_item(c.id, expired.get(c.id)))
            self.table.item(r, 0).setIcon(_icon(avatar_pixmap(c.name, "", 28)))
            if c.id == selected:
                self.table.selectRow(r)
        self.customer_bar.setVisible(bool(self._customers))  # the empty state has the action
        if not self._customers:
            self.customer_stack.setCurrentWidget(self.customers_empty)
        elif not rows:
            self.customer_stack.setCurrentWidget(self.no_match)
        else:
            self.customer_stack.setCurrentIndex(0)
        self._update_buttons()

    def _fill_personas(self) -> None:
        current = self.selected_persona_id()
        counts = Counter(c.persona_id for c in self._customers)
        with signals_blocked(self.persona_list):
            self.persona_list.clear()
            for p in self._personas:
                n = counts.get(p.id, 0)
                text = f"{p.name}\n{self._customer_count(n)}"
                item = QListWidgetItem(_icon(avatar_pixmap(p.name, p.portrait_path, 40)), text)
                item.setData(ID_ROLE, p.id)
                item.setSizeHint(QSize(0, 58))
                self.persona_list.addItem(item)
            ids = [p.id for p in self._personas]
            self.persona_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self.persona_stack.setCurrentIndex(0 if self._personas else 1)
        self.persona_bar.setVisible(bool(self._personas))
        self._show_persona(self.persona_list.currentRow())

    def _show_persona(self, row: int) -> None:
        persona = self._personas[row] if 0 <= row < len(self._personas) else None
        self.edit_persona_button.setEnabled(persona is not None)
        self.delete_persona_button.setEnabled(persona is not None)
        if persona is None:
            return
        members = [c.name for c in self._customers if c.persona_id == persona.id]
        self.persona_avatar.set_person(persona.name, persona.portrait_path)
        self.persona_name.setText(persona.name)
        self.persona_count.setText(self._customer_count(len(members)))
        self.persona_goals.setText(persona.goals or self.tr("No goals written down yet."))
        self.persona_description.setText(persona.description
                                          or self.tr("No description yet."))
        self.persona_customers.setText(", ".join(members)
                                       or self.tr("No customer has this persona yet."))

    def _customer_count(self, n: int) -> str:
        if n == 0:
            return self.tr("No customers yet")
        return self.tr("%n customer(s)", "", n)

    def selected_customer_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return int(rows[0].data(ID_ROLE)) if rows else None

    def selected_persona_id(self) -> int | None:
        item = self.persona_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        has = self.selected_customer_id() is not None
        self.renew_consent_button.setVisible(self.selected_customer_id() in self._expired)
        self.edit_customer_button.setEnabled(has)
        self.delete_customer_button.setEnabled(has)
        self.forget_button.setEnabled(has)

    # --- actions -----------------------------------------------------------------------------

    def add_customer(self) -> None:
        self._open(CustomerDialog(self.library, parent=self))

    def edit_customer(self) -> None:
        cid = self.selected_customer_id()
        if cid is not None:
            self._open(CustomerDialog(self.library, self.library.customer(cid), parent=self))

    def select_customer(self, customer_id: int | None) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == customer_id:
                self.table.selectRow(r)
                return

    def delete_customer(self) -> None:
        cid = self.selected_customer_id()
        customer = next((c for c in self._customers if c.id == cid), None)
        if customer is None or cid is None:
            return
        n = self._interviews.get(cid, 0)
        text = self.tr("“{0}” will be removed from the library.").format(customer.name)
        if n:
            text += " " + (self.tr("Their interview, with its transcript and highlights, "
                                   "will be deleted too.") if n == 1 else
                           self.tr("Their %n interview(s), with transcripts and highlights, "
                                   "will be deleted too.", "", n))
        self._confirm(self.tr("Delete customer?"), text, self.tr("Delete customer"),
                      lambda: self.library.delete_customer(cid))

    def add_persona(self) -> None:
        self._open(PersonaDialog(self.library, self.ctx.services.home, parent=self))

    def edit_persona(self) -> None:
        pid = self.selected_persona_id()
        persona = next((p for p in self._personas if p.id == pid), None)
        if persona is not None:
            self._open(PersonaDialog(self.library, self.ctx.services.home, persona, parent=self))

    def delete_persona(self) -> None:
        pid = self.selected_persona_id()
        persona = next((p for p in self._personas if p.id == pid), None)
        if persona is None or pid is None:
            return
        n = sum(1 for c in self._customers if c.persona_id == pid)
        text = self.tr("The persona “{0}” will be deleted.").format(persona.name)
        if n:
            text += " " + self.tr("%n customer(s) will keep their interviews but have no "
                                  "persona.", "", n)
        self._confirm(self.tr("Delete persona?"), text, self.tr("Delete persona"),
                      lambda: self.library.delete_persona(pid))

    def _open(self, dialog: CustomerDialog | PersonaDialog) -> None:
        """Show a dialog without blocking; refresh, select and announce what it saved."""

        def saved() -> None:
            self._changed([dialog.saved_id] if dialog.saved_id is not None else [])
            if isinstance(dialog, CustomerDialog):
                self.tabs.setCurrentIndex(0)
                self.select_customer(dialog.saved_id)
            else:
                self.tabs.setCurrentIndex(1)
                ids = [p.id for p in self._personas]
                if dialog.saved_id in ids:
                    self.persona_list.setCurrentRow(ids.index(dialog.saved_id))

        open_dialog(self, dialog, saved)

    def _confirm(self, title: str, text: str, action: str, do: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setInformativeText(self.tr("This cannot be undone."))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        confirm = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(cancel)
        box.confirm_button = confirm  # type: ignore[attr-defined]  # handy for tests

        def done(button: object) -> None:
            if button is not confirm:
                return
            try:
                do()
            except CloserError as exc:
                self._show_error(str(exc))
                return
            self._changed()

        box.buttonClicked.connect(done)
        open_dialog(self, box, lambda: None)

    def _change_signal(self) -> Any:
        return self.ctx.events.customers_changed
