"""GUI event-loop stalls while a real transcription runs, and while scrolling a long transcript.

    .venv/bin/python bench/gui_responsiveness.py [--model base] [--seconds 5]

Opens the real main window (offscreen unless a display is set) over a throw-away library and
records the gaps between ticks of a 10 ms QTimer on the GUI thread:

1. idle, for a baseline;
2. while the JobRunner transcribes the 104 s LJ Speech clip (model `base`) with the interview's
   page open (its transcript grows as segments arrive, progress in the sidebar); the app runs
   the job in a child process, `--in-process` on a thread of the GUI process instead;
3. while the transcript editor of a 1,000-segment transcript scrolls (60 steps a second) and
   follows a moving playback position.

Prints, per phase: ticks, max gap, p99 gap, and how many gaps exceeded 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;qt.qpa.*=false")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlmodel import delete, select  # noqa: E402

from desktop_app.storage.db import session_scope  # noqa: E402
from desktop_app.storage.tables import (  # noqa: E402
    Transcript,
    TranscriptSegment,
    TranscriptWord,
)
from desktop_app.wiring import Services, build_services  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MEDIA = Path(os.environ.get("CLOSER_SHARED_MEDIA") or REPO / "tests" / "media")
LONG = MEDIA / "en" / "ljspeech_LJ001-0001_to_0015_concat.flac"
SHORT = MEDIA / "en" / "cmu_goforward.wav"
WORDS = ["we", "tried", "to", "pay", "but", "the", "card", "was", "declined", "twice", "so",
         "I", "called", "support", "and", "waited", "for", "almost", "an", "hour"]


class GapMeter:
    """A 10 ms timer on the GUI thread; the time between its ticks shows every stall."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.busy: list[float] = []
        self._last = self._cpu = 0.0
        self._active = False
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    @property
    def last_tick(self) -> float:
        return self._last

    @property
    def timer_active(self) -> bool:
        return self._active

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self._active = True
        self.timer.start()

    def stop(self) -> tuple[list[float], list[float]]:
        self.timer.stop()
        self._active = False
        return list(self.gaps), list(self.busy)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now - self._last) * 1000)
        self.busy.append((cpu - self._cpu) * 1000)  # GUI thread CPU time within the gap
        self._last, self._cpu = now, cpu


class StallTracer(threading.Thread):
    """--trace-stalls: when the GUI thread has not ticked for `limit_ms`, print what every
    thread is doing (if this thread cannot even run, another one holds the GIL)."""

    def __init__(self, meter: GapMeter, limit_ms: float = 80.0) -> None:
        super().__init__(daemon=True)
        self.meter, self.limit = meter, limit_ms / 1000
        self.gui = threading.get_ident()
        self.stop_flag = threading.Event()

    def run(self) -> None:
        reported = 0.0
        while not self.stop_flag.wait(0.02):
            last = self.meter.last_tick
            late = time.perf_counter() - last
            if self.meter.timer_active and late > self.limit and last != reported:
                reported = last
                frames = sys._current_frames()
                print(f"--- GUI thread late by {late * 1000:.0f} ms; stacks:")
                for ident, frame in frames.items():
                    if ident == self.ident:
                        continue
                    name = "GUI" if ident == self.gui else str(ident)
                    stack = traceback.extract_stack(frame)[-6:]
                    print(f"  [{name}] " + " <- ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)))


def report(name: str, measured: tuple[list[float], list[float]]) -> None:
    gaps, busy = measured
    if not gaps:
        print(f"{name}: no ticks")
        return
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    long = [(g, b) for g, b in zip(gaps, busy, strict=True) if g > 100]
    print(f"{name}\n    ticks {len(gaps):>5}  median {statistics.median(gaps):5.1f} ms  "
          f"p99 {p99:6.1f} ms  max {max(gaps):6.1f} ms  gaps>100ms {len(long)}")
    if long:  # busy ~ gap: the GUI thread worked; busy << gap: it waited (GIL or CPU)
        print("    gaps>100ms (GUI thread busy/wall): " + ", ".join(
            f"{b:.0f}/{g:.0f} ms" for g, b in long))


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def import_file(svc: Services, path: Path, customer_id: int) -> int:
    for _ in svc.importer.import_iter(path, customer_id=customer_id):
        pass
    iid = svc.importer.last_result.interview_id
    assert iid is not None
    return iid


def fill_transcript(svc: Services, iid: int, segments: int = 1000) -> None:
    """A long synthetic transcript (20 words a segment, two speakers)."""
    with session_scope(svc.engine) as s:
        s.exec(delete(TranscriptSegment).where(TranscriptSegment.interview_id == iid))
        tr = s.exec(select(Transcript).where(Transcript.interview_id == iid)).first() \
            or Transcript(interview_id=iid)
        tr.complete, tr.duration_s, tr.language, tr.model = True, segments * 6.0, "en", "bench"
        s.add(tr)
        for k in range(segments):
            start = k * 6.0
            seg = TranscriptSegment(interview_id=iid, start=start, end=start + 5.8,
                                    speaker=("Interviewer", "Customer")[k % 2],
                                    text=" ".join(WORDS))
            s.add(seg)
            s.flush()
            s.add_all([TranscriptWord(segment_id=seg.id, idx=i, start=start + i * 0.28,
                                      end=start + i * 0.28 + 0.25, word=f" {w}",
                                      probability=0.9) for i, w in enumerate(WORDS)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="base")
    ap.add_argument("--seconds", type=float, default=5.0, help="idle and scrolling phases")
    ap.add_argument("--in-process", action="store_true",
                    help="transcribe on a thread of the GUI process (before the fix)")
    ap.add_argument("--trace-stalls", action="store_true",
                    help="print every thread's stack while the GUI thread is late")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from desktop_app.app import create_main_window

    with tempfile.TemporaryDirectory(prefix="closer-gui-bench-") as tmp:
        home = Path(tmp)
        os.environ["CLOSER_HOME"] = str(home)
        svc = build_services(home)
        svc.settings.auto_transcribe = False
        customer = svc.library.add_customer(name="Bench Customer")
        assert customer.id is not None
        long_id = import_file(svc, LONG, customer.id)
        big_id = import_file(svc, SHORT, customer.id)
        fill_transcript(svc, big_id)
        window = create_main_window(app, svc)  # type: ignore[arg-type]
        if args.in_process:
            svc.jobs.register("transcribe", svc.transcription.transcribe_job)
        window.resize(1400, 900)
        window.show()
        view = window.views["interviews"]
        meter = GapMeter()
        if args.trace_stalls:
            StallTracer(meter).start()
        spin(500)

        meter.start()
        spin(int(args.seconds * 1000))
        report("idle", meter.stop())

        view.open_interview(long_id)  # type: ignore[attr-defined]
        spin(300)
        runner = window.ctx.runner
        done = QEventLoop()
        t0 = time.perf_counter()
        meter.start()
        job = runner.submit("transcribe", {"interview_id": long_id, "model": args.model},
                            title="Transcribing (bench)", target_id=long_id)
        runner.finished.connect(lambda j, _s: done.quit() if j == job else None)
        done.exec()
        gaps = meter.stop()
        info = runner.info(job)
        took = time.perf_counter() - t0
        where = "thread" if args.in_process else "child process"
        report(f"transcribing 104 s, '{args.model}', {where} ({took:.0f} s)", gaps)
        print(f"    job {info.status}: {info.result.get('segments')} segments"
              f"{' ' + info.error if info.error else ''}")

        view.open_interview(big_id)  # type: ignore[attr-defined]
        spin(300)
        editor = view.detail_page.transcript.editor  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        editor.load(big_id)
        editor.list.doItemsLayout()
        app.processEvents()
        print(f"load 1,000 segments into the editor: {(time.perf_counter() - t0) * 1000:.0f} ms")
        bar = editor.list.verticalScrollBar()
        position = [0.0]

        def step() -> None:
            bar.setValue((bar.value() + 40) % max(1, bar.maximum()))
            position[0] += 0.25
            editor.set_position(position[0])

        scroller = QTimer()
        scroller.setInterval(16)
        scroller.timeout.connect(step)
        meter.start()
        scroller.start()
        spin(int(args.seconds * 1000))
        scroller.stop()
        report("scrolling 1,000 segments + following playback", meter.stop())
        window.close()
        svc.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
