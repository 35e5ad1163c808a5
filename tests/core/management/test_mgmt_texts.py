"""Every management code has an English and a Chinese sentence; both render for every plan item."""

from __future__ import annotations

import re
import string
from datetime import timedelta
from pathlib import Path

import pytest
from mgmt_helpers import INFUSION, asco, csco, lab, med, plan, temps, toci

from cartox_desk.core.management import Analyte, Diagnosis, GradePoint, LabValue, Medication, Target, describe
from cartox_desk.core.management.texts import LABELS, T, has_text

CJK = re.compile(r"[\u4e00-\u9fff]")
NO_CJK_OK = {"hematotox.score"}  # a proper name, the same in both languages
SOURCE_DIR = Path(__file__).resolve().parents[3] / "cartox_desk" / "core" / "management"


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("code", sorted(T))
def test_both_languages_with_the_same_placeholders(code):
    en, zh = T[code]
    assert en.strip() and zh.strip()
    assert _fields(en) == _fields(zh), code
    if code not in NO_CJK_OK:
        assert CJK.search(zh), code


@pytest.mark.parametrize("protocol", [csco, asco])
def test_every_protocol_row_has_texts(protocol):
    for row in protocol().all_rows():
        assert has_text(row.code), row.code


DYNAMIC = (
    [f"tocilizumab.refused.{r}" for r in ("max_total", "24h_limit", "interval", "no_weight")]
    + ["crs.escalate.not_improved", "crs.escalate.worse", "icaht.early.grade", "icaht.late.grade"]
    + [f"iechs.grade.{g}" for g in range(1, 6)]
)


def _literal_codes() -> set[str]:
    """Dotted code literals in the engine's modules (alerts, flags, not-assessable checks)."""
    found: set[str] = set()
    for name in ("alerts.py", "risk.py", "iechs.py", "prophylaxis.py", "engine.py", "hematotox.py",
                 "icaht.py"):
        text = (SOURCE_DIR / name).read_text(encoding="utf-8")
        for m in re.finditer(r'"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"', text):
            code = m.group(1)
            if not code.startswith("cartox_desk") and not code.endswith(".py"):
                found.add(code)
    return found


@pytest.mark.parametrize("code", sorted(_literal_codes() | set(DYNAMIC)))
def test_every_emitted_code_has_texts(code):
    assert has_text(code) or code in LABELS, code


def _rich_plans():
    early = tuple(LabValue(Analyte.ANC, INFUSION + timedelta(days=d), 0.05) for d in range(0, 3))
    labs = (*early, lab(Analyte.FERRITIN, 15_000, 5), lab(Analyte.FERRITIN, 5_000, 50),
            lab(Analyte.PLATELETS, 20), lab(Analyte.IGG, 300), lab(Analyte.B_CELLS, 10), lab(Analyte.WBC, 20),
                    lab(Analyte.LYMPHOCYTES_PCT, 80), lab(Analyte.CAR_POSITIVE_CELLS, 900),
                    lab(Analyte.LDH, 500), lab(Analyte.CRP, 100), lab(Analyte.ALT, 400, uln=40))
    yield plan(crs_grade=4, icans_grade=4, diagnosis=Diagnosis.B_ALL, marrow_blasts_pct=60,
               target=Target.CD19,
               grade_history=(GradePoint(INFUSION + timedelta(hours=10), crs=4),),
               administrations=(*toci(40, 30, 20, 10), med(Medication.GM_CSF, 3)),
               temperatures=temps((30, 39.5), (10, 39.0), (1, 38.5)), labs=labs, iechs_grade=3,
               seizure=True, cerebral_edema=True, end_organ_toxicity=True, recurrent_infections=True,
               age_years=65, bmi_kg_m2=31)
    yield plan(asco(), crs_grade=1, icans_grade=2, diagnosis=Diagnosis.MM, target=Target.GPRC5D,
               weight_kg=None,
               temperatures=temps(*[(h, 38.5) for h in range(0, 90, 6)]))
    yield plan(crs_grade=None, icans_grade=None, infusion_at=None)
    yield plan(crs_grade=2, icans_grade=0, weight_kg=120, administrations=toci(7))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_plan_item_renders(lang):
    for p in _rich_plans():
        items = [*p.recommendations, *p.alerts, *p.flags, *p.not_assessable, *p.weight_based_doses, *p.taper,
                 *p.schedule, *p.icaht, *p.daily_totals]
        items += [x for x in (p.tocilizumab, p.hematotox) if x is not None]
        assert items
        for item in items:
            s = describe(item, lang)
            assert s and "{" not in s and "}" not in s, (item, s)
            if lang == "zh_CN" and getattr(item, "code", "") not in NO_CJK_OK:
                assert CJK.search(s), (item, s)


def test_describe_examples():
    p = plan(crs_grade=2, weight_kg=72)
    assert describe(p.tocilizumab, "en") == "Tocilizumab 576 mg (8 mg/kg x 72 kg) IV over 1 h — dose 1 of 4"
    assert describe(p.tocilizumab, "zh_CN").startswith("托珠单抗 576 mg（8 mg/kg × 72 kg）")
    dex = next(r for r in p.recommendations if r.code == "crs.g2.dexamethasone")
    assert describe(dex, "en") == "Consider dexamethasone 10 mg IV q6-8h."
    assert describe(dex, "zh_CN") == "可考虑 地塞米松 10 mg 静脉 q6-8h。"
    refused = plan(crs_grade=2, administrations=toci(60, 48, 36, 24)).tocilizumab
    assert "REFUSED" in describe(refused, "en") and "不可再给" in describe(refused, "zh_CN")


def test_unknown_language_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        describe(plan(crs_grade=1).recommendations[0], "fr")
