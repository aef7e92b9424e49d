"""`signals_blocked(*objects)`: update widgets without their change signals firing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the signals of `objects` for the block, restoring each one's previous state."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was in zip(objects, previous, strict=True):
            obj.blockSignals(was)
