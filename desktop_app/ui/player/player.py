"""A media player: video (or the waveform picture for audio), play/pause, seek slider, time.

Reusable by any view that plays an interview (the interview page, the transcript editor).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.kit.tokens import RED_300
from desktop_app.ui.player.media import release_player, stop_player
from desktop_app.ui.player.parts import (
    STAGE_COLOUR,
    JumpSlider,
    WaveformStage,
    format_clock,
)

SKIP_S = 5.0


class PlayerWidget(QWidget):
    """QMediaPlayer + QAudioOutput + QVideoWidget with transport controls.

    `load(path, has_video, picture_path)` shows the video, or the picture (a waveform) for audio.
    Seeks requested before the media has loaded are applied once it has.
    """

    position_changed = Signal(float)  # seconds
    duration_changed = Signal(float)  # seconds
    ready = Signal()  # the media is loaded (and, for video, its first picture shown)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Player")
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        # The audio output is attached on the first real play(): priming the first video frame
        # (and tearing down) without an audio renderer avoids a deadlock seen between Qt's
        # FFmpeg audio thread and the GIL when pause()/stop() ran during priming.
        self._audio_attached = False
        self._pending_seek: float | None = None
        self._play_when_ready = False
        self._has_video = False
        self._priming = False  # playing muted until the first video frame, to show a picture
        self._ready = False
        self._prime_timeout = QTimer(self)
        self._prime_timeout.setSingleShot(True)
        self._prime_timeout.setInterval(2000)
        self._prime_timeout.timeout.connect(self._end_priming)
        self._build()
        self.player.setVideoOutput(self.video_widget)
        self.video_widget.videoSink().videoFrameChanged.connect(self._on_frame)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.stage = QStackedWidget()
        self.stage.setObjectName("PlayerStage")
        self.stage.setStyleSheet(f"QStackedWidget#PlayerStage {{ background: {STAGE_COLOUR}; "
                                 "border-radius: 10px; }")
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.video_widget = QVideoWidget()
        self.video_widget.setStyleSheet(f"background: {STAGE_COLOUR};")
        self.waveform = WaveformStage()
        self.waveform.seek_requested.connect(self._seek_fraction)
        self.message = QLabel()
        self.message.setObjectName("PlayerMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {RED_300}; padding: 24px; font-size: 11pt;")
        for w in (self.video_widget, self.waveform, self.message):
            self.stage.addWidget(w)
        lay.addWidget(self.stage, 1)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.play_button = self._tool(QStyle.StandardPixmap.SP_MediaPlay, self.tr("Play (Space)"))
        self.play_button.setObjectName("PlayButton")
        self.play_button.clicked.connect(self.toggle)
        self.back_button = self._tool(QStyle.StandardPixmap.SP_MediaSeekBackward,
                                      self.tr("Back 5 seconds"))
        self.back_button.clicked.connect(lambda: self.seek(self.position_s() - SKIP_S))
        self.forward_button = self._tool(QStyle.StandardPixmap.SP_MediaSeekForward,
                                         self.tr("Forward 5 seconds"))
        self.forward_button.clicked.connect(lambda: self.seek(self.position_s() + SKIP_S))
        self.slider = JumpSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(lambda ms: self.seek(ms / 1000.0))
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setObjectName("Muted")
        self.time_label.setMinimumWidth(96)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mute_button = self._tool(QStyle.StandardPixmap.SP_MediaVolume, self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._on_mute)
        for w in (self.back_button, self.play_button, self.forward_button):
            bar.addWidget(w)
        bar.addSpacing(6)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.time_label)
        bar.addWidget(self.mute_button)
        lay.addLayout(bar)
        self._set_controls_enabled(False)

    def _tool(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        b = QToolButton()
        b.setIcon(self.style().standardIcon(icon))
        b.setIconSize(QSize(18, 18))
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.setFixedSize(34, 34)
        return b

    # --- public API -------------------------------------------------------------------------

    def load(self, path: str | Path, has_video: bool,
             picture_path: str | Path | None = None) -> bool:
        """Open a recording (paused at 0); False, with a message shown, if it is missing."""
        self._reset()
        self._has_video = has_video
        self.slider.setRange(0, 0)
        self._update_time(0.0)
        path = Path(path)
        if not path.is_file():
            self.player.setSource(QUrl())
            self._show_message(self.tr("The recording file is missing:\n{0}").format(path))
            return False
        if has_video:
            self.stage.setCurrentWidget(self.video_widget)
        else:
            self.waveform.set_picture(picture_path)
            self.stage.setCurrentWidget(self.waveform)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self._set_controls_enabled(True)
        return True

    def source(self) -> QUrl:
        return self.player.source()

    def is_ready(self) -> bool:
        return self._ready

    def position_s(self) -> float:
        if self._pending_seek is not None:
            return self._pending_seek
        return self.player.position() / 1000.0

    def duration_s(self) -> float:
        return self.player.duration() / 1000.0

    def seek(self, seconds: float) -> None:
        seconds = max(0.0, seconds)
        if self.duration_s() > 0:
            seconds = min(seconds, self.duration_s())
        if not self._ready:
            self._pending_seek = seconds
            return
        self.player.setPosition(int(seconds * 1000))

    def play(self) -> None:
        if self.player.source().isEmpty():
            return
        if not self._ready and self._pending_seek is not None:
            self._play_when_ready = True  # play from the asked moment, not from 0:00
            return
        if not self._audio_attached:
            self._audio_attached = True
            self.player.setAudioOutput(self.audio)
        if self._priming:
            self._priming = False
            self._prime_timeout.stop()
            self.audio.setMuted(self.mute_button.isChecked())
        self.player.play()

    def pause(self) -> None:
        if not self._priming:
            self.player.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def is_playing(self) -> bool:
        return not self._priming and \
            self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def shutdown(self) -> None:
        """Stop and release the file (before deleting it, leaving the page or closing)."""
        self._reset()
        release_player(self.player)  # with the GIL released: see reel_media
        self._set_controls_enabled(False)

    def _reset(self) -> None:
        self._pending_seek = None
        self._play_when_ready = False
        self._priming = False
        self._ready = False
        self._prime_timeout.stop()
        stop_player(self.player)
        self.audio.setMuted(self.mute_button.isChecked())

    # --- slots ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_Left:
            self.seek(self.position_s() - SKIP_S)
        elif key == Qt.Key.Key_Right:
            self.seek(self.position_s() + SKIP_S)
        else:
            super().keyPressEvent(event)

    def _seek_fraction(self, fraction: float) -> None:
        if self.duration_s() > 0:
            self.seek(fraction * self.duration_s())

    def _on_position(self, ms: int) -> None:
        if self._priming:
            return
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        seconds = ms / 1000.0
        self._update_time(seconds)
        if self.duration_s() > 0:
            self.waveform.set_fraction(seconds / self.duration_s())
        self.position_changed.emit(seconds)

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))
        self.slider.setPageStep(max(1000, ms // 20))
        self._update_time(self.player.position() / 1000.0)
        self.duration_changed.emit(ms / 1000.0)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self._ready \
                and not self._priming:
            if self._has_video and self.player.playbackState() \
                    == QMediaPlayer.PlaybackState.StoppedState:
                # A paused video shows nothing until a frame was decoded: play it muted until
                # the first frame arrives, then pause where the user wanted to be.
                self._priming = True
                self.audio.setMuted(True)
                self._prime_timeout.start()
                self.player.play()
            else:
                self._become_ready()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._pending_seek = None
            self._priming = False

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._priming and frame.isValid():
            self._end_priming()

    def _end_priming(self) -> None:
        if not self._priming:
            return
        self._priming = False
        self._prime_timeout.stop()
        self.player.pause()
        self.audio.setMuted(self.mute_button.isChecked())
        self._become_ready()

    def _become_ready(self) -> None:
        self._ready = True
        target, self._pending_seek = self._pending_seek, None
        if target is not None or self._has_video:
            self.player.setPosition(int((target or 0.0) * 1000))
        self.ready.emit()
        if self._play_when_ready:
            self._play_when_ready = False
            self.play()

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState and not self._priming
        icon = (QStyle.StandardPixmap.SP_MediaPause if playing
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause (Space)") if playing
                                    else self.tr("Play (Space)"))

    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        message = self.tr("This recording cannot be played: {0}").format(text or "unknown error")
        self._show_message(message)
        self.error.emit(message)

    def _on_mute(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted \
            else QStyle.StandardPixmap.SP_MediaVolume
        self.mute_button.setIcon(self.style().standardIcon(icon))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stage.setCurrentWidget(self.message)
        self._set_controls_enabled(False)

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (self.play_button, self.back_button, self.forward_button, self.slider,
                  self.mute_button):
            w.setEnabled(enabled)

    def _update_time(self, seconds: float) -> None:
        self.time_label.setText(f"{format_clock(seconds)} / {format_clock(self.duration_s())}")
