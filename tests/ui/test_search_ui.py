"""Searching every transcript from the Interviews page, over a REAL transcription of JFK.

Type in "Search what customers said…" -> the results page lists the interview, customer, time
and the snippet with the match marked; a click opens the interview at that moment.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.search.results_page import HIT_ROLE, MARK_STYLE, snippet_html
from desktop_app.wiring import Services, build_services

JFK = "en/jfk.flac"
LIBRI = "en/librispeech_251-137823-0002.wav"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, shared_media: Path) -> Path:
    """JFK transcribed by the real job (tiny.en), plus one recording not transcribed."""
    home = tmp_path_factory.mktemp("search_library")
    svc = build_services(home)
    for name, rel in (("John Carter", JFK), ("Anna Petrova", LIBRI)):
        customer = svc.library.add_customer(name=name)
        assert customer.id is not None
        for _ in svc.importer.import_iter(shared_media / rel, customer_id=customer.id):
            pass
    jfk = next(r for r in svc.interviews.list() if r.title == "jfk")
    info = svc.jobs.run(svc.jobs.submit("transcribe", {"interview_id": jfk.id,
                                                       "model": "tiny.en"}))
    assert info.status == "done", info.error
    svc.engine.dispose()
    return home


@pytest.fixture()
def services(library: Path, closer_home: Path) -> Services:
    shutil.copytree(library, closer_home, dirs_exist_ok=True)
    return build_services(closer_home)


def test_search_lists_the_moment_and_opens_the_interview_there(qtbot: QtBot,
                                                                view: InterviewsView) -> None:
    field = view.list_page.transcript_search
    assert field.placeholderText() == "Search what customers said…"
    qtbot.keyClicks(field, "country")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    page = view.search_page
    assert view.pages.currentWidget() is page
    assert page.stack.currentWidget() is page.list
    texts = page.result_texts()
    assert len(texts) == 2  # "…what your country can do…" and "…for your country."
    assert all(t.startswith("jfk · John Carter · 0:") and "[country]" in t for t in texts)
    assert page.summary.text() == "2 moments in 1 interview for “country”"
    hit = page.model.index(0).data(HIT_ROLE)
    assert f'<span style="{MARK_STYLE}">country</span>' in snippet_html(hit.snippet)
    rect = page.list.visualRect(page.model.index(0))
    with qtbot.waitSignal(view.player.ready, timeout=15000):
        qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.is_showing_interview()
    assert view.detail_page.title.text() == "jfk"
    editor = view.detail_page.transcript.editor
    row = next(r for r in range(editor.model.rowCount())
               if editor.model.segment(r).id == hit.segment_id)
    said = next(w for w in editor.model.words(row) if "country" in w.word.lower())
    # the player goes to the moment "country" is said, and that word is highlighted
    qtbot.waitUntil(lambda: abs(view.player.position_s() - said.start) < 0.25, timeout=5000)
    qtbot.waitUntil(lambda: editor.current_word_text().strip(",.") == "country", timeout=3000)
    assert editor.current_word()[0] == row
    # Back says it returns to the results, and does, not to the list
    assert view.detail_page.back_button.text() == "← Back to search results"
    qtbot.mouseClick(view.detail_page.back_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is page
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.list_page
    view.open_interview(hit.interview_id)  # opened from the list: back to all interviews
    assert view.detail_page.back_button.text() == "← Back to all interviews"
    qtbot.mouseClick(view.detail_page.back_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.list_page


def test_refining_the_search_and_no_results(qtbot: QtBot, view: InterviewsView) -> None:
    page = view.show_search("ask not")
    assert len(page.result_texts()) == 1
    page.field.clear()
    qtbot.keyClicks(page.field, "\"fellow americans\"")
    qtbot.waitUntil(lambda: page.query == "\"fellow americans\"", timeout=3000)
    [text] = page.result_texts()
    assert "my [fellow Americans] ask" in text
    page.search("pricing")
    assert page.stack.currentWidget() is page.no_match
    assert page.summary.text() == "No results for “pricing”"


def test_with_nothing_transcribed_the_page_offers_to_transcribe(
        qtbot: QtBot, closer_home: Path, shared_media: Path) -> None:
    svc = build_services(closer_home)
    runner = JobRunner(svc.jobs, max_parallel=1)
    v = InterviewsView(UiContext(services=svc, runner=runner))
    qtbot.addWidget(v)
    try:
        page = v.show_search("country")
        assert page.stack.currentWidget() is page.nothing
        assert page.nothing.button is not None
        assert page.nothing.button.text() == "Transcribe all interviews"
    finally:
        v.shutdown()
        assert runner.shutdown(10000)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key as a Russian keyboard layout delivers it (QTest's keyClicks
    only knows Latin keys): a key press carrying the character, then its release."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def test_typing_two_russian_words_shows_the_moment(qtbot: QtBot, closer_home: Path) -> None:
    from datetime import UTC, datetime

    from desktop_app.storage.db import session_scope
    from desktop_app.storage.tables import Interview, TranscriptSegment

    svc = build_services(closer_home)
    customer = svc.library.add_customer(name="Анна Петрова")
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=customer.id, title="Звонок про ML", status="transcribed",
                       recorded_at=datetime(2026, 10, 1, 10, tzinfo=UTC))
        s.add(iv)
        s.flush()
        s.add_all([TranscriptSegment(interview_id=iv.id, start=0.4, end=2.8,
                                     text="Нейронные сети это хорошо"),
                   TranscriptSegment(interview_id=iv.id, start=64.0, end=66.0,
                                     text="сетью магазинов пользуемся давно")])
    runner = JobRunner(svc.jobs, max_parallel=1)
    v = InterviewsView(UiContext(services=svc, runner=runner))
    qtbot.addWidget(v)
    v.show()
    try:
        field = v.list_page.transcript_search
        field.setFocus()
        type_text(field, "нейронные сети")
        assert field.text() == "нейронные сети"
        qtbot.keyClick(field, Qt.Key.Key_Return)
        page = v.search_page
        assert v.pages.currentWidget() is page
        assert page.result_texts() == [
            "Звонок про ML · Анна Петрова · 0:00 · [Нейронные] [сети] это хорошо"]
        assert page.summary.text() == "1 moment in 1 interview for “нейронные сети”"
        page.field.clear()
        type_text(page.field, "сеть")  # any form of the word
        qtbot.waitUntil(lambda: page.query == "сеть", timeout=3000)
        assert [t.split(" · ")[-1] for t in page.result_texts()] == [
            "Нейронные [сети] это хорошо",
            "[сетью] магазинов пользуемся давно"]
    finally:
        v.shutdown()
        assert runner.shutdown(10000)
