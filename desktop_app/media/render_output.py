"""The reel being rendered: its frames per timeline entry, its soft subtitles, its target path.

`Reel` bundles the plan with what probing found (frame rate, sources) and the overlay track;
`entry_frames` yields a clip's finished pictures (cut, faces blurred, lower third and burnt
captions drawn), `card_frames` a title or end card. `SubtitleWriter` muxes mov_text cues.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import av.container
import numpy as np
from av.subtitles.subtitle import SubtitleSet

from desktop_app.domain.media import MediaError
from desktop_app.domain.reel_plan import CaptionCue, ReelPlan, TimelineEntry
from desktop_app.media.captions_draw import audio_card_image, card_image
from desktop_app.media.faces import FaceBlur
from desktop_app.media.render_audio import SAMPLE_RATE, decode_range
from desktop_app.media.render_video import (
    OverlayTrack,
    SourceVideo,
    clip_frames,
    decorate,
    still_frame,
)
from desktop_app.media.render_yuv import rgb_to_yuv420p, to_frame

REEL_SUFFIXES = (".mp4", ".m4v")
_WAVE_BARS = 160

# mov_text needs an ASS header to open; players use their own default style for it.
_ASS_HEADER = """[Script Info]
ScriptType: v4.00+
PlayResX: 384
PlayResY: 288

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Sans,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""


@dataclass
class Reel:
    """A plan ready to render: output format, probed sources, timeline, caption cues."""

    plan: ReelPlan
    fps: Fraction
    width: int
    height: int
    videos: dict[Path, SourceVideo | None]
    cues: list[CaptionCue]
    entries: list[TimelineEntry]
    overlays: OverlayTrack = field(init=False)

    def __post_init__(self) -> None:
        burn = self.cues if self.plan.options.captions == "burn" else []
        thirds = [
            (float(e.first_frame / self.fps), self.plan.clips[e.clip].lower_third)
            for e in self.entries
            if e.kind == "clip" and e.clip is not None and self.plan.clips[e.clip].lower_third
        ]
        self.overlays = OverlayTrack(self.width, self.height, list(burn), thirds)


def check_writable(out_path: Path) -> None:
    """Raise MediaError unless a reel can be written at `out_path` (checked before any work)."""
    if out_path.is_dir():
        raise MediaError(out_path, "is a folder, not a file name for the reel")
    if out_path.suffix.lower() not in REEL_SUFFIXES:
        raise MediaError(out_path, "a reel must be saved as an .mp4 file")
    parent = out_path.parent
    if not parent.is_dir():
        raise MediaError(out_path, f"cannot save here: the folder {parent} does not exist")
    probe = parent / f".{out_path.name}.{os.getpid()}.writetest"
    try:
        with open(probe, "xb"):
            pass
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        raise MediaError(out_path, f"cannot save in {parent} ({reason})") from None
    finally:
        with suppress(OSError):
            probe.unlink()
    if out_path.exists() and not os.access(out_path, os.W_OK):
        raise MediaError(out_path, "the existing file is read-only and cannot be replaced")


def card_frames(reel: Reel, entry: TimelineEntry) -> Iterator[av.VideoFrame]:
    card = reel.plan.title_card if entry.kind == "title" else reel.plan.end_card
    assert card is not None
    frame = still_frame(rgb_to_yuv420p(card_image(card.title, card.subtitle, reel.width,
                                                  reel.height)))
    for _ in range(entry.frames):
        yield frame


def entry_frames(
    reel: Reel, entry: TimelineEntry, check: Callable[[], None]
) -> Iterator[av.VideoFrame]:
    """The finished output frames of one clip entry."""
    assert entry.clip is not None
    clip = reel.plan.clips[entry.clip]
    src = reel.videos[Path(clip.source_path)]
    times = (float((entry.first_frame + k) / reel.fps) for k in range(entry.frames))
    if src is None:
        still = still_frame(_audio_card(reel, entry))
        for t in times:
            check()
            yield decorate(still, reel.overlays.active(t), None)
        return
    frames = clip_frames(src, entry.source_start, entry.frames, reel.fps, reel.width,
                         reel.height, check)
    if reel.plan.options.blur_faces:  # faces followed across the clip's frames, then drawn on
        faces = FaceBlur(reel.width, reel.height, reel.fps)
        blurred = faces.stream(f.to_ndarray() for f in frames)
        for t, yuv in zip(times, blurred, strict=True):
            yield decorate(to_frame(yuv), reel.overlays.active(t), None)
        return
    for t, frame in zip(times, frames, strict=True):
        yield decorate(frame, reel.overlays.active(t), None)


def _audio_card(reel: Reel, entry: TimelineEntry) -> np.ndarray:
    assert entry.clip is not None
    clip = reel.plan.clips[entry.clip]
    peaks = None
    if clip.picture_path is None or not Path(clip.picture_path).is_file():
        samples = round(entry.frames / reel.fps * SAMPLE_RATE)
        audio = np.abs(decode_range(Path(clip.source_path), entry.source_start, samples,
                                    channels=1)).max(0)
        usable = audio.size - audio.size % _WAVE_BARS
        peaks = audio[:usable].reshape(_WAVE_BARS, -1).max(axis=1) if usable else None
        if peaks is not None and peaks.max() > 0:
            peaks = np.sqrt(peaks / peaks.max())  # a gentler curve reads better as bars
    picture = Path(clip.picture_path) if clip.picture_path and peaks is None else None
    return rgb_to_yuv420p(audio_card_image(picture, peaks, reel.width, reel.height))


class SubtitleWriter:
    """Muxes caption cues as a mov_text (tx3g) track, the subtitle format MP4 players know."""

    def __init__(self, container: av.container.OutputContainer, cues: list[CaptionCue]) -> None:
        self._container = container
        self.stream = container.add_stream("mov_text")
        self.stream.codec_context.subtitle_header = _ASS_HEADER.encode()
        self.stream.codec_context.time_base = Fraction(1, 1000)
        self._cues = list(cues)
        self._next = 0

    def write_until(self, t: float) -> None:
        """Mux every cue that starts before output time `t`."""
        ctx = self.stream.codec_context
        while self._next < len(self._cues) and self._cues[self._next].start < t:
            cue = self._cues[self._next]
            self._next += 1
            text = cue.text.replace("\n", "\\N")
            start, end = round(cue.start * 1000), round(cue.end * 1000)
            sub = SubtitleSet.create(f"0,0,Default,,0,0,0,,{text}".encode(), 0, end - start,
                                     pts=start)
            packet = ctx.encode_subtitle(sub)
            packet.stream = self.stream
            packet.time_base = Fraction(1, 1000)
            self._container.mux(packet)
