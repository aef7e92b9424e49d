"""Shared look of the insight widgets: the heat palette, severity colours, dots and labels."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from desktop_app.domain.durations import clock
from desktop_app.services.journey_render import SEVERITY_COLOURS
from desktop_app.ui.kit.tokens import (
    ACCENT_HOVER,
    ACCENT_SOFT,
    AMBER_300,
    CARD,
    CREAM,
    GRAY_200,
    GRAY_500,
    GRAY_900,
    HAZE_3,
    INDIGO_300,
    INDIGO_600,
    LIME_600,
    ORANGE_500,
    ORANGE_600,
    PINK_600,
    RED_800,
    ROSE_600,
    SKY_600,
    SLATE_600,
    TEAL_600,
    VIOLET_600,
    WARM,
)

# white -> amber -> orange -> deep red: calm at the bottom, alarming only at the top
HEAT_STOPS: tuple[tuple[float, QColor], ...] = (
    (0.0, QColor(CREAM)), (0.3, QColor(AMBER_300)), (0.62, QColor(ORANGE_500)),
    (1.0, QColor(RED_800)))
EMPTY_CELL = QColor(HAZE_3)
INK = QColor(GRAY_900)
MUTED = QColor(GRAY_500)
LINE = QColor(GRAY_200)
ACCENT = QColor(INDIGO_600)
SERIES = (INDIGO_600, TEAL_600, WARM, ROSE_600, SKY_600, VIOLET_600, LIME_600,
          PINK_600, SLATE_600, ORANGE_600)


def heat_colour(t: float) -> QColor:
    """The palette at 0..1 (values outside are clamped)."""
    t = min(1.0, max(0.0, t))
    for (a, ca), (b, cb) in zip(HEAT_STOPS, HEAT_STOPS[1:], strict=False):
        if t <= b:
            k = (t - a) / (b - a) if b > a else 0.0
            return QColor(round(ca.red() + (cb.red() - ca.red()) * k),
                          round(ca.green() + (cb.green() - ca.green()) * k),
                          round(ca.blue() + (cb.blue() - ca.blue()) * k))
    return QColor(HEAT_STOPS[-1][1])


def heat_level(value: int, top: int) -> float:
    """Where a non-zero value sits on the palette: even the smallest stays visibly tinted."""
    if value <= 0 or top <= 0:
        return 0.0
    return 0.12 + 0.88 * (value / top)


def text_on(bg: QColor) -> QColor:
    """Ink or white, whichever reads better on `bg`."""
    luma = 0.299 * bg.red() + 0.587 * bg.green() + 0.114 * bg.blue()
    return QColor(CARD) if luma < 150 else INK


def severity_colour(level: int) -> QColor:
    r, g, b = SEVERITY_COLOURS.get(level, SEVERITY_COLOURS[0])
    return QColor(r, g, b)


def series_colour(i: int) -> QColor:
    return QColor(SERIES[i % len(SERIES)])


def format_date(when: datetime, language: str) -> str:
    """"14 Sep 2026" in the UI language."""
    local = when.astimezone() if when.tzinfo else when
    locale = QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
    return locale.toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def format_clock(seconds: float) -> str:
    return clock(seconds)


def _t(text: str) -> str:
    return QCoreApplication.translate("Insights", text)


def emotion_label(emotion: str) -> str:
    labels = {"frustrated": _t("frustrated"), "confused": _t("confused"),
              "anxious": _t("anxious"), "angry": _t("angry"),
              "disappointed": _t("disappointed"), "neutral": _t("neutral"),
              "pleased": _t("pleased"), "delighted": _t("delighted")}
    return labels.get(emotion, emotion)


def severity_label(level: int) -> str:
    names = {1: _t("mild"), 2: _t("annoying"), 3: _t("painful"), 4: _t("serious"),
             5: _t("critical")}
    return names.get(level, "")


class SeverityDots(QWidget):
    """Five dots, the first `level` filled in the severity colour."""

    def __init__(self, level: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setFixedSize(self.sizeHint())
        self.setToolTip(_t("Severity {0} of 5 ({1})").format(level, severity_label(level)))

    def sizeHint(self) -> QSize:
        return QSize(5 * 12, 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        on = severity_colour(self.level)
        for i in range(5):
            p.setBrush(on if i < self.level else QColor(GRAY_200))
            p.drawEllipse(QRectF(i * 12 + 1, 2, 8, 8))
        p.end()


class Segmented(QWidget):
    """A row of mutually exclusive buttons (a segmented control); emits the chosen key."""

    changed = Signal(str)

    def __init__(self, options: list[tuple[str, str]], current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, label) in enumerate(options):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(key == current)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            left = "6px" if i == 0 else "0"
            right = "6px" if i == len(options) - 1 else "0"
            b.setStyleSheet(
                f"QPushButton {{ border-radius: 0; border-top-left-radius: {left};"
                f" border-bottom-left-radius: {left}; border-top-right-radius: {right};"
                f" border-bottom-right-radius: {right}; padding: 5px 12px;"
                f" margin-left: {'-1px' if i else '0'}; }}"
                f"QPushButton:checked {{ background: {ACCENT_SOFT}; color: {ACCENT_HOVER};"
                f" border-color: {INDIGO_300}; font-weight: bold; }}")
            bold = QFont(b.font())
            bold.setBold(True)  # the checked button is bold: leave room so it never clips
            b.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(label) + 30)
            b.clicked.connect(lambda _c=False, k=key: self._choose(k))
            self.group.addButton(b)
            self.buttons[key] = b
            lay.addWidget(b)
        self._current = current

    def current(self) -> str:
        return self._current

    def set_current(self, key: str) -> None:
        self.buttons[key].setChecked(True)
        self._choose(key)

    def _choose(self, key: str) -> None:
        if key != self._current:
            self._current = key
            self.changed.emit(key)
