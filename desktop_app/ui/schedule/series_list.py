"""The "Series" tab: every planned interview series with its rhythm and next meeting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.scheduling_status import SeriesInfo
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.tokens import FAINT
from desktop_app.ui.schedule.common import hhmm, where, zone_name
from desktop_app.ui.schedule.rule import describe

ID_ROLE = Qt.ItemDataRole.UserRole


class SeriesList(QWidget):
    """Table of series; `action_requested(name, series_id)` for edit/export/end/delete."""

    action_requested = Signal(str, int)
    plan_requested = Signal()

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.series: list[SeriesInfo] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, name in (("export", self.tr("Export .ics"), ""),
                                ("edit", self.tr("Edit…"), ""),
                                ("end", self.tr("End series…"), ""),
                                ("delete", self.tr("Delete"), "DangerButton")):
            b = QPushButton(text)
            if name:
                b.setObjectName(name)
            b.clicked.connect(lambda _=False, k=key: self._act(k))
            bar.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(bar)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Customer"), self.tr("Repeats"), self.tr("Time"), self.tr("Next interview"),
            self.tr("Channel"), self.tr("Interviewers")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 200), (2, 150), (3, 160), (4, 240), (5, 140)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self._act("edit"))
        self.empty = EmptyState(
            self.tr("No interview series yet"),
            self.tr("A series is a rhythm of conversations with one customer: every two weeks, "
                    "monthly on the 2nd Tuesday, once a quarter…"), self.tr("Plan a series"))
        self.empty.action_clicked.connect(self.plan_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        lay.addWidget(self.stack, 1)
        self._update_buttons()

    def set_series(self, rows: list[tuple[SeriesInfo, datetime | None]]) -> None:
        self.series = [info for info, _ in rows]
        self.table.setRowCount(0)
        locale = QLocale()
        for info, nxt in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            title = info.customer + (f"\n{info.title}" if info.title else "")
            start_zone = zone_name(info.tz)
            minutes = self.tr("{0} min").format(info.duration_min)
            time_text = f"{hhmm(info.start_local)} ({minutes})\n{start_zone}"
            if nxt is None:
                next_text = self.tr("Ended") if info.ended_at else self.tr("No more interviews")
            else:
                local = nxt.astimezone(self.zone)
                next_text = locale.toString(local.date(), "ddd d MMM") + "  " + hhmm(local)
            cells = [title, describe(info.rrule, info.start_local.date()), time_text, next_text,
                     where(info.channel, info.location) or "—",
                     ", ".join(info.interviewers) or "—"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, info.id)
                if c == 3 and nxt is None:
                    item.setForeground(QBrush(QColor(FAINT)))
                self.table.setItem(r, c, item)
            self.table.setRowHeight(r, 52)
        self.stack.setCurrentWidget(self.table if self.series else self.empty)
        self._update_buttons()

    def current_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def select_series(self, series_id: int) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(ID_ROLE) == series_id:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        sid = self.current_id()
        info = next((s for s in self.series if s.id == sid), None)
        for key, b in self.buttons.items():
            b.setEnabled(info is not None and (key != "end" or info.ended_at is None))

    def _act(self, key: str) -> None:
        sid = self.current_id()
        if sid is not None:
            self.action_requested.emit(key, sid)
