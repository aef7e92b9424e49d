"""Layout of the heatmap grid and the parts painted around the cells: totals, legend, message."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QPainter, QPen

from desktop_app.domain.highlights import Heatmap
from desktop_app.ui.kit.palette import (
    EMPTY_CELL,
    HEAT_STOPS,
    INK,
    LINE,
    MUTED,
    heat_colour,
    heat_level,
)

HEADER_H = 58
TOTAL_W = 50
TOTAL_H = 34
LEGEND_H = 52
GAP = 3.0
MIN_CELL_W, MIN_CELL_H = 44, 34


def _t(text: str) -> str:
    return QCoreApplication.translate("HeatmapGrid", text)


@dataclass(frozen=True)
class GridGeometry:
    """Where things go: the label column, the cell size, the top of the first row."""

    label_w: float
    cell_w: float
    cell_h: float
    top: float

    def cell(self, col: int, row: int) -> QRectF:
        return QRectF(self.label_w + col * self.cell_w + GAP / 2,
                      self.top + row * self.cell_h + GAP / 2,
                      self.cell_w - GAP, self.cell_h - GAP)

    def right(self, hm: Heatmap) -> float:
        return self.label_w + len(hm.touchpoints) * self.cell_w

    def bottom(self, hm: Heatmap) -> float:
        return self.top + len(hm.zones) * self.cell_h


def paint_totals(p: QPainter, hm: Heatmap, g: GridGeometry, font: QFont,
                 label_font: QFont) -> None:
    """Row totals on the right, column totals under the grid."""
    n_zones, n_tps = len(hm.zones), len(hm.touchpoints)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(MUTED)
    right = g.right(hm)
    centre = Qt.AlignmentFlag.AlignCenter
    for row in range(n_zones):
        total = sum(hm.cells[col * n_zones + row].count for col in range(n_tps))
        p.drawText(QRectF(right, g.top + row * g.cell_h, TOTAL_W, g.cell_h), centre,
                   str(total) if total else "–")
    y = g.bottom(hm)
    p.setPen(QPen(LINE, 1))
    p.drawLine(QPointF(g.label_w, y + 2), QPointF(right, y + 2))
    p.setPen(MUTED)
    for col in range(n_tps):
        total = sum(hm.cells[col * n_zones + r].count for r in range(n_zones))
        p.drawText(QRectF(g.label_w + col * g.cell_w, y + 4, g.cell_w, TOTAL_H - 6), centre,
                   str(total) if total else "–")
    p.setFont(label_font)
    p.drawText(QRectF(0, y + 4, g.label_w - 12, TOTAL_H - 6),
               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, _t("Total"))


def paint_legend(p: QPainter, hm: Heatmap, g: GridGeometry, font: QFont, *, mode: str,
                 top: int, busy: bool, width: float) -> None:
    """The colour scale (what the colour means, from 1 to the largest value) and 'none'."""
    y = g.bottom(hm) + TOTAL_H + 12
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    bold = QFont(small)
    bold.setBold(True)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    title, sub = ((_t("Severity score"), _t("sum of severities (1–5)")) if mode == "score"
                  else (_t("Highlights"), _t("number per cell")))
    p.setFont(bold)
    p.setPen(INK)
    p.drawText(QRectF(0, y - 2, g.label_w - 12, 16), right, title)
    p.setFont(small)
    p.setPen(MUTED)
    p.drawText(QRectF(0, y + 14, g.label_w - 12, 16), right, sub)
    bar = QRectF(g.label_w + GAP / 2, y + 1, min(240.0, g.cell_w * 3.5), 12)
    grad = QLinearGradient(bar.topLeft(), bar.topRight())
    grad.setColorAt(0.0, heat_colour(heat_level(1, 1 << 30)))  # what the smallest value gets
    for stop, colour in HEAT_STOPS:
        if stop > 0.12:
            grad.setColorAt((stop - 0.12) / 0.88, colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(grad)
    p.drawRoundedRect(bar, 6, 6)
    p.setPen(MUTED)
    p.drawText(QRectF(bar.x(), y + 15, 60, 16), left, "1")
    p.drawText(QRectF(bar.right() - 60, y + 15, 60, 16), right, str(max(1, top)))
    swatch = QRectF(bar.right() + 24, y + 1, 12, 12)
    p.setPen(QPen(LINE, 1))
    p.setBrush(EMPTY_CELL)
    p.drawRoundedRect(swatch, 3, 3)
    p.setPen(MUTED)
    p.drawText(QRectF(swatch.right() + 6, y - 1, 200, 16), left, _t("none"))
    if busy:
        p.drawText(QRectF(0, y - 1, width - 4, 16), right, _t("Updating…"))


def paint_message(p: QPainter, hm: Heatmap, g: GridGeometry, font: QFont, text: str) -> None:
    """A rounded note in the middle of the cells (e.g. nothing matches the filters)."""
    area = QRectF(g.label_w, g.top, g.right(hm) - g.label_w, g.bottom(hm) - g.top)
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 1.05)
    w = min(area.width() - 40, QFontMetrics(big).horizontalAdvance(text) + 40)
    box = QRectF(area.center().x() - w / 2, area.center().y() - 22, w, 44)
    p.setPen(QPen(LINE, 1))
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRoundedRect(box, 10, 10)
    p.setFont(big)
    p.setPen(MUTED)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
