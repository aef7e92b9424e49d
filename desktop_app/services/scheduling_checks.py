"""Checks on a series before anything is saved: the typed time, DST traps, interviewer clashes.

A start time typed by a person must exist exactly once in its zone: 02:30 on a spring-forward
night does not exist and 02:30 on a fall-back night happens twice, so both are refused with a
message that says what to type instead. Later meetings that the rule puts into such an hour are
placed the RFC 5545 way by the recurrence core; here they only produce a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop_app.domain.recurrence import (
    Occurrence,
    OccurrenceChange,
    ScheduleError,
    SeriesSpec,
    get_zone,
    occurrences,
    overlaps,
    parse_local_start,
    validate_spec,
)
from desktop_app.services.scheduling_status import SeriesDraft, SeriesInfo, split_names

LOOKAHEAD = timedelta(days=183)  # how far ahead clashes and DST notes are looked for
MAX_WARNINGS = 5


def _offsets(wall: datetime, zone: ZoneInfo) -> tuple[timedelta | None, timedelta | None]:
    return (wall.replace(tzinfo=zone, fold=0).utcoffset(),
            wall.replace(tzinfo=zone, fold=1).utcoffset())


def in_gap(wall: datetime, zone: ZoneInfo) -> bool:
    """True when this wall time is skipped by a clock change (does not exist)."""
    back = wall.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) != wall


def in_overlap(wall: datetime, zone: ZoneInfo) -> bool:
    """True when this wall time happens twice (clocks go back)."""
    first, second = _offsets(wall, zone)
    return first != second and not in_gap(wall, zone)


def check_wall_time(wall: datetime, tz: str, what: str = "The start time") -> None:
    """Refuse a typed wall time that does not exist, or exists twice, in `tz`."""
    zone = get_zone(tz)
    stamp = f"{wall:%Y-%m-%d %H:%M}"
    if in_gap(wall, zone):
        later = wall.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)
        raise ScheduleError(
            f"{what} {stamp} does not exist in {tz}: the clocks jump forward that night. "
            f"Choose another time, for example {later:%H:%M}."
        )
    if in_overlap(wall, zone):
        raise ScheduleError(
            f"{what} {stamp} happens twice in {tz}: the clocks go back that night. "
            f"Choose a time outside that hour."
        )


def read_wall(value: str | datetime, what: str = "The start time") -> datetime:
    """A naive wall time (seconds dropped) from text or a naive datetime."""
    if isinstance(value, str):
        wall = parse_local_start(value)
    elif isinstance(value, datetime) and value.tzinfo is None:
        wall = value
    else:
        raise ScheduleError(f"{what} must be a wall-clock time without zone, got {value!r}")
    return wall.replace(second=0, microsecond=0)


def clean_rule(rule: str | None) -> str | None:
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:].strip()
    return text or None


@dataclass(frozen=True)
class CleanDraft:
    """A draft whose every field was checked; what gets written."""

    customer_id: int
    spec: SeriesSpec
    interviewers: tuple[str, ...]
    channel: str
    location: str
    guide_id: int | None
    title: str


def _text(value: str, what: str, limit: int) -> str:
    text = " ".join((value or "").split())
    if len(text) > limit:
        raise ScheduleError(f"The {what} is too long (over {limit} characters)")
    return text


def clean_draft(draft: SeriesDraft) -> CleanDraft:
    """Check the zone, time (DST), duration, rule and texts; raise ScheduleError on the first."""
    get_zone(draft.tz)
    wall = read_wall(draft.start_local)
    check_wall_time(wall, draft.tz)
    duration = draft.duration_min
    if isinstance(duration, bool) or not isinstance(duration, int) or not 0 < duration <= 1440:
        raise ScheduleError(f"Duration must be 1 to 1440 minutes, got {duration!r}")
    spec = SeriesSpec(wall, get_zone(draft.tz).key, duration, clean_rule(draft.rrule))
    validate_spec(spec)
    return CleanDraft(
        customer_id=draft.customer_id, spec=spec, interviewers=split_names(draft.interviewers),
        channel=_text(draft.channel, "channel", 200), location=(draft.location or "").strip(),
        guide_id=draft.guide_id, title=_text(draft.title, "title", 200),
    )


def _fmt(o: Occurrence) -> str:
    return f"{o.start_local:%a %Y-%m-%d %H:%M} ({o.tz})"


def dst_warnings(spec: SeriesSpec, found: Sequence[Occurrence]) -> list[str]:
    """Meetings the rule puts into a clock change, and where they really land."""
    zone = get_zone(spec.tz)
    wall_time = spec.start_local.time()
    notes = []
    for occ in found:
        if occ.moved:
            continue
        wall = datetime.combine(occ.start_local.date(), wall_time)
        if in_gap(wall, zone):
            notes.append(f"On {wall:%Y-%m-%d} {wall:%H:%M} does not exist in {spec.tz} (clocks "
                         f"jump forward): that interview starts at {occ.start_local:%H:%M}.")
        elif in_overlap(wall, zone):
            notes.append(f"On {wall:%Y-%m-%d} {wall:%H:%M} happens twice in {spec.tz} (clocks "
                         f"go back): that interview takes the first one.")
    return notes


def clash_warnings(customer: str, interviewers: Iterable[str], mine: Sequence[Occurrence],
                   others: Iterable[tuple[SeriesInfo, list[Occurrence]]]) -> list[str]:
    """One line per overlap of this series with another series of a shared interviewer."""
    wanted = {n.casefold() for n in interviewers}
    lines: list[str] = []
    for info, theirs in others:
        shared = [n for n in info.interviewers if n.casefold() in wanted]
        if not shared:
            continue
        for a, b in overlaps(list(mine), theirs):
            lines.append(f"{shared[0]} already has an interview with {info.customer} at "
                         f"{_fmt(b)} that overlaps the one with {customer} at {_fmt(a)}.")
    return lines


def limit_warnings(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_WARNINGS:
        return lines
    return lines[:MAX_WARNINGS] + [f"…and {len(lines) - MAX_WARNINGS} more like these."]


def window_occurrences(spec: SeriesSpec, changes: Iterable[OccurrenceChange], lo: datetime,
                       limit: int = 200) -> list[Occurrence]:
    return occurrences(spec, changes, start_utc=lo, end_utc=lo + LOOKAHEAD, limit=limit)
