"""Paints a transcript segment for reading, and maps points to words (click to seek, select).

Each row: the time in a muted gutter, a coloured speaker chip where the speaker changes, and
the words laid out line by line with generous line height. Word rectangles are computed once
per (segment, width) and cached, so painting, size hints and hit tests share one layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from desktop_app.domain.transcript import SegmentView, WordView
from desktop_app.ui.kit.tokens import (
    ACCENT,
    ACCENT_LINE,
    ACCENT_SOFT,
    CARD,
    FAINT,
    GRAY_800,
    INDIGO_300,
    INDIGO_500,
    SURFACE,
)
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.transcript.model import SEGMENT_ROLE, TranscriptModel
from desktop_app.ui.transcript.speakers import speaker_label

PAD_LEFT = 16
GUTTER = 64  # time column
PAD_RIGHT = 28
PAD_Y = 5
TURN_GAP = 14  # extra space above a new speaker's turn
CHIP_H = 22
CHIP_GAP = 6
LINE_FACTOR = 1.62  # line height / font height: comfortable reading
WORD_PAD = 2.5  # highlight boxes reach a little beyond the glyphs

INK = QColor(GRAY_800)
MUTED = QColor(FAINT)
CURRENT_BG = QColor(ACCENT)
CURRENT_FG = QColor(CARD)
SELECTION_BG = QColor(ACCENT_LINE)
SELECTION_EDGE = QColor(ACCENT)
ROW_SELECTED_BG = QColor(ACCENT_SOFT)
ROW_HOVER_BG = QColor(SURFACE)
PLAYING_BAR = QColor(INDIGO_300)


@dataclass(frozen=True)
class RowLayout:
    """Where things are inside one row (coordinates relative to the row's top-left)."""

    height: int
    chip: QRectF | None
    text_top: float
    line_h: float
    rects: tuple[QRectF, ...]  # one per word
    texts: tuple[str, ...]
    lines: tuple[tuple[float, float, str], ...]  # x, top, text: one drawText per line


def text_font(base: QFont) -> QFont:
    f = QFont(base)
    f.setPointSizeF(max(base.pointSizeF(), 10.0) * 1.12)
    return f


class SegmentTextEdit(QPlainTextEdit):
    """The inline editor of a segment's text: Enter commits, Esc cancels (delegate filter)."""

    commit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.commit.emit()
            return
        super().keyPressEvent(event)


class TranscriptDelegate(QStyledItemDelegate):
    """Layout, painting, hit testing and inline editing of transcript rows."""

    text_committed = Signal(int, str)  # row, new text (only when it changed)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: dict[int, tuple[tuple[int, bool, float], tuple[WordView, ...],
                                     RowLayout]] = {}
        self.font = text_font(view.font())
        self.small = QFont(view.font())
        self.small.setPointSizeF(max(8.0, view.font().pointSizeF() * 0.9))
        self.chip_font = QFont(self.small)
        self.chip_font.setBold(True)
        self.editing_row = -1
        self._widths: dict[str, float] = {}  # word -> advance (speech repeats words a lot)
        self._fm = QFontMetricsF(self.font)

    def model(self) -> TranscriptModel:
        m = self._view.model()
        assert isinstance(m, TranscriptModel)
        return m

    def clear_cache(self) -> None:
        self._cache.clear()
        self._widths.clear()
        self._fm = QFontMetricsF(self.font)

    def _advance(self, text: str) -> float:
        adv = self._widths.get(text)
        if adv is None:
            adv = self._widths[text] = self._fm.horizontalAdvance(text)
        return adv

    # --- layout -----------------------------------------------------------------------------

    def content_left(self) -> float:
        return PAD_LEFT + GUTTER

    def layout(self, row: int, width: int | None = None) -> RowLayout:
        model = self.model()
        seg = model.segment(row)
        words = model.words(row)
        width = width if width is not None else self._view.viewport().width()
        key = (width, model.shows_chip(row), self.font.pointSizeF())
        hit = self._cache.get(seg.id)
        if hit is not None and hit[0] == key and hit[1] is words:
            return hit[2]
        lay = self._compute(words, key[1], width)
        self._cache[seg.id] = (key, words, lay)
        return lay

    def _compute(self, words: tuple[WordView, ...], turn: bool, width: int) -> RowLayout:
        fm = self._fm
        line_h = round(fm.height() * LINE_FACTOR)
        space = self._advance(" ")
        left = self.content_left()
        right = max(left + 120.0, width - PAD_RIGHT)
        top = PAD_Y + (TURN_GAP if turn else 0)
        chip = None
        if turn:
            chip = QRectF(left, top, 0, CHIP_H)  # width set when painting (name known then)
            top += CHIP_H + CHIP_GAP
        x, y = left, float(top)
        rects: list[QRectF] = []
        texts: list[str] = []
        lines: list[tuple[float, float, str]] = []
        line: list[str] = []
        for w in words:
            text = w.word.strip()
            adv = self._advance(text)
            if x > left and x + adv > right:
                lines.append((left, y, " ".join(line)))
                x, y, line = left, y + line_h, []
            rects.append(QRectF(x, y, adv, line_h))
            texts.append(text)
            line.append(text)
            x += adv + space
        if line:
            lines.append((left, y, " ".join(line)))
        return RowLayout(height=int(y + line_h + PAD_Y), chip=chip, text_top=float(top),
                         line_h=line_h, rects=tuple(rects), texts=tuple(texts),
                         lines=tuple(lines))

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(self._view.viewport().width(), self.layout(index.row()).height)

    # --- hit testing ------------------------------------------------------------------------

    def word_at(self, index: QModelIndex, pos: QPoint, *, nearest: bool = False) -> int | None:
        """Index (inside the row) of the word under viewport point `pos`; with `nearest`, the
        closest word on that line (for drag selection), else None between words."""
        if not index.isValid():
            return None
        lay = self.layout(index.row())
        origin = self._view.visualRect(index).topLeft()
        x, y = pos.x() - origin.x(), pos.y() - origin.y()
        best, best_d = None, float("inf")
        for k, r in enumerate(lay.rects):
            if r.top() <= y < r.bottom():
                if r.left() - WORD_PAD <= x <= r.right() + WORD_PAD:
                    return k
                d = min(abs(x - r.left()), abs(x - r.right()))
                if d < best_d:
                    best, best_d = k, d
        if nearest:
            if best is None and lay.rects:
                return 0 if y < lay.rects[0].top() else len(lay.rects) - 1
            return best
        return None

    def word_rect(self, row: int, local: int) -> QRect:
        """A word's rectangle in viewport coordinates."""
        lay = self.layout(row)
        origin = self._view.visualRect(self.model().index(row)).topLeft()
        return lay.rects[local].translated(origin.x(), origin.y()).toAlignedRect()

    # --- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        model = self.model()
        row = index.row()
        seg: SegmentView = index.data(SEGMENT_ROLE)
        lay = self.layout(row)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        band = QRectF(4, (TURN_GAP if lay.chip else 0) + 1, rect.width() - 8,
                      lay.height - (TURN_GAP if lay.chip else 0) - 2)
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ROW_SELECTED_BG)
            painter.drawRoundedRect(band, 8, 8)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ROW_HOVER_BG)
            painter.drawRoundedRect(band, 8, 8)
        current = model.current_word()
        first = model.first_word(row)
        words = model.words(row)
        playing_here = current is not None and first <= current < first + len(words)
        if playing_here:
            painter.fillRect(QRectF(PAD_LEFT + GUTTER - 14, lay.text_top + 4, 3,
                                    lay.height - lay.text_top - PAD_Y - 8), PLAYING_BAR)
        if lay.chip is not None:
            self._paint_chip(painter, lay.chip, seg.speaker)
        self._paint_gutter(painter, lay, seg)
        self._paint_words(painter, lay, words, first, current if playing_here else None)
        painter.restore()

    def _paint_chip(self, painter: QPainter, chip: QRectF, speaker: str) -> None:
        fg, bg = self.model().speaker_colours(speaker)
        name = speaker_label(speaker) or self.tr("Unknown speaker")
        fm = QFontMetricsF(self.chip_font)
        r = QRectF(chip.left() - 2, chip.top(), fm.horizontalAdvance(name) + 26, chip.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        painter.setBrush(fg)
        painter.drawEllipse(QRectF(r.left() + 9, r.center().y() - 3, 6, 6))
        painter.setPen(fg)
        painter.setFont(self.chip_font)
        painter.drawText(r.adjusted(19, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, name)

    def _paint_gutter(self, painter: QPainter, lay: RowLayout, seg: SegmentView) -> None:
        painter.setFont(self.small)
        painter.setPen(MUTED)
        first_line = QRectF(PAD_LEFT, lay.text_top, GUTTER - 16, lay.line_h)
        painter.drawText(first_line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         format_clock(seg.start))
        if seg.edited:
            painter.drawText(first_line.translated(0, lay.line_h * 0.72),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.tr("edited"))

    def _paint_words(self, painter: QPainter, lay: RowLayout, words: tuple[WordView, ...],
                     first: int, current: int | None) -> None:
        """Boxes behind the special words (tints, selection, the current word), then one
        drawText per line: a frame of a long transcript costs few Qt calls."""
        model = self.model()
        fm = self._fm
        box_h = fm.height() + 4
        n = len(lay.rects)

        def box(k: int) -> QRectF:
            r = lay.rects[k]
            return QRectF(r.left() - WORD_PAD, r.center().y() - box_h / 2,
                          r.width() + 2 * WORD_PAD, box_h)

        painter.setPen(Qt.PenStyle.NoPen)
        if model.has_highlights():
            for k in range(n):
                tint = model.highlight_colour(words[k])
                if tint is not None:
                    painter.setBrush(tint)
                    painter.drawRect(box(k))
                line = model.underline_colour(words[k])
                if line is not None:  # a suggestion: a dashed line under the words
                    b = box(k)
                    painter.setBrush(line)
                    step = 6.0
                    x = b.left()
                    while x < b.right():
                        painter.drawRect(QRectF(x, b.bottom() - 2, min(3.5, b.right() - x), 2))
                        x += step
        sel = model.selection()
        if sel is not None and sel[0] < first + n and sel[1] >= first:
            painter.setBrush(SELECTION_BG)
            for k in range(max(0, sel[0] - first), min(n - 1, sel[1] - first) + 1):
                painter.drawRect(box(k))
            if sel[0] != sel[1]:  # grips on the edges: drag the first or last word to re-time
                painter.setBrush(SELECTION_EDGE)
                if first <= sel[0] < first + n:
                    b = box(sel[0] - first)
                    painter.drawRoundedRect(QRectF(b.left() - 1.5, b.top() - 2, 3, b.height() + 4),
                                            1.5, 1.5)
                if first <= sel[1] < first + n:
                    b = box(sel[1] - first)
                    painter.drawRoundedRect(QRectF(b.right() - 1.5, b.top() - 2, 3, b.height() + 4),
                                            1.5, 1.5)
        local = None if current is None else current - first
        if local is not None and 0 <= local < n:
            painter.setBrush(CURRENT_BG)
            painter.drawRoundedRect(box(local), 4, 4)
        baseline = (lay.line_h - fm.height()) / 2 + fm.ascent()
        painter.setFont(self.font)
        painter.setPen(INK)
        for x, y, text in lay.lines:
            painter.drawText(QPointF(x, y + baseline), text)
        if local is not None and 0 <= local < n:
            r = lay.rects[local]
            painter.setPen(CURRENT_FG)
            painter.drawText(QPointF(r.left(), r.top() + baseline), lay.texts[local])

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """Hovering a tagged word shows the tags of the highlights (and suggestions) on it."""
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            local = self.word_at(QModelIndex(index), event.pos())
            if local is not None:
                marks = self.model().marks_at(self.model().global_word(index.row(), local))
                tips = [m.tip for m in marks if m.tip]
                if tips:
                    QToolTip.showText(event.globalPos(), "\n\n".join(tips), view)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().helpEvent(event, view, option, index)

    # --- inline editing ---------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = SegmentTextEdit(parent)
        editor.setObjectName("SegmentEditor")
        editor.setFont(self.font)
        editor.setFrameShape(QFrame.Shape.NoFrame)
        editor.setStyleSheet(f"QPlainTextEdit#SegmentEditor {{ background: {CARD}; "
                             f"border: 2px solid {INDIGO_500}; border-radius: 6px;"
                             " padding: 2px 4px; }")
        editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.commit.connect(lambda: self._commit(editor))
        self.editing_row = index.row()
        return editor

    def _commit(self, editor: SegmentTextEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, SegmentTextEdit)
        editor.setPlainText(index.data(SEGMENT_ROLE).text)
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, SegmentTextEdit)
        text = " ".join(editor.toPlainText().split())
        if text != index.data(SEGMENT_ROLE).text:
            self.text_committed.emit(index.row(), text)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        lay = self.layout(index.row())
        rect: QRect = option.rect  # type: ignore[attr-defined]
        left = int(self.content_left()) - 10
        height = max(int(lay.height - lay.text_top - PAD_Y) + 8, int(lay.line_h * 2) + 8)
        editor.setGeometry(rect.left() + left, rect.top() + int(lay.text_top) - 4,
                           rect.width() - left - PAD_RIGHT + 14, height)

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        self.editing_row = -1
        super().destroyEditor(editor, index)
