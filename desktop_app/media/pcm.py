"""Decoded audio frames to numpy arrays, safely for any channel count, and mixed down in numpy.

PyAV 18's `to_ndarray` on a planar frame with 8 or more channels (7.1, 10, 20, 32 channels)
reads past its table of planes and kills the process with a segfault, and FFmpeg's resampler
cannot mix down a layout without a channel order ("20 channels"). So every conversion here asks
the resampler only for a new rate, as packed float32 in the source's own layout (one plane,
whatever the channel count), and the mix to mono or stereo is done in numpy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import av.error
import numpy as np

from desktop_app.domain.media import MediaError

# More channels than this is not a recording a person made; refuse rather than convert.
MAX_CHANNELS = 64


class PcmConverter:
    """Resample decoded frames to `rate` and hand them over as (channels, samples) float32."""

    def __init__(self, path: Path, rate: int) -> None:
        self.path = path
        self.rate = rate
        self._resampler = av.AudioResampler(format="flt", rate=rate)

    def convert(self, frame: av.AudioFrame | None) -> Iterator[np.ndarray]:
        """The samples the resampler gives for `frame` (None flushes its tail)."""
        if frame is not None:
            check_channels(self.path, frame.layout.nb_channels)
        try:
            outs = self._resampler.resample(frame)
        except (av.error.FFmpegError, ValueError) as exc:
            raise MediaError(self.path, f"cannot convert its audio ({exc})") from None
        for out in outs:
            channels = out.layout.nb_channels
            yield out.to_ndarray().reshape(-1, channels).T


def check_channels(path: Path, channels: int) -> None:
    """Raise MediaError when a stream has more than MAX_CHANNELS channels."""
    if channels > MAX_CHANNELS:
        raise MediaError(
            path, f"has {channels} audio channels; at most {MAX_CHANNELS} are supported"
        )


def to_mono(data: np.ndarray) -> np.ndarray:
    """The average of all channels (the same as FFmpeg's stereo-to-mono), float32."""
    if data.shape[0] == 1:
        return np.ascontiguousarray(data[0], dtype=np.float32)
    return data.mean(axis=0, dtype=np.float32)


def stereo_weights(names: list[str]) -> np.ndarray:
    """(2, channels) mixing weights: left-side channels left, right-side right, the rest both.

    Each side is normalised to sum to 1, so the mix cannot clip; LFE is left out.
    """
    if len(names) == 1:
        return np.ones((2, 1), dtype=np.float32)
    if len(names) == 2:
        return np.eye(2, dtype=np.float32)
    weights = np.zeros((2, len(names)), dtype=np.float32)
    for i, name in enumerate(names):
        if name == "LFE" or name.startswith("LFE"):
            continue
        left = name.endswith("L") or name in {"FLC", "TFL", "TBL", "TSL", "WL", "SDL", "BFL"}
        right = name.endswith("R") or name in {"FRC", "TFR", "TBR", "TSR", "WR", "SDR", "BFR"}
        if left and not right:
            weights[0, i] = 1.0
        elif right and not left:
            weights[1, i] = 1.0
        else:
            weights[:, i] = 1.0
    sums = weights.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1.0
    return weights / sums


def to_stereo(data: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(2, samples) float32 from (channels, samples) with `stereo_weights` of its layout."""
    if data.shape[0] == 2 and np.array_equal(weights, np.eye(2, dtype=np.float32)):
        return np.ascontiguousarray(data, dtype=np.float32)
    return (weights @ data).astype(np.float32, copy=False)
