"""`closer schedule ...`, `closer overdue` and `closer guides` end to end, in process.

Series are planned in 2031 so that "next" and the statuses do not depend on today's date;
the default list window and `overdue` run against the real clock.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from desktop_app.cli import main as cli

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *args: str) -> tuple[int, Any, str]:
    rc = cli([*args, "--json"])
    captured = capsys.readouterr()
    lines = captured.out.strip()
    return rc, json.loads(lines) if lines else None, captured.err


def add_customer(capsys: Capsys, name: str, *extra: str) -> None:
    rc, _, err = run(capsys, "customer", "add", name, *extra)
    assert rc == 0, err


def plan(capsys: Capsys, *extra: str) -> tuple[int, Any, str]:
    return run(capsys, "schedule", "add", "--customer", "Acme", "--start", "2031-01-07 10:00",
               "--tz", "Europe/Berlin", "--duration", "45", *extra)


def listed(capsys: Capsys, first: str = "2031-01-01", last: str = "2031-01-31") -> list[Any]:
    rc, rows, err = run(capsys, "schedule", "list", "--from", first, "--to", last)
    assert rc == 0, err
    return rows


def test_plan_list_skip_move_and_end_a_series(closer_home: Path, capsys: Capsys) -> None:
    add_customer(capsys, "Acme", "--email", "anna@acme.example", "--persona", "Busy parent")
    rc, data, err = plan(capsys, "--rrule", "FREQ=WEEKLY;BYDAY=TU", "--interviewer", "Maria",
                         "--guide", "Customer check-in (EN)", "--channel", "Video call",
                         "--location", "https://meet.example.com/acme")
    assert rc == 0, err
    sid = data["series_id"]
    assert data["next"] == ["2031-01-07T10:00:00+01:00", "2031-01-14T10:00:00+01:00",
                            "2031-01-21T10:00:00+01:00", "2031-01-28T10:00:00+01:00",
                            "2031-02-04T10:00:00+01:00"]
    assert data["warnings"] == [] and err == ""
    rows = listed(capsys)
    assert [(r["series_id"], r["customer"], r["start"], r["end"], r["status"]) for r in rows] == [
        (sid, "Acme", f"2031-01-{d:02d}T10:00:00+01:00", f"2031-01-{d:02d}T10:45:00+01:00",
         "planned") for d in (7, 14, 21, 28)]
    assert rows[0]["persona"] == "Busy parent"

    assert run(capsys, "schedule", "skip", str(sid), "--on", "2031-01-14")[0] == 0
    rc, moved, _ = run(capsys, "schedule", "move", str(sid), "--on", "2031-01-21",
                       "--to", "2031-01-22 15:30")
    assert rc == 0 and moved["start"] == "2031-01-22T15:30:00+01:00"
    rc, ended, _ = run(capsys, "schedule", "end", str(sid), "--after", "2031-01-24")
    assert rc == 0 and ended["ended_at"] == "2031-01-25T00:00:00+01:00"
    assert [r["start"] for r in listed(capsys)] == ["2031-01-07T10:00:00+01:00",
                                                    "2031-01-22T15:30:00+01:00"]
    rc, out, err = run(capsys, "schedule", "skip", str(sid), "--on", "2031-01-14")
    assert rc == 2 and "No interview of this series on 2031-01-14 (it was skipped)" in err
    assert out == {"error": err.removeprefix("closer: ").strip()}
    rc, _, err = run(capsys, "schedule", "end", str(sid), "--after", "2031-01-30")
    assert rc == 2 and "already ended (2031-01-25 00:00 Europe/Berlin)" in err
    rc, _, err = run(capsys, "schedule", "end", str(sid))
    assert rc == 2 and "cannot end after now: its first interview is 2031-01-07 10:00" in err
    rc, series, _ = run(capsys, "schedule", "series")
    assert [(s["series_id"], s["rrule"], s["guide"]) for s in series] == [
        (sid, "FREQ=WEEKLY;BYDAY=TU", "Customer check-in (EN)")]


def test_default_window_is_today_to_thirty_days(closer_home: Path, capsys: Capsys) -> None:
    add_customer(capsys, "Acme")
    soon = (datetime.now(UTC) + timedelta(days=2)).date()
    rc, data, err = run(capsys, "schedule", "add", "--customer", "Acme", "--start",
                        f"{soon} 12:00", "--tz", "UTC", "--rrule", "FREQ=WEEKLY;COUNT=6")
    assert rc == 0, err
    rc, rows, _ = run(capsys, "schedule", "list", "--tz", "UTC")
    starts = [r["start"] for r in rows]
    expected = [f"{soon + timedelta(days=7 * k)}T12:00:00+00:00" for k in range(6)
                if (soon + timedelta(days=7 * k) - datetime.now(UTC).date()).days <= 30]
    assert starts == expected and len(starts) == 5


@pytest.mark.parametrize(("extra", "message"), [
    (("--rrule", "FREQ=FORTNIGHTLY"), "Invalid recurrence rule 'FREQ=FORTNIGHTLY'"),
    (("--tz", "Mars/Base"), "Unknown time zone 'Mars/Base'"),
    (("--rrule", "FREQ=WEEKLY;UNTIL=20301231"), "ends (2030-12-31 23:59) before it starts"),
    (("--start", "2031-03-30 02:30"), "2031-03-30 02:30 does not exist in Europe/Berlin"),
    (("--start", "2031-10-26 02:30"), "2031-10-26 02:30 happens twice in Europe/Berlin"),
    (("--start", "2020-01-07 10:00", "--rrule", "FREQ=WEEKLY;COUNT=2"),
     "no interviews after now"),
    (("--guide", "No such guide"), "No interview guide named 'No such guide'"),
])
def test_bad_input_is_refused_clearly_and_nothing_is_saved(closer_home: Path, capsys: Capsys,
                                                           extra: tuple[str, ...],
                                                           message: str) -> None:
    add_customer(capsys, "Acme")
    rc, out, err = plan(capsys, *extra)  # later options win over plan()'s defaults
    assert rc == 2
    assert message in err and message in out["error"]
    assert run(capsys, "schedule", "series")[1] == []


def test_overlap_for_one_interviewer_is_a_warning(closer_home: Path, capsys: Capsys) -> None:
    add_customer(capsys, "Acme")
    add_customer(capsys, "Globex")
    assert plan(capsys, "--interviewer", "Maria", "--rrule", "FREQ=WEEKLY")[0] == 0
    rc, data, err = run(capsys, "schedule", "add", "--customer", "Globex", "--start",
                        "2031-01-14 10:30", "--tz", "Europe/Berlin", "--interviewer", "Maria")
    assert rc == 0
    warning = ("Maria already has an interview with Acme at Tue 2031-01-14 10:00 "
               "(Europe/Berlin) that overlaps the one with Globex at Tue 2031-01-14 10:30 "
               "(Europe/Berlin).")
    assert data["warnings"] == [warning]
    assert f"closer: warning: {warning}" in err
    assert len(run(capsys, "schedule", "series")[1]) == 2


def test_ics_export_and_import(closer_home: Path, tmp_path: Path, capsys: Capsys) -> None:
    add_customer(capsys, "Acme", "--email", "anna@acme.example")
    add_customer(capsys, "Globex")
    sid = plan(capsys, "--rrule", "FREQ=WEEKLY;COUNT=4")[1]["series_id"]
    run(capsys, "schedule", "skip", str(sid), "--on", "2031-01-14")
    out = tmp_path / "acme.ics"
    rc, data, err = run(capsys, "schedule", "export-ics", str(sid), "--out", str(out))
    assert rc == 0 and data["path"] == str(out), err
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2031, 1, 7, 9, tzinfo=UTC)
    assert [d.astimezone(UTC) for d in event.exdates] == [datetime(2031, 1, 14, 9, tzinfo=UTC)]
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4"

    rc, imported, err = run(capsys, "schedule", "import-ics", str(out), "--customer", "Globex")
    assert rc == 0, err
    (item,) = imported["imported"]
    assert item["customer"] == "Globex" and item["tz"] == "Europe/Berlin"
    assert item["next"] == ["2031-01-07T10:00:00+01:00", "2031-01-21T10:00:00+01:00",
                            "2031-01-28T10:00:00+01:00"]
    rc, again, err = run(capsys, "schedule", "import-ics", str(out))  # attendee -> Acme
    assert rc == 0 and again["imported"] == []
    assert "already in the schedule" in again["warnings"][0] and "warning" in err

    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
    rc, out_json, err = run(capsys, "schedule", "import-ics", str(broken))
    assert rc == 2 and "Not a valid calendar file: event x has no DTSTART" in err
    rc, _, err = run(capsys, "schedule", "import-ics", str(tmp_path / "missing.ics"))
    assert rc == 2 and "Cannot read the calendar file" in err
    assert len(run(capsys, "schedule", "series")[1]) == 2


def test_overdue_and_guides(closer_home: Path, shared_media: Path, tmp_path: Path,
                            capsys: Capsys) -> None:
    add_customer(capsys, "Late", "--cadence-days", "7")
    add_customer(capsys, "On time", "--cadence-days", "30")
    long_ago = "2026-01-05T09:00:00+00:00"
    recent = (datetime.now(UTC) - timedelta(days=2)).replace(microsecond=0).isoformat()
    for name, media, when in (("Late", "ru/pisets_test_sound_ru.wav", long_ago),
                              ("On time", "en/cmu_goforward.wav", recent)):
        rc, _, err = run(capsys, "import", str(shared_media / media), "--customer", name,
                         "--date", when)
        assert rc == 0, err
    before = (datetime.now(UTC) - datetime.fromisoformat(long_ago)).total_seconds() / 86400
    rc, rows, _ = run(capsys, "overdue")
    after = (datetime.now(UTC) - datetime.fromisoformat(long_ago)).total_seconds() / 86400
    assert rc == 0
    (late,) = rows
    assert (late["customer"], late["cadence_days"], late["last_interview"]) == (
        "Late", 7.0, long_ago)
    assert late["days_overdue"] in {math.floor(before - 7), math.floor(after - 7)}

    rc, guides, _ = run(capsys, "guides")
    assert {(g["name"], g["language"], len(g["questions"])) for g in guides} >= {
        ("Customer check-in (EN)", "en", 12), ("Регулярная встреча с клиентом (RU)", "ru", 12)}
    questions = tmp_path / "q.txt"
    questions.write_text("What happened the last time?\n\nWhat did you do next?\n")
    rc, guide, _ = run(capsys, "guide", "add", "Follow-up", "--questions-file", str(questions))
    assert rc == 0 and guide["questions"] == ["What happened the last time?",
                                              "What did you do next?"]
    assert "Follow-up" in [g["name"] for g in run(capsys, "guides")[1]]
