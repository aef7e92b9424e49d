"""Cadence health: customers overdue for an interview, personas and touchpoints not heard lately.

A customer's cadence is Customer.cadence_days, else the shortest cadence of their series that
still has meetings ahead; their last interview is the newest Interview.recorded_at. A persona
is "heard" through interviews with its customers, a touchpoint through highlights tagged with
it (dated by their interview). Mixed into SchedulingService.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func
from sqlmodel import col, select

from desktop_app.domain.cadence import Coverage, CustomerCadence, Overdue, coverage, overdue
from desktop_app.domain.recurrence import cadence_days
from desktop_app.services.scheduling_status import OccurrenceRow, SeriesInfo
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    Interview,
    Persona,
    Touchpoint,
)
from desktop_app.storage.types import UTCDateTime

BUCKETS_DAYS = (30, 90, 180)
BOOKED_WINDOW = timedelta(days=366)


def overdue_json(o: Overdue) -> dict[str, Any]:
    """One line of `closer overdue --json`."""
    return {"customer_id": o.customer_id, "customer": o.name,
            "cadence_days": round(o.cadence_days, 1),
            "last_interview": None if o.never_interviewed else o.since_utc.isoformat(),
            "days_overdue": o.whole_days_overdue,
            "booked_for": o.booked_utc.isoformat() if o.booked_utc else None}


def _latest(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return UTCDateTime().process_result_value(value, None)
    return UTCDateTime().process_result_value(datetime.fromisoformat(str(value)), None)


class HealthMixin:
    """Who we owe a conversation, and what nobody has talked about lately."""

    _engine: Engine

    def now(self) -> datetime:  # provided by SchedulingService
        raise NotImplementedError

    def all_series(self, *, customer_id: int | None = None) -> list[SeriesInfo]:
        raise NotImplementedError

    def is_active(self, info: SeriesInfo, now_utc: datetime | None = None) -> bool:
        raise NotImplementedError

    def occurrences(self, start_utc: datetime, end_utc: datetime, *,
                    series_id: int | None = None, customer_id: int | None = None,
                    now_utc: datetime | None = None) -> list[OccurrenceRow]:
        raise NotImplementedError

    def next_booked(self, now_utc: datetime | None = None) -> dict[int, datetime]:
        """Customer id -> start of their next planned interview (within a year)."""
        now = now_utc or self.now()
        found: dict[int, datetime] = {}
        for row in self.occurrences(now, now + BOOKED_WINDOW, now_utc=now):
            if row.interview_id is None and row.customer_id not in found:
                found[row.customer_id] = row.start_utc
        return found

    def series_cadences(self, now_utc: datetime | None = None) -> dict[int, float]:
        """Customer id -> days between meetings of their shortest active series."""
        now = now_utc or self.now()
        found: dict[int, float] = {}
        for info in self.all_series():
            days = cadence_days(info.spec)
            if days and self.is_active(info, now):
                found[info.customer_id] = min(days, found.get(info.customer_id, days))
        return found

    def customer_cadences(self, now_utc: datetime | None = None) -> list[CustomerCadence]:
        now = now_utc or self.now()
        from_series = self.series_cadences(now)
        booked = self.next_booked(now)
        with session_scope(self._engine) as s:
            customers = s.exec(select(Customer).order_by(Customer.name)).all()
            last = {cid: _latest(when) for cid, when in s.exec(
                select(Interview.customer_id, func.max(Interview.recorded_at))
                .where(Interview.recorded_at <= now).group_by(Interview.customer_id))}
            return [CustomerCadence(c.id or 0, c.name,
                                    float(c.cadence_days) if c.cadence_days
                                    else from_series.get(c.id or 0),
                                    last.get(c.id), c.created_at, booked.get(c.id or 0))
                    for c in customers]

    def overdue(self, now_utc: datetime | None = None) -> list[Overdue]:
        """Customers past their cadence, most overdue first."""
        now = now_utc or self.now()
        return overdue(self.customer_cadences(now), now_utc=now)

    def persona_coverage(self, now_utc: datetime | None = None) -> list[Coverage]:
        """Per persona: when we last interviewed one of its customers (stalest first)."""
        now = now_utc or self.now()
        with session_scope(self._engine) as s:
            q = (select(Persona.name, func.max(Interview.recorded_at))
                 .select_from(Persona)
                 .join(Customer, col(Customer.persona_id) == Persona.id, isouter=True)
                 .join(Interview, and_(col(Interview.customer_id) == Customer.id,
                                       col(Interview.recorded_at) <= now), isouter=True)
                 .group_by(col(Persona.id)))
            items = [(name, _latest(when)) for name, when in s.exec(q)]
        return coverage(items, now_utc=now, buckets_days=BUCKETS_DAYS)

    def touchpoint_coverage(self, now_utc: datetime | None = None) -> list[Coverage]:
        """Per touchpoint: the newest interview with a highlight tagged with it."""
        now = now_utc or self.now()
        with session_scope(self._engine) as s:
            q = (select(Touchpoint.name, func.max(Interview.recorded_at))
                 .select_from(Touchpoint)
                 .join(HighlightTouchpoint,
                       col(HighlightTouchpoint.touchpoint_id) == Touchpoint.id, isouter=True)
                 .join(Highlight, col(Highlight.id) == HighlightTouchpoint.highlight_id,
                       isouter=True)
                 .join(Interview, and_(col(Interview.id) == Highlight.interview_id,
                                       col(Interview.recorded_at) <= now), isouter=True)
                 .group_by(col(Touchpoint.id)))
            items = [(name, _latest(when)) for name, when in s.exec(q)]
        return coverage(items, now_utc=now, buckets_days=BUCKETS_DAYS)
