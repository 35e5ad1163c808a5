"""Property tests: the tocilizumab dose never exceeds its limits; more neutropenia never lowers ICAHT."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st
from mgmt_helpers import NOW, csco, toci

from cartox_desk.core.management import tocilizumab_dose
from cartox_desk.core.management.hematotox import ANALYTES, score
from cartox_desk.core.management.icaht import early

RULES = csco().tocilizumab


@given(st.floats(min_value=0.5, max_value=350, allow_nan=False))
def test_dose_within_cap_and_per_kg(weight):
    d = tocilizumab_dose(weight, (), NOW, RULES)
    assert d.mg is not None and 0 < d.mg <= 800
    assert d.mg_per_kg == (12 if weight < 30 else 8)
    assert d.mg == min(800, round(d.mg_per_kg * weight, 2))


@given(st.lists(st.floats(min_value=0, max_value=200, allow_nan=False), max_size=8))
def test_limits_hold_for_any_history(hours_ago):
    d = tocilizumab_dose(70, toci(*hours_ago), NOW, RULES)
    given_times = sorted(NOW - timedelta(hours=h) for h in hours_ago)
    if d.allowed:
        assert len(given_times) < 4
        assert not given_times or NOW - given_times[-1] >= timedelta(hours=8)
        assert sum(1 for t in given_times if t > NOW - timedelta(hours=24)) < 3
    else:
        assert d.refusal in ("max_total", "24h_limit", "interval")


ANC = st.floats(min_value=0, max_value=5, allow_nan=False)


@given(st.dictionaries(st.integers(0, 40), ANC, min_size=1), st.integers(0, 40), st.floats(0, 0.5))
def test_lowering_an_anc_never_lowers_early_icaht(series, day, low):
    before = early(sorted(series.items()))
    worse = dict(series)
    worse[day] = min(worse.get(day, 5.0), low)
    after = early(sorted(worse.items()))
    if before.grade is not None and after.grade is not None and day in series:
        assert after.grade >= before.grade


MAYBE = st.one_of(st.none(), st.floats(0, 5000, allow_nan=False))


@given(st.fixed_dictionaries(dict.fromkeys(ANALYTES, MAYBE)))
def test_hematotox_never_low_with_missing_items(values):
    s = score(values)
    if any(v is None for v in values.values()):
        assert s.risk in ("high", "not_assessable")
    assert (s.risk == "high") == (s.score >= 2)
