"""The day axis' lean layout and drawing match pyqtgraph-style QRectF layout and Qt's own line drawing."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPicture, QPixmap, QStaticText, QTransform
from test_series_fixtures import demo_timeline

from cartox_desk.ui.charts import TrendChartsWidget
from cartox_desk.ui.charts.day_axis import DayAxisItem, _Measure, clock_label, day_label

# Whole days, a few days, one day, zoomed inside a day (the first hour tick names the day), the edge of a day,
# a long course (coarse day steps), minutes.
RANGES = [(-7.0, 15.0), (-1.0, 29.0), (5.0, 8.0), (2.0, 3.0), (2.1, 2.6), (2.3, 2.55), (3.97, 4.03),
          (-40.0, 400.0), (10.0, 10.05), (1.7, 2.35), (-3.2, 40.1)]


@pytest.fixture
def charts(qtbot) -> Iterator[TrendChartsWidget]:  # type: ignore[no-untyped-def]
    w = TrendChartsWidget()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.set_timeline(demo_timeline())
    w.grab()
    yield w


def _axis(w: TrendChartsWidget) -> DayAxisItem:
    axis = w.panel(w.panel_names()[-1]).getAxis("bottom")
    assert isinstance(axis, DayAxisItem)
    return axis


def _show(w: TrendChartsWidget, lo: float, hi: float) -> None:
    w.set_x_range(lo, hi)
    QCoreApplication.processEvents()


def _reference_specs(axis: DayAxisItem) -> tuple:  # type: ignore[type-arg]
    """The layout as the axis did it before it was made lean: QRectF per label, `own & rect` inside test,
    overlap checks on rectangles (pyqtgraph's generateDrawSpecs plus skipping overlapping labels)."""
    st = axis.style
    measure = _Measure(st["tickFont"])
    bounds = axis.mapRectFromParent(axis.geometry())
    y = bounds.top() + 1.0
    span = (QPointF(bounds.left() - 1.0, y), QPointF(bounds.right() + 1.0, y))
    d0, d1 = axis.mapToDevice(span[0]), axis.mapToDevice(span[1])
    length_px = math.hypot(d1.x() - d0.x(), d1.y() - d0.y())
    r0, r1 = axis.range
    levels = axis.tickValues(r0, r1, length_px)
    dif = r1 - r0
    scale = bounds.width() / dif if dif else 1.0
    offset = r0 * scale if dif else 0.0
    x_lo, x_hi = sorted((r0 * scale - offset, r1 * scale - offset))
    top = bounds.top()
    ticks = []
    positions = []
    for i, (_spacing, values) in enumerate(levels):
        xs = [v * scale - offset for v in values]
        inside = [x_lo <= x <= x_hi for x in xs]
        y1 = top + st["tickLength"] / (i * 0.5 + 1.0)
        ticks += [(x, top, y1) for x, keep in zip(xs, inside, strict=True) if keep]
        positions.append([x if keep else None for x, keep in zip(xs, inside, strict=True)])
    texts = []
    text_offset = st["tickTextOffset"][1] + max(0, st["tickLength"])
    own = axis.boundingRect()
    drawn: list[tuple[float, float]] = []
    text_rects = 0
    text_width = 0.0
    for i in range(min(len(levels), st["maxTextLevel"] + 1)):
        spacing, values = levels[i]
        strings = axis.tickStrings(values, 1.0, spacing)
        shown = []
        for text, x in zip(strings, positions[i], strict=False):
            if x is None:
                continue
            br = measure.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)
            shown.append((text, x, br.width(), br.height() * 0.8))
            text_rects += 1
            text_width += br.width()
        fill = text_width / length_px
        if i > 0 and any(len(texts) >= n and fill >= limit for n, limit in st["textFillLimits"]):
            break
        previous_right = -math.inf
        level_spans = []
        for text, x, w, h in shown:
            rect = QRectF(x - w / 2.0, top + text_offset, w, h)
            if own & rect != rect:
                continue
            left, right = rect.left() - 3.0, rect.right() + 3.0
            i_span = bisect.bisect_left(drawn, (left, left))
            if left < previous_right or (i_span < len(drawn) and drawn[i_span][0] < right) or (
                    i_span > 0 and drawn[i_span - 1][1] > left):
                continue
            previous_right = right
            level_spans.append((left, right))
            texts.append((rect.x(), rect.y(), rect.width(), rect.height(), text))
        drawn = sorted(drawn + level_spans)
    return (span[0].x(), span[0].y(), span[1].x(), span[1].y()), ticks, texts


def _lean_specs(axis: DayAxisItem) -> tuple:  # type: ignore[type-arg]
    (_pen, a0, a1), ticks, texts = axis.generateDrawSpecs(_Measure(axis.style["tickFont"]))
    return ((a0.x(), a0.y(), a1.x(), a1.y()), [(t0.x(), t0.y(), t1.y()) for _p, t0, t1 in ticks],
            [(r.x(), r.y(), r.width(), r.height(), text) for r, _f, text in texts])


def _reference_image(axis: DayAxisItem, dx: float, dy: float, background: QColor) -> QImage:
    """The axis drawn the plain Qt way from its draw specs: cosmetic lines and QStaticText labels."""
    image = QImage(1500, 90, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background)
    p = QPainter(image)
    p.setTransform(QTransform.fromTranslate(dx, dy))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    (axis_pen, a0, a1), ticks, texts = axis.generateDrawSpecs(_Measure(axis.style["tickFont"]))
    p.setPen(axis_pen)
    p.drawLine(a0, a1)
    for pen, t0, t1 in ticks:
        p.setPen(pen)
        p.drawLines([QLineF(t0, t1)])
    p.setFont(axis.style["tickFont"])
    p.setPen(axis.textPen())
    p.setClipRect(axis.boundingRect().toAlignedRect(), Qt.ClipOperation.IntersectClip)
    for rect, _flags, text in texts:
        st = QStaticText(text)
        st.setTextFormat(Qt.TextFormat.PlainText)
        st.prepare(font=axis.style["tickFont"])
        p.drawStaticText(rect.topLeft(), st)
    p.end()
    return image


def _painted(axis: DayAxisItem, dx: float, dy: float, background: QColor, device: str = "image") -> QImage:
    image = QImage(1500, 90, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background)
    if device == "hidpi":  # 2 device pixels per pixel: drawn as lines
        image = QImage(3000, 180, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(2.0)
        image.fill(background)
    target: QImage | QPixmap | QPicture = image
    if device == "pixmap":
        target = QPixmap.fromImage(image)
    elif device == "picture":
        target = QPicture()
    p = QPainter(target)
    p.setTransform(QTransform.fromTranslate(dx, dy))
    axis.paint(p, None, None)
    p.end()
    if isinstance(target, QPixmap):
        return target.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if isinstance(target, QPicture):  # replayed: the plain line drawing path
        p = QPainter(image)
        target.play(p)
        p.end()
    return image


def test_lean_layout_matches_the_reference_layout(charts: TrendChartsWidget) -> None:
    axis = _axis(charts)
    for lo, hi in RANGES:
        _show(charts, lo, hi)
        assert _lean_specs(axis) == _reference_specs(axis), (lo, hi)
        axis.setRange(hi, lo)  # an inverted axis: positions run right to left
        assert _lean_specs(axis) == _reference_specs(axis), (hi, lo)
    _show(charts, 2.0, 3.0)
    texts = [t[-1] for t in _lean_specs(axis)[2]]  # D+2's tick is at the very edge: the first hour names it
    assert texts[0] == "D+2 01:00" and "12:00" in texts
    inside = axis.tickValues(2.1, 2.6, 1200)  # no day tick in view: the first hour names the day
    assert axis.tickStrings(inside[1][1], 1.0, inside[1][0])[0] == f"D+2 {clock_label(inside[1][1][0])}"


def test_hour_labels_are_clock_times_for_every_step() -> None:
    axis = DayAxisItem()
    axis.tickValues(-3.0, 5.0, 100)  # day ticks in view: hour labels do not name the day
    for step in (5 / 1440, 10 / 1440, 15 / 1440, 30 / 1440, 1 / 24, 2 / 24, 3 / 24, 6 / 24, 12 / 24):
        values = axis._sub_values(-3.0, 5.0, step)
        assert axis.tickStrings(values, 1.0, step) == [clock_label(v) for v in values]
        assert axis.tickStrings(values, 1.0, step) == [clock_label(v) for v in values]  # from the cache
    assert axis.tickStrings([-5.0, 0.0, 3.0], 1.0, 1.0) == [day_label(-5), "D0", "D+3"]


class _LongDays(QTranslator):
    """A long language's day labels."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if source_text == "D{sign}{n}":
            return "Tag nach Infusion {sign}{n}"
        return ""


def test_long_labels_that_would_overlap_are_skipped(charts: TrendChartsWidget, qapp) -> None:  # type: ignore[no-untyped-def]
    axis = _axis(charts)
    translator = _LongDays()
    qapp.installTranslator(translator)
    try:
        for lo, hi in RANGES:
            _show(charts, lo, hi)
            lean = _lean_specs(axis)
            assert lean == _reference_specs(axis), (lo, hi)
            spans = sorted((left, left + w) for left, _top, w, _h, _text in lean[2])
            assert all(a[1] + 6.0 <= b[0] for a, b in itertools.pairwise(spans))  # 3 px gap each side
        # Zoomed inside a day: the first hour tick names the day, its long label would run into the next one.
        _show(charts, 10.0, 10.05)
        texts = [t[-1] for t in _lean_specs(axis)[2]]
        assert texts[:2] == ["Tag nach Infusion +10 00:05", "00:15"]
    finally:
        qapp.removeTranslator(translator)


def test_painted_axis_is_pixel_identical_to_plain_qt_drawing(charts: TrendChartsWidget) -> None:
    axis = _axis(charts)
    offsets = [(60.0, 40.0), (0.5, 3.25), (17.375, 0.7), (123.999, 20.001)]
    for (lo, hi), (dx, dy) in zip(RANGES, offsets * 3, strict=False):
        _show(charts, lo, hi)
        for background in (QColor(0, 0, 0, 0), QColor("white")):
            reference = _reference_image(axis, dx, dy, background)
            assert _painted(axis, dx, dy, background) == reference, (lo, hi, dx, dy)
            assert _painted(axis, dx, dy, background, "pixmap") == reference, (lo, hi, dx, dy)
    # Not a raster image (a picture, an SVG file): lines, as before.
    _show(charts, 5.0, 8.0)
    white = QColor("white")
    assert _painted(axis, 60.0, 40.0, white, "picture") == _reference_image(axis, 60.0, 40.0, white)
    # Two device pixels per pixel: the 1 px cosmetic axis line is one device row (a filled pixel: two).
    hidpi = _painted(axis, 60.3, 40.0, white, "hidpi")
    dark = {y for y in range(70, 90) for x in (600, 601, 1200) if hidpi.pixelColor(x, y).value() < 128}
    assert len(dark) == 1


def test_a_new_pen_font_or_size_is_seen(charts: TrendChartsWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    axis = _axis(charts)
    _show(charts, 2.0, 4.0)
    _painted(axis, 60.0, 40.0, QColor("white"))  # caches filled
    axis.setPen(pg.mkPen("#cc0000"))
    axis.setTextPen(pg.mkPen("#0000cc"))
    painted = _painted(axis, 60.0, 40.0, QColor("white"))
    assert painted == _reference_image(axis, 60.0, 40.0, QColor("white"))
    assert painted.pixelColor(300, 41) == QColor("#cc0000")  # the axis line: one pixel below the axis top
    font = QFont(axis.style["tickFont"])
    font.setPointSizeF(11.0)
    axis.setTickFont(font)  # pyqtgraph sets the style entry without setStyle
    assert _lean_specs(axis) == _reference_specs(axis)
    width = axis.geometry().width()
    charts.resize(900, 768)
    charts.grab()
    assert axis.geometry().width() < width - 300
    assert _lean_specs(axis) == _reference_specs(axis)
    assert _painted(axis, 60.0, 40.0, QColor("white")) == _reference_image(axis, 60.0, 40.0, QColor("white"))


def test_zoomed_inside_a_day_the_first_label_shown_names_the_day(charts: TrendChartsWidget) -> None:
    """With no day tick in view an hour label carries the day ("D+2 07:45"). When the first hour tick sits
    at the left end its longer label cannot be centred there and would be left out: the day then goes on
    the next hour label, so a label at the left always says which day the physician is looking at."""
    axis = _axis(charts)
    for lo in (2.3, 2.305, 2.3124, 2.3126, 2.62):
        _show(charts, lo, lo + 0.25)
        texts = [t[-1] for t in _lean_specs(axis)[2]]
        named = [i for i, t in enumerate(texts) if t.startswith("D+")]
        assert len(named) == 1 and named[0] <= 1 and texts[named[0]].startswith("D+2 "), (lo, texts)
