"""Calendar export/import: the .ics is read back by icalendar and by dateutil's own RRULE parser.

The instants a calendar app would show are compared with hand-written UTC values and with
what the scheduling core says; mailto: invitations are checked after URL decoding.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from desktop_app.domain.recurrence import (
    OccurrenceChange,
    ScheduleError,
    SeriesSpec,
    get_zone,
    occurrences,
)
from desktop_app.services.ics import (
    PRODID,
    mailto_invitation,
    occurrence_to_ics,
    parse_ics,
    series_to_ics,
)


def u(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


STAMP = u(2026, 1, 1)
# Every Sunday 02:30 Berlin: 29 Mar falls in the spring-forward gap.
SPEC = SeriesSpec(datetime(2026, 3, 15, 2, 30), "Europe/Berlin", 45,
                  "FREQ=WEEKLY;UNTIL=20260419T003000Z")
CHANGES = [
    OccurrenceChange(u(2026, 3, 22, 1, 30), "skip"),
    OccurrenceChange(u(2026, 4, 12, 0, 30), "move", u(2026, 4, 13, 16)),
]
EXPECTED = [u(2026, 3, 15, 1, 30), u(2026, 3, 29, 1, 30), u(2026, 4, 5, 0, 30),
            u(2026, 4, 13, 16), u(2026, 4, 19, 0, 30)]


def export(**extra) -> bytes:
    args = dict(uid="series-42@closer", summary="Interview: Acme", description="Line 1\nLine 2",
                spec=SPEC, changes=CHANGES, location="Zoom", organizer_email="lead@example.com",
                attendees=["anna@acme.example"], dtstamp_utc=STAMP)
    args.update(extra)
    return series_to_ics(**args)


def content_lines(block: str, *names: str) -> list[str]:
    return [line for line in block.split("\r\n") if line.split(";")[0].split(":")[0] in names]


def test_export_has_timezone_rule_exdate_and_override() -> None:
    data = export()
    cal = Calendar.from_ical(data)
    assert str(cal["PRODID"]) == PRODID
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    master, moved = cal.walk("VEVENT")
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert master.decoded("DTSTART") == datetime(2026, 3, 15, 2, 30, tzinfo=get_zone(SPEC.tz))
    assert master.decoded("DURATION") == timedelta(minutes=45)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20260419T003000Z"
    assert [d.astimezone(UTC) for d in master.exdates] == [u(2026, 3, 22, 1, 30)]
    assert str(moved["UID"]) == str(master["UID"]) == "series-42@closer"
    assert moved["RECURRENCE-ID"].params["TZID"] == "Europe/Berlin"
    assert moved.decoded("RECURRENCE-ID").astimezone(UTC) == u(2026, 4, 12, 0, 30)
    assert moved.decoded("DTSTART").astimezone(UTC) == u(2026, 4, 13, 16)
    assert str(master["ORGANIZER"]) == "mailto:lead@example.com"
    assert master.decoded("DESCRIPTION") == "Line 1\nLine 2"


def test_round_trip_dateutil_rrulestr_gives_the_same_instants() -> None:
    text = export().decode("utf-8").replace("\r\n ", "")  # unfold long lines
    blocks = text.split("BEGIN:VEVENT\r\n")[1:]
    master = content_lines(blocks[0], "DTSTART", "RRULE", "EXDATE")
    assert len(master) == 3 and master[0].startswith("DTSTART;TZID=Europe/Berlin:")
    rule_set = rrulestr("\n".join(master), forceset=True)
    from_rule = {dt.astimezone(UTC) for dt in rule_set}
    overrides = Calendar.from_ical(text.encode()).walk("VEVENT")[1:]
    replaced = {o.decoded("RECURRENCE-ID").astimezone(UTC) for o in overrides}
    moved_to = {o.decoded("DTSTART").astimezone(UTC) for o in overrides}
    shown = sorted((from_rule - replaced) | moved_to)
    assert shown == EXPECTED
    ours = occurrences(SPEC, CHANGES, start_utc=u(2026, 1, 1), end_utc=u(2027, 1, 1))
    assert [o.start_utc for o in ours] == EXPECTED


def test_parse_ics_reads_our_own_export() -> None:
    master, moved = parse_ics(export())
    assert (master.uid, master.summary, master.tz) == ("series-42@closer", "Interview: Acme",
                                                      "Europe/Berlin")
    assert master.start_utc == u(2026, 3, 15, 1, 30)
    assert master.end_utc == u(2026, 3, 15, 2, 15)
    assert master.rrule == "FREQ=WEEKLY;UNTIL=20260419T003000Z"
    assert master.exdates_utc == (u(2026, 3, 22, 1, 30),)
    assert master.attendees == ("anna@acme.example",)
    assert master.location == "Zoom" and master.description == "Line 1\nLine 2"
    assert moved.recurrence_id_utc == u(2026, 4, 12, 0, 30) and moved.rrule is None


def test_monthly_series_in_kolkata_and_single_occurrence() -> None:
    spec = SeriesSpec(datetime(2026, 1, 13, 11, 0), "Asia/Kolkata", 30,
                      "FREQ=MONTHLY;BYDAY=2TU;COUNT=3")
    cal = Calendar.from_ical(series_to_ics(uid="k", summary="s", description="", spec=spec,
                                           changes=(), location=None, dtstamp_utc=STAMP))
    (event,) = cal.walk("VEVENT")
    lines = [f"DTSTART;TZID=Asia/Kolkata:{event.decoded('DTSTART'):%Y%m%dT%H%M%S}",
             "RRULE:" + event["RRULE"].to_ical().decode()]
    assert [d.astimezone(UTC) for d in rrulestr("\n".join(lines))] == [
        u(2026, 1, 13, 5, 30), u(2026, 2, 10, 5, 30), u(2026, 3, 10, 5, 30)]
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Asia/Kolkata"

    (occ,) = occurrences(spec, start_utc=u(2026, 2, 1), end_utc=u(2026, 3, 1))
    (single,) = parse_ics(occurrence_to_ics(uid="one", summary="Feb", description="",
                                            occurrence=occ, location="Office"))
    assert (single.start_utc, single.end_utc, single.tz) == (u(2026, 2, 10, 5, 30),
                                                           u(2026, 2, 10, 6), "Asia/Kolkata")


def test_utc_series_needs_no_vtimezone() -> None:
    spec = SeriesSpec(datetime(2026, 5, 4, 9, 0), "UTC", 30, "FREQ=WEEKLY;COUNT=2")
    data = series_to_ics(uid="u", summary="s", description="", spec=spec, changes=(),
                         location=None, dtstamp_utc=STAMP)
    assert b"BEGIN:VTIMEZONE" not in data and b"DTSTART:20260504T090000Z" in data


def test_outlook_windows_zone_name_is_understood() -> None:
    data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//Outlook//EN\r\n"
            b"BEGIN:VEVENT\r\nUID:o1\r\nSUMMARY:Check-in\r\n"
            b"DTSTART;TZID=W. Europe Standard Time:20260701T100000\r\n"
            b"DTEND;TZID=W. Europe Standard Time:20260701T110000\r\n"
            b"ATTENDEE;CN=Bob:MAILTO:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (event,) = parse_ics(data)
    assert (event.start_utc, event.end_utc) == (u(2026, 7, 1, 8), u(2026, 7, 1, 9))
    assert event.tz == "Europe/Berlin" and event.attendees == ("bob@example.com",)


@pytest.mark.parametrize(
    "data",
    [
        b"hello world",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"",
        b"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\n",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:notadate\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n",
    ],
)
def test_malformed_calendar_is_rejected(data: bytes) -> None:
    with pytest.raises(ScheduleError, match="^Not a valid calendar file: "):
        parse_ics(data)


def test_export_rejects_bad_spec_and_bad_email() -> None:
    with pytest.raises(ScheduleError, match="Unknown time zone 'Mars/Base'"):
        export(spec=SeriesSpec(datetime(2026, 3, 1, 10), "Mars/Base", 30, "FREQ=WEEKLY"))
    with pytest.raises(ScheduleError, match="'not-an-email'"):
        export(attendees=["not-an-email"])


def test_mailto_in_russian_is_url_encoded_and_reads_naturally() -> None:
    start = datetime(2026, 3, 10, 10, 0, tzinfo=get_zone("Europe/Moscow"))
    url = mailto_invitation(email="ivan@example.ru", customer_name="Иван", start_local=start,
                            duration_min=45, link_or_place="https://meet.example/abc",
                            language="ru")
    assert url.startswith("mailto:ivan@example.ru?subject=%D0%9D%D0%B0%D1%88%D0%B0%20")
    assert url.isascii() and " " not in url and "\n" not in url
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert query["subject"] == ["Наша регулярная встреча: вторник, 10 марта 2026, 10:00"]
    body = query["body"][0]
    assert body.startswith("Здравствуйте, Иван!\r\n")
    assert "Когда: вторник, 10 марта 2026, 10:00–10:45 (Europe/Moscow, UTC+03:00)" in body
    assert "Где: https://meet.example/abc" in body and "займёт 45 минут." in body


def test_mailto_in_english_and_its_errors() -> None:
    start = datetime(2026, 11, 2, 16, 30, tzinfo=get_zone("America/New_York"))
    url = mailto_invitation(email="jane@acme.example", customer_name="Jane", start_local=start,
                            duration_min=30, link_or_place="", language="en")
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["Our regular catch-up: Monday, 2 November 2026, 16:30"]
    assert "16:30–17:00 (America/New_York, UTC-05:00)" in query["body"][0]
    assert "Where:" not in query["body"][0]
    with pytest.raises(ScheduleError, match="'de'"):
        mailto_invitation(email="jane@acme.example", customer_name="Jane", start_local=start,
                          duration_min=30, link_or_place="", language="de")
    with pytest.raises(ScheduleError, match="e-mail"):
        mailto_invitation(email="jane at acme", customer_name="Jane", start_local=start,
                          duration_min=30, link_or_place="", language="en")
