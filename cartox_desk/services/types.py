"""Plain rows the services return besides the core record dataclasses (census, audit, stored grades)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cartox_desk.core.management import Alert, Severity
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
    NeuroExam,
    OxygenRecord,
    PatientStatus,
    Sex,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.results import Driver
from cartox_desk.core.snapshot import Snapshot
from cartox_desk.persistence.repositories import ClinicalRecord


@dataclass(frozen=True, slots=True)
class CensusRow:
    """One bed on the ward census (ux.md): who, day +N, grades now and over 24 h, what is due."""

    patient_id: int
    mrn: str
    name: str
    ward: str
    bed: str
    sex: Sex
    age_years: float | None
    diagnosis: Diagnosis
    product_name: str
    target: CarTarget
    status: PatientStatus
    day: int  # day +N (negative during lymphodepletion)
    crs_grade: int | None  # the latest stored grade (None: never graded)
    icans_grade: int | None  # None: not assessed
    icans_status: str | None  # "graded" | "not_assessed" | None (never graded)
    graded_at: datetime | None
    crs_max_24h: int | None
    icans_max_24h: int | None
    last_assessment_at: datetime | None  # latest ICE / CAPD
    next_assessment_due_at: datetime | None
    assessment_overdue: bool
    last_vitals_at: datetime | None
    vitals_overdue: bool
    due: tuple[str, ...]  # codes, e.g. "ice_due", "ice_overdue", "capd_overdue", "vitals_overdue"
    alert_count: int = 0  # active (uncleared) alerts kept in the record (`Services.refresh_alerts`)
    unacknowledged_alerts: int = 0  # of those, not yet acknowledged by a named user
    # their codes, unacknowledged first, then most severe first (core.management.texts.alert_label names them)
    alert_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditEvent:
    event_id: int
    at: datetime
    user: str | None
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    summary: str


@dataclass(frozen=True, slots=True)
class RecordVersion:
    """One version in a record's history: the original first, then each amendment."""

    record: ClinicalRecord
    voided: bool  # this version withdrew the record
    current: bool  # the effective version (the last in the chain)


@dataclass(frozen=True, slots=True)
class StoredGrade:
    """A grade as it was computed and shown, with the snapshot and rule set that produced it."""

    grade_id: int
    patient_id: int
    at: datetime
    computed_at: datetime
    crs_grade: int
    icans_grade: int | None
    icans_status: str
    icans_tool: str | None
    icans_score: int | None
    crs_drivers: tuple[Driver, ...]
    icans_drivers: tuple[Driver, ...]
    snapshot: Snapshot
    rule_set_version: str
    protocol_id: str
    trigger_kind: str | None
    trigger_record_id: int | None


@dataclass(frozen=True, slots=True)
class FlowsheetLine:
    """What `Services.record_flowsheet` wrote, in one transaction (None / empty: that part was not given)."""

    vitals: VitalSigns | None
    oxygen: OxygenRecord | None
    vasopressors: tuple[VasopressorRecord, ...]
    fluid_bolus: FluidBolus | None

    def records(self) -> list[tuple[str, Any]]:
        """(kind, record) for each record written, in order (kinds as in `services.KINDS`)."""
        out: list[tuple[str, Any]] = []
        if self.vitals is not None:
            out.append(("vitals", self.vitals))
        if self.oxygen is not None:
            out.append(("oxygen", self.oxygen))
        out += [("vasopressor", v) for v in self.vasopressors]
        if self.fluid_bolus is not None:
            out.append(("fluid_bolus", self.fluid_bolus))
        return out


@dataclass(frozen=True, slots=True)
class AssessmentLine:
    """What `Services.record_assessment` wrote: the ICE / CAPD and the neuro exam of the same time."""

    assessment: EncephalopathyAssessment | None
    neuro_exam: NeuroExam | None

    def records(self) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        if self.assessment is not None:
            out.append(("encephalopathy", self.assessment))
        if self.neuro_exam is not None:
            out.append(("neuro_exam", self.neuro_exam))
        return out


@dataclass(frozen=True, slots=True)
class ActiveAlert:
    """A management alert kept in the record (issue 6 item 4): raised by the plan, cleared when the plan no
    longer raises it, acknowledged by a named user. ``alert`` is the engine's alert (for `describe`)."""

    alert_id: int
    patient_id: int
    alert: Alert
    first_raised_at: datetime
    last_seen_at: datetime
    cleared_at: datetime | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    ack_note: str

    @property
    def code(self) -> str:
        return self.alert.code

    @property
    def severity(self) -> Severity:
        return self.alert.severity

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def active(self) -> bool:
        return self.cleared_at is None


@dataclass(frozen=True, slots=True)
class RecommendationMark:
    """The latest mark of a recommendation checklist item (issue 6 item 2); earlier marks stay stored."""

    mark_id: int
    patient_id: int
    code: str
    status: str  # "done" | "not_indicated"
    by: str
    at: datetime
    note: str
