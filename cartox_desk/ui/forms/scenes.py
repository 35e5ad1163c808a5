"""Screenshot scenes of the entry forms (`cartox-desk screenshots`; listed in cli.screenshots.SCENE_MODULES).

Each scene builds a small throw-away ward in a temporary SQLite file (one adult on norepinephrine and a nasal
cannula with one tocilizumab dose given, one adult at the tocilizumab limit) and shows one form in a state
worth looking at: empty, typed, refused.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cartox_desk.cli.screenshots import Frames, SceneContext, scene


@dataclass
class _Ward:
    services: Any
    nurse: Any
    adult: Any
    limit: Any
    tmp: tempfile.TemporaryDirectory  # type: ignore[type-arg]


def _ward(ctx: SceneContext) -> _Ward:
    from cartox_desk.services.api import Services

    tmp = tempfile.TemporaryDirectory(prefix="cartox-forms-scenes-")
    services = Services.from_url(f"sqlite:///{Path(tmp.name) / 'scenes.sqlite'}")
    zh = ctx.lang.startswith("zh")
    nurse = services.create_user("李娜" if zh else "Li Na", "nurse")
    now = services.now()
    adult = services.admit_patient(
        by=nurse,
        mrn="0012345",
        name="王军" if zh else "Wang Jun",
        sex="male",
        date_of_birth=date(1968, 5, 4),
        diagnosis="LBCL",
        target="CD19",
        product_name="axi-cel",
        infusion_at=now - timedelta(days=2),
        weight_kg=72,
        bed="03",
        baseline_ice=10,
    )
    limit = services.admit_patient(
        by=nurse,
        mrn="0012399",
        name="刘芳" if zh else "Liu Fang",
        sex="female",
        date_of_birth=date(1961, 2, 1),
        diagnosis="B-ALL",
        target="CD19",
        infusion_at=now - timedelta(days=4),
        weight_kg=58,
        bed="11",
    )
    pid = adult.patient_id
    services.record_vasopressor(
        pid, now - timedelta(hours=3), by=nurse, drug="norepinephrine", event="start", dose=8, unit="ug/min"
    )
    services.record_oxygen(pid, now - timedelta(hours=5), by=nurse, device="nasal_cannula", flow_l_min=4)
    services.record_medication(
        pid, now - timedelta(hours=9), by=nurse, kind="tocilizumab", dose=576, unit="mg", route="IV"
    )
    services.record_vitals(
        pid,
        now - timedelta(hours=1),
        by=nurse,
        temperature_c=39.4,
        heart_rate_per_min=118,
        systolic_bp_mmhg=92,
        diastolic_bp_mmhg=55,
        spo2_pct=94,
    )
    for hours in (70, 60, 50, 40):
        services.record_medication(
            limit.patient_id,
            now - timedelta(hours=hours),
            by=nurse,
            kind="tocilizumab",
            dose=464,
            unit="mg",
            route="IV",
        )
    ward = _Ward(services, nurse, adult, limit, tmp)
    ctx.keep.append(ward)
    return ward


@scene("form_vitals")
def _vitals(ctx: SceneContext) -> Frames:
    from cartox_desk.core.snapshot import DoseRateUnit, VasopressorDrug
    from cartox_desk.ui.forms.vitals import VitalsForm

    w = _ward(ctx)
    form = VitalsForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
    yield "_empty", form
    for field, text in (
        (form.temperature_field, "39.1"),
        (form.heart_rate_field, "124"),
        (form.respiratory_rate_field, "24"),
        (form.systolic_field, "84"),
        (form.diastolic_field, "48"),
        (form.spo2_field, "93"),
    ):
        field.set_text(text)
    form.vasopressor_entries[0].row.dose_field.set_text("12")
    dopamine = form._add_entry(None)
    dopamine.row.drug_combo.setCurrentIndex(dopamine.row.drug_combo.findData(VasopressorDrug.DOPAMINE))
    dopamine.row.unit_combo.setCurrentIndex(dopamine.row.unit_combo.findData(DoseRateUnit.UG_PER_KG_PER_MIN))
    dopamine.row.dose_field.set_text("5")
    form.bolus_volume_field.set_text("500")
    form.bolus_fluid_edit.setText("0.9% NaCl")
    yield "_typed", form
    form.temperature_field.set_text("50")
    form.diastolic_field.set_text("95")
    form.save_button.click()
    yield "_refused", form


@scene("form_lab")
def _lab(ctx: SceneContext) -> Frames:
    from cartox_desk.core.labs import Analyte
    from cartox_desk.ui.forms.lab import LabForm
    from cartox_desk.ui.settings import LabUnitSystem

    w = _ward(ctx)
    form = LabForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
    form.set_analyte(Analyte.CREATININE)
    form.set_unit("mg/dL")
    form.value_field.set_text("1.4")
    yield "_cn", form
    from dataclasses import replace

    us = LabForm(w.services, w.adult.patient_id, w.nurse, replace(ctx.settings, lab_units=LabUnitSystem.US))
    us.set_analyte(Analyte.PLATELETS)
    us.value_field.set_text("-2")
    us.save_button.click()
    yield "_us_refused", us


@scene("form_neuro_exam")
def _neuro(ctx: SceneContext) -> Frames:
    from cartox_desk.core.snapshot import Consciousness, IcpFinding, MotorWeakness, Seizure
    from cartox_desk.ui.forms.neuro import NeuroExamForm

    w = _ward(ctx)
    form = NeuroExamForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
    form.consciousness_combo.setCurrentIndex(
        form.consciousness_combo.findData(Consciousness.AWAKENS_TO_VOICE)
    )
    form.seizure_combo.setCurrentIndex(form.seizure_combo.findData(Seizure.NONE))
    form.motor_combo.setCurrentIndex(form.motor_combo.findData(MotorWeakness.NONE))
    form.icp_checks[IcpFinding.PAPILLEDEMA].setChecked(True)
    form.imaging_edit.setText("MRI: no edema" if not ctx.lang.startswith("zh") else "MRI：未见水肿")
    yield "", form


@scene("form_medication")
def _medication(ctx: SceneContext) -> Frames:
    from cartox_desk.core.records import MedicationKind
    from cartox_desk.ui.forms.medication import MedicationForm

    w = _ward(ctx)
    form = MedicationForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
    form.set_kind(MedicationKind.TOCILIZUMAB)
    yield "_tocilizumab", form
    refused = MedicationForm(w.services, w.limit.patient_id, w.nurse, ctx.settings)
    refused.set_kind(MedicationKind.TOCILIZUMAB)
    yield "_tocilizumab_fifth_dose", refused
    refused.save_button.click()
    if refused.limit_box is not None:
        yield "_limit_dialog", refused.limit_box


@scene("form_intervention")
def _intervention(ctx: SceneContext) -> Frames:
    from cartox_desk.core.records import InterventionKind
    from cartox_desk.ui.forms.neuro import InterventionForm

    w = _ward(ctx)
    form = InterventionForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
    form.set_kind(InterventionKind.ICU_TRANSFER)
    form.note_edit.setText(
        "CRS grade 3: transferred to ICU" if not ctx.lang.startswith("zh") else "CRS 3 级：转入 ICU"
    )
    yield "", form


@scene("form_amendment")
def _amendment(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.forms.amendment import AmendmentDialog

    w = _ward(ctx)
    vitals = w.services.get_patient_timeline(w.adult.patient_id).vitals[-1]
    dialog = AmendmentDialog(
        w.services, w.adult.patient_id, w.nurse, ctx.settings, kind="vitals", record_id=vitals.meta.record_id
    )
    dialog.set_value("temperature_c", "38.4")
    yield "_vitals", dialog
    dialog.save_button.click()  # no reason yet: refused, the message under the reason
    yield "_vitals_no_reason", dialog


@scene("form_iechs_grade")
def _iechs_grade(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.forms.iechs import IechsGradeForm

    w = _ward(ctx)
    zh = ctx.lang.startswith("zh")
    physician = w.services.create_user("陈浩" if zh else "Dr Chen Hao", "physician")
    form = IechsGradeForm(w.services, w.adult.patient_id, physician, ctx.settings)
    form.set_grade(2)
    form.note_edit.setText(
        "CRS, infection and progression excluded" if not zh else "已排除 CRS、感染及疾病进展"
    )
    yield "_physician", form
    empty = IechsGradeForm(w.services, w.adult.patient_id, physician, ctx.settings)
    empty.save_button.click()  # no grade chosen: refused, the message under the grades
    yield "_no_grade", empty
    yield "_nurse_read_only", IechsGradeForm(w.services, w.adult.patient_id, w.nurse, ctx.settings)
