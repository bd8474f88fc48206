"""Work-arounds for bugs in the Qt binding, in one place.

PySide6 6.12.0 (CPython 3.11): ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it, so every emit from Python lowers ``True``'s reference count by one. After
enough emits (each background job emits once) the interpreter aborts with "Fatal Python
error: bool_dealloc" — at the latest when it exits. ``emit`` below gives the reference
back, but only when this binding is measured to need it (so it is harmless once fixed).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()  # the result is discarded, as at every call site
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)  # give back what the probe itself took
    return lost >= 8


EMIT_DROPS_TRUE = _emit_drops_true()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the interpreter's reference counts right."""
    result = signal.emit(*args)
    if EMIT_DROPS_TRUE and result is True:
        _incref(result)
