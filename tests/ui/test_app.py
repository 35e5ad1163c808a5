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
