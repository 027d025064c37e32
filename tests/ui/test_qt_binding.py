"""Guards against a Qt binding that corrupts Python's own objects (seen in PySide6 6.12.0:
every signal emit dropped a reference to True, and a long session crashed)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_signals_keeps_python_booleans_intact():
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.fired.emit(True)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
