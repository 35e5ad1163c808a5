"""Reading and writing rows, returning core dataclasses (never ORM objects: nothing lazy-loads later).

Only portable SQL: ``NOT EXISTS`` picks the effective version of each amendment chain on SQLite and
PostgreSQL alike. Vital signs, the largest table by far, are loaded with a lean column query and turned
into dataclasses directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import String, and_, bindparam, exists, false, func, insert, select, type_coerce
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from cartox_desk.core.fastnew import fast_constructor, mutable_twin
from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import (
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    FluidBolus,
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
    RecordMeta,
    Sex,
    UserRef,
    UserRole,
    VasopressorEvent,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.snapshot import (
    CapdAnswer,
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
from cartox_desk.persistence.tables import (
    CLINICAL_TABLES,
    AuditEventRecord,
    ClinicalRowBase,
    EncephalopathyAssessmentRecord,
    FluidBolusRecord,
    IechsGradeRecord,
    InterventionRecord,
    LabResultRecord,
    MedicationAdministrationRecord,
    NeuroExamRecord,
    OxygenSupportRecord,
    PatientRecord,
    UserRecord,
    VasopressorInfusionRecord,
    VitalSignsRecord,
)

CAPD_FIELDS = (
    "eye_contact",
    "purposeful_actions",
    "aware_of_surroundings",
    "communicates_needs",
    "restless",
    "inconsolable",
    "underactive",
    "slow_response",
)
ICE_FIELDS = ("orientation", "naming", "commands", "writing", "attention")

ClinicalRecord = (
    VitalSigns
    | OxygenRecord
    | VasopressorRecord
    | FluidBolus
    | LabResult
    | EncephalopathyAssessment
    | NeuroExam
    | MedicationAdministration
    | Intervention
    | IechsGrade
)


# ----------------------------------------------------------------------------------------------------
# JSON-safe row dictionaries (audit before / after)


def _json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return [_json_value(v) for v in value]
    return value


def row_dict(row: Any) -> dict[str, Any]:
    """Every column of a table row as JSON-safe values."""
    return {c.name: _json_value(getattr(row, c.name)) for c in row.__table__.columns}


# ----------------------------------------------------------------------------------------------------
# Users and patients


def user_ref(row: UserRecord) -> UserRef:
    assert row.id is not None
    return UserRef(user_id=row.id, name=row.name, role=UserRole(row.role))


def user_names(session: Session) -> dict[int, str]:
    return {uid: name for uid, name in session.execute(select(col(UserRecord.id), col(UserRecord.name)))}


def patient_summary(row: PatientRecord) -> PatientSummary:
    assert row.id is not None
    return PatientSummary(
        patient_id=row.id,
        mrn=row.mrn,
        name=row.name,
        sex=Sex(row.sex),
        date_of_birth=row.date_of_birth,
        weight_kg=row.weight_kg,
        height_cm=row.height_cm,
        diagnosis=Diagnosis(row.diagnosis),
        product_name=row.product_name,
        target=CarTarget(row.target),
        costim_domain=row.costim_domain,
        infusion_at=row.infusion_at,
        lymphodepletion_start=row.lymphodepletion_start,
        ward=row.ward,
        bed=row.bed,
        marrow_blasts_pct=row.marrow_blasts_pct,
        baseline_ice=row.baseline_ice,
        baseline_capd=row.baseline_capd,
        developmental_delay=row.developmental_delay,
        risk_notes=row.risk_notes,
        status=PatientStatus(row.status),
    )


def find_patient(
    session: Session, patient_id: int | None = None, mrn: str | None = None
) -> PatientRecord | None:
    if patient_id is not None:
        return session.get(PatientRecord, patient_id)
    if mrn is not None:
        return session.execute(
            select(PatientRecord).where(col(PatientRecord.mrn) == mrn)
        ).scalar_one_or_none()
    return None


def list_patient_rows(session: Session, statuses: Iterable[str] | None = None) -> list[PatientRecord]:
    q = select(PatientRecord)
    if statuses is not None:
        q = q.where(PatientRecord.status.in_(list(statuses)))  # type: ignore[attr-defined]
    q = q.order_by(col(PatientRecord.ward), col(PatientRecord.bed), col(PatientRecord.id))
    return list(session.execute(q).scalars())


# ----------------------------------------------------------------------------------------------------
# Row -> dataclass


def _meta(row: ClinicalRowBase, names: dict[int, str]) -> RecordMeta:
    assert row.id is not None
    return RecordMeta(
        record_id=row.id,
        at=row.at,
        entered_by=names.get(row.entered_by_id, "?"),
        entered_at=row.entered_at,
        amends_id=row.amends_id,
        amendment_reason=row.amendment_reason,
    )


def to_vitals(row: VitalSignsRecord, names: dict[int, str]) -> VitalSigns:
    return VitalSigns(
        meta=_meta(row, names),
        temperature_c=row.temperature_c,
        heart_rate_per_min=row.heart_rate_per_min,
        systolic_bp_mmhg=row.systolic_bp_mmhg,
        diastolic_bp_mmhg=row.diastolic_bp_mmhg,
        mean_bp_mmhg=row.mean_bp_mmhg,
        respiratory_rate_per_min=row.respiratory_rate_per_min,
        spo2_pct=row.spo2_pct,
        hypotension_confirmed=row.hypotension_confirmed,
    )


def to_oxygen(row: OxygenSupportRecord, names: dict[int, str]) -> OxygenRecord:
    return OxygenRecord(
        meta=_meta(row, names),
        device=OxygenDevice(row.device),
        flow_l_min=row.flow_l_min,
        for_comfort=row.for_comfort,
    )


def to_vasopressor(row: VasopressorInfusionRecord, names: dict[int, str]) -> VasopressorRecord:
    return VasopressorRecord(
        meta=_meta(row, names),
        drug=VasopressorDrug(row.drug),
        event=VasopressorEvent(row.event),
        dose=row.dose,
        unit=DoseRateUnit(row.unit),
    )


def to_fluid_bolus(row: FluidBolusRecord, names: dict[int, str]) -> FluidBolus:
    return FluidBolus(meta=_meta(row, names), volume_ml=row.volume_ml, fluid=row.fluid)


def to_lab(row: LabResultRecord, names: dict[int, str]) -> LabResult:
    return LabResult(
        meta=_meta(row, names),
        analyte=Analyte(row.analyte),
        value=row.value,
        unit=row.unit,
        value_as_entered=row.value_as_entered,
        unit_as_entered=row.unit_as_entered,
        reported_at=row.reported_at,
        loinc=row.loinc,
    )


def to_encephalopathy(row: EncephalopathyAssessmentRecord, names: dict[int, str]) -> EncephalopathyAssessment:
    ice = None
    capd = None
    if row.ice_orientation is not None:
        ice = IceAssessment(*(int(getattr(row, f"ice_{f}")) for f in ICE_FIELDS))
    if row.capd_eye_contact is not None:
        capd = CapdAssessment(*(CapdAnswer(getattr(row, f"capd_{f}")) for f in CAPD_FIELDS))
    return EncephalopathyAssessment(
        meta=_meta(row, names),
        tool=EncephalopathyTool(row.tool),
        ice=ice,
        ice_unable=IceUnable(row.ice_unable) if row.ice_unable else None,
        capd=capd,
        capd_unable=row.capd_unable,
        language=row.language,
        is_baseline=row.is_baseline,
        score=row.score,
    )


def to_neuro_exam(row: NeuroExamRecord, names: dict[int, str]) -> NeuroExam:
    return NeuroExam(
        meta=_meta(row, names),
        consciousness=Consciousness(row.consciousness) if row.consciousness else None,
        seizure=Seizure(row.seizure) if row.seizure else None,
        motor_weakness=MotorWeakness(row.motor_weakness) if row.motor_weakness else None,
        icp_findings=frozenset(IcpFinding(f) for f in row.icp_findings or ()),
        imaging_result=row.imaging_result,
    )


def to_medication(row: MedicationAdministrationRecord, names: dict[int, str]) -> MedicationAdministration:
    return MedicationAdministration(
        meta=_meta(row, names),
        kind=MedicationKind(row.kind),
        drug_name=row.drug_name,
        dose=row.dose,
        unit=row.unit,
        route=row.route,
    )


def to_intervention(row: InterventionRecord, names: dict[int, str]) -> Intervention:
    return Intervention(meta=_meta(row, names), kind=InterventionKind(row.kind), note=row.note)


def to_iechs_grade(row: IechsGradeRecord, names: dict[int, str]) -> IechsGrade:
    return IechsGrade(meta=_meta(row, names), grade=int(row.grade), note=row.note)


CONVERTERS: dict[str, Any] = {
    "vitals": to_vitals,
    "oxygen": to_oxygen,
    "vasopressor": to_vasopressor,
    "fluid_bolus": to_fluid_bolus,
    "lab": to_lab,
    "encephalopathy": to_encephalopathy,
    "neuro_exam": to_neuro_exam,
    "medication": to_medication,
    "intervention": to_intervention,
    "iechs_grade": to_iechs_grade,
}


def to_dataclass(kind: str, row: ClinicalRowBase, names: dict[int, str]) -> ClinicalRecord:
    return CONVERTERS[kind](row, names)  # type: ignore[no-any-return]


# ----------------------------------------------------------------------------------------------------
# Effective versions (the leaf of each amendment chain, not voided)


def _effective_filter(table: type[ClinicalRowBase]) -> Any:
    newer = aliased(table)
    return and_(
        ~exists().where(newer.amends_id == table.id),  # type: ignore[arg-type]
        col(table.voided) == false(),
    )


def effective_rows(
    session: Session, kind: str, patient_id: int, since: datetime | None = None, until: datetime | None = None
) -> list[Any]:
    table = CLINICAL_TABLES[kind]
    q = select(table).where(col(table.patient_id) == patient_id, _effective_filter(table))
    if since is not None:
        q = q.where(col(table.at) >= since)
    if until is not None:
        q = q.where(col(table.at) <= until)
    return list(session.execute(q.order_by(col(table.at), col(table.id))).scalars())


def effective_records(
    session: Session,
    kind: str,
    patient_id: int,
    names: dict[int, str],
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[ClinicalRecord]:
    """Effective versions as dataclasses, read as plain column rows (no ORM objects: much faster)."""
    if kind == "vitals":
        return list(lean_vitals(session, patient_id, names, since, until))
    convert = CONVERTERS[kind]
    table = CLINICAL_TABLES[kind]
    q = select(*table.__table__.columns).where(  # type: ignore[attr-defined]
        col(table.patient_id) == patient_id, _effective_filter(table)
    )
    if since is not None:
        q = q.where(col(table.at) >= since)
    if until is not None:
        q = q.where(col(table.at) <= until)
    return [convert(r, names) for r in session.execute(q.order_by(col(table.at), col(table.id)))]


def _raw_time(column: Any) -> Any:
    """A datetime column read without the per-value type decorator (the big-table fast path): SQLite
    gives its stored text, PostgreSQL a datetime; `_as_utc` turns either into an aware UTC datetime."""
    return type_coerce(column, String()).label(column.key)


def _as_utc(value: Any) -> datetime:
    if isinstance(value, str):  # SQLite: naive UTC text; "+00:00" makes fromisoformat attach UTC itself
        return datetime.fromisoformat(value + "+00:00")
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
    return value.astimezone(UTC)  # type: ignore[no-any-return]


VITAL_COLUMNS: tuple[Any, ...] = (
    VitalSignsRecord.id,
    _raw_time(VitalSignsRecord.at),
    VitalSignsRecord.entered_by_id,
    _raw_time(VitalSignsRecord.entered_at),
    VitalSignsRecord.amends_id,
    VitalSignsRecord.amendment_reason,
    VitalSignsRecord.temperature_c,
    VitalSignsRecord.heart_rate_per_min,
    VitalSignsRecord.systolic_bp_mmhg,
    VitalSignsRecord.diastolic_bp_mmhg,
    VitalSignsRecord.mean_bp_mmhg,
    VitalSignsRecord.respiratory_rate_per_min,
    VitalSignsRecord.spo2_pct,
    VitalSignsRecord.hypotension_confirmed,
)


def vitals_from_row(row: Any, names: dict[int, str]) -> VitalSigns:
    """A `VITAL_COLUMNS` row as a dataclass (times via the fast path)."""
    at, entered_at = row[1], row[3]
    if type(at) is str:  # SQLite text (inlined `_as_utc`: this runs once per vital sign)
        at, entered_at = _fromiso(at + "+00:00"), _fromiso(entered_at + "+00:00")
    else:
        at, entered_at = _as_utc(at), _as_utc(entered_at)
    meta = _new_meta(row[0], at, names.get(row[2], "?"), entered_at, row[4], row[5])
    return _new_vitals(meta, row[6], row[7], row[8], row[9], row[10], row[11], row[12], bool(row[13]))


_fromiso = datetime.fromisoformat
# positional constructors that set the slots directly (same objects, about a third of the cost: core.fastnew)
_new_meta = fast_constructor(RecordMeta)
_new_vitals = fast_constructor(VitalSigns)


class LeanQuery:
    """A SELECT read as plain tuples, for the big reads (issue 3: a month of minute vitals per patient).

    Built and compiled by SQLAlchemy, once per dialect, and run on the session's own connection (same
    transaction). On SQLite the compiled SQL goes straight to the sqlite3 cursor: no Row objects and no
    per-value processing, about twice as fast as a Core result on the biggest table. Other databases
    (PostgreSQL) take the ordinary Core path; callers accept either (datetimes may come as text, see
    `_as_utc`, and booleans as 0 / 1)."""

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._sqlite: tuple[str, tuple[str, ...]] | None = None  # SQL text, parameter names in order

    def rows(self, session: Session, params: dict[str, Any]) -> list[Any]:
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            return list(conn.execute(self.statement, params))
        if self._sqlite is None:
            compiled = self.statement.compile(dialect=conn.dialect)
            self._sqlite = (str(compiled), tuple(compiled.positiontup or ()))
        sql, order = self._sqlite
        cursor = conn.connection.driver_connection.execute(  # type: ignore[union-attr]
            sql, tuple(params[name] for name in order)
        )
        return list(cursor.fetchall())


def _vitals_after(*columns: Any) -> Any:
    t = VitalSignsRecord
    return select(*columns).where(col(t.patient_id) == bindparam("pid"), col(t.id) > bindparam("after"))


# The incremental read of one patient's vital signs with id > :after, in (time, id) order (the order of
# the (patient_id, at) index: no sort step), as two SELECTs. Nearly every row neither amends nor voids
# anything: those "plain" rows come without the three amendment columns (each column read costs the
# driver about as much again as the SQLite work per row, so this saves about a fifth of the read). The few
# amending / voiding rows come with every column. Together they are every row, except a voided row that
# amends nothing, which supersedes nothing and is never effective: it is skipped either way.
VITALS_PLAIN = LeanQuery(
    _vitals_after(
        VitalSignsRecord.id,
        _raw_time(VitalSignsRecord.at),
        VitalSignsRecord.entered_by_id,
        _raw_time(VitalSignsRecord.entered_at),
        *VITAL_COLUMNS[6:],  # the measurements, in `VitalSigns` field order
    )
    .where(col(VitalSignsRecord.amends_id).is_(None), col(VitalSignsRecord.voided) == false())
    .order_by(col(VitalSignsRecord.at), col(VitalSignsRecord.id))
)
VITALS_AMENDING = LeanQuery(
    _vitals_after(*VITAL_COLUMNS, VitalSignsRecord.voided)
    .where(col(VitalSignsRecord.amends_id).is_not(None))
    .order_by(col(VitalSignsRecord.at), col(VitalSignsRecord.id))
)


_MetaTwin = mutable_twin(RecordMeta)
_VitalsTwin = mutable_twin(VitalSigns)
# The inline construction below sets these fields by name: a field added to either class must be added there.
assert tuple(f.name for f in fields(RecordMeta)) == (
    "record_id", "at", "entered_by", "entered_at", "amends_id", "amendment_reason"
)  # fmt: skip
assert tuple(f.name for f in fields(VitalSigns)) == (
    "meta", "temperature_c", "heart_rate_per_min", "systolic_bp_mmhg", "diastolic_bp_mmhg", "mean_bp_mmhg",
    "respiratory_rate_per_min", "spo2_pct", "hypotension_confirmed",
)  # fmt: skip


def plain_vitals(rows: Sequence[Any], names: dict[int, str]) -> list[VitalSigns]:
    """`VITALS_PLAIN` rows as dataclasses, in the rows' order: the hot loop of a patient's first load.

    Each `RecordMeta` and `VitalSigns` is built inline, as `core.fastnew` does in a function: attributes
    set on a mutable twin with the same slots, then its class switched to the frozen dataclass (the same
    objects as the constructors make; no call per object)."""
    new, meta_twin, vitals_twin, name = object.__new__, _MetaTwin, _VitalsTwin, names.get
    out: list[VitalSigns] = []
    append = out.append
    text = bool(rows) and type(rows[0][1]) is str  # SQLite: naive UTC text; PostgreSQL: datetimes
    iso, utc = _fromiso, _as_utc
    for rid, at, by, entered_at, temp, hr, sbp, dbp, mbp, rr, spo2, hypo in rows:
        m = new(meta_twin)
        m.record_id = rid
        if text:  # "+00:00" makes fromisoformat attach UTC itself
            m.at = iso(at + "+00:00")
            m.entered_at = iso(entered_at + "+00:00")
        else:
            m.at = utc(at)
            m.entered_at = utc(entered_at)
        m.entered_by = name(by, "?")
        m.amends_id = None
        m.amendment_reason = None
        m.__class__ = RecordMeta
        v = new(vitals_twin)
        v.meta = m
        v.temperature_c = temp
        v.heart_rate_per_min = hr
        v.systolic_bp_mmhg = sbp
        v.diastolic_bp_mmhg = dbp
        v.mean_bp_mmhg = mbp
        v.respiratory_rate_per_min = rr
        v.spo2_pct = spo2
        v.hypotension_confirmed = bool(hypo)
        v.__class__ = VitalSigns
        append(v)
    return out


def superseded_ids(session: Session, kind: str, patient_id: int) -> set[int]:
    """Ids of rows that a later row amends or voids (few: read via the amends_id index)."""
    table = CLINICAL_TABLES[kind]
    q = select(col(table.amends_id)).where(
        col(table.amends_id).is_not(None),
        col(table.patient_id) == patient_id,
    )
    return {rid for (rid,) in session.execute(q)}


def lean_vitals(
    session: Session,
    patient_id: int,
    names: dict[int, str],
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[VitalSigns]:
    """Effective vital signs via a column query, built straight into dataclasses (the big table).

    Instead of a per-row NOT EXISTS, the few superseded ids are read first and skipped here."""
    t = VitalSignsRecord
    superseded = superseded_ids(session, "vitals", patient_id)
    q = select(*VITAL_COLUMNS, col(t.voided)).where(col(t.patient_id) == patient_id)
    if since is not None:
        q = q.where(col(t.at) >= since)
    if until is not None:
        q = q.where(col(t.at) <= until)
    out: list[VitalSigns] = []
    append = out.append
    utc = _as_utc
    for (
        rid,
        at,
        by,
        entered_at,
        amends_id,
        reason,
        temp,
        hr,
        sbp,
        dbp,
        mbp,
        rr,
        spo2,
        hypo,
        voided,
    ) in session.execute(q.order_by(col(t.at), col(t.id))):
        if voided or rid in superseded:
            continue
        append(
            VitalSigns(
                RecordMeta(rid, utc(at), names.get(by, "?"), utc(entered_at), amends_id, reason),
                temp,
                hr,
                sbp,
                dbp,
                mbp,
                rr,
                spo2,
                bool(hypo),
            )
        )
    return out


def amended_by(session: Session, kind: str, record_id: int) -> int | None:
    """The id of the row that amends ``record_id`` (None when it is the current version)."""
    table = CLINICAL_TABLES[kind]
    return session.execute(
        select(col(table.id)).where(col(table.amends_id) == record_id)
    ).scalar_one_or_none()


def chain(session: Session, kind: str, record_id: int) -> list[Any]:
    """Every version of the record containing ``record_id``, oldest first (the original, then amendments)."""
    table = CLINICAL_TABLES[kind]
    row = session.get(table, record_id)
    if row is None:
        return []
    while row.amends_id is not None:
        parent = session.get(table, row.amends_id)
        if parent is None:
            break
        row = parent
    versions = [row]
    while True:
        nxt = session.execute(
            select(table).where(col(table.amends_id) == versions[-1].id)
        ).scalar_one_or_none()
        if nxt is None:
            return versions
        versions.append(nxt)


def last_before(session: Session, kind: str, patient_id: int, before: datetime) -> list[Any]:
    """The latest effective row of ``kind`` strictly before ``before`` (for state that carries over:
    the vasopressor running, the oxygen device on)."""
    table = CLINICAL_TABLES[kind]
    q = (
        select(table)
        .where(col(table.patient_id) == patient_id, col(table.at) < before, _effective_filter(table))
        .order_by(col(table.at).desc(), col(table.id).desc())
        .limit(1)
    )
    return list(session.execute(q).scalars())


def bulk_insert(session: Session, table: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    """Many rows in one executemany (demo ward, benchmark)."""
    if rows:
        session.execute(insert(table.__table__), list(rows))  # Core executemany, no ORM objects


def count_rows(session: Session, table: type[Any]) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def audit_rows(
    session: Session, patient_id: int | None = None, limit: int | None = None
) -> list[AuditEventRecord]:
    q = select(AuditEventRecord)
    if patient_id is not None:
        q = q.where(col(AuditEventRecord.patient_id) == patient_id)
    q = q.order_by(AuditEventRecord.id.desc())  # type: ignore[union-attr]
    if limit is not None:
        q = q.limit(limit)
    return list(session.execute(q).scalars())
