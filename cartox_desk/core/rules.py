"""Every grading rule table as data, each with its source reference (clinical-rules §1-§3).

Score bands are checked at import to cover every possible score exactly once (no gap, no overlap); enum
tables are checked to give a grade to every enum member. The grading functions only look things up here,
so a rule changes in one place and the tests walk every row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Generic, TypeVar

from cartox_desk.core.snapshot import (
    Consciousness,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    Seizure,
    VasopressorDrug,
)

ASTCT = "ASTCT-2019"
CSCO_CRS = "CSCO-2024 §4.1.1"
CSCO_ICANS = "CSCO-2024 §4.2.1"
CSCO_VASO = "CSCO-2024 appendix after §3.6"
REVIEW_PEDS = "REVIEW-2022 §2.4"
RULES_CRS = "clinical-rules §1"
RULES_VASO = "clinical-rules §2"
RULES_ICANS = "clinical-rules §3.2"
RULES_CAPD = "clinical-rules §3.4"
RULES_COMFORT = "clinical-rules §3.5"


class RuleTableError(ValueError):
    """A rule table leaves a gap, overlaps, or misses an enum member."""


# --------------------------------------------------------------------------------------------------
# Score bands


@dataclass(frozen=True, slots=True)
class ScoreBand:
    """``low <= score <= high`` (inclusive) gives ``grade``."""

    low: int
    high: int
    grade: int


@dataclass(frozen=True, slots=True)
class BandTable:
    """Integer score -> grade, over the closed range ``score_min..score_max``."""

    name: str
    score_min: int
    score_max: int
    bands: tuple[ScoreBand, ...]
    source: str

    def problems(self) -> list[str]:
        """Every score not covered exactly once (empty when the table is sound)."""
        found: list[str] = []
        for band in self.bands:
            if band.low > band.high:
                found.append(f"{self.name}: empty band {band.low}-{band.high}")
            if band.low < self.score_min or band.high > self.score_max:
                found.append(f"{self.name}: band {band.low}-{band.high} outside "
                             f"{self.score_min}-{self.score_max}")
        for score in range(self.score_min, self.score_max + 1):
            hits = sum(1 for b in self.bands if b.low <= score <= b.high)
            if hits == 0:
                found.append(f"{self.name}: score {score} has no band (gap)")
            elif hits > 1:
                found.append(f"{self.name}: score {score} is in {hits} bands (overlap)")
        return found

    def lookup_table(self) -> tuple[int, ...]:
        """Grade for each score from ``score_min`` (index 0) to ``score_max``; the table must be sound."""
        out: list[int] = []
        for score in range(self.score_min, self.score_max + 1):
            out.append(next(b.grade for b in self.bands if b.low <= score <= b.high))
        return tuple(out)


# ICE score -> ICANS grade (ASTCT-2019, CSCO-2024 §4.2.1; clinical-rules §3.2): 10 -> 0, 7-9 -> 1,
# 3-6 -> 2, 0-2 -> 3. ICE 0 because the patient cannot be roused is grade 4: that is ``ICE_UNABLE_GRADE``.
ICE_BANDS = BandTable(
    name="ICE score",
    score_min=0,
    score_max=10,
    bands=(ScoreBand(10, 10, 0), ScoreBand(7, 9, 1), ScoreBand(3, 6, 2), ScoreBand(0, 2, 3)),
    source=CSCO_ICANS,
)

# CAPD total -> ICANS grade (ASTCT-2019 pediatric table; clinical-rules §3.4): 0 -> 0, 1-8 -> 1, >= 9 -> 3.
# "1-8 is grade 2 when the child awakens only to voice" is the consciousness domain (voice -> 2), so the
# maximum over domains already gives it.
CAPD_BANDS = BandTable(
    name="CAPD total",
    score_min=0,
    score_max=32,
    bands=(ScoreBand(0, 0, 0), ScoreBand(1, 8, 1), ScoreBand(9, 32, 3)),
    source=ASTCT,
)

# Number of distinct vasopressors other than vasopressin, when at least one vasopressor runs -> CRS
# hypotension grade (clinical-rules §1 rule 5): one vasopressor with or without vasopressin (vasopressin
# alone counts as one) -> 3; more than one, vasopressin not counted -> 4. Four non-vasopressin drugs exist.
VASOPRESSOR_COUNT_BANDS = BandTable(
    name="vasopressors excluding vasopressin",
    score_min=0,
    score_max=len(VasopressorDrug) - 1,
    bands=(ScoreBand(0, 1, 3), ScoreBand(2, len(VasopressorDrug) - 1, 4)),
    source=ASTCT,
)

BAND_TABLES: tuple[BandTable, ...] = (ICE_BANDS, CAPD_BANDS, VASOPRESSOR_COUNT_BANDS)


# --------------------------------------------------------------------------------------------------
# Enum -> grade tables

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True, slots=True)
class GradeMap(Generic[E]):
    """Enum member -> grade; must give a grade to every member of ``enum``."""

    name: str
    enum: type[E]
    grades: Mapping[E, int]
    source: str

    def problems(self) -> list[str]:
        missing = [m.value for m in self.enum if m not in self.grades]
        extra = [str(k) for k in self.grades if not isinstance(k, self.enum)]
        out = [f"{self.name}: no grade for {m}" for m in missing]
        out += [f"{self.name}: {k} is not a {self.enum.__name__}" for k in extra]
        return out


def _frozen(d: dict[E, int]) -> Mapping[E, int]:
    return MappingProxyType(d)


FEVER_THRESHOLD_C = 38.0  # T >= 38.0 °C (ASTCT-2019; clinical-rules §1 rule 1)
FEVER_GRADE = 1  # fever alone = grade 1 (clinical-rules §1 rule 3)
HYPOTENSION_NO_VASOPRESSOR_GRADE = 2  # (clinical-rules §1 table)

# A nasal cannula above this flow is high-flow (clinical-rules §1 rule 4): <= 6 L/min grade 2, > 6 grade 3.
NASAL_CANNULA_LOW_FLOW_MAX_L_MIN = 6.0
NASAL_CANNULA_LOW_FLOW_GRADE = 2
NASAL_CANNULA_HIGH_FLOW_GRADE = 3

# Hypoxia grade by device (clinical-rules §1 rule 4). The nasal cannula row is the low-flow grade; flow
# above NASAL_CANNULA_LOW_FLOW_MAX_L_MIN raises it to NASAL_CANNULA_HIGH_FLOW_GRADE.
HYPOXIA_DEVICE = GradeMap(
    name="hypoxia device",
    enum=OxygenDevice,
    grades=_frozen({
        OxygenDevice.ROOM_AIR: 0,
        OxygenDevice.BLOW_BY: 2,
        OxygenDevice.NASAL_CANNULA: NASAL_CANNULA_LOW_FLOW_GRADE,
        OxygenDevice.FACE_MASK: 3,
        OxygenDevice.NON_REBREATHER: 3,
        OxygenDevice.VENTURI: 3,
        OxygenDevice.CPAP: 4,
        OxygenDevice.BIPAP: 4,
        OxygenDevice.MECHANICAL_VENTILATION: 4,
    }),
    source=ASTCT,
)

# Depressed level of consciousness (ASTCT-2019; CSCO-2024 §4.2.1; clinical-rules §3.2).
CONSCIOUSNESS = GradeMap(
    name="depressed level of consciousness",
    enum=Consciousness,
    grades=_frozen({
        Consciousness.ALERT: 0,
        Consciousness.AWAKENS_SPONTANEOUSLY: 1,
        Consciousness.AWAKENS_TO_VOICE: 2,
        Consciousness.AWAKENS_TO_TACTILE: 3,
        Consciousness.UNAROUSABLE: 4,
    }),
    source=CSCO_ICANS,
)

SEIZURE = GradeMap(
    name="seizure",
    enum=Seizure,
    grades=_frozen({Seizure.NONE: 0, Seizure.RESOLVED_RAPIDLY: 3, Seizure.PROLONGED_OR_REPETITIVE: 4}),
    source=CSCO_ICANS,
)

MOTOR = GradeMap(
    name="motor findings",
    enum=MotorWeakness,
    grades=_frozen({MotorWeakness.NONE: 0, MotorWeakness.DEEP_FOCAL: 4}),
    source=CSCO_ICANS,
)

ICP = GradeMap(
    name="raised ICP / cerebral edema",
    enum=IcpFinding,
    grades=_frozen({
        IcpFinding.FOCAL_EDEMA: 3,
        IcpFinding.DIFFUSE_EDEMA: 4,
        IcpFinding.POSTURING: 4,
        IcpFinding.CN6_PALSY: 4,
        IcpFinding.PAPILLEDEMA: 4,
        IcpFinding.CUSHINGS_TRIAD: 4,
    }),
    source=CSCO_ICANS,
)

# ICE not possible (clinical-rules §3.2 rule 3): awake with global aphasia -> 3; cannot be roused -> 4.
ICE_UNABLE = GradeMap(
    name="ICE not possible",
    enum=IceUnable,
    grades=_frozen({IceUnable.APHASIA: 3, IceUnable.UNAROUSABLE: 4}),
    source=ASTCT,
)

CAPD_UNABLE_GRADE = 4  # unable to perform CAPD, cannot be roused (ASTCT-2019 pediatric table)

GRADE_MAPS: tuple[GradeMap[OxygenDevice] | GradeMap[Consciousness] | GradeMap[Seizure]
                  | GradeMap[MotorWeakness] | GradeMap[IcpFinding] | GradeMap[IceUnable], ...] = (
    HYPOXIA_DEVICE, CONSCIOUSNESS, SEIZURE, MOTOR, ICP, ICE_UNABLE,
)


# --------------------------------------------------------------------------------------------------
# Vasopressors (clinical-rules §2; CSCO-2024 appendix "high-dose vasopressors" after §3.6)

# NE-equivalent (µg/min) = NE µg/min + dopamine µg/kg/min / 2 + epinephrine µg/min
#                          + phenylephrine µg/min / 10.
# Factor per drug, applied to µg/min except dopamine (applied to µg/kg/min). Vasopressin is not converted.
NE_EQUIVALENT_FACTOR: Mapping[VasopressorDrug, float] = MappingProxyType({
    VasopressorDrug.NOREPINEPHRINE: 1.0,
    VasopressorDrug.EPINEPHRINE: 1.0,
    VasopressorDrug.PHENYLEPHRINE: 0.1,
    VasopressorDrug.DOPAMINE: 0.5,
})


@dataclass(frozen=True, slots=True)
class HighDoseRule:
    """One row of the high-dose table: the flag is raised when the quantity is >= threshold."""

    situation: str  # code used in driver codes, e.g. "norepinephrine_alone"
    threshold: float
    unit: str
    source: str = CSCO_VASO


# Single drug alone: the drug's own dose (dopamine in µg/kg/min, the others in µg/min).
HIGH_DOSE_ALONE: Mapping[VasopressorDrug, HighDoseRule] = MappingProxyType({
    VasopressorDrug.NOREPINEPHRINE: HighDoseRule("norepinephrine_alone", 20.0, "ug/min"),
    VasopressorDrug.DOPAMINE: HighDoseRule("dopamine_alone", 10.0, "ug/kg/min"),
    VasopressorDrug.PHENYLEPHRINE: HighDoseRule("phenylephrine_alone", 200.0, "ug/min"),
    VasopressorDrug.EPINEPHRINE: HighDoseRule("epinephrine_alone", 10.0, "ug/min"),
})
# Vasopressin given: vasopressin + NE-equivalent >= 10. Literal reading of the table (CSCO-2024
# "血管升压素+去甲肾上腺素等价≥10μg/min"): the vasopressin dose in U/min is added as a number to the
# NE-equivalent in µg/min. Ward vasopressin doses (~0.03-0.04 U/min) barely move the sum.
HIGH_DOSE_WITH_VASOPRESSIN = HighDoseRule("with_vasopressin", 10.0, "ug/min")
# Several vasopressors, no vasopressin: NE-equivalent >= 20 µg/min.
HIGH_DOSE_SEVERAL = HighDoseRule("several_without_vasopressin", 20.0, "ug/min")


def check_tables() -> list[str]:
    """All problems in every rule table (empty when sound). Run at import and in the tests."""
    out: list[str] = []
    for table in BAND_TABLES:
        out += table.problems()
    for gmap in GRADE_MAPS:
        out += gmap.problems()
    missing = [d.value for d in VasopressorDrug
               if d is not VasopressorDrug.VASOPRESSIN and d not in NE_EQUIVALENT_FACTOR]
    out += [f"NE-equivalent: no factor for {d}" for d in missing]
    missing = [d.value for d in VasopressorDrug
               if d is not VasopressorDrug.VASOPRESSIN and d not in HIGH_DOSE_ALONE]
    out += [f"high-dose: no single-drug threshold for {d}" for d in missing]
    return out


_problems = check_tables()
if _problems:  # pragma: no cover - a broken table must stop the application, not grade wrongly
    raise RuleTableError("; ".join(_problems))

# Precomputed lookups (index = score) used on the hot path.
ICE_GRADE_BY_SCORE: tuple[int, ...] = ICE_BANDS.lookup_table()
CAPD_GRADE_BY_SCORE: tuple[int, ...] = CAPD_BANDS.lookup_table()
HYPOTENSION_GRADE_BY_COUNT: tuple[int, ...] = VASOPRESSOR_COUNT_BANDS.lookup_table()
