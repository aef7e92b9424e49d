"""Which interviews to remind about at `now`, and the small file that remembers what was said.

Pure decisions over occurrence rows and an explicit clock: a planned interview is announced
once from `lead` minutes before its start until it ends; an interview that ended unrecorded
and was never announced (the app was not running) is reported as missed at the next check,
within a bounded look-back so a first start does not flood the user. Keys of announced
interviews live in `reminders.json` in the library folder, so a restart does not repeat them.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.services.scheduling_status import OccurrenceRow

REMINDERS_FILE = "reminders.json"
MISSED_LOOKBACK = timedelta(days=7)  # never report misses older than this
FIRST_RUN_LOOKBACK = timedelta(days=1)  # before the first check ever
KEEP_KEYS = timedelta(days=60)


@dataclass(frozen=True)
class Reminder:
    """One thing to tell the user: an interview coming up (or under way), or one missed."""

    kind: str  # "upcoming" | "missed"
    occurrence: OccurrenceRow
    minutes_to_start: int  # negative once it has started

    @property
    def key(self) -> str:
        return self.occurrence.key


def window(now_utc: datetime, lead_minutes: int) -> tuple[datetime, datetime]:
    """The start-time window to load occurrences for one check."""
    return now_utc - MISSED_LOOKBACK - timedelta(days=1), now_utc + timedelta(
        minutes=max(lead_minutes, 0) + 1)


def due_reminders(occurrences: Iterable[OccurrenceRow], *, now_utc: datetime,
                  lead_minutes: int, reminded: Collection[str],
                  last_check_utc: datetime | None) -> list[Reminder]:
    """What to announce now, soonest first; `reminded` keys are never announced again."""
    lead = timedelta(minutes=max(lead_minutes, 0))
    since = last_check_utc if last_check_utc is not None else now_utc - FIRST_RUN_LOOKBACK
    since = max(since, now_utc - MISSED_LOOKBACK)
    due: list[Reminder] = []
    for occ in occurrences:
        if occ.key in reminded:
            continue
        minutes = int((occ.start_utc - now_utc).total_seconds() // 60)
        if occ.status == "planned" and occ.start_utc - lead <= now_utc < occ.end_utc:
            due.append(Reminder("upcoming", occ, minutes))
        elif occ.status == "missed" and since < occ.end_utc <= now_utc:
            due.append(Reminder("missed", occ, minutes))
    due.sort(key=lambda r: (r.kind != "missed", r.occurrence.start_utc, r.occurrence.series_id))
    return due


class ReminderStore:
    """`reminders.json`: announced keys (with when) and the time of the last check."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reminded: dict[str, datetime] = {}
        self.last_check_utc: datetime | None = None
        self._load()

    @classmethod
    def in_library(cls, home: Path) -> ReminderStore:
        return cls(home / REMINDERS_FILE)

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # missing or broken: start afresh rather than fail the app
        if not isinstance(data, dict):
            return
        for key, when in (data.get("reminded") or {}).items():
            stamp = _read(when)
            if stamp is not None:
                self.reminded[str(key)] = stamp
        self.last_check_utc = _read(data.get("last_check"))

    def mark(self, keys: Iterable[str], now_utc: datetime) -> None:
        for key in keys:
            self.reminded[key] = now_utc

    def checked(self, now_utc: datetime) -> None:
        """Record a finished check and write the file (atomically; old keys pruned)."""
        self.last_check_utc = now_utc
        cutoff = now_utc - KEEP_KEYS
        self.reminded = {k: t for k, t in self.reminded.items() if t >= cutoff}
        data = {"last_check": now_utc.isoformat(),
                "reminded": {k: t.isoformat() for k, t in sorted(self.reminded.items())}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".reminders-",
                                       suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only library still shows reminders; they may repeat after restart


def _read(value: object) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
