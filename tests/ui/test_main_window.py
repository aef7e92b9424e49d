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


def test_make_a_reel_from_a_heatmap_cell_opens_it_in_reels(qtbot: QtBot, closer_home: Path,
                                                           shared_media: Path) -> None:
    from datetime import UTC, datetime

    from desktop_app.storage.db import session_scope
    from desktop_app.storage.tables import Interview, TranscriptSegment, TranscriptWord

    win = _window(qtbot, closer_home)
    services = win.ctx.services
    customer = services.library.add_customer(name="Emma Clarke", persona="Busy parent")
    imported = services.importer.import_many([shared_media / "en" / "jfk.flac"],
                                              customer_id=customer.id,
                                              recorded_at=datetime.now(UTC))
    with session_scope(services.engine) as s:
        iv = s.get(Interview, imported[0].interview_id)
        seg = TranscriptSegment(interview_id=iv.id, start=0.0, end=2.0,
                                text="They transferred me again")
        s.add(seg)
        s.flush()
        for i, (a, b, w) in enumerate([(0.0, 0.4, " They"), (0.5, 1.2, " transferred"),
                                       (1.3, 1.5, " me"), (1.6, 2.0, " again")]):
            s.add(TranscriptWord(segment_id=seg.id, idx=i, start=a, end=b, word=w))
        interview_id = iv.id
    h = services.tagging.create(interview_id, start=0.0, end=2.0, touchpoints=["Support"],
                                zones=["between_departments"], severity=4)
    before = len(services.reels.list())
    win.views["insights"].make_reel_requested.emit([h.id])
    assert win.current_section() == "reels"
    reels = services.reels.list()
    assert len(reels) == before + 1
    assert services.reels.get(reels[-1].id).items[0].highlight_id == h.id
    win.close()
