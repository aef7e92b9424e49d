"""Trim one clip of a reel: preview it (played only inside its range) and move its in/out points
word by word, or by single frames for a clean cut.

"◀ word / word ▶" snap to word boundaries (the service pads cuts into the silence around the
words); "−1 frame / +1 frame" move an edge by exactly 1/fps seconds without snapping.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.highlights import TimedWord
from desktop_app.domain.reels import ReelItemView
from desktop_app.services.reels import ReelService
from desktop_app.services.tagging import HighlightService
from desktop_app.ui.kit.tokens import CARD, FAINT, INDIGO_100, INK, INK_SOFT, LINE
from desktop_app.ui.player.media import release_player
from desktop_app.ui.player.player import PlayerWidget
from desktop_app.ui.reels.style import format_length, format_stamp

DEFAULT_FPS = 25.0
CONTEXT_WORDS = 7  # words shown before and after the clip in the preview line
WORDS_WINDOW_S = 90.0  # transcript loaded around the clip (enough to extend it a lot)
_EPS = 1e-6


def words_inside(words: list[TimedWord], start: float, end: float) -> tuple[int, int]:
    """Indexes of the first and last word overlapping [start, end); (-1, -1) when none."""
    inside = [i for i, w in enumerate(words) if w.end > start + _EPS and w.start < end - _EPS]
    return (inside[0], inside[-1]) if inside else (-1, -1)


class ClipTrimmer(QWidget):
    """Preview + in/out controls for the selected reel item; `trimmed` carries the new item."""

    trimmed = Signal(object)  # ReelItemView

    def __init__(self, reels: ReelService, tagging: HighlightService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reels = reels
        self._tagging = tagging
        self._item: ReelItemView | None = None
        self._words: list[TimedWord] = []
        self._fps = DEFAULT_FPS
        self._source = ""
        self._build()
        self.player.position_changed.connect(self._on_position)
        self.player.player.playbackStateChanged.connect(self._on_state)
        self.player.ready.connect(self._on_ready)
        self.set_item(None)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Select a clip on the left to preview and trim it."))
        self.placeholder.setObjectName("Muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.player = PlayerWidget()
        self.player.setMinimumHeight(200)
        lay.addWidget(self.player, 1)
        self.preview = QLabel()
        self.preview.setObjectName("TrimWords")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setStyleSheet(f"QLabel#TrimWords {{ background: {CARD}; border: 1px solid "
                                   f"{LINE}; border-radius: 8px; padding: 9px 12px; "
                                   f"color: {FAINT}; font-size: 10pt; }}")
        lay.addWidget(self.preview)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(8)
        self.start_label, self.end_label = QLabel(), QLabel()
        self.start_prev = self._button(self.tr("◀ word"), self.tr("Start one word earlier"))
        self.start_next = self._button(self.tr("word ▶"), self.tr("Start one word later"))
        self.start_back = self._button(self.tr("−1 frame"), "")
        self.start_fwd = self._button(self.tr("+1 frame"), "")
        self.end_prev = self._button(self.tr("◀ word"), self.tr("End one word earlier"))
        self.end_next = self._button(self.tr("word ▶"), self.tr("End one word later"))
        self.end_back = self._button(self.tr("−1 frame"), "")
        self.end_fwd = self._button(self.tr("+1 frame"), "")
        for row, (name, label, buttons) in enumerate((
                (self.tr("In"), self.start_label, (self.start_prev, self.start_next,
                                                   self.start_back, self.start_fwd)),
                (self.tr("Out"), self.end_label, (self.end_prev, self.end_next,
                                                  self.end_back, self.end_fwd)))):
            title = QLabel(name)
            title.setStyleSheet(f"font-weight: bold; color: {INK_SOFT};")
            label.setStyleSheet(f"font-family: monospace; font-size: 10.5pt; color: {INK};")
            label.setMinimumWidth(64)
            grid.addWidget(title, row, 0)
            grid.addWidget(label, row, 1)
            for col, b in enumerate(buttons):
                grid.addWidget(b, row, 2 + col + (1 if col >= 2 else 0))
            grid.setColumnMinimumWidth(4, 6)
        grid.setColumnStretch(7, 1)
        lay.addLayout(grid)
        foot = QHBoxLayout()
        self.play_clip = QPushButton(self.tr("▶  Play clip"))
        self.play_clip.setCursor(Qt.CursorShape.PointingHandCursor)
        self.play_clip.clicked.connect(self.play_range)
        self.length_label = QLabel()
        self.length_label.setObjectName("Muted")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        foot.addWidget(self.play_clip)
        foot.addSpacing(8)
        foot.addWidget(self.length_label)
        foot.addWidget(self.error, 1)
        lay.addLayout(foot)
        self.stack.addWidget(page)
        self.start_prev.clicked.connect(lambda: self._word_edge("start", -1))
        self.start_next.clicked.connect(lambda: self._word_edge("start", +1))
        self.end_prev.clicked.connect(lambda: self._word_edge("end", -1))
        self.end_next.clicked.connect(lambda: self._word_edge("end", +1))
        self.start_back.clicked.connect(lambda: self._nudge("start", -1))
        self.start_fwd.clicked.connect(lambda: self._nudge("start", +1))
        self.end_back.clicked.connect(lambda: self._nudge("end", -1))
        self.end_fwd.clicked.connect(lambda: self._nudge("end", +1))

    def _button(self, text: str, tip: str) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.setStyleSheet("QPushButton { padding: 4px 5px; font-size: 9pt; }")
        return b

    # --- public API ------------------------------------------------------------------------------

    def item(self) -> ReelItemView | None:
        return self._item

    def fps(self) -> float:
        return self._fps

    def set_item(self, item: ReelItemView | None) -> None:
        """Show this clip (None: the hint); loads its recording when it is another one."""
        if item is not None and self._item is not None and item.id == self._item.id:
            self._item = item  # the same clip, saved again: keep the playhead where it is
            self._show()
            return
        self._item = item
        self.error.clear()
        if item is None:
            self.stack.setCurrentWidget(self.placeholder)
            self.player.pause()
            return
        self.stack.setCurrentIndex(1)
        self._words = self._tagging.words(item.interview_id, max(0.0, item.start -
                                                                 WORDS_WINDOW_S),
                                          item.end + WORDS_WINDOW_S)
        if item.media_path != self._source:
            self._source = ""
            if self.isVisible():
                self._load()
            # else: loaded when the trimmer is shown (a hidden video widget gets no picture)
        else:
            self.player.pause()
            self.player.seek(item.start)
        self._show()

    def _load(self) -> None:
        item = self._item
        if item is None or item.media_path == self._source:
            return
        self._source = item.media_path
        self._fps = DEFAULT_FPS
        # release the previous file first, from Qt's side (see reel_media: stopping a playing
        # file from Python can deadlock), and so that a video still showing its first picture
        # does not keep the player busy with the old file
        release_player(self.player.player)
        self.player.shutdown()
        self.player.load(Path(item.media_path), item.has_video,
                         Path(item.picture_path) if item.picture_path else None)
        self.player.seek(item.start)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load()

    def play_range(self) -> None:
        if self._item is not None:
            self.player.seek(self._item.start)
            self.player.play()

    def shutdown(self) -> None:
        release_player(self.player.player)
        self.player.shutdown()
        self._source = ""

    # --- editing ---------------------------------------------------------------------------------

    def _word_edge(self, edge: str, direction: int) -> None:
        item = self._item
        if item is None:
            return
        first, last = words_inside(self._words, item.start, item.end)
        if first < 0:
            return
        start, end = item.start, item.end
        if edge == "start":
            k = first + direction
            if not 0 <= k <= last:
                return
            start = self._words[k].start
        else:
            k = last + direction
            if not first <= k < len(self._words):
                return
            end = self._words[k].end
        self._trim(start, end, snap=True, edge=edge)

    def _nudge(self, edge: str, frames: int) -> None:
        item = self._item
        if item is None:
            return
        step = frames / self._fps
        start = item.start + step if edge == "start" else item.start
        end = item.end + step if edge == "end" else item.end
        self._trim(max(0.0, start), end, snap=False, edge=edge)

    def _trim(self, start: float, end: float, *, snap: bool, edge: str) -> None:
        assert self._item is not None
        try:
            item = self._reels.trim_item(self._item.id, start, end, snap=snap)
        except CloserError as exc:
            self.error.setText(str(exc))
            return
        self._item = item
        self.error.clear()
        self._show()
        # park the playhead where the change can be heard
        self.player.pause()
        self.player.seek(item.start if edge == "start" else max(item.start, item.end - 1.5))
        self.trimmed.emit(item)

    # --- display ---------------------------------------------------------------------------------

    def _show(self) -> None:
        item = self._item
        assert item is not None
        self.start_label.setText(format_stamp(item.start))
        self.end_label.setText(format_stamp(item.end))
        self.length_label.setText(self.tr("Length {0}").format(format_length(item.duration)))
        first, last = words_inside(self._words, item.start, item.end)
        self.preview.setText(self._preview_html(first, last))
        has = first >= 0
        self.start_prev.setEnabled(has and first > 0)
        self.start_next.setEnabled(has and first < last)
        self.end_prev.setEnabled(has and last > first)
        self.end_next.setEnabled(has and last + 1 < len(self._words))
        ms = 1000.0 / self._fps
        for b, tip in ((self.start_back, self.tr("Start {0} ms earlier (one frame)")),
                       (self.start_fwd, self.tr("Start {0} ms later (one frame)")),
                       (self.end_back, self.tr("End {0} ms earlier (one frame)")),
                       (self.end_fwd, self.tr("End {0} ms later (one frame)"))):
            b.setToolTip(tip.format(f"{ms:.0f}"))

    def _preview_html(self, first: int, last: int) -> str:
        if first < 0:
            return html.escape(self.tr("No transcript words in this clip."))
        words = [w.word.strip() for w in self._words]
        before = words[max(0, first - CONTEXT_WORDS):first]
        inside = words[first:last + 1]
        after = words[last + 1:last + 1 + CONTEXT_WORDS]
        if len(inside) > 24:
            inside = inside[:12] + ["…"] + inside[-12:]
        lead = "… " if first > CONTEXT_WORDS else ""
        tail = " …" if last + 1 + CONTEXT_WORDS < len(words) else ""
        core = html.escape(" ".join(inside))
        return (f"{lead}{html.escape(' '.join(before))} "
                f"<span style='color:{INK}; background:{INDIGO_100}; font-weight:600;'>"
                f"&nbsp;{core}&nbsp;</span> {html.escape(' '.join(after))}{tail}")

    # --- keeping playback inside the clip --------------------------------------------------------

    def _on_ready(self) -> None:
        rate = self.player.player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        try:
            fps = float(rate)
        except (TypeError, ValueError):
            fps = 0.0
        self._fps = fps if 5.0 <= fps <= 240.0 else DEFAULT_FPS
        if self._item is not None:
            self._show()

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        item = self._item
        if item is None or state != QMediaPlayer.PlaybackState.PlayingState:
            return
        pos = self.player.position_s()
        if not item.start - 0.05 <= pos < item.end - 0.05:
            self.player.seek(item.start)

    def _on_position(self, seconds: float) -> None:
        item = self._item
        if item is not None and self.player.is_playing() and seconds >= item.end:
            self.player.pause()
            self.player.seek(item.start)
