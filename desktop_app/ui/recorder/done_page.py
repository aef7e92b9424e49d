"""After Stop: "Saving…" for the few seconds the file takes, then what was saved (length,
tracks, markers turned into highlight stubs, transcription queued) or why nothing could be."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.recording import SavedRecording, clock


class DonePage(QWidget):
    open_clicked = Signal()
    close_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        card = QFrame()
        card.setObjectName("Card")
        card.setFixedWidth(560)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(36, 32, 36, 28)
        lay.setSpacing(10)
        self.icon = QLabel("✓")
        self.icon.setObjectName("DoneIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("DoneTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.title)
        self.lines = QLabel()
        self.lines.setObjectName("DoneLine")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.lines)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(6)
        lay.addWidget(self.busy)
        lay.addSpacing(10)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("ControlButton")
        self.open_button = QPushButton(self.tr("Open interview"))
        self.open_button.setObjectName("PrimaryButton")
        for b in (self.close_button, self.open_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.close_button.clicked.connect(self.close_clicked)
        self.open_button.clicked.connect(self.open_clicked)
        lay.addLayout(buttons)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def _icon(self, text: str, kind: str) -> None:
        self.icon.setText(text)
        self.icon.setProperty("kind", kind)
        self.icon.style().unpolish(self.icon)
        self.icon.style().polish(self.icon)

    def show_saving(self, note: str = "") -> None:
        self._icon("…", "busy")
        self.title.setText(self.tr("Saving the recording…"))
        self.lines.setText(note or self.tr("This takes a few seconds: nothing is re-encoded."))
        self.busy.show()
        self.open_button.hide()
        self.close_button.hide()

    def show_saved(self, saved: SavedRecording, *, stubs: int, transcribing: bool,
                   note: str = "") -> None:
        self._icon("✓", "ok")
        self.title.setText(self.tr("Recording saved"))
        what = (self.tr("video and %n audio track(s)", "", saved.audio_tracks)
                if saved.has_video and saved.audio_tracks > 1 else
                self.tr("video and sound") if saved.has_video and saved.audio_tracks else
                self.tr("video") if saved.has_video else
                self.tr("sound on %n track(s)", "", saved.audio_tracks)
                if saved.audio_tracks > 1 else self.tr("sound"))
        lines = [self.tr("{0} of {1} with {2}.").format(clock(saved.duration_s), what,
                                                        saved.customer)]
        if stubs:
            lines.append(self.tr("%n marked moment(s) became highlights to review.", "", stubs))
        if not saved.has_audio:
            lines.append(self.tr("This recording has no sound, so there is nothing to "
                                 "transcribe."))
        else:
            lines.append(self.tr("Transcription is queued: follow it in the sidebar.")
                         if transcribing else
                         self.tr("Transcribe it from the interview page when you are ready."))
        if note:
            lines.append(note)
        self.lines.setText("\n".join(lines))
        self.busy.hide()
        self.open_button.show()
        self.close_button.show()

    def show_failed(self, error: str) -> None:
        self._icon("!", "error")
        self.title.setText(self.tr("The recording could not be saved"))
        self.lines.setText(error)
        self.busy.hide()
        self.open_button.hide()
        self.close_button.show()
