"""Plain, immutable views of what the ward recorded: what repositories return and timelines hold.

These cross every layer (store → services → GUI / charts / PDF), so they are core dataclasses, never ORM
objects. Times are timezone-aware. Lists in a `PatientTimeline` hold the *effective* version of each record
(an amendment replaces what it corrects; the original stays in the record history, see `amends_id`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum

from cartox_desk.core.clinical_time import day_number, fractional_day
from cartox_desk.core.labs import Analyte
from cartox_desk.core.results import CrsResult, IcansResult, VasopressorSummary
from cartox_desk.core.snapshot import (
    CapdAssessment,
    Consciousness,
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    Seizure,
    Snapshot,
    VasopressorDrug,
)


class Diagnosis(StrEnum):
    B_ALL = "B-ALL"
    LBCL = "LBCL"
    FL = "FL"
    MCL = "MCL"
    MM = "MM"
    OTHER = "other"


class CarTarget(StrEnum):
    CD19 = "CD19"
    BCMA = "BCMA"
    CD19_BCMA = "CD19+BCMA"
    GPRC5D = "GPRC5D"
    OTHER = "other"


class PatientStatus(StrEnum):
    ADMITTED = "admitted"
    DISCHARGED = "discharged"
    DECEASED = "deceased"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class UserRole(StrEnum):
    NURSE = "nurse"
    PHYSICIAN = "physician"
    ADMIN = "admin"


class MedicationKind(StrEnum):
    TOCILIZUMAB = "tocilizumab"
    DEXAMETHASONE = "dexamethasone"
    METHYLPREDNISOLONE = "methylprednisolone"
    ANAKINRA = "anakinra"
    SILTUXIMAB = "siltuximab"
    ANTIPYRETIC = "antipyretic"
    LEVETIRACETAM = "levetiracetam"
    G_CSF = "g_csf"
    GM_CSF = "gm_csf"  # not given during or after infusion (the management engine alerts on it)
    IVIG = "ivig"
    OTHER = "other"


# Administrations after CRS onset that lift the fever requirement (clinical-rules §1 rule 2).
FEVER_MASKING_MEDICATIONS = frozenset({
    MedicationKind.ANTIPYRETIC, MedicationKind.TOCILIZUMAB, MedicationKind.SILTUXIMAB,
    MedicationKind.DEXAMETHASONE, MedicationKind.METHYLPREDNISOLONE, MedicationKind.ANAKINRA,
})


class InterventionKind(StrEnum):
    ICU_TRANSFER = "icu_transfer"
    INTUBATION = "intubation"
    CRRT = "crrt"  # blood purification (PICU-2022)
    PLASMA_EXCHANGE = "plasma_exchange"
    IMAGING = "imaging"
    EEG = "eeg"
    LUMBAR_PUNCTURE = "lumbar_puncture"
    OTHER = "other"


class VasopressorEvent(StrEnum):
    START = "start"
    CHANGE = "change"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class UserRef:
    user_id: int
    name: str
    role: UserRole


@dataclass(frozen=True, slots=True)
class PatientSummary:
    patient_id: int
    mrn: str
    name: str
    sex: Sex
    date_of_birth: date | None
    weight_kg: float | None
    height_cm: float | None
    diagnosis: Diagnosis
    product_name: str
    target: CarTarget
    costim_domain: str | None  # e.g. "CD28", "4-1BB"
    infusion_at: datetime
    lymphodepletion_start: date | None
    ward: str
    bed: str
    marrow_blasts_pct: float | None
    baseline_ice: int | None
    baseline_capd: int | None
    developmental_delay: bool
    risk_notes: str
    status: PatientStatus

    def age_years(self, at: datetime) -> float | None:
        if self.date_of_birth is None:
            return None
        return (at.date() - self.date_of_birth).days / 365.25

    def day(self, at: datetime, tz: tzinfo) -> int:
        return day_number(at, self.infusion_at, tz)


@dataclass(frozen=True, slots=True)
class RecordMeta:
    """Who entered a record and what it corrects. `amends_id` points at the record this one replaces."""

    record_id: int
    at: datetime  # the clinical time (taken / given / assessed)
    entered_by: str
    entered_at: datetime
    amends_id: int | None = None
    amendment_reason: str | None = None


@dataclass(frozen=True, slots=True)
class VitalSigns:
    meta: RecordMeta
    temperature_c: float | None = None
    heart_rate_per_min: float | None = None
    systolic_bp_mmhg: float | None = None
    diastolic_bp_mmhg: float | None = None
    mean_bp_mmhg: float | None = None
    respiratory_rate_per_min: float | None = None
    spo2_pct: float | None = None
    hypotension_confirmed: bool = False  # the nurse's observation (clinical-rules §1 rule 8)


@dataclass(frozen=True, slots=True)
class OxygenRecord:
    meta: RecordMeta
    device: OxygenDevice
    flow_l_min: float | None = None
    for_comfort: bool = False


@dataclass(frozen=True, slots=True)
class VasopressorRecord:
    """A start, dose change or stop of one vasopressor infusion; the dose runs until the next event."""

    meta: RecordMeta
    drug: VasopressorDrug
    event: VasopressorEvent
    dose: float | None  # None on stop
    unit: DoseRateUnit


@dataclass(frozen=True, slots=True)
class FluidBolus:
    meta: RecordMeta
    volume_ml: float
    fluid: str = ""


@dataclass(frozen=True, slots=True)
class LabResult:
    meta: RecordMeta  # meta.at = time collected
    analyte: Analyte
    value: float  # canonical unit (core.labs.ANALYTES)
    unit: str  # canonical UCUM unit
    value_as_entered: float
    unit_as_entered: str
    reported_at: datetime | None = None
    loinc: str | None = None


@dataclass(frozen=True, slots=True)
class EncephalopathyAssessment:
    """One ICE or CAPD assessment as recorded; exactly one of the item sets or an 'unable' reason."""

    meta: RecordMeta
    tool: EncephalopathyTool
    ice: IceAssessment | None = None
    ice_unable: IceUnable | None = None
    capd: CapdAssessment | None = None
    capd_unable: bool = False
    language: str = "zh_CN"
    is_baseline: bool = False
    score: int | None = None  # ICE 0-10 / CAPD 0-32; None when unable


@dataclass(frozen=True, slots=True)
class NeuroExam:
    meta: RecordMeta
    consciousness: Consciousness | None = None
    seizure: Seizure | None = None
    motor_weakness: MotorWeakness | None = None
    icp_findings: frozenset[IcpFinding] = field(default_factory=frozenset)
    imaging_result: str = ""


@dataclass(frozen=True, slots=True)
class MedicationAdministration:
    meta: RecordMeta  # meta.at = time given
    kind: MedicationKind
    drug_name: str
    dose: float
    unit: str
    route: str


@dataclass(frozen=True, slots=True)
class Intervention:
    meta: RecordMeta
    kind: InterventionKind
    note: str = ""


IECHS_RESOLVED = 0  # an IechsGrade of 0: IEC-HS resolved or ruled out (no grade in force)
IECHS_GRADES = (0, 1, 2, 3, 4, 5)  # what a physician may record: 0, or the CSCO-2024 §4.3.2 grade 1-5


@dataclass(frozen=True, slots=True)
class IechsGrade:
    """An IEC-HS grade the physician recorded (CSCO-2024 §4.3.2; never computed by the app).

    ``grade`` 1-5 is the §4.3.2 grade; 0 says IEC-HS is resolved or ruled out. A record stays in force,
    however old, until a newer one (`PatientTimeline.iechs_grade_at`)."""

    meta: RecordMeta  # meta.at = time assessed
    grade: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class GradePoint:
    """The grades at one assessment time, with the snapshot that was graded (reproducible)."""

    at: datetime
    snapshot: Snapshot
    crs: CrsResult
    icans: IcansResult
    vasopressors: VasopressorSummary


@dataclass(frozen=True, slots=True)
class DailyMaxGrade:
    day: int
    date: date
    crs_max: int | None  # None: nothing graded that day
    crs_max_at: datetime | None
    icans_max: int | None  # None: ICANS not assessed that day
    icans_max_at: datetime | None


class EpisodeKind(StrEnum):
    CRS = "crs"
    ICANS = "icans"


@dataclass(frozen=True, slots=True)
class Episode:
    """Onset at the first grade >= 1; resolved at the start of the first 24 h with grade 0 (and, for
    CRS, no fever) (clinical-rules §0). `resolved_at` None: still active."""

    kind: EpisodeKind
    onset_at: datetime
    peak_grade: int
    peak_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True, slots=True)
class PatientTimeline:
    """Everything recorded for one patient, effective versions only, each list sorted by time."""

    patient: PatientSummary
    tz: tzinfo
    generated_at: datetime
    vitals: tuple[VitalSigns, ...] = ()
    oxygen: tuple[OxygenRecord, ...] = ()
    vasopressors: tuple[VasopressorRecord, ...] = ()
    fluid_boluses: tuple[FluidBolus, ...] = ()
    labs: tuple[LabResult, ...] = ()
    encephalopathy: tuple[EncephalopathyAssessment, ...] = ()
    neuro_exams: tuple[NeuroExam, ...] = ()
    medications: tuple[MedicationAdministration, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    grades: tuple[GradePoint, ...] = ()
    daily_max: tuple[DailyMaxGrade, ...] = ()
    episodes: tuple[Episode, ...] = ()
    iechs_grades: tuple[IechsGrade, ...] = ()  # recorded by the physician, by time

    def iechs_grade_at(self, at: datetime) -> IechsGrade | None:
        """The IEC-HS record in force at ``at``: the latest effective one at or before it, however old (a
        grade holds until the physician records another, e.g. 0 = resolved); None if none was recorded."""
        found = None
        for record in self.iechs_grades:
            if record.meta.at > at:
                break
            found = record
        return found

    def day(self, at: datetime) -> int:
        return day_number(at, self.patient.infusion_at, self.tz)

    def x(self, at: datetime) -> float:
        """Chart abscissa: fractional days since local midnight of the infusion day."""
        return fractional_day(at, self.patient.infusion_at, self.tz)

    @property
    def tocilizumab_doses(self) -> tuple[MedicationAdministration, ...]:
        return tuple(m for m in self.medications if m.kind is MedicationKind.TOCILIZUMAB)
