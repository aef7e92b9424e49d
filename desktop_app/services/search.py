"""Full-text search over every transcript (SQLite FTS5 `segment_fts`, ranked by bm25).

Words match in any form (Snowball stems, Russian for Cyrillic words and English for Latin
ones), "quoted phrases" match the words as spoken, and a word ending in * matches words that
begin with it: see `search_query` for how a query becomes FTS5 terms, and storage/fts.py for
the index. Case: the index's `unicode61` tokenizer folds case for Cyrillic as for Latin
("СЕТИ" finds "сети") and `remove_diacritics 2` folds Latin accents ("cafe" finds "café").
Snippets mark the words actually spoken that matched, with "[" and "]" by default (a caller
can pass other markers), and "…" where the segment was cut.

Ranking: bm25, best first. Scoring needs every match, so a query matching more than RANKED_MAX
segments (a word said in nearly every segment) is listed newest first instead, unscored (rank
0): on a large library bm25 would take tens of milliseconds there and barely tells such segments
apart. bm25 also counts, once per query, every segment holding each word of the query: a word
found in more than COMMON_MAX segments ("the", "это") is left out of the scoring (the matches
must still contain it), which changes the order little and keeps "refund the order" fast; when
every word is that common, the matches are listed newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from desktop_app.domain.errors import ValidationError
from desktop_app.services.search_query import PREFIX_MIN, match_expression, parse, snippet
from desktop_app.storage.db import session_scope

__all__ = ["PREFIX_MIN", "RANKED_MAX", "SearchHit", "SearchService", "match_expression"]

MARKS = ("[", "]")
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
RANKED_MAX = 1000
COMMON_MAX = 20_000  # a word in more segments than this is left out of the bm25 scoring


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


_COUNT = """
SELECT count(*) FROM (
    SELECT rowid FROM segment_fts WHERE segment_fts MATCH :match {only} LIMIT :cap
)
"""
_SQL = """
SELECT s.id, s.interview_id, c.name, i.title, s.speaker, s.start, s."end", s.text, hit.score
FROM (
    SELECT rowid AS id, {score} AS score
    FROM segment_fts
    WHERE segment_fts MATCH :match {only} {restrict}
    ORDER BY {order}
    LIMIT :limit
) AS hit
JOIN transcriptsegment s ON s.id = hit.id
JOIN interview i ON i.id = s.interview_id
JOIN customer c ON c.id = i.customer_id
ORDER BY {outer}
"""
_RESTRICT = "AND +rowid IN (SELECT rowid FROM segment_fts WHERE segment_fts MATCH :all)"
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
        terms = parse(query)
        if not terms:
            return []
        only = _ONLY_INTERVIEW if interview_id is not None else ""
        params: dict[str, Any] = {"match": " AND ".join(t.expression() for t in terms),
                                  "limit": limit, "interview_id": interview_id}
        try:
            with session_scope(self._engine) as s:
                def count(match: str, cap: int) -> int:
                    return int(s.execute(text(_COUNT.format(only=only)),
                                         {**params, "match": match, "cap": cap}).scalar_one())

                if count(params["match"], RANKED_MAX + 1) > RANKED_MAX:
                    scored = []
                elif len(terms) > 1:
                    scored = [t for t in terms
                              if count(t.expression(), COMMON_MAX + 1) <= COMMON_MAX]
                else:
                    scored = terms
                if not scored:
                    sql = _SQL.format(only=only, restrict="", score="0.0", order="rowid DESC",
                                      outer="s.id DESC")
                else:
                    sql = _SQL.format(only=only, restrict="" if scored == terms else _RESTRICT,
                                      score="bm25(segment_fts)", order="score",
                                      outer="hit.score, s.interview_id, s.start")
                    params["all"] = params["match"]
                    params["match"] = " AND ".join(t.expression() for t in scored)
                rows = s.execute(text(sql), params).all()
        except OperationalError as exc:  # not expected: the expression is built to be valid
            raise ValidationError(f"Cannot search for '{query}': {exc.orig}") from exc
        return [SearchHit(segment_id=r[0], interview_id=r[1], customer=r[2], title=r[3],
                          speaker=r[4], start=r[5], end=r[6],
                          snippet=snippet(r[7], terms, marks, ELLIPSIS, SNIPPET_TOKENS),
                          rank=r[8])
                for r in rows]
