"""Driver sentences: every code in English and Chinese with the ux.md standard terms; fast constructors."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from cartox_desk.core import texts
from cartox_desk.core.fastnew import fast_constructor
from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.results import CrsResult, Driver, GradingResult, IcansResult, VasopressorSummary
from cartox_desk.core.snapshot import OxygenDevice, OxygenSupport, Snapshot
from cartox_desk.core.texts import Code, describe, missing_texts

CORE = Path(texts.__file__).resolve().parent


def test_every_code_has_english_and_chinese() -> None:
    assert missing_texts() == []
    for code in Code:
        assert code in texts.TEMPLATES["en"] and code in texts.TEMPLATES["zh_CN"]


def test_every_code_used_in_the_grading_modules_exists() -> None:
    used: set[str] = set()
    for module in ("crs.py", "icans.py", "vasopressors.py"):
        tree = ast.parse((CORE / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "Code"):
                used.add(node.attr)
    assert used, "no Code.* reference found"
    assert used <= {c.name for c in Code}
    # and every defined code is emitted somewhere (a code without a producer is dead text)
    emitted = used | {"VASO_NE_EQUIVALENT"}  # kept for the UI chart label; not emitted as a driver
    assert {c.name for c in Code} <= emitted


def test_example_sentence() -> None:
    r = grade_snapshot(Snapshot(temperature_c=38.5, oxygen=OxygenSupport(OxygenDevice.FACE_MASK)))
    hypoxia = r.crs.drivers[-1]
    assert describe(hypoxia) == "hypoxia: face mask → grade 3 (ASTCT-2019; CSCO-2024 §4.1.1)"
    assert describe(hypoxia, "zh_CN") == "低氧血症：面罩 → 3 级（ASTCT-2019; CSCO-2024 §4.1.1）"


@pytest.mark.parametrize(("word", "zh"), [  # ux.md standard terms table
    ("nasal_cannula", "鼻导管"), ("face_mask", "面罩"), ("non_rebreather", "非重复呼吸面罩"),
    ("venturi", "文丘里面罩"), ("cpap", "持续气道正压通气"), ("bipap", "双水平正压通气"),
    ("mechanical_ventilation", "机械通气"), ("norepinephrine", "去甲肾上腺素"), ("epinephrine", "肾上腺素"),
    ("dopamine", "多巴胺"), ("phenylephrine", "去氧肾上腺素"), ("vasopressin", "血管升压素"),
    ("awakens_spontaneously", "自然唤醒"), ("awakens_to_voice", "声音唤醒"),
    ("awakens_to_tactile", "仅可通过触觉刺激唤醒"), ("unarousable", "不能唤醒"),
    ("papilledema", "视神经盘水肿"),
    ("cushings_triad", "库欣三联征"), ("cn6_palsy", "脑神经VI麻痹"), ("posturing", "去脑或去皮质状态"),
    ("hypotension", "低血压"), ("hypoxia", "低氧血症"),
])
def test_chinese_terms_follow_ux_md(word: str, zh: str) -> None:
    assert texts.TERMS["zh_CN"][word] == zh


def test_ice_and_capd_use_the_standard_names() -> None:
    assert "免疫效应细胞相关脑病 (ICE) 评分" in texts.TEMPLATES["zh_CN"][Code.ICANS_ICE]
    assert "康奈尔儿童谵妄评估量表 (CAPD)" in texts.TEMPLATES["zh_CN"][Code.ICANS_CAPD]


def test_lists_of_drugs_are_translated() -> None:
    d = Driver(Code.CRS_HYPOTENSION_SEVERAL_VASOPRESSORS, 4, "ASTCT-2019",
               (("drugs", "norepinephrine+phenylephrine"),))
    assert "norepinephrine + phenylephrine" in describe(d)
    assert "去甲肾上腺素 + 去氧肾上腺素" in describe(d, "zh_CN")


def test_sign_pairs_read_naturally() -> None:
    d = Driver(Code.CRS_OTHER_CAUSE, 0, "clinical-rules §1 rule 1", (("present", "hypotension+hypoxia"),))
    assert describe(d) == ("no CRS; hypotension and hypoxia present: look for another cause "
                           "(clinical-rules §1 rule 1)")
    assert "低血压和低氧血症" in describe(d, "zh_CN")


def test_unknown_language_raises() -> None:
    d = Driver(Code.CRS_MASKED_NO_SIGNS, 0, "x")
    with pytest.raises(ValueError, match="unknown language"):
        describe(d, "fr")


def test_fast_constructors_build_equal_frozen_objects() -> None:
    samples = [
        (CrsResult, (2, ())),
        (IcansResult, (None, "not_assessed", None, None, ())),
        (VasopressorSummary, (1, 1, 3.5, False, ())),
        (GradingResult, (CrsResult(0), IcansResult(None, "not_assessed"), VasopressorSummary())),  # type: ignore[arg-type]
    ]
    for cls, args in samples:
        fast = fast_constructor(cls)(*args)  # type: ignore[type-var]
        slow = cls(*args)
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, dataclasses.fields(cls)[0].name, 3)


def test_fast_constructor_refuses_a_class_without_slots() -> None:
    @dataclasses.dataclass(frozen=True)
    class Plain:
        x: int

    with pytest.raises(TypeError):
        fast_constructor(Plain)
