"""Benchmark of the record store (issue 3; not a test): timeline load and ward census on a big database.

Builds (bulk inserts) one patient with 30 days of vital signs every minute (43,200 rows), 300 lab results,
90 ICE assessments and 40 medication administrations, copies that patient 29 times with INSERT ... SELECT
(30 such patients), stores grade records hourly and at every ICE (as saving would), then times
(a) `Services.get_patient_timeline` (full load + grades, daily maxima, episodes; target < 500 ms) and
(b) `Services.ward_census` for the 30 patients (target < 100 ms). Prints row counts and the file size; the
last line is ``RESULT timeline_ms=… census_ms=… rows=… db_mb=…`` (medians of 7 runs after a warm-up);
timeline_ms is the first load of the patient (empty record cache); the reload time is printed above it.
What a first load built (its timeline and record cache) is freed after each timing, as the app frees it
later when the patient is closed or leaves the cache; that teardown is printed on its own.

The machine is shared (2 cores, other jobs): every figure comes with its CPU time (``time.process_time``)
and the spread of the runs, the load average is printed, and a fixed pure-Python workload is timed in the
same run (``calibration``): ``timeline / calibration`` compares runs made under different loads. The
first load is also split into its two halves, reading the records and building the timeline.

    .venv/bin/python bench/store.py [--db PATH] [--patients 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from cartox_desk.config import path_to_url
from cartox_desk.core.ice import ICE_ITEM_MAX
from cartox_desk.persistence import repositories as repo
from cartox_desk.persistence.record_cache import gc_paused
from cartox_desk.persistence.tables import (
    CLINICAL_TABLES,
    AlertRecord,
    EncephalopathyAssessmentRecord,
    GradeRecord,
    LabResultRecord,
    MedicationAdministrationRecord,
    PatientRecord,
    VitalSignsRecord,
)
from cartox_desk.services import Services

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 31, 4, 0, tzinfo=UTC)
DAYS = 30
ANALYTES = (
    "il6",
    "crp",
    "ferritin",
    "anc",
    "platelets",
    "hemoglobin",
    "fibrinogen",
    "ldh",
    "creatinine",
    "alt",
)


def _base(pid: int, at: datetime, uid: int) -> dict:
    return {
        "patient_id": pid,
        "at": at,
        "entered_by_id": uid,
        "entered_at": at,
        "amends_id": None,
        "amendment_reason": None,
        "voided": False,
    }


def build(services: Services, patients: int) -> int:
    rng = random.Random(7)
    nurse = services.create_user("Bench nurse", "nurse")
    infusion = NOW - timedelta(days=DAYS - 1, hours=2)
    first = services.admit_patient(
        by=nurse,
        mrn="BENCH-001",
        name="Bench 1",
        sex="male",
        date_of_birth=date(1970, 1, 1),
        diagnosis="LBCL",
        target="CD19",
        infusion_at=infusion,
        weight_kg=70,
        ward="Bench",
        bed="1",
    )
    pid, uid = first.patient_id, nurse.user_id
    start = NOW - timedelta(days=DAYS)
    vitals = []
    for minute in range(DAYS * 24 * 60):
        at = start + timedelta(minutes=minute)
        fever = 2 * 24 * 60 <= minute < 4 * 24 * 60
        vitals.append(
            {
                **_base(pid, at, uid),
                "temperature_c": round(rng.gauss(38.6 if fever else 36.8, 0.2), 1),
                "temperature_as_entered": None,
                "temperature_unit_as_entered": None,
                "heart_rate_per_min": rng.randint(60, 110),
                "systolic_bp_mmhg": rng.randint(88, 135),
                "diastolic_bp_mmhg": rng.randint(50, 80),
                "mean_bp_mmhg": None,
                "respiratory_rate_per_min": rng.randint(12, 24),
                "spo2_pct": rng.randint(92, 100),
                "hypotension_confirmed": False,
            }
        )
    labs = []
    for i in range(300):
        analyte = ANALYTES[i % len(ANALYTES)]
        at = start + timedelta(hours=24 * (i // len(ANALYTES)) + 6)
        value = round(rng.uniform(1, 200), 1)
        labs.append(
            {
                **_base(pid, at, uid),
                "analyte": analyte,
                "loinc": None,
                "value": value,
                "unit": "u",
                "value_as_entered": value,
                "unit_as_entered": "u",
                "reported_at": at + timedelta(hours=2),
            }
        )
    ice = []
    for i in range(90):
        at = start + timedelta(hours=8 * i + 1)
        score = 10 if not 96 <= 8 * i <= 130 else 7
        items = dict(ICE_ITEM_MAX)
        items["orientation"] -= 10 - score
        ice.append(
            {
                **_base(pid, at, uid),
                "tool": "ICE",
                **{f"ice_{k}": v for k, v in items.items()},
                "ice_unable": None,
                "capd_unable": False,
                "score": score,
                "language": "zh_CN",
                "is_baseline": False,
                **{
                    f"capd_{k}": None
                    for k in (
                        "eye_contact",
                        "purposeful_actions",
                        "aware_of_surroundings",
                        "communicates_needs",
                        "restless",
                        "inconsolable",
                        "underactive",
                        "slow_response",
                    )
                },
            }
        )
    meds = []
    for i in range(40):
        at = start + timedelta(hours=18 * i + 3)
        kind = "tocilizumab" if i in (3, 5) else ("antipyretic" if i % 3 else "levetiracetam")
        meds.append(
            {
                **_base(pid, at, uid),
                "kind": kind,
                "drug_name": kind,
                "dose": 500.0,
                "unit": "mg",
                "route": "IV",
            }
        )
    with services.session() as s:
        repo.bulk_insert(s, VitalSignsRecord, vitals)
        repo.bulk_insert(s, LabResultRecord, labs)
        repo.bulk_insert(s, EncephalopathyAssessmentRecord, ice)
        repo.bulk_insert(s, MedicationAdministrationRecord, meds)
        s.commit()
    # grade records as saving would have stored them (hourly and at every ICE), from the real timeline
    timeline = services.get_patient_timeline(pid, at=NOW)
    keep = {e["at"] for e in ice}
    hourly, last_hour = [], None
    for g in timeline.grades:
        hour = g.at.replace(minute=0, second=0, microsecond=0)
        if g.at in keep or hour != last_hour:
            hourly.append(g)
            last_hour = hour
    with services.session() as s:
        rows = [services._grade_values(pid, g, "bench", None) for g in hourly]
        repo.bulk_insert(s, GradeRecord, rows)
        s.commit()
    # the alerts kept in the record, as the refresh after a save leaves them (plus some cleared history)
    t0 = time.perf_counter()
    active = services.refresh_alerts(pid, NOW)
    print(f"refresh_alerts (full timeline + management plan): {(time.perf_counter() - t0) * 1000:.0f} ms, "
          f"{len(active)} active")  # fmt: skip
    with services.session() as s:
        history = [
            dict(
                patient_id=pid,
                code=f"bench.cleared.{i}",
                severity="info",
                source="bench",
                params={},
                first_raised_at=NOW - timedelta(days=20 - i),
                last_seen_at=NOW - timedelta(days=19 - i),
                cleared_at=NOW - timedelta(days=19 - i),
                acknowledged_by_id=uid,
                acknowledged_at=NOW - timedelta(days=20 - i),
                ack_note="",
            )
            for i in range(10)
        ]
        repo.bulk_insert(s, AlertRecord, history)
        s.commit()
    # 29 more such patients, copied inside the database
    with services.session() as s:
        for n in range(2, patients + 1):
            prow = PatientRecord(
                mrn=f"BENCH-{n:03d}",
                name=f"Bench {n}",
                sex="female",
                diagnosis="LBCL",
                target="CD19",
                infusion_at=infusion,
                date_of_birth=date(1975, 1, 1),
                ward="Bench",
                bed=str(n),
                created_by_id=uid,
            )
            s.add(prow)
            s.flush()
            for table in [*CLINICAL_TABLES.values(), GradeRecord, AlertRecord]:
                cols = [c.name for c in table.__table__.columns if c.name != "id"]
                select_cols = ", ".join(":pid" if c == "patient_id" else c for c in cols)
                s.execute(
                    text(
                        f"INSERT INTO {table.__tablename__} ({', '.join(cols)}) "
                        f"SELECT {select_cols} FROM {table.__tablename__} WHERE patient_id = :src"
                    ),
                    {"pid": prow.id, "src": pid},
                )
        s.commit()
    return pid


def _times_ms(
    fn: Callable[[], object], runs: int = 7, after: Callable[[], object] | None = None
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``runs`` calls after a warm-up (CPU is steadier on a shared machine);
    ``after`` runs untimed after each call (e.g. freeing what the call built)."""
    fn()
    if after is not None:
        after()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        if after is not None:
            after()
    return wall, cpu


def _median_ms(fn: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    wall, cpu = _times_ms(fn, runs)
    return statistics.median(wall), statistics.median(cpu)


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} (min {min(values):.0f}, max {max(values):.0f})"


def _calibration() -> None:
    """A fixed pure-Python workload of the same kind as a timeline load (small objects, dicts, a sort)."""
    rng = random.Random(1)
    rows = [(i, rng.random(), str(i)) for i in range(60_000)]
    index = {r[0]: r for r in rows}
    rows.sort(key=lambda r: r[1])
    assert len(index) == len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--patients", type=int, default=30)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory() if args.db is None else None
    path = args.db or Path(tmp.name) / "bench.sqlite3"  # type: ignore[union-attr]
    if path.exists():
        path.unlink()
    services = Services.from_url(path_to_url(path), tz=TZ, clock=lambda: NOW)
    t0 = time.perf_counter()
    pid = build(services, args.patients)
    print(f"built {args.patients} patients in {time.perf_counter() - t0:.1f} s")
    counts = {}
    with services.session() as s:
        for name, table in [
            *CLINICAL_TABLES.items(),
            ("grade", GradeRecord),
            ("alert", AlertRecord),
            ("patient", PatientRecord),
        ]:
            counts[name] = int(s.execute(select(func.count()).select_from(table)).scalar_one())
        s.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    total = sum(counts.values())
    print("rows: " + ", ".join(f"{k}={v}" for k, v in counts.items() if v) + f" (total {total})")
    per_patient = {k: v // args.patients for k, v in counts.items() if k != "patient" and v}
    print("per patient: " + ", ".join(f"{k}={v}" for k, v in per_patient.items()))
    db_mb = path.stat().st_size / 1e6
    print(f"SQLite file: {db_mb:.1f} MB")

    tl = services.get_patient_timeline(pid, at=NOW)
    print(
        f"timeline: {len(tl.vitals)} vitals, {len(tl.labs)} labs, {len(tl.encephalopathy)} ICE, "
        f"{len(tl.medications)} medications, {len(tl.grades)} grade points, {len(tl.daily_max)} days, "
        f"{len(tl.episodes)} episodes"
    )
    engine = services.engine
    assert engine is not None

    kept: list[object] = []  # what a load built, freed after its timing (as the app frees it later)
    teardown: list[float] = []

    def cold() -> None:  # a new Services: empty record cache, everything read from the database
        fresh = Services.from_engine(engine, tz=TZ, clock=lambda: NOW)
        kept.append((fresh, fresh.get_patient_timeline(pid, at=NOW)))

    def free() -> None:
        c = time.process_time()
        kept.clear()  # the timeline and the record cache: tens of thousands of objects
        teardown.append((time.process_time() - c) * 1000)

    load_before = os.getloadavg()[0]
    calib_wall, calib_cpu = _times_ms(_calibration)
    cold_wall, cold_cpu = _times_ms(cold, after=free)
    timeline_ms, timeline_cpu = statistics.median(cold_wall), statistics.median(cold_cpu)

    def read_only() -> None:  # the first half of a first load: every effective record, into dataclasses
        fresh = Services.from_engine(engine, tz=TZ, clock=lambda: NOW)
        with fresh.session() as s, gc_paused():  # as `Services._timeline` reads them
            kept.append((fresh, fresh._cache.records(s, pid, until=NOW)))

    read_wall, read_cpu = _times_ms(read_only, after=kept.clear)
    warm_ms, warm_cpu = _median_ms(lambda: services.get_patient_timeline(pid, at=NOW))
    census = services.ward_census(at=NOW)
    assert len(census) == args.patients
    census_ms, census_cpu = _median_ms(lambda: services.ward_census(at=NOW))
    print(
        f"(a) timeline with grades, first load: {timeline_ms:.0f} ms wall, {timeline_cpu:.0f} ms CPU "
        "(target < 500 ms)"
    )
    print(f"    first load, 7 runs: wall {_spread(cold_wall)}; CPU {_spread(cold_cpu)}")
    print(f"    freeing it afterwards (untimed above: the app frees it later): CPU {_spread(teardown)}")
    print(
        f"    of which reading the records: wall {_spread(read_wall)}; CPU {_spread(read_cpu)} "
        "(the rest builds grades, daily maxima, episodes)"
    )
    calib = statistics.median(calib_cpu)
    print(
        f"    calibration workload: wall {_spread(calib_wall)}; CPU {_spread(calib_cpu)}; "
        f"first load / calibration (CPU): {timeline_cpu / calib:.2f}"
    )
    print(
        f"    reload (record cache: reads only rows added since, rebuilds grades): {warm_ms:.0f} ms wall, "
        f"{warm_cpu:.0f} ms CPU"
    )
    print(
        f"(b) ward census, {args.patients} patients: {census_ms:.1f} ms wall, {census_cpu:.1f} ms CPU "
        "(target < 100 ms)"
    )
    print(f"load average: {load_before:.1f} before the timings, {os.getloadavg()[0]:.1f} after, on "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    services.close()
    if tmp is not None:
        tmp.cleanup()
    print(f"RESULT timeline_ms={timeline_ms:.0f} census_ms={census_ms:.1f} rows={total} db_mb={db_mb:.1f}")


if __name__ == "__main__":
    main()
