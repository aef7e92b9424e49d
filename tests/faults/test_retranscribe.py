"""Item 4 of issue #13: transcribing again never throws away a person's corrections.

Real CLI processes and the bundled tiny.en model on a real 105 s reading.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer
from tests.faults.test_concurrent_transcribe import LONG, _import, _no_duplicates, _segments


def _transcript(home: Path, iid: int) -> dict:
    done = run_closer(home, "transcript", str(iid), "--json")
    assert done.returncode == 0, done.stderr
    return json_out(done)  # type: ignore[return-value]


def test_transcribing_again_keeps_corrections_and_the_old_version(closer_home: Path,
                                                                  shared_media: Path) -> None:
    [iid] = _import(closer_home, shared_media, LONG)
    first = run_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
    assert first.returncode == 0, first.stderr
    segs = _transcript(closer_home, iid)["segments"]
    assert len(segs) >= 5
    with sqlite3.connect(closer_home / "closer.sqlite3") as db:
        ids = [r[0] for r in db.execute("SELECT id FROM transcriptsegment ORDER BY start, id")]
    fixed, named = {**segs[1], "id": ids[1]}, {**segs[3], "id": ids[3]}
    text = "Printing, in the only sense with which we are at present concerned (corrected)"
    assert run_closer(closer_home, "segment", "edit", str(fixed["id"]), text).returncode == 0
    assert run_closer(closer_home, "speaker", "set", "Narrator Linda", "--segments",
                      str(named["id"])).returncode == 0
    before = _transcript(closer_home, iid)
    jobs_before = json_out(run_closer(closer_home, "jobs", "--json"))

    refused = run_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en")
    no_traceback(refused)
    assert refused.returncode == 2
    assert refused.stderr == (
        f"closer: Interview {iid} is already transcribed (1 segment(s) corrected by hand); to "
        "transcribe it again use --replace: corrected segments and speaker names are kept and "
        "the old version is saved.\n")
    assert _transcript(closer_home, iid) == before  # nothing lost
    assert json_out(run_closer(closer_home, "jobs", "--json")) == jobs_before  # no job made

    again = run_closer(closer_home, "transcribe", str(iid), "--model", "tiny.en", "--replace")
    assert again.returncode == 0, again.stderr
    after = _transcript(closer_home, iid)["segments"]
    texts = [g["text"] for g in after]
    assert texts.count(text) == 1  # the correction is there, once
    assert any(g["speaker"] == "Narrator Linda" and g["start"] < named["end"]
               and g["end"] > named["start"] for g in after)
    _no_duplicates(_segments(closer_home, iid))
    assert after[-1]["end"] > 95

    listed = json_out(run_closer(closer_home, "transcript-restore", str(iid), "--list",
                                 "--json"))
    assert len(listed) == 1  # type: ignore[arg-type]
    restored = run_closer(closer_home, "transcript-restore", str(iid), "--version",
                          listed[0])  # type: ignore[index]
    assert restored.returncode == 0, restored.stderr
    back = _transcript(closer_home, iid)["segments"]
    assert [(g["start"], g["text"], g["speaker"]) for g in back] == \
        [(g["start"], g["text"], g["speaker"]) for g in before["segments"]]
    integrity_ok(closer_home)
