"""Full-text search over every transcript (SQLite FTS5 `segment_fts`, ranked by bm25).

Case: the index's `unicode61` tokenizer folds case for Cyrillic as for Latin ("СЕТИ" finds
"сети"), and `remove_diacritics 2` folds Latin accents ("cafe" finds "café"), so no casefolded
shadow column is needed. It does not fold ё into е, so each word with е or ё is searched in its
spellings ("еще" finds "ещё" and the reverse).

User input never reaches FTS5 syntax as is: it is split into words and "quoted phrases"
(straight, curly or «guillemet» quotes); every word or phrase becomes an FTS5 string with its
quotes doubled, and the tokenizer splits hyphens and other punctuation inside it the way it split
the indexed text. A word ending in * is a prefix search (from PREFIX_MIN letters on: shorter
stems expand to too many words to be fast). Terms are combined with AND. Snippets
mark the matched words with "[" and "]" by default (a caller can pass other markers) and "…"
where the segment was cut.

Ranking: bm25, best first. Scoring needs every match, so a query matching more than
RANKED_MAX segments (a word said in nearly every segment) is listed newest first instead: on a
large library bm25 would take seconds there and barely tells such segments apart.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from desktop_app.domain.errors import ValidationError
from desktop_app.storage.db import session_scope

MARKS = ("[", "]")
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
RANKED_MAX = 5000
_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]')
_MAX_VARIANTS = 8  # spellings (ё/е) tried for one word or phrase
_YO_POSITIONS = 3  # at most this many е's of a word are tried as ё
PREFIX_MIN = 3  # "de*" would expand to thousands of words (seconds); shorter stems match whole


@dataclass(frozen=True)
class SearchHit:
    """One matching segment."""

    segment_id: int
    interview_id: int
    customer: str
    title: str
    speaker: str
    start: float
    end: float
    snippet: str
    rank: float

    def as_json(self) -> dict[str, Any]:
        """The shape of `closer search --json`."""
        return {"interview_id": self.interview_id, "customer": self.customer,
                "start": self.start, "end": self.end, "snippet": self.snippet}


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


_COUNT = """
SELECT count(*) FROM (
    SELECT rowid FROM segment_fts WHERE segment_fts MATCH :match {only} LIMIT :cap
)
"""
_SQL = """
SELECT s.id, s.interview_id, c.name, i.title, s.speaker, s.start, s."end", hit.snip, hit.score
FROM (
    SELECT rowid AS id, bm25(segment_fts) AS score,
           snippet(segment_fts, 0, :open, :close, :ellipsis, :tokens) AS snip
    FROM segment_fts
    WHERE segment_fts MATCH :match {only}
    ORDER BY {order}
    LIMIT :limit
) AS hit
JOIN transcriptsegment s ON s.id = hit.id
JOIN interview i ON i.id = s.interview_id
JOIN customer c ON c.id = i.customer_id
ORDER BY {outer}
"""
_ONLY_INTERVIEW = ("AND rowid IN (SELECT id FROM transcriptsegment "
                   "WHERE interview_id = :interview_id)")


class SearchService:
    """Searches every transcript; the best matches (bm25) come first."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def search(self, query: str, *, limit: int = 20, interview_id: int | None = None,
               marks: tuple[str, str] = MARKS) -> list[SearchHit]:
        """Segments matching all words/phrases of `query` (case-insensitive), best first."""
        if limit < 1:
            raise ValidationError("The number of search results must be at least 1.")
        match = match_expression(query)
        if match is None:
            return []
        only = _ONLY_INTERVIEW if interview_id is not None else ""
        params: dict[str, Any] = {"open": marks[0], "close": marks[1], "ellipsis": ELLIPSIS,
                                  "tokens": SNIPPET_TOKENS, "match": match, "limit": limit,
                                  "cap": RANKED_MAX + 1, "interview_id": interview_id}
        try:
            with session_scope(self._engine) as s:
                matches = s.execute(text(_COUNT.format(only=only)), params).scalar_one()
                if matches > RANKED_MAX:
                    sql = _SQL.format(only=only, order="rowid DESC", outer="s.id DESC")
                else:
                    sql = _SQL.format(only=only, order="score",
                                      outer="hit.score, s.interview_id, s.start")
                rows = s.execute(text(sql), params).all()
        except OperationalError as exc:  # not expected: the expression is built to be valid
            raise ValidationError(f"Cannot search for '{query}': {exc.orig}") from exc
        return [SearchHit(segment_id=r[0], interview_id=r[1], customer=r[2], title=r[3],
                          speaker=r[4], start=r[5], end=r[6], snippet=r[7], rank=r[8])
                for r in rows]
