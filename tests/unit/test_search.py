"""Transcript search (FTS5): ranking, Cyrillic case and ё, snippets, and hostile queries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.services.search import SearchService, match_expression
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, TranscriptSegment
from desktop_app.wiring import Services, build_services


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def _interview(svc: Services, customer: str, lines: list[str]) -> tuple[int, list[int]]:
    c = svc.library.ensure_customer(customer)
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=c.id, title=f"Call with {customer}",
                       recorded_at=datetime(2026, 10, 1, tzinfo=UTC))
        s.add(iv)
        s.flush()
        rows = [TranscriptSegment(interview_id=iv.id, start=i * 10.0, end=i * 10.0 + 8.5,
                                  text=line) for i, line in enumerate(lines)]
        s.add_all(rows)
        s.flush()
        assert iv.id is not None
        return iv.id, [r.id for r in rows if r.id is not None]


def test_phrase_twice_ranks_above_once_with_snippet_and_times(svc: Services) -> None:
    once, _ = _interview(svc, "Anna", ["the courier was late and we waited at home all day"])
    twice, _ = _interview(svc, "Boris", ["the courier was late, then the courier was late again"])
    _interview(svc, "Clara", ["the late courier was friendly", "nothing about it here"])
    hits = SearchService(svc.engine).search('"courier was late"')
    assert [h.interview_id for h in hits] == [twice, once]  # Clara's words are not a phrase
    best = hits[0]
    assert best.customer == "Boris" and (best.start, best.end) == (0.0, 8.5)
    assert best.snippet.count("[courier was late]") == 2, best.snippet
    assert best.as_json() == {"interview_id": twice, "customer": "Boris", "start": 0.0,
                              "end": 8.5, "snippet": best.snippet}


def test_words_without_quotes_must_all_appear_in_any_order(svc: Services) -> None:
    _interview(svc, "Anna", ["the courier was late", "the courier smiled"])
    hits = SearchService(svc.engine).search("LATE courier")
    assert [h.start for h in hits] == [0.0]
    assert SearchService(svc.engine).search("cour*")[0].snippet.startswith("the [courier]")
    assert SearchService(svc.engine).search("co*") == []  # too short a stem: the word "co"


def test_cyrillic_is_case_insensitive_and_yo_matches_ye(svc: Services) -> None:
    iv, _ = _interview(svc, "Анна", ["нейронные сети это хорошо", "ещё раз привезли не то",
                                     "все еще ждем курьера"])
    search = SearchService(svc.engine)
    hits = search.search("СЕТИ")
    assert [(h.interview_id, h.start) for h in hits] == [(iv, 0.0)]
    assert hits[0].snippet == "нейронные [сети] это хорошо"
    assert {h.start for h in search.search("еще")} == {10.0, 20.0}
    assert {h.start for h in search.search("ЕЩЁ")} == {10.0, 20.0}
    assert [h.start for h in search.search('"все ещё ждём"')] == [20.0]
    assert search.search("Привезли", marks=("«", "»"))[0].snippet == "ещё раз «привезли» не то"


@pytest.mark.parametrize("query", [
    '"unbalanced quote', 'a AND OR NOT', "NEAR(a b)", "text:courier", "-minus", "^caret",
    "*", '""', "cold-hearted", "emoji 😀 courier", "nul\x00byte", "«ёлка»", "it's", "(a", "a)",
    "{a b}", "+", "'", "a'b\"c", "\u200bcourier\u200d", "ß", "١٢٣", "courier*", "**", "a OR",
])
def test_hostile_queries_never_break_fts(svc: Services, query: str) -> None:
    _interview(svc, "Anna", ["a courier, cold-hearted and late: it's NOT fine (a) b"])
    hits = SearchService(svc.engine).search(query)
    assert isinstance(hits, list)


def test_query_syntax_words_are_searched_as_words(svc: Services) -> None:
    _interview(svc, "Anna", ["it was NOT fine, a cold-hearted answer", "fine and dandy"])
    search = SearchService(svc.engine)
    assert [h.start for h in search.search("not")] == [0.0]
    assert [h.start for h in search.search("cold-hearted")] == [0.0]
    assert [h.start for h in search.search("\u200bcold\u200b")] == [0.0]
    assert search.search("   ") == [] and search.search("?!") == []
    assert match_expression('say "cold hearted" OR') == \
        'text : "cold hearted" AND stems : "say" AND stems : "or"'


def test_limit_and_interview_filter_and_edits_and_deletes_follow(svc: Services) -> None:
    a, segs = _interview(svc, "Anna", [f"delivery number {i}" for i in range(30)])
    b, _ = _interview(svc, "Boris", ["delivery was fine"])
    search = SearchService(svc.engine)
    assert len(search.search("delivery", limit=5)) == 5
    assert {h.interview_id for h in search.search("delivery", limit=100)} == {a, b}
    assert {h.interview_id for h in search.search("delivery", interview_id=b)} == {b}
    svc.transcription.edit_segment(segs[0], "parcel number 0")
    assert [h.segment_id for h in search.search("parcel")] == [segs[0]]
    svc.interviews.delete(a)
    assert {h.interview_id for h in search.search("delivery", limit=100)} == {b}
    assert search.search("parcel") == []


def test_a_word_in_too_many_segments_lists_newest_first(svc: Services,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, old = _interview(svc, "Anna", ["the delivery", "the delivery and the delivery"])
    _, new = _interview(svc, "Boris", ["the delivery today"])
    search = SearchService(svc.engine)
    assert search.search("delivery")[0].segment_id == old[1]  # bm25: said twice
    monkeypatch.setattr("desktop_app.services.search.RANKED_MAX", 2)
    assert [h.segment_id for h in search.search("delivery")] == [new[0], old[1], old[0]]


def test_a_very_common_word_is_left_out_of_the_ranking_not_out_of_the_matches(
        svc: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    _, segs = _interview(svc, "Anna", ["the refund", "the refund refund refund", "the order",
                                       "refund only", *[f"the call {i}" for i in range(6)]])
    monkeypatch.setattr("desktop_app.services.search.COMMON_MAX", 5)  # "the": 9 segments
    hits = SearchService(svc.engine).search("the refund")
    assert [h.segment_id for h in hits] == [segs[1], segs[0]]  # both words; said most first
    assert all(h.rank < 0 for h in hits), [h.rank for h in hits]  # bm25 on "refund"
    monkeypatch.setattr("desktop_app.services.search.COMMON_MAX", 2)  # "refund" too: newest
    assert [(h.segment_id, h.rank) for h in SearchService(svc.engine).search("the refund")] \
        == [(segs[1], 0.0), (segs[0], 0.0)]
