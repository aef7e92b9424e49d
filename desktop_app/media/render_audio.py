"""Reel audio: cut a clip's sound sample-exactly, bleep masked words, normalise loudness, fade.

Mono recordings make a mono reel (half the encoding work), anything else stereo. Loudness
follows ITU-R BS.1770 / EBU R128 (K-weighting, 400 ms blocks, absolute and relative
gates) measured in numpy; each clip gets one gain towards -16 LUFS, held back so its peaks stay
under -1 dBFS. Audio is produced as float32 at 48 kHz and fed to the AAC encoder in
1024-sample frames on one continuous timeline, so the sound of every clip starts exactly with
its first picture.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import av
import av.container
import av.error
import numpy as np

from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken
from desktop_app.media.pcm import PcmConverter, check_channels, stereo_weights, to_mono, to_stereo
from desktop_app.media.probe import first_audio_stream, open_media

SAMPLE_RATE = 48000
TARGET_LUFS = -16.0
PEAK_CEILING = 10 ** (-1.0 / 20)  # -1 dBFS
MAX_GAIN_DB = 20.0
BLEEP_HZ = 1000.0
BLEEP_LEVEL = 0.2  # about -14 dBFS
_RAMP_S = 0.005  # edges of a bleep, so it does not click

# K-weighting at 48 kHz (BS.1770-4): a high shelf, then a high pass.
_SHELF = ((1.53512485958697, -2.69169618940638, 1.19839281085285),
          (1.0, -1.69065929318241, 0.73248077421585))
_HIGHPASS = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))


def decode_range(
    path: Path,
    start_s: float,
    samples: int,
    cancel: CancelToken | None = None,
    channels: int = 2,
) -> np.ndarray:
    """`samples` samples (`channels` 1 or 2) at 48 kHz from `start_s` (container time).

    Zero-padded where the file ends; a file without audio gives silence; a damaged packet is
    skipped.
    """
    out = np.zeros((channels, samples), dtype=np.float32)
    with open_media(path) as container:
        stream = first_audio_stream(container)
        if stream is None or samples == 0:
            return out
        origin = (container.start_time or 0) / av.time_base
        layout = "mono" if channels == 1 else "stereo"
        for pos, data in _decoded(path, container, stream, start_s + origin, cancel, layout):
            if pos >= samples:
                break
            n = min(samples - pos, data.shape[1])
            out[:, pos : pos + n] = data[:, :n]
    return out


def _decoded(
    path: Path,
    container: av.container.InputContainer,
    stream: av.audio.AudioStream,
    start_s: float,
    cancel: CancelToken | None,
    layout: str,
) -> Iterator[tuple[int, np.ndarray]]:
    """(output sample position, (channels, n) samples) from `start_s` on."""
    stream.thread_type = "AUTO"
    check_channels(path, stream.codec_context.channels)
    converter = PcmConverter(path, SAMPLE_RATE)
    weights = stereo_weights([ch.name for ch in stream.layout.channels])

    def mixed(data: np.ndarray) -> np.ndarray:
        return to_mono(data)[np.newaxis] if layout == "mono" else to_stereo(data, weights)

    if start_s > 0:
        try:
            container.seek(int(start_s / stream.time_base), stream=stream, backward=True)
        except av.error.FFmpegError as exc:
            raise MediaError(path, f"cannot seek to {start_s:.1f} s ({exc})") from None
    pos: int | None = None
    try:
        for packet in container.demux(stream):
            if cancel is not None:
                cancel.raise_if_cancelled(path)
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                continue
            for frame in frames:
                if pos is None:
                    first = float(frame.pts * frame.time_base) if frame.pts is not None else 0.0
                    pos = round((first - start_s) * SAMPLE_RATE)
                frame.pts = None  # the resampler keeps its own continuous timeline
                for res in converter.convert(frame):
                    data = mixed(res)
                    yield from _clipped(pos, data)
                    pos += data.shape[1]
    except av.error.FFmpegError:
        pass  # a damaged tail: keep what decoded
    if pos is not None:
        for res in converter.convert(None):
            data = mixed(res)
            yield from _clipped(pos, data)
            pos += data.shape[1]


def _clipped(pos: int, data: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    if pos + data.shape[1] <= 0:
        return
    if pos < 0:
        yield 0, data[:, -pos:]
    else:
        yield pos, data


@lru_cache(maxsize=16)
def _k_weighting(n: int) -> np.ndarray:
    """The K-weighting filter's response on the bins of an `n`-point real FFT."""
    return (_response(_SHELF, n) * _response(_HIGHPASS, n)).astype(np.complex64)


def _fft_size(n: int) -> int:
    """The smallest 2^a 3^b 5^c at least `n` (sizes the FFT handles fastest)."""
    best = 1 << int(np.ceil(np.log2(n)))
    p5 = 1
    while p5 < best:
        p3 = p5
        while p3 < best:
            size = p3
            while size < n:
                size *= 2
            best = min(best, size)
            p3 *= 3
        p5 *= 5
    return best


def _response(coeffs: tuple[tuple[float, ...], tuple[float, ...]], n: int) -> np.ndarray:
    b, a = coeffs
    z = np.exp(-1j * np.pi * np.arange(n // 2 + 1) / (n // 2))
    num = b[0] + b[1] * z + b[2] * z * z
    den = a[0] + a[1] * z + a[2] * z * z
    return num / den


def integrated_loudness(audio: np.ndarray, rate: int = SAMPLE_RATE) -> float | None:
    """Gated integrated loudness (LUFS) of (channels, n) audio; None for silence."""
    n = audio.shape[1]
    if n < rate // 20:
        return None
    size = _fft_size(n + rate // 10)  # a little zero padding keeps the wrap-around out
    spectrum = np.fft.rfft(audio.astype(np.float32), size, axis=1)
    spectrum *= _k_weighting(size)
    weighted = np.fft.irfft(spectrum, size, axis=1)[:, :n]
    power = np.square(weighted, dtype=np.float64).sum(axis=0)
    block, step = int(0.4 * rate), int(0.1 * rate)
    csum = np.concatenate(([0.0], np.cumsum(power)))
    if n <= block:
        energies = np.array([csum[-1] / n])
    else:
        starts = np.arange(0, n - block + 1, step)
        energies = (csum[starts + block] - csum[starts]) / block
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10 * np.log10(energies)
    gated = energies[levels > -70.0]
    if gated.size == 0:
        return None
    relative = -0.691 + 10 * np.log10(gated.mean()) - 10.0
    with np.errstate(divide="ignore"):
        final = gated[-0.691 + 10 * np.log10(gated) > relative]
    return float(-0.691 + 10 * np.log10(final.mean()))


def normalize_loudness(audio: np.ndarray, target: float = TARGET_LUFS) -> float:
    """Scale `audio` in place towards `target` LUFS, peaks kept under -1 dBFS; returns dB."""
    loudness = integrated_loudness(audio)
    if loudness is None:
        return 0.0
    gain_db = float(np.clip(target - loudness, -MAX_GAIN_DB, MAX_GAIN_DB))
    gain = 10 ** (gain_db / 20)
    peak = float(np.abs(audio).max()) if audio.size else 0.0
    if peak * gain > PEAK_CEILING:
        gain = PEAK_CEILING / peak
    audio *= np.float32(gain)
    return 20 * float(np.log10(gain))


def bleep(audio: np.ndarray, ranges: Sequence[tuple[int, int]]) -> None:
    """Replace each [start, end) sample range of `audio` with a 1 kHz tone, in place."""
    ramp = max(1, int(_RAMP_S * SAMPLE_RATE))
    for start, end in ranges:
        start, end = max(0, start), min(audio.shape[1], end)
        if end <= start:
            continue
        t = np.arange(start, end) / SAMPLE_RATE
        tone = BLEEP_LEVEL * np.sin(2 * np.pi * BLEEP_HZ * t)
        edge = min(ramp, (end - start) // 2)
        if edge:
            shape = np.linspace(0.0, 1.0, edge)
            tone[:edge] *= shape
            tone[-edge:] *= shape[::-1]
        audio[:, start:end] = tone.astype(np.float32)


def fade_edges(audio: np.ndarray, fade_samples: int) -> None:
    """Fade the first and last `fade_samples` in and out (raised cosine), in place."""
    n = min(fade_samples, audio.shape[1] // 2)
    if n <= 0:
        return
    shape = (0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, n))).astype(np.float32)
    audio[:, :n] *= shape
    audio[:, -n:] *= shape[::-1]


def clip_audio(
    path: Path,
    start_s: float,
    samples: int,
    *,
    bleeps: Sequence[tuple[float, float]] = (),
    normalize: bool = True,
    fade_ms: int = 30,
    cancel: CancelToken | None = None,
    channels: int = 2,
) -> np.ndarray:
    """The finished sound of one clip: cut, loudness-normalised, bleeped, faded."""
    audio = decode_range(path, start_s, samples, cancel, channels)
    ranges = [
        (round((a - start_s) * SAMPLE_RATE), round((b - start_s) * SAMPLE_RATE)) for a, b in bleeps
    ]
    for a, b in ranges:  # masked words must not steer the level
        audio[:, max(0, a) : max(0, b)] = 0.0
    if normalize:
        normalize_loudness(audio)
    bleep(audio, ranges)
    fade_edges(audio, round(fade_ms * SAMPLE_RATE / 1000))
    return audio


class AudioEncoder:
    """Encodes float stereo audio to an AAC stream in whole encoder frames, on one timeline.

    Returns packets instead of muxing them, so encoding can run on a worker thread while the
    caller's thread keeps the (single-threaded) muxer.
    """

    def __init__(self, container: av.container.OutputContainer, channels: int = 2) -> None:
        # the "fast" coder without noise substitution more than halves encoding time; at these
        # rates speech sounds the same
        self.stream = container.add_stream("aac", rate=SAMPLE_RATE,
                                           options={"aac_coder": "fast", "aac_pns": "0"})
        self.channels = channels
        self.layout = "mono" if channels == 1 else "stereo"
        self.stream.bit_rate = 96_000 if channels == 1 else 160_000
        self.stream.layout = self.layout
        self.stream.time_base = Fraction(1, SAMPLE_RATE)
        self._pending = np.zeros((channels, 0), dtype=np.float32)
        self._pts = 0

    def encode(self, audio: np.ndarray) -> list[av.Packet]:
        data = np.concatenate((self._pending, audio.astype(np.float32)), axis=1)
        size = self.stream.codec_context.frame_size or 1024
        whole = data.shape[1] - data.shape[1] % size
        packets: list[av.Packet] = []
        for start in range(0, whole, size):
            packets += self._encode(data[:, start : start + size])
        self._pending = data[:, whole:]
        return packets

    def silence(self, samples: int) -> list[av.Packet]:
        return self.encode(np.zeros((self.channels, samples), dtype=np.float32))

    def _encode(self, chunk: np.ndarray | None) -> list[av.Packet]:
        if chunk is None:
            return list(self.stream.encode(None))
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="fltp",
                                           layout=self.layout)
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._pts
        frame.time_base = Fraction(1, SAMPLE_RATE)
        self._pts += chunk.shape[1]
        return list(self.stream.encode(frame))

    def flush(self) -> list[av.Packet]:
        packets: list[av.Packet] = []
        if self._pending.shape[1]:
            packets += self._encode(self._pending)
            self._pending = np.zeros((self.channels, 0), dtype=np.float32)
        return packets + self._encode(None)
