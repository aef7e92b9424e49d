"""The "Guides" tab: reusable interview question lists, with a readable preview."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.ui.kit.dialog import language_label
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import ACCENT, ACCENT_SOFT, INK
from desktop_app.ui.schedule.health import transparent_scroll

ID_ROLE = Qt.ItemDataRole.UserRole


class GuidesPanel(QWidget):
    """List + preview; `action_requested(name, guide_id)` with name new/edit/delete."""

    action_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guides: list[GuideInfo] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Questions to keep at hand during an interview. They are shown "
                              "beside the recorder for interviews of a series that uses them."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self._act("edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(lambda: self._act("delete"))
        self.new_button = QPushButton(self.tr("New guide"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.clicked.connect(lambda: self.action_requested.emit("new", 0))
        for b in (self.edit_button, self.delete_button, self.new_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        split = QHBoxLayout()
        split.setSpacing(16)
        self.list = QListWidget()
        self.list.setFixedWidth(300)
        self.list.setStyleSheet(
            "QListWidget { padding: 6px; } QListWidget::item { padding: 8px 8px; "
            f"border-radius: 6px; color: {INK}; }} QListWidget::item:selected {{ "
            f"background: {ACCENT_SOFT}; border-left: 3px solid {ACCENT}; }}")
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _i: self._act("edit"))
        split.addWidget(self.list)
        card = QFrame()
        card.setObjectName("Card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(24, 20, 24, 20)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setStyleSheet("font-size: 14pt;")
        self.meta = QLabel()
        self.meta.setObjectName("Muted")
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.TextFormat.RichText)
        self.questions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.questions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.setContentsMargins(0, 0, 8, 0)
        il.addWidget(self.questions)
        il.addStretch(1)
        scroll = transparent_scroll(inner)
        cl.addWidget(self.title)
        cl.addWidget(self.meta)
        cl.addSpacing(12)
        cl.addWidget(scroll, 1)
        split.addWidget(card, 1)
        lay.addLayout(split, 1)

    def set_guides(self, guides: list[GuideInfo]) -> None:
        current = self.current_id()
        self.guides = list(guides)
        with signals_blocked(self.list):
            self.list.clear()
            for g in guides:
                item = QListWidgetItem(f"{g.name}\n{language_label(g.language)} · "
                                       + self.tr("%n question(s)", "", len(g.questions)))
                item.setData(ID_ROLE, g.id)
                self.list.addItem(item)
        ids = [g.id for g in guides]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self._show(self.list.currentRow())

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.guides)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if not has:
            self.title.setText(self.tr("No guides"))
            self.meta.setText("")
            self.questions.setText("")
            return
        g = self.guides[row]
        self.title.setText(g.name)
        kind = self.tr("Built-in") if g.builtin_key else self.tr("Your guide")
        self.meta.setText(f"{language_label(g.language)} · {kind}")
        items = "".join(f'<li style="margin-bottom:9px">{html.escape(q)}</li>'
                        for q in g.questions)
        self.questions.setText(f'<ol style="margin-top:2px; margin-left:-14px">{items}</ol>')

    def _act(self, key: str) -> None:
        gid = self.current_id()
        if gid is not None:
            self.action_requested.emit(key, gid)
