"""The demo ward is deterministic, fast, and passes its own consistency check at any time of day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cartox_desk.cli.demo import main as demo_main
from cartox_desk.persistence.tables import CLINICAL_TABLES, VitalSignsRecord
from cartox_desk.services import Services
from cartox_desk.services.demo_ward import build_demo_database, check_demo_consistency, create_demo_ward
from tests.services.conftest import TZ

# 01:00, 09:30 and 20:45 in Shanghai: before the morning labs, mid-morning, late evening
TIMES = [
    datetime(2026, 3, 9, 17, 0, tzinfo=UTC),
    datetime(2026, 3, 10, 1, 30, tzinfo=UTC),
    datetime(2026, 3, 10, 12, 45, tzinfo=UTC),
]


@pytest.mark.parametrize("now", TIMES)
def test_demo_ward_is_consistent(svc: Services, clock, now: datetime) -> None:
    clock.now = now
    ward = create_demo_ward(svc)  # its speed is printed by `cartox-desk demo`, never asserted here
    assert ward.patients == 8 and ward.rows > 2000 and ward.grades > 500
    assert check_demo_consistency(svc) == []
    census = svc.ward_census()
    assert len(census) == 8
    assert {r.mrn: r.day for r in census} == {
        "DEMO-01": 3,
        "DEMO-02": 7,
        "DEMO-03": 23,
        "DEMO-04": 6,
        "DEMO-05": 12,
        "DEMO-06": 20,
        "DEMO-07": 4,
        "DEMO-08": -3,
    }
    # the corrected temperature: original and amendment both in the history
    lbcl = svc.get_patient_timeline(mrn="DEMO-01")
    amended = next(v for v in lbcl.vitals if v.meta.amends_id is not None)
    assert [h.current for h in svc.record_history("vitals", amended.meta.record_id)] == [False, True]


def test_demo_ward_is_deterministic(tmp_path: Path) -> None:
    now = TIMES[1]
    counts = []
    temperatures = []
    for name in ("a.db", "b.db"):
        services, _ = build_demo_database(tmp_path / name, tz=TZ, now=now)
        with services.session() as s:
            counts.append(
                {
                    k: s.execute(select(func.count()).select_from(t)).scalar_one()
                    for k, t in CLINICAL_TABLES.items()
                }
            )
            temperatures.append(
                list(
                    s.execute(select(VitalSignsRecord.temperature_c).order_by(VitalSignsRecord.id)).scalars()
                )
            )
        services.close()
    assert counts[0] == counts[1] and temperatures[0] == temperatures[1]


def test_demo_refuses_a_database_with_patients(svc: Services, clock) -> None:
    create_demo_ward(svc)
    with pytest.raises(ValueError, match="empty database"):
        create_demo_ward(svc)


def test_cli_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    assert demo_main(["--db", str(path), "--tz", "Asia/Shanghai"]) == 0
    assert "8 patients" in capsys.readouterr().out
    assert path.exists()
    assert demo_main(["--db", str(path)]) == 2  # exists
    assert demo_main(["--db", str(path), "--force", "--tz", "Asia/Shanghai"]) == 0
    assert demo_main(["--db", "postgresql://h/db"]) == 2
    services = Services.from_url(f"sqlite:///{path}", migrate=False, tz=TZ)
    assert len(services.list_patients()) == 8
    assert services.now() - max(p.infusion_at for p in services.list_patients()) < timedelta(days=4)
    services.close()


def test_ensure_demo_database_rebuilds_only_when_stale(tmp_path: Path) -> None:
    from cartox_desk.services.demo_ward import ensure_demo_database

    path = tmp_path / "demo.sqlite3"
    old, _ = build_demo_database(path, tz=TZ, now=datetime.now(UTC) - timedelta(days=2))
    old.close()
    url = ensure_demo_database(path, tz=TZ)  # built two days ago: "today" is stale, rebuilt
    services = Services.from_url(url, migrate=False, tz=TZ)
    demo_events = [e.at for e in services.audit_events() if e.action == "demo"]
    assert datetime.now(UTC) - min(demo_events) < timedelta(minutes=5)
    services.close()
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_database(path, tz=TZ) == url  # fresh: reused as it is
    assert path.stat().st_mtime_ns == stamp
