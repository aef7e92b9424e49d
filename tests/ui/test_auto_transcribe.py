"""The transcription queue in the real main window, with the REAL model (tiny.en):

auto-transcribe after an import (on/off, duplicates), the Transcribe button of an interview page
with its progress, and "Transcribe all untranscribed" queued in the sidebar.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.config.settings import save_settings
from desktop_app.ui.interviews.model import InterviewsModel
from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.main_window import MainWindow
from desktop_app.wiring import Services, build_services

JFK = "en/jfk.flac"  # 11 s
LIBRI = "en/librispeech_251-137823-0002.wav"  # 3.1 s
CMU = "en/cmu_goforward.wav"  # 3.2 s


@pytest.fixture()
def services(closer_home: Path) -> Services:
    svc = build_services(closer_home)
    svc.settings.whisper_model = "tiny.en"  # the fast bundled model
    save_settings(svc.settings, closer_home)
    return svc


@pytest.fixture()
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    win = create_main_window(app, services)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    assert win.ctx.runner.active_ids() == []


def interviews(win: MainWindow) -> InterviewsView:
    view = win.views["interviews"]
    assert isinstance(view, InterviewsView)
    return view


def statuses(view: InterviewsView) -> dict[str, str]:
    proxy = view.list_page.proxy
    return {proxy.index(r, InterviewsModel.TITLE).data():
            proxy.index(r, InterviewsModel.STATUS).data() for r in range(proxy.rowCount())}


def import_through_dialog(qtbot: QtBot, view: InterviewsView, paths: list[Path]) -> None:
    dialog = view.import_files(paths)
    dialog.customer_box.setCurrentText("John Carter")
    with qtbot.waitSignal(view.batch_finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert all(o.ok for o in done.args[0])


def test_an_import_is_transcribed_automatically(qtbot: QtBot, window: MainWindow,
                                                shared_media: Path) -> None:
    view = interviews(window)
    runner = window.ctx.runner
    assert window.ctx.services.settings.auto_transcribe  # the default
    queued: list[tuple[int, int]] = []
    window.auto_transcriber.queued.connect(lambda i, j: queued.append((i, j)))
    import_through_dialog(qtbot, view, [shared_media / JFK])
    qtbot.waitUntil(lambda: len(queued) == 1, timeout=5000)
    iid, job_id = queued[0]
    info = runner.info(job_id)
    assert (info.kind, info.title, info.target_id) == ("transcribe", "Transcribing jfk", iid)
    assert job_id in window.jobs_panel.rows()  # visible in the sidebar queue
    qtbot.waitUntil(lambda: runner.info(job_id).status == "done", timeout=60000)
    qtbot.waitUntil(lambda: statuses(view) == {"jfk": "Transcribed"}, timeout=5000)
    transcript = window.ctx.services.transcription.transcript(iid)
    assert transcript is not None and "country" in transcript.text.lower()
    assert not view.list_page.transcribe_all_button.isVisible()
    # importing the same file again is a duplicate: nothing more to transcribe
    import_through_dialog(qtbot, view, [shared_media / JFK])
    qtbot.wait(200)
    assert len(queued) == 1


def test_with_auto_transcribe_off_nothing_is_queued_but_transcribe_all_is_offered(
        qtbot: QtBot, window: MainWindow, shared_media: Path) -> None:
    window.ctx.services.settings.auto_transcribe = False
    view = interviews(window)
    runner = window.ctx.runner
    submitted: list[int] = []
    runner.submitted.connect(submitted.append)
    import_through_dialog(qtbot, view, [shared_media / LIBRI, shared_media / CMU])
    assert [runner.info(j).kind for j in submitted] == ["import", "import"]
    button = view.list_page.transcribe_all_button
    assert button.isVisible() and button.text() == "Transcribe 2 untranscribed"
    submitted.clear()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [runner.info(j).kind for j in submitted] == ["transcribe", "transcribe"]
    assert not button.isVisible()
    assert set(window.jobs_panel.rows()) == set(submitted)  # the queue, in the sidebar
    qtbot.waitUntil(lambda: all(runner.info(j).status == "done" for j in submitted),
                    timeout=60000)
    qtbot.waitUntil(lambda: set(statuses(view).values()) == {"Transcribed"}, timeout=5000)
    assert window.jobs_panel.rows() == {}


def test_the_transcribe_button_shows_progress_can_cancel_then_transcribes(
        qtbot: QtBot, window: MainWindow, shared_media: Path) -> None:
    """Through the child process the app uses: progress, Cancel, Transcribe again, done."""
    window.ctx.services.settings.auto_transcribe = False
    view = interviews(window)
    import_through_dialog(qtbot, view, [shared_media / JFK])
    [row] = window.ctx.services.interviews.list()
    view.open_interview(row.id)
    page = view.detail_page
    panel = page.transcript
    runner = window.ctx.runner
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "No transcript yet"
    assert panel.empty.choice_label.text() == "Model tiny.en  ·  Detect automatically"
    panel.set_choices(language="en")
    assert panel.empty.choice_label.text() == "Model tiny.en  ·  English"
    with qtbot.waitSignal(runner.progress, timeout=30000):
        qtbot.mouseClick(panel.empty.button, Qt.MouseButton.LeftButton)
    job_id = panel.job_id
    assert job_id is not None
    assert runner.info(job_id).title == "Transcribing jfk"
    assert panel.strip.isVisible() and panel.status_label.text().startswith("Transcribing…")
    assert panel.strip_button.text() == "Cancel"
    assert not panel.empty.button.isEnabled()
    with qtbot.waitSignal(panel.transcription_finished, timeout=30000) as done:
        qtbot.mouseClick(panel.strip_button, Qt.MouseButton.LeftButton)
    assert done.args == [row.id, "cancelled"], runner.info(job_id).error
    assert runner.info(job_id).status == "cancelled"
    assert window.ctx.services.interviews.get(row.id).status == "imported"
    assert panel.status_label.text().startswith("Transcription cancelled")
    assert panel.empty.button.isEnabled()
    with qtbot.waitSignal(panel.transcription_finished, timeout=60000) as done:
        qtbot.mouseClick(panel.empty.button, Qt.MouseButton.LeftButton)
    assert done.args == [row.id, "done"]
    assert panel.stack.currentWidget() is panel.editor
    assert not panel.strip.isVisible()
    assert not panel.editor.is_read_only()
    assert "country" in " ".join(s.text for s in panel.editor.model.segments()).lower()
    assert page.field_text("status") == "Transcribed"
