"""Compound writes (one transaction for a flowsheet line / an assessment with its neuro exam) and the safety
limits the store enforces itself: tocilizumab dose limits, vasopressor units and per-kg doses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.core.snapshot import IceAssessment
from cartox_desk.persistence.tables import CLINICAL_TABLES, AuditEventRecord, GradeRecord
from cartox_desk.services import Services, ValidationError

from .conftest import NOW


def _counts(svc: Services) -> dict[str, int]:
    with svc.session() as s:
        counts = {
            k: int(s.execute(select(func.count()).select_from(t)).scalar_one())
            for k, t in CLINICAL_TABLES.items()
        }
        counts["audit"] = int(s.execute(select(func.count()).select_from(AuditEventRecord)).scalar_one())
        counts["grade"] = int(s.execute(select(func.count()).select_from(GradeRecord)).scalar_one())
    return counts


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.field for p in exc.value.problems]


# ---------------------------------------------------------------------------------------------- flowsheet


def test_a_flowsheet_line_is_written_whole_with_audit_and_grade(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    pid = patient.patient_id
    before = _counts(svc)
    at = NOW - timedelta(minutes=10)
    line = svc.record_flowsheet(
        pid,
        at,
        by=nurse,
        vitals={
            "temperature_c": 38.9,
            "systolic_bp_mmhg": 84,
            "diastolic_bp_mmhg": 50,
            "hypotension_confirmed": True,
        },
        oxygen={"device": "nasal_cannula", "flow_l_min": 4},
        vasopressors=[
            {"drug": "norepinephrine", "event": "start", "dose": 8, "unit": "ug/min"},
            {"drug": "vasopressin", "event": "start", "dose": 0.03, "unit": "U/min"},
        ],
        fluid_bolus={"volume_ml": 500, "fluid": "0.9% NaCl"},
    )
    assert [k for k, _ in line.records()] == ["vitals", "oxygen", "vasopressor", "vasopressor", "fluid_bolus"]
    after = _counts(svc)
    assert (after["vitals"], after["oxygen"], after["vasopressor"], after["fluid_bolus"]) == (1, 1, 2, 1)
    creates = [e for e in svc.audit_events(patient_id=pid) if e.action == "create"]
    assert len(creates) == 5 and all(e.user == "Nurse Wang" for e in creates)
    assert after["grade"] > before["grade"]
    timeline = svc.get_patient_timeline(pid)
    assert all(r.meta.at == at for _, r in line.records())
    assert timeline.grades[-1].crs.grade >= 3  # fever + hypotension on two vasopressors


def test_a_bad_vasopressor_dose_writes_nothing_of_the_line(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    pid = patient.patient_id
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        svc.record_flowsheet(
            pid,
            NOW,
            by=nurse,
            vitals={"temperature_c": 38.4, "spo2_pct": 120},
            oxygen={"device": "face_mask", "flow_l_min": 8},
            vasopressors=[
                {"drug": "norepinephrine", "event": "start", "dose": 8, "unit": "ug/min"},
                {"drug": "epinephrine", "event": "start", "dose": -2, "unit": "ug/min"},
            ],
            fluid_bolus={"volume_ml": 250},
        )
    # every problem of every part, each with its path and what is accepted
    assert _fields(refused) == ["vitals.spo2_pct", "vasopressors[1].dose"]
    messages = [p.message for p in refused.value.problems]
    assert messages[0].startswith("vitals.spo2_pct:") and "30-100" in messages[0]
    assert messages[1].startswith("vasopressors[1].dose:")
    assert _counts(svc) == before  # not the vitals, not the oxygen, not the bolus, no audit, no grade


def test_an_empty_flowsheet_line_is_refused(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    with pytest.raises(ValidationError, match="flowsheet: nothing recorded"):
        svc.record_flowsheet(patient.patient_id, NOW, by=nurse)


def test_a_time_problem_refuses_the_whole_line(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        svc.record_flowsheet(
            patient.patient_id,
            NOW + timedelta(hours=1),
            by=nurse,
            vitals={"temperature_c": 37},
            fluid_bolus={"volume_ml": 250},
        )
    assert _fields(refused) == ["at"]
    assert _counts(svc) == before


# ---------------------------------------------------------------------------------------------- assessment


def test_an_invalid_neuro_field_writes_neither_the_ice_nor_the_exam(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        svc.record_assessment(
            patient.patient_id,
            NOW,
            by=nurse,
            tool="ice",
            ice=IceAssessment(4, 3, 1, 1, 1),
            neuro={"consciousness": "dreamy", "seizure": "none"},
        )
    assert _fields(refused) == ["neuro.consciousness"]
    assert refused.value.problems[0].message.startswith("neuro.consciousness: 'dreamy' is not one of")
    assert _counts(svc) == before


def test_an_assessment_writes_the_ice_and_the_exam_together(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    line = svc.record_assessment(
        patient.patient_id,
        NOW,
        by=nurse,
        tool="ice",
        ice=IceAssessment(2, 2, 1, 0, 0),
        neuro={"consciousness": "alert", "seizure": "none"},
        language="en",
    )
    assert line.assessment is not None and line.assessment.score == 5
    assert line.neuro_exam is not None and line.neuro_exam.meta.at == line.assessment.meta.at
    timeline = svc.get_patient_timeline(patient.patient_id)
    assert len(timeline.encephalopathy) == len(timeline.neuro_exams) == 1
    assert timeline.grades[-1].icans.grade == 2


def test_a_capd_unable_and_a_neuro_only_assessment(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    capd = svc.record_assessment(
        patient.patient_id, NOW - timedelta(hours=2), by=nurse, tool="capd", unable=True
    )
    assert capd.assessment is not None and capd.assessment.capd_unable and capd.neuro_exam is None
    sedated = svc.record_assessment(
        patient.patient_id, NOW, by=nurse, tool=None, neuro={"consciousness": "unarousable"}
    )
    assert sedated.assessment is None and sedated.neuro_exam is not None
    with pytest.raises(ValidationError, match="assessment: nothing to save"):
        svc.record_assessment(patient.patient_id, NOW, by=nurse, tool=None)


# ---------------------------------------------------------------------------------------------- tocilizumab


def _toci(svc: Services, pid: int, by: UserRef, at_h: float) -> int:
    rec = svc.record_medication(
        pid, NOW + timedelta(hours=at_h), by=by, kind="tocilizumab", dose=580, unit="mg"
    )
    return rec.meta.record_id


def test_the_fifth_tocilizumab_dose_is_refused_naming_the_limit_and_source(
    svc: Services, patient: PatientSummary, physician: UserRef
) -> None:
    rules = svc.protocol().tocilizumab
    pid = patient.patient_id
    for h in (-50, -40, -30, -20):
        _toci(svc, pid, physician, h)
    assert rules.max_doses_total == 4
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        _toci(svc, pid, physician, 0)
    assert _fields(refused) == ["dose"]
    message = refused.value.problems[0].message
    assert f"at most {rules.max_doses_total} doses in total" in message and rules.source_total in message
    assert _counts(svc) == before
    # other drugs are not limited by it
    svc.record_medication(pid, NOW, by=physician, kind="dexamethasone", dose=10, unit="mg")


def test_a_tocilizumab_dose_less_than_8_h_after_the_previous_is_refused(
    svc: Services, patient: PatientSummary, physician: UserRef
) -> None:
    rules = svc.protocol().tocilizumab
    pid = patient.patient_id
    _toci(svc, pid, physician, -10)
    with pytest.raises(ValidationError) as refused:
        _toci(svc, pid, physician, -4)
    assert _fields(refused) == ["at"]
    message = refused.value.problems[0].message
    assert f"at least {rules.min_interval_h:g} h between doses" in message and rules.source in message
    # a late entry must fit the doses charted after it too
    with pytest.raises(ValidationError, match="between doses"):
        _toci(svc, pid, physician, -13)
    _toci(svc, pid, physician, -18)  # 8 h before: allowed
    _toci(svc, pid, physician, -2)  # 8 h after: allowed
    assert len(svc.get_patient_timeline(pid).tocilizumab_doses) == 3


def test_a_fourth_tocilizumab_dose_within_24_h_is_refused(
    svc: Services, patient: PatientSummary, physician: UserRef
) -> None:
    rules = svc.protocol().tocilizumab
    pid = patient.patient_id
    for h in (-23, -15, -7):
        _toci(svc, pid, physician, h)
    with pytest.raises(ValidationError) as refused:
        _toci(svc, pid, physician, 0)
    messages = [p.message for p in refused.value.problems if p.field == "at"]
    limit = f"more than {rules.max_doses_24h} doses within 24 h ({rules.source_24h})"
    assert any(limit in m for m in messages)


def test_amendments_go_through_the_tocilizumab_limits(
    svc: Services, patient: PatientSummary, physician: UserRef
) -> None:
    pid = patient.patient_id
    first = _toci(svc, pid, physician, -20)
    second = _toci(svc, pid, physician, -10)
    with pytest.raises(ValidationError, match="between doses"):
        svc.amend_medication(second, by=physician, reason="time mistyped", at=NOW - timedelta(hours=17))
    # the record being corrected does not count against itself
    svc.amend_medication(first, by=physician, reason="dose mistyped", dose=560)
    svc.amend_medication(second, by=physician, reason="time mistyped", at=NOW - timedelta(hours=11))
    # changing another drug into tocilizumab is checked as a new dose would be
    dexa = svc.record_medication(
        pid, NOW - timedelta(hours=14), by=physician, kind="dexamethasone", dose=10, unit="mg"
    )
    with pytest.raises(ValidationError, match="between doses"):
        svc.amend_medication(
            dexa.meta.record_id, by=physician, reason="wrong drug", kind="tocilizumab", dose=580
        )


# ---------------------------------------------------------------------------------------------- vasopressors


@pytest.fixture
def weightless(svc: Services, nurse: UserRef) -> PatientSummary:
    return svc.admit_patient(
        by=nurse,
        mrn="MRN-NOWT",
        name="Liu Fang",
        sex="female",
        diagnosis="MM",
        target="BCMA",
        infusion_at=NOW - timedelta(days=1),
    )


def test_a_per_kg_vasopressor_dose_without_a_weight_is_refused(
    svc: Services, weightless: PatientSummary, nurse: UserRef
) -> None:
    pid = weightless.patient_id
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        svc.record_vasopressor(
            pid, NOW, by=nurse, drug="norepinephrine", event="start", dose=0.1, unit="ug/kg/min"
        )
    assert _fields(refused) == ["unit"]
    assert "weight" in str(refused.value) and "ug/min" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        svc.record_flowsheet(
            pid,
            NOW,
            by=nurse,
            vitals={"temperature_c": 38.5},
            vasopressors=[{"drug": "norepinephrine", "event": "start", "dose": 0.1, "unit": "ug/kg/min"}],
        )
    assert _fields(refused) == ["vasopressors[0].unit"]
    assert _counts(svc) == before
    # in µg/min no weight is needed; stopping needs none either
    svc.record_vasopressor(
        pid, NOW - timedelta(hours=1), by=nurse, drug="norepinephrine", event="start", dose=8, unit="ug/min"
    )
    svc.record_vasopressor(
        pid, NOW, by=nurse, drug="norepinephrine", event="stop", dose=None, unit="ug/kg/min"
    )


@pytest.mark.parametrize(
    ("drug", "unit", "accepted"),
    [
        ("vasopressin", "ug/min", "U/min"),
        ("norepinephrine", "U/min", "ug/min or ug/kg/min"),
        ("phenylephrine", "U/min", "ug/min or ug/kg/min"),
    ],
)
def test_a_unit_that_does_not_fit_the_drug_is_refused(
    svc: Services, patient: PatientSummary, nurse: UserRef, drug: str, unit: str, accepted: str
) -> None:
    before = _counts(svc)
    with pytest.raises(ValidationError) as refused:
        svc.record_vasopressor(patient.patient_id, NOW, by=nurse, drug=drug, event="start", dose=1, unit=unit)
    assert _fields(refused) == ["unit"]
    assert refused.value.problems[0].message == f"unit: {drug} is given in {accepted}, not {unit}"
    assert _counts(svc) == before


def test_vasopressor_amendments_are_checked_too(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    rec = svc.record_vasopressor(
        patient.patient_id, NOW, by=nurse, drug="vasopressin", event="start", dose=0.03, unit="U/min"
    )
    with pytest.raises(ValidationError, match="vasopressin is given in U/min"):
        svc.amend_vasopressor(rec.meta.record_id, by=nurse, reason="unit", unit="ug/min")
