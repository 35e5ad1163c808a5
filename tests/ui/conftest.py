"""ui test fixtures: preferences in a temporary directory, English translators by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


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
