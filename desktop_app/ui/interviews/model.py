"""Table model over `InterviewRow`s: columns, thumbnails, sort keys and display formatting."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPixmap

from desktop_app.services.interviews import InterviewRow
from desktop_app.ui.kit.tokens import (
    ACCENT_HOVER,
    AMBER_100,
    AMBER_700,
    DANGER_DARK,
    GRAY_600,
    INDIGO_100,
    LINE,
    RED_100,
    SUCCESS,
    SUCCESS_SOFT,
    SURFACE_ALT,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the InterviewRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw, comparable value per column
THUMB_SIZE = QSize(96, 54)

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("InterviewsModel", text)


def format_duration(seconds: float) -> str:
    """11.0 -> "0:11", 3725 -> "1:02:05"."""
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_size(size: int) -> str:
    """"12.3 MB" / "12,3 МБ": units and decimal comma in the UI language."""
    units = (QCoreApplication.translate("FileSize", "{0} B"),
             QCoreApplication.translate("FileSize", "{0} KB"),
             QCoreApplication.translate("FileSize", "{0} MB"),
             QCoreApplication.translate("FileSize", "{0} GB"))
    value = float(size)
    for i, unit in enumerate(units):
        if value < 1000 or i == len(units) - 1:
            return unit.format(f"{value:.0f}" if i == 0 else QLocale().toString(value, "f", 1))
        value /= 1000
    return units[-1].format(QLocale().toString(value, "f", 1))


def local(dt: datetime) -> datetime:
    """A stored UTC timestamp in the computer's time zone."""
    return dt.astimezone()


def format_date(dt: datetime) -> str:
    d = local(dt)
    return QLocale().toString(QDate(d.year, d.month, d.day), "d MMM yyyy")


def format_datetime(dt: datetime) -> str:
    d = local(dt)
    return f"{format_date(dt)}, {d.hour:02d}:{d.minute:02d}"


STATUS_LABELS = {
    "imported": "Not transcribed",
    "recorded": "Not transcribed",
    "queued": "Queued",
    "transcribing": "Transcribing",
    "transcribed": "Transcribed",
    "tagged": "Tagged",
    "failed": "Failed",
    "silent": "No sound",
}
# (text colour, background) per status for the pill drawn by the delegates
STATUS_COLOURS = {
    "transcribed": (SUCCESS, SUCCESS_SOFT),
    "tagged": (ACCENT_HOVER, INDIGO_100),
    "transcribing": (AMBER_700, AMBER_100),
    "queued": (AMBER_700, AMBER_100),
    "failed": (DANGER_DARK, RED_100),
}
DEFAULT_STATUS_COLOURS = (GRAY_600, SURFACE_ALT)


def status_label(status: str) -> str:
    text = STATUS_LABELS.get(status)
    return _t(text) if text else status.replace("_", " ").capitalize()


def shown_status(row: InterviewRow) -> str:
    """The status to show: "silent" for a recording without sound that has no transcript (there
    is nothing to transcribe: not "Not transcribed", never "Failed")."""
    if row.media_path and not row.has_audio and row.status in ("imported", "recorded",
                                                                "failed", "queued"):
        return "silent"
    return row.status


def status_colours(status: str) -> tuple[QColor, QColor]:
    fg, bg = STATUS_COLOURS.get(status, DEFAULT_STATUS_COLOURS)
    return QColor(fg), QColor(bg)


def rounded(pixmap: QPixmap, radius: float) -> QPixmap:
    out = QPixmap(pixmap.size())
    out.setDevicePixelRatio(pixmap.devicePixelRatio())
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    dpr = pixmap.devicePixelRatio()
    path.addRoundedRect(QRectF(0, 0, pixmap.width() / dpr, pixmap.height() / dpr),
                        radius, radius)
    p.setClipPath(path)
    p.drawPixmap(0, 0, pixmap)
    p.end()
    return out


class ThumbnailCache:
    """Pictures scaled and cropped to a size, read from disk once; a placeholder when missing."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int, int], QPixmap] = {}

    def get(self, path: str, size: QSize, *, radius: float = 6.0) -> QPixmap:
        key = (path, size.width(), size.height())
        pix = self._cache.get(key)
        if pix is None:
            pix = self._load(path, size, radius)
            self._cache[key] = pix
        return pix

    @staticmethod
    def _load(path: str, size: QSize, radius: float) -> QPixmap:
        src = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        if src.isNull():
            out = QPixmap(size)
            out.fill(QColor(LINE))
            return rounded(out, radius)
        scaled = src.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                            Qt.TransformationMode.SmoothTransformation)
        x = (scaled.width() - size.width()) // 2
        y = (scaled.height() - size.height()) // 2
        return rounded(scaled.copy(x, y, size.width(), size.height()), radius)


class InterviewsModel(QAbstractTableModel):
    """One row per interview; column 0 carries the thumbnail (DecorationRole)."""

    TITLE, CUSTOMER, PERSONA, DATE, DURATION, STATUS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InterviewRow] = []
        self.thumbnails = ThumbnailCache()
        self._headers = [_t("Interview"), _t("Customer"), _t("Persona"), _t("Recorded"),
                         _t("Duration"), _t("Status")]

    # --- data in ----------------------------------------------------------------------------

    def set_rows(self, rows: list[InterviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[InterviewRow]:
        return list(self._rows)

    def row_at(self, row: int) -> InterviewRow:
        return self._rows[row]

    def row_of(self, interview_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == interview_id), -1)

    # --- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.TITLE:
            return self.thumbnails.get(r.picture_path, THUMB_SIZE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.PERSONA, self.DATE):
            return QColor(GRAY_600)
        return None

    # --- helpers ----------------------------------------------------------------------------

    def _display(self, r: InterviewRow, col: int) -> str:
        if col == self.TITLE:
            return r.title
        if col == self.CUSTOMER:
            return r.customer
        if col == self.PERSONA:
            return r.persona or "—"
        if col == self.DATE:
            return format_datetime(r.recorded_at)
        if col == self.DURATION:
            return format_duration(r.duration_s)
        return status_label(shown_status(r))

    def _sort_key(self, r: InterviewRow, col: int) -> Any:
        keys: dict[int, Any] = {
            self.TITLE: r.title.casefold(), self.CUSTOMER: r.customer.casefold(),
            self.PERSONA: r.persona.casefold(), self.DATE: r.recorded_at.timestamp(),
            self.DURATION: r.duration_s, self.STATUS: r.status,
        }
        return keys[col]

    @staticmethod
    def _tooltip(r: InterviewRow) -> str:
        kind = _t("Video") if r.has_video else _t("Audio")
        name = r.original_name or r.title
        return f"{name}\n{r.customer} · {kind} · {format_duration(r.duration_s)}"
