"""Chart series over one patient's timeline: the pure data behind the trend charts and the PDF charts.

`build_chart_series(timeline)` turns a `PatientTimeline` (effective record versions only) into plain,
frozen data that both the pyqtgraph widget (`ui.charts`) and the reportlab daily summary draw. No Qt, no
numpy: numeric columns are `array.array('d')`, so numpy can wrap them without a copy
(`np.frombuffer(series.xs)`), and reportlab can iterate them directly.

Conventions (stable contract — the PDF relies on them):

- **x** is the chart abscissa of `PatientTimeline.x`: fractional days since local midnight of the infusion
  day on the ward's wall clock (clinical-rules §0). Day +N spans [N, N+1); lymphodepletion days are negative.
  `ChartSeries.wall_clock(x)` gives the ward's local clock time back for tooltips.
- **Gaps**: a `NumericSeries` holds NaN at an inserted x between two samples further apart than the gap
  threshold; draw lines only between finite neighbours (pyqtgraph `connect="finite"`; in reportlab split
  the polyline at NaN).
- **Step series**: `edges` has one more element than `values`; `values[i]` holds on
  `[edges[i], edges[i+1])`. NaN = unknown (e.g. a per-kg vasopressor dose with no weight to convert).
  A step still running ends at `ChartSeries.now_x` (the timeline's generation time).
- **Units** are UCUM codes (clinical-rules §11): "Cel" / "[degF]", "mm[Hg]", "/min", "%", "L/min",
  "ug/min", lab canonical units or the ward's US units ("10*3/uL", "g/dL", "mg/dL"). `core` returns codes;
  the ui and reporting turn them into words and symbols.
- Codes are stable strings (`SeriesCode`, `MarkerKind`, `lab_code(analyte)`), never translated text.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from cartox_desk.core import rules
from cartox_desk.core.clinical_time import local_date
from cartox_desk.core.labs import ANALYTES, Analyte
from cartox_desk.core.management import icaht
from cartox_desk.core.records import (
    EncephalopathyAssessment,
    InterventionKind,
    MedicationKind,
    PatientTimeline,
    VasopressorEvent,
)
from cartox_desk.core.snapshot import (
    EncephalopathyTool,
    OxygenDevice,
    VasopressorDrug,
    VasopressorInfusion,
)
from cartox_desk.core.vasopressors import ne_equivalent_ug_min

NAN = float("nan")

# ---------------------------------------------------------------------------------------------------
# Codes


class SeriesCode(StrEnum):
    """Stable codes of the built-in series (labs use `lab_code(analyte)`: "lab.il6", ...)."""

    TEMPERATURE = "temperature"
    HEART_RATE = "heart_rate"
    SYSTOLIC_BP = "systolic_bp"
    DIASTOLIC_BP = "diastolic_bp"
    MEAN_BP = "mean_bp"
    RESPIRATORY_RATE = "respiratory_rate"
    SPO2 = "spo2"
    NE_EQUIVALENT = "ne_equivalent"
    OXYGEN_LEVEL = "oxygen_level"
    OXYGEN_FLOW = "oxygen_flow"
    ICE = "ice"
    CAPD = "capd"


class MarkerKind(StrEnum):
    ANTIPYRETIC = "antipyretic"
    FLUID_BOLUS = "fluid_bolus"
    TOCILIZUMAB = "tocilizumab"
    STEROID = "steroid"  # dexamethasone / methylprednisolone: params "drug"
    ANAKINRA = "anakinra"
    SILTUXIMAB = "siltuximab"
    ICU_TRANSFER = "icu_transfer"
    INTUBATION = "intubation"
    CRRT = "crrt"
    PLASMA_EXCHANGE = "plasma_exchange"
    ICE_UNABLE = "ice_unable"  # ICE could not be done: params "reason" (aphasia / unarousable)
    CAPD_UNABLE = "capd_unable"


# Markers drawn as vertical lines across every panel (the anti-cytokine / escalation events); the others
# belong to one panel: antipyretics → temperature, fluid boluses → hemodynamics, unable → grade strips.
CROSS_PANEL_MARKERS = frozenset({
    MarkerKind.TOCILIZUMAB, MarkerKind.STEROID, MarkerKind.ANAKINRA, MarkerKind.SILTUXIMAB,
    MarkerKind.ICU_TRANSFER, MarkerKind.INTUBATION, MarkerKind.CRRT, MarkerKind.PLASMA_EXCHANGE,
})

_MEDICATION_MARKERS: dict[MedicationKind, MarkerKind] = {
    MedicationKind.ANTIPYRETIC: MarkerKind.ANTIPYRETIC,
    MedicationKind.TOCILIZUMAB: MarkerKind.TOCILIZUMAB,
    MedicationKind.DEXAMETHASONE: MarkerKind.STEROID,
    MedicationKind.METHYLPREDNISOLONE: MarkerKind.STEROID,
    MedicationKind.ANAKINRA: MarkerKind.ANAKINRA,
    MedicationKind.SILTUXIMAB: MarkerKind.SILTUXIMAB,
}

_INTERVENTION_MARKERS: dict[InterventionKind, MarkerKind] = {
    InterventionKind.ICU_TRANSFER: MarkerKind.ICU_TRANSFER,
    InterventionKind.INTUBATION: MarkerKind.INTUBATION,
    InterventionKind.CRRT: MarkerKind.CRRT,
    InterventionKind.PLASMA_EXCHANGE: MarkerKind.PLASMA_EXCHANGE,
}

# At most 4 tocilizumab doses in total (clinical-rules §4; REVIEW-2022, label): markers read "n of 4".
TOCILIZUMAB_MAX_DOSES_TOTAL = 4

# Default chart labs: the cytokines and inflammatory markers of the issue (clinical-rules §6, §11).
DEFAULT_LABS: tuple[Analyte, ...] = (
    Analyte.IL6, Analyte.IFN_GAMMA, Analyte.IL10, Analyte.CRP, Analyte.FERRITIN,
)
# Blood counts panel (ICAHT, clinical-rules §8).
BLOOD_COUNTS: tuple[Analyte, ...] = (Analyte.ANC, Analyte.PLATELETS, Analyte.HEMOGLOBIN)

# Fever line and ICAHT lines come from the rule tables, never re-typed (clinical-rules §1 rule 1, §8).
FEVER_THRESHOLD_C = rules.FEVER_THRESHOLD_C
ICAHT_ANC_THRESHOLDS_10E9_L: tuple[float, float] = (icaht.ANC_500, icaht.ANC_100)

# Default gap thresholds: vitals are due at least twice a day (clinical-rules §6), cytokines at least
# twice a week; a longer silence breaks the line instead of drawing a made-up course.
DEFAULT_VITALS_GAP_H = 12.0
DEFAULT_LABS_GAP_H = 4 * 24.0
# A grade holds until the next grading, at most this long; after that the strip says "not assessed".
DEFAULT_GRADE_HOLD_H = 12.0


def lab_code(analyte: Analyte) -> str:
    return f"lab.{analyte.value}"


# ---------------------------------------------------------------------------------------------------
# Oxygen support level (chart scale; the grade mapping itself lives in the grading rules)


# 0 room air, 1 low-flow, 2 high-flow / mask, 3 positive pressure.
OXYGEN_ROOM_AIR, OXYGEN_LOW_FLOW, OXYGEN_HIGH_FLOW_MASK, OXYGEN_POSITIVE_PRESSURE = 0, 1, 2, 3
OXYGEN_LEVEL_CODES: tuple[str, ...] = ("room_air", "low_flow", "high_flow_mask", "positive_pressure")
# Nasal cannula above 6 L/min is high-flow (clinical-rules §1 rule 4).
NASAL_CANNULA_LOW_FLOW_MAX_L_MIN = 6.0

_OXYGEN_LEVEL: dict[OxygenDevice, int] = {
    OxygenDevice.ROOM_AIR: OXYGEN_ROOM_AIR,
    OxygenDevice.BLOW_BY: OXYGEN_LOW_FLOW,
    OxygenDevice.NASAL_CANNULA: OXYGEN_LOW_FLOW,  # raised to 2 above 6 L/min
    OxygenDevice.FACE_MASK: OXYGEN_HIGH_FLOW_MASK,
    OxygenDevice.NON_REBREATHER: OXYGEN_HIGH_FLOW_MASK,
    OxygenDevice.VENTURI: OXYGEN_HIGH_FLOW_MASK,
    OxygenDevice.CPAP: OXYGEN_POSITIVE_PRESSURE,
    OxygenDevice.BIPAP: OXYGEN_POSITIVE_PRESSURE,
    OxygenDevice.MECHANICAL_VENTILATION: OXYGEN_POSITIVE_PRESSURE,
}


def oxygen_level(device: OxygenDevice, flow_l_min: float | None) -> int:
    """Chart level of oxygen support (clinical-rules §1 table, hypoxia row; flow only for nasal cannula).

    A nasal cannula with no recorded flow is charted as low-flow (the flow is shown as unknown in the hover).
    """
    level = _OXYGEN_LEVEL[device]
    if (device is OxygenDevice.NASAL_CANNULA and flow_l_min is not None
            and flow_l_min > NASAL_CANNULA_LOW_FLOW_MAX_L_MIN):
        return OXYGEN_HIGH_FLOW_MASK
    return level


# ---------------------------------------------------------------------------------------------------
# Units


class TemperatureUnit(StrEnum):
    CELSIUS = "C"
    FAHRENHEIT = "F"


class LabUnits(StrEnum):
    CN = "CN"  # canonical: 10^9/L, g/L, µmol/L
    US = "US"  # 10^3/µL, g/dL, mg/dL


TEMPERATURE_UCUM = {TemperatureUnit.CELSIUS: "Cel", TemperatureUnit.FAHRENHEIT: "[degF]"}


def celsius_to_fahrenheit(c: float) -> float:
    return c * 9.0 / 5.0 + 32.0


# (canonical unit, US unit, factor: US value = canonical value * factor) — clinical-rules §11.
# 10*9/L and 10*3/uL are the same quantity; hemoglobin g/L / 10 = g/dL; creatinine 88.4 µmol/L = 1 mg/dL.
_US_UNITS: dict[str, tuple[str, float]] = {
    "10*9/L": ("10*3/uL", 1.0),
    "g/L": ("g/dL", 0.1),
    "umol/L": ("mg/dL", 1.0 / 88.4),
}


def lab_display_unit(analyte: Analyte, lab_units: LabUnits | str = LabUnits.CN) -> tuple[str, float]:
    """(unit, factor) to display an analyte in the ward's unit system: value_shown = canonical * factor."""
    canonical = ANALYTES[analyte].canonical_unit
    if LabUnits(lab_units) is LabUnits.US and canonical in _US_UNITS:
        return _US_UNITS[canonical]
    return canonical, 1.0


# ---------------------------------------------------------------------------------------------------
# The series


Params = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class NumericSeries:
    """Samples of one quantity: `ys[i]` at `xs[i]`; NaN breaks the line at a gap."""

    code: str  # SeriesCode value or lab_code(analyte)
    unit: str  # UCUM
    xs: array[float]  # array('d'), days since infusion (see module docstring)
    ys: array[float]  # array('d')
    log: bool = False  # draw on a logarithmic axis (cytokines, inflammatory markers, counts)
    analyte: Analyte | None = None

    def __len__(self) -> int:
        return len(self.xs)

    def finite_points(self) -> list[tuple[float, float]]:
        return [(x, y) for x, y in zip(self.xs, self.ys, strict=True) if not math.isnan(y)]


@dataclass(frozen=True, slots=True)
class StepSeries:
    """A value that holds until it changes: `values[i]` on [edges[i], edges[i+1])."""

    code: str
    unit: str
    edges: array[float]  # array('d'), len(values) + 1
    values: array[float]  # array('d'), NaN = unknown
    # What made each step, for hover text, e.g. (("norepinephrine", "8 ug/min"),) or
    # (("device", "nasal_cannula"), ("flow_l_min", "4")). Codes and numbers, not words.
    params: tuple[Params, ...] = ()

    def __len__(self) -> int:
        return len(self.values)

    def value_at(self, x: float) -> float | None:
        """The value holding at x (None outside the series)."""
        for i in range(len(self.values)):
            if self.edges[i] <= x < self.edges[i + 1]:
                return float(self.values[i])
        return None


@dataclass(frozen=True, slots=True)
class Marker:
    """A medication, bolus, intervention or 'unable' assessment at one time, with its hover details."""

    kind: MarkerKind
    x: float
    at: datetime
    # e.g. (("drug", "tocilizumab"), ("dose", "576"), ("unit", "mg"), ("n", "2"), ("of", "4"))
    params: Params = ()

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


@dataclass(frozen=True, slots=True)
class GradeInterval:
    x0: float
    x1: float
    grade: int | None  # None: not assessed


@dataclass(frozen=True, slots=True)
class GradeStrip:
    code: str  # "crs" | "icans"
    intervals: tuple[GradeInterval, ...]

    def grade_at(self, x: float) -> int | None:
        for iv in self.intervals:
            if iv.x0 <= x < iv.x1:
                return iv.grade
        return None


@dataclass(frozen=True, slots=True)
class Threshold:
    """A horizontal reference line, e.g. the fever line or the ICAHT ANC thresholds."""

    code: str  # "fever", "icaht_anc_500", "icaht_anc_100"
    value: float
    unit: str
    series: str  # the series code it belongs to
    source: str


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """Everything the trend charts draw for one patient (see module docstring for the conventions)."""

    day0_local: datetime  # naive local midnight of the infusion day (x = 0)
    infusion_x: float  # x of the infusion itself
    now_x: float  # x of `timeline.generated_at`
    temperature_unit: TemperatureUnit
    lab_units: LabUnits
    vitals: dict[str, NumericSeries]  # SeriesCode → series (temperature, heart rate, BP, RR, SpO2)
    ne_equivalent: StepSeries
    oxygen_level: StepSeries
    oxygen_flow: StepSeries
    labs: dict[str, NumericSeries]  # lab_code → series, in the requested order (log axis)
    blood_counts: dict[str, NumericSeries]  # ANC, platelets, hemoglobin (lab codes)
    scores: dict[str, NumericSeries]  # "ice", "capd"
    grade_strips: dict[str, GradeStrip]  # "crs", "icans"
    markers: tuple[Marker, ...]
    thresholds: tuple[Threshold, ...]
    extent: tuple[float, float]  # smallest and largest x of any data (or around now when empty)
    available_labs: tuple[Analyte, ...] = field(default=())  # analytes with any result in the timeline

    def wall_clock(self, x: float) -> datetime:
        """The ward's local clock time (naive) at abscissa x."""
        return self.day0_local + timedelta(days=x)

    def all_numeric(self) -> dict[str, NumericSeries]:
        return {**self.vitals, **self.labs, **self.blood_counts, **self.scores}


# ---------------------------------------------------------------------------------------------------
# Building


def _fmt(v: float) -> str:
    return f"{v:g}"


def _with_gaps(points: Iterable[tuple[float, float]],
               max_gap_days: float) -> tuple[array[float], array[float]]:
    """Sorted (x, y) → (xs, ys) with a NaN point between neighbours further apart than max_gap_days."""
    xs, ys = array("d"), array("d")
    prev: float | None = None
    for x, y in points:
        if prev is not None and x - prev > max_gap_days:
            xs.append((prev + x) / 2.0)
            ys.append(NAN)
        xs.append(x)
        ys.append(y)
        prev = x
    return xs, ys


def _numeric(code: str, unit: str, points: list[tuple[float, float]], max_gap_days: float,
             log: bool = False, analyte: Analyte | None = None) -> NumericSeries:
    points.sort(key=lambda p: p[0])
    xs, ys = _with_gaps(points, max_gap_days)
    return NumericSeries(code=code, unit=unit, xs=xs, ys=ys, log=log, analyte=analyte)


class _Abscissa:
    """`PatientTimeline.x` for many instants: the same wall-clock arithmetic (clinical_time.fractional_day),
    with the zone's UTC offset looked up once per 15 minutes (every zone changes its offset on a quarter
    hour), which makes minute-level monitor data cheap."""

    _BUCKET_S = 900

    def __init__(self, tl: PatientTimeline) -> None:
        self._tz = tl.tz
        day0 = datetime.combine(local_date(tl.patient.infusion_at, tl.tz), datetime.min.time())
        self._day0_s = (day0 - datetime(1970, 1, 1)).total_seconds()
        self._offsets: dict[int, float] = {}

    def __call__(self, at: datetime) -> float:
        ts = at.timestamp()
        bucket = int(ts // self._BUCKET_S)
        off = self._offsets.get(bucket)
        if off is None:
            local = datetime.fromtimestamp(bucket * self._BUCKET_S, self._tz)
            offset = local.utcoffset()
            off = offset.total_seconds() if offset is not None else 0.0
            self._offsets[bucket] = off
        return (ts + off - self._day0_s) / 86400.0


def _breaks(xs: Sequence[float], max_gap_days: float) -> list[int] | None:
    """Indexes where a silence longer than max_gap_days starts a new line; None when xs is not sorted."""
    out: list[int] = []
    for i, (a, b) in enumerate(pairwise(xs), start=1):
        if b - a > max_gap_days:
            out.append(i)
        elif b < a:
            return None
    return out


def _column(xs_all: Sequence[float], values: Sequence[float | None], max_gap_days: float,
            shared_breaks: list[int] | None) -> tuple[array[float], array[float]]:
    """(xs, ys) of the recorded values (None = not recorded), time-ordered, NaN across silences."""
    if None in values:
        pairs = [(x, y) for x, y in zip(xs_all, values, strict=True) if y is not None]
        xs = [p[0] for p in pairs]
        ys: list[float] = [p[1] for p in pairs]
        breaks = _breaks(xs, max_gap_days)
    else:
        xs, ys = list(xs_all), list(values)  # type: ignore[arg-type]
        breaks = shared_breaks
    if breaks is None:  # records out of time order: sort first
        order = sorted(range(len(xs)), key=xs.__getitem__)
        xs = [xs[i] for i in order]
        ys = [ys[i] for i in order]
        breaks = _breaks(xs, max_gap_days) or []
    if not breaks:
        return array("d", xs), array("d", ys)
    out_x, out_y = array("d"), array("d")
    start = 0
    for i in breaks:
        out_x.extend(xs[start:i])
        out_y.extend(ys[start:i])
        out_x.append((xs[i - 1] + xs[i]) / 2.0)
        out_y.append(NAN)
        start = i
    out_x.extend(xs[start:])
    out_y.extend(ys[start:])
    return out_x, out_y


def _vitals(tl: PatientTimeline, temperature_unit: TemperatureUnit,
            gap_days: float) -> dict[str, NumericSeries]:
    vs = tl.vitals
    x_of = _Abscissa(tl)
    xs_all = [x_of(v.meta.at) for v in vs]
    temp = [v.temperature_c for v in vs]
    if temperature_unit is TemperatureUnit.FAHRENHEIT:
        temp = [None if t is None else celsius_to_fahrenheit(t) for t in temp]
    # MAP as measured; when not measured, the usual estimate (SBP + 2 x DBP) / 3.
    mean_bp = [v.mean_bp_mmhg if v.mean_bp_mmhg is not None else
               (None if v.systolic_bp_mmhg is None or v.diastolic_bp_mmhg is None
                else (v.systolic_bp_mmhg + 2.0 * v.diastolic_bp_mmhg) / 3.0) for v in vs]
    columns: dict[str, tuple[str, Sequence[float | None]]] = {
        SeriesCode.TEMPERATURE: (TEMPERATURE_UCUM[temperature_unit], temp),
        SeriesCode.SYSTOLIC_BP: ("mm[Hg]", [v.systolic_bp_mmhg for v in vs]),
        SeriesCode.MEAN_BP: ("mm[Hg]", mean_bp),
        SeriesCode.DIASTOLIC_BP: ("mm[Hg]", [v.diastolic_bp_mmhg for v in vs]),
        SeriesCode.HEART_RATE: ("/min", [v.heart_rate_per_min for v in vs]),
        SeriesCode.RESPIRATORY_RATE: ("/min", [v.respiratory_rate_per_min for v in vs]),
        SeriesCode.SPO2: ("%", [v.spo2_pct for v in vs]),
    }
    out: dict[str, NumericSeries] = {}
    shared = _breaks(xs_all, gap_days)
    for code, (unit, values) in columns.items():
        xs, ys = _column(xs_all, values, gap_days, shared)
        out[code] = NumericSeries(code=code, unit=unit, xs=xs, ys=ys)
    return out


def _close_steps(code: str, unit: str, steps: list[tuple[float, float, Params]], now_x: float) -> StepSeries:
    """(x start, value, params) changes → edges/values; the last step runs until now (or its start)."""
    edges, values = array("d"), array("d")
    params: list[Params] = []
    for i, (x, value, p) in enumerate(steps):
        if i and x == edges[-1]:  # two changes at the same instant: the later record wins
            values[-1] = value
            params[-1] = p
            continue
        edges.append(x)
        values.append(value)
        params.append(p)
    if values:
        edges.append(max(now_x, edges[-1]))
    return StepSeries(code=code, unit=unit, edges=edges, values=values, params=tuple(params))


def _vasopressor_steps(tl: PatientTimeline, now_x: float) -> StepSeries:
    """NE-equivalent of the infusions running after each start / change / stop (clinical-rules §2), computed
    by the grading engine's own `ne_equivalent_ug_min`, so the chart and the grade agree."""
    running: dict[VasopressorDrug, VasopressorInfusion] = {}
    steps: list[tuple[float, float, Params]] = []
    weight = tl.patient.weight_kg
    for rec in sorted(tl.vasopressors, key=lambda r: r.meta.at):
        if rec.event is VasopressorEvent.STOP or rec.dose is None:
            running.pop(rec.drug, None)
        else:
            running[rec.drug] = VasopressorInfusion(rec.drug, rec.dose, rec.unit)
        infusions = tuple(running[d] for d in VasopressorDrug if d in running)
        ne = ne_equivalent_ug_min(infusions, weight) if infusions else 0.0
        params = tuple((i.drug.value, f"{_fmt(i.dose)} {i.unit.value}") for i in infusions)
        steps.append((tl.x(rec.meta.at), NAN if ne is None else ne, params))
    return _close_steps(SeriesCode.NE_EQUIVALENT, "ug/min", steps, now_x)


def _oxygen_steps(tl: PatientTimeline, now_x: float) -> tuple[StepSeries, StepSeries]:
    levels: list[tuple[float, float, Params]] = []
    flows: list[tuple[float, float, Params]] = []
    for rec in sorted(tl.oxygen, key=lambda r: r.meta.at):
        x = tl.x(rec.meta.at)
        p: Params = (("device", rec.device.value),
                     ("flow_l_min", "" if rec.flow_l_min is None else _fmt(rec.flow_l_min)))
        if rec.for_comfort:
            p += (("for_comfort", "1"),)
        levels.append((x, float(oxygen_level(rec.device, rec.flow_l_min)), p))
        if rec.device is OxygenDevice.ROOM_AIR:
            flow = 0.0
        else:
            flow = NAN if rec.flow_l_min is None else rec.flow_l_min
        flows.append((x, flow, p))
    return (_close_steps(SeriesCode.OXYGEN_LEVEL, "{level}", levels, now_x),
            _close_steps(SeriesCode.OXYGEN_FLOW, "L/min", flows, now_x))


def _labs(tl: PatientTimeline, analytes: Sequence[Analyte], lab_units: LabUnits, gap_days: float,
          log: bool) -> dict[str, NumericSeries]:
    out: dict[str, NumericSeries] = {}
    wanted = set(analytes)
    by_analyte: dict[Analyte, list[tuple[float, float]]] = {a: [] for a in analytes}
    for lab in tl.labs:
        if lab.analyte not in wanted:
            continue
        _unit, factor = lab_display_unit(lab.analyte, lab_units)
        by_analyte[lab.analyte].append((tl.x(lab.meta.at), lab.value * factor))
    for a in analytes:
        unit, _factor = lab_display_unit(a, lab_units)
        out[lab_code(a)] = _numeric(lab_code(a), unit, by_analyte[a], gap_days, log=log, analyte=a)
    return out


def _scores(tl: PatientTimeline, gap_days: float) -> tuple[dict[str, NumericSeries], list[Marker]]:
    ice: list[tuple[float, float]] = []
    capd: list[tuple[float, float]] = []
    markers: list[Marker] = []
    for a in tl.encephalopathy:
        x = tl.x(a.meta.at)
        score = _score(a)
        if a.tool is EncephalopathyTool.ICE:
            if score is not None:
                ice.append((x, float(score)))
            elif a.ice_unable is not None:
                markers.append(Marker(MarkerKind.ICE_UNABLE, x, a.meta.at, (("reason", a.ice_unable.value),)))
        elif score is not None:
            capd.append((x, float(score)))
        elif a.capd_unable:
            markers.append(Marker(MarkerKind.CAPD_UNABLE, x, a.meta.at, (("reason", "unarousable"),)))
    return ({SeriesCode.ICE: _numeric(SeriesCode.ICE, "{score}", ice, gap_days),
             SeriesCode.CAPD: _numeric(SeriesCode.CAPD, "{score}", capd, gap_days)}, markers)


def _score(a: EncephalopathyAssessment) -> int | None:
    if a.score is not None:
        return a.score
    if a.ice is not None:
        i = a.ice
        return i.orientation + i.naming + i.commands + i.writing + i.attention
    return None


def _grade_strips(tl: PatientTimeline, now_x: float, hold_days: float) -> dict[str, GradeStrip]:
    points = sorted(tl.grades, key=lambda g: g.at)
    x_of = _Abscissa(tl)  # one grade point per vitals minute on a monitored patient: tl.x is too slow here
    xs = [x_of(g.at) for g in points]
    return {"crs": GradeStrip("crs", _intervals(xs, [g.crs.grade for g in points], now_x, hold_days)),
            "icans": GradeStrip("icans", _intervals(xs, [g.icans.grade for g in points], now_x, hold_days))}


def _intervals(xs: Sequence[float], grades: Sequence[int | None], now_x: float,
               hold_days: float) -> tuple[GradeInterval, ...]:
    """Coloured bands: each grade holds until the next point, for at most ``hold_days``; runs of the same
    grade merge into one band (an open band is carried as plain floats, one object per band)."""
    out: list[GradeInterval] = []
    open_x0 = open_x1 = 0.0
    open_grade: int | None = None
    is_open = False

    def push(x0: float, x1: float, grade: int | None) -> None:
        nonlocal open_x0, open_x1, open_grade, is_open
        if x1 <= x0:
            return
        if is_open and open_grade == grade and open_x1 == x0:
            open_x1 = x1
            return
        if is_open:
            out.append(GradeInterval(open_x0, open_x1, open_grade))
        open_x0, open_x1, open_grade, is_open = x0, x1, grade, True

    n = len(xs)
    for i in range(n):
        x = xs[i]
        nxt = xs[i + 1] if i + 1 < n else max(now_x, x)
        held = min(nxt, x + hold_days)
        push(x, held, grades[i])
        if held < nxt:
            push(held, nxt, None)  # silence longer than the hold: not assessed, never a calm grade 0
    if is_open:
        out.append(GradeInterval(open_x0, open_x1, open_grade))
    return tuple(out)


def _markers(tl: PatientTimeline) -> list[Marker]:
    out: list[Marker] = []
    toci_n = 0
    for m in sorted(tl.medications, key=lambda m: m.meta.at):
        kind = _MEDICATION_MARKERS.get(m.kind)
        if kind is None:
            continue
        params: Params = (("drug", m.kind.value), ("name", m.drug_name), ("dose", _fmt(m.dose)),
                          ("unit", m.unit), ("route", m.route))
        if kind is MarkerKind.TOCILIZUMAB:
            toci_n += 1
            params += (("n", str(toci_n)), ("of", str(TOCILIZUMAB_MAX_DOSES_TOTAL)))
        out.append(Marker(kind, tl.x(m.meta.at), m.meta.at, params))
    for b in tl.fluid_boluses:
        out.append(Marker(MarkerKind.FLUID_BOLUS, tl.x(b.meta.at), b.meta.at,
                          (("volume_ml", _fmt(b.volume_ml)), ("fluid", b.fluid))))
    for iv in tl.interventions:
        ikind = _INTERVENTION_MARKERS.get(iv.kind)
        if ikind is not None:
            out.append(Marker(ikind, tl.x(iv.meta.at), iv.meta.at, (("note", iv.note),)))
    return out


def build_chart_series(
    timeline: PatientTimeline,
    lab_analytes: Sequence[Analyte] = DEFAULT_LABS,
    temperature_unit: TemperatureUnit | str = TemperatureUnit.CELSIUS,
    lab_units: LabUnits | str = LabUnits.CN,
    *,
    vitals_gap_h: float = DEFAULT_VITALS_GAP_H,
    labs_gap_h: float = DEFAULT_LABS_GAP_H,
    grade_hold_h: float = DEFAULT_GRADE_HOLD_H,
) -> ChartSeries:
    """All chart series of one patient (clinical-rules §0 time, §1 fever, §2 NE-equivalent, §8 ICAHT, §11).

    `timeline` holds effective record versions only (amendments already applied by the store), so an
    amended value simply replaces the original here. Temperatures are converted to `temperature_unit`
    ("C" / "F", fever line too); blood counts and other labs to the ward's `lab_units` ("CN" canonical /
    "US"). Lines break (NaN) across silences longer than `vitals_gap_h` / `labs_gap_h`; a grade holds for
    at most `grade_hold_h` before the strip shows "not assessed".
    """
    tl = timeline
    t_unit = TemperatureUnit(temperature_unit)
    l_units = LabUnits(lab_units)
    now_x = tl.x(tl.generated_at)
    infusion = tl.patient.infusion_at
    day0_local = datetime.combine(local_date(infusion, tl.tz), datetime.min.time())

    vitals = _vitals(tl, t_unit, vitals_gap_h / 24.0)
    ne = _vasopressor_steps(tl, now_x)
    o2_level, o2_flow = _oxygen_steps(tl, now_x)
    labs = _labs(tl, tuple(dict.fromkeys(lab_analytes)), l_units, labs_gap_h / 24.0, log=True)
    counts = _labs(tl, BLOOD_COUNTS, l_units, labs_gap_h / 24.0, log=True)
    scores, unable = _scores(tl, 1e9)  # scores are spot checks: connect them, never break for silence
    strips = _grade_strips(tl, now_x, grade_hold_h / 24.0)
    markers = sorted(_markers(tl) + unable, key=lambda m: (m.x, m.kind.value))

    fever = FEVER_THRESHOLD_C
    if t_unit is TemperatureUnit.FAHRENHEIT:
        fever = celsius_to_fahrenheit(FEVER_THRESHOLD_C)
    anc_unit, anc_factor = lab_display_unit(Analyte.ANC, l_units)
    thresholds = (
        Threshold("fever", fever, TEMPERATURE_UCUM[t_unit], SeriesCode.TEMPERATURE, "clinical-rules §1"),
        Threshold("icaht_anc_500", ICAHT_ANC_THRESHOLDS_10E9_L[0] * anc_factor, anc_unit,
                  lab_code(Analyte.ANC), "EHA-EBMT-2023; clinical-rules §8"),
        Threshold("icaht_anc_100", ICAHT_ANC_THRESHOLDS_10E9_L[1] * anc_factor, anc_unit,
                  lab_code(Analyte.ANC), "EHA-EBMT-2023; clinical-rules §8"),
    )

    xs: list[float] = []
    for s in (*vitals.values(), *labs.values(), *counts.values(), *scores.values()):
        if len(s.xs):
            xs += (s.xs[0], s.xs[-1])
    for st in (ne, o2_level):
        if len(st.edges):
            xs += (st.edges[0], st.edges[-1])
    xs += [m.x for m in markers[:1] + markers[-1:]]
    for strip in strips.values():
        if strip.intervals:
            xs += (strip.intervals[0].x0, strip.intervals[-1].x1)
    extent = (min(xs), max(xs)) if xs else (min(0.0, now_x) - 1.0, max(0.0, now_x) + 1.0)

    return ChartSeries(
        day0_local=day0_local,
        infusion_x=tl.x(infusion),
        now_x=now_x,
        temperature_unit=t_unit,
        lab_units=l_units,
        vitals=vitals,
        ne_equivalent=ne,
        oxygen_level=o2_level,
        oxygen_flow=o2_flow,
        labs=labs,
        blood_counts=counts,
        scores=scores,
        grade_strips=strips,
        markers=tuple(markers),
        thresholds=thresholds,
        extent=extent,
        available_labs=tuple(a for a in Analyte if any(lab.analyte is a for lab in tl.labs)),
    )


# ---------------------------------------------------------------------------------------------------
# Visible range presets


class RangePreset(StrEnum):
    LYMPHODEPLETION_TO_D14 = "d-7_d+14"  # day -7 to day +14 (inclusive days)
    D0_TO_D30 = "d0_d+30"  # day 0 to day +30
    ALL = "all"
    LAST_24H = "last_24h"


def visible_range_preset(name: RangePreset | str, timeline_now: float,
                         extent: tuple[float, float] | None = None) -> tuple[float, float]:
    """(x0, x1) for a preset. `timeline_now` is the x of now (`ChartSeries.now_x`); `extent` the data extent
    (`ChartSeries.extent`) for "all". Day ranges include their last day: day -7 to +14 = [-7, 15)."""
    preset = RangePreset(name)
    if preset is RangePreset.LYMPHODEPLETION_TO_D14:
        return (-7.0, 15.0)
    if preset is RangePreset.D0_TO_D30:
        return (0.0, 31.0)
    if preset is RangePreset.LAST_24H:
        return (timeline_now - 1.0, timeline_now)
    lo, hi = extent if extent is not None else (min(0.0, timeline_now), max(0.0, timeline_now))
    lo, hi = min(lo, 0.0), max(hi, timeline_now)  # day 0 and now always in view
    pad = max((hi - lo) * 0.02, 1.0 / 24.0)
    return (lo - pad, hi + pad)
