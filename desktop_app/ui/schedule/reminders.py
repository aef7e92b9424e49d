"""Interview reminders while the app runs: a tray message, or an in-app banner without a tray.

A QTimer calls `check()` every 30 s; the clock is injected (aware UTC now), so tests advance a
fake clock and call `check()` directly. What to say is decided by services.reminders; what was
already said is kept in `reminders.json` in the library, so a restart does not repeat it and
interviews missed while the app was closed are reported at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config.settings import load_settings
from desktop_app.domain.errors import CloserError
from desktop_app.services.reminders import Reminder, ReminderStore, due_reminders, window
from desktop_app.services.scheduling import SchedulingService
from desktop_app.ui.kit.channels import channel_label
from desktop_app.ui.kit.tokens import ACCENT, CARD, FAINT, INDIGO_300, INK, SURFACE
from desktop_app.ui.schedule.common import hhmm, system_zone

CHECK_INTERVAL_MS = 30_000


class ReminderBanner(QFrame):
    """A card floating at the bottom right of its host window; stays until dismissed."""

    open_requested = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("ReminderBanner")
        self.setStyleSheet(
            f"QFrame#ReminderBanner {{ background: {INK}; border-radius: 10px; }}"
            f"QFrame#ReminderBanner QLabel {{ color: {SURFACE}; background: transparent; }}"
            "QFrame#ReminderBanner QLabel#BannerTitle { font-weight: bold; font-size: 11pt; }"
            "QFrame#ReminderBanner QPushButton { background: transparent; border: none; "
            f"color: {INDIGO_300}; padding: 2px 4px; }}"
            f"QFrame#ReminderBanner QPushButton:hover {{ color: {CARD}; }}")
        self.setFixedWidth(380)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 12, 12)
        lay.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("BannerTitle")
        self.close_button = QPushButton("×")
        self.close_button.setStyleSheet(f"font-size: 14pt; color: {FAINT};")
        self.close_button.clicked.connect(self.hide)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open schedule"))
        self.open_button.clicked.connect(self._open)
        lay.addLayout(top)
        lay.addWidget(self.text)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        host.installEventFilter(self)
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _open(self) -> None:
        self.hide()
        self.open_requested.emit()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            # bottom right, like a toast: it must not hide the page's own buttons
            self.move(max(0, host.width() - self.width() - 24),
                      max(0, host.height() - self.height() - 24))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False


def _app_icon() -> QIcon:
    pix = QPixmap(64, 64)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(ACCENT))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRect(4, 4, 56, 56), 14, 14)
    p.setPen(QColor(CARD))
    font = p.font()
    font.setPixelSize(34)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRect(4, 4, 56, 56), Qt.AlignmentFlag.AlignCenter, "C")
    p.end()
    return QIcon(pix)


class ReminderNotifier(QObject):
    """Checks every 30 s; `reminded(title, text)` for every message shown."""

    reminded = Signal(str, str)
    open_schedule = Signal()

    def __init__(self, scheduling: SchedulingService, *, home: Path,
                 lead_minutes: Callable[[], int], host: QWidget | None = None,
                 clock: Callable[[], datetime] | None = None, zone: ZoneInfo | None = None,
                 use_tray: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent or host)
        self._scheduling = scheduling
        self._lead = lead_minutes
        self._clock = clock or scheduling.now
        self.zone = zone or system_zone()
        self.store = ReminderStore.in_library(home)
        self.last_message: tuple[str, str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if tray_ok:
            self.tray = QSystemTrayIcon(_app_icon(), self)
            self.tray.setToolTip("Closer")
            self.tray.messageClicked.connect(self.open_schedule)
        self.banner = ReminderBanner(host) if host is not None else None
        if self.banner is not None:
            self.banner.open_requested.connect(self.open_schedule)

    def start(self) -> None:
        """Check now (this reports misses from while the app was closed), then every 30 s."""
        if self.tray is not None:
            self.tray.show()
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> list[Reminder]:
        """Announce what is due now; each interview is announced once."""
        now = self._clock()
        lead = max(0, int(self._lead()))
        lo, hi = window(now, lead)
        try:
            rows = self._scheduling.occurrences(lo, hi, now_utc=now)
        except CloserError:
            return []  # a broken series must not stop the app; the Schedule shows the error
        due = due_reminders(rows, now_utc=now, lead_minutes=lead,
                            reminded=set(self.store.reminded),
                            last_check_utc=self.store.last_check_utc)
        if due:
            title, text = self.message(due)
            self._show(title, text)
            self.store.mark((r.key for r in due), now)
        self.store.checked(now)
        return due

    def message(self, due: list[Reminder]) -> tuple[str, str]:
        """Title and text for a batch of reminders (one, or a short list)."""
        lines = [self._line(r) for r in due]
        if len(due) == 1:
            r = due[0]
            if r.kind == "missed":
                title = self.tr("Missed interview")
            elif r.minutes_to_start > 0:
                title = self.tr("Interview in %n min", "", r.minutes_to_start)
            elif r.minutes_to_start == 0:
                title = self.tr("Interview starting now")
            else:
                title = self.tr("Interview started %n min ago", "", -r.minutes_to_start)
        else:
            missed = sum(1 for r in due if r.kind == "missed")
            title = (self.tr("%n interview(s) need attention", "", len(due)) if missed
                     else self.tr("%n interview(s) coming up", "", len(due)))
        if any(r.kind == "missed" for r in due):
            lines.append(self.tr("If it took place, import the recording from the Schedule."))
        return title, "\n".join(lines)

    def _line(self, r: Reminder) -> str:
        occ = r.occurrence
        start = occ.start_utc.astimezone(self.zone)
        end = occ.end_utc.astimezone(self.zone)
        day = f"{start:%a %d %b}"
        where = " · ".join(x for x in (channel_label(occ.channel), occ.location) if x)
        text = f"{occ.customer} · {day} {hhmm(start)}–{hhmm(end)}"
        if r.kind == "missed":
            return self.tr("{0} (nothing recorded)").format(text)
        return text + (f"\n{where}" if where else "")

    def _show(self, title: str, text: str) -> None:
        self.last_message = (title, text)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        elif self.banner is not None:
            self.banner.show_message(title, text)
        self.reminded.emit(title, text)


def start_reminders(window: QWidget, scheduling: SchedulingService,
                    home: Path) -> ReminderNotifier:
    # the caller connects `open_schedule` to showing the Schedule section
    """Create, wire and start the notifier for the main window (stops when it closes)."""
    notifier = ReminderNotifier(scheduling, home=home,
                                lead_minutes=lambda: load_settings(home).reminder_minutes,
                                host=window)
    notifier.open_schedule.connect(lambda: (window.raise_(), window.activateWindow()))

    class _CloseWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Close:
                notifier.stop()
            return False

    watch = _CloseWatch(notifier)
    window.installEventFilter(watch)
    notifier.start()
    return notifier
