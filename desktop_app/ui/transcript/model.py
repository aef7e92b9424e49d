"""The transcript as a Qt list model: one row per segment, plus a flat index of every word.

The word index (global word number -> segment row, start, end) answers "which word is playing at
t seconds" by bisecting the sorted word starts, so following playback costs O(log n) per tick and
repaints only the rows whose state changed. The model also holds what the delegate paints on
top of the words: the current word, the user's word selection and tinted highlight ranges.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop_app.domain.transcript import SegmentView, TranscriptView, WordView
from desktop_app.ui.kit.tokens import (
    AMBER_100,
    AMBER_800,
    EMERALD_800,
    INDIGO_100,
    INDIGO_800,
    MUTED,
    ROSE_100,
    ROSE_800,
    SKY_100,
    SKY_800,
    SUCCESS_SOFT,
    SURFACE_ALT,
    VIOLET_100,
    VIOLET_800,
)

SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1
TURN_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the speaker changes at this row
WORDS_ROLE = Qt.ItemDataRole.UserRole + 3  # the words as shown (see display_words)
CURRENT_GAP_S = 1.0  # after a word ends, it stays "current" this long (short pauses)

# (text, background) per speaker, in order of first appearance
SPEAKER_COLOURS: tuple[tuple[str, str], ...] = (
    (INDIGO_800, INDIGO_100), (AMBER_800, AMBER_100), (EMERALD_800, SUCCESS_SOFT),
    (ROSE_800, ROSE_100), (SKY_800, SKY_100), (VIOLET_800, VIOLET_100),
)
NO_SPEAKER_COLOURS = (MUTED, SURFACE_ALT)

_Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_MARK, REVIEW_MARK, SUGGESTION_MARK = "highlight", "review", "suggestion"


@dataclass(frozen=True)
class Mark:
    """A range painted on the transcript: a highlight, a marker to review or a suggestion."""

    start: float
    end: float
    colour: QColor
    kind: str = HIGHLIGHT_MARK
    key: str = ""  # the highlights list's entry key
    tip: str = ""


def display_words(seg: SegmentView) -> tuple[WordView, ...]:
    """The segment's words; a segment stored without word timings gets its text spread evenly."""
    if seg.words or not seg.text.split():
        return seg.words
    tokens = seg.text.split()
    step = max(0.0, seg.end - seg.start) / len(tokens)
    return tuple(WordView(seg.start + k * step, seg.start + (k + 1) * step, f" {t}")
                 for k, t in enumerate(tokens))


class TranscriptModel(QAbstractListModel):
    """Segments of one transcript; word numbers are global (0 .. word_count()-1)."""

    repaint_rows = Signal(int, int)  # first, last row whose painted state changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segments: list[SegmentView] = []
        self._words: list[tuple[WordView, ...]] = []
        self._first: list[int] = []  # global number of each row's first word
        self._row_of: list[int] = []  # global word -> row
        self._starts: list[float] = []
        self._ends: list[float] = []
        self._order: list[int] = []  # global words sorted by start (tracks may overlap)
        self._sorted_starts: list[float] = []
        self._speakers: list[str] = []
        self._current: int | None = None
        self._selection: tuple[int, int] | None = None  # (first, last) global words
        self._highlights: list[tuple[float, float, QColor]] = []
        self._underlines: list[tuple[float, float, QColor]] = []
        self._marks: list[Mark] = []
        self.view: TranscriptView | None = None

    # --- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._segments)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._segments):
            return None
        seg = self._segments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return seg.text
        if role == SEGMENT_ROLE:
            return seg
        if role == WORDS_ROLE:
            return self._words[index.row()]
        if role == TURN_ROLE:
            return self.is_turn(index.row())
        if role == Qt.ItemDataRole.EditRole:
            return seg.text
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    # --- loading ----------------------------------------------------------------------------

    def set_transcript(self, view: TranscriptView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._segments = list(view.segments) if view is not None else []
        self._current = None
        self._selection = None
        self._reindex()
        self.endResetModel()

    def extend(self, view: TranscriptView) -> bool:
        """Show `view` when it only adds segments after the shown ones (a transcription in
        progress): inserts the new rows, keeping the others, the scroll and the selection."""
        old = self._segments
        new = view.segments
        if self.view is None or view.interview_id != self.view.interview_id \
                or len(new) < len(old) or tuple(new[:len(old)]) != tuple(old):
            return False
        self.view = view
        if len(new) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._segments = list(new)
            self._reindex()
            self.endInsertRows()
        return True

    def _reindex(self) -> None:
        self._words = [display_words(s) for s in self._segments]
        self._first, self._row_of, self._starts, self._ends = [], [], [], []
        for row, words in enumerate(self._words):
            self._first.append(len(self._starts))
            self._row_of.extend([row] * len(words))
            self._starts.extend(w.start for w in words)
            self._ends.extend(w.end for w in words)
        self._order = sorted(range(len(self._starts)), key=self._starts.__getitem__)
        self._sorted_starts = [self._starts[i] for i in self._order]
        self._speakers = list(dict.fromkeys(s.speaker for s in self._segments if s.speaker))

    # --- segments ---------------------------------------------------------------------------

    def segments(self) -> list[SegmentView]:
        return list(self._segments)

    def segment(self, row: int) -> SegmentView:
        return self._segments[row]

    def row_of_segment(self, segment_id: int) -> int:
        return next((r for r, s in enumerate(self._segments) if s.id == segment_id), -1)

    def is_turn(self, row: int) -> bool:
        return row == 0 or self._segments[row].speaker != self._segments[row - 1].speaker

    def shows_chip(self, row: int) -> bool:
        """A speaker chip opens each turn, once any segment has a speaker."""
        return bool(self._speakers) and self.is_turn(row)

    def speakers(self) -> list[str]:
        """Speaker names in order of first appearance."""
        return list(self._speakers)

    def speaker_colours(self, name: str) -> tuple[QColor, QColor]:
        if not name:
            fg, bg = NO_SPEAKER_COLOURS
        else:
            k = self._speakers.index(name) if name in self._speakers else len(self._speakers)
            fg, bg = SPEAKER_COLOURS[k % len(SPEAKER_COLOURS)]
        return QColor(fg), QColor(bg)

    def replace_segment(self, row: int, seg: SegmentView) -> None:
        """A segment changed (text, words): the word numbers after it may shift."""
        self._segments[row] = seg
        self._current = None
        self._selection = None
        self._reindex()
        self._changed(row, row)

    def set_speakers(self, names: dict[int, str]) -> list[int]:
        """Give segments (by id) new speaker names; returns the rows that changed."""
        rows = [r for r, s in enumerate(self._segments) if s.id in names]
        for r in rows:
            self._segments[r] = replace(self._segments[r], speaker=names[self._segments[r].id])
        if rows:
            had = bool(self._speakers)
            self._speakers = list(dict.fromkeys(s.speaker for s in self._segments if s.speaker))
            if had != bool(self._speakers):  # chips appear (or go) on every turn
                self._changed(0, len(self._segments) - 1)
            else:
                self._changed(min(rows), min(len(self._segments) - 1, max(rows) + 1))
        return rows

    def _changed(self, first: int, last: int, *, layout: bool = True) -> None:
        if layout:
            self.dataChanged.emit(self.index(first), self.index(last))
        else:  # only what is painted over the words changed: QListView would relayout every
            self.repaint_rows.emit(first, last)  # row on dataChanged, even with roles

    # --- words ------------------------------------------------------------------------------

    def word_count(self) -> int:
        return len(self._starts)

    def words(self, row: int) -> tuple[WordView, ...]:
        return self._words[row]

    def first_word(self, row: int) -> int:
        return self._first[row]

    def global_word(self, row: int, local: int) -> int:
        return self._first[row] + local

    def locate(self, word: int) -> tuple[int, int]:
        """(row, index inside the row) of global word `word`."""
        row = self._row_of[word]
        return row, word - self._first[row]

    def word(self, word: int) -> WordView:
        row, local = self.locate(word)
        return self._words[row][local]

    def word_at_time(self, seconds: float) -> int | None:
        """The word being spoken at `seconds` (the last one started, during short pauses)."""
        p = bisect.bisect_right(self._sorted_starts, seconds + 1e-6) - 1
        if p < 0:
            return None
        w = self._order[p]
        return w if seconds <= self._ends[w] + CURRENT_GAP_S else None

    # --- current word -----------------------------------------------------------------------

    def current_word(self) -> int | None:
        return self._current

    def set_current(self, word: int | None) -> bool:
        """Mark the playing word; repaints only the rows involved. True when it changed."""
        if word == self._current:
            return False
        rows = {self._row_of[w] for w in (word, self._current) if w is not None}
        self._current = word
        for r in rows:
            self._changed(r, r, layout=False)
        return True

    # --- selection and highlights -----------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        return self._selection

    def set_selection(self, first: int | None, last: int | None = None) -> None:
        old = self._selection
        if first is None:
            self._selection = None
        else:
            last = first if last is None else last
            self._selection = (min(first, last), max(first, last))
        if old != self._selection:
            spans = [s for s in (old, self._selection) if s is not None]
            if spans:
                self._changed(min(self._row_of[a] for a, _ in spans),
                              max(self._row_of[b] for _, b in spans), layout=False)

    def selected_words(self) -> list[WordView]:
        if self._selection is None:
            return []
        a, b = self._selection
        return [self.word(w) for w in range(a, b + 1)]

    def set_highlights(self, ranges: Sequence[tuple[float, float, str]]) -> None:
        """Tint plain (start, end, colour) ranges (no tooltips)."""
        self.set_marks([Mark(float(a), float(b), QColor(c)) for a, b, c in ranges])

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """What is painted on the words: highlights (filled), suggestions (underlined)."""
        self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._highlights = [(m.start, m.end, m.colour) for m in self._marks
                            if m.kind != SUGGESTION_MARK]
        self._underlines = [(m.start, m.end, m.colour) for m in self._marks
                            if m.kind == SUGGESTION_MARK]
        if self._segments:
            self._changed(0, len(self._segments) - 1, layout=False)

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def has_highlights(self) -> bool:
        return bool(self._marks)

    def highlight_colour(self, w: WordView) -> QColor | None:
        """The tint of the last highlight range that covers the word's middle, if any."""
        return _cover(self._highlights, w)

    def underline_colour(self, w: WordView) -> QColor | None:
        """The colour of a suggestion covering the word's middle, if any."""
        return _cover(self._underlines, w)

    def marks_at(self, word: int) -> list[Mark]:
        """Every mark covering a global word (for the tooltip)."""
        w = self.word(word)
        mid = (w.start + w.end) / 2
        return [m for m in self._marks if m.start <= mid <= m.end]

    def words_in(self, start: float, end: float) -> tuple[int, int] | None:
        """(first, last) global words whose middle lies in [start, end], or None."""
        inside = [g for g in range(len(self._row_of))
                  if start - 1e-3 <= (self._starts[g] + self._ends[g]) / 2 <= end + 1e-3]
        return (min(inside), max(inside)) if inside else None

    def segment_words(self, word: int) -> tuple[int, int]:
        """(first, last) global words of the segment holding a global word."""
        row = self._row_of[word]
        first = self._first[row]
        return first, first + max(0, len(self._words[row]) - 1)


def _cover(ranges: list[tuple[float, float, QColor]], w: WordView) -> QColor | None:
    mid = (w.start + w.end) / 2
    colour = None
    for a, b, c in ranges:
        if a > mid:
            break
        if mid <= b:
            colour = c
    return colour
