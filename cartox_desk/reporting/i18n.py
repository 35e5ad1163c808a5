"""Every word the PDF prints, in English and Chinese (ux.md standard terms).

Reporting has no Qt, so it cannot use the GUI's `.ts` translations: a small dict keeps the labels here, and
the sentences for grade drivers and recommendations come from `core.texts.describe` (shared with the GUI).
"""

from __future__ import annotations

from enum import Enum

LANGS = ("en", "zh_CN")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (en, zh_CN)
    "title": ("Daily toxicity summary", "每日毒性反应总结"),
    "ward_title": ("Ward daily toxicity report", "病区每日毒性反应报告"),
    "crs": ("cytokine release syndrome (CRS)", "细胞因子释放综合征 (CRS)"),
    "icans": (
        "immune effector cell-associated neurotoxicity syndrome (ICANS)",
        "免疫效应细胞相关神经毒性综合征 (ICANS)",
    ),
    "crs_short": ("CRS", "CRS"),
    "icans_short": ("ICANS", "ICANS"),
    "not_assessed": ("not assessed", "未评估"),
    "no_data": ("no data", "无数据"),
    "none_recorded": ("none recorded", "无记录"),
    "no_data_day": (
        "No data recorded for this patient on this day: nothing was graded, measured or given. "
        "This is not a grade 0.",
        "该患者当日无任何记录：未分级、未测量、未给药。这不等于 0 级。",
    ),
    "patient": ("Patient", "患者"),
    "mrn": ("MRN", "病历号"),
    "bed": ("Bed", "床号"),
    "ward": ("Ward", "病区"),
    "age": ("Age", "年龄"),
    "years": ("y", "岁"),
    "sex": ("Sex", "性别"),
    "weight": ("Weight", "体重"),
    "diagnosis": ("Diagnosis", "诊断"),
    "product": ("Product", "产品"),
    "infusion": ("Infusion", "回输"),
    "day": ("Day", "天数"),
    "day_n": ("Day {n}", "回输后第 {m} 天 ({n})"),
    "date": ("Date", "日期"),
    "period": ("Period", "统计时段"),
    "baseline": ("baseline", "基线"),
    "baseline_ice": ("Baseline ICE", "基线 ICE"),
    "baseline_capd": ("Baseline CAPD", "基线 CAPD"),
    "hospital": ("Hospital", "医院"),
    "protocol": ("Protocol", "诊疗方案"),
    "max_grades": ("Maximum grades of the day", "当日最高分级"),
    "max_grade": ("max grade", "最高分级"),
    "grade": ("grade", "级"),
    "reached_at": ("reached at {t}", "{t} 达到"),
    "drivers": ("Why (grade drivers)", "分级依据"),
    "course": ("Grade course, last 7 days", "近 7 天分级变化"),
    "enceph": ("ICE / CAPD assessments", "ICE / CAPD 评估"),
    "ice_score": ("ICE score", "免疫效应细胞相关脑病 (ICE) 评分"),
    "capd": ("CAPD", "康奈尔儿童谵妄评估量表 (CAPD)"),
    "time": ("Time", "时间"),
    "tool": ("Tool", "量表"),
    "score": ("Score", "评分"),
    "change_baseline": ("vs baseline", "较基线"),
    "unable": ("unable to assess", "无法评估"),
    "unable_aphasia": ("unable: global aphasia", "无法评估：完全失语"),
    "unable_unarousable": ("unable: unarousable", "无法评估：不能唤醒"),
    "at_baseline": ("at baseline", "与基线相同"),
    "neuro": ("Neuro exam", "神经系统检查"),
    "vitals": ("Vital signs of the day", "当日生命体征"),
    "tmax": ("Tmax", "最高体温"),
    "lowest_sbp": ("Lowest systolic BP", "最低收缩压"),
    "lowest_map": ("Lowest MAP", "最低平均动脉压"),
    "map_calc": ("calculated", "计算值"),
    "highest_ne": ("Highest NE-equivalent", "最高去甲肾上腺素当量"),
    "high_dose": ("high-dose vasopressor", "大剂量升压药"),
    "vasopressor": ("vasopressor", "升压药"),
    "highest_o2": ("Highest O2 support", "最高氧疗支持"),
    "lowest_spo2": ("Lowest SpO2", "最低 SpO2"),
    "for_comfort": ("for comfort, not graded", "舒适性给氧，不计分级"),
    "fever_count": ("Fever ≥ 38 °C", "发热 ≥ 38 °C"),
    "readings": ("{n} readings", "{n} 次"),
    "labs": ("Laboratory results of the day", "当日实验室检查"),
    "analyte": ("Test", "项目"),
    "value": ("Value", "结果"),
    "unit": ("Unit", "单位"),
    "previous": ("Previous", "上次"),
    "trend": ("Trend", "趋势"),
    "flag": ("Flag", "提示"),
    "meds": ("Medications and interventions of the day", "当日用药与处置"),
    "drug": ("Drug / intervention", "药物 / 处置"),
    "dose": ("Dose", "剂量"),
    "route": ("Route", "途径"),
    "note": ("Note", "备注"),
    "toci_n_of": ("dose {n} of {m}", "第 {n} 剂 / 共 {m} 剂"),
    "steroid_day": ("steroid day {n}", "激素第 {n} 天"),
    "alerts": ("Alerts and recommendations", "警示与建议"),
    "source": ("source", "来源"),
    "engine_pending": (
        "Management engine not connected: recommendations are not listed. "
        "The grade drivers of the day are shown instead; the physician decides.",
        "处理建议引擎未接入，未列出建议。以下列出当日分级依据，由医师决定处理。",
    ),
    "in_progress": ("in progress, data until {t}", "进行中，数据截至 {t}"),
    "more_alerts": ("+ {n} more (see the patient's page)", "另有 {n} 条（见该患者页）"),
    "alerts_pending": ("no lab flag; management engine not connected", "无检验提示；处理建议引擎未接入"),
    "plan_at": (
        "Management engine at {at} (current grades {grades}); advice for the physician, who decides.",
        "处理建议引擎 {at}（当前分级 {grades}）；仅供医师参考，由医师决定。",
    ),
    "toci_next": ("Next tocilizumab", "下一剂托珠单抗"),
    "recommendations": (
        "Recommendations ([?] = conditional: check the condition)",
        "建议（[?] = 有条件：请核对条件）",
    ),
    "routine": ("Routine monitoring, prophylaxis and notes", "常规监测、预防与说明"),
    "routine_compact": (
        "{n} routine monitoring / prophylaxis items and notes, {m} checks not assessable: "
        "listed in the app (left out to keep this summary on two pages).",
        "常规监测、预防及说明 {n} 条，无法评估 {m} 项：见系统（为保持两页以内未打印）。",
    ),
    "risk_flags": ("Risk flags", "风险提示"),
    "not_assessable": ("Not assessable", "无法评估"),
    "no_alerts": ("No active alerts.", "无当前警示。"),
    "charts": ("Trends (days since infusion)", "趋势图（回输后天数）"),
    "chart_temp": ("Temperature (°C)", "体温 (°C)"),
    "chart_hemo": (
        "Systolic BP / MAP (mmHg) and NE-equivalent (µg/min)",
        "收缩压 / 平均动脉压 (mmHg) 与去甲肾上腺素当量 (µg/min)",
    ),
    "chart_labs": (
        "IL-6 (pg/mL) · CRP (mg/L) · ferritin (ng/mL), log scale",
        "IL-6 (pg/mL) · CRP (mg/L) · 铁蛋白 (ng/mL)，对数坐标",
    ),
    "chart_grades": ("CRS / ICANS grade (max per day)", "CRS / ICANS 分级（每日最高）"),
    "day_max": ("day max", "当日最高"),
    "sbp": ("SBP", "收缩压"),
    "map": ("MAP", "平均压"),
    "ne_eq": ("NE-eq", "NE当量"),
    "line_38": ("38 °C", "38 °C"),
    "signatures": ("Signatures", "签名"),
    "nurse_sig": ("Nurse", "护士"),
    "physician_sig": ("Physician", "医师"),
    "sign_date": ("Date / time", "日期 / 时间"),
    "page_n_of_m": ("page {n} of {m}", "第 {n} 页，共 {m} 页"),
    "generated": ("Generated {at} by {by}", "生成时间 {at}，生成者 {by}"),
    "cover": ("Ward census", "病区患者一览"),
    "alerts_n": ("Alerts", "警示"),
    "none": ("none", "无"),
    "patients_n": ("{n} admitted patients", "在院患者 {n} 人"),
    "no_patients": ("No admitted patients.", "无在院患者。"),
    "legend_badges": (
        "Grade badges print the number; – = not assessed.",
        "分级标记内为级别数字；– = 未评估。",
    ),
    "unit_per_min": ("/min", "次/分"),
    "interventions": ("Interventions", "处置"),
    "hypotension_confirmed": ("hypotension confirmed", "确认低血压"),
}

# Enum members -> words (ux.md standard terms). Keys are the enum values.
_TERMS: dict[str, tuple[str, str]] = {
    # oxygen devices
    "room_air": ("room air", "未吸氧"),
    "blow_by": ("blow-by", "吹氧"),
    "nasal_cannula": ("nasal cannula", "鼻导管"),
    "low_flow_nc": ("low-flow nasal cannula", "低流量鼻导管"),
    "high_flow_nc": ("high-flow nasal cannula", "高流量鼻导管"),
    "face_mask": ("face mask", "面罩"),
    "non_rebreather": ("non-rebreather", "非重复呼吸面罩"),
    "venturi": ("Venturi mask", "文丘里面罩"),
    "cpap": ("CPAP", "持续气道正压通气"),
    "bipap": ("BiPAP", "双水平正压通气"),
    "mechanical_ventilation": ("mechanical ventilation", "机械通气"),
    # medications
    "tocilizumab": ("tocilizumab", "托珠单抗"),
    "dexamethasone": ("dexamethasone", "地塞米松"),
    "methylprednisolone": ("methylprednisolone", "甲泼尼龙"),
    "anakinra": ("anakinra", "阿那白滞素"),
    "siltuximab": ("siltuximab", "司妥昔单抗"),
    "antipyretic": ("antipyretic", "退热药"),
    "levetiracetam": ("levetiracetam", "左乙拉西坦"),
    "g_csf": ("G-CSF", "G-CSF"),
    "gm_csf": ("GM-CSF", "GM-CSF"),
    "ivig": ("IVIG", "静脉注射人免疫球蛋白"),
    # interventions
    "icu_transfer": ("ICU transfer", "转入 ICU"),
    "intubation": ("intubation", "气管插管"),
    "crrt": ("blood purification (CRRT)", "血液净化 (CRRT)"),
    "plasma_exchange": ("plasma exchange", "血浆置换"),
    "imaging": ("imaging", "影像学检查"),
    "eeg": ("EEG", "脑电图"),
    "lumbar_puncture": ("lumbar puncture", "腰椎穿刺"),
    "other": ("other", "其他"),
    # vasopressors
    "norepinephrine": ("norepinephrine", "去甲肾上腺素"),
    "epinephrine": ("epinephrine", "肾上腺素"),
    "phenylephrine": ("phenylephrine", "去氧肾上腺素"),
    "dopamine": ("dopamine", "多巴胺"),
    "vasopressin": ("vasopressin", "血管升压素"),
    # consciousness, seizure, motor, ICP
    "alert": ("alert", "清醒"),
    "awakens_spontaneously": ("awakens spontaneously", "自然唤醒"),
    "awakens_to_voice": ("awakens to voice", "声音唤醒"),
    "awakens_to_tactile": ("awakens only to touch", "仅可通过触觉刺激唤醒"),
    "unarousable": ("unarousable", "不能唤醒"),
    "resolved_rapidly": ("seizure, resolved rapidly", "癫痫发作（迅速缓解）"),
    "prolonged_or_repetitive": ("seizure > 5 min or repetitive", "癫痫发作 > 5 分钟或反复发作"),
    "deep_focal": ("deep focal motor weakness (hemiparesis)", "深度局部运动减弱 (偏瘫)"),
    "focal_edema": ("focal cerebral edema", "局灶性脑水肿"),
    "diffuse_edema": ("diffuse cerebral edema", "弥漫性脑水肿"),
    "posturing": ("decerebrate or decorticate posturing", "去脑或去皮质状态"),
    "cn6_palsy": ("cranial nerve VI palsy", "脑神经VI麻痹"),
    "papilledema": ("papilledema", "视神经盘水肿"),
    "cushings_triad": ("Cushing's triad", "库欣三联征"),
    # sex
    "female": ("F", "女"),
    "male": ("M", "男"),
    "unknown": ("?", "未知"),
    # analytes
    "il6": ("IL-6", "白细胞介素-6 (IL-6)"),
    "ifn_gamma": ("IFN-γ", "γ干扰素 (IFN-γ)"),
    "il10": ("IL-10", "IL-10"),
    "crp": ("CRP", "C反应蛋白"),
    "ferritin": ("ferritin", "铁蛋白"),
    "fibrinogen": ("fibrinogen", "纤维蛋白原"),
    "ldh": ("LDH", "乳酸脱氢酶 (LDH)"),
    "platelets": ("platelets", "血小板"),
    "anc": ("ANC", "中性粒细胞 (ANC)"),
    "wbc": ("WBC", "白细胞 (WBC)"),
    "lymphocytes_pct": ("lymphocytes", "淋巴细胞比例"),
    "hemoglobin": ("hemoglobin", "血红蛋白"),
    "alt": ("ALT", "ALT"),
    "ast": ("AST", "AST"),
    "triglycerides": ("triglycerides", "甘油三酯"),
    "creatinine": ("creatinine", "肌酐"),
    "d_dimer": ("D-dimer", "D-二聚体"),
    "igg": ("IgG", "IgG"),
    "sil2r": ("sIL-2R", "sIL-2R"),
    "mcp1": ("MCP-1", "MCP-1"),
    "tnf_alpha": ("TNF-α", "TNF-α"),
    "car_t_copies": ("CAR-T copies", "CAR-T 拷贝数"),
    "car_positive_cells": ("CAR+ cells", "CAR+ 细胞"),
    "b_cells": ("B cells", "B 细胞"),
    "cd4": ("CD4", "CD4"),
    # lab flags
    "flag_high": ("high", "偏高"),
    "flag_low": ("low", "偏低"),
    "flag_hlh": ("> 10,000: consider HLH/MAS", "> 10,000：警惕 HLH/MAS"),
    "flag_g4_cytopenia": ("grade 4 cytopenia", "4 级血细胞减少"),
    "flag_hypofib": ("< 150 mg/dL", "< 150 mg/dL"),
    "flag_hypogamma": ("≤ 400 mg/dL: hypogammaglobulinemia", "≤ 400 mg/dL：低丙种球蛋白血症"),
    # tools
    "ICE": ("ICE", "ICE"),
    "CAPD": ("CAPD", "CAPD"),
    # diagnoses / others pass through
}

# Canonical UCUM units -> printed units (same in both languages).
_UNITS: dict[str, str] = {
    "10*9/L": "×10^9/L",
    "umol/L": "µmol/L",
    "mg/L{FEU}": "mg/L FEU",
    "copies/ug DNA": "copies/µg DNA",
    "cells/uL": "cells/µL",
    "ug/min": "µg/min",
    "ug/kg/min": "µg/kg/min",
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGS)}")
    return lang


def label(key: str, lang: str, **fmt: object) -> str:
    en, zh = _LABELS[key]
    text = zh if lang == "zh_CN" else en
    return text.format(**fmt) if fmt else text


def term(value: str | Enum, lang: str) -> str:
    key = value.value if isinstance(value, Enum) else value
    pair = _TERMS.get(str(key))
    if pair is None:
        return str(key)
    return pair[1] if lang == "zh_CN" else pair[0]


def unit(ucum: str) -> str:
    return _UNITS.get(ucum, ucum)


def all_label_keys() -> list[str]:
    return list(_LABELS)
