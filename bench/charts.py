"""Benchmark (not a test): trend charts of a 30-day, minute-level patient (issue 5).

43,200 points (one a minute for 30 days) in each of 5 vital series (temperature, systolic / mean BP, heart
rate, SpO2), daily cytokines / inflammatory markers and blood counts, 6-hourly grades and ICE, vasopressor,
oxygen and treatment events. Measures, in one process, offscreen:

- series_build_ms: `core.series.build_chart_series` on the timeline (best of 3);
- first_render_ms: the series shown by a `TrendChartsWidget` on screen at 1366x768 (offscreen platform):
  set_series plus the event processing in which Qt paints it into the window;
- pan_zoom_ms: the mean of 50 pan / zoom steps, alternating pans and zooms over the whole 30 days and inside a
  few days. A step is `set_x_range` plus the event processing in which Qt repaints what changed into the
  window, as on a ward laptop: the chart view (a pan moves every panel), not the toolbar, side axes and
  legends that stayed. The bench checks that every step painted a frame and that a sample of frames (and the
  first render) show exactly what a full render of the widget shows; it warns, and the figures are void, if
  not.
  The earlier method is still measured and printed for comparison (grab_*): a hidden widget whose step ends
  with `grab()`, a repaint of the whole widget (toolbar included) into a new pixmap;
- hover (printed, no target): the pointer crossing the course over one panel, crosshair and value label
  included, on screen;
- matplotlib_ms: the same series drawn by matplotlib (Agg, same 1366x768 size, 7 stacked axes), the mean of
  the pan / zoom steps (set_xlim + draw) — one frame each, like pyqtgraph's step; its first render is printed
  too. speedup = matplotlib_ms / pan_zoom_ms.

Wall times depend on what else runs on the machine; the CPU time of the same steps (process_time, all threads
of this process) is printed next to them and in the RESULT line (*_cpu_ms, speedup_cpu), with the mean, median
and 95th percentile of the steps and the load average at the start and at the end. On this kind of shared VM
even CPU time swings by a third between runs minutes apart (the other virtual CPU's work slows this one), so
the user-space instructions per step are printed too where the Linux perf counter is available
(`cpu_counter.py`): pan_zoom_minstr, matplotlib_minstr and their ratio speedup_instr, steady across runs.

Targets: first render < 300 ms, pan / zoom step < 16 ms, speedup >= 10 (on screen). The last line is
``RESULT series_build_ms=… first_render_ms=… pan_zoom_ms=… matplotlib_ms=… speedup=… …_cpu_ms=… grab_…``.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from cpu_counter import InstructionCounter
from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from cartox_desk.core.labs import ANALYTES, Analyte
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    GradePoint,
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
from cartox_desk.core.series import ChartSeries, SeriesCode, build_chart_series
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    EncephalopathyTool,
    OxygenDevice,
    Snapshot,
    VasopressorDrug,
)

TZ = ZoneInfo("Asia/Shanghai")
DAYS = 30
WIDTH, HEIGHT = 1366, 768
PAN_STEPS = 50


def _meta(i: int, at: datetime) -> RecordMeta:
    return RecordMeta(record_id=i, at=at, entered_by="monitor", entered_at=at)


def minute_level_patient(days: int = DAYS, seed: int = 5) -> PatientTimeline:
    """A synthetic CRS course: fever day 1-4, hypotension with norepinephrine day 2-4, high-flow oxygen,
    tocilizumab x2 and dexamethasone, IL-6 peak day 2, neutropenia; one vital set every minute."""
    rnd = random.Random(seed)
    day0 = datetime(2026, 11, 1, tzinfo=TZ)
    infusion = day0 + timedelta(hours=10, minutes=30)
    start = day0 - timedelta(days=1)
    vitals: list[VitalSigns] = []
    n = days * 1440
    for i in range(n):
        at = start + timedelta(minutes=i)
        d = i / 1440 - 1
        fever = 1.0 if 1.0 <= d <= 4.0 else 0.0
        shock = 1.0 if 2.2 <= d <= 3.8 else 0.0
        vitals.append(VitalSigns(
            meta=_meta(i, at),
            temperature_c=36.8 + 0.3 * math.sin(d * 6.283) + fever * (1.6 + 0.5 * math.sin(d * 9))
            + rnd.gauss(0, 0.05),
            systolic_bp_mmhg=122 - 10 * fever - 30 * shock + rnd.gauss(0, 4),
            mean_bp_mmhg=88 - 8 * fever - 22 * shock + rnd.gauss(0, 3),
            heart_rate_per_min=80 + 28 * fever + 15 * shock + rnd.gauss(0, 3),
            spo2_pct=min(100.0, 97.5 - 3.5 * shock - 1.0 * fever + rnd.gauss(0, 0.7)),
        ))
    h = timedelta(hours=1)
    k = n
    oxygen = [OxygenRecord(_meta(k + 1, day0 + 2 * 24 * h + 6 * h), OxygenDevice.NASAL_CANNULA, 4.0),
              OxygenRecord(_meta(k + 2, day0 + 2 * 24 * h + 14 * h), OxygenDevice.NASAL_CANNULA, 10.0),
              OxygenRecord(_meta(k + 3, day0 + 3 * 24 * h + 20 * h), OxygenDevice.NASAL_CANNULA, 3.0),
              OxygenRecord(_meta(k + 4, day0 + 5 * 24 * h), OxygenDevice.ROOM_AIR)]
    ne = VasopressorDrug.NOREPINEPHRINE
    vaso = [VasopressorRecord(_meta(k + 10, day0 + 2 * 24 * h + 9 * h), ne, VasopressorEvent.START, 5.0,
                              DoseRateUnit.UG_PER_MIN),
            VasopressorRecord(_meta(k + 11, day0 + 2 * 24 * h + 15 * h), ne, VasopressorEvent.CHANGE, 12.0,
                              DoseRateUnit.UG_PER_MIN),
            VasopressorRecord(_meta(k + 12, day0 + 3 * 24 * h + 8 * h), ne, VasopressorEvent.CHANGE, 4.0,
                              DoseRateUnit.UG_PER_MIN),
            VasopressorRecord(_meta(k + 13, day0 + 3 * 24 * h + 20 * h), ne, VasopressorEvent.STOP, None,
                              DoseRateUnit.UG_PER_MIN)]
    labs: list[LabResult] = []
    profiles = {
        Analyte.IL6: lambda d: 5 + 2500 * math.exp(-((d - 2.2) ** 2) / 1.2),
        Analyte.IFN_GAMMA: lambda d: 3 + 200 * math.exp(-((d - 2.0) ** 2) / 1.0),
        Analyte.IL10: lambda d: 2 + 140 * math.exp(-((d - 2.4) ** 2) / 1.0),
        Analyte.CRP: lambda d: 5 + 200 * math.exp(-((d - 3.0) ** 2) / 3.0),
        Analyte.FERRITIN: lambda d: 600 + 6000 * math.exp(-((d - 3.5) ** 2) / 8.0),
        Analyte.ANC: lambda d: max(0.02, 2.5 * math.exp(-max(d, 0) / 2.5) + 0.1 * max(d - 12, 0)),
        Analyte.PLATELETS: lambda d: 60 + 120 * math.exp(-max(d, 0) / 4) + 3 * max(d - 14, 0),
        Analyte.HEMOGLOBIN: lambda d: 90 + 25 * math.exp(-max(d, 0) / 5),
    }
    k += 100
    for day in range(-1, days - 1):
        at = day0 + timedelta(days=day, hours=6)
        for analyte, f in profiles.items():
            k += 1
            v = round(f(day + 0.25), 2)
            unit = ANALYTES[analyte].canonical_unit
            labs.append(LabResult(_meta(k, at), analyte, v, unit, v, unit))
    meds = []
    for j, (when, kind, dose) in enumerate([(2 * 24 + 7, MedicationKind.TOCILIZUMAB, 560.0),
                                           (2 * 24 + 18, MedicationKind.TOCILIZUMAB, 560.0),
                                           (2 * 24 + 19, MedicationKind.DEXAMETHASONE, 10.0),
                                           (3 * 24 + 1, MedicationKind.DEXAMETHASONE, 10.0),
                                           (1 * 24 + 8, MedicationKind.ANTIPYRETIC, 500.0)]):
        meds.append(MedicationAdministration(_meta(k + 1000 + j, day0 + when * h), kind, kind.value, dose,
                                             "mg", "IV"))
    meds.sort(key=lambda m: m.meta.at)
    grades, ices = [], []
    g = day0
    while g < start + timedelta(days=days):
        d = (g - day0) / timedelta(days=1)
        crs = 0 if not 1.0 <= d <= 4.0 else (3 if 2.4 <= d <= 3.6 else 1)
        ice = 10 if not 3.5 <= d <= 5.0 else 7
        grades.append(GradePoint(g, Snapshot(), CrsResult(crs), IcansResult(0 if ice == 10 else 1,
                                                                            IcansStatus.GRADED),
                                 VasopressorSummary()))
        k += 1
        ices.append(EncephalopathyAssessment(_meta(k + 5000, g), EncephalopathyTool.ICE, score=ice))
        g += 6 * h
    patient = PatientSummary(
        patient_id=1, mrn="B-30", name="Bench Patient", sex=Sex.FEMALE, date_of_birth=None, weight_kg=64.0,
        height_cm=162.0, diagnosis=Diagnosis.LBCL, product_name="axi-cel", target=CarTarget.CD19,
        costim_domain="CD28", infusion_at=infusion, lymphodepletion_start=None, ward="7", bed="05",
        marrow_blasts_pct=None, baseline_ice=10, baseline_capd=None, developmental_delay=False, risk_notes="",
        status=PatientStatus.ADMITTED)
    return PatientTimeline(patient=patient, tz=TZ, generated_at=start + timedelta(days=days),
                           vitals=tuple(vitals), oxygen=tuple(oxygen), vasopressors=tuple(vaso),
                           labs=tuple(labs), encephalopathy=tuple(ices), medications=tuple(meds),
                           grades=tuple(grades))


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def _load() -> str:
    try:
        return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:  # pragma: no cover - not on every platform
        return "load average n/a"


def _pan_zoom_ranges(lo: float, hi: float, steps: int) -> list[tuple[float, float]]:
    """Alternate pans and zooms: across all 30 days, then inside 3-day and 1-day windows."""
    out = []
    span = hi - lo
    for i in range(steps):
        phase = i % 10
        if i < steps // 2:
            width = span * (1.0 - 0.08 * phase)  # zooming in from the whole course
            start = lo + (span - width) * ((i * 7) % 10) / 10
        else:
            width = 3.0 if phase % 2 else 1.0  # panning through a few days
            start = lo + (span - width) * ((i * 3) % 17) / 17
        out.append((start, start + width))
    return out


COUNTER = InstructionCounter.open()


def _instructions() -> int:
    return COUNTER.read() if COUNTER is not None else 0


class _Frames(QObject):
    """Counts the paint events of the chart view's viewport: a step is timed until Qt has painted it."""

    def __init__(self, viewport: QObject) -> None:
        super().__init__()
        self.painted = 0
        viewport.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def _until_painted(app: QApplication, frames: _Frames) -> None:
    """Process events until the view has painted once more (normally within one processEvents call)."""
    before = frames.painted
    for _ in range(100):
        app.processEvents()
        if frames.painted > before:
            return
    raise RuntimeError("the chart view did not repaint")


def _shown_equals_full_render(widget: QWidget) -> bool:
    """Whether what Qt painted on the (offscreen) screen is what a full render of the widget gives."""
    shown = widget.windowHandle().screen().grabWindow(widget.winId()).toImage()
    full = widget.grab().toImage()
    rgb = QImage.Format.Format_RGB32
    return bool(shown.convertToFormat(rgb) == full.convertToFormat(rgb))


def _timed_steps(step: object, steps: list[tuple[object, ...]]) -> tuple[list[float], list[float], float]:
    """Wall and CPU seconds of each step (`step(*args)` for each args in `steps`), and the mean instructions
    per step (millions)."""
    walls, cpus = [], []
    i0 = _instructions()
    for args in steps:
        c = time.process_time()
        t = time.perf_counter()
        step(*args)  # type: ignore[operator]
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return walls, cpus, (_instructions() - i0) / len(steps) / 1e6


def _step_line(label: str, walls: list[float], cpus: list[float], minstr: float) -> str:
    return (f"{label}: mean {_ms(statistics.fmean(walls)):.1f} ms, "
            f"median {_ms(statistics.median(walls)):.1f} ms, "
            f"p95 {_ms(_p95(walls)):.1f} ms, max {_ms(max(walls)):.1f} ms over {len(walls)} steps; "
            f"CPU mean {_ms(statistics.fmean(cpus)):.1f} ms, median {_ms(statistics.median(cpus)):.1f} ms, "
            f"p95 {_ms(_p95(cpus)):.1f} ms"
            + (f"; {minstr:.2f} M instructions per step" if COUNTER is not None else ""))


class PyqtgraphFigures(NamedTuple):
    first_ms: float
    first_cpu_ms: float
    pan_ms: float
    pan_cpu_ms: float
    pan_minstr: float
    grab_first_ms: float
    grab_pan_ms: float
    grab_pan_minstr: float


def bench_pyqtgraph(series: ChartSeries) -> PyqtgraphFigures:
    """Two ways of timing a frame, both printed.

    On screen (the targets): the widget is shown (offscreen platform), and a step is the range change plus
    the event processing in which Qt repaints what changed into the window, as it does on a ward laptop: the
    chart view (every panel moves), not the toolbar, side axes or legends that stayed. Every step is checked
    to have painted, and a sample of steps to show exactly what a full render of the widget gives.

    Whole-widget grab (the earlier method, kept for comparison): a hidden widget, and a step ends with
    `grab()`, which repaints the whole widget (toolbar included) into a new pixmap: an overestimate."""
    from cartox_desk.ui.charts import TrendChartsWidget

    app = QApplication.instance() or QApplication([])
    # A first tiny widget warms Qt's font and style caches, which any real window has warmed already.
    warm = TrendChartsWidget()
    warm.resize(200, 200)
    warm.grab()
    warm.deleteLater()
    app.processEvents()
    lo, hi = series.extent
    ranges = _pan_zoom_ranges(lo, hi, PAN_STEPS)

    # On screen: the patient view's charts are on screen (empty) when a patient's series arrive.
    widget = TrendChartsWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    frames = _Frames(widget.graphics_layout().viewport())
    for _ in range(3):
        app.processEvents()
    c0 = time.process_time()
    t0 = time.perf_counter()
    widget.set_series(series)
    t1 = time.perf_counter()
    _until_painted(app, frames)
    t2 = time.perf_counter()
    first_cpu = _ms(time.process_time() - c0)
    first = _ms(t2 - t0)
    first_ok = _shown_equals_full_render(widget)
    print(f"pyqtgraph first render on screen: {first:.0f} ms (set_series {_ms(t1 - t0):.0f} + paint "
          f"{_ms(t2 - t1):.0f}); CPU {first_cpu:.0f} ms; screen equals a full render: {first_ok}")

    def on_screen(x0: float, x1: float) -> None:
        widget.set_x_range(x0, x1)
        _until_painted(app, frames)

    painted = frames.painted
    walls, cpus, minstr = _timed_steps(on_screen, list(ranges))
    frames_painted = frames.painted - painted
    checked = list(range(0, len(ranges), 7))
    matches = 0
    for i in checked:
        on_screen(*ranges[i])
        matches += _shown_equals_full_render(widget)
    print(_step_line("pyqtgraph pan/zoom on screen", walls, cpus, minstr)
          + f" ({frames_painted} frames painted for {len(ranges)} steps; {matches} of {len(checked)} sampled "
          f"frames equal a full render; {len(widget.graphics_layout().scene().items())} scene items)")
    if frames_painted != len(ranges) or matches != len(checked) or not first_ok:
        print("WARNING: on-screen frames differ from a full render: the on-screen figures are void")
    widget.grab().save("/tmp/charts_bench.png")

    # Hover (printed, no target): the pointer crossing the whole course over the hemodynamics panel; a step
    # is the scene's mouse-moved signal (crosshair, value label) and the repaint of what it changed.
    widget.set_x_range(lo, hi)
    _until_painted(app, frames)
    view = widget.panel("hemodynamics").vb
    (y0, y1) = view.viewRange()[1]
    scene = widget.graphics_layout().scene()
    points = [(view.mapViewToScene(QPointF(lo + (hi - lo) * (i + 0.5) / PAN_STEPS, (y0 + y1) / 2)),)
              for i in range(PAN_STEPS)]

    def hover(at: object) -> None:
        scene.sigMouseMoved.emit(at)
        _until_painted(app, frames)

    h_walls, h_cpus, h_minstr = _timed_steps(hover, points)
    print(_step_line("pyqtgraph hover on screen (no target)", h_walls, h_cpus, h_minstr)
          + f"; screen equals a full render: {_shown_equals_full_render(widget)}")
    widget.close()

    # Whole-widget grab, hidden widget (the earlier method).
    hidden = TrendChartsWidget()
    hidden.resize(WIDTH, HEIGHT)
    t0 = time.perf_counter()
    hidden.set_series(series)
    image = hidden.grab()
    grab_first = _ms(time.perf_counter() - t0)
    assert not image.isNull()

    def grabbed(x0: float, x1: float) -> None:
        hidden.set_x_range(x0, x1)
        app.processEvents()
        hidden.grab()

    g_walls, g_cpus, g_minstr = _timed_steps(grabbed, ranges)
    print(f"pyqtgraph first render, whole-widget grab: {grab_first:.0f} ms")
    print(_step_line("pyqtgraph pan/zoom, whole-widget grab", g_walls, g_cpus, g_minstr))
    return PyqtgraphFigures(first, first_cpu, _ms(statistics.fmean(walls)), _ms(statistics.fmean(cpus)),
                            minstr, grab_first, _ms(statistics.fmean(g_walls)), g_minstr)


def bench_matplotlib(series: ChartSeries) -> tuple[float, float, float, float]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    def arr(a: object) -> np.ndarray:
        return np.frombuffer(a, dtype=np.float64)  # type: ignore[call-overload]

    t0 = time.perf_counter()
    fig, axes = plt.subplots(7, 1, sharex=True, figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    ev, temp, hemo, oxy, labs, counts, grades = axes
    for m in series.markers:
        ev.plot([m.x], [1], marker="d")
        for ax in axes:
            ax.axvline(m.x, linestyle="--", linewidth=0.6)
    t = series.vitals[SeriesCode.TEMPERATURE]
    temp.plot(arr(t.xs), arr(t.ys), linewidth=1)
    temp.axhline(38.0, linestyle="--")
    for code in (SeriesCode.SYSTOLIC_BP, SeriesCode.MEAN_BP, SeriesCode.HEART_RATE):
        s = series.vitals[code]
        hemo.plot(arr(s.xs), arr(s.ys), linewidth=1)
    ne = series.ne_equivalent
    if len(ne):
        hemo.twinx().stairs(arr(ne.values), arr(ne.edges), fill=True, alpha=0.3)
    s = series.vitals[SeriesCode.SPO2]
    oxy.plot(arr(s.xs), arr(s.ys), linewidth=1)
    lv = series.oxygen_level
    if len(lv):
        oxy.twinx().stairs(arr(lv.values), arr(lv.edges))
    for lab in series.labs.values():
        labs.plot(arr(lab.xs), arr(lab.ys), marker="o", markersize=3)
    labs.set_yscale("log")
    for c in series.blood_counts.values():
        counts.plot(arr(c.xs), arr(c.ys), marker="o", markersize=3)
    counts.set_yscale("log")
    counts.axhline(0.5, linestyle="--")
    counts.axhline(0.1, linestyle="--")
    for y0, strip in ((11.0, series.grade_strips["icans"]), (13.0, series.grade_strips["crs"])):
        for iv in strip.intervals:
            grades.axvspan(iv.x0, iv.x1, ymin=y0 / 15, ymax=(y0 + 1.6) / 15, alpha=0.6)
    ice = series.scores[SeriesCode.ICE]
    grades.plot(arr(ice.xs), arr(ice.ys), marker="o", markersize=3)
    grades.set_ylim(0, 15)
    fig.canvas.draw()
    first = _ms(time.perf_counter() - t0)
    lo, hi = series.extent
    steps, cpu = [], []
    i0 = _instructions()
    for x0, x1 in _pan_zoom_ranges(lo, hi, 10):
        c = time.process_time()
        t1 = time.perf_counter()
        ev.set_xlim(x0, x1)
        fig.canvas.draw()
        steps.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c)
    minstr = (_instructions() - i0) / len(steps) / 1e6
    mean = _ms(statistics.fmean(steps))
    cpu_mean = _ms(statistics.fmean(cpu))
    print(f"matplotlib (Agg): first render {first:.0f} ms, "
          f"pan/zoom mean {mean:.1f} ms over {len(steps)} steps; CPU mean {cpu_mean:.1f} ms"
          + (f"; {minstr:.1f} M instructions per step" if COUNTER is not None else ""))
    plt.close(fig)
    return first, mean, cpu_mean, minstr


def main() -> None:
    print(f"{_load()} (other processes share the CPU: wall times rise with it, CPU times far less)")
    t = time.perf_counter()
    timeline = minute_level_patient()
    print(f"synthetic timeline: {len(timeline.vitals)} vital sets, {len(timeline.labs)} labs "
          f"({_ms(time.perf_counter() - t):.0f} ms to generate)")
    builds = []
    series = None
    for _ in range(3):
        t = time.perf_counter()
        series = build_chart_series(timeline)
        builds.append(time.perf_counter() - t)
    assert series is not None
    build_ms = _ms(min(builds))
    print(f"series build: {build_ms:.0f} ms (best of 3); points per vital series: "
          f"{', '.join(f'{k}={len(v)}' for k, v in series.vitals.items() if len(v))}")
    pg_figures = bench_pyqtgraph(series)
    first, pan, pan_minstr = pg_figures.first_ms, pg_figures.pan_ms, pg_figures.pan_minstr
    mpl_first, mpl_pan, mpl_cpu, mpl_minstr = bench_matplotlib(series)
    speedup = mpl_pan / pan if pan else float("inf")
    speedup_cpu = mpl_cpu / pg_figures.pan_cpu_ms if pg_figures.pan_cpu_ms else float("inf")
    print(f"first render vs matplotlib: {mpl_first / first:.1f}x; pan/zoom vs matplotlib: {speedup:.1f}x "
          f"(whole-widget grab: {mpl_pan / pg_figures.grab_pan_ms:.1f}x)")
    print(f"targets (on screen): first render < 300 ms {'OK' if first < 300 else 'MISSED'}; "
          f"pan/zoom < 16 ms {'OK' if pan < 16 else 'MISSED'}; "
          f"speedup >= 10 {'OK' if speedup >= 10 else 'MISSED'}")
    print(f"RESULT series_build_ms={build_ms:.0f} first_render_ms={first:.0f} pan_zoom_ms={pan:.1f} "
          f"matplotlib_ms={mpl_pan:.0f} speedup={speedup:.1f} "
          f"first_render_cpu_ms={pg_figures.first_cpu_ms:.0f} "
          f"pan_zoom_cpu_ms={pg_figures.pan_cpu_ms:.1f} matplotlib_cpu_ms={mpl_cpu:.0f} "
          f"speedup_cpu={speedup_cpu:.1f} "
          + (f"pan_zoom_minstr={pan_minstr:.2f} matplotlib_minstr={mpl_minstr:.1f} "
             f"speedup_instr={mpl_minstr / pan_minstr:.1f} " if COUNTER is not None and pan_minstr else "")
          + f"grab_first_render_ms={pg_figures.grab_first_ms:.0f} "
          + f"grab_pan_zoom_ms={pg_figures.grab_pan_ms:.1f} "
          + (f"grab_pan_zoom_minstr={pg_figures.grab_pan_minstr:.2f} " if COUNTER is not None else "")
          + f"{_load().replace('load average ', 'loadavg=').replace(' ', ',', 2)}")
    sys.stdout.flush()
    # PySide6 and pyqtgraph can crash while tearing down at exit; the figures are printed already.
    os._exit(0)


if __name__ == "__main__":
    main()
