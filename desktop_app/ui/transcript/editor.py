"""TranscriptEditor: a word-timed transcript that follows the player and can be corrected.

One QListView row per segment, painted by a delegate (no widget per word), so a transcript of
thousands of segments stays responsive. Public API used by the interview page and tagging:

- `load(interview_id)` / `set_transcript(view)`; `set_position(seconds)` (connect the player's
  `position_changed`); `seek_requested(float)` when the user clicks a word;
- `selection_changed(start_s, end_s, text)` when the user selects words (drag or Shift+arrows),
  `selection_cleared`, `selected_range()`, `set_highlight_ranges([(start, end, colour)])`;
- edits through `edit_segment_text`, `assign_speaker`, `rename_speaker`, all undoable on
  `undo_stack` (Ctrl+Z / Ctrl+Shift+Z); `transcript_edited(interview_id)` after each change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QVBoxLayout, QWidget

from desktop_app.domain.errors import CloserError
from desktop_app.domain.transcript import TranscriptView
from desktop_app.services.transcripts import TranscriptQueries
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.transcript.commands import EditTextCommand, SpeakerCommand
from desktop_app.ui.transcript.list_view import TranscriptList
from desktop_app.ui.transcript.menus import context_menu, speaker_menu
from desktop_app.ui.transcript.model import TranscriptModel
from desktop_app.ui.transcript.speakers import speaker_label

FOLLOW_PAUSE_S = 4.0  # after the user scrolls, playback does not scroll for this long
REVEAL_MARGIN = 48


class TranscriptEditor(QWidget):
    """The transcript of one interview; writes edits through `transcripts`."""

    seek_requested = Signal(float)
    selection_changed = Signal(float, float, str)  # start_s, end_s, text
    selection_cleared = Signal()
    transcript_edited = Signal(int)  # interview id
    play_pause_requested = Signal()
    error = Signal(str)

    def __init__(self, transcripts: TranscriptQueries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._transcripts = transcripts
        self.interview_id: int | None = None
        self.model = TranscriptModel(self)
        self.list = TranscriptList(self.model)
        self.delegate = self.list.delegate_
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._read_only = False
        # callables (menu, global word under the pointer or None) adding right-click entries
        self.menu_extenders: list[Callable[[QMenu, int | None], None]] = []
        self.last_menu: QMenu | None = None
        self._scrolled_at = 0.0
        self.speaker_dialog: QInputDialog | None = None
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(lambda: self.reveal_current(force=True))

        self.list.word_clicked.connect(self._on_word_clicked)
        self.list.words_selected.connect(self._on_words_selected)
        self.list.selection_cleared.connect(self.selection_cleared)
        self.list.step_word.connect(self._step_word)
        self.list.edit_requested.connect(self.begin_edit)
        self.list.play_pause_requested.connect(self.play_pause_requested)
        self.list.user_scrolled.connect(self._on_user_scrolled)
        self.list.verticalScrollBar().sliderPressed.connect(self._on_user_scrolled)
        self.delegate.text_committed.connect(self._on_text_committed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)

    # --- loading ----------------------------------------------------------------------------

    def load(self, interview_id: int) -> TranscriptView | None:
        """Read the interview's transcript from the library (None: not transcribed yet)."""
        view = self._transcripts.transcript(interview_id)
        self.interview_id = interview_id
        self.set_transcript(view)
        return view

    def set_transcript(self, view: TranscriptView | None, *, keep_scroll: bool = False) -> None:
        """Show `view`; a different interview also clears the undo history."""
        if keep_scroll and view is not None and self.model.extend(view):
            return
        new_interview = view is None or view.interview_id != self.interview_id
        if view is not None:
            self.interview_id = view.interview_id
        scroll = self.list.verticalScrollBar().value()
        if self.list.state() == QAbstractItemView.State.EditingState:
            self.list.closePersistentEditor(self.list.currentIndex())
        self.delegate.clear_cache()
        self.list.reset_words()
        self.model.set_transcript(view)
        if new_interview and not keep_scroll:
            self.undo_stack.clear()
        if keep_scroll:
            self.list.doItemsLayout()
            self.list.verticalScrollBar().setValue(scroll)

    def transcript(self) -> TranscriptView | None:
        return self.model.view

    def set_read_only(self, read_only: bool) -> None:
        """While a transcription is writing the transcript, it cannot be edited."""
        self._read_only = read_only
        self.list.read_only = read_only
        self.undo_action.setEnabled(not read_only and self.undo_stack.canUndo())
        self.redo_action.setEnabled(not read_only and self.undo_stack.canRedo())

    def is_read_only(self) -> bool:
        return self._read_only

    # --- playback ---------------------------------------------------------------------------

    def set_position(self, seconds: float, *, reveal: bool = False) -> None:
        """Highlight the word playing at `seconds`; keep it visible unless the user scrolled."""
        word = self.model.word_at_time(seconds)
        changed = self.model.set_current(word)
        if word is None:
            return
        if reveal:
            self._reveal_timer.start()  # after the list laid out its rows
        elif changed:
            self.reveal_current()

    def current_word(self) -> tuple[int, int] | None:
        """(row, word index in the row) of the highlighted word, if any."""
        w = self.model.current_word()
        return None if w is None else self.model.locate(w)

    def current_word_text(self) -> str:
        w = self.model.current_word()
        return "" if w is None else self.model.word(w).word.strip()

    def reveal_current(self, *, force: bool = False) -> None:
        w = self.model.current_word()
        if w is None:
            return
        if not force and (time.monotonic() - self._scrolled_at < FOLLOW_PAUSE_S
                          or self.list.state() != QAbstractItemView.State.NoState):
            return
        row, local = self.model.locate(w)
        if not self.list.visualRect(self.model.index(row)).isValid():
            self.list.doItemsLayout()
        rect = self.delegate.word_rect(row, local)
        vp = self.list.viewport().rect()
        # following playback: scroll only when the word leaves the view; an explicit jump
        # (open at a moment, a search result) puts the word a third of the way down
        limit = vp.height() * 2 // 3 if force else vp.height() - REVEAL_MARGIN
        if rect.top() >= REVEAL_MARGIN and rect.bottom() <= limit:
            return
        bar = self.list.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - vp.height() // 3)

    def _on_user_scrolled(self) -> None:
        self._scrolled_at = time.monotonic()

    def _on_word_clicked(self, word: int) -> None:
        self._scrolled_at = 0.0
        self.model.set_current(word)
        self.seek_requested.emit(self.model.word(word).start)

    def _step_word(self, step: int) -> None:
        n = self.model.word_count()
        if n == 0:
            return
        base = self.model.current_word()
        if base is None:
            base = self.list.caret if self.list.caret is not None else -1 if step > 0 else n
        target = max(0, min(n - 1, base + step))
        self.list.caret = target
        self._on_word_clicked(target)
        self.reveal_current(force=True)

    # --- word selection (tagging) -----------------------------------------------------------

    def _on_words_selected(self, first: int, last: int) -> None:
        words = self.model.selected_words()
        if words:
            text = "".join(w.word for w in words).strip()
            self.selection_changed.emit(words[0].start, max(w.end for w in words), text)

    def selected_range(self) -> tuple[float, float] | None:
        """(start_s, end_s) of the selected words, or None."""
        words = self.model.selected_words()
        if not words:
            return None
        return words[0].start, max(w.end for w in words)

    def selected_text(self) -> str:
        return "".join(w.word for w in self.model.selected_words()).strip()

    def select_words(self, first: int, last: int) -> None:
        """Select global words first..last (as a drag would) and announce it."""
        self.list.reset_words()
        self.list.caret = first
        self.list.extend_to(last)

    def clear_selection(self) -> None:
        if self.model.selection() is not None:
            self.model.set_selection(None)
            self.selection_cleared.emit()

    def set_highlight_ranges(self, ranges: Sequence[tuple[float, float, str]]) -> None:
        """Tint the words inside each (start_s, end_s, colour) range, e.g. tagged highlights."""
        self.model.set_highlights(ranges)

    # --- segments and speakers --------------------------------------------------------------

    def selected_segment_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        return [self.model.segment(r).id for r in rows]

    def select_segments(self, segment_ids: Sequence[int]) -> None:
        sm = self.list.selectionModel()
        sm.clearSelection()
        flag = sm.SelectionFlag.Select
        for sid in segment_ids:
            row = self.model.row_of_segment(sid)
            if row >= 0:
                sm.select(self.model.index(row), flag)
                sm.setCurrentIndex(self.model.index(row), sm.SelectionFlag.NoUpdate)

    def speakers(self) -> list[str]:
        return self.model.speakers()

    def assign_speaker(self, name: str, segment_ids: Sequence[int] | None = None) -> int:
        """Give the segments (default: the selected ones) speaker `name`; undoable."""
        ids = list(segment_ids) if segment_ids is not None else self.selected_segment_ids()
        name = name.strip()
        old = {self.model.segment(r).id: self.model.segment(r).speaker
               for r in range(self.model.rowCount()) if self.model.segment(r).id in ids}
        if self._read_only or not old or all(v == name for v in old.values()):
            return 0
        if not self.apply_speakers(dict.fromkeys(old, name)):
            return 0
        title = self.tr("Set speaker to {0}").format(speaker_label(name)) if name \
            else self.tr("Clear speaker")
        self.undo_stack.push(SpeakerCommand(self, old, dict.fromkeys(old, name), title))
        return len(old)

    def rename_speaker(self, old_name: str, new_name: str) -> int:
        """Rename a speaker everywhere in this interview; undoable."""
        new_name = new_name.strip()
        segs = [s for s in self.model.segments() if s.speaker == old_name]
        if self._read_only or not segs or not new_name or new_name == old_name \
                or self.interview_id is None:
            return 0
        try:
            self._transcripts.rename_speaker(self.interview_id, old_name, new_name)
        except CloserError as exc:
            self.error.emit(str(exc))
            return 0
        new = {s.id: new_name for s in segs}
        self.model.set_speakers(new)
        self._after_edit()
        self.undo_stack.push(SpeakerCommand(
            self, {s.id: old_name for s in segs}, new,
            self.tr("Rename {0} to {1}").format(old_name, new_name)))
        return len(segs)

    def apply_speakers(self, names: dict[int, str]) -> bool:
        groups: dict[str, list[int]] = {}
        for sid, name in names.items():
            groups.setdefault(name, []).append(sid)
        try:
            for name, ids in groups.items():
                self._transcripts.set_speaker(ids, name)
        except CloserError as exc:
            self.error.emit(str(exc))
            return False
        self.model.set_speakers(names)
        self._after_edit()
        return True

    # --- text edits -------------------------------------------------------------------------

    def begin_edit(self, index: QModelIndex) -> None:
        if not self._read_only and index.isValid():
            self.list.setCurrentIndex(index)
            self.list.edit(index)

    def edit_segment_text(self, row: int, text: str) -> bool:
        """Replace the text of the segment in `row` (unchanged words keep timings); undoable."""
        seg = self.model.segment(row)
        text = " ".join(text.split())
        if self._read_only or text == seg.text:
            return False
        if not self.apply_text(seg.id, text):
            return False
        self.undo_stack.push(EditTextCommand(self, seg.id, seg.text, text,
                                             self.tr("Edit text at {0}").format(
                                                 format_clock(seg.start))))
        return True

    def apply_text(self, segment_id: int, text: str) -> bool:
        row = self.model.row_of_segment(segment_id)
        try:
            words = self._transcripts.edit_segment(segment_id, text)
        except CloserError as exc:
            self.error.emit(str(exc))
            return False
        if row >= 0:
            seg = self.model.segment(row)
            self.model.replace_segment(row, replace(seg, text=" ".join(text.split()),
                                                    words=tuple(words), edited=True))
            self.delegate.sizeHintChanged.emit(self.model.index(row))
        self._after_edit()
        return True

    def _on_text_committed(self, row: int, text: str) -> None:
        # called from the delegate while its editor closes: apply once the view settled
        QTimer.singleShot(0, lambda: self.edit_segment_text(row, text))

    def _after_edit(self) -> None:
        self.list.viewport().update()
        self.list.scheduleDelayedItemsLayout()
        if self.interview_id is not None:
            self.transcript_edited.emit(self.interview_id)

    # --- menus ------------------------------------------------------------------------------

    def speaker_menu(self, parent: QWidget | None = None) -> QMenu:
        """Assign a speaker to the selected segments, or rename one everywhere."""
        return speaker_menu(self, parent or self)

    def ask_new_speaker(self) -> QInputDialog:
        ids = self.selected_segment_ids()
        dialog = self._input(self.tr("New speaker"),
                             self.tr("Name of the speaker of the selected segments:"), "")
        dialog.textValueSelected.connect(lambda name: self.assign_speaker(name, ids))
        return dialog

    def ask_rename_speaker(self, old: str) -> QInputDialog:
        dialog = self._input(self.tr("Rename speaker"),
                             self.tr("Rename “{0}” everywhere in this interview to:").format(
                                 speaker_label(old)),
                             old)
        dialog.textValueSelected.connect(lambda name: self.rename_speaker(old, name))
        return dialog

    def _input(self, title: str, label: str, value: str) -> QInputDialog:
        if self.speaker_dialog is not None:
            self.speaker_dialog.close()
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "speaker_dialog", None))
        self.speaker_dialog = dialog
        dialog.open()
        return dialog

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if index.isValid():
            if not self.list.selectionModel().isSelected(index):
                self.list.setCurrentIndex(index)
            menu = context_menu(self, index)
            word = self.list.word_at(pos)
            for extend in self.menu_extenders:  # e.g. tagging: tag / edit / delete here
                extend(menu, word)
            self.last_menu = menu
            menu.exec(self.list.viewport().mapToGlobal(pos))

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.undo_action, self.redo_action]
