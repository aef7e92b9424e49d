"""Highlights, heatmaps and journey maps as plain data, and the pure word-snapping rule.

A highlight's range always lies on word boundaries: `snap_range` moves the start to the start
of the first word overlapping the requested range and the end to the end of the last one, and
the quote is those words' text. Everything here is pure (no database, no Qt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.domain.errors import ValidationError

EMOTIONS: tuple[str, ...] = ("frustrated", "confused", "anxious", "angry", "disappointed",
                             "neutral", "pleased", "delighted")
SEVERITY_MIN = 1
SEVERITY_MAX = 5
SOURCES: tuple[str, ...] = ("manual", "suggestion", "marker")
STATUSES: tuple[str, ...] = ("done", "stub")


@dataclass(frozen=True)
class TimedWord:
    """One transcript word on the recording's timeline (Whisper keeps a leading space)."""

    start: float
    end: float
    word: str


@dataclass(frozen=True)
class SnappedRange:
    """A range moved onto word boundaries, with the words' text."""

    start: float
    end: float
    quote: str
    first: int  # index of the first word inside, in the list given to snap_range
    last: int


def _overlaps(w: TimedWord, start: float, end: float) -> bool:
    if w.end <= w.start:  # a zero-length word counts when it lies inside the range
        return start <= w.start <= end
    return w.start < end and w.end > start


def join_words(words: Sequence[TimedWord] | Sequence[str]) -> str:
    """The words' text: Whisper words carry their own leading space; bare words get one."""
    texts = [w.word if isinstance(w, TimedWord) else w for w in words]
    if any(t[:1].isspace() for t in texts):
        return "".join(texts).strip()
    return " ".join(t.strip() for t in texts if t.strip())


def snap_range(words: Sequence[TimedWord], start: float, end: float) -> SnappedRange:
    """Snap [start, end] to the words overlapping it (words in time order).

    Raises ValidationError naming the range when the range is inverted or holds no words.
    """
    if end < start:
        raise ValidationError(f"The range ends ({end:.1f} s) before it starts ({start:.1f} s).")
    inside = [i for i, w in enumerate(words) if _overlaps(w, start, end)]
    if not inside:
        raise ValidationError(f"No transcript words between {start:.1f} s and {end:.1f} s.")
    first, last = inside[0], inside[-1]
    chosen = words[first:last + 1]
    return SnappedRange(start=round(chosen[0].start, 3),
                        end=round(max(w.end for w in chosen), 3),
                        quote=join_words(chosen), first=first, last=last)


def check_severity(severity: int) -> int:
    if isinstance(severity, bool) or not isinstance(severity, int) \
            or not SEVERITY_MIN <= severity <= SEVERITY_MAX:
        raise ValidationError(f"Severity must be a whole number from {SEVERITY_MIN} to "
                              f"{SEVERITY_MAX}, got {severity!r}.")
    return severity


def check_emotion(emotion: str) -> str:
    value = (emotion or "").strip().lower()
    if value and value not in EMOTIONS:
        raise ValidationError(f"Unknown emotion '{emotion}': use one of {', '.join(EMOTIONS)}.")
    return value


# --- what services return -----------------------------------------------------------------


@dataclass(frozen=True)
class HighlightView:
    """A highlight with its tags resolved to names (what lists, the CLI and exports show)."""

    id: int
    interview_id: int
    start: float
    end: float
    quote: str
    touchpoints: tuple[str, ...]
    zones: tuple[str, ...]  # zone keys
    touchpoint_ids: tuple[int, ...]
    zone_ids: tuple[int, ...]
    persona: str
    persona_id: int | None
    severity: int
    emotion: str
    need: str
    value: str
    notes: str
    source: str
    status: str
    customer: str
    customer_id: int
    recorded_at: datetime
    interview_title: str = ""

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "interview_id": self.interview_id, "start": self.start,
                "end": self.end, "quote": self.quote, "touchpoints": list(self.touchpoints),
                "zones": list(self.zones), "persona": self.persona, "severity": self.severity,
                "emotion": self.emotion, "need": self.need, "value": self.value,
                "notes": self.notes, "source": self.source, "status": self.status,
                "customer": self.customer, "date": self.recorded_at.isoformat()}


@dataclass(frozen=True)
class HighlightFilter:
    """Which highlights to list; every field narrows the list (None = any)."""

    interview_id: int | None = None
    touchpoint_id: int | None = None
    zone_id: int | None = None
    persona_id: int | None = None
    customer_id: int | None = None
    status: str | None = None
    min_severity: int | None = None
    date_from: datetime | None = None  # interview recorded_at, inclusive
    date_to: datetime | None = None  # exclusive


@dataclass(frozen=True)
class InsightFilter:
    """Filters for the heatmap, journey map and trends (interview date range is [from, to))."""

    persona_id: int | None = None
    customer_id: int | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    interviewer: str | None = None


@dataclass(frozen=True)
class Ref:
    """A touchpoint or zone column/row header: id, stable name (zone key) and display label."""

    id: int
    name: str
    label: str
    shortcut: str = ""  # the key that tags it in a transcript


@dataclass(frozen=True)
class HeatmapCell:
    touchpoint: str
    zone: str  # zone key
    touchpoint_id: int
    zone_id: int
    count: int
    score: int  # sum of severities
    highlight_ids: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"touchpoint": self.touchpoint, "zone": self.zone, "count": self.count,
                "score": self.score, "highlight_ids": list(self.highlight_ids)}


@dataclass(frozen=True)
class Heatmap:
    """Touchpoints (journey order) x zones; `cells` is the full matrix, touchpoint-major."""

    touchpoints: tuple[Ref, ...]
    zones: tuple[Ref, ...]
    cells: tuple[HeatmapCell, ...]

    def cell(self, touchpoint: str | int, zone: str | int) -> HeatmapCell:
        for c in self.cells:
            if touchpoint in (c.touchpoint, c.touchpoint_id) and zone in (c.zone, c.zone_id):
                return c
        raise KeyError((touchpoint, zone))

    @property
    def max_count(self) -> int:
        return max((c.count for c in self.cells), default=0)

    @property
    def max_score(self) -> int:
        return max((c.score for c in self.cells), default=0)

    @property
    def total(self) -> int:
        return sum(c.count for c in self.cells)

    def as_json(self) -> dict[str, Any]:
        return {"touchpoints": [t.name for t in self.touchpoints],
                "zones": [z.name for z in self.zones],
                "cells": [c.as_json() for c in self.cells]}


@dataclass(frozen=True)
class PainQuote:
    highlight_id: int
    quote: str
    severity: int
    customer: str
    emotion: str = ""


@dataclass(frozen=True)
class JourneyColumn:
    """One touchpoint of the journey map."""

    touchpoint: str
    touchpoint_id: int
    channel: str
    department: str
    needs: tuple[str, ...]
    pain_count: int
    severity_counts: tuple[int, ...]  # highlights per severity 1..5
    top_pains: tuple[PainQuote, ...]  # strongest quotes (severity, then recency), at most 3
    top_zones: tuple[tuple[str, int], ...]  # (zone label, count), most frequent first
    value_text: str

    @property
    def max_severity(self) -> int:
        return max((i + 1 for i, n in enumerate(self.severity_counts) if n), default=0)

    @property
    def mean_severity(self) -> float:
        total = sum(self.severity_counts)
        if not total:
            return 0.0
        return sum((i + 1) * n for i, n in enumerate(self.severity_counts)) / total


@dataclass(frozen=True)
class JourneyMap:
    """What the journey map shows for one persona (or all customers when persona is "")."""

    persona: str
    persona_description: str
    generated_at: datetime
    columns: tuple[JourneyColumn, ...]
    interviews: int
    highlights: int
    title: str = "Customer journey map"
    period: str = ""  # "2026-01-01 - 2026-03-31" when filtered by date

    def as_json(self) -> dict[str, Any]:
        return {"persona": self.persona, "interviews": self.interviews,
                "highlights": self.highlights, "generated_at": self.generated_at.isoformat(),
                "columns": [{"touchpoint": c.touchpoint, "needs": list(c.needs),
                             "pain_count": c.pain_count,
                             "severity_counts": list(c.severity_counts),
                             "top_pains": [{"id": p.highlight_id, "quote": p.quote,
                                            "severity": p.severity, "customer": p.customer}
                                           for p in c.top_pains],
                             "top_zones": [list(z) for z in c.top_zones],
                             "value": c.value_text} for c in self.columns]}


@dataclass(frozen=True)
class TrendPoint:
    month: str  # "2026-10"
    touchpoint: str
    count: int

    def as_json(self) -> dict[str, Any]:
        return {"month": self.month, "touchpoint": self.touchpoint, "count": self.count}


@dataclass(frozen=True)
class Suggestion:
    """A candidate highlight found by a keyword rule; nothing is stored until it is accepted."""

    key: str  # "<interview>:<rule>:<start>", what rejections remember
    interview_id: int
    rule_id: int
    phrase: str
    start: float
    end: float
    quote: str
    matched: str  # the transcript words the rule matched
    match_start: float
    match_end: float
    touchpoint_id: int | None
    touchpoint: str
    zone_id: int | None
    zone: str  # zone key

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "interview_id": self.interview_id, "start": self.start,
                "end": self.end, "quote": self.quote, "matched": self.matched,
                "rule": {"id": self.rule_id, "phrase": self.phrase},
                "touchpoint": self.touchpoint or None, "zone": self.zone or None}
