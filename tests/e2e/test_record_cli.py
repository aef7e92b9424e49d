"""`closer record` and `closer recover` end to end, in subprocesses, with the real capture engine
(a synthetic video source and real speech played in real time): the file is decoded back, the
interview, its consent and markers are read from the library, and a recording killed with
SIGKILL is recovered."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import numpy as np
import pytest
from sqlmodel import select

from desktop_app.cli import main as cli
from desktop_app.media.audio import decode_audio
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent, Highlight, Job
from desktop_app.wiring import build_services

REPO = Path(__file__).resolve().parents[2]
CLOSER = [sys.executable, "-m", "desktop_app"]


def closer(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([*CLOSER, *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_until_recording(proc: subprocess.Popen[str]) -> str:
    """The stderr line that says frames flow into the partial file."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("closer: recording interview"):
            return line
    raise AssertionError(f"closer record never started (rc {proc.wait(10)})")


def decode_all(path: Path) -> tuple[int, list[float]]:
    """Every video frame and every audio sample decoded: (frames, seconds per audio track)."""
    with av.open(os.fspath(path)) as container:
        video = container.streams.video[0]
        assert video.codec_context.name == "h264"
        frames = sum(1 for _ in container.decode(video))
    seconds = []
    with av.open(os.fspath(path)) as container:
        for stream in container.streams.audio:
            assert stream.codec_context.name == "aac"
            samples = sum(f.samples for f in container.decode(stream))
            seconds.append(samples / stream.rate)
    return frames, seconds


def test_record_a_synthetic_interview_with_speech_markers_and_consent(
        closer_home: Path, shared_media: Path) -> None:
    jfk = shared_media / "en/jfk.flac"
    proc = closer("record", "--customer", "Anna Petrova", "--synthetic-video", "--speech",
                  str(jfk), "--seconds", "7", "--consent", "internal", "--mark-at", "2",
                  "--mark-at", "5.5", "--json")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    data = json.loads(out)
    path = Path(data["path"])
    assert path.parent == closer_home / "recordings" and path.is_file()
    assert data["video_codec"] == "h264"
    assert data["audio_tracks"] == [{"source": "Interviewer", "codec": "aac"}]
    assert abs(data["duration_s"] - 7.0) <= 0.5, data
    frames, audio = decode_all(path)  # the whole file decodes
    assert abs(frames / 30 - 7.0) <= 0.5 and abs(audio[0] - 7.0) <= 0.5, (frames, audio)
    recorded = decode_audio(path)  # JFK's speech is in the track, not silence
    assert np.sqrt(np.mean(recorded[:16000 * 5] ** 2)) > 0.02
    assert [round(m["t"]) for m in data["markers"]] == [2, 6]
    assert all(abs(m["t"] - want) < 0.4 for m, want in zip(data["markers"], (2, 5.5),
                                                           strict=True))

    svc = build_services(closer_home)
    row = svc.interviews.get(data["interview_id"])
    assert (row.customer, row.status, Path(row.media_path)) == ("Anna Petrova", "recorded",
                                                                  path.resolve())
    with session_scope(svc.engine) as s:
        consent = s.exec(select(Consent).where(
            Consent.interview_id == data["interview_id"])).one()
        stubs = s.exec(select(Highlight).where(
            Highlight.interview_id == data["interview_id"])).all()
        job = s.get(Job, data["transcribe_job_id"])
    assert (consent.method, consent.internal, consent.onboarding, consent.given_by) == (
        "verbal", True, False, "Anna Petrova")
    assert [h.status for h in stubs] == ["stub"] and data["highlight_stubs"] == [stubs[0].id]
    assert job is not None and (job.kind, job.status, job.target_id) == (
        "transcribe", "queued", data["interview_id"])  # the app picks it up at its next start


def test_a_killed_recording_is_recovered_and_attached(closer_home: Path,
                                                      shared_media: Path) -> None:
    proc = closer("record", "--customer", "Globex", "--synthetic-video", "--speech",
                  str(shared_media / "en/jfk.flac"), "--seconds", "30", "--consent", "none",
                  "--json")
    try:
        line = wait_until_recording(proc)
        partial = Path(line.rsplit(" into ", 1)[1].strip())
        time.sleep(6.0)  # it records in another process: nothing to wait on here
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert partial.is_file() and partial.name.endswith(".partial.mp4")

    rc = cli(["recover", "--json"])
    assert rc == 0
    svc = build_services(closer_home)
    rows = svc.interviews.list()
    assert len(rows) == 1 and rows[0].status == "recorded"
    media = Path(rows[0].media_path)
    frames, audio = decode_all(media)
    assert frames / 30 >= 4.0 and audio[0] >= 4.0, (frames, audio)
    assert rows[0].duration_s >= 4.0
    assert not partial.exists()
    with session_scope(svc.engine) as s:
        consent = s.exec(select(Consent)).one()
    assert consent.method == "none"  # recorded without consent stays out of reels
    assert svc.recording.interrupted() == []


def test_recover_reports_what_it_recovered(closer_home: Path, shared_media: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    proc = closer("record", "--customer", "Initech", "--speech",
                  str(shared_media / "en/jfk.flac"), "--seconds", "30", "--consent",
                  "internal,public", "--json")
    try:
        line = wait_until_recording(proc)
        interview_id = int(line.split()[3])
        time.sleep(3.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert cli(["recover", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["interview_id"] == interview_id and item["error"] is None
    assert 1.5 <= item["duration_s"] <= 3.5, item  # sound only: the last second may be lost
    assert Path(item["path"]).is_file()
    assert cli(["recover", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_sigterm_stops_and_keeps_the_recording(closer_home: Path, shared_media: Path) -> None:
    proc = closer("record", "--customer", "Hooli", "--speech",
                  str(shared_media / "en/jfk.flac"), "--consent", "onboarding", "--json")
    try:
        wait_until_recording(proc)
        time.sleep(3.0)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    data = json.loads(out)
    assert data["stop_reason"] == "user" and data["video_codec"] is None
    assert 2.5 <= data["duration_s"] <= 4.5, data


def test_record_refuses_without_consent_or_with_a_missing_device(
        closer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["record", "--customer", "Anna", "--seconds", "1", "--json"]) == 2
    assert "Recording needs consent first" in json.loads(capsys.readouterr().out)["error"]
    assert cli(["record", "--customer", "Anna", "--consent", "everyone", "--json"]) == 2
    assert "Unknown consent 'everyone'" in json.loads(capsys.readouterr().out)["error"]
    assert cli(["record", "--customer", "Anna", "--consent", "internal", "--camera",
                "No Such Cam", "--mic", "none", "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert "camera" in error
    assert build_services(closer_home).interviews.list() == []  # nothing was started
