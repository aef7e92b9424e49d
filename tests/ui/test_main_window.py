"""The main window: sidebar sections, navigation, language switch and clean shutdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.wiring import build_services

EXPECTED = ["Schedule", "Interviews", "Insights", "Reels", "Customers & Personas",
            "Touchpoints", "Settings"]


def _window(qtbot: QtBot, home: Path):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    win = create_main_window(app, build_services(home))
    qtbot.addWidget(win)
    win.show()
    return win


def test_sidebar_lists_every_section_and_navigates(qtbot: QtBot, closer_home: Path) -> None:
    win = _window(qtbot, closer_home)
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert titles == EXPECTED
    assert win.current_section() == "interviews"
    for row, key in enumerate(win.section_keys()):
        rect = win.nav.visualItemRect(win.nav.item(row))
        qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert win.current_section() == key
        assert win.pages.currentWidget() is win.views[key]
        assert win.pages.currentWidget().isVisible()
    win.close()
    assert win.ctx.runner.active_ids() == []


def test_switching_to_russian_retranslates_the_window(qtbot: QtBot, closer_home: Path) -> None:
    win = _window(qtbot, closer_home)
    win.ctx.events.language_changed.emit("ru")
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert titles[1] == "Интервью"
    assert "Настройки" in titles
    tagline = win.centralWidget().findChild(QLabel, "AppTagline")
    assert tagline is not None and tagline.text() != "Hear your customers"
    win.ctx.events.language_changed.emit("en")
    assert win.nav.item(1).text() == "Interviews"
    win.close()
