"""A centred, friendly empty state: what this place is for and the one action to take."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Title, explanation and an optional call-to-action button."""

    action_clicked = Signal()

    def __init__(self, title: str, text: str, action: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        self.title = QLabel(title)
        self.title.setObjectName("EmptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text)
        self.text.setObjectName("EmptyText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(520)
        lay.addWidget(self.title)
        lay.addSpacing(8)
        lay.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.setObjectName("PrimaryButton")
            self.button.clicked.connect(self.action_clicked)
            lay.addSpacing(16)
            lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(3)

    def showEvent(self, event: QShowEvent) -> None:
        # A word-wrapped label under a style sheet can be laid out with a one-line height;
        # size it from the final font.
        rect = QFontMetrics(self.text.font()).boundingRect(
            0, 0, self.text.width(), 10_000, Qt.TextFlag.TextWordWrap, self.text.text())
        self.text.setMinimumHeight(rect.height() + 6)
        super().showEvent(event)
