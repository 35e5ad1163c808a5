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
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import attrgetter, lt
from threading import Lock
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.tables import CLINICAL_TABLES


@dataclass
class _Entry:
    """One patient's effective records per kind, by id, each bucket kept in (time, id) order when
    ``ordered[kind]`` (rows arrive in that order; an amendment or a late entry may break it, and the next
    read sorts it again once): then a read needs no sort and cuts ``until`` / ``since`` by bisection."""

    high_water: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLINICAL_TABLES, 0))
    records: dict[str, dict[int, Any]] = field(default_factory=lambda: {k: {} for k in CLINICAL_TABLES})
    ordered: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(CLINICAL_TABLES, True))

    def copy(self) -> _Entry:
        return _Entry(
            dict(self.high_water), {k: dict(v) for k, v in self.records.items()}, dict(self.ordered)
        )


_order_key = attrgetter("meta.at", "meta.record_id")  # (time, id): the order of every list returned
_at = attrgetter("meta.at")
_record_id = attrgetter("meta.record_id")


def _in_order(records: list[Any]) -> list[Any]:
    """``records`` (in the database's (time, id) order) checked, or sorted, into (time, id) order: strictly
    increasing times prove it (a cheap C-level pass); equal times fall back to a sort, which is fast on
    sorted input. The database orders times as stored, which is time order for the one format written."""
    ats = list(map(_at, records))
    if all(map(lt, ats, islice(ats, 1, None))):
        return records
    return sorted(records, key=_order_key)


def _statement(kind: str) -> Any:
    """SELECT the patient's rows with id > :after in (time, id) order, the order of the (patient_id, at)
    index: no sort step (built once per kind: building a wide SELECT costs more than running it)."""
    table = CLINICAL_TABLES[kind]
    return (
        select(*table.__table__.columns)  # type: ignore[attr-defined]
        .where(col(table.patient_id) == bindparam("pid"), col(table.id) > bindparam("after"))
        .order_by(col(table.at), col(table.id))
    )


# every kind but vital signs, which are read by `repositories.VITALS_PLAIN` / `VITALS_AMENDING`
_STATEMENTS = {kind: _statement(kind) for kind in CLINICAL_TABLES if kind != "vitals"}

_Amending = tuple[int, int | None, bool, Any]  # (id, amends_id, voided, dataclass)


def _new_rows(
    session: Session, kind: str, patient_id: int, after_id: int, names: dict[int, str]
) -> tuple[list[Any], list[_Amending]]:
    """The patient's rows with id > after_id, each in (time, id) order: the dataclasses of the plain rows
    (neither amending nor voided: nearly all) and (id, amends_id, voided, dataclass) of the others.

    Vital signs, by far the biggest kind, come through the lean vitals queries (`repositories.LeanQuery`);
    every other kind, including any kind added to `CLINICAL_TABLES` with its converter in
    `repositories.CONVERTERS`, through one Core SELECT of its columns."""
    params = {"pid": patient_id, "after": after_id}
    if kind == "vitals":
        plain = repo.plain_vitals(repo.VITALS_PLAIN.rows(session, params), names)
        convert_vitals = repo.vitals_from_row
        amending = [
            (row[0], row[4], bool(row[14]), convert_vitals(row, names))
            for row in repo.VITALS_AMENDING.rows(session, params)
        ]
        return plain, amending
    convert = repo.CONVERTERS[kind]
    plain, amending = [], []
    for row in session.connection().execute(_STATEMENTS[kind], params):
        if row.amends_id is None and not row.voided:
            plain.append(convert(row, names))
        else:
            amending.append((row.id, row.amends_id, bool(row.voided), convert(row, names)))
    return plain, amending


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
            plain, amending = _new_rows(session, kind, patient_id, entry.high_water[kind], names)
            if not plain and not amending:
                continue
            entry.high_water[kind] = max(
                max(map(_record_id, plain), default=0), max((row[0] for row in amending), default=0)
            )
            bucket = entry.records[kind]
            # An amendment (or void) replaces the version it names, wherever that came from; rows come in
            # time order, not id order: an amendment may precede (in time) what it amends.
            superseded = {amends_id for _, amends_id, _, _ in amending if amends_id is not None}
            for old in superseded:
                bucket.pop(old, None)
            if superseded:
                plain = [r for r in plain if r.meta.record_id not in superseded]
            extra = [r for rid, _, voided, r in amending if not voided and rid not in superseded]
            new = _in_order(plain + extra if extra else plain)
            if new:
                if (
                    bucket
                    and entry.ordered[kind]
                    and _order_key(new[0]) < _order_key(next(reversed(bucket.values())))
                ):
                    entry.ordered[kind] = False  # a late entry or an amendment moved earlier: sort on read
                bucket.update(zip(map(_record_id, new), new, strict=True))
        if store:
            with self._lock:
                self._entries[patient_id] = entry
                self._entries.move_to_end(patient_id)
                while len(self._entries) > self.max_patients:
                    self._entries.popitem(last=False)
        out: dict[str, list[Any]] = {}
        for kind, bucket in entry.records.items():
            values = list(bucket.values())
            if not entry.ordered[kind]:
                values.sort(key=_order_key)
                # kept in order from now on (a new dict: a reader in another thread sees one or the other)
                entry.records[kind] = dict(zip(map(_record_id, values), values, strict=True))
                entry.ordered[kind] = True
            if since is not None or until is not None:
                lo = bisect_left(values, since, key=_at) if since is not None else 0
                hi = bisect_right(values, until, key=_at) if until is not None else len(values)
                values = values[lo:hi]
            out[kind] = values
        return out
