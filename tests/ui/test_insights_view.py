"""Insights view on a real library: heatmap and its side panel, filters, play, reels, journey map
export and editing, trends, and the highlights table (delete + undo, CSV, taxonomy files)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import NotFoundError
from desktop_app.ui.insights.highlights_model import SORT_ROLE
from desktop_app.ui.insights.view import InsightsView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.empty_state import EmptyState
from tests.unit.test_tagging import COFFEE_STORY_RU, SUPPORT_STORY_EN, make_interview, word_time

PARENT, IT = "Busy parent", "IT manager"


@pytest.fixture()
def tagged(ctx: UiContext) -> dict[str, int]:
    """Two customers (two personas), three interviews over three months; ids by nickname."""
    svc = ctx.services
    anna1 = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU, persona=PARENT,
                           when=datetime(2026, 10, 1, 10, tzinfo=UTC), interviewer="Olga")
    john = make_interview(svc, "John Smith", SUPPORT_STORY_EN, persona=IT, language="en",
                          when=datetime(2026, 11, 5, 9, tzinfo=UTC), interviewer="Ivan")
    anna2 = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU,
                           when=datetime(2026, 12, 10, 18, tzinfo=UTC), interviewer="Olga")
    t = svc.tagging
    job = word_time(3, 6, SUPPORT_STORY_EN)  # "is not my job"
    return {
        "anna1": anna1, "john": john, "anna2": anna2,
        "milk": t.create(anna1, start=0.0, end=2.0, touchpoints=["Delivery"],
                         zones=["process_organisation"], severity=4,
                         need="Получить именно то, что заказал").id,
        "transfer": t.create(anna1, start=4.5, end=6.5, touchpoints=["Support"],
                             zones=["between_departments", "handoff_responsibility"],
                             severity=5, emotion="frustrated").id,
        "dictate": t.create(anna1, start=8.0, end=10.0, touchpoints=["Support"],
                            zones=["data_collection"], severity=3).id,
        "not_my_job": t.create(john, start=job, end=job + 1.5, touchpoints=["Support"],
                               zones=["handoff_responsibility"], severity=4,
                               emotion="angry").id,
        "john_courier": t.create(john, start=0.0, end=1.5, touchpoints=["Delivery"],
                                 zones=["process_organisation"], severity=1).id,
        "coffee_again": t.create(anna2, start=0.0, end=2.0, touchpoints=["Delivery"],
                                 zones=["process_organisation"], severity=5).id,
        "coupon": t.create(anna2, start=17.0, end=19.0, touchpoints=["Delivery"],
                           zones=["measurement"], severity=2).id,
    }


def _open(ctx: UiContext, qtbot: QtBot) -> InsightsView:
    view = InsightsView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.grid.heatmap() is not None and not view.busy())
    return view


@pytest.fixture()
def view(ctx: UiContext, tagged: dict[str, int], qtbot: QtBot) -> Iterator[InsightsView]:
    widget = _open(ctx, qtbot)
    yield widget
    widget.shutdown()


def _ids(ctx: UiContext, touchpoint: str, zone: str) -> tuple[int, int]:
    tp = next(t.id for t in ctx.services.library.touchpoints() if t.name == touchpoint)
    return int(tp), int(ctx.services.library.zone(zone).id)


def _click_cell(qtbot: QtBot, view: InsightsView, cell: tuple[int, int]) -> None:
    pos = view.grid.cell_rect(*cell).center().toPoint()
    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=pos)


def _quotes(view: InsightsView) -> set[str]:
    return {c.quote_label.text() for c in view.panel.cards}


def test_heatmap_cell_shows_count_and_click_lists_its_quotes(view: InsightsView, ctx: UiContext,
                                                             tagged: dict[str, int],
                                                             qtbot: QtBot) -> None:
    cell = _ids(ctx, "Support", "handoff_responsibility")
    assert view.grid.count_at(*cell) == 2
    qtbot.waitUntil(lambda: view.grid.painted.get(cell) == 2)  # on screen, not only in data
    assert view.grid.count_at(*_ids(ctx, "Delivery", "process_organisation")) == 3
    assert view.grid.count_at(*_ids(ctx, "Discover", "vision")) == 0
    _click_cell(qtbot, view, cell)
    assert view.grid.selected() == cell
    assert view.panel.title.text() == "Support · Hand-off / responsibility"
    assert _quotes(view) == {"“меня перевели в другой отдел.”", "“is not my job”"}
    assert "2 highlights" in view.panel.subtitle.text()
    first = view.panel.cards[0]  # strongest first: severity 5 before 4
    assert first.highlight_id == tagged["transfer"]
    meta = [w.text() for w in first.findChildren(QLabel)]
    assert "Анна Петрова · 1 Oct 2026" in meta and "frustrated" in meta


def test_persona_and_interviewer_filters_change_the_counts(view: InsightsView, ctx: UiContext,
                                                           qtbot: QtBot) -> None:
    handoff = _ids(ctx, "Support", "handoff_responsibility")
    delivery = _ids(ctx, "Delivery", "process_organisation")
    _click_cell(qtbot, view, handoff)
    box = view.filters.persona_box
    box.setCurrentIndex(box.findText(IT))
    qtbot.waitUntil(lambda: view.grid.count_at(*handoff) == 1 and not view.busy())
    assert view.grid.count_at(*delivery) == 1
    assert _quotes(view) == {"“is not my job”"}  # the open cell follows the filter
    box.setCurrentIndex(box.findText(PARENT))
    qtbot.waitUntil(lambda: view.grid.count_at(*delivery) == 2 and not view.busy())
    assert view.grid.count_at(*handoff) == 1
    view.filters.clear()
    who = view.filters.interviewer_box
    assert [who.itemText(i) for i in range(who.count())][1:] == ["Ivan", "Olga"]
    who.setCurrentIndex(who.findText("Ivan"))
    qtbot.waitUntil(lambda: view.grid.count_at(*delivery) == 1 and not view.busy())
    view.filters.set_date_range(datetime(2026, 12, 1).date(), datetime(2026, 12, 31).date())
    qtbot.waitUntil(lambda: view.grid.heatmap().total == 0 and not view.busy())
    assert view.grid.message() == "No highlights match these filters"


def test_play_opens_the_interview_at_the_highlight(view: InsightsView, ctx: UiContext,
                                                   tagged: dict[str, int], qtbot: QtBot) -> None:
    _click_cell(qtbot, view, _ids(ctx, "Support", "handoff_responsibility"))
    card = next(c for c in view.panel.cards if c.highlight_id == tagged["not_my_job"])
    start = ctx.services.tagging.get(tagged["not_my_job"]).start
    with qtbot.waitSignal(ctx.events.play_interview_at, timeout=2000) as blocker:
        qtbot.mouseClick(card.play_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [tagged["john"], start]


def test_make_reel_carries_the_cell_ids_or_says_reels_are_missing(view: InsightsView,
                                                                  ctx: UiContext,
                                                                  tagged: dict[str, int],
                                                                  qtbot: QtBot) -> None:
    _click_cell(qtbot, view, _ids(ctx, "Delivery", "process_organisation"))
    qtbot.mouseClick(view.panel.reel_button, Qt.MouseButton.LeftButton)
    assert view.panel.notice.isVisible()
    assert "Reels are not available yet" in view.panel.notice.text()
    got: list[list[int]] = []
    view.make_reel_requested.connect(got.append)
    qtbot.mouseClick(view.panel.reel_button, Qt.MouseButton.LeftButton)
    assert got == [sorted([tagged["milk"], tagged["john_courier"], tagged["coffee_again"]])]
    assert not view.panel.notice.isVisible()


def test_journey_map_shows_pains_and_exports_png_and_pdf(view: InsightsView, ctx: UiContext,
                                                         qtbot: QtBot, tmp_path: Path) -> None:
    view.show_tab("journey")
    qtbot.waitUntil(lambda: view.journey_tab.board.journey() is not None)
    jm = view.journey_tab.board.journey()
    assert [c.touchpoint for c in jm.columns][3:5] == ["Delivery", "Support"]
    assert jm.columns[4].pain_count == 3 and view.journey_tab.who.text() == "All customers"
    tab = view.journey_tab
    for suffix in (".png", ".pdf"):
        target = tmp_path / f"map{suffix}"
        tab.ask_path = lambda *_a, t=target: t
        button = tab.png_button if suffix == ".png" else tab.pdf_button
        with qtbot.waitSignal(tab.exported, timeout=20_000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [str(target)]
    with Image.open(tmp_path / "map.png") as img:
        assert img.size == (2480, 1754)  # A3 landscape at 150 dpi
    assert (tmp_path / "map.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Saved the journey map" in tab.info.text()


def test_journey_map_follows_the_persona_filter(view: InsightsView, qtbot: QtBot) -> None:
    view.show_tab("journey")
    box = view.filters.persona_box
    box.setCurrentIndex(box.findText(IT))
    qtbot.waitUntil(lambda: view.journey_tab.who.text() == IT and not view.busy())
    support = view.journey_tab.board.journey().columns[4]
    assert support.pain_count == 1 and support.top_pains[0].quote == "is not my job"


def test_editing_a_value_text_persists(view: InsightsView, ctx: UiContext,
                                       qtbot: QtBot) -> None:
    view.show_tab("journey")
    qtbot.waitUntil(lambda: bool(view.journey_tab.board.value_editors))
    tp_id, _ = _ids(ctx, "Support", "handoff_responsibility")
    editor = view.journey_tab.board.value_editors[tp_id]
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=3000):
        qtbot.keyClicks(editor, "One agent owns the case")

    def saved() -> str:
        return next(t.value_text for t in ctx.services.library.touchpoints() if t.id == tp_id)

    assert saved() == "One agent owns the case"
    view.refresh()  # a fresh map shows what was stored
    qtbot.waitUntil(lambda: not view.busy())
    editor = view.journey_tab.board.value_editors[tp_id]
    assert editor.toPlainText() == "One agent owns the case"
    # a map arriving while the user types waits, and does not bring the old text back
    view.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, ", no transfers")
    view.refresh()
    qtbot.waitUntil(lambda: not view.busy())
    assert view.journey_tab.board.value_editors[tp_id] is editor  # not rebuilt under the user
    editor.clearFocus()
    qtbot.waitUntil(lambda: saved() == "One agent owns the case, no transfers")
    qtbot.waitUntil(lambda: view.journey_tab.board.value_editors[tp_id] is not editor)
    assert view.journey_tab.board.value_editors[tp_id].toPlainText() == saved()


def test_trends_count_pains_per_month_with_hover_values(view: InsightsView,
                                                        qtbot: QtBot) -> None:
    view.show_tab("trends")
    chart = view.trends_chart
    qtbot.waitUntil(lambda: chart.months() == ["2026-10", "2026-11", "2026-12"])
    assert (chart.value("2026-10", "Support"), chart.value("2026-12", "Delivery")) == (2, 2)
    assert chart.hover_text_at(chart.point_pos("2026-12", "Delivery")) == \
        "Delivery · Dec 2026\n2 pains (100% of the month)"
    view.trends_mode.set_current("stacked")
    assert "1 pain (50% of the month)" in chart.hover_text_at(
        chart.point_pos("2026-11", "Support"))


def test_delete_in_the_table_and_ctrl_z_brings_it_back(view: InsightsView, ctx: UiContext,
                                                       tagged: dict[str, int],
                                                       qtbot: QtBot) -> None:
    view.show_tab("highlights")
    table = view.highlights_tab
    qtbot.waitUntil(lambda: table.model.rowCount() == 7)
    hid = tagged["dictate"]
    table.table.selectRow(table.row_of(hid))
    table.table.setFocus()
    with qtbot.waitSignal(ctx.events.highlights_changed, timeout=2000):
        qtbot.keyClick(table.table, Qt.Key.Key_Delete)
    with pytest.raises(NotFoundError):
        ctx.services.tagging.get(hid)
    assert table.row_of(hid) == -1 and "Deleted 1 highlight" in table.info.text()
    qtbot.waitUntil(lambda: not view.busy() and table.model.rowCount() == 6)
    with qtbot.waitSignal(ctx.events.highlights_changed, timeout=2000):
        qtbot.keyClick(table.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "продиктуйте" in ctx.services.tagging.get(hid).quote
    qtbot.waitUntil(lambda: table.row_of(hid) >= 0)
    assert "Undone: Delete highlight" in table.info.text()


def test_table_filters_sorting_and_csv_export(view: InsightsView, ctx: UiContext,
                                              qtbot: QtBot, tmp_path: Path) -> None:
    view.show_tab("highlights")
    table = view.highlights_tab
    qtbot.waitUntil(lambda: table.model.rowCount() == 7)
    table.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # severity
    levels = [table.proxy.index(r, 6).data(SORT_ROLE) for r in range(7)]
    assert levels == [5, 5, 4, 4, 3, 2, 1]
    assert {table.proxy.index(r, 2).data() for r in (0, 1)} == {
        "меня перевели в другой отдел.", "Курьер привёз молоко вместо кофе."}
    table.zone_box.setCurrentIndex(table.zone_box.findText("Process organisation"))
    qtbot.waitUntil(lambda: table.model.rowCount() == 3)
    table.ask_path = lambda *_a: tmp_path / "pains.csv"
    qtbot.mouseClick(table.csv_button, Qt.MouseButton.LeftButton)
    with open(tmp_path / "pains.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 and {r["zones"] for r in rows} == {"process_organisation"}
    assert {r["customer"] for r in rows} == {"Анна Петрова", "John Smith"}
    assert [r["severity"] for r in rows] == ["5", "4", "1"]  # the order on screen
    [entry] = ctx.services.audit.list(action="highlights_csv")  # what left, and where
    assert entry.path == str((tmp_path / "pains.csv").resolve())


def test_taxonomy_json_export_and_refused_import(view: InsightsView, ctx: UiContext,
                                                 qtbot: QtBot, tmp_path: Path) -> None:
    table = view.highlights_tab
    view.show_tab("highlights")
    table.ask_path = lambda *_a: tmp_path / "taxonomy.json"
    table.export_taxonomy_action.trigger()
    data = json.loads((tmp_path / "taxonomy.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in data["touchpoints"]][:2] == ["Discover", "Order"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"touchpoints": [{"name": "Onboarding"}],
                               "rules": [{"phrase": "wrong invoice", "touchpoint": "Billing"}]}),
                   encoding="utf-8")
    table.ask_path = lambda *_a: bad
    table.import_taxonomy_action.trigger()
    assert table.error.isVisible()
    assert "Nothing was imported" in table.error.text() and "Billing" in table.error.text()
    assert "Onboarding" not in [t.name for t in ctx.services.library.touchpoints()]
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"touchpoints": [{"name": "Onboarding"}]}), encoding="utf-8")
    table.ask_path = lambda *_a: good
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        table.import_taxonomy_action.trigger()
    assert not table.error.isVisible() and "1 added" in table.info.text()
    view.show_tab("heatmap")
    qtbot.waitUntil(lambda: len(view.grid.heatmap().touchpoints) == 8)


def test_a_new_tag_is_on_the_heatmap_at_once(view: InsightsView, ctx: UiContext,
                                             tagged: dict[str, int], qtbot: QtBot) -> None:
    cell = _ids(ctx, "Support", "data_collection")
    _click_cell(qtbot, view, cell)
    assert view.grid.count_at(*cell) == 1
    made = ctx.services.tagging.create(tagged["john"], start=8.6, end=12.0,
                                       touchpoints=["Support"], zones=["data_collection"],
                                       severity=4)
    ctx.events.highlights_changed.emit([made.id])
    assert view.grid.count_at(*cell) == 2  # counted in before any query ran
    QApplication.processEvents()
    assert view.grid.painted[cell] == 2 and len(view.panel.cards) == 2
    qtbot.waitUntil(lambda: not view.busy())
    assert view.grid.count_at(*cell) == 2  # the full query agrees


def test_empty_library_explains_how_to_tag(ctx: UiContext, qtbot: QtBot) -> None:
    view = _open(ctx, qtbot)
    try:
        assert isinstance(view.stack.currentWidget(), EmptyState)
        assert "touchpoint key" in view.empty.text.text()
    finally:
        view.shutdown()


def test_edit_several_rows_at_once_keeps_what_was_not_changed(view: InsightsView,
                                                              ctx: UiContext,
                                                              tagged: dict[str, int],
                                                              qtbot: QtBot) -> None:
    view.show_tab("highlights")
    table = view.highlights_tab
    qtbot.waitUntil(lambda: table.model.rowCount() == 7)
    a, b = tagged["milk"], tagged["coupon"]  # Delivery; zones process_organisation/measurement
    table.table.setFocus()
    table.table.selectRow(table.row_of(a))
    qtbot.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     pos=table.table.visualRect(table.proxy.index(table.row_of(b), 1)).center())
    assert set(table.selected_ids()) == {a, b}
    qtbot.mouseClick(table.edit_button, Qt.MouseButton.LeftButton)
    dialog = table.edit_dialog
    assert dialog is not None and dialog.isVisible()
    lib = ctx.services.library
    zone = {z.key: int(z.id) for z in lib.zones()}
    support = next(int(t.id) for t in lib.touchpoints() if t.name == "Support")
    # the zones differ between the two: half-checked, left alone; add Support and severity 5
    assert dialog.zone_boxes[zone["measurement"]].checkState() == Qt.CheckState.PartiallyChecked
    box = dialog.touchpoint_boxes[support]
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    dialog.severity.setCurrentIndex(dialog.severity.findData(5))
    with qtbot.waitSignal(ctx.events.highlights_changed, timeout=2000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sorted(blocker.args[0]) == sorted([a, b])
    ha, hb = ctx.services.tagging.get(a), ctx.services.tagging.get(b)
    assert set(ha.touchpoints) == {"Delivery", "Support"} == set(hb.touchpoints)
    assert ha.severity == hb.severity == 5
    assert ha.zones == ("process_organisation",) and hb.zones == ("measurement",)
    assert ha.need == "Получить именно то, что заказал"
    qtbot.waitUntil(lambda: "Changed 2 highlights" in table.info.text())
    # one undo step brings both back
    table.table.setFocus()
    qtbot.keyClick(table.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.services.tagging.get(a).severity == 4 and ctx.services.tagging.get(b).severity == 2
    assert ctx.services.tagging.get(b).touchpoints == ("Delivery",)
