"""While recording: the REC pill and clock, Pause, Mark (M), Stop; warnings; the preview with a
level meter per audio track; the interview guide and the live notes beside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.recording import clock
from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.ui.recorder.level_meter import LevelMeter
from desktop_app.ui.recorder.preview import PreviewWidget
from desktop_app.ui.recorder.side_panel import GuidePanel, NotesPanel


class Banner(QFrame):
    """A dismissable line: info (consent reminder), warning (low disk), error (device lost)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 8, 8, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        close = QPushButton("✕")
        close.setObjectName("BannerClose")
        close.setCursor(Qt.CursorShape.PointingHandCursor)
        close.clicked.connect(self.hide)
        lay.addWidget(self.text, 1)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.text.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


class SessionPage(QWidget):
    """The recording screen; the window drives it from the engine's signals."""

    pause_clicked = Signal()
    mark_clicked = Signal()
    stop_clicked = Signal()

    def __init__(self, now: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 20)
        lay.setSpacing(12)
        lay.addWidget(self._top_bar())
        self.banner = Banner()
        lay.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(12)
        self.preview = PreviewWidget()
        left.addWidget(self.preview, 1)
        self.meters_card = QFrame()
        self.meters_card.setObjectName("Card")
        self.meters = QGridLayout(self.meters_card)
        self.meters.setContentsMargins(18, 12, 18, 12)
        self.meters.setHorizontalSpacing(14)
        self.meters.setVerticalSpacing(8)
        self.meters.setColumnStretch(2, 1)
        left.addWidget(self.meters_card)
        body.addLayout(left, 1)
        side = QVBoxLayout()
        side.setSpacing(12)
        self.guide = GuidePanel()
        self.notes = NotesPanel(now)
        side.addWidget(self.guide, 3)
        side.addWidget(self.notes, 2)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(360)
        side.setContentsMargins(0, 0, 0, 0)
        body.addWidget(side_box)
        lay.addLayout(body, 1)
        self.meter_widgets: list[LevelMeter] = []

    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("Card")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(18, 12, 14, 12)
        lay.setSpacing(14)
        self.pill = QLabel(self.tr("● REC"))
        self.pill.setObjectName("RecPill")
        self.pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pill.setMinimumWidth(112)  # the clock stays put when the pill says PAUSED
        self.elapsed = QLabel("0:00")
        self.elapsed.setObjectName("Elapsed")
        self.elapsed.setMinimumWidth(110)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("SessionTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("Muted")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.pause_button = QPushButton(self.tr("❚❚  Pause"))
        self.pause_button.setObjectName("ControlButton")
        self.mark_button = QPushButton(self.tr("⚑  Mark   M"))
        self.mark_button.setObjectName("MarkButton")
        self.mark_button.setToolTip(self.tr("Mark this moment (M): it becomes a highlight to "
                                            "review after the interview"))
        self.stop_button = QPushButton(self.tr("■  Stop"))
        self.stop_button.setObjectName("StopButton")
        for button, signal in ((self.pause_button, self.pause_clicked),
                               (self.mark_button, self.mark_clicked),
                               (self.stop_button, self.stop_clicked)):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal)
        lay.addWidget(self.pill)
        lay.addWidget(self.elapsed)
        lay.addLayout(titles, 1)
        lay.addWidget(self.pause_button)
        lay.addWidget(self.mark_button)
        lay.addWidget(self.stop_button)
        return bar

    def begin(self, *, title: str, subtitle: str, has_video: bool,
              tracks: Sequence[tuple[str, str]], guide: GuideInfo | None) -> None:
        """A new recording: titles, the preview, one meter per (track label, source) pair."""
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.elapsed.setText("0:00")
        self.preview.reset(has_video=has_video,
                           caption=self.tr("Sound is recorded on %n track(s).", "", len(tracks))
                           if len(tracks) > 1 else "")
        while self.meters.count():
            item = self.meters.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.meter_widgets = []
        for row, (label, source) in enumerate(tracks):
            name = QLabel(label)
            name.setObjectName("TrackName")
            name.setMinimumWidth(90)
            where = QLabel()
            where.setObjectName("TrackSource")
            where.setText(QFontMetrics(where.font()).elidedText(
                source, Qt.TextElideMode.ElideRight, 240))
            where.setToolTip(source)
            meter = LevelMeter()
            self.meters.addWidget(name, row, 0)
            self.meters.addWidget(where, row, 1)
            self.meters.addWidget(meter, row, 2)
            self.meter_widgets.append(meter)
        self.meters_card.setVisible(bool(tracks))
        self.guide.set_guide(guide)
        self.notes.clear()
        self.banner.hide()
        self.set_state("recording")

    def set_elapsed(self, seconds: float) -> None:
        self.elapsed.setText(clock(seconds))

    def set_levels(self, levels: Sequence[object]) -> None:
        for meter, level in zip(self.meter_widgets, levels, strict=False):
            meter.set_level(getattr(level, "rms", 0.0), getattr(level, "peak", 0.0))

    def set_state(self, state: str) -> None:
        """recording | paused | saving"""
        texts = {"recording": self.tr("● REC"), "paused": self.tr("❚❚ PAUSED"),
                 "saving": self.tr("SAVING")}
        self.pill.setText(texts.get(state, state))
        self.pill.setProperty("state", state)
        self.pill.style().unpolish(self.pill)
        self.pill.style().polish(self.pill)
        self.pause_button.setText(self.tr("▶  Resume") if state == "paused"
                                  else self.tr("❚❚  Pause"))
        live = state in ("recording", "paused")
        for button in (self.pause_button, self.mark_button, self.stop_button):
            button.setEnabled(live)
        for meter in self.meter_widgets:
            meter.set_active(state == "recording")
