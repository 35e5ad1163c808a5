"""Dated taper steps, per-kg doses and daily totals (clinical-rules §4, §5, §8)."""

from __future__ import annotations

from datetime import date

import pytest
from mgmt_helpers import csco

from cartox_desk.core.management import DoseSpec, taper_schedule
from cartox_desk.core.management.dosing import daily_range_mg, ivig_course, weight_based


def test_methylprednisolone_taper_dates():
    steps = taper_schedule(date(2026, 11, 22), csco().taper)
    assert [(s.start, s.end, s.dose_mg, s.interval_h, s.daily_mg) for s in steps] == [
        (date(2026, 11, 22), date(2026, 11, 24), 1000, 24, 1000),  # 1 g/day x 3 days
        (date(2026, 11, 25), date(2026, 11, 26), 250, 12, 500),  # 250 mg q12h x 2 days
        (date(2026, 11, 27), date(2026, 11, 28), 125, 12, 250),  # 125 mg q12h x 2 days
        (date(2026, 11, 29), date(2026, 11, 30), 60, 12, 120),  # 60 mg q12h x 2 days
    ]
    assert all(s.drug == "methylprednisolone" and s.source.startswith("CSCO-2024") for s in steps)


def test_taper_crosses_month_and_year_end():
    steps = taper_schedule(date(2026, 12, 29), csco().taper)
    assert steps[-1].end == date(2027, 1, 6)


def test_taper_start_from_context():
    from mgmt_helpers import plan
    p = plan(crs_grade=4, taper_start=date(2026, 11, 20))
    assert p.taper[0].start == date(2026, 11, 20) and p.taper[-1].end == date(2026, 11, 28)


@pytest.mark.parametrize(("spec", "expected"), [
    (DoseSpec("dexamethasone", 10, 10, "mg", interval="q6-8h"), (30, 40)),
    (DoseSpec("dexamethasone", 10, 20, "mg", interval="q6h"), (40, 80)),
    (DoseSpec("dexamethasone", 10, 10, "mg", interval="q6-12h"), (20, 40)),
    (DoseSpec("dexamethasone", 20, 20, "mg", interval="q6h"), (80, 80)),
    (DoseSpec("valacyclovir", 500, 500, "mg", interval="bid"), None),
])
def test_daily_ranges(spec, expected):
    assert daily_range_mg(spec) == expected


def test_weight_based_ivig_b_all():
    w = weight_based("hypogamma.b_all_ivig", DoseSpec("ivig", 400, 500, "mg/kg"), 20.0, "CSCO-2024 §3.6")
    assert (w.amount_min, w.amount_max, w.amount_unit) == (8000, 10000, "mg")
    missing = weight_based("x.y", DoseSpec("ivig", 400, 500, "mg/kg"), None, "s")
    assert missing.amount_min is None  # never a guessed amount
    assert weight_based("x.y", DoseSpec("ivig", 5, 5, "g"), 20.0, "s") is None  # not per kg


def test_ivig_course_three_days():
    days = ivig_course(date(2026, 11, 30), 3, "CSCO-2024 §4.6")
    assert [d.on for d in days] == [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)]
    assert [d.day for d in days] == [1, 2, 3]
