"""Round avatars: a portrait cropped to a circle, or coloured initials when there is none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.kit.tokens import (
    ACCENT,
    AMBER_600,
    CARD,
    GREEN_600,
    ROSE_600,
    SKY_600,
    TEAL_600,
    VIOLET_600,
)

# Calm, readable backgrounds for white initials (indigo, teal, amber, rose, sky, violet, green).
_PALETTE = (ACCENT, TEAL_600, AMBER_600, ROSE_600, SKY_600, VIOLET_600, GREEN_600)


def initials(name: str) -> str:
    """Up to two letters: first letters of the first and last words ("Anna Petrova" -> "AP")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar_colour(name: str) -> QColor:
    """A stable colour per name (not Python's salted hash(), so it never changes between runs)."""
    return QColor(_PALETTE[sum(ord(ch) for ch in name) % len(_PALETTE)])


def _load_image(path: str) -> QImage | None:
    if not path or not Path(path).is_file():
        return None
    image = QImage(path)
    return None if image.isNull() else image


def avatar_pixmap(name: str, image_path: str = "", size: int = 40, dpr: float = 1.0) -> QPixmap:
    """A `size`-pixel round avatar; a missing or unreadable image falls back to initials."""
    px = max(1, round(size * dpr))
    pix = QPixmap(px, px)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, px, px))
    painter.setClipPath(clip)
    image = _load_image(image_path)
    if image is not None:
        # Cover the circle: scale the short side to fit, centre-crop the long side.
        scaled = image.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        x = (scaled.width() - px) // 2
        y = (scaled.height() - px) // 2
        painter.drawImage(0, 0, scaled, x, y, px, px)
    else:
        painter.fillRect(0, 0, px, px, avatar_colour(name))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(px * 0.38)))
        painter.setFont(font)
        painter.setPen(QColor(CARD))
        painter.drawText(QRectF(0, 0, px, px), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    pix.setDevicePixelRatio(dpr)
    return pix


class Avatar(QLabel):
    """A fixed-size round avatar label; call `set_person` to change who it shows."""

    def __init__(self, size: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._name = ""
        self._path = ""
        self.setFixedSize(QSize(size, size))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: transparent; border: none;")

    def set_person(self, name: str, image_path: str = "") -> None:
        self._name, self._path = name, image_path
        self.setPixmap(avatar_pixmap(name, image_path, self._size, self.devicePixelRatioF()))

    def shows_image(self) -> bool:
        """True when a portrait (not initials) is drawn."""
        return _load_image(self._path) is not None
