"""Presenter mode for staff meetings: a full-screen black window that plays customer clips.

It plays either an ad-hoc queue of clips straight from their source recordings (nothing to
render: seek to each clip's start, stop at its end, an interstitial card in between), or a
rendered reel file. Keys: Space pauses/resumes (or starts the clip now while a card shows),
Right/Left go to the next/previous clip, Esc leaves. A subtle bottom bar fades when idle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.kit.tokens import BLACK
from desktop_app.ui.player.media import release_player, switch_source
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.reels.presenter_parts import (
    EndScreen,
    FrameStage,
    InterstitialCard,
    PausedBadge,
    PresenterBar,
    PresenterClip,
    VideoStage,
    jump_target,
)

__all__ = ["PresenterClip", "PresenterWindow"]

CARD_MS = 3000
SKIP_MS = 3000  # how long an unplayable clip's message stays before the next card
STEP_S = 10.0  # Left/Right in a rendered file without chapters
_END_SLACK_S = 0.03
_POLL_MS = 50


class PresenterWindow(QWidget):
    """Plays a queue of clips (or one rendered reel) full-screen; `present()` starts it."""

    closed = Signal()
    card_shown = Signal(int)  # clip index
    clip_started = Signal(int)  # clip index, playback running
    finished = Signal()  # the end screen is up

    def __init__(self, clips: Sequence[PresenterClip], *, title: str = "",
                 card_ms: int = CARD_MS, cards: bool = True, chapters: Sequence[float] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Closer — presenter"))
        self.setStyleSheet(f"PresenterWindow {{ background: {BLACK}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.clips = list(clips)
        self._closed = False
        self.title = title
        self.card_ms = card_ms
        self.cards_enabled = cards
        self.chapters = sorted(chapters)
        self._index = 0
        self._state = "idle"
        self._started = False  # the current clip's seek has landed inside its range
        self._seeking = False
        self._paused = False
        self._seek_clock = QElapsedTimer()
        self._token = 0  # changes with every clip start, so stale deferred starts are dropped
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        # Qt draws the frames itself (QGraphicsVideoItem): no Python runs per frame, and none on
        # the decoder's threads (see reel_media for why that matters).
        self.video = VideoStage(self)
        self.player.setVideoOutput(self.video.item)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.positionChanged.connect(self._on_position)
        self.player.errorOccurred.connect(self._on_error)
        self.stage = FrameStage(self)
        self.card = InterstitialCard(self)
        self.end_screen = EndScreen(self)
        self.paused_badge = PausedBadge(self)
        self.bar = PresenterBar(self)
        self._card_timer = self._single_shot(self._card_done)
        self._skip_timer = self._single_shot(self._clip_done)
        self._poll = QTimer(self)
        self._poll.setInterval(_POLL_MS)
        self._poll.timeout.connect(lambda: self._on_position(self.player.position()))
        self._cursor_timer = self._single_shot(
            lambda: self.setCursor(Qt.CursorShape.BlankCursor))
        self._cursor_timer.setInterval(2500)
        for w in (self, self.stage, self.video, self.video.viewport(), self.card,
                  self.end_screen, self.bar):
            w.setMouseTracking(True)
        self.video.viewport().installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.video.hide()
        self.card.hide()
        self.end_screen.hide()
        self.paused_badge.hide()

    @classmethod
    def for_file(cls, path: str | Path, *, title: str = "", chapters: Sequence[float] = (),
                 parent: QWidget | None = None) -> PresenterWindow:
        """Present a rendered reel: one file played start to end, chapters = its clip starts."""
        clip = PresenterClip(Path(path), 0.0, math.inf, True)
        return cls([clip], title=title or Path(path).stem, cards=False, chapters=chapters,
                   parent=parent)

    def _single_shot(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # --- public API ------------------------------------------------------------------------------

    def present(self, *, fullscreen: bool = True) -> None:
        """Show the window (full-screen by default) and start with the first clip."""
        if fullscreen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus()
        self.go_to(0)

    def state(self) -> str:
        """"card", "clip", "end" (or "idle" before `present`)."""
        return self._state

    def index(self) -> int:
        return self._index

    def is_file(self) -> bool:
        return not self.cards_enabled and len(self.clips) == 1 and \
            math.isinf(self.clips[0].end)

    def is_paused(self) -> bool:
        return self._state == "clip" and self._paused

    def is_playing(self) -> bool:
        return self._state == "clip" and not self._paused and \
            self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def go_to(self, index: int) -> None:
        """Clip `index`: its card first (when cards are on), then the clip."""
        if not self.clips:
            self._show_end()
            return
        self._index = max(0, min(index, len(self.clips) - 1))
        if self.cards_enabled:
            self._show_card()
        else:
            self._play_clip()

    def next(self) -> None:
        if self.is_file():
            self._jump(+1)
        elif self._state == "end":
            return
        elif self._index + 1 < len(self.clips):
            self.go_to(self._index + 1)
        else:
            self._show_end()

    def previous(self) -> None:
        if self.is_file() and self._state != "end":
            self._jump(-1)
        elif self._state == "end":
            self.go_to(len(self.clips) - 1)
        else:
            self.go_to(self._index - 1)

    def toggle_pause(self) -> None:
        if self._state == "card":
            self._card_done()
        elif self._state == "clip" and self._started:
            self._paused = not self._paused
            if self._paused:
                self.player.pause()
            else:
                self.player.play()
            self._show_paused()
            self._update_bar()
            self.bar.wake()

    # --- flow ------------------------------------------------------------------------------------

    def _show_paused(self) -> None:
        """The pause sign stays while paused; the bar stays up too instead of fading."""
        paused = self.is_paused()
        self.paused_badge.setVisible(paused)
        if paused:
            self.paused_badge.raise_()
        self.bar.set_pinned(paused)

    def _show_card(self) -> None:
        self._halt()
        self._state = "card"
        clip = self.clips[self._index]
        self.video.hide()
        self.stage.clear()  # nothing of the previous clip left behind the card
        self.card.show_clip(clip, self._index + 1, len(self.clips))
        self.end_screen.hide()
        self.card.show()
        self.card.raise_()
        self.bar.raise_()
        self.card.countdown.start(self.card_ms)
        self._card_timer.start(self.card_ms)
        self._update_bar()
        self.bar.wake()
        self.card_shown.emit(self._index)

    def _card_done(self) -> None:
        if self._state == "card":
            self._play_clip()

    def _play_clip(self) -> None:
        self._halt()
        self._token += 1
        self._state = "clip"
        self._paused = False
        self._started = False
        clip = self.clips[self._index]
        self.card.hide()
        self.end_screen.hide()
        self.video.hide()  # until the seek has landed: no flash of the previous clip
        if clip.has_video:
            self.stage.clear()
        else:
            self.stage.show_audio(clip.picture_path, clip.quote, clip.who)
        self._update_bar()
        self.bar.wake()
        if not Path(clip.media_path).is_file():
            self._fail(self.tr("This recording is missing:\n{0}").format(clip.media_path))
            return
        url = QUrl.fromLocalFile(str(clip.media_path))
        if self.player.source() != url:
            switch_source(self.player, url)  # _on_status starts it once loaded
        elif self.player.mediaStatus() not in (QMediaPlayer.MediaStatus.LoadingMedia,
                                               QMediaPlayer.MediaStatus.NoMedia):
            self._begin()

    def _begin(self) -> None:
        clip = self.clips[self._index]
        if self.player.source() != QUrl.fromLocalFile(str(clip.media_path)) or \
                self.player.mediaStatus() == QMediaPlayer.MediaStatus.LoadingMedia:
            self._seeking = False  # a stale "loaded" of the previous file: wait for this one
            return
        self._seeking = True
        self._seek_clock.start()
        self.player.setPosition(int(clip.start * 1000))
        self.player.play()
        self._poll.start()

    def _clip_done(self) -> None:
        if self._state != "clip":
            return
        self._halt()
        if self.is_file() or self._index + 1 >= len(self.clips):
            self._show_end()
        else:
            self.go_to(self._index + 1)

    def _show_end(self) -> None:
        self._halt()
        self._state = "end"
        self.video.hide()
        self.stage.clear()
        self.card.hide()
        self.end_screen.show()
        self.end_screen.raise_()
        self.bar.raise_()
        self._update_bar()
        self.bar.wake()
        self.finished.emit()

    def _halt(self) -> None:
        self._paused = False
        self._show_paused()
        self._card_timer.stop()
        self._skip_timer.stop()
        self._poll.stop()
        self.card.countdown.stop()
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()

    def _fail(self, message: str) -> None:
        self.video.hide()
        self.stage.show_message(message)
        self._skip_timer.start(SKIP_MS)

    def _jump(self, direction: int) -> None:
        target = jump_target(self.chapters, self.player.position() / 1000.0, direction, STEP_S)
        if target is None:
            self._show_end()
        else:
            self.player.setPosition(int(target * 1000))
            self.bar.wake()

    # --- player signals --------------------------------------------------------------------------

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._state != "clip":
            return
        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self._started \
                and not self._seeking:
            # not from inside the backend's own status change: it is still opening the file
            self._seeking = True
            token = self._token
            QTimer.singleShot(0, lambda: self._begin() if token == self._token else None)
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._clip_done()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail(self.tr("This recording cannot be played:\n{0}")
                       .format(self.clips[self._index].media_path))

    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        if self._state == "clip":
            self._fail(self.tr("This recording cannot be played: {0}")
                       .format(text or self.tr("unknown error")))

    def _on_position(self, ms: int) -> None:
        if self._state != "clip":
            return
        clip = self.clips[self._index]
        seconds = ms / 1000.0
        if self._seeking:
            # positions reported before the seek landed belong to the previous clip
            if not clip.start - 0.5 <= seconds <= clip.end:
                if self._seek_clock.elapsed() > 300:  # a seek lost while the file opened
                    self._seek_clock.start()
                    self.player.setPosition(int(clip.start * 1000))
                return
            self._seeking = False
            self._started = True
            if clip.has_video:
                self.video.show()
                self.video.raise_()
                self.bar.raise_()
            self.clip_started.emit(self._index)
        if seconds >= clip.end - _END_SLACK_S:
            self._clip_done()
            return
        length = (self.player.duration() / 1000.0) if math.isinf(clip.end) \
            else clip.end - clip.start
        fraction = (seconds - clip.start) / length if length > 0 else 0.0
        self.bar.set_fraction(fraction)
        duration = self.player.duration() / 1000.0
        if not clip.has_video and duration > 0:
            self.stage.set_range(clip.start / duration, clip.end / duration)
            self.stage.set_fraction(seconds / duration)
        if self.is_file():
            self._update_bar()

    # --- chrome ----------------------------------------------------------------------------------

    def _update_bar(self) -> None:
        if self.is_file():
            pos = self.player.position() / 1000.0
            dur = self.player.duration() / 1000.0
            where = f"{format_clock(pos)} / {format_clock(dur)}"
            caption = self.title
        else:
            where = self.tr("Clip {0} / {1}").format(self._index + 1, len(self.clips)) \
                if self.clips else ""
            clip = self.clips[self._index] if self.clips else None
            caption = " · ".join(p for p in (clip.customer, clip.touchpoint) if p) \
                if clip else ""
        if self._state == "clip" and self._paused:
            caption = self.tr("Paused — Space to resume")
        elif self._state == "end":
            caption = self.tr("The end")
        self.bar.set_text(where, caption)

    def resizeEvent(self, event: QResizeEvent) -> None:
        rect = self.rect()
        for w in (self.stage, self.video, self.card, self.end_screen):
            w.setGeometry(rect)
        height = max(48, self.height() // 16)
        self.bar.setGeometry(0, self.height() - height, self.width(), height)
        self.bar.set_scale(self.height())
        self.paused_badge.place(self.width(), self.height())
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        self.bar.wake()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_Space:
            self.toggle_pause()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_P):
            self.previous()
        else:
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._woken()
        super().mouseMoveEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:  # the video view keeps its mouse events
            self._woken()
        return False

    def _woken(self) -> None:
        self.unsetCursor()
        self._cursor_timer.start()
        self.bar.wake()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # a second close must not touch a player being torn down
            super().closeEvent(event)
            return
        self._closed = True
        self._halt()
        self._state = "idle"
        release_player(self.player)
        self.closed.emit()
        super().closeEvent(event)
