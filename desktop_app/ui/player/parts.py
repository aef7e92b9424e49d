"""Parts of the player: the click-to-seek slider and the waveform stage for audio-only media."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from desktop_app.domain.durations import clock
from desktop_app.ui.kit.tokens import MUTED, NIGHT, SURFACE

STAGE_COLOUR = NIGHT


def format_clock(seconds: float) -> str:
    return clock(seconds)


class JumpSlider(QSlider):
    """A slider that jumps to where it is clicked (not page by page)."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            opt = QStyleOptionSlider()
            self.initStyleOption(opt)
            groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                                 QStyle.SubControl.SC_SliderGroove, self)
            handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                                 QStyle.SubControl.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                span = max(1, groove.width() - handle.width())
                x = int(event.position().x()) - groove.left() - handle.width() // 2
                value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x, span)
                self.setValue(value)
                self.sliderMoved.emit(value)
        super().mousePressEvent(event)


class WaveformStage(QWidget):
    """Audio-only recordings: the waveform picture with a playhead; a click seeks there."""

    seek_requested = Signal(float)  # fraction 0..1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._fraction = 0.0
        self.setMinimumSize(320, 180)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_picture(self, path: str | Path | None) -> None:
        self._pixmap = QPixmap(str(path)) if path and Path(path).is_file() else QPixmap()
        self._fraction = 0.0
        self.update()

    def has_picture(self) -> bool:
        return not self._pixmap.isNull()

    def set_fraction(self, fraction: float) -> None:
        self._fraction = max(0.0, min(1.0, fraction))
        self.update()

    def _target(self) -> QRectF:
        if self._pixmap.isNull():
            return QRectF(self.rect()).adjusted(24, 24, -24, -24)
        avail = QRectF(self.rect()).adjusted(24, 24, -24, -24)
        size = QSize(self._pixmap.size())
        size.scale(avail.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        x = avail.left() + (avail.width() - size.width()) / 2
        y = avail.top() + (avail.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def _bars_span(self, target: QRectF) -> tuple[float, float]:
        """Left and right of the bars inside the picture (the card keeps a 9 % margin)."""
        if self._pixmap.isNull():
            return target.left(), target.right()
        pw, ph = self._pixmap.width(), self._pixmap.height()
        margin = max(6, round(min(pw, ph) * 0.09)) / pw * target.width()
        return target.left() + margin, target.right() - margin

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor(STAGE_COLOUR))
        target = self._target()
        if self._pixmap.isNull():
            p.setPen(QColor(MUTED))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Audio recording"))
        else:
            p.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        left, right = self._bars_span(target)
        x = left + (right - left) * self._fraction
        p.fillRect(QRectF(left, target.top(), x - left, target.height()),
                   QColor(129, 140, 248, 45))
        p.setPen(QPen(QColor(SURFACE), 2))
        p.drawLine(int(x), int(target.top() + 6), int(x), int(target.bottom() - 6))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        left, right = self._bars_span(self._target())
        if right > left:
            self.seek_requested.emit((event.position().x() - left) / (right - left))
