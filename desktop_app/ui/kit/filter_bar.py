"""The filter bar skeleton the Interviews and Insights sections share.

A row of feature-specific choices, then a date range (presets, or a custom From–To pair of
calendar days) and a "Clear filters" link shown while anything filters. `changed` fires whenever
the filter the user sees changes (typing is debounced by the feature through `debounce()`).
Labels come from the feature, translated there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from desktop_app.ui.kit.signals import signals_blocked

# today -> (first day, last day) of a preset, both inclusive; None leaves that side open.
# A preset of None is the custom range (the From–To pair).
DayRange = tuple[date | None, date | None]
Preset = Callable[[date], DayRange]


def local_midnight_utc(d: date) -> datetime:
    """The start of a local calendar day, as an aware UTC datetime."""
    return datetime.combine(d, time()).astimezone().astimezone(UTC)


def any_time(_today: date) -> DayRange:
    return None, None


def last_days(days: int, *, open_end: bool = False) -> Preset:
    """The last `days` days up to today (or from then on when `open_end`)."""
    return lambda today: (today - timedelta(days=days - 1), None if open_end else today)


def fill_combo(box: QComboBox, everyone: str, items: Sequence[tuple[str, object]]) -> bool:
    """Replace the items (label, data) after an `everyone` item, keeping the current choice when
    it still exists, without signals; True when the kept choice was gone (the box fell back)."""
    keep = box.currentData()
    with signals_blocked(box):
        box.clear()
        box.addItem(everyone, None)
        for label, data in items:
            box.addItem(label, data)
        index = box.findData(keep) if keep is not None else 0
        box.setCurrentIndex(max(0, index))
    return keep is not None and index < 0


class FilterBar(QWidget):
    """Feature choices + a date range + "Clear filters"; subclasses place their choices and
    date presets with `lay_out(...)` and say what `is_active()` means."""

    changed = Signal()

    def __init__(self, *, months_back: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterBar")
        self._presets: list[Preset | None] = []
        self._choices: Sequence[QWidget] = ()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._emit)
        self.date_box = QComboBox()
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addMonths(-months_back))
        self.to_edit = QDateEdit(today)
        self.dash = QLabel("–")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self._emit)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("ClearFilters")
        self.clear_button.setFlat(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)

    def lay_out(self, choices: Sequence[QWidget], presets: Sequence[tuple[str, Preset | None]],
                clear_text: str) -> None:
        """Place the feature's `choices` (boxes whose first item is "all", search fields), then
        the date range with its `presets` (label, preset; the first is "any time") and the
        Clear link."""
        self._choices = choices
        self._presets = [preset for _label, preset in presets]
        self.date_box.addItems([label for label, _preset in presets])
        self.date_box.currentIndexChanged.connect(self._on_date_mode)
        self.clear_button.setText(clear_text)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        for w in (*choices, self.date_box, self.from_edit, self.dash, self.to_edit,
                  self.clear_button):
            lay.addWidget(w)
        lay.addStretch(1)
        self._set_custom_visible(False)
        self.clear_button.setVisible(False)

    # --- what a feature says -----------------------------------------------------------------

    def is_active(self) -> bool:
        """Whether anything filters (shows the Clear link)."""
        raise NotImplementedError

    # --- dates -------------------------------------------------------------------------------

    def set_date_range(self, first: date, last: date) -> None:
        """Filter on a custom range of local calendar days (both included)."""
        with signals_blocked(self.from_edit, self.to_edit, self.date_box):
            self.from_edit.setDate(QDate(first.year, first.month, first.day))
            self.to_edit.setDate(QDate(last.year, last.month, last.day))
            self.date_box.setCurrentIndex(self._custom_index())
        self._set_custom_visible(True)
        self._emit()

    def day_range(self) -> DayRange:
        """The chosen first and last local day (inclusive); None for an open side."""
        index = self.date_box.currentIndex()
        if index == self._custom_index():
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            return (first, last) if first <= last else (last, first)
        preset = self._presets[max(0, index)]
        return preset(date.today()) if preset is not None else (None, None)

    def utc_range(self) -> tuple[datetime | None, datetime | None]:
        """`day_range()` as [from, to) aware UTC instants (local midnights)."""
        first, last = self.day_range()
        return (local_midnight_utc(first) if first else None,
                local_midnight_utc(last + timedelta(days=1)) if last else None)

    # --- clearing and change -----------------------------------------------------------------

    def clear(self) -> None:
        with signals_blocked(*self._choices, self.date_box):
            for w in self._choices:
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(0)
                elif isinstance(w, QLineEdit):
                    w.clear()
            self.date_box.setCurrentIndex(0)
        self._set_custom_visible(False)
        self._emit()

    def debounce(self) -> None:
        """Emit `changed` a moment after the last call (while the user types)."""
        self._debounce.start()

    def update_clear(self) -> None:
        self.clear_button.setVisible(self.is_active())

    def _custom_index(self) -> int:
        return self._presets.index(None) if None in self._presets else -2

    def _on_date_mode(self, index: int) -> None:
        self._set_custom_visible(index == self._custom_index())
        self._emit()

    def _set_custom_visible(self, visible: bool) -> None:
        for w in (self.from_edit, self.dash, self.to_edit):
            w.setVisible(visible)

    def _emit(self) -> None:
        self._debounce.stop()
        self.update_clear()
        self.changed.emit()
