"""Settings view: every choice is saved to settings.json and shared with the services."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.config.settings import SETTINGS_FILE, load_settings
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.settings.view import FOLDER_MODEL, OTHER_MODEL, SettingsView


def _view(ctx: UiContext, qtbot: QtBot) -> SettingsView:
    widget = SettingsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


@pytest.fixture()
def view(ctx: UiContext, qtbot: QtBot) -> SettingsView:
    return _view(ctx, qtbot)


def _on_disk(ctx: UiContext) -> dict[str, object]:
    data = json.loads((ctx.services.home / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_choosing_russian_emits_language_changed_and_persists(view: SettingsView,
                                                              ctx: UiContext,
                                                              qtbot: QtBot) -> None:
    assert view.language_combo.currentData() == "system"
    assert not (ctx.services.home / SETTINGS_FILE).exists()  # showing saves nothing
    labels = [view.language_combo.itemText(i) for i in range(view.language_combo.count())]
    assert labels[1:] == ["English", "Русский"]
    with qtbot.waitSignal(ctx.events.language_changed, timeout=2000) as sig:
        view.language_combo.setCurrentIndex(labels.index("Русский"))
    assert sig.args == ["ru"]
    assert _on_disk(ctx)["ui_language"] == "ru"
    assert ctx.services.settings.ui_language == "ru"
    assert load_settings(ctx.services.home).ui_language == "ru"


def test_choosing_tiny_en_persists_and_is_shown_again(ctx: UiContext, view: SettingsView,
                                                      qtbot: QtBot) -> None:
    assert view.model_combo.currentData() == "base"
    assert not view.model_name_edit.isVisible() and not view.model_folder_button.isVisible()
    view.model_combo.setCurrentIndex(view.model_combo.findData("tiny.en"))
    assert _on_disk(ctx)["whisper_model"] == "tiny.en"
    assert ctx.services.settings.whisper_model == "tiny.en"
    again = _view(ctx, qtbot)
    assert again.model_combo.currentData() == "tiny.en"


def test_other_model_name_and_local_folder(ctx: UiContext, view: SettingsView, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    view.model_combo.setCurrentIndex(view.model_combo.findData(OTHER_MODEL))
    assert view.model_name_edit.isVisible()
    assert ctx.services.settings.whisper_model == "base"  # nothing typed yet
    qtbot.keyClicks(view.model_name_edit, "small")
    qtbot.keyClick(view.model_name_edit, Qt.Key.Key_Return)
    assert _on_disk(ctx)["whisper_model"] == "small"
    assert _view(ctx, qtbot).model_name_edit.text() == "small"

    folder = tmp_path / "whisper-small-ct2"
    folder.mkdir()
    view.set_model_folder(str(folder))
    assert view.model_combo.currentData() == FOLDER_MODEL
    assert view.model_folder_label.isVisible() and view.model_folder_label.text() == str(folder)
    assert _on_disk(ctx)["whisper_model"] == str(folder)
    again = _view(ctx, qtbot)
    assert again.model_combo.currentData() == FOLDER_MODEL
    assert again.model_folder_label.text() == str(folder)


def test_transcription_import_and_reminder_choices_persist(ctx: UiContext, view: SettingsView,
                                                           qtbot: QtBot) -> None:
    view.transcription_language_combo.setCurrentIndex(
        view.transcription_language_combo.findData("ru"))
    qtbot.mouseClick(view.auto_check, Qt.MouseButton.LeftButton)
    view.import_combo.setCurrentIndex(view.import_combo.findData("link"))
    view.reminder_combo.setCurrentIndex(view.reminder_combo.findData(30))
    view.threads_combo.setCurrentIndex(view.threads_combo.findData(1))
    qtbot.keyClicks(view.prompt_edit, "Closer, CloudKitchen")
    qtbot.waitUntil(lambda: _on_disk(ctx)["initial_prompt"] == "Closer, CloudKitchen",
                    timeout=3000)
    saved = load_settings(ctx.services.home)
    assert (saved.transcription_language, saved.auto_transcribe, saved.import_mode,
            saved.reminder_minutes, saved.cpu_threads) == ("ru", False, "link", 30, 1)
    assert ctx.services.settings == saved


def test_library_location_and_privacy_statement(view: SettingsView, ctx: UiContext) -> None:
    assert view.location_edit.text() == str(ctx.services.home)
    assert view.location_edit.isReadOnly()
    assert view.open_folder_button.isVisible()
    assert "Everything stays on this computer. Nothing is uploaded." in view.privacy_label.text()
