"""Horizontal bars: days since we last heard from each persona, coloured by age bucket.

Green up to 30 days, amber to 90, orange to 180, red beyond; "never" is a full-length red
hatched bar. The longest bar is the stalest, so the eye goes to who needs a conversation.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.cadence import Coverage
from desktop_app.ui.kit.tokens import (
    EMERALD_500,
    INK_SOFT,
    MUTED,
    ORANGE_500,
    RED_500,
    SURFACE_ALT,
    WARM,
)

BUCKET_COLORS = ((30, EMERALD_500), (90, WARM), (180, ORANGE_500))
STALE = RED_500
ROW_H = 30
LABEL_W = 150
VALUE_W = 84
LEGEND_H = 28


def _t(text: str) -> str:
    return QCoreApplication.translate("CoverageChart", text)


def bar_color(c: Coverage) -> str:
    if c.days_since is None:
        return STALE
    return next((color for days, color in BUCKET_COLORS if c.days_since <= days), STALE)


def value_text(c: Coverage) -> str:
    if c.days_since is None:
        return _t("never")
    days = int(c.days_since)
    if days <= 1:
        return _t("today") if days == 0 else days_text(days)
    return days_text(days)


def days_text(days: int) -> str:
    """"1 day", "21 days"; "1 день", "2 дня", "5 дней"."""
    return QCoreApplication.translate("CoverageChart", "%n day(s)", "", days)


class CoverageChart(QWidget):
    """`set_items(coverage)` then it paints; `items` holds what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Coverage] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)

    def set_items(self, items: Sequence[Coverage]) -> None:
        self.items = list(items)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, len(self.items)) * ROW_H + LEGEND_H + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale_days = max([180.0] + [c.days_since or 0.0 for c in self.items])
        bar_x = LABEL_W + 8
        bar_w = max(40.0, self.width() - bar_x - VALUE_W)
        fm = p.fontMetrics()
        if not self.items:
            p.setPen(QColor(MUTED))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _t("No personas yet"))
        for i, c in enumerate(self.items):
            y = i * ROW_H
            p.setPen(QColor(INK_SOFT))
            name = fm.elidedText(c.key, Qt.TextElideMode.ElideRight, LABEL_W - 4)
            p.drawText(QRectF(0, y, LABEL_W, ROW_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(SURFACE_ALT))
            track = QRectF(bar_x, y + 8, bar_w, ROW_H - 16)
            p.drawRoundedRect(track, 4, 4)
            color = QColor(bar_color(c))
            frac = 1.0 if c.days_since is None else min(1.0, c.days_since / scale_days)
            filled = QRectF(bar_x, y + 8, max(6.0, bar_w * frac), ROW_H - 16)
            p.setBrush(color)
            p.drawRoundedRect(filled, 4, 4)
            if c.days_since is None:
                p.setBrush(QBrush(QColor(255, 255, 255, 110), Qt.BrushStyle.BDiagPattern))
                p.drawRoundedRect(filled, 4, 4)
            p.setPen(color.darker(125))
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(bar_x + bar_w + 8, y, VALUE_W - 8, ROW_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value_text(c))
            p.setFont(self.font())
        self._legend(p, len(self.items) * ROW_H + 8, bar_x)
        p.end()

    def _legend_entries(self) -> list[tuple[str, str]]:
        return [(BUCKET_COLORS[0][1], _t("≤ 30 days")), (BUCKET_COLORS[1][1], _t("≤ 90")),
                (BUCKET_COLORS[2][1], _t("≤ 180")), (STALE, _t("older or never"))]

    def _legend_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1))
        return small

    def legend_span(self) -> tuple[float, float]:
        """Where the legend starts and ends (x): under the bars, moved left when a language's
        words would run past the right edge."""
        fm = QFontMetrics(self._legend_font())
        width = sum(14 + fm.horizontalAdvance(t) + 18 for _c, t in self._legend_entries()) - 14
        start = max(0.0, min(LABEL_W + 8.0, self.width() - width))
        return start, start + width

    def _legend(self, p: QPainter, y: float, x: float) -> None:
        p.setFont(self._legend_font())
        fm = p.fontMetrics()
        x = min(x, self.legend_span()[0])
        for color, text in self._legend_entries():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRoundedRect(QRectF(x, y + 8, 10, 10), 2, 2)
            p.setPen(QPen(QColor(MUTED)))
            p.drawText(QRectF(x + 14, y, fm.horizontalAdvance(text) + 4, 26),
                       Qt.AlignmentFlag.AlignVCenter, text)
            x += 14 + fm.horizontalAdvance(text) + 18
