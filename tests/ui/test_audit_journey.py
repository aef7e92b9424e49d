"""Journey: presenting a reel on the real main window is written to the audit log, and Settings
lists the log read-only (when, what, audience, about, where)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.wiring import build_services
from tests.ui.test_consent_journey import LINES, click, go
from tests.unit.privacy_lib import JFK, WAV, recorded_interview
from tests.unit.test_erasure import drain


def test_presenting_is_logged_and_settings_lists_the_log(
        qtbot: QtBot, closer_home: Path, tmp_path: Path) -> None:
    svc = build_services(closer_home)
    anna = recorded_interview(svc, "Anna Petrova", LINES, JFK)
    oleg = recorded_interview(svc, "Oleg Petrov", LINES, WAV,
                              when=datetime(2026, 2, 1, tzinfo=UTC))
    for iid in (anna, oleg):
        svc.consent.set_consent(iid, internal=True)
    reel = svc.reels.create("Staff meeting")
    svc.reels.add_item(reel.id, interview_id=anna, start=0.0, end=1.5)
    out = tmp_path / "staff.mp4"
    drain(svc.reels.render_iter(reel.id, out))
    win = create_main_window(QApplication.instance(), svc)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()

    settings = go(qtbot, win, "settings")
    table = settings.privacy.audit_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (1, 2, 3, 4)] == \
        ["Reel rendered", "Internal", "Staff meeting", str(out)]

    reels = go(qtbot, win, "reels")
    reels.fullscreen_presenter = False
    reels.list_panel.select(reel.id)
    click(qtbot, reels.composer.present_button)
    presenter = reels.presenter
    assert presenter is not None
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)

    settings = go(qtbot, win, "settings")
    table = settings.privacy.audit_table
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in (1, 2, 3, 4)] == \
        ["Reel presented", "Internal", "Staff meeting", "(on screen)"]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    [shown] = svc.audit.list(action="presentation")
    anna_id = int(svc.library.customer_by_name("Anna Petrova").id)  # type: ignore[arg-type]
    assert shown.customer_ids == (anna_id,) and shown.details["clips"] == 1
    win.close()
    assert win.ctx.runner.active_ids() == []
