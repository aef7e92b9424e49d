"""The tagging keys: each touchpoint and problem zone has a shortcut (edited in Touchpoints;
by default touchpoints on the top letter row Q W E R T Y U I O P in journey order, zones on the
digits 1-9 and 0). A key is read by its place on the keyboard, so a Russian layout's Й Ц У К…
work as Q W E R…; severity is Shift+1..5."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

TOUCHPOINT_KEYS = "QWERTYUIOP"
# the Russian letters on the Latin keys, row by row (ЙЦУКЕН / ФЫВАПР / ЯЧСМИТ)
_RUSSIAN_ROWS = dict(zip("ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ", "QWERTYUIOPASDFGHJKLZXCVBNM",
                         strict=True))
ZONE_KEYS = "1234567890"
# what Shift+1..5 types on US and Russian layouts
_SHIFTED = {"!": 1, "@": 2, "#": 3, "$": 4, "%": 5, '"': 2, "№": 3, ";": 4}


def typed_key(event: QKeyEvent) -> str | None:
    """The shortcut a key press means ("Q", "5"...; Russian letters read as the Latin key in
    their place), or None for keys with modifiers and keys that are no shortcut."""
    if not _plain(event):
        return None
    text = event.text().upper()
    if len(text) == 1:
        if text in _RUSSIAN_ROWS:
            return _RUSSIAN_ROWS[text]
        if text.isascii() and text.isalnum():
            return text
    key = event.key()
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z or Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return chr(int(key))
    return None


def touchpoint_key_label(index: int) -> str:
    return TOUCHPOINT_KEYS[index] if index < len(TOUCHPOINT_KEYS) else ""


def zone_key_label(index: int) -> str:
    return ZONE_KEYS[index] if index < len(ZONE_KEYS) else ""


def _plain(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.NoModifier


def severity_level(event: QKeyEvent) -> int | None:
    """1-5 for Shift+1..5 (whatever the layout types for them), else None."""
    if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return None
    key = event.key()
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
        return int(key - Qt.Key.Key_1) + 1
    return _SHIFTED.get(event.text())
