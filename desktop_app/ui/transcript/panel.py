"""The transcript side of the interview page: Transcribe, progress, the editor, speakers, export.

States: no transcript yet (a Transcribe button with model/language choices), transcribing
(progress from the job runner; the partial transcript grows read-only below), transcribed (the
editor), stopped or failed (what happened, and a button to continue or try again).
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.transcript import TranscriptView
from desktop_app.services.transcript_export import TranscriptExportService
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.transcript.editor import TranscriptEditor
from desktop_app.ui.transcript.highlights_list import HighlightsList
from desktop_app.ui.transcript.start import (
    MODELS,
    TranscribeStart,
    TranscriptLoader,
    language_name,
)
from desktop_app.ui.transcript.styles import PANEL_QSS
from desktop_app.ui.transcript.tag_bar import TagBar
from desktop_app.ui.transcript.workbench import TaggingController

EXPORTS = (("txt", "Plain text (.txt)"), ("docx", "Word document (.docx)"),
           ("srt", "Subtitles (.srt)"), ("vtt", "WebVTT subtitles (.vtt)"),
           ("json", "JSON with word timings (.json)"))
PARTIAL_RELOAD_S = 1.5


def _t(text: str) -> str:
    return QCoreApplication.translate("TranscriptPanel", text)


class TranscriptPanel(QFrame):
    """Everything about one interview's transcript; `seek_requested` goes to the player."""

    seek_requested = Signal(float)
    play_pause_requested = Signal()
    transcription_finished = Signal(int, str)  # interview id, job status

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TranscriptPanel")
        self.setStyleSheet(PANEL_QSS)
        self.ctx = ctx
        self.interview_id: int | None = None
        self.title = ""
        self.job_id: int | None = None
        self._targets: dict[int, int | None] = {}  # job id -> interview id
        self._last_reload = 0.0
        self.loader = TranscriptLoader(ctx.services.transcription.transcript, self)
        self.loader.loaded.connect(self._on_loaded)
        self._build()
        ctx.runner.progress.connect(self._on_progress)
        ctx.runner.finished.connect(self._on_finished)
        ctx.runner.submitted.connect(self._on_submitted)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        head = QHBoxLayout()
        head.setContentsMargins(20, 14, 14, 12)
        head.setSpacing(6)
        titles = QVBoxLayout()
        titles.setSpacing(1)
        heading = QLabel(self.tr("Transcript"))
        heading.setObjectName("SectionTitle")
        self.meta = QLabel()
        self.meta.setObjectName("Muted")
        self.meta.setWordWrap(True)  # "3 segments · 37 words · English" wraps beside the tools
        titles.addWidget(heading)
        titles.addWidget(self.meta)
        head.addLayout(titles, 1)
        self.editor = TranscriptEditor(self.ctx.services.transcription)
        self.undo_button = self._tool("↶", self.tr("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.editor.undo_action.trigger)
        self.redo_button = self._tool("↷", self.tr("Redo (Ctrl+Shift+Z)"))
        self.redo_button.clicked.connect(self.editor.redo_action.trigger)
        self.editor.undo_stack.indexChanged.connect(self._sync_undo_buttons)
        self.speaker_button = QPushButton(self.tr("Speaker ▾"))
        self.speaker_button.setObjectName("MenuButton")
        self.speaker_button.setToolTip(self.tr("Assign a speaker to the selected segments"))
        self.speaker_button.clicked.connect(self.show_speaker_menu)
        self.export_button = QPushButton(self.tr("Export ▾"))
        self.export_button.setObjectName("MenuButton")
        self.export_menu = QMenu(self)
        for fmt, name in EXPORTS:
            self.export_menu.addAction(_t(name), lambda f=fmt: self.ask_export(f))
        self.export_button.setMenu(self.export_menu)
        self.more_button = QPushButton("⋯")
        self.more_button.setObjectName("MenuButton")
        self.more_button.setToolTip(self.tr("More"))
        self.more_menu = QMenu(self)
        again = self.more_menu.addMenu(self.tr("Transcribe again with"))
        for model, name in MODELS:
            again.addAction(_t(name), lambda m=model: self.transcribe(model=m, again=True))
        self.more_button.setMenu(self.more_menu)
        for w in (self.undo_button, self.redo_button, self.speaker_button, self.export_button,
                  self.more_button):
            w.setCursor(Qt.CursorShape.PointingHandCursor)
            head.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        lay.addWidget(self._status_strip())
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.setContentsMargins(20, 4, 20, 4)
        self.error_label.hide()
        lay.addWidget(self.error_label)
        line = QFrame()
        line.setObjectName("PanelLine")
        line.setFixedHeight(1)
        lay.addWidget(line)
        self.stack = QStackedWidget()
        self.empty = TranscribeStart(lambda: self.ctx.services.settings)
        self.empty.transcribe_requested.connect(lambda: self.transcribe())
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor)
        lay.addWidget(self.stack, 1)
        self.tag_status = QLabel()
        self.tag_status.setObjectName("Muted")
        self.tag_status.setWordWrap(True)
        self.tag_status.setContentsMargins(20, 4, 20, 4)
        self.tag_status.hide()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(8000)
        self._status_timer.timeout.connect(self.tag_status.hide)
        lay.addWidget(self.tag_status)
        # the detail page shows the tag bar under both columns and the list beside the
        # player; the controller ties them to the editor
        self.tag_bar = TagBar()
        self.highlights_list = HighlightsList()
        self.tagging = TaggingController(self.ctx, self.editor, self.tag_bar,
                                         self.highlights_list, self)
        self.tagging.on_status = self.show_tag_status
        self.editor.seek_requested.connect(self.seek_requested)
        self.editor.play_pause_requested.connect(self.play_pause_requested)
        self.editor.error.connect(self.show_error)
        self.editor.transcript_edited.connect(self._on_edited)
        self.editor.list.selectionModel().selectionChanged.connect(self._sync_speaker_button)
        self._sync_undo_buttons()

    def _tool(self, text: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setObjectName("UndoButton")
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setFixedSize(32, 32)
        return b

    def _status_strip(self) -> QFrame:
        self.strip = QFrame()
        self.strip.setObjectName("StatusStrip")
        row = QHBoxLayout(self.strip)
        row.setContentsMargins(20, 10, 16, 10)
        row.setSpacing(12)
        col = QVBoxLayout()
        col.setSpacing(6)
        self.status_label = QLabel()
        self.status_label.setObjectName("StatusText")
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        col.addWidget(self.status_label)
        col.addWidget(self.progress)
        row.addLayout(col, 1)
        self.strip_button = QPushButton()
        self.strip_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.strip_button.clicked.connect(self._strip_action)
        row.addWidget(self.strip_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.strip.hide()
        self._strip_kind = ""
        return self.strip

    # --- public -----------------------------------------------------------------------------

    def show_interview(self, interview_id: int, title: str) -> None:
        """Show the interview's transcript, or the way to make one."""
        self.interview_id, self.title = interview_id, title
        self.error_label.hide()
        active = self.ctx.runner.service.find_active("transcribe", interview_id)
        self.job_id = active.id if active is not None and \
            active.id in self.ctx.runner.active_ids() else None
        self.empty.set_silent(self._silent(interview_id))
        self.reload()
        self.tagging.set_interview(interview_id)
        if self.job_id is not None:
            self._show_busy(active.fraction if active else 0.0,
                            active.message if active else "")
        else:
            self._show_idle_status()
        self.empty.update_choice_label()

    def _silent(self, interview_id: int) -> bool:
        """The interview's recording has no sound track: nothing to transcribe."""
        try:
            row = self.ctx.services.interviews.get(interview_id)
        except CloserError:
            return False
        return bool(row.media_path) and not row.has_audio

    def reload(self, *, keep_scroll: bool = False) -> TranscriptView | None:
        if self.interview_id is None:
            return None
        try:
            view = self.ctx.services.transcription.transcript(self.interview_id)
        except CloserError:
            view = None
        self.editor.interview_id = self.interview_id if view is None else \
            self.editor.interview_id
        self.editor.set_transcript(view, keep_scroll=keep_scroll)
        self.editor.set_read_only(self.job_id is not None)
        has_text = view is not None and bool(view.segments)
        self.stack.setCurrentWidget(self.editor if has_text else self.empty)
        busy = self.job_id is not None
        self.empty.set_busy(busy)
        for b in (self.speaker_button, self.export_button):
            b.setEnabled(has_text)
        self.more_button.setEnabled(view is not None and not busy)
        self._update_meta(view)
        self._sync_speaker_button()
        self._sync_undo_buttons()
        return view

    def set_choices(self, *, model: str | None = None, language: str | None = None) -> None:
        """Model/language for the next Transcribe ("" resets to the default)."""
        self.empty.set_choices(model=model, language=language)

    def transcribe(self, *, model: str | None = None, again: bool = False) -> int | None:
        """Queue a transcription of the shown interview; returns the job id."""
        if self.interview_id is None or self.job_id is not None:
            return None
        if self.empty.silent:
            self.show_error(self.tr("This recording has no sound, so there is nothing to "
                                    "transcribe."))
            return None
        payload: dict[str, object] = {"interview_id": self.interview_id}
        chosen = model or self.empty.model_choice
        if chosen:
            payload["model"] = chosen
        if self.empty.language_choice:
            payload["language"] = self.empty.language_choice
        if again and self.editor.transcript() is not None:
            self.editor.undo_stack.clear()
            payload["replace"] = True  # hand corrections are kept, the old version is saved
        self.job_id = self.ctx.runner.submit(
            "transcribe", payload, title=self.tr("Transcribing {0}").format(self.title),
            target_id=self.interview_id)
        self._targets[self.job_id] = self.interview_id
        self.editor.set_read_only(True)
        self.empty.set_busy(True)
        self.more_button.setEnabled(False)
        self._show_busy(0.0, self.tr("Waiting for other work to finish…"))
        self.ctx.events.interviews_changed.emit([self.interview_id])
        return self.job_id

    def export_to(self, fmt: str, path: Path) -> Path | None:
        """Write the transcript as `fmt` to `path`; shows the outcome in the panel."""
        if self.interview_id is None:
            return None
        service = TranscriptExportService(self.ctx.services.transcription.transcript,
                                          audit=self.ctx.services.audit)
        try:
            out = service.export(self.interview_id, fmt, path)
        except (CloserError, OSError) as exc:
            self.show_error(self.tr("Could not export the transcript: {0}").format(exc))
            return None
        self._show_strip("ok", self.tr("Saved {0}").format(out.name), self.tr("OK"), False)
        return out

    def ask_export(self, fmt: str) -> None:
        name = f"{self.title or 'transcript'}.{fmt}"
        start = Path.home() / name
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export transcript"), str(start),
            _t(next(n for f, n in EXPORTS if f == fmt)))
        if path:
            out = Path(path)
            self.export_to(fmt, out if out.suffix else out.with_suffix(f".{fmt}"))

    def show_speaker_menu(self) -> QMenu:
        menu = self.editor.speaker_menu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.speaker_button.mapToGlobal(self.speaker_button.rect().bottomLeft()))
        self.speaker_popup = menu
        return menu

    def show_tag_status(self, text: str) -> None:
        """A short line about the last tagging action (disappears after a few seconds)."""
        self.tag_status.setText(text)
        self.tag_status.setVisible(bool(text))
        self._status_timer.start()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        QTimer.singleShot(8000, self.error_label.hide)

    def shutdown(self) -> None:
        """Wait for a transcript read and a suggestion search in flight (closing)."""
        self.loader.wait()
        self.tagging.shutdown()

    # --- status -----------------------------------------------------------------------------

    def _show_busy(self, fraction: float, message: str) -> None:
        self.progress.show()
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        text = self.tr("Transcribing… {0}%").format(int(fraction * 100))
        self._show_strip("busy", text + (f"  ·  {message}" if message else ""),
                         self.tr("Cancel"), True)

    def _show_idle_status(self) -> None:
        view = self.editor.transcript()
        row = None
        with contextlib.suppress(CloserError):
            row = self.ctx.services.interviews.get(self.interview_id or 0)
        if self.empty.silent:
            self.strip.hide()  # the empty state says why there is nothing to transcribe
        elif row is not None and row.status == "failed":
            self._show_strip("error", self.tr("The last transcription failed: {0}")
                             .format(self._last_error() or self.tr("unknown error")),
                             self.tr("Try again"), False)
        elif view is not None and not view.complete:
            self._show_strip("stopped", self.tr("Transcription stopped at {0} of {1}.")
                             .format(format_clock(view.transcribed_until_s),
                                     format_clock(view.duration_s)),
                             self.tr("Continue"), False)
        else:
            self.strip.hide()

    def _show_strip(self, kind: str, text: str, button: str, progress: bool) -> None:
        self._strip_kind = kind
        self.strip.setProperty("state", kind)
        self.strip.style().unpolish(self.strip)
        self.strip.style().polish(self.strip)
        self.status_label.setText(text)
        self.progress.setVisible(progress)
        self.strip_button.setText(button)
        self.strip.show()

    def _strip_action(self) -> None:
        if self._strip_kind == "busy" and self.job_id is not None:
            self.ctx.runner.cancel(self.job_id)
        elif self._strip_kind in ("error", "stopped"):
            self.transcribe()
        else:
            self.strip.hide()

    def _last_error(self) -> str:
        for job in self.ctx.runner.service.list(limit=200):
            if job.kind == "transcribe" and job.target_id == self.interview_id:
                return job.error
        return ""

    def _update_meta(self, view: TranscriptView | None) -> None:
        if view is None or not view.segments:
            self.meta.setText(self.tr("Not transcribed yet"))
            return
        n = len(view.segments)
        words = sum(len(s.words) for s in view.segments)
        parts = [self.tr("%n segment(s)", "", n), self.tr("%n word(s)", "", words)]
        if view.language:
            parts.append(language_name(view.language))
        self.meta.setText("  ·  ".join(parts))
        self.meta.setToolTip(self.tr("Transcribed on this computer with the speech model {0}")
                             .format(view.model) if view.model else "")

    def _sync_undo_buttons(self) -> None:
        stack = self.editor.undo_stack
        ro = self.editor.is_read_only()
        self.undo_button.setEnabled(stack.canUndo() and not ro)
        self.redo_button.setEnabled(stack.canRedo() and not ro)
        self.undo_button.setToolTip(self.tr("Undo {0} (Ctrl+Z)").format(stack.undoText())
                                    if stack.canUndo() else self.tr("Nothing to undo"))
        self.redo_button.setToolTip(self.tr("Redo {0} (Ctrl+Shift+Z)").format(stack.redoText())
                                    if stack.canRedo() else self.tr("Nothing to redo"))

    def _sync_speaker_button(self) -> None:
        n = len(self.editor.list.selectionModel().selectedRows())
        self.speaker_button.setText(self.tr("Speaker ▾") if n <= 1
                                    else self.tr("Speaker ({0}) ▾").format(n))

    def _on_edited(self, interview_id: int) -> None:
        self._update_meta(self.editor.transcript())
        self.ctx.events.transcript_changed.emit(interview_id)

    # --- runner -----------------------------------------------------------------------------

    def _target(self, job_id: int) -> int | None:
        if job_id not in self._targets:
            try:
                info = self.ctx.runner.info(job_id)
            except CloserError:
                return None
            self._targets[job_id] = info.target_id if info.kind == "transcribe" else None
        return self._targets[job_id]

    def _on_submitted(self, job_id: int) -> None:
        if self.interview_id is not None and self.job_id is None \
                and self._target(job_id) == self.interview_id:
            self.job_id = job_id
            self.reload()
            self._show_busy(0.0, self.tr("Waiting for other work to finish…"))

    def _on_progress(self, job_id: int, done: float, total: float, message: str) -> None:
        if self.interview_id is None or self._target(job_id) != self.interview_id:
            return
        if self.job_id != job_id:
            self.job_id = job_id
            self.reload(keep_scroll=True)
        self._show_busy(done / total if total > 0 else 0.0, message)
        now = time.monotonic()
        if now - self._last_reload >= PARTIAL_RELOAD_S and not self.loader.busy:
            self._last_reload = now  # show the text as it arrives, read off the GUI thread
            self.loader.load(self.interview_id)

    def _on_loaded(self, interview_id: int, view: TranscriptView | None) -> None:
        if interview_id != self.interview_id or self.job_id is None or view is None:
            return
        self.editor.set_transcript(view, keep_scroll=True)
        if view.segments and self.stack.currentWidget() is not self.editor:
            self.stack.setCurrentWidget(self.editor)
        self._update_meta(view)

    def _on_finished(self, job_id: int, status: str) -> None:
        target = self._target(job_id)
        self._targets.pop(job_id, None)
        if target is None or target != self.interview_id:
            return
        self.job_id = None
        self.reload(keep_scroll=True)
        self.tagging.refresh()
        self._show_idle_status()
        if status == "cancelled":
            self._show_strip("stopped", self.tr("Transcription cancelled. What was "
                                                "transcribed so far is kept."),
                             self.tr("Continue"), False)
        self.transcription_finished.emit(target, status)
