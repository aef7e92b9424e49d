"""The ordered clips of a reel as cards: picture, quote, who, length, consent; drag to reorder.

The model never reorders the reel itself: a drag (or Alt+Up/Down) emits `move_requested(item
id, new position)`, the view asks the service, and the list is reloaded from what it saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.domain.reels import ReelItemView
from desktop_app.ui.kit.tokens import (
    ACCENT,
    AMBER_100,
    AMBER_800,
    CARD,
    DANGER,
    DANGER_DARK,
    FAINT,
    GRAY_800,
    HAZE_INDIGO,
    INDIGO_400,
    INK,
    INK_SOFT,
    LINE,
    MUTED,
    RED_100,
    SURFACE_ALT,
)
from desktop_app.ui.reels.style import format_length

MIME = "application/x-closer-reel-item"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_H = 96
THUMB_W, THUMB_H = 112, 63
Index = QModelIndex | QPersistentModelIndex


class ClipListModel(QAbstractListModel):
    """Rows = the reel's items in order."""

    move_requested = Signal(int, int)  # item id, new position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[ReelItemView] = []

    def set_items(self, items: Sequence[ReelItemView]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ReelItemView]:
        return list(self._items)

    def row_of(self, item_id: int) -> int:
        return next((i for i, it in enumerate(self._items) if it.id == item_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.quote
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole and item.consent_problem:
            return item.consent_problem
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, QByteArray(str(self._items[rows[0]].id).encode()))
        return data

    def moveRows(self, source_parent: Index, source_row: int, count: int,
                 destination_parent: Index, destination_child: int) -> bool:
        """An internal drag of one card (QListView calls this): move it and tell the view."""
        if count != 1 or not 0 <= source_row < len(self._items) \
                or destination_child in (source_row, source_row + 1):
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                                  destination_child):
            return False
        item = self._items.pop(source_row)
        position = destination_child if destination_child < source_row \
            else destination_child - 1
        self._items.insert(position, item)
        self.endMoveRows()
        self.move_requested.emit(item.id, position)
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """A drop that did not come through moveRows: ask for the move, keep rows as they are
        (False, so the view removes nothing; the list reloads from the service)."""
        if not data.hasFormat(MIME):
            return False
        try:
            item_id = int(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        position = target if target <= source else target - 1
        if position != source:
            self.move_requested.emit(item_id, position)
        return False


def _two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """Greedy word wrap into at most two lines, the second elided."""
    words, current = text.split(), ""
    for k, w in enumerate(words):
        trial = f"{current} {w}".strip()
        if fm.horizontalAdvance(trial) <= width or not current:
            current = trial
        else:
            rest = " ".join(words[k:])
            return [current, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return [fm.elidedText(current, Qt.TextElideMode.ElideRight, width)] if current else []


class ClipCardDelegate(QStyledItemDelegate):
    """Paints a clip card; a click on its × asks to remove the clip."""

    remove_clicked = Signal(int)  # item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[str, QPixmap] = {}
        self.durations: dict[int, float] = {}  # interview id -> recording length (s)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(240, CARD_H)  # the list stretches cards to its width

    def remove_rect(self, rect: QRect) -> QRect:
        card = rect.adjusted(6, 4, -6, -4)
        return QRect(card.right() - 26, card.top() + 6, 20, 20)

    def _thumb(self, path: str) -> QPixmap:
        if path not in self._pixmaps:
            self._pixmaps[path] = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        return self._pixmaps[path]

    def _source_rect(self, item: ReelItemView, pm: QPixmap, thumb: QRectF) -> QRectF:
        """The part of the picture to show: for audio, the clip's stretch of the waveform."""
        src = QRectF(pm.rect())
        duration = self.durations.get(item.interview_id, 0.0)
        if not item.has_video and duration > 0:
            margin = max(6, round(min(pm.width(), pm.height()) * 0.09))  # the card's margin
            span = pm.width() - 2 * margin
            x0 = margin + span * max(0.0, item.start / duration)
            x1 = margin + span * min(1.0, item.end / duration)
            pad = max(4.0, (x1 - x0) * 0.08)
            return QRectF(x0 - pad, src.top(), x1 - x0 + 2 * pad, src.height())
        scale = max(thumb.width() / src.width(), thumb.height() / src.height())
        w, h = thumb.width() / scale, thumb.height() / scale
        return QRectF(src.center().x() - w / 2, src.center().y() - h / 2, w, h)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: ReelItemView = index.data(ITEM_ROLE)
        if item is None:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(option.rect.adjusted(6, 4, -6, -4))
        blocked = not item.consent_ok
        p.setPen(QPen(QColor(INDIGO_400 if selected else LINE), 1.5 if selected else 1))
        p.setBrush(QColor(HAZE_INDIGO if selected else CARD))
        p.drawRoundedRect(card, 9, 9)
        if blocked:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(DANGER))
            p.drawRoundedRect(QRectF(card.left(), card.top() + 10, 3, card.height() - 20), 1.5, 1.5)
        base = QFont(option.font)
        # the position number
        num = QRectF(card.left() + 10, card.center().y() - 11, 22, 22)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(ACCENT if selected else SURFACE_ALT))
        p.drawEllipse(num)
        f = QFont(base)
        f.setPointSizeF(8.5)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(CARD if selected else INK_SOFT))
        p.drawText(num, Qt.AlignmentFlag.AlignCenter, str(index.row() + 1))
        # the picture, with the length on it
        thumb = QRectF(num.right() + 10, card.center().y() - THUMB_H / 2, THUMB_W, THUMB_H)
        path = QPainterPath()
        path.addRoundedRect(thumb, 6, 6)
        p.save()
        p.setClipPath(path)
        p.fillRect(thumb, QColor(GRAY_800))
        pm = self._thumb(item.picture_path)
        if not pm.isNull():
            p.drawPixmap(thumb, pm, self._source_rect(item, pm, thumb))
        p.restore()
        f.setPointSizeF(8)
        p.setFont(f)
        length = format_length(item.duration)
        lw = QFontMetrics(f).horizontalAdvance(length) + 10
        pill = QRectF(thumb.right() - lw - 4, thumb.bottom() - 20, lw, 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 170))
        p.drawRoundedRect(pill, 4, 4)
        p.setPen(QColor(CARD))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, length)
        if not item.has_video:
            p.drawText(QRectF(thumb.left() + 6, thumb.top() + 3, 20, 16),
                       Qt.AlignmentFlag.AlignLeft, "\u266a")
        # quote, who, consent
        left = thumb.right() + 12
        width = int(card.right() - left - 34)
        qf = QFont(base)
        qf.setPointSizeF(9.8)
        qfm = QFontMetrics(qf)
        p.setFont(qf)
        p.setPen(QColor(INK))
        y = card.top() + 10
        for line in _two_lines(f"“{item.quote}”" if item.quote else "—", qfm, width):
            p.drawText(QRectF(left, y, width, qfm.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += qfm.height()
        mf = QFont(base)
        mf.setPointSizeF(8.6)
        mfm = QFontMetrics(mf)
        p.setFont(mf)
        bits = [item.customer, item.persona, ", ".join(item.touchpoints[:2])]
        meta = " · ".join(b for b in bits if b)
        p.setPen(QColor(MUTED))
        meta_y = card.bottom() - 10 - mfm.height() - (20 if item.consent_problem else 0)
        p.drawText(QRectF(left, meta_y, width, mfm.height()), Qt.AlignmentFlag.AlignLeft,
                   mfm.elidedText(meta, Qt.TextElideMode.ElideRight, width))
        if item.consent_problem:
            text = ("\u26a0 " if blocked else "") + item.consent_problem
            text = mfm.elidedText(text, Qt.TextElideMode.ElideRight, width - 12)
            chip = QRectF(left, card.bottom() - 28, mfm.horizontalAdvance(text) + 14, 19)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(RED_100 if blocked else AMBER_100))
            p.drawRoundedRect(chip, 9, 9)
            p.setPen(QColor(DANGER_DARK if blocked else AMBER_800))
            p.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        if selected or hover:
            r = QRectF(self.remove_rect(option.rect))
            p.setPen(QColor(FAINT))
            f.setPointSizeF(12)
            p.setFont(f)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, "\u00d7")
        p.restore()

    def editorEvent(self, event: QEvent, model: object, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and self.remove_rect(option.rect).contains(event.position().toPoint()):
            item = index.data(ITEM_ROLE)
            if item is not None:
                self.remove_clicked.emit(item.id)
                return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]


class ClipListView(QListView):
    """Cards in order; drag one to reorder, Alt+Up/Down moves, Delete removes."""

    remove_requested = Signal(int)
    selected_changed = Signal(object)  # ReelItemView | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clips = ClipListModel(self)
        self.delegate = ClipCardDelegate(self)
        self.setModel(self.clips)
        self.setItemDelegate(self.delegate)
        self.setObjectName("ClipList")
        self.setStyleSheet("QListView#ClipList { background: transparent; border: none; }"
                           "QListView#ClipList::item { background: transparent; }")
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.delegate.remove_clicked.connect(self.remove_requested)
        self.selectionModel().currentChanged.connect(lambda *_: self._emit_selected())
        self.clips.modelReset.connect(self._emit_selected)

    def set_items(self, items: Sequence[ReelItemView], keep: int | None = None,
                  durations: dict[int, float] | None = None) -> None:
        """Show `items`, selecting the item with id `keep` (or the first one); `durations`
        (interview id -> seconds) let audio cards show their own stretch of the waveform."""
        if durations is not None:
            self.delegate.durations = dict(durations)
        keep = keep if keep is not None else (self.current_item().id
                                              if self.current_item() else None)
        self.clips.set_items(items)
        row = self.clips.row_of(keep) if keep is not None else -1
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.setCurrentIndex(self.clips.index(row))
        self._emit_selected()

    def current_item(self) -> ReelItemView | None:
        idx = self.currentIndex()
        return idx.data(ITEM_ROLE) if idx.isValid() else None

    def select_item(self, item_id: int) -> None:
        row = self.clips.row_of(item_id)
        if row >= 0:
            self.setCurrentIndex(self.clips.index(row))

    def card_rect(self, row: int) -> QRect:
        return self.visualRect(self.clips.index(row))

    def move_current(self, delta: int) -> None:
        item = self.current_item()
        if item is None:
            return
        row = self.clips.row_of(item.id)
        target = row + delta
        if 0 <= target < self.clips.rowCount():
            self.clips.move_requested.emit(item.id, target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Up:
            self.move_current(-1)
        elif alt and event.key() == Qt.Key.Key_Down:
            self.move_current(+1)
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current_item():
            self.remove_requested.emit(self.current_item().id)  # type: ignore[union-attr]
        else:
            super().keyPressEvent(event)

    def _emit_selected(self) -> None:
        self.selected_changed.emit(self.current_item())
