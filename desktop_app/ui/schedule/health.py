"""Cadence health: who is overdue for a conversation, and which personas and touchpoints
nobody has talked about lately (with the coverage chart)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.cadence import Coverage, Overdue
from desktop_app.ui.kit.tokens import AMBER_600, DANGER, INK, MUTED, SUCCESS
from desktop_app.ui.schedule.coverage_chart import CoverageChart, bar_color, value_text

ID_ROLE = Qt.ItemDataRole.UserRole


def transparent_scroll(body: QWidget) -> QScrollArea:
    """A frameless scroll area that lets the page background show through."""
    scroll = QScrollArea()
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setStyleSheet("QScrollArea { background: transparent; }")
    scroll.viewport().setAutoFillBackground(False)
    body.setAutoFillBackground(False)
    body.setObjectName(body.objectName() or "ScrollBody")
    body.setStyleSheet(f"QWidget#{body.objectName()} {{ background: transparent; }}")
    return scroll


def days_text(days: float) -> str:
    n = round(days)
    return QCoreApplication.translate("HealthPanel", "%n day(s)", "", n)


def _card(title: str, subtitle: str = "") -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("Card")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(20, 16, 20, 18)
    lay.setSpacing(4)
    head = QLabel(title)
    head.setObjectName("SectionTitle")
    head.setWordWrap(True)
    lay.addWidget(head)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("Muted")
        sub.setWordWrap(True)
        lay.addWidget(sub)
    lay.addSpacing(10)
    return card, lay


class _Stat(QFrame):
    """A big number over its caption; `caption(n)` words it for that number (plural forms)."""

    def __init__(self, caption: Callable[[int], str]) -> None:
        super().__init__()
        self.caption = caption
        self.setObjectName("Card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.setSpacing(2)
        self.value = QLabel("0")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.cap = QLabel(caption(0))
        self.cap.setObjectName("Muted")
        lay.addWidget(self.value)
        lay.addWidget(self.cap)

    def set(self, value: int, alert: bool) -> None:
        self.value.setText(str(value))
        self.cap.setText(self.caption(value))
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: "
                                 + (f"{DANGER};" if alert and value else f"{INK};"))


class HealthPanel(QWidget):
    """`set_data(...)`; `plan_requested(customer_id)` from the overdue table."""

    plan_requested = Signal(int)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.overdue: list[Overdue] = []
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 16, 4, 8)
        lay.setSpacing(16)
        stats = QHBoxLayout()
        stats.setSpacing(16)
        self.stat_overdue = _Stat(lambda n: self.tr(
            "customer(s) overdue for an interview", "", n))
        self.stat_personas = _Stat(lambda n: self.tr("persona(s) not heard in 30+ days", "", n))
        self.stat_touchpoints = _Stat(lambda n: self.tr(
            "touchpoint(s) nobody mentioned in 90+ days", "", n))
        for s in (self.stat_overdue, self.stat_personas, self.stat_touchpoints):
            stats.addWidget(s, 1)
        lay.addLayout(stats)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self._build_overdue(), 6)
        row.addWidget(self._build_coverage(), 5)
        lay.addLayout(row)
        lay.addStretch(1)
        scroll = transparent_scroll(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_overdue(self) -> QFrame:
        card, lay = _card(self.tr("Overdue customers"),
                          self.tr("Past their interview cadence (the customer's own, or their "
                                  "series')."))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Cadence"),
                                              self.tr("Last interview"), self.tr("Overdue")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setMinimumHeight(260)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)  # room for "Customer" in bold
        for col in (1, 2, 3):  # as wide as their heading or values, whichever is wider
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(lambda _i: self._plan())
        self.table.itemSelectionChanged.connect(
            lambda: self.plan_button.setEnabled(bool(self.table.selectedItems())))
        self.all_good = QLabel(self.tr("Everyone is on schedule. Customers with a cadence "
                                       "appear here when a conversation is overdue."))
        self.all_good.setObjectName("Muted")
        self.all_good.setWordWrap(True)
        self.all_good.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overdue_stack = QStackedWidget()
        self.overdue_stack.addWidget(self.table)
        self.overdue_stack.addWidget(self.all_good)
        lay.addWidget(self.overdue_stack, 1)
        lay.addSpacing(8)
        self.plan_button = QPushButton(self.tr("Plan an interview"))
        self.plan_button.setObjectName("PrimaryButton")
        self.plan_button.setEnabled(False)
        self.plan_button.clicked.connect(self._plan)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.plan_button)
        lay.addLayout(bar)
        return card

    def _build_coverage(self) -> QFrame:
        card, lay = _card(self.tr("When did we last hear from each persona?"),
                          self.tr("Days since the last interview with a customer of that "
                                  "persona."))
        self.chart = CoverageChart()
        lay.addWidget(self.chart)
        lay.addSpacing(14)
        head = QLabel(self.tr("Touchpoints nobody mentioned lately"))
        head.setObjectName("SectionTitle")
        lay.addWidget(head)
        lay.addSpacing(4)
        self.touchpoints = QLabel()
        self.touchpoints.setWordWrap(True)
        self.touchpoints.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.touchpoints)
        lay.addStretch(1)
        return card

    def set_data(self, overdue: Sequence[Overdue], personas: Sequence[Coverage],
                 touchpoints: Sequence[Coverage]) -> None:
        self.overdue = list(overdue)
        self.table.setRowCount(0)
        locale = QLocale()
        for o in self.overdue:
            r = self.table.rowCount()
            self.table.insertRow(r)
            last = (self.tr("never") if o.never_interviewed
                    else locale.toString(o.since_utc.astimezone(self.zone).date(), "d MMM yyyy"))
            every = self.tr("every {0}").format(days_text(o.cadence_days))
            name = QTableWidgetItem(o.name)
            name.setData(ID_ROLE, o.customer_id)
            cadence = QTableWidgetItem(every)
            cadence.setForeground(QBrush(QColor(MUTED)))
            late = QTableWidgetItem(days_text(o.whole_days_overdue))
            late.setForeground(QBrush(QColor(DANGER if o.days_overdue > 14 else AMBER_600)))
            if o.booked_utc is not None:  # already booked: say so rather than only nag
                booked = o.booked_utc.astimezone(self.zone)
                late.setText(self.tr("booked for {0}").format(
                    locale.toString(booked.date(), "ddd d MMM")))
                late.setForeground(QBrush(QColor(SUCCESS)))
                late.setToolTip(self.tr("{0} overdue; the next interview is booked for {1}")
                                .format(days_text(o.whole_days_overdue),
                                        locale.toString(booked.date(), "dddd d MMMM") +
                                        f" {booked:%H:%M}"))
            for c, item in enumerate((name, cadence, QTableWidgetItem(last), late)):
                self.table.setItem(r, c, item)
        self.overdue_stack.setCurrentWidget(self.table if self.overdue else self.all_good)
        self.chart.set_items(personas)
        stale = [c for c in touchpoints if c.days_since is None or c.days_since > 90]
        if stale:
            pills = []
            for c in stale:
                color = bar_color(c)
                pills.append(f'<span style="color:{INK}">{html.escape(c.key)}</span> '
                             f'<span style="color:{color}">({value_text(c)})</span>')
            self.touchpoints.setText(" &nbsp;·&nbsp; ".join(pills))
        else:
            self.touchpoints.setText(f'<span style="color:{MUTED}">'
                                     f'{self.tr("Every touchpoint came up in the last 90 days.")}'
                                     f"</span>")
        self.stat_overdue.set(len(self.overdue), True)
        self.stat_personas.set(sum(1 for c in personas if not c.heard_lately), True)
        self.stat_touchpoints.set(len(stale), True)

    def _plan(self) -> None:
        items = self.table.selectedItems()
        if items:
            row = items[0].row()
            item = self.table.item(row, 0)
            if item is not None:
                self.plan_requested.emit(int(item.data(ID_ROLE)))
