"""The one PySide6 reference-count workaround: keep 6.12.0's lost references to None/True
from aborting CPython 3.11.

With the installed PySide6 6.12.0, many void methods (QPainter.setPen/setBrush/drawRect/save,
QRectF.setWidth, QTimer.setInterval, ...) return None without owning a reference to it, and
`SignalInstance.emit()` does the same with True. CPython 3.12+ has immortal singletons, so
there it is harmless; on 3.11 each call takes one reference away and, after a few thousand calls
(a few seconds of painting a transcript), the interpreter aborts with "Fatal Python error:
none_dealloc". `immortalise_singletons()` gives None, True and False a reference headroom no
session can use up (they are static objects that are never freed), only when the bug shows.

Process-wide by nature: the composition roots call it once at start-up (app.py, the tests'
conftest, the recorder/CLI process). It lives in media (not ui) because the capture engine runs
in a process without the UI; `emit()` is the capture code's guard for signals it emits from
worker threads, in case it runs somewhere that skipped the start-up call.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, QRectF, Signal, SignalInstance

_HEADROOM = 1 << 40
_PROBES = 64


class _Probe(QObject):
    ping = Signal()


def _refcount_field(obj: object) -> ctypes.c_ssize_t:
    return ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt: the first field of PyObject


def void_calls_lose_none() -> bool:
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        rect.setWidth(1.0)
    lost = before - sys.getrefcount(None)
    _refcount_field(None).value += max(0, lost)  # give back what the probe took
    return lost >= _PROBES - 8


def emit_loses_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    _refcount_field(True).value += max(0, lost)
    return lost >= _PROBES - 8


_done = False


def immortalise_singletons() -> bool:
    """Give None/True/False a huge reference headroom if PySide6 loses references to them;
    True when it did (idempotent; nothing to do on CPython 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    _done = True
    if not (void_calls_lose_none() or emit_loses_true()):
        return False
    for obj in (None, True, False):
        _refcount_field(obj).value += _HEADROOM
    return True


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)` in a process whose None/True/False have the headroom (see above)."""
    if not _done:
        immortalise_singletons()
    signal.emit(*args)
