"""Probe a media file with PyAV: what it contains, how long it is, and whether it really decodes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import av
import av.container
import av.error
import av.stream

from desktop_app.domain.media import MEDIA_EXTENSIONS, MediaError, MediaInfo, check_media_file
from desktop_app.media.pcm import check_channels

# Packets per stream decoded at the start (and near the end) to prove that the file decodes:
# at least _MIN_PACKETS, and up to _CHECK_PACKETS while no frame has come out yet.
_CHECK_PACKETS = 48
_MIN_PACKETS = 8
# How far before the end we seek to check that the tail of the file is really there.
_TAIL_CHECK_S = 1.5


def is_supported_extension(path: Path | str) -> bool:
    """True when the file name ends in an audio or video extension the app accepts."""
    return Path(path).suffix.lower() in MEDIA_EXTENSIONS


def check_readable(path: Path) -> None:
    """Raise MediaError unless `path` is an existing, readable, non-empty regular file."""
    check_media_file(path)
    try:
        with open(path, "rb") as fh:
            first = fh.read(1)
    except PermissionError:
        raise MediaError(path, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise MediaError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not first:
        raise MediaError(path, "the file is empty")


@contextmanager
def open_media(path: Path) -> Iterator[av.container.InputContainer]:
    """Open `path` for reading with PyAV, turning every failure into a MediaError."""
    path = Path(path)
    check_readable(path)
    try:
        container = av.open(os.fspath(path), mode="r")
    except av.error.PermissionError:
        raise MediaError(path, "permission denied: the file cannot be read") from None
    except (av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise MediaError(path, f"not a media file FFmpeg can read ({_detail(exc)})") from None
    try:
        yield container
    finally:
        container.close()


def first_video_stream(container: av.container.InputContainer) -> av.stream.Stream | None:
    """The first real video stream (cover art attached to audio files does not count)."""
    for stream in container.streams.video:
        if not stream.disposition & av.stream.Disposition.attached_pic:
            return stream
    return None


def first_audio_stream(container: av.container.InputContainer) -> av.stream.Stream | None:
    """The first audio stream, or None."""
    return container.streams.audio[0] if container.streams.audio else None


def probe(path: Path) -> MediaInfo:
    """Describe the media file at `path`; raise MediaError if it is missing, unreadable, broken."""
    path = Path(path)
    with open_media(path) as container:
        video = first_video_stream(container)
        audio = first_audio_stream(container)
        if video is None and audio is None:
            raise MediaError(path, "contains no audio or video")
        if audio is not None:
            check_channels(path, audio.codec_context.channels)
        if audio is None and _is_picture(container):
            kind = container.format.name.removesuffix("_pipe").upper()
            raise MediaError(path, f"is a picture ({kind}), not an audio or video recording")
        streams = [s for s in (video, audio) if s is not None]
        _check_head_decodes(path, container, streams)
        duration = _known_duration(container, streams)
        if duration is None:
            duration = _measure_duration(path, container, streams)
        else:
            _check_tail_decodes(path, container, streams, duration)
        info = MediaInfo(
            duration_s=duration,
            has_video=video is not None,
            has_audio=audio is not None,
            container=_container_name(path, container),
            audio_tracks=len(container.streams.audio),
            **_video_fields(video),
            **_audio_fields(audio),
        )
    return info


def _is_picture(container: av.container.InputContainer) -> bool:
    """A still image (or a GIF) that FFmpeg would read as a one-frame "video"."""
    name = container.format.name
    return name.endswith("_pipe") or name in ("image2", "gif", "webp", "apng")


def _detail(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text).rstrip(".")


def _container_name(path: Path, container: av.container.InputContainer) -> str:
    names = container.format.name.split(",")
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in names else names[0]


def _video_fields(stream: av.stream.Stream | None) -> dict[str, object]:
    if stream is None:
        return {}
    ctx = stream.codec_context
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    return {
        "video_codec": ctx.name,
        "width": ctx.width or None,
        "height": ctx.height or None,
        "fps": round(float(rate), 3) if rate else None,
    }


def _audio_fields(stream: av.stream.Stream | None) -> dict[str, object]:
    if stream is None:
        return {}
    ctx = stream.codec_context
    return {
        "audio_codec": ctx.name,
        "audio_channels": ctx.channels or None,
        "sample_rate": ctx.sample_rate or None,
    }


def _known_duration(
    container: av.container.InputContainer, streams: list[av.stream.Stream]
) -> float | None:
    """Container duration if the file states one, else the longest stated stream duration."""
    if container.duration is not None and container.duration > 0:
        return container.duration / av.time_base
    lengths = [
        float(s.duration * s.time_base)
        for s in streams
        if s.duration is not None and s.duration > 0 and s.time_base
    ]
    return max(lengths) if lengths else None


def _measure_duration(
    path: Path, container: av.container.InputContainer, streams: list[av.stream.Stream]
) -> float:
    """Demux the whole file to find where the last packet ends (files without a stated length)."""
    container.seek(0)
    start: float | None = None
    end = 0.0
    try:
        for packet in container.demux(streams):
            if packet.pts is None or packet.time_base is None:
                continue
            t0 = float(packet.pts * packet.time_base)
            t1 = float((packet.pts + (packet.duration or 0)) * packet.time_base)
            start = t0 if start is None else min(start, t0)
            end = max(end, t1)
    except av.error.FFmpegError:
        pass  # a broken tail: what was read so far is the usable length
    if start is None:
        raise MediaError(path, "corrupt: cannot decode any audio or video data")
    return max(0.0, end - max(start, 0.0))


def _kind(stream: av.stream.Stream) -> str:
    return "video" if stream.type == "video" else "audio"


def _at(packet: av.Packet) -> str:
    if packet.pts is None or packet.time_base is None:
        return ""
    return f" at {max(0.0, float(packet.pts * packet.time_base)):.1f} s"


def _enough(packets: int, frames: int) -> bool:
    return packets >= _CHECK_PACKETS or (frames > 0 and packets >= _MIN_PACKETS)


def _decode_some(
    path: Path,
    container: av.container.InputContainer,
    streams: list[av.stream.Stream],
) -> dict[int, int]:
    """Decode up to _CHECK_PACKETS packets of each stream; return frames decoded per stream."""
    where = "the file"
    frames = {s.index: 0 for s in streams}
    packets = {s.index: 0 for s in streams}
    for stream in streams:
        stream.codec_context.flush_buffers()
    try:
        for packet in container.demux(streams):
            idx = packet.stream.index
            if packet.size == 0:  # end of file reached
                continue
            if all(_enough(packets[i], frames[i]) for i in packets):
                break
            if _enough(packets[idx], frames[idx]):
                continue
            packets[idx] += 1
            where = f"the {_kind(packet.stream)}{_at(packet)}"
            frames[idx] += len(packet.decode())
    except av.error.FFmpegError as exc:
        raise MediaError(path, f"corrupt: cannot decode {where} ({_detail(exc)})") from None
    for stream in streams:
        if not frames[stream.index]:
            # decoders with delay hand out their first frames only when drained
            with suppress(av.error.FFmpegError):
                frames[stream.index] += len(stream.codec_context.decode(None))
    return frames


def _check_head_decodes(
    path: Path, container: av.container.InputContainer, streams: list[av.stream.Stream]
) -> None:
    frames = _decode_some(path, container, streams)
    for stream in streams:
        if not frames[stream.index]:
            raise MediaError(
                path, f"corrupt: cannot decode the {_kind(stream)} (the stream holds no data)"
            )


def _check_tail_decodes(
    path: Path,
    container: av.container.InputContainer,
    streams: list[av.stream.Stream],
    duration: float,
) -> None:
    """Seek near the stated end and decode there: a truncated file has nothing left to read."""
    if duration <= 2 * _TAIL_CHECK_S:
        return
    target = duration - _TAIL_CHECK_S + (container.start_time or 0) / av.time_base
    try:
        container.seek(int(target * av.time_base), backward=True, any_frame=False)
    except av.error.FFmpegError:
        return  # not seekable: the head check is all we can do cheaply
    frames = _decode_some(path, container, streams)
    if not any(frames.values()):
        raise MediaError(
            path,
            f"corrupt: cannot decode the end of the file (it stops before {duration:.1f} s; "
            "probably truncated)",
        )
