"""Audio feeds: where each audio track's samples come from, plus level metering for the meters.

A feed emits `chunk(samples, rate, t)`: float32 samples shaped (frames, channels), their sample
rate, and the `time.monotonic()` at which the last sample was captured. Feeds:
- `DeviceAudioFeed`: a Qt input device (microphone, or a loopback device used as call audio) read
  with QAudioSource in pull mode.
- `PulseMonitorFeed`: a PulseAudio/PipeWire monitor source (what the speakers play: the remote side
  of a call), read with libpulse-simple on its own thread. Qt's PulseAudio backend does not list
  monitor sources as inputs, so QAudioSource cannot open them.
- `BufferAudioFeed`: samples pushed from code (synthetic source, tests, benches).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time

import numpy as np
from PySide6.QtCore import QIODevice, QObject, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QtAudio

from desktop_app.media.capture.writer import CaptureError
from desktop_app.media.qtfix import emit

_RATE = 48_000
_SF = QAudioFormat.SampleFormat
_DTYPES = {
    _SF.UInt8: (np.uint8, 128.0, 128.0),
    _SF.Int16: (np.int16, 0.0, 32768.0),
    _SF.Int32: (np.int32, 0.0, 2147483648.0),
    _SF.Float: (np.float32, 0.0, 1.0),
}


class AudioFeed(QObject):
    """Base of all feeds: a label (the track title), `chunk` and `failed` signals."""

    chunk = Signal(object, int, float)
    failed = Signal(str)

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label

    def open(self) -> None:
        """Start capturing (raise CaptureError when the source cannot be opened)."""

    def close(self) -> None:
        """Stop capturing; no `chunk` is emitted afterwards."""


class BufferAudioFeed(AudioFeed):
    """Audio pushed from code, stamped with the time it is pushed."""

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(label, parent)
        self._open = False

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False

    def push(self, samples: np.ndarray, rate: int) -> None:
        """Deliver float32 samples (1-D mono or (frames, channels)) captured just now."""
        if not self._open:
            return
        data = np.asarray(samples, dtype=np.float32)
        emit(self.chunk, data.reshape(data.shape[0], -1), rate, time.monotonic())


class DeviceAudioFeed(AudioFeed):
    """A Qt audio input device read with QAudioSource (pull mode, `readyRead` -> bytes)."""

    def __init__(self, device: QAudioDevice, label: str, parent: QObject | None = None) -> None:
        super().__init__(label, parent)
        self.device = device
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._rest = b""
        self._format = QAudioFormat()

    def open(self) -> None:
        fmt = QAudioFormat()
        fmt.setSampleRate(_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(_SF.Float)
        if not self.device.isFormatSupported(fmt):
            fmt = self.device.preferredFormat()
        if fmt.sampleFormat() not in _DTYPES:
            raise CaptureError(
                f"Audio input '{self.device.description()}' uses a sample format Closer cannot read"
            )
        self._format = fmt
        self._source = QAudioSource(self.device, fmt, self)
        self._source.setBufferSize(fmt.bytesForDuration(200_000))
        self._source.stateChanged.connect(self._on_state)
        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            raise CaptureError(
                f"Cannot open audio input '{self.device.description()}' "
                f"({self._source.error().name})"
            )
        self._io.readyRead.connect(self._read)

    def close(self) -> None:
        if self._source is not None:
            self._source.stateChanged.disconnect(self._on_state)
            self._source.stop()
            self._source.deleteLater()
        self._source = self._io = None

    @Slot()
    def _read(self) -> None:
        if self._io is None:
            return
        t = time.monotonic()
        data = self._rest + bytes(self._io.readAll().data())
        frame_bytes = self._format.bytesPerFrame()
        whole = len(data) - len(data) % frame_bytes
        self._rest = data[whole:]
        if not whole:
            return
        dtype, offset, scale = _DTYPES[self._format.sampleFormat()]
        samples = (np.frombuffer(data[:whole], dtype=dtype).astype(np.float32) - offset) / scale
        channels = self._format.channelCount()
        emit(self.chunk, samples.reshape(-1, channels), self._format.sampleRate(), t)

    @Slot(QtAudio.State)
    def _on_state(self, state: QtAudio.State) -> None:
        if self._source is None or state != QtAudio.State.StoppedState:
            return
        error = self._source.error()
        if error != QtAudio.Error.NoError:
            emit(
                self.failed,
                f"Audio input '{self.device.description()}' stopped ({error.name}): "
                "it was unplugged or taken by another program",
            )


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")
    ]


_PA_STREAM_RECORD = 2
_PA_SAMPLE_FLOAT32LE = 5
_CHUNK_S = 0.02


def _libpulse() -> tuple[ctypes.CDLL, ctypes.CDLL] | None:
    simple_name = ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0"
    pulse_name = ctypes.util.find_library("pulse") or "libpulse.so.0"
    try:
        simple, pulse = ctypes.CDLL(simple_name), ctypes.CDLL(pulse_name)
    except OSError:
        return None
    simple.pa_simple_new.restype = ctypes.c_void_p
    simple.pa_simple_new.argtypes = [
        ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
        ctypes.POINTER(_SampleSpec), ctypes.c_void_p, ctypes.POINTER(_BufferAttr),
        ctypes.POINTER(ctypes.c_int),
    ]  # fmt: skip
    simple.pa_simple_read.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_int),
    ]
    simple.pa_simple_free.argtypes = [ctypes.c_void_p]
    pulse.pa_strerror.restype = ctypes.c_char_p
    pulse.pa_strerror.argtypes = [ctypes.c_int]
    return simple, pulse


def pulse_available() -> bool:
    """True when libpulse (PulseAudio or PipeWire's pulse layer) can be loaded."""
    return _libpulse() is not None


class PulseMonitorFeed(AudioFeed):
    """Record a PulseAudio source by name (e.g. "alsa_output....monitor") on its own thread."""

    def __init__(
        self, source_name: str, label: str, description: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(label, parent)
        self.source_name = source_name
        self.description = description or source_name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._handle: int | None = None
        self._libs = _libpulse()

    def open(self) -> None:
        if self._libs is None:
            raise CaptureError(
                f"Cannot record call audio '{self.description}': libpulse is not installed"
            )
        simple, pulse = self._libs
        spec = _SampleSpec(_PA_SAMPLE_FLOAT32LE, _RATE, 1)
        chunk = int(_RATE * _CHUNK_S) * 4
        attr = _BufferAttr(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, chunk)
        error = ctypes.c_int(0)
        handle = simple.pa_simple_new(
            None, b"Closer", _PA_STREAM_RECORD, self.source_name.encode(),
            self.label.encode(), ctypes.byref(spec), None, ctypes.byref(attr),
            ctypes.byref(error),
        )  # fmt: skip
        if not handle:
            reason = pulse.pa_strerror(error.value).decode(errors="replace")
            raise CaptureError(f"Cannot record call audio '{self.description}' ({reason})")
        self._handle = handle
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(handle, chunk), name="closer-pulse-feed", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        if self._handle is not None and self._libs is not None:
            self._libs[0].pa_simple_free(self._handle)
            self._handle = None

    def _run(self, handle: int, size: int) -> None:
        assert self._libs is not None
        simple, pulse = self._libs
        buf = ctypes.create_string_buffer(size)
        error = ctypes.c_int(0)
        while not self._stop.is_set():
            if simple.pa_simple_read(handle, buf, size, ctypes.byref(error)) < 0:
                if not self._stop.is_set():
                    reason = pulse.pa_strerror(error.value).decode(errors="replace")
                    emit(self.failed, f"Call audio '{self.description}' stopped ({reason})")
                return
            samples = np.frombuffer(buf.raw, dtype=np.float32).copy()
            emit(self.chunk, samples.reshape(-1, 1), _RATE, time.monotonic())


class LevelMeter:
    """Peak and RMS (0..1) of one track since the last `take()` (for ~10 Hz meters)."""

    def __init__(self) -> None:
        self._peak = 0.0
        self._squares = 0.0
        self._count = 0

    def add(self, samples: np.ndarray) -> None:
        if samples.size == 0:
            return
        self._peak = max(self._peak, float(np.abs(samples).max()))
        self._squares += float(np.square(samples, dtype=np.float64).sum())
        self._count += samples.size

    def take(self) -> tuple[float, float]:
        """(rms, peak) since the previous call; resets the meter."""
        rms = (self._squares / self._count) ** 0.5 if self._count else 0.0
        peak = self._peak
        self._peak, self._squares, self._count = 0.0, 0.0, 0
        return min(1.0, rms), min(1.0, peak)
