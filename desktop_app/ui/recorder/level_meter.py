"""An audio level meter: a rounded bar on a dB scale (RMS fill, peak tick held for a moment),
green while speech is healthy, amber when loud, red when it clips; grey while paused."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop_app.ui.kit.tokens import DANGER, EMERALD_500, FAINT, INK_SOFT, LINE, WARM

FLOOR_DB = -60.0
_HOLD_S = 1.2
_TRACK = QColor(LINE)
_OK = QColor(EMERALD_500)
_LOUD = QColor(WARM)
_CLIP = QColor(DANGER)
_IDLE = QColor(FAINT)


def to_fraction(level: float) -> float:
    """A linear level (0..1) as a position on the meter's dB scale (0..1)."""
    if level <= 0.0:
        return 0.0
    db = 20.0 * math.log10(level)
    return max(0.0, min(1.0, (db - FLOOR_DB) / -FLOOR_DB))


class LevelMeter(QWidget):
    """`set_level(rms, peak)` with linear values; `set_active(False)` greys it out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rms = 0.0
        self.peak = 0.0
        self.active = True
        self._held = 0.0
        self._held_at = 0.0
        self.setMinimumHeight(10)
        self.setMaximumHeight(10)
        self.setMinimumWidth(80)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def sizeHint(self) -> QSize:
        return QSize(220, 10)

    def set_level(self, rms: float, peak: float) -> None:
        self.rms, self.peak = max(0.0, rms), max(0.0, peak)
        now = time.monotonic()
        if self.peak >= self._held or now - self._held_at > _HOLD_S:
            self._held, self._held_at = self.peak, now
        self.update()

    def set_active(self, active: bool) -> None:
        self.active = active
        if not active:
            self.rms = self.peak = self._held = 0.0
        self.update()

    def colour(self) -> QColor:
        if not self.active:
            return _IDLE
        if self.peak >= 0.98:
            return _CLIP
        return _LOUD if to_fraction(self.rms) > 0.85 else _OK

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        r = QRectF(self.rect())
        radius = r.height() / 2
        p.setBrush(_TRACK)
        p.drawRoundedRect(r, radius, radius)
        fill = to_fraction(self.rms)
        if fill > 0:
            p.setBrush(self.colour())
            p.drawRoundedRect(QRectF(r.x(), r.y(), max(r.height(), r.width() * fill),
                                     r.height()), radius, radius)
        held = to_fraction(self._held)
        if self.active and held > 0:
            x = r.x() + max(0.0, r.width() * held - 3)
            p.setBrush(_CLIP if self._held >= 0.98 else QColor(INK_SOFT))
            p.drawRoundedRect(QRectF(x, r.y(), 3, r.height()), 1.5, 1.5)
        p.end()
