"""A time axis in days since infusion: "D-5 … D0 … D+3" day ticks, hour ticks when zoomed in."""

from __future__ import annotations

import bisect
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPicture, QStaticText

from cartox_desk.ui.charts.device_paint import PrimitiveBuffer

# Day steps and sub-day steps (in days) the axis may use, finest first.
_DAY_STEPS = (1, 2, 5, 7, 14, 28, 56, 91, 182, 364)
_SUBDAY_STEPS = (5 / 1440, 10 / 1440, 15 / 1440, 30 / 1440, 1 / 24, 2 / 24, 3 / 24, 6 / 24, 12 / 24)
_MIN_PX_PER_DAY_LABEL = 42.0  # room for "D+28"
_MIN_PX_PER_HOUR_LABEL = 38.0  # room for "06:00"
_LABEL_GAP_PX = 3.0  # least space between two tick labels


def _overlaps(spans: list[tuple[float, float]], left: float, right: float) -> bool:
    """Whether (left, right) overlaps one of the sorted, disjoint spans."""
    i = bisect.bisect_left(spans, (left, left))
    return (i < len(spans) and spans[i][0] < right) or (i > 0 and spans[i - 1][1] > left)


_Specs = tuple[tuple[QPen, QPointF, QPointF], list[tuple[QPen, np.ndarray, float, float]],
               list[tuple[QRectF, object, str]]]


def day_label(day: int) -> str:
    """ "D0", "D+3", "D-5" (ux.md: 回输后第 N 天 (D+N)); translatable as a pattern."""
    return day_labels([day])[0]


def day_labels(days: list[int]) -> list[str]:
    """`day_label` of each day, the patterns translated once (the axis labels ~30 days on every pan)."""
    zero = QCoreApplication.translate("TrendChartsWidget", "D0")
    pattern = QCoreApplication.translate("TrendChartsWidget", "D{sign}{n}")
    return [zero if d == 0 else pattern.format(sign="+" if d > 0 else "-", n=abs(d)) for d in days]


def clock_label(x: float) -> str:
    minutes = round((x - math.floor(x)) * 1440) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


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


class DayAxisItem(pg.AxisItem):
    """Bottom axis for x = fractional days since local midnight of the infusion day (core.series)."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self._text_sizes: dict[str, tuple[float, float]] = {}  # label -> (width, 0.8 x height) in pixels
        self._label_px: dict[str, float] = {}  # the widest day label -> room per label (_day_label_px)
        self._static_texts: dict[str, QStaticText] = {}  # label -> laid out once in the tick font
        self._tick_lines = PrimitiveBuffer(QLineF, 4)

    def setStyle(self, **kwargs: object) -> None:
        super().setStyle(**kwargs)
        self._text_sizes = {}  # the tick font may have changed
        self._label_px = {}
        self._static_texts = {}

    def _lean(self) -> bool:
        st = self.style
        return (self.orientation == "bottom" and self.grid is False and self._tickLevels is None
                and st["stopAxisAtTick"] == (False, False) and st["tickAlpha"] is None)

    def paint(self, p: QPainter, opt: object, widget: object) -> None:
        """Draw straight onto the painter (no QPicture recorded and replayed on every pan), ticks in one
        drawLines call per pen. The widget caches the painted axis (DeviceCoordinateCache) between pans."""
        if not self._lean():
            super().paint(p, opt, widget)
            return
        specs = self._lean_specs(_Measure(self.style["tickFont"]))
        if specs is None:
            return
        (axis_pen, a0, a1), ticks, texts = specs
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setPen(axis_pen)
        p.drawLine(a0, a1)
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
        if texts:
            if self.style["tickFont"] is not None:
                p.setFont(self.style["tickFont"])
            p.setPen(self.textPen())
            p.setClipRect(self.boundingRect().toAlignedRect(), Qt.ClipOperation.IntersectClip)
            font = self.style["tickFont"] or p.font()
            static = self._static_texts
            if len(static) > 2000:
                static.clear()
            for rect, _flags, text in texts:
                # The rect is the label's own width, centred on its tick: its top left is where it starts.
                st = static.get(text)
                if st is None:
                    st = static[text] = QStaticText(text)
                    st.setTextFormat(Qt.TextFormat.PlainText)
                    st.prepare(font=font)
                p.drawStaticText(rect.topLeft(), st)
        p.restore()

    def generateDrawSpecs(self, p: object) -> object:
        """pyqtgraph's layout of ticks and labels (its format: a QPointF pair per tick)."""
        if not self._lean():
            return super().generateDrawSpecs(p)
        specs = self._lean_specs(p)
        if specs is None:
            return None
        axis_spec, levels, texts = specs
        ticks = [(pen, QPointF(x, y0), QPointF(x, y1)) for pen, xs, y0, y1 in levels for x in xs.tolist()]
        return axis_spec, ticks, texts

    def _lean_specs(self, p: object) -> _Specs | None:
        """The layout of ticks and labels for a bottom axis without a grid, in plain floats and numpy, with
        the label sizes measured once per label (the axis is laid out again on every pan, ~150 ticks): the
        axis line, per tick level (pen, x positions, y0, y1), and the labels (rect, flags, text)."""
        st = self.style
        if st["tickFont"] is not None:
            p.setFont(st["tickFont"])  # type: ignore[attr-defined]
        bounds = self.mapRectFromParent(self.geometry())
        span = (QPointF(bounds.left() - 1.0, bounds.top() + 1.0),
                QPointF(bounds.right() + 1.0, bounds.top() + 1.0))
        d0, d1 = self.mapToDevice(span[0]), self.mapToDevice(span[1])
        if d0 is None or d1 is None:
            return None
        length_px = math.hypot(d1.x() - d0.x(), d1.y() - d0.y())
        if length_px == 0:
            return None
        r0, r1 = self.range
        levels = self.tickValues(r0, r1, length_px)
        dif = r1 - r0
        scale = bounds.width() / dif if dif else 1.0
        offset = r0 * scale if dif else 0.0
        x_lo, x_hi = sorted((r0 * scale - offset, r1 * scale - offset))
        top = bounds.top()
        positions: list[list[float | None]] = []
        tick_specs: list[tuple[QPen, np.ndarray, float, float]] = []
        tick_pen = self.tickPen()
        for i, (_spacing, values) in enumerate(levels):
            tick_len = st["tickLength"] / (i * 0.5 + 1.0)
            pen = tick_pen
            if pen.brush().style() == Qt.BrushStyle.SolidPattern:
                pen = QPen(pen)
                colour = QColor(pen.color())
                colour.setAlpha(int(255 / (i + 1)))
                pen.setColor(colour)
            x = np.asarray(values, dtype=np.float64) * scale - offset
            inside = (x >= x_lo) & (x <= x_hi)
            tick_specs.append((pen, x[inside], top, top + tick_len))
            if i <= st["maxTextLevel"]:
                positions.append([v if keep else None for v, keep in zip(x.tolist(), inside.tolist(),
                                                                         strict=True)])
        axis_spec = (self.pen(), span[0], span[1])
        text_specs: list[tuple[QRectF, object, str]] = []
        if not st["showValues"]:
            return axis_spec, tick_specs, text_specs
        text_offset = st["tickTextOffset"][1] + max(0, st["tickLength"])
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextDontClip
        own = self.boundingRect()
        sizes = self._text_sizes
        last_size2 = 0.0
        drawn: list[tuple[float, float]] = []  # (left, right) of the labels placed so far, sorted
        text_rects = 0
        text_width = 0.0
        max_height = 0.0
        for i in range(min(len(levels), st["maxTextLevel"] + 1)):
            spacing, values = levels[i]
            strings = self.tickStrings(values, self.autoSIPrefixScale * self.scale, spacing)
            if not strings:
                continue
            shown = []
            for text, x in zip(strings, positions[i], strict=False):
                if x is None:
                    continue
                size = sizes.get(text)
                if size is None:
                    br = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)  # type: ignore[attr-defined]
                    size = sizes[text] = (br.width(), br.height() * 0.8)
                shown.append((text, x, size))
                text_rects += 1
                text_width += size[0]
                max_height = max(max_height, size[1])
            size2 = max_height if text_rects else 0.0
            if i > 0 and any(len(text_specs) >= n and text_width / length_px >= limit
                             for n, limit in st["textFillLimits"]):
                break
            last_size2 = size2
            previous_right = -math.inf
            level_spans: list[tuple[float, float]] = []
            for text, x, (w, h) in shown:
                rect = QRectF(x - w / 2.0, top + text_offset, w, h)
                if own & rect != rect:
                    continue
                left, right = rect.left() - _LABEL_GAP_PX, rect.right() + _LABEL_GAP_PX
                # A long language's label that would overlap its neighbour or a coarser level's is skipped.
                if left < previous_right or _overlaps(drawn, left, right):
                    continue
                previous_right = right
                level_spans.append((left, right))
                text_specs.append((rect, flags, text))
            drawn = sorted(drawn + level_spans)
        self._updateMaxTextSize(last_size2)
        return axis_spec, tick_specs, text_specs

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        lo, hi = sorted((minVal, maxVal))
        span = max(hi - lo, 1e-9)
        px_per_day = size / span if size > 0 else 1.0
        room = self._day_label_px()
        day_step = next((s for s in _DAY_STEPS if s * px_per_day >= room), _DAY_STEPS[-1])
        levels: list[tuple[float, list[float]]] = []
        days = [float(d) for d in range(math.ceil(lo), math.floor(hi) + 1) if d % day_step == 0]
        levels.append((float(day_step), days))
        # Zoomed inside one day: no day tick in view, so the first hour tick also names the day.
        margin = span * 0.04  # a day tick at the very edge has no room for its label
        self._name_day_on_first_hour = not [d for d in days if lo + margin <= d <= hi - margin]
        if day_step > 1:
            minor = [float(d) for d in range(math.ceil(lo), math.floor(hi) + 1) if d % day_step]
            if px_per_day >= 6:
                levels.append((1.0, minor))
            return levels
        sub = next((s for s in _SUBDAY_STEPS if s * px_per_day >= _MIN_PX_PER_HOUR_LABEL), None)
        if sub is None:
            # Not enough room for hour labels: unlabeled 6-hourly ticks when there is some room.
            if px_per_day >= 24:
                levels.append((0.25, self._sub_values(lo, hi, 0.25)))
            return levels
        levels.append((sub, self._sub_values(lo, hi, sub)))
        return levels

    def _day_label_px(self) -> float:
        """Room a day label needs: "D+28" in the current language and tick font (a long language's labels
        would overlap at the English spacing), at least _MIN_PX_PER_DAY_LABEL."""
        text = day_label(-28)
        px = self._label_px.get(text)
        if px is None:
            font = self.style.get("tickFont") or QFont()
            px = self._label_px[text] = max(_MIN_PX_PER_DAY_LABEL,
                                            QFontMetricsF(font).horizontalAdvance(text) + 3 * _LABEL_GAP_PX)
        return px

    @staticmethod
    def _sub_values(lo: float, hi: float, step: float) -> list[float]:
        start = math.ceil(lo / step)
        stop = math.floor(hi / step)
        per_day = round(1 / step)
        return [i * step for i in range(start, stop + 1) if i % per_day]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing >= 1:
            return day_labels([round(v) for v in values])
        if len(values) and spacing == 0.25 and not self._hour_labels_fit(spacing):
            return ["" for _ in values]
        labels = [clock_label(v) for v in values]
        if labels and getattr(self, "_name_day_on_first_hour", False):
            labels[0] = f"{day_label(math.floor(values[0]))} {labels[0]}"
        return labels

    def _hour_labels_fit(self, spacing: float) -> bool:
        view = self.linkedView()
        if view is None:
            return True
        (lo, hi), _ = view.viewRange()
        width = self.geometry().width() or 1.0
        return spacing * width / max(hi - lo, 1e-9) >= _MIN_PX_PER_HOUR_LABEL
