"""What the management engine returns: codes + parameters + source + severity, never sentences.

`texts.describe(item, lang)` turns any of these into English or Chinese. Recommendations are advice for a
clinician, labelled with their source; the physician decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

Params = tuple[tuple[str, str], ...]


def params(**values: object) -> Params:
    """Stable, hashable parameters: every value rendered as a string (None -> "")."""
    return tuple((k, "" if v is None else _fmt(v)) for k, v in values.items())


def _fmt(value: object) -> str:
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text or "0"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    URGENT = "urgent"


class Status(StrEnum):
    """Whether a recommendation row applies to this patient now."""

    APPLIES = "applies"
    CONDITIONAL = "conditional"  # shown with its condition; the physician judges it
    NOT_ASSESSABLE = "not_assessable"  # the data needed to decide are missing


class Kind(StrEnum):
    CHECKLIST = "checklist"
    NOTE = "note"
    ALTERNATIVE = "alternative"  # another source's advice, shown where it differs from the protocol


class FlagStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    VALUE = "value"  # a value shown without a cut-off (e.g. m-EASIX): never a flag
    NOT_ASSESSABLE = "not_assessable"


@dataclass(frozen=True, slots=True)
class DoseSpec:
    """A dose as written in a protocol row: amount (or range) with its unit, route and interval."""

    drug: str
    amount_min: float
    amount_max: float
    unit: str
    route: str | None = None
    interval: str | None = None
    duration: str | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    code: str
    source: str
    applies_to: str  # "crs" | "icans" | "iechs" | "hematotox" | "prophylaxis" | "monitoring" | ...
    kind: Kind = Kind.CHECKLIST
    status: Status = Status.APPLIES
    grade: int | None = None
    params: Params = ()
    doses: tuple[DoseSpec, ...] = ()
    escalation: bool = False  # shown because the current grade did not improve (next grade's row)

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


@dataclass(frozen=True, slots=True)
class Alert:
    code: str
    source: str
    severity: Severity
    params: Params = ()

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


@dataclass(frozen=True, slots=True)
class Flag:
    """A risk flag (clinical-rules §9): shown with its source, never as a grade."""

    code: str
    source: str
    status: FlagStatus
    params: Params = ()

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


@dataclass(frozen=True, slots=True)
class NotAssessable:
    """A check that could not run, and what is missing."""

    code: str
    source: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TocilizumabDose:
    """The next tocilizumab dose with its arithmetic (clinical-rules §4)."""

    mg: float | None  # None when the weight is not recorded
    mg_per_kg: float | None
    weight_kg: float | None
    uncapped_mg: float | None
    capped: bool
    max_mg_per_dose: float
    dose_number: int  # the number this dose would have (previous doses + 1)
    doses_given: int
    max_doses_total: int
    doses_in_last_24h: int
    max_doses_24h: int
    min_interval_h: float
    last_dose_at: datetime | None
    next_allowed_at: datetime | None  # None: allowed now, or never again (max_total)
    refusal: str | None  # None | "max_total" | "24h_limit" | "interval" | "no_weight"
    refusals: tuple[str, ...]
    source: str

    @property
    def allowed(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True, slots=True)
class WeightBasedDose:
    """A per-kg dose turned into an amount, with the arithmetic (amount None when weight is missing)."""

    code: str
    drug: str
    per_kg_min: float
    per_kg_max: float
    per_kg_unit: str  # e.g. "mg/kg", "ug/kg", "g/kg"
    weight_kg: float | None
    amount_min: float | None
    amount_max: float | None
    amount_unit: str
    interval: str | None
    source: str


@dataclass(frozen=True, slots=True)
class DailyTotal:
    """The daily amount of a fixed dose given every few hours, e.g. 10 mg q6-8h -> 30-40 mg/day."""

    code: str
    drug: str
    dose_mg_min: float
    dose_mg_max: float
    interval: str
    daily_mg_min: float
    daily_mg_max: float
    source: str


@dataclass(frozen=True, slots=True)
class TaperStep:
    """One dated step of a steroid schedule (inclusive dates)."""

    drug: str
    start: date
    end: date
    dose_mg: float
    interval_h: int
    daily_mg: float
    source: str


@dataclass(frozen=True, slots=True)
class ScheduledDay:
    """A dated item of a schedule (expansion sample, IVIG day...)."""

    code: str
    day: int  # day relative to the schedule's day 0 (infusion) or day 1 (course start)
    on: date
    source: str


@dataclass(frozen=True, slots=True)
class HematotoxScore:
    """CAR-HEMATOTOX (CSCO-2024 §4.5.1). `score` counts only the items that could be scored."""

    score: int
    points: tuple[tuple[str, int | None], ...]  # analyte -> points (None: not recorded)
    values: tuple[tuple[str, float | None], ...]
    risk: str  # "low" | "high" | "not_assessable"
    missing: tuple[str, ...]
    source: str = "CSCO-2024 §4.5.1"


@dataclass(frozen=True, slots=True)
class IcahtResult:
    """ICAHT grade (EHA-EBMT-2023, CSCO-2024 §4.5). grade None = not assessable."""

    kind: str  # "early" | "late"
    grade: int | None
    provisional: bool  # data do not yet cover the period, or the neutropenia is ongoing
    days_le_500: int
    days_le_100: int
    params: Params = ()
    source: str = "EHA-EBMT-2023; CSCO-2024 §4.5"


@dataclass(frozen=True, slots=True)
class ManagementPlan:
    protocol_id: str
    protocol_version: str
    generated_at: datetime
    crs_grade: int | None
    icans_grade: int | None
    recommendations: tuple[Recommendation, ...] = ()
    alerts: tuple[Alert, ...] = ()
    tocilizumab: TocilizumabDose | None = None
    weight_based_doses: tuple[WeightBasedDose, ...] = ()
    daily_totals: tuple[DailyTotal, ...] = ()
    taper: tuple[TaperStep, ...] = ()
    schedule: tuple[ScheduledDay, ...] = ()
    flags: tuple[Flag, ...] = ()
    hematotox: HematotoxScore | None = None
    icaht: tuple[IcahtResult, ...] = ()
    not_assessable: tuple[NotAssessable, ...] = ()

    def codes(self) -> set[str]:
        """Every recommendation, alert and flag code in the plan (handy for tests and filters)."""
        return ({r.code for r in self.recommendations} | {a.code for a in self.alerts}
                | {f.code for f in self.flags})
