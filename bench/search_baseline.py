"""The transcript search as shipped before word forms (issue #12): the baseline for bench/search.py.

A words-only FTS5 table over `transcriptsegment` (external content, no prefix index), the old
query builder (terms joined by an implicit AND, which FTS5 rejects next to a parenthesised group
of ё/е spellings: two Russian words with е failed) and the old query (bm25 and snippet() in
one ORDER BY ... LIMIT). Kept verbatim so the bench measures both in the same run.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Any

from sqlalchemy import Engine, text

from desktop_app.storage.db import session_scope

TABLE = "old_fts"
CREATE_SQL = f"""
CREATE VIRTUAL TABLE {TABLE} USING fts5(
    text, content='transcriptsegment', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
"""
BUILD_SQL = f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"
RANKED_MAX = 5000
_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]')
_MAX_VARIANTS = 8
_YO_POSITIONS = 3
PREFIX_MIN = 3


def _clean(query: str) -> str:
    """NFC, and control/format characters (NUL, zero-width joiners...) turned into spaces."""
    text_ = unicodedata.normalize("NFC", query)
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text_)


def _has_token(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _plain(word: str) -> str:
    return word.replace("ё", "е").replace("Ё", "Е")


def _spellings(word: str) -> list[str]:
    """`word` as typed plus its е/ё spellings (Russian writers often type е for ё)."""
    plain = _plain(word)
    out = [word, plain]
    positions = [i for i, ch in enumerate(plain) if ch in "еЕ"][:_YO_POSITIONS]
    for i in positions:
        out.append(plain[:i] + ("ё" if plain[i] == "е" else "Ё") + plain[i + 1:])
    return list(dict.fromkeys(out))


def _fts_string(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _alternatives(options: list[str], *, prefix: bool = False) -> str:
    star = "*" if prefix else ""
    parts = [_fts_string(o) + star for o in options]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _phrase_term(words: list[str]) -> str:
    combos = list(itertools.islice(itertools.product(*(_spellings(w) for w in words)),
                                   _MAX_VARIANTS + 1))
    if len(combos) > _MAX_VARIANTS:  # too many spellings: as typed, and all-е
        combos = [tuple(words), tuple(_plain(w) for w in words)]
    return _alternatives(list(dict.fromkeys(" ".join(c) for c in combos)))


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what a user typed, or None when nothing is searchable."""
    cleaned = _clean(query)
    terms: list[str] = []
    rest: list[str] = []
    last = 0
    for m in _PHRASE.finditer(cleaned):
        rest.append(cleaned[last:m.start()])
        last = m.end()
        words = [w for w in next(g for g in m.groups() if g is not None).split()
                 if _has_token(w)]
        if words:
            terms.append(_phrase_term(words))
    rest.append(cleaned[last:])
    for word in " ".join(rest).replace('"', " ").split():
        word, stars = word.rstrip("*"), word.endswith("*")
        prefix = stars and sum(ch.isalnum() for ch in word) >= PREFIX_MIN
        if _has_token(word):
            terms.append(_alternatives(_spellings(word), prefix=prefix))
    return " ".join(terms) if terms else None


_COUNT = f"SELECT count(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :match LIMIT :cap)"
_SQL = f"""
SELECT s.id, s.interview_id, c.name, i.title, s.speaker, s.start, s."end", hit.snip, hit.score
FROM (
    SELECT rowid AS id, bm25({TABLE}) AS score,
           snippet({TABLE}, 0, '[', ']', '…', 16) AS snip
    FROM {TABLE}
    WHERE {TABLE} MATCH :match
    ORDER BY {{order}}
    LIMIT :limit
) AS hit
JOIN transcriptsegment s ON s.id = hit.id
JOIN interview i ON i.id = s.interview_id
JOIN customer c ON c.id = i.customer_id
ORDER BY {{outer}}
"""


def search(engine: Engine, query: str, limit: int = 20) -> list[Any]:
    """The old SearchService.search, rows only (raises what SQLite raised)."""
    match = match_expression(query)
    if match is None:
        return []
    params = {"match": match, "limit": limit, "cap": RANKED_MAX + 1}
    with session_scope(engine) as s:
        if s.execute(text(_COUNT), params).scalar_one() > RANKED_MAX:
            sql = _SQL.format(order="rowid DESC", outer="s.id DESC")
        else:
            sql = _SQL.format(order="score", outer="hit.score, s.interview_id, s.start")
        return list(s.execute(text(sql), params).all())
