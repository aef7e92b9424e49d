"""Record from the command line with the real engine (crash tests, device checks, benches).

    python -m desktop_app.media.capture.selftest --out rec.mp4 --seconds 30 [--video synthetic]
        [--speech a.flac --speech b.wav] [--mic NAME|default] [--call-audio auto|NAME] [--list]

Prints `RECORDING <partial path>` once frames flow, then one JSON line with the result.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from desktop_app.domain.errors import CloserError  # noqa: E402
from desktop_app.media.capture import devices  # noqa: E402
from desktop_app.media.capture.sources import AudioInput, CaptureEngine, VideoInput  # noqa: E402
from desktop_app.media.capture.synthetic import SyntheticAudio, SyntheticVideo  # noqa: E402
from desktop_app.media.qtfix import immortalise_singletons  # noqa: E402


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="capture-selftest", description=__doc__)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--video", choices=("synthetic", "screen", "camera", "none"))
    parser.add_argument("--speech", type=Path, action="append", default=[])
    parser.add_argument("--mic", help="'default' or part of an input device's name")
    parser.add_argument("--call-audio", help="'auto' or part of a call audio source's name")
    parser.add_argument("--list", action="store_true", help="print the devices as JSON")
    return parser.parse_args(argv)


def _listing() -> dict[str, list[str]]:
    screens = devices.list_screens()
    return {
        "cameras": [d.description() for d in devices.list_cameras()],
        "microphones": [d.description() for d in devices.list_microphones()],
        "call_audio": [f"{s.description} [{s.id}]" for s in devices.list_call_audio_sources()],
        "screens": [f"{s.name()} {s.size().width()}x{s.size().height()}" for s in screens],
        "windows": [w.description() for w in devices.list_windows()],
    }  # fmt: skip


def _pick(items: list, name: str, what: str, describe) -> object:
    for item in items:
        if name in ("auto", "default") or name.lower() in describe(item).lower():
            return item
    raise CloserError(f"No {what} matches '{name}' (found: {[describe(i) for i in items]})")


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    immortalise_singletons()  # PySide6 6.12 + CPython 3.11 reference bug (see the module)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.list:
        print(json.dumps(_listing(), indent=2))
        return 0
    if args.out is None:
        print("--out is required", file=sys.stderr)
        return 2
    kind = args.video or ("synthetic" if not (args.mic or args.call_audio) else "none")
    synth_video = SyntheticVideo(parent=app) if kind == "synthetic" else None
    synth_audio = [
        SyntheticAudio(p, f"Speech {i + 1}", parent=app) for i, p in enumerate(args.speech)
    ]
    video: VideoInput | None = None
    audio: list[AudioInput] = [s.feed for s in synth_audio]
    try:
        if synth_video is not None:
            video = synth_video.frame_input
        elif kind == "screen":
            video = devices.list_screens()[0]
        elif kind == "camera":
            video = _pick(devices.list_cameras(), "default", "camera", lambda d: d.description())
        if args.mic:
            audio.append(
                _pick(devices.list_microphones(), args.mic, "microphone", lambda d: d.description())
            )
        if args.call_audio:
            sources = devices.list_call_audio_sources()
            if not sources:
                raise CloserError(devices.call_audio_help())
            audio.append(_pick(sources, args.call_audio, "call audio source", lambda s: s.id))
        engine = CaptureEngine(app)
        engine.deviceLost.connect(lambda m: print(f"DEVICE LOST {m}", flush=True))
        engine.warning.connect(lambda m: print(f"WARNING {m}", flush=True))
        partial = engine.start(args.out, video=video, audio=audio)
    except CloserError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    for source in [synth_video, *synth_audio]:
        if source is not None:
            source.start()
    print(f"RECORDING {partial}", flush=True)
    engine.finished.connect(app.quit)
    stopper = QTimer(app, singleShot=True, timeout=engine.stop)
    stopper.setTimerType(Qt.TimerType.PreciseTimer)
    stopper.start(int(args.seconds * 1000))
    app.exec()
    result = engine.result
    if result is None:
        return 1
    print(json.dumps({
        "path": str(result.path) if result.path else None, "duration_s": result.duration_s,
        "stop_reason": result.stop_reason, "audio_labels": list(result.audio_labels),
        "faststart": result.faststart, "error": result.error,
    }), flush=True)  # fmt: skip
    return 0 if result.error is None else 1


if __name__ == "__main__":
    raise SystemExit(main())
