"""Items 10 and 9 (in part) of issue #13: bad input is refused with one line, nothing stored.

Real CLI processes: a picture renamed .mp4, an over-long touchpoint name, an unknown taxonomy
format or version, taxonomy JSON nested 100,000 deep, and an .ics TZID that is a path.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from PIL import Image

from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer


def _count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "closer.sqlite3") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_picture_renamed_as_a_video_is_refused(closer_home: Path, shared_media: Path,
                                                 tmp_path: Path) -> None:
    png, jpg = tmp_path / "screenshot.mp4", tmp_path / "photo.mov"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(png, format="PNG")
    Image.new("RGB", (640, 480), (20, 30, 200)).save(jpg, format="JPEG")
    good = tmp_path / "call.wav"
    shutil.copy(shared_media / "en/cmu_goforward.wav", good)
    done = run_closer(closer_home, "import", str(png), str(jpg), str(good), "--customer",
                      "Anna", "--json")
    no_traceback(done)
    assert done.returncode == 1
    by_name = {Path(r["path"]).name: r for r in json_out(done)}  # type: ignore[union-attr]
    assert by_name["screenshot.mp4"]["error"] == (
        "screenshot.mp4: is a picture (PNG), not an audio or video recording")
    assert by_name["photo.mov"]["error"] == (
        "photo.mov: is a picture (JPEG), not an audio or video recording")
    assert by_name["call.wav"]["ok"]
    assert _count(closer_home, "interview") == 1


def _taxonomy(tmp: Path, name: str, data: object) -> Path:
    path = tmp / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_bad_taxonomy_files_are_refused_and_change_nothing(closer_home: Path,
                                                           tmp_path: Path) -> None:
    assert run_closer(closer_home, "touchpoints").returncode == 0
    before = json_out(run_closer(closer_home, "touchpoints", "--json"))
    cases = {
        _taxonomy(tmp_path, "long.json", {"format": "closer-taxonomy", "version": 1,
                                          "touchpoints": [{"name": "x" * 1_000_000}]}):
            "touchpoints #1: \"name\" is too long (1,000,000 characters; at most 200)",
        _taxonomy(tmp_path, "other.json", {"format": "miro-board", "touchpoints": []}):
            "has the unknown format \"miro-board\" (expected \"closer-taxonomy\")",
        _taxonomy(tmp_path, "future.json", {"format": "closer-taxonomy", "version": 7,
                                            "touchpoints": []}):
            "is version 7, which this app cannot read (it reads version 1)",
        _taxonomy(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000):
            "is nested too deeply to be a taxonomy",
    }
    for path, reason in cases.items():
        done = run_closer(closer_home, "taxonomy", "import", str(path))
        no_traceback(done)
        assert done.returncode == 2, done.stdout
        assert reason in done.stderr and len(done.stderr) < 400, done.stderr[:400]
        assert done.stderr.count("\n") == 1
        assert "was not imported" in done.stderr or "nothing was imported" in done.stderr
    assert json_out(run_closer(closer_home, "touchpoints", "--json")) == before
    integrity_ok(closer_home)


def test_an_ics_time_zone_that_is_a_path_is_refused(closer_home: Path, tmp_path: Path) -> None:
    ics = tmp_path / "invite.ics"
    ics.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:evil-1\r\nSUMMARY:Check-in\r\n"
        b"DTSTART;TZID=../../../etc/passwd:20260701T100000\r\n"
        b"DTEND;TZID=../../../etc/passwd:20260701T110000\r\n"
        b"ATTENDEE;CN=Anna:MAILTO:anna@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert run_closer(closer_home, "customer", "add", "Anna", "--email",
                      "anna@example.com").returncode == 0
    done = run_closer(closer_home, "schedule", "import-ics", str(ics), "--customer", "Anna")
    no_traceback(done)
    assert done.returncode == 2
    assert done.stderr == (
        "closer: Not a valid calendar file: event evil-1: unknown time zone "
        "'../../../etc/passwd' (expected a name like Europe/Berlin); nothing was imported\n")
    assert _count(closer_home, "interviewseries") == 0
    integrity_ok(closer_home)
