"""The filter bar of the insight tabs: persona, customer, interviewer and interview dates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.domain.highlights import InsightFilter
from desktop_app.ui.kit.filter_bar import (
    FilterBar,
    any_time,
    fill_combo,
    last_days,
    local_midnight_utc,
)

__all__ = ["InsightFilterBar", "local_midnight_utc"]

ANY, LAST_30, LAST_90, LAST_365, CUSTOM = range(5)


class InsightFilterBar(FilterBar):
    """Emits `changed` whenever the filter the user sees changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(months_back=3, parent=parent)
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
        self.date_box.setToolTip(self.tr("When the interview was recorded"))
        self.from_edit.setToolTip(self.tr("From (inclusive)"))
        self.to_edit.setToolTip(self.tr("To (inclusive)"))
        self.lay_out((self.persona_box, self.customer_box, self.interviewer_box),
                     [(self.tr("Any time"), any_time),
                      (self.tr("Last 30 days"), last_days(30)),
                      (self.tr("Last 90 days"), last_days(90)),
                      (self.tr("Last 12 months"), last_days(365)),
                      (self.tr("Custom range…"), None)],
                     self.tr("Clear filters"))
        self.set_choices([], [], [])

    def set_choices(self, personas: Sequence[tuple[int, str]],
                    customers: Sequence[tuple[int, str]], interviewers: Sequence[str]) -> None:
        """(id, name) pairs for personas and customers; interviewer names as stored."""
        fill_combo(self.persona_box, self.tr("All personas"), [(n, i) for i, n in personas])
        fill_combo(self.customer_box, self.tr("All customers"), [(n, i) for i, n in customers])
        fill_combo(self.interviewer_box, self.tr("All interviewers"),
                   [(n, n) for n in interviewers])
        self.update_clear()

    def set_persona(self, persona_id: int | None) -> None:
        index = self.persona_box.findData(persona_id) if persona_id is not None else 0
        self.persona_box.setCurrentIndex(max(0, index))

    def is_filtered(self) -> bool:
        return self.insight_filter() != InsightFilter()

    def is_active(self) -> bool:
        return self.is_filtered()

    def insight_filter(self) -> InsightFilter:
        date_from, date_to = self.utc_range()
        return InsightFilter(persona_id=self.persona_box.currentData(),
                             customer_id=self.customer_box.currentData(),
                             date_from=date_from, date_to=date_to,
                             interviewer=self.interviewer_box.currentData())
