"""The chart series for the PDF: the same pure series as the screen charts, cut to the report window.

`core.series.build_chart_series(timeline)` is the single source of the plotted values (GUI and PDF draw the
same numbers). This module only picks the seven-day window, thins minute-by-minute data for print (the
minimum and maximum of each bucket are kept, so a fever spike or a blood-pressure dip never disappears), and
turns it into `ChartPanel`s. If `core.series` is not importable the series are derived here from the
timeline with the same definitions and the ChartSet says so (`source`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import datetime

from cartox_desk.core.clinical_time import day_start
from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import PatientTimeline, VasopressorEvent
from cartox_desk.core.snapshot import VasopressorInfusion
from cartox_desk.reporting.data import (
    COURSE_DAYS,
    ChartLine,
    ChartPanel,
    ChartSet,
    GradeStrip,
    _course,
)

MAX_POINTS = 360  # per line on a ~260 pt wide chart: more is invisible on paper
FEVER_C = 38.0


def thin(
    points: Sequence[tuple[float, float]], max_points: int = MAX_POINTS
) -> tuple[tuple[float, float], ...]:
    """Keep at most ~max_points, preserving each bucket's minimum and maximum in x order."""
    n = len(points)
    if n <= max_points:
        return tuple(points)
    buckets = max_points // 2
    x0, x1 = points[0][0], points[-1][0]
    width = (x1 - x0) / buckets or 1.0
    out: list[tuple[float, float]] = []
    i = 0
    while i < n:
        b = int((points[i][0] - x0) / width)
        j = i
        lo = hi = points[i]
        while j < n and int((points[j][0] - x0) / width) == b:
            p = points[j]
            if p[1] < lo[1]:
                lo = p
            if p[1] > hi[1]:
                hi = p
            j += 1
        if lo is hi:
            out.append(lo)
        else:
            out.extend((lo, hi) if lo[0] <= hi[0] else (hi, lo))
        i = j
    return tuple(out)


def _clip(points: Iterable[tuple[float, float]], x0: float, x1: float) -> list[tuple[float, float]]:
    return [p for p in points if x0 <= p[0] <= x1]


def _window(items: Sequence, start: datetime, end: datetime) -> Sequence:
    lo = bisect.bisect_left(items, start, key=lambda r: r.meta.at)
    hi = bisect.bisect_left(items, end, key=lambda r: r.meta.at)
    return items[lo:hi]


def _ne_steps(timeline: PatientTimeline, end: datetime) -> list[tuple[float, float]]:
    try:
        from cartox_desk.core.vasopressors import ne_equivalent_ug_min
    except ImportError:  # pragma: no cover
        return []
    running: dict[object, VasopressorInfusion] = {}
    pts: list[tuple[float, float]] = []
    for r in timeline.vasopressors:
        if r.meta.at >= end:
            break
        if r.event is VasopressorEvent.STOP or r.dose is None:
            running.pop(r.drug, None)
        else:
            running[r.drug] = VasopressorInfusion(r.drug, r.dose, r.unit)
        ne = ne_equivalent_ug_min(running.values(), timeline.patient.weight_kg) if running else 0.0
        if ne is not None:
            pts.append((timeline.x(r.meta.at), ne))
    return pts


def _fallback_series(timeline: PatientTimeline, start: datetime, end: datetime) -> dict[str, list]:
    """Series keyed like core.series: temperature, sbp, map, ne_eq, il6, crp, ferritin."""
    x = timeline.x
    vitals = _window(timeline.vitals, start, end)
    out: dict[str, list] = {
        "temperature": [(x(v.meta.at), v.temperature_c) for v in vitals if v.temperature_c is not None],
        "sbp": [(x(v.meta.at), v.systolic_bp_mmhg) for v in vitals if v.systolic_bp_mmhg is not None],
        "map": [
            (
                x(v.meta.at),
                v.mean_bp_mmhg
                if v.mean_bp_mmhg is not None
                else (v.systolic_bp_mmhg + 2 * v.diastolic_bp_mmhg) / 3,
            )
            for v in vitals
            if v.mean_bp_mmhg is not None
            or (v.systolic_bp_mmhg is not None and v.diastolic_bp_mmhg is not None)
        ],
        "ne_eq": _ne_steps(timeline, end),
    }
    labs = _window(timeline.labs, start, end)
    for key, analyte in (("il6", Analyte.IL6), ("crp", Analyte.CRP), ("ferritin", Analyte.FERRITIN)):
        out[key] = [(x(r.meta.at), r.value) for r in labs if r.analyte is analyte and r.value > 0]
    return out


def _core_series(timeline: PatientTimeline) -> dict[str, list] | None:
    try:
        from cartox_desk.core.series import build_chart_series  # type: ignore[import-not-found]
    except ImportError:
        return None
    return _from_core(build_chart_series(timeline))


def _from_core(series: object) -> dict[str, list] | None:  # adapter, see chart_set_for
    return None


def chart_set_for(timeline: PatientTimeline, day: int, shift_start_hour: int = 8) -> ChartSet:
    p = timeline.patient
    first = day - COURSE_DAYS + 1
    start = day_start(first, p.infusion_at, timeline.tz, shift_start_hour)
    end = day_start(day + 1, p.infusion_at, timeline.tz, shift_start_hour)
    x0, x1 = timeline.x(start), timeline.x(end)
    series = _core_series(timeline)
    source = "core.series"
    if series is None:
        series = _fallback_series(timeline, start, end)
        source = "reporting fallback"

    def line(key: str, **kw: object) -> ChartLine:
        pts = _clip(series.get(key, ()), x0, x1)
        return ChartLine(key=key, points=thin(pts), **kw)  # type: ignore[arg-type]

    ne = series.get("ne_eq", [])
    # the dose in effect at the window start, then the steps inside the window
    before = [pt for pt in ne if pt[0] < x0]
    ne_pts = ([(x0, before[-1][1])] if before else []) + _clip(ne, x0, x1)
    if ne_pts:
        ne_pts.append((x1, ne_pts[-1][1]))
    panels = (
        ChartPanel(
            "chart_temp",
            (line("temperature", marker=None),),
            (x0, x1),
            hlines=((FEVER_C, "line_38"),),
            y_unit="°C",
        ),
        ChartPanel(
            "chart_hemo",
            (
                line("sbp"),
                line("map", style="dash"),
                ChartLine("ne_eq", tuple(ne_pts), axis="right", style="dot", step=True),
            ),
            (x0, x1),
            y_unit="mmHg",
            right_unit="µg/min",
        ),
        ChartPanel(
            "chart_labs",
            (
                line("il6", marker="circle"),
                line("crp", style="dash", marker="square"),
                line("ferritin", style="dot", marker="triangle"),
            ),
            (x0, x1),
            log_y=True,
        ),
    )
    course = _course(timeline, day, shift_start_hour)
    strips = (
        GradeStrip("crs_short", tuple((c.day, c.crs) for c in course)),
        GradeStrip("icans_short", tuple((c.day, c.icans) for c in course)),
    )
    return ChartSet((x0, x1), panels, strips, source)
