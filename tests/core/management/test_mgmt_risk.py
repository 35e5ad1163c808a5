"""Risk flags (clinical-rules §9): shown with sources, never a grade; no invented cut-offs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from mgmt_helpers import INFUSION, NOW, flag, lab, plan, temps

from cartox_desk.core.management import Analyte, Costim, Diagnosis, FlagStatus, LabValue, Temperature
from cartox_desk.core.management.risk import easix, m_easix

LD = INFUSION - timedelta(days=5)


def _gust(tmax, il6, mcp1, now=NOW):
    t = (Temperature(INFUSION + timedelta(hours=20), tmax),) if tmax is not None else ()
    labs = []
    if il6 is not None:
        labs.append(LabValue(Analyte.IL6, INFUSION + timedelta(hours=20), il6))
    if mcp1 is not None:
        labs.append(LabValue(Analyte.MCP1, INFUSION + timedelta(hours=20), mcp1))
    return flag(plan(now=now, crs_grade=1, temperatures=t, labs=tuple(labs)), "risk.gust_high")


def test_gust_tree():
    present = _gust(38.9, 16, 1343.5)
    assert present.status == FlagStatus.PRESENT and present.source == "REVIEW-2022 §2.1"
    assert _gust(38.8, 16, 1343.5).status == FlagStatus.ABSENT
    assert _gust(39.5, 15.9, 2000).status == FlagStatus.ABSENT
    assert _gust(39.5, 20, 1343.4).status == FlagStatus.ABSENT
    assert _gust(39.5, 20, None).status == FlagStatus.NOT_ASSESSABLE
    # inside the 36 h window a failing criterion is not final yet
    assert _gust(38.0, 20, 2000, now=INFUSION + timedelta(hours=30)).status == FlagStatus.NOT_ASSESSABLE


def test_gust_ignores_values_after_36h():
    p = plan(crs_grade=1, temperatures=(Temperature(INFUSION + timedelta(hours=37), 40.0),),
             labs=(LabValue(Analyte.IL6, INFUSION + timedelta(hours=20), 50),
                   LabValue(Analyte.MCP1, INFUSION + timedelta(hours=20), 5000)))
    assert flag(p, "risk.gust_high").status != FlagStatus.PRESENT


def test_easix_formula_and_unit_conversion():
    # creatinine 88.4 umol/L = 1 mg/dL
    assert easix(300, 88.4, 50) == pytest.approx(6.0)
    assert m_easix(300, 50, 100) == pytest.approx(15.0)  # CRP 50 mg/L = 5 mg/dL
    assert easix(300, 88.4, 0) is None


def _easix_labs(ldh, creat, plt, at=LD - timedelta(hours=2)):
    return (LabValue(Analyte.LDH, at, ldh), LabValue(Analyte.CREATININE, at, creat),
            LabValue(Analyte.PLATELETS, at, plt))


@pytest.mark.parametrize(("ldh", "status"), [
    (467.1, FlagStatus.PRESENT),  # EASIX 4.671
    (467, FlagStatus.ABSENT),  # exactly 4.67 is not > 4.67
    (300 * 4.67 / 300, FlagStatus.ABSENT),
])
def test_easix_flag_before_lymphodepletion(ldh, status):
    f = flag(plan(crs_grade=0, lymphodepletion_at=LD, labs=_easix_labs(ldh, 88.4, 100)), "risk.easix")
    assert f.status == status
    assert f.param("creatinine_mg_dl") == "1"


def test_easix_ignores_values_after_lymphodepletion_and_needs_its_time():
    after = _easix_labs(300, 88.4, 10, at=LD + timedelta(days=1))
    assert flag(plan(crs_grade=0, lymphodepletion_at=LD, labs=after), "risk.easix").status \
        == FlagStatus.NOT_ASSESSABLE
    assert flag(plan(crs_grade=0, labs=_easix_labs(300, 88.4, 10)), "risk.easix").status \
        == FlagStatus.NOT_ASSESSABLE


def test_m_easix_is_a_value_never_a_flag():
    labs = (lab(Analyte.LDH, 900, 30), lab(Analyte.CRP, 200, 30), lab(Analyte.PLATELETS, 10, 30),
            lab(Analyte.LDH, 900, 2), lab(Analyte.CRP, 250, 2), lab(Analyte.PLATELETS, 10, 2))
    f = flag(plan(crs_grade=0, labs=labs), "risk.m_easix")
    assert f.status == FlagStatus.VALUE
    assert f.param("value") == "2250" and f.param("previous") == "1800" and f.param("trend") == "up"


@pytest.mark.parametrize(("age", "status"), [(60, FlagStatus.ABSENT), (60.5, FlagStatus.PRESENT),
                                             (None, FlagStatus.NOT_ASSESSABLE)])
def test_age_over_60(age, status):
    assert flag(plan(crs_grade=0, age_years=age), "risk.age_over_60").status == status


def test_cd28_and_other_flags():
    p = plan(crs_grade=0, costim=Costim.CD28, neurological_history=True, lymphodepletion_flu_cy=True,
             bmi_kg_m2=35.0)
    assert flag(p, "risk.cd28").status == FlagStatus.PRESENT
    assert flag(p, "risk.neurological_history").status == FlagStatus.PRESENT
    assert flag(p, "risk.flu_cy").status == FlagStatus.PRESENT
    assert flag(p, "risk.bmi").status == FlagStatus.VALUE  # no cut-off in the spec: a value, not a flag
    assert flag(p, "risk.hypophosphatemia").status == FlagStatus.NOT_ASSESSABLE
    assert flag(plan(crs_grade=0, costim=Costim.FOUR_1BB), "risk.cd28").status == FlagStatus.ABSENT


def test_tumour_burden():
    b_all = plan(crs_grade=0, diagnosis=Diagnosis.B_ALL, marrow_blasts_pct=40)
    assert flag(b_all, "risk.high_tumour_burden").status == FlagStatus.PRESENT
    assert flag(plan(crs_grade=0, high_tumour_burden=False), "risk.high_tumour_burden").status \
        == FlagStatus.ABSENT
    assert flag(plan(crs_grade=0), "risk.high_tumour_burden").status == FlagStatus.NOT_ASSESSABLE


def test_ferritin_rising_within_72h():
    rising = plan(crs_grade=0, labs=(lab(Analyte.FERRITIN, 800, 60), lab(Analyte.FERRITIN, 1500, 2)))
    assert flag(rising, "risk.ferritin_rising").status == FlagStatus.PRESENT
    old = plan(crs_grade=0, labs=(lab(Analyte.FERRITIN, 800, 80), lab(Analyte.FERRITIN, 1500, 2)))
    assert flag(old, "risk.ferritin_rising").status == FlagStatus.NOT_ASSESSABLE


def test_crs_history_is_a_value():
    from cartox_desk.core.management import GradePoint
    p = plan(crs_grade=1, grade_history=(GradePoint(INFUSION + timedelta(hours=10), crs=3),))
    f = flag(p, "risk.crs_early_severe")
    assert f.status == FlagStatus.VALUE and f.param("max_crs_grade") == "3" and f.param("onset_day") == "0"


def test_flags_are_never_grades():
    p = plan(crs_grade=0, temperatures=temps((1, 37.0)))
    assert all(f.status in set(FlagStatus) for f in p.flags)
    assert p.crs_grade == 0
