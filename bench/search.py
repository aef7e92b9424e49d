"""Benchmark transcript search: 10,000 generated transcripts x 5,000 words in a temp library.

Builds a real library (migrations), fills it with generated Russian/English-like text
(Zipf-distributed vocabulary, ~25 words per segment, a few planted phrases and word forms),
builds the search index two ways in the same run: the baseline (words only, as shipped before
issue #12, `search_baseline.py`) and the current one (words + stems, prefix index), printing
the build time and size of each; then times a search (top 20 with snippets) for phrase, word,
word-form, prefix and Cyrillic queries on both: median and p95 in ms, and the match counts.
Usage: python bench/search.py [--transcripts N] [--words N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import search_baseline as baseline
from sqlalchemy import Engine

from desktop_app.services.search import RANKED_MAX, SearchService, match_expression
from desktop_app.storage.fts import install_functions
from desktop_app.wiring import build_services

SEGMENT_WORDS = 25
# (phrase, share of segments): the common one lists newest first, the rarer ones by bm25
PLANTED = (("courier was late again", 0.01), ("доставка опять опоздала", 0.001),
           ("refund took three weeks", 0.001), ("ждали доставку неделю", 0.001),
           ("they refunded the order", 0.001))
BUILD_NEW = ("INSERT INTO segment_fts(rowid, text, stems) "
             "SELECT id, text, closer_stems(text) FROM transcriptsegment")


def vocabulary(rng: random.Random, size: int) -> list[str]:
    latin = ["ka", "lo", "ri", "ne", "ta", "mo", "su", "de", "pa", "vi", "ro", "el", "an", "ex"]
    cyr = ["ка", "ло", "ри", "не", "та", "мо", "су", "де", "па", "ви", "ро", "ел", "ан", "ёж"]
    words = set()
    while len(words) < size:
        syllables = cyr if rng.random() < 0.5 else latin
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def fill(db: Path, transcripts: int, words_per: int, seed: int = 7) -> tuple[int, list[str]]:
    """Insert the transcripts (no search index yet: `build` makes both);
    return the segment count and the vocabulary, commonest first."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    vocab = np.array(vocabulary(rng, 20_000))
    weights = 1.0 / np.arange(1, vocab.size + 1) ** 1.1
    weights /= weights.sum()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    cur = con.cursor()
    cur.executemany("INSERT INTO customer(name, company, contact, email, language, alias, notes,"
                    " created_at) VALUES (?, '', '', '', 'auto', '', '', datetime('now'))",
                    [(f"Customer {i}",) for i in range(500)])
    first_customer = cur.execute("SELECT min(id) FROM customer").fetchone()[0]
    segments = 0
    per_seg = SEGMENT_WORDS
    for t in range(transcripts):
        cur.execute("INSERT INTO interview(customer_id, title, recorded_at, status, language, "
                    "interviewer, source, notes, created_at) VALUES (?, ?, datetime('now'), "
                    "'transcribed', 'auto', '', 'import', '', datetime('now'))",
                    (first_customer + t % 500, f"Interview {t}"))
        iv = cur.lastrowid
        tokens = nprng.choice(vocab, size=words_per, p=weights)
        rows = []
        for k in range(0, words_per, per_seg):
            text = " ".join(tokens[k:k + per_seg])
            for phrase, share in PLANTED:
                if rng.random() < share:
                    text += " " + phrase
            if rng.random() < 0.0005:
                text += " " + PLANTED[2][0] + " and again " + PLANTED[2][0]
            start = k * 0.4
            rows.append((iv, start, start + per_seg * 0.4, text))
        cur.executemany("INSERT INTO transcriptsegment(interview_id, track, start, \"end\", "
                        "speaker, text, edited) VALUES (?, 0, ?, ?, '', ?, 0)", rows)
        segments += len(rows)
        if t % 500 == 499:
            con.commit()
            print(f"  {t + 1:>6} transcripts, {segments:,} segments", flush=True)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return segments, [str(w) for w in vocab]


def _size_mb(con: sqlite3.Connection, prefix: str) -> float:
    return con.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?",
                       (prefix + "%",)).fetchone()[0] / 1e6


def set_aside_triggers(db: Path) -> list[str]:
    """Drop the search index triggers (`build` fills the indexes); return their SQL."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                       "AND name LIKE 'segment_fts%'").fetchall()
    for name, _sql in rows:
        con.execute(f"DROP TRIGGER {name}")
    con.commit()
    con.close()
    return [sql for _name, sql in rows]


def build(db: Path, triggers: list[str]) -> dict[str, tuple[float, float]]:
    """Build the baseline and the current index from the stored segments, then put the
    triggers back; (seconds, MB) for each index."""
    con = sqlite3.connect(db)
    install_functions(con)
    con.execute("PRAGMA synchronous=OFF")
    out: dict[str, tuple[float, float]] = {}
    for label, statements, prefix in (("baseline", (baseline.CREATE_SQL, baseline.BUILD_SQL),
                                       baseline.TABLE),
                                      ("current", (BUILD_NEW,), "segment_fts")):
        t0 = time.perf_counter()
        for sql in statements:
            con.execute(sql)
        con.commit()
        out[label] = (time.perf_counter() - t0, _size_mb(con, prefix))
    for sql in triggers:
        con.execute(sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return out


def timed(run: Callable[[], object], runs: int) -> tuple[float, float] | str:
    """Median and p95 ms of `run()` (5 runs when one takes over 0.5 s), or the error."""
    times: list[float] = []
    while len(times) < (runs if not times or times[0] < 500 else 5):
        t0 = time.perf_counter()
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - the baseline's syntax errors are a result
            return str(getattr(exc, "orig", exc)).splitlines()[0][:28]
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def matches(engine: Engine, table: str, expr: str | None) -> int | str:
    if expr is None:
        return 0
    with engine.connect() as con:
        try:
            return int(con.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?",
                                           (expr,)).scalar_one())
        except Exception:  # noqa: BLE001
            return "-"


def _cell(result: tuple[float, float] | str) -> str:
    if isinstance(result, str):
        return f"{result:>28}"
    return f"{result[0]:>10.2f} {result[1]:>8.2f} {'':>8}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--transcripts", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        services = build_services(home)
        db = home / "closer.sqlite3"
        triggers = set_aside_triggers(db)
        t0 = time.perf_counter()
        n, vocab = fill(db, args.transcripts, args.words)
        load_s = time.perf_counter() - t0
        built = build(db, triggers)
        size = sum(p.stat().st_size for p in home.glob("closer.sqlite3*")) / 1e6
        print(f"library: {args.transcripts:,} transcripts x {args.words:,} words = "
              f"{args.transcripts * args.words / 1e6:.1f} M words, {n:,} segments, "
              f"{size:,.0f} MB with both indexes; segments stored in {load_s:.0f} s")
        print(f"{'index':<52} {'build s':>8} {'size MB':>8}")
        for label, what in (("baseline", "words only, no prefix index"),
                            ("current", "words + stems, prefix index 3, 4 and 5")):
            secs, mb = built[label]
            print(f"{label + ' (' + what + ')':<52} {secs:>8.1f} {mb:>8.1f}")
        engine = services.engine
        search = SearchService(engine)
        search.search(vocab[0], limit=1)  # warm the page cache
        baseline.search(engine, vocab[0], limit=1)
        queries = {
            "phrase in 0.1% of segments": '"refund took three weeks"',
            "phrase in 1% of segments": '"courier was late again"',
            "words, unquoted (AND)": "refund three weeks",
            "Cyrillic phrase, upper case, е for ё": '"ДОСТАВКА ОПЯТЬ"',
            "two Russian words (доставку неделю)": "доставку неделю",
            "word form, Russian (доставки)": "доставки",
            "word form, English (refunds)": "refunds",
            "mixed scripts (refunded доставка)": "refunded доставка",
            f"rare word ({vocab[15_000]})": vocab[15_000],
            f"common word ({vocab[0]})": vocab[0],
            f"common word, 2nd ({vocab[1]})": vocab[1],
            f"prefix ({vocab[3][:3]}*)": vocab[3][:3] + "*",
            f"prefix ({vocab[40][:4]}*)": vocab[40][:4] + "*",
            f"prefix ({vocab[60][:5]}*)": vocab[60][:5] + "*",
            f"prefix ({vocab[7][:2]}*, 2 letters: a word)": vocab[7][:2] + "*",
            "no match": '"zzz qqq"',
        }
        print(f"\nsearch(limit=20) with snippets, {args.runs} runs each (5 when slower than "
              f"0.5 s); order: bm25 up to {RANKED_MAX} matches, else newest")
        print(f"{'':<44} {'baseline':-^28} {'current':-^28}")
        print(f"{'query':<44} " + f"{'median ms':>10} {'p95 ms':>8} {'matches':>8} " * 2)
        worst = 0.0
        for label, q in queries.items():
            old = timed(lambda q=q: baseline.search(engine, q, limit=20), args.runs)
            new = timed(lambda q=q: search.search(q, limit=20), args.runs)
            if not isinstance(new, str):
                worst = max(worst, new[1])
            n_old = matches(engine, baseline.TABLE, baseline.match_expression(q))
            n_new = matches(engine, "segment_fts", match_expression(q))
            old_cell = _cell(old)[:-8] + (f"{n_old:>8,}" if isinstance(n_old, int) else
                                          f"{n_old:>8}") if not isinstance(old, str) else \
                _cell(old)
            print(f"{label:<44} {old_cell} {_cell(new)[:-8]}{n_new:>8,}")
        print(f"\nworst p95 of the current search: {worst:.2f} ms")
        best = search.search('"refund took three weeks"', limit=3)
        print("top hit for the planted phrase:", best[0].snippet if best else "(none)")
        forms = search.search("доставка", limit=3)
        print("top hit for доставка:", forms[0].snippet if forms else "(none)")
        engine.dispose()


if __name__ == "__main__":
    main()
