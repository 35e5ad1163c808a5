"""The database schema as SQLModel tables (`…Record` classes; "Model" means a Qt model).

Clinical rows are append-only: nothing is ever updated or deleted. A correction is a new row whose
``amends_id`` points at the row it replaces, with a reason and an author; the effective version of a record
is the last row of its amendment chain (a row that no other row amends). An amendment with ``voided`` set
withdraws the record (e.g. entered on the wrong patient): it stays in the history, not in the timeline.

Times are aware UTC datetimes (SQLModel's UTCDateTime refuses naive ones). Only portable column types are
used (no SQLite-only SQL), so PostgreSQL works through the same code.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UserRecord(SQLModel, table=True):
    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    role: str = Field(max_length=20)  # core.records.UserRole
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class PatientRecord(SQLModel, table=True):
    __tablename__ = "patient"

    id: int | None = Field(default=None, primary_key=True)
    mrn: str = Field(index=True, unique=True, max_length=64)
    name: str = Field(max_length=200)
    sex: str = Field(max_length=10)  # core.records.Sex
    date_of_birth: date | None = None
    weight_kg: float | None = None
    weight_measured_on: date | None = None
    height_cm: float | None = None
    height_measured_on: date | None = None
    diagnosis: str = Field(max_length=20)  # core.records.Diagnosis
    product_name: str = Field(default="", max_length=200)
    target: str = Field(max_length=20)  # core.records.CarTarget
    costim_domain: str | None = Field(default=None, max_length=40)
    infusion_at: datetime
    lymphodepletion_start: date | None = None
    ward: str = Field(default="", max_length=64)
    bed: str = Field(default="", max_length=32)
    marrow_blasts_pct: float | None = None
    baseline_ice: int | None = None
    baseline_capd: int | None = None
    developmental_delay: bool = False
    risk_notes: str = ""
    status: str = Field(default="admitted", max_length=20, index=True)  # core.records.PatientStatus
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class ClinicalRowBase(SQLModel):
    """Columns every append-only clinical row carries."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id")  # indexed with `at` per table
    at: datetime  # the clinical time: taken / given / assessed / collected
    entered_by_id: int = Field(foreign_key="app_user.id")
    entered_at: datetime = Field(default_factory=utcnow)
    amends_id: int | None = Field(default=None, index=True)  # FK to the same table, set per table below
    amendment_reason: str | None = None
    voided: bool = False


class VitalSignsRecord(ClinicalRowBase, table=True):
    __tablename__ = "vital_signs"
    __table_args__ = (Index("ix_vital_signs_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="vital_signs.id", index=True)
    temperature_c: float | None = None
    temperature_as_entered: float | None = None
    temperature_unit_as_entered: str | None = Field(default=None, max_length=4)  # "Cel" | "[degF]"
    heart_rate_per_min: float | None = None
    systolic_bp_mmhg: float | None = None
    diastolic_bp_mmhg: float | None = None
    mean_bp_mmhg: float | None = None
    respiratory_rate_per_min: float | None = None
    spo2_pct: float | None = None
    hypotension_confirmed: bool = False


class OxygenSupportRecord(ClinicalRowBase, table=True):
    __tablename__ = "oxygen_support"
    __table_args__ = (Index("ix_oxygen_support_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="oxygen_support.id", index=True)
    device: str = Field(max_length=40)  # core.snapshot.OxygenDevice
    flow_l_min: float | None = None
    for_comfort: bool = False


class VasopressorInfusionRecord(ClinicalRowBase, table=True):
    __tablename__ = "vasopressor_infusion"
    __table_args__ = (Index("ix_vasopressor_infusion_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="vasopressor_infusion.id", index=True)
    drug: str = Field(max_length=40)  # core.snapshot.VasopressorDrug
    event: str = Field(max_length=10)  # core.records.VasopressorEvent
    dose: float | None = None
    unit: str = Field(max_length=20)  # core.snapshot.DoseRateUnit


class FluidBolusRecord(ClinicalRowBase, table=True):
    __tablename__ = "fluid_bolus"
    __table_args__ = (Index("ix_fluid_bolus_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="fluid_bolus.id", index=True)
    volume_ml: float
    fluid: str = Field(default="", max_length=100)


class LabResultRecord(ClinicalRowBase, table=True):
    __tablename__ = "lab_result"
    __table_args__ = (Index("ix_lab_result_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="lab_result.id", index=True)
    analyte: str = Field(max_length=40)  # core.labs.Analyte
    loinc: str | None = Field(default=None, max_length=20)
    value: float  # canonical unit (clinical-rules §11)
    unit: str = Field(max_length=40)  # canonical UCUM unit
    value_as_entered: float
    unit_as_entered: str = Field(max_length=40)
    reported_at: datetime | None = None


class EncephalopathyAssessmentRecord(ClinicalRowBase, table=True):
    """One ICE or CAPD assessment, item by item (clinical-rules §3.1, §3.4)."""

    __tablename__ = "encephalopathy_assessment"
    __table_args__ = (Index("ix_encephalopathy_assessment_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="encephalopathy_assessment.id", index=True)
    tool: str = Field(max_length=8)  # "ICE" | "CAPD"
    ice_orientation: int | None = None
    ice_naming: int | None = None
    ice_commands: int | None = None
    ice_writing: int | None = None
    ice_attention: int | None = None
    ice_unable: str | None = Field(default=None, max_length=20)
    capd_eye_contact: str | None = Field(default=None, max_length=10)
    capd_purposeful_actions: str | None = Field(default=None, max_length=10)
    capd_aware_of_surroundings: str | None = Field(default=None, max_length=10)
    capd_communicates_needs: str | None = Field(default=None, max_length=10)
    capd_restless: str | None = Field(default=None, max_length=10)
    capd_inconsolable: str | None = Field(default=None, max_length=10)
    capd_underactive: str | None = Field(default=None, max_length=10)
    capd_slow_response: str | None = Field(default=None, max_length=10)
    capd_unable: bool = False
    score: int | None = None
    language: str = Field(default="zh_CN", max_length=10)
    is_baseline: bool = False


class NeuroExamRecord(ClinicalRowBase, table=True):
    __tablename__ = "neuro_exam"
    __table_args__ = (Index("ix_neuro_exam_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="neuro_exam.id", index=True)
    consciousness: str | None = Field(default=None, max_length=30)
    seizure: str | None = Field(default=None, max_length=30)
    motor_weakness: str | None = Field(default=None, max_length=20)
    icp_findings: list[str] = Field(default_factory=list, sa_type=JSON)
    imaging_result: str = ""


class MedicationAdministrationRecord(ClinicalRowBase, table=True):
    __tablename__ = "medication_administration"
    __table_args__ = (Index("ix_medication_administration_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="medication_administration.id", index=True)
    kind: str = Field(max_length=30)  # core.records.MedicationKind
    drug_name: str = Field(max_length=100)
    dose: float
    unit: str = Field(max_length=20)
    route: str = Field(default="", max_length=20)


class InterventionRecord(ClinicalRowBase, table=True):
    __tablename__ = "intervention"
    __table_args__ = (Index("ix_intervention_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="intervention.id", index=True)
    kind: str = Field(max_length=30)  # core.records.InterventionKind
    note: str = ""


class IechsGradeRecord(ClinicalRowBase, table=True):
    """An IEC-HS grade recorded by a physician (CSCO-2024 §4.3.2; the app never computes it). ``grade`` 1-5
    is the §4.3.2 grade; 0 records that IEC-HS is resolved or ruled out (no grade in force). The latest
    effective record at or before a time is the grade in force then, however old, until a newer one."""

    __tablename__ = "iechs_grade"
    __table_args__ = (Index("ix_iechs_grade_patient_at", "patient_id", "at"),)

    amends_id: int | None = Field(default=None, foreign_key="iechs_grade.id", index=True)
    grade: int  # 0 = resolved / ruled out; 1-5 = CSCO-2024 §4.3.2
    note: str = ""


class GradeRecord(SQLModel, table=True):
    """A computed CRS / ICANS grade with the snapshot graded and the rule set that graded it, so a grade
    shown yesterday can be reproduced today even after the rules change."""

    __tablename__ = "grade"
    __table_args__ = (Index("ix_grade_patient_at", "patient_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id")
    at: datetime  # the assessment time graded
    computed_at: datetime = Field(default_factory=utcnow)
    crs_grade: int
    icans_grade: int | None = None
    icans_status: str = Field(max_length=20)
    icans_tool: str | None = Field(default=None, max_length=8)
    icans_score: int | None = None
    crs_drivers: list[Any] = Field(default_factory=list, sa_type=JSON)
    icans_drivers: list[Any] = Field(default_factory=list, sa_type=JSON)
    vasopressors: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    rule_set_version: str = Field(max_length=80)
    protocol_id: str = Field(max_length=40)
    trigger_kind: str | None = Field(default=None, max_length=40)  # which save produced it
    trigger_record_id: int | None = None


class AuditEventRecord(SQLModel, table=True):
    """Who did what, when, with the row before and after (every write writes exactly one)."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, foreign_key="app_user.id")
    action: str = Field(max_length=40)  # create / amend / void / admit / update / create_user / demo
    entity: str = Field(max_length=40)  # record kind or table
    entity_id: int | None = None
    patient_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    summary: str = ""


class AlertRecord(SQLModel, table=True):
    """A management alert kept in the record (issue 6 item 4). Derived data: raised when the plan first
    shows the code, ``last_seen_at`` moved on each refresh, ``cleared_at`` set when the plan no longer
    shows it (a later return is a new row). Acknowledged by a named user, with an optional note."""

    __tablename__ = "alert"
    __table_args__ = (Index("ix_alert_patient_cleared", "patient_id", "cleared_at"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id")
    code: str = Field(max_length=80)  # core.management.Alert.code
    severity: str = Field(max_length=10)  # core.management.Severity
    source: str = Field(default="", max_length=200)
    params: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    first_raised_at: datetime
    last_seen_at: datetime
    cleared_at: datetime | None = None
    acknowledged_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    acknowledged_at: datetime | None = None
    ack_note: str = ""


class RecommendationMarkRecord(SQLModel, table=True):
    """A physician's mark on a recommendation checklist item (issue 6 item 2). Append-only: the latest
    mark of a code supersedes the earlier ones, which stay stored."""

    __tablename__ = "recommendation_mark"
    __table_args__ = (Index("ix_recommendation_mark_patient_code", "patient_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id")
    code: str = Field(max_length=80)  # core.management.Recommendation.code
    status: str = Field(max_length=20)  # "done" | "not_indicated" | "withdrawn" (takes the latest back)
    by_id: int = Field(foreign_key="app_user.id")
    at: datetime
    note: str = ""


CLINICAL_TABLES: dict[str, type[ClinicalRowBase]] = {
    "vitals": VitalSignsRecord,
    "oxygen": OxygenSupportRecord,
    "vasopressor": VasopressorInfusionRecord,
    "fluid_bolus": FluidBolusRecord,
    "lab": LabResultRecord,
    "encephalopathy": EncephalopathyAssessmentRecord,
    "neuro_exam": NeuroExamRecord,
    "medication": MedicationAdministrationRecord,
    "intervention": InterventionRecord,
    "iechs_grade": IechsGradeRecord,
}
"""Record kind (as used by services and the audit log) -> table."""

metadata = SQLModel.metadata
