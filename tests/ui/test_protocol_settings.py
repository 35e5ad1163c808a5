"""The settings dialog's protocol row (issue 6 item 1): the protocol in force is shown, a bad file shows the
loader's message and keeps the current one, a good choice is put in force on Save; the installation's
choice is applied at start (a bad one warns and the default stays)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cartox_desk import app
from cartox_desk.core.management import available_protocols
from cartox_desk.services import Services
from cartox_desk.ui.settings import AppSettings, load_settings, save_settings
from cartox_desk.ui.settings_dialog import SettingsDialog


def _asco() -> Path:
    return next(p for p in available_protocols() if p.stem == "asco-2021")


def _bad_file(tmp_path: Path) -> Path:
    raw = json.loads(_asco().read_text(encoding="utf-8"))
    del raw["icans"]["2"]
    bad = tmp_path / "bad-protocol.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    return bad


def test_a_bad_file_shows_the_message_and_keeps_the_current_protocol(qtbot, tmp_path):
    dialog = SettingsDialog(AppSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert "CSCO-2024" in dialog.protocol_label.text() and dialog.protocol_message() == ""
    bad = _bad_file(tmp_path)
    dialog.choose_file = lambda *_a: (str(bad), "")
    dialog.load_protocol_button.click()
    message = dialog.protocol_message()
    assert str(bad) in message and "icans" in message
    assert dialog.protocol_error.isVisible()
    assert "CSCO-2024" in dialog.protocol_label.text()
    assert dialog.protocol() is not None and dialog.protocol().id == "csco-2024"
    assert dialog.settings().protocol_file == ""
    # a good file replaces it and clears the message
    good = tmp_path / "hospital.json"
    shutil.copy(_asco(), good)
    dialog.choose_file = lambda *_a: (str(good), "")
    dialog.load_protocol_button.click()
    assert dialog.protocol_message() == "" and "ASCO-2021" in dialog.protocol_label.text()
    assert dialog.settings().protocol_file == str(good)
    dialog.default_protocol_button.click()
    assert dialog.settings().protocol_file == "" and "CSCO-2024" in dialog.protocol_label.text()


def test_save_puts_the_choice_in_force_under_the_windows_user(qtbot, tmp_path):
    services = Services.from_url(f"sqlite:///{tmp_path}/ward.sqlite3")
    try:
        doctor = services.create_user("Dr Li", "physician")
        from PySide6.QtWidgets import QWidget

        parent = QWidget()
        qtbot.addWidget(parent)
        parent.services, parent.user = services, doctor  # type: ignore[attr-defined]
        dialog = SettingsDialog(AppSettings(), parent)
        dialog.asco_protocol_button.click()
        dialog.accept()
        assert services.protocol_id == "asco-2021 2021.1"
        assert dialog.settings().protocol_file == "ASCO-2021"
        event = [e for e in services.audit_events() if e.entity == "protocol"][-1]
        assert event.user == "Dr Li"
    finally:
        services.close()


def test_the_installation_protocol_is_applied_at_start_and_a_bad_one_warns(tmp_path):
    save_settings(AppSettings(protocol_file="ASCO-2021"))
    options = app.parse_options(["--db", str(tmp_path / "a.sqlite3")])
    services = app.build_services(options, load_settings())
    try:
        assert services.protocol().id == "asco-2021"
    finally:
        services.close()
    warnings: list[str] = []
    services = Services.from_url(f"sqlite:///{tmp_path}/b.sqlite3")
    try:
        bad = _bad_file(tmp_path)
        problem = app.apply_protocol(services, AppSettings(protocol_file=str(bad)),
                                     warn=lambda _title, text: warnings.append(text))
        assert problem and warnings and str(bad) in warnings[0]
        assert services.protocol().id == "csco-2024" and services.protocol_id == "CSCO-2024"
    finally:
        services.close()
