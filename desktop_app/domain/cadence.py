"""Who is overdue for an interview, and which personas/touchpoints nobody has heard about lately.

Pure rules over plain values with an explicit clock (`now_utc`), so they are easy to test and
the UI can show "Acme: 12 days overdue" or "Returns: nothing heard in 180+ days".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.errors import ValidationError

_DAY = 86400.0


def _utc_seconds(value: datetime, what: str) -> float:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{what} must be a time with a zone, got {value!r}")
    return value.timestamp()


@dataclass(frozen=True)
class CustomerCadence:
    """How often we mean to talk to a customer (None = not tracked) and when we last did."""

    customer_id: int
    name: str
    cadence_days: float | None
    last_interview_utc: datetime | None
    created_utc: datetime
    next_booked_utc: datetime | None = None  # the next planned interview, if one is booked


@dataclass(frozen=True)
class Overdue:
    """A customer whose next interview is past due."""

    customer_id: int
    name: str
    cadence_days: float
    since_utc: datetime  # the last interview, or when the customer was added
    never_interviewed: bool
    days_overdue: float
    whole_days_overdue: int  # days_overdue rounded down, for display
    booked_utc: datetime | None = None  # the next interview is already booked for then


def overdue(customers: Iterable[CustomerCadence], *, now_utc: datetime) -> list[Overdue]:
    """Customers past their cadence, most overdue first (never interviewed: from creation)."""
    now = _utc_seconds(now_utc, "now")
    result: list[Overdue] = []
    for c in customers:
        if c.cadence_days is None:
            continue
        if c.cadence_days <= 0:
            raise ValidationError(f"Cadence for {c.name!r} must be positive, got {c.cadence_days}")
        since = c.last_interview_utc or c.created_utc
        late = (now - _utc_seconds(since, f"Last contact with {c.name!r}")) / _DAY - c.cadence_days
        if late > 0:
            result.append(
                Overdue(
                    customer_id=c.customer_id,
                    name=c.name,
                    cadence_days=c.cadence_days,
                    since_utc=since,
                    never_interviewed=c.last_interview_utc is None,
                    days_overdue=late,
                    whole_days_overdue=math.floor(late),
                    booked_utc=c.next_booked_utc,
                )
            )
    result.sort(key=lambda o: (-o.days_overdue, o.name.casefold(), o.customer_id))
    return result


@dataclass(frozen=True)
class Coverage:
    """When we last heard about `key`, and in which age bucket that falls."""

    key: str
    last_utc: datetime | None
    days_since: float | None
    bucket_days: int | None  # smallest bucket holding the age; None = older than all / never
    heard_lately: bool  # within the first (shortest) bucket


def coverage(
    items: Iterable[tuple[str, datetime | None]],
    *,
    now_utc: datetime,
    buckets_days: Sequence[int] = (30, 90, 180),
) -> list[Coverage]:
    """One entry per key with its most recent time, stalest first (never heard of: first).

    Pass (key, None) for a persona/touchpoint with no interview at all so it still shows up.
    """
    buckets = tuple(buckets_days)
    if not buckets or any(b <= 0 for b in buckets) or list(buckets) != sorted(set(buckets)):
        raise ValidationError(f"Buckets must be increasing positive day counts, got {buckets}")
    now = _utc_seconds(now_utc, "now")
    latest: dict[str, datetime | None] = {}
    for key, when in items:
        if when is not None:
            _utc_seconds(when, f"Time for {key!r}")
        prev = latest.get(key)
        if key not in latest or (when is not None and (prev is None or when > prev)):
            latest[key] = when
    result: list[Coverage] = []
    for key, when in latest.items():
        age = None if when is None else max(0.0, (now - when.timestamp()) / _DAY)
        bucket = None if age is None else next((b for b in buckets if age <= b), None)
        lately = age is not None and age <= buckets[0]
        result.append(Coverage(key, when, age, bucket, lately))
    result.sort(key=lambda c: (c.days_since is not None, -(c.days_since or 0.0), c.key))
    return result
