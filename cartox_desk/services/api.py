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
  can be reproduced after the rules change;
* what is entered together is written together: `record_flowsheet` (vitals + oxygen + vasopressors + bolus)
  and `record_assessment` (ICE / CAPD + neuro exam) check every part, then write every row, audit event
  and re-grading in ONE transaction (`_create_many`, which the single-record methods share);
* safety limits are enforced here, where the data is written, not only in the forms: tocilizumab doses
  (total, 24-h and interval limits of the protocol in force, `core.management`), vasopressor units that
  fit the drug and per-kg doses only with a recorded weight — for amendments too;
* after every committed clinical write the patient's alerts are refreshed (`refresh_alerts`, its own
  transaction: a failure there never loses the write); alerts are kept, cleared and acknowledged by a
  named user in the record, and recommendation checklist marks are append-only.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, false, func, select, true
from sqlmodel import Session, col

from cartox_desk import __version__ as _package_version
from cartox_desk.config import ward_timezone
from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.management import (
    Administration,
    Alert,
    ManagementPlan,
    Medication,
    Protocol,
    ProtocolError,
    Severity,
    available_protocols,
    load_protocol,
    tocilizumab_dose,
)
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
    GradePoint,
    IechsGrade,
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
    VasopressorEvent,
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
from cartox_desk.core.vasopressors import canonical_dose
from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.db import SessionFactory, is_sqlite, make_engine, session_factory
from cartox_desk.persistence.migrate import upgrade_database
from cartox_desk.persistence.record_cache import RecordCache, gc_paused
from cartox_desk.persistence.tables import (
    CLINICAL_TABLES,
    AlertRecord,
    AuditEventRecord,
    EncephalopathyAssessmentRecord,
    GradeRecord,
    MedicationAdministrationRecord,
    PatientRecord,
    RecommendationMarkRecord,
    UserRecord,
    VitalSignsRecord,
)
from cartox_desk.services.codec import (
    drivers_from_json,
    drivers_to_json,
    snapshot_from_json,
    snapshot_to_json,
    to_jsonable,
)
from cartox_desk.services.errors import NotFoundError, ValidationError
from cartox_desk.services.management import management_plan
from cartox_desk.services.types import (
    ActiveAlert,
    AssessmentLine,
    AuditEvent,
    CensusRow,
    FlowsheetLine,
    RecommendationMark,
    RecordVersion,
    StoredGrade,
)
from cartox_desk.services.validation import VALIDATORS, Problems, check_time, inputs_from_row

_log = logging.getLogger(__name__)
DEFAULT_PROTOCOL_ID = "CSCO-2024"
PROTOCOL_ID_MAX = 40  # GradeRecord.protocol_id


def protocol_label(protocol: Protocol) -> str:
    """What a grade record stores of the protocol in force: ``"<id> <version>"``."""
    return f"{protocol.id} {protocol.version}"


def protocol_path(path_or_id: str | Path) -> Path:
    """A shipped protocol by id (case-insensitive: "CSCO-2024", "asco-2021"), else the path as given."""
    text = str(path_or_id).strip()
    for path in available_protocols():
        if path.stem.lower() == text.lower():
            return path
    return Path(text)
MARK_STATUSES = ("done", "not_indicated")  # a recommendation checklist item (issue 6 item 2)
MARK_WITHDRAWN = "withdrawn"  # takes back the latest mark (a mistaken tick); needs a reason
_SEVERITY_RANK = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}
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
    "iechs_grade": frozenset({"grade", "note"}),
}
# Kinds only a physician may write, amend or withdraw: a diagnosis grade (CSCO-2024 §4.3.2), never a nurse's.
PHYSICIAN_KINDS = frozenset({"iechs_grade"})
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
        protocol: Protocol | None = None,
        refresh_alerts_on_write: bool = True,
    ) -> None:
        self._sessions = sessions
        self._protocol = protocol
        self.refresh_alerts_on_write = refresh_alerts_on_write
        self.engine = engine
        self.tz: tzinfo = tz or ward_timezone()
        self._clock = clock or (lambda: datetime.now(UTC))
        self.protocol_id = protocol_id
        if protocol is None:
            self._restore_protocol()
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

    def protocol(self) -> Protocol:
        """The management protocol in force (CSCO-2024 by default): its tocilizumab limits are enforced when
        a dose is recorded, and its plan raises the alerts."""
        if self._protocol is None:
            from cartox_desk.reporting.plan import protocol_in_force

            self._protocol = protocol_in_force()
        return self._protocol

    def use_protocol(self, path_or_id: str | Path, *, by: User | None) -> Protocol:
        """Put another protocol in force: a shipped one by id ("CSCO-2024", "ASCO-2021") or a hospital's
        file (issue 6 item 1). The file is loaded and validated first (schema, every grade covered, doses
        with units); a bad one raises `ValidationError` with the loader's message (file + problem) and
        nothing changes. Otherwise the change is audited (``by``; None = the installation settings at
        start) and from then on grade records store ``"<id> <version>"`` and the plan and alerts use it."""
        try:
            protocol = load_protocol(protocol_path(path_or_id))
        except ProtocolError as exc:
            raise ValidationError.single("protocol", str(exc)) from exc
        label = protocol_label(protocol)
        if len(label) > PROTOCOL_ID_MAX:
            raise ValidationError.single(
                "protocol", f"protocol: {label!r} is longer than {PROTOCOL_ID_MAX} characters (id + version)"
            )
        before = self.protocol_id
        with self.session() as s:
            uid = self._author(s, by).id if by is not None else None
            self._audit(
                s, uid, "use", "protocol", None, None,
                {"protocol": before},
                {"protocol": label, "path": protocol.path},
                f"protocol in force: {label} (was {before})"
                + ("" if by is not None else " - installation settings"),
            )
            s.commit()
        self._protocol = protocol
        self.protocol_id = label
        return protocol

    def _restore_protocol(self) -> None:
        """Put back the protocol last put in force on this database (architecture.md: the protocol choice
        is recorded in the database), so the GUI, `cartox-desk report` and the census all use one protocol.
        A file that no longer loads keeps the default and is logged; `use_protocol` reports it to a user."""
        try:
            with self.session() as s:
                chosen = s.scalars(
                    select(AuditEventRecord)
                    .where(col(AuditEventRecord.entity) == "protocol", col(AuditEventRecord.action) == "use")
                    .order_by(col(AuditEventRecord.id).desc())
                    .limit(1)
                ).first()
        except Exception:  # a database without the audit table yet (before migration): nothing chosen
            return
        path = (chosen.after or {}).get("path") if chosen is not None else None
        if not path:
            return
        try:
            protocol = load_protocol(Path(path))
        except (ProtocolError, OSError) as exc:
            _log.warning("protocol recorded in force no longer loads (%s); using the default", exc)
            return
        self._protocol = protocol
        self.protocol_id = protocol_label(protocol)

    def management_plan(self, timeline: PatientTimeline, now: datetime | None = None) -> ManagementPlan:
        """The management plan at ``now`` (default: the timeline's time) under the protocol in force."""
        return management_plan(timeline, now, self.protocol())

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
            summary = repo.patient_summary(row)
        self._after_write(patient_id)  # weight, blasts, status... change the plan
        return summary

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
        """One record: `_create_many` with a single part (field names without a prefix)."""
        return self._create_many(patient_id, at, by, [(kind, "", inputs)])[0][1]

    def _check_part(
        self,
        s: Session,
        p: Problems,
        kind: str,
        prefix: str,
        inputs: dict[str, Any],
        at: datetime | None,
        patient: PatientRecord,
        *,
        exclude_ids: frozenset[int] = frozenset(),
    ) -> dict[str, Any]:
        """The column values of one part, its problems added to ``p`` under ``prefix`` (nothing written)."""
        sub = Problems()
        cols = VALIDATORS[kind](sub, inputs)
        self._extra_checks(kind, sub, cols, at, patient)
        if not sub.items and at is not None:
            self._safety_checks(s, kind, sub, cols, at, patient, exclude_ids)
        p.merge(sub, prefix)
        return cols

    def _create_many(
        self, patient_id: int, at: datetime, by: User, parts: list[tuple[str, str, dict[str, Any]]]
    ) -> list[tuple[str, Any]]:
        """Write several records at one clinical time in ONE transaction: every part is checked first
        (all problems collected, each field path prefixed as given), then every row, its audit event and
        the re-grading are written and committed together. Nothing is written if any part is refused.
        Returns (kind, record dataclass) in the order of ``parts``; refreshes the alerts afterwards."""
        with self.session() as s:
            user = self._author(s, by)
            patient = self._patient_row(s, patient_id)
            p = Problems()
            for kind in dict.fromkeys(kind for kind, _, _ in parts):
                _role_check(p, kind, user)
            at_ok = check_time(p, "at", at, now=self.now(), date_of_birth=patient.date_of_birth, tz=self.tz)
            checked = [
                (kind, self._check_part(s, p, kind, prefix, inputs, at_ok, patient))
                for kind, prefix, inputs in parts
            ]
            p.raise_if_any()
            assert at_ok is not None and patient.id is not None and user.id is not None
            rows: list[tuple[str, Any]] = []
            for kind, cols in checked:
                row = CLINICAL_TABLES[kind](
                    patient_id=patient.id, at=at_ok, entered_by_id=user.id, entered_at=self.now(), **cols
                )
                s.add(row)
                rows.append((kind, row))
            s.flush()
            for kind, row in rows:
                self._audit(s, user.id, "create", kind, row.id, patient.id, None, repo.row_dict(row))
            graded = [(kind, row) for kind, row in rows if kind in GRADED_KINDS]
            if graded:  # every part is at the same time: one re-grading covers them all
                self._store_grade(s, patient, at_ok, graded[0][0], graded[0][1].id)
            s.commit()
            names = {user.id: user.name}
            out = [(kind, repo.to_dataclass(kind, row, names)) for kind, row in rows]
        self._after_write(patient_id)
        return out

    def _after_write(self, patient_id: int) -> None:
        """Refresh the patient's alerts after a committed clinical write, as its own transaction: a failure
        here is logged and never undoes (or hides) the clinical write."""
        if not self.refresh_alerts_on_write:
            return
        try:
            self.refresh_alerts(patient_id)
        except Exception:  # the clinical record is already safe; the next write or refresh retries
            _log.exception("refreshing the alerts of patient %s failed", patient_id)

    # ---- safety limits enforced where the data is written (not only in the forms)

    def _safety_checks(
        self,
        s: Session,
        kind: str,
        p: Problems,
        cols: dict[str, Any],
        at: datetime,
        patient: PatientRecord,
        exclude_ids: frozenset[int],
    ) -> None:
        if kind == "medication" and cols.get("kind") == MedicationKind.TOCILIZUMAB.value:
            self._tocilizumab_limits(s, p, at, patient, exclude_ids)
        if kind == "vasopressor":
            _vasopressor_unit_checks(p, cols, patient.weight_kg)

    def _tocilizumab_limits(
        self, s: Session, p: Problems, at: datetime, patient: PatientRecord, exclude_ids: frozenset[int]
    ) -> None:
        """Tocilizumab limits of the protocol in force (`core.management`: at most N doses in total, at most
        M in any 24 h, at least H hours apart), checked against every recorded dose — before this one (the
        engine's calculator) and after it (a late entry must fit the doses already charted after it)."""
        rules = self.protocol().tocilizumab
        m = MedicationAdministrationRecord
        rows = s.execute(
            select(col(m.id), col(m.amends_id), col(m.voided), col(m.kind), col(m.at)).where(
                col(m.patient_id) == patient.id
            )
        ).all()
        superseded = {r.amends_id for r in rows if r.amends_id is not None}
        doses = sorted(
            r.at
            for r in rows
            if r.id not in superseded
            and r.id not in exclude_ids
            and not r.voided
            and r.kind == MedicationKind.TOCILIZUMAB.value
        )
        calc = tocilizumab_dose(
            patient.weight_kg, tuple(Administration(Medication.TOCILIZUMAB, t) for t in doses), at, rules
        )
        refusals = set(calc.refusals) - {"no_weight"}  # the weight sets the dose, not whether it may be given
        if len(doses) >= rules.max_doses_total:
            refusals.add("max_total")
        interval = timedelta(hours=rules.min_interval_h)
        day = timedelta(hours=24)
        later = [t for t in doses if t > at]
        if any(t - at < interval for t in later):
            refusals.add("interval")
        for end in later:  # every 24-h window ending at a later dose that also holds this one
            if end - at < day and sum(1 for t in doses if end - day < t <= end) + 1 > rules.max_doses_24h:
                refusals.add("24h_limit")

        def when(t: datetime) -> str:
            return t.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")

        if "max_total" in refusals:
            p.add(
                "dose",
                f"dose: tocilizumab refused: {len(doses)} doses already recorded; at most "
                f"{rules.max_doses_total} doses in total ({rules.source_total})",
            )
        if "24h_limit" in refusals:
            p.add(
                "at",
                f"at: tocilizumab refused: this would be more than {rules.max_doses_24h} doses within 24 h "
                f"({rules.source_24h})",
            )
        if "interval" in refusals:
            near = min(doses, key=lambda t: abs(t - at))
            p.add(
                "at",
                f"at: tocilizumab refused: the dose of {when(near)} is less than {rules.min_interval_h:g} h "
                f"away; at least {rules.min_interval_h:g} h between doses ({rules.source})",
            )

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
        self,
        kind: str,
        record_id: int,
        /,
        *,
        by: User,
        reason: str,
        at: datetime | None = None,
        **changes: Any,
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
            _role_check(p, kind, user)
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
            if new_at is not None:  # the safety limits of a new record apply to its correction too
                self._safety_checks(s, kind, p, cols, new_at, patient, frozenset({record_id}))
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
            result = repo.to_dataclass(kind, new, {user.id: user.name})
        self._after_write(row.patient_id)
        return result

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
            _role_check(p, kind, user)
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
            version = RecordVersion(
                repo.to_dataclass(kind, new, {user.id: user.name}),
                voided=True,
                current=True,
            )
        self._after_write(row.patient_id)
        return version

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

    def record_iechs_grade(
        self, patient_id: int, at: datetime, *, by: User, grade: int, note: str = ""
    ) -> IechsGrade:
        """The IEC-HS grade a physician assessed at ``at`` (CSCO-2024 §4.3.2; 0 = resolved / ruled out).
        Physicians only; the app never computes it. It stays the grade in force until a newer record."""
        return self._create(  # type: ignore[no-any-return]
            "iechs_grade",
            patient_id,
            at,
            by,
            {"grade": grade, "note": note},
        )

    def record_flowsheet(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        vitals: dict[str, Any] | None = None,
        oxygen: dict[str, Any] | None = None,
        vasopressors: Iterable[dict[str, Any]] = (),
        fluid_bolus: dict[str, Any] | None = None,
    ) -> FlowsheetLine:
        """One flowsheet line at one clinical time — vital signs, oxygen support, vasopressor events and a
        fluid bolus (each dict holds the keyword arguments of `record_vitals`, `record_oxygen`,
        `record_vasopressor`, `record_fluid_bolus`) — written in ONE transaction with its audit events and
        re-grading. Every part is checked first; a `ValidationError` lists every problem with its path
        (``vitals.spo2_pct``, ``oxygen.flow_l_min``, ``vasopressors[1].dose``, ``fluid_bolus.volume_ml``)
        and nothing of the line is written."""
        parts: list[tuple[str, str, dict[str, Any]]] = []
        if vitals:
            parts.append(("vitals", "vitals.", dict(vitals)))
        if oxygen:
            parts.append(("oxygen", "oxygen.", dict(oxygen)))
        for i, v in enumerate(vasopressors):
            parts.append(("vasopressor", f"vasopressors[{i}].", dict(v)))
        if fluid_bolus:
            parts.append(("fluid_bolus", "fluid_bolus.", dict(fluid_bolus)))
        if not parts:
            raise ValidationError.single(
                "flowsheet", "flowsheet: nothing recorded (enter at least one value)"
            )
        written = self._create_many(patient_id, at, by, parts)
        return FlowsheetLine(
            vitals=next((r for k, r in written if k == "vitals"), None),
            oxygen=next((r for k, r in written if k == "oxygen"), None),
            vasopressors=tuple(r for k, r in written if k == "vasopressor"),
            fluid_bolus=next((r for k, r in written if k == "fluid_bolus"), None),
        )

    def record_assessment(
        self,
        patient_id: int,
        at: datetime,
        *,
        by: User,
        tool: EncephalopathyTool | str | None,
        ice: IceAssessment | None = None,
        unable: IceUnable | str | bool | None = None,
        capd: CapdAssessment | None = None,
        neuro: dict[str, Any] | None = None,
        language: str = "zh_CN",
        is_baseline: bool = False,
    ) -> AssessmentLine:
        """An ICE (``tool="ice"``: ``ice`` items or ``unable`` reason) or CAPD (``tool="capd"``: ``capd``
        answers or ``unable=True``) together with the neuro exam of the same time (``neuro``: the keyword
        arguments of `record_neuro_exam`, problems under ``neuro.``), in ONE transaction: both or nothing.
        ``tool=None`` records only the neuro exam (e.g. not assessed because sedated)."""
        parts: list[tuple[str, str, dict[str, Any]]] = []
        if tool is not None:
            name = str(tool.value if isinstance(tool, EncephalopathyTool) else tool).upper()
            inputs: dict[str, Any] = {"tool": name, "language": language, "is_baseline": is_baseline}
            if name == EncephalopathyTool.ICE.value:
                inputs.update(ice=ice, ice_unable=None if unable is False else unable)
            elif name == EncephalopathyTool.CAPD.value:
                inputs.update(capd=capd, capd_unable=bool(unable))
            parts.append(("encephalopathy", "", inputs))
        if neuro:
            parts.append(("neuro_exam", "neuro.", dict(neuro)))
        if not parts:
            raise ValidationError.single(
                "assessment", "assessment: nothing to save (no score and no finding)"
            )
        written = self._create_many(patient_id, at, by, parts)
        return AssessmentLine(
            assessment=next((r for k, r in written if k == "encephalopathy"), None),
            neuro_exam=next((r for k, r in written if k == "neuro_exam"), None),
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

    def amend_iechs_grade(self, record_id: int, *, by: User, reason: str, **changes: Any) -> IechsGrade:
        """Correct a recorded IEC-HS grade (``grade`` / ``note`` / ``at``); physicians only."""
        return self.amend(  # type: ignore[no-any-return]
            "iechs_grade",
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
                iechs_grades=lists["iechs_grade"],
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
                with gc_paused():  # as in `_timeline`: the collector's passes would double the read
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

    # ------------------------------------------------------------------ alerts and checklist marks

    def refresh_alerts(self, patient_id: int, now: datetime | None = None) -> list[ActiveAlert]:
        """Bring the alerts kept in the record up to the management plan at ``now`` (default now;
        `management_plan` under the protocol in force, clinical-rules §4-§9): codes
        newly raised are inserted, codes still raised get ``last_seen_at = now``, codes no longer raised get
        ``cleared_at = now``. Derived data, one transaction, audited when an alert is raised or cleared.
        Called after every clinical write; returns the active alerts (most severe first)."""
        now = now or self.now()
        timeline = self.get_patient_timeline(patient_id, at=now)
        plan = self.management_plan(timeline, now)
        current: dict[str, Alert] = {}
        for alert in plan.alerts:
            current.setdefault(alert.code, alert)
        with self.session() as s:
            a = AlertRecord
            rows: dict[str, AlertRecord] = {}
            for r in s.execute(
                select(a)
                .where(col(a.patient_id) == patient_id, col(a.cleared_at).is_(None))
                .order_by(col(a.id))
            ).scalars():
                if r.code in rows:  # two refreshes raced (two workstations): keep the first, close the other
                    r.cleared_at = now
                else:
                    rows[r.code] = r
            raised: list[str] = []
            cleared: list[str] = []
            for code, alert in current.items():
                params = {k: to_jsonable(v) for k, v in alert.params}
                row = rows.get(code)
                if row is None:
                    s.add(
                        AlertRecord(
                            patient_id=patient_id,
                            code=code,
                            severity=alert.severity.value,
                            source=alert.source,
                            params=params,
                            first_raised_at=now,
                            last_seen_at=now,
                        )
                    )
                    raised.append(code)
                else:
                    row.last_seen_at = max(row.last_seen_at, now)
                    row.severity = alert.severity.value
                    row.source = alert.source
                    row.params = params
            for code, row in rows.items():
                if code not in current:
                    row.cleared_at = now
                    cleared.append(code)
            if raised or cleared:
                self._audit(
                    s,
                    None,
                    "refresh_alerts",
                    "alert",
                    None,
                    patient_id,
                    {"active": sorted(rows)},
                    {"active": sorted(current), "raised": raised, "cleared": cleared},
                    f"alerts raised: {', '.join(raised) or '-'}; cleared: {', '.join(cleared) or '-'}",
                )
            s.commit()
        return self.active_alerts(patient_id)

    def refresh_ward_alerts(self, now: datetime | None = None) -> dict[int, list[ActiveAlert]]:
        """`refresh_alerts` for every admitted patient (time-driven alerts such as an overdue assessment
        appear without a save): for a worker thread on a timer. A patient whose refresh fails is logged
        and skipped; returns the active alerts by patient id."""
        now = now or self.now()
        out: dict[int, list[ActiveAlert]] = {}
        for patient in self.list_patients():
            try:
                out[patient.patient_id] = self.refresh_alerts(patient.patient_id, now)
            except Exception:
                _log.exception("refreshing the alerts of patient %s failed", patient.patient_id)
        return out

    def active_alerts(self, patient_id: int, *, include_cleared: bool = False) -> list[ActiveAlert]:
        """The patient's active alerts (``include_cleared``: every alert ever raised), most severe first,
        then oldest first."""
        with self.session() as s:
            self._patient_row(s, patient_id)
            a = AlertRecord
            q = select(a).where(col(a.patient_id) == patient_id)
            if not include_cleared:
                q = q.where(col(a.cleared_at).is_(None))
            names = repo.user_names(s)
            out = [self._active_alert(r, names) for r in s.execute(q).scalars()]
        out.sort(key=lambda x: (_SEVERITY_RANK.get(x.alert.severity, 3), x.first_raised_at, x.alert_id))
        return out

    @staticmethod
    def _active_alert(row: AlertRecord, names: dict[int, str]) -> ActiveAlert:
        assert row.id is not None
        try:
            severity = Severity(row.severity)
        except ValueError:
            severity = Severity.WARNING
        return ActiveAlert(
            alert_id=row.id,
            patient_id=row.patient_id,
            alert=Alert(
                code=row.code,
                source=row.source,
                severity=severity,
                params=tuple((k, v) for k, v in (row.params or {}).items()),
            ),
            first_raised_at=row.first_raised_at,
            last_seen_at=row.last_seen_at,
            cleared_at=row.cleared_at,
            acknowledged_by=names.get(row.acknowledged_by_id) if row.acknowledged_by_id else None,
            acknowledged_at=row.acknowledged_at,
            ack_note=row.ack_note,
        )

    def acknowledge_alert(self, alert_id: int, *, by: User, note: str = "") -> ActiveAlert:
        """A named user acknowledges an alert (it stays in the record, and active until the plan clears
        it). Audited; an alert already acknowledged is refused with who acknowledged it."""
        with self.session() as s:
            user = self._author(s, by)
            row = s.get(AlertRecord, alert_id)
            if row is None:
                raise NotFoundError(f"no alert with id {alert_id}")
            if row.acknowledged_at is not None:
                who = s.get(UserRecord, row.acknowledged_by_id) if row.acknowledged_by_id else None
                raise ValidationError.single(
                    "alert_id",
                    f"alert_id: {alert_id} was already acknowledged by {who.name if who else '?'} "
                    f"at {row.acknowledged_at.astimezone(self.tz).strftime('%Y-%m-%d %H:%M')}",
                )
            before = repo.row_dict(row)
            row.acknowledged_by_id = user.id
            row.acknowledged_at = self.now()
            row.ack_note = (note or "").strip()
            s.flush()
            self._audit(
                s,
                user.id,
                "acknowledge",
                "alert",
                row.id,
                row.patient_id,
                before,
                repo.row_dict(row),
                f"acknowledged {row.code}" + (f": {row.ack_note}" if row.ack_note else ""),
            )
            s.commit()
            assert user.id is not None
            return self._active_alert(row, {user.id: user.name})

    def mark_recommendation(
        self, patient_id: int, code: str, status: str, *, by: User, note: str = ""
    ) -> RecommendationMark:
        """Mark a recommendation checklist item ``done`` or ``not_indicated`` (issue 6 item 2), or take the
        latest mark back (``withdrawn``, with the reason in ``note``). Append-only: a later mark of the same
        code supersedes the earlier one, which stays stored. Audited."""
        p = Problems()
        code = (code or "").strip()
        if not code:
            p.add("code", "code: required (the recommendation code)")
        if status not in (*MARK_STATUSES, MARK_WITHDRAWN):
            p.add("status", f"status: {status!r} is not one of {', '.join((*MARK_STATUSES, MARK_WITHDRAWN))}")
        if status == MARK_WITHDRAWN and not note.strip():
            p.add("note", "note: a reason is required to withdraw a mark")
        p.raise_if_any()
        with self.session() as s:
            user = self._author(s, by)
            patient = self._patient_row(s, patient_id)
            assert user.id is not None and patient.id is not None
            if status == MARK_WITHDRAWN:
                r = RecommendationMarkRecord
                latest = s.execute(
                    select(r).where(col(r.patient_id) == patient.id, col(r.code) == code)
                    .order_by(col(r.at).desc(), col(r.id).desc()).limit(1)
                ).scalars().first()
                if latest is None or latest.status == MARK_WITHDRAWN:
                    p.add("code", f"code: {code} has no mark to withdraw")
                    p.raise_if_any()
            row = RecommendationMarkRecord(
                patient_id=patient.id,
                code=code,
                status=status,
                by_id=user.id,
                at=self.now(),
                note=note.strip(),
            )
            s.add(row)
            s.flush()
            self._audit(
                s, user.id, "mark", "recommendation", row.id, patient.id, None, repo.row_dict(row),
                f"{code}: {status}",
            )  # fmt: skip
            s.commit()
            return _mark(row, {user.id: user.name})

    def recommendation_marks(self, patient_id: int) -> dict[str, RecommendationMark]:
        """The latest mark of each recommendation code for the patient (a code whose latest mark was
        withdrawn is open again and left out; the withdrawn marks stay stored)."""
        with self.session() as s:
            r = RecommendationMarkRecord
            names = repo.user_names(s)
            rows = s.execute(
                select(r).where(col(r.patient_id) == patient_id).order_by(col(r.at), col(r.id))
            ).scalars()
            latest = {row.code: row for row in rows}
            return {code: _mark(row, names) for code, row in latest.items() if row.status != MARK_WITHDRAWN}

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
        what is due or overdue (clinical-rules §6), and the active alerts kept in the record
        (``alert_count``, ``unacknowledged_alerts``: one grouped query for the ward). Reads only the last
        few days per patient and the stored grade records (written at every save), never full timelines,
        so it stays fast on a full ward."""
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
            # active alerts and the unacknowledged among them, every patient in one query
            al = AlertRecord
            active: dict[int, list[tuple[bool, int, str]]] = defaultdict(list)
            for r in s.execute(
                select(col(al.patient_id), col(al.code), col(al.severity), col(al.acknowledged_at))
                .where(col(al.patient_id).in_(ids), col(al.cleared_at).is_(None))
                .order_by(col(al.id))
            ):
                # the stored severity text finds its `Severity` key (a StrEnum hashes as its value)
                active[r[0]].append((r[3] is not None, _SEVERITY_RANK.get(r[2], 3), r[1]))
            alert_counts = {
                pid: (len(found), sum(1 for acked, _s, _c in found if not acked),
                      tuple(code for _a, _s, code in sorted(found)))
                for pid, found in active.items()
            }
        rows = [
            self._census_row(
                p,
                now,
                latest.get(p.id or 0),
                maxima.get(p.id or 0, (None, None)),
                last_vitals.get(p.id),
                enc_rows.get(p.id or 0, []),
                alert_counts.get(p.id or 0, (0, 0, ())),
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
        alerts: tuple[int, int, tuple[str, ...]] = (0, 0, ()),
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
            alert_count=alerts[0],
            unacknowledged_alerts=alerts[1],
            alert_codes=alerts[2],
        )


def _vasopressor_unit_checks(p: Problems, cols: dict[str, Any], weight_kg: float | None) -> None:
    """A unit that fits the drug (vasopressin in U/min only, the others in ug/min or ug/kg/min) and a
    weight for a dose that has to be converted by it (clinical-rules §2, `core.vasopressors`)."""
    if (
        cols.get("event") == VasopressorEvent.STOP.value
        or cols.get("drug") is None
        or cols.get("unit") is None
    ):
        return
    drug, unit = VasopressorDrug(cols["drug"]), DoseRateUnit(cols["unit"])
    dose = cols.get("dose")
    converted = canonical_dose(drug, dose if dose is not None else 1.0, unit, weight_kg)
    if converted == "not_convertible":
        allowed = (
            DoseRateUnit.UNITS_PER_MIN.value
            if drug is VasopressorDrug.VASOPRESSIN
            else f"{DoseRateUnit.UG_PER_MIN.value} or {DoseRateUnit.UG_PER_KG_PER_MIN.value}"
        )
        p.add("unit", f"unit: {drug.value} is given in {allowed}, not {unit.value}")
    elif converted == "needs_weight":
        other = (
            DoseRateUnit.UG_PER_KG_PER_MIN if drug is VasopressorDrug.DOPAMINE else DoseRateUnit.UG_PER_MIN
        )
        p.add(
            "unit",
            f"unit: a {drug.value} dose in {unit.value} needs the patient's weight, which is not recorded; "
            f"enter it in {other.value}, or record the weight first",
        )


def _role_check(p: Problems, kind: str, user: UserRecord) -> None:
    """Refuse a nurse or administrator writing a kind only a physician records (`PHYSICIAN_KINDS`)."""
    if kind in PHYSICIAN_KINDS and user.role != UserRole.PHYSICIAN.value:
        p.add(
            "by",
            f"by: only a physician records an IEC-HS grade; {user.name} is {user.role} "
            "(CSCO-2024 §4.3.2: the physician confirms IEC-HS and grades it)",
        )


def _mark(row: RecommendationMarkRecord, names: dict[int, str]) -> RecommendationMark:
    assert row.id is not None
    return RecommendationMark(
        mark_id=row.id,
        patient_id=row.patient_id,
        code=row.code,
        status=row.status,
        by=names.get(row.by_id, "?"),
        at=row.at,
        note=row.note,
    )


def _bed_key(bed: str) -> tuple[int, str]:
    digits = "".join(ch for ch in bed if ch.isdigit())
    return (int(digits) if digits else 10**6, bed)
