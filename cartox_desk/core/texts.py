"""Driver codes and their sentences in English and Chinese (zh_CN), with the rule source.

`core` returns `Driver(code, grade, source, params)`; `describe` turns one into the line staff read, e.g.
"hypoxia: face mask → grade 3 (ASTCT-2019)" / "低氧血症：面罩 → 3 级（ASTCT-2019）". Chinese terms follow the
standard terms table of ux.md. Every code has both languages (checked at import and in the tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

from cartox_desk.core.results import Driver


class Code(StrEnum):
    """Every driver code the grading core emits."""

    # CRS (clinical-rules §1)
    CRS_FEVER = "crs.fever"
    CRS_NO_FEVER = "crs.no_fever"
    CRS_TEMPERATURE_NOT_RECORDED = "crs.temperature_not_recorded"
    CRS_FEVER_MASKED = "crs.fever_masked"
    CRS_OTHER_CAUSE = "crs.no_fever_other_cause"
    CRS_SIGNS_WITHOUT_TEMPERATURE = "crs.signs_without_temperature"
    CRS_MASKED_NO_SIGNS = "crs.masked_no_signs"
    CRS_HYPOTENSION_NO_VASOPRESSOR = "crs.hypotension.no_vasopressor"
    CRS_HYPOTENSION_ONE_VASOPRESSOR = "crs.hypotension.one_vasopressor"
    CRS_HYPOTENSION_SEVERAL_VASOPRESSORS = "crs.hypotension.several_vasopressors"
    CRS_HYPOXIA_DEVICE = "crs.hypoxia.device"
    CRS_HYPOXIA_LOW_FLOW = "crs.hypoxia.nasal_cannula_low_flow"
    CRS_HYPOXIA_HIGH_FLOW = "crs.hypoxia.nasal_cannula_high_flow"
    CRS_HYPOXIA_FLOW_NOT_RECORDED = "crs.hypoxia.nasal_cannula_flow_not_recorded"
    CRS_OXYGEN_FOR_COMFORT = "crs.oxygen.for_comfort"
    # ICANS (clinical-rules §3)
    ICANS_ICE = "icans.ice"
    ICANS_ICE_APHASIA = "icans.ice_unable.aphasia"
    ICANS_ICE_UNAROUSABLE = "icans.ice_unable.unarousable"
    ICANS_CAPD = "icans.capd"
    ICANS_CAPD_UNABLE = "icans.capd_unable"
    ICANS_CONSCIOUSNESS = "icans.consciousness"
    ICANS_SEIZURE = "icans.seizure"
    ICANS_MOTOR = "icans.motor.deep_focal"
    ICANS_ICP = "icans.icp"
    ICANS_TOOL_NOT_RECORDED = "icans.tool_not_recorded"
    ICANS_NOT_ASSESSED = "icans.not_assessed"
    # Vasopressors (clinical-rules §2)
    VASO_NE_EQUIVALENT = "vasopressors.ne_equivalent"
    VASO_NE_EQUIVALENT_NEEDS_WEIGHT = "vasopressors.ne_equivalent_needs_weight"
    VASO_UNIT_NOT_CONVERTIBLE = "vasopressors.unit_not_convertible"
    VASO_HIGH_DOSE = "vasopressors.high_dose"


# Words for parameter values (enum words of the JSON contract), per language. ux.md standard terms.
_TERMS_EN: dict[str, str] = {
    # oxygen devices
    "room_air": "room air", "blow_by": "blow-by", "nasal_cannula": "nasal cannula",
    "face_mask": "face mask", "non_rebreather": "non-rebreather", "venturi": "Venturi mask",
    "cpap": "CPAP", "bipap": "BiPAP", "mechanical_ventilation": "mechanical ventilation",
    # drugs
    "norepinephrine": "norepinephrine", "epinephrine": "epinephrine", "phenylephrine": "phenylephrine",
    "dopamine": "dopamine", "vasopressin": "vasopressin",
    # consciousness
    "alert": "alert", "awakens_spontaneously": "awakens spontaneously",
    "awakens_to_voice": "awakens to voice",
    "awakens_to_tactile": "awakens only to touch", "unarousable": "unarousable",
    # seizure
    "resolved_rapidly": "seizure resolving rapidly",
    "prolonged_or_repetitive": "prolonged (> 5 min) or repetitive seizures",
    # ICP
    "focal_edema": "focal cerebral edema", "diffuse_edema": "diffuse cerebral edema",
    "posturing": "decerebrate or decorticate posturing", "cn6_palsy": "cranial nerve VI palsy",
    "papilledema": "papilledema", "cushings_triad": "Cushing's triad",
    # signs
    "hypotension": "hypotension", "hypoxia": "hypoxia",
    # high-dose situations
    "norepinephrine_alone": "norepinephrine alone", "dopamine_alone": "dopamine alone",
    "phenylephrine_alone": "phenylephrine alone", "epinephrine_alone": "epinephrine alone",
    "with_vasopressin": "vasopressin + NE-equivalent",
    "several_without_vasopressin": "several vasopressors, NE-equivalent",
}
_TERMS_ZH: dict[str, str] = {
    "room_air": "未吸氧", "blow_by": "吹氧（blow-by）", "nasal_cannula": "鼻导管",
    "face_mask": "面罩", "non_rebreather": "非重复呼吸面罩", "venturi": "文丘里面罩",
    "cpap": "持续气道正压通气", "bipap": "双水平正压通气", "mechanical_ventilation": "机械通气",
    "norepinephrine": "去甲肾上腺素", "epinephrine": "肾上腺素", "phenylephrine": "去氧肾上腺素",
    "dopamine": "多巴胺", "vasopressin": "血管升压素",
    "alert": "清醒", "awakens_spontaneously": "自然唤醒", "awakens_to_voice": "声音唤醒",
    "awakens_to_tactile": "仅可通过触觉刺激唤醒", "unarousable": "不能唤醒",
    "resolved_rapidly": "癫痫发作，迅速缓解",
    "prolonged_or_repetitive": "癫痫发作持续（> 5 分钟）或反复发作",
    "focal_edema": "局灶性脑水肿", "diffuse_edema": "弥漫性脑水肿",
    "posturing": "去脑或去皮质状态", "cn6_palsy": "脑神经VI麻痹",
    "papilledema": "视神经盘水肿", "cushings_triad": "库欣三联征",
    "hypotension": "低血压", "hypoxia": "低氧血症",
    "norepinephrine_alone": "去甲肾上腺素单药", "dopamine_alone": "多巴胺单药",
    "phenylephrine_alone": "去氧肾上腺素单药", "epinephrine_alone": "肾上腺素单药",
    "with_vasopressin": "血管升压素 + 去甲肾上腺素当量",
    "several_without_vasopressin": "联合升压药，去甲肾上腺素当量",
}
TERMS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "en": MappingProxyType(_TERMS_EN), "zh_CN": MappingProxyType(_TERMS_ZH)})
_JOINER = {"en": " + ", "zh_CN": " + "}
_AND = {"en": " and ", "zh_CN": "和"}

# Parameters whose values are enum words to translate ("+"-joined lists allowed).
_WORD_PARAMS = frozenset({"device", "drugs", "level", "seizure", "finding", "present", "situation", "drug"})

_EN: dict[Code, str] = {
    Code.CRS_FEVER: "fever: {temperature_c} °C (>= 38.0 °C) → grade 1",
    Code.CRS_NO_FEVER: "no fever: {temperature_c} °C (< 38.0 °C) → no CRS (grade 0)",
    Code.CRS_TEMPERATURE_NOT_RECORDED: "temperature not recorded: fever cannot be assessed, CRS not graded "
                                       "above 0 until a temperature is recorded",
    Code.CRS_FEVER_MASKED: "fever not required: antipyretic or anti-cytokine therapy given after CRS began, "
                           "graded from hypotension and hypoxia",
    Code.CRS_OTHER_CAUSE: "no CRS; {present} present: look for another cause",
    Code.CRS_SIGNS_WITHOUT_TEMPERATURE: "{present} present but temperature not recorded: record a "
                                        "temperature (CRS needs fever)",
    Code.CRS_MASKED_NO_SIGNS: "fever masked by treatment, no hypotension or hypoxia → grade 0",
    Code.CRS_HYPOTENSION_NO_VASOPRESSOR: "hypotension, no vasopressor → grade 2",
    Code.CRS_HYPOTENSION_ONE_VASOPRESSOR: "hypotension needing one vasopressor ({drugs}) → grade 3",
    Code.CRS_HYPOTENSION_SEVERAL_VASOPRESSORS: "hypotension needing more than one vasopressor, vasopressin "
                                               "not counted ({drugs}) → grade 4",
    Code.CRS_HYPOXIA_DEVICE: "hypoxia: {device} → grade {grade}",
    Code.CRS_HYPOXIA_LOW_FLOW: "hypoxia: low-flow nasal cannula {flow_l_min} L/min (<= 6 L/min) → grade 2",
    Code.CRS_HYPOXIA_HIGH_FLOW: "hypoxia: high-flow nasal cannula {flow_l_min} L/min (> 6 L/min) → grade 3",
    Code.CRS_HYPOXIA_FLOW_NOT_RECORDED: "hypoxia: nasal cannula, flow not recorded → grade 2 (grade 3 if "
                                        "> 6 L/min: record the flow)",
    Code.CRS_OXYGEN_FOR_COMFORT: "oxygen ({device}) given for comfort: charted, not graded",
    Code.ICANS_ICE: "ICE score {score}/10 → grade {grade}",
    Code.ICANS_ICE_APHASIA: "ICE not possible: awake with global aphasia → grade 3",
    Code.ICANS_ICE_UNAROUSABLE: "ICE not possible: cannot be roused → grade 4",
    Code.ICANS_CAPD: "CAPD {score}/32 → grade {grade}",
    Code.ICANS_CAPD_UNABLE: "CAPD not possible: cannot be roused → grade 4",
    Code.ICANS_CONSCIOUSNESS: "depressed level of consciousness: {level} → grade {grade}",
    Code.ICANS_SEIZURE: "{seizure} → grade {grade}",
    Code.ICANS_MOTOR: "deep focal motor weakness (hemiparesis, paraparesis) → grade 4",
    Code.ICANS_ICP: "raised ICP: {finding} → grade {grade}",
    Code.ICANS_TOOL_NOT_RECORDED: "no ICE / CAPD recorded: graded from the other findings only; "
                                  "the assessment is due",
    Code.ICANS_NOT_ASSESSED: "ICANS not assessed: no ICE / CAPD and no other finding recorded; "
                             "the assessment is due",
    Code.VASO_NE_EQUIVALENT: "norepinephrine equivalent {value} µg/min",
    Code.VASO_NE_EQUIVALENT_NEEDS_WEIGHT: "norepinephrine equivalent not computed: {drug} needs a weight "
                                          "to convert",
    Code.VASO_UNIT_NOT_CONVERTIBLE: "norepinephrine equivalent not computed: {drug} dose in {unit} "
                                    "cannot be converted",
    Code.VASO_HIGH_DOSE: "high-dose vasopressors: {situation} >= {threshold}",
}
_ZH: dict[Code, str] = {
    Code.CRS_FEVER: "发热：体温 {temperature_c} ℃（≥ 38.0 ℃）→ 1 级",
    Code.CRS_NO_FEVER: "无发热：体温 {temperature_c} ℃（< 38.0 ℃）→ 无 CRS（0 级）",
    Code.CRS_TEMPERATURE_NOT_RECORDED: "未记录体温：无法评估发热，记录体温前 CRS 不高于 0 级",
    Code.CRS_FEVER_MASKED: "不再要求发热：CRS 发生后已用退热药或抗细胞因子治疗，按低血压和低氧血症分级",
    Code.CRS_OTHER_CAUSE: "无 CRS；存在{present}：请寻找其他原因",
    Code.CRS_SIGNS_WITHOUT_TEMPERATURE: "存在{present}但未记录体温：请记录体温（CRS 诊断需要发热）",
    Code.CRS_MASKED_NO_SIGNS: "发热已被治疗掩盖，无低血压或低氧血症 → 0 级",
    Code.CRS_HYPOTENSION_NO_VASOPRESSOR: "低血压，不需要升压药 → 2 级",
    Code.CRS_HYPOTENSION_ONE_VASOPRESSOR: "低血压，需要一种升压药（{drugs}）→ 3 级",
    Code.CRS_HYPOTENSION_SEVERAL_VASOPRESSORS: "低血压，需要多种升压药（除外血管升压素）（{drugs}）→ 4 级",
    Code.CRS_HYPOXIA_DEVICE: "低氧血症：{device} → {grade} 级",
    Code.CRS_HYPOXIA_LOW_FLOW: "低氧血症：低流量鼻导管 {flow_l_min} L/min（≤ 6 L/min）→ 2 级",
    Code.CRS_HYPOXIA_HIGH_FLOW: "低氧血症：高流量鼻导管 {flow_l_min} L/min（> 6 L/min）→ 3 级",
    Code.CRS_HYPOXIA_FLOW_NOT_RECORDED: "低氧血症：鼻导管，未记录流量 → 2 级"
                                        "（> 6 L/min 则为 3 级：请记录流量）",
    Code.CRS_OXYGEN_FOR_COMFORT: "舒适性吸氧（{device}）：已记录，不参与分级",
    Code.ICANS_ICE: "免疫效应细胞相关脑病 (ICE) 评分 {score}/10 → {grade} 级",
    Code.ICANS_ICE_APHASIA: "无法完成 ICE：清醒但完全性失语 → 3 级",
    Code.ICANS_ICE_UNAROUSABLE: "无法完成 ICE：不能唤醒 → 4 级",
    Code.ICANS_CAPD: "康奈尔儿童谵妄评估量表 (CAPD) {score}/32 → {grade} 级",
    Code.ICANS_CAPD_UNABLE: "无法完成 CAPD：不能唤醒 → 4 级",
    Code.ICANS_CONSCIOUSNESS: "意识水平降低：{level} → {grade} 级",
    Code.ICANS_SEIZURE: "{seizure} → {grade} 级",
    Code.ICANS_MOTOR: "深度局部运动减弱（偏瘫、截瘫）→ 4 级",
    Code.ICANS_ICP: "颅内压增高：{finding} → {grade} 级",
    Code.ICANS_TOOL_NOT_RECORDED: "未记录 ICE / CAPD：仅按其他表现分级；评估已到期",
    Code.ICANS_NOT_ASSESSED: "ICANS 未评估：未记录 ICE / CAPD，也无其他表现；评估已到期",
    Code.VASO_NE_EQUIVALENT: "去甲肾上腺素当量 {value} µg/min",
    Code.VASO_NE_EQUIVALENT_NEEDS_WEIGHT: "未计算去甲肾上腺素当量：{drug} 换算需要体重",
    Code.VASO_UNIT_NOT_CONVERTIBLE: "未计算去甲肾上腺素当量：{drug} 剂量单位 {unit} 无法换算",
    Code.VASO_HIGH_DOSE: "高剂量升压药：{situation} ≥ {threshold}",
}

TEMPLATES: Mapping[str, Mapping[Code, str]] = MappingProxyType({
    "en": MappingProxyType(_EN), "zh_CN": MappingProxyType(_ZH)})
LANGUAGES: tuple[str, ...] = tuple(TEMPLATES)


def missing_texts() -> list[str]:
    """Codes without a sentence, or terms without a translation, per language (empty when complete)."""
    out = [f"{lang}: no text for {code.value}" for lang, table in TEMPLATES.items()
           for code in Code if code not in table]
    out += [f"zh_CN: no term for {w}" for w in _TERMS_EN if w not in _TERMS_ZH]
    out += [f"en: no term for {w}" for w in _TERMS_ZH if w not in _TERMS_EN]
    return out


if missing_texts():  # pragma: no cover - caught by the tests first
    raise RuntimeError("; ".join(missing_texts()))


def _word(value: str, lang: str) -> str:
    terms = TERMS[lang]
    if "+" in value:
        parts = [terms.get(p, p) for p in value.split("+")]
        if len(parts) == 2 and value.count("+") == 1 and _is_sign_pair(value):
            return _AND[lang].join(parts)
        return _JOINER[lang].join(parts)
    return terms.get(value, value)


def _is_sign_pair(value: str) -> bool:
    return value == "hypotension+hypoxia"


@lru_cache(maxsize=8192)
def describe(driver: Driver, lang: str = "en") -> str:
    """The sentence for ``driver`` in ``lang`` ("en" or "zh_CN"), ending with its source.

    Raises ValueError for an unknown language, KeyError for an unknown code.
    """
    if lang not in TEMPLATES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    template = TEMPLATES[lang][Code(driver.code)]
    values = {k: (_word(v, lang) if k in _WORD_PARAMS else v) for k, v in driver.params}
    body = template.format(grade="" if driver.grade is None else driver.grade, **values)
    if lang == "zh_CN":
        return f"{body}（{driver.source}）"
    return f"{body} ({driver.source})"
