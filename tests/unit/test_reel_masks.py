"""Masks of reel clips on a real library: they follow their words through transcript corrections
and re-transcription (real tiny.en, then real base words), warn when a masked word is gone, and
onboarding/public reels mask detected names, phone numbers and e-mails until the user unmasks.

The recording is the LibriVox reading that says "And Mr. John Dashwood had then leisure...";
the customer is John Dashwood.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.domain.reel_plan import MASK_TEXT, ReelPlan, bleep_ranges, clip_cues, placements
from desktop_app.domain.reel_plan import build_timeline as timeline
from desktop_app.media.audio import decode_audio
from desktop_app.media.whisper import Segment, WhisperEngine
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import TranscriptSegment
from desktop_app.wiring import Services
from tests.unit.test_reels_service import import_file, new_services, write_transcript

READING = "en/librivox_sense_and_sensibility_01_0870.wav"


@functools.cache
def _base_segments(path: Path) -> tuple[Segment, ...]:
    engine = WhisperEngine.load("base", cpu_threads=2)
    return tuple(engine.transcribe(decode_audio(path), language="en")[1])


def _shown(plan: ReelPlan) -> list[str]:
    from fractions import Fraction

    clip = plan.clips[0]
    [place] = placements(timeline(plan, Fraction(25)), Fraction(25))
    return [cue.text for cue in clip_cues(clip, place)]


def _masked_texts(plan: ReelPlan) -> list[str]:
    clip = plan.clips[0]
    return [clip.words[i].text.strip(" .,").lower() for i in sorted(clip.masked_words)]


def _segment_ids(svc: Services, interview_id: int) -> list[int]:
    with session_scope(svc.engine) as s:
        return [int(i) for i in s.exec(  # type: ignore[arg-type]
            select(TranscriptSegment.id).where(TranscriptSegment.interview_id == interview_id)
            .order_by(col(TranscriptSegment.start)))]


@pytest.fixture()
def reading(tmp_path: Path, shared_media: Path) -> tuple[Services, int]:
    svc = new_services(tmp_path / "library")
    john = svc.library.add_customer(name="John Dashwood", persona="Heir")
    iid = import_file(svc, shared_media / READING, int(john.id),  # type: ignore[arg-type]
                      datetime(2026, 10, 1, 9, tzinfo=UTC))
    write_transcript(svc, iid, shared_media / READING)  # real tiny.en words
    return svc, iid


def test_masks_follow_their_words_through_edits_and_retranscription(
        reading: tuple[Services, int], shared_media: Path) -> None:
    svc, iid = reading
    reel = svc.reels.create("Heirs", audience="internal")
    item = svc.reels.add_item(reel.id, interview_id=iid, start=0.0, end=7.0)
    words = svc.reels.words(item.id)
    chosen = [w.index for w in words if w.text.strip(" .,").lower() in ("john", "dashwood")]
    assert len(chosen) == 2
    svc.reels.set_masked(item.id, chosen)
    plan = svc.reels.plan(reel.id)
    assert _masked_texts(plan) == ["john", "dashwood"]
    dashwood = plan.clips[0].words[max(chosen)]

    # the user removes the word before the name: the masks stay on John Dashwood
    [seg] = _segment_ids(svc, iid)[:1]
    text = svc.transcription.transcript(iid).segments[0].text  # type: ignore[union-attr]
    assert text.split()[0] == "And"
    svc.transcription.edit_segment(seg, " ".join(text.split()[1:]))
    plan = svc.reels.plan(reel.id)
    assert _masked_texts(plan) == ["john", "dashwood"]
    assert f"Mr. {MASK_TEXT} {MASK_TEXT}" in " ".join(_shown(plan))
    assert not any("John" in t or "Dashwood" in t for t in _shown(plan))
    assert svc.reels.mask_warnings(reel.id) == []

    # a correction of the masked word itself keeps it masked (no alarm for a spelling fix)
    text = svc.transcription.transcript(iid).segments[0].text  # type: ignore[union-attr]
    svc.transcription.edit_segment(seg, text.replace("Dashwood", "Dashwoods"))
    assert _masked_texts(svc.reels.plan(reel.id)) == ["john", "dashwoods"]
    assert svc.reels.mask_warnings(reel.id) == []

    # re-transcription with another model (real base words, other timings): still masked
    with session_scope(svc.engine) as s:
        for row in s.exec(select(TranscriptSegment)
                          .where(TranscriptSegment.interview_id == iid)):
            s.delete(row)
    base_words = [w for segment in _base_segments(shared_media / READING) for w in segment.words]
    assert any("dashwood" in w.word.lower() for w in base_words)
    from desktop_app.storage.tables import TranscriptWord

    with session_scope(svc.engine) as s:
        for segment in _base_segments(shared_media / READING):
            row = TranscriptSegment(interview_id=iid, start=segment.start, end=segment.end,
                                    text=segment.text)
            s.add(row)
            s.flush()
            s.add_all([TranscriptWord(segment_id=row.id, idx=i, start=w.start, end=w.end,
                                      word=w.word) for i, w in enumerate(segment.words)])
    plan = svc.reels.plan(reel.id)
    masked = " ".join(_masked_texts(plan))
    assert "john" in masked and "dashwood" in masked
    assert not any("John" in t or "Dashwood" in t for t in _shown(plan))

    # the masked word deleted from the transcript: a warning, and its time is still bleeped
    seg = _segment_ids(svc, iid)[0]
    text = svc.transcription.transcript(iid).segments[0].text  # type: ignore[union-attr]
    svc.transcription.edit_segment(seg, " ".join(w for w in text.split()
                                               if "dashwood" not in w.lower()))
    [warning] = [w for w in svc.reels.mask_warnings(reel.id) if "'Dashwood'" in w]
    assert "no longer in the transcript" in warning or "now reads" in warning
    ranges = bleep_ranges(svc.reels.plan(reel.id).clips[0])
    assert any(a <= dashwood.start and b >= dashwood.end for a, b in ranges), ranges


def test_public_reels_mask_detected_names_phones_and_emails_until_unmasked(
        reading: tuple[Services, int]) -> None:
    svc, iid = reading
    [seg] = _segment_ids(svc, iid)[:1]
    text = svc.transcription.transcript(iid).segments[0].text  # type: ignore[union-attr]
    # a correction typed by the user puts contact details into the words
    svc.transcription.edit_segment(seg, text.replace(
        "had then leisure", "call 555-123-4567 or maria.lopez@example.com then leisure"))
    public = svc.reels.create("For HR", audience="public")
    item = svc.reels.add_item(public.id, interview_id=iid, start=0.0, end=7.0)
    words = svc.reels.words(item.id)
    by_kind = {w.text: (w.sensitive, w.masked, w.by_default) for w in words if w.sensitive}
    assert by_kind == {"John": ("name", True, True), "Dashwood": ("name", True, True),
                       "555-123-4567": ("phone", True, True),
                       "maria.lopez@example.com": ("email", True, True)}
    shown = " ".join(_shown(svc.reels.plan(public.id)))
    for secret in ("John", "Dashwood", "555", "maria"):
        assert secret not in shown
    assert svc.reels.get(public.id).items[0].shown_quote.count(MASK_TEXT) == 4
    # the user unmasks the surname; the rest stays masked
    keep = [w.index for w in words if w.masked and w.text != "Dashwood"]
    svc.reels.set_masked(item.id, keep)
    after = {w.text: w.masked for w in svc.reels.words(item.id) if w.sensitive}
    assert after == {"John": True, "Dashwood": False, "555-123-4567": True,
                     "maria.lopez@example.com": True}
    # ...and an unrelated option change does not bring it back
    svc.reels.update(public.id, options=svc.reels.get(public.id).options)
    assert {w.text: w.masked for w in svc.reels.words(item.id) if w.sensitive} == after
    # onboarding masks by default too; internal meetings do not
    for audience, expected in (("onboarding", True), ("internal", False)):
        reel = svc.reels.create(audience, audience=audience)
        other = svc.reels.add_item(reel.id, interview_id=iid, start=0.0, end=7.0)
        assert all(w.masked == expected for w in svc.reels.words(other.id) if w.sensitive)
