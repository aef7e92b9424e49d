"""Item 7 of issue #13: recurrences more often than daily are refused; every expansion is bounded.

Real CLI processes. A rule stored before this check (written into the database the way an older
version did) must not make `schedule list` or `overdue` hang.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.faults.helpers import integrity_ok, no_traceback, run_closer

ADD = ("schedule", "add", "--customer", "Anna", "--start", "2026-03-10 14:30",
       "--tz", "Europe/Berlin")


@pytest.mark.parametrize(("rule", "reason"), [
    ("FREQ=SECONDLY", "interviews repeat at most daily"),
    ("FREQ=MINUTELY;COUNT=1000000", "interviews repeat at most daily"),
    ("FREQ=HOURLY;INTERVAL=5", "interviews repeat at most daily"),
    ("FREQ=DAILY;BYHOUR=9,10,11", "BYHOUR with several values means several interviews a "
                                  "day"),
    ("FREQ=DAILY;COUNT=1000000", "COUNT may be at most 1000"),
])
def test_too_frequent_rules_are_refused_at_once(closer_home: Path, rule: str,
                                                reason: str) -> None:
    assert run_closer(closer_home, "customer", "add", "Anna").returncode == 0
    done = run_closer(closer_home, *ADD, "--rrule", rule, timeout=30)
    no_traceback(done)
    assert done.returncode == 2
    assert done.stderr == f"closer: Invalid recurrence rule {rule!r}: {reason}" + (
        "; FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY\n" if "daily" in reason else
        "; give one time\n" if "BYHOUR" in reason else "\n")
    listed = run_closer(closer_home, "schedule", "list", "--json", timeout=30)
    assert listed.stdout.strip() == "[]"  # nothing was stored


def test_a_stored_secondly_rule_does_not_hang_listing(closer_home: Path) -> None:
    assert run_closer(closer_home, "customer", "add", "Anna").returncode == 0
    ok = run_closer(closer_home, *ADD, "--rrule", "FREQ=WEEKLY;BYDAY=TU", "--json")
    assert ok.returncode == 0, ok.stderr
    with sqlite3.connect(closer_home / "closer.sqlite3") as db:  # as an older version stored it
        db.execute("UPDATE interviewseries SET rrule = 'FREQ=SECONDLY'")
    for args in (("schedule", "list"), ("overdue",)):
        done = run_closer(closer_home, *args, timeout=60)  # was ~64 s each
        no_traceback(done)
        assert done.returncode == 0, done.stderr
    integrity_ok(closer_home)
