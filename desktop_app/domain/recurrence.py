"""Recurring interview series: RRULE expansion in local wall time, DST-safe, with skips and moves.

Rules are expanded on naive wall-clock times (so "every Tuesday 10:00" stays 10:00 across DST),
then each wall time is placed in the series' zone the way RFC 5545 says: a time inside a DST gap
is read with the offset before the gap (02:30 on spring-forward day becomes 03:30), a time inside
a fall-back overlap takes its first instance (fold=0). Occurrences are identified by their
original UTC start, which is what skips and moves refer to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from desktop_app.domain.errors import ValidationError

_PAD = timedelta(days=1)  # covers any UTC offset when turning a UTC window into wall times
# Interviews repeat at most daily; one expansion looks at no more rule times than this (about
# 270 years of daily meetings), so a rule stored before these checks cannot hang a listing.
_FIRST_YEAR, _LAST_YEAR = 1900, 2999  # far from datetime's limits, whatever the time zone
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_COUNT = 1000
MAX_STEPS = 100_000
_ONE_PER_DAY = ("BYHOUR", "BYMINUTE", "BYSECOND")
_START_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")
_UNTIL_RE = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")
_KINDS = ("skip", "move")


class ScheduleError(ValidationError):
    """A schedule input (start time, zone, rule, change) was rejected; the message says why."""


def parse_local_start(text: str) -> datetime:
    """Read "YYYY-MM-DD HH:MM" (or ISO "T", optional seconds) as a naive wall-clock time."""
    match = _START_RE.match(text or "")
    hint = "expected YYYY-MM-DD HH:MM, for example 2026-03-10 14:30"
    if not match:
        raise ScheduleError(f"Cannot read the start time {text!r}: {hint}")
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    if not _FIRST_YEAR <= y <= _LAST_YEAR:
        raise ScheduleError(f"Cannot read the start time {text!r}: the year must be between "
                            f"{_FIRST_YEAR} and {_LAST_YEAR}")
    try:
        return datetime(y, mo, d, h, mi, s)
    except ValueError as exc:
        raise ScheduleError(f"Cannot read the start time {text!r}: {exc}") from None


@lru_cache(maxsize=64)
def get_zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`; an unknown name raises ScheduleError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        raise ScheduleError(
            f"Unknown time zone {name!r} (expected a name like Europe/Berlin)"
        ) from None


def _as_utc(value: datetime, what: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ScheduleError(f"{what} must be a time with a zone, got {value!r}")
    return value.astimezone(UTC)


def localise(wall: datetime, zone: ZoneInfo) -> datetime:
    """UTC instant of a naive wall time in `zone` (gap: offset before it; overlap: first)."""
    return wall.replace(tzinfo=zone, fold=0).astimezone(UTC)


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


@dataclass(frozen=True)
class _Rule:
    rule: rrule
    parts: tuple[tuple[str, str], ...]  # without COUNT and UNTIL
    count: int | None
    until_wall: datetime | None


def _parse_until(value: str, zone: ZoneInfo | None, rule: str) -> datetime:
    match = _UNTIL_RE.match(value)
    try:
        if not match:
            raise ValueError("expected 20261231 or 20261231T235959Z")
        day = datetime.strptime(match.group(1), "%Y%m%d")
        if match.group(2) is None:  # a date: meetings on that day still count
            return datetime.combine(day.date(), time(23, 59, 59))
        moment = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError as exc:
        msg = f"Invalid recurrence rule {rule!r}: bad UNTIL {value!r}: {exc}"
        raise ScheduleError(msg) from None
    if match.group(3) and zone is not None:
        return _wall(moment.replace(tzinfo=UTC), zone)
    return moment


def _compile(rule: str, dtstart: datetime, zone: ZoneInfo | None) -> _Rule:
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:].strip()
    bad = f"Invalid recurrence rule {rule!r}"
    if not text:
        raise ScheduleError(f"{bad}: it is empty")
    if "\n" in text or ":" in text:
        raise ScheduleError(f"{bad}: give a single RRULE such as FREQ=WEEKLY;BYDAY=TU")
    parts: list[tuple[str, str]] = []
    count: int | None = None
    until: datetime | None = None
    for chunk in filter(None, text.split(";")):
        key, sep, value = chunk.partition("=")
        key, value = key.strip().upper(), value.strip().upper()
        if not sep or not key or not value:
            raise ScheduleError(f"{bad}: {chunk!r} is not NAME=VALUE")
        if key in ("COUNT", "INTERVAL") and not (value.isdigit() and int(value) >= 1):
            raise ScheduleError(f"{bad}: {key} must be a whole number of at least 1")
        if key == "COUNT":
            count = int(value)
        elif key == "UNTIL":
            until = _parse_until(value, zone, rule)
        else:
            parts.append((key, value))
    if not any(key == "FREQ" for key, _ in parts):
        raise ScheduleError(f"{bad}: FREQ is missing (e.g. FREQ=WEEKLY)")
    if count is not None and until is not None:
        raise ScheduleError(f"{bad}: use COUNT or UNTIL, not both")
    body = ";".join(f"{k}={v}" for k, v in parts)
    if count is not None:
        body += f";COUNT={count}"
    if until is not None:
        body += f";UNTIL={until:%Y%m%dT%H%M%S}"
    try:
        compiled = rrulestr(body, dtstart=dtstart.replace(tzinfo=None))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise ScheduleError(f"{bad}: {exc}") from None
    if not isinstance(compiled, rrule):
        raise ScheduleError(f"{bad}: give a single RRULE")
    return _Rule(compiled, tuple(parts), count, until)


def _check_bounds(rule: str, info: _Rule) -> None:
    """Refuse rules more often than daily, several times a day, or with too many meetings."""
    bad = f"Invalid recurrence rule {rule!r}"
    values = dict(info.parts)
    freq = values.get("FREQ", "")
    if freq not in _FREQUENCIES:
        raise ScheduleError(f"{bad}: interviews repeat at most daily; FREQ must be one of "
                            f"{', '.join(_FREQUENCIES)}")
    for key in _ONE_PER_DAY:
        if "," in values.get(key, ""):
            raise ScheduleError(f"{bad}: {key} with several values means several interviews "
                                "a day; give one time")
    if info.count is not None and info.count > MAX_COUNT:
        raise ScheduleError(f"{bad}: COUNT may be at most {MAX_COUNT}")


def validate_rrule(rule: str, dtstart: datetime, *, tz: str | None = None) -> None:
    """Raise ScheduleError if `rule` cannot be read or yields nothing from `dtstart` (wall time)."""
    zone = get_zone(tz) if tz else None
    wall = _wall(dtstart, zone) if zone and dtstart.tzinfo else dtstart.replace(tzinfo=None)
    info = _compile(rule, wall, zone)
    _check_bounds(rule, info)
    if info.until_wall is not None and info.until_wall < wall:
        raise ScheduleError(
            f"The series ends ({info.until_wall:%Y-%m-%d %H:%M}) before it starts "
            f"({wall:%Y-%m-%d %H:%M}): {rule!r}"
        )
    if info.rule.after(wall, inc=True) is None:
        raise ScheduleError(f"The rule produces no occurrences: {rule!r}")


@dataclass(frozen=True)
class SeriesSpec:
    """A meeting series: wall start in `tz`, duration, RRULE (None = one meeting), optional end."""

    start_local: datetime
    tz: str
    duration_min: int
    rrule: str | None = None
    ended_after_utc: datetime | None = None  # the series was ended: nothing starts at/after it


@dataclass(frozen=True)
class OccurrenceChange:
    """A skip or a move of the occurrence that originally started at `original_start_utc`."""

    original_start_utc: datetime
    kind: str
    new_start_utc: datetime | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ScheduleError(f"Unknown change {self.kind!r}: expected 'skip' or 'move'")
        object.__setattr__(
            self, "original_start_utc", _as_utc(self.original_start_utc, "The original start")
        )
        if self.kind == "move":
            if self.new_start_utc is None:
                raise ScheduleError("A moved interview needs its new start time")
            object.__setattr__(self, "new_start_utc", _as_utc(self.new_start_utc, "The new start"))
        elif self.new_start_utc is not None:
            raise ScheduleError("A skipped interview has no new start time")


@dataclass(frozen=True)
class Occurrence:
    """One meeting of a series, in UTC, with its zone for display."""

    original_start_utc: datetime
    start_utc: datetime
    end_utc: datetime
    tz: str
    moved: bool = False

    @property
    def start_local(self) -> datetime:
        return self.start_utc.astimezone(get_zone(self.tz))

    @property
    def end_local(self) -> datetime:
        return self.end_utc.astimezone(get_zone(self.tz))


class _Series:
    """A SeriesSpec made ready to expand."""

    def __init__(self, spec: SeriesSpec) -> None:
        self.spec = spec
        self.zone = get_zone(spec.tz)
        self.duration = timedelta(minutes=spec.duration_min)
        end = spec.ended_after_utc
        self.ended = _as_utc(end, "The series end") if end is not None else None
        self.info = _compile(spec.rrule, spec.start_local, self.zone) if spec.rrule else None

    def walls(self, from_wall: datetime) -> Iterator[datetime]:
        """Rule wall times at or after `from_wall`, in order."""
        if self.info is None:
            if self.spec.start_local >= from_wall:
                yield self.spec.start_local
            return
        # dateutil walks from DTSTART: bounded, and never finer than a day
        for steps, wall in enumerate(self.info.rule):
            if steps >= MAX_STEPS:
                return
            if wall >= from_wall:
                yield wall

    def originals(self, lo: datetime, hi: datetime) -> Iterator[datetime]:
        """Original UTC starts in about [lo, hi) (padded by a day; callers filter exactly)."""
        last = _wall(hi, self.zone) + _PAD
        seen: set[datetime] = set()
        for wall in self.walls(_wall(lo, self.zone) - _PAD):
            if wall > last:
                return
            instant = localise(wall, self.zone)
            if instant in seen or (self.ended is not None and instant >= self.ended):
                continue
            seen.add(instant)
            yield instant

    def has_original(self, instant: datetime) -> bool:
        return any(o == instant for o in self.originals(instant, instant))

    def make(self, original: datetime, start: datetime | None = None) -> Occurrence:
        begin = original if start is None else start
        return Occurrence(original, begin, begin + self.duration, self.spec.tz, start is not None)


def _index(changes: Iterable[OccurrenceChange]) -> dict[datetime, OccurrenceChange]:
    index: dict[datetime, OccurrenceChange] = {}
    for change in changes:  # a later change to the same occurrence wins
        index[change.original_start_utc] = change
    return index


def effective_changes(
    spec: SeriesSpec, changes: Iterable[OccurrenceChange]
) -> list[OccurrenceChange]:
    """The changes that apply to a real occurrence of `spec` (last one per occurrence wins)."""
    series = _Series(spec)
    index = _index(changes)
    return [c for key, c in sorted(index.items()) if series.has_original(key)]


def occurrences(
    spec: SeriesSpec,
    changes: Iterable[OccurrenceChange] = (),
    *,
    start_utc: datetime,
    end_utc: datetime,
    limit: int = 500,
) -> list[Occurrence]:
    """Occurrences starting in [start_utc, end_utc), skips removed, moves relocated, sorted."""
    lo, hi = _as_utc(start_utc, "The window start"), _as_utc(end_utc, "The window end")
    series = _Series(spec)
    index = _index(changes)
    found: list[Occurrence] = []
    for original in series.originals(lo, hi):
        if original not in index and lo <= original < hi:
            found.append(series.make(original))
            if len(found) >= limit + len(index):
                break
    for original, change in index.items():
        new = change.new_start_utc
        if new is not None and lo <= new < hi and series.has_original(original):
            found.append(series.make(original, new))
    found.sort(key=lambda o: (o.start_utc, o.original_start_utc))
    return found[: max(limit, 0)]


def next_occurrences(
    spec: SeriesSpec, changes: Iterable[OccurrenceChange], *, after_utc: datetime, count: int
) -> list[Occurrence]:
    """The next `count` occurrences starting strictly after `after_utc`."""
    after = _as_utc(after_utc, "The 'after' time")
    if count <= 0:
        return []
    series = _Series(spec)
    index = _index(changes)
    found: list[Occurrence] = []
    plain = 0
    for wall in series.walls(_wall(after, series.zone) - _PAD):
        original = localise(wall, series.zone)
        if series.ended is not None and original >= series.ended:
            break
        if original > after and original not in index:
            found.append(series.make(original))
            plain += 1
            if plain >= count:
                break
    for original, change in index.items():
        new = change.new_start_utc
        if new is not None and new > after and series.has_original(original):
            found.append(series.make(original, new))
    found.sort(key=lambda o: (o.start_utc, o.original_start_utc))
    return found[:count]


def first_start_local(spec: SeriesSpec) -> datetime:
    """The wall time of the first occurrence (DTSTART for calendars; the rule may skip start)."""
    series = _Series(spec)
    first = next(series.walls(spec.start_local), None)
    if first is None:
        raise ScheduleError(f"The rule produces no occurrences: {spec.rrule!r}")
    return first


def validate_spec(spec: SeriesSpec) -> None:
    """Raise ScheduleError for a bad zone, start, duration, rule, or an end before the start."""
    zone = get_zone(spec.tz)
    if not isinstance(spec.start_local, datetime) or spec.start_local.tzinfo is not None:
        raise ScheduleError(f"The start must be a wall-clock time without zone: {spec.start_local}")
    if not isinstance(spec.duration_min, int) or not 0 < spec.duration_min <= 24 * 60:
        raise ScheduleError(f"Duration must be 1 to 1440 minutes, got {spec.duration_min!r}")
    if spec.rrule is not None:
        validate_rrule(spec.rrule, spec.start_local, tz=spec.tz)
    if spec.ended_after_utc is not None:
        ended = _as_utc(spec.ended_after_utc, "The series end")
        first = localise(first_start_local(spec), zone)
        if ended <= first:
            raise ScheduleError(
                f"The series ends ({_wall(ended, zone):%Y-%m-%d %H:%M}) before its first "
                f"interview ({_wall(first, zone):%Y-%m-%d %H:%M}, {spec.tz})"
            )


def export_rrule(spec: SeriesSpec) -> str | None:
    """The rule as calendars want it: UNTIL in UTC ("...Z"), the series end folded in."""
    series = _Series(spec)
    if series.info is None:
        return None
    info = series.info
    body = ";".join(f"{k}={v}" for k, v in info.parts)
    until = localise(info.until_wall, series.zone) if info.until_wall else None
    if series.ended is not None:
        last = None
        for wall in series.walls(spec.start_local):
            instant = localise(wall, series.zone)
            if instant >= series.ended:
                break
            last = instant
        until = last if until is None or (last is not None and last < until) else until
    if until is not None:
        return f"{body};UNTIL={until:%Y%m%dT%H%M%S}Z"
    return f"{body};COUNT={info.count}" if info.count is not None else body


def find_original(
    spec: SeriesSpec, changes: Iterable[OccurrenceChange], on_local_date: date
) -> datetime:
    """original_start_utc of the interview shown on that local date (for skip/move)."""
    series = _Series(spec)
    changes = list(changes)
    index = _index(changes)
    day = datetime.combine(on_local_date, time())
    lo, hi = localise(day, series.zone), localise(day + timedelta(days=1), series.zone)
    for occ in occurrences(spec, changes, start_utc=lo - _PAD, end_utc=hi + _PAD):
        if occ.start_local.date() == on_local_date:
            return occ.original_start_utc
    skipped = False
    for original in series.originals(lo, hi):
        if original.astimezone(series.zone).date() != on_local_date:
            continue
        change = index.get(original)
        if change is not None and change.kind == "move":
            return original  # moved away from this date: the user names it by its old date
        skipped = skipped or change is not None
    note = " (it was skipped)" if skipped else ""
    raise ScheduleError(f"No interview of this series on {on_local_date.isoformat()}{note}")


def overlaps(a: list[Occurrence], b: list[Occurrence]) -> list[tuple[Occurrence, Occurrence]]:
    """Pairs (x from a, y from b) whose times overlap; back-to-back meetings do not."""
    same = a is b
    left = sorted(a, key=lambda o: o.start_utc)
    right = left if same else sorted(b, key=lambda o: o.start_utc)
    pairs: list[tuple[Occurrence, Occurrence]] = []
    for i, x in enumerate(left):
        for j in range(i + 1 if same else 0, len(right)):
            y = right[j]
            if y.start_utc >= x.end_utc:
                break
            if y.end_utc > x.start_utc and y is not x:
                pairs.append((x, y))
    return pairs


def cadence_days(spec: SeriesSpec) -> float | None:
    """Typical days between meetings (mean over up to 25 of them); None for a single meeting."""
    series = _Series(spec)
    if series.info is None:
        return None
    walls: list[datetime] = []
    for wall in series.walls(spec.start_local):
        walls.append(wall)
        if len(walls) >= 25:
            break
    if len(walls) < 2:
        return None
    return (walls[-1] - walls[0]).total_seconds() / 86400 / (len(walls) - 1)
