"""Small vector charts for the PDF, drawn with reportlab.graphics from `ChartPanel` / `GradeStrip` data.

Black-and-white first: series differ by dash pattern and marker shape, not only by colour; grade cells print
their number on a ramp whose lightness falls with the grade; the 38 °C line is labelled. Nothing here
computes a clinical value: the points come from `core.series` through `reporting.series`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from cartox_desk.reporting.data import ChartLine, ChartPanel, GradeStrip
from cartox_desk.reporting.i18n import label

# Colour-blind-safe ramp (ux.md) whose lightness falls with the grade, so it reads in grey too: grade 0 is
# white with a solid outline (not assessed: dashed outline and "–"), so 0 and 1 differ on a grey printer.
GRADE_FILL = {
    0: colors.HexColor("#FFFFFF"),
    1: colors.HexColor("#FFC928"),
    2: colors.HexColor("#F57C00"),
    3: colors.HexColor("#C62828"),
    4: colors.HexColor("#4A148C"),
}
GRADE_TEXT = {0: colors.black, 1: colors.black, 2: colors.black, 3: colors.white, 4: colors.white}
LINE_COLOURS = (colors.HexColor("#1F3A93"), colors.HexColor("#8E2A00"), colors.HexColor("#2E6B30"))
DASH = {"solid": None, "dash": [4, 2], "dot": [1, 1.6]}
AXIS_GREY = colors.HexColor("#666666")
GRID_GREY = colors.HexColor("#DDDDDD")
MARKER_GREY = colors.HexColor("#777777")
SERIES_NAMES = {"temperature": "T", "il6": "IL-6", "crp": "CRP"}

Scale = Callable[[float], float]


def day_tick(n: int) -> str:
    return f"D{n:+d}" if n else "D0"


def _nice_range(values: list[float], pad: float = 0.08) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    span = hi - lo
    return lo - span * pad, hi + span * pad


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    out = []
    v = math.ceil(lo / step) * step
    while v <= hi + 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def _fmt_tick(v: float) -> str:
    if v >= 10_000 and _is_decade(v):
        return f"1e{round(math.log10(v))}"
    if float(v).is_integer():
        return f"{int(v)}"
    return f"{v:g}"


def _is_decade(v: float) -> bool:
    return v > 0 and abs(math.log10(v) - round(math.log10(v))) < 1e-9


def _marker(kind: str | None, x: float, y: float, colour: colors.Color) -> list:
    if kind == "circle":
        return [Circle(x, y, 1.6, fillColor=colors.white, strokeColor=colour, strokeWidth=0.7)]
    if kind == "square":
        return [Rect(x - 1.5, y - 1.5, 3, 3, fillColor=colour, strokeColor=colour, strokeWidth=0.5)]
    if kind == "triangle":
        return [
            Polygon(
                [x - 1.8, y - 1.4, x + 1.8, y - 1.4, x, y + 1.8],
                fillColor=colour,
                strokeColor=colour,
                strokeWidth=0.5,
            )
        ]
    return []


def _finite(points: tuple[tuple[float, float], ...]) -> list[float]:
    return [y for _x, y in points if not math.isnan(y)]


def _x_axis(d: Drawing, x0: float, x1: float, sx: Scale, bottom: float, top_y: float, font: str) -> None:
    """A grid line at each midnight, the day label in the middle of the day."""
    for n in range(math.ceil(x0), math.floor(x1) + 1):
        d.add(Line(sx(n), bottom, sx(n), top_y, strokeColor=GRID_GREY, strokeWidth=0.4))
    for n in range(math.floor(x0), math.ceil(x1)):
        mid = n + 0.5
        if x0 <= mid <= x1:
            d.add(String(sx(mid), 4, day_tick(n), fontName=font, fontSize=5.8, textAnchor="middle"))


def _y_scale(
    values: list[float], log: bool, zero_based: bool, bottom: float, ph: float
) -> tuple[Scale, list[float], float, float]:
    if log:
        positive = [v for v in values if v > 0] or [1.0]
        lo_e = math.floor(math.log10(min(positive)))
        hi_e = math.ceil(math.log10(max(positive)))
        if hi_e == lo_e:
            hi_e += 1
        ylo, yhi = 10.0**lo_e, 10.0**hi_e
        ticks = [10.0**e for e in range(lo_e, hi_e + 1)]

        def sy_log(v: float) -> float:
            return bottom + (math.log10(max(v, ylo)) - lo_e) / (hi_e - lo_e) * ph

        return sy_log, ticks, ylo, yhi
    if zero_based:
        values = [*values, 0.0]
    ylo, yhi = _nice_range(values)
    if zero_based:
        ylo = 0.0

    def sy_lin(v: float) -> float:
        return bottom + (v - ylo) / (yhi - ylo) * ph

    return sy_lin, _ticks(ylo, yhi), ylo, yhi


def panel_drawing(panel: ChartPanel, width: float, height: float, font: str, lang: str) -> Drawing:
    d = Drawing(width, height)
    has_right = any(ln.axis == "right" for ln in panel.lines)
    left, right, bottom, top = 26.0, (26.0 if has_right else 6.0), 13.0, 19.0
    pw, ph = width - left - right, height - bottom - top
    x0, x1 = panel.x_range
    d.add(String(0, height - 8, label(panel.key, lang), fontName=font, fontSize=6.8))
    d.add(Rect(left, bottom, pw, ph, fillColor=None, strokeColor=AXIS_GREY, strokeWidth=0.5))

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    _x_axis(d, x0, x1, sx, bottom, bottom + ph, font)
    # treatment markers: a thin vertical line and its code at the top ("T2" = tocilizumab dose 2)
    # (labels of close markers are stacked downwards so they never overprint)
    last_end, level = -1e9, 0
    for mx, text in panel.markers:
        if not x0 <= mx <= x1:
            continue
        px = sx(mx)
        d.add(
            Line(
                px,
                bottom,
                px,
                bottom + ph,
                strokeColor=MARKER_GREY,
                strokeWidth=0.5,
                strokeDashArray=[1, 1.5],
            )
        )
        level = level + 1 if px < last_end else 0
        d.add(
            String(
                px + 1,
                bottom + ph - 6 - 6 * (level % 4),
                text,
                fontName=font,
                fontSize=5.2,
                fillColor=MARKER_GREY,
            )
        )
        last_end = (
            max(last_end, px + 2 + stringWidth(text, font, 5.2))
            if level
            else px + 2 + stringWidth(text, font, 5.2)
        )

    left_lines = [ln for ln in panel.lines if ln.axis == "left" and _finite(ln.points)]
    right_lines = [ln for ln in panel.lines if ln.axis == "right" and _finite(ln.points)]
    if not left_lines and not right_lines:
        d.add(
            String(
                left + pw / 2,
                bottom + ph / 2 - 3,
                label("no_data", lang),
                fontName=font,
                fontSize=7,
                textAnchor="middle",
                fillColor=AXIS_GREY,
            )
        )
        return d

    legend: list[tuple[ChartLine, colors.Color]] = []
    for axis_lines, side in ((left_lines, "left"), (right_lines, "right")):
        if not axis_lines:
            continue
        values = [y for ln in axis_lines for y in _finite(ln.points)]
        if side == "left":
            values += [h for h, _ in panel.hlines]
        sy, ticks, ylo, yhi = _y_scale(values, panel.log_y and side == "left", side == "right", bottom, ph)
        for t in ticks:
            if not ylo - 1e-9 <= t <= yhi + 1e-9:
                continue
            y = sy(t)
            if side == "left":
                d.add(Line(left - 2, y, left, y, strokeColor=AXIS_GREY, strokeWidth=0.4))
                d.add(String(left - 3, y - 2, _fmt_tick(t), fontName=font, fontSize=5.5, textAnchor="end"))
            else:
                d.add(Line(left + pw, y, left + pw + 2, y, strokeColor=AXIS_GREY, strokeWidth=0.4))
                d.add(String(left + pw + 3, y - 2, _fmt_tick(t), fontName=font, fontSize=5.5))
        if side == "left":
            for h, key in panel.hlines:
                y = sy(h)
                d.add(
                    Line(
                        left,
                        y,
                        left + pw,
                        y,
                        strokeColor=colors.black,
                        strokeWidth=0.6,
                        strokeDashArray=[3, 2],
                    )
                )
                ly = y + 1.5 if y + 8 < bottom + ph else y - 6.5  # below the line when it runs at the top
                d.add(String(left + 2, ly, label(key, lang), fontName=font, fontSize=5.5))
        for ln in axis_lines:
            colour = LINE_COLOURS[panel.lines.index(ln) % len(LINE_COLOURS)]
            _draw_line(d, ln, sx, sy, colour)
            legend.append((ln, colour))
    _legend(d, legend, width - right, height - 15, font, lang)
    return d


def _legend(
    d: Drawing, items: list[tuple[ChartLine, colors.Color]], right_x: float, y: float, font: str, lang: str
) -> None:
    """Top-right legend: a sample stroke (dash + marker) and the name: grey print still tells them apart."""
    x = right_x
    for ln, colour in reversed(items):
        name = label(ln.key, lang) if ln.key in ("sbp", "map", "ne_eq") else _series_name(ln.key, lang)
        x -= stringWidth(name, font, 5.8)
        d.add(String(x, y, name, fontName=font, fontSize=5.8))
        x -= 14
        d.add(
            Line(x, y + 2, x + 12, y + 2, strokeColor=colour, strokeWidth=1.0, strokeDashArray=DASH[ln.style])
        )
        for m in _marker(ln.marker, x + 6, y + 2, colour):
            d.add(m)
        x -= 5


def _series_name(key: str, lang: str) -> str:
    from cartox_desk.reporting.i18n import term

    return SERIES_NAMES.get(key) or term(key, lang)


def _draw_line(d: Drawing, ln: ChartLine, sx: Scale, sy: Scale, colour: colors.Color) -> None:
    """A polyline per run of finite values (NaN = a gap in the series: the line breaks there)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in ln.points:
        if math.isnan(y):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    for run in runs:
        pts: list[float] = []
        prev_y: float | None = None
        for x, y in run:
            if ln.step and prev_y is not None:
                pts += [sx(x), sy(prev_y)]
            pts += [sx(x), sy(y)]
            prev_y = y
        if len(pts) >= 4:
            d.add(PolyLine(pts, strokeColor=colour, strokeWidth=0.9, strokeDashArray=DASH[ln.style]))
        if ln.marker or len(run) == 1:
            for x, y in run:
                for m in _marker(ln.marker or "circle", sx(x), sy(y), colour):
                    d.add(m)


def _grade_rect(
    d: Drawing, x: float, y: float, w: float, h: float, grade: int | None, font: str, size: float = 7.0
) -> None:
    if grade is None:
        d.add(
            Rect(
                x,
                y,
                w,
                h,
                fillColor=colors.white,
                strokeColor=AXIS_GREY,
                strokeWidth=0.4,
                strokeDashArray=[1.5, 1.5],
            )
        )
        text, tc = "–", colors.black
    else:
        d.add(
            Rect(
                x,
                y,
                w,
                h,
                fillColor=GRADE_FILL[grade],
                strokeColor=colors.black,
                strokeWidth=0.4 if grade < 3 else 1.0,
            )
        )
        text, tc = str(grade), GRADE_TEXT[grade]
    if w >= size * 0.9:
        d.add(
            String(
                x + w / 2,
                y + h / 2 - size * 0.35,
                text,
                fontName=font,
                fontSize=size,
                textAnchor="middle",
                fillColor=tc,
            )
        )


def strips_drawing(
    strips: tuple[GradeStrip, ...],
    x_range: tuple[float, float],
    title_key: str,
    width: float,
    height: float,
    font: str,
    lang: str,
) -> Drawing:
    """CRS / ICANS strips over time (core.series intervals), with each day's maximum printed below."""
    d = Drawing(width, height)
    d.add(String(0, height - 8, label(title_key, lang), fontName=font, fontSize=6.8))
    if not strips:
        return d
    left, right, bottom, top = 34.0, 6.0, 13.0, 19.0
    pw = width - left - right
    x0, x1 = x_range

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    rows = len(strips)
    band = (height - bottom - top) / rows  # per strip: the time strip and the daily-max row
    strip_h = min(13.0, band * 0.5)
    day_h = min(11.0, band * 0.4)
    _x_axis(d, x0, x1, sx, bottom, height - top, font)
    for r, strip in enumerate(strips):
        y_top = height - top - r * band
        ys = y_top - strip_h - 1
        name = label(strip.key, lang)
        d.add(String(left - 3, ys + strip_h / 2 - 2.5, name, fontName=font, fontSize=6.5, textAnchor="end"))
        d.add(
            Rect(
                left,
                ys,
                pw,
                strip_h,
                fillColor=colors.white,
                strokeColor=AXIS_GREY,
                strokeWidth=0.4,
                strokeDashArray=[1.5, 1.5],
            )
        )
        for a, b, grade in strip.intervals:
            if grade is None:
                continue
            _grade_rect(d, sx(a), ys, max(sx(b) - sx(a), 0.6), strip_h, grade, font, 6.5)
        # the day's maximum (shift-based ward day), printed in a small cell
        yd = ys - day_h - 1.5
        d.add(
            String(
                left - 3,
                yd + day_h / 2 - 2.2,
                label("day_max", lang),
                fontName=font,
                fontSize=5.5,
                textAnchor="end",
                fillColor=AXIS_GREY,
            )
        )
        for day, grade in strip.days:
            cx = sx(day + strip.shift_offset + 0.5)
            _grade_rect(d, cx - 6, yd, 12, day_h, grade, font, 6.0)
    return d


def badge_drawing(grade: int | None, size: float, font: str) -> Drawing:
    """A grade badge: the number printed on the ramp; not assessed = dashed outline with "–"."""
    d = Drawing(size, size)
    if grade is None:
        d.add(
            Rect(
                0.5,
                0.5,
                size - 1,
                size - 1,
                rx=3,
                ry=3,
                fillColor=colors.white,
                strokeColor=colors.black,
                strokeWidth=0.8,
                strokeDashArray=[2, 1.5],
            )
        )
        text, tc = "–", colors.black
    else:
        d.add(
            Rect(
                0.5,
                0.5,
                size - 1,
                size - 1,
                rx=3,
                ry=3,
                fillColor=GRADE_FILL[grade],
                strokeColor=colors.black,
                strokeWidth=0.8 if grade < 3 else 1.6,
            )
        )
        text, tc = str(grade), GRADE_TEXT[grade]
    fs = size * 0.62
    d.add(
        String(
            size / 2,
            size / 2 - fs * 0.36,
            text,
            fontName=font,
            fontSize=fs,
            textAnchor="middle",
            fillColor=tc,
        )
    )
    return d
