"""The daily toxicity summary PDF (one patient-day) and the ward report (every admitted patient).

`render_daily_summary(data, lang="en", page_size="A4") -> bytes` and
`render_ward_report(summaries, cover_rows=None, ...) -> bytes` take plain data (`DailySummaryData`, built by
`build_daily_summary_data`) and return PDF bytes. No Qt, no database (import-linter contract). Every page
carries the patient's identifiers, "page n of m", "generated at / by" and the protocol in force.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cartox_desk.core.management.model import Kind, ManagementPlan, Status
from cartox_desk.core.management.texts import describe as describe_management
from cartox_desk.core.results import Driver
from cartox_desk.core.texts import describe as describe_driver
from cartox_desk.reporting.charts import badge_drawing, panel_drawing, strips_drawing
from cartox_desk.reporting.data import DailySummaryData, GradeMax, LabRow, MedicationRow, TimedValue
from cartox_desk.reporting.fonts import FontSet, fonts_for, has_cjk, printable
from cartox_desk.reporting.i18n import check_lang, label, term, unit

# Binary (Flate) streams instead of ASCII85 text: a smaller PDF and ~50 ms less per page with the
# embedded font (process-wide reportlab setting; every PDF reader supports both).
rl_config.useA85 = 0

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
MARGIN = 12 * mm
HEADER_H = 9 * mm
FOOTER_H = 9 * mm
RULE_GREY = colors.HexColor("#999999")
HEAD_FILL = colors.HexColor("#E6E6E6")
FLAG_FILL = colors.HexColor("#D0D0D0")


def page_size_of(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown page size {name!r}: use A4 or Letter") from None


# ------------------------------------------------------------------------------------------------------
# formatting


def fmt_num(v: float | None, decimals: int | None = None) -> str:
    if v is None:
        return ""
    if decimals is not None:
        return f"{v:.{decimals}f}"
    a = abs(v)
    if a >= 100:
        return f"{v:.0f}"
    text = f"{v:.1f}" if a >= 10 else f"{v:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def day_label(n: int, lang: str) -> str:
    sign = f"D{n:+d}" if n else "D0"
    if lang == "zh_CN":
        if n >= 0:
            return f"回输后第 {n} 天 ({sign})"
        return f"回输前第 {-n} 天 ({sign})"
    return f"Day {n:+d}" if n else "Day 0"


@dataclass
class _Ctx:
    lang: str
    fonts: FontSet
    tz: tzinfo
    on_date: object
    styles: dict[str, ParagraphStyle]
    window: tuple[datetime, datetime] | None = None  # the ward day being printed
    # 0 full; a page that would not fit on two pages: 1 routine items as a count, 2 + recommendations as
    # one paragraph and lower charts, 3 + the day's medications as one paragraph
    compact: int = 0

    def t(self, at: datetime | None) -> str:
        """HH:MM for a time on the printed ward day's first calendar date; otherwise with its date (the
        previous day's lab, the night after midnight), so no time is read as the wrong day's."""
        if at is None:
            return ""
        local = at.astimezone(self.tz)
        inside = self.window is None or self.window[0] <= at < self.window[1]
        if inside and local.date() == self.on_date:
            return local.strftime("%H:%M")
        return local.strftime("%m-%d %H:%M")

    def L(self, key: str, **kw: object) -> str:
        return label(key, self.lang, **kw)

    def s(self, text: str) -> str:
        """A plain table cell (no markup, no wrapping): printable with the font."""
        return printable(text, self.fonts)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(printable(text, self.fonts), self.styles[style])


def _styles(fonts: FontSet, lang: str) -> dict[str, ParagraphStyle]:
    f, b = fonts.regular, fonts.bold
    base = ParagraphStyle(
        "body",
        fontName=f,
        fontSize=7.6,
        leading=9.4,
        alignment=TA_LEFT,
        wordWrap="CJK" if lang == "zh_CN" else None,  # CJK line breaking only where needed (slow)
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=6.6, leading=8.2),
        "muted": ParagraphStyle(
            "muted", parent=base, fontSize=6.6, leading=8.2, textColor=colors.HexColor("#444444")
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.2, leading=8.8),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=b, fontSize=7.2, leading=8.8),
        "h1": ParagraphStyle("h1", parent=base, fontName=b, fontSize=13, leading=16),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=b, fontSize=8.8, leading=11, spaceBefore=3, spaceAfter=1.5
        ),
        "big": ParagraphStyle("big", parent=base, fontName=b, fontSize=9.5, leading=12),
    }


def _na(ctx: _Ctx, key: str = "no_data") -> str:
    return f"<i>{escape(ctx.L(key))}</i>" if not ctx.fonts.cjk else escape(ctx.L(key))


def _describe(item: object, lang: str) -> str:
    """The sentence staff read, with its source: grade drivers from `core.texts`, management items
    (alerts, recommendations, doses, flags) from `core.management.texts`."""
    source = getattr(item, "source", "")
    try:
        if isinstance(item, Driver):
            return describe_driver(item, lang)  # ends with its source already
        text = describe_management(item, lang)
    except (KeyError, ValueError, TypeError):  # a code without a sentence yet: print the code, never crash
        params = getattr(item, "params", ()) or ()
        extra = ", ".join(f"{k}={v}" for k, v in params if v != "")
        text = getattr(item, "code", str(item)) + (f" ({extra})" if extra else "")
    if not source:
        return text
    return f"{text}（{source}）" if lang == "zh_CN" else f"{text} ({source})"


# ------------------------------------------------------------------------------------------------------
# canvas: page n of m, header and footer on every page


class _Section(Flowable):
    """Zero-size marker: the patient whose pages follow (for the running header / footer)."""

    def __init__(self, info: dict[str, str], starts: dict[int, int] | None = None, key: int = -1) -> None:
        super().__init__()
        self.info = info
        self.starts = starts  # key -> the page this section starts on (to count each patient's pages)
        self.key = key
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._cartox_section = self.info  # type: ignore[attr-defined]
        if self.starts is not None:
            self.starts[self.key] = self.canv.getPageNumber()


class _Progress(Flowable):
    """Zero-size: reports that patient `done` of `total` has been laid out."""

    def __init__(self, callback: Callable[[int, int], None], done: int, total: int) -> None:
        super().__init__()
        self.callback, self.done, self.total = callback, done, total
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.callback(self.done, self.total)


def _numbered_canvas(lang: str, font: str):
    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for i, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                w, _h = self._pagesize
                self.setFont(font, 7)
                self.drawRightString(w - MARGIN, MARGIN - 2, label("page_n_of_m", lang, n=i, m=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _page_end(ctx: _Ctx, doc_info: dict[str, str]):
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = doc.pagesize
        sec = getattr(canvas, "_cartox_section", None) or {}
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        # running header: who this page is about (every page can be filed on its own)
        canvas.setFont(ctx.fonts.regular, 7)
        top = h - MARGIN + 2
        left_text = sec.get("who", doc_info.get("title", ""))
        canvas.drawString(MARGIN, top, left_text)
        canvas.drawRightString(w - MARGIN, top, sec.get("when", doc_info.get("when", "")))
        canvas.line(MARGIN, top - 3, w - MARGIN, top - 3)
        # footer: generated at / by, protocol
        canvas.line(MARGIN, MARGIN + 7, w - MARGIN, MARGIN + 7)
        canvas.drawString(MARGIN, MARGIN - 2, doc_info.get("footer", ""))
        canvas.restoreState()

    return draw


def _doc(buf: io.BytesIO, page_size: str, title: str, ctx: _Ctx, doc_info: dict[str, str]) -> BaseDocTemplate:
    size = page_size_of(page_size)
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 5,
        bottomMargin=MARGIN + 10,
        title=title,
        author=doc_info.get("by", ""),
        creator="cartox_desk",
        subject=title,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=_page_end(ctx, doc_info))])
    return doc


# ------------------------------------------------------------------------------------------------------
# sections


def _table(
    rows: list[list],
    widths: list[float],
    header: bool = True,
    extra: list | None = None,
    font: str | None = None,
) -> Table:
    """A ruled table; plain-string cells (cheaper than paragraphs for short values) print in `font`."""
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font or "Helvetica"),
        ("FONTSIZE", (0, 0), (-1, -1), 7.2),
        ("LEADING", (0, 0), (-1, -1), 8.8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE_GREY),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ]
    t.setStyle(TableStyle(style + (extra or [])))
    return t


def _who(data: DailySummaryData, ctx: _Ctx) -> str:
    p = data.patient
    return f"{p.name} · {ctx.L('mrn')} {p.mrn} · {ctx.L('bed')} {p.bed}"


def _when(data: DailySummaryData, ctx: _Ctx) -> str:
    return f"{day_label(data.day, ctx.lang)} · {data.on.isoformat()}"


def _title_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    p = data.patient
    start = data.start.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    end = data.end.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    title = ctx.p(f"{escape(ctx.L('title'))} · {escape(day_label(data.day, ctx.lang))}", "h1")
    right = ctx.p(
        f"{escape(data.hospital)}<br/>{escape(ctx.L('protocol'))}: {escape(data.protocol)}", "small"
    )
    top = Table([[title, right]], colWidths=[width * 0.7, width * 0.3])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    age = f"{p.age_years:.0f} {ctx.L('years')}" if p.age_years is not None else ctx.L("no_data")
    weight = f"{fmt_num(p.weight_kg)} kg" if p.weight_kg is not None else ctx.L("no_data")
    product = p.product + f" ({p.target}" + (f", {p.costim}" if p.costim else "") + ")"
    inf = p.infusion_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    base = []
    if p.baseline_ice is not None:
        base.append(f"ICE {p.baseline_ice}/10")
    if p.baseline_capd is not None:
        base.append(f"CAPD {p.baseline_capd}/32")

    def kv(k: str, v: str) -> Paragraph:
        return ctx.p(f"<font color='#555555'>{escape(k)}</font> {escape(v)}", "cell")

    rows = [
        [
            ctx.p(f"{escape(p.name)}", "big"),
            kv(ctx.L("mrn"), p.mrn),
            kv(ctx.L("bed"), f"{p.bed} · {p.ward}"),
            kv(ctx.L("date"), data.on.isoformat()),
        ],
        [
            kv(ctx.L("age"), f"{age} · {term(p.sex, ctx.lang)}"),
            kv(ctx.L("weight"), weight),
            kv(ctx.L("diagnosis"), p.diagnosis),
            kv(ctx.L("product"), product),
        ],
        [
            kv(ctx.L("infusion"), inf),
            kv(ctx.L("baseline"), " · ".join(base) or ctx.L("not_assessed")),
            kv(ctx.L("period"), f"{start} – {end}" + _in_progress(data, ctx)),
            "",
        ],
    ]
    t = Table(rows, colWidths=[width * 0.27, width * 0.2, width * 0.28, width * 0.25])
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (2, 2), (3, 2)),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return [top, Spacer(1, 2), t]


def _in_progress(data: DailySummaryData, ctx: _Ctx) -> str:
    if data.as_of is None:
        return ""
    return " · " + ctx.L("in_progress", t=data.as_of.astimezone(ctx.tz).strftime("%m-%d %H:%M"))


def _grade_cell(name_key: str, g: GradeMax, ctx: _Ctx, width: float, extra: str = "") -> Table:
    badge = badge_drawing(g.grade, 30, ctx.fonts.bold)
    lines = [f"<b>{escape(ctx.L(name_key))}</b>"]
    if g.grade is None:
        lines.append(escape(ctx.L("max_grade")) + ": " + _na(ctx, "not_assessed"))
    else:
        lines.append(
            f"{escape(ctx.L('max_grade'))}: <b>{g.grade}</b> · " + escape(ctx.L("reached_at", t=ctx.t(g.at)))
        )
        for drv in g.drivers:
            lines.append("• " + escape(_describe(drv, ctx.lang)))
    if extra:
        lines.append(extra)
    t = Table([[badge, ctx.p("<br/>".join(lines), "cell")]], colWidths=[34, width - 34])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return t


def _grades_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    half = width / 2
    crs = _grade_cell("crs", data.crs, ctx, half - 4)
    icans_extra = ""
    t = Table([[crs, _grade_cell("icans", data.icans, ctx, half - 4, icans_extra)]], colWidths=[half, half])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE_GREY),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [ctx.p(escape(ctx.L("max_grades")), "h2"), t]


def _charts_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    if data.charts is None:
        return []
    cw, ch = (width - 6) / 2, (92.0 if ctx.compact < 2 else 74.0)
    font = ctx.fonts.regular
    drawings = [panel_drawing(p, cw, ch, font, ctx.lang) for p in data.charts.panels]
    drawings.append(
        strips_drawing(data.charts.strips, data.charts.x_range, "chart_grades", cw, ch, font, ctx.lang)
    )
    while len(drawings) % 2:
        drawings.append(Spacer(cw, ch))
    rows = [drawings[i : i + 2] for i in range(0, len(drawings), 2)]
    t = Table(rows, colWidths=[cw + 3, cw + 3])
    t.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [
        ctx.p(
            escape(ctx.L("charts")) + f" · <font size=6 color='#555555'>{escape(ctx.L('legend_badges'))}"
            "</font>",
            "h2",
        ),
        t,
    ]


def _tv(ctx: _Ctx, v: TimedValue | None, u: str, decimals: int | None = None) -> str:
    if v is None:
        return _na(ctx)
    return f"<b>{fmt_num(v.value, decimals)}</b> {escape(u)} · {ctx.t(v.at)}"


def _vitals_block(data: DailySummaryData, ctx: _Ctx, width: float) -> Table:
    v = data.vitals
    rows = []
    tmax = _tv(ctx, v.tmax, "°C", 1)
    if v.tmax is not None:
        tmax += f" · {escape(ctx.L('fever_count'))}: {v.fever_readings}/{v.readings}"
    rows.append([ctx.L("tmax"), tmax])
    rows.append(
        [
            ctx.L("lowest_sbp"),
            _tv(ctx, v.lowest_sbp, "mmHg", 0)
            + (
                f" · {escape(ctx.L('hypotension_confirmed'))} ×{v.hypotension_confirmed}"
                if v.hypotension_confirmed
                else ""
            ),
        ]
    )
    mp = _tv(ctx, v.lowest_map, "mmHg", 0)
    if v.lowest_map is not None and v.map_calculated:
        mp += f" ({escape(ctx.L('map_calc'))})"
    rows.append([ctx.L("lowest_map"), mp])
    if v.highest_ne is not None:
        ne = _tv(ctx, v.highest_ne, "µg/min", 1)
        if v.vasopressor_drugs:
            ne += " · " + escape(", ".join(term(d, ctx.lang) for d in v.vasopressor_drugs))
        if v.high_dose:
            ne += f" · <b>{escape(ctx.L('high_dose'))}</b>"
    elif v.ne_not_convertible:
        ne = escape(", ".join(term(d, ctx.lang) for d in v.vasopressor_drugs)) + " · NE-eq ?"
    else:
        ne = escape(ctx.L("none_recorded"))
    rows.append([ctx.L("highest_ne"), ne])
    o = v.highest_oxygen
    if o is None:
        ox = _na(ctx)
    else:
        dev = term(o.device, ctx.lang)
        ox = f"<b>{escape(dev)}</b>" + (f" {fmt_num(o.flow_l_min)} L/min" if o.flow_l_min is not None else "")
        ox += f" · {ctx.t(o.at)}"
        if o.for_comfort:
            ox += f" ({escape(ctx.L('for_comfort'))})"
    rows.append([ctx.L("highest_o2"), ox])
    rows.append([ctx.L("lowest_spo2"), _tv(ctx, v.lowest_spo2, "%", 0)])
    body = [[ctx.s(k), ctx.p(val, "cell")] for k, val in rows]
    return _table(body, [width * 0.36, width * 0.64], header=False, font=ctx.fonts.regular)


def _enceph_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if not data.encephalopathy:
        out.append(ctx.p(escape(ctx.L("enceph")) + ": " + _na(ctx, "not_assessed"), "cell"))
    else:
        rows = [[ctx.p(escape(ctx.L(k)), "cellb") for k in ("time", "tool", "score", "change_baseline")]]
        for e in data.encephalopathy:
            if e.score is None:
                key = {"aphasia": "unable_aphasia", "unarousable": "unable_unarousable"}.get(
                    e.unable or "", "unable"
                )
                score = escape(ctx.L(key))
            else:
                score = f"<b>{e.score}</b>/{e.max_score}"
            if e.is_baseline:
                change = escape(ctx.L("baseline"))
            elif e.change_from_baseline is None:
                change = _na(ctx)
            elif e.change_from_baseline == 0:
                change = "±0 · " + escape(ctx.L("at_baseline"))
            else:
                change = f"{e.change_from_baseline:+d} ({ctx.L('baseline')} {e.baseline})"
            rows.append(
                [
                    ctx.s(ctx.t(e.at)),
                    ctx.s(e.tool.value),
                    ctx.p(score, "cell"),
                    ctx.p(change, "cell"),
                ]
            )
        out.append(
            _table(rows, [width * 0.2, width * 0.14, width * 0.3, width * 0.36], font=ctx.fonts.regular)
        )
    if data.neuro:
        lines = []
        for n in data.neuro:
            words = ", ".join(term(f, ctx.lang) for f in n.findings) or "—"
            lines.append(f"{ctx.t(n.at)} {escape(words)}")
        out.append(ctx.p(f"<b>{escape(ctx.L('neuro'))}</b>: " + "; ".join(lines), "small"))
    return out


def _arrow(trend: str | None) -> str:
    return {"up": "↑", "down": "↓", "steady": "→"}.get(trend or "", "")


def _labs_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    head = ctx.p(escape(ctx.L("labs")), "h2")
    if not data.labs:
        return [head, ctx.p(_na(ctx), "cell")]
    cols = ["analyte", "value", "unit", "time", "previous", "trend", "flag"]
    w = [0.2, 0.11, 0.12, 0.1, 0.18, 0.06, 0.23]
    rows = [[ctx.p(escape(ctx.L(k)), "cellb") for k in cols]]
    style_extra = []
    for i, r in enumerate(data.labs, start=1):
        rows.append(_lab_row(r, ctx))
        if r.flags:  # shaded, and the flag is spelled out: readable in black and white
            style_extra.append(("BACKGROUND", (0, i), (-1, i), FLAG_FILL))
    return [head, _table(rows, [width * x for x in w], extra=style_extra, font=ctx.fonts.regular)]


def _lab_row(r: LabRow, ctx: _Ctx) -> list:
    prev = f"{fmt_num(r.previous)} · {ctx.t(r.previous_at)}" if r.previous is not None else "—"
    value = fmt_num(r.value) + (f" (n={r.results_today})" if r.results_today > 1 else "")
    flags = "; ".join(
        f"<b>{escape(term(k, ctx.lang))}</b> <font size=6>({escape(s)})</font>" for k, s in r.flags
    )
    return [
        ctx.p(escape(term(r.analyte, ctx.lang)), "cell"),
        ctx.s(value),
        ctx.s(unit(r.unit)),
        ctx.s(ctx.t(r.at)),
        ctx.s(prev),
        ctx.s(_arrow(r.trend)),
        ctx.p(flags, "cell") if flags else "",
    ]


def _med_note(m: MedicationRow, ctx: _Ctx) -> str:
    parts = []
    if m.dose_number is not None and m.dose_limit is not None:
        parts.append("<b>" + escape(ctx.L("toci_n_of", n=m.dose_number, m=m.dose_limit)) + "</b>")
    if m.steroid_day is not None:
        parts.append(escape(ctx.L("steroid_day", n=m.steroid_day)))
    if m.taper_step is not None:
        steps = ("1 g/d", "250 mg q12h", "125 mg q12h", "60 mg q12h")
        parts.append(f"MP {m.taper_step}/4: {steps[m.taper_step - 1]} (CSCO-2024)")
    return " · ".join(parts)


def _med_name(m: MedicationRow, ctx: _Ctx) -> str:
    name = term(m.kind, ctx.lang) if m.kind.value != "other" else m.drug_name
    if m.drug_name and m.drug_name.lower() != m.kind.value and m.kind.value != "other":
        name += f" ({m.drug_name})"
    return name


def _meds_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    head = ctx.p(escape(ctx.L("meds")), "h2")
    if not data.medications and not data.interventions:
        return [head, ctx.p(escape(ctx.L("none_recorded")), "cell")]
    if ctx.compact >= 3:  # a crowded day: every administration still printed, as one paragraph
        items = [
            f"{ctx.t(m.at)} <b>{escape(_med_name(m, ctx))}</b> {fmt_num(m.dose)} {escape(m.unit)} "
            f"{escape(m.route)}" + (f" ({_med_note(m, ctx)})" if _med_note(m, ctx) else "")
            for m in data.medications
        ]
        items += [
            f"{ctx.t(iv.at)} <b>{escape(term(iv.kind, ctx.lang))}</b> {escape(iv.note)}"
            for iv in data.interventions
        ]
        return [head, ctx.p("; ".join(items), "small")]
    rows = [[ctx.p(escape(ctx.L(k)), "cellb") for k in ("time", "drug", "dose", "route", "note")]]
    for m in data.medications:
        name = _med_name(m, ctx)
        rows.append(
            [
                ctx.s(ctx.t(m.at)),
                ctx.p(escape(name), "cell"),
                ctx.s(f"{fmt_num(m.dose)} {m.unit}"),
                ctx.s(m.route),
                ctx.p(_med_note(m, ctx), "cell"),
            ]
        )
    for iv in data.interventions:
        rows.append(
            [
                ctx.s(ctx.t(iv.at)),
                ctx.p(escape(term(iv.kind, ctx.lang)), "cell"),
                "",
                "",
                ctx.p(escape(iv.note), "cell"),
            ]
        )
    return [head, _table(rows, [width * x for x in (0.1, 0.3, 0.13, 0.1, 0.37)], font=ctx.fonts.regular)]


# Recommendation groups in print order; routine monitoring / prophylaxis and notes go in a compact paragraph.
TREATMENT_GROUPS = ("crs", "icans", "hlh_mas", "iechs", "carac", "refractory", "icaht", "hematotox")
SEVERITY_MARK = {"urgent": "!!", "warning": "!", "info": "i"}


def _alerts_block(data: DailySummaryData, ctx: _Ctx, width: float) -> list[Flowable]:
    head = ctx.p(escape(ctx.L("alerts")), "h2")
    out: list[Flowable] = [head]
    plan = data.plan
    if plan is None:
        out.append(ctx.p(f"<b>{escape(ctx.L('engine_pending'))}</b>", "small"))
        lines = [("CRS", d) for d in data.crs.drivers] + [("ICANS", d) for d in data.icans.drivers]
        if not lines:
            out.append(ctx.p(escape(ctx.L("none_recorded")), "cell"))
        for name, drv in lines:
            out.append(ctx.p(f"• {name}: {escape(_describe(drv, ctx.lang))}", "cell"))
        return out
    return out + _plan_flowables(plan, ctx, width)


def _plan_flowables(plan: ManagementPlan, ctx: _Ctx, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    when = plan.generated_at.astimezone(ctx.tz).strftime("%m-%d %H:%M")
    out.append(ctx.p(escape(ctx.L("plan_at", at=when, grades=_grades_text(plan))), "muted"))
    if not plan.alerts:
        out.append(ctx.p(escape(ctx.L("no_alerts")), "cell"))
    order = {"urgent": 0, "warning": 1, "info": 2}
    for a in sorted(plan.alerts, key=lambda a: order.get(a.severity.value, 3)):
        mark = SEVERITY_MARK.get(a.severity.value, "!")
        out.append(ctx.p(f"<b>[{mark}]</b> {escape(_describe(a, ctx.lang))}", "cell"))
    if plan.tocilizumab is not None:
        out.append(
            ctx.p(
                f"<b>{escape(ctx.L('toci_next'))}</b>: {escape(_describe(plan.tocilizumab, ctx.lang))}",
                "cell",
            )
        )
    treat = [
        r
        for r in plan.recommendations
        if r.applies_to in TREATMENT_GROUPS
        and r.kind is not Kind.NOTE
        and r.status is not Status.NOT_ASSESSABLE
    ]
    treat.sort(key=lambda r: (TREATMENT_GROUPS.index(r.applies_to), r.status is Status.CONDITIONAL))
    if treat and ctx.compact >= 2:
        sep = "；" if ctx.lang == "zh_CN" else "; "
        out.append(
            ctx.p(
                f"<b>{escape(ctx.L('recommendations'))}</b>: "
                + sep.join(
                    ("[?] " if r.status is Status.CONDITIONAL else "[ ] ") + escape(_describe(r, ctx.lang))
                    for r in treat
                ),
                "small",
            )
        )
    elif treat:
        out.append(ctx.p(f"<b>{escape(ctx.L('recommendations'))}</b>", "cell"))
        cells = [
            ctx.p(
                ("[?] " if r.status is Status.CONDITIONAL else "[ ] ") + escape(_describe(r, ctx.lang)),
                "small",
            )
            for r in treat
        ]
        rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
        t = Table(rows, colWidths=[width / 2, width / 2], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 1),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ]
            )
        )
        out.append(t)
    routine = [r for r in plan.recommendations if r not in treat and r.status is not Status.NOT_ASSESSABLE]
    if routine and ctx.compact:  # two pages at most: the routine list is in the app
        out.append(
            ctx.p(escape(ctx.L("routine_compact", n=len(routine), m=len(plan.not_assessable))), "muted")
        )
        return out
    if routine:
        sep = "；" if ctx.lang == "zh_CN" else "; "
        out.append(
            ctx.p(
                f"<b>{escape(ctx.L('routine'))}</b>: "
                + sep.join(escape(_describe(r, ctx.lang)) for r in routine),
                "muted",
            )
        )
    present = [f for f in plan.flags if f.status.value == "present"]
    if present:
        sep = "；" if ctx.lang == "zh_CN" else "; "
        out.append(
            ctx.p(
                f"<b>{escape(ctx.L('risk_flags'))}</b>: "
                + sep.join(escape(_describe(f, ctx.lang)) for f in present),
                "small",
            )
        )
    if plan.not_assessable:
        sep = "；" if ctx.lang == "zh_CN" else "; "
        out.append(
            ctx.p(
                f"<b>{escape(ctx.L('not_assessable'))}</b>: "
                + sep.join(escape(_describe(n, ctx.lang)) for n in plan.not_assessable),
                "muted",
            )
        )
    return out


def _grades_text(plan: ManagementPlan) -> str:
    def g(v: int | None) -> str:
        return "–" if v is None else str(v)

    text = f"CRS {g(plan.crs_grade)} / ICANS {g(plan.icans_grade)}"
    # the physician's IEC-HS grade in force (1-4: the engine ran its treatment lines for it)
    iechs = next((r.grade for r in plan.recommendations if r.applies_to == "iechs" and r.grade), None)
    return f"{text} / IEC-HS {iechs}" if iechs is not None else text


def _signatures(ctx: _Ctx, width: float) -> Table:
    line = "_" * 30
    date_line = "_" * 18
    rows = [
        [
            ctx.p(f"{escape(ctx.L('nurse_sig'))}: {line}", "cell"),
            ctx.p(f"{escape(ctx.L('sign_date'))}: {date_line}", "cell"),
            ctx.p(f"{escape(ctx.L('physician_sig'))}: {line}", "cell"),
            ctx.p(f"{escape(ctx.L('sign_date'))}: {date_line}", "cell"),
        ]
    ]
    t = Table(rows, colWidths=[width * 0.3, width * 0.2, width * 0.3, width * 0.2])
    t.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        )
    )
    return t


def _patient_story(
    data: DailySummaryData, ctx: _Ctx, width: float, starts: dict[int, int] | None = None, key: int = 0
) -> list[Flowable]:
    ctx.on_date, ctx.window = data.on, (data.start, data.end)  # the flowables are built now, drawn later
    story: list[Flowable] = [_Section({"who": _who(data, ctx), "when": _when(data, ctx)}, starts, key)]
    story += _title_block(data, ctx, width)
    if not data.has_data:
        story.append(Spacer(1, 6))
        box = Table([[ctx.p(f"<b>{escape(ctx.L('no_data_day'))}</b>", "big")]], colWidths=[width])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        story.append(box)
    story += _grades_block(data, ctx, width)
    story += _charts_block(data, ctx, width)
    half = width / 2 - 4
    left = [ctx.p(escape(ctx.L("vitals")), "h2"), _vitals_block(data, ctx, half)]
    right = [ctx.p(escape(ctx.L("enceph")), "h2"), *_enceph_block(data, ctx, half)]
    two = Table([[left, right]], colWidths=[width / 2, width / 2])
    two.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(two)
    story += _labs_block(data, ctx, width)
    story += _meds_block(data, ctx, width)
    story += _alerts_block(data, ctx, width)
    story.append(Spacer(1, 4))
    story.append(CondPageBreak(40))
    story.append(KeepTogether([ctx.p(escape(ctx.L("signatures")), "h2"), _signatures(ctx, width)]))
    return story


# ------------------------------------------------------------------------------------------------------
# public API


def _all_text(summaries: Sequence[DailySummaryData]) -> str:
    return " ".join(
        f"{s.patient.name} {s.hospital} {s.generated_by} {s.patient.ward} {s.patient.product}"
        for s in summaries
    )


def _context(lang: str, summaries: Sequence[DailySummaryData], extra_text: str = "") -> _Ctx:
    check_lang(lang)
    fonts = fonts_for(lang, has_cjk(_all_text(summaries) + extra_text))
    first = summaries[0] if summaries else None
    tz = first.start.tzinfo if first else None
    return _Ctx(
        lang=lang,
        fonts=fonts,
        tz=tz or datetime.now().astimezone().tzinfo,  # type: ignore[arg-type]
        on_date=first.on if first else None,
        styles=_styles(fonts, lang),
    )


def _footer(ctx: _Ctx, generated_at: datetime | None, by: str, protocol: str) -> str:
    at = (generated_at or datetime.now(ctx.tz)).astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    return f"{ctx.L('generated', at=at, by=by or 'cartox_desk')} · {ctx.L('protocol')}: {protocol}"


MAX_PAGES_PER_PATIENT = 2
MAX_COMPACT = 3


def _build_fitted(
    make_doc: Callable[[io.BytesIO], BaseDocTemplate],
    make_story: Callable[[float, dict[int, int], dict[int, int]], list[Flowable]],
    ctx: _Ctx,
) -> bytes:
    """Build, count each patient's pages from the build itself, and rebuild with the over-long patients
    compacted one step (at most MAX_COMPACT times): a normal day costs one build, a crowded one more."""
    levels: dict[int, int] = {}
    while True:
        buf = io.BytesIO()
        doc = make_doc(buf)
        starts: dict[int, int] = {}
        doc.build(
            make_story(doc.width, levels, starts), canvasmaker=_numbered_canvas(ctx.lang, ctx.fonts.regular)
        )
        order = sorted(starts.items(), key=lambda kv: kv[1])
        ends = [page for _k, page in order[1:]] + [int(doc.page) + 1]
        over = [
            k
            for (k, page), end in zip(order, ends, strict=True)
            if k >= 0 and end - page > MAX_PAGES_PER_PATIENT and levels.get(k, 0) < MAX_COMPACT
        ]
        if not over:
            return buf.getvalue()
        for k in over:
            levels[k] = levels.get(k, 0) + 1


def render_daily_summary(data: DailySummaryData, lang: str = "en", page_size: str = "A4") -> bytes:
    """One patient-day as PDF bytes (one page, two at most)."""
    ctx = _context(lang, [data])
    title = f"{ctx.L('title')} {data.patient.mrn} {day_label(data.day, lang)}"
    info = {
        "footer": _footer(ctx, data.generated_at, data.generated_by, data.protocol),
        "by": data.generated_by,
    }

    def story(width: float, levels: dict[int, int], starts: dict[int, int]) -> list[Flowable]:
        ctx.compact = levels.get(0, 0)
        return _patient_story(data, ctx, width, starts, 0)

    return _build_fitted(lambda buf: _doc(buf, page_size, title, ctx, info), story, ctx)


@dataclass(frozen=True, slots=True)
class WardCoverRow:
    bed: str
    patient: str
    mrn: str
    day: int
    crs_max: int | None
    icans_max: int | None
    alerts: tuple[str, ...] = ()


def cover_row_for(data: DailySummaryData, lang: str = "en") -> WardCoverRow:
    """The census line of one summary: alerts from the plan, else the day's lab flags."""
    alerts: list[str] = []
    plan = data.plan
    if plan is not None:  # the engine's urgent and warning alerts, most severe first
        order = {"urgent": 0, "warning": 1}
        ranked = sorted(
            (a for a in plan.alerts if a.severity.value in order), key=lambda a: order[a.severity.value]
        )
        alerts = [f"[{SEVERITY_MARK[a.severity.value]}] {_describe(a, lang)}" for a in ranked]
    else:  # no engine: at least the day's lab flags
        for r in data.labs:
            for k, _s in r.flags:
                alerts.append(f"{term(r.analyte, lang)} {fmt_num(r.value)}: {term(k, lang)}")
    return WardCoverRow(
        bed=data.patient.bed,
        patient=data.patient.name,
        mrn=data.patient.mrn,
        day=data.day,
        crs_max=data.crs.grade,
        icans_max=data.icans.grade,
        alerts=tuple(alerts),
    )


COVER_ALERT_CHARS = 110


def _cover_alerts(alerts: Sequence[str], ctx: _Ctx, plan_connected: bool) -> str:
    """The count and the most severe alerts, shortened: the full sentences are on the patient's pages."""
    if not alerts:
        return escape(ctx.L("none" if plan_connected else "alerts_pending"))
    shown = []
    for a in alerts[:2]:
        shown.append(a if len(a) <= COVER_ALERT_CHARS else a[: COVER_ALERT_CHARS - 1].rstrip() + "…")
    more = len(alerts) - len(shown)
    text = "<br/>".join(escape(a) for a in shown)
    if more > 0:
        text += "<br/>" + escape(ctx.L("more_alerts", n=more))
    return f"<b>{len(alerts)}</b> · " + text


def render_ward_report(
    summaries: Sequence[DailySummaryData],
    cover_rows: Sequence[WardCoverRow] | None = None,
    *,
    lang: str = "en",
    page_size: str = "A4",
    ward: str = "",
    hospital: str = "",
    report_date: object | None = None,
    generated_at: datetime | None = None,
    generated_by: str = "",
    protocol: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Every admitted patient's summary in one PDF, in the given (bed) order, after a cover table.

    `progress(done, total)` is called as each patient's pages are laid out (for a GUI progress bar; it
    runs on the calling thread; it starts again from 1 if a crowded patient needs a second layout pass)."""
    extra = f"{ward} {hospital} {generated_by}" + " ".join(r.patient for r in cover_rows or ())
    ctx = _context(lang, summaries, extra)
    rows = list(cover_rows) if cover_rows is not None else [cover_row_for(s, lang) for s in summaries]
    plan_connected = any(s.plan is not None for s in summaries)
    protocol = protocol or (summaries[0].protocol if summaries else "CSCO-2024")
    on = report_date or (summaries[0].on if summaries else (generated_at or datetime.now()).date())
    title = f"{ctx.L('ward_title')} {ward} {on}"
    info = {
        "footer": _footer(
            ctx, generated_at or (summaries[0].generated_at if summaries else None), generated_by, protocol
        ),
        "title": f"{ctx.L('ward_title')} · {ward}",
        "when": str(on),
        "by": generated_by,
    }

    def make_story(width: float, levels: dict[int, int], starts: dict[int, int]) -> list[Flowable]:
        story: list[Flowable] = [
            _Section({"who": f"{ctx.L('ward_title')} · {ward}", "when": str(on)}, starts, -1),
            ctx.p(f"{escape(ctx.L('ward_title'))} · {escape(ward)} · {on}", "h1"),
            ctx.p(
                f"{escape(hospital)} · {escape(ctx.L('protocol'))}: {escape(protocol)} · "
                f"{escape(ctx.L('patients_n', n=len(rows)))}",
                "small",
            ),
            Spacer(1, 6),
            ctx.p(escape(ctx.L("cover")), "h2"),
        ]
        if not rows:
            story.append(ctx.p(escape(ctx.L("no_patients")), "big"))
        else:
            head = [
                ctx.p(escape(x), "cellb")
                for x in (
                    ctx.L("bed"),
                    ctx.L("patient"),
                    ctx.L("mrn"),
                    ctx.L("day"),
                    "CRS",
                    "ICANS",
                    ctx.L("alerts_n"),
                )
            ]
            body = [head]
            for r in rows:
                body.append(
                    [
                        ctx.p(escape(r.bed), "cellb"),
                        ctx.p(escape(r.patient), "cell"),
                        ctx.p(escape(r.mrn), "cell"),
                        ctx.p(f"D{r.day:+d}" if r.day else "D0", "cell"),
                        badge_drawing(r.crs_max, 14, ctx.fonts.bold),
                        badge_drawing(r.icans_max, 14, ctx.fonts.bold),
                        ctx.p(_cover_alerts(r.alerts, ctx, plan_connected), "small"),
                    ]
                )
            story.append(
                _table(
                    body,
                    [width * x for x in (0.07, 0.17, 0.12, 0.07, 0.07, 0.08, 0.42)],
                    extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE")],
                )
            )
            story.append(Spacer(1, 4))
            story.append(ctx.p(escape(ctx.L("legend_badges")), "muted"))
        for i, s in enumerate(summaries):
            story.append(PageBreak())
            ctx.compact = levels.get(i, 0)
            story += _patient_story(s, ctx, width, starts, i)
            if progress is not None:
                story.append(_Progress(progress, i + 1, len(summaries)))
        return story

    return _build_fitted(lambda buf: _doc(buf, page_size, title, ctx, info), make_story, ctx)
