"""`CaptureEngine`: record one video source and any number of audio sources into one MP4.

Video comes through a real QMediaCaptureSession (QCamera, QScreenCapture, QWindowCapture or a
QVideoFrameInput fed from code) into a QVideoSink; every frame is stamped (its own timestamp
mapped onto the monotonic clock, else its arrival) and handed to the encoder thread. Each audio
source is its own feed and its own AAC track. Qt 6's capture session has no raw-audio output
(its audio only reaches QMediaRecorder or the speakers), so audio is read with QAudioSource (or
libpulse for call audio) instead of through the session.

Signals: `stateChanged(str)`, `elapsedChanged(float)` and `levelsChanged(tuple[AudioLevel])`
~10 times a second, `warning(str)` (low disk), `deviceLost(str)` (recording goes on: video turns
black if the camera goes, a lost audio input's track goes silent), `finished(RecordingResult)`.
"""

from __future__ import annotations

import enum
import functools
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QScreen
from PySide6.QtMultimedia import (
    QAudioDevice,
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QCapturableWindow,
    QMediaCaptureSession,
    QScreenCapture,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
    QVideoSink,
    QWindowCapture,
)

from desktop_app.media.capture.devices import CallAudioSource
from desktop_app.media.capture.disk import DiskLevel, DiskPolicy, FreeSpaceReader, free_bytes
from desktop_app.media.capture.feeds import (
    AudioFeed,
    DeviceAudioFeed,
    LevelMeter,
    PulseMonitorFeed,
)
from desktop_app.media.capture.timeline import RecordingClock, SourceClock
from desktop_app.media.capture.watch import DeviceWatch
from desktop_app.media.capture.worker import EncodeWorker, RecordingResult
from desktop_app.media.capture.writer import CaptureError, EncoderSettings, partial_path_for
from desktop_app.media.qtfix import emit

VideoInput = QCameraDevice | QScreen | QCapturableWindow | QVideoFrameInput
AudioInput = QAudioDevice | CallAudioSource | AudioFeed

__all__ = ["AudioLevel", "CaptureEngine", "CaptureState", "RecordingResult"]


class CaptureState(enum.StrEnum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    FINALIZING = "finalizing"


@dataclass(frozen=True)
class AudioLevel:
    """One meter reading: linear RMS and peak (0..1) of a track over the last ~100 ms."""

    label: str
    rms: float
    peak: float


class CaptureEngine(QObject):
    """Start / pause / resume / stop one recording; lives on the GUI thread, encodes off it."""

    stateChanged = Signal(str)
    elapsedChanged = Signal(float)
    levelsChanged = Signal(object)
    warning = Signal(str)
    deviceLost = Signal(str)
    finished = Signal(object)
    _workerDone = Signal(object, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        settings: EncoderSettings | None = None,
        disk: DiskPolicy | None = None,
        free_space: FreeSpaceReader = free_bytes,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or EncoderSettings()
        self.disk = disk or DiskPolicy()
        self._free_space = free_space
        self._state = CaptureState.IDLE
        self._clock = RecordingClock()
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self._preview: QVideoSink | None = None
        self._camera: QCamera | None = None
        self._capture: QScreenCapture | QWindowCapture | None = None
        self._feeds: list[AudioFeed] = []
        self._meters: list[LevelMeter] = []
        self._meter_lock = threading.Lock()
        self._worker: EncodeWorker | None = None
        self._last_slot = -1
        self._frame_clock = SourceClock()
        self._video_alive = False
        self._warned = False
        self._folder = Path(".")
        self.partial_path: Path | None = None
        self.result: RecordingResult | None = None
        self._ticker = QTimer(self, interval=100, timeout=self._tick)
        self._disk_timer = QTimer(self, timeout=self._check_disk)
        self._dead: set[int] = set()
        self._connections: list[QMetaObject.Connection] = []
        self._watch = DeviceWatch(self)
        self._watch.videoLost.connect(self._on_video_lost)
        self._watch.audioLost.connect(self._on_audio_lost)
        self._workerDone.connect(self._on_worker_done)

    @property
    def state(self) -> CaptureState:
        return self._state

    @property
    def elapsed_s(self) -> float:
        return self._clock.active()

    def set_preview_sink(self, sink: QVideoSink | None) -> None:
        """Also show every captured frame in `sink` (e.g. a QVideoWidget's videoSink())."""
        self._preview = sink

    def start(
        self,
        path: Path,
        *,
        video: VideoInput | None = None,
        audio: Sequence[AudioInput] = (),
        audio_labels: Sequence[str] | None = None,
    ) -> Path:
        """Start recording into `path` (an .mp4); return the crash-safe partial file's path."""
        if self._state != CaptureState.IDLE:
            raise CaptureError("A recording is already running: stop it first")
        if video is None and not audio:
            raise CaptureError("Nothing to record: choose a camera, a screen or an audio input")
        path = Path(path)
        self._folder = path.parent
        self._folder.mkdir(parents=True, exist_ok=True)
        first = self.disk.check(self._folder, self._free_space(self._folder), starting=True)
        if first.level is DiskLevel.STOP:
            raise CaptureError(first.message)
        feeds = [self._feed(item, i, audio_labels) for i, item in enumerate(audio)]
        self.partial_path = partial_path_for(path)
        self.partial_path.unlink(missing_ok=True)
        self.result = None
        self._meters = [LevelMeter() for _ in feeds]
        self._dead = set()
        self._last_slot = -1
        self._frame_clock = SourceClock()
        self._warned = False
        self._worker = EncodeWorker(
            self.partial_path, path, has_video=video is not None,
            audio_labels=[f.label for f in feeds], settings=self.settings, clock=self._clock,
            can_remux=self._can_remux, on_done=functools.partial(emit, self._workerDone),
        )  # fmt: skip
        self._clock.start()
        self._worker.start()
        try:
            for index, feed in enumerate(feeds):
                slot = functools.partial(self._on_audio, index)
                self._connections.append(feed.chunk.connect(slot))
                feed.open()
                self._feeds.append(feed)
            if video is not None:
                self._start_video(video)
        except CaptureError:
            self._teardown()
            self._worker.abort()
            self._worker.join(5.0)
            self._worker = None
            raise
        self._watch.watch(camera=self._camera, capture=self._capture, feeds=self._feeds)
        self._ticker.start()
        self._disk_timer.start(int(self.disk.interval_s * 1000))
        self._set_state(CaptureState.RECORDING)
        if first.level is DiskLevel.WARN:
            self._warn(first.message)
        return self.partial_path

    def pause(self) -> None:
        """Pause: nothing is recorded and the paused time is left out of the file."""
        if self._state == CaptureState.RECORDING:
            self._clock.pause()
            self._set_state(CaptureState.PAUSED)

    def resume(self) -> None:
        if self._state == CaptureState.PAUSED:
            self._clock.resume()
            self._set_state(CaptureState.RECORDING)

    def stop(self, reason: str = "user") -> None:
        """Stop now; the file is finalised on the encoder thread, then `finished` is emitted."""
        if self._state not in (CaptureState.RECORDING, CaptureState.PAUSED):
            return
        self._clock.pause()  # frozen: the encoder may still be catching up with queued frames
        t_end = self._clock.active()
        self._set_state(CaptureState.FINALIZING)
        self._teardown()
        if self._worker is not None:
            self._worker.stop(t_end, reason)

    def wait(self, timeout_s: float | None = None) -> RecordingResult | None:
        """Block until the file is finalised (for scripts; the GUI waits for `finished`)."""
        return self._worker.join(timeout_s) if self._worker is not None else self.result

    # --- sources -----------------------------------------------------------------------------

    def _feed(self, item: AudioInput, index: int, labels: Sequence[str] | None) -> AudioFeed:
        if isinstance(item, AudioFeed):
            label = item.label
        elif isinstance(item, CallAudioSource):
            label = "Call audio"
        else:
            label = "Microphone" if index == 0 else f"Microphone {index + 1}"
        if labels is not None and index < len(labels):
            label = labels[index]
        if isinstance(item, AudioFeed):
            item.label = label
            return item
        if isinstance(item, CallAudioSource):
            if item.pulse_source is not None:
                return PulseMonitorFeed(item.pulse_source, label, item.description, self)
            if item.device is None:
                raise CaptureError(f"Call audio source '{item.description}' has no device")
            return DeviceAudioFeed(item.device, label, self)
        return DeviceAudioFeed(item, label, self)

    def _start_video(self, video: VideoInput) -> None:
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_frame, Qt.ConnectionType.DirectConnection)
        self._session.setVideoSink(self._sink)
        self._video_alive = True
        if isinstance(video, QCameraDevice):
            if video.isNull():
                raise CaptureError("No camera selected (or the camera is gone)")
            self._camera = QCamera(video, self)
            fmt = _pick_camera_format(video, self.settings)
            if fmt is not None:
                self._camera.setCameraFormat(fmt)
            self._session.setCamera(self._camera)
            self._camera.start()
        elif isinstance(video, QScreen):
            capture = QScreenCapture(self)
            capture.setScreen(video)
            self._capture = capture
            self._session.setScreenCapture(capture)
        elif isinstance(video, QCapturableWindow):
            capture = QWindowCapture(self)
            capture.setWindow(video)
            self._capture = capture
            self._session.setWindowCapture(capture)
        else:
            self._session.setVideoFrameInput(video)
        if self._capture is not None:
            self._capture.start()

    def _teardown(self) -> None:
        self._ticker.stop()
        self._disk_timer.stop()
        self._watch.stop()
        self._video_alive = False
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self._on_frame)
        if self._camera is not None:
            self._camera.stop()
        if self._capture is not None:
            self._capture.stop()
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        for index, feed in enumerate(self._feeds):
            if index not in self._dead:
                feed.close()
        if self._session is not None:
            self._session.setVideoFrameInput(None)
        for obj in (self._camera, self._capture, self._session, self._sink):
            if obj is not None:
                obj.deleteLater()
        self._camera = self._capture = self._session = self._sink = None
        self._feeds = []

    # --- data (may run on capture threads) ---------------------------------------------------

    def _on_frame(self, frame: QVideoFrame) -> None:
        worker = self._worker
        if self._preview is not None:
            self._preview.setVideoFrame(frame)
        if worker is None or not self._video_alive or self._clock.paused:
            return
        start_us = frame.startTime()
        ts = start_us / 1e6 if start_us >= 0 else None
        t = self._clock.active_at(self._frame_clock.stamp(ts, time.monotonic()))
        slot = round(t * self.settings.fps)
        if slot <= self._last_slot:
            return  # a faster source than the file's rate: keep one frame per slot
        self._last_slot = slot
        worker.put_video(QVideoFrame(frame), t)

    def _on_audio(self, index: int, samples: np.ndarray, rate: int, t: float) -> None:
        worker = self._worker
        if worker is None or self._state not in (CaptureState.RECORDING, CaptureState.PAUSED):
            return
        if index in self._dead:
            return
        with self._meter_lock:
            if index < len(self._meters):
                self._meters[index].add(samples)
        if self._clock.paused:
            return
        worker.put_audio(index, samples, rate, self._clock.active_at(t))

    # --- housekeeping (GUI thread) -----------------------------------------------------------

    @Slot()
    def _tick(self) -> None:
        with self._meter_lock:
            readings = [m.take() for m in self._meters]
        labels = self._worker.audio_labels if self._worker is not None else ()
        emit(
            self.levelsChanged,
            tuple(
                AudioLevel(lbl, rms, peak)
                for lbl, (rms, peak) in zip(labels, readings, strict=False)
            ),
        )
        emit(self.elapsedChanged, self._clock.active())

    @Slot()
    def _check_disk(self) -> None:
        check = self.disk.check(self._folder, self._free_space(self._folder))
        if check.level is DiskLevel.STOP:
            self._warn(check.message, force=True)
            self.stop("disk")
        elif check.level is DiskLevel.WARN:
            self._warn(check.message)

    def _warn(self, message: str, *, force: bool = False) -> None:
        if force or not self._warned:
            self._warned = True
            emit(self.warning, message)

    def _can_remux(self, size: int) -> bool:
        try:
            return self._free_space(self._folder) >= size + self.disk.stop_bytes
        except OSError:
            return False

    @Slot(str)
    def _on_video_lost(self, message: str) -> None:
        if not self._video_alive or self._worker is None:
            return
        self._video_alive = False
        self._worker.video_lost()
        emit(self.deviceLost, message)

    @Slot(int, str)
    def _on_audio_lost(self, index: int, message: str) -> None:
        if index < len(self._feeds):
            # the server may have moved it to another source. Closed from the event loop, not
            # from inside the lost source's own stateChanged/failed handler (stopping and
            # deleting a QAudioSource while it is delivering a signal is not safe)
            QTimer.singleShot(0, self._feeds[index].close)
            self._dead.add(index)
        emit(self.deviceLost, message)

    @Slot(object, object)
    def _on_worker_done(self, worker: EncodeWorker, result: RecordingResult) -> None:
        if worker is not self._worker:
            return  # a recording that failed to start: start() already raised
        self.result = result
        self._worker = None
        self._set_state(CaptureState.IDLE)
        emit(self.finished, result)

    def _set_state(self, state: CaptureState) -> None:
        if state != self._state:
            self._state = state
            emit(self.stateChanged, state.value)


def _pick_camera_format(device: QCameraDevice, settings: EncoderSettings) -> QCameraFormat | None:
    """The largest format that fits the recording size at full frame rate (raw over MJPEG)."""
    formats = list(device.videoFormats())
    if not formats:
        return None

    def score(fmt: QCameraFormat) -> tuple[bool, bool, int, bool]:
        size = fmt.resolution()
        fits = size.width() <= settings.max_width and size.height() <= settings.max_height
        fast = fmt.maxFrameRate() >= settings.fps - 1
        raw = fmt.pixelFormat() != QVideoFrameFormat.PixelFormat.Format_Jpeg
        return fits, fast, size.width() * size.height() if fits else -size.width(), raw

    return max(formats, key=score)
