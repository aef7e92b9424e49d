"""Editing transcripts: word timings survive text edits; speakers renamed and assigned."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.transcript import WordView, realign_words
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, Transcript, TranscriptSegment, TranscriptWord
from desktop_app.wiring import Services, build_services

# "And so my fellow Americans, ask not" as Whisper timed it (JFK, base model)
JFK_WORDS = [WordView(0.0, 0.52, " And", 0.68), WordView(0.52, 0.84, " so", 0.99),
             WordView(0.84, 1.18, " my", 0.80), WordView(1.18, 1.66, " fellow", 0.99),
             WordView(1.66, 2.28, " Americans,", 0.99), WordView(3.3, 3.58, " ask", 0.95),
             WordView(3.58, 4.02, " not", 0.98)]


def _assert_well_timed(words: list[WordView], start: float, end: float) -> None:
    cursor = start
    for w in words:
        assert cursor <= w.start <= w.end <= end, (cursor, w)
        cursor = w.end


def test_unchanged_words_keep_timing_and_punctuation_or_case_fixes_too() -> None:
    words = realign_words(JFK_WORDS, "and so my Fellow Americans: ask not!", 0.0, 4.5)
    assert [w.word for w in words] == [" and", " so", " my", " Fellow", " Americans:", " ask",
                                       " not!"]
    assert [(w.start, w.end, w.probability) for w in words] == \
        [(w.start, w.end, w.probability) for w in JFK_WORDS]


def test_replaced_word_is_placed_in_the_gap_between_its_neighbours() -> None:
    words = realign_words(JFK_WORDS, "And so my dear Americans, ask not", 0.0, 4.5)
    dear = words[3]
    assert dear.word == " dear" and dear.probability == 1.0
    assert (dear.start, dear.end) == (1.18, 1.66)  # between "my" (ends 1.18) and "Americans,"
    assert words[4] == JFK_WORDS[4]
    _assert_well_timed(words, 0.0, 4.5)


def test_inserted_words_share_the_gap_and_edges_use_the_segment_bounds() -> None:
    words = realign_words(JFK_WORDS, "Well, and so my fellow Americans, please do ask not now",
                          0.0, 4.5)
    assert [w.word.strip() for w in words] == ["Well,", "and", "so", "my", "fellow",
                                               "Americans,", "please", "do", "ask", "not", "now"]
    assert (words[0].start, words[0].end) == (0.0, 0.0)  # before "and" which starts at 0.0
    assert (words[1].start, words[1].end) == (0.0, 0.52)
    assert (words[6].start, words[6].end, words[7].start, words[7].end) == (2.28, 2.79, 2.79, 3.3)
    assert (words[10].start, words[10].end) == (4.02, 4.5)
    _assert_well_timed(words, 0.0, 4.5)


def test_deleting_words_keeps_the_rest_and_a_rewrite_spreads_over_the_segment() -> None:
    words = realign_words(JFK_WORDS, "so fellow Americans,", 0.0, 4.5)
    assert words == [JFK_WORDS[1], JFK_WORDS[3], JFK_WORDS[4]]
    rewrite = realign_words(JFK_WORDS, "completely different", 0.0, 4.0)
    assert [(w.start, w.end) for w in rewrite] == [(0.0, 2.0), (2.0, 4.0)]
    assert realign_words([], "no words yet", 1.0, 4.0)[2] == WordView(3.0, 4.0, " yet", 1.0)


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def _transcript(svc: Services) -> tuple[int, list[int]]:
    """An interview with three stored segments: 2 by track 0, 1 by track 1."""
    c = svc.library.ensure_customer("Anna")
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=c.id, recorded_at=datetime(2026, 10, 1, tzinfo=UTC))
        s.add(iv)
        s.flush()
        s.add(Transcript(interview_id=iv.id, model="base", language="en", duration_s=12,
                         transcribed_until_s=12, complete=True))
        segs = [TranscriptSegment(interview_id=iv.id, start=0.0, end=4.5, track=0,
                                  speaker="Interviewer",
                                  text="And so my fellow Americans, ask not"),
                TranscriptSegment(interview_id=iv.id, start=5.0, end=7.0, track=1,
                                  speaker="Customer", text="It came late."),
                TranscriptSegment(interview_id=iv.id, start=8.0, end=9.0, track=0,
                                  speaker="Interviewer", text="Why?")]
        s.add_all(segs)
        s.flush()
        s.add_all([TranscriptWord(segment_id=segs[0].id, idx=i, start=w.start, end=w.end,
                                  word=w.word, probability=w.probability)
                   for i, w in enumerate(JFK_WORDS)])
        assert iv.id is not None
        return iv.id, [g.id for g in segs if g.id is not None]


def test_edit_segment_stores_words_marks_edited_and_keeps_order(svc: Services) -> None:
    iv, segs = _transcript(svc)
    words = svc.transcription.edit_segment(segs[0], "  And so my dear   Americans, ask not ")
    view = svc.transcription.transcript(iv)
    assert view is not None
    seg = view.segments[0]
    assert seg.text == "And so my dear Americans, ask not" and seg.edited
    assert list(seg.words) == words and words[3].word == " dear"
    assert "".join(w.word for w in seg.words).strip() == seg.text
    assert not view.segments[1].edited
    with pytest.raises(ValidationError, match="cannot be empty"):
        svc.transcription.edit_segment(segs[1], "   ")
    with pytest.raises(NotFoundError, match="Segment 999 does not exist"):
        svc.transcription.edit_segment(999, "text")


def test_speakers_rename_everywhere_and_set_for_selected_segments(svc: Services) -> None:
    iv, segs = _transcript(svc)
    t = svc.transcription
    assert t.speakers(iv) == ["Interviewer", "Customer"]
    assert t.rename_speaker(iv, "Interviewer", "Olga (PM)") == 2
    assert t.speakers(iv) == ["Olga (PM)", "Customer"]
    assert t.set_speaker([segs[2]], "Customer") == 1
    view = t.transcript(iv)
    assert view is not None
    assert [s.speaker for s in view.segments] == ["Olga (PM)", "Customer", "Customer"]
    assert t.rename_speaker(iv, "Nobody", "X") == 0
    with pytest.raises(NotFoundError, match="Segment"):
        t.set_speaker([segs[0], 12345], "X")
    t.delete_segment(segs[2])
    view = t.transcript(iv)
    assert view is not None and [s.id for s in view.segments] == segs[:2]


def test_untranscribed_and_missing_transcripts(svc: Services) -> None:
    iv, _ = _transcript(svc)
    c = svc.library.ensure_customer("Boris")
    with session_scope(svc.engine) as s:
        other = Interview(customer_id=c.id, recorded_at=datetime(2026, 10, 2, tzinfo=UTC))
        s.add(other)
        s.flush()
        other_id = other.id
    assert other_id is not None
    assert svc.transcription.transcript(other_id) is None
    assert iv not in svc.transcription.untranscribed_ids()
    assert other_id not in svc.transcription.untranscribed_ids()  # no recording to transcribe
    with pytest.raises(NotFoundError, match="Interview 4242 does not exist"):
        svc.transcription.transcript(4242)
