"""The composition root: arguments, self-test, the dispatcher's default route."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cartox_desk import app

ROOT = Path(__file__).resolve().parents[2]


def test_options_are_parsed():
    opts = app.parse_options(["--db", "postgresql://x/y", "--demo", "--lang", "zh_CN"])
    assert opts == app.Options(db="postgresql://x/y", demo=True, lang="zh_CN", self_test=False)
    assert app.parse_options([]).lang is None
    with pytest.raises(SystemExit):
        app.parse_options(["--lang", "fr"])


def test_self_test_in_process_grades_and_exits_0(qapp, capsys):
    assert app.main(["--self-test", "--lang", "en"]) == 0
    assert "self-test" not in capsys.readouterr().err


def test_self_test_reports_a_broken_grader(qapp, monkeypatch, capsys):
    from cartox_desk.core.results import (
        CrsResult,
        GradingResult,
        IcansResult,
        IcansStatus,
        VasopressorSummary,
    )

    def wrong(_snapshot):
        return GradingResult(CrsResult(0), IcansResult(None, IcansStatus.NOT_ASSESSED), VasopressorSummary())

    monkeypatch.setattr("cartox_desk.ui.core_bridge.default_grader", lambda: wrong)
    assert app.main(["--self-test"]) == 1
    assert "expected 3" in capsys.readouterr().err


@pytest.mark.slow
def test_dispatcher_runs_the_app_self_test_in_chinese(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "cartox_desk", "--self-test", "--lang", "zh_CN"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_main_window_ice_wizard_fills_the_grade_panel(qtbot):
    from PySide6.QtCore import Qt

    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.settings import AppSettings
    from cartox_desk.ui.wizards import WizardDialog

    events = AppEvents()
    window = MainWindow(AppSettings(), events)
    qtbot.addWidget(window)
    window.grade_panel.temperature_field.set_text("38.5")
    window.open_ice_wizard()
    dialog = window.findChild(WizardDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(events.assessment_completed) as signal:
        for ch in "1100\n110\n1\n0\n0\n1\nn\nn\nn\n\n":
            if ch == "\n":
                qtbot.keyClick(dialog.wizard, Qt.Key.Key_Return)
            else:
                qtbot.keyClicks(dialog.wizard, ch)
    assert signal.args[0].score == 5
    assert window.grade_panel.crs_card.badge.text() == "1"  # the vitals typed before are kept
    assert window.grade_panel.icans_card.badge.text() == "2"
    assert not dialog.isVisible()


def test_self_test_passes_in_pseudo_locale(qapp):
    assert app.main(["--self-test", "--lang", "pseudo"]) == 0


# ---- the store: database choice, demo ward, errors, who is working --------------------------------------


def test_build_services_opens_and_migrates_a_db_path(tmp_path):
    services = app.build_services(app.parse_options(["--db", str(tmp_path / "ward.sqlite3")]))
    try:
        assert services.list_patients() == []
        assert (tmp_path / "ward.sqlite3").exists()
    finally:
        services.close()


def test_build_services_uses_the_environment_url(tmp_path, monkeypatch):
    monkeypatch.setenv("CARTOX_DATABASE_URL", f"sqlite:///{tmp_path}/env.sqlite3")
    services = app.build_services(app.parse_options([]))
    try:
        assert (tmp_path / "env.sqlite3").exists()
    finally:
        services.close()


def test_a_database_that_cannot_be_opened_is_a_clear_error(tmp_path):
    with pytest.raises(app.DatabaseError) as err:
        app.build_services(app.parse_options(["--db", "postgresql+nosuchdriver://x/y"]))
    assert "postgresql+nosuchdriver://x/y" in str(err.value)


def test_main_shows_a_dialog_and_returns_2_for_a_bad_database(qapp, monkeypatch, capsys):
    shown: list[str] = []
    monkeypatch.setattr(app, "_error_dialog", lambda title, text: shown.append(text))
    assert app.main(["--db", "postgresql+nosuchdriver://x/y", "--lang", "en"]) == 2
    assert shown and "could not be opened" in shown[0]
    assert "Traceback" not in capsys.readouterr().err


def test_demo_database_is_made_today_and_reused(tmp_path, monkeypatch):
    monkeypatch.setattr("cartox_desk.services.demo_ward.data_dir", lambda: tmp_path)
    url = app.database_url(app.parse_options(["--demo"]))
    assert str(tmp_path) in url
    made = (tmp_path / "cartox_desk_demo.sqlite3").stat().st_mtime_ns
    assert app.database_url(app.parse_options(["--demo"])) == url  # built today: reused, not rebuilt
    assert (tmp_path / "cartox_desk_demo.sqlite3").stat().st_mtime_ns == made


def test_user_picker_adds_a_user_and_remembers_them(qtbot, tmp_path):
    from cartox_desk.services import Services
    from cartox_desk.ui.user_picker import UserPickerDialog, default_user, remembered_user_name

    services = Services.from_url(f"sqlite:///{tmp_path}/u.sqlite3")
    try:
        services.create_user("Dr Chen", "physician")
        dialog = UserPickerDialog(services)
        qtbot.addWidget(dialog)
        dialog.name_edit.setText("Li Na")
        dialog.role_combo.setCurrentIndex(0)  # nurse
        dialog._on_add()
        assert dialog.list.currentItem().text().startswith("Li Na")
        with qtbot.waitSignal(dialog.accepted):
            dialog._on_accept()
        assert dialog.chosen().name == "Li Na" and dialog.chosen().role.value == "nurse"
        assert remembered_user_name() == "Li Na"
        assert default_user(services).name == "Li Na"
        again = UserPickerDialog(services)  # the laptop remembers: preselected
        qtbot.addWidget(again)
        assert again.list.currentItem().text().startswith("Li Na")
    finally:
        services.close()


def test_main_window_title_says_demo_and_who(qtbot, tmp_path):
    from cartox_desk.core.records import UserRef, UserRole
    from cartox_desk.services import Services
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.settings import AppSettings
    from cartox_desk.ui.workers import wait_for_all

    services = Services.from_url(f"sqlite:///{tmp_path}/w.sqlite3")
    try:
        window = MainWindow(AppSettings(), AppEvents(), services, user=UserRef(1, "Li Na", UserRole.NURSE),
                            demo=True, charts=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.census.loaded, timeout=20000):
            window.census.refresh()
        assert "DEMO" in window.windowTitle() and "Li Na" in window.windowTitle()
        assert window.census.model.rowCount() == 0 and "No admitted patients" in window.census.status.text()
        wait_for_all()
    finally:
        services.close()


def test_main_runs_on_a_database_without_asking_who_when_told(qapp, tmp_path, monkeypatch):
    from cartox_desk.services import Services

    url = f"sqlite:///{tmp_path}/m.sqlite3"
    services = Services.from_url(url)
    services.create_user("Li Na", "nurse")
    services.close()
    # the shared QApplication must never run exec() in a test (afterwards the worker pool stops)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    monkeypatch.setattr("cartox_desk.ui.user_picker.pick_user",
                        lambda *_a: pytest.fail("the picker must not be shown"))
    assert app.main(["--db", url, "--lang", "en"], ask_user=False) == 0
