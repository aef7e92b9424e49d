"""Editing rules of reels: where a clip may go (checked, snapped, padded), order, masks.

All functions take an open session. A clip's range snaps to whole words and is padded by up
to `PAD_S` into the surrounding silence, never into a neighbouring word or another clip of the
same recording in the reel; overlapping clips of one recording are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlmodel import Session, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.highlights import snap_range
from desktop_app.domain.reels import (
    MIN_CLIP_S,
    ReelOptions,
    consent_verdict,
    overlaps,
    pad_range,
)
from desktop_app.services.highlight_queries import recording_duration, transcript_words
from desktop_app.services.reels_plan import ClipFacts, clip_words, load_clips
from desktop_app.storage.tables import Interview, MediaAsset, ReelItem

_END_TOLERANCE_S = 0.5


def place_clip(s: Session, reel_id: int, interview_id: int, start: float, end: float, *,
               snap: bool, skip: int | None = None,
               exact_ok: bool = False) -> tuple[float, float]:
    """Where a clip of this interview may go: checked, snapped and padded."""
    iv = s.get(Interview, interview_id)
    if iv is None:
        raise NotFoundError(f"Interview {interview_id} does not exist.")
    if iv.media_id is None or s.get(MediaAsset, iv.media_id) is None:
        raise ValidationError(f"Interview {interview_id} ('{iv.title}') has no recording to "
                              "cut a clip from.")
    if end < start:
        raise ValidationError(f"The clip ends ({end:.2f} s) before it starts "
                              f"({start:.2f} s).")
    duration = recording_duration(s, iv)
    if start < 0 or (duration is not None and (start >= duration
                                               or end > duration + _END_TOLERANCE_S)):
        limit = f"0.0-{duration:.1f} s" if duration is not None else "from 0.0 s"
        raise ValidationError(f"The clip {start:.1f}-{end:.1f} s is outside the recording "
                              f"of interview {interview_id} ({limit}).")
    if duration is not None:
        end = min(end, duration)
    others = [(it.start, it.end, it.position) for it in s.exec(
        select(ReelItem).where(ReelItem.reel_id == reel_id,
                               ReelItem.interview_id == interview_id))
        if it.id != skip]
    words = transcript_words(s, interview_id, start - 5.0, end + 5.0) if snap else []
    snapped = None
    if snap:
        try:
            snapped = snap_range(words, start, end)
        except ValidationError:
            # a stub made before transcription, or an untranscribed interview: exact times
            if not exact_ok and transcript_words(s, interview_id, None, None):
                raise
    if snapped is not None:
        start, end = snapped.start, snapped.end
    else:
        start, end = round(start, 3), round(end, 3)
    if end - start < MIN_CLIP_S:
        raise ValidationError(f"The clip {start:.2f}-{end:.2f} s of interview {interview_id} "
                              f"is too short (at least {MIN_CLIP_S} s).")
    for a, b, pos in others:
        if overlaps((start, end), (a, b)):
            raise ValidationError(
                f"The clip {start:.1f}-{end:.1f} s of interview {interview_id} overlaps clip "
                f"{pos + 1} of the reel ({a:.1f}-{b:.1f} s): a reel cannot show the same "
                "moment twice.")
    if snapped is not None:
        lo = max((b for a, b, _ in others if b <= start + 1e-3), default=0.0)
        hi = min((a for a, b, _ in others if a >= end - 1e-3), default=None)
        start, end = pad_range(words, start, end, duration=duration, lo=lo, hi=hi)
    return start, end


def check_masks(s: Session, reel_id: int, options: ReelOptions) -> None:
    """Masked words must belong to clips of this reel and be among their words."""
    items = {c.id: c for c in load_clips(s, reel_id)}
    for item_id, idx in options.masked.items():
        clip = items.get(item_id)
        if clip is None:
            raise ValidationError(f"Clip {item_id} is not in reel {reel_id}: its masked "
                                  "words cannot be saved.")
        count = len(clip_words(s, clip.interview_id, clip.start, clip.end))
        bad = [i for i in idx if i >= count]
        if bad:
            raise ValidationError(f"Reel {clip.label}: word {min(bad)} is not one of its "
                                  f"{count} words.")


def with_options(options: ReelOptions, **changes: Any) -> ReelOptions:
    """A copy of `options` with some fields changed."""
    return replace(options, **changes)


def consent_issues(clips: Sequence[ClipFacts], audience: str) -> list[str]:
    """One line per clip that may not be shown to `audience`."""
    out = []
    for c in clips:
        ok, problem = consent_verdict(c.consent, audience)
        if not ok:
            out.append(f"{c.label}: {problem}")
    return out


def renumber(s: Session, ids: Sequence[int]) -> None:
    """Positions 0..n-1 in this order (via negative values: (reel, position) is unique)."""
    rows = [s.get(ReelItem, i) for i in ids]
    for k, row in enumerate(rows):
        assert row is not None
        row.position = -(k + 1)
        s.add(row)
    s.flush()
    for k, row in enumerate(rows):
        assert row is not None
        row.position = k
        s.add(row)
    s.flush()
