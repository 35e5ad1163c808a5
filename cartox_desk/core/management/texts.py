# ruff: noqa: E501  (sentence tables: Chinese text is counted double-width; wrapping would split phrases)
"""English and Chinese (zh_CN) sentences for every management code (terms from ux.md).

`describe(item, lang)` renders a Recommendation, Alert, Flag, NotAssessable or a calculation. Templates use
the item's params ({name}); doses of protocol rows are rendered from the row's data, so the numbers shown
are the protocol's numbers. Advice wording ("consider", "may") keeps the physician in charge.
"""

from __future__ import annotations

from typing import Any

from cartox_desk.core.management.model import (
    Alert,
    DailyTotal,
    DoseSpec,
    Flag,
    FlagStatus,
    HematotoxScore,
    IcahtResult,
    Kind,
    NotAssessable,
    Recommendation,
    ScheduledDay,
    Status,
    TaperStep,
    TocilizumabDose,
    WeightBasedDose,
)

LANGS = ("en", "zh_CN")

T: dict[str, tuple[str, str]] = {
    # --- CRS grade 1 (REVIEW-2022 Table 2; CSCO-2024 §4.2.2 notes; ASCO-2021) ---
    "crs.g1.symptomatic": ("Symptomatic support: antipyretics, fluids.", "对症支持治疗：退热、补液。"),
    "crs.g1.infection_workup": ("Labs and cultures to exclude infection.", "完善实验室检查及病原学培养，排除感染。"),
    "crs.g1.antibiotics_if_neutropenic": ("If neutropenic: broad-spectrum antibiotics.",
                                          "如伴中性粒细胞减少：给予广谱抗生素。"),
    "crs.g1.b_all_tocilizumab": (
        "B-ALL with high tumour burden (marrow blasts {marrow_blasts_pct} % >= {blasts_pct_min} %): if high fever "
        "persists, tocilizumab may be given directly.",
        "B-ALL 高肿瘤负荷（骨髓原始细胞 {marrow_blasts_pct}% ≥ {blasts_pct_min}%）：若高热持续不退，可直接使用托珠单抗。"),
    "crs.g1.fever_persisting": ("Fever persisting > {days} days (or refractory): manage as grade 2.",
                                "发热持续 > {days} 天（或难治）：按 2 级处理。"),
    "crs.g1.fever_persisting_manage_as_g2": ("Fever persisting > {days} days (or refractory): manage as grade 2 "
                                             "(grade 2 rows shown).",
                                             "发热持续 > {days} 天（或难治）：按 2 级处理（见 2 级措施）。"),
    # --- CRS grade 2 (REVIEW-2022 Table 2) ---
    "crs.g2.fluids_oxygen": ("Fluids; oxygen as needed.", "补液；按需吸氧。"),
    "crs.g2.tocilizumab": ("Tocilizumab (dose below).", "托珠单抗（剂量见下）。"),
    "crs.g2.dexamethasone": ("Consider {doses}.", "可考虑 {doses}。"),
    # --- CRS grade 3 (CSCO-2024 §4.1.2) ---
    "crs.g3.icu": ("Consider ICU transfer.", "考虑转入 ICU。"),
    "crs.g3.fluids_anti_infective": ("Fluids; broad anti-infective cover.", "补液、强效抗感染。"),
    "crs.g3.vasopressors": ("Hypotension: vasopressor(s).", "低血压：升压药物。"),
    "crs.g3.tocilizumab": ("Tocilizumab 8 mg/kg if not given before (as grade 1; dose below).",
                           "如果既往未使用过托珠单抗，可予托珠单抗（8 mg/kg，用法同 1 级；剂量见下）。"),
    "crs.g3.dexamethasone": ("{doses}; taper quickly once better.",
                             "{doses}，症状改善后尽快减量。"),
    "crs.g3.high_flow_oxygen": ("Hypoxia: high-flow oxygen.", "低氧血症：高流量给氧。"),
    "crs.note.blood_purification": ("Blood purification (CRRT / plasma exchange) has been used for severe CRS; "
                                    "record it as a special treatment.",
                                    "血液净化（CRRT / 血浆置换）曾用于重症 CRS；作为特殊治疗记录。"),
    # --- CRS grade 4 ---
    "crs.g4.icu": ("ICU transfer.", "转入 ICU。"),
    "crs.g4.fluids_anti_infective": ("Fluids and anti-infectives as grade 3.", "补液、强效抗感染同 3 级。"),
    "crs.g4.tocilizumab": ("Tocilizumab as grade 3 if not given before (dose below).",
                           "托珠单抗同 3 级（既往未使用时；剂量见下）。"),
    "crs.g4.vasopressors": ("Hypotension: several vasopressors as needed.", "低血压：可多药升压。"),
    "crs.g4.mechanical_ventilation": ("Hypoxia: mechanical ventilation.", "低氧血症：机械通气。"),
    "crs.g4.methylprednisolone": ("High-dose methylprednisolone until back to grade 1, then taper: {doses} "
                                  "(dated schedule below).",
                                  "大剂量糖皮质激素治疗直至缓解至 1 级后减量，如 {doses}（日期见下）。"),
    "crs.note.escalate_24h": ("If CRS has not improved {hours} h after treatment, or is worse, escalate to the "
                              "next grade's management.",
                              "治疗后 {hours} 小时 CRS 无改善甚至加重，应升级至下一级处置措施。"),
    "crs.note.early_treatment": ("Early tocilizumab and steroids do not impair CD19 CAR-T expansion or efficacy "
                                 "in B-ALL and B-NHL.",
                                 "托珠单抗和类固醇的早期干预不会影响 B-ALL、B-NHL 中 CD19 CAR-T 细胞的扩增和疗效。"),
    # --- ICANS (CSCO-2024 §4.2.2) ---
    "icans.g1.oral_to_iv": ("If swallowing is impaired: oral drugs and feeding to IV.",
                            "如吞咽功能受影响，将口服药物及营养改为静脉输注。"),
    "icans.g1.agitation": ("Agitation: low-dose lorazepam or haloperidol.", "躁动患者可给予低剂量劳拉西泮或氟哌啶醇镇静。"),
    "icans.g1.neurology_consult": ("Neurology consult.", "神经科会诊。"),
    "icans.g1.fundoscopy": ("Fundoscopy for papilledema.", "眼底镜检查确定是否有视神经盘水肿。"),
    "icans.g1.brain_imaging": ("Brain MRI with contrast (or CT) for focal or local lesions.",
                               "颅脑影像学检查（增强 MRI 或 CT）确定是否有局灶或局部病变。"),
    "icans.g1.lumbar_puncture": ("Lumbar puncture for opening pressure, cytokines, CAR-T count (optional).",
                                 "腰穿行颅内压、细胞因子、CAR-T 数检测（选做）。"),
    "icans.g1.eeg": ("EEG.", "脑电图检查是否有异常。"),
    "icans.g1.dexamethasone_levetiracetam": (
        "If severe neurotoxicity is likely: {doses} and levetiracetam seizure prophylaxis.",
        "如果患者后续可能发生严重神经毒性，给予 {doses}，左乙拉西坦预防癫痫发作。"),
    "icans.tocilizumab_concurrent_crs": (
        "Concurrent CRS and no anti-IL-6 yet: tocilizumab 8 mg/kg, may repeat after {repeat_after_h} h, "
        "{max_doses} doses in total at most (dose below).",
        "合并 CRS 且未使用过抗 IL-6 治疗：可予托珠单抗 8 mg/kg，{repeat_after_h} 小时可重复，建议总量不超 {max_doses} 次（剂量见下）。"),
    "icans.g2.steroids": ("If anti-IL-6 failed or there is no CRS: {doses}; taper quickly once grade 1.",
                          "如果对抗 IL-6 治疗无效或未合并 CRS：{doses}，降至 1 级后快速减量。"),
    "icans.g2.icu_concurrent_crs": ("Concurrent CRS >= grade {crs_grade_min}: move to ICU.",
                                    "合并 ≥{crs_grade_min} 级 CRS：建议转入 ICU。"),
    "icans.alt.review_dexamethasone": ("Alternative (REVIEW-2022): {doses} for grades 2-3.",
                                       "其他来源（REVIEW-2022）：2-3 级 {doses}。"),
    "icans.g3.icu": ("ICU transfer.", "建议转入 ICU。"),
    "icans.g3.dexamethasone": ("{doses} until grade 1, then quick taper.",
                               "{doses}，直至缓解至 1 级后快速减量。"),
    "icans.g3.repeat_imaging": ("Repeat imaging every {every_days} days.", "每 {every_days} 天重复影像学检查。"),
    "icans.g4.icu_ventilation": ("ICU; mechanical ventilation.", "转入 ICU，机械通气。"),
    "icans.g4.methylprednisolone": ("High-dose steroids until grade 1, then taper: {doses} "
                                    "(dated schedule below).",
                                    "大剂量激素治疗直至缓解至 1 级后减量，如 {doses}（日期见下）。"),
    "icans.g4.anakinra": ("If no steroid response: consider anakinra (IL-1 receptor antagonist).",
                          "如果糖皮质激素无应答，考虑使用阿那白滞素（IL-1 受体拮抗剂）。"),
    "icans.note.tocilizumab_worsens": (
        "Tocilizumab raises free and CSF IL-6 and may worsen ICANS: steroids matter more; tocilizumab only for "
        "concurrent CRS.",
        "托珠单抗可升高血清游离 IL-6 及脑脊液 IL-6，可能加重神经毒性：ICANS 处理中糖皮质激素更重要，托珠单抗仅用于合并 CRS 时。"),
    "icans.note.seizure": ("Seizure: a benzodiazepine (e.g. lorazepam) first, then levetiracetam.",
                           "癫痫发作：先用苯二氮䓬类（如劳拉西泮），再用左乙拉西坦。"),
    "icans.note.cerebral_edema": ("Cerebral edema: add mannitol or hypertonic saline.", "脑水肿：加用甘露醇或高渗盐水。"),
    "icans.note.steroid_course": ("Steroid courses shorter than {days} days do not impair CAR-T efficacy; watch for "
                                  "relapse of neurotoxicity during the taper.",
                                  "激素疗程短于 {days} 天不影响 CAR-T 疗效；减量期间注意神经毒性复发。"),
    # --- population notes (CSCO-2024 §4.2.2 notes) ---
    "population.all": ("ALL: CRS and ICANS are the focus; high tumour burden means stronger toxicity.",
                       "ALL：CRS 和 ICANS 是管理重点；高肿瘤负荷免疫毒性更强，处理需更积极。"),
    "population.nhl": ("NHL: watch for local CRS.", "NHL：注意局部 CRS。"),
    "population.mm": ("MM: delayed, target-specific neurotoxicity: cranial nerve palsy (VII most often), "
                      "neuropathy, parkinsonism.",
                      "MM：与靶点相关的迟发性神经毒性：颅神经麻痹（最常见第 7 颅神经）、神经病变、帕金森样综合征。"),
    "population.gprc5d": ("GPRC5D product: cerebellar toxicity (dizziness, ataxia).",
                          "GPRC5D 产品：小脑神经毒性（头晕、共济失调）。"),
    # --- refractory, HLH/MAS, CARAC ---
    "refractory.siltuximab": ("Refractory CRS / ICANS: siltuximab (anti-IL-6, does not worsen ICANS).",
                              "难治性 CRS / ICANS：司妥昔单抗（抗 IL-6，不加重 ICANS）。"),
    "refractory.anakinra": ("Refractory CRS / ICANS: anakinra (IL-1 receptor antagonist).",
                            "难治性 CRS / ICANS：阿那白滞素（IL-1 受体拮抗剂）。"),
    "hlh.consider": ("Consider HLH/MAS (IEC-HS); see alerts.", "考虑 HLH/MAS（IEC-HS），见提示。"),
    "hlh.b_all_methylprednisolone": ("B-ALL, CAR-T-related HLH/MAS: pulse {doses}.",
                                     "B-ALL CAR-T 相关 HLH/MAS：冲击治疗 {doses}。"),
    "carac.coagulation_monitoring": ("CRS >= 3 without improvement: monitor coagulation more often.",
                                     "CRS ≥3 级且无改善：增加凝血功能监测频率。"),
    "carac.bleeding_dic_scores": ("Compute the WHO bleeding score and the DIC score.", "计算 WHO 出血评分和 DIC 评分。"),
    "carac.replacement_plasma_exchange": ("Intensify CRS control; replacement therapy; plasma exchange when needed.",
                                          "加强 CRS 控制；替代治疗；必要时血浆置换。"),
    # --- IEC-HS (CSCO-2024 §4.3) ---
    "iechs.first_line": ("IEC-HS first line: {doses} (anakinra dose for adults).",
                         "IEC-HS 一线：{doses}（阿那白滞素为成人剂量）。"),
    "iechs.second_line": ("No response after {after_h} h: raise doses, give both together, consider {doses}.",
                          "{after_h} 小时无应答：增加剂量、两药联用，考虑 {doses}。"),
    "iechs.third_line": ("Third line: emapalumab, abatacept, alemtuzumab, {doses}, dasatinib.",
                         "三线：依帕伐单抗、阿巴西普、阿仑单抗、{doses}、达沙替尼。"),
    "iechs.support.hemoglobin": ("Keep hemoglobin > {hb_g_dl_min} g/dL.", "维持血红蛋白 > {hb_g_dl_min} g/dL。"),
    "iechs.support.platelets": ("Platelets > {platelets_min} x 10^9/L if bleeding or coagulopathy.",
                                "如有出血或凝血异常，血小板 > {platelets_min} × 10^9/L。"),
    "iechs.support.fibrinogen": ("Fibrinogen > {fibrinogen_min} mg/dL (> {fibrinogen_min_bleeding} with bleeding).",
                                 "纤维蛋白原 > {fibrinogen_min} mg/dL（出血时 > {fibrinogen_min_bleeding}）。"),
    "iechs.support.vitamin_k": ("Vitamin K if INR > {inr_above}.", "INR > {inr_above} 时补充维生素 K。"),
    "iechs.support.cryo_plasma": ("Cryoprecipitate and plasma if INR > {inr_above}.",
                                  "INR > {inr_above} 时输注冷沉淀和血浆。"),
    "iechs.grade.1": ("IEC-HS grade 1: asymptomatic or mild.", "IEC-HS 1 级：无症状或轻度。"),
    "iechs.grade.2": ("IEC-HS grade 2: mild-moderate, needs intervention (immunosuppression for IEC-HS, or "
                      "transfusion for asymptomatic hypofibrinogenemia).",
                      "IEC-HS 2 级：轻-中度，需要干预（针对 IEC-HS 的免疫抑制治疗，或无症状低纤维蛋白原血症需输注）。"),
    "iechs.grade.3": ("IEC-HS grade 3: severe, not immediately life-threatening (bleeding coagulopathy needing "
                      "transfusion, or admission for new AKI, hypotension or respiratory distress).",
                      "IEC-HS 3 级：重度，尚不立即危及生命（需输注的出血性凝血病，或因新发急性肾损伤、低血压、呼吸窘迫住院）。"),
    "iechs.grade.4": ("IEC-HS grade 4: life-threatening, urgent intervention (life-threatening bleeding or "
                      "hypotension, intubation, dialysis).",
                      "IEC-HS 4 级：危及生命，需紧急干预（危及生命的出血或低血压、气管插管、透析）。"),
    "iechs.grade.5": ("IEC-HS grade 5: death.", "IEC-HS 5 级：死亡。"),
    "iechs.screen": ("IEC-HS screening: ferritin {ferritin_ng_ml} ng/mL with {criteria} within 72 h. Not a "
                     "diagnosis: exclude CRS, infection and progression; the physician confirms and grades.",
                     "IEC-HS 筛查提示：72 小时内铁蛋白 {ferritin_ng_ml} ng/mL 伴 {criteria}。非诊断：需排除 CRS、感染及疾病进展，由医师确认并分级。"),
    # --- hypogammaglobulinemia (CSCO-2024 §4.6, §3.6) ---
    "hypogamma.ivig": ("IgG {igg_mg_dl} mg/dL (<= {igg_mg_dl_max}): {doses}, monthly until B cells recover or "
                       "{months} months after infusion.",
                       "IgG {igg_mg_dl} mg/dL（≤{igg_mg_dl_max}）：{doses}，每月一次，直至 B 细胞恢复或回输后 {months} 个月。"),
    "hypogamma.b_all_ivig": ("B-ALL, IgG {igg_mg_dl} mg/dL (< {igg_mg_dl_below}) with recurrent infections: "
                             "{doses}.",
                             "B-ALL，IgG {igg_mg_dl} mg/dL（< {igg_mg_dl_below}）伴反复感染：{doses}。"),
    "hypogamma.igg_low": ("Hypogammaglobulinemia: IgG {igg_mg_dl} mg/dL (<= {threshold}).",
                          "低丙种球蛋白血症：IgG {igg_mg_dl} mg/dL（≤{threshold}）。"),
    "hypogamma.b_cell_aplasia": ("B-cell aplasia: B cells {b_cells_ul}/uL (< {threshold}).",
                                 "B 细胞缺乏：B 细胞 {b_cells_ul}/μL（< {threshold}）。"),
    # --- ICAHT (CSCO-2024 §4.5) ---
    "icaht.gcsf_therapeutic": ("ANC {anc_1e9_l} x 10^9/L (< {anc_1e9_l_below}): {doses}.",
                               "中性粒细胞 ANC {anc_1e9_l} × 10^9/L（< {anc_1e9_l_below}）：给予 {doses}。"),
    "icaht.gcsf_prophylactic": ("CAR-HEMATOTOX high risk (score {score}): {doses} from day +{from_day}.",
                                "CAR-HEMATOTOX 高危（{score} 分）：自 D+{from_day} 起 {doses}。"),
    "icaht.blood_products": ("Irradiated / leukocyte-depleted blood products from {days_before_apheresis} days "
                             "before apheresis to >= {days_after} days after infusion.",
                             "血液制品辐照或滤除白细胞：从单采前 {days_before_apheresis} 天开始，直到回输后至少 {days_after} 天。"),
    "icaht.antiviral": ("Antiviral prophylaxis for all: {doses}, until 1 year and/or CD4 > {cd4_1e9_l} x 10^9/L.",
                        "所有患者抗病毒预防：{doses}，至 1 年和/或 CD4 > {cd4_1e9_l} × 10^9/L。"),
    "icaht.antibacterial": ("High-risk patients: antibacterial prophylaxis once ANC < {anc_1e9_l_below} x 10^9/L.",
                            "高危患者：ANC < {anc_1e9_l_below} × 10^9/L 时抗细菌预防。"),
    "icaht.early.grade": ("Early ICAHT grade {grade}.", "早期 ICAHT {grade} 级。"),
    "icaht.late.grade": ("Late ICAHT grade {grade}.", "晚期 ICAHT {grade} 级。"),
    "hematotox.high": ("CAR-HEMATOTOX high risk (score {score}).", "CAR-HEMATOTOX 高危（{score} 分）。"),
    # --- prophylaxis (§7) and monitoring (§6) ---
    "prophylaxis.levetiracetam": ("{doses} from the infusion day.", "自回输当天起 {doses}。"),
    "prophylaxis.cotrimoxazole": ("PCP prophylaxis: {doses} on {days_per_week} days a week, from 1 "
                                  "week before infusion until CD4 > {cd4_per_ul}/uL.",
                                  "预防 PCP：{doses}，每周 {days_per_week} 天，自回输前 1 周至 CD4 > {cd4_per_ul}/μL。"),
    "prophylaxis.antiviral": ("Antiviral prophylaxis: {doses}, from lymphodepletion until {months} months after "
                              "infusion (1 year if high risk).",
                              "抗病毒预防：{doses}，自清淋开始至回输后 {months} 个月（高危者 1 年）。"),
    "prophylaxis.hbv": ("HBsAg+ or HBV-DNA+: nucleos(t)ide analogue (entecavir, TDF, TAF).",
                        "HBsAg 阳性或 HBV-DNA 阳性：核苷(酸)类似物（恩替卡韦、TDF、TAF）。"),
    "prophylaxis.no_gm_csf": ("No GM-CSF during or after infusion; G-CSF is allowed.",
                              "回输期间及之后不用 GM-CSF；可用 G-CSF。"),
    "prophylaxis.gm_csf_given": ("GM-CSF recorded at {at}: GM-CSF should not be given during or after infusion.",
                                 "{at} 记录使用 GM-CSF：回输期间及之后不应使用 GM-CSF。"),
    "monitoring.ecg_vitals": ("Continuous ECG from infusion; vital signs at least {vitals_per_day_min} times a day, "
                              "more often when they change.",
                              "回输起持续心电监护；生命体征每天至少 {vitals_per_day_min} 次，变化时增加频率。"),
    "monitoring.inpatient": ("Inpatient observation until day +{until_day}.", "住院观察至 D+{until_day}。"),
    "monitoring.expansion_cytokines": ("Cell expansion and cytokines at least {per_week_min} times a week.",
                                       "细胞扩增和细胞因子每周至少 {per_week_min} 次。"),
    "monitoring.expansion_samples": ("CAR-T expansion samples on days {days}.", "CAR-T 扩增检测时间点：第 {days} 天。"),
    "monitoring.labs": ("After infusion: blood count, chemistry, coagulation, CRP, ferritin, IgG/IgA/IgM; cytokines "
                        "at least IL-6, TNF-α, sIL-2R, IL-10.",
                        "回输后：血常规、生化、凝血、CRP、铁蛋白、IgG/IgA/IgM；细胞因子至少 IL-6、TNF-α、sIL-2R、IL-10。"),
    "monitoring.labs_b_all": ("B-ALL: also LDH, PCT, IL-2R; optionally IL-8, IL-10, IL-15, TNF-α, IFN-γ, IL-1.",
                              "B-ALL：另查 LDH、PCT、IL-2R；可选 IL-8、IL-10、IL-15、TNF-α、IFN-γ、IL-1。"),
    "monitoring.stay_near": ("Stay near the treating hospital until day +{until_day}; no driving for "
                             "{no_driving_weeks} weeks.",
                             "D+{until_day} 前留在治疗医院附近；{no_driving_weeks} 周内不驾驶。"),
    "monitoring.ice_schedule": ("ICE / CAPD: baseline before infusion, then every {every_h} h (setting).",
                                "ICE / CAPD：回输前基线评估，之后每 {every_h} 小时（可设置）。"),
    "monitoring.expansion_sample_due": ("CAR-T expansion sample due today (day +{day}).",
                                        "今日（D+{day}）需采集 CAR-T 扩增检测样本。"),
    "monitoring.expansion_sample": ("Expansion sample, day +{day}: {on}.", "扩增检测，D+{day}：{on}。"),
    "hypogamma.ivig.day": ("IVIG day {day}: {on}.", "静脉注射人免疫球蛋白第 {day} 天：{on}。"),
    # --- alerts ---
    "fever.within_21d": ("Fever on day +{day}: suspect CRS; exclude infection (cultures), sepsis, tumour lysis, "
                         "HLH/MAS.",
                         "D+{day} 发热：疑似 CRS；排除感染（培养）、脓毒症、肿瘤溶解、HLH/MAS。"),
    "crs.escalate.not_improved": ("CRS grade {grade} not improved {hours} h after treatment (grade "
                                  "{grade_at_treatment} at {treatment_at}): consider escalating to grade {next_grade} "
                                  "management.",
                                  "治疗后 {hours} 小时 CRS {grade} 级无改善（治疗时 {grade_at_treatment} 级，{treatment_at}）：考虑升级至 {next_grade} 级处置。"),
    "crs.escalate.worse": ("CRS worse after treatment (grade {grade_at_treatment} -> {grade}): consider escalating "
                           "to grade {next_grade} management.",
                           "治疗后 CRS 加重（{grade_at_treatment} 级 → {grade} 级）：考虑升级至 {next_grade} 级处置。"),
    "crs.escalate.fever_persisting": ("Grade 1 CRS with fever persisting > {days} days: manage as grade 2 "
                                      "(ASCO-2021).",
                                      "1 级 CRS 发热持续 > {days} 天：按 2 级处理（ASCO-2021）。"),
    "hlh.ferritin": ("Ferritin {ferritin_ng_ml} ng/mL (> {threshold}): consider HLH/MAS.",
                     "铁蛋白 {ferritin_ng_ml} ng/mL（> {threshold}）：考虑 HLH/MAS。"),
    "hlh.persistent_fever_12h": ("Fever persisting 12 h after first-line treatment (from {first_line_at}): suspect "
                                 "HLH/MAS.",
                                 "一线治疗（{first_line_at}）后 12 小时仍发热：疑似 HLH/MAS。"),
    "hlh.end_organ_12h": ("End-organ toxicity 12 h after first-line treatment: suspect HLH/MAS.",
                          "一线治疗后 12 小时仍有终末器官毒性：疑似 HLH/MAS。"),
    "tocilizumab.refused.max_total": ("Tocilizumab refused: {doses_given} doses already given; at most "
                                      "{max_doses_total} in total.",
                                      "托珠单抗不可再给：已用 {doses_given} 次，总量最多 {max_doses_total} 次。"),
    "tocilizumab.refused.24h_limit": ("Tocilizumab not now: {doses_in_last_24h} doses in the last 24 h (at most "
                                      "{max_doses_24h}); next allowed {next_allowed_at}.",
                                      "托珠单抗暂不可给：24 小时内已用 {doses_in_last_24h} 次（最多 {max_doses_24h} 次）；最早 {next_allowed_at}。"),
    "tocilizumab.refused.interval": ("Tocilizumab not now: last dose {last_dose_at}, at least {min_interval_h} h "
                                     "between doses; next allowed {next_allowed_at}.",
                                     "托珠单抗暂不可给：上次 {last_dose_at}，两次间隔至少 {min_interval_h} 小时；最早 {next_allowed_at}。"),
    "tocilizumab.refused.no_weight": ("Tocilizumab dose not calculated: weight not recorded.",
                                      "未记录体重，无法计算托珠单抗剂量。"),
    "tocilizumab.last_allowed_dose": ("This would be the last tocilizumab dose allowed ({max_doses_total} in total).",
                                      "这将是允许的最后一次托珠单抗（总量 {max_doses_total} 次）。"),
    "tocilizumab.last_dose_in_24h": ("This would be dose {max_doses_24h} in 24 h, the most allowed.",
                                     "这将是 24 小时内第 {max_doses_24h} 次，已达上限。"),
    "tocilizumab.icans_total": ("ICANS: {doses_given} tocilizumab doses already given; CSCO-2024 advises "
                                "{max_doses} doses in total at most with ICANS (steroids matter more).",
                                "ICANS：已用托珠单抗 {doses_given} 次；CSCO-2024 建议 ICANS 时总量不超 {max_doses} 次（糖皮质激素更重要）。"),
    "tocilizumab.capped": ("Tocilizumab capped at {max_mg} mg (calculated {uncapped_mg} mg).",
                           "托珠单抗单次最大剂量 {max_mg} mg（计算值 {uncapped_mg} mg）。"),
    "expansion.abnormal": ("Abnormal CAR-T expansion: WBC {wbc_1e9_l} x 10^9/L, lymphocytes {lymphocyte_pct} %, "
                           "CAR+ T cells {car_positive_ul}/uL.",
                           "CAR-T 细胞异常扩增：白细胞 {wbc_1e9_l} × 10^9/L，淋巴细胞 {lymphocyte_pct}%，CAR+ T 细胞 {car_positive_ul}/μL。"),
    # --- risk flags (§9) ---
    "risk.gust_high": ("Gust tree: high risk of grade >= 4 neurotoxicity (Tmax {tmax_c} °C, IL-6 {il6_pg_ml} "
                       "pg/mL, MCP-1 {mcp1_pg_ml} pg/mL in 36 h).",
                       "Gust 决策树：≥4 级神经毒性高风险（36 小时内最高体温 {tmax_c} °C，IL-6 {il6_pg_ml} pg/mL，MCP-1 {mcp1_pg_ml} pg/mL）。"),
    "risk.age_over_60": ("Age {age_years} (> {over}): ICANS risk factor.", "年龄 {age_years} 岁（> {over}）：ICANS 危险因素。"),
    "risk.bmi": ("BMI {bmi_kg_m2} kg/m² (high BMI is an ICANS risk factor; no cut-off given).",
                 "BMI {bmi_kg_m2} kg/m²（高 BMI 为 ICANS 危险因素；无界值）。"),
    "risk.neurological_history": ("Pre-existing neurological disease: ICANS risk factor.", "既往神经系统疾病：ICANS 危险因素。"),
    "risk.ldh_before_infusion": ("LDH before infusion {ldh_u_l} U/L (high LDH is an ICANS risk factor; no cut-off "
                                 "given).",
                                 "回输前 LDH {ldh_u_l} U/L（LDH 升高为 ICANS 危险因素；无界值）。"),
    "risk.platelets_before_infusion": ("Platelets before infusion {platelets_1e9_l} x 10^9/L (low platelets: CRS / "
                                       "ICANS risk factor; no cut-off given).",
                                       "回输前血小板 {platelets_1e9_l} × 10^9/L（血小板减少为 CRS / ICANS 危险因素；无界值）。"),
    "risk.ferritin_rising": ("Ferritin rising within 72 h ({first} -> {latest} ng/mL): ICANS risk factor.",
                             "72 小时内铁蛋白升高（{first} → {latest} ng/mL）：ICANS 危险因素。"),
    "risk.crs_early_severe": ("CRS so far: worst grade {max_crs_grade}, onset day +{onset_day} (early or severe CRS "
                              "is an ICANS risk factor).",
                              "目前 CRS 最高 {max_crs_grade} 级，起病 D+{onset_day}（早发或重度 CRS 为 ICANS 危险因素）。"),
    "risk.cd28": ("CD28 co-stimulatory domain: ICANS risk factor.", "CD28 共刺激结构域：ICANS 危险因素。"),
    "risk.hypophosphatemia": ("Hypophosphatemia (ICANS risk factor): not assessable, no phosphate cut-off given.",
                              "低磷血症（ICANS 危险因素）：无法评估，无血磷界值。"),
    "risk.easix": ("EASIX before lymphodepletion {value} (> {cutoff}: higher risk of grade >= 3 CRS / ICANS).",
                   "清淋前 EASIX {value}（> {cutoff}：≥3 级 CRS / ICANS 风险较高）。"),
    "risk.m_easix": ("m-EASIX {value} (previous {previous}, trend {trend}); no adopted cut-off.",
                     "m-EASIX {value}（上次 {previous}，趋势 {trend}）；无公认界值。"),
    "risk.high_tumour_burden": ("High tumour burden: CRS risk factor.", "高肿瘤负荷：CRS 危险因素。"),
    "risk.car_expansion_peak": ("Peak CAR+ cells {peak_cells_ul}/uL (high peak expansion is a CRS risk factor; no "
                                "cut-off given).",
                                "CAR+ 细胞峰值 {peak_cells_ul}/μL（扩增峰值高为 CRS 危险因素；无界值）。"),
    "risk.flu_cy": ("Fludarabine + cyclophosphamide lymphodepletion: CRS risk factor.",
                    "氟达拉滨 + 环磷酰胺清淋：CRS 危险因素。"),
    # --- not-assessable labels and calculations ---
    "crs.management": ("CRS management", "CRS 处理"),
    "icans.management": ("ICANS management", "ICANS 处理"),
    "hematotox.score": ("CAR-HEMATOTOX", "CAR-HEMATOTOX"),
    "icaht.early": ("Early ICAHT", "早期 ICAHT"),
    "dose.weight_based": ("Weight-based doses", "按体重计算的剂量"),
}

LABELS: dict[str, tuple[str, str]] = {
    "risk.gust_high": ("Gust tree (severe neurotoxicity risk)", "Gust 决策树（重度神经毒性风险）"),
    "risk.age_over_60": ("Age > 60", "年龄 > 60 岁"),
    "risk.bmi": ("BMI", "BMI"),
    "risk.neurological_history": ("Pre-existing neurological disease", "既往神经系统疾病"),
    "risk.ldh_before_infusion": ("LDH before infusion", "回输前 LDH"),
    "risk.platelets_before_infusion": ("Platelets before infusion", "回输前血小板"),
    "risk.ferritin_rising": ("Ferritin rising within 72 h", "72 小时内铁蛋白升高"),
    "risk.crs_early_severe": ("Early or severe CRS", "早发或重度 CRS"),
    "risk.cd28": ("CD28 co-stimulatory domain", "CD28 共刺激结构域"),
    "risk.hypophosphatemia": ("Hypophosphatemia", "低磷血症"),
    "risk.easix": ("EASIX before lymphodepletion", "清淋前 EASIX"),
    "risk.m_easix": ("m-EASIX", "m-EASIX"),
    "risk.high_tumour_burden": ("High tumour burden", "高肿瘤负荷"),
    "risk.car_expansion_peak": ("Peak CAR-T expansion", "CAR-T 扩增峰值"),
    "risk.flu_cy": ("Fludarabine + cyclophosphamide lymphodepletion", "氟达拉滨 + 环磷酰胺清淋"),
    "hypogamma.ivig": ("IVIG for hypogammaglobulinemia", "低丙种球蛋白血症 IVIG"),
    "hypogamma.b_all_ivig": ("IVIG in B-ALL", "B-ALL IVIG"),
    "icaht.gcsf_therapeutic": ("G-CSF for ANC < 0.5", "ANC < 0.5 时 G-CSF"),
    "icaht.gcsf_prophylactic": ("Prophylactic G-CSF (CAR-HEMATOTOX)", "预防性 G-CSF（CAR-HEMATOTOX）"),
    "expansion.abnormal": ("Abnormal CAR-T expansion", "CAR-T 细胞异常扩增"),
    "iechs.screen": ("IEC-HS screening", "IEC-HS 筛查"),
}
# Short names of alert codes for lists where the full sentence does not fit (the ward census); the longest
# matching prefix wins, so "tocilizumab.refused.24h_limit" reads as "Tocilizumab limit".
ALERT_LABELS: dict[str, tuple[str, str]] = {
    "crs.escalate": ("CRS escalation due", "CRS 需升级处理"),
    "crs.escalate.fever_persisting": ("CRS 1: fever persisting", "CRS 1 级：持续发热"),
    "expansion.abnormal": ("Abnormal CAR-T expansion", "CAR-T 细胞异常扩增"),
    "fever.within_21d": ("Fever: CRS work-up", "发热：CRS 评估"),
    "hematotox.high": ("CAR-HEMATOTOX high", "CAR-HEMATOTOX 高危"),
    "hlh": ("HLH/MAS to consider", "需考虑 HLH/MAS"),
    "hypogamma": ("Hypogammaglobulinemia", "低丙种球蛋白血症"),
    "icaht": ("ICAHT", "ICAHT"),
    "icaht.early": ("Early ICAHT", "早期 ICAHT"),
    "icaht.late": ("Late ICAHT", "晚期 ICAHT"),
    "iechs.screen": ("IEC-HS screening", "IEC-HS 筛查"),
    "monitoring.expansion_sample_due": ("CAR-T sample due", "CAR-T 检测样本到期"),
    "prophylaxis.gm_csf_given": ("GM-CSF given", "已用 GM-CSF"),
    "tocilizumab": ("Tocilizumab limit", "托珠单抗限量"),
    "tocilizumab.capped": ("Tocilizumab dose capped", "托珠单抗剂量已封顶"),
    "tocilizumab.icans_total": ("Tocilizumab total (ICANS)", "托珠单抗总量（ICANS）"),
}


def alert_label(code: str, lang: str = "en") -> str:
    """A few words naming an alert (`ALERT_LABELS`, longest prefix); the code itself when unknown."""
    parts = code.split(".")
    for n in range(len(parts), 0, -1):
        pair = ALERT_LABELS.get(".".join(parts[:n]))
        if pair is not None:
            return _pick(pair, lang)
    return code


CRITERIA: dict[str, tuple[str, str]] = {
    "anc": ("ANC < 0.5 x 10^9/L", "ANC < 0.5 × 10^9/L"),
    "platelets": ("platelets < 25 x 10^9/L", "血小板 < 25 × 10^9/L"),
    "fibrinogen": ("fibrinogen < 150 mg/dL", "纤维蛋白原 < 150 mg/dL"),
    "alt": ("ALT > 5 x ULN", "ALT > 5 × ULN"),
    "ast": ("AST > 5 x ULN", "AST > 5 × ULN"),
}
MISSING_NONE = ("not recorded", "未记录")

NOT_ASSESSABLE = ("{label}: not assessable (missing: {missing}).", "{label}：无法评估（缺少：{missing}）。")
CONDITIONAL = ("", "")  # conditions are written into the row sentences ("if ...")
ESCALATION = ("Escalation (grade {grade}): ", "升级处置（{grade} 级）：")
ABSENT = ("{label}: not present.", "{label}：无。")

DRUGS: dict[str, str] = {
    "tocilizumab": "托珠单抗", "siltuximab": "司妥昔单抗", "anakinra": "阿那白滞素", "dexamethasone": "地塞米松",
    "methylprednisolone": "甲泼尼龙", "ruxolitinib": "芦可替尼", "etoposide": "依托泊苷",
    "ivig": "静脉注射人免疫球蛋白", "g_csf": "G-CSF", "valacyclovir": "伐昔洛韦", "acyclovir": "阿昔洛韦",
    "levetiracetam": "左乙拉西坦", "co-trimoxazole": "复方磺胺甲噁唑",
}
DRUGS_EN: dict[str, str] = {"ivig": "IVIG", "g_csf": "G-CSF"}
ROUTES: dict[str, str] = {"IV": "静脉", "PO": "口服"}


def has_text(code: str) -> bool:
    return code in T


def all_codes() -> tuple[str, ...]:
    return tuple(T)


def text(code: str, lang: str = "en", **values: Any) -> str:
    """The sentence for `code` in `lang` with `values` filled in (unknown placeholders show "?")."""
    template = _pick(T.get(code, (code, code)), lang)
    return template.format_map(_Fill(values))


class _Fill(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _pick(pair: tuple[str, str], lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGS}")
    return pair[0] if lang == "en" else pair[1]


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def drug_name(drug: str, lang: str) -> str:
    return DRUGS.get(drug, drug) if lang == "zh_CN" else DRUGS_EN.get(drug, drug)


def dose_text(spec: DoseSpec, lang: str = "en") -> str:
    """e.g. "dexamethasone 10-20 mg IV q6h 1-3 d" / "地塞米松 10-20 mg 静脉 q6h 1-3 天"."""
    amount = _num(spec.amount_min) if spec.amount_min == spec.amount_max else \
        f"{_num(spec.amount_min)}-{_num(spec.amount_max)}"
    parts = [drug_name(spec.drug, lang), f"{amount} {spec.unit}"]
    if spec.route:
        parts.append(ROUTES.get(spec.route, spec.route) if lang == "zh_CN" else spec.route)
    if spec.interval:
        parts.append(spec.interval)
    if spec.duration:
        parts.append(spec.duration.replace(" d", " 天") if lang == "zh_CN" else spec.duration.replace(" d", " days"))
    return " ".join(parts)


def doses_text(doses: tuple[DoseSpec, ...], lang: str = "en") -> str:
    sep = ", " if lang == "en" else "，"
    joiner = " or " if lang == "en" else " 或 "
    # Several drugs: alternatives ("or"); one drug in several steps (a taper): a sequence.
    if len({d.drug for d in doses}) == len(doses) and len(doses) > 1:
        return joiner.join(dose_text(d, lang) for d in doses)
    return sep.join(dose_text(d, lang) for d in doses)


def describe(item: object, lang: str = "en") -> str:
    """One sentence for any management output, in "en" or "zh_CN"."""
    if isinstance(item, Recommendation):
        values = dict(item.params)
        values["doses"] = doses_text(item.doses, lang)
        sentence = text(item.code, lang, **values)
        sentence = sentence[:1].upper() + sentence[1:]
        if item.escalation:
            sentence = _pick(ESCALATION, lang).format(grade=item.grade) + sentence
        if item.kind == Kind.ALTERNATIVE and lang == "en" and not sentence.startswith("Alternative"):
            sentence = "Alternative: " + sentence
        if item.status == Status.NOT_ASSESSABLE:
            sentence += (" (not assessable: missing {m})" if lang == "en" else "（无法评估：缺少 {m}）").format(
                m=item.param("missing") or "?")
        return sentence
    if isinstance(item, Alert):
        values = dict(item.params)
        if item.code == "iechs.screen":
            sep = ", " if lang == "en" else "、"
            values["criteria"] = sep.join(_pick(CRITERIA[c], lang) if c in CRITERIA else c
                                          for c in values.get("criteria", "").split(",") if c)
        sentence = text(item.code, lang, **values)
        if item.code.startswith("icaht.") and values.get("provisional") == "True":
            sentence += " (provisional)" if lang == "en" else "（暂定）"
        return sentence
    if isinstance(item, Flag):
        label = _pick(LABELS[item.code], lang) if item.code in LABELS else item.code
        if item.status == FlagStatus.NOT_ASSESSABLE and item.code != "risk.hypophosphatemia":
            missing = item.param("missing") or _pick(MISSING_NONE, lang)
            return _pick(NOT_ASSESSABLE, lang).format(label=label, missing=missing)
        if item.status == FlagStatus.ABSENT:
            return _pick(ABSENT, lang).format(label=label)
        return text(item.code, lang, **dict(item.params))
    if isinstance(item, NotAssessable):
        if item.code in LABELS:
            label = _pick(LABELS[item.code], lang)
        elif item.code in T and "{" not in _pick(T[item.code], lang):
            label = _pick(T[item.code], lang)
        else:
            label = item.code
        return _pick(NOT_ASSESSABLE, lang).format(label=label, missing=", ".join(item.missing) or "?")
    if isinstance(item, TocilizumabDose):
        return _tocilizumab(item, lang)
    if isinstance(item, WeightBasedDose):
        return _weight_based(item, lang)
    if isinstance(item, DailyTotal):
        dose = _num(item.dose_mg_min) if item.dose_mg_min == item.dose_mg_max else \
            f"{_num(item.dose_mg_min)}-{_num(item.dose_mg_max)}"
        daily = _num(item.daily_mg_min) if item.daily_mg_min == item.daily_mg_max else \
            f"{_num(item.daily_mg_min)}-{_num(item.daily_mg_max)}"
        if lang == "en":
            return f"{drug_name(item.drug, lang)} {dose} mg {item.interval} = {daily} mg/day"
        return f"{drug_name(item.drug, lang)} {dose} mg {item.interval}，每日 {daily} mg"
    if isinstance(item, TaperStep):
        if lang == "en":
            return (f"{item.start.isoformat()} to {item.end.isoformat()}: {item.drug} {_num(item.dose_mg)} mg "
                    f"every {item.interval_h} h ({_num(item.daily_mg)} mg/day)")
        return (f"{item.start.isoformat()} 至 {item.end.isoformat()}：{drug_name(item.drug, lang)} "
                f"{_num(item.dose_mg)} mg，每 {item.interval_h} 小时 1 次（{_num(item.daily_mg)} mg/天）")
    if isinstance(item, ScheduledDay):
        return text(item.code, lang, day=item.day, on=item.on.isoformat())
    if isinstance(item, HematotoxScore):
        risk = {"low": ("low risk", "低危"), "high": ("high risk", "高危"),
                "not_assessable": ("not assessable", "无法评估")}[item.risk]
        if lang == "en":
            return f"CAR-HEMATOTOX {item.score} points: {risk[0]}" + (
                f" (missing: {', '.join(item.missing)})" if item.missing else "")
        return f"CAR-HEMATOTOX {item.score} 分：{risk[1]}" + (f"（缺少：{'、'.join(item.missing)}）" if item.missing else "")
    if isinstance(item, IcahtResult):
        name = {"early": ("Early ICAHT", "早期 ICAHT"), "late": ("Late ICAHT", "晚期 ICAHT")}[item.kind]
        if item.grade is None:
            return _pick(NOT_ASSESSABLE, lang).format(label=_pick(name, lang), missing="ANC")
        prov = (" (provisional)" if lang == "en" else "（暂定）") if item.provisional else ""
        if lang == "en":
            extra = (f"; ANC <= 0.5 for {item.days_le_500} d, <= 0.1 for {item.days_le_100} d"
                     if item.kind == "early" else "")
            return f"{name[0]} grade {item.grade}{prov}{extra}"
        extra = (f"；ANC ≤0.5 持续 {item.days_le_500} 天，≤0.1 持续 {item.days_le_100} 天" if item.kind == "early" else "")
        return f"{name[1]} {item.grade} 级{prov}{extra}"
    raise TypeError(f"cannot describe {type(item).__name__}")


def _tocilizumab(d: TocilizumabDose, lang: str) -> str:
    if d.mg is None:
        return text("tocilizumab.refused.no_weight", lang)
    cap = ""
    if d.capped:
        cap = f", capped at {_num(d.max_mg_per_dose)} mg" if lang == "en" else f"，上限 {_num(d.max_mg_per_dose)} mg"
    per_kg = _num(d.mg_per_kg or 0)
    weight = _num(d.weight_kg or 0)
    if lang == "en":
        s = (f"Tocilizumab {_num(d.mg)} mg ({per_kg} mg/kg x {weight} kg{cap}) IV over 1 h — dose "
             f"{d.dose_number} of {d.max_doses_total}")
        if d.refusal == "max_total":
            s += " — REFUSED: maximum total reached"
        elif d.refusal is not None:
            s += f" — not before {d.next_allowed_at.isoformat() if d.next_allowed_at else '?'}"
        return s
    s = (f"托珠单抗 {_num(d.mg)} mg（{per_kg} mg/kg × {weight} kg{cap}），静脉输注 1 小时 — 第 {d.dose_number} 次"
         f"（共最多 {d.max_doses_total} 次）")
    if d.refusal == "max_total":
        s += " — 不可再给：已达总量上限"
    elif d.refusal is not None:
        s += f" — 最早 {d.next_allowed_at.isoformat() if d.next_allowed_at else '?'}"
    return s


def _weight_based(w: WeightBasedDose, lang: str) -> str:
    per = _num(w.per_kg_min) if w.per_kg_min == w.per_kg_max else f"{_num(w.per_kg_min)}-{_num(w.per_kg_max)}"
    drug = drug_name(w.drug, lang)
    if w.amount_min is None or w.amount_max is None:
        return (f"{drug} {per} {w.per_kg_unit}: weight not recorded" if lang == "en"
                else f"{drug} {per} {w.per_kg_unit}：未记录体重")
    amount = _num(w.amount_min) if w.amount_min == w.amount_max else f"{_num(w.amount_min)}-{_num(w.amount_max)}"
    interval = f" {w.interval}" if w.interval else ""
    return f"{drug} {amount} {w.amount_unit}{interval} ({per} {w.per_kg_unit} x {_num(w.weight_kg or 0)} kg)" \
        if lang == "en" else f"{drug} {amount} {w.amount_unit}{interval}（按 {per} {w.per_kg_unit} × {_num(w.weight_kg or 0)} kg 计算）"
