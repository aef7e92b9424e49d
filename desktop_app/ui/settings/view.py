"""Settings: UI language, transcription, importing, reminders, where the library lives, and
consent validity, retention and the audit log (`privacy.py`).

Every change is saved at once to settings.json in the library (text fields shortly after
typing stops); the shared `Settings` object is updated in place so services see it too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config.settings import save_settings
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import language_choices
from desktop_app.ui.kit.folders import open_folder
from desktop_app.ui.kit.i18n import resolve_language
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import INK_SOFT
from desktop_app.ui.settings.privacy import PrivacyControls

OTHER_MODEL = "__other__"
FOLDER_MODEL = "__folder__"
BUNDLED_MODELS = ("base", "tiny.en")  # shipped as Python packages (see media/models.py)
CONTROL_WIDTH = 320


class SettingsView(SectionView):
    """Preferences in cards; each control saves itself."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._prompt_timer = QTimer(self)
        self._prompt_timer.setSingleShot(True)
        self._prompt_timer.setInterval(600)
        self._prompt_timer.timeout.connect(self._save_prompt)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                             "{ background: transparent; }")
        outer.addWidget(scroll)
        page = QWidget()
        scroll.setWidget(page)
        root = QVBoxLayout(page)
        root.setContentsMargins(32, 28, 32, 28)
        root.setSpacing(0)
        root.addWidget(PageHeader(self.tr("Settings"),
                                  self.tr("Changes are saved as you make them.")))
        root.addSpacing(20)
        self._column = QVBoxLayout()
        self._column.setSpacing(16)
        holder = QWidget()
        holder.setLayout(self._column)
        self._column.setContentsMargins(0, 0, 0, 0)
        root.addWidget(holder)
        root.addStretch(1)
        self._build_language()
        self._build_transcription()
        self._build_import()
        self._build_library()
        self.privacy = PrivacyControls(self.ctx, self._card(self.tr("Consent, retention and "
                                                                    "audit")),
                                       self._row, self._set, self)
        self.refresh()

    # --- layout helpers ----------------------------------------------------------------------

    def _card(self, title: str) -> QVBoxLayout:
        card = QFrame()
        card.setObjectName("Card")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(24, 20, 24, 22)
        lay.setSpacing(18)
        head = QLabel(title)
        head.setObjectName("SectionTitle")
        lay.addWidget(head)
        self._column.addWidget(card)
        return lay

    @staticmethod
    def _row(card: QVBoxLayout, title: str, help_text: str, control: QWidget) -> None:
        row = QHBoxLayout()
        row.setSpacing(24)
        text = QVBoxLayout()
        text.setSpacing(2)
        name = QLabel(title)
        name.setStyleSheet(f"font-weight: bold; color: {INK_SOFT};")
        name.setBuddy(control)
        text.addWidget(name)
        if help_text:
            hint = QLabel(help_text)
            hint.setObjectName("Muted")
            hint.setWordWrap(True)
            text.addWidget(hint)
        text.addStretch(1)
        row.addLayout(text, 1)
        control.setFixedWidth(CONTROL_WIDTH)
        row.addWidget(control, 0, Qt.AlignmentFlag.AlignTop)
        card.addLayout(row)

    @staticmethod
    def _combo(items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for label, data in items:
            combo.addItem(label, data)
        return combo

    # --- sections ----------------------------------------------------------------------------

    def _build_language(self) -> None:
        card = self._card(self.tr("Language"))
        system = {"en": "English", "ru": "Русский"}[resolve_language("system")]
        self.language_combo = self._combo([
            (self.tr("Same as the system ({0})").format(system), "system"),
            ("English", "en"), ("Русский", "ru")])
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self._row(card, self.tr("App language"),
                  self.tr("The window reloads in the new language."), self.language_combo)

    def _build_transcription(self) -> None:
        card = self._card(self.tr("Transcription"))
        self.model_combo = self._combo([
            (self.tr("base — multilingual (default)"), "base"),
            (self.tr("tiny.en — English only, fastest"), "tiny.en"),
            (self.tr("Other model name…"), OTHER_MODEL),
            (self.tr("Local model folder…"), FOLDER_MODEL)])
        self.model_combo.currentIndexChanged.connect(self._on_model_choice)
        self.model_name_edit = QLineEdit()
        self.model_name_edit.setPlaceholderText(self.tr("e.g. small, medium, large-v3"))
        self.model_name_edit.editingFinished.connect(self._save_model_name)
        self.model_folder_label = QLabel()
        self.model_folder_label.setObjectName("Muted")
        self.model_folder_label.setWordWrap(True)
        self.model_folder_button = QPushButton(self.tr("Choose folder…"))
        self.model_folder_button.clicked.connect(self._choose_model_folder)
        model_box = QWidget()
        box = QVBoxLayout(model_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        for w in (self.model_combo, self.model_name_edit, self.model_folder_label,
                  self.model_folder_button):
            box.addWidget(w)
        self._row(card, self.tr("Speech model"),
                  self.tr("base and tiny.en come with Closer and work offline. Other names "
                          "are downloaded by faster-whisper once (needs internet); a folder "
                          "must hold a CTranslate2 Whisper model."), model_box)
        self.transcription_language_combo = self._combo(
            [(label, code) for code, label in language_choices()])
        self.transcription_language_combo.currentIndexChanged.connect(
            lambda _i: self._set("transcription_language",
                                 self.transcription_language_combo.currentData()))
        self._row(card, self.tr("Spoken language"),
                  self.tr("Used when a customer has no language of their own. Choosing it "
                          "is faster and more accurate than detecting it."),
                  self.transcription_language_combo)
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setPlaceholderText(self.tr("Product names, brands, jargon: "
                                                    "Closer, CloudKitchen, NPS…"))
        self.prompt_edit.setFixedHeight(78)
        self.prompt_edit.textChanged.connect(self._prompt_timer.start)
        self._row(card, self.tr("Vocabulary"),
                  self.tr("Words the model should expect. Helps with names and terms it "
                          "would otherwise mishear."), self.prompt_edit)
        self.auto_check = QCheckBox(self.tr("Start transcribing right after import"))
        self.auto_check.toggled.connect(lambda on: self._set("auto_transcribe", bool(on)))
        self._row(card, self.tr("Transcribe automatically"),
                  self.tr("Otherwise start it from the interview."), self.auto_check)
        cores = max(os.cpu_count() or 1, self.ctx.services.settings.cpu_threads)
        self.threads_combo = self._combo([(str(n), n) for n in range(1, cores + 1)])
        self.threads_combo.currentIndexChanged.connect(
            lambda _i: self._set("cpu_threads", int(self.threads_combo.currentData())))
        self._row(card, self.tr("Processor threads"),
                  self.tr("More threads transcribe faster but leave less for other apps. "
                          "This computer has {0}.").format(os.cpu_count() or 1),
                  self.threads_combo)

    def _build_import(self) -> None:
        card = self._card(self.tr("Importing and reminders"))
        self.import_combo = self._combo([
            (self.tr("Copy into the library (safest)"), "copy"),
            (self.tr("Link to the original file"), "link")])
        self.import_combo.currentIndexChanged.connect(
            lambda _i: self._set("import_mode", self.import_combo.currentData()))
        self._row(card, self.tr("Imported recordings"),
                  self.tr("A copy keeps working when the original is moved or deleted; a "
                          "link saves disk space."), self.import_combo)
        self.reminder_combo = self._combo([(self.tr("No reminder"), 0)] + [
            (self.tr("%n minute(s) before", "", n), n) for n in (5, 10, 15, 30, 60)])
        self.reminder_combo.currentIndexChanged.connect(
            lambda _i: self._set("reminder_minutes", int(self.reminder_combo.currentData())))
        self._row(card, self.tr("Interview reminders"),
                  self.tr("A notification before a scheduled interview."),
                  self.reminder_combo)

    def _build_library(self) -> None:
        card = self._card(self.tr("Library and privacy"))
        location = QWidget()
        lay = QHBoxLayout(location)
        lay.setContentsMargins(0, 0, 0, 0)
        self.location_edit = QLineEdit(str(self.ctx.services.home))
        self.location_edit.setReadOnly(True)
        self.location_edit.setCursorPosition(0)
        self.location_edit.setToolTip(str(self.ctx.services.home))
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_library_folder)
        lay.addWidget(self.location_edit, 1)
        lay.addWidget(self.open_folder_button)
        self._row(card, self.tr("Library location"),
                  self.tr("Recordings, transcripts and the database live here. Back up this "
                          "folder to keep everything safe."), location)
        self.privacy_text = self.tr("Everything stays on this computer. Nothing is uploaded.")
        privacy = QLabel(f"<b>{self.tr('Private by design.')}</b>&nbsp; {self.privacy_text}")
        privacy.setObjectName("Badge")
        privacy.setStyleSheet("padding: 10px 14px; border-radius: 8px; font-size: 10pt;")
        privacy.setWordWrap(True)
        self.privacy_label = privacy
        card.addWidget(privacy)

    # --- state -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the current settings (without saving anything)."""
        s = self.ctx.services.settings
        self._loading = True
        try:
            self._select(self.language_combo, s.ui_language, "system")
            model = s.whisper_model or "base"
            if model in BUNDLED_MODELS:
                self._select(self.model_combo, model)
            elif Path(model).expanduser().is_absolute():
                self._select(self.model_combo, FOLDER_MODEL)
                self.model_folder_label.setText(model)
            else:
                self._select(self.model_combo, OTHER_MODEL)
                self.model_name_edit.setText(model)
            self._show_model_extras()
            self._select(self.transcription_language_combo, s.transcription_language, "auto")
            if self.prompt_edit.toPlainText() != s.initial_prompt:
                self.prompt_edit.setPlainText(s.initial_prompt)
                self._prompt_timer.stop()
            self.auto_check.setChecked(s.auto_transcribe)
            self._select(self.import_combo, s.import_mode, "copy")
            self._select(self.reminder_combo, s.reminder_minutes, 15,
                         self.tr("%n minute(s) before", "", s.reminder_minutes))
            self._select(self.threads_combo, s.cpu_threads, 2)
            self.privacy.refresh(s)
        finally:
            self._loading = False

    @staticmethod
    def _select(combo: QComboBox, value: Any, fallback: Any = None, label: str = "") -> None:
        idx = combo.findData(value)
        if idx < 0 and label:
            combo.addItem(label, value)
            idx = combo.count() - 1
        if idx < 0:
            idx = max(0, combo.findData(fallback))
        combo.setCurrentIndex(idx)

    def _set(self, key: str, value: Any) -> None:
        if self._loading:
            return
        settings = self.ctx.services.settings
        if getattr(settings, key) == value:
            return
        setattr(settings, key, value)
        save_settings(settings, self.ctx.services.home)

    def _on_language(self, _index: int) -> None:
        if self._loading:
            return
        setting = str(self.language_combo.currentData())
        if setting == self.ctx.services.settings.ui_language:
            return
        if self._prompt_timer.isActive():
            self._save_prompt()  # this view is about to be rebuilt
        self._set("ui_language", setting)
        # The app re-installs translators and rebuilds the window (this view included).
        self.ctx.events.language_changed.emit(setting)

    def _show_model_extras(self) -> None:
        choice = self.model_combo.currentData()
        self.model_name_edit.setVisible(choice == OTHER_MODEL)
        folder = choice == FOLDER_MODEL
        self.model_folder_label.setVisible(folder and bool(self.model_folder_label.text()))
        self.model_folder_button.setVisible(folder)

    def _on_model_choice(self, _index: int) -> None:
        self._show_model_extras()
        choice = self.model_combo.currentData()
        if choice in BUNDLED_MODELS:
            self._set("whisper_model", choice)
        elif choice == OTHER_MODEL and not self._loading:
            self.model_name_edit.setFocus()
            self._save_model_name()
        elif choice == FOLDER_MODEL and self.model_folder_label.text():
            self._set("whisper_model", self.model_folder_label.text())

    def _save_model_name(self) -> None:
        name = self.model_name_edit.text().strip()
        if name and self.model_combo.currentData() == OTHER_MODEL:
            self._set("whisper_model", name)

    def _choose_model_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a Whisper model folder"),
            self.model_folder_label.text() or str(Path.home()))
        if folder:
            self.set_model_folder(folder)

    def set_model_folder(self, folder: str) -> None:
        """Use a local CTranslate2 model folder (what the folder picker does)."""
        self._select(self.model_combo, FOLDER_MODEL)
        self.model_folder_label.setText(folder)
        self._show_model_extras()
        self._set("whisper_model", folder)

    def _save_prompt(self) -> None:
        self._prompt_timer.stop()
        self._set("initial_prompt", self.prompt_edit.toPlainText().strip())

    def open_library_folder(self) -> None:
        self.folder_message = open_folder(self.ctx.services.home, self)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._prompt_timer.isActive():
            self._save_prompt()
        super().hideEvent(event)

    def shutdown(self) -> None:
        if self._prompt_timer.isActive():
            self._save_prompt()
