"""`closer retention --dry-run|--apply [--months N]`: preview, then delete old recordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_customer_cli import refused, run_json


def test_retention_previews_then_deletes_old_recordings(
        closer_home: Path, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, rows = run_json(capsys, "import", str(shared_media / "en" / "jfk.flac"),
                        "--customer", "John Kennedy", "--date", "2023-05-01")
    iid = rows[0]["interview_id"]
    rc, interviews = run_json(capsys, "interviews")
    media = Path(interviews[0]["media_path"])
    assert media.is_file()
    assert "No retention policy" in refused(capsys, "retention", "--dry-run")
    rc, plan = run_json(capsys, "retention", "--dry-run", "--months", "12")
    assert rc == 0 and not plan["applied"]
    assert [g["interview_id"] for g in plan["goes"]] == [iid] and media.is_file()
    rc, done = run_json(capsys, "retention", "--apply", "--months", "12")
    assert rc == 0 and done["applied"] and not media.exists()
    rc, interviews = run_json(capsys, "interviews")
    assert interviews[0]["media_path"] == ""
    assert "removed by the retention policy" in interviews[0]["media_removed"]
