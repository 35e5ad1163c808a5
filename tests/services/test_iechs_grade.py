"""The physician records the IEC-HS grade (issue 6; CSCO-2024 §4.3.2): stored append-only like every
clinical record, audited, refused when implausible or not a physician's, carried by the timeline, and fed
to the management engine so the plan shows the IEC-HS treatment lines for the grade in force."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from cartox_desk.core.records import IechsGrade, PatientSummary, UserRef
from cartox_desk.persistence.tables import AuditEventRecord, IechsGradeRecord
from cartox_desk.services import Services
from cartox_desk.services.errors import ValidationError

from .conftest import NOW

IECHS_LINES = {"iechs.first_line", "iechs.second_line", "iechs.third_line", "iechs.support.hemoglobin"}


def _rows(svc: Services, table: Any = IechsGradeRecord) -> int:
    with svc.session() as s:
        return int(s.execute(select(func.count()).select_from(table)).scalar_one())


def _iechs_codes(svc: Services, patient_id: int) -> set[str]:
    plan = svc.management_plan(svc.get_patient_timeline(patient_id))
    return {r.code for r in plan.recommendations if r.applies_to == "iechs"}


def test_round_trip_audit_and_timeline(svc: Services, patient: PatientSummary, physician: UserRef) -> None:
    at = NOW - timedelta(hours=1)
    note = "ferritin 48,000; fibrinogen 0.9"
    rec = svc.record_iechs_grade(patient.patient_id, at, by=physician, grade=2, note=note)
    assert isinstance(rec, IechsGrade)
    assert (rec.grade, rec.note, rec.meta.at, rec.meta.entered_by) == (
        2, "ferritin 48,000; fibrinogen 0.9", at, "Dr Chen")
    tl = svc.get_patient_timeline(patient.patient_id)
    assert [g.grade for g in tl.iechs_grades] == [2]
    assert tl.iechs_grades[0].meta.record_id == rec.meta.record_id
    assert tl.iechs_grade_at(NOW) == tl.iechs_grades[0]
    assert tl.iechs_grade_at(at - timedelta(minutes=1)) is None
    with svc.session() as s:
        q = select(AuditEventRecord).where(AuditEventRecord.entity == "iechs_grade")
        events = list(s.execute(q).scalars())
    assert [(e.action, e.entity_id, e.after["grade"] if e.after else None) for e in events] == [
        ("create", rec.meta.record_id, 2)]
    assert events[0].user_id == physician.user_id and events[0].patient_id == patient.patient_id


@pytest.mark.parametrize(
    ("grade", "says"),
    [(6, "6 is out of range"), (-1, "-1 is out of range"), (2.5, "not a whole number"), (None, "required"),
     ("two", "not a whole number"), (True, "not a whole number"), (float("nan"), "not a whole number")],
)
def test_refused_grade_writes_nothing(
    svc: Services, patient: PatientSummary, physician: UserRef, grade: Any, says: str
) -> None:
    before = (_rows(svc), _rows(svc, AuditEventRecord))
    with pytest.raises(ValidationError) as info:
        svc.record_iechs_grade(patient.patient_id, NOW, by=physician, grade=grade)
    assert info.value.problems[0].field == "grade"
    message = info.value.problems[0].message
    assert message.startswith("grade: ") and says in message and "0-5" in message
    assert (_rows(svc), _rows(svc, AuditEventRecord)) == before


def test_a_nurse_cannot_record_amend_or_withdraw_it(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef
) -> None:
    before = _rows(svc)
    with pytest.raises(ValidationError, match="by: only a physician records an IEC-HS grade"):
        svc.record_iechs_grade(patient.patient_id, NOW, by=nurse, grade=1)
    assert _rows(svc) == before
    rec = svc.record_iechs_grade(patient.patient_id, NOW, by=physician, grade=1)
    with pytest.raises(ValidationError, match="only a physician"):
        svc.amend_iechs_grade(rec.meta.record_id, by=nurse, reason="typo", grade=2)
    with pytest.raises(ValidationError, match="only a physician"):
        svc.void_record("iechs_grade", rec.meta.record_id, by=nurse, reason="wrong patient")
    assert _rows(svc) == before + 1


def test_amendment_keeps_the_original(svc: Services, patient: PatientSummary, physician: UserRef) -> None:
    rec = svc.record_iechs_grade(patient.patient_id, NOW - timedelta(hours=2), by=physician, grade=2)
    why = "bleeding needs transfusion"
    new = svc.amend_iechs_grade(rec.meta.record_id, by=physician, reason=why, grade=3)
    assert (new.grade, new.meta.amends_id, new.meta.amendment_reason) == (
        3, rec.meta.record_id, "bleeding needs transfusion")
    history = svc.record_history("iechs_grade", rec.meta.record_id)
    assert [(v.record.grade, v.current) for v in history] == [(2, False), (3, True)]
    assert [g.grade for g in svc.get_patient_timeline(patient.patient_id).iechs_grades] == [3]
    with pytest.raises(ValidationError, match="grade: 7 is out of range"):
        svc.amend_iechs_grade(new.meta.record_id, by=physician, reason="x", grade=7)
    svc.void_record("iechs_grade", new.meta.record_id, by=physician, reason="entered on the wrong patient")
    assert svc.get_patient_timeline(patient.patient_id).iechs_grades == ()
    assert len(svc.record_history("iechs_grade", rec.meta.record_id)) == 3


def test_the_plan_shows_the_iechs_lines_for_the_grade_in_force(
    svc: Services, patient: PatientSummary, physician: UserRef, clock: Any
) -> None:
    pid = patient.patient_id
    assert _iechs_codes(svc, pid) == set()  # nothing recorded: no IEC-HS treatment lines
    svc.record_iechs_grade(pid, NOW - timedelta(hours=30), by=physician, grade=2)
    codes = _iechs_codes(svc, pid)
    assert codes >= IECHS_LINES
    plan = svc.management_plan(svc.get_patient_timeline(pid))
    first = next(r for r in plan.recommendations if r.code == "iechs.first_line")
    assert first.grade == 2 and first.source == "CSCO-2024 §4.3.3"
    clock.now = NOW + timedelta(days=3)  # an old grade is still the one in force until a newer record
    assert _iechs_codes(svc, pid) >= IECHS_LINES
    svc.record_iechs_grade(pid, clock.now - timedelta(minutes=1), by=physician, grade=0, note="resolved")
    assert _iechs_codes(svc, pid) == set()  # 0 = resolved / ruled out ends the lines
    assert svc.get_patient_timeline(pid).iechs_grade_at(clock.now).grade == 0  # type: ignore[union-attr]


def test_grade_5_is_recorded_without_treatment_lines(
    svc: Services, patient: PatientSummary, physician: UserRef
) -> None:
    svc.record_iechs_grade(patient.patient_id, NOW, by=physician, grade=5)
    assert _iechs_codes(svc, patient.patient_id) == set()  # death: the engine gives no management rows


def test_the_demo_wards_iechs_patient_has_the_physicians_grade(tmp_path: Any) -> None:
    from cartox_desk.services.demo_ward import build_demo_database

    services, _ward = build_demo_database(tmp_path / "demo.sqlite3")
    try:
        tl = services.get_patient_timeline(mrn="DEMO-05")
        in_force = tl.iechs_grade_at(tl.generated_at)
        assert in_force is not None and in_force.grade == 2 and in_force.meta.entered_by.startswith("Dr")
        assert _iechs_codes(services, tl.patient.patient_id) >= IECHS_LINES
    finally:
        services.close()
