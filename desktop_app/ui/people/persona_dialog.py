"""Add or edit a persona: name, portrait (copied into the library), goals and description."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.services.library import LibraryService, Persona
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.people.avatar import Avatar

PORTRAITS_DIR = "portraits"


def store_portrait(source: Path, home: Path) -> Path:
    """Copy a picked image into the library so the persona survives moving the original."""
    folder = home / PORTRAITS_DIR
    if source.parent.resolve() == folder.resolve():
        return source
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    return target


class PersonaDialog(FormDialog):
    """Creates or updates the persona on Save; `saved_id` holds its id."""

    def __init__(self, library: LibraryService, home: Path, persona: Persona | None = None,
                 parent: QWidget | None = None) -> None:
        editing = persona is not None
        super().__init__(
            self.tr("Edit persona") if editing else self.tr("New persona"),
            self.tr("A persona is a kind of customer: what they want and how they behave. "
                    "Highlights and reels can be filtered by persona."),
            save_text=self.tr("Save changes") if editing else self.tr("Add persona"),
            parent=parent)
        self._library = library
        self._home = home
        self._persona = persona
        self.saved_id: int | None = persona.id if persona else None
        self.portrait_path = persona.portrait_path if persona else ""

        self.avatar = Avatar(88)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Busy parent"))
        self.name_edit.textChanged.connect(self._update_avatar)
        self.choose_button = QPushButton(self.tr("Choose portrait…"))
        self.choose_button.clicked.connect(self._choose_portrait)
        self.remove_button = QPushButton(self.tr("Remove portrait"))
        self.remove_button.setObjectName("LinkButton")
        self.remove_button.clicked.connect(lambda: self.set_portrait(""))
        self.goals_edit = QPlainTextEdit()
        self.goals_edit.setPlaceholderText(self.tr("What are they trying to get done?"))
        self.goals_edit.setFixedHeight(76)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("Habits, context, frustrations, how they talk about us…"))
        self.description_edit.setFixedHeight(96)

        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self.avatar)
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(labelled(self.tr("Name"), self.name_edit))
        pic = QHBoxLayout()
        pic.addWidget(self.choose_button)
        pic.addWidget(self.remove_button)
        pic.addStretch(1)
        side.addLayout(pic)
        top.addLayout(side, 1)
        self.body.addLayout(top)
        self.body.addWidget(labelled(self.tr("Goals"), self.goals_edit))
        self.body.addWidget(labelled(self.tr("Description"), self.description_edit))

        if persona is not None:
            self.name_edit.setText(persona.name)
            self.goals_edit.setPlainText(persona.goals)
            self.description_edit.setPlainText(persona.description)
        self._update_avatar()
        self.name_edit.setFocus()

    def _update_avatar(self) -> None:
        self.avatar.set_person(self.name_edit.text() or "?", self.portrait_path)
        self.remove_button.setVisible(bool(self.portrait_path))

    def _choose_portrait(self) -> None:
        formats = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a portrait"), str(Path.home()),
                                              self.tr("Images ({0})").format(formats))
        if path:
            self.set_portrait(path)

    def set_portrait(self, path: str) -> bool:
        """Use an image file as the portrait ("" removes it); unreadable files are refused."""
        if path and QImageReader(path).size().isEmpty():
            self.show_error(self.tr("'{0}' is not an image Closer can read.")
                            .format(Path(path).name))
            return False
        self.show_error("")
        self.portrait_path = path
        self._update_avatar()
        return True

    def save(self) -> None:
        name = " ".join(self.name_edit.text().split())
        own_id = self._persona.id if self._persona else None
        if not name:  # checked before the portrait is copied, so a refusal leaves no file
            self.name_edit.setFocus()
            raise ValidationError(self.tr("The persona needs a name."))
        if any(p.name == name and p.id != own_id for p in self._library.personas()):
            self.name_edit.setFocus()
            raise ValidationError(self.tr("A persona named '{0}' already exists.").format(name))
        portrait = self.portrait_path
        if portrait:
            try:
                portrait = str(store_portrait(Path(portrait), self._home))
            except OSError as exc:
                raise ValidationError(self.tr("Could not copy the portrait: {0}")
                                      .format(exc.strerror or exc)) from exc
        values = {"goals": self.goals_edit.toPlainText().strip(),
                  "description": self.description_edit.toPlainText().strip(),
                  "portrait_path": portrait}
        try:
            if self._persona is None:
                self.saved_id = self._library.add_persona(name=name, **values).id
            else:
                assert self._persona.id is not None
                self._library.update_persona(self._persona.id, name=name, **values)
        except ValidationError:
            self.name_edit.setFocus()
            raise
        self.portrait_path = portrait
