"""The timeline service grades exactly as the core does; grade records reproduce; the census reads them."""

from __future__ import annotations

from datetime import date, timedelta

from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.core.snapshot import IceAssessment, Snapshot
from cartox_desk.core.timeline import build_timeline
from cartox_desk.services import RULE_SET_VERSION, Services
from tests.services.conftest import NOW


def _fever_then_tocilizumab(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    pid = patient.patient_id
    t0 = NOW - timedelta(hours=10)
    svc.record_vitals(pid, t0, by=nurse, temperature_c=38.6, systolic_bp_mmhg=84, diastolic_bp_mmhg=50)
    svc.record_ice(pid, t0 + timedelta(minutes=10), by=nurse, ice=IceAssessment(4, 3, 1, 1, 1))
    svc.record_medication(
        pid, t0 + timedelta(hours=1), by=nurse, kind="tocilizumab", dose=580, unit="mg", route="IV"
    )
    # afebrile after tocilizumab, still hypotensive: CRS is graded without fever (clinical-rules §1 rule 2)
    svc.record_vitals(
        pid, t0 + timedelta(hours=6), by=nurse, temperature_c=37.0, systolic_bp_mmhg=86, diastolic_bp_mmhg=52
    )
    svc.record_ice(pid, t0 + timedelta(hours=6, minutes=5), by=nurse, ice=IceAssessment(3, 3, 1, 0, 1))


def test_timeline_grades_match_the_core(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    _fever_then_tocilizumab(svc, patient, nurse)
    tl = svc.get_patient_timeline(patient.patient_id)
    # the same records through the pure core give the same timeline
    core = build_timeline(
        patient,
        svc.tz,
        tl.generated_at,
        vitals=tl.vitals,
        oxygen=tl.oxygen,
        vasopressors=tl.vasopressors,
        fluid_boluses=tl.fluid_boluses,
        labs=tl.labs,
        encephalopathy=tl.encephalopathy,
        neuro_exams=tl.neuro_exams,
        medications=tl.medications,
        interventions=tl.interventions,
    )
    assert tl.grades == core.grades
    assert tl.daily_max == core.daily_max
    assert tl.episodes == core.episodes
    # every point is what grade_snapshot says about its snapshot
    for point in tl.grades:
        assert grade_snapshot(point.snapshot).crs == point.crs
    by_time = {g.at: g for g in tl.grades}
    late = by_time[NOW - timedelta(hours=4)]
    assert late.snapshot.fever_masked and late.snapshot.temperature_c == 37.0
    assert late.crs.grade == 2
    # by hand: without masking the same snapshot would be no CRS
    unmasked = Snapshot(
        age_years=late.snapshot.age_years, weight_kg=72.5, temperature_c=37.0, hypotension=True
    )
    assert grade_snapshot(unmasked).crs.grade == 0
    icans = by_time[NOW - timedelta(hours=4) + timedelta(minutes=5)].icans
    assert icans.grade == 1 and icans.score == 8
    assert len(tl.tocilizumab_doses) == 1
    assert [e.kind.value for e in tl.episodes if e.kind.value == "crs"] == ["crs"]


def test_saved_grades_reproduce(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    _fever_then_tocilizumab(svc, patient, nurse)
    stored = svc.grade_history(patient.patient_id)
    tl = svc.get_patient_timeline(patient.patient_id)
    assert stored, "saving graded records stores grade records"
    assert {g.at for g in stored} <= {g.at for g in tl.grades}
    last = stored[-1]
    assert last.rule_set_version == RULE_SET_VERSION and last.protocol_id == "CSCO-2024"
    assert last.snapshot == tl.grades[-1].snapshot
    assert (last.crs_grade, last.icans_grade) == (tl.grades[-1].crs.grade, tl.grades[-1].icans.grade)
    kept, today = svc.reproduce_grade(last.grade_id)
    assert today.crs.grade == kept.crs_grade and today.icans.grade == kept.icans_grade
    assert today.crs.drivers == kept.crs_drivers


def test_amendment_regrades_what_it_touches(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    pid = patient.patient_id
    v = svc.record_vitals(pid, NOW - timedelta(hours=2), by=nurse, temperature_c=39.0)
    svc.record_ice(pid, NOW - timedelta(hours=1), by=nurse, ice=IceAssessment(4, 3, 1, 1, 1))
    assert svc.ward_census()[0].crs_grade == 1
    svc.amend_vitals(v.meta.record_id, by=nurse, reason="rectal probe misread", temperature_c=37.0)
    row = svc.ward_census()[0]
    assert row.crs_grade == 0 and row.icans_grade == 0
    assert row.crs_max_24h == 1  # the grade shown before the correction stays in the history


def test_ward_census(svc: Services, patient: PatientSummary, nurse: UserRef, clock) -> None:
    child = svc.admit_patient(
        by=nurse,
        mrn="MRN002",
        name="Li Na",
        sex="female",
        date_of_birth=date(2019, 1, 2),
        diagnosis="B-ALL",
        target="CD19",
        infusion_at=NOW - timedelta(days=5),
        ward="Haem 5",
        bed="2",
        weight_kg=22,
    )
    svc.admit_patient(
        by=nurse,
        mrn="MRN003",
        name="Wu Fang",
        sex="female",
        date_of_birth=date(1980, 1, 2),
        diagnosis="MM",
        target="BCMA",
        infusion_at=NOW + timedelta(days=3),
        ward="Haem 5",
        bed="7",
    )
    pid = patient.patient_id
    svc.record_vitals(
        pid,
        NOW - timedelta(hours=3),
        by=nurse,
        temperature_c=38.9,
        systolic_bp_mmhg=110,
        diastolic_bp_mmhg=70,
    )
    svc.record_oxygen(pid, NOW - timedelta(hours=3), by=nurse, device="face_mask", flow_l_min=6)
    svc.record_ice(pid, NOW - timedelta(hours=2), by=nurse, ice=IceAssessment(2, 2, 1, 0, 0))
    svc.record_vitals(child.patient_id, NOW - timedelta(hours=1), by=nurse, temperature_c=37.2)
    rows = svc.ward_census()
    assert [r.mrn for r in rows] == ["MRN001", "MRN002", "MRN003"]  # worst grade first, then overdue, bed
    adult, kid, lymphodepletion = rows
    assert (adult.crs_grade, adult.icans_grade, adult.crs_max_24h, adult.icans_max_24h) == (3, 2, 3, 2)
    assert adult.day == 2 and adult.bed == "12" and round(adult.age_years or 0) == 58
    assert adult.next_assessment_due_at == NOW - timedelta(hours=2) + timedelta(hours=8)
    assert not adult.assessment_overdue and adult.due == ()
    assert kid.day == 5 and kid.icans_status == "not_assessed" and kid.crs_grade == 0
    assert kid.assessment_overdue and kid.due == ("capd_overdue",)  # a 7-year-old: CAPD
    assert lymphodepletion.day == -3 and lymphodepletion.crs_grade is None
    # no vital signs at all: due now ("never falsely calm"); the baseline ICE is due by the infusion
    assert lymphodepletion.due == ("vitals_overdue",) and not lymphodepletion.assessment_overdue
    assert lymphodepletion.next_assessment_due_at == NOW + timedelta(days=3)
    # the alerts kept in the record (refreshed after every write), none acknowledged yet
    assert all(r.alert_count == len(svc.active_alerts(r.patient_id)) for r in rows)
    assert all(r.unacknowledged_alerts == r.alert_count for r in rows)
    assert adult.alert_count > 0
    # 13 h later vitals are overdue for everyone after infusion
    clock.now = NOW + timedelta(hours=13)
    later = {r.mrn: r for r in svc.ward_census()}
    assert later["MRN001"].vitals_overdue and "vitals_overdue" in later["MRN001"].due
    assert later["MRN001"].crs_max_24h == 3 and later["MRN001"].assessment_overdue
    assert later["MRN002"].vitals_overdue


def test_timeline_cache_sees_writes_from_another_process(
    svc: Services, db_path, patient: PatientSummary, nurse: UserRef, clock
) -> None:
    from cartox_desk.config import path_to_url
    from tests.services.conftest import TZ

    pid = patient.patient_id
    a = svc.record_vitals(pid, NOW - timedelta(hours=3), by=nurse, temperature_c=37.0)
    b = svc.record_vitals(pid, NOW - timedelta(hours=2), by=nurse, temperature_c=37.2)
    assert svc.get_patient_timeline(pid).vitals == (a, b)  # now cached
    other = Services.from_url(path_to_url(db_path), migrate=False, tz=TZ, clock=clock)  # a second window
    a2 = other.amend_vitals(a.meta.record_id, by=nurse, reason="typo", temperature_c=38.1)
    other.void_record("vitals", b.meta.record_id, by=nurse, reason="wrong patient")
    c = other.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=36.9)
    other.close()
    fresh = svc.get_patient_timeline(pid)
    assert fresh.vitals == (a2, c)
    assert svc.get_patient_timeline(pid, at=NOW - timedelta(minutes=90)).vitals == (a2,)
    # a refused write inside a transaction leaves the cache untouched
    svc.record_ice(pid, NOW, by=nurse, ice=IceAssessment(4, 3, 1, 1, 1))
    assert len(svc.get_patient_timeline(pid).encephalopathy) == 1


def test_amendment_that_moves_a_record_earlier(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    pid = patient.patient_id
    v = svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=37.0)
    svc.get_patient_timeline(pid)  # cached with the original
    moved = svc.amend_vitals(v.meta.record_id, by=nurse, reason="wrong time", at=NOW - timedelta(hours=5))
    w = svc.record_vitals(pid, NOW - timedelta(hours=3), by=nurse, temperature_c=37.1)
    assert svc.get_patient_timeline(pid).vitals == (moved, w)
    fresh = Services.from_engine(svc.engine, tz=svc.tz, clock=svc.now)  # cold: rows arrive in time order
    assert fresh.get_patient_timeline(pid).vitals == (moved, w)


def test_warm_cache(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    v = svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_c=37.0)
    assert svc.warm_cache() == 1
    assert svc.get_patient_timeline(patient.patient_id).vitals == (v,)


def test_backdated_tocilizumab_regrades_later_points(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    pid = patient.patient_id
    t0 = NOW - timedelta(hours=8)
    svc.record_vitals(pid, t0, by=nurse, temperature_c=38.6, systolic_bp_mmhg=84, diastolic_bp_mmhg=50)
    svc.record_vitals(
        pid, t0 + timedelta(hours=6), by=nurse, temperature_c=37.0, systolic_bp_mmhg=85, diastolic_bp_mmhg=50
    )
    assert svc.ward_census()[0].crs_grade == 0  # afebrile: no CRS without masking
    svc.record_medication(
        pid, t0 + timedelta(hours=1), by=nurse, kind="tocilizumab", dose=580, unit="mg", route="IV"
    )  # entered late
    assert svc.ward_census()[0].crs_grade == 2  # fever masked after tocilizumab (clinical-rules §1 rule 2)
