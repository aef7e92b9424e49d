"""Small dialogs that change a series: move one interview, end the series after a day."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from desktop_app.services.scheduling import SchedulingService
from desktop_app.services.scheduling_status import OccurrenceRow, SeriesInfo
from desktop_app.ui.kit.dialog import FormDialog, labelled


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class MoveDialog(FormDialog):
    """Move one interview to another day and time (in the series' zone)."""

    def __init__(self, scheduling: SchedulingService, row: OccurrenceRow,
                 parent: QWidget | None = None) -> None:
        zone = ZoneInfo(row.tz)
        start = row.start_utc.astimezone(zone)
        when = QLocale().toString(start.date(), "dddd d MMMM") + f", {start:%H:%M}"
        super().__init__(self.tr("Move interview"),
                         self.tr("The interview with {0} on {1}. Only this one moves; the rest "
                                 "of the series stays as it is.").format(row.customer, when),
                         save_text=self.tr("Move"), parent=parent)
        self._scheduling, self._row = scheduling, row
        self.new_start_utc: datetime | None = None
        self.date_edit = QDateEdit(_qdate(start.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.row(labelled(self.tr("New day"), self.date_edit),
                 labelled(self.tr("New time ({0})").format(row.tz), self.time_edit))

    def save(self) -> None:
        t = self.time_edit.time()
        wall = datetime.combine(_pydate(self.date_edit.date()), time(t.hour(), t.minute()))
        self.new_start_utc = self._scheduling.move_occurrence(
            self._row.series_id, self._row.original_start_utc, wall)


class EndSeriesDialog(FormDialog):
    """End a series: interviews after the chosen day disappear; the past stays."""

    def __init__(self, scheduling: SchedulingService, info: SeriesInfo, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("End series"),
                         self.tr("No more interviews with {0} after the day you choose. Past "
                                 "interviews and their recordings stay.").format(info.customer),
                         save_text=self.tr("End series"), parent=parent)
        self.save_button.setObjectName("DangerButton")
        self._scheduling, self._info = scheduling, info
        self.ended_at: datetime | None = None
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.body.addWidget(labelled(self.tr("Last day with interviews ({0})").format(info.tz),
                                     self.date_edit))

    def save(self) -> None:
        self.ended_at = self._scheduling.end_series(self._info.id,
                                                    after=_pydate(self.date_edit.date()))
