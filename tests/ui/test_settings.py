"""The typed preferences: defaults from the clinical rules, QSettings round trip, hypotension thresholds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from cartox_desk.ui.settings import (
    AppSettings,
    LabUnitSystem,
    TemperatureUnit,
    hypotension_sbp_threshold,
    load_settings,
    save_settings,
)


def test_defaults_follow_clinical_rules():
    s = AppSettings()
    assert s.ice_interval_h == 8  # §6
    assert (s.tightened_interval_min, s.tightened_duration_h, s.tightened_then_interval_h) == (30, 2, 4)
    assert s.tightened_until_baseline_h == 24
    assert (s.vitals_window_h, s.neuro_window_h) == (4, 12)  # §0
    assert s.adult_sbp_below_mmhg == 90  # §1 rule 8
    assert s.writing_sentence("zh_CN") == "我们的国旗是五星红旗"
    assert s.writing_sentence("en") == "Our national bird is the bald eagle"


@pytest.mark.parametrize(("age", "threshold"), [
    (None, 90), (40, 90), (10.5, 90), (10, 90), (5, 80), (1, 72), (0.5, None),
])
def test_hypotension_threshold_by_age(age, threshold):
    assert hypotension_sbp_threshold(AppSettings(), age) == threshold


def test_round_trip_through_qsettings(tmp_path):
    store = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    changed = AppSettings(hospital_name="北京大学人民医院", city_name="北京", language="en",
                          temperature_unit=TemperatureUnit.FAHRENHEIT, lab_units=LabUnitSystem.US,
                          ice_interval_h=6.0, tightened_interval_min=15,
                          writing_sentence_en="The sky is blue")
    save_settings(changed, store)
    again = load_settings(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    assert again == changed
    assert isinstance(again.temperature_unit, TemperatureUnit)
    assert isinstance(again.tightened_interval_min, int)


def test_unreadable_values_fall_back_to_defaults(tmp_path):
    store = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    store.setValue("preferences/temperature_unit", "K")
    store.setValue("preferences/ice_interval_h", "often")
    store.setValue("preferences/city_name", "Shanghai")
    s = load_settings(store)
    assert s.temperature_unit is TemperatureUnit.CELSIUS and s.ice_interval_h == 8
    assert s.city_name == "Shanghai"


def test_hospital_and_city_reach_the_ice_orientation_questions(qtbot):
    from cartox_desk.ui.wizards import AssessmentWizard

    wizard = AssessmentWizard("ice", AppSettings(hospital_name="Ruijin Hospital", city_name="Shanghai"))
    qtbot.addWidget(wizard)
    texts = " ".join(label.text() for label in wizard.item_steps[0].findChildren(type(wizard.header_label)))
    assert "Ruijin Hospital" in texts and "Shanghai" in texts


def test_settings_dialog_edits_saves_and_rebuilds_the_panel_keeping_input(qtbot, isolated_settings):
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.settings_dialog import SettingsDialog

    window = MainWindow(AppSettings(), AppEvents())
    qtbot.addWidget(window)
    window.grade_panel.temperature_field.set_text("38.5")
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.hospital_edit.setText("  Ruijin Hospital ")
    dialog.temperature_combo.setCurrentIndex(dialog.temperature_combo.findData("F"))
    dialog.ice_interval_spin.setValue(4)
    edited = dialog.settings()
    assert edited.hospital_name == "Ruijin Hospital" and edited.ice_interval_h == 4
    assert edited.temperature_unit is TemperatureUnit.FAHRENHEIT

    with qtbot.waitSignal(window.events.settings_changed):
        window.apply_settings(edited)
    assert load_settings() == edited  # persisted
    panel = window.grade_panel
    assert panel.temperature_field.text() == "101.3"  # same 38.5 °C, now shown in °F
    assert panel.crs_card.badge.text() == "1"
