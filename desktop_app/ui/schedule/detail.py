"""The side card for the chosen interview: who, when, where, status, and what to do next.

"Record" and "Import recording…" come first (the one-click path from calendar to recording);
invitations, .ics, moving and skipping follow; the series itself is edited or ended below.
Each button emits `action_requested(name)`; the schedule view carries the action out.
"""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.scheduling_status import OccurrenceRow, SeriesInfo
from desktop_app.ui.kit.channels import channel_label
from desktop_app.ui.kit.tokens import ACCENT, DANGER, LINE
from desktop_app.ui.schedule.common import (
    hhmm,
    short_location,
    status_colors,
    status_label,
)
from desktop_app.ui.schedule.rule import describe

ACTIONS = ("record", "import", "open", "invite", "export", "move", "skip", "edit", "end")


def _label(name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OccurrencePanel(QFrame):
    """Details and actions for one OccurrenceRow (or a hint when nothing is chosen)."""

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setFixedWidth(312)
        self.row: OccurrenceRow | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.stack = QStackedWidget()
        hint = QLabel(self.tr("Choose an interview in the calendar to see who it is with, "
                              "start recording or send an invitation."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_page = QWidget()
        hl = QVBoxLayout(hint_page)
        hl.setContentsMargins(24, 24, 24, 24)
        hl.addStretch(1)
        hl.addWidget(hint)
        hl.addStretch(2)
        self.stack.addWidget(hint_page)
        self.stack.addWidget(self._build_details())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def _button(self, key: str, text: str, name: str = "") -> QPushButton:
        b = QPushButton(text)
        if name:
            b.setObjectName(name)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.clicked.connect(lambda: self.action_requested.emit(key))
        self.buttons[key] = b
        return b

    def _build_details(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 18, 20, 18)
        lay.setSpacing(0)
        self.badge = QLabel()
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.badge)
        lay.addSpacing(10)
        self.customer = _label("SectionTitle")
        self.customer.setStyleSheet("font-size: 14pt;")
        self.persona = _label("Muted")
        lay.addWidget(self.customer)
        lay.addWidget(self.persona)
        lay.addSpacing(14)
        self.when = _label()
        self.when.setStyleSheet("font-weight: bold;")
        self.when_hint = _label("Muted")
        lay.addWidget(self.when)
        lay.addWidget(self.when_hint)
        lay.addSpacing(12)
        facts = QGridLayout()
        facts.setHorizontalSpacing(10)
        facts.setVerticalSpacing(6)
        self.facts: dict[str, QLabel] = {}
        for i, (key, title) in enumerate((("where", self.tr("Where")),
                                          ("who", self.tr("Interviewers")),
                                          ("guide", self.tr("Guide")),
                                          ("repeats", self.tr("Repeats")))):
            name = QLabel(title)
            name.setObjectName("Muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = _label()
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setOpenExternalLinks(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            facts.addWidget(name, i, 0)
            facts.addWidget(value, i, 1)
            self.facts[key] = value
        facts.setColumnStretch(1, 1)
        lay.addLayout(facts)
        lay.addSpacing(18)
        lay.addWidget(self._button("record", self.tr("Record now"), "PrimaryButton"))
        lay.addSpacing(8)
        lay.addWidget(self._button("import", self.tr("Import recording…")))
        lay.addSpacing(6)
        lay.addWidget(self._button("open", self.tr("Open interview")))
        lay.addSpacing(14)
        line = QFrame()
        line.setFixedHeight(1)
        line.setStyleSheet(f"background: {LINE};")
        lay.addWidget(line)
        lay.addSpacing(14)
        for keys in ((("invite", self.tr("Invite by e-mail")), ("export", self.tr("Export .ics"))),
                     (("move", self.tr("Move…")), ("skip", self.tr("Skip")))):
            row = QHBoxLayout()
            row.setSpacing(8)
            for key, text in keys:
                row.addWidget(self._button(key, text))
            lay.addLayout(row)
            lay.addSpacing(8)
        lay.addSpacing(8)
        series_row = QHBoxLayout()
        series_row.addWidget(self._button("edit", self.tr("Edit series…"), "LinkButton"))
        series_row.addStretch(1)
        series_row.addWidget(self._button("end", self.tr("End series…"), "LinkButton"))
        for key in ("edit", "end"):
            self.buttons[key].setStyleSheet(f"QPushButton#LinkButton {{ color: {ACCENT}; }}")
            self.buttons[key].setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.buttons["end"].setStyleSheet(f"QPushButton#LinkButton {{ color: {DANGER}; }}")
        lay.addLayout(series_row)
        lay.addStretch(1)
        return page

    def clear(self) -> None:
        self.row = None
        self.stack.setCurrentIndex(0)

    def set_occurrence(self, row: OccurrenceRow, info: SeriesInfo | None, zone: ZoneInfo,
                       now_utc: datetime) -> None:
        self.row = row
        bg, accent, _ = status_colors(row.status)
        self.badge.setText(status_label(row.status) + (self.tr(" · moved") if row.moved else "")
                           + (self.tr(" · renew consent") if row.renew_consent else ""))
        self.badge.setStyleSheet(f"background: {bg}; color: {accent}; border-radius: 10px; "
                                 f"padding: 3px 10px; font-weight: bold; font-size: 8.5pt;")
        self.customer.setText(row.customer)
        self.persona.setText(row.persona or self.tr("No persona"))
        start, end = row.start_utc.astimezone(zone), row.end_utc.astimezone(zone)
        day = QLocale().toString(start.date(), "dddd, d MMMM yyyy")
        self.when.setText(f"{day}\n{hhmm(start)} – {hhmm(end)}")
        series_zone = ZoneInfo(row.tz)
        there = row.start_utc.astimezone(series_zone)
        if there.utcoffset() != start.utcoffset():
            self.when_hint.setText(self.tr("{0} for the customer ({1})").format(hhmm(there),
                                                                                 row.tz))
        else:
            self.when_hint.setText(self.tr("Time zone: {0}").format(row.tz))
        place = html.escape(short_location(row.location))
        if row.location.startswith(("http://", "https://")):
            link = html.escape(row.location, quote=True)
            place = f'<a href="{link}" style="color:{ACCENT}">{place}</a>'
        parts = [html.escape(channel_label(row.channel)), place]
        self.facts["where"].setText(" · ".join(x for x in parts if x) or "—")
        self.facts["who"].setText(html.escape(", ".join(row.interviewers)) or "—")
        self.facts["guide"].setText(html.escape(info.guide) if info and info.guide else "—")
        self.facts["repeats"].setText(html.escape(describe(info.rrule, info.start_local.date()))
                                      if info else "—")
        done = row.status in ("recorded", "transcribed", "tagged")
        self.buttons["record"].setText(self.tr("Record again") if done else self.tr("Record now"))
        self.buttons["open"].setVisible(row.interview_id is not None)
        self.buttons["skip"].setEnabled(not done)
        self.buttons["move"].setEnabled(not done)
        self.buttons["end"].setEnabled(info is not None and info.ended_at is None)
        self.stack.setCurrentIndex(1)
