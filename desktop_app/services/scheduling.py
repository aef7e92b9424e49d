"""Interview series per customer: plan, list with status, skip/move/end, link interviews, guides.

Times are stored as the series' wall-clock start plus its IANA zone (so a weekly 10:00 stays
10:00 across DST) and every instant that goes in or out is aware UTC. Everything a user typed
is validated before the first write, so a rejected command leaves the library untouched. The
clock is injected (`clock` returns aware UTC now), so statuses and "next" are testable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.recurrence import (
    Occurrence,
    OccurrenceChange,
    ScheduleError,
    SeriesSpec,
    effective_changes,
    find_original,
    first_start_local,
    get_zone,
    localise,
    next_occurrences,
    occurrences,
)
from desktop_app.services import scheduling_checks as checks
from desktop_app.services.consent import expired_by_customer
from desktop_app.services.scheduling_calendar import CalendarMixin, IcsImport
from desktop_app.services.scheduling_guides import GuidesMixin
from desktop_app.services.scheduling_health import HealthMixin, overdue_json
from desktop_app.services.scheduling_status import (
    GuideInfo,
    OccurrenceRow,
    SeriesDraft,
    SeriesInfo,
    SeriesPlan,
    occurrence_status,
)
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Interview,
    InterviewGuide,
    InterviewSeries,
    Persona,
    SeriesChange,
)
from desktop_app.storage.types import utcnow

Clock = Callable[[], datetime]
__all__ = ["Clock", "GuideInfo", "IcsImport", "OccurrenceRow", "SchedulingService",
           "SeriesDraft", "SeriesInfo", "SeriesPlan", "overdue_json"]
_DAY = timedelta(days=1)


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{what} must be a time with a zone, got {value!r}")
    return value.astimezone(UTC)


def _info(row: InterviewSeries, c: Customer, p: Persona | None,
          g: InterviewGuide | None) -> SeriesInfo:
    assert row.id is not None
    return SeriesInfo(
        id=row.id, customer_id=row.customer_id, customer=c.name, persona=p.name if p else "",
        title=row.title, start_local=datetime.strptime(row.start_local, "%Y-%m-%dT%H:%M"),
        tz=row.tz, duration_min=row.duration_min, rrule=row.rrule,
        interviewers=tuple(n.strip() for n in row.interviewers.split(",") if n.strip()),
        channel=row.channel, location=row.location, guide_id=row.guide_id,
        guide=g.name if g else "", ended_at=row.ended_at, customer_email=c.email,
        customer_language=c.language)


class SchedulingService(GuidesMixin, HealthMixin, CalendarMixin):
    """Recurring customer interviews over the library database (no Qt, clock injected)."""

    def __init__(self, engine: Engine, *, clock: Clock = utcnow) -> None:
        self._engine = engine
        self._clock = clock

    @property
    def engine(self) -> Engine:
        return self._engine

    def now(self) -> datetime:
        return _aware(self._clock(), "The clock")

    # --- series ----------------------------------------------------------------------------

    def preview(self, draft: SeriesDraft, *, series_id: int | None = None,
                count: int = 5) -> SeriesPlan:
        """Validate a draft without saving: its next `count` meetings and warnings."""
        clean = checks.clean_draft(draft)
        return self._plan(clean, series_id, count)

    def add_series(self, draft: SeriesDraft) -> SeriesPlan:
        """Plan a new series; refused (nothing saved) when invalid or with nothing ahead."""
        clean = checks.clean_draft(draft)
        plan = self._plan(clean, None, 5)
        if not plan.next:
            raise ScheduleError("This series has no interviews after now: change the start "
                                "or the end of the recurrence.")
        with session_scope(self._engine) as s:
            row = InterviewSeries(customer_id=clean.customer_id, start_local="", tz="")
            self._write(row, clean)
            s.add(row)
            s.flush()
            assert row.id is not None
            return SeriesPlan(row.id, plan.next, plan.warnings)

    def update_series(self, series_id: int, draft: SeriesDraft) -> SeriesPlan:
        """Re-plan a series; skips and moves that no longer match a meeting are dropped."""
        clean = checks.clean_draft(draft)
        plan = self._plan(clean, series_id, 5)
        with session_scope(self._engine) as s:
            row = self._series_row(s, series_id)
            self._write(row, clean)
            spec = SeriesSpec(clean.spec.start_local, clean.spec.tz, clean.spec.duration_min,
                              clean.spec.rrule, row.ended_at)
            changes = s.exec(select(SeriesChange).where(SeriesChange.series_id == series_id)).all()
            keep = {c.original_start_utc for c in effective_changes(spec, map(_change, changes))}
            for change in changes:
                if change.original_start not in keep:
                    s.delete(change)
            s.add(row)
        return SeriesPlan(series_id, plan.next, plan.warnings)

    def delete_series(self, series_id: int) -> None:
        with session_scope(self._engine) as s:
            s.delete(self._series_row(s, series_id))

    def series(self, series_id: int) -> SeriesInfo:
        found = self._load([series_id])
        if not found:
            raise NotFoundError(f"Interview series {series_id} does not exist.")
        return found[0]

    def all_series(self, *, customer_id: int | None = None) -> list[SeriesInfo]:
        rows = self._load(None)
        return [r for r in rows if customer_id is None or r.customer_id == customer_id]

    def is_active(self, info: SeriesInfo, now_utc: datetime | None = None) -> bool:
        """True while the series still has a meeting ahead."""
        now = now_utc or self.now()
        return bool(next_occurrences(info.spec, self._changes([info.id])[info.id],
                                     after_utc=now, count=1))

    def changes(self, series_id: int) -> list[OccurrenceChange]:
        return self._changes([series_id])[series_id]

    def next_occurrences(self, series_id: int, count: int = 5,
                         after_utc: datetime | None = None) -> list[Occurrence]:
        info = self.series(series_id)
        after = _aware(after_utc, "The 'after' time") if after_utc else self.now()
        return next_occurrences(info.spec, self.changes(series_id), after_utc=after, count=count)

    def occurrences(self, start_utc: datetime, end_utc: datetime, *,
                    series_id: int | None = None, customer_id: int | None = None,
                    now_utc: datetime | None = None) -> list[OccurrenceRow]:
        """Every meeting starting in [start_utc, end_utc), with its status, by start time."""
        lo, hi = _aware(start_utc, "The window start"), _aware(end_utc, "The window end")
        now = _aware(now_utc, "now") if now_utc else self.now()
        infos = self._load([series_id] if series_id is not None else None)
        infos = [i for i in infos if customer_id is None or i.customer_id == customer_id]
        ids = [i.id for i in infos]
        changes = self._changes(ids)
        linked = self._linked(ids)
        rows: list[OccurrenceRow] = []
        for info in infos:
            for occ in occurrences(info.spec, changes[info.id], start_utc=lo, end_utc=hi,
                                   limit=2000):
                found = linked.get((info.id, occ.original_start_utc), [])
                rows.append(OccurrenceRow(
                    series_id=info.id, customer_id=info.customer_id, customer=info.customer,
                    persona=info.persona, title=info.title,
                    original_start_utc=occ.original_start_utc, start_utc=occ.start_utc,
                    end_utc=occ.end_utc, tz=info.tz, moved=occ.moved,
                    status=occurrence_status(occ.end_utc, now, [st for _, st in found]),
                    interview_id=found[-1][0] if found else None, channel=info.channel,
                    location=info.location, interviewers=info.interviewers))
        rows.sort(key=lambda r: (r.start_utc, r.customer.casefold(), r.series_id))
        return self._mark_reconsent(rows, now)

    def _mark_reconsent(self, rows: list[OccurrenceRow], now: datetime) -> list[OccurrenceRow]:
        """The next meeting of a customer whose consent ran out offers a re-consent."""
        if not rows:
            return rows
        with session_scope(self._engine) as s:
            expired = expired_by_customer(s, {r.customer_id for r in rows}, now)
        marked: set[int] = set()
        out = []
        for r in rows:
            if (r.customer_id in expired and r.customer_id not in marked
                    and r.end_utc > now and r.interview_id is None):
                marked.add(r.customer_id)
                r = replace(r, renew_consent=expired[r.customer_id])
            out.append(r)
        return out

    def occurrence(self, series_id: int, instant_utc: datetime,
                   now_utc: datetime | None = None) -> OccurrenceRow:
        """The meeting identified by its original start (or found at its current start)."""
        original = self._resolve(self.series(series_id), _aware(instant_utc, "The time"))
        for row in self.occurrences(original - 400 * _DAY, original + 400 * _DAY,
                                    series_id=series_id, now_utc=now_utc):
            if row.original_start_utc == original:
                return row
        raise ScheduleError(f"Series {series_id} has no interview at {original:%Y-%m-%d %H:%M} "
                            f"UTC")

    # --- single meetings and the end -------------------------------------------------------

    def skip(self, series_id: int, on_local_date: date) -> datetime:
        """Skip the meeting shown on that date (series zone); returns its original start."""
        info = self.series(series_id)
        original = find_original(info.spec, self.changes(series_id), on_local_date)
        self._set_change(series_id, original, "skip", None)
        return original

    def skip_occurrence(self, series_id: int, instant_utc: datetime) -> datetime:
        original = self._resolve(self.series(series_id), _aware(instant_utc, "The time"))
        self._set_change(series_id, original, "skip", None)
        return original

    def move(self, series_id: int, on_local_date: date, to_local: str | datetime) -> datetime:
        """Move the meeting shown on a date to a new wall time (series zone); new UTC start."""
        info = self.series(series_id)
        original = find_original(info.spec, self.changes(series_id), on_local_date)
        return self.move_occurrence(series_id, original, to_local)

    def move_occurrence(self, series_id: int, instant_utc: datetime,
                        to: str | datetime) -> datetime:
        """Move one meeting; `to` is a wall time in the series zone or an aware instant."""
        info = self.series(series_id)
        original = self._resolve(info, _aware(instant_utc, "The time"))
        if isinstance(to, datetime) and to.tzinfo is not None:
            new = _aware(to, "The new start")
        else:
            wall = checks.read_wall(to, "The new start time")
            checks.check_wall_time(wall, info.tz, "The new start time")
            new = localise(wall, get_zone(info.tz))
        if new == original:
            self._set_change(series_id, original, None, None)
        else:
            self._set_change(series_id, original, "move", new)
        return new

    def end_series(self, series_id: int, *, after: date | None = None) -> datetime:
        """End a series now, or after a date (series zone): nothing later takes place."""
        info = self.series(series_id)
        zone = get_zone(info.tz)
        now = self.now()
        ended = localise(datetime.combine(after + _DAY, time()), zone) if after else now
        when = f"after {after.isoformat()}" if after else "after now"
        if info.ended_at is not None and info.ended_at <= ended:
            raise ScheduleError(f"Series {series_id} with {info.customer} already ended "
                                f"({info.ended_at.astimezone(zone):%Y-%m-%d %H:%M} {info.tz}).")
        first = localise(first_start_local(info.spec), zone)
        if ended <= first:
            raise ScheduleError(
                f"Series {series_id} with {info.customer} cannot end {when}: its first "
                f"interview is {first.astimezone(zone):%Y-%m-%d %H:%M} ({info.tz}). Delete the "
                f"series instead.")
        ahead = next_occurrences(info.spec, self.changes(series_id),
                                 after_utc=ended - timedelta(seconds=1), count=1)
        if not ahead:
            raise ScheduleError(f"Series {series_id} with {info.customer} has no interviews "
                                f"{when}: there is nothing to end.")
        with session_scope(self._engine) as s:
            row = self._series_row(s, series_id)
            row.ended_at = ended
            s.add(row)
        return ended

    def attach_interview(self, series_id: int, occurrence_start_utc: datetime,
                         interview_id: int) -> None:
        """Link a recorded/imported interview to one meeting of a series (sets its status)."""
        info = self.series(series_id)
        original = self._resolve(info, _aware(occurrence_start_utc, "The meeting time"))
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            if iv.customer_id != info.customer_id:
                other = s.get(Customer, iv.customer_id)
                raise ValidationError(
                    f"Interview {interview_id} is with {other.name if other else '?'}, not with "
                    f"{info.customer}: it cannot be linked to that series.")
            iv.series_id, iv.occurrence_start = series_id, original
            s.add(iv)

    # --- internals -------------------------------------------------------------------------

    def _plan(self, clean: checks.CleanDraft, series_id: int | None, count: int) -> SeriesPlan:
        with session_scope(self._engine) as s:
            customer = s.get(Customer, clean.customer_id)
            if customer is None:
                raise NotFoundError(f"The customer with id {clean.customer_id} does not exist.")
            if clean.guide_id is not None and s.get(InterviewGuide, clean.guide_id) is None:
                raise NotFoundError(f"Interview guide {clean.guide_id} does not exist.")
            name = customer.name
        now = self.now()
        changes = self.changes(series_id) if series_id is not None else []
        nxt = next_occurrences(clean.spec, changes, after_utc=now, count=count)
        lo = max(now, localise(clean.spec.start_local, get_zone(clean.spec.tz)) - _DAY)
        mine = checks.window_occurrences(clean.spec, changes, lo)
        warnings = checks.dst_warnings(clean.spec, mine)
        if clean.interviewers:
            others = [i for i in self._load(None) if i.id != series_id]
            all_changes = self._changes([i.id for i in others])
            pairs = [(i, checks.window_occurrences(i.spec, all_changes[i.id], lo))
                     for i in others]
            warnings += checks.clash_warnings(name, clean.interviewers, mine, pairs)
        return SeriesPlan(series_id, tuple(nxt), tuple(checks.limit_warnings(warnings)))

    @staticmethod
    def _write(row: InterviewSeries, clean: checks.CleanDraft) -> None:
        row.customer_id = clean.customer_id
        row.start_local = clean.spec.start_local.strftime("%Y-%m-%dT%H:%M")
        row.tz = clean.spec.tz
        row.duration_min = clean.spec.duration_min
        row.rrule = clean.spec.rrule
        row.interviewers = ", ".join(clean.interviewers)
        row.channel, row.location = clean.channel, clean.location
        row.guide_id, row.title = clean.guide_id, clean.title

    @staticmethod
    def _series_row(s: Session, series_id: int) -> InterviewSeries:
        row = s.get(InterviewSeries, series_id)
        if row is None:
            raise NotFoundError(f"Interview series {series_id} does not exist.")
        return row

    def _load(self, ids: Iterable[int] | None) -> list[SeriesInfo]:
        with session_scope(self._engine) as s:
            q = (select(InterviewSeries, Customer, Persona, InterviewGuide)
                 .join(Customer, col(Customer.id) == InterviewSeries.customer_id)
                 .join(Persona, col(Persona.id) == Customer.persona_id, isouter=True)
                 .join(InterviewGuide, col(InterviewGuide.id) == InterviewSeries.guide_id,
                       isouter=True)
                 .order_by(col(InterviewSeries.id)))
            if ids is not None:
                q = q.where(col(InterviewSeries.id).in_(list(ids)))
            return [_info(*r) for r in s.exec(q)]

    def _changes(self, ids: Sequence[int]) -> dict[int, list[OccurrenceChange]]:
        out: dict[int, list[OccurrenceChange]] = {i: [] for i in ids}
        if not ids:
            return out
        with session_scope(self._engine) as s:
            q = (select(SeriesChange).where(col(SeriesChange.series_id).in_(list(ids)))
                 .order_by(col(SeriesChange.id)))
            for c in s.exec(q):
                out.setdefault(c.series_id, []).append(_change(c))
        return out

    def _linked(self, ids: Sequence[int]) -> dict[tuple[int, datetime], list[tuple[int, str]]]:
        out: dict[tuple[int, datetime], list[tuple[int, str]]] = {}
        if not ids:
            return out
        with session_scope(self._engine) as s:
            q = (select(Interview.id, Interview.series_id, Interview.occurrence_start,
                        Interview.status)
                 .where(col(Interview.series_id).in_(list(ids)))
                 .where(col(Interview.occurrence_start).is_not(None))
                 .order_by(col(Interview.id)))
            for iid, sid, start, status in s.exec(q):
                out.setdefault((sid, start.astimezone(UTC)), []).append((iid, status))
        return out

    def _resolve(self, info: SeriesInfo, instant: datetime) -> datetime:
        """The original start of the meeting that started (or starts now) at `instant`."""
        changes = self.changes(info.id)
        for occ in occurrences(info.spec, changes, start_utc=instant - _DAY,
                               end_utc=instant + _DAY):
            if instant in (occ.original_start_utc, occ.start_utc):
                return occ.original_start_utc
        for c in effective_changes(info.spec, changes):
            if c.original_start_utc == instant and c.kind == "move":
                return instant
        local = instant.astimezone(get_zone(info.tz))
        raise ScheduleError(f"Series {info.id} with {info.customer} has no interview at "
                            f"{local:%Y-%m-%d %H:%M} ({info.tz}).")

    def _set_change(self, series_id: int, original: datetime, kind: str | None,
                    new: datetime | None) -> None:
        if kind is not None:
            OccurrenceChange(original, kind, new)  # validates before anything is written
        with session_scope(self._engine) as s:
            old = s.exec(select(SeriesChange).where(SeriesChange.series_id == series_id)
                         .where(SeriesChange.original_start == original)).all()
            for row in old:
                s.delete(row)
            if kind is not None:
                s.add(SeriesChange(series_id=series_id, original_start=original, kind=kind,
                                   new_start=new))


def _change(c: SeriesChange) -> OccurrenceChange:
    return OccurrenceChange(c.original_start, c.kind, c.new_start)
