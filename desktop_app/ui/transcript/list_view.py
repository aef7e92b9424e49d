"""The list view under the transcript editor: mouse and keys mapped to words and segments.

A click on a word asks to seek there; a drag across words (or Shift+arrows) selects words, and
dragging the first or last word of a selection moves that edge (re-timing a highlight);
clicking, Ctrl/Shift-clicking or Up/Down selects whole segments (for speakers); a double-click on
the words or Enter opens the inline editor of the segment, a double-click beside them (on the
time) selects the whole sentence for tagging.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop_app.ui.transcript.delegate import TranscriptDelegate
from desktop_app.ui.transcript.model import TranscriptModel

EDGE_SCROLL = 28  # px: dragging this close to the top/bottom edge scrolls


class TranscriptList(QListView):
    """Emits word-level intents; TranscriptEditor decides what they do."""

    word_clicked = Signal(int)  # global word
    words_selected = Signal(int, int)  # first, last global word (drag or Shift+arrows)
    selection_cleared = Signal()
    step_word = Signal(int)  # -1 / +1: Left / Right
    edit_requested = Signal(QModelIndex)
    play_pause_requested = Signal()
    user_scrolled = Signal()

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TranscriptList")
        self.setModel(model)
        self.delegate_ = TranscriptDelegate(self)
        self.setItemDelegate(self.delegate_)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(24)
        self.setViewportMargins(0, 8, 0, 4)
        self._model = model
        self._anchor: int | None = None  # where a drag / Shift+arrow selection started
        self.caret: int | None = None  # the word the keyboard is on
        self._dragging = False
        self._moved = False
        self._edge = False  # the drag moves an edge of the selection
        self.read_only = False
        model.repaint_rows.connect(self.repaint_rows)

    def repaint_rows(self, first: int, last: int) -> None:
        """Repaint rows first..last where they are visible (no relayout)."""
        if last - first > 40:  # many rows (new marks): repainting the view is cheaper
            self.viewport().update()
            return
        top = self.indexAt(QPoint(4, 0)).row()
        bottom = self.indexAt(QPoint(4, self.viewport().height() - 1)).row()
        if top < 0:
            top = 0
        if bottom < 0:
            bottom = self._model.rowCount() - 1
        for row in range(max(first, top), min(last, bottom) + 1):
            self.viewport().update(self.visualRect(self._model.index(row)))

    # --- helpers ----------------------------------------------------------------------------

    def word_at(self, pos: QPoint, *, nearest: bool = False) -> int | None:
        """Global word under viewport point `pos` (with `nearest`: the closest one)."""
        index = self.indexAt(pos)
        if not index.isValid() and nearest and self._model.rowCount():
            row = 0 if pos.y() < 0 else self._model.rowCount() - 1
            index = self._model.index(row)
        local = self.delegate_.word_at(index, pos, nearest=nearest)
        return None if local is None else self._model.global_word(index.row(), local)

    def reset_words(self) -> None:
        self._anchor = self.caret = None
        self._dragging = self._moved = False

    def extend_to(self, word: int) -> None:
        if self._anchor is None:
            self._anchor = self.caret if self.caret is not None else word
        self.caret = word
        self._model.set_selection(self._anchor, word)
        a, b = self._model.selection() or (word, word)
        self.words_selected.emit(a, b)

    # --- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        word = self.word_at(pos)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.button() == Qt.MouseButton.LeftButton and word is not None and shift \
                and (self._anchor is not None or self.caret is not None):
            self.extend_to(word)
            return
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if word is None:
            if self._model.selection() is not None:
                self._model.set_selection(None)
                self.selection_cleared.emit()
            self._anchor = None
            return
        sel = self._model.selection()
        if sel is not None and sel[0] != sel[1] and word in sel \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # pressing the first or last selected word grabs that edge: drag to re-time
            self._anchor = sel[1] if word == sel[0] else sel[0]
            self.caret = word
            self._dragging, self._moved = True, False
            self._edge = True
            return
        self._edge = False
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self._model.selection() is not None:
                self._model.set_selection(None)
                self.selection_cleared.emit()
            self._anchor = self.caret = word
            self._dragging, self._moved = True, False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._dragging and event.buttons() & Qt.MouseButton.LeftButton:
            if pos.y() < EDGE_SCROLL:
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - 12)
            elif pos.y() > self.viewport().height() - EDGE_SCROLL:
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + 12)
            word = self.word_at(pos, nearest=True)
            if word is not None and (word != self._anchor or self._moved):
                self._moved = True
                self.caret = word
                self._model.set_selection(self._anchor, word)
            return
        over_word = self.word_at(pos) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over_word
                                  else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            sel = self._model.selection()
            if self._moved and sel is not None:
                self.words_selected.emit(*sel)
            elif self._edge and sel is not None and self.caret is not None:
                self.word_clicked.emit(self.caret)  # a click on an edge word: seek, keep it
            elif self.caret is not None:
                self.word_clicked.emit(self.caret)
            self._edge = False
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            words = self._model.words(index.row())
            if self.word_at(pos) is None and words:
                # beside the text (the time, the margin): select the whole sentence
                first = self._model.first_word(index.row())
                self.reset_words()
                self.caret = first
                self.extend_to(first + len(words) - 1)
                return
            self.edit_requested.emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.user_scrolled.emit()
        super().wheelEvent(event)

    # --- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) \
                and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid():
                self.edit_requested.emit(self.currentIndex())
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if shift:
                self._shift_step(step)
            else:
                if self._model.selection() is not None:
                    self._model.set_selection(None)
                    self.selection_cleared.emit()
                self._anchor = None
                self.step_word.emit(step)
            return
        if key == Qt.Key.Key_Escape and self._model.selection() is not None:
            self._model.set_selection(None)
            self._anchor = None
            self.selection_cleared.emit()
            return
        if key == Qt.Key.Key_Space and not mods:
            self.play_pause_requested.emit()
            return
        super().keyPressEvent(event)

    def _shift_step(self, step: int) -> None:
        n = self._model.word_count()
        if n == 0:
            return
        start = self.caret
        if start is None:
            start = self._model.current_word()
        if start is None:
            row = max(0, self.currentIndex().row())
            start = self._model.first_word(row) if self._model.words(row) else 0
            self._anchor = start
            self.extend_to(start)
            return
        if self._anchor is None:
            self._anchor = start
            if self._model.selection() is None:
                self.extend_to(start)
                return
        self.extend_to(max(0, min(n - 1, start + step)))
        row, _ = self._model.locate(self.caret or 0)
        self.selectionModel().setCurrentIndex(self._model.index(row),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)
