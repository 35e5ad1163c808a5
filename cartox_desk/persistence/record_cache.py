"""An incremental per-patient cache of effective records, made safe by the append-only rule.

Clinical rows are never updated or deleted, so what a patient's timeline needs is fully described by the
rows with ids above the highest id already read: each refresh reads only those (an amendment or void
removes the version it supersedes). Another process writing to the same database is seen on the next
refresh; no invalidation is needed. The first load of a patient reads everything once.

This needs ids to become visible in increasing order, which holds for SQLite (one writer at a time). On
PostgreSQL a transaction can commit a smaller id after a larger one is visible, so the cache is off there
(``enabled=False``: every load reads everything, as the first one does).
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from threading import Lock
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.tables import CLINICAL_TABLES, VitalSignsRecord


@dataclass
class _Entry:
    high_water: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLINICAL_TABLES, 0))
    records: dict[str, dict[int, Any]] = field(default_factory=lambda: {k: {} for k in CLINICAL_TABLES})

    def copy(self) -> _Entry:
        return _Entry(dict(self.high_water), {k: dict(v) for k, v in self.records.items()})


def _statement(kind: str) -> Any:
    """SELECT the patient's rows with id > :after in (time, id) order, the order of the (patient_id, at)
    index: no sort step (built once per kind: building a wide SELECT costs more than running it)."""
    table = CLINICAL_TABLES[kind]
    columns = (
        [*repo.VITAL_COLUMNS, table.voided] if table is VitalSignsRecord else list(table.__table__.columns)  # type: ignore[attr-defined]
    )
    return (
        select(*columns)
        .where(col(table.patient_id) == bindparam("pid"), col(table.id) > bindparam("after"))
        .order_by(col(table.at), col(table.id))
    )


_STATEMENTS = {kind: _statement(kind) for kind in CLINICAL_TABLES}


_sqlite_vitals_sql: list[tuple[str, list[str]]] = []  # compiled once: (SQL text, parameter order)


def _sqlite_vitals(session: Session, patient_id: int, after_id: int) -> list[Any] | None:
    """The vitals rows straight from the sqlite3 cursor (plain tuples, no Row objects: about twice as fast
    on the biggest table). None on other databases, which take the portable path."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return None
    if not _sqlite_vitals_sql:
        compiled = _STATEMENTS["vitals"].compile(dialect=conn.dialect)
        _sqlite_vitals_sql.append((str(compiled), list(compiled.positiontup or [])))
    sql, order = _sqlite_vitals_sql[0]
    params = {"pid": patient_id, "after": after_id}
    cursor = conn.connection.driver_connection.execute(  # type: ignore[union-attr]
        sql, tuple(params[name] for name in order)
    )
    return list(cursor.fetchall())


def _new_rows(
    session: Session, kind: str, patient_id: int, after_id: int, names: dict[int, str]
) -> list[tuple[int, int | None, bool, Any]]:
    """(id, amends_id, voided, dataclass) for the patient's rows with id > after_id, in (time, id) order."""
    if kind == "vitals":
        rows = _sqlite_vitals(session, patient_id, after_id)
        if rows is None:
            rows = list(
                session.connection().execute(_STATEMENTS[kind], {"pid": patient_id, "after": after_id})
            )
        convert_vitals = repo.vitals_from_row
        return [(row[0], row[4], bool(row[14]), convert_vitals(row, names)) for row in rows]
    convert = repo.CONVERTERS[kind]
    result = session.connection().execute(_STATEMENTS[kind], {"pid": patient_id, "after": after_id})
    return [(row.id, row.amends_id, bool(row.voided), convert(row, names)) for row in result]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects at once (tens of thousands of record
    dataclasses): its repeated full passes over the growing heap otherwise cost as much as the load itself.
    Reference counting still frees everything at once; the collector resumes on exit (and collects
    any cycles then)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RecordCache:
    """Effective records per patient (least recently used patients are dropped beyond ``max_patients``)."""

    def __init__(self, max_patients: int = 12, *, enabled: bool = True) -> None:
        self.max_patients = max_patients
        self.enabled = enabled
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._lock = Lock()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def records(
        self,
        session: Session,
        patient_id: int,
        *,
        store: bool = True,
        until: datetime | None = None,
        since: datetime | None = None,
    ) -> dict[str, list[Any]]:
        """Every effective record of the patient by kind, sorted by (time, id).

        ``store=False`` refreshes a private copy (use inside a write transaction that may still roll back).
        """
        names = repo.user_names(session)
        store = store and self.enabled
        with self._lock:
            cached = self._entries.get(patient_id)
        entry = (cached.copy() if cached is not None else _Entry()) if not store else (cached or _Entry())
        for kind in CLINICAL_TABLES:
            rows = _new_rows(session, kind, patient_id, entry.high_water[kind], names)
            if not rows:
                continue
            bucket = entry.records[kind]
            # rows come in time order, not id order: an amendment may precede (in time) what it amends
            superseded = {amends_id for _, amends_id, _, _ in rows if amends_id is not None}
            for old in superseded:
                bucket.pop(old, None)
            for rid, _, voided, record in rows:
                if not voided and rid not in superseded:
                    bucket[rid] = record
            entry.high_water[kind] = max(row[0] for row in rows)
        if store:
            with self._lock:
                self._entries[patient_id] = entry
                self._entries.move_to_end(patient_id)
                while len(self._entries) > self.max_patients:
                    self._entries.popitem(last=False)
        out: dict[str, list[Any]] = {}
        for kind, bucket in entry.records.items():
            values = list(bucket.values())
            if until is not None or since is not None:
                values = [
                    r
                    for r in values
                    if (until is None or r.meta.at <= until) and (since is None or r.meta.at >= since)
                ]
            values.sort(key=lambda r: (r.meta.at, r.meta.record_id))
            out[kind] = values
        return out
