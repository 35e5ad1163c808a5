"""IEC-HS, hypogammaglobulinemia, abnormal expansion, prophylaxis and monitoring (clinical-rules §6-§8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from mgmt_helpers import INFUSION, alert, lab, med, plan, rec

from cartox_desk.core.management import Analyte, Diagnosis, LabValue, Medication, Severity, Status
from cartox_desk.core.management.texts import describe, has_text


def test_iechs_screen_ferritin_with_cytopenia():
    p = plan(crs_grade=0, labs=(lab(Analyte.FERRITIN, 12_000, 10), lab(Analyte.PLATELETS, 24, 5)))
    a = alert(p, "iechs.screen")
    assert a.severity == Severity.WARNING and a.param("criteria") == "platelets"
    assert "Not a diagnosis" in describe(a, "en")


@pytest.mark.parametrize(("extra", "raised"), [
    (lab(Analyte.ANC, 0.49), True), (lab(Analyte.ANC, 0.5), False),
    (lab(Analyte.FIBRINOGEN, 149), True), (lab(Analyte.FIBRINOGEN, 150), False),
    (lab(Analyte.ALT, 251, uln=50), True), (lab(Analyte.AST, 250, uln=50), False),
    (lab(Analyte.PLATELETS, 24, h=80), False),  # outside 72 h
])
def test_iechs_screen_criteria(extra, raised):
    p = plan(crs_grade=0, labs=(lab(Analyte.FERRITIN, 10_001, 10), extra))
    assert ("iechs.screen" in {a.code for a in p.alerts}) is raised


def test_iechs_screen_needs_ferritin_above_10000():
    p = plan(crs_grade=0, labs=(lab(Analyte.FERRITIN, 10_000), lab(Analyte.PLATELETS, 10)))
    assert "iechs.screen" not in {a.code for a in p.alerts}
    p2 = plan(crs_grade=0)
    assert any(n.code == "iechs.screen" for n in p2.not_assessable)


def test_iechs_grade_descriptions_and_treatment_lines():
    from cartox_desk.core.management.iechs import grade_codes
    assert grade_codes() == tuple(f"iechs.grade.{g}" for g in range(1, 6))
    assert all(has_text(c) for c in grade_codes())
    p = plan(crs_grade=0, iechs_grade=3)
    first = rec(p, "iechs.first_line")
    assert first.source == "CSCO-2024 §4.3.3" and first.status == Status.APPLIES
    assert [(d.drug, d.amount_min, d.amount_max, d.unit) for d in first.doses] == [
        ("anakinra", 200, 800, "mg/day"), ("dexamethasone", 10, 40, "mg/day"),
        ("methylprednisolone", 1, 1, "g/day")]
    assert rec(p, "iechs.second_line").status == Status.CONDITIONAL
    assert rec(p, "iechs.second_line").param("after_h") == "48"
    assert rec(p, "iechs.third_line").doses[0].unit == "mg/m2"
    for code in ("iechs.support.hemoglobin", "iechs.support.platelets", "iechs.support.fibrinogen",
                 "iechs.support.vitamin_k", "iechs.support.cryo_plasma"):
        assert rec(p, code).source == "CSCO-2024 §4.3.4"
    assert "iechs.first_line" not in {r.code for r in plan(crs_grade=0).recommendations}


def test_hypogammaglobulinemia_ivig():
    p = plan(crs_grade=0, labs=(lab(Analyte.IGG, 400),))
    r = rec(p, "hypogamma.ivig")
    assert r.status == Status.APPLIES and r.source == "CSCO-2024 §4.6"
    assert (r.doses[0].amount_min, r.doses[0].unit, r.doses[0].duration) == (5, "g", "3 d")
    ivig_days = [s for s in p.schedule if s.code == "hypogamma.ivig.day"]
    assert len(ivig_days) == 3
    assert alert(p, "hypogamma.igg_low").severity == Severity.INFO
    normal = plan(crs_grade=0, labs=(lab(Analyte.IGG, 401),))
    assert "hypogamma.ivig" not in {r.code for r in normal.recommendations}


def test_b_cell_aplasia_alert():
    assert alert(plan(crs_grade=0, labs=(lab(Analyte.B_CELLS, 60),)), "hypogamma.b_cell_aplasia")
    normal = plan(crs_grade=0, labs=(lab(Analyte.B_CELLS, 61),))
    assert "hypogamma.b_cell_aplasia" not in {a.code for a in normal.alerts}


@pytest.mark.parametrize(("infections", "status"), [(True, Status.APPLIES), (None, Status.CONDITIONAL),
                                                    (False, None)])
def test_b_all_ivig_with_recurrent_infections(infections, status):
    p = plan(crs_grade=0, diagnosis=Diagnosis.B_ALL, weight_kg=20, recurrent_infections=infections,
             labs=(lab(Analyte.IGG, 499),))
    found = [r for r in p.recommendations if r.code == "hypogamma.b_all_ivig"]
    if status is None:
        assert not found
        return
    assert found[0].status == status and found[0].source == "CSCO-2024 §3.6"
    w = next(w for w in p.weight_based_doses if w.code == "hypogamma.b_all_ivig")
    assert (w.amount_min, w.amount_max, w.amount_unit) == (8000, 10000, "mg")


def test_b_all_ivig_not_at_500():
    p = plan(crs_grade=0, diagnosis=Diagnosis.B_ALL, recurrent_infections=True,
             labs=(lab(Analyte.IGG, 500),))
    assert "hypogamma.b_all_ivig" not in {r.code for r in p.recommendations}


@pytest.mark.parametrize(("wbc", "lym", "car", "raised"), [
    (10, 70, 601, True), (9.9, 70, 601, False), (10, 69.9, 601, False), (10, 70, 600, False)])
def test_abnormal_expansion(wbc, lym, car, raised):
    p = plan(crs_grade=0, labs=(lab(Analyte.WBC, wbc), lab(Analyte.LYMPHOCYTES_PCT, lym),
                                lab(Analyte.CAR_POSITIVE_CELLS, car)))
    assert ("expansion.abnormal" in {a.code for a in p.alerts}) is raised


def test_abnormal_expansion_missing_is_not_assessable():
    p = plan(crs_grade=0, labs=(lab(Analyte.WBC, 12),))
    na = next(n for n in p.not_assessable if n.code == "expansion.abnormal")
    assert na.missing == ("lymphocyte_pct", "car_positive")


def test_expansion_schedule_and_due_today():
    p = plan(crs_grade=0)  # now is day +2
    days = [s for s in p.schedule if s.code == "monitoring.expansion_sample"]
    assert [s.day for s in days] == [1, 3, 5, 7, 10, 14, 21, 28]
    assert days[0].on == INFUSION.date() + timedelta(days=1)
    assert days[-1].on == date(2026, 12, 18)
    assert "monitoring.expansion_sample_due" not in {a.code for a in p.alerts}
    p3 = plan(crs_grade=0, now=INFUSION + timedelta(days=3))
    assert alert(p3, "monitoring.expansion_sample_due").param("day") == "3"


def test_the_ward_time_zone_decides_day_plus_n():
    # infused 20 Nov 18:00 in a UTC+8 ward (10:00 UTC); now is 22 Nov 01:00 on the ward (21 Nov 17:00 UTC)
    ward = timezone(timedelta(hours=8))
    infusion, now = datetime(2026, 11, 20, 10, 0, tzinfo=UTC), datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    in_utc = plan(crs_grade=0, infusion_at=infusion, now=now)  # no ward zone: the infusion time's (UTC)
    assert alert(in_utc, "monitoring.expansion_sample_due").param("day") == "1"
    on_ward = plan(crs_grade=0, infusion_at=infusion, now=now, tz=ward)  # day +2 on the ward: no sample due
    assert "monitoring.expansion_sample_due" not in {a.code for a in on_ward.alerts}
    first = next(s for s in on_ward.schedule if s.code == "monitoring.expansion_sample")
    assert (first.day, first.on) == (1, date(2026, 11, 21))


def test_prophylaxis_and_monitoring_reminders():
    p = plan(crs_grade=0)
    lev = rec(p, "prophylaxis.levetiracetam")
    assert (lev.doses[0].amount_min, lev.doses[0].interval, lev.source) == (500, "q12h", "CSCO-2024 §1.6.2")
    assert rec(p, "prophylaxis.cotrimoxazole").doses[0].amount_min == 0.96
    assert [d.drug for d in rec(p, "prophylaxis.antiviral").doses] == ["acyclovir", "valacyclovir"]
    assert rec(p, "prophylaxis.hbv").status == Status.CONDITIONAL
    assert "prophylaxis.hbv" not in {r.code for r in plan(crs_grade=0, hbv_positive=False).recommendations}
    assert rec(p, "prophylaxis.no_gm_csf")
    for code in ("monitoring.ecg_vitals", "monitoring.inpatient", "monitoring.expansion_cytokines",
                 "monitoring.expansion_samples", "monitoring.labs", "monitoring.stay_near",
                 "monitoring.ice_schedule"):
        assert rec(p, code).applies_to == "monitoring"
    b_all = plan(crs_grade=0, diagnosis=Diagnosis.B_ALL)
    assert rec(b_all, "monitoring.labs_b_all").source == "CSCO-2024 §3.4"
    assert rec(p, "icaht.blood_products").param("days_after") == "90"
    assert rec(p, "icaht.antiviral").doses[1].amount_min == 800
    assert rec(p, "icaht.antibacterial").status == Status.CONDITIONAL


def test_gm_csf_after_infusion_is_urgent():
    p = plan(crs_grade=0, administrations=(med(Medication.GM_CSF, 2),))
    assert alert(p, "prophylaxis.gm_csf_given").severity == Severity.URGENT
    before = (LabValue(Analyte.ANC, INFUSION, 1.0),)
    p2 = plan(crs_grade=0, labs=before, administrations=(med(Medication.GM_CSF, 24 * 5),))
    assert "prophylaxis.gm_csf_given" not in {a.code for a in p2.alerts}


def test_iechs_second_line_stays_conditional_when_crs_does_not_improve():
    from mgmt_helpers import hours_ago

    from cartox_desk.core.management import GradePoint
    p = plan(crs_grade=3, iechs_grade=2, grade_history=(GradePoint(hours_ago(30), crs=3),),
             administrations=(med(Medication.DEXAMETHASONE, 25),))
    assert "crs.escalate.not_improved" in {a.code for a in p.alerts}
    assert rec(p, "iechs.second_line").status == Status.CONDITIONAL
