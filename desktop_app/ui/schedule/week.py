"""The week calendar: seven day columns by 24 hours, interviews as chips at their local time.

Times are shown in the view's zone. Interviews that overlap on one day share the column side by
side. A red line marks "now" on today's column. Double-clicking an empty slot asks to plan a
series at that time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop_app.services.scheduling_status import OccurrenceRow
from desktop_app.ui.kit.tokens import (
    ACCENT,
    CARD,
    FAINT,
    HAZE_1,
    HAZE_4,
    HAZE_VIOLET,
    INK,
    MIST,
    MUTED,
    RED_500,
)
from desktop_app.ui.schedule.common import OccurrenceChip

HOUR_H = 46
GUTTER = 58
MIN_CHIP_W = 96  # narrower than this a customer's name cannot be read: chips overlap instead
HEADER_H = 46
LINE = QColor(MIST)
HALF = QColor(HAZE_4)


def _lanes(items: list[tuple[int, int, OccurrenceChip]]) -> list[tuple[OccurrenceChip, int, int]]:
    """(chip, lane, lanes) so that overlapping chips of one day sit side by side."""
    out: list[tuple[OccurrenceChip, int, int]] = []
    items = sorted(items, key=lambda x: (x[0], -x[1]))
    group: list[tuple[int, int, OccurrenceChip, int]] = []
    group_end = -1

    def flush() -> None:
        lanes = max((g[3] for g in group), default=-1) + 1
        out.extend((chip, lane, lanes) for _, _, chip, lane in group)

    for top, bottom, chip in items:
        if group and top >= group_end:
            flush()
            group, group_end = [], -1
        used = {lane for _, b, _, lane in group if b > top}
        lane = next(i for i in range(len(group) + 1) if i not in used)
        group.append((top, bottom, chip, lane))
        group_end = max(group_end, bottom)
    if group:
        flush()
    return out


class _Header(QWidget):
    """Day names and dates above the columns (today highlighted)."""

    def __init__(self, week: WeekView) -> None:
        super().__init__(week)
        self.week = week
        self.setFixedHeight(HEADER_H)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        locale = QLocale()
        width = self.week.canvas.width()
        col = (width - GUTTER) / 7
        for i in range(7):
            day = self.week.monday + timedelta(days=i)
            x = GUTTER + i * col
            today = day == self.week.today()
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat).upper()
            small = QFont(self.font())
            small.setPointSizeF(8)
            small.setBold(True)
            p.setFont(small)
            p.setPen(QColor(ACCENT) if today else QColor(MUTED))
            p.drawText(QRect(int(x), 4, int(col), 16), Qt.AlignmentFlag.AlignCenter, name)
            big = QFont(self.font())
            big.setPointSizeF(13)
            p.setFont(big)
            num = QRect(int(x + col / 2 - 14), 20, 28, 24)
            if today:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(ACCENT))
                p.drawEllipse(num)
                p.setPen(QColor(CARD))
            else:
                p.setPen(QColor(INK))
            p.drawText(num, Qt.AlignmentFlag.AlignCenter, str(day.day))
        p.setPen(QPen(LINE))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        p.end()


class _Canvas(QWidget):
    """The hour grid; chips are child widgets placed by `relayout()`."""

    def __init__(self, week: WeekView) -> None:
        super().__init__()
        self.week = week
        self.setMinimumHeight(24 * HOUR_H + 1)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(700, 24 * HOUR_H + 1)

    def column_width(self) -> float:
        return (self.width() - GUTTER) / 7

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.week.relayout()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if pos.x() < GUTTER:
            return
        day = self.week.monday + timedelta(days=int((pos.x() - GUTTER) // self.column_width()))
        minutes = int(pos.y() / HOUR_H * 60) // 30 * 30
        self.week.slot_activated.emit(datetime.combine(day, time(min(minutes // 60, 23),
                                                                  minutes % 60)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        col = self.column_width()
        p.fillRect(self.rect(), QColor(CARD))
        today = self.week.today()
        for i in range(7):
            day = self.week.monday + timedelta(days=i)
            if day.weekday() >= 5 or day == today:
                tint = QColor(HAZE_VIOLET) if day == today else QColor(HAZE_1)
                p.fillRect(QRect(int(GUTTER + i * col), 0, int(col) + 1, self.height()), tint)
        small = QFont(self.font())
        small.setPointSizeF(8)
        p.setFont(small)
        for h in range(24):
            y = h * HOUR_H
            p.setPen(QPen(LINE))
            p.drawLine(GUTTER - 6, y, self.width(), y)
            p.setPen(QPen(HALF, 1, Qt.PenStyle.DotLine))
            p.drawLine(GUTTER, y + HOUR_H // 2, self.width(), y + HOUR_H // 2)
            if h:
                p.setPen(QColor(FAINT))
                p.drawText(QRect(0, y - 8, GUTTER - 10, 16),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                           f"{h:02d}:00")
        p.setPen(QPen(LINE))
        for i in range(8):
            x = int(GUTTER + i * col)
            p.drawLine(x, 0, x, self.height())
        now = self.week.now_local()
        if self.week.monday <= now.date() < self.week.monday + timedelta(days=7):
            x = int(GUTTER + now.weekday() * col)
            y = int((now.hour * 60 + now.minute) * HOUR_H / 60)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor(RED_500), 2))
            p.drawLine(x, y, int(x + col), y)
            p.setBrush(QColor(RED_500))
            p.drawEllipse(QPoint(x, y), 4, 4)
        p.end()


class WeekView(QWidget):
    """Seven days from `monday`; `occurrence_clicked(row)`, `slot_activated(naive datetime)`."""

    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    slot_activated = Signal(object)  # naive local datetime

    def __init__(self, zone: ZoneInfo, now_local: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._now = now_local  # callable returning the aware local "now"
        self.monday = self.today() - timedelta(days=self.today().weekday())
        self.chips: list[OccurrenceChip] = []
        self.selected_key = ""
        self.canvas = _Canvas(self)
        self.header = _Header(self)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = QFrame()
        frame.setObjectName("Card")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(1, 1, 1, 1)
        inner.setSpacing(0)
        inner.addWidget(self.header)
        inner.addWidget(self.scroll, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(frame)
        self._scrolled = False

    def now_local(self) -> datetime:
        return self._now()  # type: ignore[operator,no-any-return]

    def today(self) -> date:
        return self.now_local().date()

    def set_week(self, any_day: date) -> None:
        self.monday = any_day - timedelta(days=any_day.weekday())
        self.header.update()
        self.canvas.update()

    def range_local(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.monday, time(), self.zone)
        return start, datetime.combine(self.monday + timedelta(days=7), time(), self.zone)

    def set_occurrences(self, rows: list[OccurrenceRow]) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        for row in rows:
            chip = OccurrenceChip(row, self.zone, parent=self.canvas)
            chip.clicked.connect(self.occurrence_clicked)
            chip.double_clicked.connect(self.occurrence_activated)
            chip.set_selected(row.key == self.selected_key)
            chip.show()
            self.chips.append(chip)
        self.relayout()
        if not self._scrolled:
            QTimer.singleShot(0, self.scroll_to_working_hours)

    def scroll_to_working_hours(self) -> None:
        first = min((c.row.start_utc.astimezone(self.zone).hour for c in self.chips), default=8)
        self.scroll.verticalScrollBar().setValue(max(0, (min(first, 8) - 1) * HOUR_H - 12))
        self._scrolled = True

    def select(self, key: str) -> None:
        self.selected_key = key
        for chip in self.chips:
            chip.set_selected(chip.row.key == key)

    def chip_for(self, key: str) -> OccurrenceChip | None:
        return next((c for c in self.chips if c.row.key == key), None)

    def day_column(self, day: date) -> QRect:
        """Where a day's column lies in the canvas."""
        col = self.canvas.column_width()
        i = (day - self.monday).days
        return QRect(int(GUTTER + i * col), 0, int(col), self.canvas.height())

    @staticmethod
    def y_for(moment: time) -> int:
        return int((moment.hour * 60 + moment.minute) * HOUR_H / 60)

    def relayout(self) -> None:
        col = self.canvas.column_width()
        per_day: dict[int, list[tuple[int, int, OccurrenceChip]]] = {}
        for chip in self.chips:
            start = chip.row.start_utc.astimezone(self.zone)
            end = chip.row.end_utc.astimezone(self.zone)
            index = (start.date() - self.monday).days
            if not 0 <= index < 7:
                chip.hide()
                continue
            top = self.y_for(start.time())
            last = end if end.date() == start.date() else datetime.combine(
                start.date(), time(23, 59), self.zone)
            bottom = max(top + 24, self.y_for(last.time()))
            per_day.setdefault(index, []).append((top, bottom, chip))
        for index, items in per_day.items():
            for chip, lane, lanes in _lanes(items):
                top, bottom = next((t, b) for t, b, c in items if c is chip)
                full = col - 6
                width = full / lanes
                step = width
                if width < MIN_CHIP_W and lanes > 1:  # overlap rather than shrink past reading
                    width = min(full, MIN_CHIP_W)
                    step = (full - width) / (lanes - 1)
                x = GUTTER + index * col + 3 + lane * step
                chip.setGeometry(int(x), top + 1, max(int(width) - 2, 10), bottom - top - 2)
                chip.show()
                chip.raise_()
