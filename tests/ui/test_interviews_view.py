"""The Interviews section on a real library: import (dialog, drag-and-drop), failures, filters,
the player and deleting, driven like a user would with real media files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QMimeData, QPointF, Qt, QTime, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.interviews.model import InterviewsModel
from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.wiring import Services

JFK = "en/jfk.flac"  # 11.0 s
RU = "ru/pisets_test_sound_ru.wav"  # 3.2 s
LIBRI = "en/librispeech_251-137823-0002.wav"  # 3.1 s
VIDEO = "video/auto-editor_example.mp4"  # 42 s, 1280x720


@pytest.fixture()
def view(qtbot: QtBot, services: Services) -> Iterator[InterviewsView]:
    runner = JobRunner(services.jobs, max_parallel=1)
    v = InterviewsView(UiContext(services=services, runner=runner))
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    yield v
    for dialog in (v.import_dialog, v.results_dialog, v.confirm_box):
        if dialog is not None:
            dialog.close()
    v.shutdown()
    assert runner.shutdown(10000)
    assert runner.active_ids() == []


def _cells(v: InterviewsView, column: int) -> list[str]:
    proxy = v.list_page.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def _import(services: Services, path: Path, customer: str, when: datetime,
            persona: str | None = None) -> int:
    try:
        c = services.library.customer_by_name(customer)
    except Exception:
        c = services.library.add_customer(name=customer, persona=persona)
    assert c.id is not None
    for _ in services.importer.import_iter(path, customer_id=c.id, recorded_at=when):
        pass
    iid = services.importer.last_result.interview_id
    assert iid is not None
    return iid


def test_import_two_files_through_the_dialog(qtbot: QtBot, view: InterviewsView,
                                             shared_media: Path, tmp_path: Path) -> None:
    assert view.list_page.stack.currentWidget() is view.list_page.empty
    cyrillic = tmp_path / "интервью_анна.wav"  # non-ASCII names import like any other
    shutil.copy(shared_media / RU, cyrillic)
    dialog = view.import_files([shared_media / JFK, cyrillic])
    assert dialog.isVisible()
    assert dialog.paths() == [shared_media / JFK, cyrillic]
    assert not dialog.import_button.isEnabled()  # no customer yet
    qtbot.keyClicks(dialog.customer_box.lineEdit(), "Anna Petrova")
    assert "Anna Petrova" in dialog.customer_hint.text()  # a new customer will be added
    assert dialog.import_button.isEnabled()
    submitted: list[int] = []
    view.ctx.runner.submitted.connect(submitted.append)
    with qtbot.waitSignal(view.batch_finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    outcomes = done.args[0]
    assert [o.ok for o in outcomes] == [True, True]
    assert len(submitted) == 2
    assert [view.ctx.runner.info(j).status for j in submitted] == ["done", "done"]
    assert view.list_page.stack.currentWidget() is view.list_page.table
    assert _cells(view, InterviewsModel.CUSTOMER) == ["Anna Petrova", "Anna Petrova"]
    assert sorted(_cells(view, InterviewsModel.DURATION)) == ["0:03", "0:11"]
    assert sorted(_cells(view, InterviewsModel.TITLE)) == ["jfk", "интервью_анна"]
    assert view.list_page.banner.isVisible()
    assert "2 recordings imported for Anna Petrova" in view.list_page.banner.text.text()
    assert view.results_dialog is None  # all went well: no dialog pops up
    assert [c.name for c in view.ctx.services.library.customers()] == ["Anna Petrova"]


def test_import_linked_with_a_chosen_date(qtbot: QtBot, view: InterviewsView,
                                          shared_media: Path, tmp_path: Path) -> None:
    original = tmp_path / "call with Oleg.wav"
    shutil.copy(shared_media / LIBRI, original)
    dialog = view.import_files([original])
    assert dialog.file_date_radio.isChecked()  # default: the file's own date
    qtbot.keyClicks(dialog.customer_box.lineEdit(), "Oleg Ivanov")
    dialog.date_edit.setDateTime(QDateTime(QDate(2026, 3, 5), QTime(14, 30)))
    assert dialog.custom_date_radio.isChecked()
    qtbot.mouseClick(dialog.link_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.batch_finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [outcome] = done.args[0]
    assert outcome.ok
    row = view.ctx.services.interviews.get(outcome.interview_id)
    assert row.linked and Path(row.media_path) == original.resolve()
    local = row.recorded_at.astimezone()
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2026, 3, 5, 14, 30)
    [shown] = _cells(view, InterviewsModel.DATE)
    assert shown.startswith("5 ") and shown.endswith("2026, 14:30")
    view.open_interview(outcome.interview_id)
    assert view.detail_page.field_text("stored").startswith("Linked to the original file")


def test_dropping_files_on_the_view_opens_the_import_dialog(qtbot: QtBot, view: InterviewsView,
                                                            shared_media: Path) -> None:
    files = [shared_media / JFK, shared_media / VIDEO]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    pos = QPointF(view.width() / 2, view.height() / 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    assert view.overlay.isVisible()  # "Drop recordings to import them"
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, drop)
    assert drop.isAccepted()
    assert not view.overlay.isVisible()
    dialog = view.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.paths() == files
    assert dialog.import_button.text() == "Import 2 recordings"


def test_a_corrupt_file_fails_with_its_reason_while_the_rest_imports(
        qtbot: QtBot, view: InterviewsView, shared_media: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "повреждённый_звонок.mp4"
    # fixed garbage: random bytes sometimes parse as MP3 frames
    corrupt.write_bytes(b"garbage, not a recording \x00\x01 " * 2500)
    empty = tmp_path / "empty-call.m4a"
    empty.write_bytes(b"")
    good = shared_media / LIBRI
    view.ctx.services.library.add_customer(name="John Carter")
    view.refresh()
    dialog = view.import_files([corrupt, good, empty])
    assert "the file is empty" in dialog.file_list.item(2).text()  # warned before importing
    dialog.customer_box.setCurrentText("John Carter")
    assert not dialog.customer_hint.isVisible()  # an existing customer
    with qtbot.waitSignal(view.batch_finished, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    results = view.results_dialog
    assert results is not None and results.isVisible() and not results.isModal()
    assert results.summary_label.text() == "1 of 3 recordings imported"
    lines = results.row_texts()
    failed = [line for line in lines if line.startswith("FAILED")]
    assert len(failed) == 2
    assert any(line.startswith("FAILED  повреждённый_звонок.mp4: ") and
               "media file" in line for line in failed)
    assert any(line.startswith("FAILED  empty-call.m4a: ") and "empty" in line
               for line in failed)
    assert lines[-1] == f"OK  {good.name}: Imported"
    assert _cells(view, InterviewsModel.TITLE) == [good.stem]
    assert "повреждённый_звонок.mp4" in view.list_page.banner.text.text()


def test_filters_by_customer_persona_date_and_text(qtbot: QtBot, view: InterviewsView,
                                                  services: Services, shared_media: Path) -> None:
    _import(services, shared_media / JFK, "John Carter", datetime(2026, 10, 2, 15, 30, tzinfo=UTC),
            persona="Small-business owner")
    _import(services, shared_media / RU, "Anna Petrova", datetime(2026, 9, 14, 10, tzinfo=UTC),
            persona="Busy parent")
    _import(services, shared_media / LIBRI, "Anna Petrova", datetime(2026, 11, 5, tzinfo=UTC))
    view.refresh()
    assert len(_cells(view, 0)) == 3
    bar = view.list_page.filters
    bar.select_customer(services.library.customer_by_name("John Carter").id)
    assert _cells(view, InterviewsModel.CUSTOMER) == ["John Carter"]
    assert view.list_page.subtitle.text() == "Showing 1 of 3 interviews"
    bar.select_customer(None)
    bar.select_persona(services.library.persona_by_name("Busy parent").id)
    assert _cells(view, InterviewsModel.CUSTOMER) == ["Anna Petrova", "Anna Petrova"]
    bar.select_persona(None)
    bar.set_date_range(datetime(2026, 9, 1).date(), datetime(2026, 10, 31).date())
    assert sorted(_cells(view, InterviewsModel.TITLE)) == ["jfk", "pisets_test_sound_ru"]
    bar.clear()
    qtbot.keyClicks(bar.search, "JFK")
    qtbot.waitUntil(lambda: _cells(view, InterviewsModel.TITLE) == ["jfk"], timeout=3000)
    bar.search.setText("nobody like this")
    qtbot.waitUntil(lambda: view.list_page.stack.currentWidget() is view.list_page.no_match,
                    timeout=3000)
    qtbot.mouseClick(view.list_page.no_match.button, Qt.MouseButton.LeftButton)
    assert len(_cells(view, 0)) == 3


def test_open_video_interview_plays_and_seeks(qtbot: QtBot, view: InterviewsView,
                                              services: Services, shared_media: Path) -> None:
    iid = _import(services, shared_media / VIDEO, "Maria Lopez", datetime(2026, 10, 20, tzinfo=UTC))
    view.refresh()
    row = services.interviews.get(iid)
    player = view.player
    with qtbot.waitSignal(player.ready, timeout=15000):
        view.open_interview(iid)
    assert view.is_showing_interview()
    assert player.source() == QUrl.fromLocalFile(row.media_path)
    assert player.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadedMedia,
                                           QMediaPlayer.MediaStatus.BufferedMedia)
    assert player.stage.currentWidget() is player.video_widget
    assert player.video_widget.isVisible()
    assert not player.is_playing()
    assert abs(player.duration_s() - 42.4) < 0.5
    page = view.detail_page
    assert page.title.text() == "auto-editor_example"
    assert page.field_text("customer") == "Maria Lopez"
    assert page.field_text("duration") == "0:42"
    assert page.field_text("video") == "1280×720  ·  h264"
    assert page.field_text("original") == "auto-editor_example.mp4"
    assert page.field_text("stored") == "Copied into the library"
    player.seek(20.0)
    qtbot.waitUntil(lambda: abs(player.position_s() - 20.0) < 0.6, timeout=5000)
    assert player.slider.value() == pytest.approx(20000, abs=600)
    assert player.time_label.text() == "0:20 / 0:42"
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert not view.is_showing_interview()
    assert player.source().isEmpty()  # the file is released when leaving the page


def test_open_audio_interview_at_a_time_shows_the_waveform(
        qtbot: QtBot, view: InterviewsView, services: Services, shared_media: Path) -> None:
    iid = _import(services, shared_media / JFK, "John Carter", datetime(2026, 10, 2, tzinfo=UTC))
    with qtbot.waitSignal(view.player.ready, timeout=15000):
        view.open_interview(iid, 6.0)
    player = view.player
    assert player.stage.currentWidget() is player.waveform
    assert player.waveform.isVisible() and player.waveform.has_picture()
    assert not player.video_widget.isVisible()
    qtbot.waitUntil(lambda: abs(player.position_s() - 6.0) < 0.6, timeout=5000)
    assert view.detail_page.field_text("audio") == "flac  ·  stereo"


def test_delete_asks_first_then_removes_the_interview(qtbot: QtBot, view: InterviewsView,
                                                      services: Services,
                                                      shared_media: Path) -> None:
    iid = _import(services, shared_media / RU, "Anna Petrova", datetime(2026, 9, 14, tzinfo=UTC))
    view.refresh()
    view.open_interview(iid)
    qtbot.mouseClick(view.detail_page.delete_button, Qt.MouseButton.LeftButton)
    box = view.confirm_box
    assert box is not None and box.isVisible()
    assert "pisets_test_sound_ru" in box.text() and "Anna Petrova" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(services.interviews.list()) == 1  # cancelled: nothing happened
    qtbot.mouseClick(view.detail_page.delete_button, Qt.MouseButton.LeftButton)
    box = view.confirm_box
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(view.ctx.events.interviews_changed, timeout=3000):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert services.interviews.list() == []
    assert not view.is_showing_interview()
    assert view.list_page.stack.currentWidget() is view.list_page.empty


def test_an_import_job_from_elsewhere_shows_up_when_done(qtbot: QtBot, view: InterviewsView,
                                                         services: Services,
                                                         shared_media: Path) -> None:
    """Imports resumed at start-up (or started by another view) belong to no dialog batch."""
    customer = services.library.add_customer(name="Oleg Ivanov")
    payload = {"path": str(shared_media / RU), "customer_id": customer.id,
               "recorded_at": None, "link": False}
    with qtbot.waitSignal(view.ctx.runner.finished, timeout=30000):
        view.ctx.runner.submit("import", payload, title="Import")
    assert _cells(view, InterviewsModel.CUSTOMER) == ["Oleg Ivanov"]


def test_show_in_folder_without_a_file_manager_says_where_and_copies_the_path(
        qtbot: QtBot, view: InterviewsView, services: Services, shared_media: Path) -> None:
    # offscreen Qt has no file manager to hand the folder to, as on a bare Linux desktop
    iid = _import(services, shared_media / LIBRI, "Maria Lopez", datetime(2026, 10, 20, tzinfo=UTC))
    view.refresh()
    with qtbot.waitSignal(view.player.ready, timeout=15000):
        view.open_interview(iid)
    folder = str(Path(services.interviews.get(iid).media_path).parent)
    page = view.detail_page
    QApplication.clipboard().clear()
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    box = page.folder_message
    assert box is not None and box.isVisible()
    assert box.text() == f"No file manager could open the folder. It is here:\n{folder}"
    copy = next(b for b in box.buttons() if b.text() == "Copy path")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == folder
    assert not box.isVisible()
