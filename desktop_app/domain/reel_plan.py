"""What a highlight reel is made of (clips, cards, options) and how its captions are laid out.

Pure data and rules, no media code: the render engine (`desktop_app.media.render`) takes a
`ReelPlan` and returns a `RenderResult`. Caption words carry times in SOURCE seconds; the
helpers here group them into on-screen cues (at most two lines of ~42 characters, broken at
sentence ends, commas and pauses), move them onto the reel's timeline and write SRT/WebVTT.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.masks import padded_bleeps

CaptionMode = Literal["burn", "soft", "none"]
CAPTION_MODES: tuple[str, ...] = ("burn", "soft", "none")
HEIGHTS: tuple[int, ...] = (720, 1080)
MASK_TEXT = "\u2022\u2022\u2022"  # what a masked word shows in captions: "•••"
LOWER_THIRD_S = 3.0  # how long a clip's lower third stays on screen

_SENTENCE_END = (".", "!", "?", "\u2026", "\u3002")
_SOFT_BREAK = (",", ";", ":", "\u2014", "\u2013")


@dataclass(frozen=True)
class CaptionWord:
    """One spoken word with its start and end in seconds of the SOURCE recording."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class ClipSpec:
    """A cut from one recording: [start_s, end_s) in source seconds, plus what to show on it.

    `masked_words` are indexes into `words`: those words are bleeped and shown as "•••".
    `masked_ranges` are further source ranges to bleep (a masked word that has left the
    transcript: its sound is still in the recording).
    `picture_path` is the still shown for an audio-only recording (a waveform card); without
    one the engine draws its own waveform.
    """

    source_path: Path
    has_video: bool
    start_s: float
    end_s: float
    words: tuple[CaptionWord, ...] = ()
    lower_third: tuple[str, ...] = ()
    masked_words: frozenset[int] = frozenset()
    picture_path: Path | None = None
    masked_ranges: tuple[tuple[float, float], ...] = ()

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start_s) and math.isfinite(self.end_s)):
            raise ValidationError(f"clip of {Path(self.source_path).name}: times must be numbers")
        if self.start_s < 0:
            raise ValidationError(
                f"clip of {Path(self.source_path).name}: start {self.start_s:.2f} s is negative"
            )
        if self.end_s - self.start_s < 0.1:
            raise ValidationError(
                f"clip of {Path(self.source_path).name}: it must last at least 0.1 s "
                f"(start {self.start_s:.2f} s, end {self.end_s:.2f} s)"
            )
        bad = [i for i in self.masked_words if not 0 <= i < len(self.words)]
        if bad:
            raise ValidationError(
                f"clip of {Path(self.source_path).name}: masked word index {min(bad)} is not "
                f"one of its {len(self.words)} words"
            )

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class CardSpec:
    """A title or end card: text on a calm dark background for `seconds`."""

    title: str
    subtitle: str = ""
    seconds: float = 3.0

    def __post_init__(self) -> None:
        if not 0.5 <= self.seconds <= 30:
            raise ValidationError(f"card '{self.title}': {self.seconds} s is not 0.5-30 s")


@dataclass(frozen=True)
class RenderOptions:
    """How to render: picture height (16:9), captions, privacy, loudness, fades, smart copy."""

    height: int = 720
    captions: CaptionMode = "burn"
    blur_faces: bool = False
    loudness_normalize: bool = True
    fade_ms: int = 30
    smart: bool = True

    def __post_init__(self) -> None:
        if self.height not in HEIGHTS:
            raise ValidationError(f"reel height {self.height} is not one of 720 or 1080")
        if self.captions not in CAPTION_MODES:
            raise ValidationError(f"captions '{self.captions}' is not burn, soft or none")
        if not 0 <= self.fade_ms <= 1000:
            raise ValidationError(f"fade of {self.fade_ms} ms is not 0-1000 ms")

    @property
    def width(self) -> int:
        return self.height * 16 // 9


@dataclass(frozen=True)
class ReelPlan:
    """An ordered list of clips with optional title and end cards."""

    clips: tuple[ClipSpec, ...]
    title_card: CardSpec | None = None
    end_card: CardSpec | None = None
    options: RenderOptions = field(default_factory=RenderOptions)

    def __post_init__(self) -> None:
        if not self.clips:
            raise ValidationError("a reel needs at least one clip")


@dataclass(frozen=True)
class ClipPlacement:
    """Where one clip landed: its source range and its range on the reel (seconds)."""

    source_start: float
    source_end: float
    out_start: float
    out_end: float


@dataclass(frozen=True)
class RenderResult:
    """The finished reel file and what it contains."""

    path: Path
    duration_s: float
    width: int
    height: int
    video_codec: str
    audio_codec: str
    clips: list[ClipPlacement]
    subtitle_codec: str | None = None
    sidecars: tuple[Path, ...] = ()
    copied_s: float = 0.0  # seconds of picture copied from sources untouched (smart rendering)


@dataclass(frozen=True)
class TimelineEntry:
    """One piece of the reel in output frames: a card or a clip (`clip` = index in the plan)."""

    kind: Literal["title", "clip", "end"]
    first_frame: int
    frames: int
    clip: int | None = None
    source_start: float = 0.0


@dataclass(frozen=True)
class CaptionCue:
    """Caption text on screen from `start` to `end` (seconds), one string per line."""

    start: float
    end: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def frame_count(seconds: float, fps: Fraction) -> int:
    """Whole output frames for `seconds` at `fps` (at least one)."""
    return max(1, round(Fraction(seconds) * fps))


def build_timeline(
    plan: ReelPlan,
    fps: Fraction,
    clip_starts: Sequence[float] | None = None,
    clip_lengths: Sequence[float] | None = None,
) -> list[TimelineEntry]:
    """The reel as consecutive frame ranges: title card, clips, end card.

    `clip_starts` are the clips' start times snapped to their source frames (defaults to the
    requested starts); `clip_lengths` their lengths in seconds (defaults to the requested ones,
    shorter where a recording ends early). Lengths are rounded to whole frames.
    """
    starts = list(clip_starts) if clip_starts is not None else [c.start_s for c in plan.clips]
    lengths = (
        list(clip_lengths) if clip_lengths is not None else [c.duration_s for c in plan.clips]
    )
    entries: list[TimelineEntry] = []
    at = 0
    if plan.title_card is not None:
        n = frame_count(plan.title_card.seconds, fps)
        entries.append(TimelineEntry("title", at, n))
        at += n
    for i in range(len(plan.clips)):
        n = frame_count(lengths[i], fps)
        entries.append(TimelineEntry("clip", at, n, clip=i, source_start=starts[i]))
        at += n
    if plan.end_card is not None:
        n = frame_count(plan.end_card.seconds, fps)
        entries.append(TimelineEntry("end", at, n))
    return entries


def placements(entries: Sequence[TimelineEntry], fps: Fraction) -> list[ClipPlacement]:
    """Source and reel ranges (seconds) of each clip entry of a timeline."""
    out: list[ClipPlacement] = []
    for e in entries:
        if e.kind != "clip":
            continue
        length = float(e.frames / fps)
        start = float(e.first_frame / fps)
        out.append(ClipPlacement(e.source_start, e.source_start + length, start, start + length))
    return out


def caption_cues(
    words: Sequence[CaptionWord],
    *,
    masked: frozenset[int] = frozenset(),
    max_chars: int = 42,
    max_lines: int = 2,
    pause_s: float = 0.7,
    min_cue_s: float = 0.8,
    hold_s: float = 0.3,
) -> list[CaptionCue]:
    """Group timed words into caption cues of at most `max_lines` lines of `max_chars`.

    A cue ends after a sentence end, at a pause of `pause_s` or more, when it is full, or after
    a comma once its first line is used up. Each cue stays up at least `min_cue_s` and lingers
    `hold_s` after its last word, never overlapping the next one. Masked words show "•••".
    """
    shown = [
        (w.start, w.end, MASK_TEXT if i in masked else w.text.strip())
        for i, w in enumerate(words)
    ]
    shown = [s for s in shown if s[2]]
    groups: list[list[tuple[float, float, str]]] = []
    current: list[tuple[float, float, str]] = []
    for item in shown:
        if current:
            prev = current[-1]
            text = " ".join(t for _, _, t in current + [item])
            full = len(_wrap([t for _, _, t in current + [item]], max_chars, max_lines)) == 0
            used = len(" ".join(t for _, _, t in current))
            if (
                full
                or item[0] - prev[1] >= pause_s
                or prev[2].endswith(_SENTENCE_END)
                or (prev[2].endswith(_SOFT_BREAK) and used > max_chars * 0.6)
                or len(text) > max_chars * max_lines
            ):
                groups.append(current)
                current = []
        current.append(item)
    if current:
        groups.append(current)
    cues: list[CaptionCue] = []
    for k, group in enumerate(groups):
        lines = _wrap([t for _, _, t in group], max_chars, max_lines) or _greedy(
            [t for _, _, t in group], max_chars
        )
        start, end = group[0][0], max(group[-1][1], group[0][0] + 0.05)
        limit = groups[k + 1][0][0] if k + 1 < len(groups) else math.inf
        end = min(max(end + hold_s, start + min_cue_s), limit)
        cues.append(CaptionCue(start, max(end, start + 0.05), tuple(lines)))
    return cues


def _wrap(words: list[str], max_chars: int, max_lines: int) -> list[str]:
    """Words split into at most `max_lines` balanced lines of `max_chars`; [] if impossible."""
    one = " ".join(words)
    if len(one) <= max_chars:
        return [one]
    if max_lines < 2:
        return []
    best: list[str] = []
    best_len = math.inf
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if len(head) > max_chars:
            break
        rest = _wrap(words[cut:], max_chars, max_lines - 1) if len(tail) > max_chars else [tail]
        if not rest:
            continue
        longest = max(len(head), *(len(r) for r in rest))
        # prefer a break after punctuation when it costs little balance
        score = longest - (3 if words[cut - 1].endswith(_SENTENCE_END + _SOFT_BREAK) else 0)
        if score < best_len:
            best, best_len = [head, *rest], score
    return best


def _greedy(words: list[str], max_chars: int) -> list[str]:
    """Plain greedy line filling (a single word longer than a line gets its own line)."""
    lines: list[str] = []
    for w in words:
        if lines and len(lines[-1]) + 1 + len(w) <= max_chars:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return lines


def clip_cues(clip: ClipSpec, placement: ClipPlacement, **layout: float) -> list[CaptionCue]:
    """The clip's caption cues on the reel's timeline, clipped to the clip's range."""
    inside = [
        (i, w)
        for i, w in enumerate(clip.words)
        if w.end > placement.source_start and w.start < placement.source_end
    ]
    if not inside:
        return []
    words = [w for _, w in inside]
    masked = frozenset(k for k, (i, _) in enumerate(inside) if i in clip.masked_words)
    shift = placement.out_start - placement.source_start
    out: list[CaptionCue] = []
    for cue in caption_cues(words, masked=masked, **layout):  # type: ignore[arg-type]
        start = max(cue.start + shift, placement.out_start)
        end = min(cue.end + shift, placement.out_end)
        if end - start >= 0.05:
            out.append(CaptionCue(start, end, cue.lines))
    return out


def reel_cues(plan: ReelPlan, clip_placements: Sequence[ClipPlacement]) -> list[CaptionCue]:
    """All caption cues of the reel, in output seconds."""
    cues: list[CaptionCue] = []
    for clip, placement in zip(plan.clips, clip_placements, strict=True):
        cues.extend(clip_cues(clip, placement))
    return cues


def _stamp(seconds: float, sep: str) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def srt_text(cues: Sequence[CaptionCue]) -> str:
    """SubRip text of `cues` (numbered blocks, comma before milliseconds)."""
    blocks = [
        f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n"
        for n, c in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)


def vtt_text(cues: Sequence[CaptionCue]) -> str:
    """WebVTT text of `cues` ("&", "<" and ">" escaped as the format requires)."""
    blocks = ["WEBVTT\n"]
    for c in cues:
        text = c.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        blocks.append(f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{text}\n")
    return "\n".join(blocks)


def bleep_ranges(clip: ClipSpec) -> list[tuple[float, float]]:
    """Source-time ranges to bleep: the clip's masked words padded into the pauses around
    them (see `desktop_app.domain.masks.padded_bleeps`), clipped to the clip."""
    return padded_bleeps([(w.start, w.end) for w in clip.words], clip.masked_words,
                         clip.masked_ranges, lo=clip.start_s, hi=clip.end_s)
