"""Touchpoints view: the journey strip and table, reordering, reassign-on-delete, zones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlmodel import select

from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
)
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.people.touchpoint_delete_dialog import ReassignDeleteDialog
from desktop_app.ui.people.touchpoint_dialog import TouchpointDialog
from desktop_app.ui.people.touchpoints_view import TouchpointsView
from desktop_app.ui.people.zone_dialog import ZoneDialog

JOURNEY = ["Discover", "Order", "Pay", "Delivery", "Support", "Return / refund", "Renewal"]


@pytest.fixture()
def view(ctx: UiContext, qtbot: QtBot) -> TouchpointsView:
    widget = TouchpointsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _names(view: TouchpointsView) -> list[str]:
    return [view.tp_table.item(r, 1).text() for r in range(view.tp_table.rowCount())]


def _library_names(ctx: UiContext) -> list[str]:
    return [t.name for t in ctx.services.library.touchpoints()]


def _tagged_highlight(ctx: UiContext, *, touchpoint: str = "", zone: str = "") -> int:
    """One customer, interview and highlight, tagged directly in the database."""
    lib = ctx.services.library
    with session_scope(ctx.services.engine) as s:
        customer = Customer(name="Anna Petrova")
        s.add(customer)
        s.flush()
        interview = Interview(customer_id=customer.id,
                              recorded_at=datetime(2026, 9, 14, 10, 0, tzinfo=UTC))
        s.add(interview)
        s.flush()
        hl = Highlight(interview_id=interview.id, start=12.0, end=19.5, quote="I paid twice")
        s.add(hl)
        s.flush()
        if touchpoint:
            tp = next(t for t in lib.touchpoints() if t.name == touchpoint)
            s.add(HighlightTouchpoint(highlight_id=hl.id, touchpoint_id=tp.id))
        if zone:
            s.add(HighlightZone(highlight_id=hl.id, zone_id=lib.zone(zone).id))
        assert hl.id is not None
        return hl.id


def test_journey_strip_and_table_follow_the_library(view: TouchpointsView) -> None:
    assert view.strip.names() == JOURNEY
    assert _names(view) == JOURNEY
    assert [view.tp_table.item(r, 5).text() for r in range(3)] == ["Q", "W", "E"]
    assert view.zone_table.rowCount() == 10
    assert view.zone_table.item(2, 0).text() == "Systems"
    assert view.zone_table.item(2, 1).text() == "Системы"


def test_down_button_reorders_strip_and_library(view: TouchpointsView, ctx: UiContext,
                                               qtbot: QtBot) -> None:
    view.tp_table.selectRow(0)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(view.down_button, Qt.MouseButton.LeftButton)
    expected = ["Order", "Discover", *JOURNEY[2:]]
    assert _library_names(ctx) == expected
    assert view.strip.names() == expected
    assert _names(view) == expected
    assert view.tp_table.item(1, 0).text() == "2"
    # The moved stage stays selected, so pressing again keeps moving it.
    qtbot.mouseClick(view.down_button, Qt.MouseButton.LeftButton)
    assert _library_names(ctx)[:3] == ["Order", "Pay", "Discover"]
    qtbot.mouseClick(view.up_button, Qt.MouseButton.LeftButton)
    assert _library_names(ctx) == expected


def test_dropping_a_row_moves_the_stage(view: TouchpointsView, ctx: UiContext,
                                        qtbot: QtBot) -> None:
    table = view.tp_table
    table.selectRow(0)
    target = table.visualRect(table.model().index(3, 1)).center()
    drop = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, table.mime_for_row(0),
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        table.dropEvent(drop)
    assert _library_names(ctx)[:4] == ["Order", "Pay", "Delivery", "Discover"]
    assert view.strip.names()[3] == "Discover"
    assert table.item(3, 1).text() == "Discover"  # the row was moved, not blanked


def test_deleting_a_used_touchpoint_reassigns_its_highlights(view: TouchpointsView,
                                                             ctx: UiContext,
                                                             qtbot: QtBot) -> None:
    hl_id = _tagged_highlight(ctx, touchpoint="Pay")
    view.refresh()
    view.tp_table.selectRow(2)
    assert view.tp_table.item(2, 1).text() == "Pay"
    assert view.tp_table.item(2, 6).text() == "1"
    qtbot.mouseClick(view.delete_tp_button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, ReassignDeleteDialog)
    assert dlg.move_radio.isVisible() and dlg.move_radio.isChecked()
    targets = [dlg.target_combo.itemText(i) for i in range(dlg.target_combo.count())]
    assert "Pay" not in targets and "Support" in targets
    dlg.target_combo.setCurrentIndex(dlg.target_combo.findText("Support"))
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    support = next(t for t in ctx.services.library.touchpoints() if t.name == "Support")
    with session_scope(ctx.services.engine) as s:
        tags = s.exec(select(HighlightTouchpoint)
                      .where(HighlightTouchpoint.highlight_id == hl_id)).all()
        assert [t.touchpoint_id for t in tags] == [support.id]
    assert "Pay" not in _library_names(ctx) and "Pay" not in view.strip.names()
    row = _names(view).index("Support")
    assert view.tp_table.item(row, 6).text() == "1"


def test_add_touchpoint_with_taken_key_is_refused_inline(view: TouchpointsView,
                                                         ctx: UiContext, qtbot: QtBot) -> None:
    qtbot.mouseClick(view.add_tp_button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, TouchpointDialog)
    qtbot.keyClicks(dlg.name_edit, "Onboarding")
    qtbot.keyClicks(dlg.shortcut_edit, "q")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "Discover" in dlg.error_label.text()
    assert "Onboarding" not in _library_names(ctx)
    dlg.shortcut_edit.setText("i")
    qtbot.keyClicks(dlg.department_edit, "Customer success")
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    added = ctx.services.library.touchpoints()[-1]
    assert (added.name, added.shortcut, added.department) == ("Onboarding", "I",
                                                              "Customer success")
    assert view.strip.names()[-1] == "Onboarding"
    assert view.selected_touchpoint_id() == added.id


def test_zone_russian_name_edited_in_dialog_persists(view: TouchpointsView, ctx: UiContext,
                                                     qtbot: QtBot) -> None:
    view.tabs.setCurrentIndex(1)
    view.zone_table.selectRow(2)
    qtbot.mouseClick(view.edit_zone_button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, ZoneDialog)
    assert dlg.name_ru_edit.text() == "Системы"
    dlg.name_ru_edit.selectAll()
    dlg.name_ru_edit.insert("ИТ-системы")  # typed like a paste: QTest only types Latin keys
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert ctx.services.library.zone("systems").name_ru == "ИТ-системы"
    assert view.zone_table.item(2, 1).text() == "ИТ-системы"


def test_zone_cell_edited_inline_persists(view: TouchpointsView, ctx: UiContext,
                                          qtbot: QtBot) -> None:
    view.tabs.setCurrentIndex(1)
    table = view.zone_table
    table.setCurrentCell(3, 1)
    table.editItem(table.item(3, 1))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Сбор данных"
    editor.selectAll()
    editor.insert("Сбор и хранение данных")
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ctx.services.library.zone("data_collection").name_ru == "Сбор и хранение данных"
    # A key used by a touchpoint is refused and the cell goes back to its old value.
    table.item(3, 3).setText("W")
    qtbot.waitUntil(lambda: view.error_label.isVisible())
    assert "Order" in view.error_label.text()
    assert ctx.services.library.zone("data_collection").shortcut == "4"
    assert table.item(3, 3).text() == "4"


def test_deleting_a_used_zone_can_untag(view: TouchpointsView, ctx: UiContext,
                                        qtbot: QtBot) -> None:
    hl_id = _tagged_highlight(ctx, zone="vision")
    view.refresh()
    view.tabs.setCurrentIndex(1)
    row = [view.zone_table.item(r, 0).text() for r in range(10)].index("Vision")
    view.zone_table.selectRow(row)
    assert view.zone_table.item(row, 4).text() == "1"
    qtbot.mouseClick(view.delete_zone_button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, ReassignDeleteDialog)
    dlg.untag_radio.setChecked(True)
    assert dlg.reassign_to() is None and not dlg.target_combo.isEnabled()
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert view.zone_table.rowCount() == 9
    with session_scope(ctx.services.engine) as s:
        assert s.exec(select(HighlightZone).where(HighlightZone.highlight_id == hl_id)).all() == []
        assert s.get(Highlight, hl_id) is not None


def test_keyword_rules_are_added_and_edited_in_their_tab(ctx: UiContext, qtbot: QtBot) -> None:
    from desktop_app.ui.people.touchpoints_view import TouchpointsView

    view = TouchpointsView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.tabs.setCurrentWidget(view.rules_page)
    page = view.rules_page
    before = page.table.rowCount()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert "Type the words" in dialog.error_label.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.phrase, "nobody called back")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.touchpoint.setCurrentIndex(dialog.touchpoint.findText("Support"))
    with qtbot.waitSignal(ctx.events.taxonomy_changed, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == before + 1
    rule = next(r for r in ctx.services.suggestions.rules()
                if r.phrase == "nobody called back")
    assert (rule.language, rule.touchpoint, rule.zone) == ("en", "Support", "")
    shown = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "nobody called back" in shown
    page.select_rule(rule.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    dialog.zone.setCurrentIndex(dialog.zone.findData(int(ctx.services.library.zone(
        "handoff_responsibility").id)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert next(r for r in ctx.services.suggestions.rules()
                if r.id == rule.id).zone == "handoff_responsibility"
