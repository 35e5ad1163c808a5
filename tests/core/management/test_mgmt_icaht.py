"""ICAHT from constructed ANC series (EHA-EBMT-2023 as restated in clinical-rules §8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from mgmt_helpers import INFUSION, alert, plan

from cartox_desk.core.management import Analyte, LabValue, Severity
from cartox_desk.core.management.icaht import early, early_grade, late, runs

HIGH = 2.0


def series(low: dict[int, float], last_day: int = 30, skip: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """Daily ANC days 0..last_day: `low` overrides, others HIGH; `skip` days have no value."""
    return [(d, low.get(d, HIGH)) for d in range(last_day + 1) if d not in skip]


def below(days, value=0.3):
    return dict.fromkeys(days, value)


@pytest.mark.parametrize(("d500", "d100", "grade"), [
    (0, 0, 0), (1, 0, 1), (6, 0, 1), (7, 0, 2), (13, 6, 2), (14, 0, 3), (13, 7, 3), (30, 13, 3),
    (31, 0, 4), (20, 14, 4),
])
def test_grade_table(d500, d100, grade):
    assert early_grade(d500, d100) == grade


def test_six_days_is_grade1_seven_is_grade2():
    assert early(series(below(range(0, 6)))).grade == 1
    r = early(series(below(range(0, 7))))
    assert (r.grade, r.days_le_500) == (2, 7)


def test_exactly_500_counts_as_neutropenic():
    assert early(series(below(range(3, 10), 0.5))).days_le_500 == 7


def test_short_recovery_joins_runs():
    # below days 0-4, above days 5-6 (2 days), below days 7-10: one run of 11 days
    r = early(series(below(list(range(0, 5)) + list(range(7, 11)))))
    assert (r.days_le_500, r.grade) == (11, 2)


def test_three_day_recovery_splits_runs():
    # below days 0-4, above days 5-7 (3 days), below days 8-12: two runs of 5 days
    r = early(series(below(list(range(0, 5)) + list(range(8, 13)))))
    assert (r.days_le_500, r.grade) == (5, 1)
    assert runs(dict(series(below(list(range(0, 5)) + list(range(8, 13))))), 0.5) == [(0, 4), (8, 12)]


def test_missing_days_inside_a_run_do_not_break_it():
    pts = [(0, 0.2), (3, 0.2), (6, 0.2), (9, 1.5), (12, 1.6)]
    r = early(pts)
    assert r.days_le_500 == 7 and r.grade == 2


def test_sparse_values_above_do_not_split_a_run():
    # below 0-2, above on day 3 and day 6 only (days 4-5 without values), below again day 7: one run
    pts = [(0, 0.3), (1, 0.3), (2, 0.3), (3, 1.0), (6, 1.1), (7, 0.3), (20, 1.0), (31, 1.0)]
    assert runs(dict(pts), 0.5) == [(0, 7)]
    assert early(pts).days_le_500 == 8
    # three consecutive days with values above do split it
    full = [(0, 0.3), (1, 0.3), (2, 0.3), (3, 1.0), (4, 1.0), (5, 1.1), (7, 0.3), (31, 1.0)]
    assert runs(dict(full), 0.5) == [(0, 2), (7, 7)]


def test_profound_neutropenia():
    r = early(series({**below(range(0, 10), 0.3), **below(range(1, 8), 0.05)}))
    assert (r.days_le_500, r.days_le_100, r.grade) == (10, 7, 3)
    r4 = early(series(below(range(0, 14), 0.05)))
    assert (r4.days_le_100, r4.grade) == (14, 4)


def test_grade4_run_longer_than_30_days():
    r = early(series(below(range(0, 32)), last_day=40))
    assert (r.days_le_500, r.grade) == (32, 4)


def test_short_recovery_joins_100_run_separately():
    # <= 0.1 days 0-3, 0.3 days 4-5 (above 0.1 only 2 days), <= 0.1 days 6-8: the 0.1 run joins (9 days)
    low = {**below(range(0, 4), 0.05), **below(range(4, 6), 0.3), **below(range(6, 9), 0.05)}
    r = early(series(low))
    assert (r.days_le_100, r.days_le_500, r.grade) == (9, 9, 3)


def test_ongoing_run_is_provisional_and_missing_data_not_assessable():
    r = early([(0, 1.0), (3, 0.3), (5, 0.3)])
    assert r.grade == 1 and r.provisional
    none = early([(-3, 0.2), (35, 0.2)])
    assert none.grade is None


def test_late_icaht_needs_two_values():
    assert late([(31, 1.2), (35, 1.4)]).grade == 1
    assert late([(31, 0.9), (35, 0.8)]).grade == 2
    assert late([(31, 0.4), (35, 0.8)]).grade == 2  # only one value <= 0.5
    assert late([(31, 0.4), (35, 0.5), (40, 0.08)]).grade == 3
    assert late([(31, 0.05), (35, 0.1)]).grade == 4
    assert late([(31, 2.0), (35, 1.6)]).grade == 0
    assert late([(10, 0.1)]) is None


def test_icaht_in_the_plan():
    labs = tuple(LabValue(Analyte.ANC, INFUSION + timedelta(days=d, hours=2), 0.05) for d in range(0, 2))
    p = plan(crs_grade=0, labs=labs)
    early_result = next(r for r in p.icaht if r.kind == "early")
    assert early_result.grade == 1 and early_result.provisional
    assert alert(p, "icaht.early.grade").severity == Severity.INFO
    # G-CSF for ANC < 0.5 with the per-kg arithmetic (70 kg x 5 ug/kg)
    gcsf = next(w for w in p.weight_based_doses if w.code == "icaht.gcsf_therapeutic")
    assert (gcsf.amount_min, gcsf.amount_unit) == (350, "ug")


def test_anc_missing_is_not_assessable():
    p = plan(crs_grade=0)
    assert any(n.code == "icaht.early" for n in p.not_assessable)
    assert any(n.code == "icaht.gcsf_therapeutic" for n in p.not_assessable)


def test_no_infusion_time_is_not_assessable():
    p = plan(crs_grade=0, infusion_at=None, labs=(LabValue(Analyte.ANC, INFUSION, 0.1),))
    assert not p.icaht
    assert any(n.code == "icaht.early" and n.missing == ("infusion_at",) for n in p.not_assessable)
