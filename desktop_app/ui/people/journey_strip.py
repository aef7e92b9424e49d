"""The customer journey as a strip of stage cards, and a table whose rows can be dragged."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QDropEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.library import Touchpoint
from desktop_app.ui.kit.tokens import qss

_STRIP_CSS = qss("""
QFrame#Stage { background: @CARD; border: 1px solid @LINE; border-radius: 10px; }
QFrame#Stage[selected="true"] { border: 2px solid @INDIGO_500; background: @HAZE_INDIGO; }
QLabel#StageNo { background: @ACCENT; color: @CARD; border-radius: 11px; font-weight: bold;
                 font-size: 8.5pt; }
QLabel#StageKey { color: @MUTED; border: 1px solid @LINE_STRONG; border-radius: 4px;
                  padding: 0 5px; font-size: 8.5pt; }
QLabel#StageName { font-weight: bold; font-size: 10.5pt; }
QLabel#StageArrow { color: @FAINT; font-size: 18pt; }
QLabel#StageCount { color: @ACCENT_HOVER; font-size: 8.5pt; }
""")


class ReorderTable(QTableWidget):
    """A table whose rows the user drags to reorder; it reports moves, the view persists them."""

    row_moved = Signal(int, int)  # from row, to row (final position)

    def __init__(self, rows: int, cols: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, cols, parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mime_for_row(self, row: int) -> QMimeData:
        model = self.model()
        return model.mimeData([model.index(row, c) for c in range(self.columnCount())])

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803 (Qt's name)
        # Our own drag: QTableWidget's would clear the dragged cells after a "move".
        row = self.currentRow()
        if row < 0:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mime_for_row(row))
        first = self.visualRect(self.model().index(row, 0))
        last = self.visualRect(self.model().index(row, self.columnCount() - 1))
        drag.setPixmap(self.viewport().grab(first.united(last)))
        drag.exec(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() not in (self, None) or self.currentRow() < 0:
            event.ignore()
            return
        src = self.currentRow()
        index = self.indexAt(event.position().toPoint())
        where = self.dropIndicatorPosition()
        between = (QAbstractItemView.DropIndicatorPosition.AboveItem,
                   QAbstractItemView.DropIndicatorPosition.BelowItem)
        if not index.isValid():
            dst = self.rowCount() - 1
        elif where in between:
            insert_at = index.row() + (where == between[1])
            dst = insert_at if insert_at <= src else insert_at - 1
        else:
            dst = index.row()
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if dst != src:
            QTimer.singleShot(0, lambda: self.row_moved.emit(src, dst))


class _StageCard(QFrame):
    clicked = Signal(int)

    def __init__(self, touchpoint_id: int) -> None:
        super().__init__()
        self._id = touchpoint_id
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self._id)
        super().mousePressEvent(event)


class JourneyStrip(QWidget):
    """The journey as cards with arrows, left to right in order; a click selects a stage."""

    stage_clicked = Signal(int)  # touchpoint id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STRIP_CSS)
        self._lay = QHBoxLayout(self)
        self._lay.setContentsMargins(2, 2, 2, 6)
        self._lay.setSpacing(4)
        self._names: list[str] = []

    def names(self) -> list[str]:
        return list(self._names)

    def set_stages(self, stages: list[Touchpoint], selected: int | None,
                   usage: dict[int, int] | None = None) -> None:
        """Show `stages` in order; `usage` (id -> tagged highlights) is shown on each card."""
        while self._lay.count():
            item = self._lay.takeAt(0)
            old = item.widget()
            if old is not None:
                old.hide()
                old.setParent(None)
                old.deleteLater()
        self._names = [t.name for t in stages]
        for i, t in enumerate(stages):
            if i:
                arrow = QLabel("›")
                arrow.setObjectName("StageArrow")
                self._lay.addWidget(arrow)
            used = (usage or {}).get(t.id or 0)
            self._lay.addWidget(self._card(i, t, t.id == selected, used), 1)

    def _card(self, i: int, t: Touchpoint, selected: bool, used: int | None) -> QFrame:
        card = _StageCard(t.id or 0)
        card.clicked.connect(self.stage_clicked)
        card.setObjectName("Stage")
        card.setProperty("selected", selected)
        card.setMinimumWidth(112)
        card.setMaximumWidth(220)
        card.setFixedHeight(138)
        card.setToolTip("\n".join(v for v in (t.name, t.channel, t.department, t.description)
                                  if v))
        lay = QVBoxLayout(card)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(3)
        top = QHBoxLayout()
        no = QLabel(str(i + 1))
        no.setObjectName("StageNo")
        no.setFixedSize(22, 22)
        no.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(no)
        top.addStretch(1)
        if t.shortcut:
            key = QLabel(t.shortcut)
            key.setObjectName("StageKey")
            top.addWidget(key)
        lay.addLayout(top)
        lay.addSpacing(4)
        for text, name in ((t.name, "StageName"), (t.department, "Muted")):
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            lay.addWidget(label)
        lay.addStretch(1)
        if used is not None:
            count = QLabel(self.tr("No highlights") if used == 0 else
                           self.tr("%n highlight(s)", "", used))
            count.setObjectName("StageCount")
            lay.addWidget(count)
        return card
