"""The management plan printed on a daily summary: `core.management.recommend` at the end of the ward day.

`ManagementContext` is plain data the engine reads; this adapter fills it from the same `PatientTimeline`
the page is built from (pure, core-only), so the page, its alerts and its recommendations describe one
moment: the end of the ward day, or the generation time when the day is still running.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import datetime, time

from cartox_desk.core.management import (
    Administration,
    Costim,
    GradePoint,
    LabValue,
    ManagementContext,
    ManagementPlan,
    Protocol,
    Temperature,
    default_protocol,
    recommend,
)
from cartox_desk.core.records import GradePoint as TimelineGradePoint
from cartox_desk.core.records import PatientTimeline, VitalSigns
from cartox_desk.core.results import IcansStatus
from cartox_desk.core.rules import FEVER_THRESHOLD_C
from cartox_desk.core.snapshot import IcpFinding, Seizure

_EDEMA = frozenset({IcpFinding.FOCAL_EDEMA, IcpFinding.DIFFUSE_EDEMA})


def _costim(domain: str | None) -> Costim | None:
    """The recorded co-stimulatory domain (free text in records) as the engine's code; unknown: OTHER."""
    if not domain:
        return None
    try:
        return Costim(domain)
    except ValueError:
        return Costim.OTHER


def _grade_changes(grades: Sequence[TimelineGradePoint]) -> list[GradePoint]:
    """The grade history as change points (a grade holds until the next change): the engine reads the
    grade at a time and the worst grade, and a minute-by-minute history would cost it tens of thousands
    of identical points."""
    out: list[GradePoint] = []
    prev: tuple[int | None, int | None] | None = None
    for g in grades:
        key = (g.crs.grade, g.icans.grade if g.icans.status is IcansStatus.GRADED else None)
        if key != prev:
            out.append(GradePoint(g.at, *key))
            prev = key
    if grades and (not out or out[-1].at != grades[-1].at):
        g = grades[-1]
        out.append(
            GradePoint(g.at, g.crs.grade, g.icans.grade if g.icans.status is IcansStatus.GRADED else None)
        )
    return out


def _temperatures(vitals: Sequence[VitalSigns]) -> list[Temperature]:
    """What the fever rules read, without minute-by-minute volume: per 10 minutes the first, highest and
    last fever reading (>= 38.0 °C; so a fever run starts and ends at the same readings), and per hour the
    highest other reading (the engine checks that temperatures exist and their maxima)."""
    fever: dict[int, list[VitalSigns]] = {}
    normal: dict[int, VitalSigns] = {}
    for v in vitals:
        t = v.temperature_c
        if t is None:
            continue
        ts = int(v.meta.at.timestamp())
        if t >= FEVER_THRESHOLD_C:
            bucket = fever.get(ts // 600)
            if bucket is None:
                fever[ts // 600] = [v, v, v]
            else:
                if t > (bucket[1].temperature_c or 0.0):
                    bucket[1] = v
                bucket[2] = v
        else:
            best = normal.get(ts // 3600)
            if best is None or t > (best.temperature_c or 0.0):
                normal[ts // 3600] = v
    chosen = {id(v): v for group in fever.values() for v in group}
    chosen.update((id(v), v) for v in normal.values())
    out = [Temperature(v.meta.at, v.temperature_c) for v in chosen.values()]  # type: ignore[arg-type]
    out.sort(key=lambda x: x.at)
    return out


def management_context(timeline: PatientTimeline, now: datetime) -> ManagementContext:
    """The engine's input at `now` from a timeline (records after `now` are ignored)."""
    p = timeline.patient
    grades = timeline.grades[: bisect.bisect_right(timeline.grades, now, key=lambda g: g.at)]
    vitals = timeline.vitals[: bisect.bisect_right(timeline.vitals, now, key=lambda v: v.meta.at)]
    last = grades[-1] if grades else None
    icans_last = next((g for g in reversed(grades) if g.icans.status is IcansStatus.GRADED), None)
    crs_codes = [d.code for d in last.crs.drivers] if last else []
    labs = []
    for lab in timeline.labs:
        if lab.meta.at > now:
            break
        labs.append(LabValue(lab.analyte, lab.meta.at, lab.value))
    neuro = [n for n in timeline.neuro_exams if n.meta.at <= now]
    seizure = edema = None
    if neuro:
        seizure = any(n.seizure not in (None, Seizure.NONE) for n in neuro)
        edema = any(bool(n.icp_findings & _EDEMA) for n in neuro)
    bmi = None
    if p.weight_kg and p.height_cm:
        bmi = p.weight_kg / (p.height_cm / 100) ** 2
    # The physician's IEC-HS record in force at `now`: the latest at or before it, however old (a grade
    # holds until a newer record; 0 = resolved / ruled out ends the IEC-HS treatment lines).
    iechs = timeline.iechs_grade_at(now)
    lymphodepletion_at = None
    if p.lymphodepletion_start is not None:
        lymphodepletion_at = datetime.combine(p.lymphodepletion_start, time(0)).replace(tzinfo=timeline.tz)
    return ManagementContext(
        now=now,
        crs_grade=last.crs.grade if last else None,
        icans_grade=icans_last.icans.grade if icans_last else None,
        weight_kg=p.weight_kg,
        age_years=p.age_years(now),
        bmi_kg_m2=bmi,
        diagnosis=p.diagnosis,
        target=p.target,
        costim=_costim(p.costim_domain),
        marrow_blasts_pct=p.marrow_blasts_pct,
        infusion_at=p.infusion_at,
        lymphodepletion_at=lymphodepletion_at,
        grade_history=tuple(_grade_changes(grades)),
        administrations=tuple(
            Administration(m.kind, m.meta.at, m.dose, m.unit)
            for m in timeline.medications
            if m.meta.at <= now
        ),
        temperatures=tuple(_temperatures(vitals)),
        labs=tuple(labs),
        crs_hypotension=(any(c.startswith("crs.hypotension") for c in crs_codes) if last else None),
        crs_hypoxia=(any(c.startswith("crs.hypoxia") for c in crs_codes) if last else None),
        seizure=seizure,
        cerebral_edema=edema,
        iechs_grade=iechs.grade if iechs is not None else None,
        tz=timeline.tz,
    )


_default: Protocol | None = None


def protocol_in_force() -> Protocol:
    global _default
    if _default is None:
        _default = default_protocol()
    return _default


def plan_at(timeline: PatientTimeline, now: datetime, protocol: Protocol | None = None) -> ManagementPlan:
    return recommend(management_context(timeline, now), protocol or protocol_in_force())
