"""Work-arounds for defects of the installed Qt binding, each detected at run time (never assumed).

PySide6 6.12.0 on CPython < 3.12: ``SignalInstance.emit()`` called from Python returns ``True`` without
owning a reference, so every Python-side emit drops one reference to ``True``. After a few thousand
emits (a shift of typing in the grading panel) the count reaches zero and CPython aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". Signals emitted by Qt itself (C++) are not
affected. On CPython >= 3.12 ``True`` is immortal and the defect is harmless.

The same release also drops a reference to ``None`` on every call of a C++ method returning void
(``setText``, ``setStyleSheet``, ``setObjectName`` ...): the grading panel makes dozens per keystroke.

Two guards, both measured at run time and inert when the leak is absent:
- `install_refcount_guard()` gives ``None``, ``True`` and ``False`` a huge reference count when either leak
  is present — what CPython 3.12 does for every interpreter (PEP 683 immortal objects). Call it once at
  start-up (app.main, the screenshots command, the ui test conftest).
- `emit(signal, *args)` emits and gives back the reference to ``True``; used for every Python-side emit in
  the ui so that a widget stays safe even where the start-up guard was not installed.
The real fix is the dependency pin (PySide6-Essentials != 6.12.0 on CPython < 3.12); 6.11.3 is clean.
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


_PIN = 1 << 40  # far more leaked references than a process will ever make
_guard_installed = False


def _void_call_leaks_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def install_refcount_guard() -> bool:
    """Pin None / True / False when this PySide6 leaks references to them; True when the guard is active.

    Idempotent; a no-op on CPython >= 3.12 (immortal singletons) and on unaffected PySide6 releases.
    """
    global _guard_installed
    if _guard_installed:
        return True
    if sys.version_info >= (3, 12) or not (EMIT_LEAKS_TRUE or _void_call_leaks_none()):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PIN
    _guard_installed = True
    return True


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, compensating the PySide6 6.12 reference leak on `True` when present."""
    result = signal.emit(*args)
    if EMIT_LEAKS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
