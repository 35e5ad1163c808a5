"""Tocilizumab calculator (clinical-rules §4): weight bands, 800 mg cap, 8 h, 3 in 24 h, 4 in total."""

from __future__ import annotations

from datetime import timedelta

import pytest
from mgmt_helpers import NOW, alert, csco, hours_ago, plan, toci

from cartox_desk.core.management import Severity, tocilizumab_dose

RULES = csco().tocilizumab


def dose(weight, given=(), now=NOW):
    return tocilizumab_dose(weight, given, now, RULES)


@pytest.mark.parametrize(("weight", "per_kg", "mg", "capped"), [
    (29.9, 12, 358.8, False),  # < 30 kg: 12 mg/kg
    (30.0, 8, 240.0, False),  # >= 30 kg: 8 mg/kg
    (72.0, 8, 576.0, False),
    (100.0, 8, 800.0, False),  # exactly the cap: not capped
    (101.0, 8, 800.0, True),  # 808 mg -> capped at 800
    (10.0, 12, 120.0, False),
])
def test_weight_bands_and_cap(weight, per_kg, mg, capped):
    d = dose(weight)
    assert d.mg_per_kg == per_kg
    assert d.mg == pytest.approx(mg)
    assert d.capped is capped
    assert d.allowed and d.dose_number == 1 and d.max_doses_total == 4


def test_cap_keeps_the_uncapped_arithmetic():
    d = dose(101.0)
    assert d.uncapped_mg == pytest.approx(808.0)
    assert d.max_mg_per_dose == 800


def test_no_weight_is_not_a_dose():
    d = dose(None)
    assert d.mg is None and d.refusal == "no_weight" and not d.allowed


def test_fifth_dose_is_refused():
    d = dose(70, toci(60, 48, 36, 24))
    assert d.doses_given == 4 and d.dose_number == 5
    assert d.refusal == "max_total" and not d.allowed
    assert d.next_allowed_at is None  # never again


def test_fifth_dose_refusal_is_an_urgent_alert_in_the_plan():
    p = plan(crs_grade=2, administrations=toci(60, 48, 36, 24))
    assert p.tocilizumab is not None and p.tocilizumab.refusal == "max_total"
    a = alert(p, "tocilizumab.refused.max_total")
    assert a.severity == Severity.URGENT
    assert a.source == "REVIEW-2022; label"
    assert p.alerts[0].severity == Severity.URGENT  # urgent alerts sort first


def test_fourth_dose_is_allowed_with_a_last_dose_warning():
    d = dose(70, toci(60, 48, 36))
    assert d.allowed and d.dose_number == 4
    p = plan(crs_grade=2, administrations=toci(60, 48, 36))
    assert alert(p, "tocilizumab.last_allowed_dose").severity == Severity.WARNING


def test_interval_under_8h_is_refused_until_8h():
    last = 8 - 1 / 60  # 7 h 59 min ago
    d = dose(70, toci(last))
    assert d.refusal == "interval"
    assert d.next_allowed_at == hours_ago(last) + timedelta(hours=8)
    assert dose(70, toci(8)).allowed  # exactly 8 h


def test_three_in_24h_refused_and_next_time_given():
    # Doses recorded 7 h apart (after the fact): 22, 15 and 8 h ago; the interval since the last is fine.
    given = toci(22, 15, 8)
    d = dose(70, given)
    assert d.doses_in_last_24h == 3
    assert d.refusal == "24h_limit" and d.refusals == ("24h_limit",)
    assert d.next_allowed_at == hours_ago(22) + timedelta(hours=24)
    later = dose(70, given, now=NOW + timedelta(hours=2))  # the dose 22 h ago leaves the 24 h window
    assert later.allowed and later.doses_in_last_24h == 2


def test_third_dose_in_24h_warns():
    p = plan(crs_grade=2, administrations=toci(16, 8))
    assert p.tocilizumab is not None and p.tocilizumab.allowed
    assert alert(p, "tocilizumab.last_dose_in_24h").severity == Severity.WARNING


def test_every_limit_reported_together():
    d = dose(70, toci(30, 20, 10, 1))
    assert d.refusals == ("max_total", "24h_limit", "interval")
    assert d.refusal == "max_total"


def test_future_records_do_not_count():
    d = dose(70, toci(-2))
    assert d.doses_given == 0 and d.allowed


def test_other_drugs_do_not_count():
    from mgmt_helpers import med

    from cartox_desk.core.management import Medication
    d = dose(70, (med(Medication.SILTUXIMAB, 1), med(Medication.DEXAMETHASONE, 1)))
    assert d.doses_given == 0 and d.allowed
