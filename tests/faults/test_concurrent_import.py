"""Item 5 of issue #13: one recording imported by several processes at once is one interview."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tests.faults.helpers import integrity_ok, start_closer

CLIP = "en/librivox_sense_and_sensibility_01_0870.wav"


def test_the_same_file_imported_by_six_processes_at_once(closer_home: Path, shared_media: Path,
                                                         tmp_path: Path) -> None:
    a = tmp_path / "call.wav"
    shutil.copy(shared_media / CLIP, a)
    b = tmp_path / "copy of the call.wav"  # same bytes, another name
    shutil.copy(shared_media / CLIP, b)
    # the library exists first, so the runs race on the import, not on creating the database
    assert start_closer(closer_home, "customers").wait(120) == 0
    procs = [start_closer(closer_home, "import", str(p), "--customer", "Anna", "--json")
             for p in (a, b, a, b, a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err + out
    rows = [json.loads(out)[0] for out, _ in outs]
    assert len({r["interview_id"] for r in rows}) == 1  # every run names the same interview
    assert sorted(r["duplicate"] for r in rows) == [False] + [True] * 5
    with sqlite3.connect(closer_home / "closer.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM interview").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM mediaasset").fetchone()[0] == 1
    media = [p for p in (closer_home / "media").rglob("*") if p.is_file()]
    assert len(media) == 1 and not media[0].name.startswith(".")  # no leftover partial copies
    assert media[0].read_bytes() == a.read_bytes()
    integrity_ok(closer_home)
