"""The demo ward: eight synthetic patients whose records tell clinically coherent stories (issue 3 item 5).

Deterministic (seeded random numbers) and relative to the moment it is created, so "today" is a live ward
day for every patient: vitals every 1-4 h (hourly while unwell), labs every morning, ICE / CAPD from
infusion on the app's own schedule (clinical-rules §6: 8-hourly, tighter after a drop), prophylaxis and
treatment as the stories need. Each patient is written in one transaction
with bulk inserts and one audit event; grades are computed by the same timeline code the app uses and stored
as grade records, as if they had been graded when entered.

Stories (days after infusion, "today" in brackets):

* DEMO-01 LBCL, axi-cel: grade 1 CRS day 1, grade 2 on day 2 (hypotension, low-flow oxygen), tocilizumab
  on day 2, resolving [day +3]; one temperature typo corrected by an amendment.
* DEMO-02 B-ALL, 62 % marrow blasts: grade 3 CRS (norepinephrine, face mask) from day 3, grade 3 ICANS on
  day 5 with dexamethasone, improving [day +7].
* DEMO-03 MM, BCMA (cilta-cel): grade 1 CRS day 7; delayed neurotoxicity at week 3: right peripheral facial
  (cranial nerve VII) palsy on day 21, ICE stays 10 [day +23].
* DEMO-04 7-year-old B-ALL (CAPD): grade 4 CRS on day 3: norepinephrine + epinephrine, intubation and
  mechanical ventilation, CRRT; extubated day 5 [day +6].
* DEMO-05 LBCL: grade 2 CRS days 2-4, settled; ferritin rising from day 8 with falling fibrinogen and
  platelets and rising ALT: IEC-HS screening [day +12].
* DEMO-06 MCL, brexu-cel: grade 1 CRS; prolonged neutropenia (ANC <= 0.5 x 10^9/L for > 2 weeks,
  biphasic), G-CSF from day 14 (early ICAHT) [day +20].
* DEMO-07 LBCL, tisa-cel: no toxicity [day +4].
* DEMO-08 MM, BCMA: lymphodepletion started two days ago, infusion in three days [day -3].
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from cartox_desk.config import data_dir, path_to_url, ward_timezone
from cartox_desk.core.capd import CAPD_ITEMS
from cartox_desk.core.clinical_time import day_number, local_date
from cartox_desk.core.labs import ANALYTES, Analyte, to_canonical
from cartox_desk.core.records import (
    EncephalopathyAssessment,
    EpisodeKind,
    InterventionKind,
    MedicationKind,
    PatientTimeline,
    RecordMeta,
    UserRef,
)
from cartox_desk.core.schedule import DueKind, assessment_due
from cartox_desk.core.snapshot import (
    CapdAnswer,
    EncephalopathyTool,
    OxygenDevice,
    VasopressorDrug,
)
from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.repositories import ClinicalRecord
from cartox_desk.persistence.tables import (
    AuditEventRecord,
    EncephalopathyAssessmentRecord,
    FluidBolusRecord,
    IechsGradeRecord,
    InterventionRecord,
    LabResultRecord,
    MedicationAdministrationRecord,
    NeuroExamRecord,
    OxygenSupportRecord,
    PatientRecord,
    VasopressorInfusionRecord,
    VitalSignsRecord,
)
from cartox_desk.services.api import Services

DEMO_SEED = 20240601
NURSE_NAME = "Nurse Wang Li (demo)"
PHYSICIAN_NAME = "Dr Chen Hao (demo)"
WARD = "Haematology 5 (CAR-T)"
INFUSION_HOUR = 10  # local time of the infusions
LAB_HOUR = 6  # morning bloods, local time
H = 1.0  # one hour, for readability of the course tables


# --------------------------------------------------------------------------------------------------
# A patient's course: everything as hours since infusion (negative before)


@dataclass
class Course:
    mrn: str
    name: str
    sex: str
    age_years: float
    weight_kg: float
    height_cm: float
    diagnosis: str
    product: str
    target: str
    costim: str
    today: int  # the day +N that is "today"
    bed: str
    marrow_blasts_pct: float | None = None
    risk_notes: str = ""
    capd: bool = False
    fevers: list[tuple[float, float, float]] = field(default_factory=list)  # (start_h, end_h, Tmax)
    hypotension: list[tuple[float, float, float]] = field(default_factory=list)  # (start_h, end_h, SBP)
    intensive: list[tuple[float, float]] = field(default_factory=list)  # hourly vitals
    oxygen: list[tuple[float, str, float | None]] = field(default_factory=list)  # (h, device, flow)
    vasopressors: list[tuple[float, str, str, float | None, str]] = field(default_factory=list)
    boluses: list[tuple[float, float]] = field(default_factory=list)  # (h, mL)
    meds: list[tuple[float, str, str, float, str, str]] = field(default_factory=list)
    interventions: list[tuple[float, str, str]] = field(default_factory=list)
    iechs_grades: list[tuple[float, int, str]] = field(default_factory=list)  # (h, grade, note): physician
    neuro: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    enc_score: Callable[[float], int | None] = lambda h: None  # ICE score (CAPD total); None: unable
    labs: dict[Analyte, list[tuple[float, float]]] = field(default_factory=dict)  # (day, value) keyframes
    lymphodepletion_day: int = -5
    typo_after_h: float | None = None  # the first vitals after this get a mistyped temperature (amended)


def _every(start_h: float, end_h: float, step_h: float) -> list[float]:
    out, h = [], start_h
    while h < end_h:
        out.append(h)
        h += step_h
    return out


def _q12(
    kind: str, name: str, dose: float, unit: str, route: str, start_h: float, end_h: float
) -> list[tuple[float, str, str, float, str, str]]:
    return [(h, kind, name, dose, unit, route) for h in _every(start_h, end_h, 12)]


def _prophylaxis(end_h: float, start_h: float = -120) -> list[tuple[float, str, str, float, str, str]]:
    """Levetiracetam 500 mg q12h from the infusion day; acyclovir 400 mg q12h from lymphodepletion (§7)."""
    return _q12("levetiracetam", "levetiracetam", 500, "mg", "PO", -2, end_h) + _q12(
        "other", "acyclovir", 400, "mg", "PO", start_h - 1, end_h
    )


def _lymphodepletion(ld_start_h: float) -> list[tuple[float, str, str, float, str, str]]:
    """Fludarabine 30 mg/m² + cyclophosphamide 500 mg/m² on days -5 to -3 (recorded as given)."""
    out: list[tuple[float, str, str, float, str, str]] = []
    for d in range(3):
        h = ld_start_h + 24 * d
        out.append((h, "other", "fludarabine", 50, "mg", "IV"))
        out.append((h + 1, "other", "cyclophosphamide", 850, "mg", "IV"))
    return out


def _stepped(points: list[tuple[float, int]], default: int = 10) -> Callable[[float], int | None]:
    """A score that holds each keyframe value from its time until the next."""

    def score(h: float) -> int | None:
        value: int | None = default
        for at, v in points:
            if h >= at:
                value = v
        return value

    return score


def _courses() -> list[Course]:
    d = 24 * H
    lbcl = Course(
        "DEMO-01",
        "Zhang Wei 张伟",
        "male",
        58.4,
        72.0,
        172,
        "LBCL",
        "axicabtagene ciloleucel (axi-cel)",
        "CD19",
        "CD28",
        today=3,
        bed="01",
        typo_after_h=31,
        risk_notes="CD28 co-stimulation; LDH 1.8 x ULN before lymphodepletion",
        fevers=[(22, 30, 38.6), (38, 56, 39.2)],
        hypotension=[(44, 52, 86)],
        intensive=[(20, 60)],
        oxygen=[(45, "nasal_cannula", 2.0), (58, "room_air", None)],
        boluses=[(44.5, 500), (47, 500)],
        meds=[
            (23, "antipyretic", "paracetamol", 500, "mg", "PO"),
            (39, "antipyretic", "paracetamol", 500, "mg", "PO"),
            (48, "tocilizumab", "tocilizumab", 576, "mg", "IV"),
            *_prophylaxis(10 * d),
        ],
        labs={
            Analyte.IL6: [(-5, 6), (1, 80), (2, 420), (3, 120), (4, 40)],
            Analyte.CRP: [(-5, 9), (1, 40), (2, 120), (3, 95), (4, 50)],
            Analyte.FERRITIN: [(-5, 650), (2, 1800), (3, 2100), (4, 1500)],
        },
    )
    ball = Course(
        "DEMO-02",
        "Li Na 李娜",
        "female",
        34.2,
        58.0,
        162,
        "B-ALL",
        "tisagenlecleucel (tisa-cel)",
        "CD19",
        "4-1BB",
        today=7,
        bed="02",
        marrow_blasts_pct=62.0,
        risk_notes="High tumour burden: marrow blasts 62 % (CSCO-2024 §4.2.2 special groups)",
        fevers=[(16, 90, 39.6), (100, 118, 38.7)],
        hypotension=[(54, 70, 82), (70, 128, 92)],
        intensive=[(14, 150)],
        oxygen=[
            (58, "nasal_cannula", 4.0),
            (66, "face_mask", 8.0),
            (120, "nasal_cannula", 2.0),
            (140, "room_air", None),
        ],
        vasopressors=[
            (68, "norepinephrine", "start", 8.0, "ug/min"),
            (80, "norepinephrine", "change", 12.0, "ug/min"),
            (110, "norepinephrine", "change", 4.0, "ug/min"),
            (126, "norepinephrine", "stop", None, "ug/min"),
        ],
        boluses=[(55, 1000), (60, 500)],
        meds=[
            (20, "antipyretic", "paracetamol", 500, "mg", "PO"),
            (26, "tocilizumab", "tocilizumab", 464, "mg", "IV"),
            (62, "tocilizumab", "tocilizumab", 464, "mg", "IV"),
            (70, "dexamethasone", "dexamethasone", 10, "mg", "IV"),
            *[(h, "dexamethasone", "dexamethasone", 10, "mg", "IV") for h in _every(110, 140, 6)],
            *[(h, "dexamethasone", "dexamethasone", 5, "mg", "IV") for h in _every(146, 170, 12)],
            (111, "levetiracetam", "levetiracetam", 1000, "mg", "IV"),
            *_prophylaxis(10 * d),
        ],
        interventions=[
            (67, "icu_transfer", "to ICU bed 3 for vasopressor support"),
            (112, "imaging", "MRI brain with contrast: no edema, no haemorrhage"),
            (114, "eeg", "EEG: diffuse slowing, no epileptiform discharges"),
        ],
        neuro=[
            (106, {"consciousness": "awakens_to_voice"}),
            (110, {"consciousness": "awakens_to_tactile", "seizure": "none", "motor_weakness": "none"}),
            (124, {"consciousness": "awakens_to_voice"}),
            (140, {"consciousness": "alert", "seizure": "none"}),
        ],
        enc_score=_stepped([(80, 9), (96, 6), (104, 5), (108, 2), (124, 5), (132, 8), (144, 9), (156, 10)]),
        labs={
            Analyte.IL6: [(-5, 12), (1, 300), (2, 1800), (3, 5200), (4, 2400), (5, 900), (7, 80)],
            Analyte.CRP: [(-5, 15), (1, 60), (2, 150), (3, 230), (4, 210), (5, 140), (7, 40)],
            Analyte.FERRITIN: [(-5, 1200), (2, 5200), (4, 9800), (6, 6000), (7, 4200)],
            Analyte.FIBRINOGEN: [(-5, 280), (3, 180), (5, 140), (7, 210)],
            Analyte.LDH: [(-5, 620), (3, 980), (7, 450)],
        },
    )
    mm = Course(
        "DEMO-03",
        "Wang Jian 王健",
        "male",
        65.1,
        68.0,
        170,
        "MM",
        "ciltacabtagene autoleucel (cilta-cel)",
        "BCMA",
        "4-1BB",
        today=23,
        bed="03",
        risk_notes="BCMA: watch for delayed neurotoxicity (cranial nerve palsy, parkinsonism; "
        "CSCO-2024 §4.2.2)",
        fevers=[(160, 200, 38.4)],
        intensive=[(158, 204), (498, 520)],
        meds=[
            (162, "antipyretic", "paracetamol", 500, "mg", "PO"),
            (180, "antipyretic", "paracetamol", 500, "mg", "PO"),
            *[(h, "dexamethasone", "dexamethasone", 10, "mg", "IV") for h in _every(506, 24 * 26, 24)],
            *_prophylaxis(28 * d),
        ],
        interventions=[
            (508, "imaging", "MRI brain with contrast: no edema, no enhancement; facial nerve normal"),
            (520, "other", "neurology consult: isolated right peripheral CN VII palsy"),
        ],
        neuro=[
            (
                500,
                {
                    "consciousness": "alert",
                    "seizure": "none",
                    "motor_weakness": "none",
                    "imaging_result": "Delayed neurotoxicity: right peripheral facial nerve "
                    "(cranial nerve VII) palsy, new today; no other focal deficit",
                },
            ),
            (530, {"consciousness": "alert", "imaging_result": "CN VII palsy unchanged; eye care, taping"}),
        ],
        labs={
            Analyte.IL6: [(-5, 4), (7, 60), (8, 45), (10, 8)],
            Analyte.CRP: [(-5, 6), (7, 45), (8, 60), (10, 12)],
            Analyte.FERRITIN: [(-5, 500), (8, 1400), (14, 700)],
            Analyte.IGG: [(-5, 380), (23, 420)],
        },
    )
    child = Course(
        "DEMO-04",
        "Liu Xiaoyu 刘小雨",
        "female",
        7.3,
        22.0,
        122,
        "B-ALL",
        "tisagenlecleucel (tisa-cel)",
        "CD19",
        "4-1BB",
        today=6,
        bed="04",
        marrow_blasts_pct=35.0,
        capd=True,
        risk_notes="Age 7: CAPD instead of ICE (clinical-rules §3.3)",
        fevers=[(20, 100, 39.8)],
        hypotension=[(40, 60, 78), (60, 118, 80)],
        intensive=[(18, 144)],
        oxygen=[
            (44, "nasal_cannula", 2.0),
            (56, "face_mask", 6.0),
            (62, "mechanical_ventilation", None),
            (118, "nasal_cannula", 1.0),
        ],
        vasopressors=[
            (52, "norepinephrine", "start", 0.1, "ug/kg/min"),
            (60, "epinephrine", "start", 0.05, "ug/kg/min"),
            (96, "epinephrine", "stop", None, "ug/kg/min"),
            (110, "norepinephrine", "stop", None, "ug/kg/min"),
        ],
        boluses=[(41, 200), (45, 200), (50, 200)],
        meds=[
            (24, "antipyretic", "ibuprofen", 200, "mg", "PO"),
            (44, "tocilizumab", "tocilizumab", 264, "mg", "IV"),
            (56, "tocilizumab", "tocilizumab", 264, "mg", "IV"),
            (61, "methylprednisolone", "methylprednisolone", 660, "mg", "IV"),
            (85, "methylprednisolone", "methylprednisolone", 660, "mg", "IV"),
            (109, "methylprednisolone", "methylprednisolone", 330, "mg", "IV"),
            *_q12("levetiracetam", "levetiracetam", 250, "mg", "PO", -2, 8 * d),
        ],
        interventions=[
            (51, "icu_transfer", "PICU"),
            (62, "intubation", "intubated for hypoxia"),
            (66, "crrt", "CRRT for fluid overload and cytokine removal (PICU-2022)"),
            (114, "other", "CRRT stopped"),
            (118, "other", "extubated"),
        ],
        neuro=[
            (64, {"imaging_result": "Sedated and ventilated: CAPD not assessable (sedation)"}),
            (90, {"imaging_result": "Sedated and ventilated: CAPD not assessable (sedation)"}),
        ],
        enc_score=_stepped([(40, 6), (56, 8), (120, 4), (136, 1), (150, 0)], default=0),
        labs={
            Analyte.IL6: [(-5, 8), (1, 400), (2, 3000), (3, 9000), (4, 4000), (6, 300)],
            Analyte.CRP: [(-5, 10), (2, 160), (3, 260), (5, 120), (6, 60)],
            Analyte.FERRITIN: [(-5, 900), (3, 12000), (5, 8000), (6, 5000)],
            Analyte.CREATININE: [(-5, 35), (3, 110), (5, 60), (6, 45)],
            Analyte.FIBRINOGEN: [(-5, 250), (3, 120), (6, 190)],
        },
    )
    iechs = Course(
        "DEMO-05",
        "Chen Mei 陈梅",
        "female",
        52.6,
        61.0,
        158,
        "LBCL",
        "lisocabtagene maraleucel (liso-cel)",
        "CD19",
        "4-1BB",
        today=12,
        bed="05",
        fevers=[(30, 100, 38.9)],
        intensive=[(28, 104), (24 * 9, 24 * 12.6)],
        oxygen=[(50, "nasal_cannula", 3.0), (96, "room_air", None)],
        meds=[
            (32, "antipyretic", "paracetamol", 500, "mg", "PO"),
            (60, "tocilizumab", "tocilizumab", 488, "mg", "IV"),
            *[(h, "anakinra", "anakinra", 100, "mg", "SC") for h in _every(24 * 11 + 2, 24 * 13, 6)],
            *_prophylaxis(14 * d),
        ],
        interventions=[(24 * 11, "other", "IEC-HS screen positive: physician review, anakinra started")],
        # CSCO-2024 §4.3.2 grade 2: needs intervention (immunosuppression for IEC-HS: the anakinra)
        iechs_grades=[(24 * 11 + 1, 2, "CRS, infection and progression excluded; anakinra started")],
        labs={
            Analyte.IL6: [(-5, 5), (2, 210), (3, 160), (5, 20), (12, 60)],
            Analyte.CRP: [(-5, 8), (2, 80), (3, 110), (5, 30), (9, 25), (12, 40)],
            Analyte.FERRITIN: [
                (-5, 700),
                (3, 2600),
                (6, 1500),
                (8, 1900),
                (9, 4200),
                (10, 9500),
                (11, 18500),
                (12, 27000),
            ],
            Analyte.FIBRINOGEN: [(-5, 320), (6, 260), (9, 190), (11, 130), (12, 110)],
            Analyte.PLATELETS: [(-5, 140), (3, 90), (8, 70), (10, 40), (12, 21)],
            Analyte.ALT: [(-5, 22), (8, 40), (10, 130), (12, 260)],
            Analyte.AST: [(-5, 25), (8, 45), (10, 160), (12, 310)],
            Analyte.TRIGLYCERIDES: [(-5, 140), (9, 220), (12, 380)],
            Analyte.ANC: [(-5, 2.8), (0, 0.6), (3, 0.2), (7, 0.9), (10, 0.5), (12, 0.3)],
        },
    )
    icaht = Course(
        "DEMO-06",
        "Zhao Gang 赵刚",
        "male",
        61.8,
        80.0,
        176,
        "MCL",
        "brexucabtagene autoleucel (brexu-cel)",
        "CD19",
        "CD28",
        today=20,
        bed="06",
        risk_notes="CAR-HEMATOTOX high risk (platelets 62, ferritin 2300 at lymphodepletion)",
        fevers=[(26, 44, 38.3)],
        intensive=[(24, 48)],
        meds=[
            (27, "antipyretic", "paracetamol", 500, "mg", "PO"),
            *[(h, "g_csf", "filgrastim", 400, "ug", "SC") for h in _every(24 * 14 + 1, 24 * 21, 24)],
            *_prophylaxis(22 * d),
        ],
        labs={
            Analyte.ANC: [
                (-5, 1.1),
                (-1, 0.5),
                (0, 0.3),
                (3, 0.05),
                (8, 0.08),
                (12, 0.2),
                (14, 0.3),
                (15, 0.7),
                (16, 0.9),
                (17, 0.45),
                (18, 0.3),
                (20, 0.42),
            ],
            Analyte.PLATELETS: [(-5, 62), (0, 45), (8, 18), (14, 22), (20, 30)],
            Analyte.HEMOGLOBIN: [(-5, 96), (8, 78), (20, 84)],
            Analyte.FERRITIN: [(-5, 2300), (2, 3100), (10, 2600), (20, 1900)],
            Analyte.CRP: [(-5, 34), (1, 60), (3, 35), (10, 15)],
        },
    )
    calm = Course(
        "DEMO-07",
        "Sun Li 孙丽",
        "female",
        45.3,
        55.0,
        160,
        "LBCL",
        "tisagenlecleucel (tisa-cel)",
        "CD19",
        "4-1BB",
        today=4,
        bed="07",
        meds=_prophylaxis(8 * d),
    )
    ld = Course(
        "DEMO-08",
        "Zhou Min 周敏",
        "female",
        59.0,
        63.0,
        161,
        "MM",
        "idecabtagene vicleucel (ide-cel)",
        "BCMA",
        "4-1BB",
        today=-3,
        bed="08",
        risk_notes="Lymphodepletion day -5 to -3; infusion planned on day 0",
        meds=_q12("other", "acyclovir", 400, "mg", "PO", -121, 0) + _lymphodepletion(-118),
    )
    for c in (lbcl, ball, mm, child, iechs, icaht, calm, ld):
        if not c.capd:
            c.meds.sort()
    return [lbcl, ball, mm, child, iechs, icaht, calm, ld]


# --------------------------------------------------------------------------------------------------
# Lab baselines (canonical units) and how each drifts after lymphodepletion


def _base_labs(c: Course) -> dict[Analyte, list[tuple[float, float]]]:
    labs: dict[Analyte, list[tuple[float, float]]] = {
        Analyte.IL6: [(-5, 5), (30, 5)],
        Analyte.CRP: [(-5, 8), (30, 6)],
        Analyte.FERRITIN: [(-5, 450), (30, 420)],
        Analyte.ANC: [(-5, 2.6), (-1, 1.0), (1, 0.4), (5, 0.3), (10, 1.2), (14, 2.0), (30, 2.4)],
        Analyte.WBC: [(-5, 4.5), (-1, 1.8), (1, 0.9), (5, 0.8), (10, 2.2), (14, 3.2), (30, 4.0)],
        Analyte.PLATELETS: [(-5, 160), (3, 95), (10, 80), (20, 120), (30, 140)],
        Analyte.HEMOGLOBIN: [(-5, 112), (7, 96), (30, 104)],
        Analyte.FIBRINOGEN: [(-5, 300), (30, 290)],
        Analyte.LDH: [(-5, 230), (30, 210)],
        Analyte.CREATININE: [(-5, 72), (30, 70)],
        Analyte.ALT: [(-5, 24), (30, 26)],
        Analyte.AST: [(-5, 26), (30, 25)],
        Analyte.D_DIMER: [(-5, 0.4), (30, 0.5)],
    }
    if c.age_years < 13:
        labs[Analyte.CREATININE] = [(-5, 35), (30, 35)]
    if c.diagnosis == "MM":
        labs[Analyte.IGG] = [(-5, 420), (30, 400)]
    labs.update(c.labs)
    return labs


def _interpolate(points: list[tuple[float, float]], day: float) -> float:
    points = sorted(points)
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            if v0 > 0 and v1 > 0:  # geometric: cytokines and ferritin move by factors
                return v0 * math.exp(math.log(v1 / v0) * (day - d0) / (d1 - d0))
            return v0 + (v1 - v0) * (day - d0) / (d1 - d0)
    return points[-1][1]


_LAB_DECIMALS = {Analyte.ANC: 2, Analyte.WBC: 2, Analyte.D_DIMER: 2, Analyte.IL6: 1, Analyte.CRP: 1}


# --------------------------------------------------------------------------------------------------
# Writing one patient


@dataclass(frozen=True, slots=True)
class DemoWard:
    patients: int
    rows: int
    grades: int
    nurse: UserRef
    physician: UserRef
    created_at: datetime


def _ice_items(score: int) -> dict[str, int]:
    """ICE items for a total, losing writing and attention first, then orientation, naming, commands."""
    items = {"writing": 1, "attention": 1, "orientation": 4, "naming": 3, "commands": 1}
    missing = 10 - score
    for key in ("writing", "attention", "orientation", "naming", "commands"):
        take = min(items[key], missing)
        items[key] -= take
        missing -= take
    return items


def _capd_answers(total: int) -> dict[str, str]:
    """CAPD answers for a total 0-32: each item worsens one step at a time, round-robin."""
    answers = {name: 0 for name, _ in CAPD_ITEMS}  # item scores
    names = [name for name, _ in CAPD_ITEMS]
    i = 0
    while sum(answers.values()) < min(total, 32):
        if answers[names[i % 8]] < 4:
            answers[names[i % 8]] += 1
        i += 1
    order = list(CapdAnswer)  # never, rarely, sometimes, often, always
    out = {}
    for name, reversed_ in CAPD_ITEMS:
        s = answers[name]
        out[f"capd_{name}"] = (order[4 - s] if reversed_ else order[s]).value
    return out


def _write_patient(
    services: Services,
    c: Course,
    now: datetime,
    rng: random.Random,
    nurse: UserRef,
    physician: UserRef,
    typos: dict[str, tuple[datetime, float]],
) -> tuple[int, int]:
    tz = services.tz
    today = local_date(now, tz)
    infusion_day = today - timedelta(days=c.today)
    infusion_at = (
        datetime.combine(infusion_day, time(INFUSION_HOUR)).replace(tzinfo=tz).astimezone(now.tzinfo)
    )
    dob = today - timedelta(days=round(c.age_years * 365.25))
    ld_start = infusion_day + timedelta(days=c.lymphodepletion_day)
    admit_at = datetime.combine(ld_start, time(5)).replace(tzinfo=tz).astimezone(now.tzinfo)

    def at(h: float) -> datetime:
        return infusion_at + timedelta(hours=h)

    now_h = (now - infusion_at) / timedelta(hours=1)
    start_h = (admit_at - infusion_at) / timedelta(hours=1)

    def in_windows(h: float, windows: list[tuple[float, float]]) -> bool:
        return any(s <= h < e for s, e in windows)

    def entered(h: float, by: UserRef) -> dict[str, Any]:
        t = at(h)
        return {
            "at": t,
            "entered_by_id": by.user_id,
            "entered_at": min(t + timedelta(minutes=4), now),
            "amends_id": None,
            "amendment_reason": None,
            "voided": False,
        }

    baseline_ice = None if c.capd else 10
    baseline_capd = 0 if c.capd else None
    patient = services.admit_patient(
        by=physician,
        mrn=c.mrn,
        name=c.name,
        sex=c.sex,
        date_of_birth=dob,
        weight_kg=c.weight_kg,
        weight_measured_on=ld_start,
        height_cm=c.height_cm,
        height_measured_on=ld_start,
        diagnosis=c.diagnosis,
        product_name=c.product,
        target=c.target,
        costim_domain=c.costim,
        infusion_at=infusion_at,
        lymphodepletion_start=ld_start,
        ward=WARD,
        bed=c.bed,
        marrow_blasts_pct=c.marrow_blasts_pct,
        baseline_ice=baseline_ice,
        baseline_capd=baseline_capd,
        risk_notes=c.risk_notes,
    )
    pid = patient.patient_id
    rows: dict[type, list[dict[str, Any]]] = {
        t: []
        for t in (
            VitalSignsRecord,
            OxygenSupportRecord,
            VasopressorInfusionRecord,
            FluidBolusRecord,
            LabResultRecord,
            EncephalopathyAssessmentRecord,
            NeuroExamRecord,
            MedicationAdministrationRecord,
            InterventionRecord,
            IechsGradeRecord,
        )
    }

    def add(table: type, h: float, by: UserRef, **values: Any) -> None:
        if h <= now_h and h >= start_h:
            rows[table].append({"patient_id": pid, **entered(h, by), **values})

    # ---- oxygen and vasopressor state (needed by the vitals)
    def device_at(h: float) -> str:
        device = "room_air"
        for t, dev, _ in c.oxygen:
            if h >= t:
                device = dev
        return device

    def pressors_at(h: float) -> int:
        running: set[str] = set()
        for t, drug, event, _, _ in c.vasopressors:
            if h >= t:
                running.discard(drug) if event == "stop" else running.add(drug)
        return len(running)

    # ---- vital signs: every 4 h when well, hourly while unwell
    h = start_h + 0.25
    child = c.age_years < 13
    typo_done = False
    while h <= now_h:
        jitter = rng.uniform(-0.12, 0.12)
        fever = next((f for f in c.fevers if f[0] <= h < f[1]), None)
        if fever:
            temp = round(fever[2] - rng.uniform(0, 0.7), 1)
            temp = max(temp, 38.1)
        else:
            temp = round(rng.gauss(36.8, 0.25), 1)
            temp = min(temp, 37.6)
        hypo = next((x for x in c.hypotension if x[0] <= h < x[1]), None)
        normal_sbp = 102 if child else 118
        sbp = round((hypo[2] if hypo else normal_sbp) + rng.gauss(0, 4))
        sbp = max(sbp, 92 if child else 100) if hypo is None else min(sbp, int(hypo[2]) + 4)
        dbp = round(sbp * rng.uniform(0.55, 0.65))
        hr = round(
            (100 if child else 76) + 12 * max(0.0, temp - 37.0) + (18 if hypo else 0) + rng.gauss(0, 4)
        )
        if c.typo_after_h is not None and h >= c.typo_after_h and not typo_done:
            typo_done = True
            typos[c.mrn] = (at(h), temp)
            digits = f"{temp:.1f}"  # "36.8" -> "38.6": two digits transposed on entry
            swapped = float(f"{digits[0]}{digits[3]}.{digits[1]}")
            temp = swapped if 38.0 <= swapped <= 41.0 else round(temp + 2.0, 1)
        dev = device_at(h)
        rr = round((22 if child else 16) + (6 if dev != "room_air" else 0) + rng.gauss(0, 1.5))
        spo2 = round(min(100.0, (95 if dev != "room_air" else 97.5) + rng.gauss(0, 1)))
        add(
            VitalSignsRecord,
            h,
            nurse,
            temperature_c=temp,
            temperature_as_entered=temp,
            temperature_unit_as_entered="Cel",
            heart_rate_per_min=hr,
            systolic_bp_mmhg=sbp,
            diastolic_bp_mmhg=dbp,
            mean_bp_mmhg=round((sbp + 2 * dbp) / 3),
            respiratory_rate_per_min=rr,
            spo2_pct=spo2,
            hypotension_confirmed=bool(hypo) or pressors_at(h) > 0,
        )
        step = 1.0 if in_windows(h, c.intensive) else 4.0
        h += step + jitter * (0 if step == 1.0 else 1)

    for t, dev, flow in c.oxygen:
        add(OxygenSupportRecord, t, nurse, device=OxygenDevice(dev).value, flow_l_min=flow, for_comfort=False)
    for t, drug, event, dose, unit in c.vasopressors:
        add(
            VasopressorInfusionRecord,
            t,
            nurse,
            drug=VasopressorDrug(drug).value,
            event=event,
            dose=dose,
            unit=unit,
        )
    for t, ml in c.boluses:
        add(FluidBolusRecord, t, nurse, volume_ml=ml, fluid="0.9% NaCl")
    for t, kind, name, dose, unit, route in c.meds:
        add(
            MedicationAdministrationRecord,
            t,
            nurse,
            kind=MedicationKind(kind).value,
            drug_name=name,
            dose=dose,
            unit=unit,
            route=route,
        )
    for t, kind, note in c.interventions:
        add(InterventionRecord, t, physician, kind=InterventionKind(kind).value, note=note)
    for t, grade, note in c.iechs_grades:
        add(IechsGradeRecord, t, physician, grade=grade, note=note)
    for t, fields in c.neuro:
        add(
            NeuroExamRecord,
            t,
            physician,
            consciousness=fields.get("consciousness"),
            seizure=fields.get("seizure"),
            motor_weakness=fields.get("motor_weakness"),
            icp_findings=list(fields.get("icp_findings", [])),
            imaging_result=fields.get("imaging_result", ""),
        )

    # ---- ICE / CAPD: baseline before infusion, then when the app's own schedule says (clinical-rules §6:
    # 8-hourly, every 30 min for 2 h after a drop, 4-hourly until back at baseline for 24 h); the nurse
    # assesses a few minutes before each due time. None while sedated on the ventilator.
    tool = EncephalopathyTool.CAPD if c.capd else EncephalopathyTool.ICE
    ventilated = [
        (t, nxt)
        for (t, dev, _), nxt in zip(c.oxygen, [*[o[0] for o in c.oxygen[1:]], 1e9], strict=False)
        if dev == "mechanical_ventilation"
    ]
    done: list[EncephalopathyAssessment] = []

    def assess(t: float, baseline: bool) -> None:
        score = (0 if c.capd else 10) if baseline else c.enc_score(t)
        if score is None:
            score = 0 if c.capd else 10
        items = _capd_answers(score) if c.capd else {f"ice_{k}": v for k, v in _ice_items(score).items()}
        add(
            EncephalopathyAssessmentRecord,
            t,
            nurse,
            tool=tool.value,
            score=score,
            language="zh_CN",
            is_baseline=baseline,
            capd_unable=False,
            **items,
        )
        done.append(
            EncephalopathyAssessment(
                RecordMeta(len(done) + 1, at(t), "", at(t)), tool, is_baseline=baseline, score=score
            )
        )

    for t in sorted({-20.0, start_h + 3}):
        if start_h <= t <= min(now_h, -0.5):
            assess(t, baseline=True)
    t = 0.5
    while t <= now_h:
        window = next((w for w in ventilated if w[0] <= t < w[1]), None)
        if window is not None:
            t = window[1] + 0.5
            continue
        assess(t, baseline=False)
        due = [d for d in assessment_due(patient, at(t), done, None) if d.kind is not DueKind.VITALS]
        next_at = min(d.due_at for d in due) if due else at(t + 8)
        t = max(t + 0.25, (next_at - infusion_at) / timedelta(hours=1) - rng.uniform(0.05, 0.2))

    # ---- labs every morning
    series = _base_labs(c)
    first_day = day_number(admit_at, infusion_at, tz)
    for day in range(first_day, c.today + 1):
        collected = datetime.combine(infusion_day + timedelta(days=day), time(LAB_HOUR)).replace(tzinfo=tz)
        lh = (collected - infusion_at) / timedelta(hours=1)
        for analyte, points in series.items():
            if analyte is Analyte.IGG and day % 7 != 0:
                continue
            value = _interpolate(points, day) * rng.uniform(0.93, 1.07)
            value = round(value, _LAB_DECIMALS.get(analyte, 0))
            info = ANALYTES[analyte]
            add(
                LabResultRecord,
                lh,
                nurse,
                analyte=analyte.value,
                loinc=info.loinc,
                value=to_canonical(analyte, value, info.canonical_unit),
                unit=info.canonical_unit,
                value_as_entered=value,
                unit_as_entered=info.canonical_unit,
                reported_at=min(collected + timedelta(hours=2), now),
            )

    count = 0
    with services.session() as s:
        for table, batch in rows.items():
            batch.sort(key=lambda r: r["at"])
            repo.bulk_insert(s, table, batch)
            count += len(batch)
        s.add(
            AuditEventRecord(
                at=now,
                user_id=physician.user_id,
                action="demo",
                entity="patient",
                entity_id=pid,
                patient_id=pid,
                after={str(getattr(t, "__tablename__", t.__name__)): len(b) for t, b in rows.items()},
                summary=f"demo ward records for {c.mrn}",
            )
        )
        s.flush()
        prow = s.get(PatientRecord, pid)
        assert prow is not None
        timeline = services._timeline(s, prow, generated_at=now, until=now, store=False)
        grades = services.store_timeline_grades(s, pid, timeline, kind="demo")
        s.commit()
    return count, grades


def create_demo_ward(services: Services, *, now: datetime | None = None, seed: int = DEMO_SEED) -> DemoWard:
    """Write the demo ward into an empty database (refuses one that already has patients)."""
    now = now or services.now()
    if services.list_patients(status=None):
        raise ValueError("the database already has patients: the demo ward needs an empty database")
    nurse = services.create_user(NURSE_NAME, "nurse")
    physician = services.create_user(PHYSICIAN_NAME, "physician")
    total = grades = 0
    courses = _courses()
    typos: dict[str, tuple[datetime, float]] = {}
    for i, course in enumerate(courses):
        n, g = _write_patient(services, course, now, random.Random(seed + i), nurse, physician, typos)
        total += n
        grades += g
    # real corrections through the amendment service, so the history view has something to show
    for mrn, (when, temp) in typos.items():
        patient = services.get_patient(mrn=mrn)
        with services.session() as s:
            rid = next(r.id for r in repo.effective_rows(s, "vitals", patient.patient_id) if r.at == when)
        services.amend_vitals(
            rid, by=nurse, reason=f"temperature mistyped; the thermometer read {temp} °C", temperature_c=temp
        )
    # the alerts the management plan raises now, kept in the record, so the census shows them
    for patient in services.list_patients(status=None):
        services.refresh_alerts(patient.patient_id, now)
    return DemoWard(
        patients=len(courses), rows=total, grades=grades, nurse=nurse, physician=physician, created_at=now
    )


# --------------------------------------------------------------------------------------------------
# Consistency check (the tests call it; `cartox-desk demo` runs it after writing)


def check_demo_consistency(services: Services, *, now: datetime | None = None) -> list[str]:
    """Every problem found in the demo ward (empty when it is consistent)."""
    now = now or services.now()
    problems: list[str] = []
    expected = {c.mrn: c for c in _courses()}
    users = {u.name: u for u in services.list_users()}
    if NURSE_NAME not in users or PHYSICIAN_NAME not in users:
        problems.append("demo users missing")
    patients = {p.mrn: p for p in services.list_patients(status=None)}
    if set(patients) != set(expected):
        problems.append(f"patients {sorted(patients)} != {sorted(expected)}")
        return problems
    timelines: dict[str, PatientTimeline] = {
        m: services.get_patient_timeline(mrn=m, at=now) for m in patients
    }
    tz = services.tz
    for mrn, c in expected.items():
        tl = timelines[mrn]
        p = tl.patient
        say = problems.append
        if p.day(now, tz) != c.today:
            say(f"{mrn}: today is day {p.day(now, tz)}, expected {c.today}")
        records: list[ClinicalRecord] = [
            *tl.vitals,
            *tl.oxygen,
            *tl.vasopressors,
            *tl.fluid_boluses,
            *tl.labs,
            *tl.encephalopathy,
            *tl.neuro_exams,
            *tl.medications,
            *tl.interventions,
            *tl.iechs_grades,
        ]
        for r in records:
            t = r.meta.at
            if t.tzinfo is None or t > now + timedelta(minutes=5):
                say(f"{mrn}: record {r.meta.record_id} at {t} is in the future or naive")
                break
            if p.date_of_birth and local_date(t, tz) < p.date_of_birth:
                say(f"{mrn}: record before birth")
                break
        # vitals every 1-4 h (hourly while unwell), labs every day, ICE / CAPD on the §6 schedule
        vt = [v.meta.at for v in tl.vitals]
        gaps = [(b - a) for a, b in itertools.pairwise(vt)]
        if gaps and max(gaps) > timedelta(hours=4, minutes=10):
            say(f"{mrn}: a vitals gap of {max(gaps)}")
        if vt and now - vt[-1] > timedelta(hours=4, minutes=10):
            say(f"{mrn}: last vitals {now - vt[-1]} ago")
        lab_days = {tl.day(lab.meta.at) for lab in tl.labs}
        last_lab_day = c.today if now.astimezone(tz).hour >= LAB_HOUR else c.today - 1
        first_day = c.lymphodepletion_day
        missing = [d for d in range(first_day, last_lab_day + 1) if d not in lab_days]
        if missing:
            say(f"{mrn}: no labs on days {missing}")
        enc = [e for e in tl.encephalopathy if not e.is_baseline]
        tools = {e.tool.value for e in tl.encephalopathy}
        if tools and tools != {"CAPD" if c.capd else "ICE"}:
            say(f"{mrn}: assessed with {tools}")
        if c.today >= 1 and not enc:
            say(f"{mrn}: no ICE / CAPD after infusion")
        stored = services.grade_history(p.patient_id)
        if c.today >= 0 and not stored:
            say(f"{mrn}: no stored grades")
        crs = {g.at: g.crs.grade for g in tl.grades}
        crs_max = max(crs.values(), default=0)
        icans_max = max((g.icans.grade or 0 for g in tl.grades), default=0)

        def crs_on(day: int, tl: PatientTimeline = tl) -> int:
            return max((g.crs.grade for g in tl.grades if tl.day(g.at) == day), default=0)

        def icans_on(day: int, tl: PatientTimeline = tl) -> int:
            return max((g.icans.grade or 0 for g in tl.grades if tl.day(g.at) == day), default=0)

        def given(kind: MedicationKind, day: int | None = None, tl: PatientTimeline = tl) -> bool:
            return any(m.kind is kind and (day is None or tl.day(m.meta.at) == day) for m in tl.medications)

        crs_episodes = [e for e in tl.episodes if e.kind is EpisodeKind.CRS]
        if mrn == "DEMO-01":
            if crs_on(2) != 2 or not given(MedicationKind.TOCILIZUMAB, 2) or crs_on(c.today) > 1:
                say(
                    f"{mrn}: expected grade 2 CRS on day 2 with tocilizumab, then resolving "
                    f"(day 2: {crs_on(2)}, today: {crs_on(c.today)})"
                )
            if not any(v.meta.amends_id for v in tl.vitals):
                say(f"{mrn}: the corrected temperature is missing")
        elif mrn == "DEMO-02":
            if (p.marrow_blasts_pct or 0) < 40 or crs_max != 3 or icans_on(5) != 3:
                say(
                    f"{mrn}: expected blasts >= 40 %, CRS 3, ICANS 3 on day 5 (got CRS {crs_max}, "
                    f"ICANS day 5 {icans_on(5)})"
                )
            if not any(v.drug is VasopressorDrug.NOREPINEPHRINE for v in tl.vasopressors):
                say(f"{mrn}: norepinephrine missing")
            if not given(MedicationKind.DEXAMETHASONE, 5):
                say(f"{mrn}: dexamethasone on day 5 missing")
        elif mrn == "DEMO-03":
            palsy = [n for n in tl.neuro_exams if "VII" in n.imaging_result and tl.day(n.meta.at) >= 14]
            if p.target.value != "BCMA" or not palsy or icans_max != 0 or crs_max != 1:
                say(f"{mrn}: expected BCMA, CN VII palsy at week 3, ICANS 0, CRS 1")
        elif mrn == "DEMO-04":
            age = p.age_years(now) or 99
            drugs_running = {v.drug for v in tl.vasopressors if v.event.value == "start"}
            if not (age < 13 and crs_max == 4 and len(drugs_running - {VasopressorDrug.VASOPRESSIN}) >= 2):
                say(f"{mrn}: expected a child with grade 4 CRS on two vasopressors (CRS {crs_max})")
            if not any(o.device is OxygenDevice.MECHANICAL_VENTILATION for o in tl.oxygen):
                say(f"{mrn}: mechanical ventilation missing")
            if not {InterventionKind.CRRT, InterventionKind.INTUBATION} <= {i.kind for i in tl.interventions}:
                say(f"{mrn}: CRRT / intubation missing")
        elif mrn == "DEMO-05":
            ferritin = [lab for lab in tl.labs if lab.analyte is Analyte.FERRITIN]
            resolved = [e.resolved_at for e in crs_episodes if e.resolved_at is not None]
            if not resolved or not ferritin:
                say(f"{mrn}: expected a resolved CRS episode and ferritin results")
            else:
                at_resolution = [f.value for f in ferritin if f.meta.at <= resolved[0]]
                if not (
                    ferritin[-1].value > 10_000
                    and at_resolution
                    and ferritin[-1].value > 3 * at_resolution[-1]
                ):
                    say(f"{mrn}: ferritin does not rise after CRS settles")
        elif mrn == "DEMO-06":
            low_days = {
                tl.day(lab.meta.at)
                for lab in tl.labs
                if lab.analyte is Analyte.ANC and lab.value <= 0.5 and tl.day(lab.meta.at) >= 0
            }
            if len(low_days) < 14 or not given(MedicationKind.G_CSF):
                say(f"{mrn}: expected ANC <= 0.5 on >= 14 days and G-CSF (got {len(low_days)} days)")
        elif mrn == "DEMO-07":
            if crs_max or icans_max or crs_episodes:
                say(f"{mrn}: expected no toxicity (CRS {crs_max}, ICANS {icans_max})")
        elif mrn == "DEMO-08":
            if any(r.meta.at >= p.infusion_at for r in records) or p.infusion_at <= now:
                say(f"{mrn}: expected only lymphodepletion records before a future infusion")
            if crs_max:
                say(f"{mrn}: CRS before infusion")
        if stored and tl.grades:
            last = stored[-1]
            point = next((g for g in tl.grades if g.at == last.at), None)
            if point is None or point.crs.grade != last.crs_grade or point.icans.grade != last.icans_grade:
                say(f"{mrn}: stored grade at {last.at} differs from the timeline")
    census = services.ward_census(at=now)
    created = [e.at for e in services.audit_events() if e.action == "demo"]
    if created and now - min(created) < timedelta(minutes=15):
        # just written: the demo nurse is up to date with the app's own schedule
        late = [f"{r.mrn} {'/'.join(r.due)}" for r in census if r.assessment_overdue or r.vitals_overdue]
        if late:
            problems.append(f"overdue right after creation: {late}")
    if {r.mrn for r in census} != set(expected):
        problems.append("census rows do not match the patients")
    for row in census:
        if row.day != expected[row.mrn].today:
            problems.append(f"census {row.mrn}: day {row.day}")
    return problems


# --------------------------------------------------------------------------------------------------
# Files


DEMO_FILENAME = "cartox_desk_demo.sqlite3"


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def build_demo_database(
    path: Path,
    *,
    tz: tzinfo | None = None,
    now: datetime | None = None,
    seed: int = DEMO_SEED,
    replace: bool = False,
) -> tuple[Services, DemoWard]:
    """Create the demo ward in a new SQLite file at ``path`` (``replace`` deletes an existing one)."""
    path = Path(path)
    if path.exists():
        if not replace:
            raise FileExistsError(f"{path} exists (use replace=True / --force to overwrite it)")
        _remove_sqlite(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clock = (lambda: now) if now is not None else None
    services = Services.from_url(path_to_url(path), tz=tz, clock=clock)
    return services, create_demo_ward(services, seed=seed)


def ensure_demo_database(path: Path | None = None, *, tz: tzinfo | None = None) -> str:
    """The URL of a demo ward whose "today" is today: reuse the file when it was built today (ward's
    local date), otherwise rebuild it. For `cartox-desk --demo` (default: the user data directory)."""
    path = Path(path) if path is not None else data_dir() / DEMO_FILENAME
    zone = tz or ward_timezone()
    today = datetime.now(UTC).astimezone(zone).date()
    if path.exists():
        services = Services.from_url(path_to_url(path), tz=zone)
        try:
            events = [e for e in services.audit_events(limit=None) if e.action == "demo"]
            fresh = bool(events) and min(e.at for e in events).astimezone(zone).date() == today
        finally:
            services.close()
        if fresh:
            return path_to_url(path)
    services, _ = build_demo_database(path, tz=zone, replace=True)
    services.close()
    return path_to_url(path)


__all__ = [
    "DEMO_SEED",
    "DemoWard",
    "build_demo_database",
    "check_demo_consistency",
    "create_demo_ward",
    "ensure_demo_database",
]
