"""The services facade: every use case is one method, one session, one transaction, one audit event.

The GUI's composition root builds it with `Services.from_url(url)` (migrating the database first, with a
backup of the SQLite file when there are pending migrations). Every method returns core dataclasses or the
plain rows of `services.types`, never ORM objects.

Rules kept here (issue 3, clinical-rules §0, §10):

* implausible values are refused with a `ValidationError` naming the field and the range, and nothing is
  written;
* clinical times are aware, not more than 5 minutes in the future and not before the date of birth;
* clinical rows are append-only: an amendment is a new row pointing at the version it corrects, with a
  reason and an author; `record_history` shows every version;
* saving anything that is graded (vitals, oxygen, vasopressors, ICE / CAPD, neuro exam, and their
  amendments) stores a `GradeRecord` with the snapshot, drivers and rule-set version, so the grade shown
  can be reproduced after the rules change.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from importlib import import_module
from typing import Any

from sqlalchemy import Engine, false, func, select, true
from sqlmodel import Session, col

from cartox_desk import __version__ as _package_version
from cartox_desk.config import ward_timezone
from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
    GradePoint,
    Intervention,
    InterventionKind,
    LabResult,
    MedicationAdministration,
    MedicationKind,
    NeuroExam,
    OxygenRecord,
    PatientStatus,
    PatientSummary,
    PatientTimeline,
    Sex,
    UserRef,
    UserRole,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.results import GradingResult
from cartox_desk.core.schedule import DEFAULT_SCHEDULE, ScheduleSettings, census_due
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
    VasopressorDrug,
)
from cartox_desk.core.timeline import DEFAULT_SETTINGS, TimelineSettings, build_timeline
from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.db import SessionFactory, is_sqlite, make_engine, session_factory
from cartox_desk.persistence.migrate import upgrade_database
from cartox_desk.persistence.record_cache import RecordCache, gc_paused
from cartox_desk.persistence.tables import (
    CLINICAL_TABLES,
    AuditEventRecord,
    EncephalopathyAssessmentRecord,
    GradeRecord,
    PatientRecord,
    UserRecord,
    VitalSignsRecord,
)
from cartox_desk.services.codec import (
    drivers_from_json,
    drivers_to_json,
    snapshot_from_json,
    snapshot_to_json,
)
from cartox_desk.services.errors import NotFoundError, ValidationError
from cartox_desk.services.types import AuditEvent, CensusRow, RecordVersion, StoredGrade
from cartox_desk.services.validation import VALIDATORS, Problems, check_time, inputs_from_row

DEFAULT_PROTOCOL_ID = "CSCO-2024"
GRADED_KINDS = frozenset(
    {
        "vitals",
        "oxygen",
        "vasopressor",
        "fluid_bolus",
        "encephalopathy",
        "neuro_exam",
        "medication",
    }
)  # what can change a grade (medications: fever masking, clinical-rules §1 rule 2)
KINDS = tuple(CLINICAL_TABLES)
# What an amendment may change, per kind (the record_* inputs; the time via `at`).
AMENDABLE: dict[str, frozenset[str]] = {
    "vitals": frozenset(
        {
            "temperature_c",
            "temperature_f",
            "heart_rate_per_min",
            "systolic_bp_mmhg",
            "diastolic_bp_mmhg",
            "mean_bp_mmhg",
            "respiratory_rate_per_min",
            "spo2_pct",
            "hypotension_confirmed",
        }
    ),
    "oxygen": frozenset({"device", "flow_l_min", "for_comfort"}),
    "vasopressor": frozenset({"drug", "event", "dose", "unit"}),
    "fluid_bolus": frozenset({"volume_ml", "fluid"}),
    "lab": frozenset({"analyte", "value", "unit", "reported_at"}),
    "encephalopathy": frozenset({"ice", "ice_unable", "capd", "capd_unable", "language", "is_baseline"}),
    "neuro_exam": frozenset({"consciousness", "seizure", "motor_weakness", "icp_findings", "imaging_result"}),
    "medication": frozenset({"kind", "drug_name", "dose", "unit", "route"}),
    "intervention": frozenset({"kind", "note"}),
}
KIND_ALIASES = {"ice": "encephalopathy", "capd": "encephalopathy", "vital_signs": "vitals"}


def _kind(kind: str) -> str:
    kind = KIND_ALIASES.get(kind, kind)
    if kind not in CLINICAL_TABLES:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(KINDS)}")
    return kind


_RULE_MODULES = ("rules", "crs", "icans", "ice", "capd", "vasopressors", "grading", "timeline")


def _rule_set_version() -> str:
    """The package version plus a digest of the grading rule sources: changes whenever a rule does."""
    digest = hashlib.sha256()
    for name in _RULE_MODULES:
        module = import_module(f"cartox_desk.core.{name}")
        path = getattr(module, "__file__", None)
        if path:
            with open(path, "rb") as fh:
                digest.update(fh.read())
    return f"cartox_desk {_package_version} ASTCT-2019 rules {digest.hexdigest()[:12]}"


RULE_SET_VERSION = _rule_set_version()

User = int | UserRef


class Services:
    """Use cases over one database. Thread-safe in the sense that each call opens its own session."""

    def __init__(
        self,
        sessions: SessionFactory,
        *,
        engine: Engine | None = None,
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] | None = None,
        protocol_id: str = DEFAULT_PROTOCOL_ID,
        timeline_settings: TimelineSettings = DEFAULT_SETTINGS,
        schedule_settings: ScheduleSettings = DEFAULT_SCHEDULE,
    ) -> None:
        self._sessions = sessions
        self.engine = engine
        self.tz: tzinfo = tz or ward_timezone()
        self._clock = clock or (lambda: datetime.now(UTC))
        self.protocol_id = protocol_id
        self.timeline_settings = timeline_settings
        self.schedule_settings = schedule_settings
        # incremental record cache: safe where ids commit in order (SQLite), see persistence.record_cache
        self._cache = RecordCache(enabled=engine is None or is_sqlite(engine))

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_url(cls, url: str, *, migrate: bool = True, **kwargs: Any) -> Services:
        """Migrate (backing the SQLite file up first when needed), then build the services."""
        if migrate:
            upgrade_database(url)
        engine = make_engine(url)
        return cls(session_factory(engine), engine=engine, **kwargs)

    @classmethod
    def from_engine(cls, engine: Engine, **kwargs: Any) -> Services:
        return cls(session_factory(engine), engine=engine, **kwargs)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()

    def now(self) -> datetime:
        return self._clock()

    def session(self) -> Session:
        return self._sessions()

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _user_id(by: User | None) -> int | None:
        if by is None:
            return None
        return by.user_id if isinstance(by, UserRef) else int(by)

    def _author(self, s: Session, by: User | None) -> UserRecord:
        uid = self._user_id(by)
        if uid is None:
            raise ValidationError.single("by", "by: the author is required")
        user = s.get(UserRecord, uid)
        if user is None:
            raise NotFoundError(f"no user with id {uid}")
        if not user.active:
            raise ValidationError.single("by", f"by: user {user.name} is not active")
        return user

    @staticmethod
    def _patient_row(s: Session, patient_id: int | None = None, mrn: str | None = None) -> PatientRecord:
        row = repo.find_patient(s, patient_id, mrn)
        if row is None:
            raise NotFoundError(
                f"no patient with {'id ' + str(patient_id) if patient_id is not None else 'MRN ' + str(mrn)}"
            )
        return row

    def _audit(
        self,
        s: Session,
        user_id: int | None,
        action: str,
        entity: str,
        entity_id: int | None,
        patient_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        summary: str = "",
    ) -> None:
        s.add(
            AuditEventRecord(
                at=self.now(),
                user_id=user_id,
                action=action,
                entity=entity,
                entity_id=entity_id,
                patient_id=patient_id,
                before=before,
                after=after,
                summary=summary,
            )
        )

    # ------------------------------------------------------------------ users

    def create_user(self, name: str, role: UserRole | str, *, by: User | None = None) -> UserRef:
        """A nurse, physician or administrator; every record names who entered it."""
        p = Problems()
        r = p.enum(UserRole, "role", role)
        name = (name or "").strip()
        if not name:
            p.add("name", "name: required")
        p.raise_if_any()
        assert r is not None
        with self.session() as s:
            if s.execute(select(col(UserRecord.id)).where(col(UserRecord.name) == name)).first():
                raise ValidationError.single("name", f"name: a user called {name!r} already exists")
            row = UserRecord(name=name, role=r.value, created_at=self.now())
            s.add(row)
            s.flush()
            self._audit(
                s,
                self._user_id(by) or row.id,
                "create_user",
                "user",
                row.id,
                None,
                None,
                repo.row_dict(row),
                f"user {name} ({r.value})",
            )
            s.commit()
            return repo.user_ref(row)

    def list_users(self, *, include_inactive: bool = False) -> list[UserRef]:
        with self.session() as s:
            q = select(UserRecord).order_by(UserRecord.name)
            if not include_inactive:
                q = q.where(col(UserRecord.active) == true())
            return [repo.user_ref(u) for u in s.execute(q).scalars()]

    def get_user(self, user_id: int) -> UserRef:
        with self.session() as s:
            row = s.get(UserRecord, user_id)
            if row is None:
                raise NotFoundError(f"no user with id {user_id}")
            return repo.user_ref(row)

    # ------------------------------------------------------------------ patients

    _PATIENT_FIELDS = (
        "mrn",
        "name",
        "sex",
        "date_of_birth",
        "weight_kg",
        "weight_measured_on",
        "height_cm",
        "height_measured_on",
        "diagnosis",
        "product_name",
        "target",
        "costim_domain",
        "infusion_at",
        "lymphodepletion_start",
        "ward",
        "bed",
        "marrow_blasts_pct",
        "baseline_ice",
        "baseline_capd",
        "developmental_delay",
        "risk_notes",
        "status",
    )

    def _patient_columns(self, v: dict[str, Any]) -> dict[str, Any]:
        p = Problems()
        out: dict[str, Any] = {}
        out["mrn"] = str(v.get("mrn") or "").strip()
        if not out["mrn"]:
            p.add("mrn", "mrn: required")
        out["name"] = str(v.get("name") or "").strip()
        if not out["name"]:
            p.add("name", "name: required")
        for key, cls in (
            ("sex", Sex),
            ("diagnosis", Diagnosis),
            ("target", CarTarget),
            ("status", PatientStatus),
        ):
            e = p.enum(cls, key, v.get(key))
            out[key] = e.value if e else None
        dob = v.get("date_of_birth")
        today = self.now().astimezone(self.tz).date()
        if dob is not None and (not isinstance(dob, date) or isinstance(dob, datetime)):
            p.add("date_of_birth", f"date_of_birth: {dob!r} is not a date")
        elif dob is not None and dob > today:
            p.add("date_of_birth", f"date_of_birth: {dob.isoformat()} is in the future")
        out["date_of_birth"] = dob
        out["weight_kg"] = p.ranged("weight_kg", v.get("weight_kg"))
        out["height_cm"] = p.ranged("height_cm", v.get("height_cm"))
        for key in ("weight_measured_on", "height_measured_on", "lymphodepletion_start"):
            out[key] = v.get(key)
        infusion = v.get("infusion_at")
        if infusion is None:
            p.add("infusion_at", "infusion_at: required (day 0)")
        elif not isinstance(infusion, datetime) or infusion.tzinfo is None:
            p.add("infusion_at", "infusion_at: must be a timezone-aware date-time")
        elif dob is not None and isinstance(dob, date) and infusion.astimezone(self.tz).date() < dob:
            p.add("infusion_at", f"infusion_at: {infusion.isoformat()} is before the date of birth")
        out["infusion_at"] = infusion
        blasts = p.number("marrow_blasts_pct", v.get("marrow_blasts_pct"))
        if blasts is not None and not 0 <= blasts <= 100:
            p.add("marrow_blasts_pct", f"marrow_blasts_pct: {blasts:g} is outside 0-100 %")
        out["marrow_blasts_pct"] = blasts
        for key, top in (("baseline_ice", 10), ("baseline_capd", 32)):
            val = v.get(key)
            if val is not None and (isinstance(val, bool) or not isinstance(val, int) or not 0 <= val <= top):
                p.add(key, f"{key}: {val!r} is outside 0-{top}")
            out[key] = val
        out["product_name"] = str(v.get("product_name") or "")
        out["costim_domain"] = v.get("costim_domain")
        out["ward"] = str(v.get("ward") or "")
        out["bed"] = str(v.get("bed") or "")
        out["developmental_delay"] = bool(v.get("developmental_delay", False))
        out["risk_notes"] = str(v.get("risk_notes") or "")
        p.raise_if_any()
        return out

    def admit_patient(
        self,
        *,
        by: User,
        mrn: str,
        name: str,
        sex: Sex | str,
        diagnosis: Diagnosis | str,
        target: CarTarget | str,
        infusion_at: datetime,
        date_of_birth: date | None = None,
        product_name: str = "",
        costim_domain: str | None = None,
        weight_kg: float | None = None,
        weight_measured_on: date | None = None,
        height_cm: float | None = None,
        height_measured_on: date | None = None,
        lymphodepletion_start: date | None = None,
        ward: str = "",
        bed: str = "",
        marrow_blasts_pct: float | None = None,
        baseline_ice: int | None = None,
        baseline_capd: int | None = None,
        developmental_delay: bool = False,
        risk_notes: str = "",
        status: PatientStatus | str = PatientStatus.ADMITTED,
    ) -> PatientSummary:
        """Register a patient with the infusion date-time (day 0); MRN must be unique."""
        values = {k: v for k, v in locals().items() if k in self._PATIENT_FIELDS}
        cols = self._patient_columns(values)
        with self.session() as s:
            user = self._author(s, by)
            if repo.find_patient(s, mrn=cols["mrn"]) is not None:
                raise ValidationError.single("mrn", f"mrn: {cols['mrn']} is already registered")
            row = PatientRecord(created_by_id=user.id, created_at=self.now(), **cols)
            s.add(row)
            s.flush()
            self._audit(
                s,
                user.id,
                "admit",
                "patient",
                row.id,
                row.id,
                None,
                repo.row_dict(row),
                f"admitted {row.mrn}",
            )
            s.commit()
            return repo.patient_summary(row)

    def update_patient(self, patient_id: int, *, by: User, reason: str, **changes: Any) -> PatientSummary:
        """Change registration data (bed, status, weight...). Patient data is not an observation: the row
        is updated, and the audit event keeps the before / after values and the reason."""
        unknown = set(changes) - set(self._PATIENT_FIELDS)
        if unknown:
            raise ValidationError.single(sorted(unknown)[0], f"{sorted(unknown)[0]}: not a patient field")
        if not (reason or "").strip():
            raise ValidationError.single("reason", "reason: required")
        with self.session() as s:
            user = self._author(s, by)
            row = self._patient_row(s, patient_id)
            before = repo.row_dict(row)
            values = {k: getattr(row, k) for k in self._PATIENT_FIELDS}
            values.update(changes)
            cols = self._patient_columns(values)
            if cols["mrn"] != row.mrn and repo.find_patient(s, mrn=cols["mrn"]) is not None:
                raise ValidationError.single("mrn", f"mrn: {cols['mrn']} is already registered")
            for k, v in cols.items():
                setattr(row, k, v)
            s.flush()
            self._audit(s, user.id, "update", "patient", row.id, row.id, before, repo.row_dict(row), reason)
            s.commit()
            return repo.patient_summary(row)

    def get_patient(self, patient_id: int | None = None, *, mrn: str | None = None) -> PatientSummary:
        with self.session() as s:
            return repo.patient_summary(self._patient_row(s, patient_id, mrn))

    def list_patients(
        self, *, status: PatientStatus | str | None = PatientStatus.ADMITTED
    ) -> list[PatientSummary]:
        """Patients sorted by ward and bed; ``status=None`` lists everyone."""
        with self.session() as s:
            statuses = None if status is None else [PatientStatus(status).value]
            return [repo.patient_summary(r) for r in repo.list_patient_rows(s, statuses)]

    # ------------------------------------------------------------------ clinical records (generic)

    def _create(self, kind: str, patient_id: int, at: datetime, by: User, inputs: dict[str, Any]) -> Any:
        with self.session() as s:
            user = self._author(s, by)
            patient = self._patient_row(s, patient_id)
            p = Problems()
            at_ok = check_time(p, "at", at, now=self.now(), date_of_birth=patient.date_of_birth, tz=self.tz)
            cols = VALIDATORS[kind](p, inputs)
            self._extra_checks(kind, p, cols, at_ok, patient)
            p.raise_if_any()
            assert at_ok is not None
            table = CLINICAL_TABLES[kind]
            assert patient.id is not None and user.id is not None
            row = table(patient_id=patient.id, at=at_ok, entered_by_id=user.id, entered_at=self.now(), **cols)
            s.add(row)
            s.flush()
            self._audit(s, user.id, "create", kind, row.id, patient.id, None, repo.row_dict(row))
            if kind in GRADED_KINDS:
                self._store_grade(s, patient, at_ok, kind, row.id)
            s.commit()
            return repo.to_dataclass(kind, row, {user.id: user.name})

    def _extra_checks(
        self, kind: str, p: Problems, cols: dict[str, Any], at: datetime | None, patient: PatientRecord
    ) -> None:
        if kind == "lab" and cols.get("reported_at") is not None:
            rep = check_time(
                p,
                "reported_at",
                cols["reported_at"],
                now=self.now(),
                date_of_birth=patient.date_of_birth,
                tz=self.tz,
            )
            if rep is not None and at is not None and rep < at:
                p.add("reported_at", "reported_at: before the time the sample was collected")
        if (
            kind == "encephalopathy"
            and cols.get("is_baseline")
            and at is not None
            and at > patient.infusion_at
        ):
            p.add("is_baseline", "is_baseline: a baseline assessment is done before the infusion")

    def amend(
        self, kind: str, record_id: int, *, by: User, reason: str, at: datetime | None = None, **changes: Any
    ) -> Any:
        """Correct a record: a new row pointing at ``record_id`` (which must be the current version) with
        the fields in ``changes`` replaced. The original stays in the history (`record_history`)."""
        kind = _kind(kind)
        table = CLINICAL_TABLES[kind]
        with self.session() as s:
            user = self._author(s, by)
            row = s.get(table, record_id)
            if row is None:
                raise NotFoundError(f"no {kind} record with id {record_id}")
            patient = self._patient_row(s, row.patient_id)
            p = Problems()
            if not (reason or "").strip():
                p.add("reason", "reason: an amendment needs a reason")
            newer = repo.amended_by(s, kind, record_id)
            if newer is not None:
                p.add(
                    "record_id",
                    f"record_id: {record_id} was already amended by record {newer}; "
                    "amend the current version",
                )
            if row.voided:
                p.add("record_id", f"record_id: {record_id} withdrew the record; nothing to amend")
            base = inputs_from_row(kind, row)
            if kind == "vitals" and ({"temperature_c", "temperature_f"} & set(changes)):
                base.pop("temperature_c", None)
                base.pop("temperature_f", None)
            if kind == "encephalopathy":
                if {"ice", "ice_unable"} & set(changes):
                    base.pop("ice", None)
                    base.pop("ice_unable", None)
                if {"capd", "capd_unable"} & set(changes):
                    base.pop("capd", None)
                    base.pop("capd_unable", None)
            unknown = sorted(set(changes) - AMENDABLE[kind])
            for name in unknown:
                p.add(
                    name,
                    f"{name}: not a field of a {kind} record; one of {', '.join(sorted(AMENDABLE[kind]))}",
                )
            base.update(changes)
            new_at = check_time(
                p,
                "at",
                at if at is not None else row.at,
                now=self.now(),
                date_of_birth=patient.date_of_birth,
                tz=self.tz,
            )
            cols = VALIDATORS[kind](p, base)
            self._extra_checks(kind, p, cols, new_at, patient)
            if not p.items and new_at == row.at and all(getattr(row, k) == v for k, v in cols.items()):
                p.add("changes", "changes: the correction changes nothing")
            p.raise_if_any()
            assert new_at is not None and user.id is not None
            new = table(
                patient_id=row.patient_id,
                at=new_at,
                entered_by_id=user.id,
                entered_at=self.now(),
                amends_id=row.id,
                amendment_reason=reason.strip(),
                **cols,
            )
            s.add(new)
            s.flush()
            self._audit(
                s,
                user.id,
                "amend",
                kind,
                new.id,
                patient.id,
                repo.row_dict(row),
                repo.row_dict(new),
                reason.strip(),
            )
            if kind in GRADED_KINDS:
                self._store_grade(s, patient, new_at, kind, new.id, also_from=row.at)
            s.commit()
            return repo.to_dataclass(kind, new, {user.id: user.name})

    def void_record(self, kind: str, record_id: int, *, by: User, reason: str) -> RecordVersion:
        """Withdraw a record entered in error (e.g. on the wrong patient): an amendment flagged ``voided``.
        It leaves the timeline; the history keeps every version."""
        kind = _kind(kind)
        table = CLINICAL_TABLES[kind]
        with self.session() as s:
            user = self._author(s, by)
            row = s.get(table, record_id)
            if row is None:
                raise NotFoundError(f"no {kind} record with id {record_id}")
            patient = self._patient_row(s, row.patient_id)
            p = Problems()
            if not (reason or "").strip():
                p.add("reason", "reason: withdrawing a record needs a reason")
            if repo.amended_by(s, kind, record_id) is not None or row.voided:
                p.add("record_id", f"record_id: {record_id} is not the current version")
            p.raise_if_any()
            cols = {
                c.name: getattr(row, c.name)
                for c in table.__table__.columns  # type: ignore[attr-defined]
                if c.name
                not in ("id", "entered_by_id", "entered_at", "amends_id", "amendment_reason", "voided")
            }
            assert user.id is not None
            new = table(
                **cols,
                entered_by_id=user.id,
                entered_at=self.now(),
                amends_id=row.id,
                amendment_reason=reason.strip(),
                voided=True,
            )
            s.add(new)
            s.flush()
            self._audit(
                s,
                user.id,
                "void",
                kind,
                new.id,
                patient.id,
                repo.row_dict(row),
                repo.row_dict(new),
                reason.strip(),
            )
            if kind in GRADED_KINDS:
                self._store_grade(s, patient, row.at, kind, new.id)
            s.commit()
            return RecordVersion(
                repo.to_dataclass(kind, new, {user.id: user.name}),
                voided=True,
                current=True,
            )

    def record_history(self, kind: str, record_id: int) -> list[RecordVersion]:
        """Every version of the record containing ``record_id``: the original first, then each amendment."""
        kind = _kind(kind)
        with self.session() as s:
            rows = repo.chain(s, kind, record_id)
            if not rows:
                raise NotFoundError(f"no {kind} record with id {record_id}")
            names = repo.user_names(s)
            return [
                RecordVersion(repo.to_dataclass(kind, r, names), voided=r.voided, current=i == len(rows) - 1)
                for i, r in enumerate(rows)
            ]

    # ------------------------------------------------------------------ clinical records (named)

    def record_vitals(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        temperature_c: float | None = None,
        temperature_f: float | None = None,
        heart_rate_per_min: float | None = None,
        systolic_bp_mmhg: float | None = None,
        diastolic_bp_mmhg: float | None = None,
        mean_bp_mmhg: float | None = None,
        respiratory_rate_per_min: float | None = None,
        spo2_pct: float | None = None,
        hypotension_confirmed: bool = False,
    ) -> VitalSigns:
        """One set of vital signs; temperature in °C or °F (converted, the entry kept)."""
        inputs = {k: v for k, v in locals().items() if k not in ("self", "patient_id", "at", "by")}
        return self._create("vitals", patient_id, at, by, inputs)  # type: ignore[no-any-return]

    def record_oxygen(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        device: OxygenDevice | str,
        flow_l_min: float | None = None,
        for_comfort: bool = False,
    ) -> OxygenRecord:
        """Oxygen support from ``at`` until the next oxygen record (``room_air`` ends it)."""
        return self._create(  # type: ignore[no-any-return]
            "oxygen",
            patient_id,
            at,
            by,
            {"device": device, "flow_l_min": flow_l_min, "for_comfort": for_comfort},
        )

    def record_vasopressor(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        drug: VasopressorDrug | str,
        event: str,
        dose: float | None,
        unit: DoseRateUnit | str,
    ) -> VasopressorRecord:
        """A vasopressor start, dose change or stop (the dose runs until the next event)."""
        return self._create(  # type: ignore[no-any-return]
            "vasopressor",
            patient_id,
            at,
            by,
            {"drug": drug, "event": event, "dose": dose, "unit": unit},
        )

    def record_fluid_bolus(
        self, patient_id: int, at: datetime, *, by: User, volume_ml: float, fluid: str = ""
    ) -> FluidBolus:
        return self._create(  # type: ignore[no-any-return]
            "fluid_bolus",
            patient_id,
            at,
            by,
            {"volume_ml": volume_ml, "fluid": fluid},
        )

    def record_lab(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        analyte: str,
        value: float,
        unit: str | None = None,
        reported_at: datetime | None = None,
    ) -> LabResult:
        """A lab result (``at`` = collected); converted to the canonical unit (clinical-rules §11)."""
        return self._create(  # type: ignore[no-any-return]
            "lab",
            patient_id,
            at,
            by,
            {"analyte": analyte, "value": value, "unit": unit, "reported_at": reported_at},
        )

    def record_ice(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        ice: IceAssessment | None = None,
        unable: IceUnable | str | None = None,
        language: str = "zh_CN",
        is_baseline: bool = False,
    ) -> EncephalopathyAssessment:
        """An ICE assessment item by item, or why it could not be done (CSCO-2024 §4.2.1)."""
        return self._create(  # type: ignore[no-any-return]
            "encephalopathy",
            patient_id,
            at,
            by,
            {
                "tool": EncephalopathyTool.ICE,
                "ice": ice,
                "ice_unable": unable,
                "language": language,
                "is_baseline": is_baseline,
            },
        )

    def record_capd(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        capd: CapdAssessment | None = None,
        unable: bool = False,
        language: str = "zh_CN",
        is_baseline: bool = False,
    ) -> EncephalopathyAssessment:
        """A CAPD assessment (children <= 12 years; clinical-rules §3.3-3.4), or unable (cannot be roused)."""
        return self._create(  # type: ignore[no-any-return]
            "encephalopathy",
            patient_id,
            at,
            by,
            {
                "tool": EncephalopathyTool.CAPD,
                "capd": capd,
                "capd_unable": unable,
                "language": language,
                "is_baseline": is_baseline,
            },
        )

    def record_neuro_exam(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        consciousness: Consciousness | str | None = None,
        seizure: Seizure | str | None = None,
        motor_weakness: MotorWeakness | str | None = None,
        icp_findings: Iterable[IcpFinding | str] = (),
        imaging_result: str = "",
    ) -> NeuroExam:
        return self._create(  # type: ignore[no-any-return]
            "neuro_exam",
            patient_id,
            at,
            by,
            {
                "consciousness": consciousness,
                "seizure": seizure,
                "motor_weakness": motor_weakness,
                "icp_findings": list(icp_findings),
                "imaging_result": imaging_result,
            },
        )

    def record_medication(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        kind: MedicationKind | str,
        dose: float,
        unit: str,
        route: str = "",
        drug_name: str = "",
    ) -> MedicationAdministration:
        return self._create(  # type: ignore[no-any-return]
            "medication",
            patient_id,
            at,
            by,
            {"kind": kind, "drug_name": drug_name, "dose": dose, "unit": unit, "route": route},
        )

    def record_intervention(
        self, patient_id: int, at: datetime, *, by: User, kind: InterventionKind | str, note: str = ""
    ) -> Intervention:
        return self._create(  # type: ignore[no-any-return]
            "intervention",
            patient_id,
            at,
            by,
            {"kind": kind, "note": note},
        )

    def amend_vitals(self, record_id: int, *, by: User, reason: str, **changes: Any) -> VitalSigns:
        return self.amend("vitals", record_id, by=by, reason=reason, **changes)  # type: ignore[no-any-return]

    def amend_oxygen(self, record_id: int, *, by: User, reason: str, **changes: Any) -> OxygenRecord:
        return self.amend("oxygen", record_id, by=by, reason=reason, **changes)  # type: ignore[no-any-return]

    def amend_vasopressor(
        self, record_id: int, *, by: User, reason: str, **changes: Any
    ) -> VasopressorRecord:
        return self.amend(  # type: ignore[no-any-return]
            "vasopressor",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_fluid_bolus(self, record_id: int, *, by: User, reason: str, **changes: Any) -> FluidBolus:
        return self.amend(  # type: ignore[no-any-return]
            "fluid_bolus",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_lab(self, record_id: int, *, by: User, reason: str, **changes: Any) -> LabResult:
        return self.amend("lab", record_id, by=by, reason=reason, **changes)  # type: ignore[no-any-return]

    def amend_ice(
        self,
        record_id: int,
        *,
        by: User,
        reason: str,
        ice: IceAssessment | None = None,
        unable: IceUnable | str | None = None,
        **changes: Any,
    ) -> EncephalopathyAssessment:
        if ice is not None:
            changes.update(ice=ice, ice_unable=None)
        elif unable is not None:
            changes.update(ice=None, ice_unable=unable)
        return self.amend(  # type: ignore[no-any-return]
            "encephalopathy",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_capd(
        self,
        record_id: int,
        *,
        by: User,
        reason: str,
        capd: CapdAssessment | None = None,
        unable: bool | None = None,
        **changes: Any,
    ) -> EncephalopathyAssessment:
        if capd is not None:
            changes.update(capd=capd, capd_unable=False)
        elif unable:
            changes.update(capd=None, capd_unable=True)
        return self.amend(  # type: ignore[no-any-return]
            "encephalopathy",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_encephalopathy(
        self, record_id: int, *, by: User, reason: str, **changes: Any
    ) -> EncephalopathyAssessment:
        """Correct an ICE or CAPD assessment (``changes``: ``ice`` / ``ice_unable`` / ``capd`` /
        ``capd_unable`` / ``language`` / ``at``); the recorded tool stays."""
        return self.amend("encephalopathy", record_id, by=by, reason=reason, **changes)  # type: ignore[no-any-return]

    def amend_neuro_exam(self, record_id: int, *, by: User, reason: str, **changes: Any) -> NeuroExam:
        return self.amend(  # type: ignore[no-any-return]
            "neuro_exam",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_medication(
        self, record_id: int, *, by: User, reason: str, **changes: Any
    ) -> MedicationAdministration:
        return self.amend(  # type: ignore[no-any-return]
            "medication",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    def amend_intervention(self, record_id: int, *, by: User, reason: str, **changes: Any) -> Intervention:
        return self.amend(  # type: ignore[no-any-return]
            "intervention",
            record_id,
            by=by,
            reason=reason,
            **changes,
        )

    # ------------------------------------------------------------------ timelines and grades

    def _timeline(
        self,
        s: Session,
        patient: PatientRecord,
        *,
        generated_at: datetime,
        until: datetime | None = None,
        since: datetime | None = None,
        store: bool = True,
    ) -> PatientTimeline:
        assert patient.id is not None
        with gc_paused():  # tens of thousands of dataclasses at once (see record_cache.gc_paused)
            lists = self._cache.records(s, patient.id, store=store, until=until, since=since)
            return build_timeline(
                repo.patient_summary(patient),
                self.tz,
                generated_at,
                vitals=lists["vitals"],
                oxygen=lists["oxygen"],
                vasopressors=lists["vasopressor"],
                fluid_boluses=lists["fluid_bolus"],
                labs=lists["lab"],
                encephalopathy=lists["encephalopathy"],
                neuro_exams=lists["neuro_exam"],
                medications=lists["medication"],
                interventions=lists["intervention"],
                settings=self.timeline_settings,
            )

    def get_patient_timeline(
        self, patient_id: int | None = None, *, mrn: str | None = None, at: datetime | None = None
    ) -> PatientTimeline:
        """Every effective record as plain dataclasses, the CRS / ICANS grade at every assessment time,
        daily maxima and episodes (clinical-rules §0), built by `core.timeline.build_timeline`.
        ``at`` (default now) is the time the timeline is generated for; records after it are left out."""
        generated_at = at or self.now()
        with self.session() as s:
            patient = self._patient_row(s, patient_id, mrn)
            return self._timeline(s, patient, generated_at=generated_at, until=at)

    def warm_cache(self, patient_ids: Iterable[int] | None = None) -> int:
        """Read the records of these patients (default: everyone admitted) into the record cache, so the
        first `get_patient_timeline` only builds the grades. For a worker thread after the census shows;
        returns how many patients were read."""
        with self.session() as s:
            ids = (
                list(patient_ids)
                if patient_ids is not None
                else [p.id for p in repo.list_patient_rows(s, [PatientStatus.ADMITTED.value]) if p.id]
            )
            for pid in ids[: self._cache.max_patients]:
                self._cache.records(s, pid)
        return min(len(ids), self._cache.max_patients) if self._cache.enabled else 0

    def _store_grade(
        self,
        s: Session,
        patient: PatientRecord,
        at: datetime,
        kind: str,
        record_id: int | None,
        also_from: datetime | None = None,
    ) -> int:
        """Grade the patient from every record up to then and keep each result with its snapshot.

        Stores the grade point at ``at`` and every later point the record can change (those inside the
        longest assessment window after it, or after ``also_from`` for an amendment that moved the time):
        a late or corrected entry re-grades what it touches, so the census reads current grades."""
        s.flush()
        start = min(at, also_from) if also_from is not None else at
        reach = max(self.timeline_settings.vitals_window, self.timeline_settings.neuro_window)
        end = max(at, also_from or at) + reach
        timeline = self._timeline(
            s, patient, generated_at=min(end, max(self.now(), at)), until=end, store=False
        )
        points = [g for g in timeline.grades if start <= g.at <= end]
        before = [g for g in timeline.grades if g.at <= at]
        if before and before[-1] not in points:
            points.insert(0, before[-1])
        for point in points:
            s.add(self._grade_row(patient.id or 0, point, kind, record_id))
        return len(points)

    def _grade_row(
        self, patient_id: int, point: GradePoint, kind: str | None, record_id: int | None
    ) -> GradeRecord:
        return GradeRecord(**self._grade_values(patient_id, point, kind, record_id))

    def _grade_values(
        self, patient_id: int, point: GradePoint, kind: str | None, record_id: int | None
    ) -> dict[str, Any]:
        from cartox_desk.services.codec import to_jsonable

        return dict(
            patient_id=patient_id,
            at=point.at,
            computed_at=self.now(),
            crs_grade=point.crs.grade,
            icans_grade=point.icans.grade,
            icans_status=point.icans.status.value,
            icans_tool=point.icans.tool.value if point.icans.tool else None,
            icans_score=point.icans.score,
            crs_drivers=drivers_to_json(point.crs.drivers),
            icans_drivers=drivers_to_json(point.icans.drivers),
            vasopressors={
                k: to_jsonable(v)
                for k, v in (
                    ("count", point.vasopressors.count),
                    ("count_excluding_vasopressin", point.vasopressors.count_excluding_vasopressin),
                    ("ne_equivalent_ug_min", point.vasopressors.ne_equivalent_ug_min),
                    ("high_dose", point.vasopressors.high_dose),
                )
            },
            snapshot=snapshot_to_json(point.snapshot),
            rule_set_version=RULE_SET_VERSION,
            protocol_id=self.protocol_id,
            trigger_kind=kind,
            trigger_record_id=record_id,
        )

    @staticmethod
    def _stored_grade(row: GradeRecord) -> StoredGrade:
        assert row.id is not None
        return StoredGrade(
            grade_id=row.id,
            patient_id=row.patient_id,
            at=row.at,
            computed_at=row.computed_at,
            crs_grade=row.crs_grade,
            icans_grade=row.icans_grade,
            icans_status=row.icans_status,
            icans_tool=row.icans_tool,
            icans_score=row.icans_score,
            crs_drivers=drivers_from_json(row.crs_drivers),
            icans_drivers=drivers_from_json(row.icans_drivers),
            snapshot=snapshot_from_json(row.snapshot),
            rule_set_version=row.rule_set_version,
            protocol_id=row.protocol_id,
            trigger_kind=row.trigger_kind,
            trigger_record_id=row.trigger_record_id,
        )

    def grade_history(
        self, patient_id: int, *, since: datetime | None = None, until: datetime | None = None
    ) -> list[StoredGrade]:
        """The grades as they were computed when records were saved, oldest first."""
        with self.session() as s:
            q = select(GradeRecord).where(col(GradeRecord.patient_id) == patient_id)
            if since is not None:
                q = q.where(col(GradeRecord.at) >= since)
            if until is not None:
                q = q.where(col(GradeRecord.at) <= until)
            rows = s.execute(q.order_by(GradeRecord.at, GradeRecord.id)).scalars()  # type: ignore[arg-type]
            return [self._stored_grade(r) for r in rows]

    def reproduce_grade(self, grade_id: int) -> tuple[StoredGrade, GradingResult]:
        """A stored grade and what today's rules say about the very same snapshot."""
        with self.session() as s:
            row = s.get(GradeRecord, grade_id)
            if row is None:
                raise NotFoundError(f"no grade record with id {grade_id}")
            stored = self._stored_grade(row)
        return stored, grade_snapshot(stored.snapshot)

    def store_timeline_grades(
        self, s: Session, patient_id: int, timeline: PatientTimeline, kind: str = "timeline"
    ) -> int:
        """Persist every grade point of ``timeline`` in session ``s`` (demo ward, imports); returns count."""
        rows = [self._grade_values(patient_id, g, kind, None) for g in timeline.grades]
        repo.bulk_insert(s, GradeRecord, rows)
        return len(rows)

    # ------------------------------------------------------------------ audit

    def audit_events(self, *, patient_id: int | None = None, limit: int | None = None) -> list[AuditEvent]:
        """Audit events, newest first."""
        with self.session() as s:
            names = repo.user_names(s)
            return [
                AuditEvent(
                    event_id=r.id or 0,
                    at=r.at,
                    user=names.get(r.user_id) if r.user_id else None,
                    action=r.action,
                    entity=r.entity,
                    entity_id=r.entity_id,
                    patient_id=r.patient_id,
                    before=r.before,
                    after=r.after,
                    summary=r.summary,
                )
                for r in repo.audit_rows(s, patient_id, limit)
            ]

    # ------------------------------------------------------------------ ward census

    def ward_census(self, *, at: datetime | None = None, ward: str | None = None) -> list[CensusRow]:
        """One row per admitted patient: bed, day +N, the latest stored grades and the 24-h maxima, and
        what is due or overdue (clinical-rules §6). Reads only the last few days per patient and the stored
        grade records (written at every save), never full timelines, so it stays fast on a full ward."""
        now = at or self.now()
        since_24h = now - timedelta(hours=24)
        with self.session() as s:
            patients = repo.list_patient_rows(s, [PatientStatus.ADMITTED.value])
            if ward is not None:
                patients = [p for p in patients if p.ward == ward]
            ids = [p.id for p in patients]
            if not ids:
                return []
            g, v, e, pt = GradeRecord, VitalSignsRecord, EncephalopathyAssessmentRecord, PatientRecord
            # one statement of correlated scalar subqueries per patient, each an index lookup on
            # (patient_id, at): the cost does not grow with the length of anyone's history
            latest_id = (
                select(col(g.id))
                .where(col(g.patient_id) == col(pt.id), col(g.at) <= now)
                .order_by(col(g.at).desc(), col(g.id).desc())
                .limit(1)
                .scalar_subquery()
            )
            crs_max = (
                select(func.max(g.crs_grade))
                .where(col(g.patient_id) == col(pt.id), col(g.at) > since_24h, col(g.at) <= now)
                .scalar_subquery()
            )
            icans_max = (
                select(func.max(g.icans_grade))
                .where(col(g.patient_id) == col(pt.id), col(g.at) > since_24h, col(g.at) <= now)
                .scalar_subquery()
            )
            vital_at = (
                select(col(v.at))
                .where(col(v.patient_id) == col(pt.id), col(v.at) <= now, col(v.voided) == false())
                .order_by(col(v.at).desc())
                .limit(1)
                .scalar_subquery()
            )
            summary_rows = s.execute(
                select(col(pt.id), latest_id, crs_max, icans_max, vital_at).where(col(pt.id).in_(ids))
            ).all()
            maxima = {r[0]: (r[2], r[3]) for r in summary_rows}
            last_vitals = {r[0]: r[4] for r in summary_rows if r[4] is not None}
            grade_ids = [r[1] for r in summary_rows if r[1] is not None]
            latest: dict[int, Any] = {}
            if grade_ids:
                for row in s.execute(
                    select(
                        col(g.patient_id),
                        col(g.at),
                        col(g.crs_grade),
                        col(g.icans_grade),
                        col(g.icans_status),
                    ).where(col(g.id).in_(grade_ids))
                ):
                    latest[row.patient_id] = row
            enc_rows: dict[int, list[Any]] = defaultdict(list)
            enc_columns: list[Any] = [
                e.patient_id,
                e.id,
                e.at,
                e.tool,
                e.score,
                e.ice_unable,
                e.capd_unable,
                e.amends_id,
                e.voided,
                e.is_baseline,
            ]
            enc_q = (
                select(*enc_columns)
                .where(
                    col(e.patient_id).in_(ids),
                    col(e.at) <= now,
                    (col(e.at) > now - timedelta(hours=72)) | (col(e.is_baseline) == true()),
                )
                .order_by(col(e.at), col(e.id))
            )
            for row in s.execute(enc_q):
                enc_rows[row.patient_id].append(row)
        rows = [
            self._census_row(
                p,
                now,
                latest.get(p.id or 0),
                maxima.get(p.id or 0, (None, None)),
                last_vitals.get(p.id),
                enc_rows.get(p.id or 0, []),
            )
            for p in patients
        ]
        rows.sort(
            key=lambda r: (
                -max(r.crs_grade or 0, r.icans_grade or 0),
                not (r.assessment_overdue or r.vitals_overdue),
                r.ward,
                _bed_key(r.bed),
            )
        )
        return rows

    def _census_row(
        self,
        p: PatientRecord,
        now: datetime,
        grade: Any,
        maxima: tuple[int | None, int | None],
        last_vitals: datetime | None,
        enc: list[Any],
    ) -> CensusRow:
        summary = repo.patient_summary(p)
        superseded = {r.amends_id for r in enc if r.amends_id is not None}
        effective = [r for r in enc if r.id not in superseded and not r.voided]
        after = [r for r in effective if not r.is_baseline]
        last = after[-1] if after else None
        # ICE / CAPD due and overdue per clinical-rules §6 (core.schedule: 8-hourly, tightened after a drop)
        due_at, overdue, tool = census_due(summary, effective, now, self.tz, self.schedule_settings)
        due: list[str] = []
        if due_at is not None:
            if overdue:
                due.append(f"{tool.lower()}_overdue")
            elif due_at <= now + timedelta(hours=1):
                due.append(f"{tool.lower()}_due")
        # vital signs at least twice a day (CSCO-2024 §1.7); none recorded: due now (never falsely calm)
        vitals_overdue = last_vitals is None or now > last_vitals + self.schedule_settings.vitals_max_interval
        if vitals_overdue:
            due.append("vitals_overdue")
        age = summary.age_years(now)
        return CensusRow(
            patient_id=summary.patient_id,
            mrn=summary.mrn,
            name=summary.name,
            ward=summary.ward,
            bed=summary.bed,
            sex=summary.sex,
            age_years=age,
            diagnosis=summary.diagnosis,
            product_name=summary.product_name,
            target=summary.target,
            status=summary.status,
            day=summary.day(now, self.tz),
            crs_grade=grade.crs_grade if grade else None,
            icans_grade=grade.icans_grade if grade else None,
            icans_status=grade.icans_status if grade else None,
            graded_at=grade.at if grade else None,
            crs_max_24h=maxima[0],
            icans_max_24h=maxima[1],
            last_assessment_at=last.at if last else None,
            next_assessment_due_at=due_at,
            assessment_overdue=overdue,
            last_vitals_at=last_vitals,
            vitals_overdue=vitals_overdue,
            due=tuple(due),
            alert_count=0,
        )


def _bed_key(bed: str) -> tuple[int, str]:
    digits = "".join(ch for ch in bed if ch.isdigit())
    return (int(digits) if digits else 10**6, bed)
