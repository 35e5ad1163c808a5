"""What one daily summary page shows, as plain data: `build_daily_summary_data(timeline, day)`.

Pure (no reportlab, no I/O): the renderer only lays this out. Language-neutral: values, codes, drivers and
times; the words are chosen at render time (`i18n`, `core.texts.describe`). A value that was not recorded is
`None` and prints "not assessed" / "no data", never zero.

The ward day runs from the shift start (default 08:00 local) to the next day's shift start; "day +N" is the
day whose shift starts on the local calendar day N after the infusion date (clinical-rules §0).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from cartox_desk.core.clinical_time import day_start
from cartox_desk.core.labs import Analyte
from cartox_desk.core.management import alerts, iechs
from cartox_desk.core.management.model import ManagementPlan
from cartox_desk.core.management.protocol import Protocol
from cartox_desk.core.records import (
    EncephalopathyAssessment,
    GradePoint,
    MedicationKind,
    OxygenRecord,
    PatientTimeline,
    VasopressorEvent,
)
from cartox_desk.core.results import Driver, IcansStatus
from cartox_desk.core.rules import FEVER_THRESHOLD_C
from cartox_desk.core.snapshot import EncephalopathyTool, OxygenDevice, VasopressorInfusion

DEFAULT_PROTOCOL = "CSCO-2024"
COURSE_DAYS = 7
TOCILIZUMAB_MAX_DOSES = 4  # REVIEW-2022 Table 2 / product label (clinical-rules §4)
TOCILIZUMAB_SOURCE = "clinical-rules §4"
TREND_TOLERANCE = 0.05  # relative change below which the lab arrow is "→" (steady)
# CSCO-2024 high-dose methylprednisolone course and taper (clinical-rules §4 grade 4, §5 grade 4).
MP_TAPER_MG = (1000.0, 250.0, 125.0, 60.0)
STEROID_COURSE_GAP_DAYS = 2  # a gap longer than this starts a new steroid course

# Lab order on the page: cytokines and inflammation first, then organ function, counts, immune recovery.
LAB_ORDER: tuple[Analyte, ...] = (
    Analyte.IL6,
    Analyte.CRP,
    Analyte.FERRITIN,
    Analyte.IFN_GAMMA,
    Analyte.IL10,
    Analyte.SIL2R,
    Analyte.MCP1,
    Analyte.TNF_ALPHA,
    Analyte.FIBRINOGEN,
    Analyte.D_DIMER,
    Analyte.LDH,
    Analyte.TRIGLYCERIDES,
    Analyte.ALT,
    Analyte.AST,
    Analyte.CREATININE,
    Analyte.WBC,
    Analyte.ANC,
    Analyte.LYMPHOCYTES_PCT,
    Analyte.HEMOGLOBIN,
    Analyte.PLATELETS,
    Analyte.IGG,
    Analyte.CAR_T_COPIES,
    Analyte.CAR_POSITIVE_CELLS,
    Analyte.B_CELLS,
    Analyte.CD4,
)


@dataclass(frozen=True, slots=True)
class LabFlagRule:
    """A clinical threshold from clinical-rules (no invented reference ranges): `term` key + source."""

    analyte: Analyte
    above: float | None
    below: float | None
    term: str
    source: str
    inclusive: bool = False

    def hit(self, value: float) -> bool:
        if self.above is not None:
            return value >= self.above if self.inclusive else value > self.above
        if self.below is not None:
            return value <= self.below if self.inclusive else value < self.below
        return False


LAB_FLAGS: tuple[LabFlagRule, ...] = (
    # the thresholds of the management engine, so page flags and alerts agree (never re-typed here)
    LabFlagRule(Analyte.FERRITIN, iechs.FERRITIN_HIGH_NG_ML, None, "flag_hlh", "REVIEW-2022 §1.3"),
    LabFlagRule(Analyte.ANC, None, iechs.ANC_BELOW, "flag_g4_cytopenia", "clinical-rules §8.1"),
    LabFlagRule(Analyte.PLATELETS, None, iechs.PLATELETS_BELOW, "flag_g4_cytopenia", "clinical-rules §8.1"),
    LabFlagRule(Analyte.FIBRINOGEN, None, iechs.FIBRINOGEN_BELOW, "flag_hypofib",
                "clinical-rules §8.1 (HLH-2004)"),
    LabFlagRule(Analyte.IGG, None, alerts.IGG_AT_MOST_MG_DL, "flag_hypogamma", "CSCO-2024 §4.6",
                inclusive=True),
)


@dataclass(frozen=True, slots=True)
class TimedValue:
    value: float
    at: datetime


@dataclass(frozen=True, slots=True)
class GradeMax:
    """The day's maximum grade: `grade` None = not assessed that day (never shown as 0)."""

    grade: int | None
    at: datetime | None
    drivers: tuple[Driver, ...] = ()
    graded_points: int = 0


@dataclass(frozen=True, slots=True)
class CourseDay:
    day: int
    on: date
    crs: int | None
    icans: int | None


@dataclass(frozen=True, slots=True)
class EncephalopathyRow:
    at: datetime
    tool: EncephalopathyTool
    score: int | None  # None: unable to assess
    max_score: int
    unable: str | None  # "aphasia" | "unarousable" | "unable"
    is_baseline: bool
    baseline: int | None
    change_from_baseline: int | None


@dataclass(frozen=True, slots=True)
class NeuroRow:
    at: datetime
    findings: tuple[str, ...]  # enum values (consciousness, seizure, motor, ICP findings)


@dataclass(frozen=True, slots=True)
class OxygenPeak:
    device: OxygenDevice
    flow_l_min: float | None
    at: datetime
    for_comfort: bool


@dataclass(frozen=True, slots=True)
class VitalSummary:
    readings: int
    tmax: TimedValue | None
    fever_readings: int
    lowest_sbp: TimedValue | None
    lowest_map: TimedValue | None
    map_calculated: bool  # from (SBP + 2 DBP) / 3 where no MAP was recorded
    highest_ne: TimedValue | None  # µg/min; None when no vasopressor ran that day
    ne_not_convertible: bool  # a dose needed a weight that is missing
    high_dose: bool
    vasopressor_drugs: tuple[str, ...]
    highest_oxygen: OxygenPeak | None
    lowest_spo2: TimedValue | None
    hypotension_confirmed: int


@dataclass(frozen=True, slots=True)
class LabRow:
    analyte: Analyte
    value: float
    unit: str
    at: datetime
    results_today: int
    previous: float | None
    previous_at: datetime | None
    trend: str | None  # "up" | "down" | "steady" | None (no previous value)
    flags: tuple[tuple[str, str], ...]  # (term key, source)


@dataclass(frozen=True, slots=True)
class MedicationRow:
    at: datetime
    kind: MedicationKind
    drug_name: str
    dose: float
    unit: str
    route: str
    dose_number: int | None = None  # tocilizumab: this dose is n ...
    dose_limit: int | None = None  # ... of m
    steroid_day: int | None = None  # day k of the current steroid course
    taper_step: int | None = None  # 1..4 in the methylprednisolone course (1 g/day, 250, 125, 60 mg)


@dataclass(frozen=True, slots=True)
class InterventionRow:
    at: datetime
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class ChartLine:
    """One plotted series: `key` names it (i18n label / legend); x in days since infusion (day 0 = 0.0)."""

    key: str
    points: tuple[tuple[float, float], ...]
    axis: str = "left"  # "left" | "right"
    style: str = "solid"  # "solid" | "dash" | "dot"
    marker: str | None = None  # None | "circle" | "square" | "triangle"
    step: bool = False  # a step function (doses run until the next change)


@dataclass(frozen=True, slots=True)
class ChartPanel:
    key: str  # i18n label key of the title
    lines: tuple[ChartLine, ...]
    x_range: tuple[float, float]
    log_y: bool = False
    hlines: tuple[tuple[float, str], ...] = ()  # (y, label key) e.g. the 38 °C line
    y_unit: str = ""
    right_unit: str = ""
    markers: tuple[tuple[float, str], ...] = ()  # treatment markers (x, "T2"): tocilizumab dose 2, ...


@dataclass(frozen=True, slots=True)
class GradeStrip:
    """A grade strip: the intervals of core.series (a grade holds until the next grading, at most 12 h;
    None = not assessed) and the per-day maxima printed under it."""

    key: str  # "crs_short" | "icans_short"
    days: tuple[tuple[int, int | None], ...]
    intervals: tuple[tuple[float, float, int | None], ...] = ()
    shift_offset: float = 0.0  # ward day +N runs from x = N + shift_offset (shift start hour / 24)


@dataclass(frozen=True, slots=True)
class ChartSet:
    x_range: tuple[float, float]
    panels: tuple[ChartPanel, ...]
    strips: tuple[GradeStrip, ...]
    source: str  # which series builder fed the charts


@dataclass(frozen=True, slots=True)
class PatientHeader:
    name: str
    mrn: str
    bed: str
    ward: str
    sex: str
    age_years: float | None
    weight_kg: float | None
    diagnosis: str
    product: str
    target: str
    costim: str | None
    infusion_at: datetime
    baseline_ice: int | None
    baseline_capd: int | None
    status: str


@dataclass(frozen=True, slots=True)
class DailySummaryData:
    patient: PatientHeader
    day: int
    on: date  # local calendar date on which the ward day starts
    start: datetime  # shift start (aware, ward zone)
    end: datetime
    tz_name: str
    crs: GradeMax
    icans: GradeMax
    course: tuple[CourseDay, ...]
    encephalopathy: tuple[EncephalopathyRow, ...]
    neuro: tuple[NeuroRow, ...]
    vitals: VitalSummary
    labs: tuple[LabRow, ...]
    medications: tuple[MedicationRow, ...]
    interventions: tuple[InterventionRow, ...]
    tocilizumab_total: int  # doses recorded up to the end of the day
    plan: ManagementPlan | None  # alerts and recommendations with sources; None = engine not connected
    charts: ChartSet | None
    has_data: bool
    hospital: str = ""
    protocol: str = DEFAULT_PROTOCOL
    generated_at: datetime | None = None
    generated_by: str = ""
    as_of: datetime | None = None  # the day is still running: data until this time (None: a full day)


# ------------------------------------------------------------------------------------------------------
# helpers


def _window(items: Sequence, start: datetime, end: datetime, key=lambda r: r.meta.at) -> Sequence:
    """Items with start <= key < end (items sorted by key)."""
    lo = bisect.bisect_left(items, start, key=key)
    hi = bisect.bisect_left(items, end, key=key)
    return items[lo:hi]


def _grade_window(points: Sequence[GradePoint], start: datetime, end: datetime) -> Sequence[GradePoint]:
    return _window(points, start, end, key=lambda p: p.at)


def _crs_max(points: Sequence[GradePoint]) -> GradeMax:
    best: GradePoint | None = None
    for p in points:
        if best is None or p.crs.grade > best.crs.grade:
            best = p
    if best is None:
        return GradeMax(None, None)
    return GradeMax(best.crs.grade, best.at, best.crs.drivers, len(points))


def _icans_max(points: Sequence[GradePoint]) -> GradeMax:
    best: GradePoint | None = None
    n = 0
    for p in points:
        if p.icans.status is not IcansStatus.GRADED or p.icans.grade is None:
            continue
        n += 1
        if best is None or p.icans.grade > (best.icans.grade or 0):
            best = p
    if best is None:
        return GradeMax(None, None)
    return GradeMax(best.icans.grade, best.at, best.icans.drivers, n)


def _encephalopathy_rows(
    timeline: PatientTimeline, start: datetime, end: datetime
) -> tuple[EncephalopathyRow, ...]:
    p = timeline.patient
    baselines: dict[EncephalopathyTool, int | None] = {
        EncephalopathyTool.ICE: p.baseline_ice,
        EncephalopathyTool.CAPD: p.baseline_capd,
    }
    for a in timeline.encephalopathy:  # a recorded baseline assessment wins over the registration field
        if a.is_baseline and a.score is not None and a.meta.at < end:
            baselines[a.tool] = a.score
    rows = []
    for a in _window(timeline.encephalopathy, start, end):
        base = baselines.get(a.tool)
        rows.append(
            EncephalopathyRow(
                at=a.meta.at,
                tool=a.tool,
                score=a.score,
                max_score=10 if a.tool is EncephalopathyTool.ICE else 32,
                unable=_unable(a),
                is_baseline=a.is_baseline,
                baseline=base,
                change_from_baseline=(a.score - base) if (a.score is not None and base is not None) else None,
            )
        )
    return tuple(rows)


def _unable(a: EncephalopathyAssessment) -> str | None:
    if a.score is not None:
        return None
    if a.ice_unable is not None:
        return a.ice_unable.value
    return "unable"


_O2_RANK = {
    OxygenDevice.ROOM_AIR: 0.0,
    OxygenDevice.BLOW_BY: 1.0,
    OxygenDevice.NASAL_CANNULA: 2.0,
    OxygenDevice.VENTURI: 4.0,
    OxygenDevice.FACE_MASK: 4.1,
    OxygenDevice.NON_REBREATHER: 4.2,
    OxygenDevice.CPAP: 5.0,
    OxygenDevice.BIPAP: 5.1,
    OxygenDevice.MECHANICAL_VENTILATION: 6.0,
}


def _o2_rank(r: OxygenRecord) -> tuple[bool, float, float]:
    rank = _O2_RANK[r.device]
    if r.device is OxygenDevice.NASAL_CANNULA and r.flow_l_min is not None and r.flow_l_min > 6:
        rank = 3.0
    # Oxygen for comfort is charted but not graded (clinical-rules §3.5): graded support ranks first.
    return (rank > 0 and not r.for_comfort), rank, r.flow_l_min or 0.0


def _highest_oxygen(timeline: PatientTimeline, start: datetime, end: datetime) -> OxygenPeak | None:
    records = list(_window(timeline.oxygen, start, end))
    lo = bisect.bisect_left(timeline.oxygen, start, key=lambda r: r.meta.at)
    if lo > 0:  # the support running when the day started
        records.append(timeline.oxygen[lo - 1])
    if not records:
        return None
    best = max(records, key=_o2_rank)
    return OxygenPeak(best.device, best.flow_l_min, max(best.meta.at, start), best.for_comfort)


def _vasopressor_peak(
    timeline: PatientTimeline, start: datetime, end: datetime
) -> tuple[TimedValue | None, bool, bool, tuple[str, ...]]:
    """Highest NE-equivalent while infusions ran during the day (doses run until the next event)."""
    try:
        from cartox_desk.core.vasopressors import summarise_vasopressors
    except ImportError:  # pragma: no cover - core grading not installed yet
        summarise_vasopressors = None
    weight = timeline.patient.weight_kg
    running: dict[object, VasopressorInfusion] = {}
    peak: TimedValue | None = None
    not_convertible = False
    high = False
    drugs: set[str] = set()

    def evaluate(at: datetime) -> None:
        nonlocal peak, not_convertible, high
        if not running:
            return
        drugs.update(d.value for d in running)
        if summarise_vasopressors is None:
            return
        s = summarise_vasopressors(tuple(running.values()), weight)
        if s.ne_equivalent_ug_min is None:
            not_convertible = True
            return
        high = high or s.high_dose
        if peak is None or s.ne_equivalent_ug_min > peak.value:
            peak = TimedValue(s.ne_equivalent_ug_min, max(at, start))

    hi = bisect.bisect_left(timeline.vasopressors, end, key=lambda r: r.meta.at)
    started = False
    for r in timeline.vasopressors[:hi]:
        if r.meta.at >= start and not started:
            evaluate(start)
            started = True
        if r.event is VasopressorEvent.STOP or r.dose is None:
            running.pop(r.drug, None)
        else:
            running[r.drug] = VasopressorInfusion(r.drug, r.dose, r.unit)
        if r.meta.at >= start:
            evaluate(r.meta.at)
    if not started:
        evaluate(start)
    # the GradePoints carry the high-dose flag worked out over >= 3 h by core grading
    for gp in _grade_window(timeline.grades, start, end):
        high = high or gp.vasopressors.high_dose
    return peak, not_convertible, high, tuple(sorted(drugs))


def _vital_summary(timeline: PatientTimeline, start: datetime, end: datetime) -> VitalSummary:
    vitals = _window(timeline.vitals, start, end)
    tmax = sbp = mapv = spo2 = None
    map_calc = False
    fever = 0
    confirmed = 0
    for v in vitals:
        at = v.meta.at
        if v.temperature_c is not None:
            if tmax is None or v.temperature_c > tmax.value:
                tmax = TimedValue(v.temperature_c, at)
            if v.temperature_c >= FEVER_THRESHOLD_C:
                fever += 1
        if v.systolic_bp_mmhg is not None and (sbp is None or v.systolic_bp_mmhg < sbp.value):
            sbp = TimedValue(v.systolic_bp_mmhg, at)
        m, calc = v.mean_bp_mmhg, False
        if m is None and v.systolic_bp_mmhg is not None and v.diastolic_bp_mmhg is not None:
            m, calc = (v.systolic_bp_mmhg + 2 * v.diastolic_bp_mmhg) / 3, True
        if m is not None and (mapv is None or m < mapv.value):
            mapv, map_calc = TimedValue(m, at), calc
        if v.spo2_pct is not None and (spo2 is None or v.spo2_pct < spo2.value):
            spo2 = TimedValue(v.spo2_pct, at)
        confirmed += v.hypotension_confirmed
    ne, not_conv, high, drugs = _vasopressor_peak(timeline, start, end)
    return VitalSummary(
        readings=len(vitals),
        tmax=tmax,
        fever_readings=fever,
        lowest_sbp=sbp,
        lowest_map=mapv,
        map_calculated=map_calc,
        highest_ne=ne,
        ne_not_convertible=not_conv,
        high_dose=high,
        vasopressor_drugs=drugs,
        highest_oxygen=_highest_oxygen(timeline, start, end),
        lowest_spo2=spo2,
        hypotension_confirmed=confirmed,
    )


def _trend(value: float, previous: float | None) -> str | None:
    if previous is None:
        return None
    if previous == 0:
        return "steady" if value == 0 else "up"
    change = (value - previous) / abs(previous)
    if abs(change) < TREND_TOLERANCE:
        return "steady"
    return "up" if change > 0 else "down"


def _lab_rows(timeline: PatientTimeline, start: datetime, end: datetime) -> tuple[LabRow, ...]:
    by_analyte: dict[Analyte, list] = {}
    for lab in timeline.labs:
        if lab.meta.at >= end:
            break
        by_analyte.setdefault(lab.analyte, []).append(lab)
    rows = []
    order = {a: i for i, a in enumerate(LAB_ORDER)}
    for analyte in sorted(by_analyte, key=lambda a: order.get(a, len(order))):
        results = by_analyte[analyte]
        today = [r for r in results if r.meta.at >= start]
        if not today:
            continue
        latest = today[-1]
        prev = results[-2] if len(results) >= 2 else None
        flags = tuple((f.term, f.source) for f in LAB_FLAGS if f.analyte is analyte and f.hit(latest.value))
        rows.append(
            LabRow(
                analyte=analyte,
                value=latest.value,
                unit=latest.unit,
                at=latest.meta.at,
                results_today=len(today),
                previous=prev.value if prev else None,
                previous_at=prev.meta.at if prev else None,
                trend=_trend(latest.value, prev.value if prev else None),
                flags=flags,
            )
        )
    return tuple(rows)


_STEROIDS = frozenset({MedicationKind.DEXAMETHASONE, MedicationKind.METHYLPREDNISOLONE})


def _mg(dose: float, unit: str) -> float | None:
    u = unit.strip().lower()
    if u == "mg":
        return dose
    if u == "g":
        return dose * 1000
    return None


def _medication_rows(
    timeline: PatientTimeline, start: datetime, end: datetime
) -> tuple[tuple[MedicationRow, ...], int]:
    toci = [m for m in timeline.medications if m.kind is MedicationKind.TOCILIZUMAB]
    toci_index = {id(m): i + 1 for i, m in enumerate(toci)}
    steroid_days = sorted({timeline.day(m.meta.at) for m in timeline.medications if m.kind in _STEROIDS})
    course_start: dict[int, int] = {}
    first = None
    prev = None
    for d in steroid_days:
        if prev is None or d - prev > STEROID_COURSE_GAP_DAYS:
            first = d
        course_start[d] = first  # type: ignore[assignment]
        prev = d
    rows = []
    for m in _window(timeline.medications, start, end):
        row = MedicationRow(
            at=m.meta.at, kind=m.kind, drug_name=m.drug_name, dose=m.dose, unit=m.unit, route=m.route
        )
        if m.kind is MedicationKind.TOCILIZUMAB:
            row = _replace(row, dose_number=toci_index[id(m)], dose_limit=TOCILIZUMAB_MAX_DOSES)
        elif m.kind in _STEROIDS:
            d = timeline.day(m.meta.at)
            step = None
            mg = _mg(m.dose, m.unit)
            if m.kind is MedicationKind.METHYLPREDNISOLONE and mg is not None:
                for i, s in enumerate(MP_TAPER_MG, start=1):
                    if abs(mg - s) < 0.5:
                        step = i
            row = _replace(row, steroid_day=d - course_start[d] + 1, taper_step=step)
        rows.append(row)
    total = sum(1 for m in toci if m.meta.at < end)
    return tuple(rows), total


def _replace(row: MedicationRow, **changes: object) -> MedicationRow:
    return replace(row, **changes)  # type: ignore[arg-type]


def _neuro_rows(timeline: PatientTimeline, start: datetime, end: datetime) -> tuple[NeuroRow, ...]:
    rows = []
    for n in _window(timeline.neuro_exams, start, end):
        findings = [
            x.value
            for x in (n.consciousness, n.seizure, n.motor_weakness)
            if x is not None and x.value not in ("none",)
        ]
        findings += sorted(f.value for f in n.icp_findings)
        rows.append(NeuroRow(n.meta.at, tuple(findings)))
    return tuple(rows)


def _course(timeline: PatientTimeline, day: int, shift_start_hour: int) -> tuple[CourseDay, ...]:
    p = timeline.patient
    out = []
    for d in range(day - COURSE_DAYS + 1, day + 1):
        s = day_start(d, p.infusion_at, timeline.tz, shift_start_hour)
        e = day_start(d + 1, p.infusion_at, timeline.tz, shift_start_hour)
        pts = _grade_window(timeline.grades, s, e)
        out.append(CourseDay(d, s.date(), _crs_max(pts).grade, _icans_max(pts).grade))
    return tuple(out)


def _header(timeline: PatientTimeline, at: datetime) -> PatientHeader:
    p = timeline.patient
    return PatientHeader(
        name=p.name,
        mrn=p.mrn,
        bed=p.bed,
        ward=p.ward,
        sex=p.sex.value,
        age_years=p.age_years(at),
        weight_kg=p.weight_kg,
        diagnosis=p.diagnosis.value,
        product=p.product_name,
        target=p.target.value,
        costim=p.costim_domain,
        infusion_at=p.infusion_at,
        baseline_ice=p.baseline_ice,
        baseline_capd=p.baseline_capd,
        status=p.status.value,
    )


def _has_data(timeline: PatientTimeline, start: datetime, end: datetime) -> bool:
    lists = (
        timeline.vitals,
        timeline.oxygen,
        timeline.vasopressors,
        timeline.fluid_boluses,
        timeline.labs,
        timeline.encephalopathy,
        timeline.neuro_exams,
        timeline.medications,
        timeline.interventions,
    )
    return bool(_grade_window(timeline.grades, start, end)) or any(_window(x, start, end) for x in lists)


def protocol_label(plan: ManagementPlan) -> str:
    """ "CSCO-2024 v2024.1": the protocol in force, as printed."""
    return f"{plan.protocol_id.upper()} v{plan.protocol_version}"


def day_window(timeline: PatientTimeline, day: int, shift_start_hour: int = 8) -> tuple[datetime, datetime]:
    """[start, end) of ward day +N, from the shift start to the next day's shift start (ward zone)."""
    p = timeline.patient
    return (
        day_start(day, p.infusion_at, timeline.tz, shift_start_hour),
        day_start(day + 1, p.infusion_at, timeline.tz, shift_start_hour),
    )


def current_ward_date(now: datetime, tz: tzinfo, shift_start_hour: int = 8) -> date:
    """The date of the ward day running at `now` (a ward day starts at the shift start)."""
    return (now.astimezone(tz) - timedelta(hours=shift_start_hour)).date()


def day_on(infusion_at: datetime, on: date, tz: tzinfo) -> int:
    """Day +N of the ward day that starts on local date `on` (clinical-rules §0)."""
    return (on - infusion_at.astimezone(tz).date()).days


def has_data_for_day(timeline: PatientTimeline, day: int, shift_start_hour: int = 8) -> bool:
    return _has_data(timeline, *day_window(timeline, day, shift_start_hour))


def build_daily_summary_data(
    timeline: PatientTimeline,
    day: int,
    shift_start_hour: int = 8,
    *,
    plan: ManagementPlan | str | None = "auto",
    protocol: str | None = None,
    management_protocol: Protocol | None = None,
    hospital: str = "",
    generated_at: datetime | None = None,
    generated_by: str = "",
    charts: bool = True,
) -> DailySummaryData:
    """Everything the daily summary of ward day +`day` shows (pure; see the module docstring).

    `plan`: "auto" runs the management engine (`core.management.recommend`, default protocol) at the end of
    the ward day, or at the timeline's generation time if the day is still running; a `ManagementPlan`
    is printed as given; None prints a labelled section with the grade drivers instead.
    `protocol` is the name printed as "protocol in force" (default: the plan's protocol id and version).
    """
    if not 0 <= shift_start_hour <= 23:
        raise ValueError("shift_start_hour must be 0-23")
    start, end = day_window(timeline, day, shift_start_hour)
    points = _grade_window(timeline.grades, start, end)
    meds, toci_total = _medication_rows(timeline, start, end)
    if plan == "auto":
        from cartox_desk.reporting.plan import plan_at

        # the protocol in force on the ward (None: the default), so page and screen advise alike
        plan = plan_at(timeline, min(end, timeline.generated_at), protocol=management_protocol)
    if protocol is None:
        protocol = protocol_label(plan) if isinstance(plan, ManagementPlan) else DEFAULT_PROTOCOL
    course = _course(timeline, day, shift_start_hour)
    chart_set = None
    if charts:
        from cartox_desk.reporting.series import chart_set_for

        chart_set = chart_set_for(timeline, day, shift_start_hour, course)
    return DailySummaryData(
        patient=_header(timeline, start),
        day=day,
        on=start.date(),
        start=start,
        end=end,
        tz_name=str(getattr(timeline.tz, "key", timeline.tz)),
        crs=_crs_max(points),
        icans=_icans_max(points),
        course=course,
        encephalopathy=_encephalopathy_rows(timeline, start, end),
        neuro=_neuro_rows(timeline, start, end),
        vitals=_vital_summary(timeline, start, end),
        labs=_lab_rows(timeline, start, end),
        medications=meds,
        interventions=tuple(
            InterventionRow(i.meta.at, i.kind.value, i.note)
            for i in _window(timeline.interventions, start, end)
        ),
        tocilizumab_total=toci_total,
        plan=plan,
        charts=chart_set,
        has_data=_has_data(timeline, start, end),
        hospital=hospital,
        protocol=protocol,
        generated_at=generated_at or timeline.generated_at,
        generated_by=generated_by,
        as_of=timeline.generated_at if timeline.generated_at < end else None,
    )
