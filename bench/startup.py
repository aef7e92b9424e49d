"""App start to a painted main window with 1,000 interviews in the library, against a bare
QApplication + QMainWindow start in the same run (baseline). Each start is a fresh process.

Run: .venv/bin/python bench/startup.py [--interviews 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

CHILD_APP = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from desktop_app.app import create_main_window
app = QApplication([])
w = create_main_window(app)
w.show()
w.views["interviews"].repaint() if hasattr(w.views["interviews"], "repaint") else None
app.processEvents()
print(time.perf_counter() - t0)
w.close()
"""

CHILD_BARE = """
import time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""


def fill_library(home: Path, count: int) -> None:
    from desktop_app.storage.db import session_scope
    from desktop_app.storage.tables import Interview, MediaAsset
    from desktop_app.wiring import build_services

    services = build_services(home)
    customers = [services.library.add_customer(name=f"Customer {i:03d}",
                                               persona=f"Persona {i % 5}").id
                 for i in range(100)]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with session_scope(services.engine) as s:
        for i in range(count):
            asset = MediaAsset(sha256=f"{i:064x}", path=f"/nonexistent/{i}.mp4",
                               duration_s=600 + i, has_video=True, has_audio=True,
                               width=1280, height=720)
            s.add(asset)
            s.flush()
            s.add(Interview(customer_id=customers[i % 100], title=f"Interview {i}",
                            recorded_at=start + timedelta(hours=i), media_id=asset.id,
                            status="transcribed"))


def timed(code: str, env: dict[str, str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True)
        wall = time.perf_counter() - t0
        inner = float(res.stdout.strip().splitlines()[-1])
        out.append(max(wall, inner))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--interviews", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "library"
        fill_library(home, args.interviews)
        env = {**os.environ, "CLOSER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
               "QT_LOGGING_RULES": "qt.multimedia.*=false"}
        bare = timed(CHILD_BARE, env, args.runs)
        app = timed(CHILD_APP, env, args.runs)
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare Qt window start (baseline): median {b:.2f} s over {args.runs} runs")
    print(f"Closer start to main window with {args.interviews} interviews: median {a:.2f} s")
    print(f"ratio Closer/baseline: {a / b:.1f}x")


if __name__ == "__main__":
    main()
