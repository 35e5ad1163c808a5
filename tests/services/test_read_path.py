"""The fast read path (issue 3) gives exactly what a plain ORM read gives.

The record cache reads vital signs as two lean tuple queries (plain rows; amending / voiding rows) through the
sqlite3 cursor, every other kind through one Core SELECT, keeps its buckets in (time, id) order and cuts
``until`` / ``since`` by bisection. Here every list it returns is compared with a reference built the slow,
obvious way (ORM rows of the effective versions via ``NOT EXISTS``, the ORM converters, a Python sort), on
the demo ward and on a patient with amendments (values, times moved earlier and later, chains), voids, late
entries and fever-masking drugs, cold and through incremental refreshes; and the portable Core path (what
PostgreSQL takes) gives the same as the SQLite fast path. The timeline built from the cache equals the one
built from the reference lists (grades, daily maxima, episodes).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cartox_desk.config import path_to_url
from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.core.snapshot import IceAssessment, OxygenDevice
from cartox_desk.core.timeline import build_timeline
from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.record_cache import RecordCache, gc_paused
from cartox_desk.persistence.tables import CLINICAL_TABLES
from cartox_desk.services import Services
from cartox_desk.services.demo_ward import create_demo_ward
from tests.services.conftest import NOW, TZ, Clock

TIMELINE_ARGS = {  # record kind -> build_timeline keyword
    "vitals": "vitals",
    "oxygen": "oxygen",
    "vasopressor": "vasopressors",
    "fluid_bolus": "fluid_boluses",
    "lab": "labs",
    "encephalopathy": "encephalopathy",
    "neuro_exam": "neuro_exams",
    "medication": "medications",
    "intervention": "interventions",
    "iechs_grade": "iechs_grades",
}


def reference(
    svc: Services, patient_id: int, until: datetime | None = None, since: datetime | None = None
) -> dict[str, list[Any]]:
    """Every effective record by kind the slow, obvious way: ORM rows, ORM converters, a Python sort."""
    out: dict[str, list[Any]] = {}
    with svc.session() as s:
        names = repo.user_names(s)
        for kind in CLINICAL_TABLES:
            rows = repo.effective_rows(s, kind, patient_id, since=since, until=until)
            records = [repo.to_dataclass(kind, r, names) for r in rows]
            out[kind] = sorted(records, key=lambda r: (r.meta.at, r.meta.record_id))
    return out


def cached(
    svc: Services,
    cache: RecordCache,
    patient_id: int,
    until: datetime | None = None,
    since: datetime | None = None,
    store: bool = True,
) -> dict[str, list[Any]]:
    with svc.session() as s, gc_paused():
        return cache.records(s, patient_id, until=until, since=since, store=store)


def assert_same(got: dict[str, list[Any]], want: dict[str, list[Any]]) -> None:
    assert set(got) == set(want) == set(CLINICAL_TABLES)
    for kind in want:
        assert got[kind] == want[kind], kind
        # the same types all the way down (the fast constructors must build the real dataclasses)
        assert [type(r) for r in got[kind]] == [type(r) for r in want[kind]], kind
        assert [type(r.meta) for r in got[kind]] == [type(r.meta) for r in want[kind]], kind


@pytest.fixture(params=["sqlite fast path", "portable Core path"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both read paths: the sqlite3-cursor one and the Core one PostgreSQL takes."""
    if request.param == "portable Core path":

        def core_rows(self: repo.LeanQuery, session: Any, params: dict[str, Any]) -> list[Any]:
            return list(session.connection().execute(self.statement, params))

        monkeypatch.setattr(repo.LeanQuery, "rows", core_rows)
    return str(request.param)


def test_demo_ward_reads_as_the_reference(db_path: Path, clock: Clock, path: str) -> None:
    svc = Services.from_url(path_to_url(db_path), migrate=False, tz=TZ, clock=clock)
    create_demo_ward(svc)
    for p in svc.list_patients(status=None):
        want = reference(svc, p.patient_id)
        assert sum(map(len, want.values())) > 0
        assert_same(cached(svc, RecordCache(), p.patient_id), want)
        cut = NOW - timedelta(days=1, hours=3)
        assert_same(
            cached(svc, RecordCache(), p.patient_id, until=cut), reference(svc, p.patient_id, until=cut)
        )
        tl = svc.get_patient_timeline(p.patient_id)
        ref_tl = build_timeline(
            tl.patient,
            TZ,
            tl.generated_at,
            settings=svc.timeline_settings,
            **{TIMELINE_ARGS[k]: v for k, v in reference(svc, p.patient_id, until=tl.generated_at).items()},
        )
        assert (tl.grades, tl.daily_max, tl.episodes) == (ref_tl.grades, ref_tl.daily_max, ref_tl.episodes)
        assert tl == ref_tl
    svc.close()


@pytest.fixture
def edited(svc: Services, patient: PatientSummary, nurse: UserRef, clock: Clock) -> Iterator[Any]:
    """A patient edited at random: vitals (some at the same instant), amendments of values and times
    (earlier and later), amendments of amendments, voids, late entries, fever-masking drugs, ICE, oxygen."""
    rng = random.Random(11)
    pid = patient.patient_id
    start = NOW - timedelta(days=2)

    def when() -> datetime:
        return start + timedelta(minutes=rng.randrange(0, 2 * 24 * 60, 5))

    current: dict[str, list[int]] = {"vitals": [], "medication": [], "oxygen": []}

    def step(i: int) -> None:
        op = rng.random()
        if op < 0.45 or not current["vitals"]:
            v = svc.record_vitals(
                pid,
                when() if i % 9 else start + timedelta(hours=6),  # some share one instant
                by=nurse,
                temperature_c=round(rng.gauss(38.2, 0.9), 1),
                systolic_bp_mmhg=rng.choice([None, 84, 96, 121]),
                heart_rate_per_min=rng.choice([None, 88.0]),
            )
            current["vitals"].append(v.meta.record_id)
        elif op < 0.6:
            rid = current["vitals"].pop(rng.randrange(len(current["vitals"])))
            change = rng.choice(
                [{"temperature_c": 39.4}, {"at": when()}, {"systolic_bp_mmhg": 78.0, "at": when()}]
            )
            current["vitals"].append(svc.amend_vitals(rid, by=nurse, reason="fix", **change).meta.record_id)
        elif op < 0.68:
            rid = current["vitals"].pop(rng.randrange(len(current["vitals"])))
            svc.void_record("vitals", rid, by=nurse, reason="wrong patient")
        elif op < 0.8:
            kind = rng.choice(["antipyretic", "tocilizumab", "levetiracetam"])
            m = svc.record_medication(pid, when(), by=nurse, kind=kind, dose=1.0, unit="g")
            current["medication"].append(m.meta.record_id)
        elif op < 0.86 and current["medication"]:
            rid = current["medication"].pop(rng.randrange(len(current["medication"])))
            if rng.random() < 0.5:
                amended = svc.amend_medication(rid, by=nurse, reason="time", at=when())
                current["medication"].append(amended.meta.record_id)
            else:
                svc.void_record("medication", rid, by=nurse, reason="not given")
        elif op < 0.93:
            score = rng.randint(6, 10)
            svc.record_ice(pid, when(), by=nurse, ice=IceAssessment(4 - (10 - score), 3, 1, 1, 1))
        else:
            o = svc.record_oxygen(
                pid, when(), by=nurse, device=rng.choice(list(OxygenDevice)), flow_l_min=4.0
            )
            current["oxygen"].append(o.meta.record_id)

    yield pid, step
    svc.close()


def test_edited_patient_reads_as_the_reference_cold_and_incrementally(
    svc: Services, edited: Any, path: str
) -> None:
    pid, step = edited
    kept = RecordCache()  # refreshed after every few edits: the incremental path
    for i in range(90):
        step(i)
        if i % 6 == 5:
            want = reference(svc, pid)
            assert_same(cached(svc, kept, pid), want)
            assert_same(cached(svc, RecordCache(), pid), want)  # cold
            lo, hi = NOW - timedelta(hours=40), NOW - timedelta(hours=20)
            assert_same(cached(svc, kept, pid, until=hi, since=lo), reference(svc, pid, until=hi, since=lo))
            assert_same(cached(svc, kept, pid, store=False), want)
    tl = svc.get_patient_timeline(pid)
    assert any(v.meta.amends_id is not None for v in tl.vitals)
    ref_tl = build_timeline(
        tl.patient,
        TZ,
        tl.generated_at,
        settings=svc.timeline_settings,
        **{TIMELINE_ARGS[k]: v for k, v in reference(svc, pid, until=tl.generated_at).items()},
    )
    assert tl == ref_tl
    assert tl.episodes and any(p.snapshot.fever_masked for p in tl.grades)
