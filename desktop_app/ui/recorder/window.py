"""The recorder window: set up (consent first, then sources), record, save.

It owns one `CaptureEngine`. Consent is written (by `RecordingService.start_session`) before the
engine starts, so no frame exists without it. Markers (M) and notes are saved the moment they
are made, at the engine's recording time. After Stop the engine finalises the file (a remux);
attaching it to the interview (probe, hash, picture) runs on a worker thread, then the markers
become highlight stubs and the transcription is queued, so nobody waits after Stop.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.domain.errors import CloserError
from desktop_app.domain.recording import (
    TRACK_LABELS,
    NoteView,
    RecordingSession,
    SavedRecording,
)
from desktop_app.media.capture.sources import CaptureEngine, CaptureState, RecordingResult
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.recorder.catalog import OpenedSource, SourceCatalog
from desktop_app.ui.recorder.done_page import DonePage
from desktop_app.ui.recorder.session_page import SessionPage
from desktop_app.ui.recorder.setup_page import SetupPage
from desktop_app.ui.recorder.style import RECORDER_QSS
from desktop_app.ui.recorder.target import RecordTarget, describe

__all__ = ["RecordTarget", "RecorderWindow"]


class RecorderWindow(QWidget):
    """One recording, from consent to the saved interview."""

    started = Signal(int)  # interview id, once the engine runs
    saved = Signal(int)  # interview id, once the file is attached
    open_interview_requested = Signal(int)

    def __init__(self, ctx: UiContext, target: RecordTarget | None = None,
                 catalog: SourceCatalog | None = None, parent: QWidget | None = None, *,
                 engine: CaptureEngine | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("RecorderWindow")
        self.setStyleSheet(RECORDER_QSS)
        self.setWindowTitle(self.tr("Record an interview — Closer"))
        self.resize(1220, 800)
        self.setMinimumSize(980, 660)
        self.ctx = ctx
        self.target = target or RecordTarget()
        self.engine = engine or CaptureEngine()
        self.engine.setParent(self)
        self.session: RecordingSession | None = None
        self.opened: list[OpenedSource] = []
        self.result: RecordingResult | None = None
        self.saved_recording: SavedRecording | None = None
        self.transcribe_job_id: int | None = None
        self.stub_ids: list[int] = []
        self.confirm_box: QMessageBox | None = None
        self._close_when_saved = False
        self._saving = False
        self.info = describe(ctx.services, self.target)
        customers = [c.name for c in ctx.services.library.customers()]
        rec = ctx.services.recording
        ui_language = ctx.services.settings.ui_language
        if ui_language not in ("en", "ru"):
            ui_language = QLocale().name()[:2]
        guide = (rec.guide_for(self.target.interview_id) if self.target.interview_id
                 else rec.default_guide(series_id=self.target.series_id,
                                        customer_id=self.info.customer_id,
                                        fallback=ui_language))
        self.setup = SetupPage(self.info, catalog or SourceCatalog(), customers,
                               ctx.services.scheduling.guides(), guide)
        self.session_page = SessionPage(lambda: self.engine.elapsed_s)
        self.done_page = DonePage()
        self.pages = QStackedWidget()
        for page in (self.setup, self.session_page, self.done_page):
            self.pages.addWidget(page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.pages)
        self._worker = BackgroundLoader(self, threads=1)  # saves the recording off the GUI
        self._wire()

    def _wire(self) -> None:
        self.setup.start_requested.connect(self.start_recording)
        self.setup.cancel_requested.connect(self.close)
        page = self.session_page
        page.pause_clicked.connect(self.toggle_pause)
        page.mark_clicked.connect(self.mark)
        page.stop_clicked.connect(self.stop)
        page.notes.note_entered.connect(self.add_note)
        self.done_page.close_clicked.connect(self.close)
        self.done_page.open_clicked.connect(self._open_interview)
        self.mark_shortcut = QShortcut(QKeySequence(Qt.Key.Key_M), self)
        self.mark_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.mark_shortcut.activated.connect(self.mark)
        self.mark_shortcut.setEnabled(False)
        engine = self.engine
        engine.elapsedChanged.connect(page.set_elapsed)
        engine.levelsChanged.connect(page.set_levels)
        engine.warning.connect(lambda m: page.banner.show_message(m, "warning"))
        engine.deviceLost.connect(lambda m: page.banner.show_message(
            self.tr("{0}. The recording goes on; what was recorded is safe.").format(
                m.rstrip(".")), "error"))
        engine.finished.connect(self._on_finished)

    # --- state --------------------------------------------------------------------------------

    def is_recording(self) -> bool:
        return self.engine.state in (CaptureState.RECORDING, CaptureState.PAUSED)

    def is_busy(self) -> bool:
        """Recording, or still saving what was recorded."""
        return self.is_recording() or self.engine.state == CaptureState.FINALIZING \
            or self._saving

    # --- start --------------------------------------------------------------------------------

    def start_recording(self, *, without_sound: bool = False) -> bool:
        """Start when consent is complete and a source is chosen; False (and why) otherwise.
        With no microphone and no call audio it asks first (`without_sound`: already asked)."""
        if self.is_busy():
            return False
        blocker = self.setup.blocker()
        choice = self.setup.consent.choice()
        if blocker or choice is None:
            self.setup.show_hint(blocker or self.tr("Record consent first (step 1)."),
                                 error=True)
            return False
        sources = self.setup.sources
        if not sources.has_sound() and not without_sound:
            self._ask_without_sound(choice.method == "verbal")
            return False
        video = sources.selected("video")
        audio = [(o, label) for o, label in ((sources.selected("mic"), TRACK_LABELS[0]),
                                             (sources.selected("call"), TRACK_LABELS[1]))
                 if o is not None]
        services = self.ctx.services
        try:
            opened_video = video.open(self) if video is not None else None
            opened_audio = [o.open(self) for o, _ in audio]
        except CloserError as exc:
            self.setup.show_hint(str(exc), error=True)
            return False
        self.opened = [o for o in (opened_video, *opened_audio) if o is not None]
        try:
            session = services.recording.start_session(
                choice, interview_id=self.target.interview_id,
                customer_id=self.info.customer_id,
                customer_name=None if self.info.customer_id else self.setup.customer_name(),
                series_id=self.target.series_id,
                occurrence_start_utc=self.target.occurrence_start_utc)
        except CloserError as exc:
            self._release_sources()
            self.setup.show_hint(str(exc), error=True)
            return False
        self.engine.set_preview_sink(self.session_page.preview.sink if video else None)
        try:
            self.engine.start(session.path, video=opened_video.input if opened_video else None,
                              audio=[o.input for o in opened_audio],
                              audio_labels=[label for _, label in audio])
        except CloserError as exc:
            services.recording.abandon(session.interview_id)
            self._release_sources()
            self.setup.show_hint(str(exc), error=True)
            return False
        for source in self.opened:
            source.start()
        self.session = session
        self._show_session(session, video is not None, [(lbl, o.label) for o, lbl in audio])
        if self.info.customer_id is None:
            self.ctx.events.customers_changed.emit([session.customer_id])
        self.ctx.events.interviews_changed.emit([session.interview_id])
        self.started.emit(session.interview_id)
        return True

    def _show_session(self, session: RecordingSession, has_video: bool,
                      tracks: list[tuple[str, str]]) -> None:
        services = self.ctx.services
        guide = self.setup.guide.chosen()
        subtitle = self.info.subtitle if self.info.customer else ""
        self.session_page.begin(title=session.title,
                                subtitle=subtitle or self.tr("With {0}").format(session.customer),
                                has_video=has_video, tracks=tracks, guide=guide)
        choice = self.setup.consent.current()
        if choice.method == "verbal":
            audiences = ", ".join(self._audience_names(choice.audiences))
            self.session_page.banner.show_message(self.tr(
                "Ask for consent on the record now: “Is it all right that we record this "
                "conversation and show short clips of it in {0}?”").format(audiences), "info")
            note = services.recording.add_note(
                session.interview_id, 0.0,
                self.tr("Consent asked verbally at the start ({0}).").format(audiences))
            self.session_page.notes.add(note)
        elif choice.method == "none":
            self.session_page.banner.show_message(self.tr(
                "Recording without consent: this interview is kept out of every reel."),
                "warning")
        self.pages.setCurrentWidget(self.session_page)
        self.mark_shortcut.setEnabled(True)
        self.setWindowTitle(self.tr("Recording: {0} — Closer").format(session.title))

    def _audience_names(self, audiences: tuple[str, ...]) -> list[str]:
        names = {"internal": self.tr("internal meetings"), "onboarding": self.tr("onboarding"),
                 "public": self.tr("public material")}
        return [names[a] for a in audiences]

    def _release_sources(self) -> None:
        for source in self.opened:
            source.stop()
        self.opened = []

    # --- while recording ----------------------------------------------------------------------

    def toggle_pause(self) -> None:
        if self.engine.state == CaptureState.RECORDING:
            self.engine.pause()
            self.session_page.set_state("paused")
        elif self.engine.state == CaptureState.PAUSED:
            self.engine.resume()
            self.session_page.set_state("recording")

    def mark(self) -> NoteView | None:
        """Drop a marker at the current recording time (it becomes a highlight stub)."""
        if self.session is None or not self.is_recording():
            return None
        note = self.ctx.services.recording.add_marker(self.session.interview_id,
                                                      self.engine.elapsed_s)
        self.session_page.notes.add(note)
        return note

    def add_note(self, text: str, t: float) -> NoteView | None:
        if self.session is None:
            return None
        try:
            note = self.ctx.services.recording.add_note(self.session.interview_id, t, text)
        except CloserError as exc:
            self.session_page.banner.show_message(str(exc), "error")
            return None
        self.session_page.notes.add(note)
        return note

    # --- stop and save ------------------------------------------------------------------------

    def stop(self) -> None:
        if not self.is_recording():
            return
        self.mark_shortcut.setEnabled(False)
        self.session_page.set_state("saving")
        self.engine.stop()
        self.done_page.show_saving()
        self.pages.setCurrentWidget(self.done_page)

    def _on_finished(self, result: RecordingResult) -> None:
        self.result = result
        self._release_sources()
        self.mark_shortcut.setEnabled(False)
        self.pages.setCurrentWidget(self.done_page)
        session = self.session
        if session is None:
            return
        if result.path is None:
            error = result.error or self.tr("nothing was recorded")
            self.ctx.services.recording.fail(session.interview_id, error)
            self.done_page.show_failed(error)
            self.ctx.events.interviews_changed.emit([session.interview_id])
            self._maybe_close()
            return
        self._saving = True
        self.done_page.show_saving(self._stop_note(result))
        path, iid = result.path, session.interview_id
        self._worker.submit("save", lambda: self.ctx.services.recording.finish(iid, path),
                            self._on_saved, self._on_save_failed)

    def _stop_note(self, result: RecordingResult) -> str:
        if result.stop_reason == "disk":
            return self.tr("Recording stopped because the disk is almost full; everything "
                           "recorded until then is kept.")
        return ""

    def _on_saved(self, saved: SavedRecording) -> None:
        self._saving = False
        self.saved_recording = saved
        services = self.ctx.services
        iid = saved.interview_id
        try:
            self.stub_ids = [h.id for h in services.tagging.stubs_from_markers(iid)]
        except CloserError:
            self.stub_ids = []
        self.transcribe_job_id = self._queue_transcription(saved)
        note = self._stop_note(self.result) if self.result is not None else ""
        self.done_page.show_saved(saved, stubs=len(self.stub_ids),
                                  transcribing=self.transcribe_job_id is not None, note=note)
        self.ctx.events.interviews_changed.emit([iid])
        if self.stub_ids:
            self.ctx.events.highlights_changed.emit(list(self.stub_ids))
        self.setWindowTitle(self.tr("Recording saved — Closer"))
        self.saved.emit(iid)
        self._maybe_close()

    def _queue_transcription(self, saved: SavedRecording) -> int | None:
        services, runner = self.ctx.services, self.ctx.runner
        if not saved.has_audio or not services.settings.auto_transcribe:
            return None
        active = runner.service.find_active("transcribe", saved.interview_id)
        if active is not None:
            return active.id
        return runner.submit("transcribe", {"interview_id": saved.interview_id},
                             title=self.tr("Transcribing {0}").format(saved.title),
                             target_id=saved.interview_id)

    def _on_save_failed(self, error: str) -> None:
        self._saving = False
        self.done_page.show_failed(error)
        self.ctx.events.interviews_changed.emit(
            [self.session.interview_id] if self.session is not None else [])
        self._maybe_close()

    def _open_interview(self) -> None:
        if self.session is not None:
            self.open_interview_requested.emit(self.session.interview_id)
            self.ctx.events.open_interview.emit(self.session.interview_id)
        self.close()

    # --- closing ------------------------------------------------------------------------------

    def _maybe_close(self) -> None:
        if self._close_when_saved:
            self._close_when_saved = False
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_recording():
            event.ignore()
            self._ask_stop()
            return
        if self.is_busy():
            event.ignore()
            self._close_when_saved = True
            return
        self._release_sources()
        super().closeEvent(event)

    def _ask_without_sound(self, verbal: bool) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Record without sound?"),
                          self.tr("No microphone and no call audio are chosen, so this "
                                  "recording will have no sound."),
                          QMessageBox.StandardButton.NoButton, self)
        consequence = self.tr("Nobody will hear the customer, and there will be nothing to "
                              "transcribe or search.")
        if verbal:
            consequence += " " + self.tr("The verbal consent you chose will not be recorded "
                                         "either.")
        box.setInformativeText(consequence)
        choose = box.addButton(self.tr("Choose a microphone"), QMessageBox.ButtonRole.RejectRole)
        silent = box.addButton(self.tr("Record without sound"),
                               QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(choose)

        def answered(button: object) -> None:
            self.confirm_box = None
            if button is silent:
                self.start_recording(without_sound=True)
            else:
                self.setup.sources.mic_box.setFocus()

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def _ask_stop(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Stop recording?"),
                          self.tr("The recording is still running."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Stop it and save what was recorded, or keep "
                                       "recording."))
        stop = box.addButton(self.tr("Stop and save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep recording"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stop)

        def answered(button: object) -> None:
            self.confirm_box = None
            if button is stop:
                self._close_when_saved = True
                self.stop()

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()
        return box
