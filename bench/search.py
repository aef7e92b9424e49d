"""Benchmark transcript search: 10,000 generated transcripts x 5,000 words in a temp library.

Builds a real library (migrations, FTS5 triggers), fills it with generated Russian/English-like
text (Zipf-distributed vocabulary, ~25 words per segment, a few planted phrases), then times
`SearchService.search` (bm25 ranking + snippet, top 20) for phrase, word, prefix and Cyrillic
queries: median and p95 in ms. Usage: python bench/search.py [--transcripts N] [--words N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from desktop_app.services.search import RANKED_MAX, SearchService, match_expression
from desktop_app.wiring import build_services

SEGMENT_WORDS = 25
# (phrase, share of segments): the common one lists newest first, the rarer ones by bm25
PLANTED = (("courier was late again", 0.01), ("доставка опять опоздала", 0.001),
           ("refund took three weeks", 0.001))


def vocabulary(rng: random.Random, size: int) -> list[str]:
    latin = ["ka", "lo", "ri", "ne", "ta", "mo", "su", "de", "pa", "vi", "ro", "el", "an", "ex"]
    cyr = ["ка", "ло", "ри", "не", "та", "мо", "су", "де", "па", "ви", "ро", "ел", "ан", "ёж"]
    words = set()
    while len(words) < size:
        syllables = cyr if rng.random() < 0.5 else latin
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def fill(db: Path, transcripts: int, words_per: int, seed: int = 7) -> tuple[int, list[str]]:
    """Insert the transcripts; return the segment count and the vocabulary, commonest first."""
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


def timed(search: SearchService, query: str, runs: int) -> tuple[float, float, int]:
    times: list[float] = []
    hits = 0
    while len(times) < (runs if not times or times[0] < 500 else 5):  # slow ones: 5 runs
        t0 = time.perf_counter()
        hits = len(search.search(query, limit=20))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], hits


def matches(db: Path, query: str) -> int:
    expr = match_expression(query)
    if expr is None:
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ?",
                           (expr,)).fetchone()[0]
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--transcripts", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        services = build_services(home)
        t0 = time.perf_counter()
        n, vocab = fill(home / "closer.sqlite3", args.transcripts, args.words)
        load_s = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in home.glob("closer.sqlite3*")) / 1e6
        print(f"library: {args.transcripts:,} transcripts x {args.words:,} words = "
              f"{args.transcripts * args.words / 1e6:.0f} M words, {n:,} segments, "
              f"{size:,.0f} MB, filled (FTS triggers on) in {load_s:.0f} s")
        search = SearchService(services.engine)
        search.search(vocab[0], limit=1)  # warm the page cache
        queries = {
            "phrase in 0.1% of segments": '"refund took three weeks"',
            "phrase in 1% of segments": '"courier was late again"',
            "words, unquoted (AND)": "refund three weeks",
            "Cyrillic phrase, upper case, е for ё": '"ДОСТАВКА ОПЯТЬ"',
            f"rare word ({vocab[15_000]})": vocab[15_000],
            f"common word ({vocab[0]})": vocab[0],
            f"prefix ({vocab[3][:3]}*)": vocab[3][:3] + "*",
            f"prefix ({vocab[40][:4]}*)": vocab[40][:4] + "*",
            "no match": '"zzz qqq"',
        }
        print(f"\nSearchService.search(limit=20) with snippets, {args.runs} runs each "
              f"(5 when slower than 0.5 s); order: bm25 up to {RANKED_MAX} matches, else newest")
        print(f"{'query':<40} {'median ms':>10} {'p95 ms':>8} {'matches':>9}  order")
        for label, q in queries.items():
            med, p95, _hits = timed(search, q, args.runs)
            n_match = matches(home / "closer.sqlite3", q)
            order = "bm25" if n_match <= RANKED_MAX else "newest"
            print(f"{label:<40} {med:>10.2f} {p95:>8.2f} {n_match:>9,}  {order}")
        best = search.search('"refund took three weeks"', limit=3)
        print("\ntop hit for the planted phrase:", best[0].snippet if best else "(none)")
        services.engine.dispose()


if __name__ == "__main__":
    main()
