"""Shared look of the reels screens: audience badges, lengths, banners and a flow layout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.durations import clock
from desktop_app.ui.kit.tokens import (
    ACCENT_HOVER,
    ACCENT_LINE,
    ACCENT_SOFT,
    AMBER_50,
    AMBER_100,
    AMBER_200,
    AMBER_700,
    AMBER_800,
    DANGER_SOFT,
    EMERALD_50,
    EMERALD_200,
    EMERALD_800,
    INDIGO_100,
    INDIGO_800,
    MUTED,
    RED_200,
    RED_800,
    TEAL_100,
    TEAL_700,
)

# (background, text) per audience: calm for internal, teal for onboarding, amber for public
AUDIENCE_COLOURS = {"internal": (INDIGO_100, ACCENT_HOVER), "onboarding": (TEAL_100, TEAL_700),
                    "public": (AMBER_100, AMBER_700)}
BANNER_COLOURS = {  # background, border, text
    "info": (ACCENT_SOFT, ACCENT_LINE, INDIGO_800),
    "success": (EMERALD_50, EMERALD_200, EMERALD_800),
    "warning": (AMBER_50, AMBER_200, AMBER_800),
    "error": (DANGER_SOFT, RED_200, RED_800),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Reels", text)


def audience_label(audience: str) -> str:
    return {"internal": _t("Internal"), "onboarding": _t("Onboarding"),
            "public": _t("Public")}.get(audience, audience)


def audience_choices() -> list[tuple[str, str]]:
    """(key, label) pairs for the audience selector, narrowest first."""
    return [("internal", _t("Internal — staff meetings")),
            ("onboarding", _t("Onboarding — new employees")),
            ("public", _t("Public — outside the company"))]


def format_length(seconds: float) -> str:
    """"0:42" for reels and "7.4 s" for short clips."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return _t("{0} s").format(f"{seconds:.1f}")
    return clock(seconds)


def format_stamp(seconds: float) -> str:
    """A precise position: "1:03.42"."""
    seconds = max(0.0, seconds)
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:05.2f}"


def clip_count(n: int) -> str:
    return QCoreApplication.translate("Reels", "%n clip(s)", "", n)


def audience_badge(audience: str) -> QLabel:
    badge = QLabel(audience_label(audience))
    style_badge(badge, audience)
    return badge


def style_badge(badge: QLabel, audience: str) -> None:
    bg, fg = AUDIENCE_COLOURS.get(audience, AUDIENCE_COLOURS["internal"])
    badge.setText(audience_label(audience))
    badge.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 9px; padding: 0 8px;"
                        " font-size: 8.5pt; font-weight: bold;")
    badge.setFixedHeight(18)


class Banner(QFrame):
    """A coloured one-line notice with optional action buttons (kind: info/success/...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReelBanner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 9, 10, 9)
        lay.setSpacing(8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        self._lay = lay
        self.kind = "info"
        self.hide()

    def show_message(self, kind: str, text: str,
                     actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        self.kind = kind
        bg, border, fg = BANNER_COLOURS[kind]
        self.setStyleSheet(f"QFrame#ReelBanner {{ background: {bg}; border: 1px solid {border};"
                           f" border-radius: 8px; }} QLabel {{ color: {fg}; }}")
        self.text.setText(text)
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        for label, slot in actions or []:
            b = QPushButton(label)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.clicked.connect(slot)
            self._lay.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
            self._buttons.append(b)
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def button(self, label: str) -> QPushButton:
        return next(b for b in self._buttons if b.text() == label)


class FlowLayout(QLayout):
    """Lays children out left to right and wraps them onto new lines (word chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class TwoLineRow(QWidget):
    """A row of a side list: a bold name (elided) over a muted line of facts."""

    def __init__(self, name: str, facts: str) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 9, 10, 9)
        lay.setSpacing(3)
        self.full_name = name
        self.name = QLabel(name)
        self.name.setStyleSheet("font-weight: bold; background: transparent;")
        self.name.setMinimumWidth(60)
        self.facts = QLabel(facts)
        self.facts.setStyleSheet(f"background: transparent; color: {MUTED}; font-size: 9pt;")
        lay.addWidget(self.name)
        lay.addWidget(self.facts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        bold = QFont(self.name.font())
        bold.setBold(True)
        self.name.setText(QFontMetrics(bold).elidedText(
            self.full_name, Qt.TextElideMode.ElideRight, max(40, self.width() - 24)))
        super().resizeEvent(event)
