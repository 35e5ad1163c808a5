"""ICANS management rows (clinical-rules §5): grades 1-4, concurrent CRS logic, notes, population notes."""

from __future__ import annotations

import pytest
from mgmt_helpers import hours_ago, lab, med, plan, rec, temps, toci

from cartox_desk.core.management import Analyte, Diagnosis, Kind, Medication, Status, Target

G1_SUPPORT = ("icans.g1.oral_to_iv", "icans.g1.agitation", "icans.g1.neurology_consult",
              "icans.g1.fundoscopy", "icans.g1.brain_imaging", "icans.g1.lumbar_puncture", "icans.g1.eeg")


def icans_codes(p):
    return {r.code for r in p.recommendations if r.applies_to == "icans"}


def test_icans_not_assessed():
    p = plan(crs_grade=0, icans_grade=None)
    assert not icans_codes(p)
    assert any(n.code == "icans.management" for n in p.not_assessable)


@pytest.mark.parametrize("grade", [1, 2, 3, 4])
def test_grade1_support_in_every_grade(grade):
    p = plan(crs_grade=0, icans_grade=grade)
    for code in G1_SUPPORT:
        r = rec(p, code)
        assert r.status == Status.APPLIES and r.source == "CSCO-2024 §4.2.2" and r.grade == grade


def test_grade1_dexamethasone_if_severe_likely():
    r = rec(plan(crs_grade=0, icans_grade=1), "icans.g1.dexamethasone_levetiracetam")
    assert r.status == Status.CONDITIONAL
    assert (r.doses[0].amount_min, r.doses[0].amount_max) == (5, 10)


def test_grade1_dexamethasone_applies_when_gust_tree_high():
    from mgmt_helpers import INFUSION, NOW
    p = plan(crs_grade=1, icans_grade=1, now=NOW,
             temperatures=temps((40, 39.0)),
             labs=(lab(Analyte.IL6, 20, h=40), lab(Analyte.MCP1, 1400, h=40)))
    assert hours_ago(40) > INFUSION
    assert rec(p, "icans.g1.dexamethasone_levetiracetam").status == Status.APPLIES


@pytest.mark.parametrize("grade", [1, 2, 3, 4])
def test_tocilizumab_only_with_concurrent_crs_and_no_anti_il6(grade):
    with_crs = plan(crs_grade=1, icans_grade=grade)
    r = rec(with_crs, "icans.tocilizumab_concurrent_crs")
    assert r.status == Status.APPLIES and r.param("max_doses") == "2-3"
    assert with_crs.tocilizumab is not None
    assert "icans.tocilizumab_concurrent_crs" not in icans_codes(plan(crs_grade=0, icans_grade=grade))
    assert "icans.tocilizumab_concurrent_crs" not in icans_codes(
        plan(crs_grade=1, icans_grade=grade, administrations=toci(5)))
    assert "icans.tocilizumab_concurrent_crs" not in icans_codes(
        plan(crs_grade=1, icans_grade=grade, administrations=(med(Medication.SILTUXIMAB, 5),)))
    unknown = rec(plan(crs_grade=None, icans_grade=grade), "icans.tocilizumab_concurrent_crs")
    assert unknown.status == Status.NOT_ASSESSABLE


def test_icans_without_crs_offers_no_tocilizumab_dose():
    assert plan(crs_grade=0, icans_grade=3).tocilizumab is None


def test_grade2_steroids_first_without_crs():
    p = plan(crs_grade=0, icans_grade=2, weight_kg=70)
    r = rec(p, "icans.g2.steroids")
    assert r.status == Status.APPLIES
    assert [(d.drug, d.amount_min, d.unit, d.interval) for d in r.doses] == [
        ("dexamethasone", 10, "mg", "q6-12h"), ("methylprednisolone", 1, "mg/kg", "q12h")]
    mp = next(w for w in p.weight_based_doses if w.drug == "methylprednisolone")
    assert (mp.amount_min, mp.amount_unit, mp.interval) == (70, "mg", "q12h")


def test_grade2_steroids_conditional_while_anti_il6_not_yet_tried():
    assert rec(plan(crs_grade=1, icans_grade=2), "icans.g2.steroids").status == Status.CONDITIONAL
    assert rec(plan(crs_grade=1, icans_grade=2, administrations=toci(10)), "icans.g2.steroids").status \
        == Status.APPLIES


@pytest.mark.parametrize(("crs", "icu"), [(2, True), (3, True), (1, False), (0, False)])
def test_grade2_icu_with_crs_at_least_2(crs, icu):
    p = plan(crs_grade=crs, icans_grade=2)
    assert ("icans.g2.icu_concurrent_crs" in icans_codes(p)) is icu


@pytest.mark.parametrize("grade", [2, 3])
def test_review_2022_alternative_shown(grade):
    r = rec(plan(crs_grade=0, icans_grade=grade), "icans.alt.review_dexamethasone")
    assert r.kind == Kind.ALTERNATIVE and r.source == "REVIEW-2022 §2.4"
    assert (r.doses[0].amount_min, r.doses[0].interval) == (10, "q6h")


def test_grade3_rows():
    p = plan(crs_grade=0, icans_grade=3)
    assert rec(p, "icans.g3.icu").status == Status.APPLIES
    dex = rec(p, "icans.g3.dexamethasone").doses[0]
    assert (dex.amount_min, dex.interval) == (20, "q6h")
    assert rec(p, "icans.g3.repeat_imaging").param("every_days") == "2-3"
    assert rec(p, "refractory.siltuximab").status == Status.CONDITIONAL


def test_grade4_rows():
    p = plan(crs_grade=0, icans_grade=4)
    assert rec(p, "icans.g4.icu_ventilation").status == Status.APPLIES
    assert rec(p, "icans.g3.repeat_imaging").grade == 4
    assert rec(p, "icans.g4.methylprednisolone").status == Status.APPLIES
    assert rec(p, "icans.g4.anakinra").status == Status.CONDITIONAL
    assert [s.dose_mg for s in p.taper] == [1000, 250, 125, 60]


def test_icans_notes():
    p = plan(crs_grade=0, icans_grade=1)
    assert rec(p, "icans.note.tocilizumab_worsens").kind == Kind.NOTE
    assert rec(p, "icans.note.seizure").status == Status.CONDITIONAL
    assert rec(p, "icans.note.cerebral_edema").status == Status.CONDITIONAL
    assert rec(p, "icans.note.steroid_course").param("days") == "10"
    p2 = plan(crs_grade=0, icans_grade=3, seizure=True, cerebral_edema=True)
    assert rec(p2, "icans.note.seizure").status == Status.APPLIES
    assert rec(p2, "icans.note.seizure").source == "ICANS-2025"
    assert rec(p2, "icans.note.cerebral_edema").status == Status.APPLIES


@pytest.mark.parametrize(("dx", "target", "code"), [
    (Diagnosis.B_ALL, Target.CD19, "population.all"),
    (Diagnosis.LBCL, Target.CD19, "population.nhl"),
    (Diagnosis.FL, Target.CD19, "population.nhl"),
    (Diagnosis.MCL, Target.CD19, "population.nhl"),
    (Diagnosis.MM, Target.BCMA, "population.mm"),
    (Diagnosis.MM, Target.GPRC5D, "population.gprc5d"),
])
def test_population_notes(dx, target, code):
    p = plan(crs_grade=0, icans_grade=1, diagnosis=dx, target=target)
    r = rec(p, code)
    assert r.source == "CSCO-2024 §4.2.2 notes" and r.kind == Kind.NOTE


def test_no_population_notes_without_toxicity():
    p = plan(crs_grade=0, icans_grade=0, diagnosis=Diagnosis.MM)
    assert not [r for r in p.recommendations if r.applies_to == "population"]
