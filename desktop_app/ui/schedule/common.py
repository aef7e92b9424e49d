"""Shared pieces of the schedule's calendars: status colours and names, the occurrence chip.

A chip is painted by hand (rounded card, status accent bar, elided text) so it stays crisp at
any size in the week grid and in month cells; `lines()` returns what it shows, for tests.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimeZone, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.recurrence import ScheduleError, get_zone
from desktop_app.services.scheduling_status import OccurrenceRow
from desktop_app.ui.kit.channels import channel_label
from desktop_app.ui.kit.tokens import (
    ACCENT,
    ACCENT_SOFT,
    DANGER,
    DANGER_SOFT,
    EMERALD_50,
    EMERALD_600,
    EMERALD_900,
    INDIGO_900,
    RED_900,
    TEAL_50,
    TEAL_600,
    TEAL_900,
    VIOLET_50,
    VIOLET_600,
    VIOLET_900,
)

COMPACT_NAME_W = 64  # a month chip drops its time before the name gets narrower than this

# status -> (background, accent, text)
STATUS_COLORS: dict[str, tuple[str, str, str]] = {
    "planned": (ACCENT_SOFT, ACCENT, INDIGO_900),
    "recorded": (EMERALD_50, EMERALD_600, EMERALD_900),
    "transcribed": (TEAL_50, TEAL_600, TEAL_900),
    "tagged": (VIOLET_50, VIOLET_600, VIOLET_900),
    "missed": (DANGER_SOFT, DANGER, RED_900),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Schedule", text)


def status_label(status: str) -> str:
    names = {"planned": _t("Planned"), "recorded": _t("Recorded"),
             "transcribed": _t("Transcribed"), "tagged": _t("Tagged"), "missed": _t("Missed")}
    return names.get(status, status)


def status_colors(status: str) -> tuple[str, str, str]:
    return STATUS_COLORS.get(status, STATUS_COLORS["planned"])


def system_zone() -> ZoneInfo:
    """The computer's IANA zone (UTC when Qt reports one Python does not know)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "ignore")
    try:
        return get_zone(name or "UTC")
    except ScheduleError:
        return get_zone("UTC")


_UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Etc/Universal",
              "Universal", "Etc/Zulu", "Zulu", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0",
              "Etc/Greenwich", "Greenwich"}


def zone_name(zone: ZoneInfo | str) -> str:
    """A zone as people say it: "UTC", "UTC+3" (Etc/GMT-3), else the city ("New York")."""
    key = zone if isinstance(zone, str) else zone.key
    if key in _UTC_NAMES:
        return "UTC"
    if key.startswith("Etc/GMT") and key[7:8] in "+-" and key[8:].isdigit():
        return f"UTC{'-' if key[7] == '+' else '+'}{int(key[8:])}"  # POSIX signs are inverted
    return key.rsplit("/", 1)[-1].replace("_", " ")


def hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def short_location(location: str, limit: int = 32) -> str:
    """A call link as its host and path without the scheme; long text shortened."""
    text = location.strip()
    for scheme in ("https://", "http://"):
        if text.lower().startswith(scheme):
            text = text[len(scheme):].removeprefix("www.")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def where(channel: str, location: str) -> str:
    """ "Video call · meet.example.com/abc" (either part may be missing)."""
    return " · ".join(x for x in (channel_label(channel), short_location(location)) if x)


class OccurrenceChip(QWidget):
    """One interview on a calendar; `clicked(row)` on a left click."""

    clicked = Signal(object)  # OccurrenceRow
    double_clicked = Signal(object)

    def __init__(self, row: OccurrenceRow, zone: ZoneInfo, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.zone = zone
        self.compact = compact
        self.selected = False
        self.setObjectName("OccurrenceChip")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        start, end = row.start_utc.astimezone(zone), row.end_utc.astimezone(zone)
        tip = [f"{row.customer}" + (f" · {row.persona}" if row.persona else ""),
               f"{start:%a %d %b} {hhmm(start)}–{hhmm(end)}", status_label(row.status)]
        if row.channel or row.location:
            tip.append(where(row.channel, row.location))
        self.setToolTip("\n".join(tip))
        self.setAccessibleName(" ".join(self.lines()))

    def lines(self) -> list[str]:
        """The text the chip shows, line by line (the first ones win when space is short)."""
        start = self.row.start_utc.astimezone(self.zone)
        end = self.row.end_utc.astimezone(self.zone)
        if self.compact:
            return [f"{hhmm(start)}  {self.row.customer}"]
        lines = [self.row.customer, f"{hhmm(start)}–{hhmm(end)}"]
        if self.row.persona:
            lines.append(self.row.persona)
        return lines

    def sizeHint(self) -> QSize:
        return QSize(120, 22 if self.compact else 48)

    def show_clock(self) -> bool:
        """A compact chip shows its time only when the name keeps room to be read."""
        return not self.compact or self.width() - 14 - self._clock_width() >= COMPACT_NAME_W

    def _clock_width(self) -> int:
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1))
        return QFontMetrics(small).horizontalAdvance(hhmm(self.row.start_utc.astimezone(
            self.zone))) + 6

    def enterEvent(self, event: QEnterEvent) -> None:
        self.raise_()  # overlapping chips: the one under the mouse comes to the front
        super().enterEvent(event)

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.row)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit(self.row)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        bg, accent, ink = status_colors(self.row.status)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(QColor(accent), 1.5) if self.selected else Qt.PenStyle.NoPen)
        fill = QColor(bg) if not self.selected else QColor(bg).darker(106)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 5, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(accent))
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), 3.5, rect.height()), 2, 2)
        if self.row.status == "missed" or self.row.moved:
            p.setPen(QPen(QColor(accent), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        text_rect = rect.adjusted(9, 3, -5, -2)
        base = QFont(self.font())
        if self.compact:
            self._paint_compact(p, text_rect, base, accent, ink)
            p.end()
            return
        y = text_rect.top()
        for i, line in enumerate(self.lines()):
            font = QFont(base)
            if i == 0:
                font.setBold(True)
            else:
                font.setPointSizeF(max(7.5, base.pointSizeF() - 1))
            p.setFont(font)
            fm = p.fontMetrics()
            if y + fm.height() > text_rect.bottom() + 3 and i > 0:
                break
            p.setPen(QColor(ink) if i == 0 else QColor(accent).darker(115))
            shown = fm.elidedText(line, Qt.TextElideMode.ElideRight, int(text_rect.width()))
            p.drawText(QRectF(text_rect.left(), y, text_rect.width(), fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            y += fm.height()
        p.end()

    def _paint_compact(self, p: QPainter, box: QRectF, base: QFont, accent: str,
                       ink: str) -> None:
        """One line: the time in the status colour, then the customer in bold."""
        small = QFont(base)
        small.setPointSizeF(max(7.5, base.pointSizeF() - 1))
        p.setFont(small)
        clock = hhmm(self.row.start_utc.astimezone(self.zone)) if self.show_clock() else ""
        width = p.fontMetrics().horizontalAdvance(clock) + 6 if clock else 0
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.setPen(QColor(accent).darker(110))
        p.drawText(QRectF(box.left(), box.top(), width, box.height()), flags, clock)
        name = QFont(small)
        name.setBold(True)
        p.setFont(name)
        p.setPen(QColor(ink))
        rest = QRectF(box.left() + width, box.top(), max(0.0, box.width() - width), box.height())
        p.drawText(rest, flags, p.fontMetrics().elidedText(
            self.row.customer, Qt.TextElideMode.ElideRight, int(rest.width())))
