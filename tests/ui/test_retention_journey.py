"""Journey: Settings on the real main window: choose to delete recordings older than 12
months, preview what goes, confirm; the old recording is gone, the interview stays and says so,
and the next start runs the policy too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.config.settings import load_settings
from desktop_app.wiring import build_services
from tests.ui.test_consent_journey import click, go
from tests.unit.privacy_lib import JFK, WAV, recorded_interview
from tests.unit.test_retention import OLD, VIDEO


def test_retention_preview_confirm_and_start_up(qtbot: QtBot, closer_home: Path) -> None:
    svc = build_services(closer_home)
    old = recorded_interview(svc, "Anna Petrova", ["the courier was late"], JFK, when=OLD)
    new = recorded_interview(svc, "Oleg Petrov", ["new lockers"], WAV,
                             when=datetime.now(UTC) - timedelta(days=10))
    old_media = Path(svc.interviews.get(old).media_path)
    win = create_main_window(QApplication.instance(), svc)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.retention is None  # no policy yet: nothing ran at start-up
    settings = go(qtbot, win, "settings")
    privacy = settings.privacy
    combo = privacy.retention_combo
    combo.setCurrentIndex(combo.findData(12))
    assert load_settings(closer_home).retention_months == 12
    click(qtbot, privacy.retention_button)
    box = privacy.active_box
    assert box is not None and box.lines == [
        f"{OLD:%Y-%m-%d}  Anna Petrova  {svc.interviews.get(old).title}"]
    assert old_media.is_file()
    click(qtbot, box.confirm_button)
    assert privacy.retention_result.text() == "1 recording(s) deleted."
    assert not old_media.exists()
    assert "retention policy" in svc.interviews.get(old).media_removed
    assert Path(svc.interviews.get(new).media_path).is_file()
    win.close()

    # the next start applies the saved policy by itself
    svc2 = build_services(closer_home)
    later = recorded_interview(svc2, "Anna Petrova", ["another late courier"], VIDEO, when=OLD)
    win2 = create_main_window(QApplication.instance(), svc2)
    qtbot.addWidget(win2)
    assert [i.interview_id for i in win2.retention.goes] == [later]
    assert svc2.interviews.get(later).media_path == ""
    win2.close()
