"""The entry point: input checks, grade 5, default protocol, daily totals, ICANS tocilizumab advice."""

from __future__ import annotations

from datetime import datetime

import pytest
from mgmt_helpers import alert, ctx, plan, rec, toci

from cartox_desk.core.management import Severity, available_protocols, recommend


def test_default_protocol_used_when_none_given():
    p = recommend(ctx(crs_grade=2))
    assert (p.protocol_id, p.protocol_version) == ("csco-2024", "2024.1")


def test_shipped_protocols_listed():
    assert [p.name for p in available_protocols()] == ["asco-2021.json", "csco-2024.json"]


def test_naive_now_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        recommend(ctx(now=datetime(2026, 11, 22, 8, 0), crs_grade=1))


@pytest.mark.parametrize("field", ["crs_grade", "icans_grade", "iechs_grade"])
def test_impossible_grades_refused(field):
    with pytest.raises(ValueError, match=field):
        recommend(ctx(**{field: 6}))
    with pytest.raises(ValueError, match=field):
        recommend(ctx(**{field: -1}))


def test_grade5_gives_no_management_rows():
    p = plan(crs_grade=5, icans_grade=5, iechs_grade=5)
    toxicity = ("crs", "icans", "iechs", "refractory", "carac", "population")
    assert not [r for r in p.recommendations if r.applies_to in toxicity]
    assert p.tocilizumab is None


def test_daily_totals_of_steroid_rows():
    p = plan(crs_grade=3)
    dex = next(d for d in p.daily_totals if d.code == "crs.g3.dexamethasone")
    assert (dex.dose_mg_min, dex.dose_mg_max, dex.interval, dex.daily_mg_min, dex.daily_mg_max) == \
        (10, 20, "q6h", 40, 80)
    p2 = plan(crs_grade=2)
    dex2 = next(d for d in p2.daily_totals if d.code == "crs.g2.dexamethasone")
    assert (dex2.daily_mg_min, dex2.daily_mg_max) == (30, 40)


def test_icans_with_two_tocilizumab_doses_warns_about_the_icans_limit():
    p = plan(crs_grade=2, icans_grade=2, administrations=toci(20, 10))
    a = alert(p, "tocilizumab.icans_total")
    assert a.severity == Severity.WARNING and a.source == "CSCO-2024 §4.2.2" and a.param("max_doses") == "2-3"
    one = plan(crs_grade=2, icans_grade=2, administrations=toci(10))
    assert "tocilizumab.icans_total" not in {x.code for x in one.alerts}


def test_recommendations_carry_source_and_are_advice():
    p = plan(crs_grade=3, icans_grade=3)
    assert all(r.source for r in p.recommendations)
    assert all(a.source for a in p.alerts)
    assert rec(p, "crs.g3.icu").kind.value == "checklist"


def test_importing_the_engine_reads_no_file():
    import subprocess
    import sys
    code = (
        "import builtins, pathlib\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError('file read at import')\n"
        "pathlib.Path.read_text = refuse\n"
        "import cartox_desk.core.management, cartox_desk.core.management.texts\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
