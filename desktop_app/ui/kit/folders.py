"""Open a folder in the file manager; where none opens it, say where the folder is and offer to
copy its path (a click that silently does nothing leaves the user stuck)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("OpenFolder", text)


def open_folder(folder: str | Path, parent: QWidget | None = None, *,
                opener: Callable[[QUrl], object] = QDesktopServices.openUrl
                ) -> QMessageBox | None:
    """Show `folder` in the file manager; None when that worked, else the message box shown
    (its "Copy path" button puts the path on the clipboard)."""
    path = str(Path(folder))
    if opener(QUrl.fromLocalFile(path)):
        return None
    box = QMessageBox(QMessageBox.Icon.Information, _t("Cannot open the folder"),
                      _t("No file manager could open the folder. It is here:") + f"\n{path}",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("OpenFolderMessage")
    copy = box.addButton(_t("Copy path"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(copy)
    box.setProperty("path", path)

    def answered(button: object) -> None:
        if button is copy:
            QGuiApplication.clipboard().setText(path)

    box.buttonClicked.connect(answered)
    box.open()
    return box
