"""The filter bar above the interview list: text search, customer, persona and date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_app.services.interviews import InterviewFilter
from desktop_app.ui.kit.filter_bar import (
    FilterBar,
    any_time,
    fill_combo,
    last_days,
    local_midnight_utc,
)

__all__ = ["InterviewFilterBar", "local_midnight_utc"]

ANY, LAST_7, LAST_30, LAST_90, THIS_YEAR, CUSTOM = range(6)


def _this_year(today: date) -> tuple[date | None, date | None]:
    return date(today.year, 1, 1), None


class InterviewFilterBar(FilterBar):
    """Emits `changed` (debounced for typing) whenever the filter the user sees changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(months_back=1, parent=parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and customers"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _t: self.debounce())
        self.customer_box = QComboBox()
        self.customer_box.setMinimumWidth(170)
        self.customer_box.currentIndexChanged.connect(self._emit)
        self.persona_box = QComboBox()
        self.persona_box.setMinimumWidth(150)
        self.persona_box.currentIndexChanged.connect(self._emit)
        self.lay_out((self.search, self.customer_box, self.persona_box),
                     [(self.tr("Any time"), any_time),
                      (self.tr("Last 7 days"), last_days(7, open_end=True)),
                      (self.tr("Last 30 days"), last_days(30, open_end=True)),
                      (self.tr("Last 90 days"), last_days(90, open_end=True)),
                      (self.tr("This year"), _this_year),
                      (self.tr("Custom range…"), None)],
                     self.tr("Clear filters"))

    # --- choices ----------------------------------------------------------------------------

    def set_customers(self, customers: list[tuple[int, str]]) -> None:
        self._fill(self.customer_box, self.tr("All customers"), customers)

    def set_personas(self, personas: list[tuple[int, str]]) -> None:
        self._fill(self.persona_box, self.tr("All personas"), personas)
        self.persona_box.setVisible(bool(personas))

    def _fill(self, box: QComboBox, all_text: str, items: list[tuple[int, str]]) -> None:
        if fill_combo(box, all_text, [(name, item_id) for item_id, name in items]):
            self._emit()

    def select_customer(self, customer_id: int | None) -> None:
        idx = self.customer_box.findData(customer_id) if customer_id is not None else 0
        self.customer_box.setCurrentIndex(max(0, idx))

    def select_persona(self, persona_id: int | None) -> None:
        idx = self.persona_box.findData(persona_id) if persona_id is not None else 0
        self.persona_box.setCurrentIndex(max(0, idx))

    # --- state ------------------------------------------------------------------------------

    def current_filter(self) -> InterviewFilter:
        date_from, date_to = self.utc_range()
        return InterviewFilter(
            customer_id=self.customer_box.currentData(),
            persona_id=self.persona_box.currentData(),
            date_from=date_from, date_to=date_to,
            text=self.search.text().strip())

    def is_active(self) -> bool:
        f = self.current_filter()
        return any((f.customer_id is not None, f.persona_id is not None, f.date_from, f.date_to,
                    f.text))
