"""The Interviews section: browse, import (dialog or drag-and-drop), play with the transcript,
search every transcript, transcribe (one or all), delete; "Record…" asks for the recorder."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.services.interviews import InterviewFilter
from desktop_app.ui.interviews.detail_page import InterviewDetailPage
from desktop_app.ui.interviews.import_batch import ImportBatch
from desktop_app.ui.interviews.import_dialog import ImportDialog, ImportOutcome
from desktop_app.ui.interviews.import_results import ImportResultsDialog
from desktop_app.ui.interviews.list_page import InterviewsListPage
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import ACCENT_HOVER, DANGER_DARK, INDIGO_500
from desktop_app.ui.search.results_page import SearchResultsPage


def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DropOverlay(QWidget):
    """Covers the view while files are dragged over it: "Drop recordings to import"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label = QLabel(self.tr("Drop recordings to import them"), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(f"color: {ACCENT_HOVER}; font-size: 15pt; font-weight: bold;")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(238, 242, 255, 225))
        pen = QPen(QColor(INDIGO_500), 2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(self.rect().adjusted(16, 16, -17, -17), 14, 14)
        p.end()

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.label.setGeometry(self.rect())


class InterviewsView(SectionView):
    """List/grid of interviews and the interview page, over the library in `ctx`."""

    reads_on_build = True

    batch_finished = Signal(list)  # list[ImportOutcome], after every file of a batch ended
    record_requested = Signal(int)  # customer id in the filter (0: choose in the recorder)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.import_dialog: ImportDialog | None = None
        self.results_dialog: ImportResultsDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.batches: list[ImportBatch] = []
        self._last_outcomes: list[ImportOutcome] = []
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.list_page = InterviewsListPage()
        self.detail_page = InterviewDetailPage(ctx)
        self.search_page = SearchResultsPage(ctx)
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.detail_page)
        self.pages.addWidget(self.search_page)
        self._back_to_search = False
        self._transcribing: set[int] = set()  # transcribe jobs already seen reporting
        lay.addWidget(self.pages)
        self.overlay = DropOverlay(self)
        self.player = self.detail_page.player

        self.list_page.open_requested.connect(self.open_interview)
        self.list_page.import_requested.connect(lambda: self.import_files([]))
        self.list_page.delete_requested.connect(self.confirm_delete)
        self.list_page.filters.changed.connect(self._reload_rows)
        self.list_page.banner.details_clicked.connect(self.show_results)
        self.list_page.search_requested.connect(self.show_search)
        self.list_page.transcribe_all_requested.connect(self.transcribe_all)
        self.record_button = self._add_record_button()
        self.search_page.open_requested.connect(self._open_from_search)
        self.search_page.back_requested.connect(self.show_list)
        self.search_page.transcribe_all_requested.connect(self.transcribe_all)
        self.detail_page.back_requested.connect(self._back)
        self.detail_page.delete_requested.connect(self.confirm_delete)
        ctx.runner.finished.connect(self._on_job_finished)
        ctx.runner.progress.connect(self._on_job_progress)
        ctx.events.interviews_changed.connect(self.refresh)
        ctx.events.customers_changed.connect(self.refresh)
        self.refresh()

    def _add_record_button(self) -> QPushButton:
        """"Record…" beside "Import recordings…" in the list header (opens the recorder)."""
        button = QPushButton(self.tr("●  Record…"))
        button.setObjectName("RecordHeaderButton")
        button.setStyleSheet(f"QPushButton#RecordHeaderButton {{ color: {DANGER_DARK}; "
                             "font-weight: bold; }")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("Record an interview: camera or screen, microphone and "
                                  "call audio, with consent first"))
        button.clicked.connect(lambda: self.record_requested.emit(
            self.list_page.filters.current_filter().customer_id or 0))
        self.list_page.header.insert_action(self.list_page.import_button, button)
        return button

    # --- browsing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload filter choices and rows; an open interview is re-read (or closed if gone)."""
        lib = self.ctx.services.library
        self.list_page.filters.set_customers(
            [(c.id, c.name) for c in lib.customers() if c.id is not None])
        self.list_page.filters.set_personas(
            [(p.id, p.name) for p in lib.personas() if p.id is not None])
        self._reload_rows()
        row = self.detail_page.row
        if row is not None and self.pages.currentWidget() is self.detail_page:
            try:
                self.ctx.services.interviews.get(row.id)
            except CloserError:
                self.show_list()

    def _reload_rows(self) -> None:
        service = self.ctx.services.interviews
        flt = self.list_page.filters.current_filter()
        rows = service.list(flt)
        total = len(rows) if flt == InterviewFilter() else len(service.list())
        self.list_page.set_rows(rows, total)
        self.list_page.set_untranscribed(len(self.untranscribed_ids()))

    def show_list(self) -> None:
        self.player.shutdown()
        self._set_back_to_search(False)
        self.pages.setCurrentWidget(self.list_page)
        if self.detail_page.row is not None:
            self.list_page.select_interview(self.detail_page.row.id)

    def open_interview(self, interview_id: int, seconds: float | None = None, *,
                       play: bool = False) -> None:
        """Show the interview page and load its recording (at `seconds` if given; `play`
        starts playback there)."""
        try:
            row = self.ctx.services.interviews.get(interview_id)
        except CloserError as exc:
            self._warn(self.tr("Interview not found"), str(exc))
            return
        self.pages.setCurrentWidget(self.detail_page)
        self.detail_page.show_row(row, seconds)
        self.player.setFocus()
        if play:
            self.player.play()

    def _back(self) -> None:
        if self._back_to_search:
            self.player.shutdown()
            self._set_back_to_search(False)
            self.pages.setCurrentWidget(self.search_page)
        else:
            self.show_list()

    def _set_back_to_search(self, on: bool) -> None:
        """The interview page's back button goes (and says it goes) to the search results."""
        self._back_to_search = on
        self.detail_page.set_back_to_search(on)

    def is_showing_interview(self) -> bool:
        return self.pages.currentWidget() is self.detail_page

    # --- search -----------------------------------------------------------------------------

    def show_search(self, query: str) -> SearchResultsPage:
        """Search every transcript for `query` and show the results page."""
        self.player.shutdown()
        self.pages.setCurrentWidget(self.search_page)
        self.search_page.search(query)
        self.search_page.focus_field()
        return self.search_page

    def _open_from_search(self, interview_id: int, seconds: float) -> None:
        self.open_interview(interview_id, seconds)
        self._set_back_to_search(self.is_showing_interview())

    # --- transcription ----------------------------------------------------------------------

    def untranscribed_ids(self) -> list[int]:
        """Interviews with sound but no finished transcript, and no transcription queued."""
        busy = {j.target_id for j in self.ctx.runner.service.list(active_only=True)
                if j.kind == "transcribe" and j.id in self.ctx.runner.active_ids()}
        return [i for i in self.ctx.services.transcription.untranscribed_ids() if i not in busy]

    def transcribe_all(self) -> list[int]:
        """Queue a transcription of every untranscribed interview (shown in the sidebar)."""
        jobs = []
        for iid in self.untranscribed_ids():
            try:
                title = self.ctx.services.interviews.get(iid).title
            except CloserError:
                continue
            jobs.append(self.ctx.runner.submit(
                "transcribe", {"interview_id": iid},
                title=self.tr("Transcribing {0}").format(title), target_id=iid))
        self.list_page.set_untranscribed(0)
        return jobs

    def _on_job_progress(self, job_id: int, _done: float, _total: float, _msg: str) -> None:
        """The first report of a transcription: its interview now says "Transcribing"."""
        if job_id in self._transcribing:
            return
        self._transcribing.add(job_id)
        try:
            info = self.ctx.runner.info(job_id)
        except CloserError:
            return
        if info.kind == "transcribe":
            self._reload_rows()
            self._update_open_row(info.target_id)

    def _update_open_row(self, interview_id: int | None) -> None:
        row = self.detail_page.row
        if row is not None and row.id == interview_id:
            with contextlib.suppress(CloserError):
                self.detail_page.update_row(self.ctx.services.interviews.get(row.id))

    def shutdown(self) -> None:
        self.player.shutdown()
        self.detail_page.transcript.shutdown()

    # --- importing --------------------------------------------------------------------------

    def import_files(self, paths: list[Path]) -> ImportDialog:
        """Open the import dialog with `paths` (more files join an already open dialog)."""
        if self.import_dialog is not None and self.import_dialog.isVisible():
            self.import_dialog.add_paths(paths)
            self.import_dialog.raise_()
            return self.import_dialog
        customer = self.list_page.filters.current_filter().customer_id
        dialog = ImportDialog(self.ctx.services.library, paths, customer_id=customer,
                              parent=self)
        dialog.accepted.connect(lambda d=dialog: self._start_import(d))
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def _start_import(self, dialog: ImportDialog) -> None:
        request = dialog.request()
        if request is None:
            return
        if request.created_customer:
            self.ctx.events.customers_changed.emit([request.customer_id])
        batch = ImportBatch(self.ctx.runner, request, self)
        batch.file_done.connect(self._on_file_done)
        batch.finished.connect(lambda outcomes, b=batch: self._on_batch_done(b, outcomes))
        self.batches.append(batch)
        batch.start()
        n = len(request.paths)
        self.list_page.banner.show_message(
            self.tr("Importing %n recording(s) for {0}… Progress is shown in the sidebar.", "",
                    n).format(request.customer_name), "busy", details=False)

    def _on_job_finished(self, job_id: int, status: str) -> None:
        """Imports resumed at start-up belong to no batch: still show what they added.
        A finished transcription changes its interview's status (list and open page)."""
        self._transcribing.discard(job_id)
        try:
            info = self.ctx.runner.info(job_id)
        except CloserError:
            return
        if info.kind == "transcribe":
            self._reload_rows()
            self._update_open_row(info.target_id)
            return
        if status != "done" or any(job_id in b.job_ids() for b in self.batches):
            return
        if info.kind == "import":
            self._reload_rows()

    def _on_file_done(self, outcome: ImportOutcome) -> None:
        if outcome.ok:
            self._reload_rows()

    def _on_batch_done(self, batch: ImportBatch, outcomes: list[ImportOutcome]) -> None:
        if batch in self.batches:
            self.batches.remove(batch)
        batch.deleteLater()
        self._last_outcomes = outcomes
        ok = sum(1 for o in outcomes if o.ok)
        failed = len(outcomes) - ok
        banner = self.list_page.banner
        if failed:
            names = ", ".join(o.path.name for o in outcomes if not o.ok)
            banner.show_message(self.tr("{0} of %n recording(s) imported. Could not import: {1}",
                                        "", len(outcomes)).format(ok, names),
                                "error", details=True)
        else:
            text = self.tr("%n recording(s) imported for {0}.", "", ok)
            banner.show_message(text.format(batch.request.customer_name), "ok", details=True)
        if ok:
            self.ctx.events.interviews_changed.emit(
                [o.interview_id for o in outcomes if o.ok and o.interview_id is not None])
        if failed:
            self.show_results()
        self.batch_finished.emit(outcomes)

    def show_results(self) -> ImportResultsDialog | None:
        """The non-blocking list of what happened to each file of the last batch."""
        if not self._last_outcomes:
            return None
        if self.results_dialog is not None:
            self.results_dialog.close()
        dialog = ImportResultsDialog(self._last_outcomes, self)
        dialog.open_interview.connect(self.open_interview)
        dialog.setModal(False)
        dialog.show()
        self.results_dialog = dialog
        return dialog

    # --- deleting ---------------------------------------------------------------------------

    def confirm_delete(self, interview_id: int) -> QMessageBox | None:
        """Ask first (non-blocking box); deleting happens when the user confirms."""
        try:
            row = self.ctx.services.interviews.get(interview_id)
        except CloserError:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete interview?"),
                          self.tr("Delete “{0}” with {1}?").format(row.title, row.customer),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Its transcript and highlights are deleted too. "
                                       "The original recording file on disk is not touched."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda b: self.delete_interview(interview_id) if b is delete else None)
        self.confirm_box = box
        box.open()
        return box

    def delete_interview(self, interview_id: int) -> None:
        """Delete without asking (after confirmation); go back to the list if it was open."""
        if self.detail_page.row is not None and self.detail_page.row.id == interview_id:
            self.player.shutdown()
            if self.is_showing_interview():
                self.pages.setCurrentWidget(self.list_page)
        try:
            self.ctx.services.interviews.delete(interview_id)
        except CloserError as exc:
            self._warn(self.tr("Could not delete"), str(exc))
            return
        self.ctx.events.interviews_changed.emit([interview_id])

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event):
            event.acceptProposedAction()
            self.overlay.setGeometry(self.rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QEvent) -> None:  # type: ignore[override]
        event.acceptProposedAction()  # type: ignore[attr-defined]

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        paths = local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)
