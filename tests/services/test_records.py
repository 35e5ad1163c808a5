"""Every recording service round-trips; refused values write nothing; every write has one audit event."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import (
    InterventionKind,
    MedicationKind,
    PatientSummary,
    UserRef,
    VasopressorEvent,
)
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    DoseRateUnit,
    IceAssessment,
    IceUnable,
    IcpFinding,
    OxygenDevice,
    Seizure,
    VasopressorDrug,
)
from cartox_desk.persistence.tables import CLINICAL_TABLES, AuditEventRecord, GradeRecord, PatientRecord
from cartox_desk.services import NotFoundError, Services, ValidationError
from tests.services.conftest import NOW


def _count(svc: Services, table: type) -> int:
    with svc.session() as s:
        return int(s.execute(select(func.count()).select_from(table)).scalar_one())


def _all_counts(svc: Services) -> dict[str, int]:
    counts = {k: _count(svc, t) for k, t in CLINICAL_TABLES.items()}
    counts["audit"] = _count(svc, AuditEventRecord)
    counts["grade"] = _count(svc, GradeRecord)
    counts["patient"] = _count(svc, PatientRecord)
    return counts


def test_users_round_trip(svc: Services) -> None:
    n = svc.create_user("Nurse A", "nurse")
    d = svc.create_user("Dr B", "physician")
    a = svc.create_user("Admin C", "admin", by=d)
    assert {u.name for u in svc.list_users()} == {"Nurse A", "Dr B", "Admin C"}
    assert svc.get_user(n.user_id) == n
    assert a.role.value == "admin"
    with pytest.raises(ValidationError, match="role"):
        svc.create_user("X", "surgeon")
    with pytest.raises(ValidationError, match="already exists"):
        svc.create_user("Nurse A", "nurse")


def test_admit_and_list_patients(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    assert svc.get_patient(patient.patient_id) == patient
    assert svc.get_patient(mrn="MRN001") == patient
    assert svc.list_patients() == [patient]
    assert patient.day(NOW, svc.tz) == 2
    with pytest.raises(ValidationError, match="already registered"):
        svc.admit_patient(
            by=nurse, mrn="MRN001", name="Other", sex="female", diagnosis="MM", target="BCMA", infusion_at=NOW
        )
    with pytest.raises(ValidationError, match=r"weight_kg: 400 is outside 0\.5-350 kg"):
        svc.admit_patient(
            by=nurse,
            mrn="MRN002",
            name="Other",
            sex="female",
            diagnosis="MM",
            target="BCMA",
            infusion_at=NOW,
            weight_kg=400,
        )
    moved = svc.update_patient(patient.patient_id, by=nurse, reason="moved to ICU", ward="ICU", bed="3")
    assert (moved.ward, moved.bed) == ("ICU", "3")
    event = svc.audit_events(patient_id=patient.patient_id, limit=1)[0]
    assert event.action == "update" and event.before["bed"] == "12" and event.after["bed"] == "3"
    with pytest.raises(NotFoundError):
        svc.get_patient(999)


def test_every_service_round_trips_through_the_timeline(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    pid = patient.patient_id
    t = NOW - timedelta(hours=6)
    vit = svc.record_vitals(
        pid,
        t,
        by=nurse,
        temperature_c=38.4,
        heart_rate_per_min=104,
        systolic_bp_mmhg=112,
        diastolic_bp_mmhg=64,
        mean_bp_mmhg=80,
        respiratory_rate_per_min=20,
        spo2_pct=95,
    )
    ox = svc.record_oxygen(
        pid, t + timedelta(minutes=5), by=nurse, device=OxygenDevice.NASAL_CANNULA, flow_l_min=3
    )
    vaso = svc.record_vasopressor(
        pid,
        t + timedelta(minutes=10),
        by=nurse,
        drug=VasopressorDrug.NOREPINEPHRINE,
        event=VasopressorEvent.START,
        dose=0.05,
        unit=DoseRateUnit.UG_PER_KG_PER_MIN,
    )
    bolus = svc.record_fluid_bolus(pid, t + timedelta(minutes=15), by=nurse, volume_ml=500, fluid="NS")
    lab = svc.record_lab(
        pid,
        t + timedelta(minutes=20),
        by=nurse,
        analyte=Analyte.HEMOGLOBIN,
        value=9.8,
        unit="g/dL",
        reported_at=t + timedelta(hours=1),
    )
    ice = svc.record_ice(pid, t + timedelta(minutes=25), by=nurse, ice=IceAssessment(4, 3, 1, 0, 1))
    neuro = svc.record_neuro_exam(
        pid,
        t + timedelta(minutes=30),
        by=nurse,
        consciousness=Consciousness.ALERT,
        seizure=Seizure.NONE,
        icp_findings=[IcpFinding.PAPILLEDEMA],
        imaging_result="MRI: no edema",
    )
    med = svc.record_medication(
        pid,
        t + timedelta(minutes=35),
        by=nurse,
        kind=MedicationKind.TOCILIZUMAB,
        drug_name="tocilizumab",
        dose=580,
        unit="mg",
        route="IV",
    )
    intervention = svc.record_intervention(
        pid, t + timedelta(minutes=40), by=nurse, kind=InterventionKind.ICU_TRANSFER, note="bed 3"
    )
    tl = svc.get_patient_timeline(pid)
    assert tl.vitals == (vit,)
    assert tl.oxygen == (ox,)
    assert tl.vasopressors == (vaso,)
    assert tl.fluid_boluses == (bolus,)
    assert tl.labs == (lab,)
    assert tl.encephalopathy == (ice,)
    assert tl.neuro_exams == (neuro,)
    assert tl.medications == (med,)
    assert tl.interventions == (intervention,)
    assert tl.tocilizumab_doses == (med,)
    assert vit.meta.entered_by == "Nurse Wang" and vit.meta.at == t
    assert (
        lab.value == 98.0
        and lab.unit == "g/L"
        and lab.value_as_entered == 9.8
        and lab.unit_as_entered == "g/dL"
    )
    assert lab.loinc == "718-7"
    assert ice.score == 9
    assert tl.generated_at == NOW
    # by MRN, too
    assert svc.get_patient_timeline(mrn="MRN001").vitals == (vit,)


def test_capd_and_unable_round_trip(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    capd = CapdAssessment(*([CapdAnswer.OFTEN] * 4 + [CapdAnswer.SOMETIMES] * 4))
    a = svc.record_capd(patient.patient_id, NOW - timedelta(hours=2), by=nurse, capd=capd)
    b = svc.record_capd(patient.patient_id, NOW - timedelta(hours=1), by=nurse, unable=True)
    c = svc.record_ice(patient.patient_id, NOW, by=nurse, unable=IceUnable.APHASIA)
    assert a.capd == capd and a.score == 4 * 1 + 4 * 2
    assert b.capd_unable and b.score is None
    assert c.ice_unable is IceUnable.APHASIA
    assert svc.get_patient_timeline(patient.patient_id).encephalopathy == (a, b, c)


def test_temperature_in_fahrenheit_is_converted_and_kept(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    v = svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_f=101.3)
    assert v.temperature_c == pytest.approx(38.5, abs=0.01)
    with pytest.raises(ValidationError, match="temperature_f: 120 is outside 86-113 °F"):
        svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_f=120)


REFUSED = [
    ("vitals", {"temperature_c": 46}, "temperature_c: 46 is outside 30-45 °C"),
    ("vitals", {"heart_rate_per_min": 301}, "heart_rate_per_min: 301 is outside 20-300/min"),
    ("vitals", {"systolic_bp_mmhg": 20}, "systolic_bp_mmhg: 20 is outside 30-300 mmHg"),
    (
        "vitals",
        {"systolic_bp_mmhg": 90, "diastolic_bp_mmhg": 95},
        "diastolic_bp_mmhg: 95 is not below systolic",
    ),
    ("vitals", {"spo2_pct": 101}, "spo2_pct: 101 is outside 30-100 %"),
    ("vitals", {"respiratory_rate_per_min": 120}, "respiratory_rate_per_min: 120 is outside 0-100/min"),
    ("vitals", {}, "nothing recorded"),
    ("oxygen", {"device": "nasal_cannula", "flow_l_min": 90}, "flow_l_min: 90 is outside 0-80 L/min"),
    ("oxygen", {"device": "helmet"}, "device: 'helmet' is not one of"),
    (
        "vasopressor",
        {"drug": "norepinephrine", "event": "start", "dose": 0, "unit": "ug/min"},
        "dose: 0 must be greater than 0",
    ),
    ("fluid_bolus", {"volume_ml": -5}, "volume_ml: -5 must be greater than 0"),
    ("lab", {"analyte": "platelets", "value": -1, "unit": "10^9/L"}, "value: -1 must be 0 or more"),
    ("lab", {"analyte": "hemoglobin", "value": 9, "unit": "mmol/L"}, "use one of g/L, g/dL"),
    ("ice", {"ice": IceAssessment(5, 3, 1, 1, 1)}, "ice.orientation: 5 is outside 0-4"),
    ("ice", {}, "either the ICE items"),
    ("medication", {"kind": "tocilizumab", "dose": 0, "unit": "mg"}, "dose: 0 must be greater than 0"),
    ("intervention", {"kind": "surgery"}, "kind: 'surgery' is not one of"),
    ("neuro_exam", {}, "nothing recorded"),
]


@pytest.mark.parametrize(("service", "kwargs", "message"), REFUSED)
def test_refused_values_write_nothing(
    svc: Services, patient: PatientSummary, nurse: UserRef, service: str, kwargs: dict, message: str
) -> None:
    before = _all_counts(svc)
    with pytest.raises(ValidationError) as info:
        getattr(svc, f"record_{service}")(patient.patient_id, NOW, by=nurse, **kwargs)
    assert message in str(info.value)
    assert info.value.problems and all(p.field for p in info.value.problems)
    assert _all_counts(svc) == before


def test_times_are_checked(svc: Services, patient: PatientSummary, nurse: UserRef) -> None:
    before = _all_counts(svc)
    with pytest.raises(ValidationError, match="more than 5 minutes in the future"):
        svc.record_vitals(patient.patient_id, NOW + timedelta(minutes=6), by=nurse, temperature_c=37)
    with pytest.raises(ValidationError, match="before the date of birth"):
        svc.record_vitals(
            patient.patient_id, datetime(1960, 1, 1, tzinfo=NOW.tzinfo), by=nurse, temperature_c=37
        )
    with pytest.raises(ValidationError, match="no time zone"):
        svc.record_vitals(patient.patient_id, NOW.replace(tzinfo=None), by=nurse, temperature_c=37)
    with pytest.raises(ValidationError, match="reported_at: before the time the sample was collected"):
        svc.record_lab(
            patient.patient_id,
            NOW,
            by=nurse,
            analyte="crp",
            value=5,
            unit="mg/L",
            reported_at=NOW - timedelta(hours=1),
        )
    assert _all_counts(svc) == before
    # within the 5-minute tolerance is accepted
    svc.record_vitals(patient.patient_id, NOW + timedelta(minutes=4), by=nurse, temperature_c=37)


def test_author_is_required_and_must_exist(svc: Services, patient: PatientSummary) -> None:
    with pytest.raises(ValidationError, match="by: the author is required"):
        svc.record_vitals(patient.patient_id, NOW, by=None, temperature_c=37)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        svc.record_vitals(patient.patient_id, NOW, by=999, temperature_c=37)
    with pytest.raises(NotFoundError):
        svc.record_vitals(424242, NOW, by=1, temperature_c=37)


def test_every_write_has_exactly_one_audit_event(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef
) -> None:
    start = _count(svc, AuditEventRecord)  # users + admission
    assert start == 3
    pid = patient.patient_id
    v = svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=38.2)
    svc.record_oxygen(pid, NOW, by=nurse, device="face_mask", flow_l_min=8)
    svc.record_lab(pid, NOW, by=nurse, analyte="ferritin", value=1200, unit="ng/mL")
    svc.record_medication(pid, NOW, by=physician, kind="dexamethasone", dose=10, unit="mg", route="IV")
    svc.amend_vitals(v.meta.record_id, by=physician, reason="wrong probe", temperature_c=37.6)
    # each clinical write: one event; the alert refresh after it is its own audited transaction
    events = [e for e in svc.audit_events(patient_id=pid) if e.entity != "alert"]
    assert len(events) == 5 + 1  # + the admission
    assert _count(svc, AuditEventRecord) == start + 5 + sum(
        1 for e in svc.audit_events(patient_id=pid) if e.entity == "alert"
    )
    assert [e.action for e in events[:5]] == ["amend", "create", "create", "create", "create"]
    amend = events[0]
    assert amend.user == "Dr Chen" and amend.entity == "vitals" and amend.summary == "wrong probe"
    assert amend.before["temperature_c"] == 38.2 and amend.after["temperature_c"] == 37.6
    assert amend.after["amends_id"] == v.meta.record_id
    create = events[-2]
    assert create.before is None and create.after["temperature_c"] == 38.2 and create.user == "Nurse Wang"
    assert events[-1].action == "admit"


def test_amendment_keeps_the_original_and_history_shows_both(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef
) -> None:
    pid = patient.patient_id
    v = svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=39.9, heart_rate_per_min=98)
    rows_before = _count(svc, CLINICAL_TABLES["vitals"])
    a = svc.amend_vitals(v.meta.record_id, by=physician, reason="typo: 36.9", temperature_c=36.9)
    assert _count(svc, CLINICAL_TABLES["vitals"]) == rows_before + 1
    assert a.meta.amends_id == v.meta.record_id and a.meta.amendment_reason == "typo: 36.9"
    assert a.meta.entered_by == "Dr Chen" and a.heart_rate_per_min == 98  # unchanged fields carried over
    history = svc.record_history("vitals", a.meta.record_id)
    assert [h.record for h in history] == [v, a]
    assert [h.current for h in history] == [False, True]
    assert svc.record_history("vitals", v.meta.record_id) == history
    assert svc.get_patient_timeline(pid).vitals == (a,)
    # the original can no longer be amended; the reason is required; refused amendments write nothing
    before = _all_counts(svc)
    with pytest.raises(ValidationError, match="already amended"):
        svc.amend_vitals(v.meta.record_id, by=physician, reason="again", temperature_c=37)
    with pytest.raises(ValidationError, match="reason"):
        svc.amend_vitals(a.meta.record_id, by=physician, reason="  ", temperature_c=37)
    with pytest.raises(ValidationError, match="temperature_c: 50 is outside 30-45 °C"):
        svc.amend_vitals(a.meta.record_id, by=physician, reason="x", temperature_c=50)
    assert _all_counts(svc) == before
    # a second amendment chains on the first
    b = svc.amend_vitals(a.meta.record_id, by=physician, reason="time", at=NOW - timedelta(minutes=50))
    assert [h.record.meta.record_id for h in svc.record_history("vitals", v.meta.record_id)] == [
        v.meta.record_id,
        a.meta.record_id,
        b.meta.record_id,
    ]
    assert svc.get_patient_timeline(pid).vitals == (b,)


@pytest.mark.parametrize(
    "kind",
    [
        "oxygen",
        "vasopressor",
        "fluid_bolus",
        "lab",
        "ice",
        "capd",
        "neuro_exam",
        "medication",
        "intervention",
    ],
)
def test_every_kind_can_be_amended(svc: Services, patient: PatientSummary, nurse: UserRef, kind: str) -> None:
    pid, t = patient.patient_id, NOW - timedelta(hours=1)
    cases = {
        "oxygen": (
            lambda: svc.record_oxygen(pid, t, by=nurse, device="nasal_cannula", flow_l_min=2),
            {"flow_l_min": 4},
            "flow_l_min",
            4,
        ),
        "vasopressor": (
            lambda: svc.record_vasopressor(
                pid, t, by=nurse, drug="norepinephrine", event="start", dose=5, unit="ug/min"
            ),
            {"dose": 8},
            "dose",
            8,
        ),
        "fluid_bolus": (
            lambda: svc.record_fluid_bolus(pid, t, by=nurse, volume_ml=250),
            {"volume_ml": 500},
            "volume_ml",
            500,
        ),
        "lab": (
            lambda: svc.record_lab(pid, t, by=nurse, analyte="creatinine", value=1.1, unit="mg/dL"),
            {"value": 1.2},
            "value",
            pytest.approx(1.2 * 88.4),
        ),
        "ice": (
            lambda: svc.record_ice(pid, t, by=nurse, ice=IceAssessment(4, 3, 1, 1, 1)),
            {"ice": IceAssessment(3, 3, 1, 1, 1)},
            "score",
            9,
        ),
        "capd": (
            lambda: svc.record_capd(
                pid, t, by=nurse, capd=CapdAssessment(*[CapdAnswer.ALWAYS] * 4, *[CapdAnswer.NEVER] * 4)
            ),
            {"capd": CapdAssessment(*[CapdAnswer.NEVER] * 8)},
            "score",
            16,
        ),
        "neuro_exam": (
            lambda: svc.record_neuro_exam(pid, t, by=nurse, consciousness="alert"),
            {"seizure": "resolved_rapidly"},
            "seizure",
            Seizure.RESOLVED_RAPIDLY,
        ),
        "medication": (
            lambda: svc.record_medication(
                pid, t, by=nurse, kind="antipyretic", drug_name="paracetamol", dose=500, unit="mg", route="PO"
            ),
            {"dose": 1000},
            "dose",
            1000,
        ),
        "intervention": (
            lambda: svc.record_intervention(pid, t, by=nurse, kind="imaging", note="CT"),
            {"note": "MRI"},
            "note",
            "MRI",
        ),
    }
    make, changes, attr, expected = cases[kind]
    original = make()
    amend = getattr(svc, f"amend_{kind}")
    new = amend(original.meta.record_id, by=nurse, reason="correction", **changes)
    assert getattr(new, attr) == expected
    store_kind = "encephalopathy" if kind in ("ice", "capd") else kind
    assert [h.record for h in svc.record_history(store_kind, original.meta.record_id)] == [original, new]


def test_void_withdraws_from_the_timeline_but_not_the_history(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    v = svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_c=37.1)
    version = svc.void_record("vitals", v.meta.record_id, by=nurse, reason="wrong patient")
    assert version.voided
    assert svc.get_patient_timeline(patient.patient_id).vitals == ()
    history = svc.record_history("vitals", v.meta.record_id)
    assert [h.voided for h in history] == [False, True]
    with pytest.raises(ValidationError, match="withdrew"):
        svc.amend_vitals(history[-1].record.meta.record_id, by=nurse, reason="x", temperature_c=37)


def test_foreign_keys_are_enforced(svc: Services, patient: PatientSummary) -> None:
    from sqlalchemy.exc import IntegrityError

    table = CLINICAL_TABLES["intervention"]
    with svc.session() as s, pytest.raises(IntegrityError):
        s.add(table(patient_id=999, at=NOW, entered_by_id=1, kind="eeg"))  # type: ignore[call-arg]
        s.commit()


def test_lab_unit_conversions() -> None:
    from cartox_desk.core.labs import to_canonical

    assert to_canonical(Analyte.PLATELETS, 45, "10^3/µL") == 45
    assert to_canonical(Analyte.ANC, 0.4, "10^9/L") == 0.4
    assert to_canonical(Analyte.WBC, 3.2, "10*3/uL") == 3.2
    assert to_canonical(Analyte.HEMOGLOBIN, 9.5, "g/dL") == 95
    assert to_canonical(Analyte.CREATININE, 1.0, "mg/dL") == pytest.approx(88.4)
    assert to_canonical(Analyte.CREATININE, 80, "µmol/L") == 80
    assert to_canonical(Analyte.CRP, 5, "mg/dL") == 50
    assert to_canonical(Analyte.FIBRINOGEN, 1.5, "g/L") == 150
    assert to_canonical(Analyte.IGG, 4, "g/L") == 400
    assert to_canonical(Analyte.FERRITIN, 800, "µg/L") == 800
    assert to_canonical("il6", 12, "pg/mL") == 12
    with pytest.raises(ValueError, match="creatinine: unit 'mmol/L' is not accepted; use one of umol/L"):
        to_canonical(Analyte.CREATININE, 1, "mmol/L")


def test_patient_date_checks(svc: Services, nurse: UserRef) -> None:
    with pytest.raises(ValidationError, match="date_of_birth"):
        svc.admit_patient(
            by=nurse,
            mrn="X",
            name="Y",
            sex="male",
            diagnosis="FL",
            target="CD19",
            infusion_at=NOW,
            date_of_birth=date(2030, 1, 1),
        )
    with pytest.raises(ValidationError, match="infusion_at"):
        svc.admit_patient(
            by=nurse,
            mrn="X",
            name="Y",
            sex="male",
            diagnosis="FL",
            target="CD19",
            infusion_at=NOW.replace(tzinfo=None),
        )
    assert svc.list_patients() == []


def test_encephalopathy_amendment_by_kind_name(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    """The GUI amends by the record's kind: `amend_encephalopathy`; "ice" / "capd" are accepted kinds too."""
    original = svc.record_ice(patient.patient_id, NOW, by=nurse, ice=IceAssessment(4, 3, 1, 1, 1))
    fixed = svc.amend_encephalopathy(
        original.meta.record_id, by=nurse, reason="naming 2/3", ice=IceAssessment(4, 2, 1, 1, 1)
    )
    assert fixed.score == 9
    assert [v.record for v in svc.record_history("ice", original.meta.record_id)] == [original, fixed]
    with pytest.raises(ValueError, match="unknown record kind"):
        svc.record_history("x-ray", 1)


def test_amendment_refuses_unknown_fields_and_no_change(
    svc: Services, patient: PatientSummary, nurse: UserRef
) -> None:
    v = svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_c=37.2)
    before = _all_counts(svc)
    with pytest.raises(ValidationError, match="temprature_c: not a field of a vitals record"):
        svc.amend_vitals(v.meta.record_id, by=nurse, reason="typo", temprature_c=37.9)
    with pytest.raises(ValidationError, match="changes nothing"):
        svc.amend_vitals(v.meta.record_id, by=nurse, reason="typo", temperature_c=37.2)
    assert _all_counts(svc) == before
