"""CLI for recording: `closer record` (camera or screen, microphone, call audio; consent first)
and `closer recover` (recordings a crash interrupted).

`closer record` runs the real capture engine under a windowless Qt application and stops after
`--seconds`, or on Ctrl-C / SIGTERM, keeping everything recorded. `--synthetic-video` and
`--speech FILE` are test and demo sources: a moving test pattern and speech files played in real
time as audio inputs (the first as the interviewer's track, the second as the customer's).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.cli.args import command, db_int
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.domain.recording import TRACK_LABELS, ConsentChoice, RecordingSession
from desktop_app.wiring import Services

CONSENT_HELP = ("the audiences the customer agreed to: internal, onboarding, public "
                "(comma-separated; verbal consent unless --consent-form), or none to record "
                "without consent (kept out of every reel)")



def register(sub: Any) -> None:
    p = command(
        sub, "record", cmd_record,
        help="record an interview: camera or screen, microphone, call audio",
        description="Record an interview into the library. Stops after --seconds, or on "
                    "Ctrl-C / SIGTERM; what was recorded is always kept. SIGUSR1 drops a "
                    "marker.")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--interview", type=db_int, metavar="ID", help="record this interview")
    who.add_argument("--customer", metavar="NAME", help="a new interview with this customer")
    p.add_argument("--title", default="", help="the interview's title")
    video = p.add_mutually_exclusive_group()
    video.add_argument("--screen", action="store_true", help="record the (first) screen")
    video.add_argument("--camera", metavar="NAME", help="'default' or part of a camera's name")
    video.add_argument("--window", metavar="NAME", help="part of a window's title")
    video.add_argument("--synthetic-video", action="store_true",
                       help="test/demo source: a moving test pattern instead of a camera")
    p.add_argument("--mic", metavar="NAME|none",
                   help="'default' (the default without --speech), part of a name, or none")
    p.add_argument("--call-audio", metavar="NAME|none", default="none",
                   help="what the speakers play (the other side of a call): 'auto', part of "
                        "a source's name, or none (default)")
    p.add_argument("--speech", type=Path, action="append", default=[], metavar="FILE",
                   help="test/demo source: play a speech file as an audio input (repeatable)")
    p.add_argument("--seconds", type=float, help="stop after this many seconds")
    p.add_argument("--consent", metavar="AUDIENCES|none", help=CONSENT_HELP)
    p.add_argument("--consent-by", metavar="NAME", help="who consented (default: the customer)")
    p.add_argument("--consent-form", type=Path, metavar="FILE",
                   help="the signed consent form (copied into the library)")
    p.add_argument("--mark-at", type=float, action="append", default=[], metavar="SECONDS",
                   help="drop a marker this many seconds into the recording (repeatable)")
    p.add_argument("--list-devices", action="store_true",
                   help="list cameras, microphones, call audio sources, screens and windows")

    command(sub, "recover", cmd_recover, help="recover recordings that a crash interrupted")


# --- Qt -------------------------------------------------------------------------------------


def _qt_app() -> Any:
    """The Qt application the capture session needs, windowless (offscreen without a display).

    A QApplication rather than a QGuiApplication, so that a process which goes on to show
    widgets (tests, scripts) can still do so.
    """
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.media.qtfix import immortalise_singletons

    immortalise_singletons()
    return QApplication.instance() or QApplication(sys.argv[:1])


def _pick(items: Sequence[Any], name: str, what: str, describe: Callable[[Any], str],
          hint: str) -> Any:
    if not items:
        raise ValidationError(f"No {what} found on this computer: {hint}")
    if name.lower() in ("default", "auto", "1", ""):
        return items[0]
    for item in items:
        if name.casefold() in describe(item).casefold():
            return item
    found = ", ".join(describe(i) for i in items)
    raise ValidationError(f"No {what} matches '{name}' (found: {found}).")


class _Rig:
    """The chosen video input and audio inputs (with their track labels), plus the test
    sources to start once the engine runs."""

    def __init__(self, app: Any, args: argparse.Namespace) -> None:
        from desktop_app.media.capture import devices
        from desktop_app.media.capture.synthetic import SyntheticAudio, SyntheticVideo

        self.video: Any = None
        self.audio: list[Any] = []
        self.labels: list[str] = []
        self.sources: list[Any] = []
        self.video_kind = "none"
        for p in args.speech:
            if not p.is_file():
                raise ValidationError(f"Speech file {p} does not exist.")
        speech = [SyntheticAudio(p, parent=app) for p in args.speech]
        if args.synthetic_video:
            synthetic = SyntheticVideo(parent=app)
            self.video, self.video_kind = synthetic.frame_input, "synthetic"
            self.sources.append(synthetic)
        elif args.screen:
            self.video = _pick(devices.list_screens(), "default", "screen",
                               lambda s: s.name(), "no display to record")
            self.video_kind = "screen"
        elif args.camera:
            self.video = _pick(devices.list_cameras(), args.camera, "camera",
                               lambda d: d.description(),
                               "plug one in, or record the screen (--screen) or audio only")
            self.video_kind = "camera"
        elif args.window:
            self.video = _pick(devices.list_windows(), args.window, "window",
                               lambda w: w.description(), "no window can be captured here")
            self.video_kind = "window"
        mic = args.mic if args.mic is not None else ("none" if speech else "default")
        if mic.lower() != "none":
            self._add(_pick(devices.list_microphones(), mic, "microphone",
                            lambda d: d.description(),
                            "plug one in, or record without one with --mic none"),
                      TRACK_LABELS[0])
        elif speech:
            self._add_speech(speech.pop(0), TRACK_LABELS[0])
        if args.call_audio.lower() != "none":
            found = devices.list_call_audio_sources()
            if not found:
                raise ValidationError(devices.call_audio_help())
            self._add(_pick(found, args.call_audio, "call audio source",
                            lambda c: f"{c.description} {c.id}", devices.call_audio_help()),
                      TRACK_LABELS[1])
        elif speech:
            self._add_speech(speech.pop(0), TRACK_LABELS[1])
        for extra in speech:
            self._add_speech(extra, f"Speech {len(self.audio) + 1}")
        if self.video is None and not self.audio:
            raise ValidationError("Nothing to record: choose --screen, --camera or --window "
                                  "for video, and/or a microphone or call audio.")

    def _add(self, item: Any, label: str) -> None:
        self.audio.append(item)
        self.labels.append(label)

    def _add_speech(self, source: Any, label: str) -> None:
        self._add(source.feed, label)
        self.sources.append(source)

    def start(self) -> None:
        for source in self.sources:
            source.start()

    def stop(self) -> None:
        for source in self.sources:
            source.stop()


def _list_devices(args: argparse.Namespace) -> int:
    _qt_app()
    from desktop_app.media.capture import devices

    call = devices.list_call_audio_sources()
    data = {
        "cameras": [d.description() for d in devices.list_cameras()],
        "microphones": [d.description() for d in devices.list_microphones()],
        "call_audio": [{"name": c.description, "id": c.id} for c in call],
        "screens": [s.name() or f"Screen {i + 1}" for i, s in enumerate(devices.list_screens())],
        "windows": [w.description() for w in devices.list_windows()],
        "call_audio_help": "" if call else devices.call_audio_help(),
    }
    emit(data, as_json=args.json)
    return 0


# --- record ---------------------------------------------------------------------------------


def _session(s: Services, args: argparse.Namespace, choice_for: Callable[[str],
             ConsentChoice]) -> RecordingSession:
    if args.interview is not None:
        customer = s.interviews.get(args.interview).customer
        return s.recording.start_session(choice_for(customer), interview_id=args.interview,
                                         title=args.title)
    return s.recording.start_session(choice_for(args.customer), customer_name=args.customer,
                                     title=args.title)


def cmd_record(args: argparse.Namespace) -> int:
    if args.list_devices:
        return _list_devices(args)
    if args.interview is None and not (args.customer or "").strip():
        raise ValidationError("Say who you record: --interview ID or --customer NAME.")
    if args.consent is None:
        raise ValidationError(f"Recording needs consent first: give --consent with {CONSENT_HELP}.")
    if args.seconds is not None and args.seconds <= 0:
        raise ValidationError("--seconds must be more than 0.")
    app = _qt_app()
    s = services()

    def choice_for(customer: str) -> ConsentChoice:
        return ConsentChoice.parse(args.consent, given_by=args.consent_by or customer,
                                   form_file=args.consent_form)

    choice_for("check")  # a bad --consent fails before any device is opened
    from desktop_app.media.capture.sources import CaptureEngine

    rig = _Rig(app, args)
    session = _session(s, args, choice_for)
    engine = CaptureEngine(app)
    engine.warning.connect(lambda m: sys.stderr.write(f"closer: {m}\n"))
    engine.deviceLost.connect(lambda m: sys.stderr.write(f"closer: {m}\n"))
    try:
        partial = engine.start(session.path, video=rig.video, audio=rig.audio,
                               audio_labels=rig.labels)
    except CloserError:
        s.recording.abandon(session.interview_id)
        raise
    rig.start()
    sys.stderr.write(f"closer: recording interview {session.interview_id} "
                     f"({session.customer}) into {partial}\n")
    sys.stderr.flush()
    _run_until_stopped(app, engine, s, session, args)
    rig.stop()
    return _finish(s, engine, session, rig, args)


def _run_until_stopped(app: Any, engine: Any, s: Services, session: RecordingSession,
                       args: argparse.Namespace) -> None:
    from PySide6.QtCore import Qt, QTimer

    def mark() -> None:
        s.recording.add_marker(session.interview_id, engine.elapsed_s)

    def timer(ms: int, action: Callable[[], None], *, single: bool = True) -> QTimer:
        t = QTimer(app, singleShot=single, timeout=action)
        t.setTimerType(Qt.TimerType.PreciseTimer)
        t.start(ms)
        return t

    timers = [timer(int(t * 1000), mark) for t in args.mark_at if t >= 0]
    if args.seconds is not None:
        timers.append(timer(int(args.seconds * 1000), engine.stop))
    timers.append(timer(200, lambda: None, single=False))  # lets Python see signals
    previous = {sig: signal.signal(sig, lambda *_: engine.stop())
                for sig in (signal.SIGINT, signal.SIGTERM)}
    if hasattr(signal, "SIGUSR1"):
        previous[signal.SIGUSR1] = signal.signal(signal.SIGUSR1, lambda *_: mark())
    engine.finished.connect(app.quit)
    try:
        app.exec()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for t in timers:
            t.stop()


def _finish(s: Services, engine: Any, session: RecordingSession, rig: _Rig,
            args: argparse.Namespace) -> int:
    result = engine.result
    iid = session.interview_id
    if result is None or result.path is None:
        reason = (result.error if result else None) or "nothing was saved"
        s.recording.fail(iid, reason)
        raise CloserError(f"Recording interview {iid} failed: {reason}")
    if result.error:
        sys.stderr.write(f"closer: {result.error}\n")
    saved = s.recording.finish(iid, result.path)
    stubs = s.tagging.stubs_from_markers(iid)
    job_id = queue_transcription(s, iid, saved.has_audio, saved.title)
    markers = [n.as_json() for n in s.recording.notes(iid) if n.kind == "marker"]
    data = {
        "interview_id": iid, "customer": session.customer, "title": saved.title,
        "path": str(saved.path), "duration_s": round(saved.duration_s, 3),
        "video_codec": saved.video_codec, "video_source": rig.video_kind,
        "audio_tracks": audio_tracks(Path(result.path)), "markers": markers,
        "highlight_stubs": [h.id for h in stubs], "status": s.interviews.get(iid).status,
        "stop_reason": result.stop_reason, "consent": session.consent_method,
        "transcribe_job_id": job_id,
    }  # fmt: skip
    emit(data, as_json=args.json,
         human=f"Recorded interview {iid} with {session.customer}: "
               f"{saved.duration_s:.1f} s in {saved.path}")
    return 0


def audio_tracks(path: Path) -> list[dict[str, str]]:
    """Each audio track of the file: its source (the track title) and codec."""
    import av

    with av.open(os.fspath(path)) as container:
        return [{"source": st.metadata.get("handler_name") or st.metadata.get("title", ""),
                 "codec": st.codec_context.name} for st in container.streams.audio]


def queue_transcription(s: Services, interview_id: int, has_audio: bool,
                        title: str) -> int | None:
    """Queue a "transcribe" job (run by the app at its next start, or `closer transcribe`)
    when Settings say so; the GUI's queue runs it at once."""
    if not has_audio or not s.settings.auto_transcribe:
        return None
    active = s.jobs.find_active("transcribe", interview_id)
    if active is not None:
        return active.id
    return s.jobs.submit("transcribe", {"interview_id": interview_id},
                         title=f"Transcribing {title}", target_id=interview_id)


# --- recover --------------------------------------------------------------------------------


def cmd_recover(args: argparse.Namespace) -> int:
    s = services()
    results = []
    for saved in s.recording.recover_all():
        job = (queue_transcription(s, saved.interview_id, saved.has_audio, saved.title)
               if saved.error is None else None)
        results.append({"interview_id": saved.interview_id, "customer": saved.customer,
                        "title": saved.title, "path": str(saved.path) if saved.path else None,
                        "duration_s": round(saved.duration_s, 3), "error": saved.error,
                        "transcribe_job_id": job})
    lines = [f"{'OK  ' if r['error'] is None else 'FAIL'} interview {r['interview_id']} "
             f"({r['customer']}): " + (f"{r['duration_s']:.1f} s recovered into {r['path']}"
                                       if r["error"] is None else str(r["error"]))
             for r in results]
    emit(results, as_json=args.json, human="\n".join(lines) or "Nothing to recover.")
    return 1 if any(r["error"] for r in results) else 0
