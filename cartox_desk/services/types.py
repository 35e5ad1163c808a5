"""Plain rows the services return besides the core record dataclasses (census, audit, stored grades)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cartox_desk.core.records import CarTarget, Diagnosis, PatientStatus, Sex
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
    alert_count: int = 0  # placeholder until the management engine reports alerts


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
