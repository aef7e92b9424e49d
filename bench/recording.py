"""Recording cost: CPU while recording 720p30 + speech from the synthetic source, and Stop -> MP4.

Each configuration runs in a fresh process. CPU is process time (user + system) over the
recording, as % of one core; the synthetic source's own cost (drawing frames, pushing audio, with
no recording) is measured the same way and subtracted to give capture + encode alone. "encoder"
is the worker thread plus x264's threads (everything but the GUI thread).

Run: .venv/bin/python bench/recording.py [--seconds 20] [--quick-seconds 10] [--only veryfast]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEECH = Path(os.environ.get("CLOSER_SHARED_MEDIA") or REPO / "tests" / "media") / "en" / "jfk.flac"

CHILD = r"""
import json, os, sys, tempfile, threading, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
import psutil
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QGuiApplication
from desktop_app.media.capture.sources import CaptureEngine
from desktop_app.media.capture.synthetic import SyntheticAudio, SyntheticVideo
from desktop_app.media.capture.writer import EncoderSettings
from desktop_app.media.probe import probe

cfg = json.loads(sys.argv[1])
app = QGuiApplication([])
proc = psutil.Process()
main_id = threading.main_thread().native_id
video, audio = SyntheticVideo(1280, 720, 30), SyntheticAudio(Path(cfg["speech"]))

def cpu():
    t = proc.cpu_times()
    main = sum(th.user_time + th.system_time for th in proc.threads() if th.id == main_id)
    return t.user + t.system, main

out = {}
if cfg["mode"] == "generator":
    video.start(); audio.start(); audio.feed.open()
    t0, (c0, m0) = time.monotonic(), cpu()
    QTimer.singleShot(int(cfg["seconds"] * 1000), app.quit)
    app.exec()
    (c1, m1), wall = cpu(), time.monotonic() - t0
    out = {"cpu_pct": 100 * (c1 - c0) / wall, "frames": video.sent}
else:
    settings = EncoderSettings(preset=cfg["preset"], tune=cfg["tune"], threads=cfg["threads"])
    engine = CaptureEngine(settings=settings)
    folder = Path(tempfile.mkdtemp())
    marks = {}
    def stop():
        marks["cpu"], marks["wall"] = cpu(), time.monotonic()
        video.stop(); audio.stop()
        engine.stop()
    def done(result):
        marks["done"] = time.monotonic()
        app.quit()
    engine.finished.connect(done)
    engine.start(folder / "bench.mp4", video=video.frame_input, audio=[audio.feed])
    video.start(); audio.start()
    t0, (c0, m0) = time.monotonic(), cpu()
    timer = QTimer(singleShot=True, timeout=stop)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.start(int(cfg["seconds"] * 1000))
    app.exec()
    (c1, m1), wall = marks["cpu"], marks["wall"] - t0
    result = engine.result
    info = probe(result.path)
    out = {
        "cpu_pct": 100 * (c1 - c0) / wall,
        "main_pct": 100 * (m1 - m0) / wall,
        "encoder_pct": 100 * ((c1 - c0) - (m1 - m0)) / wall,
        "stop_to_mp4_s": marks["done"] - marks["wall"],
        "duration_s": info.duration_s,
        "fps": info.fps,
        "frames_sent": video.sent,
        "mbit_s": result.path.stat().st_size * 8 / 1e6 / info.duration_s,
        "rss_mb": proc.memory_info().rss / 2**20,
    }
print("RESULT " + json.dumps(out))
"""


def run(cfg: dict) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(cfg)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"bench child failed:\n{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--quick-seconds", type=float, default=10.0)
    parser.add_argument("--only", help="run just this preset (default config)")
    args = parser.parse_args()
    base = {"speech": str(SPEECH), "tune": "zerolatency", "threads": 0}
    configs = [("veryfast", "zerolatency", 0, args.seconds)]
    if not args.only:
        configs += [
            ("ultrafast", "zerolatency", 0, args.quick_seconds),
            ("superfast", "zerolatency", 0, args.quick_seconds),
            ("veryfast", "zerolatency", 1, args.quick_seconds),
            ("veryfast", "", 0, args.quick_seconds),
        ]
    else:
        configs = [(args.only, "zerolatency", 0, args.seconds)]
    print(f"{os.cpu_count()} CPUs; 1280x720 @ 30 fps synthetic video + 48 kHz speech")
    gen = run({**base, "mode": "generator", "seconds": args.quick_seconds})
    print(f"synthetic source alone (no recording): {gen['cpu_pct']:.1f} % of one core")
    header = "preset     tune         thr  secs  total%  capture+encode%  gui%  encoder%"
    print(header + "  stop->mp4  Mbit/s  fps   RSS MB")
    for preset, tune, threads, secs in configs:
        r = run({**base, "mode": "record", "preset": preset, "tune": tune, "threads": threads,
                 "seconds": secs})  # fmt: skip
        print(
            f"{preset:<10} {tune or '-':<12} {threads or 'auto':>4} {secs:>5.0f} "
            f"{r['cpu_pct']:>6.1f} {r['cpu_pct'] - gen['cpu_pct']:>16.1f} {r['main_pct']:>5.1f}"
            f" {r['encoder_pct']:>9.1f} {r['stop_to_mp4_s']:>9.2f}s {r['mbit_s']:>7.2f}"
            f" {r['fps']:>5.1f} {r['rss_mb']:>7.0f}"
        )
        if abs(r["duration_s"] - secs) > 0.5:
            print(f"  warning: file is {r['duration_s']:.2f} s long for a {secs:.0f} s recording")


if __name__ == "__main__":
    main()
