"""CAR-HEMATOTOX (CSCO-2024 §4.5.1) at every boundary; the spec's gaps are scored on the safer side."""

from __future__ import annotations

from datetime import timedelta

import pytest
from mgmt_helpers import INFUSION, alert, plan, rec

from cartox_desk.core.management import Analyte, LabValue, Status
from cartox_desk.core.management.hematotox import points, score

A = Analyte


@pytest.mark.parametrize(("analyte", "value", "pts"), [
    (A.PLATELETS, 175.1, 0), (A.PLATELETS, 175, 1), (A.PLATELETS, 75, 1), (A.PLATELETS, 74.9, 2),
    (A.ANC, 1.21, 0), (A.ANC, 1.2, 1), (A.ANC, 0.5, 1),  # exactly 1.2: gap in the spec -> 1 point
    (A.HEMOGLOBIN, 90.1, 0), (A.HEMOGLOBIN, 90, 1), (A.HEMOGLOBIN, 89, 1),  # exactly 90 -> 1
    (A.CRP, 29.9, 0), (A.CRP, 30, 1), (A.CRP, 31, 1),  # exactly 30 mg/L -> 1
    (A.FERRITIN, 649.9, 0), (A.FERRITIN, 650, 1), (A.FERRITIN, 2000, 1), (A.FERRITIN, 2000.1, 2),
])
def test_points_at_boundaries(analyte, value, pts):
    assert points(analyte, value) == pts


GOOD = {A.PLATELETS: 200.0, A.ANC: 3.0, A.HEMOGLOBIN: 120.0, A.CRP: 5.0, A.FERRITIN: 300.0}


def test_low_and_high_risk():
    assert score(GOOD).risk == "low" and score(GOOD).score == 0
    one = score({**GOOD, A.CRP: 30.0})
    assert (one.score, one.risk) == (1, "low")
    two = score({**GOOD, A.CRP: 30.0, A.ANC: 1.2})
    assert (two.score, two.risk) == (2, "high")


def test_missing_items_never_give_low_risk():
    partial = score({**GOOD, A.FERRITIN: None})
    assert partial.risk == "not_assessable" and partial.missing == ("ferritin",)
    already_high = score({A.PLATELETS: 50.0, A.ANC: None})
    assert already_high.risk == "high"  # missing items can only add points


def _labs(day_offset, **values):
    at = INFUSION + timedelta(days=day_offset)
    return tuple(LabValue(Analyte(k), at, v) for k, v in values.items())


def test_window_day_minus_5_plus_minus_3_and_gcsf_advice():
    high = _labs(-5, platelets=60.0, anc=1.0, hemoglobin=120.0, crp=5.0, ferritin=300.0)  # 2 + 1 = 3
    p = plan(crs_grade=0, labs=high)
    assert p.hematotox.score == 3 and p.hematotox.risk == "high"
    assert alert(p, "hematotox.high").source == "CSCO-2024 §4.5.1"
    r = rec(p, "icaht.gcsf_prophylactic")
    assert r.status == Status.APPLIES and r.param("from_day") == "2"
    gcsf = next(w for w in p.weight_based_doses if w.code == "icaht.gcsf_prophylactic")
    assert (gcsf.per_kg_min, gcsf.amount_min, gcsf.amount_unit) == (5, 350, "ug")


def test_values_outside_the_window_are_ignored():
    too_early = _labs(-9, platelets=60.0, anc=1.0, hemoglobin=120.0, crp=5.0, ferritin=300.0)
    edge = _labs(-2, platelets=200.0, anc=3.0, hemoglobin=120.0, crp=5.0, ferritin=300.0)
    p = plan(crs_grade=0, labs=too_early + edge)
    assert p.hematotox.risk == "low" and p.hematotox.score == 0


def test_nearest_to_day_minus_5_wins():
    near = _labs(-5, platelets=200.0, anc=3.0, hemoglobin=120.0, crp=5.0, ferritin=300.0)
    far = _labs(-7, platelets=50.0)
    assert plan(crs_grade=0, labs=near + far).hematotox.score == 0


def test_no_labs_not_assessable():
    p = plan(crs_grade=0)
    assert p.hematotox.risk == "not_assessable"
    assert any(n.code == "hematotox.score" for n in p.not_assessable)
