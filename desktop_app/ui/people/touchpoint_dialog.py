"""Add or edit a touchpoint (a stage of the customer journey) and its tagging shortcut."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.library import LibraryService, Touchpoint
from desktop_app.ui.kit.dialog import FormDialog, labelled


def check_shortcut(library: LibraryService, key: str, *, language: str = "en",
                   touchpoint_id: int | None = None, zone_id: int | None = None) -> str:
    """Normalise a tagging shortcut ("" = none); refuse odd keys and keys already taken.

    Touchpoints and zones are tagged from the same screen, so a key is unique across both.
    """
    def t(text: str) -> str:
        return QCoreApplication.translate("Shortcuts", text)

    key = key.strip().upper()
    if not key:
        return ""
    if len(key) != 1 or not key.isalnum():
        raise ValidationError(t("A shortcut is a single letter or digit, not '{0}'.").format(key))
    for tp in library.touchpoints():
        if tp.shortcut.upper() == key and tp.id != touchpoint_id:
            raise ValidationError(t("The key {0} is already used by the touchpoint “{1}”.")
                                  .format(key, tp.name))
    for z in library.zones():
        if z.shortcut.upper() == key and z.id != zone_id:
            raise ValidationError(t("The key {0} is already used by the problem zone “{1}”.")
                                  .format(key, zone_display_name(z.name, z.name_ru, language)))
    return key


def update_touchpoint_field(library: LibraryService, touchpoint_id: int, field: str,
                            value: str, *, language: str = "en") -> None:
    """Save one edited field (an inline table edit), with the same checks as the dialog."""
    value = value.strip() if field == "description" else " ".join(value.split())
    if field == "shortcut":
        value = check_shortcut(library, value, language=language, touchpoint_id=touchpoint_id)
    elif field == "name" and any(t.name == value and t.id != touchpoint_id
                                 for t in library.touchpoints()):
        raise ValidationError(QCoreApplication.translate(
            "TouchpointDialog", "A touchpoint named '{0}' already exists.").format(value))
    library.update_touchpoint(touchpoint_id, **{field: value})


def shortcut_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(1)
    edit.setFixedWidth(64)
    return edit


class TouchpointDialog(FormDialog):
    """Creates or updates the touchpoint on Save; `saved_id` holds its id."""

    def __init__(self, library: LibraryService, touchpoint: Touchpoint | None = None, *,
                 language: str = "en", parent: QWidget | None = None) -> None:
        editing = touchpoint is not None
        super().__init__(
            self.tr("Edit touchpoint") if editing else self.tr("New touchpoint"),
            self.tr("A stage of the customer journey. New stages go to the end; reorder them "
                    "in the list."),
            save_text=self.tr("Save changes") if editing else self.tr("Add touchpoint"),
            parent=parent)
        self._library = library
        self._touchpoint = touchpoint
        self._language = language
        self.saved_id: int | None = touchpoint.id if touchpoint else None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Delivery"))
        self.shortcut_edit = shortcut_edit()
        self.channel_edit = QLineEdit()
        self.channel_edit.setPlaceholderText(self.tr("Where it happens: website, store, phone…"))
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText(self.tr("Who owns it, e.g. Logistics"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(self.tr("What the customer does here"))
        self.description_edit.setFixedHeight(72)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("The value we create for the customer here"))
        name_row = self.row(labelled(self.tr("Name"), self.name_edit),
                            labelled(self.tr("Key"), self.shortcut_edit))
        name_row.setStretch(1, 0)
        self.row(labelled(self.tr("Channel"), self.channel_edit),
                 labelled(self.tr("Owning department"), self.department_edit))
        self.body.addWidget(labelled(self.tr("Description"), self.description_edit))
        self.body.addWidget(labelled(self.tr("Value created"), self.value_edit))
        if touchpoint is not None:
            self.name_edit.setText(touchpoint.name)
            self.shortcut_edit.setText(touchpoint.shortcut)
            self.channel_edit.setText(touchpoint.channel)
            self.department_edit.setText(touchpoint.department)
            self.description_edit.setPlainText(touchpoint.description)
            self.value_edit.setText(touchpoint.value_text)
        self.name_edit.setFocus()

    def save(self) -> None:
        own = self._touchpoint.id if self._touchpoint else None
        name = " ".join(self.name_edit.text().split())
        if any(t.name == name and t.id != own for t in self._library.touchpoints()):
            self.name_edit.setFocus()
            raise ValidationError(self.tr("A touchpoint named '{0}' already exists.")
                                  .format(name))
        try:
            key = check_shortcut(self._library, self.shortcut_edit.text(),
                                 language=self._language, touchpoint_id=own)
        except ValidationError:
            self.shortcut_edit.setFocus()
            raise
        values = {"channel": self.channel_edit.text().strip(),
                  "department": self.department_edit.text().strip(),
                  "description": self.description_edit.toPlainText().strip()}
        try:
            if own is None:
                own = self._library.add_touchpoint(name=name, **values).id
                assert own is not None
                self.saved_id = own
                values = {}
            else:
                values["name"] = name
        except ValidationError:
            self.name_edit.setFocus()
            raise
        self._library.update_touchpoint(own, shortcut=key, value_text=self.value_edit.text()
                                        .strip(), **values)
