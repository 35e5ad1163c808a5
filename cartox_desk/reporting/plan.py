"""The management plan printed on a daily summary: `core.management.recommend` at the end of the ward day.

`ManagementContext` is plain data the engine reads; this adapter fills it from the same `PatientTimeline`
the page is built from (pure, core-only), so the page, its alerts and its recommendations describe one
moment: the end of the ward day, or the generation time when the day is still running.
"""

from __future__ import annotations

from datetime import datetime, time

from cartox_desk.core.management import (
    Administration,
    Costim,
    Diagnosis,
    GradePoint,
    LabValue,
    ManagementContext,
    ManagementPlan,
    Medication,
    Protocol,
    Target,
    Temperature,
    default_protocol,
    recommend,
)
from cartox_desk.core.management import Analyte as MAnalyte
from cartox_desk.core.records import PatientTimeline
from cartox_desk.core.results import IcansStatus
from cartox_desk.core.snapshot import IcpFinding, Seizure

# core.labs analyte values that the management engine names differently
_ANALYTE_ALIASES = {"lymphocytes_pct": "lymphocyte_pct", "car_positive_cells": "car_positive"}
_EDEMA = frozenset({IcpFinding.FOCAL_EDEMA, IcpFinding.DIFFUSE_EDEMA})


def _enum(enum_type, value: str | None, default=None):
    if value is None:
        return default
    try:
        return enum_type(value)
    except ValueError:
        return default


def management_context(timeline: PatientTimeline, now: datetime) -> ManagementContext:
    """The engine's input at `now` from a timeline (records after `now` are ignored)."""
    p = timeline.patient
    grades = [g for g in timeline.grades if g.at <= now]
    last = grades[-1] if grades else None
    icans_graded = [g for g in grades if g.icans.status is IcansStatus.GRADED]
    crs_codes = [d.code for d in last.crs.drivers] if last else []
    labs = []
    for lab in timeline.labs:
        if lab.meta.at > now:
            break
        analyte = _enum(MAnalyte, _ANALYTE_ALIASES.get(lab.analyte.value, lab.analyte.value))
        if analyte is not None:
            labs.append(LabValue(analyte, lab.meta.at, lab.value))
    neuro = [n for n in timeline.neuro_exams if n.meta.at <= now]
    seizure = edema = None
    if neuro:
        seizure = any(n.seizure not in (None, Seizure.NONE) for n in neuro)
        edema = any(bool(n.icp_findings & _EDEMA) for n in neuro)
    bmi = None
    if p.weight_kg and p.height_cm:
        bmi = p.weight_kg / (p.height_cm / 100) ** 2
    lymphodepletion_at = None
    if p.lymphodepletion_start is not None:
        lymphodepletion_at = datetime.combine(p.lymphodepletion_start, time(0)).replace(tzinfo=timeline.tz)
    return ManagementContext(
        now=now,
        crs_grade=last.crs.grade if last else None,
        icans_grade=icans_graded[-1].icans.grade if icans_graded else None,
        weight_kg=p.weight_kg,
        age_years=p.age_years(now),
        bmi_kg_m2=bmi,
        diagnosis=_enum(Diagnosis, p.diagnosis.value),
        target=_enum(Target, p.target.value),
        costim=_enum(Costim, p.costim_domain, Costim.OTHER if p.costim_domain else None),
        marrow_blasts_pct=p.marrow_blasts_pct,
        infusion_at=p.infusion_at,
        lymphodepletion_at=lymphodepletion_at,
        grade_history=tuple(
            GradePoint(g.at, g.crs.grade, g.icans.grade if g.icans.status is IcansStatus.GRADED else None)
            for g in grades
        ),
        administrations=tuple(
            Administration(_enum(Medication, m.kind.value, Medication.OTHER), m.meta.at, m.dose, m.unit)
            for m in timeline.medications
            if m.meta.at <= now
        ),
        temperatures=tuple(
            Temperature(v.meta.at, v.temperature_c)
            for v in timeline.vitals
            if v.temperature_c is not None and v.meta.at <= now
        ),
        labs=tuple(labs),
        crs_hypotension=(any(c.startswith("crs.hypotension") for c in crs_codes) if last else None),
        crs_hypoxia=(any(c.startswith("crs.hypoxia") for c in crs_codes) if last else None),
        seizure=seizure,
        cerebral_edema=edema,
    )


_default: Protocol | None = None


def protocol_in_force() -> Protocol:
    global _default
    if _default is None:
        _default = default_protocol()
    return _default


def plan_at(timeline: PatientTimeline, now: datetime, protocol: Protocol | None = None) -> ManagementPlan:
    return recommend(management_context(timeline, now), protocol or protocol_in_force())
