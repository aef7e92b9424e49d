"""What the schedule's buttons do: dialogs, files, invitations, and importing a recording.

Kept apart from the view so the view stays layout and navigation. Every user-facing error is
shown in the view's notice strip; nothing here blocks the GUI thread for long (the recording
import runs as a job and is linked to its interview when the job finishes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Protocol, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop_app.domain.errors import CloserError
from desktop_app.domain.media import MEDIA_EXTENSIONS
from desktop_app.services.ics import parse_ics
from desktop_app.services.scheduling_status import OccurrenceRow
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.schedule.change_dialogs import EndSeriesDialog, MoveDialog
from desktop_app.ui.schedule.guide_dialog import GuideDialog
from desktop_app.ui.schedule.ics_import_dialog import IcsImportDialog
from desktop_app.ui.schedule.series_dialog import SeriesDialog


class ScheduleHost(Protocol):
    """What the actions need from the Schedule view (which owns them; no import of it here)."""

    ctx: UiContext
    zone: ZoneInfo

    def now_local(self) -> datetime: ...
    def go_to(self, day: date) -> None: ...
    def refresh(self) -> None: ...
    def notify(self, text: str, kind: str = "info") -> None: ...


def _file_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-") or "interview"


class ScheduleActions(QObject):
    """Carries out schedule actions for `view` (its notice strip shows the outcome); `view` is
    the Schedule view widget, which also parents the dialogs."""

    def __init__(self, view: ScheduleHost) -> None:
        super().__init__(cast(QWidget, view))
        self.widget = cast(QWidget, view)
        self.view = view
        self.scheduling = view.ctx.services.scheduling
        self.library = view.ctx.services.library
        self.imports: dict[int, OccurrenceRow] = {}  # job id -> the meeting it records
        self.last_url = ""
        view.ctx.runner.finished.connect(self._on_job_finished)

    # --- helpers ---------------------------------------------------------------------------

    def _try(self, do: Callable[[], object], success: str = "") -> bool:
        try:
            do()
        except CloserError as exc:
            self.view.notify(str(exc), "error")
            return False
        if success:
            self.view.notify(success, "success")
        self.view.refresh()
        return True

    def _dialog(self, dialog: QDialog, on_saved: Callable[[], None]) -> None:
        open_dialog(self.widget, dialog, on_saved)

    def _confirm(self, title: str, text: str, action: str, do: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.widget)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        confirm = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(cancel)
        box.confirm_button = confirm  # type: ignore[attr-defined]  # handy for tests
        box.buttonClicked.connect(lambda b: do() if b is confirm else None)
        open_dialog(self.widget, box, lambda: None)

    # --- series ----------------------------------------------------------------------------

    def new_series(self, *, customer_id: int | None = None, start: datetime | None = None) -> None:
        if not self.library.customers():
            self.view.notify(self.tr("Add a customer in Customers & Personas first: every "
                                     "series is planned with one customer."), "info")
            return
        dialog = SeriesDialog(self.scheduling, self.library, zone=self.view.zone,
                              customer_id=customer_id, start=start, parent=self.widget)
        self._dialog(dialog, lambda: self._planned(dialog))

    def _planned(self, dialog: SeriesDialog) -> None:
        plan = dialog.plan
        if plan is None:
            return
        text = self.tr("Series saved.")
        if plan.next:
            first = plan.next[0].start_utc.astimezone(self.view.zone)
            text = self.tr("Series saved. Next interview: {0}.").format(
                f"{first:%a %d %b %H:%M}")
            self.view.go_to(first.date())
        if plan.warnings:
            self.view.notify(text + "\n" + "\n".join(plan.warnings), "warning")
        else:
            self.view.notify(text, "success")
        self.view.refresh()

    def edit_series(self, series_id: int) -> None:
        try:
            info = self.scheduling.series(series_id)
        except CloserError as exc:
            self.view.notify(str(exc), "error")
            return
        dialog = SeriesDialog(self.scheduling, self.library, zone=self.view.zone, series=info,
                              parent=self.widget)
        self._dialog(dialog, lambda: self._planned(dialog))

    def end_series(self, series_id: int) -> None:
        info = self.scheduling.series(series_id)
        dialog = EndSeriesDialog(self.scheduling, info, self.view.now_local().date(),
                                 parent=self.widget)
        self._dialog(dialog, lambda: (self.view.notify(
            self.tr("The series with {0} has ended.").format(info.customer), "success"),
            self.view.refresh()))

    def delete_series(self, series_id: int) -> None:
        info = self.scheduling.series(series_id)
        self._confirm(self.tr("Delete series"),
                      self.tr("Delete the interview series with {0}? Recorded interviews stay "
                              "in the library.").format(info.customer), self.tr("Delete"),
                      lambda: self._try(lambda: self.scheduling.delete_series(series_id),
                                        self.tr("Series deleted.")))

    # --- one meeting -----------------------------------------------------------------------

    def skip(self, row: OccurrenceRow) -> None:
        when = f"{row.start_utc.astimezone(self.view.zone):%a %d %b %H:%M}"
        self._confirm(self.tr("Skip interview"),
                      self.tr("Skip the interview with {0} on {1}? The rest of the series "
                              "stays.").format(row.customer, when), self.tr("Skip"),
                      lambda: self._try(lambda: self.scheduling.skip_occurrence(
                          row.series_id, row.original_start_utc), self.tr("Interview skipped.")))

    def move(self, row: OccurrenceRow) -> None:
        dialog = MoveDialog(self.scheduling, row, parent=self.widget)
        self._dialog(dialog, lambda: (self.view.notify(self.tr("Interview moved."), "success"),
                                      self.view.refresh()))

    def invite(self, row: OccurrenceRow) -> None:
        try:
            url = self.scheduling.invitation_url(row.series_id, row.original_start_utc)
        except CloserError as exc:
            self.view.notify(str(exc), "error")
            return
        self.last_url = url
        if not QDesktopServices.openUrl(QUrl(url)):
            self.view.notify(self.tr("No e-mail program answered. The invitation link was "
                                     "not opened."), "warning")

    def export_occurrence(self, row: OccurrenceRow, path: Path | None = None) -> Path | None:
        name = _file_name(f"interview-{row.customer}-{row.start_utc:%Y-%m-%d}") + ".ics"
        return self._export(lambda: self.scheduling.export_occurrence_ics(
            row.series_id, row.original_start_utc), name, path)

    def export_series(self, series_id: int, path: Path | None = None) -> Path | None:
        info = self.scheduling.series(series_id)
        name = _file_name(f"interviews-{info.customer}") + ".ics"
        return self._export(lambda: self.scheduling.export_series_ics(series_id), name, path)

    def _export(self, make: Callable[[], bytes], name: str, path: Path | None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.widget, self.tr("Export calendar file"), str(Path.home() / name),
                self.tr("Calendar files (*.ics)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_bytes(make())
        except CloserError as exc:
            self.view.notify(str(exc), "error")
            return None
        except OSError as exc:
            self.view.notify(self.tr("Could not write {0}: {1}").format(path, exc.strerror),
                             "error")
            return None
        self.view.notify(self.tr("Saved {0}. Open it to add the interviews to your "
                                 "calendar.").format(path.name), "success")
        return path

    def import_ics(self, path: Path | None = None) -> IcsImportDialog | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Import calendar file"),
                                                    str(Path.home()),
                                                    self.tr("Calendar files (*.ics)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            data = path.read_bytes()
            events = parse_ics(data)
        except OSError as exc:
            self.view.notify(self.tr("Could not read {0}: {1}").format(path, exc.strerror),
                             "error")
            return None
        except CloserError as exc:
            self.view.notify(str(exc), "error")
            return None
        dialog = IcsImportDialog(self.scheduling, self.library, path, data, events,
                                 parent=self.widget)
        self._dialog(dialog, lambda: self._imported(dialog))
        return dialog

    def _imported(self, dialog: IcsImportDialog) -> None:
        result = dialog.result
        if result is None:
            return
        text = self.tr("Imported %n series.", "", len(result.series))
        lines = [text, *result.warnings]
        self.view.notify("\n".join(lines), "warning" if result.warnings else "success")
        self.view.refresh()

    # --- recordings ------------------------------------------------------------------------

    def import_recording(self, row: OccurrenceRow, path: Path | None = None) -> int | None:
        """Import a file as this meeting's interview (a job); linked when it finishes."""
        if path is None:
            kinds = " ".join(f"*{e}" for e in sorted(MEDIA_EXTENSIONS))
            chosen, _ = QFileDialog.getOpenFileName(
                self.widget, self.tr("Import the recording of this interview"), str(Path.home()),
                self.tr("Recordings ({0})").format(kinds))
            if not chosen:
                return None
            path = Path(chosen)
        link = self.view.ctx.services.settings.import_mode == "link"
        payload = {"path": str(path), "customer_id": row.customer_id,
                   "recorded_at": row.start_utc.isoformat(), "link": link}
        job_id = self.view.ctx.runner.submit("import", payload,
                                             title=self.tr("Import {0}").format(path.name))
        self.imports[job_id] = row
        self.view.notify(self.tr("Importing {0} for the interview with {1}…")
                         .format(path.name, row.customer), "info")
        return job_id

    def _on_job_finished(self, job_id: int, status: str) -> None:
        row = self.imports.pop(job_id, None)
        if row is None:
            return
        info = self.view.ctx.runner.info(job_id)
        iid = info.result.get("interview_id")
        if status != "done" or not info.result.get("ok") or not iid:
            reason = info.error or str(info.result.get("error") or status)
            self.view.notify(self.tr("The recording was not imported: {0}").format(reason),
                             "error")
            return
        if self._try(lambda: self.scheduling.attach_interview(
                row.series_id, row.original_start_utc, int(iid)),
                self.tr("Recording imported and linked to the interview with {0}.")
                .format(row.customer)):
            self.view.ctx.events.interviews_changed.emit([int(iid)])

    # --- guides ----------------------------------------------------------------------------

    def edit_guide(self, guide_id: int | None) -> None:
        guide = next((g for g in self.scheduling.guides() if g.id == guide_id), None)
        dialog = GuideDialog(self.scheduling, guide, parent=self.widget)
        self._dialog(dialog, self.view.refresh)

    def delete_guide(self, guide_id: int) -> None:
        guide = next((g for g in self.scheduling.guides() if g.id == guide_id), None)
        if guide is None:
            return
        self._confirm(self.tr("Delete guide"),
                      self.tr("Delete the guide “{0}”? Series using it keep their interviews "
                              "but lose the guide.").format(guide.name), self.tr("Delete"),
                      lambda: self._try(lambda: self.scheduling.delete_guide(guide_id)))
