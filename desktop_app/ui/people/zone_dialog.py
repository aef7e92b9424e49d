"""Add or edit a problem zone: English and Russian names, description and tagging shortcut."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.library import LibraryService, ProblemZone
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.people.touchpoint_dialog import check_shortcut, shortcut_edit


def update_zone_field(library: LibraryService, zone_id: int, field: str, value: str, *,
                      language: str = "en") -> None:
    """Save one edited field (an inline table edit), with the same checks as the dialog."""
    value = value.strip() if field == "description" else " ".join(value.split())
    if field == "shortcut":
        value = check_shortcut(library, value, language=language, zone_id=zone_id)
    elif field == "name" and not value:
        raise ValidationError(QCoreApplication.translate(
            "ZoneDialog", "The problem zone needs an English name."))
    library.update_zone(zone_id, **{field: value})


class ZoneDialog(FormDialog):
    """Creates or updates the zone on Save; `saved_id` holds its id."""

    def __init__(self, library: LibraryService, zone: ProblemZone | None = None, *,
                 language: str = "en", parent: QWidget | None = None) -> None:
        editing = zone is not None
        super().__init__(
            self.tr("Edit problem zone") if editing else self.tr("New problem zone"),
            self.tr("Where the company lets customers down. The name is shown in the "
                    "app's language."),
            save_text=self.tr("Save changes") if editing else self.tr("Add zone"),
            parent=parent)
        self._library = library
        self._zone = zone
        self._language = language
        self.saved_id: int | None = zone.id if zone else None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("English name, e.g. Systems"))
        self.name_ru_edit = QLineEdit()
        self.name_ru_edit.setPlaceholderText(self.tr("Russian name, e.g. Системы"))
        self.shortcut_edit = shortcut_edit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(self.tr("What it sounds like when a customer "
                                                         "hits this problem"))
        self.description_edit.setFixedHeight(84)
        row = self.row(labelled(self.tr("Name (English)"), self.name_edit),
                       labelled(self.tr("Name (Russian)"), self.name_ru_edit),
                       labelled(self.tr("Key"), self.shortcut_edit))
        row.setStretch(2, 0)
        self.body.addWidget(labelled(self.tr("Description"), self.description_edit))
        if zone is not None:
            self.name_edit.setText(zone.name)
            self.name_ru_edit.setText(zone.name_ru)
            self.shortcut_edit.setText(zone.shortcut)
            self.description_edit.setPlainText(zone.description)
        self.name_edit.setFocus()

    def display_name(self) -> str:
        return zone_display_name(self.name_edit.text(), self.name_ru_edit.text(), self._language)

    def save(self) -> None:
        own = self._zone.id if self._zone else None
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.name_edit.setFocus()
            raise ValidationError(self.tr("The problem zone needs an English name."))
        try:
            key = check_shortcut(self._library, self.shortcut_edit.text(),
                                 language=self._language, zone_id=own)
        except ValidationError:
            self.shortcut_edit.setFocus()
            raise
        name_ru = " ".join(self.name_ru_edit.text().split())
        description = self.description_edit.toPlainText().strip()
        if own is None:
            own = self._library.add_zone(name=name, name_ru=name_ru, description=description).id
            assert own is not None
            self.saved_id = own
            self._library.update_zone(own, shortcut=key)
        else:
            self._library.update_zone(own, name=name, name_ru=name_ru, description=description,
                                      shortcut=key)
