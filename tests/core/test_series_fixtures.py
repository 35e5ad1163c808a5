"""Hand-built PatientTimelines for the chart-series and chart-widget tests (no store needed; no tests here).

Imported by tests/core/test_series.py, tests/ui/charts (through its conftest) and bench/charts.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from cartox_desk.core.labs import ANALYTES, Analyte
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
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
from cartox_desk.core.results import CrsResult, IcansResult, IcansStatus, VasopressorSummary
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    EncephalopathyTool,
    IceUnable,
    OxygenDevice,
    Snapshot,
    VasopressorDrug,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")

_ids = itertools.count(1)


def meta(at: datetime) -> RecordMeta:
    return RecordMeta(record_id=next(_ids), at=at, entered_by="test", entered_at=at)


def patient(infusion_at: datetime, weight_kg: float | None = 70.0) -> PatientSummary:
    return PatientSummary(
        patient_id=1, mrn="0012345", name="Wang Jun", sex=Sex.MALE, date_of_birth=None, weight_kg=weight_kg,
        height_cm=None, diagnosis=Diagnosis.LBCL, product_name="axi-cel", target=CarTarget.CD19,
        costim_domain="CD28", infusion_at=infusion_at, lymphodepletion_start=None, ward="7", bed="03",
        marrow_blasts_pct=None, baseline_ice=10, baseline_capd=None, developmental_delay=False,
        risk_notes="", status=PatientStatus.ADMITTED,
    )


def local(tz: tzinfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz)  # type: ignore[misc]


def timeline(infusion_at: datetime, tz: tzinfo = SHANGHAI, *, now: datetime | None = None,
             weight_kg: float | None = 70.0, **lists: Iterable[object]) -> PatientTimeline:
    return PatientTimeline(
        patient=patient(infusion_at, weight_kg), tz=tz,
        generated_at=now or infusion_at + timedelta(days=3),
        **{k: tuple(v) for k, v in lists.items()},  # type: ignore[arg-type]
    )


def vitals(at: datetime, **values: float) -> VitalSigns:
    return VitalSigns(meta=meta(at), **values)


def oxygen(at: datetime, device: OxygenDevice, flow: float | None = None,
           comfort: bool = False) -> OxygenRecord:
    return OxygenRecord(meta=meta(at), device=device, flow_l_min=flow, for_comfort=comfort)


def vaso(at: datetime, drug: VasopressorDrug, event: VasopressorEvent, dose: float | None,
         unit: DoseRateUnit = DoseRateUnit.UG_PER_MIN) -> VasopressorRecord:
    return VasopressorRecord(meta=meta(at), drug=drug, event=event, dose=dose, unit=unit)


def lab(at: datetime, analyte: Analyte, value: float) -> LabResult:
    unit = ANALYTES[analyte].canonical_unit
    return LabResult(meta=meta(at), analyte=analyte, value=value, unit=unit, value_as_entered=value,
                     unit_as_entered=unit)


def med(at: datetime, kind: MedicationKind, dose: float = 1.0, unit: str = "mg",
        name: str | None = None) -> MedicationAdministration:
    return MedicationAdministration(meta=meta(at), kind=kind, drug_name=name or kind.value, dose=dose,
                                    unit=unit, route="IV")


def bolus(at: datetime, ml: float = 500.0) -> FluidBolus:
    return FluidBolus(meta=meta(at), volume_ml=ml, fluid="NaCl 0.9 %")


def intervention(at: datetime, kind: InterventionKind) -> Intervention:
    return Intervention(meta=meta(at), kind=kind)


def ice(at: datetime, score: int | None, unable: IceUnable | None = None) -> EncephalopathyAssessment:
    return EncephalopathyAssessment(meta=meta(at), tool=EncephalopathyTool.ICE, ice_unable=unable,
                                    score=score)


def capd(at: datetime, score: int | None) -> EncephalopathyAssessment:
    return EncephalopathyAssessment(meta=meta(at), tool=EncephalopathyTool.CAPD, score=score,
                                    capd_unable=score is None)


def grade(at: datetime, crs: int, icans: int | None) -> GradePoint:
    status = IcansStatus.NOT_ASSESSED if icans is None else IcansStatus.GRADED
    return GradePoint(at=at, snapshot=Snapshot(), crs=CrsResult(grade=crs),
                      icans=IcansResult(grade=icans, status=status), vasopressors=VasopressorSummary())


def amended(original: VitalSigns, **changes: float) -> VitalSigns:
    """The store's effective version of an amended vital sign: a new record pointing at the original."""
    m = replace(original.meta, record_id=next(_ids), amends_id=original.meta.record_id,
                amendment_reason="typo")
    return replace(original, meta=m, **changes)


def demo_timeline(days: int = 10, tz: tzinfo = SHANGHAI, step_min: int = 60) -> PatientTimeline:
    """A realistic synthetic patient: lymphodepletion labs, fever day 1-3 with CRS 1→2→3, tocilizumab x2,
    norepinephrine day 2-3, high-flow oxygen, IL-6 peak day 2, ICANS 1 on day 4, neutropenia."""
    import math

    inf = local(tz, 2026, 11, 10, 10, 30)
    day0 = local(tz, 2026, 11, 10, 0, 0)
    now = day0 + timedelta(days=days, hours=8)
    vs: list[VitalSigns] = []
    t = day0 - timedelta(days=1)
    while t <= now:
        d = (t - day0) / timedelta(days=1)
        fever = 1.0 if 1.1 <= d <= 3.6 else 0.0
        temp = 36.8 + 0.25 * math.sin(d * 6.28) + fever * (1.5 + 0.6 * math.sin(d * 9))
        shock = 1.0 if 2.2 <= d <= 3.5 else 0.0
        sbp = 122 - 8 * fever - 28 * shock + 4 * math.sin(d * 13)
        dbp = 74 - 6 * fever - 20 * shock + 3 * math.sin(d * 11)
        hr = 82 + 30 * fever + 15 * shock + 4 * math.sin(d * 17)
        spo2 = 97.5 - 4 * shock - 1.5 * fever + 0.8 * math.sin(d * 7)
        vs.append(vitals(t, temperature_c=round(temp, 1), systolic_bp_mmhg=round(sbp),
                         diastolic_bp_mmhg=round(dbp), heart_rate_per_min=round(hr), spo2_pct=round(spo2),
                         respiratory_rate_per_min=18 + 6 * fever))
        t += timedelta(minutes=step_min)
    h = timedelta(hours=1)
    o2 = [oxygen(day0 + timedelta(days=2, hours=6), OxygenDevice.NASAL_CANNULA, 3),
          oxygen(day0 + timedelta(days=2, hours=14), OxygenDevice.NASAL_CANNULA, 10),
          oxygen(day0 + timedelta(days=2, hours=20), OxygenDevice.FACE_MASK, 8),
          oxygen(day0 + timedelta(days=3, hours=16), OxygenDevice.NASAL_CANNULA, 4),
          oxygen(day0 + timedelta(days=4, hours=12), OxygenDevice.ROOM_AIR)]
    ne = VasopressorDrug.NOREPINEPHRINE
    vp = [vaso(day0 + timedelta(days=2, hours=9), ne, VasopressorEvent.START, 4),
          vaso(day0 + timedelta(days=2, hours=13), ne, VasopressorEvent.CHANGE, 10),
          vaso(day0 + timedelta(days=3, hours=2), ne, VasopressorEvent.CHANGE, 5),
          vaso(day0 + timedelta(days=3, hours=14), ne, VasopressorEvent.STOP, None)]
    il6 = {-5: 4, 0: 6, 1: 180, 2: 2400, 3: 900, 4: 150, 6: 35, 8: 12, 10: 8}
    crp = {-5: 5, 0: 6, 1: 48, 2: 160, 3: 210, 4: 120, 6: 40, 8: 14, 10: 6}
    ferritin = {-5: 600, 0: 700, 1: 1400, 2: 4200, 3: 6800, 4: 5100, 6: 2600, 8: 1500, 10: 1100}
    ifng = {0: 3, 1: 40, 2: 210, 3: 90, 4: 20, 6: 6}
    il10 = {0: 2, 1: 25, 2: 140, 3: 60, 4: 15, 6: 5}
    anc = {-5: 2.8, -3: 1.9, 0: 0.9, 1: 0.6, 2: 0.35, 3: 0.2, 4: 0.08, 6: 0.05, 8: 0.3, 10: 0.7}
    plt = {-5: 180, 0: 120, 2: 85, 4: 50, 6: 35, 8: 45, 10: 70}
    hb = {-5: 118, 0: 110, 2: 104, 4: 96, 6: 88, 8: 90, 10: 92}
    labs = []
    for table, analyte in ((il6, Analyte.IL6), (crp, Analyte.CRP), (ferritin, Analyte.FERRITIN),
                           (ifng, Analyte.IFN_GAMMA), (il10, Analyte.IL10), (anc, Analyte.ANC),
                           (plt, Analyte.PLATELETS), (hb, Analyte.HEMOGLOBIN)):
        for d, v in table.items():
            if d <= days:
                labs.append(lab(day0 + timedelta(days=d, hours=6), analyte, v))
    labs.sort(key=lambda r: r.meta.at)
    meds = [med(day0 + timedelta(days=1, hours=8), MedicationKind.ANTIPYRETIC, 500, name="paracetamol"),
            med(day0 + timedelta(days=1, hours=20), MedicationKind.ANTIPYRETIC, 500, name="paracetamol"),
            med(day0 + timedelta(days=2, hours=7), MedicationKind.TOCILIZUMAB, 560),
            med(day0 + timedelta(days=2, hours=8), MedicationKind.ANTIPYRETIC, 500, name="paracetamol"),
            med(day0 + timedelta(days=2, hours=18), MedicationKind.TOCILIZUMAB, 560),
            med(day0 + timedelta(days=2, hours=19), MedicationKind.DEXAMETHASONE, 10),
            med(day0 + timedelta(days=3, hours=1), MedicationKind.DEXAMETHASONE, 10),
            med(day0 + timedelta(days=4, hours=9), MedicationKind.DEXAMETHASONE, 10)]
    boluses = [bolus(day0 + timedelta(days=2, hours=3)), bolus(day0 + timedelta(days=2, hours=8))]
    ivs = [intervention(day0 + timedelta(days=2, hours=21), InterventionKind.ICU_TRANSFER)]
    ices = [ice(day0 - timedelta(days=1) + 9 * h, 10)]
    grades: list[GradePoint] = []
    g = day0 + 8 * h
    while g <= now:
        d = (g - day0) / timedelta(days=1)
        crs = 0
        if 1.1 <= d <= 3.6:
            crs = 1
        if 2.2 <= d <= 2.4 or 3.5 <= d <= 3.6:
            crs = 2
        if 2.4 < d < 3.5:
            crs = 3
        icans_score = 10 if not 3.9 <= d <= 5.0 else 8
        icans: int | None = 0 if icans_score == 10 else 1
        if 6.0 <= d < 6.7:  # missed assessment
            icans = None
        else:
            ices.append(ice(g, icans_score))
        grades.append(grade(g, crs, icans))
        g += 4 * h
    return timeline(inf, tz, now=now, vitals=vs, oxygen=o2, vasopressors=vp, fluid_boluses=boluses,
                    labs=labs, encephalopathy=ices, medications=meds, interventions=ivs,
                    grades=grades)
