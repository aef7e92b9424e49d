"""Before there is a transcript: what transcribing gives, a Transcribe button, model/language.

Also `TranscriptLoader`, which reads a transcript off the GUI thread (a long transcript takes a
noticeable moment to read while a transcription keeps adding to it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from desktop_app.config.settings import Settings
from desktop_app.domain.transcript import TranscriptView
from desktop_app.ui.kit.background import BackgroundLoader

MODELS = (("base", "base — multilingual, accurate"), ("tiny.en", "tiny.en — English only, fast"))
LANGUAGES = (("auto", "Detect automatically"), ("en", "English"), ("ru", "Russian"),
             ("de", "German"), ("fr", "French"), ("es", "Spanish"))


def _t(text: str) -> str:
    return QCoreApplication.translate("TranscribeStart", text)


def language_name(code: str) -> str:
    return next((_t(name) for c, name in LANGUAGES if c == code), code)


class TranscribeStart(QWidget):
    """The empty state of the transcript panel; `transcribe_requested` when clicked."""

    transcribe_requested = Signal()

    def __init__(self, settings: Callable[[], Settings], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TranscriptEmpty")
        self._settings = settings
        self.model_choice: str | None = None  # None: the model chosen in Settings
        self.language_choice: str | None = None  # None: the interview's/customer's/settings'
        self.silent = False  # the recording has no sound: nothing to offer
        col = QVBoxLayout(self)
        col.setContentsMargins(36, 24, 36, 24)
        col.addStretch(2)
        self.title = QLabel(self.tr("No transcript yet"))
        self.title.setObjectName("EmptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self.tr(
            "Transcribe this recording on this computer — nothing leaves it. You can then "
            "read along while it plays, click any word to jump there, fix words and speakers, "
            "and search everything customers said."))
        self.text.setObjectName("EmptyText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(420)
        self._offer = (self.title.text(), self.text.text())
        col.addWidget(self.title)
        col.addSpacing(8)
        col.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addSpacing(18)
        buttons = QHBoxLayout()
        buttons.setSpacing(0)
        buttons.addStretch(1)
        self.button = QPushButton(self.tr("Transcribe"))
        self.button.setObjectName("PrimaryButton")
        self.button.setProperty("split", "left")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.transcribe_requested)
        self.options_button = QPushButton("▾")
        self.options_button.setObjectName("PrimaryButton")
        self.options_button.setProperty("split", "right")
        self.options_button.setToolTip(self.tr("Model and language"))
        self.options_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.options_button.setMenu(self._options_menu())
        buttons.addWidget(self.button)
        buttons.addWidget(self.options_button)
        buttons.addStretch(1)
        col.addLayout(buttons)
        col.addSpacing(10)
        self.choice_label = QLabel()
        self.choice_label.setObjectName("Muted")
        self.choice_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.choice_label)
        col.addStretch(3)
        self.update_choice_label()

    def _options_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("TranscribeOptions")
        self.model_actions = self._group(menu, self.tr("Speech model"),
                                         [(m, _t(n)) for m, n in MODELS], "model")
        self.language_actions = self._group(menu, self.tr("Language"),
                                            [(c, _t(n)) for c, n in LANGUAGES], "language")
        return menu

    def _group(self, menu: QMenu, title: str, items: list[tuple[str, str]],
               kind: str) -> dict[str | None, QAction]:
        menu.addSection(title)
        group = QActionGroup(menu)
        actions: dict[str | None, QAction] = {}
        for key, name in [(None, self.tr("As in Settings")), *items]:
            act = menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(key is None)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, k=key: self.set_choices(**{kind: k or ""}))
            actions[key] = act
        return actions

    def set_choices(self, *, model: str | None = None, language: str | None = None) -> None:
        """Model/language for the next transcription ("" goes back to the default)."""
        if model is not None:
            self.model_choice = model or None
            self.model_actions[self.model_choice].setChecked(True)
        if language is not None:
            self.language_choice = language or None
            self.language_actions[self.language_choice].setChecked(True)
        self.update_choice_label()

    def update_choice_label(self) -> None:
        settings = self._settings()
        model = self.model_choice or settings.whisper_model or "base"
        lang = self.language_choice or settings.transcription_language or "auto"
        self.choice_label.setText(self.tr("Model {0}  ·  {1}").format(
            model, language_name(lang)))

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.options_button.setEnabled(not busy)

    def set_silent(self, silent: bool) -> None:
        """A recording without sound: say so instead of offering to transcribe it."""
        self.silent = silent
        if silent:
            self.title.setText(self.tr("No sound in this recording"))
            self.text.setText(self.tr("This recording has no sound, so there is nothing to "
                                      "transcribe."))
        else:
            self.title.setText(self._offer[0])
            self.text.setText(self._offer[1])
        for w in (self.button, self.options_button, self.choice_label):
            w.setVisible(not silent)

    def showEvent(self, event: QShowEvent) -> None:
        # a word-wrapped label under a style sheet may be given one line's height: size it
        rect = QFontMetrics(self.text.font()).boundingRect(
            0, 0, self.text.width(), 10_000, Qt.TextFlag.TextWordWrap, self.text.text())
        self.text.setMinimumHeight(rect.height() + 6)
        self.update_choice_label()
        super().showEvent(event)


class TranscriptLoader(QObject):
    """Reads transcripts on a worker thread, one at a time; `loaded` on the GUI thread."""

    loaded = Signal(int, object)  # interview id, TranscriptView | None

    def __init__(self, read: Callable[[int], TranscriptView | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._loader = BackgroundLoader(self, threads=1)

    @property
    def busy(self) -> bool:
        return self._loader.busy()

    def load(self, interview_id: int) -> bool:
        """Start reading (False when a read is still in flight); an unreadable one loads None."""
        if self.busy:
            return False
        self._loader.submit("transcript", lambda: self._read(interview_id),
                            lambda view: self.loaded.emit(interview_id, view),
                            lambda _message: self.loaded.emit(interview_id, None))
        return True

    def wait(self, timeout_ms: int = 5000) -> bool:
        return self._loader.wait(timeout_ms)
