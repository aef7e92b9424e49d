"""The month calendar: six weeks of day cells, each with its interviews as compact chips.

A cell shows up to three interviews and a "+N more" link that opens that week. Days outside
the month are dimmed; today's number sits in an accent circle.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.scheduling_status import OccurrenceRow
from desktop_app.ui.kit.tokens import ACCENT, CARD, HAZE_2, INK, MIST, MUTED, SILVER
from desktop_app.ui.schedule.common import OccurrenceChip

MAX_CHIPS = 3


class DayCell(QFrame):
    """One day of the month grid."""

    more_clicked = Signal(object)  # date
    double_clicked = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DayCell")
        self.day = date.today()
        self.chips: list[OccurrenceChip] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 5, 6, 5)
        lay.setSpacing(3)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.number = QLabel()
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setFixedSize(24, 24)
        top.addWidget(self.number)
        top.addStretch(1)
        lay.addLayout(top)
        self.chip_box = QVBoxLayout()
        self.chip_box.setSpacing(3)
        self.chip_box.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.chip_box)
        self.more = QPushButton()
        self.more.setObjectName("LinkButton")
        self.more.setStyleSheet(f"QPushButton#LinkButton {{ color: {ACCENT}; font-size: 8.5pt; "
                                "text-align: left; padding: 0 2px; }")
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(lambda: self.more_clicked.emit(self.day))
        lay.addWidget(self.more)
        lay.addStretch(1)

    def set_day(self, day: date, *, in_month: bool, today: bool) -> None:
        self.day = day
        self.number.setText(str(day.day))
        if today:
            style = (f"background: {ACCENT}; color: {CARD}; border-radius: 12px; "
                     "font-weight: bold;")
        else:
            style = f"color: {INK if in_month else SILVER};"
        self.number.setStyleSheet(style)
        bg = CARD if in_month else HAZE_2
        self.setStyleSheet(f"QFrame#DayCell {{ background: {bg}; border: none; "
                           f"border-right: 1px solid {MIST}; border-bottom: 1px solid {MIST}; }}")

    def set_chips(self, chips: list[OccurrenceChip]) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = chips
        for chip in chips[:MAX_CHIPS]:
            self.chip_box.addWidget(chip)
            chip.show()  # the cell may already be on screen
        for chip in chips[MAX_CHIPS:]:
            chip.hide()
        extra = len(chips) - MAX_CHIPS
        self.more.setText(self.tr("+{0} more").format(extra) if extra > 0 else "")
        self.more.setVisible(extra > 0)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit(self.day)
        event.accept()


class MonthView(QWidget):
    """The month holding `anchor`, Monday-first, always six rows."""

    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    day_activated = Signal(object)  # date: open that week
    slot_activated = Signal(object)  # naive local datetime (double-click a day)

    def __init__(self, zone: ZoneInfo, now_local: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._now = now_local
        self.anchor = self.today().replace(day=1)
        self.selected_key = ""
        frame = QFrame()
        frame.setObjectName("Card")
        grid = QGridLayout(frame)
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        locale = QLocale()
        for i in range(7):
            name = QLabel(locale.dayName(i + 1, QLocale.FormatType.ShortFormat).upper())
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setFixedHeight(30)
            name.setStyleSheet(f"color: {MUTED}; font-size: 8pt; font-weight: bold; "
                               f"border-bottom: 1px solid {MIST};")
            grid.addWidget(name, 0, i)
        self.cells: list[DayCell] = []
        for r in range(6):
            grid.setRowStretch(r + 1, 1)
            for c in range(7):
                cell = DayCell()
                cell.more_clicked.connect(self.day_activated)
                cell.double_clicked.connect(
                    lambda d: self.slot_activated.emit(datetime.combine(d, time(10, 0))))
                grid.addWidget(cell, r + 1, c)
                self.cells.append(cell)
        for c in range(7):
            grid.setColumnStretch(c, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(frame)
        self.set_month(self.anchor)

    def today(self) -> date:
        return self._now().date()  # type: ignore[operator,no-any-return]

    def first_day(self) -> date:
        return self.anchor - timedelta(days=self.anchor.weekday())

    def set_month(self, any_day: date) -> None:
        self.anchor = any_day.replace(day=1)
        first, today = self.first_day(), self.today()
        for i, cell in enumerate(self.cells):
            day = first + timedelta(days=i)
            cell.set_day(day, in_month=day.month == self.anchor.month, today=day == today)
            cell.set_chips([])

    def range_local(self) -> tuple[datetime, datetime]:
        first = self.first_day()
        return (datetime.combine(first, time(), self.zone),
                datetime.combine(first + timedelta(days=42), time(), self.zone))

    def cell(self, day: date) -> DayCell | None:
        return next((c for c in self.cells if c.day == day), None)

    def chips(self) -> list[OccurrenceChip]:
        return [chip for cell in self.cells for chip in cell.chips]

    def set_occurrences(self, rows: list[OccurrenceRow]) -> None:
        by_day: dict[date, list[OccurrenceChip]] = {}
        for row in rows:
            day = row.start_utc.astimezone(self.zone).date()
            chip = OccurrenceChip(row, self.zone, compact=True)
            chip.setFixedHeight(22)
            chip.clicked.connect(self.occurrence_clicked)
            chip.double_clicked.connect(self.occurrence_activated)
            chip.set_selected(row.key == self.selected_key)
            by_day.setdefault(day, []).append(chip)
        for cell in self.cells:
            cell.set_chips(by_day.get(cell.day, []))

    def select(self, key: str) -> None:
        self.selected_key = key
        for chip in self.chips():
            chip.set_selected(chip.row.key == key)
