"""`closer consent set --given-on/--valid-days`, `consent expired`, `consent renew`: an expired
consent names the customer and the date, and keeps the reel from rendering until renewed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main as cli
from tests.e2e.test_customer_cli import refused, run_json


def test_expired_consent_is_listed_blocks_the_render_and_is_renewed(
        closer_home: Path, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, rows = run_json(capsys, "import", str(shared_media / "en" / "jfk.flac"),
                        "--customer", "John Kennedy", "--date", "2024-01-05")
    assert rc == 0 and rows[0]["ok"], rows
    iid = str(rows[0]["interview_id"])
    rc, consent = run_json(capsys, "consent", "set", iid, "--internal", "--given-on",
                           "2024-01-05", "--valid-days", "365")
    assert rc == 0 and consent["expired"] is True
    assert consent["valid_until"].startswith("2025-01-04")
    rc, expired = run_json(capsys, "consent", "expired")
    assert rc == 0
    assert [(e["customer"], e["interview_id"], e["message"]) for e in expired] == [
        ("John Kennedy", int(iid),
         f"John Kennedy: consent for interview {iid} expired on 2025-01-04")]

    rc, reel = run_json(capsys, "reel", "create", "Team meeting")
    rid = str(reel["id"])
    rc, reel = run_json(capsys, "reel", "add", rid, "--interview", iid, "--start", "1",
                        "--end", "4")
    assert rc == 0, reel
    rc, reels = run_json(capsys, "reels")
    assert reels[0]["consent_issues"] == [
        f"clip 1 (John Kennedy, interview {iid}): consent expired on 2025-01-04: renew it "
        "with the customer"]
    out = closer_home.parent / "out.mp4"  # outside the library (renders never go inside)
    line = refused(capsys, "reel", "render", rid, "--out", str(out))
    assert "John Kennedy" in line and "consent expired on 2025-01-04" in line
    assert not out.exists()

    rc, renewed = run_json(capsys, "consent", "renew", iid)
    assert rc == 0 and renewed["expired"] is False and renewed["internal"] is True
    rc, expired = run_json(capsys, "consent", "expired", "--customer", "john kennedy")
    assert expired == []
    rc, reels = run_json(capsys, "reels")
    assert reels[0]["consent_issues"] == []
    with pytest.raises(SystemExit) as bad:
        cli(["consent", "set", iid, "--internal", "--given-on", "05/01/2024"])
    assert bad.value.code == 2
    assert "is not a date like 2025-03-31" in capsys.readouterr().err
