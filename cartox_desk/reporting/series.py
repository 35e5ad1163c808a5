"""The chart data of the PDF: `core.series.build_chart_series`, the same series as the screen charts.

This module only picks the seven-day window of the report, thins minute-by-minute data for print (the
minimum and maximum of each bucket are kept, so a fever spike or a blood-pressure dip never disappears),
keeps the series' gaps (NaN breaks a line), and turns it into `ChartPanel`s. No clinical value is computed
here: NE-equivalent steps, MAP estimates, grade strips and the fever line all come from `core.series`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import timedelta

from cartox_desk.core.clinical_time import day_start
from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import PatientTimeline
from cartox_desk.core.series import (
    ChartSeries,
    MarkerKind,
    NumericSeries,
    SeriesCode,
    StepSeries,
    build_chart_series,
    lab_code,
)
from cartox_desk.reporting.data import COURSE_DAYS, ChartLine, ChartPanel, ChartSet, GradeStrip, _course

MAX_POINTS = 360  # per line on a ~260 pt wide chart: more is invisible on paper
NAN = float("nan")
REPORT_LABS = (Analyte.IL6, Analyte.CRP, Analyte.FERRITIN)
# Treatment markers printed on the temperature and hemodynamics panels (letter + dose number).
MARKER_LETTERS = {
    MarkerKind.TOCILIZUMAB: "T",
    MarkerKind.STEROID: "D",
    MarkerKind.ANAKINRA: "A",
    MarkerKind.SILTUXIMAB: "Si",
    MarkerKind.ICU_TRANSFER: "ICU",
    MarkerKind.INTUBATION: "IT",
    MarkerKind.CRRT: "CRRT",
    MarkerKind.PLASMA_EXCHANGE: "PE",
}
# Grade points before the window that can still hold into it (core.series holds a grade <= 12 h).
GRADE_LOOKBACK = timedelta(days=1)


def _segments(points: Sequence[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    segs: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if math.isnan(p[1]):
            if segs[-1]:
                segs.append([])
        else:
            segs[-1].append(p)
    return [s for s in segs if s]


def _thin_segment(points: Sequence[tuple[float, float]], max_points: int) -> list[tuple[float, float]]:
    n = len(points)
    if n <= max_points:
        return list(points)
    buckets = max(1, max_points // 2)
    x0, x1 = points[0][0], points[-1][0]
    width = (x1 - x0) / buckets or 1.0
    out: list[tuple[float, float]] = []
    i = 0
    while i < n:
        b = int((points[i][0] - x0) / width)
        lo = hi = points[i]
        j = i
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
    return out


def thin(
    points: Sequence[tuple[float, float]], max_points: int = MAX_POINTS
) -> tuple[tuple[float, float], ...]:
    """At most ~max_points, keeping each bucket's minimum and maximum, in x order; NaN gaps are kept."""
    total = sum(1 for p in points if not math.isnan(p[1]))
    if total <= max_points:
        return tuple(points)
    out: list[tuple[float, float]] = []
    for seg in _segments(points):
        share = max(2, round(max_points * len(seg) / total))
        if out:
            out.append((seg[0][0], NAN))
        out += _thin_segment(seg, share)
    return tuple(out)


def _clip_numeric(s: NumericSeries | None, x0: float, x1: float) -> list[tuple[float, float]]:
    if s is None or not len(s.xs):
        return []
    lo = bisect.bisect_left(s.xs, x0)
    hi = bisect.bisect_right(s.xs, x1)
    return list(zip(s.xs[lo:hi], s.ys[lo:hi], strict=True))


def _clip_steps(s: StepSeries, x0: float, x1: float) -> list[tuple[float, float]]:
    """Step corners (start of each step, value) inside [x0, x1], plus the end of the last step."""
    out: list[tuple[float, float]] = []
    for i, v in enumerate(s.values):
        a, b = s.edges[i], s.edges[i + 1]
        if b <= x0 or a >= x1:
            continue
        out.append((max(a, x0), v))
        if i == len(s.values) - 1 or s.edges[i + 1] >= x1:
            out.append((min(b, x1), v))
    return out


def _window_timeline(timeline: PatientTimeline, start, end) -> PatientTimeline:
    """The records the window's series need: dense vitals and labs cut to the window (a long stay has
    tens of thousands of minute vitals); infusions, oxygen and medications kept whole (few, and their
    running state at the window start depends on earlier records)."""

    def cut(items, lo, key=lambda r: r.meta.at):
        a = bisect.bisect_left(items, lo, key=key)
        b = bisect.bisect_left(items, end, key=key)
        return items[a:b]

    return replace(
        timeline,
        vitals=cut(timeline.vitals, start),
        labs=cut(timeline.labs, start),
        grades=cut(timeline.grades, start - GRADE_LOOKBACK, key=lambda g: g.at),
    )


def _markers(series: ChartSeries, x0: float, x1: float) -> tuple[tuple[float, str], ...]:
    out = []
    for m in series.markers:
        letter = MARKER_LETTERS.get(m.kind)
        if letter is None:
            continue
        if x0 <= m.x <= x1:
            if m.kind is MarkerKind.STEROID:  # D = dexamethasone, M = methylprednisolone
                letter = "M" if m.param("drug") == "methylprednisolone" else "D"
            out.append((m.x, f"{letter}{m.param('n') or ''}"))
    return tuple(out)


def _lines(points: Iterable[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    return thin(list(points))


def chart_set_for(timeline: PatientTimeline, day: int, shift_start_hour: int = 8) -> ChartSet:
    p = timeline.patient
    first = day - COURSE_DAYS + 1
    start = day_start(first, p.infusion_at, timeline.tz, shift_start_hour)
    end = day_start(day + 1, p.infusion_at, timeline.tz, shift_start_hour)
    x0, x1 = timeline.x(start), timeline.x(end)
    series = build_chart_series(_window_timeline(timeline, start, end), lab_analytes=REPORT_LABS)
    fever = next((t for t in series.thresholds if t.code == "fever"), None)
    markers = _markers(series, x0, x1)
    v = series.vitals
    panels = (
        ChartPanel(
            "chart_temp",
            (ChartLine("temperature", _lines(_clip_numeric(v.get(SeriesCode.TEMPERATURE), x0, x1))),),
            (x0, x1),
            hlines=((fever.value, "line_38"),) if fever else (),
            y_unit="°C",
            markers=markers,
        ),
        ChartPanel(
            "chart_hemo",
            (
                ChartLine("sbp", _lines(_clip_numeric(v.get(SeriesCode.SYSTOLIC_BP), x0, x1))),
                ChartLine("map", _lines(_clip_numeric(v.get(SeriesCode.MEAN_BP), x0, x1)), style="dash"),
                ChartLine(
                    "ne_eq",
                    tuple(_clip_steps(series.ne_equivalent, x0, x1)),
                    axis="right",
                    style="dot",
                    step=True,
                ),
            ),
            (x0, x1),
            y_unit="mmHg",
            right_unit="µg/min",
            markers=markers,
        ),
        ChartPanel(
            "chart_labs",
            tuple(
                ChartLine(
                    key,
                    _lines(_clip_numeric(series.labs.get(lab_code(a)), x0, x1)),
                    style=style,
                    marker=marker,
                )
                for key, a, style, marker in (
                    ("il6", Analyte.IL6, "solid", "circle"),
                    ("crp", Analyte.CRP, "dash", "square"),
                    ("ferritin", Analyte.FERRITIN, "dot", "triangle"),
                )
            ),
            (x0, x1),
            log_y=True,
        ),
    )
    course = _course(timeline, day, shift_start_hour)
    strips = tuple(
        GradeStrip(
            key,
            tuple((c.day, getattr(c, attr)) for c in course),
            tuple(
                (max(iv.x0, x0), min(iv.x1, x1), iv.grade)
                for iv in series.grade_strips[code].intervals
                if iv.x1 > x0 and iv.x0 < x1
            )
            if code in series.grade_strips
            else (),
            shift_start_hour / 24,
        )
        for key, code, attr in (("crs_short", "crs", "crs"), ("icans_short", "icans", "icans"))
    )
    return ChartSet((x0, x1), panels, strips, "core.series")
