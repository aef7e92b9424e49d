"""CLI for transcripts: transcribe, show, search, export, edit speakers/segments, models."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.cli.args import command, db_int, group
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.transcript import TranscriptView
from desktop_app.services.jobs import JobInfo
from desktop_app.services.search import SearchService
from desktop_app.services.transcript_export import FORMATS, TranscriptExportService, clock
from desktop_app.wiring import Services

JOB_KIND = "transcribe"



def register(sub: Any) -> None:
    p = command(sub, "transcribe", cmd_transcribe, help="transcribe interviews on this computer")
    p.add_argument("interview_id", nargs="?", type=db_int, metavar="INTERVIEW_ID")
    p.add_argument("--all", action="store_true", help="every interview not transcribed yet")
    p.add_argument("--model", help="model name (base, tiny.en, ...) or a model folder")
    p.add_argument("--language", help="language code (ru, en, ...) or auto")
    p.add_argument("--replace", action="store_true",
                   help="transcribe a finished transcript again (hand corrections are kept, "
                        "the old version is saved)")

    p = command(sub, "transcript-restore", cmd_transcript_restore,
                help="list or put back saved versions of a transcript")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    p.add_argument("--version", type=Path, metavar="FILE", help="default: the latest")
    p.add_argument("--list", action="store_true", help="only list the saved versions")

    p = command(sub, "transcript", cmd_transcript, help="show an interview's stored transcript")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")

    p = command(sub, "search", cmd_search, help="search every transcript")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=db_int, default=20)
    p.add_argument("--interview", type=db_int, help="only in this interview")

    p = command(sub, "export-transcript", cmd_export, help="export a transcript to a file")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, type=Path, metavar="PATH")

    ssub = group(sub, "speaker", "name the speakers of a transcript")
    a = command(ssub, "rename", cmd_speaker_rename,
                help="rename a speaker everywhere in an interview")
    a.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    a.add_argument("old")
    a.add_argument("new")
    a = command(ssub, "set", cmd_speaker_set, help="set the speaker of some segments")
    a.add_argument("speaker")
    a.add_argument("--segments", required=True, type=db_int, nargs="+", metavar="SEGMENT_ID")

    gsub = group(sub, "segment", "correct a transcript segment")
    a = command(gsub, "edit", cmd_segment_edit,
                help="replace a segment's text (word timings are kept)")
    a.add_argument("segment_id", type=db_int, metavar="SEGMENT_ID")
    a.add_argument("text")

    p = command(sub, "models", cmd_models, help="speech models available offline")
    msub = p.add_subparsers(dest="action")  # optional: bare `closer models` lists them
    a = command(msub, "prepare", cmd_models_prepare,
                help="make models ready offline (default: base and tiny.en)")
    a.add_argument("names", nargs="*", metavar="NAME")


# --- transcribe ---------------------------------------------------------------------------


@contextlib.contextmanager
def _interrupt_pauses(token: CancelToken) -> Iterator[None]:
    """Ctrl-C pauses the job like quitting the app does: it resumes next time."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: token.cancel("shutdown"))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _progress(job_id: int, p: Progress) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{p.message[:70]:<70} {p.fraction:4.0%}")
        sys.stderr.flush()


def run_transcription(s: Services, interview_id: int, payload: dict[str, Any],
                      cancel: CancelToken) -> JobInfo:
    """Run (or resume) the interview's transcription job to its end on this thread."""
    job_id = None
    new = False
    active = s.jobs.find_active(JOB_KIND, interview_id)
    if active is not None:
        # a job left queued, interrupted, or "running" by a process that was killed: run it on
        # unless new options were given (the transcript itself always resumes from the DB)
        same = payload.get("model") is None and payload.get("language") is None
        if same or s.jobs.is_claimed(active.id):  # a live one is never cancelled from here
            job_id = active.id
        else:
            s.jobs.cancel_queued(active.id)
    if job_id is None:
        job_id = s.jobs.submit(JOB_KIND, payload, title=f"Transcribe interview {interview_id}",
                               target_id=interview_id)
        new = True
    with _interrupt_pauses(cancel):
        info = s.jobs.run(job_id, cancel, on_progress=_progress)
    if info.busy and new:  # ours never started: the other process's job does the work
        s.jobs.cancel_queued(job_id)
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 76 + "\r")
    return info


def _human(view: TranscriptView) -> str:
    lines = [f"[{clock(seg.start, millis=False)}] #{seg.id} "
             + (f"{seg.speaker}: " if seg.speaker else "") + seg.text for seg in view.segments]
    state = "" if view.complete else f" (partial: up to {view.transcribed_until_s:.1f} s)"
    head = f"Interview {view.interview_id}, {view.language or '?'}, model {view.model}{state}"
    return "\n".join([head, *(lines or ["(no speech found)"])])


def cmd_transcribe(args: argparse.Namespace) -> int:
    s = services()
    if args.all == (args.interview_id is not None):
        raise ValidationError("Give one INTERVIEW_ID, or --all for every untranscribed one.")
    ids = s.transcription.untranscribed_ids() if args.all else [args.interview_id]
    payload_extra: dict[str, Any] = {
        k: v for k, v in (("model", args.model), ("language", args.language)) if v}
    if args.replace and not args.all:
        payload_extra["replace"] = True
    if not args.all:  # before any job is made: a finished transcript needs --replace
        s.transcription.check_replace(args.interview_id, replace=args.replace)
    cancel = CancelToken()
    results: list[dict[str, Any]] = []
    human: list[str] = []
    failed = False
    for interview_id in ids:
        if args.all and interview_id not in s.transcription.untranscribed_ids():
            continue  # another process finished it meanwhile
        info = run_transcription(s, interview_id, {"interview_id": interview_id,
                                                   **payload_extra}, cancel)
        if info.busy:
            message = f"interview {interview_id} is being transcribed: {info.busy}"
            if not args.all:
                raise CloserError(f"Nothing done: {message}.")
            results.append({"interview_id": interview_id, "skipped": message})
            human.append(f"SKIP  {message}")
            continue
        if info.status in ("interrupted", "cancelled"):
            sys.stderr.write(f"closer: interview {interview_id}: paused; run the same command "
                             "again to continue where it stopped\n")
            return 130
        view = s.transcription.transcript(interview_id) if info.status == "done" else None
        if view is None:
            failed = True
            results.append({"interview_id": interview_id, "error": info.error})
            human.append(f"FAIL  interview {interview_id}: {info.error}")
            continue
        results.append(view.as_json())
        human.append(_human(view))
    if args.all:
        emit(results, as_json=args.json, human="\n\n".join(human) or "Nothing to transcribe.")
    else:
        emit(results[0], as_json=args.json, human=human[0])
    return 1 if failed else 0


def cmd_transcript_restore(args: argparse.Namespace) -> int:
    versions = services().transcription.versions
    saved = versions.list(args.interview_id)
    if args.list:
        emit([str(p) for p in saved], as_json=args.json,
             human="\n".join(str(p) for p in saved) or "(no saved versions)")
        return 0
    version = args.version or (saved[-1] if saved else None)
    if version is None:
        raise ValidationError(f"Interview {args.interview_id} has no saved transcript versions.")
    n = versions.restore(args.interview_id, version)
    emit({"interview_id": args.interview_id, "version": str(version), "segments": n},
         as_json=args.json, human=f"Restored {n} segment(s) from {version}")
    return 0


def cmd_transcript(args: argparse.Namespace) -> int:
    view = services().transcription.transcript(args.interview_id)
    if view is None:
        raise ValidationError(f"Interview {args.interview_id} has no transcript yet: "
                              f"run `closer transcribe {args.interview_id}`.")
    emit(view.as_json(), as_json=args.json, human=_human(view))
    return 0


# --- search, export, edits ----------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    hits = SearchService(services().engine).search(args.query, limit=args.limit,
                                                   interview_id=args.interview)
    emit([h.as_json() for h in hits], as_json=args.json,
         human="\n".join(f"{h.interview_id:>4} {h.customer:<20} {clock(h.start, millis=False)}"
                         f"  {h.snippet}" for h in hits) or "(no matches)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    s = services()
    out = TranscriptExportService(s.transcription.transcript, audit=s.audit).export(
        args.interview_id, args.format, args.out)
    emit({"interview_id": args.interview_id, "format": args.format, "path": str(out)},
         as_json=args.json, human=f"Exported to {out}")
    return 0


def cmd_speaker_rename(args: argparse.Namespace) -> int:
    n = services().transcription.rename_speaker(args.interview_id, args.old, args.new)
    emit({"interview_id": args.interview_id, "old": args.old, "new": args.new, "segments": n},
         as_json=args.json, human=f"Renamed '{args.old}' to '{args.new}' in {n} segment(s)")
    return 0


def cmd_speaker_set(args: argparse.Namespace) -> int:
    n = services().transcription.set_speaker(args.segments, args.speaker)
    emit({"speaker": args.speaker, "segments": n}, as_json=args.json,
         human=f"{n} segment(s) now spoken by '{args.speaker}'")
    return 0


def cmd_segment_edit(args: argparse.Namespace) -> int:
    words = services().transcription.edit_segment(args.segment_id, args.text)
    emit({"segment_id": args.segment_id, "words": [w.as_json() for w in words]},
         as_json=args.json, human=f"Segment {args.segment_id} updated ({len(words)} words)")
    return 0


# --- models -------------------------------------------------------------------------------


def cmd_models(args: argparse.Namespace) -> int:
    from desktop_app.media.models import describe_models

    rows = describe_models()
    emit(rows, as_json=args.json,
         human="\n".join(f"{r['name']:<8} {r['languages']:<13} "
                         f"{'ready' if r['assembled'] else 'not prepared':<13} {r['path']}"
                         for r in rows))
    return 0


def cmd_models_prepare(args: argparse.Namespace) -> int:
    from desktop_app.domain.errors import CloserError
    from desktop_app.media.models import BUNDLED_MODELS, ensure_model

    rows: list[dict[str, Any]] = []
    for name in args.names or list(BUNDLED_MODELS):
        try:
            rows.append({"name": name, "path": ensure_model(name)})
        except CloserError as exc:
            rows.append({"name": name, "error": str(exc)})
    emit(rows, as_json=args.json,
         human="\n".join(f"{r['name']}: {r.get('path') or 'FAILED ' + r['error']}"
                         for r in rows))
    return 1 if any("error" in r for r in rows) else 0
