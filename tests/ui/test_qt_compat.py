"""The installed Qt binding must not leak references (PySide6 6.12.0 on CPython 3.11 aborts the app)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from cartox_desk.ui.qt_compat import _Probe, binding_leaks_references


def test_the_installed_binding_does_not_lose_references(qapp) -> None:
    # 2000 emits and void calls: with the 6.12.0 defect the counts fall by 2000 and the process aborts.
    probe, label = _Probe(), QLabel()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        probe.fired.emit()
        label.setText("x")
    assert sys.getrefcount(True) - true_before > -20
    assert sys.getrefcount(None) - none_before > -20
    assert not binding_leaks_references()
