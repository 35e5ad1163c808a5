"""Refuse to run on a Qt binding with a known fatal defect, with a message IT can act on.

PySide6 6.12.0 on CPython < 3.12 drops a reference to ``True`` on every Python-side ``emit()`` and one to
``None`` on every C++ call returning void; after a few thousand calls (a shift of typing) CPython aborts
with "Fatal Python error: bool_dealloc". pyproject.toml pins PySide6-Essentials below 6.12; this check
catches an environment that was installed some other way. It measures the leak, it does not assume it.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def binding_leaks_references(calls: int = 50) -> bool:
    """True when Python-side emits or void C++ calls lose references to True / None."""
    if sys.version_info >= (3, 12):
        return False  # None / True are immortal there (PEP 683): the defect is harmless
    probe = _Probe()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(calls):
        probe.fired.emit()
        probe.setObjectName("probe")
    return (true_before - sys.getrefcount(True) >= calls // 2
            or none_before - sys.getrefcount(None) >= calls // 2)


def install_refcount_guard() -> None:
    """Stop at start-up, before a nurse types anything, when the binding would crash mid-shift."""
    if binding_leaks_references():
        raise SystemExit(
            f"cartox_desk: PySide6 {PYSIDE_VERSION} leaks references on this Python and would crash;"
            " install PySide6-Essentials<6.12 (pip install 'PySide6-Essentials<6.12').")

