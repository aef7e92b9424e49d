"""The encoder thread: time-stamped frames and audio chunks in, a crash-safe MP4 out.

Capture callbacks only stamp and queue; everything costly (pixel copies, scaling, resampling,
H.264/AAC encoding, the final remux) happens here, never on the GUI thread.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from PySide6.QtMultimedia import QVideoFrame

from desktop_app.domain.errors import CloserError
from desktop_app.media.capture.frames import to_av_frame
from desktop_app.media.capture.timeline import AudioPlacer, FramePacer, RecordingClock
from desktop_app.media.capture.writer import (
    EncoderSettings,
    FragmentedWriter,
    finalize,
    output_size,
    recover,
)

# Video waits this long for a late frame before the previous one is repeated.
_VIDEO_LATENCY_S = 0.3
# With video expected but no frame yet after this long, the file opens with a black picture.
_FIRST_FRAME_WAIT_S = 2.0
# Frames queued beyond this many seconds of video are dropped: a slow encoder must not fall
# behind (what is queued is lost in a crash); the picture repeats instead.
_MAX_VIDEO_BACKLOG_S = 0.5
_ABORT = "aborted"


@dataclass(frozen=True)
class RecordingResult:
    """How a recording ended: `path` is the finished MP4 (None when nothing could be saved)."""

    path: Path | None
    duration_s: float
    stop_reason: str
    has_video: bool
    audio_labels: tuple[str, ...]
    faststart: bool = True
    error: str | None = None


class EncodeWorker:
    """Owns the writer; fed from any thread through `put_video` / `put_audio`."""

    def __init__(
        self,
        partial: Path,
        final: Path,
        *,
        has_video: bool,
        audio_labels: Sequence[str],
        settings: EncoderSettings,
        clock: RecordingClock,
        can_remux: Callable[[int], bool],
        on_done: Callable[[EncodeWorker, RecordingResult], None],
    ) -> None:
        self.partial, self.final = partial, final
        self.has_video = has_video
        self.audio_labels = tuple(audio_labels)
        self.settings = settings
        self._clock = clock
        self._can_remux = can_remux
        self._on_done = on_done
        self._queue: queue.Queue[tuple] = queue.Queue()
        self._backlog = 0
        self._lock = threading.Lock()
        self._writer: FragmentedWriter | None = None
        self._pacer: FramePacer[av.VideoFrame] = FramePacer(settings.fps)
        self._placers = [AudioPlacer(settings.audio_rate) for _ in self.audio_labels]
        self._resamplers: list[tuple[int, av.AudioResampler] | None] = [None] * len(audio_labels)
        self._early_audio: list[tuple[int, np.ndarray, float]] = []
        self._thread = threading.Thread(target=self._run, name="closer-encoder", daemon=True)
        self.result: RecordingResult | None = None

    def start(self) -> None:
        self._thread.start()

    @property
    def bytes_written(self) -> int:
        writer = self._writer
        return writer.size_bytes if writer is not None else 0

    def put_video(self, frame: QVideoFrame, t: float) -> None:
        with self._lock:
            if self._backlog > _MAX_VIDEO_BACKLOG_S * self.settings.fps:
                return  # the encoder is behind: drop rather than grow without bound
            self._backlog += 1
        self._queue.put(("video", frame, t))

    def put_audio(self, track: int, samples: np.ndarray, rate: int, t_end: float) -> None:
        self._queue.put(("audio", track, samples, rate, t_end))

    def video_lost(self) -> None:
        self._queue.put(("lost",))

    def stop(self, t_end: float, reason: str) -> None:
        self._queue.put(("stop", t_end, reason))

    def join(self, timeout: float | None = None) -> RecordingResult | None:
        self._thread.join(timeout)
        return self.result

    def abort(self) -> None:
        """Stop and delete what was written (the recording could not start)."""
        self._queue.put(("stop", 0.0, _ABORT))

    def _run(self) -> None:
        try:
            t_end, reason = self._loop()
            result = self._discard() if reason == _ABORT else self._finish(t_end, reason)
        except (CloserError, av.error.FFmpegError, OSError) as exc:
            result = self._salvage(str(exc))
        except Exception as exc:  # a thread boundary: the GUI must always hear back
            result = self._salvage(f"Recording failed unexpectedly ({type(exc).__name__}: {exc})")
        self.result = result
        self._on_done(self, result)

    def _loop(self) -> tuple[float, str]:
        while True:
            try:
                item = self._queue.get(timeout=0.1)
            except queue.Empty:
                item = None
            if item is not None:
                if item[0] == "stop":
                    return item[1], item[2]
                self._handle(item)
            self._tick()

    def _handle(self, item: tuple) -> None:
        kind = item[0]
        if kind == "video":
            with self._lock:
                self._backlog -= 1
            frame = to_av_frame(item[1])
            if frame is not None:
                writer = self._open(frame.width, frame.height)
                for out, slot in self._pacer.offer(writer.scale(frame), item[2]):
                    writer.write_video(out, slot)
        elif kind == "audio":
            _, track, samples, rate, t_end = item
            mono = self._resample(track, samples, rate)
            if self._writer is None:
                self._early_audio.append((track, mono, t_end))
            else:
                self._write_audio(track, mono, t_end)
        elif kind == "lost" and self._writer is not None and self._writer.video_size:
            self._pacer.replace(_black(self._writer.video_size))

    def _tick(self) -> None:
        now = self._clock.active()
        if self._writer is None and (not self.has_video or now > _FIRST_FRAME_WAIT_S):
            self._open_blank()
        if self._writer is not None and self.has_video and self._backlog == 0:
            # only when no frame is waiting: a backlog must not be overtaken by repeats
            for out, slot in self._pacer.fill_until(now - _VIDEO_LATENCY_S):
                self._writer.write_video(out, slot)

    def _open(self, width: int, height: int) -> FragmentedWriter:
        if self._writer is None:
            size = output_size(width, height, self.settings) if self.has_video else None
            self._writer = FragmentedWriter(
                self.partial, video_size=size, audio_labels=self.audio_labels,
                settings=self.settings,
            )  # fmt: skip
            early, self._early_audio = self._early_audio, []
            for track, mono, t_end in early:
                self._write_audio(track, mono, t_end)
        return self._writer

    def _open_blank(self) -> None:
        """Open with a black picture (video expected, none came yet) or with no video at all."""
        s = self.settings
        writer = self._open(s.max_width, s.max_height)
        if self.has_video and writer.video_size and self._pacer.current is None:
            self._pacer.offer(_black(writer.video_size), 0.0)

    def _resample(self, track: int, samples: np.ndarray, rate: int) -> np.ndarray:
        mono = samples.mean(axis=1, dtype=np.float32) if samples.shape[1] > 1 else samples[:, 0]
        if rate == self.settings.audio_rate:
            return np.ascontiguousarray(mono, dtype=np.float32)
        current = self._resamplers[track]
        if current is None or current[0] != rate:
            resampler = av.AudioResampler(
                format="flt", layout="mono", rate=self.settings.audio_rate
            )
            current = self._resamplers[track] = (rate, resampler)
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(mono, dtype=np.float32).reshape(1, -1), format="flt", layout="mono"
        )
        frame.sample_rate = rate
        out = [f.to_ndarray().reshape(-1) for f in current[1].resample(frame)]
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)

    def _write_audio(self, track: int, mono: np.ndarray, t_end: float) -> None:
        assert self._writer is not None
        placer = self._placers[track]
        place = placer.place(mono.size, t_end)
        if place.silence:
            self._writer.write_audio(track, np.zeros(place.silence, dtype=np.float32))
            placer.advance(place.silence)
        data = mono[place.skip :]
        self._writer.write_audio(track, data)
        placer.advance(data.size)

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item[0] != "stop":
                self._handle(item)

    def _finish(self, t_end: float, reason: str) -> RecordingResult:
        self._drain()
        if self._writer is None:
            self._open_blank()
        writer = self._writer
        assert writer is not None
        if self.has_video:
            for out, slot in self._pacer.finish(t_end):
                writer.write_video(out, slot)
        for track, placer in enumerate(self._placers):
            missing = placer.missing_until(t_end)
            if missing:
                writer.write_audio(track, np.zeros(missing, dtype=np.float32))
                placer.advance(missing)
        writer.close()
        faststart = self._can_remux(writer.size_bytes)
        if faststart:
            path = finalize(self.partial, self.final)
        else:  # too little space for a copy: the fragmented file is the final file
            os.replace(self.partial, self.final)
            path = self.final
        return RecordingResult(
            path, round(t_end, 3), reason, self.has_video, self.audio_labels, faststart
        )

    def _discard(self) -> RecordingResult:
        if self._writer is not None:
            with contextlib.suppress(CloserError, av.error.FFmpegError, OSError):
                self._writer.close()
        self.partial.unlink(missing_ok=True)
        return RecordingResult(None, 0.0, _ABORT, self.has_video, self.audio_labels)

    def _salvage(self, error: str) -> RecordingResult:
        """Writing failed: keep whatever reached the disk, as a playable file if possible."""
        if self._writer is not None:
            with contextlib.suppress(CloserError, av.error.FFmpegError, OSError):
                self._writer.close()
        path: Path | None = None
        with contextlib.suppress(CloserError, av.error.FFmpegError, OSError):
            path = recover(self.partial, self.final)
        return RecordingResult(
            path, round(self._clock.active(), 3), "error", self.has_video, self.audio_labels,
            error=error,
        )  # fmt: skip


def _black(size: tuple[int, int]) -> av.VideoFrame:
    width, height = size
    rgb = np.zeros((height, width, 3), dtype=np.uint8)
    return av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
