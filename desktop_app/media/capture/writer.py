"""Crash-safe recording writer (PyAV): H.264 video + one AAC track per audio source.

While recording, the file is a fragmented MP4 (`empty_moov` + a fragment at least every second,
flushed to the OS as it is written), so a process killed with SIGKILL loses at most the last
fragment. `finalize()` remuxes it (stream copy, no re-encode) into a normal MP4 with the index at
the front; `recover()` does the same for an interrupted file, keeping every packet that is whole.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.container
import av.error
import numpy as np

from desktop_app.domain.errors import CloserError
from desktop_app.domain.media import MediaError
from desktop_app.media.probe import check_readable, probe

PARTIAL_SUFFIX = ".partial.mp4"
_FRAGMENTED = "frag_keyframe+empty_moov+default_base_moof"


class CaptureError(CloserError):
    """Recording cannot start or go on; the message names the device or file and the reason."""


@dataclass(frozen=True)
class EncoderSettings:
    """How a recording is encoded; the defaults keep capture + encode well under one core."""

    max_width: int = 1280
    max_height: int = 720
    fps: int = 30
    preset: str = "veryfast"
    tune: str = "zerolatency"
    crf: int = 23
    threads: int = 0  # 0: let x264 decide
    audio_rate: int = 48_000
    audio_bitrate: int = 96_000
    fragment_s: float = 1.0


def output_size(width: int, height: int, settings: EncoderSettings) -> tuple[int, int]:
    """Fit `width` x `height` inside the settings' maximum, keeping the aspect; even numbers."""
    scale = min(1.0, settings.max_width / max(1, width), settings.max_height / max(1, height))
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


def partial_path_for(final: Path) -> Path:
    """Where the crash-safe file lives while `final` is being recorded."""
    final = Path(final)
    return final.with_name(final.stem + PARTIAL_SUFFIX)


def final_path_for(partial: Path) -> Path:
    """The final name of a partial recording ("x.partial.mp4" -> "x.mp4")."""
    partial = Path(partial)
    if partial.name.endswith(PARTIAL_SUFFIX):
        return partial.with_name(partial.name[: -len(PARTIAL_SUFFIX)] + ".mp4")
    return partial.with_name(partial.stem + ".recovered.mp4")


def partial_recordings(folder: Path) -> list[Path]:
    """Recordings in `folder` that were interrupted before they were finalised (for recover)."""
    return sorted(Path(folder).glob("*" + PARTIAL_SUFFIX))


class FragmentedWriter:
    """Encode video frames and audio samples into a fragmented MP4 at `path` (one thread only)."""

    def __init__(
        self,
        path: Path,
        *,
        video_size: tuple[int, int] | None,
        audio_labels: Sequence[str],
        settings: EncoderSettings = EncoderSettings(),
    ) -> None:
        self.path = Path(path)
        self.settings = settings
        self.video_size = video_size
        self._audio_pts = [0] * len(audio_labels)
        options = {
            "movflags": _FRAGMENTED,
            "frag_duration": str(int(settings.fragment_s * 1_000_000)),
            "flush_packets": "1",
        }
        try:
            self._container = av.open(os.fspath(self.path), "w", format="mp4", options=options)
        except (av.error.FFmpegError, OSError) as exc:
            raise CaptureError(f"Cannot write the recording {self.path}: {_why(exc)}") from None
        self._video = self._add_video(video_size) if video_size else None
        self._audio = [self._add_audio(label) for label in audio_labels]
        self._closed = False

    @property
    def size_bytes(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def _add_video(self, size: tuple[int, int]) -> av.VideoStream:
        s = self.settings
        stream = self._container.add_stream("libx264", rate=s.fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, s.fps)
        stream.codec_context.options = {
            "preset": s.preset,
            "tune": s.tune,
            "crf": str(s.crf),
            "g": str(s.fps),  # a keyframe (and so a fragment) every second
            "keyint_min": str(s.fps),
            "sc_threshold": "0",
            "threads": str(s.threads),
        }
        stream.metadata["handler_name"] = "Video"
        return stream

    def _add_audio(self, label: str) -> av.AudioStream:
        stream = self._container.add_stream("aac", rate=self.settings.audio_rate, layout="mono")
        stream.bit_rate = self.settings.audio_bitrate
        stream.metadata["title"] = label
        stream.metadata["handler_name"] = label
        return stream

    def scale(self, frame: av.VideoFrame) -> av.VideoFrame:
        """`frame` as yuv420p at the recording's size (stretched if the source changed shape)."""
        if self.video_size is None:
            raise CaptureError("this recording has no video track")
        width, height = self.video_size
        if frame.width == width and frame.height == height and frame.format.name == "yuv420p":
            return frame
        return frame.reformat(
            width=width, height=height, format="yuv420p", interpolation="FAST_BILINEAR"
        )

    def write_video(self, frame: av.VideoFrame, slot: int) -> None:
        """Encode `frame` (from `scale`) as frame number `slot` of the constant-rate grid."""
        if self._video is None:
            raise CaptureError("this recording has no video track")
        frame.pts = slot
        frame.time_base = Fraction(1, self.settings.fps)
        self._mux(self._video.encode(frame))

    def write_audio(self, track: int, samples: np.ndarray) -> None:
        """Append mono float32 `samples` at the audio rate to audio track `track`."""
        if samples.size == 0:
            return
        data = np.ascontiguousarray(samples, dtype=np.float32).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(data, format="fltp", layout="mono")
        frame.sample_rate = self.settings.audio_rate
        frame.pts = self._audio_pts[track]
        frame.time_base = Fraction(1, self.settings.audio_rate)
        self._audio_pts[track] += data.shape[1]
        self._mux(self._audio[track].encode(frame))

    def close(self) -> None:
        """Drain the encoders and close the file (it stays a valid fragmented MP4)."""
        if self._closed:
            return
        self._closed = True
        try:
            for stream in [self._video, *self._audio]:
                if stream is not None:
                    self._mux(stream.encode(None))
        finally:
            self._container.close()

    def _mux(self, packets: list[av.Packet]) -> None:
        try:
            self._container.mux(packets)
        except (av.error.FFmpegError, OSError) as exc:
            raise CaptureError(f"Cannot write the recording {self.path}: {_why(exc)}") from None


def finalize(partial: Path, final: Path | None = None, *, keep_partial: bool = False) -> Path:
    """Remux a finished fragmented recording into a normal MP4 (index first); return its path.

    Stream copy only, so it takes seconds even for long recordings. The partial file is removed
    after the final file is complete, unless `keep_partial`.
    """
    partial = Path(partial)
    final = Path(final) if final is not None else final_path_for(partial)
    _remux(partial, final, tolerant=False)
    if not keep_partial:
        partial.unlink(missing_ok=True)
    return final


def recover(path: Path, final: Path | None = None) -> Path:
    """Turn an interrupted recording into a playable MP4; return its path (the partial stays).

    Every whole packet is kept; a fragment cut off by the crash is dropped. Raises MediaError when
    nothing in the file can be played.
    """
    path = Path(path)
    check_readable(path)
    final = Path(final) if final is not None else final_path_for(path)
    if final.exists():
        final = path.with_name(final.stem + ".recovered.mp4")
    _remux(path, final, tolerant=True)
    try:
        probe(final)
    except MediaError:
        final.unlink(missing_ok=True)
        raise
    return final


def _remux(src_path: Path, dst_path: Path, *, tolerant: bool) -> None:
    """Stream-copy every audio/video packet of `src_path` into a faststart MP4 at `dst_path`."""
    tmp = dst_path.with_name(dst_path.name + ".tmp")
    end = src_path.stat().st_size
    copied = 0
    try:
        src = av.open(os.fspath(src_path), "r")
    except av.error.FFmpegError as exc:
        raise MediaError(src_path, f"not a recording FFmpeg can read ({_why(exc)})") from None
    try:
        dst = av.open(os.fspath(tmp), "w", format="mp4", options={"movflags": "+faststart"})
        try:
            streams = [s for s in src.streams if s.type in ("video", "audio")]
            mapping = {s.index: _copy_stream(dst, s) for s in streams}
            try:
                for packet in src.demux(streams):
                    if packet.dts is None or packet.size == 0:
                        continue
                    if tolerant and packet.pos is not None and packet.pos + packet.size > end:
                        continue  # cut off by the crash
                    packet.stream = mapping[packet.stream.index]
                    dst.mux(packet)
                    copied += 1
            except av.error.FFmpegError:
                if not tolerant:
                    raise
        finally:
            dst.close()
    except (av.error.FFmpegError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise MediaError(
            src_path, f"cannot be remuxed into {dst_path.name} ({_why(exc)})"
        ) from None
    finally:
        src.close()
    if copied == 0:
        tmp.unlink(missing_ok=True)
        raise MediaError(src_path, "holds no recorded audio or video (nothing to recover)")
    os.replace(tmp, dst_path)


def _copy_stream(dst: av.container.OutputContainer, template: av.stream.Stream) -> av.stream.Stream:
    stream = dst.add_stream_from_template(template)
    for key in ("title", "handler_name", "language"):
        if key in template.metadata:
            stream.metadata[key] = template.metadata[key]
    return stream


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc or type(exc).__name__).rstrip(".")
