"""ui test fixtures: preferences in a temporary directory, English translators by default, and the demo
ward built once per run, each test working on its own copy."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings

from cartox_desk.services import Services
from cartox_desk.ui.workers import wait_for_all


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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """(file, demo nurse): the demo ward, built once per test run (tests work on copies)."""
    from cartox_desk.services.demo_ward import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    services, ward = build_demo_database(path)
    services.close()
    return path, ward.nurse


@pytest.fixture
def ward(demo_template, tmp_path):
    """(services, nurse) on a fresh copy of the demo ward."""
    template, nurse = demo_template
    shutil.copy(template, tmp_path / "t.sqlite")
    svc = Services.from_url(f"sqlite:///{tmp_path}/t.sqlite")
    yield svc, nurse
    wait_for_all()
    svc.close()


@pytest.fixture
def services(ward):
    """Services on a fresh copy of the demo ward."""
    return ward[0]
