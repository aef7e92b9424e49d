"""SchedulingService on a real library: series, statuses, skips/moves/ends, cadence health,
.ics round trips, reminders, and bad input that must leave the database untouched.

The clock is fixed; expected instants are written out by hand in UTC (Berlin is +01:00 until
29 March 2026 and +02:00 after).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from sqlalchemy import func
from sqlmodel import select

from desktop_app.domain.errors import CloserError, NotFoundError, ValidationError
from desktop_app.domain.recurrence import ScheduleError
from desktop_app.services.reminders import REMINDERS_FILE, ReminderStore, due_reminders
from desktop_app.services.scheduling import SchedulingService, SeriesDraft, overdue_json
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    Interview,
    InterviewGuide,
    InterviewSeries,
    SeriesChange,
)
from desktop_app.wiring import Services, build_services


def u(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


NOW = u(2026, 3, 1, 12)


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


@pytest.fixture()
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture()
def sched(svc: Services, clock: Clock) -> SchedulingService:
    return SchedulingService(svc.engine, clock=clock)


@pytest.fixture()
def acme(svc: Services) -> int:
    c = svc.library.add_customer(name="Acme", email="anna@acme.example", persona="Busy parent")
    assert c.id is not None
    return c.id


def weekly(customer_id: int, **extra: object) -> SeriesDraft:
    args: dict[str, object] = dict(customer_id=customer_id, start_local="2026-03-03 10:00",
                                   tz="Europe/Berlin", duration_min=45,
                                   rrule="FREQ=WEEKLY;BYDAY=TU", interviewers=("Maria",))
    args.update(extra)
    return SeriesDraft(**args)  # type: ignore[arg-type]


def interview(svc: Services, customer_id: int, when: datetime, status: str = "imported",
              series_id: int | None = None, occurrence: datetime | None = None) -> int:
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=customer_id, recorded_at=when, status=status,
                       series_id=series_id, occurrence_start=occurrence)
        s.add(iv)
        s.flush()
        assert iv.id is not None
        return iv.id


def counts(svc: Services) -> dict[str, int]:
    with session_scope(svc.engine) as s:
        return {t.__name__: s.exec(select(func.count()).select_from(t)).one()
                for t in (InterviewSeries, SeriesChange, Interview, InterviewGuide, Customer)}


MARCH = (u(2026, 3, 1), u(2026, 4, 1))


# --- series: add, list, statuses ------------------------------------------------------------


def test_add_returns_next_five_with_the_series_offset(sched: SchedulingService, acme: int) -> None:
    plan = sched.add_series(weekly(acme))
    assert plan.as_json()["next"] == [
        "2026-03-03T10:00:00+01:00", "2026-03-10T10:00:00+01:00", "2026-03-17T10:00:00+01:00",
        "2026-03-24T10:00:00+01:00", "2026-03-31T10:00:00+02:00"]
    assert [o.start_utc for o in plan.next][-1] == u(2026, 3, 31, 8)
    info = sched.series(plan.series_id or 0)
    assert (info.customer, info.persona, info.tz, info.rrule) == (
        "Acme", "Busy parent", "Europe/Berlin", "FREQ=WEEKLY;BYDAY=TU")
    assert info.start_local == datetime(2026, 3, 3, 10, 0) and info.interviewers == ("Maria",)


def test_statuses_come_from_linked_interviews_and_the_clock(svc: Services,
                                                            sched: SchedulingService,
                                                            acme: int) -> None:
    sid = sched.add_series(weekly(acme)).series_id or 0
    interview(svc, acme, u(2026, 3, 3, 9), "imported", sid, u(2026, 3, 3, 9))
    interview(svc, acme, u(2026, 3, 3, 9), "tagged", sid, u(2026, 3, 3, 9))
    interview(svc, acme, u(2026, 3, 10, 9), "transcribed", sid, u(2026, 3, 10, 9))
    rows = sched.occurrences(*MARCH, now_utc=u(2026, 3, 20, 12))
    assert [(r.start_utc, r.status) for r in rows] == [
        (u(2026, 3, 3, 9), "tagged"), (u(2026, 3, 10, 9), "transcribed"),
        (u(2026, 3, 17, 9), "missed"), (u(2026, 3, 24, 9), "planned"),
        (u(2026, 3, 31, 8), "planned")]
    assert rows[0].customer == "Acme" and rows[0].persona == "Busy parent"
    listed = rows[2].as_json()
    assert listed["start"] == "2026-03-17T10:00:00+01:00"
    assert listed["end"] == "2026-03-17T10:45:00+01:00"
    # the same meeting is "planned" for a clock before it ends
    assert sched.occurrences(*MARCH, now_utc=u(2026, 3, 17, 9, 30))[2].status == "planned"


def test_attach_interview_marks_the_meeting_recorded(svc: Services, sched: SchedulingService,
                                                     acme: int) -> None:
    sid = sched.add_series(weekly(acme)).series_id or 0
    iid = interview(svc, acme, u(2026, 3, 17, 9, 2))
    sched.attach_interview(sid, u(2026, 3, 17, 9), iid)
    row = sched.occurrence(sid, u(2026, 3, 17, 9), now_utc=u(2026, 3, 20))
    assert (row.status, row.interview_id) == ("recorded", iid)
    with pytest.raises(ScheduleError, match="no interview at 2026-03-18 10:00 .Europe/Berlin"):
        sched.attach_interview(sid, u(2026, 3, 18, 9), iid)
    other = svc.library.add_customer(name="Globex").id or 0
    theirs = interview(svc, other, u(2026, 3, 24, 9))
    with pytest.raises(ValidationError, match="is with Globex, not with Acme"):
        sched.attach_interview(sid, u(2026, 3, 24, 9), theirs)


def test_skip_move_and_end(sched: SchedulingService, acme: int) -> None:
    sid = sched.add_series(weekly(acme)).series_id or 0
    assert sched.skip(sid, date(2026, 3, 10)) == u(2026, 3, 10, 9)
    assert sched.move(sid, date(2026, 3, 17), "2026-03-19 14:00") == u(2026, 3, 19, 13)
    rows = sched.occurrences(*MARCH)
    assert [(r.start_utc, r.moved) for r in rows] == [
        (u(2026, 3, 3, 9), False), (u(2026, 3, 19, 13), True), (u(2026, 3, 24, 9), False),
        (u(2026, 3, 31, 8), False)]
    with pytest.raises(ScheduleError, match="2026-03-10 .it was skipped"):
        sched.skip(sid, date(2026, 3, 10))
    # a moved meeting is found by its new date too, and moving it back undoes the move
    sched.move_occurrence(sid, u(2026, 3, 19, 13), datetime(2026, 3, 17, 10, 0))
    assert sched.changes(sid)[0].kind == "skip" and len(sched.changes(sid)) == 1
    ended = sched.end_series(sid, after=date(2026, 3, 24))
    assert ended == u(2026, 3, 24, 23)  # midnight after the 24th, Berlin time
    assert [r.start_utc for r in sched.occurrences(*MARCH)][-1] == u(2026, 3, 24, 9)
    with pytest.raises(ScheduleError, match="already ended"):
        sched.end_series(sid, after=date(2026, 3, 27))


def test_guides_seeded_once_editable_and_shown_for_series_and_interviews(
        svc: Services, sched: SchedulingService, acme: int) -> None:
    names = {g.name for g in sched.guides()}
    assert {"Customer check-in (EN)", "Регулярная встреча с клиентом (RU)"} <= names
    assert sched.seed_guides() == 0
    own = sched.save_guide(name="Onboarding", language="en",
                           questions="What did you try first?\n\n  What got in the way?  ")
    assert own.questions == ("What did you try first?", "What got in the way?")
    with pytest.raises(ValidationError, match="already exists"):
        sched.save_guide(name="onboarding".title(), language="en", questions="Why?")
    with pytest.raises(ValidationError, match="at least one question"):
        sched.save_guide(name="Empty", language="en", questions="  \n ")
    sid = sched.add_series(weekly(acme, guide_id=own.id)).series_id or 0
    assert sched.guide(sid) == own
    iid = interview(svc, acme, u(2026, 3, 3, 9), series_id=sid, occurrence=u(2026, 3, 3, 9))
    assert sched.guide_for_interview(iid) == own
    assert sched.guide_for_interview(interview(svc, acme, u(2026, 2, 1))) is None
    with pytest.raises(NotFoundError, match="Interview 999"):
        sched.guide_for_interview(999)


def test_overlapping_interviews_of_one_interviewer_are_warned_about(
        svc: Services, sched: SchedulingService, acme: int) -> None:
    sched.add_series(weekly(acme))
    globex = svc.library.add_customer(name="Globex").id or 0
    plan = sched.add_series(SeriesDraft(customer_id=globex, start_local="2026-03-10 10:30",
                                        tz="Europe/Berlin", duration_min=60,
                                        interviewers=("maria", "Tom")))
    assert plan.warnings == (
        "Maria already has an interview with Acme at Tue 2026-03-10 10:00 (Europe/Berlin) "
        "that overlaps the one with Globex at Tue 2026-03-10 10:30 (Europe/Berlin).",)
    back_to_back = sched.preview(SeriesDraft(customer_id=globex, start_local="2026-03-10 11:30",
                                             tz="Europe/Berlin", interviewers=("Tom",)))
    assert back_to_back.warnings == ()


# --- cadence health -------------------------------------------------------------------------


def test_overdue_and_coverage_with_a_fixed_clock(svc: Services, clock: Clock) -> None:
    now = u(2026, 6, 15, 12)
    clock.now = now
    sched = SchedulingService(svc.engine, clock=clock)
    lib = svc.library
    acme = lib.add_customer(name="Acme", persona="Busy parent", cadence_days=14).id or 0
    globex = lib.add_customer(name="Globex", persona="Office manager").id or 0
    initech = lib.add_customer(name="Initech", persona="Office manager", cadence_days=30).id
    lib.add_customer(name="Hooli")  # no cadence, no series: not tracked
    never = lib.add_customer(name="Never", cadence_days=7).id
    lib.add_persona(name="Nobody yet")
    with session_scope(svc.engine) as s:
        row = s.get(Customer, never)
        assert row is not None
        row.created_at = now - timedelta(days=16)
        s.add(row)
    interview(svc, acme, now - timedelta(days=20))
    acme_iv = interview(svc, acme, now - timedelta(days=40))
    interview(svc, globex, now - timedelta(days=14))
    interview(svc, initech or 0, now - timedelta(days=10))
    interview(svc, initech or 0, now + timedelta(days=3))  # in the future: not heard yet
    sched.add_series(SeriesDraft(customer_id=globex, start_local="2026-06-16 10:00",
                                 tz="Europe/Berlin", rrule="FREQ=WEEKLY"))
    tp = next(t for t in lib.touchpoints() if t.name == "Delivery")
    with session_scope(svc.engine) as s:
        h = Highlight(interview_id=acme_iv, start=1.0, end=2.0, quote="late again")
        s.add(h)
        s.flush()
        s.add(HighlightTouchpoint(highlight_id=h.id, touchpoint_id=tp.id))
    assert [overdue_json(o) for o in sched.overdue()] == [
        {"customer_id": never, "customer": "Never", "cadence_days": 7.0,
         "last_interview": None, "days_overdue": 9, "booked_for": None},
        {"customer_id": globex, "customer": "Globex", "cadence_days": 7.0,
         "last_interview": "2026-06-01T12:00:00+00:00", "days_overdue": 7,
         "booked_for": "2026-06-16T08:00:00+00:00"},  # its series' next meeting
        {"customer_id": acme, "customer": "Acme", "cadence_days": 14.0,
         "last_interview": "2026-05-26T12:00:00+00:00", "days_overdue": 6, "booked_for": None},
    ]
    personas = sched.persona_coverage()
    assert [(c.key, c.days_since) for c in personas] == [
        ("Nobody yet", None), ("Busy parent", 20.0), ("Office manager", 10.0)]
    touch = {c.key: c for c in sched.touchpoint_coverage()}
    assert touch["Delivery"].days_since == 40.0 and touch["Delivery"].bucket_days == 90
    assert touch["Support"].last_utc is None


# --- calendars ------------------------------------------------------------------------------


EXPECTED = [u(2026, 3, 3, 9), u(2026, 3, 19, 13), u(2026, 3, 24, 9), u(2026, 3, 31, 8),
            u(2026, 4, 7, 8)]


def _changed_series(sched: SchedulingService, acme: int) -> int:
    sid = sched.add_series(weekly(acme)).series_id or 0
    sched.skip(sid, date(2026, 3, 10))
    sched.move(sid, date(2026, 3, 17), "2026-03-19 14:00")
    sched.end_series(sid, after=date(2026, 4, 7))
    return sid


def test_ics_export_parses_back_to_the_same_meetings(sched: SchedulingService,
                                                     acme: int) -> None:
    sid = _changed_series(sched, acme)
    data = sched.export_series_ics(sid)
    cal = Calendar.from_ical(data)
    master, moved = cal.walk("VEVENT")
    assert str(master["SUMMARY"]) == "Customer interview: Acme"
    assert [str(a) for a in master.attendees] == ["mailto:anna@acme.example"]
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    text = data.decode().replace("\r\n ", "")
    head = text.split("BEGIN:VEVENT\r\n")[1]
    lines = [ln for ln in head.split("\r\n") if ln.split(";")[0].split(":")[0]
             in ("DTSTART", "RRULE", "EXDATE")]
    from_rule = {d.astimezone(UTC) for d in rrulestr("\n".join(lines), forceset=True)}
    shown = sorted((from_rule - {moved.decoded("RECURRENCE-ID").astimezone(UTC)})
                   | {moved.decoded("DTSTART").astimezone(UTC)})
    assert shown == EXPECTED
    assert [r.start_utc for r in sched.occurrences(u(2026, 1, 1), u(2027, 1, 1))] == EXPECTED
    (one,) = Calendar.from_ical(sched.export_occurrence_ics(sid, u(2026, 3, 17, 9))).walk(
        "VEVENT")
    assert one.decoded("DTSTART").astimezone(UTC) == u(2026, 3, 19, 13)
    assert one.decoded("DURATION") == timedelta(minutes=45)


def test_import_ics_creates_series_for_the_attendee_customer(svc: Services,
                                                             sched: SchedulingService,
                                                             acme: int) -> None:
    sid = _changed_series(sched, acme)
    data = sched.export_series_ics(sid)
    sched.delete_series(sid)
    result = sched.import_ics(data)  # no customer given: matched by attendee e-mail
    (info,) = result.series
    assert (info.customer, info.tz, info.duration_min, info.title) == (
        "Acme", "Europe/Berlin", 45, "Customer interview: Acme")
    assert info.channel == "" and result.warnings == ()
    assert [r.start_utc for r in sched.occurrences(u(2026, 1, 1), u(2027, 1, 1))] == EXPECTED
    before = counts(svc)
    again = sched.import_ics(data, customer_id=acme)
    assert again.series == () and "already in the schedule" in again.warnings[0]
    assert counts(svc) == before


def test_invitation_is_written_in_the_customer_language(svc: Services,
                                                        sched: SchedulingService,
                                                        acme: int) -> None:
    sid = sched.add_series(weekly(acme, location="https://meet.example.com/acme"))
    url = urlsplit(sched.invitation_url(sid.series_id or 0))
    query = parse_qs(url.query)
    assert url.scheme == "mailto" and url.path == "anna@acme.example"
    assert query["subject"] == ["Our regular catch-up: Tuesday, 3 March 2026, 10:00"]
    assert "Where: https://meet.example.com/acme" in query["body"][0]
    ru = svc.library.add_customer(name="Анна", email="anna@ru.example", language="ru").id or 0
    rid = sched.add_series(weekly(ru)).series_id or 0
    ru_query = parse_qs(urlsplit(sched.invitation_url(rid)).query)
    assert ru_query["subject"][0].startswith("Наша регулярная встреча: вторник, 3 марта 2026")
    silent = svc.library.add_customer(name="No mail").id or 0
    nid = sched.add_series(weekly(silent)).series_id or 0
    with pytest.raises(ValidationError, match="No mail has no e-mail address"):
        sched.invitation_url(nid)


# --- bad input leaves the library as it was -------------------------------------------------


BAD_ICS_SECOND_EVENT = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    b"BEGIN:VEVENT\r\nUID:ok@t\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Fine\r\n"
    b"DTSTART:20260310T090000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY\r\n"
    b"ATTENDEE:mailto:anna@acme.example\r\nEND:VEVENT\r\n"
    b"BEGIN:VEVENT\r\nUID:bad@t\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Broken\r\n"
    b"DTSTART:20260311T090000Z\r\nDURATION:PT25H\r\nRRULE:FREQ=WEEKLY\r\n"
    b"ATTENDEE:mailto:anna@acme.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
UNKNOWN_ATTENDEE = BAD_ICS_SECOND_EVENT.split(b"BEGIN:VEVENT\r\nUID:bad")[0].replace(
    b"anna@acme", b"who@else") + b"END:VCALENDAR\r\n"

BAD: list[tuple[str, Callable[[SchedulingService, int, int], object], str]] = [
    ("rrule", lambda s, c, _: s.add_series(weekly(c, rrule="FREQ=FORTNIGHTLY")),
     "Invalid recurrence rule 'FREQ=FORTNIGHTLY'"),
    ("zone", lambda s, c, _: s.add_series(weekly(c, tz="Mars/Base")),
     "Unknown time zone 'Mars/Base'"),
    ("ends before start", lambda s, c, _: s.add_series(weekly(c, rrule="FREQ=WEEKLY;UNTIL=2026"
                                                                        "0101")),
     "before it starts"),
    ("dst gap", lambda s, c, _: s.add_series(weekly(c, start_local="2026-03-29 02:30")),
     "2026-03-29 02:30 does not exist in Europe/Berlin.*for example 03:30"),
    ("dst overlap", lambda s, c, _: s.add_series(weekly(c, start_local="2026-10-25 02:30")),
     "2026-10-25 02:30 happens twice in Europe/Berlin"),
    ("nothing ahead", lambda s, c, _: s.add_series(weekly(c, start_local="2026-01-06 10:00",
                                                          rrule="FREQ=WEEKLY;COUNT=3")),
     "no interviews after now"),
    ("start text", lambda s, c, _: s.add_series(weekly(c, start_local="next tuesday")),
     "Cannot read the start time 'next tuesday'"),
    ("duration", lambda s, c, _: s.add_series(weekly(c, duration_min=0)), "Duration must be"),
    ("customer", lambda s, c, _: s.add_series(weekly(999)), "customer with id 999"),
    ("guide", lambda s, c, _: s.add_series(weekly(c, guide_id=999)), "guide 999 does not"),
    ("move into gap", lambda s, c, sid: s.move(sid, date(2026, 3, 24), "2026-03-29 02:30"),
     "does not exist in Europe/Berlin"),
    ("end before first", lambda s, c, sid: s.end_series(sid, after=date(2026, 2, 1)),
     "cannot end after 2026-02-01: its first interview is 2026-03-03 10:00"),
    ("ics without start", lambda s, c, _: s.import_ics(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"), "has no DTSTART"),
    ("not a calendar", lambda s, c, _: s.import_ics(b"hello"), "Not a valid calendar file"),
    ("ics second event broken", lambda s, c, _: s.import_ics(BAD_ICS_SECOND_EVENT),
     "The event 'Broken' lasts 1500 minutes"),
    ("ics bad rule", lambda s, c, _: s.import_ics(BAD_ICS_SECOND_EVENT.replace(
        b"PT25H\r\nRRULE:FREQ=WEEKLY", b"PT30M\r\nRRULE:FREQ=FORTNIGHTLY")),
     "Not a valid calendar file: event bad@t: RRULE"),
    ("ics unknown attendee", lambda s, c, _: s.import_ics(UNKNOWN_ATTENDEE),
     "No customer has the e-mail of an attendee of 'Fine' .who@else.example"),
]


@pytest.mark.parametrize(("case", "call", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_refused_and_nothing_is_saved(svc: Services, sched: SchedulingService,
                                                   acme: int, case: str,
                                                   call: Callable[..., object],
                                                   message: str) -> None:
    sid = sched.add_series(weekly(acme)).series_id or 0
    before = counts(svc)
    changes = sched.changes(sid)
    with pytest.raises(CloserError, match=message):
        call(sched, acme, sid)
    assert counts(svc) == before
    assert sched.changes(sid) == changes and sched.series(sid).ended_at is None


# --- reminders ------------------------------------------------------------------------------


def test_reminders_fire_once_in_the_lead_window_and_report_misses(
        svc: Services, sched: SchedulingService, acme: int, closer_home: Path) -> None:
    sid = sched.add_series(weekly(acme)).series_id or 0
    start = u(2026, 3, 10, 9)

    def due(now: datetime, reminded: set[str], last: datetime | None) -> list[tuple[str, int]]:
        rows = sched.occurrences(now - timedelta(days=8), now + timedelta(hours=1),
                                 now_utc=now)
        return [(r.kind, r.minutes_to_start) for r in due_reminders(
            rows, now_utc=now, lead_minutes=15, reminded=reminded, last_check_utc=last)]

    assert due(start - timedelta(minutes=16), set(), start - timedelta(minutes=17)) == []
    assert due(start - timedelta(minutes=15), set(), start - timedelta(minutes=16)) == [
        ("upcoming", 15)]
    key = sched.occurrence(sid, start).key
    assert due(start - timedelta(minutes=5), {key}, start - timedelta(minutes=6)) == []
    # the app was closed from before the meeting until after it: a miss at the next start
    assert due(start + timedelta(hours=2), set(), start - timedelta(hours=1)) == [
        ("missed", -120)]
    iid = interview(svc, acme, start)
    sched.attach_interview(sid, start, iid)
    assert due(start + timedelta(hours=2), set(), start - timedelta(hours=1)) == []

    store = ReminderStore.in_library(closer_home)
    store.mark([key], start)
    store.checked(start)
    again = ReminderStore.in_library(closer_home)
    assert key in again.reminded and again.last_check_utc == start
    assert json.loads((closer_home / REMINDERS_FILE).read_text())["last_check"].startswith(
        "2026-03-10T09:00")
    (closer_home / REMINDERS_FILE).write_text("{broken")
    assert ReminderStore.in_library(closer_home).reminded == {}
