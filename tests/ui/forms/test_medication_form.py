"""Medication form: tocilizumab calculated from the weight with the arithmetic, limits refused in a dialog."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.records import MedicationKind
from cartox_desk.ui.forms.medication import MedicationForm
from cartox_desk.ui.settings import AppSettings

from .conftest import record_count


def open_form(qtbot, services, patient_id, user):
    form = MedicationForm(services, patient_id, user, AppSettings())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def heavy(services, nurse, kg):
    return services.admit_patient(
        by=nurse,
        mrn=f"W{kg}",
        name="Big",
        sex="male",
        date_of_birth=date(1970, 1, 1),
        diagnosis="LBCL",
        target="CD19",
        infusion_at=services.now() - timedelta(days=1),
        weight_kg=kg,
    )


def give(services, patient_id, nurse, hours_ago, mg=576):
    services.record_medication(
        patient_id,
        services.now() - timedelta(hours=hours_ago),
        by=nurse,
        kind="tocilizumab",
        dose=mg,
        unit="mg",
        route="IV",
    )


@pytest.mark.parametrize(
    ("weight", "arithmetic", "mg"),
    [
        (72, "8 mg/kg × 72 kg = 576 mg", "576"),
        (25, "12 mg/kg × 25 kg = 300 mg", "300"),
        (110, "8 mg/kg × 110 kg = 880 mg → capped at 800 mg per dose", "800"),
    ],
)
def test_tocilizumab_dose_is_calculated_from_the_weight(qtbot, services, nurse, weight, arithmetic, mg):
    patient = heavy(services, nurse, weight)
    form = open_form(qtbot, services, patient.patient_id, nurse)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    assert arithmetic in form.tocilizumab_label.text()
    assert "dose 1 of 4" in form.tocilizumab_label.text()
    assert form.dose_field.text() == mg and form.unit_combo.currentText() == "mg"
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        qtbot.keyClick(form.drug_combo, Qt.Key.Key_Return)
    kind, record = blocker.args
    assert kind == "medication" and record.kind is MedicationKind.TOCILIZUMAB
    assert record.dose == float(mg) and record.unit == "mg" and record.route == "IV"
    assert record.meta.entered_by == "Li Na"


def test_second_dose_shows_count_and_next_allowed_time(qtbot, services, adult, nurse):
    give(services, adult.patient_id, nurse, hours_ago=9)
    form = open_form(qtbot, services, adult.patient_id, nurse)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    text = form.tocilizumab_label.text()
    assert "8 mg/kg × 72 kg = 576 mg · dose 2 of 4 · next allowed after " in text
    expected = (form.at() + timedelta(hours=8)).strftime("%H:%M")
    assert text.endswith(expected)


def test_the_fifth_dose_is_refused_with_a_warning_and_nothing_is_saved(qtbot, services, adult, nurse):
    for hours in (60, 50, 40, 30):
        give(services, adult.patient_id, nurse, hours_ago=hours)
    before = record_count(services, adult.patient_id)
    form = open_form(qtbot, services, adult.patient_id, nurse)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    assert "Refused" in form.tocilizumab_label.text() and "dose 5 of 4" in form.tocilizumab_label.text()
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert form.limit_box is not None and form.limit_box.isVisible()
    assert "at most 4 in total" in form.limit_box.text()
    assert record_count(services, adult.patient_id) == before
    form.limit_box.accept()
    # other drugs are not limited by the tocilizumab count
    form.set_kind(MedicationKind.DEXAMETHASONE)
    form.dose_field.set_text("10")
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save_button.click()


def test_a_dose_within_8_hours_is_refused(qtbot, services, adult, nurse):
    give(services, adult.patient_id, nurse, hours_ago=3)
    form = open_form(qtbot, services, adult.patient_id, nurse)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert "at least 8 h between doses" in form.limit_box.text()
    assert record_count(services, adult.patient_id) == 1


def test_a_late_entry_too_close_to_a_later_dose_is_refused_by_the_store(qtbot, services, adult, nurse):
    """The form's calculator looks at the doses before the time entered; the store also checks the doses
    charted after it, and its refusal is shown on the time field with nothing saved."""
    give(services, adult.patient_id, nurse, hours_ago=1)
    form = open_form(qtbot, services, adult.patient_id, nurse)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    form.set_time(services.now() - timedelta(hours=5))
    before = record_count(services, adult.patient_id)
    with qtbot.assertNotEmitted(form.saved):
        form.save_button.click()
    assert form.limit_box is None  # the form's own check passed
    assert "at least 8 h between doses" in form.problem_text("at")
    assert "Nothing was saved" in form.message_label.text()
    assert record_count(services, adult.patient_id) == before == 1


def test_other_drug_needs_a_name_and_a_positive_dose(qtbot, services, adult, nurse):
    form = open_form(qtbot, services, adult.patient_id, nurse)
    form.set_kind(MedicationKind.OTHER)
    form.dose_field.set_text("0")
    form.save_button.click()
    assert "greater than 0" in form.problem_text("dose")
    assert "name the drug" in form.problem_text("drug_name")
    assert record_count(services, adult.patient_id) == 0
    form.dose_field.set_text("1")
    form.drug_name_edit.setText("lorazepam")
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        form.save_button.click()
    assert blocker.args[1].drug_name == "lorazepam"
