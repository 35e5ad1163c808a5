"""What the management engine reads: plain, frozen data the services layer fills from the database.

The vocabulary is the core's own: `Diagnosis`, `Target` (= `records.CarTarget`), `Medication`
(= `records.MedicationKind`) and `Analyte` (= `labs.Analyte`); only `Costim` is the engine's, since
records keep the co-stimulatory domain as free text. Day +N is `clinical_time.day_number` in the ward
time zone (`tz`).

Every value is in the canonical unit of clinical-rules §11 (named in `CANONICAL_UNITS`). A `None` field or a
missing series means "not recorded": the checks that need it report "not assessable", never a calm result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

from cartox_desk.core.labs import ANALYTES, Analyte
from cartox_desk.core.records import CarTarget as Target
from cartox_desk.core.records import Diagnosis
from cartox_desk.core.records import MedicationKind as Medication

__all__ = [
    "ANTI_IL6", "CANONICAL_UNITS", "CRS_TREATMENTS", "NHL_DIAGNOSES", "STEROIDS", "Administration",
    "Analyte", "Costim", "Diagnosis", "GradePoint", "LabValue", "ManagementContext", "Medication", "Target",
    "Temperature",
]


NHL_DIAGNOSES = frozenset({Diagnosis.LBCL, Diagnosis.FL, Diagnosis.MCL})


class Costim(StrEnum):
    CD28 = "CD28"
    FOUR_1BB = "4-1BB"
    OTHER = "other"


ANTI_IL6 = frozenset({Medication.TOCILIZUMAB, Medication.SILTUXIMAB})
STEROIDS = frozenset({Medication.DEXAMETHASONE, Medication.METHYLPREDNISOLONE})
# "Treatment" for the 24 h escalation check (CSCO-2024 §4.1.2 notes): anti-cytokine therapy and steroids.
CRS_TREATMENTS = ANTI_IL6 | STEROIDS | frozenset({Medication.ANAKINRA})

# The UCUM canonical unit of every analyte (clinical-rules §11), as `core.labs` declares it.
CANONICAL_UNITS: dict[Analyte, str] = {a: info.canonical_unit for a, info in ANALYTES.items()}


@dataclass(frozen=True, slots=True)
class Administration:
    """One recorded medication administration (dose in `unit`, e.g. "mg")."""

    kind: Medication
    at: datetime
    dose: float | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class GradePoint:
    """A recorded grade at a time (`None` = not assessed at that time)."""

    at: datetime
    crs: int | None = None
    icans: int | None = None


@dataclass(frozen=True, slots=True)
class Temperature:
    at: datetime
    celsius: float


@dataclass(frozen=True, slots=True)
class LabValue:
    """One result in the canonical unit of its analyte (`CANONICAL_UNITS`); `uln` for ALT / AST."""

    analyte: Analyte
    at: datetime
    value: float
    uln: float | None = None


@dataclass(frozen=True, slots=True)
class ManagementContext:
    """Everything `recommend` reads. `now` must be timezone-aware; so must every time in the series."""

    now: datetime
    crs_grade: int | None = None  # current grade (0-4), None = not assessed
    icans_grade: int | None = None
    weight_kg: float | None = None
    age_years: float | None = None
    bmi_kg_m2: float | None = None
    diagnosis: Diagnosis | None = None
    target: Target | None = None
    costim: Costim | None = None
    marrow_blasts_pct: float | None = None
    infusion_at: datetime | None = None
    lymphodepletion_at: datetime | None = None  # start of lymphodepleting chemotherapy
    lymphodepletion_flu_cy: bool | None = None  # fludarabine + cyclophosphamide (REVIEW-2022 §1.1)
    grade_history: tuple[GradePoint, ...] = ()
    administrations: tuple[Administration, ...] = ()
    temperatures: tuple[Temperature, ...] = ()
    labs: tuple[LabValue, ...] = ()
    # Which criterion drives the current CRS grade (None = unknown: the matching rows stay conditional).
    crs_hypotension: bool | None = None
    crs_hypoxia: bool | None = None
    # Physician / nurse observations (None = not recorded).
    neurological_history: bool | None = None
    seizure: bool | None = None
    cerebral_edema: bool | None = None
    end_organ_toxicity: bool | None = None
    recurrent_infections: bool | None = None
    hbv_positive: bool | None = None
    high_tumour_burden: bool | None = None
    iechs_grade: int | None = None  # recorded by the physician (CSCO-2024 §4.3.2); the app never computes it
    taper_start: date | None = None  # chosen start of a methylprednisolone taper (default: today)
    tz: tzinfo | None = None  # the ward time zone that decides day +N (None: the zone of `infusion_at`)

    @property
    def zone(self) -> tzinfo:
        """The time zone that decides calendar days: `tz`, else the zone of `infusion_at`, else of `now`."""
        for candidate in (self.tz, self.infusion_at.tzinfo if self.infusion_at else None, self.now.tzinfo):
            if candidate is not None:
                return candidate
        raise ValueError("clinical times must be timezone-aware")

    def labs_of(self, analyte: Analyte) -> tuple[LabValue, ...]:
        """Results of one analyte not after `now`, oldest first."""
        return tuple(sorted((v for v in self.labs if v.analyte == analyte and v.at <= self.now),
                            key=lambda v: v.at))

    def latest(self, analyte: Analyte) -> LabValue | None:
        values = self.labs_of(analyte)
        return values[-1] if values else None

    def given(self, kinds: Iterable[Medication]) -> tuple[Administration, ...]:
        """Administrations of the given kinds not after `now`, oldest first."""
        wanted = frozenset(kinds)
        return tuple(sorted((a for a in self.administrations if a.kind in wanted and a.at <= self.now),
                            key=lambda a: a.at))

    def temperatures_until_now(self) -> tuple[Temperature, ...]:
        return tuple(sorted((t for t in self.temperatures if t.at <= self.now), key=lambda t: t.at))
