"""Beside the preview: the interview guide (questions to tick off as they are asked) and the live
notes and markers, each at its time in the recording."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.recording import NoteView, clock
from desktop_app.services.scheduling_status import GuideInfo


class _Question(QFrame):
    """One question: a number, the wrapped text, ticked off (greyed) when asked."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideQuestion")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(10)
        self.box = QCheckBox()
        self.box.setCursor(Qt.CursorShape.PointingHandCursor)
        self.box.setToolTip(self.tr("Asked"))
        self.label = QLabel(f"{number}. {text}")
        self.label.setWordWrap(True)
        self.label.setObjectName("GuideText")
        lay.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.label, 1)
        self.box.toggled.connect(self._on_toggled)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.toggle()

    def _on_toggled(self, asked: bool) -> None:
        self.label.setProperty("asked", asked)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class GuidePanel(QFrame):
    """The guide's questions, in a scrolling list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 8, 10)
        lay.setSpacing(6)
        head = QHBoxLayout()
        title = QLabel(self.tr("Interview guide"))
        title.setObjectName("SectionTitle")
        self.progress = QLabel()
        self.progress.setObjectName("Muted")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.progress)
        head.addSpacing(8)
        lay.addLayout(head)
        self.name = QLabel()
        self.name.setObjectName("Muted")
        lay.addWidget(self.name)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("GuideScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body.setObjectName("GuideBody")
        self.rows = QVBoxLayout(self.body)
        self.rows.setContentsMargins(0, 0, 6, 0)
        self.rows.setSpacing(2)
        self.scroll.setWidget(self.body)
        lay.addWidget(self.scroll, 1)
        self.questions: list[_Question] = []

    def set_guide(self, guide: GuideInfo | None) -> None:
        for q in self.questions:
            q.deleteLater()
        self.questions = []
        while self.rows.count():
            self.rows.takeAt(0)
        if guide is None:
            self.name.setText(self.tr("No guide: add one in Schedule › Guides."))
            self.progress.setText("")
            return
        self.name.setText(guide.name)
        for i, text in enumerate(guide.questions, 1):
            q = _Question(i, text)
            q.box.toggled.connect(self._count)
            self.questions.append(q)
            self.rows.addWidget(q)
        self.rows.addStretch(1)
        self._count()

    def _count(self) -> None:
        asked = sum(q.box.isChecked() for q in self.questions)
        self.progress.setText(self.tr("{0} of {1} asked").format(asked, len(self.questions)))


class NotesPanel(QFrame):
    """Markers and notes with their times; a field for the next note (Enter saves it)."""

    note_entered = Signal(str, float)  # text, the time the note was started at
    MARKER = "⚑"

    def __init__(self, now: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._now = now
        self._started_at: float | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(8)
        head = QHBoxLayout()
        title = QLabel(self.tr("Notes & markers"))
        title.setObjectName("SectionTitle")
        self.count = QLabel()
        self.count.setObjectName("Muted")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        lay.addLayout(head)
        self.list = QListWidget()
        self.list.setObjectName("NotesList")
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        lay.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("Press M to mark a moment worth a clip. Notes you type "
                                    "are saved at the time you started typing them."))
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.field = QLineEdit()
        self.field.setObjectName("NoteField")
        self.field.setPlaceholderText(self.tr("Type a note, Enter to save"))
        self.field.textEdited.connect(self._on_edited)
        self.field.returnPressed.connect(self._on_return)
        lay.addWidget(self.field)
        self._refresh()

    def clear(self) -> None:
        self.list.clear()
        self.field.clear()
        self._started_at = None
        self._refresh()

    def add(self, note: NoteView) -> QListWidgetItem:
        if note.kind == "marker":
            text = f"{clock(note.t)}   {self.MARKER}  " + (note.text or self.tr("Marker"))
        else:
            text = f"{clock(note.t)}   {note.text}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, note.id)
        if note.kind == "marker":
            item.setForeground(Qt.GlobalColor.darkMagenta)
        self.list.addItem(item)
        self.list.scrollToBottom()
        self._refresh()
        return item

    def _refresh(self) -> None:
        n = self.list.count()
        self.empty.setVisible(n == 0)
        self.list.setVisible(n > 0)
        self.count.setText(str(n) if n else "")

    def _on_edited(self, text: str) -> None:
        if not text.strip():
            self._started_at = None
        elif self._started_at is None:
            self._started_at = self._now()

    def _on_return(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        t = self._started_at if self._started_at is not None else self._now()
        self.field.clear()
        self._started_at = None
        self.note_entered.emit(text, t)
