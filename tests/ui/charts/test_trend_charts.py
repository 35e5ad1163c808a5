"""TrendChartsWidget on hand-built timelines (offscreen): panels, items, day-0 line, live update, export."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from test_series_fixtures import SHANGHAI, demo_timeline, local, timeline, vitals

from cartox_desk.core.labs import Analyte
from cartox_desk.core.series import MarkerKind, RangePreset, lab_code
from cartox_desk.ui.charts import PANELS, ChartLayout, TrendChartsWidget
from cartox_desk.ui.charts.day_axis import DayAxisItem, _Measure
from cartox_desk.ui.charts.grade_strip import GradeStripItem
from cartox_desk.ui.charts.text_labels import (
    DayGridItem,
    ReferenceLinesItem,
    TextLabelsItem,
    VerticalLinesItem,
)


@pytest.fixture
def widget(qtbot):  # type: ignore[no-untyped-def]
    w = TrendChartsWidget()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    return w


def _data_items(plot: pg.PlotItem) -> list[pg.PlotDataItem]:
    return [i for i in plot.vb.addedItems if isinstance(i, pg.PlotDataItem)]


def _names(plot: pg.PlotItem) -> list[str]:
    return [label.text for _sample, label in plot.legend.items]


def _items(view: pg.ViewBox, cls: type) -> list[object]:
    return [i for i in view.addedItems + view.childGroup.childItems() if isinstance(i, cls)]


def test_every_panel_has_its_items_and_the_day0_line(widget: TrendChartsWidget) -> None:
    tl = demo_timeline()
    widget.set_timeline(tl)
    series = widget.series()
    assert series is not None
    assert widget.panel_names() == PANELS

    for name in PANELS:  # the infusion (day 0) line runs through every panel
        ref = widget.day0_line(name)
        assert isinstance(ref, ReferenceLinesItem)
        assert ref.vertical[0][0] == pytest.approx(series.infusion_x) == pytest.approx(10.5 / 24)
        assert ref.scene() is widget.graphics_layout().scene()
        # treatments cross every panel as dashed lines
        lines = [i for i in widget.panel(name).vb.childGroup.childItems() if isinstance(i, VerticalLinesItem)]
        assert len(lines) == 1 and len(lines[0].xs()) == 6  # 2 tocilizumab, 3 dexamethasone, 1 ICU

    temp = widget.panel("temperature")
    assert _names(temp)[:2] == ["temperature (°C)", "antipyretic"]
    fever = widget.day0_line("temperature").horizontal
    assert [(y, text) for y, _pen, text in fever] == [(38.0, "38.0 °C")]
    curve = _data_items(temp)[0]
    assert len(curve.xData) == len(tl.vitals)

    hemo = widget.panel("hemodynamics")
    assert {"SBP (mmHg)", "MAP (mmHg)", "HR (/min)", "NE-eq. (µg/min)", "fluid bolus"} <= set(_names(hemo))
    right = widget.right_scale("hemodynamics")
    steps = [i for i in right.items() if isinstance(i, pg.PlotDataItem)]
    assert len(steps) == 1 and steps[0].opts["stepMode"] == "center"
    assert list(steps[0].yData) == [4.0, 10.0, 5.0, 0.0]
    assert hemo.getAxis("right").labelText.startswith("NE-eq.")

    oxygen = widget.right_scale("oxygen")
    level = next(i for i in oxygen.items() if isinstance(i, pg.PlotDataItem))
    assert list(level.yData) == [1.0, 2.0, 2.0, 1.0, 0.0]
    assert [i for i in oxygen.items() if isinstance(i, TextLabelsItem)]

    labs = widget.panel("labs")
    assert labs.ctrl.logYCheck.isChecked()
    assert _names(labs) == ["IL-6 (pg/mL)", "IFN-γ (pg/mL)", "IL-10 (pg/mL)", "CRP (mg/L)",
                            "ferritin (ng/mL)"]

    counts = widget.panel("counts")
    assert _names(counts) == ["ANC (×10⁹/L)", "PLT (×10⁹/L)", "Hb (g/L)"]
    icaht = [(round(10 ** y, 3), text) for y, _p, text in widget.day0_line("counts").horizontal]
    assert icaht == [(0.5, "ANC 500/µL (ICAHT)"), (0.1, "ANC 100/µL (ICAHT)")]

    grades = widget.panel("grades")
    strips = [i for i in grades.vb.addedItems if isinstance(i, GradeStripItem)]
    assert sorted(s.strip.code for s in strips) == ["crs", "icans"]
    assert any(iv.grade is None for s in strips for iv in s.strip.intervals)  # the missed assessment
    assert _names(grades) == ["ICE"]

    events = widget.panel("events")
    scatters = {label.text: sample.item for sample, label in events.legend.items}
    assert len(scatters["tocilizumab"].points()) == 2
    tip = scatters["tocilizumab"].points()[1].data()
    assert "dose 2 of 4" in tip and "560 mg" in tip and "D+2 18:00" in tip


def test_right_axis_series_share_the_panel_view_with_their_own_scale_and_ticks(
        widget: TrendChartsWidget) -> None:
    """NE-eq., O2 support and CAPD are drawn in their panel's ViewBox through a scale (no second linked
    ViewBox): the right axis still ticks in its own unit, the step sits at its right-axis value, hover reads
    the right-axis value, and a pan moves it with the panel."""
    widget.set_timeline(demo_timeline())
    widget.grab()  # laid out and painted: the view's transforms are current
    hemo = widget.panel("hemodynamics")
    right = widget.right_scale("hemodynamics")
    step = next(i for i in right.items() if isinstance(i, pg.PlotDataItem))
    assert step.getViewBox() is hemo.vb  # one ViewBox per panel
    assert [i for i in hemo.childItems() if isinstance(i, pg.ViewBox)] == [hemo.vb]
    axis = hemo.getAxis("right")
    lo, hi = right.y_range
    assert axis.range == pytest.approx([lo, hi]) and lo == 0.0 and hi > 10.0  # µg/min, not mmHg
    assert axis.labelText.startswith("NE-eq.") and axis.style["showValues"]
    ticks = [v for _spacing, values in axis.tickValues(lo, hi, hemo.vb.height()) for v in values]
    assert ticks and max(ticks) <= hi and 5.0 in ticks  # µg/min ticks (the left axis runs 30-180 mmHg)
    # The right-axis range covers the panel's whole height: its ends map onto the y range of the view.
    y0, y1 = hemo.vb.viewRange()[1]
    assert right.to_view(lo) == pytest.approx(y0) and right.to_view(hi) == pytest.approx(y1)
    # 10 µg/min is drawn at the height the right axis labels 10.
    scene_y = step.curve.mapToScene(QPointF(0.0, 10.0)).y()
    box = hemo.vb.sceneBoundingRect()
    frac = (box.bottom() - scene_y) / box.height()
    assert frac == pytest.approx((10.0 - lo) / (hi - lo), abs=1.5 / box.height())  # within a pixel
    # Hover: the value in µg/min with the drug.
    x = float(step.xData[1]) + 0.01
    text = widget._readout_text(widget._panels["hemodynamics"], x)
    assert "NE-eq.: 10 µg/min" in text and "norepinephrine" in text
    # A pan moves the right-axis series with the panel; its vertical scale stays.
    widget.set_x_range(1.0, 2.0)
    assert step.getViewBox().viewRange()[0] == pytest.approx([1.0, 2.0])
    assert right.to_view(lo) == pytest.approx(y0)
    # CAPD (child) on the grades panel and the oxygen support ticks keep their own right-hand scales.
    oxygen = widget.right_scale("oxygen")
    assert oxygen.y_range[0] == pytest.approx(-0.3) and widget.panel("oxygen").getAxis("right")._tickLevels
    widget.grab()


def test_a_pan_or_zoom_on_any_panel_moves_every_panel_and_signals_once(widget: TrendChartsWidget) -> None:
    widget.set_timeline(demo_timeline(days=6))
    seen: list[tuple[float, float]] = []
    widget.view_range_changed.connect(lambda a, b: seen.append((a, b)))
    widget.set_x_range(1.0, 3.0)  # a preset / the API: the top panel leads
    assert seen == [(1.0, 3.0)]
    widget.grab()  # painted: every panel draws that range (none auto-ranges back to its data, log or not)
    for name in widget.panel_names():
        vb = widget.panel(name).vb
        assert vb.viewRange()[0] == pytest.approx([1.0, 3.0])
        drawn = vb.childGroup.transform()
        assert (drawn.map(QPointF(1.0, 0.0)).x(), drawn.map(QPointF(3.0, 0.0)).x()) == pytest.approx(
            (0.0, vb.width()), abs=1e-6), name
    assert seen == [(1.0, 3.0)]
    hemo = widget.panel("hemodynamics").vb
    hemo.translateBy(x=0.5)  # a drag on a middle panel
    for name in widget.panel_names():
        assert widget.panel(name).vb.viewRange()[0] == pytest.approx([1.5, 3.5])
    assert widget.x_range() == pytest.approx((1.5, 3.5)) and seen[-1] == pytest.approx((1.5, 3.5))
    assert len(seen) == 2
    widget.panel("grades").vb.scaleBy(x=0.5, center=QPointF(2.5, 0.0))  # a wheel zoom on the bottom panel
    assert widget.x_range() == pytest.approx((2.0, 3.0))
    assert widget.panel("events").vb.viewRange()[0] == pytest.approx([2.0, 3.0])


def test_bottom_axis_shows_days_and_hours_when_zoomed_in(widget: TrendChartsWidget) -> None:
    axis = DayAxisItem()
    levels = axis.tickValues(-7.0, 15.0, 1200)
    assert levels[0][0] == 1.0 and -7.0 in levels[0][1] and 0.0 in levels[0][1]
    assert axis.tickStrings([-5.0, 0.0, 3.0], 1.0, 1.0) == ["D-5", "D0", "D+3"]
    zoomed = axis.tickValues(2.0, 3.0, 1200)
    assert zoomed[1][0] < 1 and 2.5 in zoomed[1][1]
    assert axis.tickStrings([2.25, 2.5], 1.0, zoomed[1][0])[1] == "12:00"
    inside = axis.tickValues(2.1, 2.6, 1200)  # no day boundary in view: the first hour names the day
    assert axis.tickStrings(inside[1][1], 1.0, inside[1][0])[0].startswith("D+2 ")
    widget.set_timeline(demo_timeline())
    assert isinstance(widget.panel("grades").getAxis("bottom"), DayAxisItem)
    assert not widget.panel("temperature").getAxis("bottom").isVisible()  # one labelled axis, at the bottom


def test_presets_and_live_update_keep_the_view(widget: TrendChartsWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = demo_timeline(days=10)
    widget.set_timeline(tl)
    assert widget.x_range() == pytest.approx((-7.0, 15.0))  # default for a patient before day +14
    with qtbot.waitSignal(widget.view_range_changed):
        widget.apply_preset(RangePreset.D0_TO_D30)
    assert widget.x_range() == pytest.approx((0.0, 31.0))
    widget.apply_preset("last_24h")
    series = widget.series()
    assert widget.x_range() == pytest.approx((series.now_x - 1, series.now_x))
    widget.set_x_range(2.0, 4.0)
    # A record saved elsewhere: the caller hands the new timeline over; the view does not jump.
    new = vitals(tl.generated_at + timedelta(minutes=5), temperature_c=39.4)
    later = timeline(tl.patient.infusion_at, SHANGHAI, now=tl.generated_at + timedelta(minutes=6),
                     vitals=(*tl.vitals, new), grades=tl.grades, labs=tl.labs)
    widget.set_timeline(later)
    assert widget.x_range() == pytest.approx((2.0, 4.0))
    temp = _data_items(widget.panel("temperature"))[0]
    assert temp.yData[-1] == pytest.approx(39.4)
    # Another patient (the patient view switched): the default range for that patient, not the old view.
    other = replace(later, patient=replace(later.patient, patient_id=2))
    widget.set_timeline(other)
    assert widget.x_range() == pytest.approx((-7.0, 15.0))


def _click_legend(widget: TrendChartsWidget, panel: str, name: str,
                  button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> object:
    """A real mouse click (through the view and pyqtgraph's scene) on the sample of the entry `name`;
    returns the entry's data item."""
    legend = widget.panel(panel).legend
    legend.lay_out()
    sample = next(s for s, label in legend.items if label.text == name)
    view = widget.graphics_layout()
    point = view.mapFromScene(legend.mapToScene(sample.rect.center()))
    QTest.mouseClick(view.viewport(), button, Qt.KeyboardModifier.NoModifier, point)
    return sample.item


def test_legend_click_toggles_a_series_and_survives_a_live_update(widget: TrendChartsWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = demo_timeline(days=4)
    widget.set_timeline(tl)
    widget.show()
    qtbot.waitExposed(widget)
    hr = _click_legend(widget, "hemodynamics", "HR (/min)")
    assert not hr.isVisible()
    others = [s.item for s, label in widget.panel("hemodynamics").legend.items if label.text != "HR (/min)"]
    assert all(item.isVisible() for item in others)  # only the clicked entry
    widget.set_timeline(tl)
    hemo = widget.panel("hemodynamics")
    item = next(s.item for s, label in hemo.legend.items if label.text == "HR (/min)")
    assert item is not hr and not item.isVisible()  # a new item, still hidden
    assert _click_legend(widget, "hemodynamics", "HR (/min)") is item and item.isVisible()
    widget.set_timeline(tl)
    assert all(s.item.isVisible() for s, _label in widget.panel("hemodynamics").legend.items)
    assert _click_legend(widget, "hemodynamics", "HR (/min)", Qt.MouseButton.RightButton).isVisible()
    # A marker kind (a scatter) likewise.
    assert not _click_legend(widget, "events", "tocilizumab").isVisible()
    widget.set_timeline(tl)
    toci = {label.text: s.item for s, label in widget.panel("events").legend.items}
    assert not toci["tocilizumab"].isVisible() and toci["steroid"].isVisible()


def test_legend_is_one_pixmap_and_repaints_a_toggled_sample(widget: TrendChartsWidget, qtbot,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    """A legend is one item painted into one cached pixmap (no per-entry items in a frame); a click
    toggles the series and the legend shows it greyed; the PNG and SVG exports include the legends (the
    SVG keeps the legend text as text)."""
    from PySide6.QtWidgets import QGraphicsItem

    from cartox_desk.ui.charts.legend import PanelLegend

    widget.set_timeline(demo_timeline(days=4))
    widget.show()
    qtbot.waitExposed(widget)
    hemo = widget.panel("hemodynamics")
    legend = hemo.legend
    assert isinstance(legend, PanelLegend)
    assert legend.childItems() == []
    assert legend.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    widget.set_x_range(30.0, 40.0)  # no data under the legend: its pixels are its own
    widget.grab()  # laid out
    assert legend.scenePos() == hemo.vb.scenePos() + QPointF(2, 1)  # top left of the panel's view
    glw = widget.graphics_layout()
    box = glw.mapFromScene(legend.sceneBoundingRect()).boundingRect().translated(glw.pos())

    def legend_pixels() -> list[int]:
        image = widget.grab().toImage()
        return [image.pixel(x, y) for x in range(box.left(), box.right(), 2)
                for y in range(box.top(), box.bottom(), 2)]

    def exported_legend() -> list[int]:
        image = QImage(str(widget.export_png(tmp_path / "charts.png")))
        r = glw.mapFromScene(legend.sceneBoundingRect()).boundingRect()
        return [image.pixel(x, y) for x in range(r.left(), r.right(), 2)
                for y in range(r.top(), r.bottom(), 2)]

    exported = exported_legend()
    before = legend_pixels()  # after the export: a cached pixmap again
    assert len(set(before)) > 3  # samples and names are painted
    assert _click_legend(widget, "hemodynamics", "HR (/min)").isVisible() is False
    assert legend_pixels() != before  # the toggled sample is repainted (greyed)
    assert exported_legend() != exported  # the PNG draws the legend too
    svg = widget.export_svg(tmp_path / "charts.svg").read_text(encoding="utf-8")
    assert ">HR (/min)</text>" in svg.replace("\n", "").replace(" >", ">")  # the legend text, as text
    assert legend.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache  # cached again after the SVG


def test_hover_crosshair_reads_value_unit_and_clock_time(widget: TrendChartsWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget.set_timeline(demo_timeline())
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_x_range(1.0, 4.0)
    temp = widget.panel("temperature")
    x = 2.0 + 14 / 24  # day +2, 14:00 (hourly demo vitals)
    scene_pos = temp.vb.mapViewToScene(QPointF(x, 37.0))
    widget._on_mouse_moved(scene_pos)
    label = next(i for i in temp.vb.addedItems + temp.vb.childGroup.childItems()
                 if isinstance(i, pg.TextItem) and i.isVisible())
    text = label.toPlainText()
    assert "D+2 14:00" in text and "°C" in text and "temperature" in text
    # every panel shows the crosshair at the same x
    grades = widget.panel("grades")
    cross = [i for i in grades.vb.addedItems + grades.vb.childGroup.childItems()
             if isinstance(i, pg.InfiniteLine) and i.isVisible()]
    assert cross and cross[0].value() == pytest.approx(x, abs=1e-6)
    hemo = widget.panel("hemodynamics")
    widget._on_mouse_moved(hemo.vb.mapViewToScene(QPointF(2 + 14 / 24, 100.0)))
    hemo_label = next(i for i in hemo.vb.addedItems + hemo.vb.childGroup.childItems()
                      if isinstance(i, pg.TextItem) and i.isVisible())
    assert "NE-eq.: 10 µg/min · norepinephrine 10 µg/min" in hemo_label.toPlainText()
    widget.set_x_range(5.0, 8.0)
    grades_pos = grades.vb.mapViewToScene(QPointF(6.3, 5.0))
    widget._on_mouse_moved(grades_pos)
    g_label = next(i for i in grades.vb.addedItems + grades.vb.childGroup.childItems()
                   if isinstance(i, pg.TextItem) and i.isVisible())
    assert "ICANS: not assessed" in g_label.toPlainText()
    # A live update clears the panels and puts the same hover items back: still there, hidden until hover.
    widget.set_timeline(demo_timeline())
    temp = widget.panel("temperature")
    widget.set_timeline(demo_timeline())  # twice: nothing piles up
    hidden = [i for i in temp.vb.childGroup.childItems() if isinstance(i, (pg.TextItem, pg.InfiniteLine))]
    assert len(hidden) == 2 and not any(i.isVisible() for i in hidden)
    assert sum(isinstance(i, DayGridItem) for i in temp.vb.childGroup.childItems()) == 1
    widget._on_mouse_moved(temp.vb.mapViewToScene(QPointF(6.0, 37.0)))
    assert all(i.isVisible() for i in hidden) and hidden[0].scene() is temp.vb.scene()


def test_layout_is_a_small_persistable_dataclass(widget: TrendChartsWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget.set_timeline(demo_timeline(days=5))
    layout = ChartLayout(panels=("temperature", "labs", "grades"), labs=("il6", "ldh", "nonsense"))
    assert ChartLayout.from_dict(layout.to_dict()) == ChartLayout(panels=layout.panels, labs=("il6", "ldh"))
    assert ChartLayout.from_dict(None) == ChartLayout()
    widget.set_chart_layout(ChartLayout.from_dict(layout.to_dict()))
    assert widget.panel_names() == ("temperature", "labs", "grades")
    assert _names(widget.panel("labs")) == ["IL-6 (pg/mL)", "LDH (U/L)"]
    assert widget.panel("hemodynamics") is None
    assert widget.day0_line("temperature") is not None
    with qtbot.waitSignal(widget.layout_changed) as blocker:
        widget._toggle_panel("oxygen", True)
    assert blocker.args[0].panels == ("temperature", "oxygen", "labs", "grades")
    assert widget.panel_names() == ("temperature", "oxygen", "labs", "grades")
    with qtbot.waitSignal(widget.layout_changed) as blocker:
        widget._toggle_lab(Analyte.FERRITIN, True)
    assert blocker.args[0].labs == ("il6", "ldh", "ferritin")
    widget._fill_panels_menu()
    assert widget._panels_menu.actions()


def test_fahrenheit_and_us_lab_units(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = TrendChartsWidget(temperature_unit="F", lab_units="US")
    qtbot.addWidget(w)
    w.set_timeline(demo_timeline(days=4))
    assert [text for _y, _p, text in w.day0_line("temperature").horizontal] == ["100.4 °F"]
    assert _names(w.panel("temperature"))[0] == "temperature (°F)"
    assert _names(w.panel("counts")) == ["ANC (×10³/µL)", "PLT (×10³/µL)", "Hb (g/dL)"]
    w.set_units("C", "CN")
    assert _names(w.panel("temperature"))[0] == "temperature (°C)"


def test_empty_timeline_and_no_vasopressors(widget: TrendChartsWidget) -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    widget.set_timeline(timeline(inf))
    assert widget.panel_names() == PANELS
    assert widget.day0_line("temperature") is not None
    assert not [i for i in widget.right_scale("hemodynamics").items() if isinstance(i, pg.PlotDataItem)]
    widget.grab()


def test_export_png_and_svg_are_written_and_not_trivial(widget: TrendChartsWidget, tmp_path: Path) -> None:
    widget.set_timeline(demo_timeline())
    widget.grab()
    png = widget.export_png(tmp_path / "charts.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1000 and png.stat().st_size > 20_000
    assert len({image.pixel(x, 300) for x in range(0, image.width(), 7)}) > 5  # not a blank image
    svg = widget.export_svg(tmp_path / "charts.svg")
    text = svg.read_text(encoding="utf-8")
    assert svg.stat().st_size > 20_000 and text.lstrip().startswith("<?xml") and "<svg" in text
    assert "38.0 °C" in text or "38.0" in text


def test_marker_hover_texts(widget: TrendChartsWidget) -> None:
    widget.set_timeline(demo_timeline())
    series = widget.series()
    by_kind = {m.kind: widget._marker_text(m) for m in series.markers}
    assert by_kind[MarkerKind.ANTIPYRETIC].startswith("antipyretic: paracetamol 500 mg IV")
    assert by_kind[MarkerKind.FLUID_BOLUS].startswith("fluid bolus 500 mL")
    assert by_kind[MarkerKind.STEROID].startswith("dexamethasone 10 mg")
    assert by_kind[MarkerKind.ICU_TRANSFER].startswith("ICU transfer")
    assert all("(2026-11-" in t for t in by_kind.values())
    assert lab_code(Analyte.IL6) in series.labs
    assert not math.isnan(np.nanmax(np.frombuffer(series.labs[lab_code(Analyte.IL6)].ys)))


def test_demo_patients_from_the_store_draw_every_panel(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The real store's timelines (demo ward): every panel has its items and the day-0 line."""
    from cartox_desk.services.demo_ward import build_demo_database

    services, _ward = build_demo_database(tmp_path / "demo.sqlite")
    try:
        patients = {p.mrn: p for p in services.list_patients()}
        child = services.get_patient_timeline(patients["DEMO-04"].patient_id)  # CAPD, grade 4, CRRT
        before = services.get_patient_timeline(patients["DEMO-08"].patient_id)  # infusion still ahead
    finally:
        services.close()
    w = TrendChartsWidget()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.set_timeline(child)
    series = w.series()
    assert series is not None
    for name in PANELS:
        assert w.day0_line(name).vertical[0][0] == pytest.approx(series.infusion_x)
        assert w.panel(name).vb.addedItems  # something drawn in every panel
    kinds = {m.kind for m in series.markers}
    assert {MarkerKind.TOCILIZUMAB, MarkerKind.INTUBATION, MarkerKind.CRRT} <= kinds
    assert max(series.oxygen_level.values) == 3  # mechanical ventilation: positive pressure
    assert "CAPD" in _names(w.panel("grades"))
    assert w.panel("grades").getAxis("right").style["showValues"]
    assert max(iv.grade or 0 for iv in series.grade_strips["crs"].intervals) == 4
    w.grab()
    w.set_timeline(before)  # a patient before infusion: negative days, infusion line ahead of now
    assert w.series().now_x < 0 < w.series().infusion_x
    w.grab()


def test_dark_palette_switches_the_chart_theme(widget: TrendChartsWidget) -> None:
    from PySide6.QtGui import QColor, QPalette

    from cartox_desk.ui.charts.trend_charts import DARK_THEME, LIGHT_THEME

    widget.set_timeline(demo_timeline(days=3))
    widget.set_x_range(1.0, 3.0)
    assert widget._theme is LIGHT_THEME
    dark = QPalette(widget.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    widget.setPalette(dark)
    assert widget._theme is DARK_THEME
    assert widget.x_range() == pytest.approx((1.0, 3.0))  # the view survives the rebuild
    assert widget.day0_line("grades") is not None
    widget.grab()


@pytest.mark.parametrize("lang", ["pseudo", "en"])
def test_toolbar_wraps_instead_of_truncating_in_a_long_language(qtbot, qapp, monkeypatch, lang) -> None:  # type: ignore[no-untyped-def]
    """The chart toolbar (title, range presets, Panels, usage hint) in the pseudo-locale, at the width the
    charts get beside the management panel in a 1366 px patient view: every label whole, nothing past the
    right edge, the widget no wider than that; in English at full width it stays one line."""
    from cartox_desk.ui import i18n
    from cartox_desk.ui.layout_check import clipped_texts, too_wide

    width = 760
    if lang == "pseudo":
        monkeypatch.setenv("CARTOX_PSEUDO", "1")
    i18n.install_translators(qapp, "en")
    try:
        w = TrendChartsWidget()
        qtbot.addWidget(w)
        w.set_timeline(demo_timeline(days=3))
        w.resize(width if lang == "pseudo" else 1366, 600)
        w.show()
        qtbot.waitExposed(w)
        buttons = [w._title, *w._preset_buttons.values(), w._panels_button]
        bar = buttons + ([w._hint] if w._hint.isVisible() else [])
        if lang == "pseudo":
            assert all(b.text().startswith("[!! ") for b in [*buttons, w._hint])
            assert sum(b.sizeHint().width() for b in buttons) > width  # one line would not fit
            assert too_wide(w, width) == 0
            assert len({b.y() for b in buttons}) > 1  # so the row wrapped
        else:
            assert w._hint.isVisible() and len({b.y() for b in bar}) == 1
            # Narrower: the hint would need a line of its own, so it steps aside (the title's tooltip).
            w.resize(sum(b.sizeHint().width() for b in buttons) + 4 * len(buttons) + 8 + 10, 600)
            qtbot.waitUntil(lambda: not w._hint.isVisible())
            assert len({b.y() for b in buttons}) == 1
            bar = buttons
        assert w._hint.text() == w._title.toolTip()  # the hint is always one hover away
        assert clipped_texts(w) == []
        assert all(b.isVisible() and b.geometry().right() <= w.width() for b in bar)
        assert max(b.geometry().bottom() for b in bar) < w.graphics_layout().y()  # above the charts
        for b in w._preset_buttons.values():
            assert b.focusPolicy() & Qt.FocusPolicy.TabFocus  # keyboard reachable
        assert w._panels_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        # Short panels (the patient view at 768 px): an axis title longer than its panel is tall is hidden
        # (kept as the axis tooltip) instead of running over the next panel; day labels never overlap.
        w.set_x_range(-7.0, 15.0)
        w.resize(w.width(), 360)
        qtbot.waitUntil(lambda: w.graphics_layout().height() < 340)
        w.grab()
        for name in w.panel_names():
            panel = w._panels[name]
            for side in ("left", "right"):
                axis = panel.plot.getAxis(side)
                if axis.isVisible() and axis.label.isVisible():
                    assert axis.label.boundingRect().width() <= panel.plot.vb.height() + 2, (name, side)
                if side in panel.squeezed:
                    assert axis.toolTip() == axis.labelText and axis.labelText
        if lang == "pseudo":
            assert any(p.squeezed for p in w._panels.values())
        axis = w.panel(w.panel_names()[-1]).getAxis("bottom")
        _lines, _ticks, texts = axis.generateDrawSpecs(_Measure(axis.style["tickFont"]))
        spans = sorted((rect.left(), rect.right()) for rect, _flags, _text in texts)
        assert len(spans) >= 3 and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        w.resize(w.width(), 1400)  # tall again: every title back
        qtbot.waitUntil(lambda: not any(p.squeezed for p in w._panels.values()))
    finally:
        monkeypatch.delenv("CARTOX_PSEUDO", raising=False)
        i18n.install_translators(qapp, "en")


@pytest.mark.parametrize("inverted", [False, True])
def test_panel_view_box_draws_with_the_transform_pyqtgraph_would(qtbot, inverted: bool) -> None:  # type: ignore[no-untyped-def]
    """The lean transform update of the panels' ViewBox gives pyqtgraph's own transform, and items added
    later still reach the view's bookkeeping (the data group no longer reports geometry changes)."""
    from cartox_desk.ui.charts.trend_charts import PanelViewBox

    ours, theirs = pg.PlotWidget(viewBox=PanelViewBox()), pg.PlotWidget()
    for w in (ours, theirs):
        qtbot.addWidget(w)
        w.resize(640, 230)
        w.getPlotItem().vb.invertY(inverted)
        w.getPlotItem().vb.invertX(inverted)
    for x0, x1, y0, y1 in ((-1.0, 29.0, 35.0, 41.5), (2.3, 2.55, -0.6, 2.6), (0.1, 0.1 + 1 / 24, 1e-3, 1e4)):
        for w in (ours, theirs):
            w.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            w.grab()
        a = ours.getPlotItem().vb.childGroup.transform()
        b = theirs.getPlotItem().vb.childGroup.transform()
        assert [a.m11(), a.m22(), a.dx(), a.dy(), a.m12(), a.m21()] == pytest.approx(
            [b.m11(), b.m22(), b.dx(), b.dy(), b.m12(), b.m21()], rel=1e-12, abs=1e-9)
    item = pg.PlotDataItem([0.0, 1.0], [36.0, 38.0])
    ours.getPlotItem().vb.addItem(item)
    assert item in ours.getPlotItem().vb.addedItems and item.getViewBox() is ours.getPlotItem().vb


def test_layout_items_ask_for_no_paint_but_a_view_border_is_still_drawn(widget: TrendChartsWidget,
                                                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each item Qt paints costs a Python call per frame: plots, views and the layout paint nothing and say
    so; axis titles are cached pixmaps. A panel view given a border must still draw it."""
    from PySide6.QtWidgets import QGraphicsItem

    from cartox_desk.ui.charts.trend_charts import PanelViewBox

    widget.set_timeline(demo_timeline())
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    for name in PANELS:
        plot = widget._panels[name].plot
        assert plot.flags() & no_contents and plot.vb.flags() & no_contents
        assert plot.getAxis("left").label.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert widget.graphics_layout().ci.flags() & no_contents

    bordered = pg.PlotWidget(viewBox=PanelViewBox(border=pg.mkPen("#ff0000", width=3)))
    qtbot.addWidget(bordered)
    bordered.resize(300, 200)
    vb = bordered.getPlotItem().vb

    def red_pixels() -> int:
        image = bordered.grab().toImage()
        return sum(image.pixelColor(x, y).name() == "#ff0000" for x in range(300) for y in range(0, 200, 2))

    assert not vb.flags() & no_contents
    assert red_pixels() > 300
    vb.setBorder(None)
    assert vb.flags() & no_contents
    assert red_pixels() == 0
