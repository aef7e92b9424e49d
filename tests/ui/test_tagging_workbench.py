"""Tagging in the GUI, as a team lead does it: the REAL main window over a library holding a
real recording transcribed by the real model (tiny.en). Words are selected with mouse drags and
Shift+arrows on the transcript, tagged with the touchpoint/zone keys or the tag bar's chips, saved
with Enter or the Save button; the highlight is then checked where a user sees it (the stored
row, the mark in the transcript, the list beside it, the heatmap cell) and undone/redone.
Nothing here creates a highlight through the CLI or a service: only the widgets do.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.domain.highlights import HighlightFilter
from desktop_app.ui.insights.view import InsightsView
from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.transcript.panel import TranscriptPanel
from desktop_app.wiring import build_services

pytestmark = pytest.mark.slow
CLIP = "en/librivox_sense_and_sensibility_01_0870.wav"  # "and mister john dashwood had then…"


def _cli(home: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env={**__import__("os").environ, "CLOSER_HOME": str(home)},
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def transcribed(tmp_path_factory: pytest.TempPathFactory, shared_media: Path) -> Path:
    """A library with one customer (persona "Busy parent"), one imported real recording,
    transcribed with tiny.en, and two keyword rules that match words spoken in it."""
    home = tmp_path_factory.mktemp("tagging") / "library"
    home.mkdir()
    _cli(home, "customer", "add", "Emma Clarke", "--persona", "Busy parent")
    _cli(home, "import", str(shared_media / CLIP), "--customer", "Emma Clarke")
    _cli(home, "transcribe", "1", "--model", "tiny.en", "--language", "en")
    _cli(home, "rule", "add", "leisure", "--touchpoint", "Support", "--zone", "measurement")
    _cli(home, "rule", "add", "his power", "--touchpoint", "Pay", "--zone", "systems")
    return home


@pytest.fixture()
def window(transcribed: Path, tmp_path: Path, qtbot: QtBot,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    home = tmp_path / "library"
    shutil.copytree(transcribed, home)
    monkeypatch.setenv("CLOSER_HOME", str(home))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    win = create_main_window(app, build_services(home))
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _open_interview(win: MainWindow, qtbot: QtBot) -> TranscriptPanel:
    """Interviews -> activate the first row of the list (Enter on it), as a user opens one."""
    view = win.show_section("interviews")
    assert isinstance(view, InterviewsView)
    table = view.list_page.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(view.is_showing_interview)
    panel = view.detail_page.transcript
    qtbot.waitUntil(lambda: panel.editor.model.word_count() > 5)
    assert panel.tagging.wait_for_suggestions()
    return panel


def _word_point(panel: TranscriptPanel, word: int) -> QPoint:
    model, editor = panel.editor.model, panel.editor
    row, local = model.locate(word)
    editor.list.scrollTo(model.index(row))
    return editor.delegate.word_rect(row, local).center()


def _drag(widget: QWidget, a: QPoint, b: QPoint) -> None:
    """A real press - move - release with the left button held across the words."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    for kind, pos, buttons, button in ((QEvent.Type.MouseButtonPress, a, left, left),
                                       (QEvent.Type.MouseMove, (a + b) / 2, left, none),
                                       (QEvent.Type.MouseMove, b, left, none),
                                       (QEvent.Type.MouseButtonRelease, b, none, left)):
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button,
                            buttons, mods)
        QApplication.sendEvent(widget, event)


def _focus(widget: QWidget, qtbot: QtBot) -> None:
    """Keyboard focus on the widget in the active window (where shortcuts such as Ctrl+Z act)."""
    win = widget.window()
    win.activateWindow()
    win.raise_()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _words(panel: TranscriptPanel, first: int, last: int) -> tuple[float, float, str]:
    model = panel.editor.model
    ws = [model.word(g) for g in range(first, last + 1)]
    return ws[0].start, max(w.end for w in ws), "".join(w.word for w in ws).strip()


def test_tag_a_dragged_selection_by_keys_then_undo_and_redo(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    services = window.ctx.services
    tps = services.library.touchpoints()
    zones = services.library.zones()
    _drag(panel.editor.list.viewport(), _word_point(panel, 1), _word_point(panel, 3))
    assert panel.tag_bar.is_open()
    start, end, quote = _words(panel, 1, 3)
    assert f"“{quote}”" in panel.tag_bar.range_label.full_text()
    keys = panel.editor.list
    qtbot.keyClick(keys, Qt.Key.Key_W)  # the 2nd touchpoint in journey order
    qtbot.keyClick(keys, Qt.Key.Key_5)  # the 5th problem zone
    qtbot.keyClick(keys, Qt.Key.Key_4, Qt.KeyboardModifier.ShiftModifier)  # severity 4
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    assert not panel.tag_bar.is_open()

    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    assert (h.start, h.end, h.quote) == (round(start, 3), round(end, 3), quote)
    assert h.touchpoints == (tps[1].name,) and h.zones == (zones[4].key,)
    assert h.severity == 4 and h.persona == "Busy parent" and h.source == "manual"
    marks = [m for m in panel.editor.model.marks() if m.key == f"h:{h.id}"]
    assert len(marks) == 1 and tps[1].name in marks[0].tip
    assert any(quote in text for text in panel.highlights_list.item_texts())

    insights = window.show_section("insights")
    assert isinstance(insights, InsightsView)
    qtbot.waitUntil(lambda: not insights.busy())
    assert insights.grid.count_at(int(tps[1].id), int(zones[4].id)) == 1

    window.show_section("interviews")
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert services.tagging.list(HighlightFilter(interview_id=1)) == []
    assert not any(m.key.startswith("h:") for m in panel.editor.model.marks())
    window.show_section("insights")
    qtbot.waitUntil(lambda: not insights.busy())
    qtbot.waitUntil(lambda: insights.grid.count_at(int(tps[1].id), int(zones[4].id)) == 0)
    window.show_section("interviews")
    _focus(keys, qtbot)
    qtbot.keyClick(keys, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    [again] = services.tagging.list(HighlightFilter(interview_id=1))
    assert again.id == h.id and again.zones == (zones[4].key,)


def test_keyboard_only_selection_mouse_tag_bar_edit_retime_and_delete(window: MainWindow,
                                                                       qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    services = window.ctx.services
    keys = panel.editor.list
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Right)  # caret on the first word
    qtbot.keyClick(keys, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(keys, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    bar = panel.tag_bar
    assert bar.is_open()
    sel = panel.editor.model.selection()
    assert sel is not None and sel[1] - sel[0] == 2  # the caret word and two more
    qtbot.mouseClick(bar.touchpoint_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.zone_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.severity_buttons[1], Qt.MouseButton.LeftButton)
    bar.emotion.setCurrentIndex(bar.emotion.findData("confused"))
    qtbot.keyClicks(bar.notes, "asked twice")
    qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    start, end, quote = _words(panel, *sel)
    assert (h.start, h.end, h.quote) == (round(start, 3), round(end, 3), quote)
    assert h.severity == 2 and h.emotion == "confused" and h.notes == "asked twice"

    # edit: click it in the list, change a zone, end one word earlier, save
    lst = panel.highlights_list.list
    item = lst.item(next(i for i in range(lst.count()) if quote in lst.item(i).text()
                         and "Suggested" not in lst.item(i).text()))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(item).center())
    assert bar.is_open() and bar.mode == "edit"
    qtbot.mouseClick(bar.zone_buttons[2], Qt.MouseButton.LeftButton)  # off
    qtbot.mouseClick(bar.zone_buttons[6], Qt.MouseButton.LeftButton)  # on
    qtbot.mouseClick(bar.nudge_buttons[("end", -1)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
    edited = services.tagging.get(h.id)
    zones = services.library.zones()
    _, new_end, new_quote = _words(panel, sel[0], sel[1] - 1)
    assert edited.zones == (zones[6].key,) and edited.end == round(new_end, 3)
    assert edited.quote == new_quote

    # delete from the list, then Ctrl+Z brings it back
    item = lst.item(next(i for i in range(lst.count()) if new_quote in lst.item(i).text()
                         and "Suggested" not in lst.item(i).text()))
    item.setSelected(True)
    qtbot.mouseClick(panel.highlights_list.delete_button, Qt.MouseButton.LeftButton)
    assert services.tagging.list(HighlightFilter(interview_id=1)) == []
    _focus(keys, qtbot)
    qtbot.keyClick(keys, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [x.id for x in services.tagging.list(HighlightFilter(interview_id=1))] == [h.id]


def test_suggestions_accept_with_a_key_reject_for_good(window: MainWindow, qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    services = window.ctx.services
    texts = panel.highlights_list.item_texts()
    assert any("rule “leisure”" in t for t in texts)
    assert any("rule “his power”" in t for t in texts)
    keys = panel.editor.list
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_BracketRight)  # the first suggestion
    bar = panel.tag_bar
    assert bar.mode == "suggestion" and "leisure" in bar.title.text()
    qtbot.keyClick(keys, Qt.Key.Key_A)  # accept with the rule's tags
    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    assert h.source == "suggestion" and h.touchpoints == ("Support",)
    assert h.zones == ("measurement",) and "leisure" in h.quote.lower()
    qtbot.keyClick(keys, Qt.Key.Key_BracketRight)  # the next one
    assert bar.mode == "suggestion" and "his power" in bar.title.text()
    qtbot.keyClick(keys, Qt.Key.Key_X)  # reject
    assert not any("Suggested" in t for t in panel.highlights_list.item_texts())
    assert len(services.tagging.list(HighlightFilter(interview_id=1))) == 1
    # it does not come back when the interview is opened again
    view = window.show_section("interviews")
    assert isinstance(view, InterviewsView)
    view.show_list()
    panel = _open_interview(window, qtbot)
    assert not any("Suggested" in t for t in panel.highlights_list.item_texts())


def test_tag_while_listening_tags_the_sentence_being_spoken(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    view = window.show_section("interviews")
    assert isinstance(view, InterviewsView)
    player = view.detail_page.player
    model = panel.editor.model
    moment = model.word(4).start + 0.05
    player.position_changed.emit(moment)  # the player's tick while it plays
    keys = panel.editor.list
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_T)  # 5th touchpoint, nothing selected
    qtbot.keyClick(keys, Qt.Key.Key_1)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    [h] = window.ctx.services.tagging.list(HighlightFilter(interview_id=1))
    first, last = model.segment_words(4)
    start, end, quote = _words(panel, first, last)
    assert h.start <= moment <= h.end
    assert (h.start, h.end, h.quote) == (round(start, 3), round(end, 3), quote)
    assert h.touchpoints == (window.ctx.services.library.touchpoints()[4].name,)


def test_a_recorder_marker_is_reviewed_into_a_highlight(window: MainWindow,
                                                        qtbot: QtBot) -> None:
    services = window.ctx.services
    # what the recorder stores when Mark is pressed at 3.0 s with a note, and does on Stop
    services.recording.add_marker(1, 4.0, "he hesitates here")
    [stub] = services.tagging.stubs_from_markers(1)
    panel = _open_interview(window, qtbot)
    lst = panel.highlights_list.list
    texts = panel.highlights_list.item_texts()
    review = next(i for i, t in enumerate(texts) if "To review" in t)
    assert "he hesitates here" in texts[review]
    assert stub.start == 0.0  # the stub's window starts 10 s before the marker, clipped at 0
    assert "To review · marker at 0:04" in texts[review]  # where Mark was pressed
    item = lst.item(review)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(item).center())
    bar = panel.tag_bar
    assert bar.mode == "review" and bar.notes.text() == "he hesitates here"
    keys = panel.editor.list
    qtbot.keyClick(keys, Qt.Key.Key_2)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    done = services.tagging.get(stub.id)
    assert done.status == "done" and done.zones == (services.library.zones()[1].key,)
    model = panel.editor.model
    first, last = model.segment_words(model.word_at_time(4.0))
    assert done.start <= 4.0 <= done.end  # the sentence spoken at the marker
    assert (done.start, done.end) == (round(model.word(first).start, 3),
                                      round(max(model.word(g).end
                                                for g in range(first, last + 1)), 3))
    assert done.quote and not any("To review" in t for t in panel.highlights_list.item_texts())


def test_nothing_is_saved_without_a_tag_and_the_bar_says_why(window: MainWindow,
                                                             qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    _drag(panel.editor.list.viewport(), _word_point(panel, 2), _word_point(panel, 4))
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    assert panel.tag_bar.is_open()
    assert "at least one touchpoint" in panel.tag_bar.error.text()
    assert window.ctx.services.tagging.list(HighlightFilter(interview_id=1)) == []
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Escape)
    assert not panel.tag_bar.is_open() and panel.editor.model.selection() is None


def test_tagged_cell_makes_a_reel_that_holds_the_clip(window: MainWindow, qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    services = window.ctx.services
    _drag(panel.editor.list.viewport(), _word_point(panel, 1), _word_point(panel, 4))
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_E)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_8)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    insights = window.show_section("insights")
    assert isinstance(insights, InsightsView)
    qtbot.waitUntil(lambda: not insights.busy())
    cell = (int(h.touchpoint_ids[0]), int(h.zone_ids[0]))
    qtbot.mouseClick(insights.grid, Qt.MouseButton.LeftButton,
                     pos=insights.grid.cell_rect(*cell).center().toPoint())
    qtbot.waitUntil(lambda: insights.panel.highlight_ids() == [h.id])
    before = len(services.reels.list())
    qtbot.mouseClick(insights.panel.reel_button, Qt.MouseButton.LeftButton)
    assert window.current_section() == "reels"
    reels = services.reels.list()
    assert len(reels) == before + 1
    assert [i.highlight_id for i in services.reels.get(reels[-1].id).items] == [h.id]


def test_drag_an_edge_of_a_highlight_to_retime_it(window: MainWindow, qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    services = window.ctx.services
    viewport = panel.editor.list.viewport()
    _drag(viewport, _word_point(panel, 2), _word_point(panel, 4))
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_R)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    lst = panel.highlights_list.list
    item = lst.item(next(i for i in range(lst.count()) if h.quote in lst.item(i).text()
                         and "Suggested" not in lst.item(i).text()))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(item).center())
    assert panel.tag_bar.mode == "edit" and panel.editor.model.selection() == (2, 4)
    _drag(viewport, _word_point(panel, 4), _word_point(panel, 6))  # the end edge, 2 later
    assert panel.editor.model.selection() == (2, 6)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    start, end, quote = _words(panel, 2, 6)
    moved = services.tagging.get(h.id)
    assert (moved.start, moved.end, moved.quote) == (round(start, 3), round(end, 3), quote)


def test_a_touchpoint_shortcut_changed_in_touchpoints_is_the_key_that_tags(
        window: MainWindow, qtbot: QtBot) -> None:
    services = window.ctx.services
    support = next(t for t in services.library.touchpoints() if t.name == "Support")
    services.library.update_touchpoint(int(support.id), shortcut="S")  # as the Touchpoints tab
    window.ctx.events.taxonomy_changed.emit([int(support.id)])
    panel = _open_interview(window, qtbot)
    chip = panel.tag_bar.touchpoint_buttons[[t.id for t in services.library.touchpoints()]
                                            .index(support.id)]
    assert chip.full_text.startswith("S  Support")
    _drag(panel.editor.list.viewport(), _word_point(panel, 1), _word_point(panel, 2))
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_S)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_1)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    [h] = services.tagging.list(HighlightFilter(interview_id=1))
    assert h.touchpoints == ("Support",)


def test_clicking_a_tagged_word_opens_its_highlight(window: MainWindow, qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    _drag(panel.editor.list.viewport(), _word_point(panel, 3), _word_point(panel, 5))
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Y)
    qtbot.keyClick(panel.editor.list, Qt.Key.Key_Return)
    [h] = window.ctx.services.tagging.list(HighlightFilter(interview_id=1))
    assert not panel.tag_bar.is_open() and panel.tag_bar.title.text() == "Tag a moment"
    qtbot.mouseClick(panel.editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=_word_point(panel, 4))
    assert panel.tag_bar.is_open() and panel.tag_bar.mode == "edit"
    assert panel.tag_bar.highlight_id == h.id
    assert panel.editor.model.selection() == (3, 5)


def test_double_click_on_the_time_selects_the_sentence(window: MainWindow, qtbot: QtBot) -> None:
    panel = _open_interview(window, qtbot)
    model, lst = panel.editor.model, panel.editor.list
    rect = lst.visualRect(model.index(0))
    gutter = QPoint(rect.left() + 10, panel.editor.delegate.word_rect(0, 0).center().y())
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=gutter)
    assert model.selection() == model.segment_words(0)
    assert panel.tag_bar.is_open() and panel.tag_bar.mode == "new"
