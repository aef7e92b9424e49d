"""Notice capture devices that disappear during a recording, each reported once.

Qt reports a camera or screen capture failure through `errorOccurred` and device list changes
through QMediaDevices. Audio on Linux needs more: when a PulseAudio/PipeWire source goes away
the server silently moves the recording stream to another source (so the "Microphone" track
would carry a different microphone), and Qt 6.12's PulseAudio backend neither drops the device
from `QMediaDevices.audioInputs()` nor signals it. The sound server's source list is therefore
polled with `pactl` on a background thread while recording.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading

from PySide6.QtCore import QMetaObject, QObject, Signal, Slot
from PySide6.QtMultimedia import QCamera, QMediaDevices, QScreenCapture, QWindowCapture

from desktop_app.media.capture.devices import pulse_source_names
from desktop_app.media.capture.feeds import AudioFeed, DeviceAudioFeed, PulseMonitorFeed
from desktop_app.media.qtfix import emit

_POLL_S = 1.0
# `pactl` may take up to its own timeout (devices._run: 5 s) while the server is busy removing
# a device; stop() waits that long and a bit, and never lets the thread emit after it returns.
_JOIN_S = 6.0


class DeviceWatch(QObject):
    """Emits `videoLost(message)` and `audioLost(track, message)` for the watched sources."""

    videoLost = Signal(str)
    audioLost = Signal(int, str)
    _pulseSources = Signal(object)

    def __init__(self, parent: QObject | None = None, poll_s: float = _POLL_S) -> None:
        super().__init__(parent)
        self._poll_s = poll_s
        self._camera: QCamera | None = None
        self._camera_id = b""
        self._feeds: list[AudioFeed] = []
        self._lost: set[int] = set()
        self._video_lost = False
        self._pulse_ids: dict[int, str] = {}
        self._connections: list[QMetaObject.Connection] = []
        self._stop = threading.Event()
        self._emitting = threading.Lock()  # held while the poll thread emits
        self._thread: threading.Thread | None = None
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._on_video_inputs)
        self._devices.audioInputsChanged.connect(self._on_audio_inputs)
        self._pulseSources.connect(self._on_pulse_sources)

    def watch(
        self,
        *,
        camera: QCamera | None,
        capture: QScreenCapture | QWindowCapture | None,
        feeds: list[AudioFeed],
    ) -> None:
        self._camera, self._feeds = camera, list(feeds)
        self._camera_id = bytes(camera.cameraDevice().id().data()) if camera else b""
        self._lost, self._video_lost = set(), False
        if camera is not None:
            camera.errorOccurred.connect(self._on_camera_error)
        if capture is not None:
            capture.errorOccurred.connect(self._on_capture_error)
        self._connections = [
            feed.failed.connect(functools.partial(self._report_audio, index))
            for index, feed in enumerate(self._feeds)
        ]
        self._start_polling()

    def stop(self) -> None:
        # Under the lock: once stop() has it, the poll thread can no longer emit. An emit from
        # that thread after the recording ended (pactl is slow right after an unplug, and the
        # old 3 s join gave up first) reached Qt while the recorder process was shutting down
        # and killed it with SIGSEGV after its result had already been printed.
        with self._emitting:
            self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=_JOIN_S)
            self._thread = None
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._camera, self._feeds = None, []

    # --- video -------------------------------------------------------------------------------

    def _report_video(self, message: str) -> None:
        if not self._video_lost:
            self._video_lost = True
            emit(self.videoLost, message)

    @Slot(QCamera.Error, str)
    def _on_camera_error(self, _error: QCamera.Error, text: str) -> None:
        name = self._camera.cameraDevice().description() if self._camera else "camera"
        self._report_video(f"Camera '{name}' stopped ({text}); recording goes on with audio only")

    @Slot()
    def _on_capture_error(self) -> None:
        capture = self.sender()
        text = capture.errorString() if isinstance(capture, QScreenCapture | QWindowCapture) else ""
        self._report_video(f"Screen capture stopped ({text}); recording goes on with audio only")

    @Slot()
    def _on_video_inputs(self) -> None:
        if self._camera is None:
            return
        if all(bytes(d.id().data()) != self._camera_id for d in QMediaDevices.videoInputs()):
            name = self._camera.cameraDevice().description()
            self._report_video(
                f"Camera '{name}' was disconnected; recording goes on with audio only"
            )

    # --- audio -------------------------------------------------------------------------------

    def _report_audio(self, index: int, message: str) -> None:
        if index not in self._lost and index < len(self._feeds):
            self._lost.add(index)
            emit(self.audioLost, index, message)

    def _gone(self, index: int) -> None:
        feed = self._feeds[index]
        name = feed.device.description() if isinstance(feed, DeviceAudioFeed) else feed.label
        if isinstance(feed, PulseMonitorFeed):
            name = feed.description
        self._report_audio(
            index, f"Audio input '{name}' was disconnected; the {feed.label} track goes on silent"
        )

    @Slot()
    def _on_audio_inputs(self) -> None:
        present = {bytes(d.id().data()) for d in QMediaDevices.audioInputs()}
        for index, feed in enumerate(self._feeds):
            if isinstance(feed, DeviceAudioFeed) and bytes(feed.device.id().data()) not in present:
                self._gone(index)

    def _start_polling(self) -> None:
        if not sys.platform.startswith("linux") or shutil.which("pactl") is None:
            return
        names = pulse_source_names()
        if not names:
            return
        # only sources the sound server knows by that name at the start are checked
        self._pulse_ids = {
            i: source
            for i, feed in enumerate(self._feeds)
            if (source := _pulse_name(feed)) in names
        }
        if not self._pulse_ids:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._poll, name="closer-device-watch", daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.wait(self._poll_s):
            names = pulse_source_names()
            with self._emitting:
                if self._stop.is_set():
                    return
                if names is not None:
                    emit(self._pulseSources, frozenset(names))

    @Slot(object)
    def _on_pulse_sources(self, names: set[str]) -> None:
        for index, source in self._pulse_ids.items():
            if source not in names and index < len(self._feeds):
                self._gone(index)


def _pulse_name(feed: AudioFeed) -> str:
    if isinstance(feed, PulseMonitorFeed):
        return feed.source_name
    if isinstance(feed, DeviceAudioFeed):
        return bytes(feed.device.id().data()).decode(errors="replace")
    return ""
