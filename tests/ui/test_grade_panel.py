"""The grading panel, driven by the keyboard as a nurse would, graded by the real core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.snapshot import DoseRateUnit, OxygenDevice, VasopressorDrug
from cartox_desk.ui.grade_panel import NEURO_CAPD, NEURO_ICE, NEURO_ICE_UNAROUSABLE, GradePanel
from cartox_desk.ui.i18n import install_translators
from cartox_desk.ui.settings import AppSettings, TemperatureUnit
from cartox_desk.ui.widgets.grade_badge import GRADE_COLOURS


@pytest.fixture
def panel(qtbot, qapp):
    install_translators(qapp, "en")
    widget = GradePanel(AppSettings())
    qtbot.addWidget(widget)
    widget.resize(1366, 740)
    widget.show()
    return widget


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line_edit, text)


def type_ice(qtbot, panel, **items: int) -> None:
    panel.set_neuro_tool(NEURO_ICE)
    for name, value in items.items():
        spin = panel.ice_spins[name]
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, str(value))
        assert spin.value() == value, name


def test_empty_panel_is_not_assessed_for_both_never_a_calm_0(qtbot, panel):
    assert panel.crs_card.badge.text() == "–" and panel.crs_card.badge.grade() is None
    assert "temperature" in panel.crs_card.drivers_label.text()
    assert panel.icans_card.badge.text() == "–"
    assert panel.icans_card.badge.grade() is None
    assert panel.result().icans.status.value == "not_assessed"
    type_into(qtbot, panel.temperature_field.edit, "36.8")
    assert panel.crs_card.badge.text() == "0"


def test_ice_5_and_38_5_degrees_shows_crs_1_and_icans_2(qtbot, panel):
    results = []
    panel.graded.connect(results.append)
    type_into(qtbot, panel.temperature_field.edit, "38.5")
    type_ice(qtbot, panel, orientation=2, naming=2, commands=1, writing=0, attention=0)

    assert panel.crs_card.badge.text() == "1"
    assert panel.crs_card.badge.fill_colour() == GRADE_COLOURS[1]
    assert panel.icans_card.badge.text() == "2"
    assert panel.icans_card.badge.fill_colour() == GRADE_COLOURS[2]
    assert "ICE 5/10" in panel.icans_card.detail_label.text()
    assert "38.5" in panel.crs_card.drivers_label.text()
    assert "ASTCT-2019" in panel.crs_card.drivers_label.text()
    # live: the last emitted result is the one on screen
    assert results[-1].crs.grade == 1 and results[-1].icans.grade == 2 and results[-1].icans.score == 5


def test_partial_ice_is_not_graded_as_a_low_score(qtbot, panel):
    panel.set_neuro_tool(NEURO_ICE)
    panel.ice_spins["orientation"].setValue(4)  # other items still "–"
    assert panel.icans_card.badge.grade() is None
    assert "1 of 5" in panel.icans_card.drivers_label.text()


def test_invalid_temperature_shows_the_range_and_no_grade(qtbot, panel):
    type_into(qtbot, panel.temperature_field.edit, "38.5")
    assert panel.crs_card.badge.text() == "1"
    results = []
    panel.graded.connect(results.append)
    type_into(qtbot, panel.temperature_field.edit, "50")

    assert panel.temperature_field.error_label.isVisible()
    assert "30-45 °C" in panel.temperature_field.error_label.text()
    assert panel.result() is None and results[-1] is None
    assert panel.crs_card.badge.text() == "–" and panel.crs_card.badge.grade() is None
    assert panel.icans_card.badge.grade() is None
    assert panel.snapshot() is None
    assert any("30-45 °C" in e for e in panel.errors())

    # correcting the field grades again and clears the message
    type_into(qtbot, panel.temperature_field.edit, "37.2")
    assert not panel.temperature_field.error_label.isVisible()
    assert panel.crs_card.badge.text() == "0"


def test_garbage_in_a_number_field_is_refused_not_crashed(qtbot, panel):
    type_into(qtbot, panel.weight_field.edit, "7o")
    assert "not a number" in panel.weight_field.error_label.text()
    assert panel.crs_card.badge.grade() is None


def test_fahrenheit_ward_converts_before_grading(qtbot):
    widget = GradePanel(AppSettings(temperature_unit=TemperatureUnit.FAHRENHEIT))
    qtbot.addWidget(widget)
    type_into(qtbot, widget.temperature_field.edit, "101.3")  # 38.5 °C
    assert widget.snapshot().temperature_c == pytest.approx(38.5)
    assert widget.crs_card.badge.text() == "1"
    type_into(qtbot, widget.temperature_field.edit, "38.5")  # °C typed into a °F field: refused
    assert "86-113 °F" in widget.temperature_field.error()


def test_vasopressors_grade_and_ne_equivalent_as_typed(qtbot, panel):
    type_into(qtbot, panel.temperature_field.edit, "39")
    row = panel.add_vasopressor()
    assert row.drug_combo.currentData() == VasopressorDrug.NOREPINEPHRINE
    # a row without a dose is not silently dropped
    assert panel.result() is None
    type_into(qtbot, row.dose_field.edit, "10")
    assert panel.crs_card.badge.text() == "3"
    assert "10.0" in panel.ne_equivalent_label.text()

    dopamine = panel.add_vasopressor()
    dopamine.drug_combo.setCurrentIndex(dopamine.drug_combo.findData(VasopressorDrug.DOPAMINE))
    assert dopamine.unit_combo.currentData() == DoseRateUnit.UG_PER_KG_PER_MIN
    type_into(qtbot, dopamine.dose_field.edit, "5")
    assert panel.crs_card.badge.text() == "4"
    assert "12.5" in panel.ne_equivalent_label.text()  # 10 + 5/2 (dopamine is per kg by definition)
    # norepinephrine per kg needs the weight to convert: the panel says so instead of guessing
    row.unit_combo.setCurrentIndex(row.unit_combo.findData(DoseRateUnit.UG_PER_KG_PER_MIN))
    type_into(qtbot, row.dose_field.edit, "0.1")
    assert "weight" in panel.ne_equivalent_label.text()
    type_into(qtbot, panel.weight_field.edit, "70")
    assert "9.5" in panel.ne_equivalent_label.text()  # 0.1 x 70 + 5/2
    type_into(qtbot, row.dose_field.edit, "10")
    row.unit_combo.setCurrentIndex(row.unit_combo.findData(DoseRateUnit.UG_PER_MIN))

    qtbot.mouseClick(dopamine.remove_button, Qt.MouseButton.LeftButton)
    assert panel.crs_card.badge.text() == "3"
    type_into(qtbot, row.dose_field.edit, "0")
    assert "greater than 0" in row.dose_field.error()
    assert panel.crs_card.badge.grade() is None


def test_oxygen_for_comfort_is_not_hypoxia(qtbot, panel):
    type_into(qtbot, panel.temperature_field.edit, "38.2")
    panel.oxygen_device_combo.setCurrentIndex(panel.oxygen_device_combo.findData(OxygenDevice.FACE_MASK))
    assert panel.crs_card.badge.text() == "3"
    qtbot.keyClick(panel.for_comfort_check, Qt.Key.Key_Space)
    assert panel.crs_card.badge.text() == "1"


def test_unarousable_and_capd_choices_reach_the_core(qtbot, panel):
    panel.set_neuro_tool(NEURO_ICE_UNAROUSABLE)
    assert panel.icans_card.badge.text() == "4"
    panel.set_neuro_tool(NEURO_CAPD)
    assert panel.capd_page.isVisible() and not panel.ice_page.isVisible()
    assert panel.icans_card.badge.grade() is None  # no answers yet
    for key, combo in panel.capd_combos.items():  # items 1-4 reversed: "always" = 0 points
        combo.setCurrentIndex(combo.findText("always" if key in (
            "eye_contact", "purposeful_actions", "aware_of_surroundings", "communicates_needs") else "never"))
    assert panel.result().icans.score == 0
    assert panel.icans_card.badge.text() == "0"


def test_set_snapshot_round_trips(qtbot, panel):
    from cartox_desk.core.snapshot import IceAssessment, OxygenSupport, Snapshot

    snap = Snapshot(temperature_c=38.5, oxygen=OxygenSupport(OxygenDevice.NASAL_CANNULA, 4.0),
                    ice=IceAssessment(3, 3, 1, 1, 1))
    panel.set_snapshot(snap)
    assert panel.snapshot() == snap
    assert panel.crs_card.badge.text() == "2"
    assert panel.icans_card.badge.text() == "1"


@pytest.mark.parametrize(("age", "sbp", "proposed"), [
    ("", "85", True),  # adult threshold 90
    ("40", "90", False),  # not below
    ("5", "79", True),  # child: 70 + 2 x 5 = 80
    ("5", "82", False),
    ("0.5", "60", True),  # no number for infants: says so, judge clinically
])
def test_hypotension_is_proposed_from_sbp_and_age_but_never_ticked(qtbot, panel, age, sbp, proposed):
    type_into(qtbot, panel.age_field.edit, age) if age else None
    type_into(qtbot, panel.sbp_field.edit, sbp)
    assert panel.hypotension_proposal_label.isVisible() is proposed
    assert not panel.hypotension_check.isChecked()  # the nurse confirms, the app never ticks
    if proposed:
        qtbot.keyClick(panel.hypotension_check, Qt.Key.Key_Space)
        assert not panel.hypotension_proposal_label.isVisible()


def test_invalid_sbp_blocks_grading_like_any_invalid_field(qtbot, panel):
    type_into(qtbot, panel.sbp_field.edit, "400")
    assert "30-300 mmHg" in panel.sbp_field.error()
    assert panel.result() is None


def test_child_age_proposes_capd(qtbot, panel):
    type_into(qtbot, panel.age_field.edit, "12")
    assert panel.capd_proposal_label.isVisible()
    panel.set_neuro_tool(NEURO_CAPD)
    assert not panel.capd_proposal_label.isVisible()
    panel.set_neuro_tool(NEURO_ICE)
    type_into(qtbot, panel.age_field.edit, "13")
    assert not panel.capd_proposal_label.isVisible()
    assert panel.snapshot().age_years == 13
