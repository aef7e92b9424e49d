"""ReelService on a real library: real recordings, real Whisper (tiny.en) words, real renders.

The library holds auto-editor's example video (Anna) and the JFK address (John, audio only),
imported through ImportService and transcribed once per test process; every rendered reel is
decoded with PyAV.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import av
import numpy as np
import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import TimedWord
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reels import PAD_S, ReelOptions
from desktop_app.domain.text import normalize_text
from desktop_app.media.audio import decode_audio
from desktop_app.media.whisper import Segment, WhisperEngine
from desktop_app.services.reels_edit import with_options
from desktop_app.services.sensitive_words import detect_sensitive
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, Transcript, TranscriptSegment, TranscriptWord
from desktop_app.wiring import Services, build_services

VIDEO = "video/auto-editor_example.mp4"
JFK = "en/jfk.flac"
OTHER = "en/librispeech_2412-153948-0000.flac"
RESULT_KEYS = {"path", "duration_s", "width", "height", "video_codec", "audio_codec", "clips"}
CLIP_KEYS = {"source_interview_id", "source_start", "source_end", "out_start", "out_end"}


# --- shared helpers (the e2e reel tests use them too) ---------------------------------------


@functools.cache
def _whisper() -> WhisperEngine:
    return WhisperEngine.load("tiny.en", cpu_threads=2)


@functools.cache
def speech(path: Path) -> tuple[float, tuple[Segment, ...]]:
    """Real tiny.en segments of a recording (transcribed once per test process)."""
    info, segments = _whisper().transcribe(decode_audio(path), language="en")
    return info.duration_s, tuple(segments)


def write_transcript(svc: Services, interview_id: int, path: Path) -> None:
    duration, segments = speech(path)
    with session_scope(svc.engine) as s:
        for seg in segments:
            row = TranscriptSegment(interview_id=interview_id, start=seg.start, end=seg.end,
                                    text=seg.text)
            s.add(row)
            s.flush()
            s.add_all([TranscriptWord(segment_id=row.id, idx=i, start=w.start, end=w.end,
                                      word=w.word, probability=w.probability)
                       for i, w in enumerate(seg.words)])
        s.add(Transcript(interview_id=interview_id, model="tiny.en", language="en",
                         duration_s=duration, transcribed_until_s=duration, complete=True))
        iv = s.get(Interview, interview_id)
        assert iv is not None
        iv.status = "transcribed"
        s.add(iv)


def import_file(svc: Services, path: Path, customer_id: int, when: datetime, *,
                link: bool = True) -> int:
    [result] = svc.importer.import_many([path], customer_id=customer_id, recorded_at=when,
                                        link=link)
    assert result.ok and not result.duplicate, result
    assert result.interview_id is not None
    return result.interview_id


@dataclass
class Lib:
    svc: Services
    anna: int
    john: int
    video: int  # Anna's interview (video)
    jfk: int  # John's interview (audio only)


def make_library(svc: Services, media: Path) -> Lib:
    anna = svc.library.add_customer(name="Anna Petrova", persona="Busy parent")
    svc.library.update_customer(int(anna.id), alias="Customer A")  # type: ignore[arg-type]
    john = svc.library.add_customer(name="John Kennedy", persona="IT manager")
    video = import_file(svc, media / VIDEO, int(anna.id),  # type: ignore[arg-type]
                        datetime(2026, 10, 1, 9, tzinfo=UTC))
    jfk = import_file(svc, media / JFK, int(john.id),  # type: ignore[arg-type]
                      datetime(2026, 11, 5, 9, tzinfo=UTC))
    write_transcript(svc, video, media / VIDEO)
    write_transcript(svc, jfk, media / JFK)
    return Lib(svc, int(anna.id), int(john.id), video, jfk)  # type: ignore[arg-type]


def phrase(svc: Services, interview_id: int, text: str) -> tuple[float, float, list[TimedWord]]:
    """(start of its first word, end of its last word, all words) of a spoken phrase."""
    words = svc.tagging.words(interview_id)
    plain = [normalize_text(w.word) for w in words]
    want = normalize_text(text).split()
    for i in range(len(plain) - len(want) + 1):
        if plain[i:i + len(want)] == want:
            return words[i].start, words[i + len(want) - 1].end, words
    raise AssertionError(f"'{text}' not in the transcript: {' '.join(plain)}")


def decode_facts(path: Path) -> dict[str, object]:
    with av.open(os.fspath(path)) as c:
        return {"vcodec": c.streams.video[0].codec_context.name,
                "acodec": c.streams.audio[0].codec_context.name,
                "size": (c.streams.video[0].codec_context.width,
                         c.streams.video[0].codec_context.height),
                "duration": c.duration / av.time_base,
                "subs": [s.codec_context.name for s in c.streams.subtitles]}


def frames_at(path: Path, times: list[float]) -> list[np.ndarray]:
    """RGB pictures shown at these output times."""
    out: list[np.ndarray] = []
    want = sorted(times)
    with av.open(os.fspath(path)) as c:
        stream = c.streams.video[0]
        for frame in c.decode(stream):
            while want and frame.time is not None and frame.time >= want[0]:
                out.append(frame.to_ndarray(format="rgb24"))
                want.pop(0)
            if not want:
                break
    assert not want, f"no frames at {want}"
    return out


def new_services(folder: Path) -> Services:
    folder.mkdir(parents=True, exist_ok=True)
    return build_services(folder)


@pytest.fixture()
def lib(tmp_path: Path, shared_media: Path) -> Lib:
    return make_library(new_services(tmp_path / "library"), shared_media)


# --- composing ----------------------------------------------------------------------------


def test_reel_from_highlights_snaps_pads_and_describes_each_clip(lib: Lib) -> None:
    svc = lib.svc
    a, b, words_v = phrase(svc, lib.video, "this is an example video")
    h1 = svc.tagging.create(lib.video, start=a + 0.1, end=b - 0.1, touchpoints=["Support"],
                            severity=4)
    a, b, words_j = phrase(svc, lib.jfk, "ask not what your country can do for you")
    h2 = svc.tagging.create(lib.jfk, start=a, end=b, touchpoints=["Delivery"], severity=5)
    reel = svc.reels.create("Why customers call", highlight_ids=[h2.id, h1.id],
                            title="Why customers call", subtitle="Q4 interviews")
    assert [(i.highlight_id, i.position) for i in reel.items] == [(h2.id, 0), (h1.id, 1)]
    for item, h, words in ((reel.items[0], h2, words_j), (reel.items[1], h1, words_v)):
        before = max(w.end for w in words if w.end <= h.start)
        after = min((w.start for w in words if w.start >= h.end), default=float("inf"))
        assert max(h.start - PAD_S, before) - 1e-6 <= item.start <= h.start
        assert h.end <= item.end <= min(h.end + PAD_S, after) + 1e-6
        assert normalize_text(item.quote) == normalize_text(h.quote)
    john, anna = reel.items
    assert john.lower_third == ("John", "IT manager \u00b7 Delivery \u00b7 2026-11-05")
    assert anna.lower_third == ("Anna", "Busy parent \u00b7 Support \u00b7 2026-10-01")
    assert (john.has_video, anna.has_video) == (False, True)
    assert Path(john.picture_path).is_file()
    clips = sum(i.end - i.start for i in reel.items)
    assert reel.duration_s == pytest.approx(clips + 3.0, abs=1e-3)
    anonymous = svc.reels.update(reel.id, options=ReelOptions(use_alias=True, captions="none"))
    assert [i.lower_third[0] for i in anonymous.items] == [f"Customer {lib.john}", "Customer A"]
    assert svc.reels.get(reel.id).options.captions == "none"
    [summary] = svc.reels.list()
    assert (summary.name, summary.items) == ("Why customers call", 2)
    assert summary.duration_s == pytest.approx(reel.duration_s, abs=1e-3)
    with pytest.raises(ValidationError, match="overlaps clip 2"):
        svc.reels.add_item(reel.id, highlight_id=h1.id)
    svc.reels.delete(reel.id)
    assert svc.reels.list() == []


def test_selections_trim_move_and_remove_keep_clips_in_order(lib: Lib) -> None:
    reels = lib.svc.reels
    reel = reels.create("Edits")
    a, b, words = phrase(lib.svc, lib.video, "on the bottom right you can see the time")
    sel = reels.add_item(reel.id, interview_id=lib.video, start=a + 0.05, end=b - 0.05)
    assert sel.start <= a and sel.end >= b and sel.highlight_id is None
    assert normalize_text(sel.quote) == "on the bottom right you can see the time"
    a2, b2, _ = phrase(lib.svc, lib.jfk, "ask what you can do for your country")
    first = reels.add_item(reel.id, interview_id=lib.jfk, start=a2, end=b2, position=0)
    assert [i.id for i in reels.get(reel.id).items] == [first.id, sel.id]
    with pytest.raises(ValidationError, match="overlaps clip 2"):
        reels.add_item(reel.id, interview_id=lib.video, start=b - 0.5, end=b + 1.0)
    with pytest.raises(ValidationError, match="No transcript words between 20.0 s and 30.0 s"):
        reels.add_item(reel.id, interview_id=lib.video, start=20.0, end=30.0)
    with pytest.raises(ValidationError, match="outside the recording"):
        reels.add_item(reel.id, interview_id=lib.jfk, start=9.0, end=60.0)
    with pytest.raises(ValidationError, match="needs a highlight, or an interview"):
        reels.add_item(reel.id, interview_id=lib.jfk)
    nudged = reels.trim_item(sel.id, sel.start + 1 / 30, sel.end - 2 / 30, snap=False)
    assert (nudged.start, nudged.end) == (round(sel.start + 1 / 30, 3),
                                          round(sel.end - 2 / 30, 3))
    with pytest.raises(ValidationError, match="too short"):
        reels.trim_item(sel.id, a, a + 0.05, snap=False)
    resnapped = reels.trim_item(sel.id, a + 0.05, b - 0.05)
    assert (resnapped.start, resnapped.end) == (sel.start, sel.end)
    third = reels.add_item(reel.id, interview_id=lib.video, start=0.0, end=0.5)
    assert normalize_text(third.quote) == "hello"
    assert third.end <= sel.start  # padding never runs into the next clip
    moved = reels.move_item(third.id, 0)
    assert [(i.id, i.position) for i in moved.items] == [(third.id, 0), (first.id, 1),
                                                         (sel.id, 2)]
    left = reels.remove_item(first.id)
    assert [(i.id, i.position) for i in left.items] == [(third.id, 0), (sel.id, 1)]


def test_sensitive_words_are_found_in_russian_and_english() -> None:
    words = ["Меня", "зовут", "Анна", "Петрова,", "телефон", "+7", "916", "123-45-67,",
             "почта", "anna@mail.ru", "и", "ivan.", "petrov@ya", ".ru.", "Звонили", "Анне", "и",
             "Петровой", "в", "2026", "году,", "1,000,000", "рублей.", "Call", "John", "at",
             "555-0134."]
    found = detect_sensitive(words, ["Анна Петрова", "John Smith"])
    kinds: dict[str, list[str]] = {}
    for i, kind in found.items():
        kinds.setdefault(kind, []).append(words[i])
    assert kinds["name"] == ["Анна", "Петрова,", "Анне", "Петровой", "John"]
    assert kinds["phone"] == ["+7", "916", "123-45-67,", "555-0134."]
    assert kinds["email"] == ["anna@mail.ru", "ivan.", "petrov@ya", ".ru."]


def test_words_flag_sensitive_ones_and_masks_reach_the_plan(lib: Lib) -> None:
    svc = lib.svc
    lines = ["Меня зовут Анна Петрова.", "Мой телефон +7 916 123-45-67, пишите anna@mail.ru."]
    with session_scope(svc.engine) as s:  # a Russian interview on the same recording
        media_id = s.get(Interview, lib.video).media_id  # type: ignore[union-attr]
        iv = Interview(customer_id=lib.anna, recorded_at=datetime(2026, 9, 1, tzinfo=UTC),
                       media_id=media_id, language="ru", title="ru")
        s.add(iv)
        s.flush()
        t = 20.0
        for line in lines:
            seg = TranscriptSegment(interview_id=iv.id, start=t, end=t + 3, text=line)
            s.add(seg)
            s.flush()
            for k, w in enumerate(line.split()):
                s.add(TranscriptWord(segment_id=seg.id, idx=k, start=t + 0.4 * k,
                                     end=t + 0.4 * k + 0.3, word=" " + w))
            t += 4.0
        iid = int(iv.id)  # type: ignore[arg-type]
    reel = svc.reels.create("Privacy", audience="internal")
    item = svc.reels.add_item(reel.id, interview_id=iid, start=20.0, end=28.0)
    words = svc.reels.words(item.id)
    assert [w.text for w in words][:4] == ["Меня", "зовут", "Анна", "Петрова."]
    flagged = {w.text: w.sensitive for w in words if w.sensitive}
    assert flagged == {"Анна": "name", "Петрова.": "name", "+7": "phone", "916": "phone",
                       "123-45-67,": "phone", "anna@mail.ru.": "email"}
    chosen = [w.index for w in words if w.sensitive in ("name", "phone")]
    svc.reels.set_masked(item.id, chosen)
    assert [w.index for w in svc.reels.words(item.id) if w.masked] == chosen
    clip = svc.reels.plan(reel.id).clips[0]
    assert clip.masked_words == frozenset(chosen)
    assert [clip.words[i].text.strip() for i in sorted(chosen)] == \
        ["Анна", "Петрова.", "+7", "916", "123-45-67,"]
    # trimming off the first line keeps the phone masked (at its new index), drops the name
    svc.reels.trim_item(item.id, 24.0, 28.0)
    clip = svc.reels.plan(reel.id).clips[0]
    assert sorted(clip.words[i].text.strip() for i in clip.masked_words) == \
        sorted(["+7", "916", "123-45-67,"])
    with pytest.raises(ValidationError, match="word 99 is not one of its"):
        svc.reels.set_masked(item.id, [99])


# --- rendering ----------------------------------------------------------------------------


def test_render_job_puts_clips_back_to_back_between_cards(lib: Lib, tmp_path: Path) -> None:
    svc = lib.svc
    a, b, _ = phrase(svc, lib.video, "this is an example video")
    h1 = svc.tagging.create(lib.video, start=a, end=b, touchpoints=["Support"])
    a, b, _ = phrase(svc, lib.jfk, "ask not what your country can do for you")
    h2 = svc.tagging.create(lib.jfk, start=a, end=b, touchpoints=["Support"])
    a, b, _ = phrase(svc, lib.video, "I will say banana")
    h3 = svc.tagging.create(lib.video, start=a, end=b, touchpoints=["Support"])
    reel = svc.reels.create("Back to back", highlight_ids=[h1.id, h2.id, h3.id],
                            title="Support", end_text="Thank you")
    svc.reels.update(reel.id, options=ReelOptions(captions="none"))
    out = tmp_path / "reel.mp4"
    seen: list[Progress] = []
    job = svc.jobs.submit("render_reel", {"reel_id": reel.id, "out": str(out)})
    info = svc.jobs.run(job, on_progress=lambda _, p: seen.append(p))
    assert info.status == "done", info.error
    result = info.result
    assert set(result) >= RESULT_KEYS and all(set(c) >= CLIP_KEYS for c in result["clips"])
    assert [c["source_interview_id"] for c in result["clips"]] == [lib.video, lib.jfk, lib.video]
    facts = decode_facts(out)
    assert (facts["vcodec"], facts["acodec"], facts["size"]) == ("h264", "aac", (1280, 720))
    assert facts["duration"] == pytest.approx(reel.duration_s, abs=0.1)
    assert result["duration_s"] == pytest.approx(reel.duration_s, abs=0.1)
    clips = result["clips"]
    assert clips[0]["out_start"] == pytest.approx(3.0, abs=0.04)
    for prev, nxt in zip(clips, clips[1:], strict=False):
        assert nxt["out_start"] == pytest.approx(prev["out_end"], abs=1e-3)
    assert clips[-1]["out_end"] == pytest.approx(result["duration_s"] - 3.0, abs=0.04)
    for c, item in zip(clips, reel.items, strict=True):
        assert c["source_start"] == pytest.approx(item.start, abs=0.04)
        assert c["out_end"] - c["out_start"] == pytest.approx(item.end - item.start, abs=0.04)
    # the green video, then JFK's waveform card on the dark background
    mid = [(c["out_start"] + c["out_end"]) / 2 for c in clips[:2]]
    video_frame, card_frame = frames_at(out, mid)
    assert video_frame[:, :, 1].mean() > 150 > card_frame[:, :, 1].mean()
    assert seen and seen[-1].done == pytest.approx(seen[-1].total)
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_consent_blocks_rendering_until_resolved(lib: Lib, tmp_path: Path) -> None:
    svc = lib.svc
    reel_id = svc.reels.create("Consent").id
    svc.reels.add_item(reel_id, interview_id=lib.video, start=0.0, end=3.0)
    svc.reels.add_item(reel_id, interview_id=lib.jfk, start=0.0, end=3.0)
    items = svc.reels.get(reel_id).items
    assert all(i.consent_ok and "not recorded" in i.consent_problem for i in items)
    assert svc.reels.consent_issues(reel_id) == []
    svc.reels.update(reel_id, audience="onboarding")
    assert [i.consent_ok for i in svc.reels.get(reel_id).items] == [False, False]
    svc.reels.update(reel_id, audience="internal")
    svc.consent.set_consent(lib.video, method="none", given_by="nobody")
    issues = svc.reels.consent_issues(reel_id)
    assert issues == [f"clip 1 (Anna Petrova, interview {lib.video}): recorded without consent"]
    out = tmp_path / "blocked.mp4"
    info = svc.jobs.run(svc.jobs.submit("render_reel", {"reel_id": reel_id, "out": str(out)}))
    assert info.status == "failed"
    assert "cannot be rendered until consent is resolved" in info.error
    assert f"Anna Petrova, interview {lib.video}" in info.error
    assert not out.exists()
    svc.consent.set_consent(lib.video, internal=True, onboarding=True, given_by="Anna")
    svc.consent.set_consent(lib.jfk, public=True, method="form", given_by="John")
    svc.reels.update(reel_id, audience="onboarding")
    assert svc.reels.consent_issues(reel_id) == []
    assert len(svc.reels.checked_plan(reel_id)[0].clips) == 2


def test_missing_recording_is_named_before_rendering(tmp_path: Path, shared_media: Path) -> None:
    svc = new_services(tmp_path / "library")
    copy = tmp_path / "call.flac"
    shutil.copy(shared_media / OTHER, copy)
    c = svc.library.add_customer(name="Maria Lopez")
    iid = import_file(svc, copy, int(c.id), datetime(2026, 3, 1, tzinfo=UTC))  # type: ignore
    reel = svc.reels.create("Lost")
    item = svc.reels.add_item(reel.id, interview_id=iid, start=1.0, end=3.5)
    assert (item.start, item.end) == (1.0, 3.5)  # not transcribed: exact seconds
    copy.unlink()
    with pytest.raises(MediaError) as err:
        svc.reels.plan(reel.id)
    assert f"interview {iid}" in str(err.value) and str(copy) in str(err.value)
    out = tmp_path / "lost.mp4"
    info = svc.jobs.run(svc.jobs.submit("render_reel", {"reel_id": reel.id, "out": str(out)}))
    assert info.status == "failed" and str(copy) in info.error and "is missing" in info.error
    assert not out.exists()
    for bad, reason in ((tmp_path / "nowhere" / "x.mp4", "does not exist"),
                        (tmp_path / "x.txt", "must be saved as an .mp4")):
        copy.write_bytes((shared_media / OTHER).read_bytes())
        info = svc.jobs.run(svc.jobs.submit("render_reel", {"reel_id": reel.id,
                                                            "out": str(bad)}))
        assert info.status == "failed" and reason in info.error, info.error


def test_cancelling_a_render_job_leaves_no_file(lib: Lib, tmp_path: Path) -> None:
    svc = lib.svc
    reel = svc.reels.create("Long", title="Long one")
    svc.reels.add_item(reel.id, interview_id=lib.video, start=0.0, end=17.0)
    out = tmp_path / "cancelled.mp4"
    token = CancelToken()
    job = svc.jobs.submit("render_reel", {"reel_id": reel.id, "out": str(out),
                                          "captions": "burn"})
    info = svc.jobs.run(job, token, on_progress=lambda _, p: token.cancel()
                        if p.done > 1.0 else None)
    assert info.status == "cancelled"
    assert not out.exists() and list(tmp_path.glob("*.partial")) == []
    assert not any(t.name == "closer-render" for t in threading.enumerate())


# --- automatic reels ----------------------------------------------------------------------


def test_auto_reel_takes_the_most_severe_clips_of_different_customers(lib: Lib) -> None:
    svc = lib.svc

    def tag(iid: int, text: str, severity: int, touchpoint: str = "Support",
            status: str = "done") -> int:
        a, b, _ = phrase(svc, iid, text)
        return svc.tagging.create(iid, start=a, end=b, touchpoints=[touchpoint],
                                  severity=severity, status=status).id

    a1 = tag(lib.video, "this is an example video", 5)
    a2 = tag(lib.video, "on the bottom right you can see the time", 5)
    a3 = tag(lib.video, "when the time reaches", 4)
    j1 = tag(lib.jfk, "ask what you can do for your country", 3)
    tag(lib.jfk, "and so my fellow americans", 5, status="stub")  # not reviewed yet
    tag(lib.jfk, "ask not what your country", 5, touchpoint="Delivery")
    full = svc.reels.auto("Support voices", touchpoint="Support", max_seconds=90)
    assert [i.highlight_id for i in full.items] == [a1, j1, a2, a3]
    assert full.title == "Support voices"
    first, second = full.items[0], full.items[1]
    budget = 3.0 + (first.end - first.start) + (second.end - second.start) + 0.05
    tight = svc.reels.auto("Short", touchpoint="Support", max_seconds=budget)
    assert [i.highlight_id for i in tight.items] == [a1, j1]
    assert tight.duration_s <= budget
    cell = svc.reels.auto("Cell", highlight_ids=[a2, a3], max_seconds=60)
    assert [i.highlight_id for i in cell.items] == [a2, a3]
    svc.consent.set_consent(lib.jfk, onboarding=True, given_by="John")
    onboarding = svc.reels.auto("Onboarding", touchpoint="Support", audience="onboarding")
    assert [i.highlight_id for i in onboarding.items] == [j1]
    with pytest.raises(ValidationError, match="No highlights for touchpoint 'Pay'"):
        svc.reels.auto("Nothing", touchpoint="Pay")
    with pytest.raises(ValidationError, match="No highlight fits in a 4 s reel"):
        svc.reels.auto("Tiny", touchpoint="Support", max_seconds=4)


def test_options_round_trip_and_reject_nonsense(lib: Lib) -> None:
    reels = lib.svc.reels
    reel = reels.create("Options")
    item = reels.add_item(reel.id, interview_id=lib.jfk, start=0.0, end=3.0)
    opts = ReelOptions(captions="soft", blur_faces=True, height=1080, use_alias=True,
                       loudness_normalize=False, masked={item.id: [0]})
    assert reels.update(reel.id, options=opts).options == opts
    plan = reels.plan(reel.id, captions="none", height=720)
    assert (plan.options.captions, plan.options.height, plan.options.blur_faces) == \
        ("none", 720, True)
    assert plan.title_card is None and plan.end_card is None
    with pytest.raises(ValidationError, match="Captions 'loud'"):
        with_options(opts, captions="loud")
    with pytest.raises(ValidationError, match="Unknown audience 'everyone'"):
        reels.update(reel.id, audience="everyone")
    with pytest.raises(ValidationError, match="Cannot change colour"):
        reels.update(reel.id, colour="red")
    with pytest.raises(ValidationError, match="needs a name"):
        reels.create("   ")
