"""Journey: "Forget…" a customer on the real main window, with a typed confirmation; afterwards
no library file holds their name or their words, the other customer is intact, and the exports
the app cannot reach are listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.wiring import build_services
from tests.ui.test_consent_journey import click, customer_row, go
from tests.unit.test_erasure import NAME, drain, make_library, traces


def test_forget_customer_with_typed_confirmation_leaves_no_trace(
        qtbot: QtBot, closer_home: Path, tmp_path: Path) -> None:
    svc = build_services(closer_home)
    lib = make_library(svc, tmp_path)
    assert traces(closer_home)
    win = create_main_window(QApplication.instance(), svc)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    people = go(qtbot, win, "customers")
    table = people.table
    r = customer_row(table, NAME)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(r, 0)).center())
    click(qtbot, people.forget_button)
    dialog = people.active_dialog
    assert dialog is not None and "1 interview(s)" in dialog.summary.text()
    assert str(lib["outside"]) in dialog.outside.toPlainText()
    qtbot.keyClicks(dialog.name_edit, "Marisol")
    assert not dialog.forget_button.isEnabled()
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, NAME.lower())
    assert dialog.forget_button.isEnabled()
    click(qtbot, dialog.forget_button)
    qtbot.waitUntil(lambda: people.active_dialog is None, timeout=5000)

    assert [people.table.item(i, 0).text() for i in range(people.table.rowCount())] == \
        ["Oleg Petrov"]
    assert people.error_label.isVisible()
    assert str(lib["outside"]) in people.error_label.text()
    assert traces(closer_home) == {}
    assert [iv.customer for iv in svc.interviews.list()] == ["Oleg Petrov"]
    assert drain(svc.reels.render_iter(lib["reel"], tmp_path / "after.mp4"))["clips"]
    win.close()
    assert win.ctx.runner.active_ids() == []
