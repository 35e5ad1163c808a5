"""The engine's input built from a timeline, and the thinning that keeps minute data printable."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

from report_factories import REPORT_DAY, at, meta, rich_timeline

from cartox_desk.core.management import Analyte as MAnalyte
from cartox_desk.core.management import Medication
from cartox_desk.core.records import VitalSigns
from cartox_desk.reporting import build_daily_summary_data
from cartox_desk.reporting.plan import _temperatures, management_context, plan_at
from cartox_desk.reporting.series import thin_xy


def test_management_context_from_the_timeline() -> None:
    tl = rich_timeline()
    ctx = management_context(tl, at(3, 8))
    assert ctx.crs_grade == 3 and ctx.icans_grade == 1
    assert ctx.weight_kg == 72.0 and ctx.diagnosis is not None and ctx.diagnosis.value == "LBCL"
    assert ctx.crs_hypotension is True and ctx.crs_hypoxia is False
    assert [a.kind for a in ctx.administrations].count(Medication.TOCILIZUMAB) == 2
    assert ctx.latest(MAnalyte.IL6).value == 850.0
    assert ctx.tz is tl.tz  # the ward time zone decides day +N
    # the history as change points still answers "which grade at that time"
    assert [(g.crs, g.icans) for g in ctx.grade_history][-3:] == [(2, None), (3, 1), (3, 1)]  # + the latest
    # nothing after `now`
    early = management_context(tl, at(2, 12))
    assert early.crs_grade == 1 and all(t.at <= at(2, 12) for t in early.temperatures)


def test_plan_at_the_end_of_the_day_is_on_the_page() -> None:
    tl = rich_timeline()
    data = build_daily_summary_data(tl, REPORT_DAY, charts=False)
    assert data.plan is not None
    assert data.plan.generated_at == min(data.end, tl.generated_at)
    assert {a.code for a in data.plan.alerts} == {a.code for a in plan_at(tl, tl.generated_at).alerts}


def test_fever_readings_keep_their_run_boundaries_and_maxima() -> None:
    start = at(2, 8)
    vitals = []
    for m in range(0, 6 * 60):
        t = 38.4 if 60 <= m < 200 else 37.0
        if m == 123:
            t = 40.2
        vitals.append(VitalSigns(meta=meta(start + timedelta(minutes=m)), temperature_c=t))
    temps = _temperatures(vitals)
    assert len(temps) < len(vitals) / 5
    fever = [x for x in temps if x.celsius >= 38.0]
    assert fever[0].at == start + timedelta(minutes=60) and fever[-1].at == start + timedelta(minutes=199)
    assert max(x.celsius for x in temps) == 40.2
    assert [x.at for x in temps] == sorted(x.at for x in temps)


def test_thin_xy_keeps_gaps() -> None:
    xs = [i / 1440 for i in range(5000)]
    ys = [37.0] * 5000
    ys[2500] = float("nan")
    ys[100] = 39.9
    out = thin_xy(xs, ys, 100)
    assert len(out) <= 110
    assert any(math.isnan(y) for _x, y in out) and max(y for _x, y in out if not math.isnan(y)) == 39.9


def test_minute_vitals_are_thinned_in_the_charts_but_not_in_the_summary() -> None:
    tl = rich_timeline()
    base = at(2, 8)
    minute = tuple(
        VitalSigns(
            meta=meta(base + timedelta(minutes=m)),
            temperature_c=37.0 + (m == 700) * 3.1,
            systolic_bp_mmhg=120 - (m == 900) * 40,
        )
        for m in range(24 * 60)
    )
    tl = replace(tl, vitals=minute)
    data = build_daily_summary_data(tl, REPORT_DAY)
    assert (
        data.vitals.readings == 1440 and data.vitals.tmax.value == 40.1 and data.vitals.lowest_sbp.value == 80
    )
    temp = data.charts.panels[0].lines[0].points
    assert len(temp) <= 300 and max(y for _x, y in temp) == 40.1


def test_the_physicians_iechs_grade_in_force_reaches_the_engine_and_the_page() -> None:
    from report_pdftext import text

    from cartox_desk.core.records import IechsGrade
    from cartox_desk.reporting import render_daily_summary

    tl = rich_timeline()
    assert management_context(tl, at(3, 8)).iechs_grade is None
    assert not any(r.applies_to == "iechs" for r in plan_at(tl, at(3, 8)).recommendations)
    graded = replace(tl, iechs_grades=(IechsGrade(meta(at(1, 9)), 2), IechsGrade(meta(at(3, 20)), 0)))
    assert management_context(graded, at(1, 8)).iechs_grade is None  # before it was recorded
    assert management_context(graded, at(3, 8)).iechs_grade == 2  # two days on: still in force
    assert management_context(graded, at(3, 21)).iechs_grade == 0  # resolved
    lines = [r for r in plan_at(graded, at(3, 8)).recommendations if r.applies_to == "iechs"]
    assert {"iechs.first_line", "iechs.second_line"} <= {r.code for r in lines}
    assert all(r.grade == 2 for r in lines)
    page = text(render_daily_summary(build_daily_summary_data(graded, REPORT_DAY, charts=False)))
    plain = text(render_daily_summary(build_daily_summary_data(tl, REPORT_DAY, charts=False)))
    assert "IEC-HS first line" in " ".join(page.split()) and "ICANS 1 / IEC-HS 2" in " ".join(page.split())
    assert "IEC-HS first line" not in " ".join(plain.split())
