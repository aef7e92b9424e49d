"""Waveform bars for audio clips, read off the library's waveform card (no media decoding in
the GUI): the presenter draws large crisp bars for just the clip's stretch of the recording."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from desktop_app.ui.kit.tokens import BLUE_500, INDIGO_300, INK_SOFT

ACCENT = INDIGO_300


def paint_waveform(p: QPainter, band: QRectF, heights: list[float], margin: int,
                   clip: tuple[float, float], played: float) -> None:
    """Crisp bars for the clip's stretch of the recording: `heights` per picture column (from
    `column_heights`), `margin` the card's own margin in columns, `clip` the clip's part of the
    recording and `played` the playhead (fractions 0..1). Some context is dimmed each side."""
    span = len(heights) - 2 * margin
    if span <= 4:
        return
    lo, hi = clip
    if hi <= lo:
        lo, hi = 0.0, 1.0
    context = (hi - lo) * 0.3
    vlo, vhi = max(0.0, lo - context), min(1.0, hi + context)
    step = max(6.0, band.height() / 14)
    count = max(8, int(band.width() / step))
    bar_w = step * 0.55
    p.setPen(Qt.PenStyle.NoPen)
    for k in range(count):
        f0 = vlo + (vhi - vlo) * k / count
        f1 = vlo + (vhi - vlo) * (k + 1) / count
        c0 = margin + int(span * f0)
        c1 = max(c0 + 1, margin + int(span * f1))
        value = max(heights[c0:c1], default=0.0)
        mid = (f0 + f1) / 2
        if not lo <= mid <= hi:
            colour = QColor(INK_SOFT)
        elif mid <= played:
            colour = QColor(ACCENT)
        else:
            colour = QColor(BLUE_500)
        h = max(bar_w, value * band.height())
        x = band.left() + step * k + (step - bar_w) / 2
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(x, band.center().y() - h / 2, bar_w, h), bar_w / 2,
                          bar_w / 2)


def column_heights(picture: QPixmap) -> list[float]:
    """How tall the waveform card's bars are in each pixel column (0..1), read off the picture
    (bars are drawn bright on a dark card)."""
    img = picture.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    w, h = img.width(), img.height()
    if w == 0 or h == 0:
        return []
    rows = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.bytesPerLine() * h)
    grid = rows.reshape(h, img.bytesPerLine())[:, :w]
    background = int(np.median(grid))
    counts = (grid > background + 24).sum(axis=0).astype(float)
    # bridge the gaps between the card's bars, soften a little, and stretch the contrast:
    # speech fills most of the card, so the differences are what is worth seeing
    padded = np.pad(counts, 2, mode="edge")
    filled = np.max(np.stack([padded[i:i + w] for i in range(5)]), axis=0)
    smooth = np.convolve(filled, np.ones(3) / 3, mode="same")
    lo, hi = float(np.percentile(smooth, 5)), float(smooth.max())
    if hi <= lo:
        return [0.0] * w
    level = np.clip((smooth - lo) / (hi - lo), 0.0, 1.0) ** 1.8
    return [float(0.08 + 0.92 * v) for v in level]
