"""Pain counts per touchpoint per month, painted with QPainter: lines or stacked bars.

Months run continuously from the first to the last with data (empty months count 0). The
legend on top toggles a touchpoint on and off; hovering a point or a bar segment shows its
value in a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from desktop_app.domain.highlights import TrendPoint
from desktop_app.ui.kit.palette import INK, LINE, MUTED, series_colour
from desktop_app.ui.kit.tokens import ACCENT_LINE, CARD, LINE_STRONG

LEFT, RIGHT, BOTTOM = 48.0, 20.0, 34.0


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, both included."""
    y, m = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def nice_top(value: int) -> tuple[int, int]:
    """An axis maximum >= value and a round tick step (1, 2 or 5 x 10^k)."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    mag = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(s * mag for s in (1, 2, 5, 10) if s * mag >= raw)
    step = max(1, int(step))
    return int(math.ceil(value / step) * step), step


@dataclass(frozen=True)
class _Hit:
    month: str
    touchpoint: str
    value: int
    anchor: QPointF


class TrendsChart(QWidget):
    """Set data with `set_points`; `mode` is "lines" or "stacked"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self._series: list[str] = []
        self._months: list[str] = []
        self._values: dict[tuple[str, str], int] = {}
        self._hidden: set[str] = set()
        self._mode = "lines"
        self._hover: _Hit | None = None
        self._language = "en"
        self._legend_boxes: list[tuple[QRectF, str]] = []

    # --- data ------------------------------------------------------------------------------

    def set_points(self, points: Sequence[TrendPoint], touchpoints: Sequence[str],
                   language: str = "en") -> None:
        """`touchpoints` in journey order gives the series order and colours."""
        self._language = language
        self._values = {(p.month, p.touchpoint): p.count for p in points}
        months = sorted({p.month for p in points})
        self._months = month_range(months[0], months[-1]) if months else []
        known = list(touchpoints)
        extra = [t for t in dict.fromkeys(p.touchpoint for p in points) if t not in known]
        self._series = known + extra
        self._hidden &= set(self._series)
        self._hover = None
        self.update()

    def set_mode(self, mode: str) -> None:
        self._mode = "stacked" if mode == "stacked" else "lines"
        self._hover = None
        self.update()

    def months(self) -> list[str]:
        return list(self._months)

    def value(self, month: str, touchpoint: str) -> int:
        return self._values.get((month, touchpoint), 0)

    def set_hidden(self, touchpoint: str, hidden: bool) -> None:
        (self._hidden.add if hidden else self._hidden.discard)(touchpoint)
        self.update()

    def visible_series(self) -> list[str]:
        return [s for s in self._series if s not in self._hidden]

    # --- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(760, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 240)

    def _legend_layout(self) -> tuple[list[tuple[QRectF, str]], float]:
        fm = QFontMetrics(self.font())
        x, y, row_h = LEFT, 4.0, fm.height() + 10
        boxes = []
        for name in self._series:
            w = 14 + 6 + fm.horizontalAdvance(name) + 18
            if x + w > self.width() - RIGHT and x > LEFT:
                x, y = LEFT, y + row_h
            boxes.append((QRectF(x, y, w, row_h), name))
            x += w
        return boxes, y + row_h + 14

    def _plot(self) -> QRectF:
        _, top = self._legend_layout()
        return QRectF(LEFT, top, max(10.0, self.width() - LEFT - RIGHT),
                      max(10.0, self.height() - top - BOTTOM))

    def _top_value(self) -> int:
        vis = self.visible_series()
        if self._mode == "stacked":
            return max((sum(self.value(m, s) for s in vis) for m in self._months), default=0)
        return max((self.value(m, s) for m in self._months for s in vis), default=0)

    def _axis(self) -> tuple[int, int]:
        """Axis maximum (with a little headroom above the tallest value) and tick step."""
        return nice_top(math.ceil(self._top_value() * 1.08))

    def _x(self, plot: QRectF, i: int) -> float:
        slot = plot.width() / max(1, len(self._months))
        return plot.left() + slot * (i + 0.5)

    def _y(self, plot: QRectF, value: float, top: int) -> float:
        return plot.bottom() - plot.height() * value / max(1, top)

    def point_pos(self, month: str, touchpoint: str) -> QPointF:
        """Where a value is drawn: the line point, or the middle of the bar segment."""
        plot, (top, _) = self._plot(), self._axis()
        i = self._months.index(month)
        if self._mode == "lines":
            return QPointF(self._x(plot, i), self._y(plot, self.value(month, touchpoint), top))
        below = 0
        for s in self.visible_series():
            v = self.value(month, s)
            if s == touchpoint:
                return QPointF(self._x(plot, i), self._y(plot, below + v / 2, top))
            below += v
        raise KeyError(touchpoint)

    def hover_text_at(self, pos: QPointF) -> str:
        hit = self._hit(pos)
        return self._tooltip(hit) if hit else ""

    def _hit(self, pos: QPointF) -> _Hit | None:
        if not self._months:
            return None
        plot, (top, _) = self._plot(), self._axis()
        slot = plot.width() / len(self._months)
        if self._mode == "stacked":
            i = int((pos.x() - plot.left()) // slot)
            if not 0 <= i < len(self._months) or abs(pos.x() - self._x(plot, i)) > slot * 0.35:
                return None
            below = 0
            for s in self.visible_series():
                v = self.value(self._months[i], s)
                y0, y1 = self._y(plot, below + v, top), self._y(plot, below, top)
                if v and y0 <= pos.y() <= y1:
                    return _Hit(self._months[i], s, v, QPointF(self._x(plot, i), y0))
                below += v
            return None
        best: _Hit | None = None
        best_d = 14.0
        for i, m in enumerate(self._months):
            for s in self.visible_series():
                pt = QPointF(self._x(plot, i), self._y(plot, self.value(m, s), top))
                d = math.hypot(pt.x() - pos.x(), pt.y() - pos.y())
                if d <= best_d:
                    best, best_d = _Hit(m, s, self.value(m, s), pt), d
        return best

    def _month_label(self, month: str, short: bool) -> str:
        y, m = map(int, month.split("-"))
        locale = QLocale(QLocale.Language.Russian if self._language == "ru"
                         else QLocale.Language.English)
        name = locale.monthName(m, QLocale.FormatType.ShortFormat).rstrip(".")
        return f"{name} ’{y % 100:02d}" if short else f"{name} {y}"

    def _tooltip(self, hit: _Hit) -> str:
        total = sum(self.value(hit.month, s) for s in self.visible_series())
        share = f"{100 * hit.value / total:.0f}%" if total else "0%"
        pains = self.tr("%n pain(s)", "", hit.value)
        return self.tr("{0} · {1}\n{2} ({3} of the month)").format(
            hit.touchpoint, self._month_label(hit.month, False), pains, share)

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_legend(p)
        plot = self._plot()
        top, step = self._axis()
        self._paint_axes(p, plot, top, step)
        if not self._months:
            p.setPen(MUTED)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                       self.tr("No pains tagged in this period yet."))
        elif self._mode == "stacked":
            self._paint_bars(p, plot, top)
        else:
            self._paint_lines(p, plot, top)
        if self._hover is not None:
            self._paint_callout(p, plot, self._hover)
        p.end()

    def _paint_callout(self, p: QPainter, plot: QRectF, hit: _Hit) -> None:
        """The hover tooltip, painted next to the point so it never covers it."""
        head, _, body = self._tooltip(hit).partition("\n")
        bold = QFont(self.font())
        bold.setBold(True)
        fm_b, fm = QFontMetrics(bold), QFontMetrics(self.font())
        w = max(fm_b.horizontalAdvance(head), fm.horizontalAdvance(body)) + 24
        h = fm_b.height() + fm.height() + 18
        x = hit.anchor.x() + 14
        if x + w > self.width() - 4:
            x = hit.anchor.x() - 14 - w
        y = min(max(plot.top(), hit.anchor.y() - h / 2), plot.bottom() - h)
        box = QRectF(x, y, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(17, 24, 39, 235))
        p.drawRoundedRect(box, 8, 8)
        p.setBrush(series_colour(self._series.index(hit.touchpoint)))
        p.drawEllipse(QRectF(box.x() + 10, box.y() + 9 + fm_b.height() / 2 - 4, 8, 8))
        p.setFont(bold)
        p.setPen(QColor(CARD))
        p.drawText(QRectF(box.x() + 24, box.y() + 8, w - 30, fm_b.height()),
                   Qt.AlignmentFlag.AlignVCenter, head)
        p.setFont(self.font())
        p.setPen(QColor(LINE_STRONG))
        p.drawText(QRectF(box.x() + 12, box.y() + 10 + fm_b.height(), w - 20, fm.height()),
                   Qt.AlignmentFlag.AlignVCenter, body)

    def _paint_legend(self, p: QPainter) -> None:
        self._legend_boxes, _ = self._legend_layout()
        fm = QFontMetrics(self.font())
        for box, name in self._legend_boxes:
            hidden = name in self._hidden
            colour = series_colour(self._series.index(name)) if not hidden else QColor(LINE_STRONG)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(box.x(), box.center().y() - 6, 14, 12), 3, 3)
            p.setPen(MUTED if hidden else INK)
            p.drawText(QRectF(box.x() + 20, box.y(), fm.horizontalAdvance(name) + 4,
                              box.height()), Qt.AlignmentFlag.AlignVCenter, name)

    def _paint_axes(self, p: QPainter, plot: QRectF, top: int, step: int) -> None:
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        p.setFont(small)
        for v in range(0, top + 1, step):
            y = self._y(plot, v, top)
            p.setPen(QPen(LINE, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(MUTED)
            p.drawText(QRectF(0, y - 8, LEFT - 10, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        if not self._months:
            p.setFont(self.font())
            return
        fm = QFontMetrics(small)
        slot = plot.width() / len(self._months)
        short = fm.horizontalAdvance(self._month_label(self._months[0], False)) + 12 > slot
        width = fm.horizontalAdvance(self._month_label(self._months[0], short)) + 12
        every = max(1, math.ceil(width / slot))
        for i, m in enumerate(self._months):
            if i % every:
                continue
            x = self._x(plot, i)
            p.drawText(QRectF(x - slot * every / 2, plot.bottom() + 6, slot * every, 20),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       self._month_label(m, short))
        p.setFont(self.font())

    def _paint_lines(self, p: QPainter, plot: QRectF, top: int) -> None:
        if self._hover is not None:
            p.setPen(QPen(QColor(ACCENT_LINE), 1, Qt.PenStyle.DashLine))
            x = self._hover.anchor.x()
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        for s in self.visible_series():
            colour = series_colour(self._series.index(s))
            pts = [QPointF(self._x(plot, i), self._y(plot, self.value(m, s), top))
                   for i, m in enumerate(self._months)]
            p.setPen(QPen(colour, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for a, b in zip(pts, pts[1:], strict=False):
                p.drawLine(a, b)
            p.setPen(QPen(QColor(CARD), 1.5))
            p.setBrush(colour)
            for i, pt in enumerate(pts):
                hovered = self._hover is not None and self._hover.touchpoint == s \
                    and self._hover.month == self._months[i]
                r = 5.5 if hovered else 3.6
                p.drawEllipse(pt, r, r)

    def _paint_bars(self, p: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self._months)
        bar_w = min(56.0, slot * 0.62)
        for i, m in enumerate(self._months):
            below = 0
            for s in self.visible_series():
                v = self.value(m, s)
                if not v:
                    continue
                y0, y1 = self._y(plot, below + v, top), self._y(plot, below, top)
                rect = QRectF(self._x(plot, i) - bar_w / 2, y0, bar_w, y1 - y0)
                colour = series_colour(self._series.index(s))
                hovered = self._hover is not None and (self._hover.month, self._hover.touchpoint) \
                    == (m, s)
                p.setPen(QPen(QColor(CARD), 1))
                p.setBrush(colour.lighter(115) if hovered else colour)
                p.drawRect(rect)
                below += v
            if below:
                p.setPen(MUTED)
                small = QFont(self.font())
                small.setPointSizeF(self.font().pointSizeF() * 0.85)
                small.setBold(True)
                p.setFont(small)
                top_y = self._y(plot, below, top)
                p.drawText(QRectF(self._x(plot, i) - slot / 2, top_y - 18, slot, 16),
                           Qt.AlignmentFlag.AlignCenter, str(below))
                p.setFont(self.font())

    # --- interaction -----------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
        on_legend = any(box.contains(event.position()) for box, _ in self._legend_boxes)
        self.setCursor(Qt.CursorShape.PointingHandCursor if on_legend
                       else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for box, name in self._legend_boxes:
            if box.contains(event.position()):
                self.set_hidden(name, name not in self._hidden)
                break
        super().mousePressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)
