"""Trend charts from infusion day 0 (issue 5): stacked pyqtgraph panels sharing one x axis in days.

The widget draws `core.series.ChartSeries` (pure, also drawn by the PDF) and nothing else:

    widget = TrendChartsWidget(temperature_unit="C", lab_units="CN", layout=saved_layout)
    widget.set_timeline(timeline)          # again after every saved record: the view range is kept
    widget.layout_changed.connect(save)    # ChartLayout.to_dict() is what to persist per user

Panels (x linked, top to bottom): treatments and interventions, temperature, hemodynamics (+ NE-eq on the
right axis), oxygen (SpO2 + support level on the right axis), cytokines (log), blood counts (log, ICAHT
lines), CRS / ICANS grade strips with ICE (left) and CAPD (right) scores. The infusion line runs through
every panel; tocilizumab, steroids, anakinra, siltuximab, ICU transfer, intubation and CRRT are vertical
lines through every panel with their hover text in the treatments lane.

Performance (bench/charts.py: one pan / zoom step within a frame with minute-level vitals): data items are
`fast_items.FastDataItem`s — long curves are drawn from a min / max envelope pyramid built once (one pixel
column per block run, rastered in numpy, nothing recomputed on a range change), short ones draw their symbols
themselves; grid, reference lines, labels and strips are single items per panel that read the view when
painted and skip pyqtgraph's per-item range signals; the day axis lays out its ticks in plain floats; legends
and the fixed axes are cached pixmaps; hidden x axes are unlinked; right-axis series are drawn in their
panel's ViewBox through a scaling group (`RightScale`), so a pan updates one ViewBox per panel. Numeric
columns reach pyqtgraph as numpy views on the series' `array('d')` without a copy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPalette, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QLayoutItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import PatientTimeline
from cartox_desk.core.series import (
    BLOOD_COUNTS,
    CROSS_PANEL_MARKERS,
    DEFAULT_LABS,
    ChartSeries,
    LabUnits,
    Marker,
    MarkerKind,
    NumericSeries,
    RangePreset,
    SeriesCode,
    StepSeries,
    TemperatureUnit,
    build_chart_series,
    lab_code,
    visible_range_preset,
)
from cartox_desk.ui.charts import chart_texts as T
from cartox_desk.ui.charts.day_axis import DayAxisItem, day_label
from cartox_desk.ui.charts.fast_items import CachedScatterItem, FastDataItem
from cartox_desk.ui.charts.grade_strip import GradeStripItem
from cartox_desk.ui.charts.legend import PanelLegend
from cartox_desk.ui.charts.text_labels import (
    DayGridItem,
    ReferenceLinesItem,
    TextLabelsItem,
    VerticalLinesItem,
)
from cartox_desk.ui.widgets.flow_layout import FlowLayout

PANELS: tuple[str, ...] = ("events", "temperature", "hemodynamics", "oxygen", "labs", "counts", "grades")
# Relative panel heights (the layout's row stretch).
_PANEL_STRETCH = {"events": 2, "temperature": 4, "hemodynamics": 5, "oxygen": 4, "labs": 5, "counts": 4,
                  "grades": 4}
# Minimum heights: all seven panels and the day axis fit in the ~330 px the patient view leaves the charts at
# 1366x768 (a long language wraps the toolbar): panels get squeezed, never cut off at the bottom.
_PANEL_MIN_PX = {"events": 24, "temperature": 38, "hemodynamics": 44, "oxygen": 38, "labs": 44,
                 "counts": 38, "grades": 62}
_LEFT_AXIS_PX = 58
_RIGHT_AXIS_PANELS = ("hemodynamics", "oxygen", "grades")
_RIGHT_AXIS_PX = 46

# Okabe-Ito colour-blind-safe palette.
BLUE, SKY, GREEN, ORANGE, VERMILION, PURPLE, YELLOW, BLACK = (
    "#0072b2", "#56b4e9", "#009e73", "#e69f00", "#d55e00", "#cc79a7", "#f0e442", "#000000")
_LAB_COLOURS = (VERMILION, BLUE, GREEN, PURPLE, ORANGE, SKY, BLACK, "#8c564b", "#7f7f7f")
_COUNT_COLOURS = {Analyte.ANC: BLUE, Analyte.PLATELETS: ORANGE, Analyte.HEMOGLOBIN: VERMILION}
_MARKER_STYLE: dict[MarkerKind, tuple[str, str]] = {  # symbol, colour
    MarkerKind.TOCILIZUMAB: ("d", BLUE),
    MarkerKind.SILTUXIMAB: ("d", SKY),
    MarkerKind.ANAKINRA: ("s", GREEN),
    MarkerKind.STEROID: ("t", PURPLE),
    MarkerKind.ICU_TRANSFER: ("star", VERMILION),
    MarkerKind.INTUBATION: ("star", BLACK),
    MarkerKind.CRRT: ("h", "#8c564b"),
    MarkerKind.PLASMA_EXCHANGE: ("h", "#7f7f7f"),
    MarkerKind.ANTIPYRETIC: ("t1", ORANGE),
    MarkerKind.FLUID_BOLUS: ("t1", SKY),
    MarkerKind.ICE_UNABLE: ("x", BLACK),
    MarkerKind.CAPD_UNABLE: ("x", BLACK),
}
# Treatments lane rows: anti-cytokine 2, steroids 1, organ support 0.
_EVENT_ROW = {MarkerKind.TOCILIZUMAB: 2.0, MarkerKind.SILTUXIMAB: 2.0, MarkerKind.ANAKINRA: 2.0,
              MarkerKind.STEROID: 1.0, MarkerKind.ICU_TRANSFER: 0.0, MarkerKind.INTUBATION: 0.0,
              MarkerKind.CRRT: 0.0, MarkerKind.PLASMA_EXCHANGE: 0.0}

# Grades panel geometry: ICE 0-10 at the bottom, then the ICANS and CRS strips.
_ICANS_BAND = (11.0, 12.6)
_CRS_BAND = (13.0, 14.6)
_GRADES_Y = (-1.8, 15.0)
_CAPD_SCALE = 3.2  # CAPD 0-32 drawn over the ICE 0-10 height (right axis)
_LOG_FLOOR = 0.01
_DENSE_POINTS = 2000  # a reported 0 on a log axis is drawn at this floor (the hover shows the real value)


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """What one user shows: the panels (in order) and the labs on the cytokine panel. Persist per user
    with `to_dict()` / `from_dict()` (plain strings, tolerant of unknown names)."""

    panels: tuple[str, ...] = PANELS
    labs: tuple[str, ...] = tuple(a.value for a in DEFAULT_LABS)

    def analytes(self) -> tuple[Analyte, ...]:
        return tuple(Analyte(a) for a in self.labs if a in Analyte.__members__.values())

    def to_dict(self) -> dict[str, list[str]]:
        return {"panels": list(self.panels), "labs": list(self.labs)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChartLayout:
        if not data:
            return cls()
        panels = tuple(p for p in data.get("panels", PANELS) if p in PANELS)
        known = {a.value for a in Analyte}
        labs = tuple(a for a in data.get("labs", ()) if a in known)
        return cls(panels=panels, labs=labs)


@dataclass(frozen=True, slots=True)
class ChartTheme:
    """Colours that follow the window palette (ux.md: dark mode works); the series colours stay the
    colour-blind-safe palette on both."""

    background: str
    axis: str
    text: str
    grid: str
    grid_day: str
    legend_fill: tuple[int, int, int, int]
    label_fill: tuple[int, int, int, int]
    ink: str  # the infusion line, ICE, black markers
    muted: str  # "now", crosshair
    fever: str  # the 38.0 °C line
    o2_text: str  # device / flow labels

    @classmethod
    def for_palette(cls, window: QColor) -> ChartTheme:
        return DARK_THEME if window.lightness() < 128 else LIGHT_THEME


LIGHT_THEME = ChartTheme("#ffffff", "#444444", "#222222", "#e4e4e4", "#cfcfcf", (255, 255, 255, 200),
                         (255, 255, 240, 235), "#222222", "#888888", "#b2182b", "#00694d")
DARK_THEME = ChartTheme("#1e1f22", "#aaaaaa", "#dddddd", "#2e3034", "#3c3f44", (30, 31, 34, 210),
                        (40, 42, 46, 240), "#e8e8e8", "#9a9a9a", "#ef8a62", "#3fd0a4")


@dataclass(slots=True)
class _Readout:
    """One series the crosshair reads: its name, unit and data (numpy views)."""

    name: str
    unit: str
    item: Any
    xs: np.ndarray
    ys: np.ndarray
    step: bool = False
    describe: Callable[[int], str] | None = None  # extra words for a step (device, drugs)


@dataclass(slots=True)
class _Panel:
    name: str
    plot: pg.PlotItem
    right: RightScale | None = None
    readouts: list[_Readout] = field(default_factory=list)
    grid: DayGridItem | None = None
    crosshair: pg.InfiniteLine | None = None
    label: pg.TextItem | None = None
    day0_line: ReferenceLinesItem | None = None
    marker_lines: list[VerticalLinesItem] = field(default_factory=list)
    log: bool = False
    thresholds: list[tuple[float, Any, str]] = field(default_factory=list)
    squeezed: set[str] = field(default_factory=set)  # axis sides whose title is hidden: taller than the panel


def _arr(a: Any) -> np.ndarray:
    """A numpy view on an array('d') (no copy)."""
    return np.frombuffer(a, dtype=np.float64) if len(a) else np.empty(0, dtype=np.float64)


def _fmt(v: float) -> str:
    if math.isnan(v):
        return "?"
    if abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _pen(colour: str, width: float = 1.5, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> Any:
    return pg.mkPen(colour, width=width, style=style)


class _ToolbarFlow(FlowLayout):
    """A FlowLayout whose last widget (`optional`, the usage hint) is shown only when it fits on the lines
    the other widgets take anyway: it never adds a line (chart height) of its own."""

    def __init__(self, optional: QWidget, spacing: int = 6) -> None:
        super().__init__(spacing=spacing)
        self._optional = optional
        self._with_optional = True

    def _visible(self) -> list[QLayoutItem]:
        items = [i for i in self._items
                 if i.widget() is None or i.widget() is self._optional or not i.widget().isHidden()]
        if self._with_optional:
            return items
        return [i for i in items if i.widget() is not self._optional]

    def _fits(self, width: int) -> bool:
        """Whether the optional widget fits at the end of the last line (FlowLayout's walk; a hidden widget's
        layout item reports no size, so the widget's own size hint is used)."""
        m = self.contentsMargins()
        right = width - m.right() - 1
        x = m.left()
        sizes = [i.sizeHint().width() for i in self._visible() if i.widget() is not self._optional]
        hint = self._optional.sizeHint().expandedTo(self._optional.minimumSize()).width()
        for w in sizes:
            if x + w > right + 1 and x > m.left():
                x = m.left()
            x += w + self._spacing
        return x + hint <= right + 1

    def heightForWidth(self, width: int) -> int:
        keep = self._with_optional
        self._with_optional = self._fits(width)
        try:
            return super().heightForWidth(width)
        finally:
            self._with_optional = keep

    def setGeometry(self, rect: QRect) -> None:
        self._with_optional = self._fits(rect.width())
        if self._optional.isHidden() == self._with_optional:
            self._optional.setVisible(self._with_optional)
        super().setGeometry(rect)


class _SideAxisItem(pg.AxisItem):
    """A left / right axis whose bounds are computed once per size or style (Qt asks for them several times
    a frame, pyqtgraph works them out in Python each time; without a grid they depend on nothing else)."""

    def __init__(self, orientation: str, **kwargs: Any) -> None:
        self._bounds: QRectF | None = None
        super().__init__(orientation, **kwargs)

    def boundingRect(self) -> QRectF:
        if self.grid is not False:
            return super().boundingRect()
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return self._bounds

    def resizeEvent(self, ev: Any = None) -> None:
        self._bounds = None
        super().resizeEvent(ev)

    def setStyle(self, **kwargs: Any) -> None:
        self._bounds = None
        super().setStyle(**kwargs)

    def setGeometry(self, *args: Any) -> None:
        self._bounds = None
        super().setGeometry(*args)


class RightScale:
    """The right-hand axis of a panel (NE-eq. on hemodynamics, O2 support on oxygen, CAPD on grades).

    Its series are drawn in the panel's own ViewBox, inside a group whose transform maps the right axis'
    values onto the panel's y range: a pan updates one ViewBox per panel, not a second linked one. The right
    AxisItem is unlinked from the view and shows the right-hand range with its own ticks and unit."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.group = pg.ItemGroup()
        self.y_range = (0.0, 1.0)
        plot.getAxis("right").unlinkFromView()
        self.reset()

    def reset(self) -> None:
        """A new, empty group in the ViewBox (a live update redraws everything)."""
        old = self.group
        if old.scene() is not None:
            old.scene().removeItem(old)  # with its items
        self.group = pg.ItemGroup()
        self.group.setZValue(-10)  # under the panel's own curves, over its grid
        self._plot.vb.addItem(self.group, ignoreBounds=True)

    def set_range(self, lo: float, hi: float) -> None:
        """Show `lo`…`hi` (right-axis units) over the panel's current y range."""
        self.y_range = (lo, hi)
        (y0, y1) = self._plot.vb.viewRange()[1]
        scale = (y1 - y0) / (hi - lo) if hi != lo else 1.0
        self.group.setTransform(QTransform(1.0, 0.0, 0.0, scale, 0.0, y0 - lo * scale))
        self._plot.getAxis("right").setRange(lo, hi)

    def add(self, item: QGraphicsItem) -> None:
        item.setParentItem(self.group)

    def items(self) -> list[QGraphicsItem]:
        return list(self.group.childItems())

    def to_view(self, value: float) -> float:
        """A right-axis value as a y coordinate of the panel's ViewBox."""
        return self.group.transform().map(QPointF(0.0, value)).y()


class PanelViewBox(pg.ViewBox):
    """A panel's ViewBox with a lean transform update: it runs for every panel on every pan / zoom frame.

    pyqtgraph's updateMatrix builds the same transform through several Point objects, and every transform
    change of the data group called two Python itemChange handlers (the view's bounds bookkeeping, which
    the group itself is meant to be exempt from). The group no longer reports geometry changes; adding and
    removing items (ItemChildAdded / Removed, not geometry changes) still reaches the view."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.childGroup.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)
        self.setBorder(self.border)

    def setBorder(self, *args: Any, **kwargs: Any) -> None:
        """Without a border neither the view nor its border rectangle paints anything: Qt then skips both
        per frame (the view's is a Python call)."""
        super().setBorder(*args, **kwargs)
        border = self.border
        none = border is None or border.style() == Qt.PenStyle.NoPen
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, none)
        self.borderRect.setVisible(not none)

    def updateMatrix(self, changed: Any = None) -> None:
        if not self._matrixNeedsUpdate:
            return
        bounds = self.rect()
        (x0, x1), (y0, y1) = self.state["viewRange"]
        width, height = x1 - x0, y1 - y0
        if width == 0 or height == 0:
            return
        sx, sy = bounds.width() / width, bounds.height() / height
        if not self.state["yInverted"]:
            sy = -sy
        if self.state["xInverted"]:
            sx = -sx
        # translate(bounds centre) . scale(sx, sy) . translate(-view centre), as ViewBox.updateMatrix does.
        cx, cy = bounds.center().x(), bounds.center().y()
        vx, vy = x0 + width / 2, y0 + height / 2
        self.childGroup.setTransform(QTransform(sx, 0.0, 0.0, sy, cx - vx * sx, cy - vy * sy))
        self._matrixNeedsUpdate = False
        self.sigTransformChanged.emit(self)


def _follow_x(vb: pg.ViewBox, x0: float, x1: float) -> None:
    """What `vb.setXRange(x0, x1, padding=0)` does to a panel that only follows another one's x range: the
    range is final already (every panel has the same width and x limits, no aspect lock, x auto-range off
    after each fill, see `_populate`), so only the state, the transform and the range signals that items and
    the day axis read are updated. setRange's checks, its target-rectangle and state signals (the disabled
    view menu, the hidden auto-range button) cost about a tenth of a pan frame over six panels."""
    state = vb.state
    if state["viewRange"][0] == [x0, x1]:
        return
    state["targetRange"][0] = [x0, x1]
    state["viewRange"] = [[x0, x1], state["viewRange"][1]]  # a new list, as updateViewRange makes
    vb._viewPixelSizeCache = None
    vb._matrixNeedsUpdate = True
    vb.update()
    vb.sigXRangeChanged.emit(vb, (x0, x1))
    vb.sigRangeChanged.emit(vb, state["viewRange"], [True, False])


class TrendChartsWidget(QWidget):
    """Stacked trend panels in days since infusion.

    Signals: `view_range_changed(x0, x1)` after any pan / zoom / preset; `layout_changed(ChartLayout)` when
    the user shows or hides a panel or a lab (persist it per user).
    """

    view_range_changed = Signal(float, float)
    layout_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, temperature_unit: str = "C", lab_units: str = "CN",
                 layout: ChartLayout | None = None) -> None:
        super().__init__(parent)
        self._temperature_unit = TemperatureUnit(temperature_unit)
        self._lab_units = LabUnits(lab_units)
        self._layout = layout or ChartLayout()
        self._timeline: PatientTimeline | None = None
        self._series: ChartSeries | None = None
        self._panels: dict[str, _Panel] = {}
        self._hidden: set[str] = set()  # series keys hidden from the legend, kept across live updates
        self._item_keys: dict[int, str] = {}
        self._x_following = False  # panels are following one panel's x range (_on_x_range_changed)

        self._theme = ChartTheme.for_palette(self.palette().color(QPalette.ColorRole.Window))
        self._glw = pg.GraphicsLayoutWidget()
        self._glw.setBackground(self._theme.background)
        # pyqtgraph caches the (plain colour) background in a pixmap; on screen every frame then blits the
        # whole view from it, which Qt spreads over threads: ~3 ms a frame on two cores, a fill costs ~0.
        self._glw.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self._glw.ci.setSpacing(0)
        self._glw.ci.setContentsMargins(2, 2, 6, 2)
        self._glw.ci.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)  # a layout: no paint
        self._glw.setMinimumHeight(200)

        # The toolbar wraps onto a second line where a language's labels do not fit beside each other (the
        # patient view shares 1366 px between the charts and the management panel): nothing is cut, every
        # button stays a plain, Tab-reachable button. The usage hint comes last and is shown only where it
        # fits on the lines the buttons take (else it is the title's tooltip): no chart height spent on it.
        hint = self.tr("wheel: zoom · drag: pan · legend: show / hide")
        self._hint = QLabel(hint)
        self._hint.setEnabled(False)  # the palette's quiet text colour, light or dark
        bar = _ToolbarFlow(self._hint, spacing=4)
        bar.setContentsMargins(4, 2, 4, 0)
        self._toolbar = bar
        self._title = QLabel(self.tr("Days since infusion"))
        self._title.setToolTip(hint)
        bar.addWidget(self._title)
        self._preset_buttons: dict[RangePreset, QPushButton] = {}
        for preset, text, tip in (
            (RangePreset.LYMPHODEPLETION_TO_D14, self.tr("D-7 … D+14"),
             self.tr("Lymphodepletion to day +14")),
            (RangePreset.D0_TO_D30, self.tr("D0 … D+30"), self.tr("Day 0 to day +30")),
            (RangePreset.ALL, self.tr("All"), self.tr("Everything recorded")),
            (RangePreset.LAST_24H, self.tr("Last 24 h"), self.tr("The last 24 hours")),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, p=preset: self.apply_preset(p))
            bar.addWidget(b)
            self._preset_buttons[preset] = b
        self._panels_button = QToolButton()
        self._panels_button.setText(self.tr("Panels"))
        self._panels_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._panels_menu = QMenu(self)
        self._panels_menu.aboutToShow.connect(self._fill_panels_menu)
        self._panels_button.setMenu(self._panels_menu)
        bar.addWidget(self._panels_button)
        bar.addWidget(self._hint)
        # Labels as tall as the buttons, text centred: a line of the flow reads as one row.
        row_height = max(self._preset_buttons[RangePreset.ALL].sizeHint().height(),
                         self._panels_button.sizeHint().height())
        self._panels_button.setMinimumHeight(row_height)
        for label in (self._title, self._hint):
            label.setMinimumHeight(row_height)
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addLayout(bar)
        root.addWidget(self._glw, 1)

        self._glw.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._build_panels()

    # ------------------------------------------------------------------------------------------ API

    def set_timeline(self, timeline: PatientTimeline) -> None:
        """Show a patient; call again after each saved record (live update): the view range is kept.
        Another patient starts at the default range for that patient's day."""
        previous = self._timeline
        if previous is not None and previous.patient.patient_id != timeline.patient.patient_id:
            self._series = None  # a new patient: no view range to keep
        self._timeline = timeline
        self.set_series(self._build_series(timeline))

    def set_series(self, series: ChartSeries) -> None:
        """Show series built elsewhere (e.g. off the GUI thread with `core.series.build_chart_series`)."""
        first = self._series is None
        keep = None if first else self.x_range()
        self._series = series
        self._populate()
        if keep is not None:
            self.set_x_range(*keep)
        else:
            self.apply_preset(self._default_preset(series))

    def series(self) -> ChartSeries | None:
        return self._series

    def chart_layout(self) -> ChartLayout:
        return self._layout

    def set_chart_layout(self, layout: ChartLayout) -> None:
        """Apply a saved layout (panels, labs); does not emit `layout_changed`."""
        if layout == self._layout:
            return
        labs_changed = layout.labs != self._layout.labs
        self._layout = layout
        keep = self.x_range() if self._series is not None else None
        if labs_changed and self._timeline is not None:
            self._series = self._build_series(self._timeline)
        self._build_panels()
        if keep is not None:
            self.set_x_range(*keep)

    def set_units(self, temperature_unit: str, lab_units: str) -> None:
        """Ward display units (settings): °C / °F and CN / US lab units."""
        self._temperature_unit = TemperatureUnit(temperature_unit)
        self._lab_units = LabUnits(lab_units)
        if self._timeline is not None:
            self.set_timeline(self._timeline)

    def apply_preset(self, preset: RangePreset | str) -> None:
        s = self._series
        now = s.now_x if s is not None else 0.0
        extent = s.extent if s is not None else None
        self.set_x_range(*visible_range_preset(preset, now, extent))

    def set_x_range(self, x0: float, x1: float) -> None:
        plot = self._master()
        if plot is not None:
            plot.setXRange(x0, x1, padding=0)

    def x_range(self) -> tuple[float, float]:
        plot = self._master()
        if plot is None:
            return (0.0, 1.0)
        lo, hi = plot.vb.viewRange()[0]
        return (float(lo), float(hi))

    def panel(self, name: str) -> pg.PlotItem | None:
        """The PlotItem of a visible panel (tests, the patient view's own additions)."""
        p = self._panels.get(name)
        return p.plot if p is not None else None

    def panel_names(self) -> tuple[str, ...]:
        return tuple(self._panels)

    def day0_line(self, name: str) -> ReferenceLinesItem | None:
        """The panel's reference-lines item; its first vertical line is the infusion (day 0)."""
        p = self._panels.get(name)
        return p.day0_line if p is not None else None

    def right_scale(self, name: str) -> RightScale | None:
        """The panel's right-axis scale (NE-eq., O2 support, CAPD): its items and value range."""
        p = self._panels.get(name)
        return p.right if p is not None else None

    def graphics_layout(self) -> pg.GraphicsLayoutWidget:
        return self._glw

    def export_png(self, path: str | Path, width: int | None = None) -> Path:
        """The visible charts as a PNG (pyqtgraph ImageExporter); `width` in pixels (default: on screen)."""
        path = Path(path)
        exporter = pg_exporters.ImageExporter(self._glw.ci)
        if width:
            exporter.parameters()["width"] = int(width)
        with self._uncached():
            exporter.export(str(path))
        return path

    @contextmanager
    def _uncached(self) -> Iterator[None]:
        """Items drawn afresh for an export, not from their cached pixmaps. Qt keeps a pixmap per view and
        one for scene.render, but one dirty flag that the view's repaint clears: a legend toggled (an axis
        moved) since the last export would come from the stale render pixmap, and an SVG would get pixmaps
        instead of vectors. Dropping the caches also leaves the view's pixmaps right."""
        cached = [(i, i.cacheMode()) for i in self._glw.scene().items()
                  if i.cacheMode() != QGraphicsItem.CacheMode.NoCache]
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for item, mode in cached:
                item.setCacheMode(mode)

    def export_svg(self, path: str | Path) -> Path:
        """The visible charts as an SVG (vector). pyqtgraph's SVGExporter first; where it cannot parse the
        paths of this Qt version (pyqtgraph 0.14 with Qt 6.12 raises ValueError), Qt's own QSvgGenerator
        renders the same scene."""
        path = Path(path)
        try:
            pg_exporters.SVGExporter(self._glw.ci).export(str(path))
            return path
        except (ValueError, IndexError):
            pass
        scene = self._glw.scene()
        source = self._glw.ci.sceneBoundingRect()
        with self._uncached():
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(source.size().toSize())
            # The screen's resolution: axis QPictures and point-sized fonts keep their size and place.
            generator.setResolution(self._glw.logicalDpiX())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(self.tr("Trends since CAR-T infusion"))
            painter = QPainter(generator)
            try:
                painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
                scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            finally:
                painter.end()
        return path

    # ----------------------------------------------------------------------------------- building

    def _build_series(self, timeline: PatientTimeline) -> ChartSeries:
        return build_chart_series(timeline, lab_analytes=self._layout.analytes(),
                                  temperature_unit=self._temperature_unit, lab_units=self._lab_units)

    @staticmethod
    def _default_preset(series: ChartSeries) -> RangePreset:
        if series.now_x <= 14:
            return RangePreset.LYMPHODEPLETION_TO_D14
        if series.now_x <= 30:
            return RangePreset.D0_TO_D30
        return RangePreset.ALL

    def _master(self) -> pg.PlotItem | None:
        return next(iter(self._panels.values())).plot if self._panels else None

    def _build_panels(self) -> None:
        """(Re)create the panel structure for the layout, then fill it from the current series."""
        self._glw.clear()
        self._panels = {}
        names = [n for n in self._layout.panels if n in PANELS]
        master: pg.PlotItem | None = None
        grid = self._glw.ci.layout
        for row, name in enumerate(names):
            axes = {"bottom": DayAxisItem("bottom"), "left": _SideAxisItem("left"),
                    "right": _SideAxisItem("right")}
            plot = pg.PlotItem(viewBox=PanelViewBox(), axisItems=axes)
            self._glw.addItem(plot, row=row, col=0)
            grid.setRowStretchFactor(row, _PANEL_STRETCH[name])
            plot.setMinimumHeight(_PANEL_MIN_PX[name])
            panel = _Panel(name=name, plot=plot)
            self._panels[name] = panel
            self._style_plot(panel, last=row == len(names) - 1)
            plot.vb.sigResized.connect(lambda _vb, p=panel: self._fit_titles(p))
            if name in _RIGHT_AXIS_PANELS:
                panel.right = RightScale(plot)
            if master is None:
                master = plot
            # x follows across panels through one slot (no pyqtgraph view links: those map each linked
            # view's screen geometry on every pan, for panels that all share the same width anyway).
            plot.vb.sigXRangeChanged.connect(self._on_x_range_changed)
        for i in range(len(names), len(PANELS)):
            grid.setRowStretchFactor(i, 0)
        self._populate()

    def _populate(self) -> None:
        """Clear every panel's items and draw the current series (live updates keep the panels)."""
        self._item_keys = {}
        for panel in self._panels.values():
            plot = panel.plot
            plot.clear()
            plot.vb.clear()  # the data items live in the ViewBox directly (see _register)
            if plot.legend is not None:
                plot.legend.clear()
                plot.legend.show()
            if panel.right is not None:
                panel.right.reset()  # the ViewBox clear above detached its group
            panel.readouts = []
            panel.marker_lines = []
            panel.thresholds = []
            panel.day0_line = None
            self._add_hover_items(panel)
            getattr(self, f"_fill_{panel.name}")(panel)
            # x follows the presets and the user (see _follow_x); a log-mode switch in a fill turned it on.
            plot.vb.enableAutoRange(x=False)
            self._add_common_lines(panel)
            panel.squeezed = set()
            self._fit_titles(panel)

    def _style_plot(self, panel: _Panel, last: bool) -> None:
        plot = panel.plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(x=True, y=False)
        plot.vb.setLimits(minXRange=1 / 24)
        font = QFont()
        font.setPointSizeF(7.5)
        for side in ("left", "right", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(self._theme.axis))
            axis.setTextPen(pg.mkPen(self._theme.text))
            axis.setStyle(tickFont=font, tickLength=-4, hideOverlappingLabels=True)
        plot.showAxis("right")
        plot.getAxis("left").setWidth(_LEFT_AXIS_PX)
        # Fixed on pan (left, right) or repainted only when the range changes (bottom): blit from a pixmap.
        # The axis titles are text items of their own (a QTextDocument drawn per frame if not cached).
        for side in ("left", "right", "bottom"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.getAxis(side).label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # A PlotItem only lays out its children: no paint call of its own per frame.
        plot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        right = plot.getAxis("right")
        right.setWidth(_RIGHT_AXIS_PX)
        right.setStyle(showValues=False)
        if panel.name not in _RIGHT_AXIS_PANELS:
            plot.hideAxis("right")  # nothing on the right: keep its column so all panels line up
            plot.layout.setColumnFixedWidth(2, _RIGHT_AXIS_PX)
        if not last:
            plot.hideAxis("bottom")  # the day grid shows the days; one labelled axis at the bottom
        # Hidden x axes would still re-layout their ticks (and the top one its SI-prefixed label) on every
        # pan of the linked views: unlinked, a pan only reaches the one visible day axis.
        for side in ("top", *(() if last else ("bottom",))):
            plot.getAxis(side).unlinkFromView()
        plot.getAxis("left").setLabel(T.tr(T.PANEL_AXIS_TITLES[panel.name]), **{"font-size": "8pt"})
        plot.layout.setContentsMargins(0, 1, 0, 1)
        legend = PanelLegend(plot.vb, text_colour=self._theme.text, fill=self._theme.legend_fill,
                             point_size=7.0, offset=(2, 1), columns=8)
        legend.sigSampleClicked.connect(self._on_legend_clicked)
        plot.legend = legend  # as PlotItem.addLegend does (PlotItem.removeItem tells it)
        legend.setZValue(50)

    def _fit_titles(self, panel: _Panel) -> None:
        """Hide an axis title longer than its panel is tall (a long language in a short window) instead of
        letting it run over the next panel's; the legend names the series with their units, and the axis
        keeps the title as its tooltip. Shown again when the panel grows."""
        height = panel.plot.vb.height()
        for side in ("left", "right"):
            axis = panel.plot.getAxis(side)
            if not axis.isVisible():
                continue
            fits = axis.label.boundingRect().width() <= height + 2
            if side in panel.squeezed and fits:
                panel.squeezed.discard(side)
                axis.setToolTip("")
                axis.showLabel(True)
            elif side not in panel.squeezed and not fits and axis.label.isVisible():
                panel.squeezed.add(side)
                axis.setToolTip(axis.labelText)
                axis.showLabel(False)

    def _add_hover_items(self, panel: _Panel) -> None:
        """The panel's grid, crosshair and hover label: made once per panel and put back after each clear
        (a live update or a new patient), as making them again costs a tenth of drawing a patient. They go
        straight into the ViewBox, like the data items (see _register); its clear() detaches every child, so
        they are added again each time."""
        plot = panel.plot
        if panel.grid is None:
            panel.grid = DayGridItem(plot.getAxis("left"), self._theme.grid, self._theme.grid_day)
        plot.vb.addItem(panel.grid, ignoreBounds=True)
        if panel.crosshair is None:
            crosshair = pg.InfiniteLine(angle=90, movable=False,
                                        pen=_pen(self._theme.muted, 1, Qt.PenStyle.DotLine))
            crosshair.setZValue(40)
            panel.crosshair = crosshair
        panel.crosshair.hide()
        plot.vb.addItem(panel.crosshair, ignoreBounds=True)
        if panel.label is None:
            label = pg.TextItem(color=self._theme.text, fill=pg.mkBrush(*self._theme.label_fill),
                                border=pg.mkPen(self._theme.muted),
                                anchor=(0, 0))
            label.setFont(self._small_font(7.5))
            label.setZValue(60)
            panel.label = label
        panel.label.hide()
        plot.vb.addItem(panel.label, ignoreBounds=True)

    def _configure_right(self, panel: _Panel, y_range: tuple[float, float], title: str,
                         show_values: bool = True) -> RightScale:
        """Map the right axis' range onto the panel's (already fixed) y range."""
        right = panel.right
        assert right is not None
        right.set_range(*y_range)
        axis = panel.plot.getAxis("right")
        axis.setStyle(showValues=show_values)
        axis.setLabel(title, **{"font-size": "8pt"})
        if not title:
            axis.showLabel(False)
        return right

    def _register(self, panel: _Panel, item: Any, key: str, legend_name: str | None) -> None:
        """Show a data item in the panel's legend and track it for toggling (hidden state survives live
        updates). Data items go straight into their ViewBox: PlotItem.addItem would also rebuild its context
        menu's curve list for every item (a third of the first render), a menu this widget turns off."""
        self._item_keys[id(item)] = key
        if key in self._hidden:
            item.setVisible(False)
        if legend_name and panel.plot.legend is not None:
            panel.plot.legend.addItem(item, legend_name)

    def _curve(self, panel: _Panel, s: NumericSeries, colour: str, *, width: float = 1.5,
               symbol: str | None = None, right: RightScale | None = None, floor: float | None = None,
               name: str | None = None) -> pg.PlotDataItem | None:
        xs, ys = _arr(s.xs), _arr(s.ys)
        label = name or T.series_name(s.code, s.analyte)
        unit = T.unit_symbol(s.unit)
        legend_name = f"{label} ({unit})" if unit else label
        has_nan = bool(np.isnan(ys).any()) if len(ys) else False
        shown = ys
        if floor is not None and len(ys):
            shown = np.where(ys > 0, ys, np.where(np.isnan(ys), np.nan, floor))
        if len(xs) > _DENSE_POINTS:
            width = 1.0  # wide pens are drawn segment by segment: far slower for monitor-level data
        kwargs: dict[str, Any] = {
            "pen": _pen(colour, width), "name": legend_name, "connect": "finite" if has_nan else "all",
            "skipFiniteCheck": not has_nan,
        }
        if symbol is not None:
            kwargs.update(symbol=symbol, symbolSize=5, symbolPen=pg.mkPen(colour),
                          symbolBrush=pg.mkBrush(colour))
        dense = len(xs) > _DENSE_POINTS
        if not dense:
            kwargs["antialias"] = True  # few points: smooth shallow lines cost nothing
        # Log y set before the data: the item maps and lays out its data once.
        item = FastDataItem(xs, shown, log_y=panel.log and right is None, **kwargs)
        if right is not None:
            right.add(item)
        else:
            panel.plot.vb.addItem(item)
        # No clip-to-view / auto-downsampling round trip on pans: monitor-level curves decimate at paint time
        # from a min / max pyramid built once (fast_items.LodCurveItem); sparse series are drawn whole.
        self._register(panel, item, s.code, legend_name)
        panel.readouts.append(_Readout(label, unit, item, xs, ys))
        return item

    def _step(self, panel: _Panel, s: StepSeries, colour: str, right: RightScale, name: str,
              describe: Callable[[int], str] | None = None, fill: bool = True) -> pg.PlotDataItem | None:
        if not len(s):
            return None
        edges, values = _arr(s.edges), _arr(s.values)
        unit = T.unit_symbol(s.unit)
        legend_name = f"{name} ({unit})" if unit else name
        item = FastDataItem(edges, values, stepMode="center", pen=_pen(colour, 2.0), name=legend_name,
                               fillLevel=0 if fill else None,
                               fillBrush=pg.mkBrush(QColor(colour).red(), QColor(colour).green(),
                                                    QColor(colour).blue(), 45) if fill else None)
        right.add(item)
        self._register(panel, item, s.code, legend_name)
        panel.readouts.append(_Readout(name, unit, item, edges, values, step=True, describe=describe))
        return item

    def _threshold_line(self, panel: _Panel, value: float, text: str, colour: str, log: bool = False) -> None:
        """A horizontal reference line (drawn by the panel's ReferenceLinesItem) with its label."""
        # 1 px: Qt dashes a wider cosmetic pen ~20x slower (0.3 ms a line per frame); the dashes keep the
        # length they had at 1.2 px (a dash pattern is in pen widths).
        pen = _pen(colour, 1.0, Qt.PenStyle.DashLine)
        pen.setDashPattern([4.0 * 1.2, 2.0 * 1.2])
        panel.thresholds.append((math.log10(value) if log else value, pen, text))

    def _ink(self, colour: str) -> str:
        """Black stays readable on a dark background."""
        return self._theme.ink if colour == BLACK else colour

    @staticmethod
    def _small_font(size: float = 7.0) -> QFont:
        f = QFont()
        f.setPointSizeF(size)
        return f

    def _markers(self, panel: _Panel, markers: Sequence[Marker], y: float | Callable[[Marker], float],
                 vb: pg.ViewBox | None = None, size: int = 10) -> pg.ScatterPlotItem | None:
        """One scatter item per marker kind (its symbol shows in the legend), hover text on each spot."""
        if not markers:
            return None
        symbol, colour = _MARKER_STYLE[markers[0].kind]
        colour = self._ink(colour)
        xs = [m.x for m in markers]
        ys = [y(m) if callable(y) else y for m in markers]
        item = CachedScatterItem(x=xs, y=ys, data=[self._marker_text(m) for m in markers], symbol=symbol,
                                  size=size, pen=pg.mkPen(colour, width=1.2), brush=pg.mkBrush(colour),
                                  hoverable=True, tip=lambda x, y, data: data, hoverSize=size + 4,
                                  hoverPen=pg.mkPen("#000", width=1.5))
        item.setZValue(30)
        (vb or panel.plot.vb).addItem(item)
        return item

    # ---------------------------------------------------------------------------------- panels

    def _fixed_y(self, panel: _Panel, lo: float, hi: float, headroom: float = 0.22) -> tuple[float, float]:
        """Fix the y range, with headroom at the top for the one-line legend."""
        top = hi + (hi - lo) * headroom
        panel.plot.setYRange(lo, top, padding=0)
        panel.plot.vb.enableAutoRange(y=False)
        return lo, top

    def _marker_legend(self, panel: _Panel, item: pg.ScatterPlotItem | None, kind: MarkerKind) -> None:
        """A marker kind's legend entry; hidden from it, it stays hidden across live updates as a series."""
        if item is not None:
            self._register(panel, item, f"marker:{kind.value}", T.tr(T.MARKER_NAMES[kind]))

    def _fill_events(self, panel: _Panel) -> None:
        plot = panel.plot
        self._fixed_y(panel, -0.6, 2.6, headroom=0.3)
        plot.getAxis("left").setTicks([[(2.0, self.tr("anti-IL")), (1.0, self.tr("steroid")),
                                        (0.0, self.tr("support"))]])
        plot.getAxis("left").setStyle(tickFont=self._small_font(6.5))
        plot.getAxis("left").showLabel(False)
        s = self._series
        if s is None:
            return
        lane = [m for m in s.markers if m.kind in _EVENT_ROW]
        by_kind: dict[MarkerKind, list[Marker]] = {}
        for m in lane:
            by_kind.setdefault(m.kind, []).append(m)
        for kind, ms in by_kind.items():
            self._marker_legend(panel, self._markers(panel, ms, lambda m: _EVENT_ROW[m.kind]), kind)
        tags: list[tuple[float, float, str]] = []
        colours: list[str] = []
        for m in lane:
            if m.kind is MarkerKind.TOCILIZUMAB:
                tag = f"{m.param('n')}/{m.param('of')}"
            elif m.kind in T.MARKER_TAGS:
                tag = T.tr(T.MARKER_TAGS[m.kind])
            else:
                continue
            tags.append((m.x, _EVENT_ROW[m.kind] - 0.35, tag))
            colours.append(self._ink(_MARKER_STYLE[m.kind][1]))
        if tags:  # one item: tags that would overlap are skipped whatever their colour
            plot.addItem(TextLabelsItem(tags, BLACK, point_size=6.8, dx_px=7, colours=colours),
                         ignoreBounds=True)
        if plot.legend is not None and not lane:
            plot.legend.hide()

    def _fill_temperature(self, panel: _Panel) -> None:
        s = self._series
        fahrenheit = self._temperature_unit is TemperatureUnit.FAHRENHEIT
        lo, hi = (95.0, 105.8) if fahrenheit else (35.0, 41.0)
        temp = s.vitals[SeriesCode.TEMPERATURE] if s is not None else None
        if temp is not None:
            ys = _arr(temp.ys)
            if len(ys) and np.isfinite(ys).any():
                lo, hi = min(lo, float(np.nanmin(ys)) - 0.3), max(hi, float(np.nanmax(ys)) + 0.3)
        unit = "°F" if fahrenheit else "°C"
        panel.plot.getAxis("left").setLabel(f"{T.tr(T.PANEL_AXIS_TITLES['temperature'])} {unit}",
                                            **{"font-size": "8pt"})
        lo, _top = self._fixed_y(panel, lo, hi)
        if s is None or temp is None:
            return
        self._curve(panel, temp, VERMILION, width=1.6)
        for th in s.thresholds:
            if th.series == SeriesCode.TEMPERATURE:
                self._threshold_line(panel, th.value, f"{th.value:.1f} {T.unit_symbol(th.unit)}",
                                     self._theme.fever)
        antipyretics = [m for m in s.markers if m.kind is MarkerKind.ANTIPYRETIC]
        self._marker_legend(panel, self._markers(panel, antipyretics, lo + (hi - lo) * 0.06, size=9),
                            MarkerKind.ANTIPYRETIC)

    def _fill_hemodynamics(self, panel: _Panel) -> None:
        s = self._series
        lo, hi = 30.0, 180.0
        if s is not None:
            for code in (SeriesCode.SYSTOLIC_BP, SeriesCode.MEAN_BP, SeriesCode.HEART_RATE):
                ys = _arr(s.vitals[code].ys)
                if len(ys) and np.isfinite(ys).any():
                    lo, hi = min(lo, float(np.nanmin(ys)) - 5), max(hi, float(np.nanmax(ys)) + 5)
        panel.plot.getAxis("left").setLabel(self.tr("mmHg · /min"), **{"font-size": "8pt"})
        lo, top = self._fixed_y(panel, lo, hi)
        ne_max = 10.0
        if s is not None and len(s.ne_equivalent):
            finite = [v for v in s.ne_equivalent.values if not math.isnan(v)]
            ne_max = max([ne_max, *finite])
        # NE-eq. uses the lower 80 % of the panel, so its steps stay clear of the legend line.
        right = self._configure_right(panel, (0.0, ne_max * (top - lo) / (hi - lo) * 1.1),
                                      self.tr("NE-eq. µg/min"))
        if s is None:
            return
        ne = s.ne_equivalent

        def describe(i: int) -> str:
            drugs = ne.params[i] if i < len(ne.params) else ()
            parts = []
            for drug, dose in drugs:
                value, _sep, unit = dose.partition(" ")
                parts.append(f"{T.tr(T.VASOPRESSOR_NAMES.get(drug, drug))} {value} {T.unit_symbol(unit)}")
            return ", ".join(parts) if parts else self.tr("no vasopressor")

        self._step(panel, ne, PURPLE, right, T.series_name(SeriesCode.NE_EQUIVALENT), describe)
        self._curve(panel, s.vitals[SeriesCode.SYSTOLIC_BP], BLUE)
        self._curve(panel, s.vitals[SeriesCode.MEAN_BP], SKY, width=1.2)
        self._curve(panel, s.vitals[SeriesCode.HEART_RATE], GREEN, width=1.0)
        boluses = [m for m in s.markers if m.kind is MarkerKind.FLUID_BOLUS]
        self._marker_legend(panel, self._markers(panel, boluses, lo + (hi - lo) * 0.05, size=9),
                            MarkerKind.FLUID_BOLUS)

    def _fill_oxygen(self, panel: _Panel) -> None:
        s = self._series
        lo = 80.0
        if s is not None:
            ys = _arr(s.vitals[SeriesCode.SPO2].ys)
            if len(ys) and np.isfinite(ys).any():
                lo = min(lo, float(np.nanmin(ys)) - 2)
        panel.plot.getAxis("left").setLabel(self.tr("SpO2 %"), **{"font-size": "8pt"})
        lo, top = self._fixed_y(panel, lo, 100.5)
        # Support level 0-3 over the lower part of the panel (room air at the bottom).
        level_top = 3.0 + 0.45 + (top - 100.5) / (100.5 - lo) * 3.5
        right = self._configure_right(panel, (-0.3, level_top), self.tr("O2 support"))
        panel.plot.getAxis("right").setTicks(
            [[(float(i), T.tr(t)) for i, t in enumerate(T.OXYGEN_LEVEL_TICKS)]])
        if s is None:
            return
        level, flow = s.oxygen_level, s.oxygen_flow

        def describe(i: int) -> str:
            p = dict(level.params[i]) if i < len(level.params) else {}
            device = p.get("device", "")
            value = level.values[i]
            words = [] if math.isnan(value) else [T.tr(T.OXYGEN_LEVEL_NAMES[int(value)])]
            if device:
                words.append(T.tr(T.OXYGEN_SHORT.get(device, device)))
            if p.get("flow_l_min"):
                words.append(f"{p['flow_l_min']} L/min")
            elif device and device != "room_air":
                words.append(self.tr("flow not recorded"))
            if p.get("for_comfort"):
                words.append(self.tr("for comfort (not graded)"))
            return " · ".join(words)

        self._step(panel, level, GREEN, right, T.series_name(SeriesCode.OXYGEN_LEVEL), describe)
        self._curve(panel, s.vitals[SeriesCode.SPO2], BLUE, width=1.2)
        labels = []
        for i in range(len(level)):
            device = dict(level.params[i]).get("device", "")
            text = T.tr(T.OXYGEN_SHORT.get(device, device))
            if i < len(flow.values) and not math.isnan(flow.values[i]) and flow.values[i] > 0:
                text += f" {_fmt(flow.values[i])} L/min"
            labels.append((level.edges[i], level.values[i], text))
        right.add(TextLabelsItem(labels, self._theme.o2_text))

    def _fill_log_panel(self, panel: _Panel, title: str) -> None:
        panel.log = True
        plot = panel.plot
        plot.setLogMode(x=False, y=True)
        plot.vb.enableAutoRange(y=False)
        plot.getAxis("left").setLabel(title, **{"font-size": "8pt"})

    def _fill_labs(self, panel: _Panel) -> None:
        self._fill_log_panel(panel, self.tr("log scale"))
        s = self._series
        if s is None:
            return
        for i, (_code, lab) in enumerate(s.labs.items()):
            self._curve(panel, lab, self._ink(_LAB_COLOURS[i % len(_LAB_COLOURS)]), width=1.4, symbol="o",
                        floor=_LOG_FLOOR)
        self._log_headroom(panel, [lab for lab in s.labs.values()])

    def _fill_counts(self, panel: _Panel) -> None:
        self._fill_log_panel(panel, self.tr("counts (log)"))
        s = self._series
        if s is None:
            return
        for a in BLOOD_COUNTS:
            self._curve(panel, s.blood_counts[lab_code(a)], _COUNT_COLOURS[a], width=1.4, symbol="o",
                        floor=_LOG_FLOOR)
        anc = T.tr(T.ANALYTE_NAMES[Analyte.ANC])
        for th in s.thresholds:
            if th.series == lab_code(Analyte.ANC):
                per_ul = round(th.value * 1000)  # 10^9/L = 1000/µL
                label = self.tr("{anc} {n}/µL (ICAHT)").format(anc=anc, n=per_ul)
                self._threshold_line(panel, th.value, label, BLUE, log=True)
        self._log_headroom(panel, list(s.blood_counts.values()), extra=[0.1])

    def _log_headroom(self, panel: _Panel, series: list[NumericSeries], extra: Sequence[float] = ()) -> None:
        """Fix the log y range on all the patient's values (not only the visible ones: panning stays cheap
        and levels stay comparable), with headroom at the top for the legend line."""
        values = [v for s in series for v in s.ys if not math.isnan(v) and v > 0] + list(extra)
        if not values:
            panel.plot.setYRange(-1.0, 3.0, padding=0)
            return
        lo, hi = math.log10(max(min(values), _LOG_FLOOR)), math.log10(max(values))
        span = max(hi - lo, 1.0)
        panel.plot.setYRange(lo - span * 0.06, hi + span * 0.3, padding=0)

    def _fill_grades(self, panel: _Panel) -> None:
        plot = panel.plot
        self._fixed_y(panel, *_GRADES_Y, headroom=0.0)
        crs_y = sum(_CRS_BAND) / 2
        icans_y = sum(_ICANS_BAND) / 2
        plot.getAxis("left").setTicks([[(0.0, "0"), (5.0, "5"), (10.0, "10"), (icans_y, self.tr("ICANS")),
                                        (crs_y, self.tr("CRS"))]])
        plot.getAxis("left").setLabel(self.tr("ICE"), **{"font-size": "8pt"})
        s = self._series
        capd = s.scores[SeriesCode.CAPD] if s is not None else None
        has_capd = capd is not None and len(capd) > 0
        right = self._configure_right(panel, (_GRADES_Y[0] * _CAPD_SCALE, _GRADES_Y[1] * _CAPD_SCALE),
                                      self.tr("CAPD") if has_capd else "", show_values=has_capd)
        plot.getAxis("right").setTicks([[(0.0, "0"), (9.0, "9"), (16.0, "16"), (32.0, "32")]])
        if s is None:
            return
        crs, icans = s.grade_strips["crs"], s.grade_strips["icans"]
        for strip, band in ((crs, _CRS_BAND), (icans, _ICANS_BAND)):
            if strip.intervals:
                plot.addItem(GradeStripItem(strip, *band))
        panel.readouts.append(_Readout("CRS", "", None, np.empty(0), np.empty(0),
                                       describe=lambda x: self._grade_word(crs.grade_at(x))))
        panel.readouts.append(_Readout("ICANS", "", None, np.empty(0), np.empty(0),
                                       describe=lambda x: self._grade_word(icans.grade_at(x))))
        ice = s.scores[SeriesCode.ICE]
        if len(ice):
            self._curve(panel, ice, self._theme.ink, width=1.2, symbol="o")
        if has_capd and capd is not None:
            self._curve(panel, capd, PURPLE, width=1.2, symbol="s", right=right)
        unable = [m for m in s.markers if m.kind in (MarkerKind.ICE_UNABLE, MarkerKind.CAPD_UNABLE)]
        self._markers(panel, unable, 0.0, size=9)
        if plot.legend is not None:
            plot.legend.setOffset((2, -1))  # bottom left: the strips run along the top of this panel
        if plot.legend is not None and not len(ice) and not has_capd:
            plot.legend.hide()

    def _grade_word(self, grade: int | None) -> str:
        return self.tr("not assessed") if grade is None else self.tr("grade {n}").format(n=grade)

    def _add_common_lines(self, panel: _Panel) -> None:
        s = self._series
        plot = panel.plot
        if s is None:
            return
        # The infusion (day 0) line through every panel, "now" dotted, and the panel's thresholds.
        now_pen = _pen(self._theme.muted, 1, Qt.PenStyle.DotLine)
        ref = ReferenceLinesItem([(s.infusion_x, _pen(self._theme.ink, 2.0)), (s.now_x, now_pen)],
                                 panel.thresholds, label_fill=QColor(*self._theme.legend_fill))
        plot.addItem(ref, ignoreBounds=True)
        panel.day0_line = ref
        if panel.name == next(iter(self._panels)):  # named once, at the foot of the top panel
            bottom = plot.vb.viewRange()[1][0]
            plot.addItem(TextLabelsItem([(s.infusion_x, bottom, self.tr("CAR-T infusion"))], self._theme.ink,
                                        dx_px=4, dy_px=-1), ignoreBounds=True)
        lines = [(m.x, self._ink(_MARKER_STYLE[m.kind][1]))
                 for m in s.markers if m.kind in CROSS_PANEL_MARKERS]
        if lines:
            item = VerticalLinesItem(lines)
            plot.addItem(item, ignoreBounds=True)
            panel.marker_lines.append(item)

    # ------------------------------------------------------------------------------- hover texts

    def _when(self, x: float) -> str:
        s = self._series
        if s is None:
            return ""
        clock = s.wall_clock(x)
        return f"{day_label(math.floor(x))} {clock:%H:%M} ({clock:%Y-%m-%d})"

    def _marker_text(self, m: Marker) -> str:
        name = T.tr(T.MARKER_NAMES[m.kind])
        p = dict(m.params)
        lines = [name]
        if m.kind in (MarkerKind.TOCILIZUMAB, MarkerKind.STEROID, MarkerKind.ANAKINRA, MarkerKind.SILTUXIMAB,
                      MarkerKind.ANTIPYRETIC):
            drug = p.get("name") or p.get("drug", "")
            if m.kind is MarkerKind.STEROID:
                drug = T.tr(T.DRUG_NAMES.get(drug, drug))
                lines = [drug]
            elif m.kind is MarkerKind.ANTIPYRETIC and drug and drug != "antipyretic":
                lines = [f"{name}: {drug}"]
            dose = " ".join(v for v in (p.get("dose", ""), p.get("unit", ""), p.get("route", "")) if v)
            if dose:
                lines[0] += f" {dose}"
            if m.kind is MarkerKind.TOCILIZUMAB:
                lines.append(self.tr("dose {n} of {of}").format(n=p.get("n", "?"), of=p.get("of", "4")))
        elif m.kind is MarkerKind.FLUID_BOLUS:
            lines[0] += f" {p.get('volume_ml', '')} mL {p.get('fluid', '')}".rstrip()
        elif m.kind in (MarkerKind.ICE_UNABLE, MarkerKind.CAPD_UNABLE):
            reason = p.get("reason", "")
            lines[0] += ": " + (self.tr("aphasia") if reason == "aphasia" else self.tr("unarousable"))
        elif p.get("note"):
            lines.append(p["note"])
        lines.append(self._when(m.x))
        return "\n".join(lines)

    def _readout_text(self, panel: _Panel, x: float) -> str:
        s = self._series
        if s is None:
            return ""
        lines = [self._when(x)]
        (lo, hi), _ = panel.plot.vb.viewRange()
        tolerance = max((hi - lo) * 0.02, 1 / 1440)
        for r in panel.readouts:
            if r.item is None and r.describe is not None:  # grade strips
                lines.append(f"{r.name}: {r.describe(x)}")  # type: ignore[arg-type]
                continue
            if r.item is not None and not r.item.isVisible():
                continue
            if r.step:
                i = int(np.searchsorted(r.xs, x, side="right")) - 1
                if 0 <= i < len(r.ys) and x < r.xs[-1]:
                    value = r.ys[i]
                    extra = r.describe(i) if r.describe else ""
                    shown = "" if r.unit == "" else f"{_fmt(value)} {r.unit}"
                    lines.append(f"{r.name}: {' · '.join(t for t in (shown, extra) if t)}")
                continue
            if not len(r.xs):
                continue
            i = int(np.searchsorted(r.xs, x))
            best = None
            for j in (i - 1, i):
                if 0 <= j < len(r.xs) and not math.isnan(r.ys[j]) and (
                        best is None or abs(r.xs[j] - x) < abs(r.xs[best] - x)):
                    best = j
            if best is None or abs(r.xs[best] - x) > tolerance:
                continue
            at = s.wall_clock(float(r.xs[best]))
            lines.append(f"{r.name}: {_fmt(float(r.ys[best]))} {r.unit}  ({at:%H:%M})".replace("  ", " ", 1)
                         if r.unit else f"{r.name}: {_fmt(float(r.ys[best]))} ({at:%H:%M})")
        return "\n".join(lines)

    # ----------------------------------------------------------------------------------- slots

    def _on_mouse_moved(self, pos: QPointF) -> None:
        hovered = None
        for panel in self._panels.values():
            if panel.plot.vb.sceneBoundingRect().contains(pos):
                hovered = panel
                break
        if hovered is None or self._series is None:
            for panel in self._panels.values():
                if panel.crosshair is not None:
                    panel.crosshair.hide()
                if panel.label is not None:
                    panel.label.hide()
            return
        point = hovered.plot.vb.mapSceneToView(pos)
        x = point.x()
        for panel in self._panels.values():
            if panel.crosshair is not None:
                panel.crosshair.setPos(x)
                panel.crosshair.show()
            if panel.label is not None and panel is not hovered:
                panel.label.hide()
        label = hovered.label
        if label is None:
            return
        label.setText(self._readout_text(hovered, x))
        (lo, hi), (_ylo, yhi) = hovered.plot.vb.viewRange()
        right_half = x > (lo + hi) / 2
        label.setAnchor((1.0, 0.0) if right_half else (0.0, 0.0))
        offset = (hi - lo) * 0.01
        label.setPos(x - offset if right_half else x + offset, yhi)
        label.show()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a light / dark palette switch."""
        if event.type() == QEvent.Type.PaletteChange:
            theme = ChartTheme.for_palette(self.palette().color(QPalette.ColorRole.Window))
            if theme != self._theme:
                self._theme = theme
                self._glw.setBackground(theme.background)
                keep = self.x_range() if self._series is not None else None
                self._build_panels()
                if keep is not None:
                    self.set_x_range(*keep)
        super().changeEvent(event)

    def leaveEvent(self, event: Any) -> None:
        for panel in self._panels.values():
            if panel.crosshair is not None:
                panel.crosshair.hide()
            if panel.label is not None:
                panel.label.hide()
        super().leaveEvent(event)

    def _on_x_range_changed(self, vb: Any, rng: Sequence[float]) -> None:
        """One panel's x range changed (a preset, a drag or wheel on any panel): every other panel follows,
        then `view_range_changed` is emitted once."""
        if self._x_following:
            return
        x0, x1 = float(rng[0]), float(rng[1])
        self._x_following = True
        try:
            for panel in self._panels.values():
                other = panel.plot.vb
                if other is not vb:
                    _follow_x(other, x0, x1)
        finally:
            self._x_following = False
        self.view_range_changed.emit(x0, x1)

    def _on_legend_clicked(self, item: Any) -> None:
        key = self._item_keys.get(id(item))
        if key is None:
            return
        if item.isVisible():
            self._hidden.discard(key)
        else:
            self._hidden.add(key)

    def _fill_panels_menu(self) -> None:
        menu = self._panels_menu
        menu.clear()
        for name in PANELS:
            act = QAction(T.tr(T.PANEL_NAMES[name]), menu)
            act.setCheckable(True)
            act.setChecked(name in self._layout.panels)
            act.toggled.connect(lambda on, n=name: self._toggle_panel(n, on))
            menu.addAction(act)
        labs_menu = menu.addMenu(self.tr("Labs on the cytokine panel"))
        available = self._series.available_labs if self._series else ()
        candidates = list(dict.fromkeys([*DEFAULT_LABS, *available]))
        candidates += [a for a in Analyte if a not in candidates and a not in BLOOD_COUNTS]
        for a in candidates:
            if a in BLOOD_COUNTS:
                continue
            act = QAction(T.tr(T.ANALYTE_NAMES.get(a, a.value)), labs_menu)
            act.setCheckable(True)
            with QSignalBlocker(act):
                act.setChecked(a.value in self._layout.labs)
            act.toggled.connect(lambda on, an=a: self._toggle_lab(an, on))
            labs_menu.addAction(act)

    def _toggle_panel(self, name: str, on: bool) -> None:
        panels = [p for p in PANELS if (p in self._layout.panels and p != name) or (p == name and on)]
        self._change_layout(ChartLayout(panels=tuple(panels), labs=self._layout.labs))

    def _toggle_lab(self, analyte: Analyte, on: bool) -> None:
        labs = [a for a in self._layout.labs if a != analyte.value]
        if on:
            labs.append(analyte.value)
        self._change_layout(ChartLayout(panels=self._layout.panels, labs=tuple(labs)))

    def _change_layout(self, layout: ChartLayout) -> None:
        self.set_chart_layout(layout)
        self.layout_changed.emit(layout)

