"""A frame-counter test pattern: video whose frames carry their own index, audio with clicks.

Each frame shows its index as a 12-bit barcode along the top (white/black blocks that survive
any encoder and scaling) and as big digits; a block glides over a still backdrop so the
encoder has some work. The audio is a quiet 220 Hz tone with a short 3 kHz click at every
frame whose index is `CLICK_PHASE` modulo the frame rate. Tests and the reel benchmark use it
to check that cuts are frame-exact and that sound stays in sync.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

BITS = 12
CLICK_PHASE = 15  # clicks on frames 15, 45, 75... at 30 fps (mid-second)
CLICK_HZ = 3000.0
CLICK_S = 0.006
_BAR_TOP, _BAR_BOTTOM = 0.015, 0.075  # rows of the barcode, fractions of the height
_BAR_LEFT, _BAR_STEP, _BAR_FILL = 0.03, 0.078, 0.8  # columns, fractions of the width


def _bit_box(bit: int, width: int, height: int) -> tuple[int, int, int, int]:
    x0 = round((_BAR_LEFT + bit * _BAR_STEP) * width)
    x1 = round((_BAR_LEFT + (bit + _BAR_FILL) * _BAR_STEP) * width)
    return x0, round(_BAR_TOP * height), x1, round(_BAR_BOTTOM * height)


def draw_counter(y_plane: np.ndarray, index: int) -> None:
    """Draw `index` as a barcode and digits onto a luma plane, in place."""
    height, width = y_plane.shape
    y_plane[: round((_BAR_BOTTOM + 0.01) * height)] = 16
    for bit in range(BITS):
        if (index >> bit) & 1:
            x0, y0, x1, y1 = _bit_box(bit, width, height)
            y_plane[y0:y1, x0:x1] = 235
    cv2.putText(y_plane, f"{index:05d}", (width // 3, height // 2), cv2.FONT_HERSHEY_SIMPLEX,
                height / 180, 235, max(2, height // 90), cv2.LINE_AA)


def read_counter(frame: av.VideoFrame | np.ndarray) -> int:
    """The index drawn by `draw_counter` on a decoded frame (any size, same 16:9 layout)."""
    if isinstance(frame, av.VideoFrame):
        if frame.format.name in ("yuv420p", "yuvj420p", "gray"):
            plane = frame.planes[0]
            rows = np.frombuffer(plane, dtype=np.uint8).reshape(frame.height, plane.line_size)
            y_plane = rows[:, : frame.width]
        else:
            y_plane = frame.to_ndarray(format="gray")
    else:
        y_plane = frame
    height, width = y_plane.shape[:2]
    value = 0
    for bit in range(BITS):
        x0, y0, x1, y1 = _bit_box(bit, width, height)
        pad_x, pad_y = (x1 - x0) // 4, (y1 - y0) // 4
        if y_plane[y0 + pad_y : y1 - pad_y, x0 + pad_x : x1 - pad_x].mean() > 125:
            value |= 1 << bit
    return value


def make_counter_video(
    path: Path,
    *,
    seconds: float = 60.0,
    fps: int = 30,
    width: int = 1280,
    height: int = 720,
    gop: int = 30,
    sample_rate: int = 48000,
) -> Path:
    """Write an H.264 (B-frames, closed `gop`-frame GOPs) + AAC MP4 of the counter pattern."""
    frames = round(seconds * fps)
    rng = np.random.default_rng(7)
    coarse = rng.integers(60, 180, (height // 40 + 1, width // 40 + 1), dtype=np.uint8)
    backdrop = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    chroma = np.full((height // 2, width), 128, dtype=np.uint8)
    side = height // 6
    with av.open(os.fspath(path), "w") as out:
        video = out.add_stream(
            "libx264",
            rate=fps,
            options={"preset": "ultrafast", "crf": "20", "g": str(gop),
                     "x264-params": f"bframes=2:keyint_min={gop}:scenecut=0:cabac=1"},
        )
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = out.add_stream("aac", rate=sample_rate)
        audio.layout = "mono"
        for i in range(frames):
            # a still backdrop with a block gliding across it, like a talking head on a set
            y_plane = backdrop.copy()
            x = (i * 8) % (width - side)
            y_plane[height - 2 * side : height - side, x : x + side] = 220
            draw_counter(y_plane, i)
            frame = av.VideoFrame.from_ndarray(np.concatenate((y_plane, chroma)),
                                               format="yuv420p")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        sound = counter_audio(frames / fps, fps, sample_rate)
        for start in range(0, sound.size, 1024):
            chunk = sound[None, start : start + 1024]
            af = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="fltp",
                                            layout="mono")
            af.sample_rate, af.pts, af.time_base = sample_rate, start, Fraction(1, sample_rate)
            out.mux(audio.encode(af))
        out.mux(audio.encode(None))
    return path


def counter_audio(seconds: float, fps: int, rate: int) -> np.ndarray:
    """The pattern's sound: a quiet tone with clicks on frames CLICK_PHASE (mod fps)."""
    t = np.arange(round(seconds * rate)) / rate
    sound = 0.05 * np.sin(2 * np.pi * 220 * t)
    n = round(CLICK_S * rate)
    burst = 0.8 * np.sin(2 * np.pi * CLICK_HZ * np.arange(n) / rate) * np.hanning(n)
    for frame in range(CLICK_PHASE, round(seconds * fps), fps):
        at = round(frame / fps * rate)
        sound[at : at + n] += burst[: max(0, min(n, sound.size - at))]
    return sound.astype(np.float32)


def click_times(samples: np.ndarray, rate: int) -> list[float]:
    """Onsets (seconds) of the clicks in mono `samples`: 3 kHz bursts well above the tone."""
    kernel = np.sin(2 * np.pi * CLICK_HZ * np.arange(round(CLICK_S * rate)) / rate)
    energy = np.abs(np.convolve(samples, kernel[::-1], mode="same"))
    if energy.size == 0 or energy.max() <= 0:
        return []
    hits = np.flatnonzero(energy > 0.5 * energy.max())
    onsets: list[float] = []
    last = -rate
    for h in hits:
        if h - last > rate // 10:
            # the matched filter peaks at the burst's middle: report where the burst starts
            seg = energy[h : h + rate // 50]
            peak = h + int(np.argmax(seg))
            onsets.append((peak - len(kernel) / 2) / rate)
        last = h
    return onsets
