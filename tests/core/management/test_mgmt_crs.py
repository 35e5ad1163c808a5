"""CRS management rows (clinical-rules §4): every row selected by a test; escalation, HLH/MAS, fever."""

from __future__ import annotations

from datetime import timedelta

import pytest
from mgmt_helpers import INFUSION, NOW, alert, asco, hours_ago, lab, med, plan, rec, temps, toci

from cartox_desk.core.management import Analyte, Diagnosis, Kind, Medication, Severity, Status, Temperature


def codes(p, applies_to="crs"):
    return {r.code for r in p.recommendations if r.applies_to == applies_to}


def test_crs_not_assessed_gives_no_rows_and_says_so():
    p = plan(crs_grade=None)
    assert not codes(p)
    assert any(n.code == "crs.management" and n.missing == ("crs_grade",) for n in p.not_assessable)


def test_no_crs_no_crs_rows():
    assert not codes(plan(crs_grade=0))


def test_grade1_rows():
    p = plan(crs_grade=1)
    assert rec(p, "crs.g1.symptomatic").status == Status.APPLIES
    assert rec(p, "crs.g1.infection_workup").source == "REVIEW-2022 Table 2"
    assert rec(p, "crs.g1.antibiotics_if_neutropenic").status == Status.CONDITIONAL
    assert p.tocilizumab is None  # no tocilizumab row at grade 1 without B-ALL high burden


@pytest.mark.parametrize(("dx", "blasts", "expected"), [
    (Diagnosis.B_ALL, 40.0, Status.CONDITIONAL),  # >= 40 %: may be given directly if high fever persists
    (Diagnosis.B_ALL, 39.9, None),
    (Diagnosis.B_ALL, None, Status.NOT_ASSESSABLE),
    (Diagnosis.LBCL, 80.0, None),
    (None, 80.0, Status.NOT_ASSESSABLE),
])
def test_grade1_b_all_high_burden_tocilizumab(dx, blasts, expected):
    p = plan(crs_grade=1, diagnosis=dx, marrow_blasts_pct=blasts)
    found = [r for r in p.recommendations if r.code == "crs.g1.b_all_tocilizumab"]
    if expected is None:
        assert not found
        return
    assert found[0].status == expected
    assert found[0].source.startswith("CSCO-2024 §4.2.2")
    if expected == Status.CONDITIONAL:
        assert p.tocilizumab is not None and p.tocilizumab.mg == 560


def _fever_every_6h(hours):
    return temps(*[(h, 38.5) for h in range(0, hours + 1, 6)])


def test_grade1_fever_over_3_days_escalation_note():
    p = plan(crs_grade=1, temperatures=_fever_every_6h(78))
    r = rec(p, "crs.g1.fever_persisting")
    assert r.status == Status.APPLIES and r.source == "ASCO-2021"
    a = alert(p, "crs.escalate.fever_persisting")
    assert a.severity == Severity.WARNING
    assert a.param("days") == r.param("days") and a.param("days") not in (None, "?")  # the protocol's number
    from cartox_desk.core.management.texts import describe

    assert f"> {r.param('days')} days" in describe(a)


def test_grade1_fever_under_3_days_no_escalation():
    p = plan(crs_grade=1, temperatures=_fever_every_6h(66))
    assert "crs.g1.fever_persisting" not in codes(p)


def test_grade1_fever_run_broken_by_24h_without_fever():
    t = temps((0, 38.5), (12, 38.4), (40, 38.6), (60, 38.7), (80, 38.9))  # 28 h gap between 12 h and 40 h ago
    assert "crs.g1.fever_persisting" not in codes(plan(crs_grade=1, temperatures=t))


def test_grade1_fever_persisting_without_temperatures_is_not_assessable():
    assert rec(plan(crs_grade=1), "crs.g1.fever_persisting").status == Status.NOT_ASSESSABLE


def test_asco_protocol_manages_persisting_grade1_fever_as_grade2():
    p = plan(asco(), crs_grade=1, temperatures=_fever_every_6h(78))
    assert rec(p, "crs.g1.fever_persisting_manage_as_g2").status == Status.APPLIES
    assert rec(p, "crs.g2.tocilizumab").source.startswith("ASCO-2021")
    assert p.tocilizumab is not None
    assert p.protocol_id == "asco-2021"


def test_grade2_rows():
    p = plan(crs_grade=2)
    assert rec(p, "crs.g2.fluids_oxygen").status == Status.APPLIES
    assert rec(p, "crs.g2.tocilizumab").status == Status.APPLIES
    dex = rec(p, "crs.g2.dexamethasone")
    assert (dex.doses[0].drug, dex.doses[0].amount_min, dex.doses[0].unit, dex.doses[0].interval) == \
        ("dexamethasone", 10, "mg", "q6-8h")
    assert p.tocilizumab is not None and p.tocilizumab.mg == 560


def test_grade3_rows():
    p = plan(crs_grade=3, crs_hypotension=True, crs_hypoxia=True)
    for code in ("crs.g3.icu", "crs.g3.fluids_anti_infective", "crs.g3.vasopressors", "crs.g3.tocilizumab",
                 "crs.g3.dexamethasone", "crs.g3.high_flow_oxygen"):
        assert rec(p, code).status == Status.APPLIES, code
        assert rec(p, code).source == "CSCO-2024 §4.1.2"
    dex = rec(p, "crs.g3.dexamethasone").doses[0]
    assert (dex.amount_min, dex.amount_max, dex.interval, dex.duration) == (10, 20, "q6h", "1-3 d")
    assert rec(p, "crs.note.blood_purification").kind == Kind.NOTE
    assert rec(p, "crs.note.escalate_24h").kind == Kind.NOTE


def test_grade3_support_rows_follow_the_driver():
    unknown = plan(crs_grade=3)
    assert rec(unknown, "crs.g3.vasopressors").status == Status.CONDITIONAL
    assert rec(unknown, "crs.g3.high_flow_oxygen").status == Status.CONDITIONAL
    hypoxia_only = plan(crs_grade=3, crs_hypotension=False, crs_hypoxia=True)
    assert "crs.g3.vasopressors" not in codes(hypoxia_only)


def test_grade3_tocilizumab_only_if_not_given_before():
    p = plan(crs_grade=3, administrations=toci(30))
    assert "crs.g3.tocilizumab" not in codes(p)
    assert p.tocilizumab is None


def test_grade4_rows_and_taper():
    p = plan(crs_grade=4, crs_hypotension=True, crs_hypoxia=True)
    for code in ("crs.g4.icu", "crs.g4.fluids_anti_infective", "crs.g4.tocilizumab", "crs.g4.vasopressors",
                 "crs.g4.mechanical_ventilation", "crs.g4.methylprednisolone"):
        assert rec(p, code).status == Status.APPLIES, code
    assert [s.dose_mg for s in p.taper] == [1000, 250, 125, 60]
    assert p.taper[0].start == NOW.date()


def test_refractory_options_and_carac_at_grade3():
    p = plan(crs_grade=3)
    assert rec(p, "refractory.siltuximab").status == Status.CONDITIONAL
    assert rec(p, "refractory.anakinra").source == "REVIEW-2022 §2.4"
    for code in ("carac.coagulation_monitoring", "carac.bleeding_dic_scores",
                 "carac.replacement_plasma_exchange"):
        assert rec(p, code).status == Status.CONDITIONAL
    assert "carac.coagulation_monitoring" not in codes(plan(crs_grade=2), "carac")


def _history(*pairs):
    from mgmt_helpers import hours_ago as ago

    from cartox_desk.core.management import GradePoint
    return tuple(GradePoint(ago(h), crs=g) for h, g in pairs)


def test_not_improved_24h_after_treatment_escalates():
    p = plan(crs_grade=2, grade_history=_history((26, 2), (2, 2)), administrations=toci(25))
    a = alert(p, "crs.escalate.not_improved")
    assert a.severity == Severity.WARNING and a.param("next_grade") == "3"
    assert a.source == "CSCO-2024 §4.1.2 notes"
    esc = rec(p, "crs.g3.dexamethasone")
    assert esc.escalation and esc.grade == 3
    # CARAC rows apply once CRS >= 3 has not improved
    p4 = plan(crs_grade=3, grade_history=_history((26, 3)),
              administrations=(med(Medication.DEXAMETHASONE, 25),))
    assert rec(p4, "carac.coagulation_monitoring").status == Status.APPLIES


def test_improved_after_treatment_no_escalation():
    p = plan(crs_grade=1, grade_history=_history((26, 2)), administrations=toci(25))
    assert not [a for a in p.alerts if a.code.startswith("crs.escalate")]


def test_under_24h_no_not_improved_alert():
    p = plan(crs_grade=2, grade_history=_history((20, 2)), administrations=toci(20))
    assert not [a for a in p.alerts if a.code.startswith("crs.escalate")]


def test_worse_after_treatment_is_urgent():
    p = plan(crs_grade=3, grade_history=_history((2, 2)), administrations=toci(1))
    assert alert(p, "crs.escalate.worse").severity == Severity.URGENT
    assert rec(p, "crs.g4.methylprednisolone").escalation


def test_grade4_not_improved_refractory_options_apply():
    p = plan(crs_grade=4, grade_history=_history((30, 4)),
             administrations=(med(Medication.METHYLPREDNISOLONE, 25),))
    assert rec(p, "refractory.siltuximab").status == Status.APPLIES
    assert rec(p, "refractory.anakinra").status == Status.APPLIES


def test_hlh_ferritin_threshold():
    p = plan(crs_grade=2, labs=(lab(Analyte.FERRITIN, 10_000.1),))
    assert alert(p, "hlh.ferritin").source == "REVIEW-2022 §1.3"
    assert rec(p, "hlh.consider").status == Status.APPLIES
    p2 = plan(crs_grade=2, labs=(lab(Analyte.FERRITIN, 10_000),))
    assert not [a for a in p2.alerts if a.code.startswith("hlh.")]
    assert "hlh.consider" not in {r.code for r in p2.recommendations}


def test_hlh_persistent_fever_12h_after_first_line_and_b_all_pulse():
    p = plan(crs_grade=2, diagnosis=Diagnosis.B_ALL, administrations=toci(14),
             temperatures=temps((14, 39.0), (6, 38.8), (1, 38.6)))
    assert alert(p, "hlh.persistent_fever_12h").source == "CSCO-2024 §2.9.1"
    pulse = rec(p, "hlh.b_all_methylprednisolone")
    assert pulse.source == "CSCO-2024 §3.5"
    assert (pulse.doses[0].amount_min, pulse.doses[0].amount_max) == (0.5, 1)
    early = plan(crs_grade=2, administrations=toci(10), temperatures=temps((1, 38.6)))
    assert "hlh.persistent_fever_12h" not in {a.code for a in early.alerts}


def test_hlh_end_organ_toxicity_12h_after_first_line():
    p = plan(crs_grade=3, end_organ_toxicity=True, administrations=(med(Medication.DEXAMETHASONE, 13),))
    assert alert(p, "hlh.end_organ_12h")


@pytest.mark.parametrize(("day", "raised"), [(0, True), (21, True), (22, False)])
def test_fever_within_21_days(day, raised):
    now = INFUSION + timedelta(days=day, hours=1)
    p = plan(now=now, crs_grade=1, temperatures=(Temperature(now - timedelta(hours=1), 38.0),))
    assert ("fever.within_21d" in {a.code for a in p.alerts}) is raised


def test_no_recent_fever_no_workup_alert():
    p = plan(crs_grade=0, temperatures=temps((30, 38.5), (1, 37.2)))
    assert "fever.within_21d" not in {a.code for a in p.alerts}
    assert hours_ago(0) == NOW


def test_crs_notes_shown_with_any_crs():
    p = plan(crs_grade=1)
    note = rec(p, "crs.note.early_treatment")
    assert note.kind == Kind.NOTE and note.source == "CSCO-2024 §4.1.2 notes"
    assert rec(p, "crs.note.escalate_24h").param("hours") == "24"
