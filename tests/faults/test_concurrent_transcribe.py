"""Item 2 of issue #13: a live transcription job is never run twice (two CLIs, app + CLI).

Real processes on a real library with the bundled tiny.en model: two `closer transcribe 1` at
once, two `closer transcribe --all` at once, and a kill -9 in the middle followed by a resume.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

from sqlmodel import create_engine

from desktop_app.config.paths import database_url
from desktop_app.services.jobs import JobService
from tests.faults.helpers import (
    integrity_ok,
    json_out,
    no_traceback,
    run_closer,
    start_closer,
)

LONG = "en/ljspeech_LJ001-0001_to_0015_concat.flac"  # 105 s: a run takes several seconds
SHORT = ("en/jfk.flac", "en/librivox_sense_and_sensibility_01_0870.wav", "en/cmu_goforward.wav")


def _segments(home: Path, interview_id: int) -> list[tuple[float, float, str]]:
    with sqlite3.connect(home / "closer.sqlite3") as db:
        return db.execute("SELECT start, end, text FROM transcriptsegment WHERE interview_id = ? "
                          "ORDER BY start, id", (interview_id,)).fetchall()


def _no_duplicates(segments: list[tuple[float, float, str]]) -> None:
    assert segments, "nothing transcribed"
    assert len(set(segments)) == len(segments), "a segment is stored twice"
    for (s0, e0, _), (s1, _, t1) in zip(segments, segments[1:], strict=False):
        assert s1 >= e0 - 0.05, f"segment '{t1}' at {s1} overlaps the one at {s0}-{e0}"


def _import(home: Path, media: Path, *names: str) -> list[int]:
    done = run_closer(home, "import", *(str(media / n) for n in names), "--customer", "Anna",
                      "--json")
    assert done.returncode == 0, done.stderr
    return [r["interview_id"] for r in json_out(done)]  # type: ignore[union-attr]


def test_two_processes_transcribing_one_interview(closer_home: Path, shared_media: Path) -> None:
    [iid] = _import(closer_home, shared_media, LONG)
    procs = [start_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 2], outs
    loser = outs[[p.returncode for p in procs].index(2)]
    assert loser[1].startswith(f"closer: Nothing done: interview {iid} is being transcribed: "
                               "already running in another process (pid "), loser
    assert "Traceback" not in loser[1]
    _no_duplicates(_segments(closer_home, iid))
    integrity_ok(closer_home)


def test_two_transcribe_all_runs_share_the_work(closer_home: Path, shared_media: Path) -> None:
    ids = _import(closer_home, shared_media, LONG, *SHORT)
    procs = [start_closer(closer_home, "transcribe", "--all", "--model", "tiny.en", "--json")
             for _ in range(2)]
    outs = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    for iid in ids:
        _no_duplicates(_segments(closer_home, iid))
    with sqlite3.connect(closer_home / "closer.sqlite3") as db:
        done = db.execute("SELECT target_id, count(*) FROM job WHERE status = 'done' "
                          "GROUP BY target_id").fetchall()
    assert dict(done) == dict.fromkeys(ids, 1)  # each interview transcribed exactly once
    integrity_ok(closer_home)


def test_kill_9_then_resume_while_the_app_starts(closer_home: Path, shared_media: Path) -> None:
    [iid] = _import(closer_home, shared_media, LONG)
    first = start_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
    deadline = time.monotonic() + 300
    while not _segments(closer_home, iid):
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.2)
    # the app starting now (its start-up marks crashed jobs) must leave the live job alone
    jobs = JobService(create_engine(database_url(closer_home)))
    assert jobs.mark_interrupted() == []
    assert jobs.list()[0].status == "running"
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert jobs.list()[0].status == "running"  # left behind by the dead process
    partial = _segments(closer_home, iid)
    resumed = start_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
    time.sleep(1.0)
    third = run_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
    out, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err
    assert third.returncode == 2, third.stderr
    # it came while the resumed job ran, or after: a finished transcript needs --replace
    assert ("already running in another process" in third.stderr
            or "is already transcribed; to transcribe it again use --replace" in third.stderr)
    no_traceback(third)
    final = _segments(closer_home, iid)
    assert set(partial) <= set(final)  # nothing committed before the kill was lost
    _no_duplicates(final)
    assert final[-1][1] > 95  # transcribed to the end of the 105 s reading
    assert [j.status for j in jobs.list()].count("done") == 1
    integrity_ok(closer_home)
