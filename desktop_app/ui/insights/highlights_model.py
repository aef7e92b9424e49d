"""Table model over HighlightView rows for the Highlights tab, its sort proxy and delegates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.domain.highlights import HighlightView
from desktop_app.ui.kit.palette import (
    emotion_label,
    format_clock,
    format_date,
    severity_colour,
    severity_label,
)
from desktop_app.ui.kit.tokens import LINE, MUTED

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DATE, CUSTOMER, QUOTE, TOUCHPOINTS, ZONES, PERSONA, SEVERITY, EMOTION, AT = range(9)
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("HighlightsModel", text)


class HighlightsModel(QAbstractTableModel):
    """One row per highlight; zone keys are shown by their names in the UI language."""

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[HighlightView] = []
        self._zones: dict[str, str] = {}
        self._headers = [_t("Date"), _t("Customer"), _t("Quote"), _t("Touchpoints"),
                         _t("Problem zones"), _t("Persona"), _t("Severity"), _t("Emotion"),
                         _t("At")]

    def set_rows(self, rows: Sequence[HighlightView],
                 zone_names: Mapping[str, str] | None = None) -> None:
        """Replace every row; `zone_names` maps zone keys to display names."""
        self.beginResetModel()
        self._rows = list(rows)
        if zone_names is not None:
            self._zones = dict(zone_names)
        self.endResetModel()

    def remove_ids(self, ids: Iterable[int]) -> None:
        gone = set(ids)
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def rows(self) -> list[HighlightView]:
        return list(self._rows)

    def row_view(self, row: int) -> HighlightView:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [v.id for v in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _zone_names(self, v: HighlightView) -> str:
        return ", ".join(self._zones.get(z, z) for z in v.zones)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return v.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, col)
        if role == SORT_ROLE:
            return self._sort_key(v, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == QUOTE and v.quote:
                return v.quote
            if col == SEVERITY:
                return _t("Severity {0} of 5 ({1})").format(v.severity,
                                                           severity_label(v.severity))
            if col == AT:
                return _t("Double-click to play")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY:
            return severity_colour(v.severity)
        if role == Qt.ItemDataRole.ForegroundRole and col in (DATE, AT, PERSONA):
            return QColor(MUTED)
        return None

    def _display(self, v: HighlightView, col: int) -> str:
        if col == DATE:
            return format_date(v.recorded_at, self.language)
        if col == CUSTOMER:
            return v.customer
        if col == QUOTE:
            return v.quote or _t("(stub — no words yet)")
        if col == TOUCHPOINTS:
            return ", ".join(v.touchpoints)
        if col == ZONES:
            return self._zone_names(v)
        if col == PERSONA:
            return v.persona
        if col == SEVERITY:
            return "●" * v.severity + "○" * (5 - v.severity)
        if col == EMOTION:
            return emotion_label(v.emotion) if v.emotion else ""
        return format_clock(v.start)

    def _sort_key(self, v: HighlightView, col: int) -> Any:
        if col == DATE:
            return v.recorded_at.timestamp() * 100_000 + v.start
        if col == SEVERITY:
            return v.severity
        if col == AT:
            return v.start
        return self._display(v, col).casefold()


class HighlightsProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (numbers as numbers, text case-folded)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)


def two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """`text` wrapped at words into at most two lines; the second is elided when it runs on."""
    words = text.split()
    first = ""
    while words and fm.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    rest = " ".join(words)
    return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]


class _BaseDelegate(QStyledItemDelegate):
    def _background(self, painter: QPainter, option: QStyleOptionViewItem,
                    index: Index) -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        return opt


class QuoteDelegate(_BaseDelegate):
    """The quote on up to two lines, so the most important column reads in a narrow table."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = self._background(painter, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = opt.rect.adjusted(8, 4, -8, -4)
        fm = opt.fontMetrics
        lines = two_lines(text, fm, rect.width())
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        y = rect.center().y() - len(lines) * fm.height() / 2
        for line in lines:
            painter.drawText(QRectF(rect.x(), y, rect.width(), fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += fm.height()
        painter.restore()


class SeverityDelegate(_BaseDelegate):
    """Five dots, the first `severity` filled in the severity colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = self._background(painter, option, index)
        level = int(index.data(SORT_ROLE) or 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        cy = opt.rect.center().y()
        for i in range(5):
            painter.setBrush(severity_colour(level) if i < level else QColor(LINE))
            painter.drawEllipse(QRectF(opt.rect.x() + 8 + i * 12, cy - 4, 8, 8))
        painter.restore()
