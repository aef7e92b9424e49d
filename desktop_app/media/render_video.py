"""Reel pictures, frame by frame: a clip's source frames on the output grid, cards, overlays.

A clip's output frame k shows the source frame on screen at `start + k / fps` (the latest frame
whose timestamp is not after it, half a source frame of tolerance), so cuts are frame-exact
whatever the source's keyframes are. Frames stay yuv420p; the encoder settings live here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import av.container
import av.error
import av.stream
import numpy as np

from desktop_app.domain.media import MediaError
from desktop_app.domain.reel_plan import LOWER_THIRD_S, CaptionCue
from desktop_app.media.captions_draw import caption_overlay, lower_third_overlay
from desktop_app.media.probe import first_video_stream, open_media
from desktop_app.media.render_yuv import Overlay, fit_into, to_frame

X264_PRESET = "superfast"
X264_CRF = "21"
_FADE_S = 0.3  # lower thirds slide in and out with this fade


def video_encoder_options(fps: Fraction) -> dict[str, str]:
    """libx264 settings for re-encoded pictures: High profile, 2 s GOPs, BT.709 tags."""
    return {
        "preset": X264_PRESET,
        "crf": X264_CRF,
        "profile": "high",
        "g": str(max(1, round(2 * fps))),
        "x264-params": "colorprim=bt709:transfer=bt709:colormatrix=bt709",
    }


def add_video_stream(
    container: av.container.OutputContainer, fps: Fraction, width: int, height: int
) -> av.stream.Stream:
    stream = container.add_stream("libx264", rate=fps, options=video_encoder_options(fps))
    stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
    stream.codec_context.time_base = 1 / fps
    stream.thread_type = "AUTO"
    _tag_bt709(stream.codec_context)
    return stream


def _tag_bt709(ctx: av.codec.context.CodecContext) -> None:
    ctx.color_range = 1  # limited / "TV" range
    ctx.colorspace = 1  # BT.709 matrix
    ctx.color_primaries = 1
    ctx.color_trc = 1


@dataclass
class SourceVideo:
    """The facts about a clip's source picture that the engine needs."""

    path: Path
    fps: Fraction
    width: int
    height: int
    codec: str
    pix_fmt: str
    origin: float  # container start time, seconds
    duration: float
    sar: Fraction = Fraction(1)  # pixel aspect ratio
    bt601: bool = False  # SD colour matrix (stated, or assumed for unlabelled SD video)


def source_video(path: Path) -> SourceVideo | None:
    """Probe `path`'s first real video stream; None when it has none."""
    with open_media(path) as container:
        stream = first_video_stream(container)
        if stream is None:
            return None
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate or Fraction(30)
        ctx = stream.codec_context
        duration = (container.duration or 0) / av.time_base
        if not duration and stream.duration:
            duration = float(stream.duration * stream.time_base)
        return SourceVideo(
            path=Path(path),
            fps=Fraction(rate).limit_denominator(1001),
            width=ctx.width,
            height=ctx.height,
            codec=ctx.name,
            pix_fmt=ctx.pix_fmt or "",
            origin=(container.start_time or 0) / av.time_base,
            duration=duration,
            sar=Fraction(stream.sample_aspect_ratio or ctx.sample_aspect_ratio or 1),
            bt601=ctx.colorspace in (5, 6) or (ctx.colorspace == 2 and ctx.height < 720),
        )


def snap_to_frame(t: float, fps: Fraction) -> float:
    """`t` moved to the nearest source frame time."""
    return float(round(Fraction(t) * fps) / fps)


def clip_frames(
    src: SourceVideo,
    start_s: float,
    frames: int,
    fps: Fraction,
    width: int,
    height: int,
    tick: Callable[[], None],
) -> Iterator[av.VideoFrame]:
    """`frames` output frames (width x height, yuv420p) of `src` from `start_s` at `fps`.

    `tick` runs before each decoded frame (cancellation checks). A source that ends early
    repeats its last frame; one with nothing decodable raises MediaError.
    """
    half = 1 / (2 * src.fps)
    with open_media(src.path) as container:
        stream = first_video_stream(container)
        assert stream is not None
        stream.thread_type = "AUTO"
        tb = stream.time_base
        base = Fraction(src.origin).limit_denominator(1_000_000) + Fraction(start_s)
        try:
            container.seek(int((base - half) / tb), stream=stream, backward=True)
        except av.error.FFmpegError as exc:
            raise MediaError(src.path, f"cannot seek to {start_s:.2f} s ({exc})") from None
        current: av.VideoFrame | None = None
        k = 0
        try:
            for frame in container.decode(stream):
                tick()
                if frame.pts is None:
                    continue
                t = frame.pts * tb
                # emit every output frame whose time comes before this source frame
                while k < frames and current is not None and base + k / fps + half < t:
                    yield _prepared(current, width, height, src)
                    k += 1
                if k >= frames:
                    return
                current = frame
        except av.error.FFmpegError as exc:
            if current is None:
                raise MediaError(src.path, f"cannot decode the video ({exc})") from None
        if current is None:
            raise MediaError(src.path, f"has no picture at {start_s:.2f} s")
        while k < frames:
            yield _prepared(current, width, height, src)
            k += 1


def _prepared(frame: av.VideoFrame, width: int, height: int, src: SourceVideo) -> av.VideoFrame:
    out = fit_into(frame, width, height, src.sar, src.bt601)
    out.pict_type = av.video.frame.PictureType.NONE  # a decoded "I" would force a keyframe
    return out


@dataclass
class OverlayTrack:
    """Which drawings show at which output time; drawings are made once and cached."""

    width: int
    height: int
    cues: list[CaptionCue] = field(default_factory=list)
    lower_thirds: list[tuple[float, tuple[str, ...]]] = field(default_factory=list)
    _cue_cache: dict[int, Overlay] = field(default_factory=dict)
    _lt_cache: dict[int, Overlay | None] = field(default_factory=dict)
    _next_cue: int = 0

    def active(self, t: float) -> list[tuple[Overlay, float]]:
        """(overlay, opacity) pairs to draw on the frame at output time `t`."""
        out: list[tuple[Overlay, float]] = []
        for i, (start, lines) in enumerate(self.lower_thirds):
            if start <= t < start + LOWER_THIRD_S:
                if i not in self._lt_cache:
                    self._lt_cache[i] = lower_third_overlay(lines, self.width, self.height)
                overlay = self._lt_cache[i]
                if overlay is not None:
                    edge = min(t - start, start + LOWER_THIRD_S - t)
                    out.append((overlay, min(1.0, edge / _FADE_S + 0.05)))
        cue = self._cue_at(t)
        if cue is not None:
            if cue not in self._cue_cache:
                self._cue_cache = {cue: caption_overlay(self.cues[cue].lines, self.width,
                                                        self.height)}
            out.append((self._cue_cache[cue], 1.0))
        return out

    def _cue_at(self, t: float) -> int | None:
        # times only move forward within a render, so a moving index suffices
        i = self._next_cue
        if i > 0 and i - 1 < len(self.cues) and self.cues[i - 1].start > t:
            i = 0
        while i < len(self.cues) and self.cues[i].end <= t:
            i += 1
        self._next_cue = i
        if i < len(self.cues) and self.cues[i].start <= t < self.cues[i].end:
            return i
        return None


def decorate(
    frame: av.VideoFrame,
    overlays: list[tuple[Overlay, float]],
    faces: Callable[[np.ndarray], None] | None,
) -> av.VideoFrame:
    """Blur faces and draw overlays on a copy of `frame` (returned as is when nothing to do)."""
    if not overlays and faces is None:
        return frame
    yuv = frame.to_ndarray()
    if faces is not None:
        faces(yuv)
    for overlay, opacity in overlays:
        overlay.blend(yuv, opacity)
    return to_frame(yuv)


def still_frame(yuv: np.ndarray) -> av.VideoFrame:
    """A reusable frame for a card or an audio-only picture."""
    frame = to_frame(yuv)
    frame.pict_type = av.video.frame.PictureType.NONE
    return frame
