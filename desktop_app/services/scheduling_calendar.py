""".ics export/import of interview series and mailto: invitations (mixed into SchedulingService).

Import reads every event first, matches each to a customer (the one given, or the customer
whose e-mail is an attendee's), checks every series, and only then writes them all in one
transaction: a bad event leaves the library as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.recurrence import (
    Occurrence,
    OccurrenceChange,
    ScheduleError,
    effective_changes,
    get_zone,
    next_occurrences,
)
from desktop_app.services import scheduling_checks as checks
from desktop_app.services.ics import (
    ImportedEvent,
    mailto_invitation,
    occurrence_to_ics,
    parse_ics,
    series_to_ics,
)
from desktop_app.services.scheduling_status import (
    OccurrenceRow,
    SeriesDraft,
    SeriesInfo,
    utc_key,
)
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Customer, InterviewSeries, SeriesChange

_EMAIL_RE = re.compile(r"^[^@\s<>\"',;:]+@[^@\s<>\"',;:]+\.[^@\s<>\"',;:]+$")
_LINK_RE = re.compile(r"^(https?://|www\.)|zoom\.us|meet\.google|teams\.microsoft", re.I)
_TEXT = {
    "en": {"summary": "Customer interview: {0}", "channel": "Channel", "where": "Where",
           "who": "Interviewers", "guide": "Interview guide"},
    "ru": {"summary": "Интервью с клиентом: {0}", "channel": "Формат", "where": "Где",
           "who": "Интервьюеры", "guide": "Сценарий интервью"},
}


def invitation_language(customer_language: str) -> str:
    """Invitations go out in Russian to Russian-speaking customers, otherwise in English."""
    return "ru" if (customer_language or "").lower().startswith("ru") else "en"


def channel_for(location: str | None) -> str:
    """A guess for imported events: a link means a video call, an address a meeting."""
    if not location:
        return ""
    return "Video call" if _LINK_RE.search(location) else "In person"


@dataclass(frozen=True)
class IcsImport:
    """What `import_ics` created, and what it left out (already planned, nothing ahead)."""

    series: tuple[SeriesInfo, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Pending:
    clean: checks.CleanDraft
    changes: tuple[OccurrenceChange, ...]
    label: str


class CalendarMixin:
    """Calendar files and invitations for series."""

    _engine: Engine

    def now(self) -> datetime:  # provided by SchedulingService
        raise NotImplementedError

    def series(self, series_id: int) -> SeriesInfo:
        raise NotImplementedError

    def all_series(self, *, customer_id: int | None = None) -> list[SeriesInfo]:
        raise NotImplementedError

    def changes(self, series_id: int) -> list[OccurrenceChange]:
        raise NotImplementedError

    def occurrence(self, series_id: int, instant_utc: datetime,
                   now_utc: datetime | None = None) -> OccurrenceRow:
        raise NotImplementedError

    # --- export ----------------------------------------------------------------------------

    def _event_text(self, info: SeriesInfo) -> tuple[str, str, list[str]]:
        words = _TEXT[invitation_language(info.customer_language)]
        summary = info.title or words["summary"].format(info.customer)
        lines = []
        for key, value in (("channel", info.channel), ("where", info.location),
                           ("who", ", ".join(info.interviewers)), ("guide", info.guide)):
            if value:
                lines.append(f"{words[key]}: {value}")
        email = info.customer_email.strip()
        return summary, "\n".join(lines), [email] if _EMAIL_RE.match(email) else []

    def export_series_ics(self, series_id: int) -> bytes:
        """The whole series as a calendar file (skips as EXDATE, moves as overrides)."""
        info = self.series(series_id)
        summary, description, attendees = self._event_text(info)
        return series_to_ics(uid=f"closer-series-{info.id}@closer", summary=summary,
                             description=description, spec=info.spec,
                             changes=self.changes(series_id),
                             location=info.location or info.channel or None,
                             attendees=attendees, dtstamp_utc=self.now())

    def export_occurrence_ics(self, series_id: int, instant_utc: datetime) -> bytes:
        """One meeting of a series as a calendar file."""
        info = self.series(series_id)
        row = self.occurrence(series_id, instant_utc)
        summary, description, attendees = self._event_text(info)
        uid = f"closer-series-{info.id}-{utc_key(row.original_start_utc)}@closer"
        return occurrence_to_ics(uid=uid, summary=summary, description=description,
                                 occurrence=row.as_occurrence(),
                                 location=info.location or info.channel or None,
                                 attendees=attendees, dtstamp_utc=self.now())

    def invitation_url(self, series_id: int, instant_utc: datetime | None = None) -> str:
        """A mailto: invitation to one meeting (default: the next) in the customer's language."""
        info = self.series(series_id)
        if not info.customer_email.strip():
            raise ValidationError(f"{info.customer} has no e-mail address: add one in "
                                  f"Customers & Personas to send an invitation.")
        if instant_utc is not None:
            occ: Occurrence = self.occurrence(series_id, instant_utc).as_occurrence()
        else:
            ahead = next_occurrences(info.spec, self.changes(series_id),
                                     after_utc=self.now(), count=1)
            if not ahead:
                raise ScheduleError(f"Series {series_id} with {info.customer} has no more "
                                    f"interviews to invite to.")
            occ = ahead[0]
        return mailto_invitation(
            email=info.customer_email, customer_name=info.customer, start_local=occ.start_local,
            duration_min=round((occ.end_utc - occ.start_utc).total_seconds() / 60),
            link_or_place=info.location or info.channel,
            language=invitation_language(info.customer_language))

    # --- import ----------------------------------------------------------------------------

    def import_ics(self, data: bytes, *, customer_id: int | None = None) -> IcsImport:
        """Create one series per calendar event (recurring or not); all or nothing."""
        events = parse_ics(data)
        if not events:
            raise ScheduleError("The calendar file has no events to import.")
        masters = [e for e in events if e.recurrence_id_utc is None]
        uids = {e.uid for e in masters if e.uid}
        orphans = [e for e in events if e.recurrence_id_utc is not None and e.uid not in uids]
        customers = self._customers_by_email(customer_id)
        pending: list[_Pending] = []
        for event in masters + orphans:
            overrides = [e for e in events if e.recurrence_id_utc is not None
                         and e.uid and e.uid == event.uid and event.recurrence_id_utc is None]
            cid = customer_id if customer_id is not None else self._match(event, customers)
            pending.append(self._pending(event, overrides, cid))
        return self._store(pending)

    def _customers_by_email(self, customer_id: int | None) -> dict[str, int]:
        with session_scope(self._engine) as s:
            if customer_id is not None:
                if s.get(Customer, customer_id) is None:
                    raise NotFoundError(f"The customer with id {customer_id} does not exist.")
                return {}
            return {c.email.strip().casefold(): c.id or 0
                    for c in s.exec(select(Customer)) if c.email.strip()}

    @staticmethod
    def _match(event: ImportedEvent, customers: dict[str, int]) -> int:
        for address in event.attendees:
            found = customers.get(address.strip().casefold())
            if found:
                return found
        who = ", ".join(event.attendees) or "no attendees"
        raise ScheduleError(f"No customer has the e-mail of an attendee of "
                            f"'{event.summary or event.uid}' ({who}): choose the customer.")

    @staticmethod
    def _pending(event: ImportedEvent, overrides: Sequence[ImportedEvent],
                 customer_id: int) -> _Pending:
        label = event.summary or event.uid or "an event"
        minutes = round((event.end_utc - event.start_utc).total_seconds() / 60)
        if not 0 < minutes <= 1440:
            raise ScheduleError(f"The event '{label}' lasts {minutes} minutes: an interview "
                                f"must last 1 to 1440 minutes.")
        zone = get_zone(event.tz)
        wall = event.start_utc.astimezone(zone).replace(tzinfo=None)
        draft = SeriesDraft(customer_id=customer_id, start_local=wall, tz=zone.key,
                            duration_min=minutes, rrule=event.rrule,
                            channel=channel_for(event.location), location=event.location or "",
                            title=" ".join(event.summary.split())[:200])
        try:
            clean = checks.clean_draft(draft)
        except ScheduleError as exc:
            raise ScheduleError(f"The event '{label}' cannot be imported: {exc}") from None
        changes = [OccurrenceChange(x, "skip") for x in event.exdates_utc]
        changes += [OccurrenceChange(o.recurrence_id_utc, "move", o.start_utc)
                    for o in overrides if o.recurrence_id_utc is not None]
        kept = effective_changes(clean.spec, changes) if clean.spec.rrule else []
        return _Pending(clean, tuple(kept), label)

    def _store(self, pending: list[_Pending]) -> IcsImport:
        existing = {(i.customer_id, i.start_local, i.tz, i.rrule) for i in self.all_series()}
        now = self.now()
        warnings: list[str] = []
        created: list[int] = []
        with session_scope(self._engine) as s:
            for item in pending:
                spec = item.clean.spec
                key = (item.clean.customer_id, spec.start_local, spec.tz, spec.rrule)
                if key in existing:
                    warnings.append(f"'{item.label}' is already in the schedule: left as it is.")
                    continue
                existing.add(key)
                if not next_occurrences(spec, item.changes, after_utc=now, count=1):
                    warnings.append(f"'{item.label}' has no interviews after now.")
                row = InterviewSeries(customer_id=item.clean.customer_id, start_local="", tz="")
                self._write(row, item.clean)
                s.add(row)
                s.flush()
                assert row.id is not None
                for c in item.changes:
                    s.add(SeriesChange(series_id=row.id, original_start=c.original_start_utc,
                                       kind=c.kind, new_start=c.new_start_utc))
                created.append(row.id)
        return IcsImport(tuple(self.series(i) for i in created), tuple(warnings))

    @staticmethod
    def _write(row: InterviewSeries, clean: checks.CleanDraft) -> None:
        raise NotImplementedError
