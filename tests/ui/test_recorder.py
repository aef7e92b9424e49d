"""The recorder window driven like a user would, over the REAL capture engine: a synthetic video
source and real speech played in real time as the microphone and the call audio.

Consent blocks recording until complete (recording without consent needs an explicit
confirmation and is stored as method "none"); markers land at the engine's time and become
highlight stubs; Stop saves, attaches and queues the transcription; a recording a crash cut off
is recovered at the next start and the user is told what was saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.domain.highlights import HighlightFilter
from desktop_app.media.capture.disk import DiskPolicy
from desktop_app.media.capture.sources import CaptureEngine
from desktop_app.media.capture.writer import EncoderSettings, FragmentedWriter, partial_path_for
from desktop_app.media.probe import probe
from desktop_app.services.recording import ConsentChoice
from desktop_app.services.scheduling_status import SeriesDraft
from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.recorder.catalog import SourceCatalog
from desktop_app.ui.recorder.recovery_notice import RecoveryWatcher
from desktop_app.ui.recorder.window import RecorderWindow, RecordTarget
from desktop_app.ui.transcript.auto_transcribe import AutoTranscriber
from desktop_app.wiring import Services, build_services

JFK = "en/jfk.flac"
MB = 1024**2
GB = 1024**3
CMU = "en/cmu_goforward.wav"


@pytest.fixture()
def services(closer_home: Path) -> Services:
    svc = build_services(closer_home)
    svc.settings.whisper_model = "tiny.en"
    return svc


@pytest.fixture()
def ctx(services: Services) -> Iterator[UiContext]:
    runner = JobRunner(services.jobs)
    yield UiContext(services=services, runner=runner)
    for job_id in runner.active_ids():
        runner.cancel(job_id)
    assert runner.shutdown(20000)


def demo_catalog(shared_media: Path) -> SourceCatalog:
    return SourceCatalog(synthetic_video=True, speech_mic=shared_media / JFK,
                         speech_call=shared_media / CMU)


def open_recorder(qtbot: QtBot, ctx: UiContext, shared_media: Path,
                  target: RecordTarget) -> RecorderWindow:
    rec = RecorderWindow(ctx, target, demo_catalog(shared_media))
    qtbot.addWidget(rec)
    rec.show()
    qtbot.waitExposed(rec)
    sources = rec.setup.sources
    sources.select("video", "synthetic")
    sources.select("mic", f"speech-mic:{shared_media / JFK}")
    sources.select("call", f"speech-call:{shared_media / CMU}")
    return rec


def stop_and_wait(qtbot: QtBot, rec: RecorderWindow) -> None:
    with qtbot.waitSignal(rec.saved, timeout=30000):
        qtbot.mouseClick(rec.session_page.stop_button, Qt.MouseButton.LeftButton)


def test_consent_blocks_recording_and_without_consent_needs_confirming(
        qtbot: QtBot, ctx: UiContext, shared_media: Path) -> None:
    customer = ctx.services.library.add_customer(name="Anna Petrova")
    rec = open_recorder(qtbot, ctx, shared_media, RecordTarget(customer_id=customer.id))
    setup, step = rec.setup, rec.setup.consent
    assert step.given_by.text() == "Anna Petrova" and step.pill.text() == "Needed"
    assert not setup.start_button.isEnabled()
    assert setup.hint.text() == "Record consent first (step 1)."
    assert rec.start_recording() is False  # refused, not just greyed out
    assert rec.engine.state.value == "idle" and ctx.services.interviews.list() == []

    qtbot.mouseClick(step.verbal, Qt.MouseButton.LeftButton)
    assert not setup.start_button.isEnabled()  # no audience yet
    assert step.hint.text() == "Choose where the recording may be shown."
    qtbot.mouseClick(step.internal, Qt.MouseButton.LeftButton)
    assert setup.start_button.isEnabled() and step.pill.text() == "Ready"
    step.given_by.clear()
    assert not setup.start_button.isEnabled()
    qtbot.keyClicks(step.given_by, "Anna Petrova")
    assert setup.start_button.isEnabled()

    # recording without consent: an explicit confirmation, Cancel goes back
    qtbot.mouseClick(step.without, Qt.MouseButton.LeftButton)
    box = step.confirm_box
    assert box is not None and box.isVisible()
    assert not setup.start_button.isEnabled()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert step.method() == "verbal" and setup.start_button.isEnabled()
    qtbot.mouseClick(step.without, Qt.MouseButton.LeftButton)
    box = step.confirm_box
    assert box is not None
    confirm = next(b for b in box.buttons() if b.text() == "Record without consent")
    confirm.click()
    assert step.method() == "none" and step.pill.text() == "Without consent"
    assert not step.internal.isEnabled() and setup.start_button.isEnabled()

    with qtbot.waitSignal(rec.started, timeout=10000) as started:
        qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
    iid = started.args[0]
    consent = ctx.services.consent.get(iid)
    assert consent is not None
    assert (consent.method, consent.internal, consent.onboarding, consent.public) == (
        "none", False, False, False)
    assert "kept out of every reel" in rec.session_page.banner.text.text()
    assert ctx.services.consent.check(iid, "internal")[0] is False
    qtbot.waitUntil(lambda: rec.engine.elapsed_s > 1.0, timeout=10000)
    stop_and_wait(qtbot, rec)


def test_markers_notes_and_stop_save_stubs_and_queue_the_transcription(
        qtbot: QtBot, ctx: UiContext, shared_media: Path) -> None:
    customer = ctx.services.library.add_customer(name="Globex")
    rec = open_recorder(qtbot, ctx, shared_media, RecordTarget(customer_id=customer.id))
    step = rec.setup.consent
    qtbot.mouseClick(step.verbal, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(step.internal, Qt.MouseButton.LeftButton)
    submitted: list[int] = []
    ctx.runner.submitted.connect(submitted.append)
    with qtbot.waitSignal(rec.started, timeout=10000) as started:
        qtbot.mouseClick(rec.setup.start_button, Qt.MouseButton.LeftButton)
    iid = started.args[0]
    page = rec.session_page
    assert rec.pages.currentWidget() is page and page.pill.text() == "● REC"
    assert len(page.meter_widgets) == 2  # a meter per track
    assert "Ask for consent on the record now" in page.banner.text.text()
    guide = page.guide
    assert guide.name.text() == "Customer check-in (EN)" and len(guide.questions) == 12

    qtbot.waitUntil(lambda: rec.engine.elapsed_s > 1.2, timeout=10000)
    rec.activateWindow()
    first = rec.engine.elapsed_s
    qtbot.keyClick(rec, Qt.Key.Key_M)  # the hotkey
    qtbot.waitUntil(lambda: rec.engine.elapsed_s > 3.0, timeout=10000)
    second = rec.engine.elapsed_s
    qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)  # and the button
    qtbot.waitUntil(lambda: page.preview.frames_shown > 0, timeout=5000)
    for meter in page.meter_widgets:  # each meter moves with its own speech
        qtbot.waitUntil(lambda m=meter: m.peak > 0.1, timeout=5000)
    typing = rec.engine.elapsed_s
    qtbot.keyClicks(page.notes.field, "Mentions moving to a competitor")  # an "m" in it
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)

    notes = ctx.services.recording.notes(iid)
    markers = [n.t for n in notes if n.kind == "marker"]
    assert len(markers) == 2  # typing "m" in the note field drops no marker
    assert abs(markers[0] - first) <= 0.5 and abs(markers[1] - second) <= 0.5, (markers,
                                                                                first, second)
    written = [n for n in notes if n.kind == "note"]
    assert [n.text for n in written][-1] == "Mentions moving to a competitor"
    assert abs(written[-1].t - typing) <= 0.5  # the time the note was started
    assert page.notes.list.count() == 4  # the consent note, two markers, the note

    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert page.pill.text() == "❚❚ PAUSED" and rec.engine.state.value == "paused"
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert rec.engine.state.value == "recording"
    stop_and_wait(qtbot, rec)

    saved = rec.saved_recording
    assert saved is not None and rec.pages.currentWidget() is rec.done_page
    info = probe(Path(saved.path or ""))
    assert (info.video_codec, info.audio_codec, info.audio_tracks) == ("h264", "aac", 2)
    row = ctx.services.interviews.get(iid)
    assert row.status != "recording" and Path(row.media_path) == Path(saved.path or "").resolve()
    stubs = ctx.services.tagging.list(HighlightFilter(interview_id=iid))
    assert stubs and all(h.status == "stub" for h in stubs)  # from the markers
    assert [h.id for h in stubs] == rec.stub_ids
    assert stubs[0].start <= markers[0] <= stubs[0].end
    assert rec.transcribe_job_id in submitted
    job = ctx.runner.info(rec.transcribe_job_id or 0)
    assert (job.kind, job.target_id) == ("transcribe", iid)
    assert "Transcription is queued" in rec.done_page.lines.text()
    ctx.runner.cancel(job.id)


def test_closing_while_recording_asks_and_then_saves(qtbot: QtBot, ctx: UiContext,
                                                     shared_media: Path, tmp_path: Path) -> None:
    rec = open_recorder(qtbot, ctx, shared_media, RecordTarget())
    ctx.services.settings.auto_transcribe = False
    assert not rec.setup.start_button.isEnabled()
    assert rec.setup.hint.text() == "Choose the customer you are recording."
    customer_box = rec.setup.customer_box
    assert customer_box is not None
    qtbot.keyClicks(customer_box.lineEdit(), "Initech")
    assert rec.setup.consent.given_by.text() == "Initech"  # follows the customer
    rec.setup.sources.select("video", None)  # sound only
    rec.setup.sources.select("call", None)
    form = tmp_path / "signed-consent.pdf"
    form.write_bytes(b"%PDF-1.4 signed by Initech")
    rec.setup.consent.set_form_file(form)
    qtbot.mouseClick(rec.setup.consent.public, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(rec.started, timeout=10000) as started:
        qtbot.mouseClick(rec.setup.start_button, Qt.MouseButton.LeftButton)
    assert not rec.session_page.preview.has_video
    qtbot.waitUntil(lambda: rec.engine.elapsed_s > 1.0, timeout=10000)
    rec.close()
    assert rec.isVisible() and rec.confirm_box is not None  # asked, still recording
    stop = next(b for b in rec.confirm_box.buttons() if b.text() == "Stop and save")
    with qtbot.waitSignal(rec.saved, timeout=30000):
        stop.click()
    qtbot.waitUntil(lambda: not rec.isVisible(), timeout=5000)
    row = ctx.services.interviews.get(started.args[0])
    assert (row.customer, row.has_video, row.status) == ("Initech", False, "recorded")
    consent = ctx.services.consent.get(row.id)
    assert consent is not None and consent.method == "form" and consent.public
    assert Path(consent.form_path).parent == ctx.services.home / "consent"


def test_low_disk_warns_then_stops_and_keeps_what_was_recorded(
        qtbot: QtBot, ctx: UiContext, shared_media: Path) -> None:
    readings = iter([10 * GB, 800 * MB, 800 * MB])

    def free_space(_folder: Path) -> int:  # the disk is a hardware seam: scripted free space
        return next(readings, 100 * MB)

    engine = CaptureEngine(disk=DiskPolicy(interval_s=0.8), free_space=free_space)
    customer = ctx.services.library.add_customer(name="Hooli")
    rec = RecorderWindow(ctx, RecordTarget(customer_id=customer.id), demo_catalog(shared_media),
                         engine=engine)
    qtbot.addWidget(rec)
    rec.show()
    rec.setup.sources.select("mic", f"speech-mic:{shared_media / JFK}")
    rec.setup.consent.verbal.click()
    rec.setup.consent.internal.click()
    assert rec.start_recording()
    banner = rec.session_page.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "Low disk space" in banner.text.text(),
                    timeout=5000)
    # the engine stops by itself at the next reading; the window saves what was recorded
    qtbot.waitUntil(lambda: rec.saved_recording is not None, timeout=30000)
    assert rec.result is not None and rec.result.stop_reason == "disk"
    assert "disk is almost full" in rec.done_page.lines.text()
    saved = rec.saved_recording
    assert saved is not None and saved.duration_s >= 1.0 and saved.audio_tracks == 1


def test_an_interrupted_recording_is_recovered_at_start_up_and_the_user_told(
        qtbot: QtBot, closer_home: Path) -> None:
    before = build_services(closer_home)  # the run that crashed mid-recording
    session = before.recording.start_session(
        ConsentChoice(method="verbal", internal=True, given_by="Anna"), customer_name="Anna")
    settings = EncoderSettings(max_width=320, max_height=240, fps=10)
    writer = FragmentedWriter(partial_path_for(session.path), video_size=(320, 240),
                              audio_labels=["Interviewer"], settings=settings)
    for i in range(50):  # 5 s
        frame = av.VideoFrame.from_ndarray(np.full((240, 320, 3), i * 5, np.uint8), "rgb24")
        writer.write_video(writer.scale(frame), i)
        writer.write_audio(0, np.full(4800, 0.1, np.float32))
    writer.close()

    services = build_services(closer_home)  # the next start
    services.settings.auto_transcribe = False
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_main_window(app, services)
    qtbot.addWidget(window)
    watcher = window.recovery  # type: ignore[attr-defined]
    assert isinstance(watcher, RecoveryWatcher)
    with qtbot.waitSignal(watcher.recovered, timeout=30000) as done:
        window.show()
    (item,) = done.args[0]
    assert item["interview_id"] == session.interview_id and item["error"] is None
    notice = watcher.notice
    assert notice is not None and notice.isVisible()
    assert [label.text() for label in notice.items] == ["Interview with Anna — 0:05 recorded"]
    row = services.interviews.get(session.interview_id)
    assert row.status == "recorded" and abs(row.duration_s - 5.0) < 0.3
    assert not partial_path_for(session.path).exists()
    assert notice.open_button is not None
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    view = window.views["interviews"]
    assert view.is_showing_interview()  # type: ignore[attr-defined]
    window.close()


def test_the_schedule_and_the_interviews_header_open_the_recorder(
        qtbot: QtBot, services: Services) -> None:
    customer = services.library.add_customer(name="Acme")
    when = datetime.now(UTC) + timedelta(days=1)
    plan = services.scheduling.add_series(SeriesDraft(
        customer_id=customer.id or 0, start_local=when.strftime("%Y-%m-%d 10:00"), tz="UTC",
        title="Weekly check-in", channel="video call"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_main_window(app, services)
    qtbot.addWidget(window)
    window.show()
    schedule = window.views["schedule"]
    assert schedule.recorder_available()  # type: ignore[attr-defined]
    occurrence = plan.next[0].original_start_utc
    schedule.record_requested.emit(plan.series_id, occurrence.isoformat())  # type: ignore
    rec = window.recorder_launcher.recorder  # type: ignore[attr-defined]
    assert isinstance(rec, RecorderWindow) and rec.isVisible()
    assert rec.info.customer == "Acme" and rec.info.remote_call
    assert "Weekly check-in" in rec.info.subtitle
    assert rec.setup.customer_box is None  # the customer comes from the schedule
    rec.close()
    qtbot.waitUntil(lambda: window.recorder_launcher.recorder is None)  # type: ignore

    interviews = window.views["interviews"]
    button = interviews.record_button  # type: ignore[attr-defined]
    assert button.isVisible() and button.text() == "●  Record…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    rec = window.recorder_launcher.recorder  # type: ignore[attr-defined]
    assert isinstance(rec, RecorderWindow) and rec.setup.customer_box is not None
    rec.close()
    window.close()


def test_recording_without_sound_is_confirmed_and_never_offered_for_transcription(
        qtbot: QtBot, ctx: UiContext, shared_media: Path) -> None:
    ctx.services.settings.auto_transcribe = True
    customer = ctx.services.library.add_customer(name="Umbrella")
    rec = open_recorder(qtbot, ctx, shared_media, RecordTarget(customer_id=customer.id))
    setup = rec.setup
    setup.sources.select("mic", None)
    setup.sources.select("call", None)  # the synthetic camera only: no sound at all
    qtbot.mouseClick(setup.consent.verbal, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(setup.consent.internal, Qt.MouseButton.LeftButton)
    assert setup.hint.text() == ("No microphone or call audio is chosen: the recording will "
                                 "have no sound.")

    # Start asks first, naming what is lost; "Choose a microphone" goes back to the sources
    qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
    box = rec.confirm_box
    assert box is not None and box.isVisible() and box.windowTitle() == "Record without sound?"
    assert "nothing to transcribe" in box.informativeText()
    assert "verbal consent you chose will not be recorded" in box.informativeText()
    assert rec.engine.state.value == "idle" and ctx.services.interviews.list() == []
    next(b for b in box.buttons() if b.text() == "Choose a microphone").click()
    assert rec.pages.currentWidget() is setup and rec.engine.state.value == "idle"

    qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
    box = rec.confirm_box
    assert box is not None
    submitted: list[int] = []
    ctx.runner.submitted.connect(submitted.append)
    with qtbot.waitSignal(rec.started, timeout=10000) as started:
        next(b for b in box.buttons() if b.text() == "Record without sound").click()
    iid = started.args[0]
    qtbot.waitUntil(lambda: rec.engine.elapsed_s > 1.0, timeout=10000)
    stop_and_wait(qtbot, rec)
    assert rec.transcribe_job_id is None and submitted == []  # auto-transcribe skips it
    assert "This recording has no sound, so there is nothing to transcribe." in \
        rec.done_page.lines.text()
    assert "Transcribe it from" not in rec.done_page.lines.text()

    view = InterviewsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    table = view.list_page
    row = table.model.row_of(iid)
    status = table.model.index(row, table.model.STATUS).data()
    assert status == "No sound"
    view.open_interview(iid)
    panel = view.detail_page.transcript
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "No sound in this recording"
    assert panel.empty.text.text() == ("This recording has no sound, so there is nothing to "
                                       "transcribe.")
    assert not panel.empty.button.isVisible() and not panel.strip.isVisible()
    assert panel.transcribe() is None and submitted == []
    assert view.untranscribed_ids() == []
    assert AutoTranscriber(ctx.services, ctx.runner).transcribe(iid) is None
    assert ctx.services.interviews.get(iid).status != "failed"
    view.shutdown()
