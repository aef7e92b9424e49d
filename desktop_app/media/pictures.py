"""Pictures of media files for the library: a video thumbnail, or a waveform card for audio."""

from __future__ import annotations

import os
from pathlib import Path

import av.container
import av.error
import av.stream
import cv2
import numpy as np
from PIL import Image, ImageDraw

from desktop_app.domain.media import MediaError, MediaInfo
from desktop_app.media.audio import audio_envelope
from desktop_app.media.probe import first_video_stream, open_media

CARD_COLOUR = (31, 41, 55)  # #1f2937
ACCENT_COLOUR = (96, 165, 250)  # #60a5fa
_HALO_COLOUR = (52, 84, 128)  # the accent blended halfway into the card
_MIDLINE_COLOUR = (55, 65, 81)  # #374151
_SUPERSAMPLE = 4  # waveforms are drawn 4x larger and box-filtered down for smooth edges

# Where to look for a representative frame when no time is given (fractions of the duration).
_THUMB_POSITIONS = (0.10, 0.25, 0.50, 0.0)


def picture_for(path: Path, info: MediaInfo, out_png: Path) -> Path:
    """A thumbnail for a video, a waveform for audio only; returns `out_png`."""
    if info.has_video:
        try:
            return make_thumbnail(path, out_png)
        except MediaError:
            if not info.has_audio:
                raise
    if info.has_audio:
        return make_waveform(path, out_png)
    raise MediaError(path, "contains no audio or video")


def make_thumbnail(
    path: Path, out_png: Path, *, at_s: float | None = None, width: int = 320
) -> Path:
    """Write a PNG of one representative frame, scaled to `width` pixels wide; returns `out_png`.

    Without `at_s` the frame comes from about 10 % into the video, or a little later if that
    frame is black or flat.
    """
    path, out_png = Path(path), Path(out_png)
    with open_media(path) as container:  # clear errors before OpenCV gets a broken file
        if first_video_stream(container) is None:
            raise MediaError(path, "has no video picture to show")
    frame = _frame_with_opencv(path, at_s)
    if frame is None:
        frame = _frame_with_pyav(path, at_s)
    height = max(1, round(width * frame.shape[0] / frame.shape[1]))
    scaled = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    return _write_png(out_png, scaled)


def make_waveform(path: Path, out_png: Path, *, width: int = 320, height: int = 180) -> Path:
    """Write a PNG card with the audio's waveform; returns `out_png`.

    Mirrored bars on a dark rounded card: the loudness (RMS) of each slice in the accent colour,
    its peaks as a softer halo around it.
    """
    path, out_png = Path(path), Path(out_png)
    if width < 16 or height < 16:
        raise ValueError("a waveform picture needs at least 16x16 pixels")
    bar_w, gap = (3, 2) if width >= 200 else (2, 1)
    margin = max(6, round(min(width, height) * 0.09))
    pitch = bar_w + gap
    bars = max(1, (width - 2 * margin + gap) // pitch)
    peaks, rms = audio_envelope(path, bars)
    peak_levels, rms_levels = _display_levels(peaks, rms)

    ss = _SUPERSAMPLE
    image = Image.new("RGBA", (width * ss, height * ss), (*CARD_COLOUR, 0))
    draw = ImageDraw.Draw(image)
    radius = max(2, round(min(width, height) * 0.08))
    draw.rounded_rectangle(
        (0, 0, width * ss - 1, height * ss - 1), radius=radius * ss, fill=(*CARD_COLOUR, 255)
    )
    centre = height * ss / 2
    half_max = (height - 2 * margin) * ss / 2
    draw.line((margin * ss, centre, (width - margin) * ss, centre), fill=_MIDLINE_COLOUR, width=ss)
    left = (width - (bars * pitch - gap)) // 2
    min_half = ss  # even silence shows a small dot, so the card never looks empty
    for colour, levels in ((_HALO_COLOUR, peak_levels), (ACCENT_COLOUR, rms_levels)):
        for i, level in enumerate(levels):
            x0 = (left + i * pitch) * ss
            half = max(min_half, float(level) * half_max)
            draw.rounded_rectangle(
                (x0, centre - half, x0 + bar_w * ss - 1, centre + half),
                radius=min(bar_w * ss // 2, half),
                fill=(*colour, 255),
            )
    card = np.asarray(image.reduce(ss))
    return _write_png(out_png, cv2.cvtColor(card, cv2.COLOR_RGBA2BGRA))


def _display_levels(peaks: np.ndarray, rms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scale so a quiet recording still fills the card; a gentle curve lifts soft speech."""
    reference = max(float(peaks.max()) if peaks.size else 0.0, 0.02)
    return (np.clip(peaks / reference, 0.0, 1.0) ** 0.8, np.clip(rms / reference, 0.0, 1.0) ** 0.6)


def _looks_blank(frame: np.ndarray) -> bool:
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    return float(gray.std()) < 6.0 or not 12.0 <= float(gray.mean()) <= 245.0


def _pick(candidates: list[np.ndarray]) -> np.ndarray | None:
    for frame in candidates:
        if not _looks_blank(frame):
            return frame
    if not candidates:
        return None
    return max(candidates, key=lambda f: float(cv2.cvtColor(f, cv2.COLOR_BGR2GRAY).std()))


def _frame_with_opencv(path: Path, at_s: float | None) -> np.ndarray | None:
    """The frame at `at_s` (or a representative one) read with OpenCV; None if OpenCV fails."""
    cap = cv2.VideoCapture(os.fspath(path), cv2.CAP_FFMPEG)
    try:
        if not cap.isOpened():
            return None
        fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
        count = cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0.0
        duration = count / fps if fps > 0 and count > 0 else 0.0
        if at_s is not None:
            last = max(0.0, duration - 2.0 / fps) if duration else float("inf")
            times = [min(max(0.0, at_s), last)]
        else:
            times = [duration * f for f in _THUMB_POSITIONS]
        candidates: list[np.ndarray] = []
        for t in times:
            cap.set(cv2.CAP_PROP_POS_MSEC, t * 1000.0)
            ok, frame = cap.read()
            if ok and frame is not None and frame.size:
                candidates.append(frame)
                if not _looks_blank(frame):
                    break
        return _pick(candidates)
    except cv2.error:
        return None
    finally:
        cap.release()


def _frame_with_pyav(path: Path, at_s: float | None) -> np.ndarray:
    """The first frame at or after the wanted time, decoded with PyAV; raises MediaError."""
    with open_media(path) as container:
        stream = first_video_stream(container)
        if stream is None:
            raise MediaError(path, "has no video picture to show")
        duration = container.duration / 1_000_000 if container.duration else 0.0
        times = [at_s] if at_s is not None else [duration * f for f in _THUMB_POSITIONS]
        candidates: list[np.ndarray] = []
        try:
            for t in times:
                frame = _pyav_frame_at(container, stream, max(0.0, t))
                if frame is not None:
                    candidates.append(frame)
                    if not _looks_blank(frame):
                        break
        except av.error.FFmpegError as exc:
            raise MediaError(path, f"cannot decode a video frame ({exc.strerror})") from None
    picked = _pick(candidates)
    if picked is None:
        raise MediaError(path, "cannot decode a video frame")
    return picked


def _pyav_frame_at(
    container: av.container.InputContainer, stream: av.stream.Stream, t: float
) -> np.ndarray | None:
    if t > 0 and stream.time_base:
        container.seek(int(t / stream.time_base), stream=stream, backward=True)
    last = None
    for frame in container.decode(stream):
        last = frame
        if frame.time is None or frame.time >= t - 1e-3:
            break
    return last.to_ndarray(format="bgr24") if last is not None else None


def _write_png(out_png: Path, image: np.ndarray) -> Path:
    # imencode + write_bytes: cv2.imwrite cannot write to non-ASCII paths on Windows
    ok, buf = cv2.imencode(".png", image)
    if not ok:
        raise MediaError(out_png, "could not encode the picture as PNG")
    try:
        out_png.parent.mkdir(parents=True, exist_ok=True)
        out_png.write_bytes(buf.tobytes())
    except OSError as exc:
        raise MediaError(out_png, f"cannot save the picture ({exc.strerror or exc})") from None
    return out_png
