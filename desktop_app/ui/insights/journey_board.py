"""The journey map as live widgets: touchpoints as columns; needs, pains and value as rows.

The value row is editable in place: `value_edited(touchpoint_id, text)` fires after a pause in
typing and when the editor loses focus. A map that arrives while the user types waits until
the editor is left, so a refresh never throws away what is being written.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import JourneyColumn, JourneyMap
from desktop_app.ui.kit.palette import severity_colour
from desktop_app.ui.kit.tokens import (
    BLUE_100,
    CARD,
    GREEN_100,
    INK,
    LINE,
    MATERIAL_BLUE,
    MATERIAL_GREEN,
    MATERIAL_RED,
    MUTED,
    RED_100,
    qss,
)

LABEL_W = 132
COL_MIN_W = 180
BAND_FROM, BAND_TO = QColor(0, 121, 107), QColor(57, 73, 171)  # teal -> indigo, as the poster
_CSS = qss("""
QFrame#NeedsCell { background: @BLUE_50; border-radius: 10px; }
QFrame#PainsCell { background: @DANGER_SOFT; border-radius: 10px; }
QFrame#ValueCell { background: @GREEN_50; border-radius: 10px; }
QLabel#RowTitle { font-weight: bold; font-size: 11pt; }
QLabel#RowHint { font-size: 8.5pt; color: @MUTED; }
QLabel#Need { color: @GRAY_800; }
QLabel#Empty { color: @FAINT; font-style: italic; }
QLabel#PainCount { font-weight: bold; color: @INK; }
QLabel#PainAvg { color: @MUTED; font-size: 8.5pt; }
QLabel#ZoneChip { background: @CARD; color: @DANGER_DARK; border: 1px solid @RED_300;
                  border-radius: 9px; padding: 1px 8px; font-size: 8.5pt; }
QLabel#PainQuote { background: @CARD; border-radius: 6px; padding: 6px 8px;
                   color: @INK; }
QPlainTextEdit#ValueEdit { background: @CARD; border: 1px solid @GREEN_200; border-radius: 6px; }
QPlainTextEdit#ValueEdit:focus { border: 1px solid @GREEN_600; }
""")
ROW_STYLE = {"needs": (MATERIAL_BLUE, BLUE_100), "pains": (MATERIAL_RED, RED_100),
             "value": (MATERIAL_GREEN, GREEN_100)}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


class _Band(QWidget):
    """A chevron with the stage number, name and channel."""

    def __init__(self, index: int, total: int, col: JourneyColumn) -> None:
        super().__init__()
        self.index, self.total, self.col = index, total, col
        self.setMinimumHeight(64)
        self.setToolTip("\n".join(v for v in (col.touchpoint, col.channel, col.department) if v))

    def sizeHint(self) -> QSize:
        return QSize(COL_MIN_W, 64)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = _mix(BAND_FROM, BAND_TO, self.index / max(1, self.total - 1))
        w, h, tip = self.width(), self.height(), 14.0
        path = QPainterPath()
        path.moveTo(0, 0)
        path.lineTo(w - tip, 0)
        path.lineTo(w, h / 2)
        path.lineTo(w - tip, h)
        path.lineTo(0, h)
        if self.index:
            path.lineTo(tip, h / 2)
        path.closeSubpath()
        p.fillPath(path, colour)
        cx = (tip if self.index else 0) + 26
        p.setBrush(QColor(CARD))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(cx - 12, h / 2 - 12, 24, 24))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(colour)
        p.drawText(QRectF(cx - 12, h / 2 - 12, 24, 24), Qt.AlignmentFlag.AlignCenter,
                   str(self.index + 1))
        text_x = cx + 20
        avail = w - tip - text_x - 4
        p.setPen(QColor(CARD))
        name = p.fontMetrics().elidedText(self.col.touchpoint, Qt.TextElideMode.ElideRight,
                                          round(avail))
        sub = self.col.channel or self.col.department
        p.drawText(QRectF(text_x, 0, avail, h / 2 + (6 if sub else h / 2 - 6)),
                   Qt.AlignmentFlag.AlignLeft | (Qt.AlignmentFlag.AlignBottom if sub
                                                 else Qt.AlignmentFlag.AlignVCenter), name)
        if sub:
            small = QFont(self.font())
            small.setPointSizeF(self.font().pointSizeF() * 0.8)
            p.setFont(small)
            p.setPen(_mix(colour, QColor(CARD), 0.78))
            p.drawText(QRectF(text_x, h / 2 + 8, avail, h / 2 - 8),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       p.fontMetrics().elidedText(sub, Qt.TextElideMode.ElideRight, round(avail)))
        p.end()


class _PainBadge(QWidget):
    """A circle with the pain count, coloured by the mean severity, and the severity mix bar."""

    def __init__(self, col: JourneyColumn) -> None:
        super().__init__()
        self.col = col
        self.setFixedHeight(44)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        level = round(self.col.mean_severity) if self.col.pain_count else 0
        p.setBrush(severity_colour(level))
        p.drawEllipse(QRectF(0, 2, 40, 40))
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() * (1.15 if self.col.pain_count < 100
                                                       else 0.9))
        p.setFont(bold)
        p.setPen(QColor(CARD))
        p.drawText(QRectF(0, 2, 40, 40), Qt.AlignmentFlag.AlignCenter, str(self.col.pain_count))
        bar = QRectF(50, 26, max(10.0, self.width() - 52), 8)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(LINE))
        p.drawRoundedRect(bar, 4, 4)
        total = sum(self.col.severity_counts)
        if total:
            x = bar.x()
            clip = QPainterPath()
            clip.addRoundedRect(bar, 4, 4)
            p.setClipPath(clip)
            for level_no, n in enumerate(self.col.severity_counts, start=1):
                if n:
                    w = bar.width() * n / total
                    p.fillRect(QRectF(x, bar.y(), w, bar.height()), severity_colour(level_no))
                    x += w
            p.setClipping(False)
        p.setPen(QColor(INK))
        bold.setPointSizeF(self.font().pointSizeF())
        p.setFont(bold)
        p.drawText(QRectF(50, 2, self.width() - 50, 20), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("pain") if self.col.pain_count == 1 else self.tr("pains"))
        p.end()


class _ValueEdit(QPlainTextEdit):
    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class JourneyBoard(QScrollArea):
    """Shows a JourneyMap; `value_edited` asks the owner to save a touchpoint's value text."""

    value_edited = Signal(int, str)  # touchpoint id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QScrollArea { background: transparent; }" + _CSS)
        self.value_editors: dict[int, QPlainTextEdit] = {}
        self._saved: dict[int, str] = {}
        self._pending: JourneyMap | None = None
        self._typed_since: dict[int, str] = {}  # saved after the pending map was read
        self._timers: dict[int, QTimer] = {}
        self._jm: JourneyMap | None = None
        self._host: QWidget | None = None

    def journey(self) -> JourneyMap | None:
        return self._jm

    def set_map(self, jm: JourneyMap) -> None:
        """Show `jm`; waits while a value editor has the keyboard."""
        if any(e.hasFocus() for e in self.value_editors.values()):
            self._pending = jm
            self._typed_since = {}
            return
        self._pending = None
        self._jm = jm
        self._build(jm)

    def _build(self, jm: JourneyMap) -> None:
        for timer in self._timers.values():
            timer.stop()
        self._timers.clear()
        self.value_editors.clear()
        self._saved = {c.touchpoint_id: c.value_text for c in jm.columns}
        host = QWidget()
        host.setObjectName("JourneyHost")
        host.setStyleSheet("QWidget#JourneyHost { background: transparent; }")
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 8, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        grid.setColumnMinimumWidth(0, LABEL_W)
        n = len(jm.columns)
        for i, col in enumerate(jm.columns):
            grid.addWidget(_Band(i, n, col), 0, i + 1)
            grid.setColumnMinimumWidth(i + 1, COL_MIN_W)
            grid.setColumnStretch(i + 1, 1)
            grid.addWidget(self._needs(col), 1, i + 1)
            grid.addWidget(self._pains(col), 2, i + 1)
            grid.addWidget(self._value(col), 3, i + 1)
        grid.addWidget(self._row_label("needs", self.tr("Needs"),
                                       self.tr("What the customer is trying to get done")), 1, 0)
        grid.addWidget(self._row_label("pains", self.tr("Pains"),
                                       self.tr("Where it hurts: how often, worst quotes")), 2, 0)
        grid.addWidget(self._row_label("value", self.tr("Value we create"),
                                       self.tr("What the business does about it — click a "
                                               "cell to edit")), 3, 0)
        grid.setRowStretch(4, 1)
        old = self.takeWidget()
        self.setWidget(host)
        self._host = host
        if old is not None:
            old.deleteLater()

    def _row_label(self, key: str, title: str, hint: str) -> QFrame:
        accent, soft = ROW_STYLE[key]
        frame = QFrame()
        frame.setFixedWidth(LABEL_W)
        frame.setObjectName("RowLabel")
        frame.setStyleSheet(f"QFrame#RowLabel {{ background: {soft}; border-radius: 10px; }}"
                            f"QLabel#RowTitle {{ color: {accent}; }}")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(14, 12, 12, 12)
        lay.setSpacing(4)
        lay.addWidget(_label(title, "RowTitle"))
        lay.addWidget(_label(hint, "RowHint"))
        lay.addStretch(1)
        return frame

    def _cell(self, name: str) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame()
        frame.setObjectName(name)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(12, 10, 12, 12)
        lay.setSpacing(6)
        return frame, lay

    def _needs(self, col: JourneyColumn) -> QFrame:
        frame, lay = self._cell("NeedsCell")
        if not col.needs:
            lay.addWidget(_label(self.tr("No needs noted yet"), "Empty"))
        for need in col.needs:
            lay.addWidget(_label(f"•  {need}", "Need"))
        lay.addStretch(1)
        return frame

    def _pains(self, col: JourneyColumn) -> QFrame:
        frame, lay = self._cell("PainsCell")
        lay.setSpacing(8)
        badge = _PainBadge(col)
        lay.addWidget(badge)
        if col.pain_count:
            lay.addWidget(_label(self.tr("average severity {0}")
                                 .format(f"{col.mean_severity:.1f}"), "PainAvg"))
        chips = QVBoxLayout()
        chips.setSpacing(4)
        for name, count in col.top_zones:
            chip = QHBoxLayout()
            chip.addWidget(_label(f"{name}  ×{count}", "ZoneChip", wrap=False))
            chip.addStretch(1)
            chips.addLayout(chip)
        lay.addLayout(chips)
        if not col.top_pains:
            lay.addWidget(_label(self.tr("No quotes yet"), "Empty"))
        for pain in col.top_pains:
            colour = severity_colour(pain.severity).name()
            who = self.tr("— {0} · severity {1}").format(pain.customer, pain.severity)
            quote = _label(f"“{html.escape(pain.quote)}”<br><span style='color:{MUTED}; "
                           f"font-size:8.5pt'>{html.escape(who)}</span>", "PainQuote")
            quote.setTextFormat(Qt.TextFormat.RichText)
            quote.setStyleSheet(f"QLabel#PainQuote {{ border-left: 3px solid {colour}; }}")
            lay.addWidget(quote)
        lay.addStretch(1)
        return frame

    def _value(self, col: JourneyColumn) -> QFrame:
        frame, lay = self._cell("ValueCell")
        edit = _ValueEdit()
        edit.setObjectName("ValueEdit")
        edit.setPlainText(col.value_text)
        edit.setPlaceholderText(self.tr("What do we do here to help the customer?"))
        edit.setMinimumHeight(84)
        edit.setMaximumHeight(120)
        tid = col.touchpoint_id
        timer = QTimer(edit)
        timer.setSingleShot(True)
        timer.setInterval(800)
        timer.timeout.connect(lambda: self._commit(tid))
        self._timers[tid] = timer
        edit.textChanged.connect(timer.start)
        edit.left.connect(lambda: self._left(tid))
        self.value_editors[tid] = edit
        lay.addWidget(edit)
        return frame

    def _commit(self, touchpoint_id: int) -> None:
        edit = self.value_editors.get(touchpoint_id)
        if edit is None:
            return
        text = edit.toPlainText().strip()
        if text != self._saved.get(touchpoint_id, "").strip():
            self._saved[touchpoint_id] = text
            self._typed_since[touchpoint_id] = text
            self.value_edited.emit(touchpoint_id, text)

    def _left(self, touchpoint_id: int) -> None:
        timer = self._timers.get(touchpoint_id)
        if timer is not None:
            timer.stop()
        self._commit(touchpoint_id)
        if self._pending is not None:
            QTimer.singleShot(0, self._apply_pending)

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        typed, jm = self._typed_since, self._pending
        # the waiting map was read before these texts were saved: show what was typed
        columns = tuple(replace(c, value_text=typed[c.touchpoint_id])
                        if c.touchpoint_id in typed else c for c in jm.columns)
        self.set_map(replace(jm, columns=columns))
