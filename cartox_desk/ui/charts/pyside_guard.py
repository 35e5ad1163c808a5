"""Guard against the PySide6 6.12.0 reference-count bug on Python 3.11.

PySide6 6.12.0 drops one reference to `None` on (nearly) every call of a C++ method that returns void
(`QObject.setObjectName`, `QGraphicsItem.setPos`, every `paintEvent` ...). On Python >= 3.12 `None`, `True`
and `False` are immortal and nothing happens; on 3.11 the count reaches zero after some ten thousand calls
and the process aborts ("Fatal Python error: none_dealloc" / "bool_dealloc") — a chart panning for a minute
is enough. PySide6 6.11.3 does not have the bug (measured in this repository, 2026-11-22).

The real fix is the dependency pin (PySide6 != 6.12.0 on Python < 3.12). Until then `install()` detects the
leak with one probe call and, only if it is present, gives the three singletons a very large reference count,
which is what Python 3.12 does for every interpreter (PEP 683 immortal objects).
"""

from __future__ import annotations

import ctypes
import sys

_installed = False
_PIN = 1 << 40  # far more void calls than a process will ever make


def pyside_leaks_none() -> bool:
    """True when a void PySide6 call lowers the reference count of None (the 6.12.0 bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def install() -> bool:
    """Make None / True / False effectively immortal when (and only when) the leak is present.

    Idempotent; returns True when the guard is active. A no-op on Python >= 3.12.
    """
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or not pyside_leaks_none():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    _installed = True
    return True
