"""`closer audit`: every export is logged with when, what, audience, where and whose words it
carried: reel renders, playlist exports, transcript and CSV exports, the taxonomy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.test_customer_cli import run_json


def test_exports_are_listed_by_closer_audit(
        closer_home: Path, shared_media: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    rc, audit = run_json(capsys, "audit")
    assert rc == 0 and audit == []
    rc, rows = run_json(capsys, "import", str(shared_media / "en" / "jfk.flac"),
                        "--customer", "John Kennedy", "--date", "2026-11-05")
    iid = str(rows[0]["interview_id"])
    rc, customers = run_json(capsys, "customers")
    john = customers[0]["id"]
    assert run_json(capsys, "consent", "set", iid, "--internal", "--onboarding")[0] == 0
    rc, done = run_json(capsys, "transcribe", iid, "--model", "tiny.en", "--language", "en")
    assert rc == 0, done
    rc, h = run_json(capsys, "highlight", "add", iid, "--start", "1", "--end", "4")
    assert rc == 0, h
    rc, reel = run_json(capsys, "reel", "create", "Ask not", "--audience", "onboarding")
    rid = str(reel["id"])
    assert run_json(capsys, "reel", "add", rid, "--interview", iid, "--start", "1",
                    "--end", "4")[0] == 0
    out = tmp_path / "ask-not.mp4"
    assert run_json(capsys, "reel", "render", rid, "--out", str(out))[0] == 0
    rc, pl = run_json(capsys, "playlist", "create", "New staff")
    assert run_json(capsys, "playlist", "add", str(pl["id"]), rid)[0] == 0
    folder = tmp_path / "onboarding"
    rc, exported = run_json(capsys, "playlist", "export", str(pl["id"]), "--out", str(folder))
    assert rc == 0, exported
    text = tmp_path / "jfk.txt"
    rc, exported = run_json(capsys, "export-transcript", iid, "--format", "txt",
                            "--out", str(text))
    assert rc == 0, exported
    csv = tmp_path / "highlights.csv"
    assert run_json(capsys, "highlights-csv", "--out", str(csv))[0] == 0
    tax = tmp_path / "taxonomy.json"
    assert run_json(capsys, "taxonomy", "export", "--out", str(tax))[0] == 0

    rc, audit = run_json(capsys, "audit")
    assert rc == 0
    got = [(a["action"], a["audience"], a["subject"], a["path"], a["customer_ids"])
           for a in reversed(audit)]  # newest first: reversed is the order they happened
    assert got == [
        ("reel_render", "onboarding", "Ask not", str(out), [john]),
        ("playlist_export", "onboarding", "New staff", str(folder), [john]),
        ("transcript_export", "", f"interview {iid}", str(text), [john]),
        ("highlights_csv", "", "1 highlights", str(csv), [john]),
        ("taxonomy_export", "", "touchpoints, zones and rules", str(tax), []),
    ]
    now = datetime.now(UTC)
    assert all(now - timedelta(minutes=5) < datetime.fromisoformat(a["at"]) <= now
               for a in audit)
    rc, renders = run_json(capsys, "audit", "--action", "reel_render", "--limit", "5")
    assert [a["path"] for a in renders] == [str(out)]
    assert renders[0]["label"] == "Reel rendered" and renders[0]["details"]["reel_id"] == \
        int(rid)
