"""Hand-built patient timelines for the report tests (no database, no grading: the figures are known)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from cartox_desk.core.labs import ANALYTES, Analyte
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    GradePoint,
    Intervention,
    InterventionKind,
    LabResult,
    MedicationAdministration,
    MedicationKind,
    OxygenRecord,
    PatientStatus,
    PatientSummary,
    PatientTimeline,
    RecordMeta,
    Sex,
    VasopressorEvent,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.results import CrsResult, Driver, IcansResult, IcansStatus, VasopressorSummary
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    OxygenDevice,
    Snapshot,
    VasopressorDrug,
)

TZ = ZoneInfo("Asia/Shanghai")
INFUSION = datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
REPORT_DAY = 2  # 2026-11-22 08:00 -> 2026-11-23 08:00 local

_ids = iter(range(1, 10**9))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """Local wall time on calendar day +day (day 0 = 2026-11-20)."""
    d = date(2026, 11, 20) + timedelta(days=day)
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=TZ)


def meta(when: datetime) -> RecordMeta:
    return RecordMeta(record_id=next(_ids), at=when, entered_by="Li Na", entered_at=when)


def patient(name: str = "Wang Jun", mrn: str = "0012345", bed: str = "03", **kw: object) -> PatientSummary:
    base = PatientSummary(
        patient_id=1,
        mrn=mrn,
        name=name,
        sex=Sex.MALE,
        date_of_birth=date(1968, 5, 1),
        weight_kg=72.0,
        height_cm=175.0,
        diagnosis=Diagnosis.LBCL,
        product_name="axi-cel",
        target=CarTarget.CD19,
        costim_domain="CD28",
        infusion_at=INFUSION,
        lymphodepletion_start=date(2026, 11, 15),
        ward="Ward 7",
        bed=bed,
        marrow_blasts_pct=None,
        baseline_ice=10,
        baseline_capd=None,
        developmental_delay=False,
        risk_notes="",
        status=PatientStatus.ADMITTED,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def lab(analyte: Analyte, when: datetime, value: float) -> LabResult:
    u = ANALYTES[analyte].canonical_unit
    return LabResult(
        meta=meta(when), analyte=analyte, value=value, unit=u, value_as_entered=value, unit_as_entered=u
    )


def grade_point(
    when: datetime,
    crs: int,
    icans: int | None,
    crs_drivers: tuple[Driver, ...] = (),
    icans_drivers: tuple[Driver, ...] = (),
    ne: float = 0.0,
) -> GradePoint:
    icans_result = (
        IcansResult(grade=None, status=IcansStatus.NOT_ASSESSED)
        if icans is None
        else IcansResult(
            grade=icans, status=IcansStatus.GRADED, tool=EncephalopathyTool.ICE, drivers=icans_drivers
        )
    )
    return GradePoint(
        at=when,
        snapshot=Snapshot(),
        crs=CrsResult(grade=crs, drivers=crs_drivers),
        icans=icans_result,
        vasopressors=VasopressorSummary(ne_equivalent_ug_min=ne),
    )


def ice(when: datetime, score: int, baseline: bool = False) -> EncephalopathyAssessment:
    orientation = min(4, score)
    rest = score - orientation
    naming = min(3, rest)
    rest -= naming
    items = IceAssessment(
        orientation=orientation,
        naming=naming,
        commands=min(1, rest),
        writing=min(1, max(0, rest - 1)),
        attention=max(0, rest - 2),
    )
    return EncephalopathyAssessment(
        meta=meta(when), tool=EncephalopathyTool.ICE, ice=items, is_baseline=baseline, score=score
    )


def med(
    kind: MedicationKind,
    when: datetime,
    dose: float,
    unit: str = "mg",
    route: str = "IV",
    name: str | None = None,
) -> MedicationAdministration:
    return MedicationAdministration(
        meta=meta(when), kind=kind, drug_name=name or kind.value, dose=dose, unit=unit, route=route
    )


FEVER = Driver("crs.fever", 1, "ASTCT-2019", (("temperature_c", "39.4"),))
HYPOTENSION = Driver("crs.hypotension.no_vasopressor", 2, "ASTCT-2019")
ONE_VASO = Driver("crs.hypotension.one_vasopressor", 3, "ASTCT-2019", (("drugs", "norepinephrine"),))
ICE8 = Driver("icans.ice", 1, "ASTCT-2019", (("score", "8"),))


def rich_timeline(name: str = "Wang Jun", mrn: str = "0012345", bed: str = "03") -> PatientTimeline:
    """A patient with grade 3 CRS on day +2: every section of the page has something to print."""
    vitals = []
    for day in range(0, 3):
        for hour in range(0, 24, 2):
            t = 37.0 + (0.2 * day)
            vitals.append(
                VitalSigns(
                    meta=meta(at(day, hour)),
                    temperature_c=round(t, 1),
                    heart_rate_per_min=88,
                    systolic_bp_mmhg=118,
                    diastolic_bp_mmhg=72,
                    spo2_pct=97,
                )
            )
    vitals += [
        VitalSigns(
            meta=meta(at(2, 14, 30)),
            temperature_c=39.4,
            heart_rate_per_min=124,
            systolic_bp_mmhg=96,
            diastolic_bp_mmhg=58,
            spo2_pct=93,
        ),
        VitalSigns(
            meta=meta(at(2, 16, 5)),
            temperature_c=38.9,
            heart_rate_per_min=130,
            systolic_bp_mmhg=84,
            diastolic_bp_mmhg=48,
            mean_bp_mmhg=60,
            spo2_pct=91,
            hypotension_confirmed=True,
        ),
    ]
    vitals.sort(key=lambda v: v.meta.at)
    oxygen = (OxygenRecord(meta=meta(at(2, 15)), device=OxygenDevice.NASAL_CANNULA, flow_l_min=3.0),)
    vaso = (
        VasopressorRecord(
            meta=meta(at(2, 17)),
            drug=VasopressorDrug.NOREPINEPHRINE,
            event=VasopressorEvent.START,
            dose=5.0,
            unit=DoseRateUnit.UG_PER_MIN,
        ),
        VasopressorRecord(
            meta=meta(at(2, 19)),
            drug=VasopressorDrug.NOREPINEPHRINE,
            event=VasopressorEvent.CHANGE,
            dose=8.0,
            unit=DoseRateUnit.UG_PER_MIN,
        ),
        VasopressorRecord(
            meta=meta(at(2, 23)),
            drug=VasopressorDrug.NOREPINEPHRINE,
            event=VasopressorEvent.STOP,
            dose=None,
            unit=DoseRateUnit.UG_PER_MIN,
        ),
    )
    labs = sorted(
        [
            lab(Analyte.IL6, at(1, 6), 45.0),
            lab(Analyte.IL6, at(2, 9), 850.0),
            lab(Analyte.CRP, at(1, 6), 38.0),
            lab(Analyte.CRP, at(2, 9), 112.0),
            lab(Analyte.FERRITIN, at(1, 6), 1200.0),
            lab(Analyte.FERRITIN, at(2, 9), 2450.0),
            lab(Analyte.PLATELETS, at(1, 6), 110.0),
            lab(Analyte.PLATELETS, at(2, 9), 85.0),
            lab(Analyte.ANC, at(1, 6), 0.9),
            lab(Analyte.ANC, at(2, 9), 0.4),
            lab(Analyte.FIBRINOGEN, at(2, 9), 310.0),
        ],
        key=lambda r: r.meta.at,
    )
    enceph = (ice(at(-1, 10), 10, baseline=True), ice(at(2, 9), 10), ice(at(2, 21), 8))
    meds = (
        med(MedicationKind.ANTIPYRETIC, at(2, 14, 45), 500, route="PO", name="paracetamol"),
        med(MedicationKind.TOCILIZUMAB, at(1, 23), 576),
        med(MedicationKind.TOCILIZUMAB, at(2, 16, 30), 576),
        med(MedicationKind.DEXAMETHASONE, at(2, 18), 10),
    )
    meds = tuple(sorted(meds, key=lambda m: m.meta.at))
    grades = (
        grade_point(at(0, 12), 0, 0),
        grade_point(at(1, 12), 1, 0, (FEVER,)),
        grade_point(at(2, 9), 0, 0),
        grade_point(at(2, 10), 1, None, (FEVER,)),
        grade_point(at(2, 16), 2, None, (FEVER, HYPOTENSION)),
        grade_point(at(2, 17, 30), 3, 1, (FEVER, ONE_VASO), (ICE8,), ne=5.0),
        grade_point(at(2, 21), 3, 1, (FEVER, ONE_VASO), (ICE8,), ne=8.0),
    )
    interventions = (
        Intervention(meta=meta(at(2, 20)), kind=InterventionKind.ICU_TRANSFER, note="bed ICU-4"),
    )
    return PatientTimeline(
        patient=patient(name=name, mrn=mrn, bed=bed),
        tz=TZ,
        generated_at=at(3, 7, 30),
        vitals=tuple(vitals),
        oxygen=oxygen,
        vasopressors=vaso,
        labs=tuple(labs),
        encephalopathy=enceph,
        medications=meds,
        interventions=interventions,
        grades=grades,
    )


def empty_timeline(name: str = "Liu Fang", mrn: str = "0099999", bed: str = "11") -> PatientTimeline:
    return PatientTimeline(patient=patient(name=name, mrn=mrn, bed=bed), tz=TZ, generated_at=at(3, 7, 30))
