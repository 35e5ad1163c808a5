"""The vitals form typed with keys only, refused input, °F, vasopressors and NE-equivalent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cartox_desk.core.records import VasopressorEvent
from cartox_desk.core.snapshot import DoseRateUnit, OxygenDevice, VasopressorDrug
from cartox_desk.ui.forms.vitals import VitalsForm
from cartox_desk.ui.settings import AppSettings, TemperatureUnit

from .conftest import record_count


def open_form(qtbot, services, patient, user, settings=None):
    form = VitalsForm(services, patient.patient_id, user, settings or AppSettings())
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    qtbot.waitUntil(lambda: form.temperature_field.edit.hasFocus())
    return form


def type_and_tab(qtbot, values):
    """Type each value into the focused field, then Tab: the form must move in flowsheet order."""
    for value in values:
        widget = QApplication.focusWidget()
        if value:
            qtbot.keyClicks(widget, value)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_a_vitals_set_typed_with_keys_only_is_saved_with_the_user(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse)
    # T, HR, RR, SBP, DBP, MAP (skipped), SpO2 — the paper flowsheet order
    type_and_tab(qtbot, ["38.6", "112", "22", "118", "72", "", "95"])
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    kind, record = blocker.args
    assert kind == "vitals"
    assert form.result() == form.DialogCode.Accepted
    stored = services.get_patient_timeline(adult.patient_id).vitals
    assert len(stored) == 1
    v = stored[0]
    assert (v.temperature_c, v.heart_rate_per_min, v.respiratory_rate_per_min) == (38.6, 112, 22)
    assert (v.systolic_bp_mmhg, v.diastolic_bp_mmhg, v.spo2_pct, v.mean_bp_mmhg) == (118, 72, 95, None)
    assert v.meta.entered_by == "Li Na"
    assert v.meta.record_id == record.meta.record_id
    assert abs(v.meta.at - services.now()) < timedelta(minutes=2)


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("temperature_field", "50", "30-45 °C"),
        ("spo2_field", "120", "30-100 %"),
    ],
)
def test_out_of_range_value_names_the_range_and_writes_nothing(
    qtbot, services, adult, nurse, field, text, expected
):
    form = open_form(qtbot, services, adult, nurse)
    form.heart_rate_field.set_text("90")
    getattr(form, field).set_text(text)
    assert expected in getattr(form, field).error_label.text()
    before = record_count(services, adult.patient_id)
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.heart_rate_field.edit, Qt.Key.Key_Return)
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert "Nothing was saved" in form.message_label.text()
    assert record_count(services, adult.patient_id) == before == 0


def test_diastolic_above_systolic_is_refused_and_nothing_of_the_line_is_written(
    qtbot, services, adult, nurse
):
    form = open_form(qtbot, services, adult, nurse)
    form.temperature_field.set_text("37.2")
    form.systolic_field.set_text("100")
    form.diastolic_field.set_text("110")
    form.oxygen_device_combo.setCurrentIndex(form.oxygen_device_combo.findData(OxygenDevice.NASAL_CANNULA))
    form.oxygen_flow_field.set_text("3")
    form.bolus_volume_field.set_text("500")
    assert "below the systolic BP (100 mmHg)" in form.diastolic_field.error_label.text()
    form.save_button.click()
    assert record_count(services, adult.patient_id) == 0  # not vitals, not oxygen, not the bolus
    # correcting the systolic clears the message and the whole line is saved
    form.systolic_field.set_text("130")
    assert form.diastolic_field.error() is None
    with qtbot.waitSignals([form.saved] * 3, timeout=3000):
        form.save_button.click()
    t = services.get_patient_timeline(adult.patient_id)
    assert len(t.vitals) == len(t.oxygen) == len(t.fluid_boluses) == 1
    assert t.oxygen[0].device is OxygenDevice.NASAL_CANNULA and t.oxygen[0].flow_l_min == 3


def test_a_time_in_the_future_is_refused(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse)
    form.temperature_field.set_text("37")
    form.set_time(services.now() + timedelta(minutes=30))
    form.save_button.click()
    assert "future" in form.problem_text("at")
    assert record_count(services, adult.patient_id) == 0


def test_fahrenheit_entry_is_converted_and_kept_as_entered(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse, AppSettings(temperature_unit=TemperatureUnit.FAHRENHEIT))
    form.temperature_field.set_text("120")
    assert "86-113 °F" in form.temperature_field.error_label.text()
    form.temperature_field.set_text("101.3")
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save_button.click()
    v = services.get_patient_timeline(adult.patient_id).vitals[0]
    assert v.temperature_c == pytest.approx(38.5, abs=0.01)


def test_hypotension_is_proposed_below_the_age_threshold_and_saved_only_when_ticked(
    qtbot, services, adult, child, nurse
):
    form = open_form(qtbot, services, child, nurse)  # 7 years: threshold 70 + 2 x 7 = 84 mmHg
    form.systolic_field.set_text("86")
    assert form.hypotension_proposal_label.isHidden()
    form.systolic_field.set_text("80")
    assert form.hypotension_proposal_label.isVisible()
    assert "below 84" in form.hypotension_proposal_label.text()
    form.diastolic_field.set_text("40")
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save_button.click()
    assert services.get_patient_timeline(child.patient_id).vitals[0].hypotension_confirmed is False

    form = open_form(qtbot, services, adult, nurse)  # adult: < 90 mmHg
    form.systolic_field.set_text("86")
    assert "below 90" in form.hypotension_proposal_label.text()
    form.hypotension_check.setChecked(True)
    assert form.hypotension_proposal_label.isHidden()
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save_button.click()
    assert services.get_patient_timeline(adult.patient_id).vitals[0].hypotension_confirmed is True


def test_ne_equivalent_is_shown_as_typed_and_vasopressors_are_saved(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert len(form.vasopressor_entries) == 1
    ne = form.vasopressor_entries[0]
    qtbot.keyClicks(ne.row.dose_field.edit, "12")
    assert "12.0 µg/min" in form.ne_equivalent_text()
    assert "= 12.0 µg/min NE" in ne.ne_label.text()
    dopa = form._add_entry(None)
    dopa.row.drug_combo.setCurrentIndex(dopa.row.drug_combo.findData(VasopressorDrug.DOPAMINE))
    assert dopa.unit() is DoseRateUnit.UG_PER_KG_PER_MIN
    qtbot.keyClicks(dopa.row.dose_field.edit, "10")
    # 12 + 10 / 2 = 17 µg/min; several vasopressors, no vasopressin: high-dose at >= 20
    assert "17.0 µg/min" in form.ne_equivalent_text()
    assert "HIGH-DOSE" not in form.ne_equivalent_text()
    dopa.row.dose_field.set_text("16")
    assert "20.0 µg/min" in form.ne_equivalent_text() and "HIGH-DOSE" in form.ne_equivalent_text()
    # a bolus or a vasopressor start proposes hypotension too
    assert form.hypotension_proposal_label.isVisible()
    with qtbot.waitSignals([form.saved, form.saved], timeout=3000):
        form.save_button.click()
    t = services.get_patient_timeline(adult.patient_id)
    assert {(v.drug, v.event, v.dose) for v in t.vasopressors} == {
        (VasopressorDrug.NOREPINEPHRINE, VasopressorEvent.START, 12.0),
        (VasopressorDrug.DOPAMINE, VasopressorEvent.START, 16.0),
    }

    # the next form shows both running; changing one dose and stopping the other records exactly that
    form = open_form(qtbot, services, adult, nurse)
    assert [e.drug() for e in form.vasopressor_entries] == [
        VasopressorDrug.NOREPINEPHRINE,
        VasopressorDrug.DOPAMINE,
    ]
    assert "20.0 µg/min" in form.ne_equivalent_text()
    form.vasopressor_entries[0].row.dose_field.set_text("6")
    form.vasopressor_entries[1].stop_check.setChecked(True)
    assert "6.0 µg/min" in form.ne_equivalent_text()
    with qtbot.waitSignals([form.saved, form.saved], timeout=3000):
        form.save_button.click()
    events = [(v.drug, v.event) for v in services.get_patient_timeline(adult.patient_id).vasopressors]
    assert (VasopressorDrug.NOREPINEPHRINE, VasopressorEvent.CHANGE) in events
    assert (VasopressorDrug.DOPAMINE, VasopressorEvent.STOP) in events


def test_per_kg_vasopressor_without_a_weight_is_refused(qtbot, services, no_weight, nurse):
    form = open_form(qtbot, services, no_weight, nurse)
    form.temperature_field.set_text("38.9")
    entry = form._add_entry(None)
    entry.row.unit_combo.setCurrentIndex(entry.row.unit_combo.findData(DoseRateUnit.UG_PER_KG_PER_MIN))
    entry.row.dose_field.set_text("0.1")
    assert "weight" in entry.message.text() and not entry.message.isHidden()
    assert "cannot be calculated" in form.ne_equivalent_text()
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert record_count(services, no_weight.patient_id) == 0  # not even the temperature
    # the same drug in µg/min needs no weight
    entry.row.unit_combo.setCurrentIndex(entry.row.unit_combo.findData(DoseRateUnit.UG_PER_MIN))
    entry.row.dose_field.set_text("8")
    with qtbot.waitSignals([form.saved, form.saved], timeout=3000):
        form.save_button.click()
    assert record_count(services, no_weight.patient_id) == 2


def test_esc_cancels_without_writing(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse)
    qtbot.keyClicks(form.temperature_field.edit, "38")
    with qtbot.waitSignal(form.rejected, timeout=3000):
        qtbot.keyClick(form.temperature_field.edit, Qt.Key.Key_Escape)
    assert record_count(services, adult.patient_id) == 0


def test_tab_reaches_a_running_vasopressor_dose_after_the_oxygen(qtbot, services, adult, nurse):
    services.record_vasopressor(
        adult.patient_id,
        services.now() - timedelta(hours=1),
        by=nurse,
        drug="norepinephrine",
        event="start",
        dose=8,
        unit="ug/min",
    )
    form = open_form(qtbot, services, adult, nurse)
    form.for_comfort_check.setFocus()
    qtbot.waitUntil(form.for_comfort_check.hasFocus)
    qtbot.keyClick(form.for_comfort_check, Qt.Key.Key_Tab)
    dose = form.vasopressor_entries[0].row.dose_field.edit
    assert dose.hasFocus()
    dose.selectAll()
    qtbot.keyClicks(dose, "14")
    assert "14.0 µg/min" in form.ne_equivalent_text()
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        qtbot.keyClick(dose, Qt.Key.Key_Return)
    assert blocker.args[1].event is VasopressorEvent.CHANGE and blocker.args[1].dose == 14


def test_a_services_refusal_is_shown_on_the_field_it_names(qtbot, services, adult, nurse, monkeypatch):
    from cartox_desk.services.errors import ValidationError

    def refuse(*args, **kwargs):
        raise ValidationError.single("vitals.spo2_pct", "vitals.spo2_pct: refused by the store")

    monkeypatch.setattr(services, "record_flowsheet", refuse)
    form = open_form(qtbot, services, adult, nurse)
    form.spo2_field.set_text("97")
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert form.problem_text("spo2_pct") == "vitals.spo2_pct: refused by the store"
    assert "Nothing was saved" in form.message_label.text()
    assert form.isVisible()


def test_the_line_is_one_service_call(qtbot, services, adult, nurse, monkeypatch):
    calls = []
    real = services.record_flowsheet

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "record_flowsheet", spy)
    form = open_form(qtbot, services, adult, nurse)
    form.temperature_field.set_text("38.2")
    form.bolus_volume_field.set_text("250")
    with qtbot.waitSignals([form.saved, form.saved], timeout=3000):
        form.save_button.click()
    assert len(calls) == 1 and calls[0]["fluid_bolus"]["volume_ml"] == 250
    assert record_count(services, adult.patient_id) == 2


def test_a_part_the_store_refuses_writes_nothing_of_the_line(qtbot, services, adult, nurse):
    """The form still believes the patient has a weight; the store (which knows better) refuses the
    per-kg vasopressor, and the vitals, oxygen and bolus of the same line are not written either."""
    form = open_form(qtbot, services, adult, nurse)
    services.update_patient(adult.patient_id, by=nurse, reason="weight entered on the wrong patient",
                            weight_kg=None)  # fmt: skip
    form.temperature_field.set_text("38.9")
    form.oxygen_device_combo.setCurrentIndex(form.oxygen_device_combo.findData(OxygenDevice.FACE_MASK))
    form.oxygen_flow_field.set_text("8")
    form.bolus_volume_field.set_text("500")
    entry = form._add_entry(None)
    entry.row.unit_combo.setCurrentIndex(entry.row.unit_combo.findData(DoseRateUnit.UG_PER_KG_PER_MIN))
    entry.row.dose_field.set_text("0.1")
    assert not entry.message.text()  # the form's own check passed (stale weight)
    before = record_count(services, adult.patient_id)
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert record_count(services, adult.patient_id) == before == 0  # not vitals, oxygen or bolus
    assert "weight" in entry.message.text()  # shown on the vasopressor line it names
    assert "Nothing was saved" in form.message_label.text()
    assert form.isVisible()


def test_oxygen_notes_and_a_unit_that_does_not_apply(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult, nurse)
    form.oxygen_device_combo.setCurrentIndex(form.oxygen_device_combo.findData(OxygenDevice.NASAL_CANNULA))
    assert "enter the flow" in form.oxygen_note.text()
    form.oxygen_flow_field.set_text("8")
    assert "enter the flow" not in form.oxygen_note.text()
    entry = form._add_entry(None)
    entry.row.unit_combo.setCurrentIndex(entry.row.unit_combo.findData(DoseRateUnit.UNITS_PER_MIN))
    entry.row.dose_field.set_text("0.04")  # norepinephrine in U/min: refused, never converted
    assert "not given in" in entry.message.text()
    assert "a unit does not apply" in form.ne_equivalent_text()
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert record_count(services, adult.patient_id) == 0
