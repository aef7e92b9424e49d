"""The filter bar of the insight tabs: persona, customer, interviewer and interview dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.domain.highlights import InsightFilter
from desktop_app.ui.kit.signals import signals_blocked

ANY, LAST_30, LAST_90, LAST_365, CUSTOM = range(5)


def local_midnight_utc(d: date) -> datetime:
    """The start of a local calendar day, as an aware UTC datetime."""
    return datetime.combine(d, time()).astimezone().astimezone(UTC)


def _fill(box: QComboBox, everyone: str, items: Sequence[tuple[str, object]]) -> None:
    """Replace the items, keeping the current choice when it still exists."""
    current = box.currentData()
    with signals_blocked(box):
        box.clear()
        box.addItem(everyone, None)
        for label, data in items:
            box.addItem(label, data)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(0, index))


class InsightFilterBar(QWidget):
    """Emits `changed` whenever the filter the user sees changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.persona_box = QComboBox()
        self.customer_box = QComboBox()
        self.interviewer_box = QComboBox()
        for box, width in ((self.persona_box, 170), (self.customer_box, 170),
                           (self.interviewer_box, 160)):
            box.setMinimumWidth(width)
            box.currentIndexChanged.connect(self._emit)
        self.persona_box.setToolTip(self.tr("Persona of the highlight"))
        self.customer_box.setToolTip(self.tr("Customer interviewed"))
        self.interviewer_box.setToolTip(self.tr("Who ran the interview"))
        self.date_box = QComboBox()
        self.date_box.addItems([self.tr("Any time"), self.tr("Last 30 days"),
                                self.tr("Last 90 days"), self.tr("Last 12 months"),
                                self.tr("Custom range…")])
        self.date_box.setToolTip(self.tr("When the interview was recorded"))
        self.date_box.currentIndexChanged.connect(self._on_date_mode)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addMonths(-3))
        self.to_edit = QDateEdit(today)
        self.dash = QLabel("–")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self._emit)
        self.from_edit.setToolTip(self.tr("From (inclusive)"))
        self.to_edit.setToolTip(self.tr("To (inclusive)"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("ClearFilters")
        self.clear_button.setFlat(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)
        for w in (self.persona_box, self.customer_box, self.interviewer_box, self.date_box,
                  self.from_edit, self.dash, self.to_edit, self.clear_button):
            lay.addWidget(w)
        lay.addStretch(1)
        self._quiet = False
        self._on_date_mode(ANY)
        self.set_choices([], [], [])

    def set_choices(self, personas: Sequence[tuple[int, str]],
                    customers: Sequence[tuple[int, str]], interviewers: Sequence[str]) -> None:
        """(id, name) pairs for personas and customers; interviewer names as stored."""
        _fill(self.persona_box, self.tr("All personas"), [(n, i) for i, n in personas])
        _fill(self.customer_box, self.tr("All customers"), [(n, i) for i, n in customers])
        _fill(self.interviewer_box, self.tr("All interviewers"),
              [(n, n) for n in interviewers])
        self._update_clear()

    def set_persona(self, persona_id: int | None) -> None:
        index = self.persona_box.findData(persona_id) if persona_id is not None else 0
        self.persona_box.setCurrentIndex(max(0, index))

    def set_date_range(self, first: date, last: date) -> None:
        """Choose a custom range of days (both inclusive)."""
        self._quiet = True
        self.date_box.setCurrentIndex(CUSTOM)
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self._quiet = False
        self._emit()

    def is_filtered(self) -> bool:
        return self.insight_filter() != InsightFilter()

    def insight_filter(self) -> InsightFilter:
        date_from, date_to = self._dates()
        return InsightFilter(persona_id=self.persona_box.currentData(),
                             customer_id=self.customer_box.currentData(),
                             date_from=date_from, date_to=date_to,
                             interviewer=self.interviewer_box.currentData())

    def clear(self) -> None:
        self._quiet = True
        for box in (self.persona_box, self.customer_box, self.interviewer_box, self.date_box):
            box.setCurrentIndex(0)
        self._quiet = False
        self._emit()

    def _dates(self) -> tuple[datetime | None, datetime | None]:
        mode = self.date_box.currentIndex()
        today = date.today()
        tomorrow = local_midnight_utc(today + timedelta(days=1))
        if mode == LAST_30:
            return local_midnight_utc(today - timedelta(days=29)), tomorrow
        if mode == LAST_90:
            return local_midnight_utc(today - timedelta(days=89)), tomorrow
        if mode == LAST_365:
            return local_midnight_utc(today - timedelta(days=364)), tomorrow
        if mode == CUSTOM:
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            if last < first:
                first, last = last, first
            return local_midnight_utc(first), local_midnight_utc(last + timedelta(days=1))
        return None, None

    def _on_date_mode(self, mode: int) -> None:
        custom = mode == CUSTOM
        for w in (self.from_edit, self.dash, self.to_edit):
            w.setVisible(custom)
        self._emit()

    def _update_clear(self) -> None:
        self.clear_button.setVisible(self.is_filtered())

    def _emit(self) -> None:
        if self._quiet:
            return
        self._update_clear()
        self.changed.emit()
