"""Small vector charts for the PDF, drawn with reportlab.graphics from `ChartPanel` / `GradeStrip` data.

Black-and-white first: series differ by dash pattern and marker shape, not only by colour; grade cells print
their number on a grey ramp; the 38 °C line is labelled. Nothing here computes a clinical value.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from cartox_desk.reporting.data import ChartLine, ChartPanel, GradeStrip
from cartox_desk.reporting.i18n import label

# Colour-blind-safe ramp (ux.md) whose lightness falls with the grade, so it reads in grey too.
GRADE_FILL = {
    0: colors.HexColor("#EEEEEE"),
    1: colors.HexColor("#FFD54F"),
    2: colors.HexColor("#F57C00"),
    3: colors.HexColor("#C62828"),
    4: colors.HexColor("#4A148C"),
}
GRADE_TEXT = {0: colors.black, 1: colors.black, 2: colors.black, 3: colors.white, 4: colors.white}
LINE_COLOURS = (colors.HexColor("#1F3A93"), colors.HexColor("#8E2A00"), colors.HexColor("#2E6B30"))
DASH = {"solid": None, "dash": [4, 2], "dot": [1, 1.6]}
AXIS_GREY = colors.HexColor("#666666")
GRID_GREY = colors.HexColor("#DDDDDD")


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
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    first = math.ceil(lo / step) * step
    out = []
    v = first
    while v <= hi + 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def _fmt_tick(v: float) -> str:
    if abs(v) >= 1000:
        return f"{v:.0f}" if v < 10_000 else f"1e{round(math.log10(v))}" if _is_decade(v) else f"{v:.0f}"
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


def panel_drawing(panel: ChartPanel, width: float, height: float, font: str, lang: str) -> Drawing:
    d = Drawing(width, height)
    left, right, bottom, top = (
        26.0,
        26.0 if any(ln.axis == "right" for ln in panel.lines) else 6.0,
        13.0,
        19.0,
    )
    pw, ph = width - left - right, height - bottom - top
    x0, x1 = panel.x_range
    d.add(String(0, height - 8, label(panel.key, lang), fontName=font, fontSize=6.8))
    d.add(Rect(left, bottom, pw, ph, fillColor=None, strokeColor=AXIS_GREY, strokeWidth=0.5))

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    # day grid: a tick at each midnight, the label in the middle of the day
    for n in range(math.ceil(x0), math.floor(x1) + 1):
        d.add(Line(sx(n), bottom, sx(n), bottom + ph, strokeColor=GRID_GREY, strokeWidth=0.4))
    for n in range(math.floor(x0), math.ceil(x1)):
        mid = n + 0.5
        if x0 <= mid <= x1:
            d.add(String(sx(mid), 4, day_tick(n), fontName=font, fontSize=5.8, textAnchor="middle"))

    left_lines = [ln for ln in panel.lines if ln.axis == "left" and ln.points]
    right_lines = [ln for ln in panel.lines if ln.axis == "right" and ln.points]
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

    legend_x = width - right
    legend_y = height - 15
    legend_items = []
    for axis_lines, side in ((left_lines, "left"), (right_lines, "right")):
        if not axis_lines:
            continue
        values = [p[1] for ln in axis_lines for p in ln.points]
        if side == "left":
            values += [h for h, _ in panel.hlines]
        if panel.log_y and side == "left":
            positive = [v for v in values if v > 0]
            lo_e = math.floor(math.log10(min(positive)))
            hi_e = math.ceil(math.log10(max(positive)))
            if hi_e == lo_e:
                hi_e += 1
            ylo, yhi = 10.0**lo_e, 10.0**hi_e
            ticks = [10.0**e for e in range(lo_e, hi_e + 1)]

            def sy(v: float, ylo: float = ylo, yhi: float = yhi) -> float:
                return (
                    bottom
                    + (math.log10(max(v, ylo)) - math.log10(ylo)) / (math.log10(yhi) - math.log10(ylo)) * ph
                )
        else:
            if side == "right":
                values.append(0.0)
            ylo, yhi = _nice_range(values)
            if side == "right":
                ylo = 0.0
            ticks = _ticks(ylo, yhi)

            def sy(v: float, ylo: float = ylo, yhi: float = yhi) -> float:
                return bottom + (v - ylo) / (yhi - ylo) * ph

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
                d.add(String(left + 2, y + 1.5, label(key, lang), fontName=font, fontSize=5.5))
        for ln in axis_lines:
            i = panel.lines.index(ln)
            colour = LINE_COLOURS[i % len(LINE_COLOURS)]
            _draw_line(d, ln, sx, sy, colour)
            legend_items.append((ln, colour))
    # legend (top right): sample stroke + name, so dash and marker identify the series in grey print
    for ln, colour in reversed(legend_items):
        name = label(ln.key, lang) if ln.key in ("sbp", "map", "ne_eq") else _series_name(ln.key, lang)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        tw = stringWidth(name, font, 5.8)
        legend_x -= tw
        d.add(String(legend_x, legend_y, name, fontName=font, fontSize=5.8))
        legend_x -= 14
        d.add(
            Line(
                legend_x,
                legend_y + 2,
                legend_x + 12,
                legend_y + 2,
                strokeColor=colour,
                strokeWidth=1.0,
                strokeDashArray=DASH[ln.style],
            )
        )
        for m in _marker(ln.marker, legend_x + 6, legend_y + 2, colour):
            d.add(m)
        legend_x -= 4
    return d


def _series_name(key: str, lang: str) -> str:
    from cartox_desk.reporting.i18n import term

    return {"temperature": "T", "il6": "IL-6", "crp": "CRP"}.get(
        key, term(key, lang) if key != "ferritin" else term("ferritin", lang)
    )


def _draw_line(d: Drawing, ln: ChartLine, sx, sy, colour) -> None:
    pts: list[float] = []
    prev_y = None
    for x, y in ln.points:
        if ln.step and prev_y is not None:
            pts += [sx(x), sy(prev_y)]
        pts += [sx(x), sy(y)]
        prev_y = y
    if len(pts) >= 4:
        d.add(PolyLine(pts, strokeColor=colour, strokeWidth=0.9, strokeDashArray=DASH[ln.style]))
    if ln.marker or len(ln.points) == 1:
        for x, y in ln.points:
            for m in _marker(ln.marker or "circle", sx(x), sy(y), colour):
                d.add(m)


def strips_drawing(
    strips: tuple[GradeStrip, ...], title_key: str, width: float, height: float, font: str, lang: str
) -> Drawing:
    d = Drawing(width, height)
    d.add(String(0, height - 8, label(title_key, lang), fontName=font, fontSize=6.8))
    left, bottom, top = 34.0, 13.0, 14.0
    rows = len(strips)
    if not rows:
        return d
    ncols = max(len(s.days) for s in strips)
    cw = (width - left - 6) / max(ncols, 1)
    rh = min(16.0, (height - bottom - top) / rows)
    for r, strip in enumerate(strips):
        y = bottom + (rows - 1 - r) * rh
        d.add(
            String(
                left - 3,
                y + rh / 2 - 2.5,
                label(strip.key, lang),
                fontName=font,
                fontSize=6.5,
                textAnchor="end",
            )
        )
        for c, (_day, grade) in enumerate(strip.days):
            x = left + c * cw
            if grade is None:
                d.add(
                    Rect(
                        x + 1,
                        y + 1,
                        cw - 2,
                        rh - 2,
                        fillColor=colors.white,
                        strokeColor=AXIS_GREY,
                        strokeWidth=0.5,
                        strokeDashArray=[1.5, 1.5],
                    )
                )
                text, tc = "–", colors.black
            else:
                d.add(
                    Rect(
                        x + 1,
                        y + 1,
                        cw - 2,
                        rh - 2,
                        fillColor=GRADE_FILL[grade],
                        strokeColor=colors.black,
                        strokeWidth=0.5 if grade < 3 else 1.2,
                    )
                )
                text, tc = str(grade), GRADE_TEXT[grade]
            d.add(
                String(
                    x + cw / 2,
                    y + rh / 2 - 2.5,
                    text,
                    fontName=font,
                    fontSize=7,
                    textAnchor="middle",
                    fillColor=tc,
                )
            )
    for c, (day, _g) in enumerate(strips[0].days):
        d.add(
            String(left + c * cw + cw / 2, 4, day_tick(day), fontName=font, fontSize=5.8, textAnchor="middle")
        )
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
