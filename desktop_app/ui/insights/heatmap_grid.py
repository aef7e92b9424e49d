"""The touchpoint x problem-zone heatmap, painted: journey stages left to right, zones as rows.

Each cell shows how many highlights carry both tags; its colour follows either the
severity-weighted score (sum of severities) or the count. Row and column totals sit at the
edges, the colour legend below. Click (or Enter) on a cell emits `cell_clicked`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_app.domain.highlights import Heatmap, HeatmapCell
from desktop_app.ui.insights.heatmap_legend import (
    HEADER_H,
    LEGEND_H,
    MIN_CELL_H,
    MIN_CELL_W,
    TOTAL_H,
    TOTAL_W,
    GridGeometry,
    paint_legend,
    paint_message,
    paint_totals,
)
from desktop_app.ui.kit.palette import (
    ACCENT,
    EMPTY_CELL,
    INK,
    LINE,
    MUTED,
    heat_colour,
    heat_level,
    text_on,
)


def _fits(fm: QFontMetrics, text: str, box: QRectF) -> bool:
    """Whether `text` fits `box` wrapped at whole words."""
    if any(fm.horizontalAdvance(w) > box.width() for w in text.split()):
        return False
    return fm.boundingRect(box.toRect(), int(Qt.TextFlag.TextWordWrap), text).height() \
        <= box.height()


def _fitting_font(texts: list[str], base: QFont, box: QRectF) -> QFont:
    """The largest of three sizes of `base` at which every text fits `box` (else the least)."""
    font = QFont(base)
    for scale in (1.0, 0.88, 0.78):
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * scale)
        fm = QFontMetrics(font)
        if all(_fits(fm, t, box) for t in texts):
            break
    return font


class HeatmapGrid(QWidget):
    """Paints a Heatmap; `mode` is "score" (colour by severity sum) or "count"."""

    cell_clicked = Signal(int, int)  # touchpoint id, zone id
    repainted = Signal()  # after each paint (lets a benchmark wait without polling)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self._hm: Heatmap | None = None
        self._labels: dict[int, str] = {}
        self._mode = "score"
        self._selected: tuple[int, int] | None = None
        self._hover: tuple[int, int] | None = None
        self._message = ""
        self._busy = False
        self.painted: dict[tuple[int, int], int] = {}  # counts drawn by the last paint
        self.painted_heatmap: Heatmap | None = None  # the matrix the last paint drew
        self._label_w_key: tuple[object, ...] = ()
        self._label_w = 160.0

    # --- data ------------------------------------------------------------------------------

    def set_heatmap(self, hm: Heatmap, zone_labels: Mapping[int, str] | None = None) -> None:
        """Show `hm`; zone rows use `zone_labels` (zone id -> name in the UI language)."""
        self._hm = hm
        if zone_labels is not None:
            self._labels = dict(zone_labels)
        self.updateGeometry()
        self.update()

    def heatmap(self) -> Heatmap | None:
        return self._hm

    def set_mode(self, mode: str) -> None:
        self._mode = "count" if mode == "count" else "score"
        self.update()

    def mode(self) -> str:
        return self._mode

    def set_selected(self, touchpoint_id: int | None, zone_id: int | None) -> None:
        self._selected = None if touchpoint_id is None or zone_id is None \
            else (touchpoint_id, zone_id)
        self.update()

    def selected(self) -> tuple[int, int] | None:
        return self._selected

    def set_message(self, text: str) -> None:
        """A line over the grid (e.g. nothing matches the filters); "" hides it."""
        self._message = text
        self.update()

    def message(self) -> str:
        return self._message

    def set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.update()

    def count_at(self, touchpoint_id: int, zone_id: int) -> int:
        try:
            return self._cell(touchpoint_id, zone_id).count if self._hm else 0
        except StopIteration:
            return 0

    def cell_rect(self, touchpoint_id: int, zone_id: int) -> QRectF:
        """Where a cell is drawn (widget coordinates)."""
        assert self._hm is not None
        col = next(i for i, t in enumerate(self._hm.touchpoints) if t.id == touchpoint_id)
        row = next(i for i, z in enumerate(self._hm.zones) if z.id == zone_id)
        return self._geometry().cell(col, row)

    # --- geometry --------------------------------------------------------------------------

    def _label_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(8.0, self.font().pointSizeF() * 0.95))
        return f

    def _label_width(self) -> float:
        if not self._hm:
            return 160.0
        font = self._label_font()
        labels = tuple(self._zone_label(z.id, z.label) for z in self._hm.zones)
        key = (labels, font.key())
        if key != self._label_w_key:  # measured once per set of labels, not per paint
            fm = QFontMetrics(font)
            widest = max((fm.horizontalAdvance(t) for t in labels), default=120)
            self._label_w_key, self._label_w = key, float(min(240, max(120, widest + 24)))
        # a narrow window elides zone names rather than squeezing the cells
        return min(self._label_w, max(120.0, self.width() * 0.27))

    def _geometry(self) -> GridGeometry:
        n_cols = max(1, len(self._hm.touchpoints) if self._hm else 1)
        n_rows = max(1, len(self._hm.zones) if self._hm else 1)
        label_w = self._label_width()
        cell_w = max(MIN_CELL_W, (self.width() - label_w - TOTAL_W) / n_cols)
        cell_h = max(MIN_CELL_H, (self.height() - HEADER_H - TOTAL_H - LEGEND_H) / n_rows)
        cell_h = min(cell_h, 64.0)
        return GridGeometry(label_w, cell_w, cell_h, HEADER_H)

    def sizeHint(self) -> QSize:
        n_cols = len(self._hm.touchpoints) if self._hm else 7
        n_rows = len(self._hm.zones) if self._hm else 10
        return QSize(round(self._label_width() + n_cols * 92 + TOTAL_W),
                     HEADER_H + n_rows * 46 + TOTAL_H + LEGEND_H)

    def minimumSizeHint(self) -> QSize:
        n_cols = len(self._hm.touchpoints) if self._hm else 7
        n_rows = len(self._hm.zones) if self._hm else 10
        return QSize(round(self._label_width() + n_cols * MIN_CELL_W + TOTAL_W),
                     HEADER_H + n_rows * MIN_CELL_H + TOTAL_H + LEGEND_H)

    def _hit(self, pos: QPointF) -> tuple[int, int] | None:
        if not self._hm:
            return None
        g = self._geometry()
        col = int((pos.x() - g.label_w) // g.cell_w)
        row = int((pos.y() - g.top) // g.cell_h)
        if pos.x() < g.label_w or pos.y() < g.top:
            return None
        if 0 <= col < len(self._hm.touchpoints) and 0 <= row < len(self._hm.zones):
            return self._hm.touchpoints[col].id, self._hm.zones[row].id
        return None

    def _cell(self, touchpoint_id: int, zone_id: int) -> HeatmapCell:
        assert self._hm is not None
        n_zones = len(self._hm.zones)
        col = next(i for i, t in enumerate(self._hm.touchpoints) if t.id == touchpoint_id)
        row = next(i for i, z in enumerate(self._hm.zones) if z.id == zone_id)
        return self._hm.cells[col * n_zones + row]

    def _zone_label(self, zone_id: int, fallback: str) -> str:
        return self._labels.get(zone_id, fallback)

    def _value(self, c: HeatmapCell) -> int:
        return c.score if self._mode == "score" else c.count

    def _top(self) -> int:
        if not self._hm:
            return 0
        return self._hm.max_score if self._mode == "score" else self._hm.max_count

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        painted: dict[tuple[int, int], int] = {}
        if self._hm is not None:
            g = self._geometry()
            self._paint_header(p, g)
            self._paint_rows(p, g, painted)
            paint_totals(p, self._hm, g, self.font(), self._label_font())
            paint_legend(p, self._hm, g, self.font(), mode=self._mode, top=self._top(),
                         busy=self._busy, width=self.width())
            if self._message:
                paint_message(p, self._hm, g, self.font(), self._message)
        self.painted = painted
        self.painted_heatmap = self._hm
        p.end()
        self.repainted.emit()

    def _paint_header(self, p: QPainter, g: GridGeometry) -> None:
        assert self._hm is not None
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() * 0.95)
        wrap = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom \
            | Qt.TextFlag.TextWordWrap
        box = QRectF(0, 0, g.cell_w - 4, HEADER_H - 22)
        font = _fitting_font([t.label for t in self._hm.touchpoints], bold, box)
        fm = QFontMetrics(font)
        for i, t in enumerate(self._hm.touchpoints):
            x = g.label_w + i * g.cell_w
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(QRectF(x, 2, g.cell_w, 16), Qt.AlignmentFlag.AlignCenter,
                       t.shortcut)  # the key that tags it in a transcript
            rect = box.translated(x + 2, 18)
            text = t.label if _fits(fm, t.label, box) else \
                fm.elidedText(t.label, Qt.TextElideMode.ElideRight, round(box.width()))
            p.setFont(font)
            p.setPen(INK)
            p.drawText(rect, wrap, text)
        p.setFont(small)
        p.setPen(MUTED)
        right = g.label_w + len(self._hm.touchpoints) * g.cell_w
        p.drawText(QRectF(right, 18, TOTAL_W, HEADER_H - 22),
                   Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom, self.tr("Total"))
        p.setPen(QPen(LINE, 1))
        p.drawLine(QPointF(g.label_w, HEADER_H - 1), QPointF(right, HEADER_H - 1))

    def _paint_rows(self, p: QPainter, g: GridGeometry,
                    painted: dict[tuple[int, int], int]) -> None:
        assert self._hm is not None
        hm = self._hm
        n_zones = len(hm.zones)
        top = self._top()
        label_font = self._label_font()
        big = QFont(self.font())
        big.setBold(True)
        big.setPointSizeF(self.font().pointSizeF() * 1.1)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.75)
        fm = QFontMetrics(label_font)
        right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        for row, z in enumerate(hm.zones):
            rect = QRectF(0, g.top + row * g.cell_h, g.label_w - 12, g.cell_h)
            p.setFont(label_font)
            p.setPen(INK)
            label = self._zone_label(z.id, z.label)
            if fm.horizontalAdvance(label) <= rect.width() or not _fits(fm, label, rect):
                label = fm.elidedText(label, Qt.TextElideMode.ElideRight, round(rect.width()))
                p.drawText(rect, right, label)
            else:  # a long name on two lines beats an ellipsis
                p.drawText(rect, right | Qt.TextFlag.TextWordWrap, label)
        for col, t in enumerate(hm.touchpoints):
            for row, z in enumerate(hm.zones):
                c = hm.cells[col * n_zones + row]
                rect = g.cell(col, row)
                value = self._value(c)
                bg = heat_colour(heat_level(value, top)) if c.count else EMPTY_CELL
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(bg)
                p.drawRoundedRect(rect, 6, 6)
                key = (t.id, z.id)
                if key == self._selected:
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.setPen(QPen(ACCENT, 2.5))
                    p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
                elif key == self._hover:
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.setPen(QPen(QColor(17, 24, 39, 90), 1.2))
                    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
                painted[key] = c.count
                if not c.count:
                    continue
                ink = text_on(bg)
                show_score = self._mode == "score" and rect.height() >= 38
                p.setFont(big)
                p.setPen(ink)
                count_rect = rect.adjusted(0, 0, 0, -11) if show_score else rect
                p.drawText(count_rect, Qt.AlignmentFlag.AlignCenter, str(c.count))
                if show_score:
                    p.setFont(small)
                    faded = QColor(ink)
                    faded.setAlpha(190)
                    p.setPen(faded)
                    p.drawText(rect.adjusted(0, 17, 0, -2), Qt.AlignmentFlag.AlignCenter,
                               self.tr("score {0}").format(c.score))

    # --- interaction -----------------------------------------------------------------------

    def _tooltip(self, key: tuple[int, int]) -> str:
        c = self._cell(*key)
        zone = self._zone_label(c.zone_id, c.zone)
        if not c.count:
            return self.tr("{0} · {1}\nNo highlights").format(c.touchpoint, zone)
        avg = c.score / c.count
        n = self.tr("%n highlight(s)", "", c.count)
        return self.tr("{0} · {1}\n{2} · severity score {3} (average {4})\n"
                       "Click to see who says so").format(c.touchpoint, zone, n, c.score,
                                                          f"{avg:.1f}")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            key = self._hit(QPointF(event.pos()))  # type: ignore[attr-defined]
            if key is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(key), self)  # type: ignore
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self._hit(event.position())
        if key != self._hover:
            self._hover = key
            self.setCursor(Qt.CursorShape.PointingHandCursor if key
                           else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self._hit(event.position())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self._select(key)
        super().mousePressEvent(event)

    def _select(self, key: tuple[int, int]) -> None:
        self._selected = key
        self.update()
        self.cell_clicked.emit(*key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._hm or not self._hm.cells:
            super().keyPressEvent(event)
            return
        tps = [t.id for t in self._hm.touchpoints]
        zones = [z.id for z in self._hm.zones]
        sel = self._selected
        col, row = (tps.index(sel[0]), zones.index(sel[1])) \
            if sel and sel[0] in tps and sel[1] in zones else (0, 0)
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                 Qt.Key.Key_Down: (0, 1)}
        key = Qt.Key(event.key())
        if key in moves:
            dc, dr = moves[key]
            col = min(len(tps) - 1, max(0, col + dc))
            row = min(len(zones) - 1, max(0, row + dr))
            self._select((tps[col], zones[row]))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._select((tps[col], zones[row]))
        else:
            super().keyPressEvent(event)
