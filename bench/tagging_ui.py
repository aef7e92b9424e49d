"""Tagging action to screen update, and filter change to repaint, on 100,000 highlights.

    .venv/bin/python bench/tagging_ui.py [--highlights 100000] [--runs 20]

Builds a throw-away library (bench/heatmap.py's populate: 2,000 interviews, 100,000 highlights),
gives one interview transcript words, opens the Insights view offscreen at 1280x800 and times:

1. tag -> screen: HighlightService.create(...) + highlights_changed until the heatmap widget has
   painted the new count of the tagged cell. Twice: with the view's incremental update (the new
   highlight is counted into the matrix on screen, a full query confirms later) and without it
   (the full heatmap query on a worker thread, then the paint). Each run waits until the view is
   idle again, as a person tagging at human speed would.
2. filter change -> repaint: choose a persona / interviewer in the filter bar until the grid
   has painted that filter's matrix (first time: a fresh SQL query; again: the reused result).

Prints median and p95 in milliseconds (wall clock; timing noise on a 2-core machine ~±30 %).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from heatmap import populate  # noqa: E402  (bench/heatmap.py)
from PySide6.QtCore import QEventLoop, QTimer, SignalInstance  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.media.qtfix import immortalise_singletons  # noqa: E402
from desktop_app.storage.db import session_scope  # noqa: E402
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord  # noqa: E402
from desktop_app.ui.insights.view import InsightsView  # noqa: E402
from desktop_app.ui.kit.context import UiContext  # noqa: E402
from desktop_app.ui.kit.jobs import JobRunner  # noqa: E402
from desktop_app.ui.kit.style import apply_style  # noqa: E402
from desktop_app.wiring import Services, build_services  # noqa: E402

WORDS = ["the", "courier", "brought", "milk", "instead", "of", "coffee", "and", "support",
         "transferred", "me", "to", "another", "department", "where", "they", "asked", "for",
         "my", "order", "number", "again"]


def add_words(svc: Services, interview_id: int, n_words: int = 400) -> float:
    """Give an interview a transcript of evenly timed words; returns its duration."""
    with session_scope(svc.engine) as s:
        seg = TranscriptSegment(interview_id=interview_id, start=0.0, end=n_words * 0.4,
                                text=" ".join(WORDS))
        s.add(seg)
        s.flush()
        s.add_all(TranscriptWord(segment_id=seg.id, idx=i, start=round(i * 0.4, 3),
                                 end=round(i * 0.4 + 0.3, 3), word=" " + WORDS[i % len(WORDS)],
                                 probability=0.9) for i in range(n_words))
        s.add(Transcript(interview_id=interview_id, model="base", language="en",
                         duration_s=n_words * 0.4, transcribed_until_s=n_words * 0.4,
                         complete=True))
    return n_words * 0.4


def spin(app: QApplication, done: Callable[[], bool], wake: Sequence[SignalInstance] = (),
         limit_s: float = 30.0) -> None:
    """Run the event loop until `done()`; it is checked whenever a `wake` signal fires (the
    grid's repaint: exact, no polling) and every 10 ms."""
    if done():
        return
    loop = QEventLoop()

    def check() -> None:
        if done():
            loop.quit()

    for signal in wake:
        signal.connect(check)
    tick = QTimer()
    tick.timeout.connect(check)
    tick.start(10)
    QTimer.singleShot(round(limit_s * 1000), loop.quit)
    loop.exec()
    tick.stop()
    for signal in wake:
        signal.disconnect(check)
    if not done():
        raise TimeoutError("the view did not update within the limit")


def idle(view: InsightsView) -> bool:
    return not view.busy()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float]) -> None:
    print(f"{name:<52} median {statistics.median(ms):7.1f}   p95 {pct(ms, 0.95):7.1f}"
          f"   max {max(ms):7.1f}   (n={len(ms)})")


def tag_runs(app: QApplication, svc: Services, view: InsightsView, interview_id: int,
             runs: int, incremental: bool,
             offset: int) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds tag -> painted, tag -> confirmed by the full query, and create() alone."""
    view.incremental_updates = incremental
    hm = view.grid.heatmap()
    assert hm is not None
    tps, zones = hm.touchpoints, hm.zones
    shown, confirmed, creating = [], [], []
    for i in range(runs):
        tp, zone = tps[(i + offset) % len(tps)], zones[(3 * i + offset) % len(zones)]
        key = (tp.id, zone.id)
        before = view.grid.count_at(*key)
        t0 = time.perf_counter()
        made = svc.tagging.create(interview_id, start=(i + offset) * 2.0 % 150,
                           end=(i + offset) * 2.0 % 150 + 1.5, touchpoints=[tp.id],
                           zones=[zone.id], severity=1 + i % 5)
        creating.append((time.perf_counter() - t0) * 1000)
        view.ctx.events.highlights_changed.emit([made.id])
        spin(app, lambda k=key, b=before: view.grid.painted.get(k) == b + 1,
             [view.grid.repainted])
        shown.append((time.perf_counter() - t0) * 1000)
        spin(app, lambda: idle(view))
        confirmed.append((time.perf_counter() - t0) * 1000)
        assert view.grid.count_at(*key) == before + 1
    return shown, confirmed, creating


def filter_runs(app: QApplication, view: InsightsView, box_name: str,
                rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds choose -> painted, first time each choice is seen and again."""
    box = getattr(view.filters, box_name)
    first, again = [], []
    seen: set[int] = set()
    for _ in range(rounds):
        for index in list(range(1, box.count())) + [0]:
            t0 = time.perf_counter()
            box.setCurrentIndex(index)
            flt = view.filters.insight_filter()
            spin(app, lambda f=flt: view.shown_filter() == f
                 and view.grid.painted_heatmap is view.grid.heatmap(), [view.grid.repainted])
            (again if index in seen else first).append((time.perf_counter() - t0) * 1000)
            seen.add(index)
            spin(app, lambda: idle(view))
    return first, again


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--highlights", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    immortalise_singletons()  # the start-up call app.py makes (PySide6 6.12 refcount bug)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLOSER_HOME"] = tmp
        svc = build_services(Path(tmp))
        t0 = time.perf_counter()
        populate(svc, args.highlights)
        add_words(svc, 1)
        print(f"library: {args.highlights:,} highlights, 2,000 interviews "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        apply_style(app)  # type: ignore[arg-type]
        runner = JobRunner(svc.jobs)
        view = InsightsView(UiContext(svc, runner))
        view.resize(1280, 800)
        view.show()
        t0 = time.perf_counter()
        view.refresh()
        spin(app, lambda: view.grid.painted_heatmap is not None and idle(view))
        print(f"first heatmap on screen: {(time.perf_counter() - t0) * 1000:.0f} ms")
        print()
        print("tag -> heatmap repainted with the new count")
        inc_shown, inc_conf, inc_create = tag_runs(app, svc, view, 1, args.runs, True, 0)
        full_shown, _, _ = tag_runs(app, svc, view, 1, args.runs, False, args.runs)
        report("  incremental (count on screen, query confirms)", inc_shown)
        report("    of which HighlightService.create() itself", inc_create)
        report("    ... then confirmed by the full query", inc_conf)
        report("  full query on a worker thread, then paint", full_shown)
        print()
        print("filter change -> heatmap repainted")
        first, again = filter_runs(app, view, "persona_box", 3)
        report("  persona, first time (fresh SQL)", first)
        report("  persona, seen before (reused result)", again)
        first, again = filter_runs(app, view, "interviewer_box", 3)
        report("  interviewer, first time (fresh SQL)", first)
        report("  interviewer, seen before (reused result)", again)
        view.shutdown()
        view.close()
        runner.shutdown()
        svc.insights.close()
        svc.engine.dispose()


if __name__ == "__main__":
    main()
