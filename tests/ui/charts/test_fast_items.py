"""The chart's fast data items: the min / max pyramid keeps every extreme, a long curve reaches QPainter
with a few points per pixel, short curves draw their symbols, and a pan does not touch the items."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from cartox_desk.ui.charts.fast_items import (
    LOD_MIN_POINTS,
    CachedScatterItem,
    FastDataItem,
    LodCurveItem,
    envelope_pyramid,
)


def test_envelope_pyramid_keeps_every_block_minimum_and_maximum() -> None:
    rng = np.random.default_rng(5)
    x = np.arange(10_001, dtype=np.float64)  # odd length: the last sample gets a block of its own
    y = np.cumsum(rng.normal(0, 1, len(x)))
    y[5000:5100] = np.nan  # a gap inside blocks is ignored, an all-NaN block stays a gap
    levels = envelope_pyramid(x, y)
    assert levels
    for k, (bx, ix, iy, lo, hi, hi_lo) in enumerate(levels, start=1):
        assert np.array_equal(hi_lo, np.stack((hi, lo)), equal_nan=True)
        size = 2 ** k
        assert len(ix) == len(iy) == 2 * len(bx)
        for j in (0, 1, len(bx) // 3, len(bx) - 2):
            block = y[j * size:(j + 1) * size]
            if np.isnan(block).all():
                assert np.isnan(lo[j]) and np.isnan(hi[j])
                continue
            assert lo[j] == pytest.approx(np.nanmin(block)) and hi[j] == pytest.approx(np.nanmax(block))
            assert bx[j] == x[j * size]
            assert sorted(iy[2 * j:2 * j + 2]) == pytest.approx([lo[j], hi[j]])  # min/max or max/min
        assert np.nanmax(hi) == pytest.approx(np.nanmax(y)) and np.nanmin(lo) == pytest.approx(np.nanmin(y))


def test_long_curve_is_decimated_at_paint_time_and_keeps_its_data(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    n = 43_200
    x = np.arange(n, dtype=np.float64) / 1440
    y = 80 + 10 * np.sin(x * 6) + np.random.default_rng(1).normal(0, 3, n)
    item = FastDataItem(x, y, pen=pg.mkPen("#0072b2", width=1), skipFiniteCheck=True)
    widget.getPlotItem().vb.addItem(item)
    widget.setXRange(0, 30, padding=0)
    widget.setYRange(40, 120, padding=0)
    assert len(item.xData) == n  # the data stays whole (readouts, tests)
    curve = item.curve
    assert isinstance(curve, LodCurveItem)
    bx, _ix, _iy, _hi_lo = curve._visible()  # type: ignore[misc]
    width = widget.getPlotItem().vb.width()
    assert width / 2 <= len(bx) <= 2 * width + 4  # 1-2 blocks (2-4 points) per pixel, not 43,200 points
    image = QImage(600, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    widget.render(painter)
    painter.end()
    # The band is drawn: some pixels in the middle of the plot are the curve's colour.
    blue = sum(1 for i in range(100, 500, 7) for j in range(60, 240, 3)
               if QColor(image.pixel(i, j)).blue() > 150 and QColor(image.pixel(i, j)).red() < 60)
    assert blue > 20
    # Zoomed in below the pyramid's threshold: the raw samples are drawn.
    widget.setXRange(1.0, 1.2, padding=0)
    xs, _ys = curve._visible()  # type: ignore[misc]
    assert len(xs) < LOD_MIN_POINTS and xs[1] - xs[0] == pytest.approx(1 / 1440)


def test_short_curve_draws_its_symbols_and_bounds_do_not_follow_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    item = FastDataItem([0.0, 1.0, 2.0], [1.0, 3.0, 2.0], pen=pg.mkPen("#d55e00"), symbol="o", symbolSize=5,
                        symbolBrush=pg.mkBrush("#d55e00"), symbolPen=pg.mkPen("#d55e00"))
    widget.getPlotItem().vb.addItem(item)
    assert item.curve.symbols is item.scatter and not item.scatter.isVisible()
    rect = QRectF(item.curve.boundingRect())
    widget.setXRange(0.5, 1.5, padding=0)
    assert item.curve.boundingRect() == rect
    assert rect.contains(QRectF(0, 1, 2, 2))


def test_envelope_columns_are_rastered_from_each_columns_minimum_to_maximum(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A long curve is painted as one solid run of pixels per column (numpy raster, blitted once): a signal
    swinging between 50 and 110 every sample fills each column from 110 down to 50, nothing outside."""
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    plot = widget.getPlotItem()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    n = 43_200
    x = np.arange(n, dtype=np.float64) / 1440
    y = np.where(np.arange(n) % 2, 110.0, 50.0)
    item = FastDataItem(x, y, pen=pg.mkPen("#0072b2", width=1), skipFiniteCheck=True)
    plot.vb.addItem(item)
    widget.setXRange(0, 30, padding=0)
    widget.setYRange(0, 160, padding=0)
    widget.setBackground("w")
    image = widget.grab().toImage()
    vb = plot.vb.sceneBoundingRect()
    to_px = lambda v: vb.top() + (160 - v) / 160 * vb.height()  # noqa: E731
    hi_px, lo_px = to_px(110.0), to_px(50.0)
    for col in range(int(vb.left()) + 20, int(vb.right()) - 20, 37):
        inside = [QColor(image.pixel(col, r)).name() for r in range(int(hi_px) + 2, int(lo_px) - 1)]
        assert set(inside) == {"#0072b2"}, col
        assert QColor(image.pixel(col, int(hi_px) - 4)).name() == "#ffffff"
        assert QColor(image.pixel(col, int(lo_px) + 4)).name() == "#ffffff"


@pytest.mark.parametrize("spacing", ["even", "clustered"])
@pytest.mark.parametrize("sy", [-3.7, 2.1])
def test_envelope_columns_match_a_column_by_column_reference(qtbot, spacing: str, sy: float) -> None:  # type: ignore[no-untyped-def]
    """Each device column spans its blocks' maximum to minimum, joined to the previous column: the fast path
    (1-2 blocks per column, first and last block) and the general one (clustered samples: many blocks in
    some columns) both give what a plain loop over the columns gives, with y up or down."""
    rng = np.random.default_rng(11)
    m = 1400
    if spacing == "even":
        bx = np.arange(m, dtype=np.float64) * 0.7
    else:  # bursts of samples: up to ~10 blocks in one column
        bx = np.sort(np.concatenate((np.arange(1000) * 0.9, 300 + rng.random(400) * 40)))
    hi = rng.normal(50, 10, len(bx))
    lo = hi - rng.random(len(bx)) * 8
    item = LodCurveItem()
    image = QImage(10, 10, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    from PySide6.QtGui import QTransform
    painter.setTransform(QTransform(1.0, 0.0, 0.0, sy, 3.25, 400.0))
    columns = item._columns(painter, bx, np.stack((hi, lo)))
    painter.end()
    assert columns is not None
    cols = np.floor(bx * 1.0 + 3.25)
    if spacing == "clustered":
        assert np.bincount((cols - cols[0]).astype(int)).max() > 2  # the general path is exercised
    tops, bottoms = [], []
    for c in np.arange(cols[0], cols[-1] + 1):
        in_col = cols == c
        a, b = hi[in_col].max() * sy + 400.0, lo[in_col].min() * sy + 400.0
        tops.append(min(a, b))
        bottoms.append(max(a, b))
    top, bottom = np.array(tops), np.array(bottoms)
    joined_top, joined_bottom = top.copy(), bottom.copy()
    joined_top[1:] = np.minimum(top[1:], bottom[:-1])
    joined_bottom[1:] = np.maximum(bottom[1:], top[:-1])
    assert columns.x0 == int(cols[0])
    assert np.array_equal(columns.top, np.floor(joined_top + 0.5).astype(np.int32))
    assert np.array_equal(columns.bottom, np.floor(joined_bottom + 0.5).astype(np.int32))
    assert columns.y0 == columns.top.min() and columns.y1 == columns.bottom.max()


def test_symbols_skip_missing_and_far_off_screen_points_and_keep_drawing_the_others(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A NaN (a missing value) or a point far outside the device must not reach Qt's fragment blitter (a NaN
    fragment crashes it); the remaining symbols are still drawn, and a later frame draws all of them again."""
    item = CachedScatterItem(plain=True, symbol="s", size=5, pen=pg.mkPen("#0000ff"),
                             brush=pg.mkBrush("#0000ff"))
    image = QImage(100, 60, QImage.Format.Format_ARGB32_Premultiplied)

    def lit(xs: list[float], ys: list[float]) -> set[int]:
        image.fill(QColor("white"))
        painter = QPainter(image)
        assert item.draw_points(painter, np.array(xs), np.array(ys), None)
        painter.end()
        return {x for x in range(100) for y in range(60) if QColor(image.pixel(x, y)).blue() > 200
                and QColor(image.pixel(x, y)).red() < 100}

    first = lit([20.0, 50.0, 80.0], [30.0, float("nan"), 1e9])
    assert first and all(17 <= x <= 23 for x in first)  # only the symbol at x = 20
    again = lit([20.0, 50.0, 80.0], [30.0, 30.0, 30.0])
    assert any(47 <= x <= 53 for x in again) and any(77 <= x <= 83 for x in again)


def test_hover_markers_draw_the_fast_way_until_a_spot_is_hovered_then_show_the_hover_style(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Marker scatters (hover text on each spot) blit their symbol like curve symbols while nothing is
    hovered; a hovered spot is drawn larger with the hover pen (pyqtgraph's own paint), as before."""
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    item = CachedScatterItem(x=[1.0, 2.0], y=[1.0, 1.0], data=["a", "b"], symbol="s", size=8,
                             pen=pg.mkPen("#0000ff"), brush=pg.mkBrush("#0000ff"), hoverable=True,
                             hoverSize=16, hoverPen=pg.mkPen("#000000", width=1.5))
    widget.getPlotItem().vb.addItem(item)
    widget.setRange(xRange=(0, 3), yRange=(0, 2), padding=0)
    calls: list[int] = []
    original = pg.ScatterPlotItem.paint

    def counting(self, *args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(self, *args)

    pg.ScatterPlotItem.paint = counting
    try:
        plain = widget.grab().toImage()
        assert not calls  # nothing hovered: the fast path drew the spots
        item.data["sourceRect"][1] = 0  # what ScatterPlotItem.hoverEvent does for a newly hovered spot
        item.data["hovered"][1] = True
        item.updateSpots()
        hovered = widget.grab().toImage()
        assert calls  # a hovered spot: pyqtgraph's paint with its hover style
    finally:
        pg.ScatterPlotItem.paint = original

    def blue(image: QImage) -> int:
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if QColor(image.pixel(x, y)).blue() > 200 and QColor(image.pixel(x, y)).red() < 80)

    assert blue(plain) > 0
    assert blue(hovered) > blue(plain)  # the hovered spot is drawn at the larger hover size
