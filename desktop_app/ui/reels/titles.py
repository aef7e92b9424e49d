"""The reel's title card and end card: title, subtitle and closing text, with a live preview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.reels import CARD_S, ReelView
from desktop_app.services.reels import ReelService
from desktop_app.ui.kit.dialog import labelled
from desktop_app.ui.kit.tokens import FAINT, GRAY_600, NIGHT, SURFACE


class _CardPreview(QFrame):
    """A small 16:9 dark card showing what the render's title card will say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardPreview")
        self.setStyleSheet(f"QFrame#CardPreview {{ background: {NIGHT}; border-radius: 8px; }}"
                           "QLabel { background: transparent; }")
        self.setFixedHeight(132)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.addStretch(1)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {SURFACE}; font-size: 14pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {FAINT}; font-size: 9.5pt;")
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addStretch(1)

    def show_text(self, title: str, subtitle: str, placeholder: str) -> None:
        self.title.setText(title or placeholder)
        self.title.setStyleSheet("color: %s; font-size: 14pt; font-weight: bold;"
                                 % (SURFACE if title else GRAY_600))
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))


class ReelTitlesPanel(QWidget):
    """Title/subtitle/end text fields; each is saved when editing finishes."""

    changed = Signal(object)  # ReelView

    def __init__(self, reels: ReelService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reels = reels
        self._reel: ReelView | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 4, 12, 8)
        lay.setSpacing(12)
        self.preview = _CardPreview()
        lay.addWidget(self.preview)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. What customers say about delivery"))
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setPlaceholderText(self.tr("e.g. Staff meeting, 12 March"))
        self.end_edit = QPlainTextEdit()
        self.end_edit.setPlaceholderText(self.tr("e.g. What one thing would you change for "
                                                 "them?"))
        self.end_edit.setFixedHeight(64)
        seconds = f"{CARD_S:g}"
        lay.addWidget(labelled(self.tr("Title card"), self.title_edit,
                               self.tr("Opens the reel for {0} s; leave empty for no title "
                                       "card.").format(seconds)))
        lay.addWidget(labelled(self.tr("Subtitle"), self.subtitle_edit))
        lay.addWidget(labelled(self.tr("End card"), self.end_edit,
                               self.tr("A question or call to action shown for {0} s at the "
                                       "end.").format(seconds)))
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.title_edit.editingFinished.connect(lambda: self._save("title",
                                                                   self.title_edit.text()))
        self.subtitle_edit.editingFinished.connect(
            lambda: self._save("subtitle", self.subtitle_edit.text()))
        self.end_edit.textChanged.connect(self._preview)
        self.title_edit.textChanged.connect(self._preview)
        self.subtitle_edit.textChanged.connect(self._preview)
        self.end_edit.installEventFilter(self)

    def set_reel(self, reel: ReelView | None) -> None:
        self._reel = reel
        if reel is None:
            return
        for edit, value in ((self.title_edit, reel.title), (self.subtitle_edit, reel.subtitle)):
            if edit.text() != value:
                edit.setText(value)
        if self.end_edit.toPlainText() != reel.end_text:
            self.end_edit.setPlainText(reel.end_text)
        self._preview()

    def save_pending(self) -> None:
        """Save the end text (a multi-line field has no editingFinished)."""
        if self._reel is not None and self.end_edit.toPlainText().strip() != self._reel.end_text:
            self._save("end_text", self.end_edit.toPlainText())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.end_edit and event.type() == QEvent.Type.FocusOut:
            self.save_pending()
        return False

    def _preview(self) -> None:
        self.preview.show_text(self.title_edit.text().strip(),
                               self.subtitle_edit.text().strip(),
                               self.tr("No title card"))

    def _save(self, field: str, value: str) -> None:
        if self._reel is None or getattr(self._reel, field) == value.strip():
            return
        try:
            reel = self._reels.update(self._reel.id, **{field: value})
        except CloserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        self._reel = reel
        self.changed.emit(reel)
