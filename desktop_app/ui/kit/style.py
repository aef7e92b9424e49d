"""Look and feel: the bundled font and the application stylesheet (colour tokens filled in)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.config.resources import resources_dir
from desktop_app.ui.kit.tokens import qss as fill_tokens


def apply_style(app: QApplication) -> None:
    fonts = resources_dir() / "fonts"
    family = None
    for ttf in sorted(fonts.glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0 and family is None:
            fams = QFontDatabase.applicationFontFamilies(fid)
            family = fams[0] if fams else None
    if family:
        app.setFont(QFont(family, 10))
    qss = resources_dir() / "qss" / "closer.qss"
    if qss.exists():
        icons = (resources_dir() / "icons").as_posix()
        sheet = qss.read_text(encoding="utf-8").replace("@ICONS@", icons)
        app.setStyleSheet(fill_tokens(sheet))
