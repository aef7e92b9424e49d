"""Highlight reels through the real CLI: import, real Whisper words, highlights, reels, renders.

Every render runs as a persisted job and is decoded with PyAV.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main as cli
from desktop_app.cli.context import services
from tests.unit.test_reels_service import (
    CLIP_KEYS,
    JFK,
    OTHER,
    RESULT_KEYS,
    VIDEO,
    decode_facts,
    frames_at,
    phrase,
    write_transcript,
)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    rc = cli([*args, "--json"])
    out = capsys.readouterr().out
    return rc, json.loads(out)


def run_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    rc = cli(list(args))
    assert rc == 2
    return capsys.readouterr().err


def import_one(capsys: pytest.CaptureFixture[str], path: Path, customer: str, date: str,
               *extra: str) -> int:
    rc, rows = run_json(capsys, "import", str(path), "--customer", customer, "--date", date,
                        *extra)
    assert rc == 0 and rows[0]["ok"], rows
    return int(rows[0]["interview_id"])


def highlight(capsys: pytest.CaptureFixture[str], iid: int, text: str, severity: int = 3,
              touchpoint: str = "Support") -> dict[str, Any]:
    a, b, _ = phrase(services(), iid, text)
    rc, h = run_json(capsys, "highlight", "add", str(iid), "--start", str(a), "--end", str(b),
                     "--touchpoint", touchpoint, "--severity", str(severity))
    assert rc == 0, h
    return h


def cli_library(capsys: pytest.CaptureFixture[str], shared_media: Path) -> dict[str, int]:
    """Anna's video and John's JFK recording imported by the CLI, with real Whisper words."""
    video = import_one(capsys, shared_media / VIDEO, "Anna Petrova", "2026-10-01")
    jfk = import_one(capsys, shared_media / JFK, "John Kennedy", "2026-11-05")
    write_transcript(services(), video, shared_media / VIDEO)
    write_transcript(services(), jfk, shared_media / JFK)
    return {"video": video, "jfk": jfk}


@pytest.fixture()
def library(closer_home: Path, shared_media: Path,
            capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    return cli_library(capsys, shared_media)


def test_create_and_render_a_reel_with_burnt_captions(library: dict[str, int], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    h1 = highlight(capsys, library["video"], "this is an example video")
    h2 = highlight(capsys, library["jfk"], "ask not what your country can do for you")
    rc, reel = run_json(capsys, "reel", "create", "Support pains", "--highlight", str(h1["id"]),
                        "--highlight", str(h2["id"]), "--title", "Support pains")
    assert rc == 0, reel
    assert set(reel) >= {"id", "name", "items"} and reel["name"] == "Support pains"
    assert [i["highlight_id"] for i in reel["items"]] == [h1["id"], h2["id"]]
    for item, h in zip(reel["items"], (h1, h2), strict=True):
        assert item["start"] <= h["start"] < h["end"] <= item["end"]
    out = tmp_path / "support pains.mp4"
    rc, result = run_json(capsys, "reel", "render", str(reel["id"]), "--out", str(out),
                          "--captions", "burn")
    assert rc == 0, result
    assert set(result) >= RESULT_KEYS and all(set(c) >= CLIP_KEYS for c in result["clips"])
    assert result["path"] == str(out) and out.is_file()
    assert (result["video_codec"], result["audio_codec"], result["width"], result["height"]) \
        == ("h264", "aac", 1280, 720)
    facts = decode_facts(out)
    assert (facts["vcodec"], facts["acodec"], facts["size"]) == ("h264", "aac", (1280, 720))
    clips_s = sum(i["end"] - i["start"] for i in reel["items"])
    assert facts["duration"] == pytest.approx(clips_s + 3.0, abs=0.1)
    clips = result["clips"]
    assert [c["source_interview_id"] for c in clips] == [library["video"], library["jfk"]]
    assert clips[0]["out_start"] == pytest.approx(3.0, abs=0.04)
    assert clips[1]["out_start"] == pytest.approx(clips[0]["out_end"], abs=1e-3)
    assert clips[1]["out_end"] == pytest.approx(facts["duration"], abs=0.1)
    # the audio-only JFK clip is a picture too: its waveform card on the dark background
    [card] = frames_at(out, [(clips[1]["out_start"] + clips[1]["out_end"]) / 2])
    assert card[:, :, 1].mean() < 100
    vtt = out.with_suffix(".vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "example video" in vtt and "country" in vtt
    assert out.with_suffix(".srt").is_file()
    rc, reels = run_json(capsys, "reels")
    assert [(r["id"], r["items"]) for r in reels] == [(reel["id"], 2)]
    assert reels[0]["duration_s"] == pytest.approx(clips_s + 3.0, abs=1e-3)
    rc, jobs = run_json(capsys, "jobs")
    assert [(j["kind"], j["status"]) for j in jobs] == [("render_reel", "done")]


def test_render_refusals_name_the_clip_and_the_reason(library: dict[str, int], tmp_path: Path,
                                                       shared_media: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    h = highlight(capsys, library["video"], "this is an example video")
    rc, reel = run_json(capsys, "reel", "create", "Consent", "--highlight", str(h["id"]))
    rid = str(reel["id"])
    rc, _ = run_json(capsys, "consent", "set", str(library["video"]), "--method", "none")
    assert rc == 0
    out = tmp_path / "blocked.mp4"
    err = run_error(capsys, "reel", "render", rid, "--out", str(out), "--captions", "none")
    assert "Reel 'Consent' cannot be rendered until consent is resolved" in err
    assert f"clip 1 (Anna Petrova, interview {library['video']}): recorded without consent" \
        in err
    assert not out.exists()
    rc, shown = run_json(capsys, "reel", "show", rid)
    assert shown["items"][0]["consent_ok"] is False
    rc, _ = run_json(capsys, "consent", "set", str(library["video"]), "--internal",
                     "--given-by", "Anna")
    err = run_error(capsys, "reel", "render", rid, "--out", str(tmp_path / "no" / "x.mp4"))
    assert "cannot save here: the folder" in err and "does not exist" in err
    # a recording that went missing after import
    copy = tmp_path / "call.flac"
    shutil.copy(shared_media / OTHER, copy)
    lost = import_one(capsys, copy, "Maria Lopez", "2026-03-01", "--link")
    rc, item = run_json(capsys, "reel", "add", rid, "--interview", str(lost), "--start", "1",
                        "--end", "3")
    assert rc == 0, item
    copy.unlink()
    rc, failed = run_json(capsys, "reel", "render", rid, "--out", str(out))
    assert rc == 2 and f"recording of interview {lost}" in failed["error"]
    assert str(copy) in failed["error"] and "is missing" in failed["error"]
    rc, jobs = run_json(capsys, "jobs")
    assert {j["status"] for j in jobs} == {"failed"} and len(jobs) == 3


def test_auto_reel_prefers_other_customers_within_the_time_limit(
        library: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    a1 = highlight(capsys, library["video"], "this is an example video", severity=5)
    a2 = highlight(capsys, library["video"], "on the bottom right you can see the time",
                   severity=5)
    j1 = highlight(capsys, library["jfk"], "ask what you can do for your country", severity=2)
    rc, reel = run_json(capsys, "reel", "auto", "Support", "--touchpoint", "Support",
                        "--max-seconds", "60")
    assert rc == 0, reel
    assert [i["highlight_id"] for i in reel["items"]] == [a1["id"], j1["id"], a2["id"]]
    limit = reel["duration_s"] - (reel["items"][2]["end"] - reel["items"][2]["start"]) + 0.05
    rc, short = run_json(capsys, "reel", "auto", "Short", "--touchpoint", "Support",
                         "--max-seconds", f"{limit:.2f}")
    assert [i["highlight_id"] for i in short["items"]] == [a1["id"], j1["id"]]
    assert short["duration_s"] <= limit
    rc, out = run_json(capsys, "reel", "auto", "Nothing", "--touchpoint", "Pay")
    assert rc == 2 and "No highlights for touchpoint 'Pay'" in out["error"]
