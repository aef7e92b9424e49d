"""HighlightService on a real SQLite library: create, tag, edit, re-time, merge, delete, undo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.domain.errors import CloserError, NotFoundError, ValidationError
from desktop_app.domain.highlights import HighlightFilter
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    InterviewNote,
    Reel,
    ReelItem,
    Transcript,
    TranscriptSegment,
    TranscriptWord,
)
from desktop_app.wiring import Services, build_services

WORD_S = 0.4  # each word takes 0.3 s and starts 0.4 s after the previous one
PAUSE_S = 1.0  # silence between segments

COFFEE_STORY_RU = (
    "Курьер привёз молоко вместо кофе.",
    "Я написала в поддержку, меня перевели в другой отдел.",
    "Там попросили: продиктуйте ещё раз номер заказа.",
    "Потом сказали, что это не ко мне, и закрыли чат.",
    "Предложили купон, а кофе так и не привезли.",
)
SUPPORT_STORY_EN = (
    "I ordered a blender and the courier never showed up.",
    "Support transferred me to another department twice.",
    "They asked me to tell us your details again every time.",
    "In the end they said it is not my job and I asked for a refund.",
)


def make_interview(svc: Services, customer: str, lines: Sequence[str], *,
                   persona: str | None = None, when: datetime | None = None,
                   interviewer: str = "", language: str = "ru") -> int:
    """An interview with a transcript: one segment per line, evenly timed Whisper-style words."""
    try:
        c = svc.library.customer_by_name(customer)
    except NotFoundError:
        c = svc.library.add_customer(name=customer, persona=persona)
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=c.id, recorded_at=when or datetime(2026, 10, 1, 10, tzinfo=UTC),
                       interviewer=interviewer, language=language, status="transcribed")
        s.add(iv)
        s.flush()
        t = 0.0
        for line in lines:
            words = line.split()
            seg = TranscriptSegment(interview_id=iv.id, start=round(t, 3),
                                    end=round(t + (len(words) - 1) * WORD_S + 0.3, 3), text=line)
            s.add(seg)
            s.flush()
            for i, w in enumerate(words):
                ws = round(t + i * WORD_S, 3)
                s.add(TranscriptWord(segment_id=seg.id, idx=i, start=ws, end=round(ws + 0.3, 3),
                                     word=" " + w, probability=0.9))
            t = seg.end + PAUSE_S
        s.add(Transcript(interview_id=iv.id, model="base", language=language,
                         duration_s=round(t + 1.0, 3), transcribed_until_s=t, complete=True))
        return int(iv.id)  # type: ignore[arg-type]


def word_time(line_no: int, word_no: int, lines: Sequence[str]) -> float:
    """Start time of word `word_no` of line `line_no` in a transcript made by make_interview."""
    t = 0.0
    for i, line in enumerate(lines):
        if i == line_no:
            return round(t + word_no * WORD_S, 3)
        t = round(t + (len(line.split()) - 1) * WORD_S + 0.3, 3) + PAUSE_S
    raise IndexError(line_no)


def rows(svc: Services) -> tuple[list[dict], list[tuple[int, int]], list[tuple[int, int]]]:
    """Every highlight row and tag link, to compare states exactly."""
    with session_scope(svc.engine) as s:
        hs = [h.model_dump() for h in s.exec(select(Highlight).order_by(Highlight.id))]
        tps = sorted((x.highlight_id, x.touchpoint_id) for x in s.exec(select(HighlightTouchpoint)))
        zs = sorted((x.highlight_id, x.zone_id) for x in s.exec(select(HighlightZone)))
    return hs, tps, zs


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


@pytest.fixture()
def coffee(svc: Services) -> int:
    return make_interview(svc, "Анна Петрова", COFFEE_STORY_RU, persona="Занятой родитель")


def test_create_snaps_to_words_and_tags_with_defaults_from_customer(svc: Services,
                                                                    coffee: int) -> None:
    start = word_time(1, 4, COFFEE_STORY_RU) + 0.1  # inside "меня"
    end = word_time(1, 8, COFFEE_STORY_RU) + 0.2  # inside "отдел."
    h = svc.tagging.create(coffee, start=start, end=end, touchpoints=["Support"],
                           zones=["between_departments", "Передача ответственности"],
                           severity=4, emotion="frustrated", need="Решить с первого обращения",
                           value="Один сотрудник ведёт обращение", notes="ключевая цитата")
    assert h.start == word_time(1, 4, COFFEE_STORY_RU)
    assert h.end == round(word_time(1, 8, COFFEE_STORY_RU) + 0.3, 3)
    assert h.quote == "меня перевели в другой отдел."
    assert h.touchpoints == ("Support",)
    assert h.zones == ("between_departments", "handoff_responsibility")
    assert h.persona == "Занятой родитель"
    assert (h.severity, h.emotion, h.source, h.status) == (4, "frustrated", "manual", "done")
    assert h.need == "Решить с первого обращения" and h.customer == "Анна Петрова"
    assert svc.tagging.get(h.id) == h
    assert svc.tagging.list(HighlightFilter(interview_id=coffee)) == [h]


def test_bad_input_is_rejected_clearly_and_nothing_is_saved(svc: Services, coffee: int) -> None:
    gap = word_time(1, 0, COFFEE_STORY_RU) - 0.9  # in the pause after line 1
    with pytest.raises(ValidationError) as err:
        svc.tagging.create(coffee, start=gap, end=gap + 0.5)
    assert str(err.value) == f"No transcript words between {gap:.1f} s and {gap + 0.5:.1f} s."
    with pytest.raises(ValidationError, match=r"outside the recording of interview \d+ "
                                              r"\(0.0-\d+\.\d s\)"):
        svc.tagging.create(coffee, start=500.0, end=505.0)
    with pytest.raises(ValidationError, match="outside the recording"):
        svc.tagging.create(coffee, start=-2.0, end=1.0)
    with pytest.raises(ValidationError) as err:
        svc.tagging.create(coffee, start=0.0, end=2.0, touchpoints=["Support", "Checkout page"])
    assert "Unknown touchpoint 'Checkout page'" in str(err.value)
    assert "Discover, Order, Pay, Delivery, Support, Return / refund, Renewal" in str(err.value)
    with pytest.raises(ValidationError) as err:
        svc.tagging.create(coffee, start=0.0, end=2.0, zones=["bureaucracy"])
    assert "Unknown problem zone 'bureaucracy'" in str(err.value)
    assert "handoff_responsibility (Hand-off / responsibility)" in str(err.value)
    with pytest.raises(ValidationError, match="Severity must be a whole number from 1 to 5"):
        svc.tagging.create(coffee, start=0.0, end=2.0, touchpoints=["Delivery"], severity=7)
    with pytest.raises(NotFoundError, match="Interview 999 does not exist"):
        svc.tagging.create(999, start=0.0, end=2.0)
    assert rows(svc) == ([], [], [])
    assert not svc.tagging.can_undo


def test_update_tags_and_texts_then_undo_restores_exact_row(svc: Services, coffee: int) -> None:
    h = svc.tagging.create(coffee, start=0.0, end=2.5, touchpoints=["Delivery"],
                           zones=["process_organisation"], severity=3)
    before = rows(svc)
    svc.tagging.update(h.id, touchpoints=["Delivery", "Return / refund"], zones=["measurement"],
                       severity=5, emotion="angry", need="Получить свой кофе", persona=None)
    changed = svc.tagging.get(h.id)
    assert changed.touchpoints == ("Delivery", "Return / refund")
    assert changed.zones == ("measurement",)
    assert (changed.severity, changed.emotion, changed.persona) == (5, "angry", "")
    with pytest.raises(ValidationError, match="Cannot change quote"):
        svc.tagging.update(h.id, quote="made up")
    with pytest.raises(ValidationError, match="Unknown touchpoint"):
        svc.tagging.update(h.id, touchpoints=["Nowhere"], severity=1)
    assert svc.tagging.get(h.id) == changed  # the failed edit changed nothing
    assert svc.tagging.undo() == "Edit highlight"
    assert rows(svc) == before
    assert svc.tagging.redo() == "Edit highlight"
    assert svc.tagging.get(h.id) == changed


def test_retime_resnaps_and_rereads_the_quote(svc: Services, coffee: int) -> None:
    h = svc.tagging.create(coffee, start=0.0, end=1.0, touchpoints=["Delivery"])
    assert h.quote == "Курьер привёз молоко"
    moved = svc.tagging.retime(h.id, word_time(0, 2, COFFEE_STORY_RU) + 0.05,
                               word_time(0, 4, COFFEE_STORY_RU) + 0.1)
    assert moved.quote == "молоко вместо кофе."
    assert moved.start == word_time(0, 2, COFFEE_STORY_RU)
    assert moved.touchpoints == ("Delivery",)
    svc.tagging.undo()
    assert svc.tagging.get(h.id).quote == "Курьер привёз молоко"


def test_merge_spans_unions_tags_takes_max_severity_and_undo_restores_all(
        svc: Services, coffee: int) -> None:
    a = svc.tagging.create(coffee, start=word_time(1, 4, COFFEE_STORY_RU),
                           end=word_time(1, 8, COFFEE_STORY_RU) + 0.1, touchpoints=["Support"],
                           zones=["between_departments"], severity=3, need="Один контакт")
    b = svc.tagging.create(coffee, start=word_time(3, 3, COFFEE_STORY_RU),
                           end=word_time(3, 6, COFFEE_STORY_RU) + 0.1, touchpoints=["Support"],
                           zones=["handoff_responsibility"], severity=5, emotion="angry",
                           need="Ответственный за обращение")
    with session_scope(svc.engine) as s:  # a reel already uses the second highlight
        reel = Reel(name="Для поддержки")
        s.add(reel)
        s.flush()
        s.add(ReelItem(reel_id=reel.id, position=0, interview_id=coffee, highlight_id=b.id,
                       start=b.start, end=b.end))
    before = rows(svc)
    merged = svc.tagging.merge([b.id, a.id])
    assert merged.id == a.id  # the earliest highlight survives
    assert (merged.start, merged.end) == (a.start, b.end)
    assert merged.quote.startswith("меня перевели в другой отдел. Там попросили")
    assert merged.quote.endswith("это не ко мне,")
    assert merged.zones == ("between_departments", "handoff_responsibility")
    assert (merged.severity, merged.emotion) == (5, "angry")
    assert merged.need == "Один контакт\nОтветственный за обращение"
    with pytest.raises(NotFoundError):
        svc.tagging.get(b.id)
    with session_scope(svc.engine) as s:
        assert s.exec(select(ReelItem.highlight_id)).one() == a.id
    assert svc.tagging.undo() == "Merge 2 highlights"
    assert rows(svc) == before
    with session_scope(svc.engine) as s:
        assert s.exec(select(ReelItem.highlight_id)).one() == b.id
    svc.tagging.redo()
    assert svc.tagging.get(a.id) == merged


def test_merge_needs_two_highlights_of_one_interview(svc: Services, coffee: int) -> None:
    other = make_interview(svc, "John Smith", SUPPORT_STORY_EN, language="en")
    a = svc.tagging.create(coffee, start=0.0, end=1.0)
    b = svc.tagging.create(other, start=0.0, end=1.0)
    with pytest.raises(ValidationError, match="at least two different highlights"):
        svc.tagging.merge([a.id, a.id])
    with pytest.raises(ValidationError, match="belong to different interviews"):
        svc.tagging.merge([a.id, b.id])
    assert len(svc.tagging.list()) == 2


def test_delete_undo_redo_and_a_new_edit_clears_redo(svc: Services, coffee: int) -> None:
    a = svc.tagging.create(coffee, start=0.0, end=1.0, touchpoints=["Delivery"],
                           zones=["process_organisation"])
    b = svc.tagging.create(coffee, start=3.0, end=4.0, touchpoints=["Support"])
    before = rows(svc)
    svc.tagging.delete(a.id, b.id)
    assert svc.tagging.list() == []
    assert svc.tagging.undo_label == "Delete 2 highlights"
    svc.tagging.undo()
    assert rows(svc) == before  # same ids, same rows, same tag links
    assert svc.tagging.redo() == "Delete 2 highlights"
    assert svc.tagging.list() == []
    svc.tagging.undo()
    svc.tagging.undo()  # undo creating b
    assert [h.id for h in svc.tagging.list()] == [a.id]
    assert svc.tagging.can_redo
    svc.tagging.update(a.id, severity=2)
    assert not svc.tagging.can_redo and svc.tagging.redo() is None
    for _ in range(10):
        svc.tagging.undo()
    assert svc.tagging.list() == [] and svc.tagging.undo() is None


def test_undo_refuses_to_clobber_a_change_made_elsewhere(svc: Services, coffee: int) -> None:
    h = svc.tagging.create(coffee, start=0.0, end=1.0)
    other = build_services(svc.home)  # e.g. the CLI while the GUI is open
    other.tagging.update(h.id, severity=5)
    with pytest.raises(CloserError, match="changed elsewhere"):
        svc.tagging.undo()
    assert svc.tagging.get(h.id).severity == 5
    assert not svc.tagging.can_undo


def test_markers_become_snapped_stubs_once(svc: Services, coffee: int) -> None:
    t1 = word_time(2, 2, COFFEE_STORY_RU) + 0.1  # "продиктуйте"
    t2 = t1 + 2.0  # a second marker inside the first stub's window
    t3 = word_time(4, 0, COFFEE_STORY_RU) + 4.0
    with session_scope(svc.engine) as s:
        s.add(InterviewNote(interview_id=coffee, t=t1, kind="marker", text="повтор данных"))
        s.add(InterviewNote(interview_id=coffee, t=t2, kind="marker", text="и ещё"))
        s.add(InterviewNote(interview_id=coffee, t=t3, kind="marker"))
        s.add(InterviewNote(interview_id=coffee, t=1.0, kind="note", text="just a note"))
    stubs = svc.tagging.stubs_from_markers(coffee)
    assert len(stubs) == 2
    first, second = stubs
    words = svc.tagging.words(coffee)
    assert first.start == min(w.start for w in words if w.end > t1 - 10)
    assert first.end == max(w.end for w in words if w.start < t1 + 5)
    assert "продиктуйте ещё раз номер заказа." in first.quote
    assert (first.status, first.source, first.persona) == ("stub", "marker", "Занятой родитель")
    assert first.notes == "повтор данных\nи ещё"
    assert second.end == words[-1].end and second.quote.endswith("так и не привезли.")
    assert svc.tagging.stubs_from_markers(coffee) == []  # idempotent
    assert len(svc.tagging.list()) == 2
    svc.tagging.undo()
    assert svc.tagging.list() == []


def test_list_filters(svc: Services, coffee: int) -> None:
    other = make_interview(svc, "John Smith", SUPPORT_STORY_EN, persona="IT manager",
                           language="en", when=datetime(2026, 11, 5, 9, tzinfo=UTC))
    a = svc.tagging.create(coffee, start=0.0, end=1.0, touchpoints=["Delivery"],
                           zones=["process_organisation"], severity=4)
    b = svc.tagging.create(other, start=0.0, end=2.0, touchpoints=["Delivery"], severity=2)
    c = svc.tagging.create(other, start=4.0, end=6.0, touchpoints=["Support"],
                           zones=["between_departments"], severity=5)
    lib = svc.library
    delivery = next(t.id for t in lib.touchpoints() if t.name == "Delivery")

    def ids(**kw: object) -> list[int]:
        return [h.id for h in svc.tagging.list(HighlightFilter(**kw))]  # type: ignore[arg-type]

    assert ids() == [b.id, c.id, a.id]  # newest interview first, then by time
    assert ids(touchpoint_id=delivery) == [b.id, a.id]
    assert ids(zone_id=lib.zone("between_departments").id) == [c.id]
    assert ids(persona_id=lib.persona_by_name("IT manager").id) == [b.id, c.id]
    assert ids(customer_id=lib.customer_by_name("Анна Петрова").id) == [a.id]
    assert ids(min_severity=4) == [c.id, a.id]
    assert ids(date_from=datetime(2026, 11, 1, tzinfo=UTC)) == [b.id, c.id]
