"""Small text labels anchored at data points, drawn in screen pixels and never on top of each other.

Used for the oxygen device / flow at each change and the tocilizumab "n/4" tags: when zoomed out, labels that
would overlap the previous one are skipped (the hover still tells everything).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText

from cartox_desk.ui.charts.device_paint import DeviceRules
from cartox_desk.ui.charts.fast_items import QuietViewMixin

_GAP_PX = 4.0


def view_rect(item: pg.GraphicsObject) -> QRectF | None:
    """The visible data rectangle of the item's ViewBox, worked out once per view range: the grid,
    marker and reference items of a panel each ask for it a few times per frame (bounds, paint). The
    rectangle is shared: callers must not modify it."""
    view = item.getViewBox()
    if view is None:
        return None
    (x0, x1), (y0, y1) = view.state["viewRange"]
    key = (x0, x1, y0, y1)
    cached = getattr(view, "_cartox_view_rect", None)
    if cached is None or cached[0] != key:
        cached = view._cartox_view_rect = (key, view.viewRect())
    rect: QRectF = cached[1]
    return rect


class TextLabelsItem(QuietViewMixin, pg.GraphicsObject):
    """Labels (x, y, text) left-aligned just right of and above their point."""

    def __init__(self, labels: list[tuple[float, float, str]], colour: str, point_size: float = 6.8,
                 dx_px: float = 3.0, dy_px: float = -2.0, colours: list[str] | None = None) -> None:
        super().__init__()
        self._colour = QColor(colour)
        self._font = QFont()
        self._font.setPointSizeF(point_size)
        self._dx, self._dy = dx_px, dy_px
        metrics = QFontMetricsF(self._font)
        self._height = metrics.height()
        self._labels: list[tuple[float, float, QStaticText, float, QColor]] = []
        per_label = colours if colours is not None else [colour] * len(labels)
        for (x, y, text), c in sorted(zip(labels, per_label, strict=True), key=lambda t: t[0][0]):
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self._font)
            self._labels.append((x, y, st, metrics.horizontalAdvance(text), QColor(c)))
        xs = [t[0] for t in self._labels] or [0.0]
        ys = [t[1] for t in self._labels] or [0.0]
        self._bounds = QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9))

    def boundingRect(self) -> QRectF:
        """The visible part of the view: the labels reach right of and above their points by a width and
        height in pixels, not data units. With the points' own bounds Qt skipped a label whose point was
        just off the left edge while its text was in view, and erased a label's text where only part of the
        view was repainted (a crosshair passing over it)."""
        rect = view_rect(self)
        if rect is None:
            return self._bounds
        view = self.getViewBox()
        if self.parentItem() is not view.childGroup:  # inside a right-hand scale's group: its own y units
            return self.mapRectFromItem(view.childGroup, rect)
        return rect

    def paint(self, p: QPainter, *_args: object) -> None:
        if not self._labels:
            return
        to_device = p.transform()
        rect = view_rect(self)
        clip = to_device.mapRect(rect) if rect is not None else None
        p.save()
        p.resetTransform()
        p.setFont(self._font)
        last_right = -1e12
        for x, y, text, width, colour in self._labels:
            pt = to_device.map(QPointF(x, y))
            left = pt.x() + self._dx
            if left < last_right + _GAP_PX:
                continue
            if clip is not None and (left + width < clip.left() or left > clip.right()):
                continue
            p.setPen(colour)
            p.drawStaticText(QPointF(left, pt.y() + self._dy - self._height), text)
            last_right = left + width
        p.restore()


class DayGridItem(QuietViewMixin, pg.GraphicsObject):
    """Light grid: a vertical line at each day boundary (6-hourly when zoomed in) and horizontal lines at
    the left axis' major ticks. Cheaper than pyqtgraph's axis grid (no alpha blending over the plot)."""

    def __init__(self, axis: pg.AxisItem, colour: str = "#e4e4e4", day_colour: str = "#cfcfcf") -> None:
        super().__init__()
        self._axis = axis
        self.setZValue(-100)
        self._ys_key: tuple[float, ...] | None = None
        self._ys = np.empty(0)
        self._brush = QBrush(pg.mkColor(colour))
        self._day_brush = QBrush(pg.mkColor(day_colour))
        self._days = DeviceRules()
        self._fine = DeviceRules()
        self._horizontal = DeviceRules()

    def boundingRect(self) -> QRectF:
        rect = view_rect(self)
        return rect if rect is not None else QRectF()

    def _h_device(self, y0: float, y1: float, sy: float, dy: float, height: float) -> np.ndarray:
        """The device rows of the left axis' major ticks in view (cached: y does not change on a pan)."""
        key = (y0, y1, sy, dy, height)
        if key != self._ys_key:
            fixed = getattr(self._axis, "_tickLevels", None)
            if fixed:
                values = [v for v, _t in fixed[0]]
            else:
                levels = self._axis.tickValues(y0, y1, max(height, 1.0))
                values = list(levels[0][1]) if levels else []
            lo, hi = min(y0, y1), max(y0, y1)
            ys = np.sort(np.asarray([v for v in values if lo <= v <= hi], dtype=np.float64))
            self._ys = ys * sy + dy
            self._ys_key = key
        return self._ys

    def paint(self, p: QPainter, *_args: object) -> None:
        view = self.getViewBox()
        rect = view_rect(self)
        if view is None or rect is None:
            return
        x0, x1, y0, y1 = rect.left(), rect.right(), rect.top(), rect.bottom()
        t = p.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        px_per_day = abs(sx)
        # Device-pixel rules, one fill call per colour (see device_paint).
        left, right = sorted((x0 * sx + dx, x1 * sx + dx))
        top, bottom = sorted((y0 * sy + dy, y1 * sy + dy))
        days = np.arange(math.floor(x0), math.ceil(x1) + 1, dtype=np.float64) if px_per_day >= 4 else None
        p.save()
        p.resetTransform()
        if days is not None and px_per_day >= 160:  # 6-hourly lines
            fine = (days[:, None] + _QUARTERS).ravel()
            self._fine.draw(p, self._brush, fine * sx + dx, top, bottom, vertical=True)
        self._horizontal.draw(p, self._brush, self._h_device(y0, y1, sy, dy, view.height()), left, right,
                              vertical=False)
        if days is not None:
            self._days.draw(p, self._day_brush, days * sx + dx, top, bottom, vertical=True)
        p.restore()


_QUARTERS = np.array([0.25, 0.5, 0.75])


class VerticalLinesItem(QuietViewMixin, pg.GraphicsObject):
    """Many vertical marker lines (tocilizumab, steroids, ICU ...) painted in one call per colour, instead
    of one InfiniteLine item each: panning stays cheap with many treatments on a long course."""

    def __init__(self, lines: list[tuple[float, str]]) -> None:
        super().__init__()
        self._by_colour: dict[str, list[float]] = {}
        for x, colour in lines:
            self._by_colour.setdefault(colour, []).append(x)
        self._pens = {}
        for colour in self._by_colour:
            pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._pens[colour] = pen
        self.setZValue(-5)

    def xs(self) -> list[float]:
        return sorted(x for xs in self._by_colour.values() for x in xs)

    def boundingRect(self) -> QRectF:
        rect = view_rect(self)
        return rect if rect is not None else QRectF()

    def paint(self, p: QPainter, *_args: object) -> None:
        rect = view_rect(self)
        if rect is None:
            return
        y0, y1 = rect.top(), rect.bottom()
        for colour, xs in self._by_colour.items():
            lines = [QLineF(x, y0, x, y1) for x in xs if rect.left() <= x <= rect.right()]
            if lines:
                p.setPen(self._pens[colour])
                p.drawLines(lines)


class ReferenceLinesItem(QuietViewMixin, pg.GraphicsObject):
    """Fixed reference lines of one panel in one item: vertical (infusion, now) and horizontal (fever,
    ICAHT) lines with a small label at the right end of horizontal ones. Cheaper per frame than
    InfiniteLines (which recompute their bounds in Python on every pan)."""

    def __init__(self, vertical: list[tuple[float, QPen]], horizontal: list[tuple[float, QPen, str]],
                 point_size: float = 6.8, label_fill: QColor | None = None) -> None:
        super().__init__()
        self._label_fill = label_fill if label_fill is not None else QColor(255, 255, 255, 200)
        self.vertical = vertical
        self.horizontal = horizontal
        for _x, pen in vertical:
            pen.setCosmetic(True)
        self._font = QFont()
        self._font.setPointSizeF(point_size)
        self._texts = []
        for _y, pen, text in horizontal:
            pen.setCosmetic(True)
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self._font)
            self._texts.append(st)
        self.setZValue(20)

    def boundingRect(self) -> QRectF:
        rect = view_rect(self)
        return rect if rect is not None else QRectF()

    def paint(self, p: QPainter, *_args: object) -> None:
        rect = view_rect(self)
        if rect is None:
            return
        for x, pen in self.vertical:
            if rect.left() <= x <= rect.right():
                p.setPen(pen)
                p.drawLine(QLineF(x, rect.top(), x, rect.bottom()))
        if not self.horizontal:
            return
        to_device = p.transform()
        labels = []
        for (y, pen, _text), st in zip(self.horizontal, self._texts, strict=True):
            if rect.top() <= y <= rect.bottom():
                p.setPen(pen)
                p.drawLine(QLineF(rect.left(), y, rect.right(), y))
                labels.append((to_device.map(QPointF(rect.right(), y)), st, pen.color()))
        if not labels:
            return
        p.save()
        p.resetTransform()
        p.setFont(self._font)
        for pt, st, colour in labels:
            size = st.size()
            top_left = QPointF(pt.x() - size.width() - 4, pt.y() - size.height() - 1)
            p.fillRect(QRectF(top_left, size).adjusted(-2, 0, 2, 0), self._label_fill)
            p.setPen(colour)
            p.drawStaticText(top_left, st)
        p.restore()
