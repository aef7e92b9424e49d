"""Customers & Personas view: add/edit/delete customers and personas on a real library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.people.customer_dialog import NEW_PERSONA, CustomerDialog
from desktop_app.ui.people.customers_view import CustomersView
from desktop_app.ui.people.persona_dialog import PORTRAITS_DIR, PersonaDialog


@pytest.fixture()
def view(ctx: UiContext, qtbot: QtBot) -> CustomersView:
    widget = CustomersView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _row_texts(view: CustomersView, row: int) -> list[str]:
    return [view.table.item(row, c).text() for c in range(view.table.columnCount())]


def test_customer_added_through_dialog_with_new_persona(view: CustomersView, ctx: UiContext,
                                                        qtbot: QtBot) -> None:
    assert view.customer_stack.currentWidget() is view.customers_empty
    assert not view.add_customer_button.isVisible()  # the empty state carries the action
    assert view.customers_empty.button is not None
    qtbot.mouseClick(view.customers_empty.button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, CustomerDialog) and dlg.isVisible()
    assert not dlg.new_persona_edit.isVisible()
    qtbot.keyClicks(dlg.name_edit, "Anna Petrova")
    qtbot.keyClicks(dlg.company_edit, "Petrova Bakery")
    qtbot.keyClicks(dlg.email_edit, "anna@example.com")
    dlg.persona_combo.setCurrentIndex(dlg.persona_combo.findData(NEW_PERSONA))
    assert dlg.new_persona_edit.isVisible()
    qtbot.keyClicks(dlg.new_persona_edit, "Busy parent")
    dlg.language_combo.setCurrentIndex(dlg.language_combo.findData("ru"))
    dlg.set_cadence(28)
    with qtbot.waitSignal(ctx.events.customers_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    assert not dlg.isVisible() and view.active_dialog is None
    assert view.table.rowCount() == 1 and view.add_customer_button.isVisible()
    row = _row_texts(view, 0)
    assert row[:5] == ["Anna Petrova", "Petrova Bakery", "Busy parent", "anna@example.com",
                       "Russian"]
    assert row[5] == "28 days" and row[6] == "0"
    assert view.selected_customer_id() is not None
    lib = ctx.services.library
    customer = lib.customer_by_name("Anna Petrova")
    persona = lib.persona_by_name("Busy parent")
    assert customer.persona_id == persona.id
    assert (customer.language, customer.cadence_days, customer.email) == ("ru", 28,
                                                                          "anna@example.com")
    assert view.tabs.tabText(0).endswith("(1)") and view.tabs.tabText(1).endswith("(1)")
    view.tabs.setCurrentIndex(1)
    assert view.persona_name.text() == "Busy parent"
    assert view.persona_customers.text() == "Anna Petrova"


def test_empty_name_shows_inline_error_and_saves_nothing(view: CustomersView, ctx: UiContext,
                                                         qtbot: QtBot) -> None:
    assert view.customers_empty.button is not None
    qtbot.mouseClick(view.customers_empty.button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, CustomerDialog)
    qtbot.keyClicks(dlg.name_edit, "   ")
    dlg.select_new_persona("Office manager")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.error_label.isVisible() and "needs a name" in dlg.error_label.text()
    assert ctx.services.library.customers() == []
    assert ctx.services.library.personas() == []
    assert view.table.rowCount() == 0
    dlg.reject()


def test_edit_rejects_duplicate_name_inline_then_saves(view: CustomersView, ctx: UiContext,
                                                      qtbot: QtBot) -> None:
    lib = ctx.services.library
    lib.add_customer(name="John Carter", persona="Small-business owner")
    lib.add_customer(name="Maria Lopez")
    view.refresh()
    view.select_customer(lib.customer_by_name("Maria Lopez").id)
    qtbot.mouseClick(view.edit_customer_button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, CustomerDialog)
    assert dlg.name_edit.text() == "Maria Lopez"
    dlg.name_edit.setText("John Carter")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "already exists" in dlg.error_label.text()
    dlg.name_edit.setText("Maria López")
    dlg.persona_combo.setCurrentIndex(dlg.persona_combo.findText("Small-business owner"))
    qtbot.keyClicks(dlg.email_edit, "not an address")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "e-mail" in dlg.error_label.text()
    dlg.email_edit.clear()
    with qtbot.waitSignal(ctx.events.customers_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert names == ["John Carter", "Maria López"]
    assert _row_texts(view, 1)[2] == "Small-business owner"


def test_delete_customer_asks_first(view: CustomersView, ctx: UiContext, qtbot: QtBot) -> None:
    lib = ctx.services.library
    lib.add_customer(name="Oleg Ivanov")
    view.refresh()
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_customer_button, Qt.MouseButton.LeftButton)
    box = view.active_dialog
    assert box is not None and "Oleg Ivanov" in box.text()
    box.reject()  # Cancel keeps the customer
    assert [c.name for c in lib.customers()] == ["Oleg Ivanov"]
    qtbot.mouseClick(view.delete_customer_button, Qt.MouseButton.LeftButton)
    box = view.active_dialog
    with qtbot.waitSignal(ctx.events.customers_changed, timeout=2000):
        qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert lib.customers() == []
    assert view.customer_stack.currentWidget() is view.customers_empty


def test_persona_with_portrait_then_deleted(view: CustomersView, ctx: UiContext, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    lib = ctx.services.library
    lib.add_customer(name="Anna Petrova")
    view.refresh()
    portrait = tmp_path / "face.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#e11d48"))
    assert image.save(str(portrait))
    view.tabs.setCurrentIndex(1)
    assert view.persona_stack.currentWidget() is view.personas_empty
    assert view.personas_empty.button is not None
    qtbot.mouseClick(view.personas_empty.button, Qt.MouseButton.LeftButton)
    dlg = view.active_dialog
    assert isinstance(dlg, PersonaDialog)
    not_image = tmp_path / "notes.txt"
    not_image.write_text("hello", encoding="utf-8")
    assert not dlg.set_portrait(str(not_image))
    assert "not an image" in dlg.error_label.text()
    assert dlg.set_portrait(str(portrait)) and dlg.avatar.shows_image()
    qtbot.keyClicks(dlg.name_edit, "Busy parent")
    qtbot.keyClicks(dlg.goals_edit, "Groceries right the first time.")
    with qtbot.waitSignal(ctx.events.customers_changed, timeout=2000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    persona = lib.persona_by_name("Busy parent")
    stored = Path(persona.portrait_path)
    assert stored.parent == ctx.services.home / PORTRAITS_DIR and stored.is_file()
    assert persona.goals == "Groceries right the first time."
    assert view.persona_name.text() == "Busy parent" and view.persona_avatar.shows_image()
    assert view.persona_goals.text() == "Groceries right the first time."

    anna = lib.customer_by_name("Anna Petrova")
    lib.update_customer(anna.id, persona_id=persona.id)
    view.refresh()
    qtbot.mouseClick(view.delete_persona_button, Qt.MouseButton.LeftButton)
    box = view.active_dialog
    assert box is not None and "One customer" in box.text()
    with qtbot.waitSignal(ctx.events.customers_changed, timeout=2000):
        qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert lib.personas() == []
    assert lib.customer_by_name("Anna Petrova").persona_id is None
    assert view.persona_stack.currentWidget() is view.personas_empty
