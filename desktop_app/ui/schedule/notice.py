"""An inline notice strip for the schedule: what just happened, or what went wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.kit.tokens import (
    ACCENT_LINE,
    ACCENT_SOFT,
    AMBER_50,
    AMBER_200,
    AMBER_800,
    DANGER_SOFT,
    EMERALD_50,
    EMERALD_200,
    EMERALD_800,
    INDIGO_800,
    RED_200,
    RED_800,
)

_KINDS = {
    "info": (ACCENT_SOFT, ACCENT_LINE, INDIGO_800),
    "success": (EMERALD_50, EMERALD_200, EMERALD_800),
    "warning": (AMBER_50, AMBER_200, AMBER_800),
    "error": (DANGER_SOFT, RED_200, RED_800),
}


class NoticeBar(QFrame):
    """`show_message(text, kind)`; the × hides it. `kind`: info, success, warning, error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.kind = "info"
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 9, 8, 9)
        lay.setSpacing(10)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton("×")
        self.close_button.setFixedSize(26, 26)
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, kind: str = "info") -> None:
        bg, border, ink = _KINDS.get(kind, _KINDS["info"])
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#NoticeBar {{ background: {bg}; border: 1px solid {border}; "
            f"border-radius: 8px; }} QFrame#NoticeBar QLabel {{ color: {ink}; }} "
            f"QFrame#NoticeBar QPushButton {{ background: transparent; border: none; "
            f"color: {ink}; font-size: 14pt; padding: 0; }}")
        self.label.setText(text)
        self.show()
