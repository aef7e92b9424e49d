"""Tagging in the GUI, key to screen: Enter in the tag bar until the transcript shows the new
mark and the heatmap has painted the new count, on a 1,000-segment transcript in a library of
100,000 highlights.

    .venv/bin/python bench/tagging_workbench.py [--highlights 100000] [--segments 1000] [--runs 30]

Builds a throw-away library (bench/heatmap.py's populate), gives one interview a transcript of
`--segments` segments x 10 words, opens the real main window offscreen at 1440x900 on that
interview and an Insights view in a second window (a second screen), then per run: select words
with the editor, press W (touchpoint) and 5 (zone) on the transcript, and time from Enter to
(a) the highlight's mark in the transcript model, painted (one event-loop pass), and (b) the
heatmap cell painted with the new count. The baseline, timed in the same run, is
`HighlightService.create` of the same kind of highlight alone (the storage cost every path pays).
Prints median / p95 / max in ms and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from heatmap import populate  # noqa: E402  (bench/heatmap.py)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from tagging_ui import pct, report, spin  # noqa: E402

from desktop_app.app import create_main_window  # noqa: E402
from desktop_app.storage.db import session_scope  # noqa: E402
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord  # noqa: E402
from desktop_app.ui.insights.view import InsightsView  # noqa: E402
from desktop_app.ui.interviews.view import InterviewsView  # noqa: E402
from desktop_app.wiring import Services, build_services  # noqa: E402

# a conversation: mostly ordinary words, a complaint now and then (keyword rules match those)
CHAT = ("so", "we", "talked", "about", "the", "weekly", "order", "and", "how", "the", "app",
        "shows", "the", "delivery", "slots", "then", "we", "went", "through", "the", "last",
        "few", "weeks", "one", "by", "one")
PAIN = ("and", "the", "courier", "brought", "milk", "instead", "of", "coffee", "again")


def add_transcript(svc: Services, interview_id: int, segments: int) -> None:
    """`segments` segments of 10 evenly timed words, speakers alternating."""
    with session_scope(svc.engine) as s:
        t = 0.0
        for k in range(segments):
            source = PAIN if k % 25 == 7 else CHAT
            words = [source[(k * 10 + i) % len(source)] for i in range(10)]
            seg = TranscriptSegment(interview_id=interview_id, start=t, end=t + 4.0,
                                    text=" ".join(words),
                                    speaker="Customer" if k % 2 else "Interviewer")
            s.add(seg)
            s.flush()
            s.add_all(TranscriptWord(segment_id=seg.id, idx=i, start=round(t + i * 0.4, 3),
                                     end=round(t + i * 0.4 + 0.3, 3), word=" " + w,
                                     probability=0.9) for i, w in enumerate(words))
            t += 4.2
        s.add(Transcript(interview_id=interview_id, model="base", language="en",
                         duration_s=t, transcribed_until_s=t, complete=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--highlights", type=int, default=100_000)
    ap.add_argument("--segments", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        svc = build_services(home)
        t0 = time.perf_counter()
        populate(svc, args.highlights)
        interview_id = 1
        add_transcript(svc, interview_id, args.segments)
        print(f"library: {args.highlights:,} highlights, transcript of {args.segments:,} "
              f"segments ({time.perf_counter() - t0:.1f} s to build)")
        window = create_main_window(app, svc)
        window.resize(1440, 900)
        window.show()
        view = window.show_section("interviews")
        assert isinstance(view, InterviewsView)
        view.open_interview(interview_id)
        panel = view.detail_page.transcript
        spin(app, lambda: panel.editor.model.word_count() == args.segments * 10)
        insights = InsightsView(window.ctx)  # on a second screen
        insights.resize(1280, 800)
        insights.show()
        insights.refresh()
        spin(app, lambda: insights.grid.heatmap() is not None and not insights.busy(),
             limit_s=120)
        tps, zones = svc.library.touchpoints(), svc.library.zones()
        cell = (int(tps[1].id), int(zones[4].id))  # W and 5
        editor, keys = panel.editor, panel.editor.list
        to_mark: list[float] = []
        to_heatmap: list[float] = []
        baseline: list[float] = []
        handled: list[float] = []
        for run in range(args.runs):
            first = (run * 37) % (args.segments * 10 - 5)
            editor.select_words(first, first + 3)
            QTest.keyClick(keys, Qt.Key.Key_W)
            QTest.keyClick(keys, Qt.Key.Key_5)
            before = insights.grid.count_at(*cell)
            newest = max(panel.tagging.highlights, default=0)
            t = time.perf_counter()
            QTest.keyClick(keys, Qt.Key.Key_Return)
            handled.append((time.perf_counter() - t) * 1000)
            made = max(panel.tagging.highlights, default=0)
            assert made > newest and any(m.key == f"h:{made}" for m in editor.model.marks()), \
                "no mark after Enter"
            app.processEvents()  # the transcript's repaint
            to_mark.append((time.perf_counter() - t) * 1000)
            spin(app, lambda b=before: insights.grid.painted.get(cell) == b + 1,
                 [insights.grid.repainted])
            to_heatmap.append((time.perf_counter() - t) * 1000)
            spin(app, lambda: not insights.busy(), limit_s=60)
            w = editor.model.word(first + 5)
            t = time.perf_counter()
            svc.tagging.create(interview_id, start=w.start, end=w.end,
                               touchpoints=[tps[2].id], zones=[zones[6].id], severity=3)
            baseline.append((time.perf_counter() - t) * 1000)
        print()
        report("baseline: HighlightService.create alone", baseline)
        report("Enter handled (saved, list + marks + heatmap model)", handled)
        report("Enter -> mark in the transcript (painted)", to_mark)
        report("Enter -> heatmap cell painted (second window)", to_heatmap)
        print(f"\np95 ratio to baseline: mark x{pct(to_mark, 0.95) / pct(baseline, 0.95):.1f}, "
              f"heatmap x{pct(to_heatmap, 0.95) / pct(baseline, 0.95):.1f}; "
              f"target: heatmap p95 < 50 ms -> "
              f"{'met' if pct(to_heatmap, 0.95) < 50 else 'NOT met'}")
        insights.shutdown()
        window.close()
        svc.insights.close()
        svc.engine.dispose()


if __name__ == "__main__":
    main()
