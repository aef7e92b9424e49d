"""Calendar files (.ics) for interview series, reading them back, and mailto: invitations.

Export writes what Google, Outlook and Apple calendars need: a VTIMEZONE for the zone,
DTSTART;TZID, DURATION, an RRULE with UNTIL in UTC, EXDATE for skipped meetings and one
extra VEVENT with RECURRENCE-ID per moved meeting. Pure functions: no database, no clock
unless `dtstamp_utc` is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from desktop_app.domain.recurrence import (
    Occurrence,
    OccurrenceChange,
    ScheduleError,
    SeriesSpec,
    effective_changes,
    export_rrule,
    first_start_local,
    get_zone,
    validate_spec,
)

if TYPE_CHECKING:
    from icalendar import Calendar, Event


def _ical() -> Any:
    """icalendar, imported on first use (it costs ~0.1 s of every start-up otherwise)."""
    import icalendar

    return icalendar


PRODID = "-//Closer//Customer interviews//EN"
_EMAIL_RE = re.compile(r"^[^@\s<>\"',;:]+@[^@\s<>\"',;:]+\.[^@\s<>\"',;:]+$")
_USED = {"DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RECURRENCE-ID", "UID", "ATTENDEE"}


@dataclass(frozen=True)
class ImportedEvent:
    """One VEVENT read from a calendar file; times in UTC, `tz` the zone it was written in."""

    uid: str
    summary: str
    description: str
    start_utc: datetime
    end_utc: datetime
    tz: str
    rrule: str | None
    exdates_utc: tuple[datetime, ...]
    location: str | None
    attendees: tuple[str, ...]
    recurrence_id_utc: datetime | None = None  # set on an override of one series occurrence


def _email(value: str, what: str) -> str:
    value = (value or "").strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL_RE.match(value):
        raise ScheduleError(f"{what} {value!r} is not an e-mail address")
    return value


def _calendar() -> Calendar:
    cal = _ical().Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    return cal


def _event(
    *,
    uid: str,
    summary: str,
    description: str,
    start: datetime,
    duration_min: int,
    location: str | None,
    organizer_email: str | None,
    attendees: Iterable[str],
    dtstamp: datetime,
) -> Event:
    event = _ical().Event()
    event.add("uid", uid)
    event.add("dtstamp", dtstamp)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=duration_min))
    if location:
        event.add("location", location)
    if organizer_email:
        organizer = _email(organizer_email, "Organizer")
        event.add("organizer", _ical().vCalAddress("mailto:" + organizer))
    for person in attendees:
        address = _ical().vCalAddress("mailto:" + _email(person, "Attendee"))
        event.add("attendee", address, parameters={"ROLE": "REQ-PARTICIPANT", "RSVP": "TRUE"})
    return event


def _finish(cal: Calendar, instants: Sequence[datetime]) -> bytes:
    """Add a VTIMEZONE (covering the meetings) for every zone used, then serialise."""
    first = min(instants).date()
    last = max(max(instants).year + 2, first.year + 12, 2038)
    zones = [
        _ical().Timezone.from_tzid(tzid, first_date=date(first.year - 1, 1, 1),
                                   last_date=date(last, 1, 1))
        for tzid in sorted(cal.get_missing_tzids())
    ]
    for index, zone in enumerate(zones):  # VTIMEZONE must come before the events using it
        cal.subcomponents.insert(index, zone)
    return cal.to_ical()


def series_to_ics(
    *,
    uid: str,
    summary: str,
    description: str,
    spec: SeriesSpec,
    changes: Iterable[OccurrenceChange],
    location: str | None,
    organizer_email: str | None = None,
    attendees: Sequence[str] = (),
    dtstamp_utc: datetime | None = None,
) -> bytes:
    """A VCALENDAR for the whole series (skips as EXDATE, moves as RECURRENCE-ID overrides)."""
    validate_spec(spec)
    zone = get_zone(spec.tz)
    stamp = (dtstamp_utc or datetime.now(UTC)).astimezone(UTC)
    common = dict(
        uid=uid, summary=summary, description=description, duration_min=spec.duration_min,
        location=location, organizer_email=organizer_email, attendees=attendees, dtstamp=stamp,
    )
    start = first_start_local(spec).replace(tzinfo=zone)
    applied = effective_changes(spec, changes)
    rule = export_rrule(spec)
    if rule is None:  # a single meeting: a change applies to the event itself
        moves = [c.new_start_utc for c in applied if c.new_start_utc is not None]
        start = moves[-1].astimezone(zone) if moves else start
    master = _event(start=start, **common)
    cal = _calendar()
    cal.add_component(master)
    instants = [start]
    if rule is None:
        if any(c.kind == "skip" for c in applied):
            master.add("status", "CANCELLED")
        return _finish(cal, instants)
    master.add("rrule", _ical().vRecur.from_ical(rule))
    skips = [c.original_start_utc.astimezone(zone) for c in applied if c.kind == "skip"]
    if skips:
        master.add("exdate", skips)
    for change in applied:
        if change.kind == "move" and change.new_start_utc is not None:
            moved = _event(start=change.new_start_utc.astimezone(zone), **common)
            moved.add("recurrence-id", change.original_start_utc.astimezone(zone))
            cal.add_component(moved)
            instants.append(change.new_start_utc)
    return _finish(cal, instants)


def occurrence_to_ics(
    *,
    uid: str,
    summary: str,
    description: str,
    occurrence: Occurrence,
    location: str | None,
    organizer_email: str | None = None,
    attendees: Sequence[str] = (),
    dtstamp_utc: datetime | None = None,
) -> bytes:
    """A VCALENDAR with one meeting, written in the occurrence's zone."""
    duration = round((occurrence.end_utc - occurrence.start_utc).total_seconds() / 60)
    if duration <= 0:
        raise ScheduleError("The interview must last at least one minute")
    event = _event(
        uid=uid, summary=summary, description=description, start=occurrence.start_local,
        duration_min=duration, location=location, organizer_email=organizer_email,
        attendees=attendees, dtstamp=(dtstamp_utc or datetime.now(UTC)).astimezone(UTC),
    )
    cal = _calendar()
    cal.add_component(event)
    return _finish(cal, [occurrence.start_utc])


def _utc(value: date | datetime) -> datetime:
    if not isinstance(value, datetime):  # an all-day value: midnight UTC
        return datetime.combine(value, time(), UTC)
    if value.tzinfo is None:  # floating time: read as UTC
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _tz_name(value: date | datetime, tzid: str | None, label: str = "") -> str:
    zone = getattr(value, "tzinfo", None)
    key = getattr(zone, "key", None)
    for name in (key, tzid):
        if name:
            try:
                return get_zone(str(name)).key
            except ScheduleError:
                continue
    if tzid and isinstance(value, datetime) and zone is None:
        # neither a known zone nor one the file defines: its times cannot be placed
        shown = tzid if len(tzid) <= 60 else tzid[:60] + "…"
        raise ScheduleError(f"Not a valid calendar file: event {label}: unknown time zone "
                            f"{shown!r} (expected a name like Europe/Berlin); nothing was "
                            "imported")
    return "UTC"


def _imported(event: Event) -> ImportedEvent:
    uid = str(event.get("UID", ""))
    label = uid or str(event.get("SUMMARY", "")) or "without UID"
    for name, message in event.errors:
        if name in _USED:
            raise ScheduleError(f"Not a valid calendar file: event {label}: {name}: {message}")
    if "DTSTART" not in event:
        raise ScheduleError(f"Not a valid calendar file: event {label} has no DTSTART")
    raw = event.decoded("DTSTART")
    start = _utc(raw)
    if "DTEND" in event:
        end = _utc(event.decoded("DTEND"))
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = start + (timedelta(days=1) if not isinstance(raw, datetime) else timedelta())
    if end < start:
        raise ScheduleError(f"Not a valid calendar file: event {label} ends before it starts")
    rules = event.rrules
    exdates = tuple(sorted(_utc(value) for value in event.exdates))
    rid = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else None
    location = event.get("LOCATION")
    return ImportedEvent(
        uid=uid,
        summary=str(event.get("SUMMARY", "")),
        description=str(event.get("DESCRIPTION", "")),
        start_utc=start,
        end_utc=end,
        tz=_tz_name(raw, event["DTSTART"].params.get("TZID"), label),
        rrule=rules[0].to_ical().decode("ascii") if rules else None,
        exdates_utc=exdates,
        location=str(location) if location else None,
        attendees=tuple(_attendee(a) for a in event.attendees),
        recurrence_id_utc=_utc(rid) if rid is not None else None,
    )


def _attendee(value: object) -> str:
    text = str(value).strip()
    return text[7:] if text.lower().startswith("mailto:") else text


def parse_ics(data: bytes) -> list[ImportedEvent]:
    """Every VEVENT in a calendar file; anything unreadable raises ScheduleError."""
    try:
        calendars = _ical().Calendar.from_ical(data, multiple=True)
        calendars = [c for c in calendars if c.name == "VCALENDAR"]
        if not calendars:
            raise ScheduleError("Not a valid calendar file: no VCALENDAR found")
        return [_imported(event) for cal in calendars for event in cal.walk("VEVENT")]
    except ScheduleError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise ScheduleError(f"Not a valid calendar file: {exc}") from None


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}


def _when(start: datetime, duration_min: int, language: str) -> tuple[str, str]:
    """("Tuesday, 10 March 2026", "10:00–10:45 (Europe/Berlin, UTC+01:00)")."""
    day = f"{_WEEKDAYS[language][start.weekday()]}, {start.day} "
    day += f"{_MONTHS[language][start.month - 1]} {start.year}"
    end = start + timedelta(minutes=duration_min)
    hours = f"{start:%H:%M}\u2013{end:%H:%M}"
    offset = start.utcoffset()
    if offset is not None:
        zone = getattr(start.tzinfo, "key", None) or start.tzname() or ""
        sign = "-" if offset < timedelta() else "+"
        minutes = abs(int(offset.total_seconds())) // 60
        label = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
        hours += f" ({zone}, {label})" if zone and zone != "UTC" else f" ({label})"
    return day, hours


def _minutes_ru(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} минуту"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} минуты"
    return f"{n} минут"


def mailto_invitation(
    *,
    email: str,
    customer_name: str,
    start_local: datetime,
    duration_min: int,
    link_or_place: str,
    language: str,
) -> str:
    """A mailto: URL inviting a customer to the next interview, in their language."""
    if language not in _MONTHS:
        raise ScheduleError(f"Unsupported invitation language {language!r}: use 'ru' or 'en'")
    if duration_min <= 0:
        raise ScheduleError(f"Duration must be positive, got {duration_min}")
    address = _email(email, "Customer e-mail")
    day, hours = _when(start_local, duration_min, language)
    name = customer_name.strip()
    place = (link_or_place or "").strip()
    if language == "ru":
        subject = f"Наша регулярная встреча: {day}, {start_local:%H:%M}"
        lines = [
            f"Здравствуйте, {name}!" if name else "Здравствуйте!",
            "",
            "Мы хотели бы продолжить наши регулярные встречи и узнать, как вам на самом деле "
            "работается с нами: что получилось хорошо, что мешало, где приходилось ждать "
            "или объяснять одно и то же несколько раз.",
            "",
            f"Когда: {day}, {hours}",
            *([f"Где: {place}"] if place else []),
            "",
            f"Встреча займёт {_minutes_ru(duration_min)}. Готовиться не нужно: нам важно "
            "услышать о вашем недавнем опыте вашими словами. С вашего разрешения мы запишем "
            "разговор, чтобы его услышала наша команда; запись не выходит за пределы компании.",
            "",
            "Если время неудобно, просто ответьте на это письмо и предложите другое.",
            "",
            "Спасибо!",
        ]
    else:
        subject = f"Our regular catch-up: {day}, {start_local:%H:%M}"
        lines = [
            f"Hello {name}," if name else "Hello,",
            "",
            "We would like to continue our regular conversations and hear how working with us "
            "really goes for you: what went well, what got in the way, where you had to wait "
            "or explain the same thing twice.",
            "",
            f"When: {day}, {hours}",
            *([f"Where: {place}"] if place else []),
            "",
            f"It takes {duration_min} minutes and there is nothing to prepare: we want to hear "
            "about your recent experience in your own words. With your permission we will "
            "record the conversation so that our team can hear it first-hand; the recording "
            "stays inside the company.",
            "",
            "If the time does not suit you, just reply with one that does.",
            "",
            "Thank you!",
        ]
    body = "\r\n".join(lines)
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )
