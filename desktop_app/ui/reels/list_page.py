"""The list of reels beside the composer: name, audience badge, clip count and length."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.reels import ReelSummary
from desktop_app.ui.kit.tokens import ACCENT_SOFT, CARD, DANGER_DARK, INK, LINE, SURFACE
from desktop_app.ui.reels.style import audience_badge, clip_count, format_length

ID_ROLE = Qt.ItemDataRole.UserRole


class _ReelRow(QWidget):
    def __init__(self, reel: ReelSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 9, 10, 9)
        lay.setSpacing(4)
        self.full_name = reel.name
        self.name = QLabel(reel.name)
        self.name.setStyleSheet("font-weight: bold; background: transparent;")
        self.name.setMinimumWidth(60)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.badge = audience_badge(reel.audience)
        self.full_facts = f"{clip_count(reel.items)} · {format_length(reel.duration_s)}"
        self.facts = QLabel(self.full_facts)
        self.facts.setObjectName("Muted")
        self.facts.setStyleSheet("background: transparent; font-size: 9pt;")
        self.facts.setMinimumWidth(30)
        bottom.addWidget(self.badge)
        bottom.addWidget(self.facts)
        # consent missing, refused or expired: the reel cannot be rendered or presented whole
        self.consent_flag = QLabel(self.tr("\u26a0 Consent"))
        self.consent_flag.setObjectName("ConsentFlag")
        self.consent_flag.setStyleSheet(f"background: transparent; color: {DANGER_DARK}; "
                                        "font-size: 9pt; font-weight: bold;")
        self.consent_flag.setVisible(bool(reel.consent_issues))
        bottom.addWidget(self.consent_flag)
        bottom.addStretch(1)
        lay.addWidget(self.name)
        lay.addLayout(bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # long names end in "…" (the full name is the row's tooltip)
        bold = QFont(self.name.font())
        bold.setBold(True)
        self.name.setText(QFontMetrics(bold).elidedText(
            self.full_name, Qt.TextElideMode.ElideRight, max(40, self.width() - 24)))
        # the clip count and length beside the audience badge: "…" and a tooltip when narrow
        room = max(20, self.width() - 24 - self.badge.sizeHint().width() - 8)
        shown = self.facts.fontMetrics().elidedText(self.full_facts,
                                                    Qt.TextElideMode.ElideRight, room)
        self.facts.setText(shown)
        self.facts.setToolTip(self.full_facts if shown != self.full_facts else "")
        super().resizeEvent(event)


class ReelListPanel(QWidget):
    """"New reel", "Auto reel…" and the reels, newest first; `selected(id)` on a click."""

    selected = Signal(int)
    new_requested = Signal()
    auto_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(230)
        self.setMaximumWidth(300)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.new_button = QPushButton(self.tr("+  New reel"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.clicked.connect(self.new_requested)
        self.auto_button = QPushButton(self.tr("Auto reel…"))
        self.auto_button.setToolTip(self.tr("The most severe moments of a touchpoint, within a "
                                            "time limit"))
        self.auto_button.clicked.connect(self.auto_requested)
        buttons.addWidget(self.new_button, 1)
        buttons.addWidget(self.auto_button, 1)
        lay.addLayout(buttons)
        self.list = QListWidget()
        self.list.setObjectName("ReelList")
        self.list.setStyleSheet(
            f"QListWidget#ReelList {{ background: {CARD}; border: 1px solid {LINE}; "
            "border-radius: 10px; padding: 4px; outline: none; }"
            "QListWidget#ReelList::item { border-radius: 7px; margin: 2px 0; }"
            f"QListWidget#ReelList::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}"
            f"QListWidget#ReelList::item:hover:!selected {{ background: {SURFACE}; }}")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        lay.addWidget(self.list, 1)
        self._quiet = False

    def set_reels(self, reels: Sequence[ReelSummary], current: int | None) -> None:
        """Show `reels`, keeping `current` selected (without emitting `selected`)."""
        self._quiet = True
        try:
            self.list.clear()
            for reel in reels:
                item = QListWidgetItem()
                item.setData(ID_ROLE, reel.id)
                item.setToolTip("\n".join([reel.name, *reel.consent_issues]))
                row = _ReelRow(reel)
                item.setSizeHint(QSize(200, row.sizeHint().height() + 4))
                self.list.addItem(item)
                self.list.setItemWidget(item, row)
                if reel.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self._quiet = False

    def ids(self) -> list[int]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def row_widget(self, reel_id: int) -> _ReelRow | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == reel_id:
                widget = self.list.itemWidget(item)
                return widget if isinstance(widget, _ReelRow) else None
        return None

    def select(self, reel_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == reel_id:
                self.list.setCurrentRow(i)
                return

    def _on_current(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is not None and not self._quiet:
            self.selected.emit(int(item.data(ID_ROLE)))

    def _menu(self, pos: object) -> None:
        item = self.list.itemAt(pos)  # type: ignore[arg-type]
        if item is None:
            return
        menu = QMenu(self)
        delete = menu.addAction(self.tr("Delete reel…"))
        delete.triggered.connect(lambda: self.delete_requested.emit(int(item.data(ID_ROLE))))
        menu.popup(self.list.viewport().mapToGlobal(pos))  # type: ignore[arg-type]
