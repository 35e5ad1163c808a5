"""A time axis in days since infusion: "D-5 … D0 … D+3" day ticks, hour ticks when zoomed in."""

from __future__ import annotations

import bisect
import math
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPicture,
    QPixmap,
    QStaticText,
    QTransform,
)

from cartox_desk.ui.charts.device_paint import DEVICE_LIMIT, DeviceRules, PrimitiveBuffer

# Day steps and sub-day steps (in days) the axis may use, finest first.
_DAY_STEPS = (1, 2, 5, 7, 14, 28, 56, 91, 182, 364)
_SUBDAY_STEPS = (5 / 1440, 10 / 1440, 15 / 1440, 30 / 1440, 1 / 24, 2 / 24, 3 / 24, 6 / 24, 12 / 24)
_MIN_PX_PER_DAY_LABEL = 42.0  # room for "D+28"
_MIN_PX_PER_HOUR_LABEL = 38.0  # room for "06:00"
_LABEL_GAP_PX = 3.0  # least space between two tick labels
_LABEL_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextDontClip


_Specs = tuple[tuple[QPen, QPointF, QPointF], list[tuple[QPen, QPointF, QPointF]],
               list[tuple[QRectF, object, str]]]
# The lean layout in plain floats: the axis line (pen, x0, x1, y), per tick level (pen, x positions, y0, y1)
# and the labels (left, top, width, height, text).
_Layout = tuple[tuple[QPen, float, float, float], list[tuple[QPen, list[float], float, float]],
                list[tuple[float, float, float, float, str]]]


def _patterns() -> tuple[str, str]:
    """The translated day-label patterns (looked up on each layout: the language may change at run time)."""
    return (QCoreApplication.translate("TrendChartsWidget", "D0"),
            QCoreApplication.translate("TrendChartsWidget", "D{sign}{n}"))


def _format_day(patterns: tuple[str, str], day: int) -> str:
    zero, pattern = patterns
    return zero if day == 0 else pattern.format(sign="+" if day > 0 else "-", n=abs(day))


def day_label(day: int) -> str:
    """ "D0", "D+3", "D-5" (ux.md: 回输后第 N 天 (D+N)); translatable as a pattern."""
    return _format_day(_patterns(), day)


def day_labels(days: list[int]) -> list[str]:
    """`day_label` of each day, the patterns translated once (the axis labels ~30 days on every pan)."""
    patterns = _patterns()
    return [_format_day(patterns, d) for d in days]


def clock_label(x: float) -> str:
    minutes = round((x - math.floor(x)) * 1440) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# clock_label by tick value: the same few hundred values come back on every pan.
_CLOCK_LABELS: dict[float, str] = {}


def _clock_label_cached(x: float) -> str:
    if len(_CLOCK_LABELS) > 20000:
        _CLOCK_LABELS.clear()
    text = _CLOCK_LABELS[x] = clock_label(x)
    return text


class _Measure:
    """What generateDrawSpecs needs of a painter (setFont, boundingRect), measuring on a QPicture like
    pyqtgraph's own paint does, and only when a label's size is not known yet."""

    def __init__(self, font: QFont | None) -> None:
        self._font = font

    def setFont(self, font: QFont) -> None:
        self._font = font

    def boundingRect(self, rect: QRectF, flags: object, text: str) -> QRectF:
        picture = QPicture()
        painter = QPainter(picture)
        try:
            if self._font is not None:
                painter.setFont(self._font)
            return painter.boundingRect(rect, flags, text)  # type: ignore[call-overload]
        finally:
            painter.end()


class _Frame(NamedTuple):
    """What the layout needs of the axis geometry: unchanged while the x range pans (cached)."""

    key: tuple[object, ...]
    left: float  # the axis rectangle in item coordinates
    top: float
    width: float
    length_px: float  # its length on the device (tickValues' size)
    own: QRectF  # boundingRect(): labels must fit inside
    own_l: float
    own_t: float
    own_r: float
    own_b: float
    clip: QRect  # boundingRect().toAlignedRect(), the labels' clip


class _Pens(NamedTuple):
    key: tuple[object, ...]
    axis: QPen
    levels: list[QPen]  # tick pen per tick level (fainter for finer levels)
    text: QPen
    axis_brush: QBrush | None  # the pen's colour when its 1 px line can be filled as a device rectangle
    level_brushes: list[QBrush | None]


_LevelTexts = tuple[list[str], list[float], list[float]]  # a tick level's labels, widths, heights
_MAX_LEVELS = 4  # pens prepared for this many tick levels (tickValues gives at most 2)
_ANTIALIASING = QPainter.RenderHint.Antialiasing  # looked up once: PySide enum access costs
_TEXT_ANTIALIASING = QPainter.RenderHint.TextAntialiasing


def _rule_brush(pen: QPen) -> QBrush | None:
    """The brush that lights the same pixels as an aliased 1 px cosmetic solid line of this pen, else None."""
    brush = pen.brush()
    if (pen.style() != Qt.PenStyle.SolidLine or brush.style() != Qt.BrushStyle.SolidPattern
            or pen.capStyle() != Qt.PenCapStyle.SquareCap
            or not (pen.widthF() == 0.0 or (pen.widthF() == 1.0 and pen.isCosmetic()))):
        return None
    return QBrush(brush)


class DayAxisItem(pg.AxisItem):
    """Bottom axis for x = fractional days since local midnight of the infusion day (core.series)."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self._text_sizes: dict[str, tuple[float, float]] = {}  # label -> (width, 0.8 x height) in pixels
        self._label_px: dict[tuple[str, str], float] = {}  # day-label patterns -> room per label
        self._static_texts: dict[str, QStaticText] = {}  # label -> laid out once in the tick font
        self._day_texts: dict[tuple[str, str], dict[int, str]] = {}  # patterns -> day -> label
        self._tick_lines = PrimitiveBuffer(QLineF, 4)
        self._tick_rules = [DeviceRules() for _ in range(_MAX_LEVELS)]
        self._frame: _Frame | None = None
        self._pens: _Pens | None = None
        self._font_seen: QFont | None = None  # the tick font the text caches were measured in
        self._measure = _Measure(None)
        self._max_text_key: tuple[float, float, int] | None = None
        self._name_day_on_first_hour = False
        self._advances: dict[tuple[str, str], float] = {}  # (font, text) -> width in pixels
        self._tick_lists: dict[tuple[float, ...], list[float]] = {}  # tick values by step and range
        # Per text level: (tick values, spacing, patterns, first hour names the day, hour labels fit) and
        # its (labels, widths, heights).
        self._texts_by_level: dict[int, tuple[tuple[object, ...], _LevelTexts | None]] = {}

    def setStyle(self, **kwargs: object) -> None:
        super().setStyle(**kwargs)
        self._forget_text()
        self._frame = None
        self._max_text_key = None

    def _forget_text(self) -> None:
        """The tick font may have changed: labels are measured and laid out again."""
        self._text_sizes = {}
        self._label_px = {}
        self._static_texts = {}
        self._texts_by_level = {}
        self._font_seen = self.style["tickFont"]
        self._measure = _Measure(self._font_seen)

    def _lean(self) -> bool:
        st = self.style
        return (self.orientation == "bottom" and self.grid is False and self._tickLevels is None
                and st["stopAxisAtTick"] == (False, False) and st["tickAlpha"] is None)

    def paint(self, p: QPainter, opt: object, widget: object) -> None:
        """Draw straight onto the painter (no QPicture recorded and replayed on every pan). The widget caches
        the painted axis (DeviceCoordinateCache), repainted on every pan: into a pixmap the axis line and
        ticks are filled as device-pixel rectangles (Qt's cosmetic line stroker plots pixel by pixel)."""
        if not self._lean():
            super().paint(p, opt, widget)
            return
        layout = self._lean_specs(None)
        if layout is None:
            return
        (_pen, x0, x1, y), ticks, labels = layout
        pens = self._pens
        assert pens is not None
        p.save()
        p.setRenderHint(_ANTIALIASING, False)
        p.setRenderHint(_TEXT_ANTIALIASING, True)
        t = p.combinedTransform()
        if not self._fill_rules(p, t, pens, x0, x1, y, ticks):
            p.setPen(pens.axis)
            p.drawLine(QPointF(x0, y), QPointF(x1, y))
            lines = self._tick_lines
            for pen, xs, y0, y1 in ticks:  # one drawLines per tick level, filled in numpy
                if not len(xs):
                    continue
                lines.resize(len(xs))
                arr = lines.ndarray()
                arr[:, 0] = arr[:, 2] = xs
                arr[:, 1], arr[:, 3] = y0, y1
                p.setPen(pen)
                p.drawLines(*lines.drawargs())
        if labels:
            font = self.style["tickFont"]
            if font is not None:
                p.setFont(font)
            else:
                font = p.font()
            p.setPen(pens.text)
            frame = self._frame
            assert frame is not None
            p.setClipRect(frame.clip, Qt.ClipOperation.IntersectClip)
            static = self._static_texts
            if len(static) > 2000:
                static.clear()
            # One QPointF moved from label to label, bound methods: ~25 labels on every pan.
            at = QPointF(0.0, labels[0][1])  # all labels hang from the same top
            move_to, draw = at.setX, p.drawStaticText
            for left, _top, _w, _h, text in labels:
                # The label's own width, centred on its tick: its top left is where it starts.
                st = static.get(text)
                if st is None:
                    st = static[text] = QStaticText(text)
                    st.setTextFormat(Qt.TextFormat.PlainText)
                    st.prepare(font=font)
                move_to(left)
                draw(at, st)
        p.restore()

    def _fill_rules(self, p: QPainter, t: QTransform, pens: _Pens, x0: float, x1: float, y: float,
                    ticks: list[tuple[QPen, list[float], float, float]]) -> bool:
        """The axis line and ticks as device-pixel rectangles: the pixels Qt's aliased 1 px cosmetic line
        lights (column / row = floor of the device coordinate, ends inclusive). Only on a raster image at
        device-pixel ratio 1 under a plain translation; False (nothing drawn) otherwise."""
        if pens.axis_brush is None or not (t.m11() == 1.0 and t.m22() == 1.0 and t.m12() == 0.0
                                           and t.m21() == 0.0):
            return False
        device = p.device()
        if not isinstance(device, (QPixmap, QImage)) or device.devicePixelRatioF() != 1.0:
            return False
        brushes = pens.level_brushes
        for i, (_pen, _xs, y0, y1) in enumerate(ticks):
            # A (near) zero-length cosmetic line is not drawn like its rectangle.
            if i >= len(brushes) or brushes[i] is None or abs(y1 - y0) < 1.0:
                return False
        dx, dy = t.dx(), t.dy()
        left, right = math.floor(x0 + dx), math.floor(x1 + dx)
        if not (left > -DEVICE_LIMIT and right < DEVICE_LIMIT and -DEVICE_LIMIT < y + dy < DEVICE_LIMIT
                and all(abs(xs[0] + dx) < DEVICE_LIMIT and abs(xs[-1] + dx) < DEVICE_LIMIT
                        for _pen, xs, _y0, _y1 in ticks if xs)):  # sorted
            return False  # far outside: int32 device coordinates would overflow
        p.save()
        p.resetTransform()
        p.fillRect(QRect(left, math.floor(y + dy), right - left + 1, 1), pens.axis_brush)
        for rules, brush, (_pen, xs, y0, y1) in zip(self._tick_rules, brushes, ticks, strict=False):
            if xs:
                rules.draw(p, brush, np.asarray(xs) + dx, y0 + dy, y1 + dy, vertical=True)
        p.restore()
        return True

    def generateDrawSpecs(self, p: object) -> object:
        """pyqtgraph's layout of ticks and labels (its format: QPointF pairs per tick, a QRectF per label)."""
        if not self._lean():
            return super().generateDrawSpecs(p)
        layout = self._lean_specs(p)
        if layout is None:
            return None
        (pen, x0, x1, y), levels, labels = layout
        ticks = [(pen, QPointF(x, y0), QPointF(x, y1)) for pen, xs, y0, y1 in levels for x in xs]
        texts = [(QRectF(left, top, w, h), _LABEL_FLAGS, text) for left, top, w, h, text in labels]
        return (pen, QPointF(x0, y), QPointF(x1, y)), ticks, texts

    def _geometry_frame(self) -> _Frame | None:
        """The axis rectangle, its device length and bounding rectangle, computed again only when the
        geometry, the device transform or the style they depend on changed (not on a pan)."""
        st = self.style
        geometry = self.geometry()
        dt = self.deviceTransform_()
        if dt is None:
            return None
        key = (geometry.getRect(), dt, st["tickLength"], tuple(st["tickTextOffset"]),
               st["hideOverlappingLabels"])
        frame = self._frame
        if frame is not None and frame.key == key:
            return frame
        bounds = self.mapRectFromParent(geometry)
        # Like pyqtgraph: the axis line from one pixel left of the axis to one right of it.
        d0 = dt.map(QPointF(bounds.left() - 1.0, bounds.top() + 1.0))
        d1 = dt.map(QPointF(bounds.right() + 1.0, bounds.top() + 1.0))
        own = self.boundingRect()
        frame = self._frame = _Frame(key, bounds.left(), bounds.top(), bounds.width(),
                                     math.hypot(d1.x() - d0.x(), d1.y() - d0.y()), own, own.left(), own.top(),
                                     own.right(), own.bottom(), own.toAlignedRect())
        return frame

    def _pen_set(self) -> _Pens:
        """The axis, tick (per level) and text pens, made again only when one was set."""
        key: tuple[object, ...] = (self._pen, self._tickPen, self._textPen)
        if None in key:
            key += (pg.getConfigOption("foreground"),)
        pens = self._pens
        if pens is not None and pens.key == key:
            return pens
        tick_pen = self.tickPen()
        levels = []
        for i in range(_MAX_LEVELS):
            pen = tick_pen
            if pen.brush().style() == Qt.BrushStyle.SolidPattern:
                pen = QPen(pen)
                colour = QColor(pen.color())
                colour.setAlpha(int(255 / (i + 1)))
                pen.setColor(colour)
            levels.append(pen)
        axis = self.pen()
        # Copies in the key: a pen changed in place is seen as changed.
        stored = tuple(QPen(k) if isinstance(k, QPen) else k for k in key)
        pens = self._pens = _Pens(stored, axis, levels, self.textPen(), _rule_brush(axis),
                                  [_rule_brush(pen) for pen in levels])
        return pens

    def _lean_specs(self, p: object | None) -> _Layout | None:
        """The layout of ticks and labels for a bottom axis without a grid, in plain floats, with the label
        sizes measured once per label and the geometry, pens, tick values and label texts kept while the x
        range pans (the axis is laid out again on every pan): the axis line, per tick level (pen, x
        positions, y0, y1), and the labels (left, top, width, height, text). Same layout as pyqtgraph's
        QRectF-based one, with long labels that would overlap a neighbour skipped."""
        st = self.style
        if st["tickFont"] is not self._font_seen:  # setTickFont() changes the style without setStyle()
            self._forget_text()
        if p is None:  # painting: labels not measured yet are measured like pyqtgraph's paint does
            p = self._measure
        if st["tickFont"] is not None:
            p.setFont(st["tickFont"])  # type: ignore[attr-defined]
        frame = self._geometry_frame()
        if frame is None:
            return None
        length_px = frame.length_px
        if length_px == 0:
            return None
        pens = self._pen_set()
        patterns = _patterns()
        r0, r1 = self.range
        levels = self._levels(r0, r1, length_px, patterns)
        dif = r1 - r0
        scale = frame.width / dif if dif else 1.0
        offset = r0 * scale if dif else 0.0
        x_lo, x_hi = sorted((r0 * scale - offset, r1 * scale - offset))
        top = frame.top
        tick_length = st["tickLength"]
        max_text_level = st["maxTextLevel"]
        in_view: list[tuple[list[float], int, int]] = []  # per level: x of every tick, the slice in view
        tick_specs: list[tuple[QPen, list[float], float, float]] = []
        for i, (_spacing, values) in enumerate(levels):
            xs = [v * scale - offset for v in values]
            if scale > 0:  # ascending: the ticks in view are a slice
                j0, j1 = bisect.bisect_left(xs, x_lo), bisect.bisect_right(xs, x_hi)
                inside = xs[j0:j1]
            else:
                j0, j1 = 0, 0
                inside = [x for x in xs if x_lo <= x <= x_hi]
                xs = [x if x_lo <= x <= x_hi else math.nan for x in xs]  # NaN: never in view
            in_view.append((xs, j0, j1 if scale > 0 else len(xs)))
            pen = pens.levels[i] if i < _MAX_LEVELS else self._level_pen(i)
            tick_specs.append((pen, inside, top, top + tick_length / (i * 0.5 + 1.0)))
        axis_spec = (pens.axis, frame.left - 1.0, frame.left + frame.width + 1.0, top + 1.0)
        text_specs: list[tuple[float, float, float, float, str]] = []
        if not st["showValues"]:
            return axis_spec, tick_specs, text_specs
        label_top = top + (st["tickTextOffset"][1] + max(0, tick_length))
        own_l, own_t, own_r, own_b = frame.own_l, frame.own_t, frame.own_r, frame.own_b
        # A label out by more than a pixel is out (Qt's fuzzy compare forgives ~1e-12 of the coordinate).
        out_l, out_r = -math.inf, math.inf
        if max(abs(own_l), abs(own_r)) < 1e6:
            out_l, out_r = own_l - 1.0, own_r + 1.0
        top_inside = label_top >= own_t
        fill_limits = st["textFillLimits"]
        last_size2 = 0.0
        drawn: list[tuple[float, float]] = []  # (left, right) of the labels placed so far, sorted
        text_rects = 0
        text_width = 0.0
        max_height = 0.0
        for i in range(min(len(levels), max_text_level + 1)):
            spacing, values = levels[i]
            texts = self._level_texts(i, values, spacing, patterns, p)
            if texts is None:
                continue
            strings, widths, heights = texts
            xs, j0, j1 = in_view[i]
            j1 = min(j1, len(strings))
            if scale <= 0:
                shown = [j for j in range(j1) if xs[j] == xs[j]]  # in view (not NaN)
            else:
                shown = range(j0, j1) if j0 < j1 else range(0)
            for j in shown:  # in order, as pyqtgraph adds them up
                text_width += widths[j]
                if heights[j] > max_height:
                    max_height = heights[j]
            text_rects += len(shown)
            size2 = max_height if text_rects else 0.0
            if i > 0:
                placed = len(text_specs)
                fill = text_width / length_px
                if any(placed >= n and fill >= limit for n, limit in fill_limits):
                    break
            last_size2 = size2
            previous_right = -math.inf
            level_spans: list[tuple[float, float]] = []
            # Coarser levels' labels: a pointer to the first whose right end is past the label's left end,
            # moved along as the labels go left to right (back to the start if a wide one starts earlier).
            k = 0
            n_drawn = len(drawn)
            last_left = -math.inf
            for j in shown:
                w = widths[j]
                h = heights[j]
                left = xs[j] - w / 2.0
                right = left + w
                bottom = label_top + h
                # Inside the axis (pyqtgraph: own & rect == rect): plain comparisons for a label well inside,
                # Qt's own (fuzzy) test for the rest.
                if not (left < right and label_top < bottom and left >= own_l and right <= own_r
                        and top_inside and bottom <= own_b) \
                        and (left < out_l or right > out_r
                             or not self._inside_exactly(frame, left, label_top, w, h)):
                    continue
                span_left, span_right = left - _LABEL_GAP_PX, right + _LABEL_GAP_PX
                # A long language's label that would overlap its neighbour or a coarser level's is skipped.
                if span_left < previous_right:
                    continue
                if n_drawn:  # the placed spans are sorted and do not overlap: one candidate to check
                    if span_left < last_left:
                        k = 0
                    last_left = span_left
                    while k < n_drawn and drawn[k][1] <= span_left:
                        k += 1
                    if k < n_drawn and drawn[k][0] < span_right:
                        continue
                previous_right = span_right
                level_spans.append((span_left, span_right))
                text_specs.append((left, label_top, w, h, strings[j]))
            if level_spans:
                drawn = sorted(drawn + level_spans)
        self._update_text_space(last_size2)
        return axis_spec, tick_specs, text_specs

    def _level_texts(self, i: int, values: list[float], spacing: float, patterns: tuple[str, str],
                     p: object) -> _LevelTexts | None:
        """Labels of tick level i with their widths and heights (0.8 x height, like pyqtgraph), kept while
        the level's tick values stay (the same list object from `_levels`); None when it has no labels."""
        fit = self._hour_labels_fit(spacing) if spacing == 0.25 and values else True
        named = self._named_hour(values, spacing, patterns)
        key = (values, spacing, patterns, named, fit)
        cached = self._texts_by_level.get(i)
        if cached is not None and cached[0][0] is values and cached[0][1:] == key[1:]:
            return cached[1]
        strings = self._strings(values, spacing, patterns, fit, named)
        sizes = self._text_sizes
        widths, heights = [], []
        for text in strings:
            size = sizes.get(text)
            if size is None:
                br = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)  # type: ignore[attr-defined]
                size = sizes[text] = (br.width(), br.height() * 0.8)
            widths.append(size[0])
            heights.append(size[1])
        texts = (strings, widths, heights) if strings else None
        self._texts_by_level[i] = (key, texts)
        return texts

    @staticmethod
    def _inside_exactly(frame: _Frame, left: float, top: float, w: float, h: float) -> bool:
        """pyqtgraph's test that a label lies inside the axis (`own & rect == rect`, fuzzy), for the labels
        at the edges that the plain comparison turns away; a zero-size rectangle is never inside."""
        if w == 0.0 or h == 0.0:
            # QRectF & gives the null rectangle: equal only to a null rectangle at the origin.
            return abs(left) <= 1e-12 and abs(top) <= 1e-12 and h == 0.0 and w == 0.0
        right, bottom = left + w, top + h
        sticks_out = max(frame.own_l - left, right - frame.own_r, frame.own_t - top, bottom - frame.own_b)
        # Qt's fuzzy compare forgives at most 1e-12 of the values compared: a label out by more is out.
        scale = 1.0 + abs(left) + abs(right) + abs(top) + abs(bottom) + abs(frame.own_l) + abs(frame.own_r)
        if sticks_out > 1e-9 * (scale + abs(frame.own_t) + abs(frame.own_b)):
            return False
        rect = QRectF(left, top, w, h)
        return frame.own & rect == rect

    def _level_pen(self, i: int) -> QPen:
        pen = self.tickPen()
        if pen.brush().style() == Qt.BrushStyle.SolidPattern:
            colour = QColor(pen.color())
            colour.setAlpha(int(255 / (i + 1)))
            pen.setColor(colour)
        return pen

    def _update_text_space(self, size: float) -> None:
        """pyqtgraph's `_updateMaxTextSize` (it sets the axis height on each layout), skipped when it would
        set the same height again."""
        key = (size, self.textHeight, self.maximumHeight())
        if key == self._max_text_key:
            return
        self._updateMaxTextSize(size)
        self._max_text_key = (size, self.textHeight, self.maximumHeight())

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels = self._levels(minVal, maxVal, size, _patterns())
        return [(spacing, list(values)) for spacing, values in levels]

    def _levels(self, minVal: float, maxVal: float, size: float,
                patterns: tuple[str, str]) -> list[tuple[float, list[float]]]:
        """tickValues, with the value lists kept (shared, not to be changed) while the same ticks are in
        view: a pan moves the range a little, the ticks stay the same."""
        lo, hi = sorted((minVal, maxVal))
        span = max(hi - lo, 1e-9)
        px_per_day = size / span if size > 0 else 1.0
        room = self._day_label_px(patterns)
        day_step = _DAY_STEPS[-1]
        for step in _DAY_STEPS:
            if step * px_per_day >= room:
                day_step = step
                break
        first, last = math.ceil(lo), math.floor(hi)
        lists = self._tick_lists
        if len(lists) > 64:
            lists.clear()
        days = lists.get((0.0, day_step, first, last))
        if days is None:
            days = lists[(0.0, day_step, first, last)] = [
                float(d) for d in range(first + (-first) % day_step, last + 1, day_step)]
        levels: list[tuple[float, list[float]]] = [(float(day_step), days)]
        # Zoomed inside one day: no day tick in view, so the first hour tick also names the day.
        margin = span * 0.04  # a day tick at the very edge has no room for its label
        i = bisect.bisect_left(days, lo + margin)
        self._name_day_on_first_hour = not (i < len(days) and days[i] <= hi - margin)
        if day_step > 1:
            if px_per_day >= 6:
                minor = lists.get((1.0, day_step, first, last))
                if minor is None:
                    minor = lists[(1.0, day_step, first, last)] = [
                        float(d) for d in range(first, last + 1) if d % day_step]
                levels.append((1.0, minor))
            return levels
        sub = None
        for step in _SUBDAY_STEPS:
            if step * px_per_day >= _MIN_PX_PER_HOUR_LABEL:
                sub = step
                break
        if sub is None:
            # Not enough room for hour labels: unlabeled 6-hourly ticks when there is some room.
            if px_per_day >= 24:
                levels.append((0.25, self._cached_sub_values(lo, hi, 0.25)))
            return levels
        levels.append((sub, self._cached_sub_values(lo, hi, sub)))
        return levels

    def _cached_sub_values(self, lo: float, hi: float, step: float) -> list[float]:
        key = (step, math.ceil(lo / step), math.floor(hi / step))
        values = self._tick_lists.get(key)
        if values is None:
            values = self._tick_lists[key] = self._sub_values(lo, hi, step)
        return values

    def _day_label_px(self, patterns: tuple[str, str]) -> float:
        """Room a day label needs: "D+28" in the current language and tick font (a long language's labels
        would overlap at the English spacing), at least _MIN_PX_PER_DAY_LABEL."""
        px = self._label_px.get(patterns)
        if px is None:
            text = _format_day(patterns, -28)
            font = self.style.get("tickFont") or QFont()
            advance = QFontMetricsF(font).horizontalAdvance(text)
            px = self._label_px[patterns] = max(_MIN_PX_PER_DAY_LABEL, advance + 3 * _LABEL_GAP_PX)
        return px

    @staticmethod
    def _sub_values(lo: float, hi: float, step: float) -> list[float]:
        start = math.ceil(lo / step)
        stop = math.floor(hi / step)
        per_day = round(1 / step)
        return [i * step for i in range(start, stop + 1) if i % per_day]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        fit = self._hour_labels_fit(spacing) if spacing == 0.25 and len(values) else True
        patterns = _patterns()
        named = self._named_hour(list(values), spacing, patterns)
        return self._strings(values, spacing, patterns, fit, named)

    def _named_hour(self, values: list[float], spacing: float, patterns: tuple[str, str]) -> int:
        """Which hour tick names the day when no day tick is in view ("D+2 07:15"), or -1: the first one
        whose longer label fits right of the axis' left end. The very first tick is often so close to the
        edge that its centred label would stick out and be left out, and then no label would say the day."""
        if spacing >= 1 or not values or not self._name_day_on_first_hour:
            return -1
        view = self.linkedView()
        if view is None:
            return 0
        (lo, hi), _ = view.viewRange()
        px_per_day = (self.geometry().width() or 1.0) / max(hi - lo, 1e-9)
        font = self.style.get("tickFont") or QFont()
        for i, v in enumerate(values[:4]):
            text = f"{_format_day(patterns, math.floor(v))} {_clock_label_cached(v)}"
            half = self._advance(font, text) / 2 + _LABEL_GAP_PX
            if (v - min(lo, hi)) * px_per_day >= half:
                return i
        return 0

    def _advance(self, font: QFont, text: str) -> float:
        key = (font.key(), text)
        width = self._advances.get(key)
        if width is None:
            if len(self._advances) > 500:
                self._advances.clear()
            width = self._advances[key] = QFontMetricsF(font).horizontalAdvance(text)
        return width

    def _strings(self, values: list[float], spacing: float, patterns: tuple[str, str],
                 fit: bool, named: int = -1) -> list[str]:
        """tickStrings with the day-label patterns translated by the caller; `fit`: whether 6-hourly ticks
        have room for labels (_hour_labels_fit); `named`: the hour tick that also names its day."""
        if spacing >= 1:
            days = self._day_texts.get(patterns)
            if days is None:
                days = self._day_texts[patterns] = {}
            out = []
            for v in values:
                d = round(v)
                text = days.get(d)
                if text is None:
                    text = days[d] = _format_day(patterns, d)
                out.append(text)
            return out
        if len(values) and spacing == 0.25 and not fit:
            return ["" for _ in values]
        known = _CLOCK_LABELS.get
        labels = [known(v) or _clock_label_cached(v) for v in values]
        if 0 <= named < len(labels):
            labels[named] = f"{_format_day(patterns, math.floor(values[named]))} {labels[named]}"
        return labels

    def _hour_labels_fit(self, spacing: float) -> bool:
        view = self.linkedView()
        if view is None:
            return True
        (lo, hi), _ = view.viewRange()
        width = self.geometry().width() or 1.0
        return spacing * width / max(hi - lo, 1e-9) >= _MIN_PX_PER_HOUR_LABEL
