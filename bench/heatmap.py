"""Heatmap speed on a library of 100,000 highlights (prints median milliseconds per query).

    .venv/bin/python bench/heatmap.py [--highlights 100000] [--runs 7]

Builds a throw-away library in a temp folder (5 personas, 200 customers, 2,000 interviews over
two years, highlights with 1-2 touchpoints and 1-2 zones each), then times
InsightsService.heatmap with no filter and with each filter, plus trends and the journey map.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.highlights import InsightFilter  # noqa: E402
from desktop_app.storage.tables import (  # noqa: E402
    Customer,
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    Persona,
)
from desktop_app.wiring import Services, build_services  # noqa: E402

QUOTES = ("Меня перевели в другой отдел и попросили продиктовать ещё раз номер заказа",
          "The courier brought milk instead of coffee and support offered a coupon",
          "Nobody called back, I had to explain everything again",
          "Оплата не прошла, а деньги списали дважды")


def populate(svc: Services, n_highlights: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    tps = [t.id for t in svc.library.touchpoints()]
    zones = [z.id for z in svc.library.zones()]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with svc.engine.begin() as conn:
        conn.execute(insert(Persona), [{"id": i, "name": f"Persona {i}", "portrait_path": "",
                                        "goals": "", "description": "",
                                        "created_at": start} for i in range(1, 6)])
        conn.execute(insert(Customer), [
            {"id": i, "name": f"Customer {i}", "company": "", "contact": "", "email": "",
             "persona_id": 1 + i % 5, "language": "auto", "alias": "", "notes": "",
             "created_at": start} for i in range(1, 201)])
        conn.execute(insert(Interview), [
            {"id": i, "customer_id": 1 + i % 200, "title": "", "status": "tagged",
             "recorded_at": start + timedelta(hours=i * 8.76), "language": "auto",
             "interviewer": ("Olga", "Ivan", "Kate")[i % 3], "source": "demo", "notes": "",
             "created_at": start} for i in range(1, 2001)])
        rows, tp_links, zone_links = [], [], []
        for h in range(1, n_highlights + 1):
            iv = rnd.randint(1, 2000)
            t0 = rnd.uniform(0, 3000)
            rows.append({"id": h, "interview_id": iv, "start": t0, "end": t0 + 8,
                         "quote": rnd.choice(QUOTES), "persona_id": 1 + (iv % 200 + 1) % 5,
                         "severity": rnd.randint(1, 5), "emotion": "frustrated",
                         "need": "Solve it in one contact" if h % 7 == 0 else "", "value": "",
                         "notes": "", "source": "manual", "status": "done",
                         "created_at": start})
            for t in rnd.sample(tps, rnd.choice((1, 1, 2))):
                tp_links.append({"highlight_id": h, "touchpoint_id": t})
            for z in rnd.sample(zones, rnd.choice((1, 1, 2))):
                zone_links.append({"highlight_id": h, "zone_id": z})
        conn.execute(insert(Highlight), rows)
        conn.execute(insert(HighlightTouchpoint), tp_links)
        conn.execute(insert(HighlightZone), zone_links)
    with svc.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time shows the cost on an idle machine)."""
    fn()  # warm the page cache and statement cache
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--highlights", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        svc = build_services(Path(tmp))
        t0 = time.perf_counter()
        populate(svc, args.highlights)
        print(f"library: {args.highlights:,} highlights, 2,000 interviews "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        ins = svc.insights
        hm = ins.heatmap()
        print(f"check: {hm.total:,} (touchpoint, zone) pairs in {len(hm.cells)} cells")
        mid = datetime(2025, 7, 1, tzinfo=UTC)
        filters = [
            ("no filter", InsightFilter()),
            ("persona", InsightFilter(persona_id=2)),
            ("customer", InsightFilter(customer_id=17)),
            ("date range (6 months)", InsightFilter(date_from=mid,
                                                    date_to=mid + timedelta(days=182))),
            ("interviewer", InsightFilter(interviewer="Olga")),
            ("persona + dates + interviewer", InsightFilter(
                persona_id=3, date_from=mid, date_to=mid + timedelta(days=182),
                interviewer="Ivan")),
        ]
        print(f"median of {args.runs} runs, ms   {'fresh SQL wall':>14} {'(cpu)':>8} "
              f"{'reused wall':>12}")
        for name, f in filters:
            fresh, fresh_cpu = median_ms(lambda f=f: ins.heatmap(f, fresh=True), args.runs)
            reused, _ = median_ms(lambda f=f: ins.heatmap(f), args.runs)
            print(f"heatmap, {name:<29} {fresh:11.1f} {fresh_cpu:11.1f} {reused:12.2f}")
        others: list[tuple[str, Callable[[], object]]] = [
            ("trends, no filter (fresh)", lambda: ins.trends(fresh=True)),
            ("journey map, one persona", lambda: ins.journey_map("Persona 2")),
        ]
        for name, fn in others:
            wall, cpu = median_ms(fn, args.runs)
            print(f"{name:<38} {wall:11.1f} {cpu:11.1f}")
        ins.close()
        svc.engine.dispose()


if __name__ == "__main__":
    main()
