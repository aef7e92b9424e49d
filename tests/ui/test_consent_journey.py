"""Journey: an expired consent on the real main window. The customer list shows it, the reel is
flagged, refuses to render and leaves the clip out of the presentation (naming the customer and
the date), the schedule offers a re-consent at the next meeting, and renewing it clears it all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.services.scheduling_status import SeriesDraft
from desktop_app.wiring import build_services
from tests.unit.privacy_lib import JFK, WAV, recorded_interview

LONG_AGO = datetime(2024, 3, 1, 9, tzinfo=UTC)
LINES = ["the courier was late again", "call me on my phone please"]


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def go(qtbot: QtBot, win, key: str):  # type: ignore[no-untyped-def]
    row = win.section_keys().index(key)
    rect = win.nav.visualItemRect(win.nav.item(row))
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_section() == key
    return win.views[key]


def customer_row(table, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_expired_consent_is_shown_flagged_refused_offered_and_renewed(
        qtbot: QtBot, closer_home: Path) -> None:
    svc = build_services(closer_home)
    maria = recorded_interview(svc, "Maria Lopez", LINES, JFK)
    oleg = recorded_interview(svc, "Oleg Petrov", LINES, WAV,
                              when=datetime(2026, 2, 1, tzinfo=UTC))
    svc.consent.set_consent(maria, internal=True, onboarding=True, given_at=LONG_AGO)
    svc.consent.set_consent(oleg, internal=True)
    reel = svc.reels.create("Team meeting")
    svc.reels.add_item(reel.id, interview_id=maria, start=0.0, end=1.5)
    svc.reels.add_item(reel.id, interview_id=oleg, start=0.0, end=1.5)
    cid = int(svc.library.customer_by_name("Maria Lopez").id)  # type: ignore[arg-type]
    first = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d 10:00")
    svc.scheduling.add_series(SeriesDraft(customer_id=cid, start_local=first, tz="UTC",
                                          rrule="FREQ=WEEKLY;COUNT=2"))
    win = create_main_window(QApplication.instance(), svc)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()

    people = go(qtbot, win, "customers")
    table = people.table
    r = customer_row(table, "Maria Lopez")
    assert table.horizontalHeaderItem(7).text() == "Consent"
    assert table.item(r, 7).text().startswith("\u26a0 Expired")
    assert table.item(customer_row(table, "Oleg Petrov"), 7).text() == "—"

    reels = go(qtbot, win, "reels")
    row = reels.list_panel.row_widget(reel.id)
    assert row is not None and row.consent_flag.isVisible()
    reels.list_panel.select(reel.id)
    composer = reels.composer
    assert composer.consent_banner.isVisible()
    banner = composer.consent_banner.text.text()
    assert "Maria Lopez" in banner and "consent expired on 2025-03-01" in banner
    assert not composer.render_button.isEnabled()
    reels.fullscreen_presenter = False
    click(qtbot, composer.present_button)
    shown = composer.error_banner.text.text()
    assert "1 clip left out of the presentation" in shown
    assert "Maria Lopez: consent expired on 2025-03-01" in shown
    presenter = reels.presenter  # only the clip with valid consent plays
    assert presenter is not None and [c.customer for c in presenter.clips] == ["Oleg Petrov"]
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)

    schedule = go(qtbot, win, "schedule")
    bar = schedule.tab_bar
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert schedule.current_tab() == "upcoming"
    cells = [schedule.upcoming.table.item(r, 1).text()
             for r in range(schedule.upcoming.table.rowCount())
             if schedule.upcoming.table.item(r, 1) is not None]
    offered = [c for c in cells if "Renew consent" in c]
    assert len(offered) == 1 and offered[0].startswith("Maria Lopez")  # the next meeting only

    people = go(qtbot, win, "customers")
    table = people.table
    r = customer_row(table, "Maria Lopez")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(r, 0)).center())
    assert people.renew_consent_button.isVisible()
    click(qtbot, people.renew_consent_button)
    box = people.active_dialog
    click(qtbot, box.confirm_button)
    r = customer_row(people.table, "Maria Lopez")
    assert people.table.item(r, 7).text() == "—"
    assert not people.renew_consent_button.isVisible()
    assert svc.consent.expired() == []

    reels = go(qtbot, win, "reels")
    assert not reels.list_panel.row_widget(reel.id).consent_flag.isVisible()
    reels.list_panel.select(reel.id)
    assert reels.composer.render_button.isEnabled()
    win.close()
    assert win.ctx.runner.active_ids() == []
