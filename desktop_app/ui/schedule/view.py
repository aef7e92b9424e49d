"""Schedule: recurring customer interviews as a week/month calendar, an upcoming list, the
series, cadence health and interview guides.

Clicking an interview opens its card; "Record now" emits `record_requested(series_id,
occurrence_iso)` for the recorder (the ISO is the occurrence's original UTC start, the key
`SchedulingService.attach_interview` takes). Times are shown in the computer's zone unless the
view is given one (tests). The clock is injectable too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import SIGNAL, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.recurrence import get_zone
from desktop_app.services.scheduling_status import STATUSES, OccurrenceRow, SeriesInfo
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import LINE, PAGE_MARGINS
from desktop_app.ui.schedule.actions import ScheduleActions
from desktop_app.ui.schedule.common import (
    status_colors,
    status_label,
    system_zone,
    zone_name,
)
from desktop_app.ui.schedule.detail import OccurrencePanel
from desktop_app.ui.schedule.guides import GuidesPanel
from desktop_app.ui.schedule.health import HealthPanel
from desktop_app.ui.schedule.month import MonthView
from desktop_app.ui.schedule.notice import NoticeBar
from desktop_app.ui.schedule.series_list import SeriesList
from desktop_app.ui.schedule.upcoming import UpcomingList
from desktop_app.ui.schedule.week import WeekView

TABS = ("week", "month", "upcoming", "series", "health", "guides")
CALENDAR_TABS = ("week", "month", "upcoming")
UPCOMING_BACK = timedelta(days=14)
UPCOMING_AHEAD = timedelta(days=60)


class ScheduleView(SectionView):
    """The Schedule section."""

    record_requested = Signal(int, str)  # series id, occurrence original start (ISO, UTC)

    def __init__(self, ctx: UiContext, *, zone: str | None = None,
                 clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduling = ctx.services.scheduling
        self.zone = get_zone(zone) if zone else system_zone()
        self._clock = clock or self.scheduling.now
        self.active_dialog: QDialog | None = None
        self.selected: OccurrenceRow | None = None
        self._series_cache: dict[int, SeriesInfo] = {}
        self._build()
        self.actions = ScheduleActions(self)
        self._wire()
        ctx.events.interviews_changed.connect(self.refresh)
        ctx.events.customers_changed.connect(self.refresh)
        self.refresh()

    # --- time --------------------------------------------------------------------------------

    def now_utc(self) -> datetime:
        return self._clock()

    def now_local(self) -> datetime:
        return self.now_utc().astimezone(self.zone)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(*PAGE_MARGINS)
        root.setSpacing(0)
        head = PageHeader(self.tr("Schedule"), self.tr(
            "Regular conversations with every customer, reminders before they start, and who "
            "you have not heard from lately."), gap=4, spacing=0)
        self.import_ics_button = QPushButton(self.tr("Import .ics…"))
        self.new_button = QPushButton(self.tr("Plan interviews"))
        self.new_button.setObjectName("PrimaryButton")
        head.add_action(self.import_ics_button)
        head.add_spacing(8)
        head.add_action(self.new_button)
        root.addWidget(head)
        root.addSpacing(14)
        self.notice = NoticeBar()
        root.addWidget(self.notice)
        root.addSpacing(6)
        self.week = WeekView(self.zone, self.now_local)
        self.month = MonthView(self.zone, self.now_local)
        self.upcoming = UpcomingList(self.zone)
        self.series_list = SeriesList(self.zone)
        self.health = HealthPanel(self.zone)
        self.guides = GuidesPanel()
        self.nav_label = QLabel()
        self.nav_label.setObjectName("SectionTitle")
        self.cal_stack = QStackedWidget()
        for w in (self.week, self.month, self.upcoming):
            self.cal_stack.addWidget(w)
        self.panel = OccurrencePanel()
        calendar = QWidget()
        cl = QVBoxLayout(calendar)
        cl.setContentsMargins(0, 14, 0, 0)
        cl.setSpacing(12)
        self.nav_widget = QWidget()
        nav = self._nav_bar()
        nav.setContentsMargins(0, 0, 0, 0)
        self.nav_widget.setLayout(nav)
        cl.addWidget(self.nav_widget)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.cal_stack, 1)
        body.addWidget(self.panel)
        filled = QWidget()
        filled.setLayout(body)
        body.setContentsMargins(0, 0, 0, 0)
        self.first_run = EmptyState(
            self.tr("Plan your first customer interviews"),
            self.tr("Pick a customer and a rhythm (every two weeks, monthly on the 2nd "
                    "Tuesday, once a quarter…). Closer puts the interviews on this calendar, "
                    "reminds you before each one and tells you who you have not heard from "
                    "lately."), self.tr("Plan interviews"))
        self.body_stack = QStackedWidget()
        self.body_stack.addWidget(filled)
        self.body_stack.addWidget(self.first_run)
        cl.addWidget(self.body_stack, 1)
        self.calendar_page = calendar
        labels = {"week": self.tr("Week"), "month": self.tr("Month"),
                  "upcoming": self.tr("Upcoming"), "series": self.tr("Series"),
                  "health": self.tr("Cadence health"), "guides": self.tr("Guides")}
        self.tab_bar = QTabBar()
        self.tab_bar.setDocumentMode(True)
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDrawBase(False)
        for key in TABS:
            self.tab_bar.addTab(labels[key])
        strip = QWidget()
        strip.setObjectName("TabStrip")
        strip.setStyleSheet(f"QWidget#TabStrip {{ border-bottom: 1px solid {LINE}; }}")
        sl = QHBoxLayout(strip)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.tab_bar)
        sl.addStretch(1)
        root.addWidget(strip)
        # the three calendar tabs share one page (navigation bar + detail card)
        self.page_stack = QStackedWidget()
        for w in (calendar, self.series_list, self.health, self.guides):
            self.page_stack.addWidget(w)
        root.addWidget(self.page_stack, 1)

    def _nav_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.prev_button = QPushButton("‹")
        self.next_button = QPushButton("›")
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(36)
        self.today_button = QPushButton(self.tr("Today"))
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(10)
        bar.addWidget(self.nav_label)
        # the legend takes the room left and wraps between entries when that is not enough
        legend = QLabel("&nbsp;&nbsp; ".join(
            f'<span style="color:{status_colors(k)[1]}">●</span>&nbsp;{status_label(k)}'
            for k in STATUSES))
        legend.setObjectName("Muted")
        legend.setWordWrap(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(legend, 1)
        bar.addSpacing(18)
        self.zone_label = QLabel(self.tr("Times in {0}").format(zone_name(self.zone)))
        self.zone_label.setToolTip(self.zone.key)
        self.zone_label.setObjectName("Muted")
        bar.addWidget(self.zone_label)
        return bar

    def _wire(self) -> None:
        a = self.actions
        self.new_button.clicked.connect(lambda: a.new_series())
        self.import_ics_button.clicked.connect(lambda: a.import_ics())
        self.tab_bar.currentChanged.connect(self._on_tab)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.go_to(self.now_local().date()))
        for cal in (self.week, self.month, self.upcoming):
            cal.occurrence_clicked.connect(self.select_occurrence)
            cal.occurrence_activated.connect(lambda _r: self.request_record())
        for cal in (self.week, self.month):
            cal.slot_activated.connect(lambda when: a.new_series(start=when))
        self.upcoming.plan_requested.connect(lambda: a.new_series())
        self.first_run.action_clicked.connect(lambda: a.new_series())
        self.month.day_activated.connect(self._open_week)
        self.panel.action_requested.connect(self._panel_action)
        self.series_list.plan_requested.connect(lambda: a.new_series())
        self.series_list.action_requested.connect(self._series_action)
        self.health.plan_requested.connect(lambda cid: a.new_series(customer_id=cid))
        self.guides.action_requested.connect(
            lambda key, gid: a.delete_guide(gid) if key == "delete"
            else a.edit_guide(gid if key == "edit" else None))

    # --- navigation --------------------------------------------------------------------------

    def current_tab(self) -> str:
        return TABS[max(0, self.tab_bar.currentIndex())]

    def show_tab(self, key: str) -> None:
        self.tab_bar.setCurrentIndex(TABS.index(key))

    def _on_tab(self, index: int) -> None:
        key = TABS[index]
        if key in CALENDAR_TABS:
            self.page_stack.setCurrentWidget(self.calendar_page)
            self.cal_stack.setCurrentIndex(CALENDAR_TABS.index(key))
            for b in (self.prev_button, self.next_button, self.today_button):
                b.setVisible(key != "upcoming")
        else:
            self.page_stack.setCurrentIndex(TABS.index(key) - len(CALENDAR_TABS) + 1)
        self.refresh()

    def _step(self, direction: int) -> None:
        if self.current_tab() == "week":
            self.week.set_week(self.week.monday + timedelta(days=7 * direction))
        else:
            q = QDate(self.month.anchor.year, self.month.anchor.month, 1).addMonths(direction)
            self.month.set_month(date(q.year(), q.month(), 1))
        self.refresh()

    def go_to(self, day: date) -> None:
        """Show the week and month holding `day`."""
        self.week.set_week(day)
        self.month.set_month(day)
        if self.current_tab() in ("week", "month"):
            self.refresh()

    def _open_week(self, day: date) -> None:
        self.week.set_week(day)
        self.show_tab("week")

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what the current tab shows (cheap: one window of occurrences)."""
        try:
            self._refresh()
        except CloserError as exc:
            self.notify(str(exc), "error")

    def _refresh(self) -> None:
        key = self.current_tab()
        now = self.now_utc()
        self._series_cache = {s.id: s for s in self.scheduling.all_series()}
        if key in CALENDAR_TABS:
            self.body_stack.setCurrentIndex(0 if self._series_cache else 1)
            self.nav_widget.setVisible(bool(self._series_cache))
            rows = self._load_calendar(key, now)
            self._reselect(rows, now)
        elif key == "series":
            rows_s = []
            for info in self._series_cache.values():
                nxt = self.scheduling.next_occurrences(info.id, 1, after_utc=now)
                rows_s.append((info, nxt[0].start_utc if nxt else None))
            rows_s.sort(key=lambda r: (r[1] is None, r[1] or now, r[0].customer.casefold()))
            self.series_list.set_series(rows_s)
        elif key == "health":
            self.health.set_data(self.scheduling.overdue(now),
                                 self.scheduling.persona_coverage(now),
                                 self.scheduling.touchpoint_coverage(now))
        else:
            self.guides.set_guides(self.scheduling.guides())

    def _load_calendar(self, key: str, now: datetime) -> list[OccurrenceRow]:
        locale = QLocale()
        if key == "week":
            lo, hi = self.week.range_local()
            rows = self.scheduling.occurrences(lo, hi, now_utc=now)
            self.week.set_occurrences(rows)
            last = self.week.monday + timedelta(days=6)
            self.nav_label.setText(
                f"{locale.toString(self.week.monday, 'd MMM')} – "
                f"{locale.toString(last, 'd MMM yyyy')}")
            return rows
        if key == "month":
            lo, hi = self.month.range_local()
            rows = self.scheduling.occurrences(lo, hi, now_utc=now)
            self.month.set_occurrences(rows)
            self.nav_label.setText(locale.toString(self.month.anchor, "MMMM yyyy"))
            return rows
        rows = self.scheduling.occurrences(now - UPCOMING_BACK, now + UPCOMING_AHEAD,
                                           now_utc=now)
        rows = [r for r in rows if r.status == "missed" or r.end_utc > now]
        self.upcoming.set_occurrences(rows, now)
        self.nav_label.setText(self.tr("Next %n day(s)", "", UPCOMING_AHEAD.days))
        return rows

    def _reselect(self, rows: list[OccurrenceRow], now: datetime) -> None:
        if self.selected is None:
            self.panel.clear()
            return
        same = next((r for r in rows if r.series_id == self.selected.series_id
                     and r.original_start_utc == self.selected.original_start_utc), None)
        if same is None:
            self.selected = None
            self.panel.clear()
            return
        self.select_occurrence(same)

    def select_occurrence(self, row: OccurrenceRow) -> None:
        self.selected = row
        for cal in (self.week, self.month, self.upcoming):
            cal.select(row.key)
        self.panel.set_occurrence(row, self._series_cache.get(row.series_id), self.zone,
                                  self.now_utc())

    def notify(self, text: str, kind: str = "info") -> None:
        self.notice.show_message(text, kind)

    # --- actions -----------------------------------------------------------------------------

    def recorder_available(self) -> bool:
        """Whether "Record now" reaches a recorder (the main window connects one)."""
        return self.receivers(SIGNAL("record_requested(int,QString)")) > 0

    def request_record(self) -> None:
        row = self.selected
        if row is None:
            return
        if not self.recorder_available():
            self.notify(self.tr("Recording inside Closer is not available in this version. "
                                "Record the conversation with your usual tool, then use "
                                "“Import recording…” to attach the file to this interview."),
                        "info")
        self.record_requested.emit(row.series_id, row.original_start_utc.isoformat())

    def _panel_action(self, key: str) -> None:
        row, a = self.selected, self.actions
        if row is None:
            return
        if key == "record":
            self.request_record()
        elif key == "import":
            a.import_recording(row)
        elif key == "open" and row.interview_id is not None:
            self.ctx.events.open_interview.emit(row.interview_id)
        elif key == "invite":
            a.invite(row)
        elif key == "export":
            a.export_occurrence(row)
        elif key == "move":
            a.move(row)
        elif key == "skip":
            a.skip(row)
        elif key == "edit":
            a.edit_series(row.series_id)
        elif key == "end":
            a.end_series(row.series_id)

    def _series_action(self, key: str, series_id: int) -> None:
        a = self.actions
        {"edit": a.edit_series, "end": a.end_series, "delete": a.delete_series,
         "export": a.export_series}[key](series_id)

    def shutdown(self) -> None:
        if self.active_dialog is not None:
            self.active_dialog.close()
