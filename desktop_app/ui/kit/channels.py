"""Interview channels ("Video call", "In person", "Phone"): stored in English (the calendar
import and the CLI write them so), shown in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CHANNELS = ("Video call", "In person", "Phone")  # stored in English, shown translated


def channel_label(channel: str) -> str:
    """A stored channel in the UI language ("Video call" -> "Видеозвонок"); typed ones as is."""
    labels = {"Video call": QCoreApplication.translate("Channels", "Video call"),
              "In person": QCoreApplication.translate("Channels", "In person"),
              "Phone": QCoreApplication.translate("Channels", "Phone")}
    return labels.get(channel, channel)


def stored_channel(text: str) -> str:
    """What to store for a channel chosen or typed in the UI language (the inverse of
    `channel_label` for the stored names)."""
    return next((c for c in CHANNELS if text.strip() == channel_label(c)), text.strip())
