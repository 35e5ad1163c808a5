"""Guard against the PySide6 6.12 `emit()` reference leak on `True` (see cartox_desk/ui/qt_compat.py):
a shift of typing must not walk CPython towards "bool_dealloc: deallocating True"."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from cartox_desk.ui.grade_panel import GradePanel
from cartox_desk.ui.qt_compat import _Probe, emit

UI = Path(__file__).resolve().parents[2] / "cartox_desk" / "ui"


def test_emit_helper_keeps_the_reference_count_of_true(qapp):
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emit(probe.fired)
    assert abs(sys.getrefcount(True) - before) <= 2


def test_typing_in_the_grade_panel_does_not_leak_true(qtbot):
    panel = GradePanel()
    qtbot.addWidget(panel)
    panel.temperature_field.set_text("37")  # warm up caches
    before = sys.getrefcount(True)
    for i in range(300):
        panel.temperature_field.set_text(f"{36 + (i % 40) / 10:.1f}")
    assert sys.getrefcount(True) - before > -20, "Python-side emits leak references to True"


def test_ui_code_emits_through_the_helper():
    offenders = []
    for path in UI.rglob("*.py"):
        if "charts" in path.parts or path.name == "qt_compat.py":
            continue  # ui/charts belongs to the charts engineer (reported), qt_compat defines the helper
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\.emit\(", line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "use cartox_desk.ui.qt_compat.emit(signal, ...):\n" + "\n".join(offenders)


def test_refcount_guard_is_installed_for_the_ui_tests_when_needed(qapp):
    from cartox_desk.ui import qt_compat

    active = qt_compat.install_refcount_guard()
    if qt_compat.EMIT_LEAKS_TRUE or qt_compat._void_call_leaks_none():
        assert active and sys.getrefcount(None) > 1 << 39
    assert qt_compat.install_refcount_guard() is active  # idempotent
