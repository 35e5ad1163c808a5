"""ui test fixtures: preferences in a temporary directory, English translators by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(scope="session", autouse=True)
def pyside_refcount_guard():
    """PySide6 6.12.0 leaks references to None / True on CPython 3.11 (cartox_desk/ui/qt_compat.py):
    without the guard a long ui test session can abort the interpreter."""
    from cartox_desk.ui.qt_compat import install_refcount_guard

    install_refcount_guard()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """QSettings write to a per-test directory, never the user's real preferences."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def english(qapp):
    from cartox_desk.ui.i18n import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")
