"""Decode audio with PyAV: mono float samples for speech recognition, and peaks for waveforms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import av.container
import av.error
import av.stream
import numpy as np

from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken
from desktop_app.media.pcm import PcmConverter, check_channels, to_mono
from desktop_app.media.probe import first_audio_stream, open_media

# Waveform peaks are measured on audio resampled to this rate, in blocks of this many samples.
_PEAK_RATE = 8000
_PEAK_BLOCK = 80  # 10 ms


def audio_track_count(path: Path) -> int:
    """How many audio streams the file has (0 for a silent video)."""
    with open_media(Path(path)) as container:
        return len(container.streams.audio)


def channel_count(path: Path) -> int:
    """How many channels the first audio stream has (0 when there is no audio)."""
    with open_media(Path(path)) as container:
        stream = first_audio_stream(container)
        return stream.codec_context.channels if stream is not None else 0


def decode_audio(
    path: Path,
    *,
    sample_rate: int = 16000,
    channel: int | None = None,
    start_s: float = 0.0,
    cancel: CancelToken | None = None,
    track: int = 0,
    duration_s: float | None = None,
) -> np.ndarray:
    """Audio track `track` (0 = the first) from `start_s` on, as float32 mono samples.

    `channel=None` mixes all channels down; `channel=k` keeps only channel k (0-based), e.g. the
    customer on one side of a stereo call recording; `track=1` is the recorder's call-audio
    track. `cancel` is checked between decoded frames. `duration_s` stops after that much
    audio, so a long recording can be read window by window in bounded memory.
    """
    path = Path(path)
    with open_media(path) as container:
        if track == 0:
            stream = _audio_stream(path, container)
        elif track < len(container.streams.audio):
            stream = container.streams.audio[track]
        else:
            raise MediaError(path, f"has no audio track {track + 1}")
        channels = stream.codec_context.channels
        if channel is not None and not 0 <= channel < channels:
            raise MediaError(
                path, f"has no audio channel {channel + 1} (it has {channels} channel(s))"
            )
        check_channels(path, channels)
        converter = PcmConverter(path, sample_rate)
        # the mix-down is an average of the channels, so it cannot clip
        wanted = None if duration_s is None else max(0, round(duration_s * sample_rate))
        chunks: list[np.ndarray] = []
        have = 0
        for data in _resampled(path, container, stream, converter, start_s, cancel):
            if wanted is not None and have >= wanted:
                break
            chunks.append(np.array(to_mono(data) if channel is None else data[channel],
                                   dtype=np.float32))  # a copy: the frame's memory goes
            have += chunks[-1].size
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    samples = np.concatenate(chunks)
    return samples[:wanted] if wanted is not None else samples


def audio_peaks(path: Path, buckets: int) -> np.ndarray:
    """Peak amplitude (0..1, loudest channel) of each of `buckets` equal slices of the audio."""
    return audio_envelope(path, buckets)[0]


def audio_envelope(path: Path, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """Peak and RMS level (each 0..1, loudest channel) of `buckets` equal slices of the audio.

    Decodes once at a low rate and keeps one value per 10 ms, so hours of audio stay cheap.
    """
    if buckets < 1:
        raise ValueError("buckets must be at least 1")
    path = Path(path)
    peaks: list[np.ndarray] = []
    squares: list[np.ndarray] = []
    carry = np.zeros(0, dtype=np.float32)
    with open_media(path) as container:
        stream = _audio_stream(path, container)
        check_channels(path, stream.codec_context.channels)
        converter = PcmConverter(path, _PEAK_RATE)
        for data in _resampled(path, container, stream, converter, 0.0, None):
            loud = np.abs(data).max(axis=0)  # loudest channel, sample by sample
            loud = np.concatenate((carry, loud)) if carry.size else loud
            whole = loud.size - loud.size % _PEAK_BLOCK
            if whole:
                block = loud[:whole].reshape(-1, _PEAK_BLOCK)
                peaks.append(block.max(axis=1))
                squares.append(np.square(block, dtype=np.float64).mean(axis=1))
            carry = loud[whole:]
    if carry.size:
        peaks.append(carry.max(keepdims=True))
        squares.append(np.square(carry, dtype=np.float64).mean(keepdims=True))
    if not peaks:
        empty = np.zeros(buckets, dtype=np.float32)
        return empty, empty.copy()
    peak = _grouped(np.concatenate(peaks), buckets, np.maximum)
    rms = np.sqrt(_grouped(np.concatenate(squares), buckets, np.add, mean=True))
    return _unit(peak), _unit(rms)


def _grouped(
    values: np.ndarray, buckets: int, ufunc: np.ufunc, *, mean: bool = False
) -> np.ndarray:
    """Split `values` into `buckets` near-equal runs and reduce each with `ufunc` (or average)."""
    if values.size < buckets:  # fewer blocks than buckets: stretch so each bucket shows a block
        return values[np.floor(np.linspace(0, values.size, buckets, endpoint=False)).astype(int)]
    edges = np.linspace(0, values.size, buckets + 1).astype(np.int64)
    out = ufunc.reduceat(values, edges[:-1])
    return out / np.diff(edges) if mean else out


def _unit(values: np.ndarray) -> np.ndarray:
    return np.clip(values, 0.0, 1.0).astype(np.float32)


def _audio_stream(path: Path, container: av.container.InputContainer) -> av.stream.Stream:
    stream = first_audio_stream(container)
    if stream is None:
        raise MediaError(path, "contains no audio")
    return stream


def _resampled(
    path: Path,
    container: av.container.InputContainer,
    stream: av.stream.Stream,
    converter: PcmConverter,
    start_s: float,
    cancel: CancelToken | None,
) -> Iterator[np.ndarray]:
    """Decode `stream` from `start_s` through `converter`; yield (channels, samples) arrays.

    A damaged packet is skipped, as FFmpeg's own tools do; a file where nothing decodes at all
    raises MediaError.
    """
    stream.thread_type = "AUTO"
    if start_s > 0:
        try:
            container.seek(int(start_s / stream.time_base), stream=stream, backward=True)
        except av.error.FFmpegError as exc:
            raise MediaError(path, f"cannot seek to {start_s:.1f} s ({exc.strerror})") from None
    # output samples that come before start_s (a seek lands on or before it); None: not known yet
    skip: int | None = None if start_s > 0 else 0
    decoded = errors = 0
    try:
        for packet in container.demux(stream):
            if cancel is not None:
                cancel.raise_if_cancelled(path)
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                errors += 1
                continue
            for frame in frames:
                if skip is None:
                    first = float(frame.pts * frame.time_base) if frame.pts is not None else 0.0
                    skip = max(0, round((start_s - first) * converter.rate))
                decoded += 1
                frame.pts = None  # the resampler keeps its own continuous timeline
                for data in converter.convert(frame):
                    skip = yield from _trimmed(data, skip)
    except av.error.FFmpegError:
        errors += 1  # the demuxer hit a damaged or missing tail: keep what was decoded
    for data in converter.convert(None):
        skip = yield from _trimmed(data, skip or 0)
    if decoded == 0 and errors:
        raise MediaError(path, "corrupt: cannot decode the audio")


def _trimmed(data: np.ndarray, skip: int) -> Iterator[np.ndarray]:
    """Yield `data` less its first `skip` samples; return how many are still to skip."""
    if skip >= data.shape[-1]:
        return skip - data.shape[-1]
    yield data[:, skip:] if skip else data
    return 0
