"""Pieces of the full-screen presenter: the picture stage, the interstitial card, the bottom bar.

All of them are drawn on black for a dark meeting room: large type, calm colours, nothing that
competes with the customer on screen. Font sizes follow the window height so the same screens
work on a laptop and on a projector.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPropertyAnimation, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.kit.tokens import (
    AMBER_400,
    BLACK,
    FAINT,
    GRAY_600,
    GRAY_800,
    INDIGO_300,
    MUTED,
    RED_300,
    SURFACE,
)
from desktop_app.ui.reels.waveform import column_heights, paint_waveform

INK = SURFACE
SOFT = FAINT
ACCENT = INDIGO_300
WARM = AMBER_400


@dataclass(frozen=True)
class PresenterClip:
    """One clip of an ad-hoc queue, played straight from its source recording."""

    media_path: Path
    start: float
    end: float
    has_video: bool
    picture_path: Path | None = None
    quote: str = ""
    customer: str = ""
    persona: str = ""
    touchpoint: str = ""
    pain: str = ""  # the problem zone(s) or the need behind the quote

    @property
    def who(self) -> str:
        return " · ".join(p for p in (self.customer, self.persona) if p)


def _px_font(px: int, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(10, px))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def jump_target(chapters: list[float], position: float, direction: int,
                step: float) -> float | None:
    """Where Right (+1) / Left (-1) go in a rendered reel: the next / previous chapter start
    (None: past the last one), or `step` seconds without chapters."""
    if not chapters:
        return max(0.0, position + direction * step)
    if direction > 0:
        return next((c for c in chapters if c > position + 0.5), None)
    return max((c for c in chapters if c < position - 1.5), default=0.0)


class VideoStage(QGraphicsView):
    """The video, letterboxed on black; Qt draws the frames (see the presenter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.scene().setBackgroundBrush(QColor(BLACK))
        self.setBackgroundBrush(QColor(BLACK))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.item = QGraphicsVideoItem()
        self.item.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.scene().addItem(self.item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.item.setSize(QSizeF(self.viewport().size()))
        self.scene().setSceneRect(QRectF(0, 0, self.viewport().width(),
                                         self.viewport().height()))
        self.centerOn(self.item)


class FrameStage(QWidget):
    """Black stage for an audio clip (its waveform and quote) or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._picture = QPixmap()
        self._audio_quote = ""
        self._audio_who = ""
        self._fraction = 0.0
        self._range = (0.0, 0.0)
        self._heights: list[float] = []
        self._message = ""

    def show_audio(self, picture: Path | None, quote: str, who: str) -> None:
        """An audio-only recording: its waveform card, dimmed, under the words being heard."""
        self._picture = QPixmap(str(picture)) if picture and Path(picture).is_file() \
            else QPixmap()
        self._heights = column_heights(self._picture) if not self._picture.isNull() else []
        self._audio_quote, self._audio_who = quote, who
        self._fraction = 0.0
        self._range = (0.0, 0.0)
        self._message = ""
        self.update()

    def set_fraction(self, fraction: float) -> None:
        self._fraction = max(0.0, min(1.0, fraction))
        self.update()

    def show_message(self, text: str) -> None:
        self._picture = QPixmap()
        self._audio_quote = ""
        self._message = text
        self.update()

    def clear(self) -> None:
        self._picture = QPixmap()
        self._audio_quote = self._audio_who = self._message = ""
        self.update()

    def message(self) -> str:
        return self._message

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(BLACK))
        if self._message:
            p.setPen(QColor(RED_300))
            p.setFont(_px_font(self.height() // 32))
            p.drawText(self.rect().adjusted(80, 0, -80, 0),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
        elif self._audio_quote or not self._picture.isNull():
            self._paint_audio(p)
        p.end()

    def set_range(self, start: float, end: float) -> None:
        """The clip's part of the recording (fractions 0..1), lit up on the waveform."""
        self._range = (max(0.0, start), min(1.0, end))
        self.update()

    def _paint_audio(self, p: QPainter) -> None:
        h, w = self.height(), self.width()
        if self._heights:
            margin = max(6, round(min(self._picture.width(), self._picture.height()) * 0.09))
            paint_waveform(p, QRectF(w * 0.12, h * 0.62, w * 0.76, h * 0.2), self._heights,
                           margin, self._range, self._fraction)
        p.setPen(QColor(INK))
        p.setFont(_px_font(h // 18, italic=True))
        p.drawText(QRectF(w * 0.12, h * 0.10, w * 0.76, h * 0.36),
                   Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   f"“{self._audio_quote}”" if self._audio_quote else "")
        p.setPen(QColor(SOFT))
        p.setFont(_px_font(h // 36))
        p.drawText(QRectF(0, h * 0.48, w, h * 0.07), Qt.AlignmentFlag.AlignCenter,
                   self._audio_who)


class _Countdown(QWidget):
    """A hairline that fills while the card waits (so the room knows the clip is coming)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(3)
        self._clock = QElapsedTimer()
        self._ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(40)
        self._tick.timeout.connect(self.update)

    def start(self, ms: int) -> None:
        self._ms = ms
        self._clock.start()
        self._tick.start()
        self.update()

    def stop(self) -> None:
        self._tick.stop()
        self._ms = 0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(GRAY_800))
        if self._ms > 0:
            frac = min(1.0, self._clock.elapsed() / self._ms)
            p.fillRect(QRectF(0, 0, self.width() * frac, self.height()), QColor(ACCENT))
        p.end()


class InterstitialCard(QWidget):
    """Between clips: the touchpoint, the pain, the quote and who said it, for a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"background: {BLACK};")
        lay = QVBoxLayout(self)
        lay.setSpacing(0)
        self.counter = QLabel()
        self.counter.setStyleSheet(f"color: {SOFT}; background: transparent;")
        self.touchpoint = QLabel()
        self.touchpoint.setStyleSheet(f"color: {ACCENT}; background: transparent;")
        self.pain = QLabel()
        self.pain.setStyleSheet(f"color: {WARM}; background: transparent;")
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet(f"color: {INK}; background: transparent;")
        self.quote.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.who = QLabel()
        self.who.setStyleSheet(f"color: {SOFT}; background: transparent;")
        self.countdown = _Countdown()
        self.hint = QLabel(self.tr("Space to start now"))
        self.hint.setStyleSheet(f"color: {GRAY_600}; background: transparent;")
        lay.addStretch(3)
        lay.addWidget(self.counter)
        lay.addSpacing(18)
        lay.addWidget(self.touchpoint)
        lay.addSpacing(6)
        lay.addWidget(self.pain)
        lay.addSpacing(34)
        lay.addWidget(self.quote)
        lay.addSpacing(30)
        lay.addWidget(self.who)
        lay.addStretch(4)
        lay.addWidget(self.countdown)
        lay.addSpacing(12)
        lay.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(90)  # the presenter's bottom bar sits here

    def paintEvent(self, event: QPaintEvent) -> None:
        # opaque: the stage underneath still holds the previous clip's quote and waveform
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BLACK))
        p.end()

    def show_clip(self, clip: PresenterClip, number: int, total: int) -> None:
        self.counter.setText(self.tr("Clip {0} of {1}").format(number, total))
        self.touchpoint.setText(clip.touchpoint.upper() if clip.touchpoint
                                else self.tr("CUSTOMER VOICE"))
        self.pain.setText(clip.pain)
        self.pain.setVisible(bool(clip.pain))
        self.quote.setText(f"“{clip.quote}”" if clip.quote else "")
        self.who.setText(f"— {clip.who}" if clip.who else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the app style sheet sets every widget's font size, so sizes go through style sheets
        h = max(300, self.height())
        margin = max(40, self.width() // 8)
        self.layout().setContentsMargins(margin, 0, margin, 0)
        for label, colour, px, extra in (
                (self.counter, SOFT, h // 46, "letter-spacing: 1px;"),
                (self.touchpoint, ACCENT, h // 30, "font-weight: bold; letter-spacing: 3px;"),
                (self.pain, WARM, h // 38, ""),
                (self.quote, INK, h // 15, "font-weight: 500;"),
                (self.who, SOFT, h // 32, ""),
                (self.hint, GRAY_600, h // 60, "")):
            label.setStyleSheet(f"color: {colour}; background: transparent; "
                                f"font-size: {max(10, px)}px; {extra}")
        super().resizeEvent(event)


class PresenterBar(QWidget):
    """The subtle bottom bar (clip n/N, who, key hints, progress) that fades when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QLabel { background: transparent; }")
        self._fraction = 0.0
        lay = QHBoxLayout(self)
        lay.setContentsMargins(28, 14, 28, 12)
        self.position = QLabel()
        self.caption = QLabel()
        self.keys = QLabel(self.tr("Space pause · ← → clips · Esc leave"))
        self.set_scale(720)
        lay.addWidget(self.position)
        lay.addSpacing(18)
        lay.addWidget(self.caption, 1)
        lay.addWidget(self.keys)
        self.effect = QGraphicsOpacityEffect(self)
        self.effect.setOpacity(1.0)
        self.setGraphicsEffect(self.effect)
        self._fade = QPropertyAnimation(self.effect, b"opacity", self)
        self._fade.setDuration(600)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(2500)
        self._idle.timeout.connect(self.fade_out)
        self._pinned = False

    def set_pinned(self, pinned: bool) -> None:
        """Pinned (while paused): the bar stays up instead of fading after a few seconds."""
        self._pinned = pinned
        if pinned:
            self.wake()
        elif not self._idle.isActive() and self.effect.opacity() > 0.0:
            self._idle.start()

    def set_scale(self, window_height: int) -> None:
        """Type size for a window this tall (readable from the back of a meeting room)."""
        px = max(12, window_height // 52)
        for label, colour, extra in ((self.position, INK, "font-weight: bold;"),
                                     (self.caption, SOFT, ""), (self.keys, MUTED, "")):
            label.setStyleSheet(f"color: {colour}; font-size: {px}px; {extra}")

    def set_text(self, position: str, caption: str) -> None:
        self.position.setText(position)
        self.caption.setText(caption)

    def set_fraction(self, fraction: float) -> None:
        self._fraction = max(0.0, min(1.0, fraction))
        self.update()

    def wake(self) -> None:
        """Show the bar now and fade it out after a few idle seconds."""
        self._fade.stop()
        self.effect.setOpacity(1.0)
        self._idle.start()

    def fade_out(self) -> None:
        if self._pinned:
            return
        self._fade.stop()
        self._fade.setStartValue(self.effect.opacity())
        self._fade.setEndValue(0.0)
        self._fade.start()

    def opacity(self) -> float:
        return self.effect.opacity()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(0, 0, 0, 170))
        p.fillRect(QRectF(0, 0, self.width(), 2), QColor(255, 255, 255, 40))
        p.fillRect(QRectF(0, 0, self.width() * self._fraction, 2), QColor(ACCENT))
        p.end()


class EndScreen(QWidget):
    """After the last clip: a calm close and the question for the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"background: {BLACK};")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        self.title = QLabel(self.tr("That's all the clips"))
        self.title.setStyleSheet(f"color: {INK}; font-size: 30pt; font-weight: bold;")
        self.hint = QLabel(self.tr("What would you change for these customers?"))
        self.hint.setStyleSheet(f"color: {SOFT}; font-size: 16pt;")
        self.keys = QLabel(self.tr("← replay the last clip · Esc leave"))
        self.keys.setStyleSheet(f"color: {GRAY_600}; font-size: 11pt;")
        for w in (self.title, self.hint):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
            lay.addSpacing(14)
        lay.addStretch(1)
        lay.addWidget(self.keys, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(36)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)  # opaque, like the card
        p.fillRect(self.rect(), QColor(BLACK))
        p.end()


class PausedBadge(QWidget):
    """A pause sign and "Paused" in the middle of the picture, there for as long as it is paused
    (the bottom bar fades; the room still has to see why nothing moves)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text = self.tr("Paused")

    def place(self, window_width: int, window_height: int) -> None:
        side = max(120, window_height // 4)
        self.setGeometry((window_width - side) // 2, (window_height - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = self.width()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 190))
        p.drawRoundedRect(QRectF(self.rect()), side * 0.12, side * 0.12)
        bar_w, bar_h = side * 0.11, side * 0.36
        top = side * 0.18
        p.setBrush(QColor(INK))
        for x in (side * 0.5 - bar_w * 1.5, side * 0.5 + bar_w * 0.5):
            p.drawRoundedRect(QRectF(x, top, bar_w, bar_h), bar_w * 0.2, bar_w * 0.2)
        p.setPen(QColor(INK))
        p.setFont(_px_font(side // 8, bold=True))
        p.drawText(QRectF(0, side * 0.62, side, side * 0.26), Qt.AlignmentFlag.AlignCenter,
                   self.text)
        p.end()
