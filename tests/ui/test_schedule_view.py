"""The Schedule section driven like a user would: calendar cells, the record button, the series
dialog, reminders with a fake clock, and importing a real recording for a planned interview.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func
from sqlmodel import select

from desktop_app.services.scheduling import SchedulingService, SeriesDraft
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import InterviewSeries
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.schedule.common import OccurrenceChip
from desktop_app.ui.schedule.reminders import CHECK_INTERVAL_MS, ReminderNotifier
from desktop_app.ui.schedule.series_dialog import SeriesDialog
from desktop_app.ui.schedule.view import TABS, ScheduleView
from desktop_app.ui.schedule.week import MIN_CHIP_W
from desktop_app.wiring import Services, build_services

BERLIN = "Europe/Berlin"


def u(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    return Clock(u(2026, 3, 9, 8))  # Monday 9 March, 09:00 in Berlin


@pytest.fixture()
def svc(closer_home: Path, clock: Clock) -> Services:
    services = build_services(closer_home)
    services.scheduling = SchedulingService(services.engine, clock=clock)
    return services


@pytest.fixture()
def series_id(svc: Services) -> int:
    acme = svc.library.add_customer(name="Acme Logistics", persona="Office manager",
                                    email="anna@acme.example").id or 0
    plan = svc.scheduling.add_series(SeriesDraft(
        customer_id=acme, start_local="2026-03-03 10:00", tz=BERLIN, duration_min=45,
        rrule="FREQ=WEEKLY;BYDAY=TU", interviewers=("Maria",), channel="Video call"))
    return plan.series_id or 0


@pytest.fixture()
def ctx(svc: Services) -> Iterator[UiContext]:
    runner = JobRunner(svc.jobs)
    yield UiContext(services=svc, runner=runner)
    assert runner.shutdown()


def make_view(qtbot: QtBot, ctx: UiContext, clock: Clock, zone: str = BERLIN) -> ScheduleView:
    view = ScheduleView(ctx, zone=zone, clock=clock)
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    qtbot.waitExposed(view)
    return view


def click_tab(qtbot: QtBot, view: ScheduleView, key: str) -> None:
    rect = view.tab_bar.tabRect(TABS.index(key))
    qtbot.mouseClick(view.tab_bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_tab() == key


def series_count(svc: Services) -> int:
    with session_scope(svc.engine) as s:
        return s.exec(select(func.count()).select_from(InterviewSeries)).one()


def test_week_view_puts_the_interview_in_its_day_and_hour(qtbot: QtBot, ctx: UiContext,
                                                          clock: Clock, series_id: int) -> None:
    view = make_view(qtbot, ctx, clock)
    assert view.week.monday == date(2026, 3, 9)
    (chip,) = [c for c in view.week.chips if c.isVisible()]
    assert chip.lines()[:2] == ["Acme Logistics", "10:00–10:45"]
    column = view.week.day_column(date(2026, 3, 10))
    assert column.left() <= chip.geometry().left() and chip.geometry().right() <= column.right()
    assert abs(chip.y() - view.week.y_for(time(10, 0))) <= 2
    assert abs(chip.height() - (view.week.y_for(time(10, 45)) - view.week.y_for(time(10)))) <= 3
    assert view.nav_label.text() == "9 Mar – 15 Mar 2026"
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    (nxt,) = [c for c in view.week.chips if c.isVisible()]
    assert nxt.row.start_utc == u(2026, 3, 17, 9)
    view.close()


def test_week_view_shows_local_time_of_another_zone(qtbot: QtBot, ctx: UiContext, clock: Clock,
                                                    series_id: int) -> None:
    view = make_view(qtbot, ctx, clock, zone="America/New_York")
    (chip,) = [c for c in view.week.chips if c.isVisible()]
    # 10:00 in Berlin on 10 March is 05:00 in New York (EDT since 8 March)
    assert chip.lines()[1] == "05:00–05:45"
    assert abs(chip.y() - view.week.y_for(time(5, 0))) <= 2
    assert view.zone_label.text() == "Times in New York"
    view.close()


def test_month_view_shows_interviews_in_their_day_cells(qtbot: QtBot, svc: Services,
                                                        ctx: UiContext, clock: Clock,
                                                        series_id: int) -> None:
    svc.scheduling.move(series_id, date(2026, 3, 17), "2026-03-19 14:00")
    view = make_view(qtbot, ctx, clock)
    click_tab(qtbot, view, "month")
    assert view.nav_label.text() == "March 2026"
    cell = view.month.cell(date(2026, 3, 10))
    assert cell is not None and [c.lines() for c in cell.chips] == [["10:00  Acme Logistics"]]
    assert cell.chips[0].isVisible()
    assert view.month.cell(date(2026, 3, 17)).chips == []  # type: ignore[union-attr]
    moved = view.month.cell(date(2026, 3, 19))
    assert moved is not None and moved.chips[0].row.moved
    assert {c.row.status for c in view.month.cell(date(2026, 3, 3)).chips} == {  # type: ignore
        "missed"}
    view.close()


def test_click_an_interview_then_record_emits_record_requested(qtbot: QtBot, ctx: UiContext,
                                                               clock: Clock,
                                                               series_id: int) -> None:
    view = make_view(qtbot, ctx, clock)
    (chip,) = [c for c in view.week.chips if c.isVisible()]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert view.panel.customer.text() == "Acme Logistics"
    assert view.panel.badge.text() == "Planned"
    assert "Tuesday, 10 March 2026" in view.panel.when.text()
    record = view.panel.buttons["record"]
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton)  # nobody listens: an honest notice
    assert view.notice.isVisible()
    assert "Recording inside Closer is not available" in view.notice.text()
    with qtbot.waitSignal(view.record_requested, timeout=2000) as blocker:
        qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    assert blocker.args == [series_id, "2026-03-10T09:00:00+00:00"]
    view.close()


def test_series_dialog_shows_a_bad_rule_inline_and_saves_nothing(qtbot: QtBot, svc: Services,
                                                                 series_id: int) -> None:
    before = series_count(svc)
    dialog = SeriesDialog(svc.scheduling, svc.library, zone=ZoneInfo(BERLIN))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_preset("custom")
    assert dialog.rule_edit.isVisible()
    qtbot.keyClicks(dialog.rule_edit, "FREQ=FORTNIGHTLY")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.preview_label.isVisible()
    assert "Invalid recurrence rule 'FREQ=FORTNIGHTLY'" in dialog.preview_label.text()
    assert series_count(svc) == before
    dialog.rule_edit.clear()
    qtbot.keyClicks(dialog.rule_edit, "FREQ=WEEKLY;INTERVAL=3")
    assert len(dialog.preview_label.text().splitlines()) == 5
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box  # Acme already has a series: asked first
    assert box is not None
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        next(b for b in box.buttons() if b.text() == "Plan another series").click()
    assert series_count(svc) == before + 1
    assert svc.scheduling.series(dialog.saved_id or 0).rrule == "FREQ=WEEKLY;INTERVAL=3"


def test_reminder_fires_once_at_the_lead_time_and_misses_are_told_at_next_start(
        qtbot: QtBot, svc: Services, clock: Clock, closer_home: Path, series_id: int) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1000, 700)
    host.show()
    start = u(2026, 3, 10, 9)

    def notifier() -> ReminderNotifier:
        return ReminderNotifier(svc.scheduling, home=closer_home, lead_minutes=lambda: 15,
                                host=host, clock=clock, zone=ZoneInfo(BERLIN), use_tray=False)

    first = notifier()
    clock.now = start - timedelta(minutes=16)
    first.start()
    assert first.timer.isActive() and first.timer.interval() == CHECK_INTERVAL_MS
    assert first.banner is not None and not first.banner.isVisible()
    clock.now = start - timedelta(minutes=15)
    with qtbot.waitSignal(first.reminded, timeout=1000):
        assert len(first.check()) == 1
    assert first.banner.isVisible()
    assert first.banner.title.text() == "Interview in 15 min"
    assert first.banner.text.text() == "Acme Logistics · Tue 10 Mar 10:00–10:45\nVideo call"
    first.banner.hide()
    for minutes in (14, 5, -10, 120):
        clock.now = start - timedelta(minutes=minutes)
        assert first.check() == []
    assert not first.banner.isVisible()
    first.stop()

    globex = svc.library.add_customer(name="Globex").id or 0
    svc.scheduling.add_series(SeriesDraft(customer_id=globex, start_local="2026-03-11 16:00",
                                          tz=BERLIN, duration_min=30))
    clock.now = u(2026, 3, 12, 8)  # the app was closed while Globex's interview took place
    second = notifier()
    second.start()
    assert second.banner is not None and second.banner.isVisible()
    assert second.banner.title.text() == "Missed interview"
    assert second.banner.text.text().startswith(
        "Globex · Wed 11 Mar 16:00–16:30 (nothing recorded)")
    assert "Acme" not in second.banner.text.text()  # already announced before it started
    second.stop()
    assert not second.timer.isActive()


def test_import_a_recording_for_a_planned_interview(qtbot: QtBot, svc: Services, ctx: UiContext,
                                                    clock: Clock, series_id: int,
                                                    shared_media: Path) -> None:
    view = make_view(qtbot, ctx, clock)
    (chip,) = [c for c in view.week.chips if c.isVisible()]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(ctx.runner.finished, timeout=30000):
        job = view.actions.import_recording(chip.row, shared_media / "en" / "cmu_goforward.wav")
    assert job is not None
    qtbot.waitUntil(lambda: "linked" in view.notice.text(), timeout=5000)
    assert view.notice.text() == ("Recording imported and linked to the interview with "
                                  "Acme Logistics.")
    row = svc.scheduling.occurrence(series_id, u(2026, 3, 10, 9))
    assert row.status == "recorded" and row.interview_id is not None
    assert view.panel.badge.text() == "Recorded"
    assert view.panel.buttons["open"].isVisible()
    assert svc.interviews.get(row.interview_id).recorded_at == u(2026, 3, 10, 9)
    view.close()


def test_cadence_health_lists_overdue_customers_and_persona_coverage(
        qtbot: QtBot, svc: Services, ctx: UiContext, clock: Clock, series_id: int) -> None:
    late = svc.library.add_customer(name="Late Ltd", persona="Store owner", cadence_days=7)
    from desktop_app.storage.tables import Customer

    with session_scope(svc.engine) as s:
        row = s.get(Customer, late.id)
        assert row is not None
        row.created_at = clock.now - timedelta(days=30)
        s.add(row)
    view = make_view(qtbot, ctx, clock)
    click_tab(qtbot, view, "health")
    table = view.health.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == ["Late Ltd", "every 7 days", "never",
                                                           "23 days"]
    assert [c.key for c in view.health.chart.items] == ["Office manager", "Store owner"]
    assert view.health.stat_overdue.value.text() == "1"
    view.close()


def test_card_actions_export_move_and_skip(qtbot: QtBot, svc: Services, ctx: UiContext,
                                           clock: Clock, series_id: int, tmp_path: Path) -> None:
    from icalendar import Calendar

    from desktop_app.ui.schedule.change_dialogs import MoveDialog

    view = make_view(qtbot, ctx, clock)
    (chip,) = [c for c in view.week.chips if c.isVisible()]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    saved = view.actions.export_occurrence(chip.row, tmp_path / "one.ics")
    assert saved is not None and view.notice.text().startswith("Saved one.ics")
    (event,) = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == u(2026, 3, 10, 9)

    qtbot.mouseClick(view.panel.buttons["move"], Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert isinstance(dialog, MoveDialog)
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(2))  # Thursday 12 March
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.active_dialog is None, timeout=2000)
    (moved,) = [c for c in view.week.chips if c.isVisible()]
    assert moved.row.moved and moved.row.start_utc == u(2026, 3, 12, 9)
    column = view.week.day_column(date(2026, 3, 12))
    assert column.left() <= moved.geometry().left() < column.right()
    assert view.panel.badge.text() == "Planned · moved"

    qtbot.mouseClick(view.panel.buttons["skip"], Qt.MouseButton.LeftButton)
    box = view.active_dialog
    assert box is not None and "Skip the interview with Acme Logistics" in box.text()
    qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not [c for c in view.week.chips if c.isVisible()], timeout=2000)
    assert view.notice.text() == "Interview skipped."
    assert [c.kind for c in svc.scheduling.changes(series_id)] == ["skip"]
    view.close()


def _one_off(svc: Services, name: str, start_local: str, rrule: str | None = None) -> int:
    customer = svc.library.add_customer(name=name).id or 0
    svc.scheduling.add_series(SeriesDraft(customer_id=customer, start_local=start_local,
                                          tz=BERLIN, duration_min=45, rrule=rrule))
    return customer


def test_series_list_says_the_rhythm_in_words_in_english_and_russian(
        qtbot: QtBot, svc: Services, ctx: UiContext, clock: Clock, series_id: int) -> None:
    _one_off(svc, "Globex", "2026-03-10 15:00", "FREQ=WEEKLY;INTERVAL=2")
    view = make_view(qtbot, ctx, clock, zone="Etc/UTC")
    assert view.zone_label.text() == "Times in UTC"
    click_tab(qtbot, view, "series")
    table = view.series_list.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["Globex"], 1).text() == "Every 2 weeks on Tuesday"
    assert table.item(rows["Acme Logistics"], 1).text() == "Every week on Tuesday"
    assert table.item(rows["Globex"], 2).text().splitlines()[1] == "Berlin"
    view.close()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        view = make_view(qtbot, ctx, clock)
        click_tab(qtbot, view, "series")
        table = view.series_list.table
        texts = sorted(table.item(r, 1).text() for r in range(table.rowCount()))
        assert texts == ["Каждую неделю по вторникам", "Раз в 2 недели по вторникам"]
        view.close()
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_a_second_series_for_the_same_customer_is_confirmed_first(
        qtbot: QtBot, svc: Services, series_id: int) -> None:
    acme = svc.scheduling.series(series_id).customer_id
    before = series_count(svc)
    dialog = SeriesDialog(svc.scheduling, svc.library, zone=ZoneInfo(BERLIN), customer_id=acme)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Acme Logistics already has a series: Every week on Tuesday." in \
        dialog.warning_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible() and box.windowTitle() == "Plan a second series?"
    assert box.text() == ("Acme Logistics already has an interview series: Every week on "
                          "Tuesday, at 10:00.")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and series_count(svc) == before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        next(b for b in box.buttons() if b.text() == "Plan another series").click()
    assert series_count(svc) == before + 1


def test_an_overdue_customer_who_is_booked_says_when(
        qtbot: QtBot, svc: Services, ctx: UiContext, clock: Clock) -> None:
    from desktop_app.storage.tables import Customer

    late = svc.library.add_customer(name="Late Ltd", cadence_days=7).id
    with session_scope(svc.engine) as s:
        row = s.get(Customer, late)
        assert row is not None
        row.created_at = clock.now - timedelta(days=30)
        s.add(row)
    assert svc.scheduling.overdue()[0].booked_utc is None
    svc.scheduling.add_series(SeriesDraft(customer_id=late or 0, start_local="2026-03-10 11:00",
                                          tz=BERLIN, duration_min=45, rrule=None))
    (o,) = svc.scheduling.overdue()
    assert o.booked_utc == u(2026, 3, 10, 10)
    view = make_view(qtbot, ctx, clock)
    click_tab(qtbot, view, "health")
    cell = view.health.table.item(0, 3)
    assert cell.text() == "booked for Tue 10 Mar"
    assert cell.toolTip() == ("23 days overdue; the next interview is booked for "
                              "Tuesday 10 March 11:00")
    view.close()


def test_overlapping_interviews_keep_chips_wide_enough_to_read(
        qtbot: QtBot, svc: Services, ctx: UiContext, clock: Clock) -> None:
    names = ["Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Residences",
             "Wide World Importers", "Tailspin Toys"]
    for name in names:
        _one_off(svc, name, "2026-03-10 10:00")
    view = make_view(qtbot, ctx, clock)
    chips = [c for c in view.week.chips if c.isVisible()]
    assert sorted(c.row.customer for c in chips) == sorted(names)
    column = view.week.day_column(date(2026, 3, 10))
    for chip in chips:
        assert chip.width() >= MIN_CHIP_W - 2
        assert column.left() <= chip.geometry().left() and chip.geometry().right() <= \
            column.right() + 1
    covered = chips[0]
    qtbot.mouseMove(covered, covered.rect().center())
    covered.enterEvent(QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    top = view.week.canvas.childAt(covered.geometry().center())
    assert top is covered  # the chip under the mouse comes to the front, name readable
    view.close()

    chip = OccurrenceChip(chips[0].row, ZoneInfo(BERLIN), compact=True)
    qtbot.addWidget(chip)
    chip.resize(220, 22)
    assert chip.show_clock()
    chip.resize(100, 22)  # a narrow month cell: the name keeps the room, the time goes
    assert not chip.show_clock()
    assert "10:00" in chip.toolTip()
