"""What the schedule shows: series, occurrences with a derived status, guides (detached values).

An occurrence's status comes from the interviews linked to it (Interview.series_id plus
Interview.occurrence_start = the occurrence's original UTC start): the most advanced one wins
(tagged > transcribed > recorded). Without a linked interview it is "planned" until it has
ended, then "missed".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.domain.recurrence import Occurrence, SeriesSpec, get_zone

STATUSES = ("planned", "recorded", "transcribed", "tagged", "missed")
_RANK = {"recorded": 1, "transcribed": 2, "tagged": 3}


def interview_stage(interview_status: str) -> str:
    """Map an Interview.status (new, imported, transcribing, transcribed, tagged...) to a stage."""
    if interview_status in ("tagged", "transcribed"):
        return interview_status
    return "recorded"


def occurrence_status(end_utc: datetime, now_utc: datetime,
                      interview_statuses: Iterable[str] = ()) -> str:
    """planned / recorded / transcribed / tagged / missed (see the module docstring)."""
    stages = [interview_stage(s) for s in interview_statuses]
    if stages:
        return max(stages, key=lambda s: _RANK[s])
    return "missed" if end_utc <= now_utc else "planned"


def iso_in(instant: datetime, tz: str) -> str:
    """ISO 8601 with the offset of `tz`, to the minute ("2026-03-10T10:00:00+01:00")."""
    return instant.astimezone(get_zone(tz)).replace(microsecond=0).isoformat()


def utc_key(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def split_names(text: str | Iterable[str]) -> tuple[str, ...]:
    """Interviewer names from "Anna, Boris" or a list; blanks and repeats (any case) dropped."""
    parts = text.split(",") if isinstance(text, str) else [p for t in text for p in t.split(",")]
    seen: dict[str, str] = {}
    for part in parts:
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


@dataclass(frozen=True)
class GuideInfo:
    """An interview guide: its questions, one per entry."""

    id: int
    name: str
    language: str
    questions: tuple[str, ...]
    builtin_key: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "language": self.language,
                "builtin_key": self.builtin_key, "questions": list(self.questions)}


@dataclass(frozen=True)
class SeriesInfo:
    """A planned interview series with its customer (and persona, guide) names."""

    id: int
    customer_id: int
    customer: str
    persona: str
    title: str
    start_local: datetime  # naive wall time in `tz`
    tz: str
    duration_min: int
    rrule: str | None
    interviewers: tuple[str, ...]
    channel: str
    location: str
    guide_id: int | None
    guide: str
    ended_at: datetime | None
    customer_email: str = ""
    customer_language: str = "auto"

    @property
    def spec(self) -> SeriesSpec:
        return SeriesSpec(self.start_local, self.tz, self.duration_min, self.rrule,
                          self.ended_at)

    def as_json(self) -> dict[str, Any]:
        return {"series_id": self.id, "customer_id": self.customer_id, "customer": self.customer,
                "persona": self.persona, "title": self.title,
                "start_local": self.start_local.strftime("%Y-%m-%d %H:%M"), "tz": self.tz,
                "duration_min": self.duration_min, "rrule": self.rrule,
                "interviewers": list(self.interviewers), "channel": self.channel,
                "location": self.location, "guide": self.guide or None,
                "ended_at": self.ended_at.isoformat() if self.ended_at else None}


@dataclass(frozen=True)
class OccurrenceRow:
    """One interview on the calendar: when, with whom, and how far it got."""

    series_id: int
    customer_id: int
    customer: str
    persona: str
    title: str
    original_start_utc: datetime  # identifies the occurrence (skips, moves, linked interviews)
    start_utc: datetime
    end_utc: datetime
    tz: str
    moved: bool
    status: str
    interview_id: int | None = None
    channel: str = ""
    location: str = ""
    interviewers: tuple[str, ...] = field(default_factory=tuple)
    # the customer's consent ran out on this date: ask again at this (their next) meeting
    renew_consent: datetime | None = None

    @property
    def key(self) -> str:
        """Stable id of this occurrence at this time ("3@20260310T090000Z>20260310T090000Z")."""
        return f"{self.series_id}@{utc_key(self.original_start_utc)}>{utc_key(self.start_utc)}"

    @property
    def duration_min(self) -> int:
        return round((self.end_utc - self.start_utc).total_seconds() / 60)

    def as_occurrence(self) -> Occurrence:
        return Occurrence(self.original_start_utc, self.start_utc, self.end_utc, self.tz,
                          self.moved)

    def as_json(self) -> dict[str, Any]:
        return {"series_id": self.series_id, "customer": self.customer, "persona": self.persona,
                "start": iso_in(self.start_utc, self.tz), "end": iso_in(self.end_utc, self.tz),
                "status": self.status, "tz": self.tz,
                "occurrence": self.original_start_utc.isoformat(), "moved": self.moved,
                "interview_id": self.interview_id, "channel": self.channel,
                "location": self.location, "interviewers": list(self.interviewers),
                "renew_consent": (self.renew_consent.date().isoformat()
                                  if self.renew_consent else None)}


@dataclass(frozen=True)
class SeriesDraft:
    """What a user fills in to plan (or re-plan) a series; validated by the service."""

    customer_id: int
    start_local: str | datetime  # "YYYY-MM-DD HH:MM" or a naive wall time in `tz`
    tz: str
    duration_min: int = 60
    rrule: str | None = None
    interviewers: tuple[str, ...] | str = ()
    channel: str = ""
    location: str = ""
    guide_id: int | None = None
    title: str = ""


@dataclass(frozen=True)
class SeriesPlan:
    """The result of checking (or saving) a draft: the next meetings and any warnings."""

    series_id: int | None
    next: tuple[Occurrence, ...]
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"series_id": self.series_id,
                "next": [o.start_local.replace(microsecond=0).isoformat() for o in self.next],
                "warnings": list(self.warnings)}
