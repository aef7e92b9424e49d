"""Plan or edit an interview series: customer, first meeting, zone, rhythm, channel, guide.

The preview at the bottom is recomputed on every change by the same service check that saving
uses, so a bad rule or a start inside a DST gap is shown before Save, and overlapping
interviews of the same interviewer are listed as warnings. Save writes nothing unless the
whole series is valid.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.services.library import LibraryService
from desktop_app.services.scheduling import SchedulingService
from desktop_app.services.scheduling_status import SeriesDraft, SeriesInfo, SeriesPlan
from desktop_app.ui.kit.channels import CHANNELS, channel_label, stored_channel
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import AMBER_700, DANGER, INK_SOFT, LINE, SURFACE
from desktop_app.ui.schedule.rule import PRESETS, compose, describe, preset_label, split_rule

NO_GUIDE = 0


class SeriesDialog(FormDialog):
    """On Save the series is added (or updated); `saved_id` and `plan` hold the result."""

    def __init__(self, scheduling: SchedulingService, library: LibraryService, *,
                 zone: ZoneInfo, series: SeriesInfo | None = None,
                 customer_id: int | None = None, start: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        editing = series is not None
        super().__init__(
            self.tr("Edit interview series") if editing else self.tr("Plan interviews"),
            self.tr("A regular conversation with one customer. Times are kept in the zone you "
                    "choose, so a 10:00 meeting stays at 10:00 when clocks change."),
            save_text=self.tr("Save changes") if editing else self.tr("Plan series"),
            parent=parent)
        self.setMinimumWidth(680)
        layout = self.layout()
        if layout is not None:  # grow and shrink with the rows shown (custom rule, ends)
            layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self._scheduling, self._library, self._series = scheduling, library, series
        self.saved_id: int | None = series.id if series else None
        self.plan: SeriesPlan | None = None
        self.preview_error = ""
        self.confirm_box: QMessageBox | None = None
        self._second_confirmed = False
        self._build()
        self._load(series, customer_id, start, zone)
        self._connect()
        self.update_preview()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.customer_combo = QComboBox()
        for c in self._library.customers():
            self.customer_combo.addItem(c.name, c.id)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Optional, e.g. Quarterly check-in"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 480)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))
        completer = QCompleter(self.zone_combo.model(), self.zone_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone_combo.setCompleter(completer)
        self.repeat_combo = QComboBox()
        self.ends_combo = QComboBox()
        self.ends_combo.addItem(self.tr("Never"), "never")
        self.ends_combo.addItem(self.tr("On a date"), "until")
        self.ends_combo.addItem(self.tr("After a number of interviews"), "count")
        self.until_edit = QDateEdit()
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("d MMM yyyy")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 500)
        self.count_spin.setValue(6)
        self.count_spin.setSuffix(self.tr(" interviews"))
        self.ends_stack = QStackedWidget()
        for w in (QWidget(), self.until_edit, self.count_spin):
            self.ends_stack.addWidget(w)
        self.rule_edit = QLineEdit()
        self.rule_edit.setPlaceholderText("FREQ=MONTHLY;BYDAY=2TU")
        self.channel_combo = QComboBox()
        self.channel_combo.setEditable(True)
        self.channel_combo.addItems([channel_label(c) for c in CHANNELS])
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Video call link or address"))
        self.interviewers_edit = QLineEdit()
        self.interviewers_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.guide_combo = QComboBox()
        self.guide_combo.addItem(self.tr("No guide"), NO_GUIDE)
        for g in self._scheduling.guides():
            self.guide_combo.addItem(g.name, g.id)

        for combo in (self.customer_combo, self.zone_combo, self.repeat_combo, self.ends_combo,
                      self.channel_combo, self.guide_combo):
            # equal columns: a long entry must not widen its half of the row
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.row(labelled(self.tr("Customer"), self.customer_combo),
                 labelled(self.tr("Title"), self.title_edit))
        self.row(labelled(self.tr("First interview"), self.date_edit),
                 labelled(self.tr("Time"), self.time_edit),
                 labelled(self.tr("Duration"), self.duration_spin))
        self.row(labelled(self.tr("Time zone"), self.zone_combo),
                 labelled(self.tr("Repeats"), self.repeat_combo))
        self.custom_box = labelled(self.tr("Recurrence rule (RFC 5545 RRULE)"), self.rule_edit,
                                   self.tr("For example FREQ=WEEKLY;INTERVAL=3 or "
                                           "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6"))
        self.body.addWidget(self.custom_box)
        self.ends_box = QWidget()
        ends_lay = QHBoxLayout(self.ends_box)
        ends_lay.setContentsMargins(0, 0, 0, 0)
        ends_lay.setSpacing(16)
        ends_lay.addWidget(labelled(self.tr("Ends"), self.ends_combo), 1)
        ends_lay.addWidget(labelled(" ", self.ends_stack), 1)
        self.body.addWidget(self.ends_box)
        self.row(labelled(self.tr("Channel"), self.channel_combo),
                 labelled(self.tr("Link or address"), self.location_edit))
        self.row(labelled(self.tr("Interviewers"), self.interviewers_edit),
                 labelled(self.tr("Interview guide"), self.guide_combo))
        self.preview_card = QFrame()
        self.preview_card.setStyleSheet(f"QFrame#PreviewCard {{ background: {SURFACE}; "
                                        f"border: 1px solid {LINE}; border-radius: 8px; }}")
        self.preview_card.setObjectName("PreviewCard")
        pl = QVBoxLayout(self.preview_card)
        pl.setContentsMargins(14, 10, 14, 12)
        pl.setSpacing(4)
        head = QLabel(self.tr("Next interviews"))
        head.setStyleSheet(f"font-weight: bold; color: {INK_SOFT};")
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumWidth(560)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {AMBER_700};")
        pl.addWidget(head)
        pl.addWidget(self.preview_label)
        pl.addWidget(self.warning_label)
        self.body.addWidget(self.preview_card)

    def _load(self, series: SeriesInfo | None, customer_id: int | None,
              start: datetime | None, zone: ZoneInfo) -> None:
        if series is not None:
            customer_id = series.customer_id
            start = series.start_local
            zone_name = series.tz
        else:
            zone_name = zone.key
            if start is None:
                tomorrow = datetime.now(zone).date() + timedelta(days=1)
                start = datetime.combine(tomorrow, time(10, 0))
        index = self.customer_combo.findData(customer_id) if customer_id else 0
        self.customer_combo.setCurrentIndex(max(0, index))
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.time_edit.setTime(QTime(start.hour, start.minute))
        self.zone_combo.setCurrentText(zone_name)
        self.until_edit.setDate(QDate(start.year, start.month, start.day).addMonths(6))
        self._fill_presets()
        if series is None:
            self.duration_spin.setValue(45)
            self.repeat_combo.setCurrentIndex(self.repeat_combo.findData("biweekly"))
            self._default_guide()
            return
        self.title_edit.setText(series.title)
        self.duration_spin.setValue(series.duration_min)
        preset, ends, until, count = split_rule(series.rrule, start.date())
        self.repeat_combo.setCurrentIndex(self.repeat_combo.findData(preset))
        if preset == "custom":
            self.rule_edit.setText(series.rrule or "")
        self.ends_combo.setCurrentIndex(self.ends_combo.findData(ends))
        if until is not None:
            self.until_edit.setDate(QDate(until.year, until.month, until.day))
        if count:
            self.count_spin.setValue(count)
        self.channel_combo.setCurrentText(channel_label(series.channel))
        self.location_edit.setText(series.location)
        self.interviewers_edit.setText(", ".join(series.interviewers))
        self.guide_combo.setCurrentIndex(max(0, self.guide_combo.findData(series.guide_id or 0)))

    def _connect(self) -> None:
        for signal in (self.customer_combo.currentIndexChanged, self.date_edit.dateChanged,
                       self.time_edit.timeChanged, self.duration_spin.valueChanged,
                       self.zone_combo.currentTextChanged, self.repeat_combo.currentIndexChanged,
                       self.ends_combo.currentIndexChanged, self.until_edit.dateChanged,
                       self.count_spin.valueChanged, self.rule_edit.textChanged,
                       self.interviewers_edit.textChanged):
            signal.connect(self.update_preview)
        self.date_edit.dateChanged.connect(self._fill_presets)
        self.customer_combo.currentIndexChanged.connect(self._default_guide)
        self.customer_combo.currentIndexChanged.connect(
            lambda _i: setattr(self, "_second_confirmed", False))

    def _fill_presets(self) -> None:
        keep = self.repeat_combo.currentData()
        day = self.start_date()
        with signals_blocked(self.repeat_combo):
            self.repeat_combo.clear()
            for preset in PRESETS:
                self.repeat_combo.addItem(preset_label(preset, day), preset)
            self.repeat_combo.setCurrentIndex(max(0, self.repeat_combo.findData(keep or "none")))

    def _default_guide(self) -> None:
        if self._series is not None or self.customer_combo.currentData() is None:
            return
        customer = self._library.customer(int(self.customer_combo.currentData()))
        lang = customer.language if customer.language in ("en", "ru") \
            else QLocale().name()[:2]  # a customer of unknown language: the UI's
        wanted = "checkin-ru" if lang == "ru" else "checkin-en"
        for g in self._scheduling.guides():
            if g.builtin_key == wanted:
                self.guide_combo.setCurrentIndex(max(0, self.guide_combo.findData(g.id)))

    # --- values ------------------------------------------------------------------------------

    def start_date(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def select_preset(self, preset: str) -> None:
        self.repeat_combo.setCurrentIndex(self.repeat_combo.findData(preset))

    def rule(self) -> str | None:
        u = self.until_edit.date()
        return compose(str(self.repeat_combo.currentData()), self.start_date(),
                       ends=str(self.ends_combo.currentData()),
                       until=date(u.year(), u.month(), u.day()),
                       count=self.count_spin.value(), custom=self.rule_edit.text())

    def draft(self) -> SeriesDraft:
        if self.customer_combo.currentData() is None:
            raise ValidationError(self.tr("Add a customer first: a series belongs to one "
                                          "customer."))
        t = self.time_edit.time()
        start = datetime.combine(self.start_date(), time(t.hour(), t.minute()))
        guide = int(self.guide_combo.currentData() or NO_GUIDE)
        return SeriesDraft(
            customer_id=int(self.customer_combo.currentData()), start_local=start,
            tz=self.zone_combo.currentText().strip(), duration_min=self.duration_spin.value(),
            rrule=self.rule(), interviewers=self.interviewers_edit.text(),
            channel=stored_channel(self.channel_combo.currentText()),
            location=self.location_edit.text(),
            guide_id=guide or None, title=self.title_edit.text())

    def update_preview(self) -> None:
        preset = self.repeat_combo.currentData()
        self.custom_box.setVisible(preset == "custom")
        self.ends_box.setVisible(preset not in ("none", "custom"))
        self.ends_stack.setCurrentIndex(max(0, self.ends_combo.currentIndex()))
        try:
            plan = self._scheduling.preview(self.draft(), series_id=self.saved_id)
        except CloserError as exc:
            self.preview_error = str(exc)
            self.preview_label.setText(self.preview_error)
            self.preview_label.setObjectName("ErrorText")
            self.preview_label.setStyleSheet(f"color: {DANGER};")
            self.warning_label.hide()
            return
        self.preview_error = ""
        self.preview_label.setStyleSheet(f"color: {INK_SOFT};")
        lines = [f"{o.start_local:%a %d %b %Y · %H:%M}" for o in plan.next]
        self.preview_label.setText("\n".join(lines) or self.tr("No interviews after today."))
        warnings = list(plan.warnings)
        if self._series is None:
            warnings += [self.tr("{0} already has a series: {1}.").format(
                i.customer, describe(i.rrule, i.start_local.date()))
                for i in self.existing_series()]
        self.warning_label.setText("\n".join("⚠ " + w for w in warnings))
        self.warning_label.setVisible(bool(warnings))

    def show_error(self, message: str) -> None:
        """A save error the preview already shows is not repeated below it."""
        super().show_error("" if message and message == self.preview_error else message)

    def existing_series(self) -> list[SeriesInfo]:
        """The chosen customer's other series that still have meetings ahead."""
        cid = self.customer_combo.currentData()
        if cid is None:
            return []
        return [i for i in self._scheduling.all_series(customer_id=int(cid))
                if i.id != self.saved_id and self._scheduling.is_active(i)]

    def try_save(self) -> bool:
        """A second series for a customer who has one is planned only once the user agrees."""
        existing = self.existing_series() if self._series is None else []
        if existing and not self._second_confirmed:
            self._ask_second(existing)
            return False
        return super().try_save()

    def _ask_second(self, existing: list[SeriesInfo]) -> QMessageBox:
        first = existing[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Plan a second series?"),
                          self.tr("{0} already has an interview series: {1}, at {2}.").format(
                              first.customer, describe(first.rrule, first.start_local.date()),
                              f"{first.start_local:%H:%M}"),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Two series mean two sets of meetings with the same "
                                       "customer. To change the rhythm, edit the existing "
                                       "series instead."))
        another = box.addButton(self.tr("Plan another series"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: object) -> None:
            self.confirm_box = None
            if button is another:
                self._second_confirmed = True
                self.try_save()

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def save(self) -> None:
        draft = self.draft()
        if self._series is None:
            self.plan = self._scheduling.add_series(draft)
        else:
            self.plan = self._scheduling.update_series(self._series.id, draft)
        self.saved_id = self.plan.series_id
