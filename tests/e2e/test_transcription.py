"""Local transcription end to end: real models (base, tiny.en), real speech, the real CLI and DB.

Covers: JFK via `closer transcribe --json`, Russian in Cyrillic, speakers from stereo channels
and from two audio tracks, resume after `kill -9`, cancel from another thread, search, every
export format parsed back, and bad input (no audio, silence, damaged file, bad language/model).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from docx import Document

from desktop_app.cli import main as cli
from desktop_app.cli.context import services
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.text import normalize_text, wer
from desktop_app.media.audio import decode_audio
from desktop_app.services.transcription import NO_SPEECH, channels_differ
from desktop_app.wiring import Services

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
LONG = "en/ljspeech_LJ001-0001_to_0015_concat.flac"
LEFT = "He began a confused complaint against the wizard, who had vanished behind the curtain " \
       "on the left."
RIGHT = "The horizon seems extremely distant."


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    rc = cli([*args, "--json"])
    return rc, json.loads(capsys.readouterr().out)


def reference(shared_media: Path, rel: str) -> str:
    return (shared_media / rel).with_suffix(".txt").read_text(encoding="utf-8").strip()


def text_of(result: dict[str, Any], speaker: str | None = None) -> str:
    return " ".join(s["text"] for s in result["segments"]
                    if speaker is None or s["speaker"] == speaker)


def assert_well_timed(result: dict[str, Any]) -> None:
    """Segments in time order, per track never overlapping; words monotonic inside them."""
    ends: dict[str, float] = {}
    starts = [s["start"] for s in result["segments"]]
    assert starts == sorted(starts)
    for seg in result["segments"]:
        assert seg["start"] >= ends.get(seg["speaker"], 0.0) - 1e-6, seg
        assert 0 <= seg["start"] <= seg["end"] <= result["duration_s"] + 0.05
        cursor = seg["start"]
        assert seg["words"], seg
        for w in seg["words"]:
            assert cursor <= w["start"] <= w["end"] <= seg["end"], (w, seg["start"], seg["end"])
            assert 0.0 <= w["probability"] <= 1.0
            cursor = w["end"]
        assert "".join(w["word"] for w in seg["words"]).strip() == seg["text"]
        ends[seg["speaker"]] = seg["end"]


def write_tracks(out: Path, tracks: list[np.ndarray], rate: int = 16000) -> Path:
    """A Matroska file with one FLAC audio stream per array (like our recorder's mic/call)."""
    with av.open(str(out), "w") as c:
        streams = [c.add_stream("flac", rate=rate, layout="mono") for _ in tracks]
        for st, samples in zip(streams, tracks, strict=True):
            pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
            for i in range(0, pcm.size, 4096):
                frame = av.AudioFrame.from_ndarray(pcm[None, i:i + 4096], format="s16",
                                                   layout="mono")
                frame.sample_rate, frame.pts = rate, i
                for p in st.encode(frame):
                    c.mux(p)
            for p in st.encode(None):
                c.mux(p)
    return out


def write_video_only(out: Path) -> Path:
    with av.open(str(out), "w") as c:
        st = c.add_stream("libx264", rate=25)
        st.width, st.height, st.pix_fmt = 320, 240, "yuv420p"
        for i in range(25):
            frame = av.VideoFrame.from_ndarray(np.full((240, 320, 3), i * 8, np.uint8),
                                               format="rgb24")
            for p in st.encode(frame):
                c.mux(p)
        for p in st.encode(None):
            c.mux(p)
    return out


def write_silence(out: Path, seconds: float = 3.0) -> Path:
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * int(16000 * seconds))
    return out


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One library for the module (so each model loads once), opened as the CLI opens it."""
    home = tmp_path_factory.mktemp("transcribe") / "library"
    home.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLOSER_HOME", str(home))
        yield services()


def import_one(s: Services, path: Path, customer: str = "John Carter",
               language: str = "auto") -> int:
    try:
        c = s.library.customer_by_name(customer)
    except Exception:
        c = s.library.add_customer(name=customer, language=language)
    assert c.id is not None
    result = s.importer.import_many([path], customer_id=c.id)[0]
    assert result.ok and result.interview_id is not None, result
    return result.interview_id


# --- speech comes back --------------------------------------------------------------------


def test_jfk_via_cli_json(lib: Services, shared_media: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    iv = import_one(lib, shared_media / "en/jfk.flac")
    rc, out = run_json(capsys, "transcribe", str(iv))
    assert rc == 0, out
    assert set(out) == {"interview_id", "language", "model", "duration_s", "segments"}
    assert (out["interview_id"], out["language"], out["model"]) == (iv, "en", "base")
    assert out["duration_s"] == pytest.approx(11.0, abs=0.05)
    assert wer(reference(shared_media, "en/jfk.flac"), text_of(out)) < 0.1, text_of(out)
    assert_well_timed(out)
    assert {s["speaker"] for s in out["segments"]} == {""}  # same sound on both channels
    assert set(out["segments"][0]["words"][0]) == {"start", "end", "word", "probability"}
    assert lib.interviews.get(iv).status == "transcribed"
    rc, shown = run_json(capsys, "transcript", str(iv))
    assert rc == 0 and shown == out
    rc, hits = run_json(capsys, "search", "FELLOW americans")
    assert rc == 0 and hits[0]["interview_id"] == iv and hits[0]["customer"] == "John Carter"
    assert "[fellow Americans]" in hits[0]["snippet"] or "[fellow] [Americans]" in \
        hits[0]["snippet"], hits


def test_russian_comes_back_in_cyrillic(lib: Services, shared_media: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    iv = import_one(lib, shared_media / "ru/pisets_test_sound_ru.wav", customer="Анна Петрова")
    rc, out = run_json(capsys, "transcribe", str(iv))
    assert rc == 0 and out["language"] == "ru", out
    text = normalize_text(text_of(out))
    letters = [c for c in text if c.isalpha()]
    assert letters and all("\u0400" <= c <= "\u04ff" for c in letters), text
    assert {"сети", "хорошо"} <= set(text.split()), text
    assert_well_timed(out)
    rc, hits = run_json(capsys, "search", "СЕТИ")
    assert rc == 0 and [h["interview_id"] for h in hits] == [iv]
    assert hits[0]["customer"] == "Анна Петрова" and "[сети]" in hits[0]["snippet"]


def test_stereo_channels_with_different_voices_get_speakers(
        lib: Services, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_media / "en/stereo_diarization.wav"
    assert channels_differ(decode_audio(path, channel=0), decode_audio(path, channel=1))
    jfk = shared_media / "en/jfk.flac"
    assert not channels_differ(decode_audio(jfk, channel=0), decode_audio(jfk, channel=1))
    iv = import_one(lib, path, customer="Oleg Ivanov")
    rc, out = run_json(capsys, "transcribe", str(iv))
    assert rc == 0, out
    assert {s["speaker"] for s in out["segments"]} == {"Interviewer", "Customer"}
    assert wer(LEFT, text_of(out, "Interviewer")) < 0.15, out
    assert wer(RIGHT, text_of(out, "Customer")) < 0.15, out
    assert_well_timed(out)
    assert lib.transcription.speakers(iv) == ["Interviewer", "Customer"]


def test_two_audio_tracks_are_interviewer_and_customer_in_time_order(
        lib: Services, shared_media: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    mic = decode_audio(shared_media / "en/librispeech_251-137823-0003.wav")
    call = decode_audio(shared_media / "en/librispeech_3536-23268-0010.wav")
    gap = np.zeros(16000 * 5, np.float32)
    path = write_tracks(tmp_path / "call.mkv", [np.concatenate([mic, gap, gap]),
                                                np.concatenate([gap, call, gap])])
    iv = import_one(lib, path)
    rc, out = run_json(capsys, "transcribe", str(iv), "--model", "tiny.en")
    assert rc == 0 and out["model"] == "tiny.en", out
    assert [s["speaker"] for s in out["segments"]][0] == "Interviewer"
    assert wer("Another engineer rushed toward the door to see what was happening outside",
               text_of(out, "Interviewer")) < 0.2, out
    assert wer("And he walked immediately out of the apartment by another door",
               text_of(out, "Customer")) < 0.2, out
    assert min(s["start"] for s in out["segments"] if s["speaker"] == "Customer") >= 4.5
    assert_well_timed(out)


# --- long jobs: kill -9 and resume, cancel ------------------------------------------------


def committed(db: Path, iv: int) -> tuple[int, float, int]:
    """(segments, transcribed_until_s, complete) as another process sees them."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        n = con.execute("SELECT count(*) FROM transcriptsegment WHERE interview_id=?",
                        (iv,)).fetchone()[0]
        row = con.execute("SELECT transcribed_until_s, complete FROM transcript "
                          "WHERE interview_id=?", (iv,)).fetchone()
    finally:
        con.close()
    return n, row[0] if row else 0.0, row[1] if row else 1


def test_resume_after_kill_loses_and_duplicates_nothing(
        lib: Services, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    iv = import_one(lib, shared_media / LONG)
    ref = reference(shared_media, LONG)
    rc, whole = run_json(capsys, "transcribe", str(iv), "--model", "tiny.en")
    assert rc == 0
    baseline = wer(ref, text_of(whole))
    assert baseline < 0.15, text_of(whole)

    env = {**os.environ, "CLOSER_HOME": str(lib.home)}
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "transcribe", str(iv),
                             "--model", "tiny.en", "--replace"], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = lib.home / "closer.sqlite3"
    deadline = time.monotonic() + 60
    try:
        while True:  # a fresh run: the finished transcript is reset, then segments arrive
            n, until, complete = committed(db, iv)
            if not complete and n >= 2:
                break
            assert proc.poll() is None, "the transcription finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    n_killed, until_killed, complete = committed(db, iv)
    assert not complete and n_killed >= 2 and 0 < until_killed < 100
    assert lib.interviews.get(iv).status == "transcribing"

    rc, out = run_json(capsys, "transcribe", str(iv), "--model", "tiny.en")
    assert rc == 0, out
    job = next(j for j in lib.jobs.list() if j.target_id == iv and j.status == "done")
    assert job.result["resumed_from_s"] == pytest.approx(until_killed, abs=1e-3)
    segs = out["segments"]
    assert all(a["end"] <= b["start"] + 1e-6 for a, b in zip(segs, segs[1:], strict=False))
    assert len({(s["start"], s["text"]) for s in segs}) == len(segs)
    assert_well_timed(out)
    error = wer(ref, text_of(out))
    assert error <= baseline + 0.03, (error, baseline, text_of(out))
    words = normalize_text(text_of(out)).split()
    ref_words = normalize_text(ref).split()
    assert words[0] == ref_words[0] and words[-1] == ref_words[-1]
    assert lib.interviews.get(iv).status == "transcribed"


def test_cancel_from_another_thread_stops_within_5_s(lib: Services, shared_media: Path) -> None:
    iv = import_one(lib, shared_media / LONG)  # transcribed by the test before: replace it
    job = lib.jobs.submit("transcribe", {"interview_id": iv, "model": "tiny.en", "replace": True})
    token = CancelToken()
    started = threading.Event()

    def on_progress(_job: int, p: Progress) -> None:
        if p.done > 0:
            started.set()

    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(
        lib.jobs.run(job, token, on_progress=on_progress)))
    worker.start()
    assert started.wait(60), "no segment arrived"
    t0 = time.monotonic()
    token.cancel()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - t0 < 5.0
    assert result[0].status == "cancelled"
    view = lib.transcription.transcript(iv)
    assert view is not None and not view.complete and view.segments  # partial work kept
    assert lib.interviews.get(iv).status == "imported"
    assert iv in lib.transcription.untranscribed_ids()

    # quitting the app pauses the job instead; at the next start it resumes where it stopped
    job = lib.jobs.submit("transcribe", {"interview_id": iv, "model": "tiny.en"})
    quitting = CancelToken()
    seen: list[float] = []

    def quit_after_progress(_job: int, p: Progress) -> None:
        seen.append(p.done)
        if p.done > view.transcribed_until_s:
            quitting.cancel("shutdown")

    assert lib.jobs.run(job, quitting, on_progress=quit_after_progress).status == "interrupted"
    assert lib.interviews.get(iv).status == "transcribing"
    paused = lib.transcription.transcript(iv)
    assert paused is not None and paused.transcribed_until_s > view.transcribed_until_s
    resumed = lib.jobs.run(job)
    assert resumed.status == "done"
    assert resumed.result["resumed_from_s"] == pytest.approx(paused.transcribed_until_s)
    final = lib.transcription.transcript(iv)
    assert final is not None and final.complete
    assert [g.id for g in final.segments[:len(paused.segments)]] == \
        [g.id for g in paused.segments]  # committed segments are kept, not redone


# --- exports ------------------------------------------------------------------------------


def parse_cues(text: str, sep: str) -> list[tuple[float, float, str]]:
    def secs(stamp: str) -> float:
        h, m, rest = stamp.split(":")
        s, ms = rest.split(sep)
        return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000

    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        timing = next(i for i, line in enumerate(lines) if " --> " in line)
        start, end = lines[timing].split(" --> ")
        cues.append((secs(start), secs(end), "\n".join(lines[timing + 1:])))
    return cues


def test_every_export_format_parses_back(lib: Services, shared_media: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    iv = import_one(lib, shared_media / "en/stereo_diarization.wav", customer="Oleg Ivanov")
    view = lib.transcription.transcript(iv)
    if view is None or not view.complete:
        assert cli(["transcribe", str(iv)]) == 0
        view = lib.transcription.transcript(iv)
    assert view is not None and view.segments
    outs = {}
    for fmt in ("txt", "srt", "vtt", "json", "docx"):
        rc, info = run_json(capsys, "export-transcript", str(iv), "--format", fmt,
                            "--out", str(tmp_path / "out" / f"t.{fmt}"))
        assert rc == 0 and Path(info["path"]).is_file()
        outs[fmt] = Path(info["path"])
    srt = parse_cues(outs["srt"].read_text(encoding="utf-8"), ",")
    assert [(s, e) for s, e, _ in srt] == [(g.start, g.end) for g in view.segments]
    assert [t for _, _, t in srt] == [f"{g.speaker}: {g.text}" for g in view.segments]
    vtt_text = outs["vtt"].read_text(encoding="utf-8")
    assert vtt_text.startswith("WEBVTT\n")
    vtt = parse_cues(vtt_text.split("\n", 2)[2], ".")
    assert [(s, e) for s, e, _ in vtt] == [(g.start, g.end) for g in view.segments]
    assert [t for _, _, t in vtt] == [f"<v {g.speaker}>{g.text}" for g in view.segments]
    data = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert data["segments"] == view.as_json()["segments"] and data["customer"] == "Oleg Ivanov"
    assert all(s["words"] for s in data["segments"])
    txt = outs["txt"].read_text(encoding="utf-8")
    assert "Customer: Oleg Ivanov" in txt and all(g.text in txt for g in view.segments)
    doc = [p.text for p in Document(str(outs["docx"])).paragraphs]
    assert doc[0] == view.title and "Customer: Oleg Ivanov" in doc
    assert any(p.startswith("[00:00:00] Interviewer: He began") for p in doc), doc
    assert any("Customer: The horizon" in p for p in doc), doc
    rc, err = run_json(capsys, "export-transcript", "999", "--format", "txt",
                       "--out", str(tmp_path / "x.txt"))
    assert rc != 0 and "999" in err["error"]


# --- bad input ----------------------------------------------------------------------------


def test_bad_inputs_fail_clearly_and_the_queue_goes_on(
        closer_home: Path, shared_media: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    s = services()
    silent_video = import_one(s, write_video_only(tmp_path / "screen.mp4"))
    silence = import_one(s, write_silence(tmp_path / "quiet.wav"))
    speech = import_one(s, shared_media / "en/librispeech_251-137823-0002.wav")
    damaged = import_one(s, shared_media / "en/librispeech_2412-153948-0000.flac")
    media = Path(s.interviews.get(damaged).media_path)  # the library copy breaks half-way
    media.write_bytes(media.read_bytes()[: media.stat().st_size // 2])

    rc, out = run_json(capsys, "transcribe", "--all", "--model", "tiny.en")
    assert rc == 1
    by_id = {r["interview_id"]: r for r in out}
    assert set(by_id) == {silence, speech, damaged}  # a video without sound is not queued
    assert by_id[silence]["segments"] == []
    silence_job = next(j for j in s.jobs.list() if j.target_id == silence)
    assert silence_job.status == "done" and silence_job.result["message"] == NO_SPEECH
    assert s.interviews.get(silence).status == "transcribed"
    assert wer("This isn't part of your testing routine is it", text_of(by_id[speech])) < 0.25
    assert "the audio stops at" in by_id[damaged]["error"], by_id[damaged]
    partial = s.transcription.transcript(damaged)
    assert partial is not None and not partial.complete
    assert "reader" in normalize_text(partial.text), partial.text  # the first half is kept

    rc, out = run_json(capsys, "transcribe", str(silent_video))
    assert rc == 1 and out["interview_id"] == silent_video
    assert "screen.mp4" in out["error"] and "no audio" in out["error"], out
    assert [s.interviews.get(i).status for i in (silent_video, damaged)] == ["failed"] * 2
    # `speech` is transcribed: trying again with other options needs --replace
    rc, out = run_json(capsys, "transcribe", str(speech), "--language", "xx", "--replace")
    assert rc == 1 and "Unsupported language code 'xx'" in out["error"]
    rc, out = run_json(capsys, "transcribe", str(speech), "--model", str(tmp_path / "nope"),
                       "--replace")
    assert rc == 1 and "does not exist" in out["error"] and "nope" in out["error"]
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    rc, out = run_json(capsys, "transcribe", str(speech), "--model", "large-v3", "--replace")
    assert rc == 1 and "large-v3" in out["error"] and "offline" in out["error"]
    assert s.interviews.get(speech).status == "failed"
    rc, out = run_json(capsys, "transcribe", "4242")
    assert rc == 1 and out == {"interview_id": 4242, "error": "Interview 4242 does not exist."}


def test_models_are_listed_and_prepared_offline(closer_home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    rc, rows = run_json(capsys, "models")
    assert rc == 0 and [r["name"] for r in rows] == ["base", "tiny.en"]
    rc, prepared = run_json(capsys, "models", "prepare")
    assert rc == 0 and [p["name"] for p in prepared] == ["base", "tiny.en"]
    assert all((Path(p["path"]) / "model.bin").is_file() for p in prepared)
    rc, prepared = run_json(capsys, "models", "prepare", str(closer_home / "missing"))
    assert rc == 1 and "does not exist" in prepared[0]["error"]
