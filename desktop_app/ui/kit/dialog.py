"""Shared dialog frame for the reference-data editors: title, form, inline error, Cancel/Save.

Used by the customer, persona, touchpoint and zone dialogs. A subclass fills `self.body` and
implements `save()`; a `CloserError` raised there is shown inline and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.ui.kit.tokens import INK_SOFT

# Languages offered for customers (interview language) and for transcription.
LANGUAGE_CODES = ("en", "ru", "de", "fr", "es", "it", "pt", "uk", "pl", "tr", "nl", "zh", "ja")


def language_choices(auto_label: str = "") -> list[tuple[str, str]]:
    """(code, label) pairs: "auto" first, then the languages Whisper handles well."""
    def t(text: str) -> str:
        return QCoreApplication.translate("Languages", text)

    names = {"en": t("English"), "ru": t("Russian"), "de": t("German"), "fr": t("French"),
             "es": t("Spanish"), "it": t("Italian"), "pt": t("Portuguese"),
             "uk": t("Ukrainian"), "pl": t("Polish"), "tr": t("Turkish"), "nl": t("Dutch"),
             "zh": t("Chinese"), "ja": t("Japanese")}
    return [("auto", auto_label or t("Detect automatically"))] + [
        (code, names[code]) for code in LANGUAGE_CODES]


def language_label(code: str) -> str:
    """The display name of a language code ("auto" -> "Auto"); unknown codes are shown as is."""
    if not code or code == "auto":
        return QCoreApplication.translate("Languages", "Auto")
    return dict(language_choices()).get(code, code)


class DialogOwner(Protocol):
    active_dialog: QDialog | None


def open_dialog(owner: DialogOwner, dialog: QDialog, on_saved: Callable[[], None]) -> None:
    """Show `dialog` without blocking; `owner.active_dialog` points at it while it is open.

    `on_saved` runs when the dialog is accepted. Non-blocking dialogs keep views testable.
    """
    owner.active_dialog = dialog

    def finished(_result: int) -> None:
        if owner.active_dialog is dialog:
            owner.active_dialog = None
        dialog.deleteLater()

    dialog.accepted.connect(on_saved)
    dialog.finished.connect(finished)
    dialog.open()


def labelled(label: str, widget: QWidget, hint: str = "") -> QWidget:
    """A field with its label above it (and an optional muted hint below)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(5)
    title = QLabel(label)
    title.setObjectName("FieldLabel")
    title.setStyleSheet(f"font-weight: bold; color: {INK_SOFT};")
    title.setBuddy(widget)
    lay.addWidget(title)
    lay.addWidget(widget)
    if hint:
        note = QLabel(hint)
        note.setObjectName("Muted")
        note.setWordWrap(True)
        lay.addWidget(note)
    lay.addStretch(1)  # extra height goes below the field, not between label and field
    return box


class FormDialog(QDialog):
    """A calm editor dialog; Save calls `save()` and closes only when it succeeded."""

    def __init__(self, title: str, subtitle: str = "", *, save_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 22)
        outer.setSpacing(0)
        heading = QLabel(title)
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("font-size: 14pt;")
        outer.addWidget(heading)
        if subtitle:
            sub = QLabel(subtitle)
            sub.setObjectName("Muted")
            sub.setWordWrap(True)
            outer.addSpacing(4)
            outer.addWidget(sub)
        outer.addSpacing(20)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer.addLayout(self.body)
        outer.addSpacing(14)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        outer.addSpacing(10)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(save_text or self.tr("Save"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_save)
        buttons.addWidget(self.cancel_button)
        buttons.addSpacing(6)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_placeholders()

    def fit_placeholders(self, most: int = 420) -> None:
        """Give every field room for its placeholder (up to `most` px): fields share rows, and
        the Russian examples are longer than the English ones; the dialog grows to fit."""
        for edit in self.findChildren(QLineEdit):
            if edit.placeholderText():
                need = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 26
                edit.setMinimumWidth(min(most, max(edit.minimumWidth(), need)))
        layout = self.layout()
        if layout is not None:
            layout.activate()
            wide = max(self.minimumWidth(), layout.minimumSize().width())
            self.setMinimumWidth(wide)
            if self.width() < wide:
                self.resize(wide, self.height())

    def row(self, *fields: QWidget) -> QHBoxLayout:
        """Put fields side by side (equal widths) as one row of the form."""
        lay = QHBoxLayout()
        lay.setSpacing(16)
        for f in fields:
            lay.addWidget(f, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(lay)
        return lay

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def try_save(self) -> bool:
        """Validate and save; on a user-facing error show it inline and keep the dialog open."""
        try:
            self.save()
        except CloserError as exc:
            self.show_error(str(exc))
            return False
        self.show_error("")
        self.accept()
        return True

    def save(self) -> None:  # pragma: no cover - every subclass implements it
        raise NotImplementedError
