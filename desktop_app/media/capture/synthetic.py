"""A stand-in camera and microphone for tests and benches, paced in real time by a QTimer.

`SyntheticVideo` pushes frames (a moving gradient and a frame counter) through a
QVideoFrameInput into the real QMediaCaptureSession. `SyntheticAudio` plays real speech from a
file (decoded at 48 kHz, looped) into a `BufferAudioFeed`, 20 ms at a time.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

from desktop_app.media.audio import decode_audio
from desktop_app.media.capture.feeds import BufferAudioFeed

_RATE = 48_000


class SyntheticVideo(QObject):
    """Frames of `width` x `height` at `fps`, sent on time (late ticks catch up, never burst)."""

    def __init__(
        self,
        width: int = 1280,
        height: int = 720,
        fps: int = 30,
        *,
        flash_every_s: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.width, self.height, self.fps = width, height, fps
        # every this many frames the picture turns white for two frames (to measure A/V sync)
        self.flash_every = round(flash_every_s * fps) if flash_every_s else 0
        self.frame_input = QVideoFrameInput(self)
        self.sent = 0
        # a diagonal BGRA gradient twice as wide as a frame; each frame is a window onto it
        ramp = np.linspace(0, 255, width * 2, dtype=np.float32)
        bgra = np.stack([ramp, ramp[::-1], np.full_like(ramp, 96.0), np.full_like(ramp, 255.0)], 1)
        cols = (np.arange(width * 2)[None, :] + np.arange(height)[:, None] // 4) % (width * 2)
        self._canvas = bgra.astype(np.uint8)[cols]
        self._timer = QTimer(self, interval=max(1, 1000 // (fps * 2)), timeout=self._tick)
        self._t0 = 0.0
        self._font = QFont()
        self._font.setPixelSize(max(12, height // 8))

    def start(self) -> None:
        self._t0 = time.monotonic()
        self.sent = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def make_image(self, index: int) -> QImage:
        """Frame `index`: a diagonal gradient moving right with the number on it (or a flash)."""
        image = QImage(self.width, self.height, QImage.Format.Format_ARGB32)
        if self.flash_every and index >= self.flash_every and index % self.flash_every < 2:
            image.fill(QColor("white"))
            return image
        pixels = np.frombuffer(image.bits(), dtype=np.uint8).reshape(self.height, -1)
        left = index * 8 % self.width
        window = self._canvas[:, left : left + self.width].reshape(self.height, -1)
        pixels[:, : self.width * 4] = window
        painter = QPainter(image)
        painter.setPen(QColor("white"))
        painter.setFont(self._font)
        painter.drawText(image.rect().adjusted(20, 20, -20, -20), 0, f"frame {index}")
        painter.end()
        return image

    @Slot()
    def _tick(self) -> None:
        due = int((time.monotonic() - self._t0) * self.fps)
        if due < self.sent:
            return
        frame = QVideoFrame(self.make_image(due))
        frame.setStartTime(int(due * 1_000_000 / self.fps))
        self.frame_input.sendVideoFrame(frame)
        self.sent = due + 1


class SyntheticAudio(QObject):
    """Speech pushed into `feed` in real time (looped, with a second of silence).

    `source` is a speech file or mono float32 samples at 48 kHz.
    """

    def __init__(
        self,
        source: Path | np.ndarray,
        label: str = "Microphone",
        *,
        loop: bool = True,
        gain: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(source, np.ndarray):
            speech = source.astype(np.float32) * np.float32(gain)
        else:
            speech = decode_audio(Path(source), sample_rate=_RATE) * np.float32(gain)
        gap = np.zeros(_RATE if loop else 0, dtype=np.float32)
        self.samples = np.concatenate([speech, gap])
        self.loop = loop
        self.feed = BufferAudioFeed(label, self)
        self._timer = QTimer(self, interval=20, timeout=self._tick)
        self._t0 = 0.0
        self._pos = 0

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._pos = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        due = int((time.monotonic() - self._t0) * _RATE)
        if due <= self._pos:
            return
        n = self.samples.size
        if self.loop:
            idx = np.arange(self._pos, due) % n
            chunk = self.samples[idx]
        else:
            chunk = self.samples[min(self._pos, n) : min(due, n)]
            if chunk.size < due - self._pos:
                chunk = np.concatenate([chunk, np.zeros(due - self._pos - chunk.size, np.float32)])
        self._pos = due
        self.feed.push(chunk, _RATE)
