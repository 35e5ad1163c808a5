"""The chart data of the PDF: `core.series.build_chart_series`, the same series as the screen charts.

This module only picks the seven-day window of the report, thins minute-by-minute data for print (the
minimum and maximum of each bucket are kept, so a fever spike or a blood-pressure dip never disappears),
keeps the series' gaps (NaN breaks a line), and turns it into `ChartPanel`s. No clinical value is computed
here: NE-equivalent steps, MAP estimates, grade strips and the fever line all come from `core.series`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from cartox_desk.core.clinical_time import day_start
from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import GradePoint, PatientTimeline
from cartox_desk.core.series import (
    ChartSeries,
    MarkerKind,
    NumericSeries,
    SeriesCode,
    StepSeries,
    build_chart_series,
    lab_code,
)
from cartox_desk.reporting.data import (
    COURSE_DAYS,
    ChartLine,
    ChartPanel,
    ChartSet,
    CourseDay,
    GradeStrip,
    _course,
)

MAX_POINTS = 240  # per line on a ~230 pt wide plot (min + max of 120 buckets): more is invisible on paper
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
GRADE_KEEP_EVERY = timedelta(hours=1)


def thin(
    points: Sequence[tuple[float, float]], max_points: int = MAX_POINTS
) -> tuple[tuple[float, float], ...]:
    """At most ~max_points, keeping each bucket's minimum and maximum in x order; NaN gaps are kept."""
    if len(points) <= max_points:
        return tuple(points)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return tuple(thin_xy(xs, ys, max_points))


def thin_xy(
    xs: Sequence[float], ys: Sequence[float], max_points: int = MAX_POINTS
) -> list[tuple[float, float]]:
    """`thin` over parallel x / y sequences (e.g. the arrays of core.series), in one pass."""
    n = len(xs)
    if n <= max_points:
        return list(zip(xs, ys, strict=True))
    x0 = xs[0]
    k = (max_points // 2) / ((xs[-1] - x0) or 1.0)
    out: list[tuple[float, float]] = []
    cur = None
    lo = hi = 0

    def flush() -> None:
        if lo == hi:
            out.append((xs[lo], ys[lo]))
        elif lo < hi:
            out.extend(((xs[lo], ys[lo]), (xs[hi], ys[hi])))
        else:
            out.extend(((xs[hi], ys[hi]), (xs[lo], ys[lo])))

    for i in range(n):
        y = ys[i]
        if y != y:  # NaN: a gap in the series, kept so the line breaks there
            if cur is not None:
                flush()
            out.append((xs[i], y))
            cur = None
            continue
        b = int((xs[i] - x0) * k)
        if b != cur:
            if cur is not None:
                flush()
            cur, lo, hi = b, i, i
        elif y < ys[lo]:
            lo = i
        elif y > ys[hi]:
            hi = i
    if cur is not None:
        flush()
    return out


def _clip_xy(s: NumericSeries | None, x0: float, x1: float) -> tuple[Sequence[float], Sequence[float]]:
    if s is None or not len(s.xs):
        return (), ()
    lo = bisect.bisect_left(s.xs, x0)
    hi = bisect.bisect_right(s.xs, x1)
    return s.xs[lo:hi], s.ys[lo:hi]


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
        grades=_thin_grades(cut(timeline.grades, start - GRADE_LOOKBACK, key=lambda g: g.at)),
    )


def _thin_grades(points: Sequence[GradePoint]) -> tuple[GradePoint, ...]:
    """Every grade change, and otherwise one point an hour: the strip is drawn identically (a grade holds
    up to 12 h in core.series), while minute monitoring would give it ~10,000 points a week."""
    out: list[GradePoint] = []
    prev_key = None
    for g in points:
        key = (g.crs.grade, g.icans.grade, g.icans.status)
        if key != prev_key or g.at - out[-1].at >= GRADE_KEEP_EVERY or g is points[-1]:
            out.append(g)
            prev_key = key
    return tuple(out)


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


def _numeric_line(s: NumericSeries | None, x0: float, x1: float) -> tuple[tuple[float, float], ...]:
    return tuple(thin_xy(*_clip_xy(s, x0, x1)))


def chart_set_for(
    timeline: PatientTimeline, day: int, shift_start_hour: int = 8, course: Sequence[CourseDay] | None = None
) -> ChartSet:
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
            (ChartLine("temperature", _numeric_line(v.get(SeriesCode.TEMPERATURE), x0, x1)),),
            (x0, x1),
            hlines=((fever.value, "line_38"),) if fever else (),
            y_unit="°C",
            markers=markers,
        ),
        ChartPanel(
            "chart_hemo",
            (
                ChartLine("sbp", _numeric_line(v.get(SeriesCode.SYSTOLIC_BP), x0, x1)),
                ChartLine("map", _numeric_line(v.get(SeriesCode.MEAN_BP), x0, x1), style="dash"),
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
                    _numeric_line(series.labs.get(lab_code(a)), x0, x1),
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
    if course is None:
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
