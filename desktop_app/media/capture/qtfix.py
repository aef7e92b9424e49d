"""Emit Qt signals from Python without tripping PySide6 6.12.0's reference-count bug.

In PySide6 6.12.0 `SignalInstance.emit()` returns True without owning a reference to it, so
every emit from Python takes one reference from `True`. On CPython 3.11 `True` is an ordinary
object: after a few hundred emits its count reaches zero and the interpreter aborts with
"Fatal Python error: bool_dealloc". `emit()` gives the reference back when (and only when) the
installed PySide6 shows the bug.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(50):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= 40


EMIT_STEALS_REFERENCE = _emit_steals_a_reference()
if EMIT_STEALS_REFERENCE:  # give back what the probe took
    for _ in range(50):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, repairing the reference count of the returned bool if needed."""
    result = signal.emit(*args)
    if EMIT_STEALS_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
