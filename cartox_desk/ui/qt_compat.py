"""Work-arounds for defects of the installed Qt binding, each detected at run time (never assumed).

PySide6 6.12.0 on CPython < 3.12: ``SignalInstance.emit()`` called from Python returns ``True`` without
owning a reference, so every Python-side emit drops one reference to ``True``. After a few thousand
emits (a shift of typing in the grading panel) the count reaches zero and CPython aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". Signals emitted by Qt itself (C++) are not
affected. On CPython >= 3.12 ``True`` is immortal and the defect is harmless.

`emit(signal, *args)` emits and gives the reference back when (and only when) the probe at import time
found the leak. Use it for every Python-side emit in the ui.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _measure_leak() -> bool:
    probe = _Probe()
    leaked = 0
    for _ in range(3):
        before = sys.getrefcount(True)
        probe.fired.emit()
        after = sys.getrefcount(True)
        if before - after == 1:
            leaked += 1
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # give back what the probe took
    return leaked == 3


EMIT_LEAKS_TRUE: bool = _measure_leak()


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, compensating the PySide6 6.12 reference leak on `True` when present."""
    result = signal.emit(*args)
    if EMIT_LEAKS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
