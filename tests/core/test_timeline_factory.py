"""Hand-built records for the timeline and schedule tests (times in hours from infusion)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
    GradePoint,
    LabResult,
    MedicationAdministration,
    MedicationKind,
    NeuroExam,
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
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    IceUnable,
    OxygenDevice,
    VasopressorDrug,
)
from cartox_desk.core.timeline import TimelineSettings, build_timeline

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # infusion
_ids = itertools.count(1)


def h(hours: float, base: datetime = T0) -> datetime:
    return base + timedelta(hours=hours)


def meta(at: datetime) -> RecordMeta:
    return RecordMeta(record_id=next(_ids), at=at, entered_by="test", entered_at=at)


def patient(age_years: float | None = 50, weight_kg: float | None = 70.0, infusion_at: datetime = T0,
            **kw: Any) -> PatientSummary:
    dob: date | None = None
    if age_years is not None:
        whole = int(age_years)
        d = infusion_at.date()
        dob = d.replace(year=d.year - whole) - timedelta(days=round((age_years - whole) * 365.25))
    p = PatientSummary(
        patient_id=1, mrn="T1", name="Test", sex=Sex.FEMALE, date_of_birth=dob, weight_kg=weight_kg,
        height_cm=170.0, diagnosis=Diagnosis.LBCL, product_name="axi-cel", target=CarTarget.CD19,
        costim_domain="CD28", infusion_at=infusion_at, lymphodepletion_start=None, ward="7B", bed="3",
        marrow_blasts_pct=None, baseline_ice=None, baseline_capd=None, developmental_delay=False,
        risk_notes="", status=PatientStatus.ADMITTED)
    return replace(p, **kw) if kw else p


def vit(at: datetime, temp: float | None = None, sbp: float | None = None, confirmed: bool = False
        ) -> VitalSigns:
    return VitalSigns(meta=meta(at), temperature_c=temp, systolic_bp_mmhg=sbp,
                      hypotension_confirmed=confirmed)


def oxy(at: datetime, device: OxygenDevice, flow: float | None = None, comfort: bool = False) -> OxygenRecord:
    return OxygenRecord(meta=meta(at), device=device, flow_l_min=flow, for_comfort=comfort)


def vaso(at: datetime, drug: VasopressorDrug, event: VasopressorEvent, dose: float | None = None,
         unit: DoseRateUnit = DoseRateUnit.UG_PER_MIN) -> VasopressorRecord:
    return VasopressorRecord(meta=meta(at), drug=drug, event=event, dose=dose, unit=unit)


def med(at: datetime, kind: MedicationKind) -> MedicationAdministration:
    return MedicationAdministration(meta=meta(at), kind=kind, drug_name=kind.value, dose=1.0, unit="mg",
                                    route="iv")


def bolus(at: datetime) -> FluidBolus:
    return FluidBolus(meta=meta(at), volume_ml=500.0, fluid="NS")


def lab(at: datetime) -> LabResult:
    return LabResult(meta=meta(at), analyte=Analyte.CRP, value=12.0, unit="mg/L", value_as_entered=12.0,
                     unit_as_entered="mg/L")


def ice_items(score: int) -> IceAssessment:
    """An ICE assessment with the given total (0-10)."""
    parts = []
    left = score
    for cap in (4, 3, 1, 1, 1):
        take = min(cap, left)
        parts.append(take)
        left -= take
    return IceAssessment(*parts)


def ice(at: datetime, score: int | None = 10, unable: IceUnable | None = None, baseline: bool = False
        ) -> EncephalopathyAssessment:
    return EncephalopathyAssessment(
        meta=meta(at), tool=EncephalopathyTool.ICE, ice=None if score is None else ice_items(score),
        ice_unable=unable, is_baseline=baseline, score=score)


def capd(at: datetime, score: int = 0, baseline: bool = False) -> EncephalopathyAssessment:
    """A CAPD whose total is ``score`` (0-16 here: items 5-8 forward-scored, items 1-4 best)."""
    forward = [CapdAnswer.NEVER, CapdAnswer.RARELY, CapdAnswer.SOMETIMES, CapdAnswer.OFTEN, CapdAnswer.ALWAYS]
    answers = []
    left = score
    for _ in range(4):
        take = min(4, left)
        answers.append(forward[take])
        left -= take
    items = CapdAssessment(CapdAnswer.ALWAYS, CapdAnswer.ALWAYS, CapdAnswer.ALWAYS, CapdAnswer.ALWAYS,
                           *answers)
    return EncephalopathyAssessment(meta=meta(at), tool=EncephalopathyTool.CAPD, capd=items,
                                    is_baseline=baseline, score=score)


def neuro(at: datetime, **kw: Any) -> NeuroExam:
    return NeuroExam(meta=meta(at), **kw)


def build(p: PatientSummary | None = None, tz: tzinfo = UTC, generated_at: datetime | None = None,
          settings: TimelineSettings | None = None, **records: Any) -> PatientTimeline:
    p = p or patient()
    generated_at = generated_at or h(24 * 60)
    if settings is None:
        return build_timeline(p, tz, generated_at, **records)
    return build_timeline(p, tz, generated_at, settings=settings, **records)


def at_(tl: PatientTimeline, at: datetime) -> GradePoint:
    found = [g for g in tl.grades if g.at == at]
    assert len(found) == 1, f"no single grade point at {at}: {[g.at for g in tl.grades]}"
    return found[0]


def every(start: float, stop: float, step: float = 1.0) -> list[float]:
    out = []
    x = start
    while x <= stop + 1e-9:
        out.append(x)
        x += step
    return out


__all__ = ["T0", "date"]
