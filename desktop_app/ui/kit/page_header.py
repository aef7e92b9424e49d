"""The header of a section page: a big title, a grey subtitle and the page's actions beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget


class PageHeader(QWidget):
    """Title over subtitle (`gap` px apart) on the left; `add_action()` puts widgets to their right.

    `spacing` is the gap between the actions: pass the page layout's spacing, which a nested
    layout would have inherited (so a page looks exactly as it did with a hand-built header).
    """

    def __init__(self, title: str = "", subtitle: str = "", *, gap: int = 4, spacing: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(spacing)
        titles = QVBoxLayout()
        titles.setSpacing(gap)
        self.title = QLabel(title)
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel(subtitle)
        self.subtitle.setObjectName("PageSubtitle")
        self.subtitle.setWordWrap(True)  # wraps instead of running under the actions
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.row.addLayout(titles, 1)

    def add_action(self, item: QWidget | QLayout, stretch: int = 0,
                   alignment: Qt.AlignmentFlag | None = None) -> None:
        """Put a widget (or a layout of them) right of the titles, after the previous ones."""
        if isinstance(item, QLayout):
            self.row.addLayout(item, stretch)
        elif alignment is None:
            self.row.addWidget(item, stretch)
        else:
            self.row.addWidget(item, stretch, alignment)

    def insert_action(self, before: QWidget, widget: QWidget) -> None:
        """Put `widget` just left of the action `before` (a feature adding to another's header)."""
        self.row.insertWidget(self.row.indexOf(before), widget)

    def add_spacing(self, size: int) -> None:
        self.row.addSpacing(size)
