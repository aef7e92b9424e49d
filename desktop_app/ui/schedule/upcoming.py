"""The "Upcoming" list: interviews still to come grouped by day, missed ones on top.

Missed interviews of the last two weeks come first under "Needs attention" (record or import
them, or skip them), then each day ahead gets a header row ("Today", "Tomorrow", "Thu 26 Nov").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.scheduling_status import OccurrenceRow
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import AMBER_700, DANGER_DARK, FAINT, INK, SURFACE
from desktop_app.ui.schedule.common import hhmm, status_colors, status_label, where

ROW_ROLE = Qt.ItemDataRole.UserRole


class UpcomingList(QWidget):
    """A table of interviews; `occurrence_clicked(row)` when one is chosen."""

    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    plan_requested = Signal()

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.rows: list[OccurrenceRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Customer"),
                                              self.tr("Persona"), self.tr("Channel"),
                                              self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 190), (2, 160), (3, 230), (4, 120)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.table.itemDoubleClicked.connect(self._on_double)
        self.empty = EmptyState(
            self.tr("Nothing planned yet"),
            self.tr("Plan a recurring interview with a customer and it shows up here, with a "
                    "reminder before it starts."), self.tr("Plan a series"))
        self.empty.action_clicked.connect(self.plan_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def _day_title(self, day: date, today: date) -> str:
        if day == today:
            return self.tr("Today")
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow")
        return QLocale().toString(day, "dddd, d MMMM")

    def _header_row(self, text: str, color: str = INK) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        item = QTableWidgetItem(text)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor(color)))
        item.setBackground(QBrush(QColor(SURFACE)))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(r, 0, item)
        self.table.setSpan(r, 0, 1, 5)
        self.table.setRowHeight(r, 34)

    def _row(self, occ: OccurrenceRow, show_date: bool) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        start = occ.start_utc.astimezone(self.zone)
        end = occ.end_utc.astimezone(self.zone)
        when = f"{hhmm(start)}–{hhmm(end)}"
        if show_date:
            when = QLocale().toString(start.date(), "ddd d MMM") + " · " + when
        channel = where(occ.channel, occ.location)
        _, accent, _ = status_colors(occ.status)
        cells = [when, occ.customer, occ.persona or "—", channel or "—",
                 "●  " + status_label(occ.status)]
        renew = ""
        if occ.renew_consent is not None:
            # the customer's consent ran out: ask again at this meeting
            renew = self.tr("Renew consent (expired {0})").format(
                QLocale().toString(occ.renew_consent.date(), QLocale.FormatType.ShortFormat))
            cells[1] = f"{occ.customer}  ·  \u27f3 {renew}"
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ROW_ROLE, len(self.rows))
            if c == 4:
                item.setForeground(QBrush(QColor(accent)))
            if c == 1 and renew:
                item.setForeground(QBrush(QColor(AMBER_700)))
                item.setToolTip(self.tr("{0}'s consent has expired: ask them to renew it at "
                                        "this meeting.").format(occ.customer))
            if c in (2, 3) and text == "—":
                item.setForeground(QBrush(QColor(FAINT)))
            self.table.setItem(r, c, item)
        self.rows.append(occ)

    def set_occurrences(self, rows: list[OccurrenceRow], now_utc: datetime) -> None:
        self.table.clearSpans()
        self.table.setRowCount(0)
        self.rows = []
        today = now_utc.astimezone(self.zone).date()
        missed = [r for r in rows if r.status == "missed"]
        ahead = [r for r in rows if r.end_utc > now_utc]
        if missed:
            self._header_row(self.tr("Needs attention: missed, nothing recorded"), DANGER_DARK)
            for occ in missed:
                self._row(occ, show_date=True)
        current: date | None = None
        for occ in ahead:
            day = occ.start_utc.astimezone(self.zone).date()
            if day != current:
                self._header_row(self._day_title(day, today))
                current = day
            self._row(occ, show_date=False)
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)

    def row_index_of(self, key: str) -> int:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 1)
            if item is not None and self.rows[int(item.data(ROW_ROLE))].key == key:
                return r
        return -1

    def select(self, key: str) -> None:
        """Highlight the row of this occurrence (no signal)."""
        row = self.row_index_of(key)
        with signals_blocked(self.table):
            if row >= 0:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()

    def _current(self) -> OccurrenceRow | None:
        items = self.table.selectedItems()
        if not items or items[0].data(ROW_ROLE) is None:
            return None
        return self.rows[int(items[0].data(ROW_ROLE))]

    def _on_select(self) -> None:
        occ = self._current()
        if occ is not None:
            self.occurrence_clicked.emit(occ)

    def _on_double(self, _item: QTableWidgetItem) -> None:
        occ = self._current()
        if occ is not None:
            self.occurrence_activated.emit(occ)
