"""Guards against a Qt binding that corrupts the interpreter (PySide6 6.12.0 on Python 3.11
returns ``True`` from ``emit()`` without a reference; after a few thousand emits Python aborts)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emit_keeps_reference_counts_intact():
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.ping.emit(i)
    assert sys.getrefcount(True) >= before - 5, (
        "this PySide6 build leaks references on emit(); pin another version"
    )
