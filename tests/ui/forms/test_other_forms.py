"""Amendments keep the original; labs convert US units; neuro exam and intervention forms."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import InterventionKind
from cartox_desk.core.snapshot import Consciousness, IcpFinding, Seizure
from cartox_desk.ui.forms import AmendmentDialog, InterventionForm, LabForm, NeuroExamForm
from cartox_desk.ui.settings import AppSettings, LabUnitSystem

from .conftest import record_count


def shown(qtbot, form):
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_an_amendment_keeps_the_original_with_reason_and_author(qtbot, services, adult, nurse):
    doctor = services.create_user("Dr Chen", "physician")
    original = services.record_vitals(
        adult.patient_id,
        services.now() - timedelta(hours=1),
        by=nurse,
        temperature_c=39.8,
        heart_rate_per_min=110,
        systolic_bp_mmhg=120,
        diastolic_bp_mmhg=70,
    )
    dialog = shown(
        qtbot,
        AmendmentDialog(
            services,
            adult.patient_id,
            doctor,
            AppSettings(),
            kind="vitals",
            record_id=original.meta.record_id,
        ),
    )
    assert dialog.original_labels["temperature_c"].text() == "39.8"
    dialog.set_value("temperature_c", "38.9")
    # a reason is required: nothing is written without one
    dialog.save_button.click()
    assert "reason" in dialog.problem_text("reason")
    assert len(services.record_history("vitals", original.meta.record_id)) == 1
    # the corrected value is range-checked inline too
    dialog.set_value("temperature_c", "49")
    dialog.reason_edit.setText("typed into the wrong row")
    dialog.save_button.click()
    assert "30-45 °C" in dialog.problem_text("temperature_c")
    assert len(services.record_history("vitals", original.meta.record_id)) == 1
    dialog.set_value("temperature_c", "38.9")
    with qtbot.waitSignal(dialog.saved, timeout=3000) as blocker:
        dialog.save_button.click()
    assert blocker.args[0] == "vitals"
    history = services.record_history("vitals", original.meta.record_id)
    assert [v.record.temperature_c for v in history] == [39.8, 38.9]
    first, second = history
    assert first.record.meta.entered_by == "Li Na" and not first.current
    assert second.current and second.record.meta.entered_by == "Dr Chen"
    assert second.record.meta.amendment_reason == "typed into the wrong row"
    assert second.record.meta.amends_id == original.meta.record_id
    assert second.record.heart_rate_per_min == 110  # untouched fields carried over
    assert services.get_patient_timeline(adult.patient_id).vitals[-1].temperature_c == 38.9


def test_amending_a_lab_value_and_unit(qtbot, services, adult, nurse):
    lab = services.record_lab(
        adult.patient_id,
        services.now() - timedelta(hours=2),
        by=nurse,
        analyte="hemoglobin",
        value=95,
        unit="g/L",
    )
    dialog = shown(
        qtbot,
        AmendmentDialog(
            services, adult.patient_id, nurse, AppSettings(), kind="lab", record_id=lab.meta.record_id
        ),
    )
    dialog.set_value("value", "9.5")
    dialog.editors["unit"].setCurrentText("g/dL")
    dialog.reason_edit.setText("the lab reported g/dL")
    with qtbot.waitSignal(dialog.saved, timeout=3000) as blocker:
        dialog.save_button.click()
    new = blocker.args[1]
    assert new.value == pytest.approx(95) and new.unit_as_entered == "g/dL"
    assert len(services.record_history("lab", lab.meta.record_id)) == 2


@pytest.mark.parametrize(
    ("system", "first_unit"), [(LabUnitSystem.CN, "10^9/L"), (LabUnitSystem.US, "10^3/µL")]
)
def test_lab_units_follow_the_ward_setting(qtbot, services, adult, nurse, system, first_unit):
    form = shown(qtbot, LabForm(services, adult.patient_id, nurse, AppSettings(lab_units=system)))
    form.set_analyte(Analyte.PLATELETS)
    assert form.unit_combo.itemText(0) == first_unit


def test_lab_in_us_units_is_converted_to_canonical(qtbot, services, adult, nurse):
    form = shown(qtbot, LabForm(services, adult.patient_id, nurse, AppSettings(lab_units=LabUnitSystem.US)))
    form.set_analyte(Analyte.CREATININE)
    assert form.unit() == "mg/dL"
    form.value_field.set_text("1.2")
    assert "106.08" in form.conversion_label.text() and "µmol/L" in form.conversion_label.text()
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        form.save_button.click()
    lab = blocker.args[1]
    assert lab.value == pytest.approx(106.08) and lab.unit == "umol/L"
    assert (lab.value_as_entered, lab.unit_as_entered) == (1.2, "mg/dL")
    stored = services.get_patient_timeline(adult.patient_id).labs
    assert len(stored) == 1 and stored[0].value == pytest.approx(106.08)


def test_lab_refuses_negative_and_empty_values(qtbot, services, adult, nurse):
    form = shown(qtbot, LabForm(services, adult.patient_id, nurse, AppSettings()))
    form.save_button.click()
    assert "enter the value" in form.problem_text("value")
    form.value_field.set_text("-3")
    form.save_button.click()
    assert "0 or more" in form.problem_text("value")
    assert record_count(services, adult.patient_id) == 0


def test_neuro_exam_form_records_the_findings_and_grades(qtbot, services, adult, nurse):
    form = shown(qtbot, NeuroExamForm(services, adult.patient_id, nurse, AppSettings()))
    form.save_button.click()  # nothing entered: nothing written
    assert "Nothing to save" in form.message_label.text()
    form.consciousness_combo.setCurrentIndex(
        form.consciousness_combo.findData(Consciousness.AWAKENS_TO_TACTILE)
    )
    form.seizure_combo.setCurrentIndex(form.seizure_combo.findData(Seizure.NONE))
    form.icp_checks[IcpFinding.PAPILLEDEMA].setChecked(True)
    form.imaging_edit.setText("MRI: no edema")
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        form.save_button.click()
    exam = blocker.args[1]
    assert exam.consciousness is Consciousness.AWAKENS_TO_TACTILE
    assert exam.icp_findings == frozenset({IcpFinding.PAPILLEDEMA})
    assert services.get_patient_timeline(adult.patient_id).grades[-1].icans.grade == 4  # papilledema


def test_intervention_form(qtbot, services, adult, nurse):
    form = shown(qtbot, InterventionForm(services, adult.patient_id, nurse, AppSettings()))
    form.set_kind(InterventionKind.OTHER)
    form.save_button.click()
    assert "say what was done" in form.problem_text("note")
    form.set_kind(InterventionKind.CRRT)
    form.note_edit.setText("CVVHDF started")
    with qtbot.waitSignal(form.saved, timeout=3000) as blocker:
        form.save_button.click()
    assert blocker.args[1].kind is InterventionKind.CRRT
    assert services.get_patient_timeline(adult.patient_id).interventions[0].note == "CVVHDF started"


def test_amending_a_neuro_exam_finding_regrades(qtbot, services, adult, nurse):
    exam = services.record_neuro_exam(
        adult.patient_id,
        services.now() - timedelta(minutes=30),
        by=nurse,
        consciousness="alert",
        icp_findings=["papilledema"],
    )
    assert services.get_patient_timeline(adult.patient_id).grades[-1].icans.grade == 4
    dialog = shown(
        qtbot,
        AmendmentDialog(
            services, adult.patient_id, nurse, AppSettings(), kind="neuro_exam", record_id=exam.meta.record_id
        ),
    )
    assert "papilledema" in dialog.original_labels["icp_findings"].text()
    dialog._multi["icp_findings"][IcpFinding.PAPILLEDEMA].setChecked(False)
    assert dialog.original_labels["icp_findings"].font().strikeOut()
    assert not dialog.original_labels["consciousness"].font().strikeOut()
    dialog.reason_edit.setText("fundoscopy re-read: no papilledema")
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    history = services.record_history("neuro_exam", exam.meta.record_id)
    assert [v.record.icp_findings for v in history] == [frozenset({IcpFinding.PAPILLEDEMA}), frozenset()]
    # no ICE recorded: without the papilledema ICANS is "not assessed" (never a calm 0)
    assert services.get_patient_timeline(adult.patient_id).grades[-1].icans.grade is None
