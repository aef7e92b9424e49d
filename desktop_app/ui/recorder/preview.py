"""The live preview: frames from the engine's preview sink (a QVideoSink), painted fitted into a
dark rounded panel at a modest rate, or an "audio only" card when nothing is filmed."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.kit.tokens import INDIGO_400, SLATE_200, SLATE_400, SLATE_800, SLATE_900

_BG = QColor(SLATE_900)
_MAX_FPS = 15


class PreviewWidget(QWidget):
    """Shows what is recorded; `sink` is handed to `CaptureEngine.set_preview_sink`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.image: QImage | None = None
        self.frames_shown = 0
        self.has_video = True
        self.caption = ""
        self._last = 0.0
        self.setMinimumSize(QSize(360, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(800, 450)

    def reset(self, *, has_video: bool, caption: str = "") -> None:
        self.image = None
        self.frames_shown = 0
        self.has_video = has_video
        self.caption = caption
        self.update()

    def _on_frame(self, frame: QVideoFrame) -> None:
        now = time.monotonic()
        if not self.isVisible() or now - self._last < 1.0 / _MAX_FPS or not frame.isValid():
            return
        self._last = now
        image = frame.toImage()
        if image.isNull():
            return
        self.image = image
        self.frames_shown += 1
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = QRectF(self.rect())
        clip = QPainterPath()
        clip.addRoundedRect(r, 12, 12)
        p.setClipPath(clip)
        p.fillRect(r, _BG)
        if self.image is not None and self.has_video:
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((r.width() - size.width()) / 2, (r.height() - size.height()) / 2,
                            size.width(), size.height())
            p.drawImage(target, self.image)
        else:
            self._paint_placeholder(p, r)
        p.end()

    def _paint_placeholder(self, p: QPainter, r: QRectF) -> None:
        cx, cy = r.center().x(), r.center().y() - 18
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(SLATE_800))
        p.drawEllipse(QRectF(cx - 40, cy - 40, 80, 80))
        p.setBrush(QColor(INDIGO_400))
        p.drawRoundedRect(QRectF(cx - 9, cy - 22, 18, 30), 9, 9)  # a microphone
        pen = QPen(QColor(INDIGO_400), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(cx - 15, cy - 10, 30, 26), 200 * 16, 140 * 16)
        p.drawLine(int(cx), int(cy + 16), int(cx), int(cy + 24))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor(SLATE_200))
        text = (self.tr("Audio only") if not self.has_video
                else self.tr("Waiting for the picture…"))
        p.drawText(QRectF(r.x(), cy + 52, r.width(), 26), Qt.AlignmentFlag.AlignCenter, text)
        if self.caption:
            font.setBold(False)
            font.setPointSizeF(self.font().pointSizeF())
            p.setFont(font)
            p.setPen(QColor(SLATE_400))
            p.drawText(QRectF(r.x() + 20, cy + 80, r.width() - 40, 40),
                       Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.caption)
