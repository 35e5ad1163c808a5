"""Data items that keep a pan / zoom step inside one frame with monitor-level series.

pyqtgraph's own clip-to-view + auto-downsampling re-scans the visible samples on every range change, hands the
result to the curve with `setData` (new bounds, new path, geometry change) and keeps ~10 points per pixel.
`LodCurveItem` instead builds a min / max envelope pyramid once per series (numpy, O(n)) and, at paint time,
slices the coarsest level that still has a block (its min and max) for every horizontal pixel, and paints the
band as one run of pixels per column, rastered in numpy into one image (Qt fills a vertical line one row span
at a time, twice the cost); a range change costs nothing until the frame is painted. Its bounding rectangle
does not depend on the view (no per-frame pixel padding in Python). A short curve also draws its symbols.

`FastDataItem` is a `pg.PlotDataItem` (legend samples, toggling, `xData` / `getData()` unchanged) whose
curve is a `LodCurveItem` and whose symbols are a `CachedScatterItem` (bounds that do not depend on the view,
symbols blitted in one call).
"""

from __future__ import annotations

import math
import weakref
from typing import Any, NamedTuple

import numpy as np
import pyqtgraph as pg
import pyqtgraph.functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QPixmap, QTransform

from cartox_desk.ui.charts.device_paint import PrimitiveBuffer


class QuietViewMixin:
    """For items that read their ViewBox at paint time: no Python slot call per item on every pan.

    pyqtgraph connects each item in a ViewBox to its range and transform signals; with ~90 items in 10 linked
    views that is a few hundred Python calls per pan for items that have nothing to update."""

    def _updateView(self) -> None:
        """pyqtgraph's GraphicsItem._updateView without connecting the view's signals."""
        if not self._quiet():
            super()._updateView()  # type: ignore[misc]
            return
        if not hasattr(self, "_connectedView"):
            return  # Python is shutting down
        self.forgetViewBox()  # type: ignore[attr-defined]
        self.forgetViewWidget()  # type: ignore[attr-defined]
        view = self.getViewBox()  # type: ignore[attr-defined]
        ref = self._connectedView
        old = ref() if ref is not None else None
        if view is old:
            return
        self._connectedView = weakref.ref(view) if view is not None else None
        if view is not None:
            self.viewRangeChanged()  # type: ignore[attr-defined]
            self.viewTransformChanged()  # type: ignore[attr-defined]
        self._replaceView(old)  # type: ignore[attr-defined]
        self.viewChanged(view, old)  # type: ignore[attr-defined]

    def _quiet(self) -> bool:
        return True


LOD_MIN_POINTS = 4096  # below this the whole path is cached and drawn as is
_WHOLE_MAX_POINTS = 512  # a plain curve this short is drawn whole from a polygon laid out once
_MAX_PX = 1 << 20  # device coordinates beyond this are clipped before rastering
_MAX_RASTER_PX = 4_000_000  # a band image larger than this is drawn as lines by Qt instead
_MIN_LEVEL_BLOCKS = 256


Level = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def envelope_pyramid(x: np.ndarray, y: np.ndarray) -> list[Level]:
    """Levels 1, 2, … of a min / max envelope: level k has one block per 2**k samples, as (block start x,
    interleaved x [x0, x0, x1, x1, …], interleaved y [min0, max0, max1, min1, min2, max2, …]). NaN samples are
    ignored inside a block; an all-NaN block stays NaN (a gap). Each level also keeps the block minima and
    maxima (lo, hi) as they are, and both as rows 1 and 0 of one array (hi_lo: a frame picks both with one
    index)."""
    levels: list[Level] = []
    xs, lo, hi = x, y, y
    while len(xs) >= 2 * _MIN_LEVEL_BLOCKS:
        if len(xs) % 2:  # an odd last sample gets a block of its own
            xs, lo, hi = np.append(xs, xs[-1]), np.append(lo, lo[-1]), np.append(hi, hi[-1])
        xs2 = xs[0::2]
        lo2 = np.fmin(lo[0::2], lo[1::2])
        hi2 = np.fmax(hi[0::2], hi[1::2])
        xs, lo, hi = xs2, lo2, hi2
        ix = np.repeat(xs, 2)
        # Min then max in even blocks, max then min in odd ones: the segment joining two blocks stays short
        # (max to max, min to min) instead of crossing the whole envelope again — half the pixels to draw.
        iy = np.empty(2 * len(lo), dtype=np.float64)
        iy[0::4], iy[1::4] = lo[0::2], hi[0::2]
        iy[2::4], iy[3::4] = hi[1::2], lo[1::2]
        hi_lo = np.stack((hi, lo))
        levels.append((xs, ix, iy, hi_lo[1], hi_lo[0], hi_lo))
    return levels


class _Columns(NamedTuple):
    """One vertical run of device pixels per column from x0: rows top[i]…bottom[i] (inclusive), all within
    rows y0…y1."""

    x0: int
    top: np.ndarray
    bottom: np.ndarray
    y0: int
    y1: int


class LodCurveItem(QuietViewMixin, pg.PlotCurveItem):
    """A PlotCurveItem that paints long plain lines from a min / max envelope pyramid (see module doc).
    Step plots, fills, shadows and short series paint the usual way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._pyramid: list[Level] | None = None
        self._fixed_rect: QRectF | None = None
        self._all_finite = True
        self._sorted = False
        # The symbols of a short curve, drawn by this item right after its line (FastDataItem.updateItems).
        self.symbols: CachedScatterItem | None = None
        self._lines = PrimitiveBuffer(QLineF, 4)
        self._whole: Any = None  # the QPolygonF of a short curve's data, laid out once
        self._thin_pen: tuple[QPen, QPen] | None = None  # (pen, its 1 px copy) for the double stroke
        self._extent: tuple[float, float, float, float] | None = None  # finite data's x / y minimum, maximum
        super().__init__(*args, **kwargs)

    def updateData(self, *args: Any, **kwargs: Any) -> None:
        super().updateData(*args, **kwargs)
        self._pyramid = None
        self._whole = None
        self._fixed_rect = None
        y = self.yData
        self._all_finite = y is None or not len(y) or bool(np.isfinite(y).all())
        x = self.xData
        self._sorted = x is not None and (len(x) < 2 or bool(np.all(x[1:] >= x[:-1])))
        # The data's corners (finite data only): where its symbols can land, without a pass per frame.
        self._extent = ((float(np.min(x)), float(np.max(x)), float(np.min(y)), float(np.max(y)))
                        if self._all_finite and x is not None and y is not None and len(x)
                        and bool(np.isfinite(x).all()) else None)

    def invalidateBounds(self) -> None:
        super().invalidateBounds()
        self._fixed_rect = None

    def _plain(self) -> bool:
        """A plain line over sorted x: painted from the visible slice (and the pyramid when long)."""
        o = self.opts
        return (self._sorted and self.xData is not None and len(self.xData) >= 2 and not o["stepMode"]
                and o["fillLevel"] is None and o["shadowPen"] is None and isinstance(o["connect"], str)
                and o["connect"] in ("all", "finite") and self._exportOpts is False)

    def viewTransformChanged(self) -> None:
        pass  # the bounds below do not depend on the pixel size: nothing to recompute per pan

    def boundingRect(self) -> QRectF:
        if self._fixed_rect is None:
            (x0, x1), (y0, y1) = self.dataBounds(0), self.dataBounds(1)
            if x0 is None or x1 is None or y0 is None or y1 is None:
                self._fixed_rect = QRectF()
            else:
                # Room for the line's own width instead of pyqtgraph's per-frame pixel padding.
                px = max((x1 - x0) * 0.002, 1e-6)
                py = max((y1 - y0) * 0.02, abs(y1) * 1e-3, 1e-6)
                self._fixed_rect = QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)
        return self._fixed_rect

    def _visible(self) -> tuple[np.ndarray, ...] | None:
        """The points to draw: the visible raw samples (x, y), or the visible blocks of a pyramid level
        (block x, interleaved x, interleaved y, block maxima and minima as rows 0 and 1 of one array)."""
        view = self.getViewBox()
        if view is None:
            return None
        (lo, hi), _ = view.viewRange()
        width_px = max(float(view.width()), 1.0)
        x, y = self.xData, self.yData
        assert x is not None and y is not None
        i0, i1 = np.searchsorted(x, (lo, hi)).tolist()
        i0, i1 = max(i0 - 1, 0), min(i1 + 1, len(x))
        n = i1 - i0
        if n <= 2 * width_px or len(x) < LOD_MIN_POINTS:
            return x[i0:i1], y[i0:i1]
        if self._pyramid is None:
            self._pyramid = envelope_pyramid(x, y)
        if not self._pyramid:
            return x[i0:i1], y[i0:i1]
        # Level k has one block per 2**k samples (2 points, its min and max): the coarsest level that still
        # has a block for every pixel (1-2 blocks, 2-4 points per pixel). Blocks wider than a pixel would
        # show as a comb instead of a solid band.
        k = min(max(int(math.log2(n / width_px)), 1), len(self._pyramid))
        bx, ix, iy, _lo, _hi, hi_lo = self._pyramid[k - 1]
        j0, j1 = np.searchsorted(bx, (lo, hi)).tolist()
        j0, j1 = max(j0 - 1, 0), min(j1 + 1, len(bx))
        return bx[j0:j1], ix[2 * j0:2 * j1], iy[2 * j0:2 * j1], hi_lo[:, j0:j1]

    def _columns(self, p: Any, bx: np.ndarray, hi_lo: np.ndarray) -> _Columns | None:
        """The envelope as one vertical run of pixels per device pixel column (half the segments of the
        min / max polyline, all vertical): each column spans its blocks' minimum to maximum, stretched to meet
        the previous column so the band stays joined like the polyline. None when the blocks do not fill
        consecutive columns (a gap in time: the polyline draws the joining line). Few numpy calls, each on
        both rows at once (each costs about as much as a pass over a thousand values): this runs for every
        long curve on every frame."""
        t = p.transform()
        if t.m12() or t.m21():
            return None
        cols = bx * t.m11()
        cols += t.dx()
        np.floor(cols, out=cols)
        # x is sorted: the blocks of a column are consecutive and the columns never decrease.
        n = len(cols)
        bounds = np.flatnonzero(cols[1:] != cols[:-1])  # the last block of every column but the last one
        m = len(bounds) + 1
        first, last = cols[0], cols[-1]
        if m < 2 or last - first + 1 != m:
            return None
        # Column c spans blocks begin[c] … end[c] (inclusive).
        edges = np.empty(m + 1, dtype=np.intp)
        edges[0], edges[1:m], edges[m] = -1, bounds, n - 1
        begin, end = edges[:-1] + 1, edges[1:]
        if int((end - begin).max()) <= 1:
            # The pyramid level has 1-2 blocks per column: the first and the last block are all of them
            # (reduceat does the same at several times the cost, one inner loop per column).
            rows = np.take(hi_lo, begin, axis=1)  # C-ordered (hi_lo[:, begin] is not, and costs 4x more)
            other = np.take(hi_lo, end, axis=1)
            np.maximum(rows[0], other[0], out=rows[0])
            np.minimum(rows[1], other[1], out=rows[1])
        else:  # uneven sampling: more blocks in some columns
            rows = np.empty((2, m))
            np.maximum.reduceat(hi_lo[0], begin, out=rows[0])
            np.minimum.reduceat(hi_lo[1], begin, out=rows[1])
        sy = t.m22()
        rows *= sy
        rows += t.dy()
        # y points up (sy < 0, the usual plot): a column's data maximum is its top row.
        top, bottom = (rows[0], rows[1]) if sy < 0 else (rows[1], rows[0])
        # Join each column to the previous one (the polyline's connecting segment).
        previous_top = top[:-1].copy()
        np.minimum(top[1:], bottom[:-1], out=top[1:])
        np.maximum(bottom[1:], previous_top, out=bottom[1:])
        # Whole pixel rows, rounded as Qt rounds an aliased line's end points.
        rows += 0.5
        np.floor(rows, out=rows)
        y0, y1 = float(top.min()), float(bottom.max())
        if y0 < -_MAX_PX or y1 > _MAX_PX:  # an extreme zoom: keep rows in a sane range
            np.clip(rows, -_MAX_PX, _MAX_PX, out=rows)
            y0, y1 = (min(max(v, -_MAX_PX), _MAX_PX) for v in (y0, y1))
        whole = rows.astype(np.int32)
        top_row = 0 if sy < 0 else 1
        return _Columns(int(first), whole[top_row], whole[1 - top_row], int(y0), int(y1))

    def _paint_columns(self, p: Any, columns: _Columns, pen: QPen) -> None:
        """Raster the columns in numpy into an image blitted once: Qt rasterises a vertical line pixel by
        pixel (one span per row), about twice the time of building the mask and blending the image. Device
        coordinates (the painter's transform is reset): what the view clips is clipped as before."""
        top, bottom = columns.top, columns.bottom
        y0 = columns.y0
        height = columns.y1 - y0 + 1
        width = len(top)
        p.save()
        p.resetTransform()
        if height * width > _MAX_RASTER_PX:  # a huge band (an extreme y zoom): let Qt draw the lines
            lines = self._lines
            lines.resize(width)
            arr = lines.ndarray()
            arr[:, 0] = arr[:, 2] = np.arange(columns.x0, columns.x0 + width) + 0.5
            arr[:, 1] = top
            arr[:, 3] = bottom
            p.setRenderHint(p.RenderHint.Antialiasing, False)
            p.setPen(pen)
            p.drawLines(*lines.drawargs())
            p.restore()
            return
        # Row r of column c is lit when 0 <= r - top[c] <= bottom[c] - top[c]: one unsigned comparison (a row
        # above the run wraps around to a huge number) instead of two comparisons and an "and".
        rows = np.arange(y0, y0 + height, dtype=np.int32)[:, None]
        offset = rows - top
        mask = offset.view(np.uint32) <= (bottom - top).view(np.uint32)
        buf = np.multiply(mask, self._argb(pen), dtype=np.uint32)
        image = QImage(buf.data, width, height, 4 * width, QImage.Format.Format_ARGB32_Premultiplied)
        p.drawImage(QPointF(columns.x0, y0), image)
        p.restore()

    @staticmethod
    def _argb(pen: QPen) -> np.uint32:
        """The pen's colour as one premultiplied ARGB32 pixel."""
        colour = pen.color()
        alpha = colour.alphaF()
        return np.uint32(round(255 * alpha) << 24 | round(colour.red() * alpha) << 16
                         | round(colour.green() * alpha) << 8 | round(colour.blue() * alpha))

    def paint(self, p: Any, opt: Any, widget: Any) -> None:
        symbols = self.symbols
        if not self._plain():
            super().paint(p, opt, widget)
            if symbols is not None and self.xData is not None and self.yData is not None:
                symbols.draw_points(p, self.xData, self.yData, widget)
            return
        pen = self.opts["pen"]
        if pen is None or pen.style() == Qt.PenStyle.NoPen:
            return
        x, y = self.xData, self.yData
        if self._all_finite and x is not None and y is not None and len(x) <= _WHOLE_MAX_POINTS:
            # A short curve (labs, scores): its whole polyline, laid out once, clipped by Qt.
            self._draw_line(p, x, y, pen, whole=True)
            if symbols is not None:
                symbols.draw_points(p, x, y, widget, extent=self._extent)
            return
        visible = self._visible()
        if visible is None or not len(visible[0]):
            return
        if len(visible) == 4:  # pyramid blocks
            bx, xs, ys, hi_lo = visible
            plain = self._all_finite and not self.opts["antialias"]
            columns = self._columns(p, bx, hi_lo) if plain and pen.widthF() <= 1.0 else None
            if columns is not None:
                self._paint_columns(p, columns, pen)
                return
        else:
            xs, ys = visible
        if len(xs) >= 2:
            self._draw_line(p, xs, ys, pen)
        if symbols is not None:
            symbols.draw_points(p, xs, ys, widget)

    def _draw_line(self, p: Any, xs: np.ndarray, ys: np.ndarray, pen: QPen, whole: bool = False) -> None:
        antialias = bool(self.opts["antialias"])
        p.setRenderHint(p.RenderHint.Antialiasing, antialias)
        if self._all_finite:
            shape: Any = self._whole if whole else None
            if shape is None:
                shape = fn.create_qpolygonf(len(xs))
                arr = fn.ndarray_from_qpolygonf(shape)
                arr[:, 0] = xs
                arr[:, 1] = ys
                if whole:
                    self._whole = shape
            draw = p.drawPolyline
        else:
            shape, draw = fn.arrayToQPath(xs, ys, connect="finite"), p.drawPath
        width = pen.widthF()
        if antialias and pen.isCosmetic() and pen.style() == Qt.PenStyle.SolidLine and 1.0 < width <= 1.6:
            # Qt strokes antialiased cosmetic pens wider than 1 px through its general stroker (~7x the
            # cost of its 1 px line rasteriser): two 1 px strokes a fraction of a pixel apart look the same.
            thin = self._thin_pen
            if thin is None or thin[0] is not pen:
                thin_pen = QPen(pen)
                thin_pen.setWidthF(1.0)
                thin = self._thin_pen = (pen, thin_pen)
            p.setPen(thin[1])
            draw(shape)
            t = p.transform()
            p.setTransform(t * QTransform.fromTranslate(0.0, width - 1.0))
            draw(shape)
            p.setTransform(t)
        else:
            p.setPen(pen)
            draw(shape)


_SYMBOL_MIN_PX, _SYMBOL_MAX_PX = -64.0, 65536.0  # symbol centres outside this are not sent to Qt


def _on_device(x0: float, x1: float, y0: float, y1: float) -> bool:
    """Whether device points within x0…x1, y0…y1 are all inside the range symbols are drawn in (NaN: no)."""
    return bool(x0 > _SYMBOL_MIN_PX and y0 > _SYMBOL_MIN_PX and x1 < _SYMBOL_MAX_PX and y1 < _SYMBOL_MAX_PX)


def _points_on_device(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The points (device coordinates) inside that range; NaN fails every comparison."""
    return (xs > _SYMBOL_MIN_PX) & (xs < _SYMBOL_MAX_PX) & (ys > _SYMBOL_MIN_PX) & (ys < _SYMBOL_MAX_PX)


class CachedScatterItem(QuietViewMixin, pg.ScatterPlotItem):
    """A ScatterPlotItem whose bounding rectangle (pixel-padded for the symbols) is computed once per view
    change, not on each of the several calls Qt makes per frame.

    With `plain=True` (a curve's symbols: one symbol, pen, brush and size for all points, no hover) it paints
    the points itself: one pre-rendered symbol pixmap blitted at each point mapped with the painter's
    transform, without pyqtgraph's per-frame view-rect mapping, masks and fragment arrays. Hoverable markers
    paint the same way while no spot is hovered and all spots share the item's style."""

    def __init__(self, *args: Any, plain: bool = False, **kwargs: Any) -> None:
        self._rect: QRectF | None = None
        self._plain = plain
        self._symbol_key: tuple[Any, ...] | None = None
        self._symbol_ident: tuple[Any, ...] | None = None
        self._xy: tuple[np.ndarray, np.ndarray] | None = None
        self._uniform = False  # every spot drawn in the item's own style (set with _xy)
        self._fragments = PrimitiveBuffer(QPainter.PixmapFragment, 10)
        self._fragments_key: tuple[Any, ...] | None = None
        self._symbol_pixmap: QPixmap | None = None
        super().__init__(*args, **kwargs)

    def prepareGeometryChange(self) -> None:
        self._rect = None
        super().prepareGeometryChange()

    def invalidate(self) -> None:
        self._xy = None  # every data change goes through here (setData, addPoints, clear)
        super().invalidate()

    def viewTransformChanged(self) -> None:
        if self._plain:
            return  # bounds without pixel padding (below): nothing depends on the view
        # The symbols' pixel padding changes with the view; the data bounds (self.bounds) do not.
        self._rect = None
        self.prepareGeometryChange()
        pg.GraphicsObject.viewTransformChanged(self)

    def _quiet(self) -> bool:
        return self._plain  # hover markers keep pyqtgraph's pixel-padded bounds (view signals needed)

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            if self._plain:
                (x0, x1), (y0, y1) = self.dataBounds(0), self.dataBounds(1)
                if x0 is None or x1 is None or y0 is None or y1 is None:
                    self._rect = QRectF()
                else:
                    px = max((x1 - x0) * 0.01, 0.05)
                    py = max((y1 - y0) * 0.05, abs(y1) * 1e-3, 0.05)
                    self._rect = QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)
            else:
                self._rect = super().boundingRect()
        return self._rect

    def _pixmap(self, dpr: float) -> QPixmap | None:
        o = self.opts
        ident = (id(o["pen"]), id(o["brush"]), o["symbol"], o["size"], dpr)
        if ident == self._symbol_ident:
            return self._symbol_pixmap
        if not isinstance(o["symbol"], str):
            return None
        pen, brush = fn.mkPen(o["pen"]), fn.mkBrush(o["brush"])
        key = (o["symbol"], o["size"], pen.color().rgba(), pen.widthF(), pen.style(), brush.color().rgba(),
               brush.style(), dpr)
        if key != self._symbol_key:
            self._symbol_pixmap = QPixmap.fromImage(renderSymbol(o["symbol"], o["size"], pen, brush, dpr=dpr))
            self._symbol_key = key
        self._symbol_ident = ident
        return self._symbol_pixmap

    def paint(self, p: Any, option: Any, widget: Any) -> None:
        data = self.data
        if not (self.opts["pxMode"] and self._exportOpts is False and len(data)
                and self.opts.get("compositionMode") is None):
            super().paint(p, option, widget)
            return
        if self._xy is None:
            self._xy = (np.asarray(data["x"], dtype=np.float64), np.asarray(data["y"], dtype=np.float64))
            # Every spot in the item's own style (no per-spot symbol, size, pen, brush or hiding)?
            self._uniform = bool((data["size"] == -1).all() and data["visible"].all()
                                 and all(v is None for k in ("symbol", "pen", "brush") for v in data[k]))
        # Hover markers draw the fast way too while no spot is hovered (a hovered spot has its own style).
        fast = self._plain or (self._uniform and not data["hovered"].any())
        if not fast or not self.draw_points(p, *self._xy, widget):
            super().paint(p, option, widget)

    def draw_points(self, p: Any, x: np.ndarray, y: np.ndarray, widget: Any,
                    extent: tuple[float, float, float, float] | None = None) -> bool:
        """Draw this item's symbol at the points (x, y) given in the painter's coordinates: one pre-rendered
        pixmap blitted per point in one C++ call (like pyqtgraph's atlas), or vector symbols when exporting.
        False when the symbol is not a plain named one (the caller paints the pyqtgraph way). `extent`, the
        points' (x min, x max, y min, y max) when all are finite, spares the per-frame range check."""
        o = self.opts
        if not isinstance(o["symbol"], str):
            return False
        t = p.transform()
        if self._exportOpts is not False or not o["pxMode"]:
            self._draw_vector_points(p, x * t.m11() + t.dx(), y * t.m22() + t.dy())
            return True
        n = len(x)
        if not n:
            return True
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        pixmap = self._pixmap(dpr)
        assert pixmap is not None
        frags = self._fragments
        arr = self._fragment_rows(n, pixmap, dpr)
        # Device positions straight into the fragment rows (the source rectangle and scale columns stay).
        xs, ys = arr[:, 0], arr[:, 1]
        np.multiply(x, t.m11(), out=xs)
        xs += t.dx()
        np.multiply(y, t.m22(), out=ys)
        ys += t.dy()
        # Off-screen or NaN points are dropped (Qt crashes on a NaN fragment). numpy's min / max propagate NaN
        # and NaN fails every comparison (Python's min() would skip it).
        if extent is not None:
            sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
            corners_x = (extent[0] * sx + dx, extent[1] * sx + dx)
            corners_y = (extent[2] * sy + dy, extent[3] * sy + dy)
            inside = _on_device(min(corners_x), max(corners_x), min(corners_y), max(corners_y))
        else:
            inside = _on_device(xs.min(), xs.max(), ys.min(), ys.max())
        if not inside:
            keep = _points_on_device(xs, ys)
            n = int(np.count_nonzero(keep))
            if not n:
                return True
            kept = arr[keep]
            arr[:n] = kept
        p.save()
        p.resetTransform()
        p.drawPixmapFragments(frags.drawargs()[0], n, pixmap)
        p.restore()
        return True

    def _fragment_rows(self, n: int, pixmap: QPixmap, dpr: float) -> np.ndarray:
        """The first n fragment rows, their source rectangle and scale filled in (kept between frames)."""
        frags = self._fragments
        key = (n, pixmap.cacheKey(), dpr)
        if key != self._fragments_key:
            frags.resize(n)
            arr = frags.ndarray()
            arr[:, 2:6] = (0.0, 0.0, float(pixmap.width()), float(pixmap.height()))
            arr[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)
            self._fragments_key = key
        return frags.ndarray()

    def _draw_vector_points(self, p: Any, xs: np.ndarray, ys: np.ndarray) -> None:
        """Exporters (SVG): vector symbols, as ScatterPlotItem draws them without its cache."""
        o = self.opts
        keep = _points_on_device(xs, ys)
        pen, brush = fn.mkPen(o["pen"]), fn.mkBrush(o["brush"])
        p.save()
        p.setRenderHint(p.RenderHint.Antialiasing, True)
        for px, py in zip(xs[keep].tolist(), ys[keep].tolist(), strict=True):
            p.resetTransform()
            p.translate(px, py)
            drawSymbol(p, o["symbol"], o["size"], pen, brush)
        p.restore()


class FastDataItem(QuietViewMixin, pg.PlotDataItem):
    """PlotDataItem with a `LodCurveItem` curve and a `CachedScatterItem` for its symbols; no clip-to-view
    or auto-downsampling round trip on range changes (the curve decimates at paint time)."""

    def __init__(self, *args: Any, log_y: bool = False, **kwargs: Any) -> None:
        super().__init__()
        if log_y:  # setLogMode(False, True) without laying the data out a second time
            self.opts["logMode"] = [False, True]
        for old in (self.curve, self.scatter):
            old.setParentItem(None)
        self.curve = LodCurveItem()
        self.scatter = CachedScatterItem(plain=True)
        self.curve.setParentItem(self)
        self.scatter.setParentItem(self)
        self.curve.sigClicked.connect(self.sigClicked)
        self.scatter.sigClicked.connect(self.scatterClicked)
        self.scatter.sigHovered.connect(self.sigPointsHovered)
        # What is displayed must not depend on the view (no range signals, see below): no dynamic range limit
        # (the y ranges are fixed and the x zoom is limited, so no extreme magnification to guard against).
        self.opts["dynamicRangeLimit"] = None
        self.setData(*args, **kwargs)

    def updateItems(self, styleUpdate: bool = True) -> None:
        super().updateItems(styleUpdate)
        # A short line with symbols: the curve draws the symbols of its visible points right after the line
        # (one item painted instead of two; the hidden scatter keeps the style and renders the symbol).
        curve, scatter, o = self.curve, self.scatter, self.opts
        merge = (o["symbol"] is not None and isinstance(o["symbol"], str) and o["pen"] is not None
                 and not o["stepMode"] and curve.isVisible() and curve.xData is not None
                 and len(curve.xData) < LOD_MIN_POINTS and len(scatter.data) == len(curve.xData))
        curve.symbols = scatter if merge else None
        if merge:
            scatter.hide()

    def viewRangeChanged(self, vb: Any = None, ranges: Any = None, changed: Any = None) -> None:
        """Nothing to redo on a range change (a plain method, not pyqtgraph's decorated slot, so that
        QuietViewMixin can disconnect it)."""

    # Not connected to the view's signals (QuietViewMixin): the curve decimates at paint time, so pyqtgraph's
    # clip-to-view, auto-downsampling and dynamic range limit (which re-run on range changes) do not apply and
    # are ignored (PlotItem.addItem would otherwise pass its own settings on).
    def setClipToView(self, state: bool) -> None:
        pass

    def setDownsampling(self, ds: Any = None, auto: Any = None, method: Any = None) -> None:
        pass

    def setDynamicRangeLimit(self, limit: Any = None, hysteresis: Any = None) -> None:
        pass
