"""Painting interviews: the title cell and status pill of the table, and the grid's cards."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.services.interviews import InterviewRow
from desktop_app.ui.interviews.model import (
    ROW_ROLE,
    THUMB_SIZE,
    ThumbnailCache,
    format_date,
    format_duration,
    shown_status,
    status_colours,
    status_label,
)
from desktop_app.ui.kit.tokens import (
    ACCENT_LINE,
    CARD,
    GRAY_200,
    GRAY_500,
    GRAY_900,
    INDIGO_600,
    INK_SOFT,
)

Index = QModelIndex | QPersistentModelIndex
INK, MUTED, LINE, ACCENT = GRAY_900, GRAY_500, GRAY_200, INDIGO_600
CARD_SIZE = QSize(236, 236)
CARD_THUMB = QSize(220, 124)


def _t(text: str) -> str:
    return QCoreApplication.translate("InterviewDelegates", text)


def media_summary(r: InterviewRow) -> str:
    """"Video · 1280×720" or "Audio · stereo"."""
    if r.has_video:
        size = f" · {r.width}×{r.height}" if r.width and r.height else ""
        return _t("Video") + size
    channels = {1: _t("mono"), 2: _t("stereo")}.get(r.audio_channels or 0, "")
    return _t("Audio") + (f" · {channels}" if channels else "")


def draw_pill(p: QPainter, text: str, status: str, left: int, centre_y: int,
              font: QFont) -> int:
    """Draw a rounded status pill starting at `left`; returns its width."""
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    small.setBold(True)
    fm = QFontMetrics(small)
    w, h = fm.horizontalAdvance(text) + 16, fm.height() + 6
    rect = QRect(left, centre_y - h // 2, w, h)
    fg, bg = status_colours(status)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(rect, h / 2, h / 2)
    p.setPen(fg)
    p.setFont(small)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return w


def _background(p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    style = option.widget.style() if option.widget else None
    if style is not None:
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        opt.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, option.widget)


class TitleDelegate(QStyledItemDelegate):
    """Thumbnail, bold title and a muted second line (what kind of recording)."""

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r: InterviewRow | None = index.data(ROW_ROLE)
        if r is None:
            super().paint(p, option, index)
            return
        _background(p, option, index)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(8, 0, -8, 0)
        thumb = index.data(Qt.ItemDataRole.DecorationRole)
        ty = rect.top() + (rect.height() - THUMB_SIZE.height()) // 2
        if thumb is not None:
            p.drawPixmap(rect.left(), ty, thumb)
        x = rect.left() + THUMB_SIZE.width() + 12
        text_rect = QRect(x, rect.top(), rect.right() - x, rect.height())
        title_font = QFont(option.font)
        title_font.setBold(True)
        fm = QFontMetrics(title_font)
        sub_fm = QFontMetrics(option.font)
        block = fm.height() + 2 + sub_fm.height()
        top = text_rect.top() + (text_rect.height() - block) // 2
        p.setFont(title_font)
        p.setPen(QColor(INK))
        p.drawText(QRect(x, top, text_rect.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(r.title, Qt.TextElideMode.ElideRight, text_rect.width()))
        p.setFont(option.font)
        p.setPen(QColor(MUTED))
        p.drawText(QRect(x, top + fm.height() + 2, text_rect.width(), sub_fm.height()),
                   Qt.AlignmentFlag.AlignLeft,
                   sub_fm.elidedText(media_summary(r), Qt.TextElideMode.ElideRight,
                                     text_rect.width()))
        p.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(320, THUMB_SIZE.height() + 14)


class StatusDelegate(QStyledItemDelegate):
    """The interview's status as a coloured pill."""

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r: InterviewRow | None = index.data(ROW_ROLE)
        if r is None:
            super().paint(p, option, index)
            return
        _background(p, option, index)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_pill(p, status_label(shown_status(r)), shown_status(r), option.rect.left() + 8,
                  option.rect.center().y(), option.font)
        p.restore()


class CardDelegate(QStyledItemDelegate):
    """The grid: a card with a large picture, the title, customer, date and duration."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._thumbs = ThumbnailCache()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return CARD_SIZE

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r: InterviewRow | None = index.data(ROW_ROLE)
        if r is None:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(6, 6, -6, -6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        p.setPen(QPen(QColor(ACCENT if selected else (ACCENT_LINE if hovered else LINE)),
                      2 if selected else 1))
        p.setBrush(QColor(CARD))
        p.drawRoundedRect(card.adjusted(0, 0, -1, -1), 10, 10)
        inner = card.adjusted(8, 8, -8, -8)
        thumb = self._thumbs.get(r.picture_path, QSize(inner.width(), CARD_THUMB.height()),
                                 radius=7)
        p.drawPixmap(inner.left(), inner.top(), thumb)
        self._duration_badge(p, r, inner, option.font)
        y = inner.top() + CARD_THUMB.height() + 8
        title_font = QFont(option.font)
        title_font.setBold(True)
        fm = QFontMetrics(title_font)
        p.setFont(title_font)
        p.setPen(QColor(INK))
        p.drawText(QRect(inner.left(), y, inner.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(r.title, Qt.TextElideMode.ElideRight, inner.width()))
        y += fm.height() + 2
        sub = QFontMetrics(option.font)
        p.setFont(option.font)
        p.setPen(QColor(INK_SOFT))
        p.drawText(QRect(inner.left(), y, inner.width(), sub.height()), Qt.AlignmentFlag.AlignLeft,
                   sub.elidedText(r.customer, Qt.TextElideMode.ElideRight, inner.width()))
        y += sub.height() + 8
        pill_w = draw_pill(p, status_label(shown_status(r)), shown_status(r), inner.left(),
                           y + sub.height() // 2, option.font)
        p.setFont(option.font)
        p.setPen(QColor(MUTED))
        date_rect = QRect(inner.left() + pill_w + 8, y, inner.width() - pill_w - 8, sub.height())
        p.drawText(date_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   format_date(r.recorded_at))
        p.restore()

    @staticmethod
    def _duration_badge(p: QPainter, r: InterviewRow, inner: QRect, font: QFont) -> None:
        text = format_duration(r.duration_s)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        small.setBold(True)
        fm = QFontMetrics(small)
        w, h = fm.horizontalAdvance(text) + 12, fm.height() + 4
        rect = QRect(inner.right() - w - 6, inner.top() + CARD_THUMB.height() - h - 6, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(17, 24, 39, 200))
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(QColor(CARD))
        p.setFont(small)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

