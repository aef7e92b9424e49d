"""Benchmark local transcription on the real speech in tests/media (or $CLOSER_SHARED_MEDIA).

Prints, for the app's full path (job -> engine -> SQLite, as `closer transcribe` runs it) and for
raw faster-whisper on the same files with the same settings (int8, beam 5, word timestamps,
language auto-detected), in the same run:
- WER per language (en, ru) and per channel of the stereo call recording;
- speed as audio seconds per wall second, and app/raw ratio;
- peak RSS of this process after each phase;
- how long Cancel takes to stop a running job (cancel at a random moment, several trials);
- VAD and VAD + BatchedInferencePipeline against the plain path on a long interview built from
  the clips with silences between them, and on the 104 s LJ Speech clip.
Usage: python bench/transcribe.py [--model base] [--threads 2] [--cancel-trials 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import psutil
from sqlmodel import col, delete

from desktop_app.config.settings import Settings, save_settings
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.text import normalize_text, word_edit_distance
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment
from desktop_app.wiring import Services, build_services

REPO = Path(__file__).resolve().parent.parent
MEDIA = Path(os.environ.get("CLOSER_SHARED_MEDIA") or REPO / "tests" / "media")
STEREO = "en/stereo_diarization.wav"
LONG = "en/ljspeech_LJ001-0001_to_0015_concat.flac"
STEREO_REFS = {"Interviewer": "He began a confused complaint against the wizard, who had "
                              "vanished behind the curtain on the left.",
               "Customer": "The horizon seems extremely distant."}


@dataclass
class Run:
    name: str
    language: str
    audio_s: float
    wall_s: float
    errors: int
    ref_words: int

    @property
    def wer(self) -> float:
        return self.errors / max(1, self.ref_words)


def errors(ref: str, hyp: str) -> tuple[int, int]:
    r, h = normalize_text(ref).split(), normalize_text(hyp).split()
    return word_edit_distance(r, h), len(r)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def manifest() -> list[dict[str, str]]:
    with open(MEDIA / "manifest.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if r["language"] in ("en", "ru") and r["file"] != STEREO
            and not r["file"].startswith("video/")]


def reference(rel: str) -> str:
    return (MEDIA / rel).with_suffix(".txt").read_text(encoding="utf-8").strip()


def forget(s: Services, iv: int) -> None:
    """Drop the interview's transcript so the next job starts from zero (not a resume)."""
    with session_scope(s.engine) as session:
        session.exec(delete(TranscriptSegment).where(col(TranscriptSegment.interview_id) == iv))
        session.exec(delete(Transcript).where(col(Transcript.interview_id) == iv))


def app_transcribe(s: Services, iv: int, **options: object) -> tuple[float, dict[str, str]]:
    """Run the job as the CLI does, from zero; return wall seconds and the text per speaker."""
    forget(s, iv)
    t0 = time.perf_counter()
    job = s.jobs.submit("transcribe", {"interview_id": iv, **options}, target_id=iv)
    info = s.jobs.run(job)
    wall = time.perf_counter() - t0
    if info.status != "done":
        raise SystemExit(f"interview {iv}: {info.status} {info.error}")
    view = s.transcription.transcript(iv)
    assert view is not None
    by_speaker: dict[str, str] = {}
    for seg in view.segments:
        by_speaker[seg.speaker] = (by_speaker.get(seg.speaker, "") + " " + seg.text).strip()
    return wall, by_speaker


def raw_transcribe(model: object, rel: str) -> tuple[float, list[str]]:
    from faster_whisper import decode_audio

    t0 = time.perf_counter()
    path = str(MEDIA / rel)
    audios = list(decode_audio(path, split_stereo=True)) if rel == STEREO else [decode_audio(path)]
    texts = []
    for audio in audios:
        segments, _ = model.transcribe(audio, beam_size=5, word_timestamps=True)  # type: ignore
        texts.append(" ".join(seg.text.strip() for seg in segments))
    return time.perf_counter() - t0, texts


def summary(label: str, runs: list[Run]) -> None:
    audio = sum(r.audio_s for r in runs)
    wall = sum(r.wall_s for r in runs)
    errs = sum(r.errors for r in runs)
    words = sum(r.ref_words for r in runs)
    print(f"  {label:<28} WER {errs / max(1, words):6.1%}  ({words} ref words)  "
          f"speed {audio / wall:5.2f}x real time ({audio:.0f} s audio in {wall:.1f} s)")


def build_long_interview(out: Path, rows: list[dict[str, str]]) -> str:
    """English clips joined with 4-10 s of silence (a long, pause-heavy interview)."""
    from desktop_app.media.audio import decode_audio

    rng = random.Random(3)
    parts, refs = [], []
    for row in rows:
        if row["language"] != "en" or row["file"] == LONG:
            continue
        parts += [decode_audio(MEDIA / row["file"]),
                  np.zeros(int(16000 * rng.uniform(4, 10)), np.float32)]
        refs.append(reference(row["file"]))
    pcm = (np.clip(np.concatenate(parts), -1, 1) * 32767).astype("<i2")
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm.tobytes())
    return " ".join(refs)


def cancel_latency(s: Services, iv: int, trials: int) -> list[float]:
    rng = random.Random(11)
    out = []
    for _ in range(trials):
        job = s.jobs.submit("transcribe", {"interview_id": iv}, target_id=iv)
        token, first = CancelToken(), threading.Event()

        def seen(_job: int, p: Progress, first: threading.Event = first) -> None:
            if p.done > 0:
                first.set()

        worker = threading.Thread(target=s.jobs.run, args=(job, token, seen))
        worker.start()
        first.wait(120)
        time.sleep(rng.uniform(0.0, 4.0))  # anywhere inside the next 30 s window
        t0 = time.perf_counter()
        token.cancel()
        worker.join()
        out.append(time.perf_counter() - t0)
        assert s.jobs.get(job).status == "cancelled"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="base")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cancel-trials", type=int, default=3)
    args = ap.parse_args()
    rows = manifest()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        save_settings(Settings(whisper_model=args.model, cpu_threads=args.threads), home)
        s = build_services(home)
        customer = s.library.add_customer(name="Bench")
        assert customer.id is not None
        files = [(r["file"], r["language"]) for r in rows] + [(STEREO, "en")]
        ids = {}
        for rel, _ in files:
            res = s.importer.import_many([MEDIA / rel], customer_id=customer.id)[0]
            assert res.ok and res.interview_id is not None, res
            ids[rel] = res.interview_id
        print(f"model {args.model}, int8, {args.threads} threads, beam 5, word timestamps, "
              f"language auto; {len(files)} files\n")
        rss0 = psutil.Process().memory_info().rss / 2**20
        s.transcription.engine_for(args.model)  # loaded once, as in the app
        print(f"load average {' '.join(f'{x:.1f}' for x in psutil.getloadavg())} "
              f"on {psutil.cpu_count()} CPUs at the start\n")
        app: list[Run] = []
        raw: list[Run] = []
        print(f"{'file':<44} {'sec':>6} {'app WER':>8} {'raw WER':>8} {'app x':>6} {'raw x':>6}")
        app_transcribe(s, ids[LONG])  # the longest file: the app path's peak memory
        app_peak = peak_rss_mb()
        from faster_whisper import WhisperModel

        from desktop_app.media.models import ensure_model

        model = WhisperModel(ensure_model(args.model), device="cpu", compute_type="int8",
                             cpu_threads=args.threads)
        for n, (rel, lang) in enumerate(files):
            # alternate which goes first, so a load change on the machine hits both alike
            if n % 2:
                raw_wall, raw_texts = raw_transcribe(model, rel)
                wall, by_speaker = app_transcribe(s, ids[rel])
            else:
                wall, by_speaker = app_transcribe(s, ids[rel])
                raw_wall, raw_texts = raw_transcribe(model, rel)
            dur = s.interviews.get(ids[rel]).duration_s
            if rel == STEREO:
                pairs = [(STEREO_REFS[k], by_speaker.get(k, ""), t, f"stereo {k}")
                         for k, t in zip(STEREO_REFS, raw_texts, strict=True)]
                dur *= 2  # two channels recognised
            else:
                pairs = [(reference(rel), " ".join(by_speaker.values()), raw_texts[0], rel)]
            for ref, hyp, raw_hyp, name in pairs:
                e, n = errors(ref, hyp)
                re_, _ = errors(ref, raw_hyp)
                share = dur / len(pairs)
                app.append(Run(name, lang if rel != STEREO else "stereo", share,
                               wall / len(pairs), e, n))
                raw.append(Run(name, app[-1].language, share, raw_wall / len(pairs), re_, n))
                print(f"{name:<44} {share:6.1f} {e / n:8.1%} {re_ / n:8.1%} "
                      f"{share / app[-1].wall_s:6.1f} {share / raw[-1].wall_s:6.1f}")
        print()
        for lang in ("en", "ru", "stereo"):
            summary(f"app  {lang}", [r for r in app if r.language == lang])
            summary(f"raw  {lang}", [r for r in raw if r.language == lang])
        speed_app = sum(r.audio_s for r in app) / sum(r.wall_s for r in app)
        speed_raw = sum(r.audio_s for r in raw) / sum(r.wall_s for r in raw)
        print(f"\nspeed app {speed_app:.2f}x, raw {speed_raw:.2f}x real time; app/raw ratio "
              f"{speed_app / speed_raw:.2f}")
        print(f"RSS before loading a model {rss0:.0f} MB; peak of the app path (base loaded, "
              f"104 s file) {app_peak:.0f} MB; peak with the raw model loaded too "
              f"{peak_rss_mb():.0f} MB")
        del model

        lat = cancel_latency(s, ids[LONG], args.cancel_trials)
        print(f"\nCancel -> job stopped ({args.model}, {len(lat)} trials, cancel at a random "
              f"moment): {', '.join(f'{x:.2f}' for x in lat)} s; max {max(lat):.2f} s")

        built = home / "long_interview.wav"
        built_ref = build_long_interview(built, rows)
        res = s.importer.import_many([built], customer_id=customer.id)[0]
        assert res.interview_id is not None
        app_transcribe(s, ids["en/jfk.flac"], vad=True)  # load the VAD model before timing
        print("\nVAD / batched (app path, same model):")
        for label, iv, ref in (("built interview", res.interview_id, built_ref),
                               ("LJ Speech 104 s", ids[LONG], reference(LONG))):
            dur = s.interviews.get(iv).duration_s
            base_wall = None
            for mode in ({}, {"vad": True}, {"vad": True, "batched": True}):
                wall, by_speaker = app_transcribe(s, iv, **mode)
                e, n = errors(ref, " ".join(by_speaker.values()))
                base_wall = base_wall or wall
                name = "+".join(mode) or "plain"
                print(f"  {label:<16} {dur:6.1f} s  {name:<12} {wall:6.1f} s  "
                      f"{dur / wall:5.2f}x real time  WER {e / n:6.1%}  "
                      f"speed-up {base_wall / wall:4.2f}")
        s.engine.dispose()


if __name__ == "__main__":
    main()
