"""The filter bar above the interview list: text search, customer, persona and date range."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.services.interviews import InterviewFilter
from desktop_app.ui.kit.signals import signals_blocked

ANY, LAST_7, LAST_30, LAST_90, THIS_YEAR, CUSTOM = range(6)


def local_midnight_utc(d: date) -> datetime:
    """The start of a local calendar day, as an aware UTC datetime."""
    return datetime.combine(d, time()).astimezone().astimezone(UTC)


class InterviewFilterBar(QWidget):
    """Emits `changed` (debounced for typing) whenever the filter the user sees changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._emit)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and customers"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.customer_box = QComboBox()
        self.customer_box.setMinimumWidth(170)
        self.customer_box.currentIndexChanged.connect(self._emit)
        self.persona_box = QComboBox()
        self.persona_box.setMinimumWidth(150)
        self.persona_box.currentIndexChanged.connect(self._emit)
        self.date_box = QComboBox()
        self.date_box.addItems([self.tr("Any time"), self.tr("Last 7 days"),
                                self.tr("Last 30 days"), self.tr("Last 90 days"),
                                self.tr("This year"), self.tr("Custom range…")])
        self.date_box.currentIndexChanged.connect(self._on_date_mode)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addMonths(-1))
        self.to_edit = QDateEdit(today)
        self.dash = QLabel("–")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self._emit)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("ClearFilters")
        self.clear_button.setFlat(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)
        for w in (self.search, self.customer_box, self.persona_box, self.date_box,
                  self.from_edit, self.dash, self.to_edit, self.clear_button):
            lay.addWidget(w)
        lay.addStretch(1)
        self._set_custom_visible(False)
        self.clear_button.setVisible(False)

    # --- choices ----------------------------------------------------------------------------

    def set_customers(self, customers: list[tuple[int, str]]) -> None:
        self._fill(self.customer_box, self.tr("All customers"), customers)

    def set_personas(self, personas: list[tuple[int, str]]) -> None:
        self._fill(self.persona_box, self.tr("All personas"), personas)
        self.persona_box.setVisible(bool(personas))

    def _fill(self, box: QComboBox, all_text: str, items: list[tuple[int, str]]) -> None:
        keep = box.currentData()
        with signals_blocked(box):
            box.clear()
            box.addItem(all_text, None)
            for item_id, name in items:
                box.addItem(name, item_id)
            idx = box.findData(keep) if keep is not None else 0
            box.setCurrentIndex(max(0, idx))
        if keep is not None and idx < 0:
            self._emit()

    def select_customer(self, customer_id: int | None) -> None:
        idx = self.customer_box.findData(customer_id) if customer_id is not None else 0
        self.customer_box.setCurrentIndex(max(0, idx))

    def select_persona(self, persona_id: int | None) -> None:
        idx = self.persona_box.findData(persona_id) if persona_id is not None else 0
        self.persona_box.setCurrentIndex(max(0, idx))

    def set_date_range(self, start: date, end: date) -> None:
        """Filter on a custom range of local calendar days (both included)."""
        with signals_blocked(self.from_edit, self.to_edit, self.date_box):
            self.from_edit.setDate(QDate(start.year, start.month, start.day))
            self.to_edit.setDate(QDate(end.year, end.month, end.day))
            self.date_box.setCurrentIndex(CUSTOM)
        self._set_custom_visible(True)
        self._emit()

    # --- state ------------------------------------------------------------------------------

    def current_filter(self) -> InterviewFilter:
        start, end = self._date_range()
        return InterviewFilter(
            customer_id=self.customer_box.currentData(),
            persona_id=self.persona_box.currentData(),
            date_from=local_midnight_utc(start) if start else None,
            date_to=local_midnight_utc(end + timedelta(days=1)) if end else None,
            text=self.search.text().strip())

    def is_active(self) -> bool:
        f = self.current_filter()
        return any((f.customer_id is not None, f.persona_id is not None, f.date_from, f.date_to,
                    f.text))

    def clear(self) -> None:
        with signals_blocked(self.search, self.customer_box, self.persona_box, self.date_box):
            self.search.clear()
            self.customer_box.setCurrentIndex(0)
            self.persona_box.setCurrentIndex(0)
            self.date_box.setCurrentIndex(ANY)
        self._set_custom_visible(False)
        self._emit()

    def _date_range(self) -> tuple[date | None, date | None]:
        mode = self.date_box.currentIndex()
        today = date.today()
        if mode == CUSTOM:
            start = self.from_edit.date().toPython()
            end = self.to_edit.date().toPython()
            return (start, end) if start <= end else (end, start)
        if mode == THIS_YEAR:
            return date(today.year, 1, 1), None
        days = {LAST_7: 7, LAST_30: 30, LAST_90: 90}.get(mode)
        return (today - timedelta(days=days - 1), None) if days else (None, None)

    def _on_date_mode(self, mode: int) -> None:
        self._set_custom_visible(mode == CUSTOM)
        self._emit()

    def _set_custom_visible(self, visible: bool) -> None:
        for w in (self.from_edit, self.dash, self.to_edit):
            w.setVisible(visible)

    def _emit(self) -> None:
        self._debounce.stop()
        self.clear_button.setVisible(self.is_active())
        self.changed.emit()
