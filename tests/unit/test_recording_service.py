"""RecordingService over a real library: consent first, sessions, notes and markers, attaching a
real recording in place, and recovering real interrupted files (written by the engine's own
fragmented-MP4 writer, decoded back). No Qt: the capture engine is the front ends' business."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import numpy as np
import pytest
from sqlmodel import select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.media import MediaError
from desktop_app.media.capture.writer import EncoderSettings, FragmentedWriter, partial_path_for
from desktop_app.media.probe import probe
from desktop_app.services.recording import ConsentChoice, RecordingSession
from desktop_app.services.scheduling_status import SeriesDraft
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent, Interview
from desktop_app.wiring import Services, build_services

VERBAL = ConsentChoice(method="verbal", internal=True, onboarding=True, given_by="Anna Petrova")
SETTINGS = EncoderSettings(max_width=320, max_height=240, fps=10)


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def write_recording(path: Path, seconds: float, tracks: int = 2) -> Path:
    """A real crash-safe recording (fragmented MP4: H.264 + AAC tracks) of `seconds`."""
    writer = FragmentedWriter(path, video_size=(320, 240),
                              audio_labels=["Interviewer", "Customer"][:tracks],
                              settings=SETTINGS)
    rate = SETTINGS.audio_rate
    t = np.arange(rate // SETTINGS.fps) / rate
    for i in range(int(seconds * SETTINGS.fps)):
        pixels = np.full((240, 320, 3), (i * 7) % 255, dtype=np.uint8)
        writer.write_video(writer.scale(av.VideoFrame.from_ndarray(pixels, format="rgb24")), i)
        for track in range(tracks):
            tone = 0.3 * np.sin(2 * np.pi * (300 + 200 * track) * (t + i / SETTINGS.fps))
            writer.write_audio(track, tone.astype(np.float32))
    writer.close()
    return path


def decoded_seconds(path: Path) -> float:
    """How much video really decodes (frames x frame time)."""
    with av.open(os.fspath(path)) as container:
        frames = sum(1 for _ in container.decode(container.streams.video[0]))
    return frames / SETTINGS.fps


def consent_row(svc: Services, interview_id: int) -> Consent:
    with session_scope(svc.engine) as s:
        row = s.exec(select(Consent).where(Consent.interview_id == interview_id)).one()
        return row


def interview(svc: Services, interview_id: int) -> Interview:
    with session_scope(svc.engine) as s:
        iv = s.get(Interview, interview_id)
        assert iv is not None
        return iv


# --- consent ----------------------------------------------------------------------------------


def test_consent_is_parsed_from_the_command_line_and_checked() -> None:
    choice = ConsentChoice.parse("internal, onboarding", given_by="Anna")
    assert (choice.method, choice.audiences, choice.problem()) == (
        "verbal", ("internal", "onboarding"), "")
    none = ConsentChoice.parse("none")
    assert (none.method, none.confirmed, none.audiences, none.problem()) == ("none", True, (), "")
    with pytest.raises(ValidationError, match="Unknown consent 'everyone'"):
        ConsentChoice.parse("everyone")
    assert ConsentChoice(method="").problem() == "Choose how the customer consented."
    assert ConsentChoice(method="verbal", internal=True).problem() == "Enter who gave consent."
    assert ConsentChoice(method="verbal", given_by="A").problem() == \
        "Choose where the recording may be shown."
    assert ConsentChoice(method="form", internal=True, given_by="A").problem() == \
        "Attach the signed consent form."
    assert ConsentChoice(method="none").problem() == "Confirm that you record without consent."


def test_no_session_starts_without_consent_and_nothing_is_written(svc: Services) -> None:
    with pytest.raises(ValidationError, match="Recording needs consent first: Enter who"):
        svc.recording.start_session(ConsentChoice(method="verbal", internal=True),
                                    customer_name="Anna Petrova")
    with pytest.raises(ValidationError, match="Confirm that you record without consent"):
        svc.recording.start_session(ConsentChoice(method="none"), customer_name="Anna Petrova")
    assert svc.interviews.list() == [] and svc.library.customers() == []


def test_an_ad_hoc_session_creates_the_interview_in_status_recording_with_its_consent(
        svc: Services) -> None:
    session = svc.recording.start_session(VERBAL, customer_name="  Anna   Petrova ")
    row = svc.interviews.get(session.interview_id)
    assert (row.customer, row.title, row.status) == (
        "Anna Petrova", "Interview with Anna Petrova", "recording")
    assert interview(svc, session.interview_id).source == "recording"
    assert session.path.parent == svc.home / "recordings"
    assert session.path.name.startswith(f"interview-{session.interview_id}-")
    assert session.path.with_name(session.path.stem + ".session.json").is_file()
    consent = consent_row(svc, session.interview_id)
    assert (consent.method, consent.internal, consent.onboarding, consent.public,
            consent.given_by) == ("verbal", True, True, False, "Anna Petrova")
    assert svc.consent.check(session.interview_id, "onboarding") == (True, "")
    # the same customer again (any case): no second customer
    again = svc.recording.start_session(VERBAL, customer_name="anna petrova")
    assert len(svc.library.customers()) == 1 and again.customer_id == session.customer_id


def test_a_signed_form_is_copied_into_the_library(svc: Services, tmp_path: Path) -> None:
    form = tmp_path / "consent-anna.pdf"
    form.write_bytes(b"%PDF-1.4 signed")
    choice = ConsentChoice(method="form", public=True, given_by="Anna", form_file=form)
    session = svc.recording.start_session(choice, customer_name="Anna")
    row = consent_row(svc, session.interview_id)
    stored = Path(row.form_path)
    assert row.method == "form" and row.public
    assert stored.parent == svc.home / "consent" and stored.read_bytes() == b"%PDF-1.4 signed"


def test_recording_without_consent_is_stored_as_none_and_kept_out_of_reels(
        svc: Services, caplog: pytest.LogCaptureFixture) -> None:
    choice = ConsentChoice(method="none", internal=True, confirmed=True)
    session = svc.recording.start_session(choice, customer_name="Globex")
    row = consent_row(svc, session.interview_id)
    assert (row.method, row.internal, row.onboarding, row.public) == ("none", False, False, False)
    assert "without consent" in row.notes
    assert "WITHOUT consent" in caplog.text  # the explicit choice is logged
    for audience in ("internal", "onboarding", "public"):
        assert svc.consent.check(session.interview_id, audience)[0] is False


def test_a_scheduled_meeting_is_linked_and_its_guide_shown(svc: Services) -> None:
    customer = svc.library.add_customer(name="Acme", language="ru")
    guide = svc.scheduling.guide_by_name("support-case-en")
    when = datetime.now(UTC) + timedelta(days=2)
    plan = svc.scheduling.add_series(SeriesDraft(
        customer_id=customer.id or 0, start_local=when.strftime("%Y-%m-%d 10:00"), tz="UTC",
        rrule="FREQ=WEEKLY", guide_id=guide.id, title="Support check-in"))
    occurrence = plan.next[0].original_start_utc
    assert svc.recording.default_guide(series_id=plan.series_id) == guide
    session = svc.recording.start_session(VERBAL, series_id=plan.series_id,
                                          occurrence_start_utc=occurrence)
    assert session.customer == "Acme" and session.language == "ru"
    row = svc.scheduling.occurrence(plan.series_id or 0, occurrence)
    assert row.interview_id == session.interview_id
    assert svc.recording.guide_for(session.interview_id) == guide
    # without a series the customer's language picks the default guide
    adhoc = svc.recording.start_session(VERBAL, customer_id=customer.id)
    found = svc.recording.guide_for(adhoc.interview_id)
    assert found is not None and found.builtin_key == "checkin-ru"


def test_markers_and_notes_are_kept_at_their_times(svc: Services) -> None:
    session = svc.recording.start_session(VERBAL, customer_name="Anna")
    iid = session.interview_id
    svc.recording.add_note(iid, 12.5, "  waited three days  ")
    svc.recording.add_marker(iid, 3.25)
    svc.recording.add_marker(iid, -1.0, "start")
    with pytest.raises(ValidationError, match="A note needs some text"):
        svc.recording.add_note(iid, 4.0, "   ")
    with pytest.raises(NotFoundError):
        svc.recording.add_marker(999, 1.0)
    notes = [(n.t, n.kind, n.text) for n in svc.recording.notes(iid)]
    assert notes == [(0.0, "marker", "start"), (3.25, "marker", ""),
                     (12.5, "note", "waited three days")]


def test_abandon_removes_a_new_interview_and_restores_an_old_one(svc: Services) -> None:
    session = svc.recording.start_session(VERBAL, customer_name="Anna")
    svc.recording.abandon(session.interview_id)
    assert svc.interviews.list() == []
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=session.customer_id, recorded_at=datetime.now(UTC),
                       title="Planned", status="new")
        s.add(iv)
        s.flush()
        old_id = iv.id or 0
    again = svc.recording.start_session(VERBAL, interview_id=old_id)
    assert svc.interviews.get(old_id).status == "recording"
    with pytest.raises(ValidationError, match="being recorded already"):
        svc.recording.start_session(VERBAL, interview_id=old_id)
    svc.recording.abandon(again.interview_id)
    assert svc.interviews.get(old_id).status == "new"


# --- finishing --------------------------------------------------------------------------------


def test_finish_attaches_the_file_in_place_and_markers_become_stubs(svc: Services) -> None:
    session = svc.recording.start_session(VERBAL, customer_name="Anna")
    iid = session.interview_id
    svc.recording.add_marker(iid, 1.5)
    write_recording(session.path, 3.0)
    saved = svc.recording.finish(iid, session.path)
    assert (saved.has_video, saved.video_codec, saved.audio_codec, saved.audio_tracks) == (
        True, "h264", "aac", 2)
    assert abs(saved.duration_s - 3.0) < 0.2
    row = svc.interviews.get(iid)
    assert row.status == "recorded" and Path(row.media_path) == session.path.resolve()
    assert row.linked and not list((svc.home / "media").glob("**/*.mp4"))  # never copied
    assert Path(row.picture_path).is_file()
    assert not session.path.with_name(session.path.stem + ".session.json").exists()
    assert svc.recording.interrupted() == []
    stubs = svc.tagging.stubs_from_markers(iid)
    assert [(h.start, h.status, h.source) for h in stubs] == [(0.0, "stub", "marker")]
    assert stubs[0].end == pytest.approx(saved.duration_s, abs=0.01)  # t + 5 s, cut at the end


def test_a_broken_file_fails_the_interview_with_the_reason(svc: Services) -> None:
    session = svc.recording.start_session(VERBAL, customer_name="Anna")
    session.path.write_bytes(b"not a recording at all" * 10)
    with pytest.raises(MediaError, match=session.path.name):
        svc.recording.finish(session.interview_id, session.path)
    iv = interview(svc, session.interview_id)
    assert iv.status == "failed" and "Recording failed" in iv.notes


# --- crash recovery ---------------------------------------------------------------------------


def crashed_session(closer_home: Path, seconds: float) -> tuple[RecordingSession, Path]:
    """A session whose process 'died' mid-recording: a partial file cut inside a fragment."""
    before = build_services(closer_home)  # the process that crashed
    session = before.recording.start_session(VERBAL, customer_name="Anna")
    partial = write_recording(partial_path_for(session.path), seconds)
    with open(partial, "r+b") as fh:  # the last fragment was only partly written
        fh.truncate(int(partial.stat().st_size * 0.6))
    return session, partial


def test_an_interrupted_recording_is_recovered_attached_and_its_partial_removed(
        closer_home: Path) -> None:
    session, partial = crashed_session(closer_home, 4.0)
    svc = build_services(closer_home)  # the next start
    found = svc.recording.interrupted()
    assert [(i.interview_id, i.path, i.partial) for i in found] == [
        (session.interview_id, partial, True)]
    results = svc.recording.recover_all()
    assert [r.error for r in results] == [None]
    saved = results[0]
    assert saved.recovered and saved.path == session.path and saved.audio_tracks == 2
    assert 2.0 <= decoded_seconds(session.path) < 4.0  # the whole fragments, not the cut one
    assert abs(probe(session.path).duration_s - saved.duration_s) < 0.2
    row = svc.interviews.get(session.interview_id)
    assert row.status == "recorded" and Path(row.media_path) == session.path.resolve()
    assert "Recovered after an interruption" in interview(svc, session.interview_id).notes
    assert not partial.exists()
    assert svc.recording.interrupted() == [] and svc.recording.recover_all() == []


def test_a_recording_running_in_another_live_process_is_left_alone(closer_home: Path) -> None:
    session, partial = crashed_session(closer_home, 2.0)
    sidecar = session.path.with_name(session.path.stem + ".session.json")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        sidecar.write_text(f'{{"interview_id": {session.interview_id}, "pid": {other.pid}}}')
        svc = build_services(closer_home)
        assert svc.recording.interrupted() == []
    finally:
        other.kill()
        other.wait(10)
    assert [i.interview_id for i in svc.recording.interrupted()] == [session.interview_id]


def test_a_finished_but_unattached_file_is_attached_and_an_empty_one_fails(
        closer_home: Path, svc: Services) -> None:
    done, _ = crashed_session(closer_home, 2.0)
    write_recording(done.path, 2.0)  # finalised, then the app died before attaching it
    empty = svc.recording.start_session(VERBAL, customer_name="Globex")  # died at once
    fresh = build_services(closer_home)
    results = {r.interview_id: r for r in fresh.recording.recover_all()}
    assert results[done.interview_id].error is None
    assert not partial_path_for(done.path).exists()
    assert results[empty.interview_id].error == "nothing was recorded before the app stopped"
    assert fresh.interviews.get(empty.interview_id).status == "failed"
    assert fresh.interviews.get(done.interview_id).status == "recorded"
    assert Path(fresh.interviews.get(done.interview_id).media_path) == done.path.resolve()
