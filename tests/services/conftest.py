"""A fresh migrated SQLite database per test (a copy of one migrated template: migrating takes ~0.3 s)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cartox_desk.config import path_to_url
from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.persistence.migrate import upgrade_database
from cartox_desk.services import Services

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade_database(path_to_url(path))
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ward.sqlite3"
    shutil.copyfile(template_db, path)
    return path


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def svc(db_path: Path, clock: Clock) -> Iterator[Services]:
    services = Services.from_url(path_to_url(db_path), migrate=False, tz=TZ, clock=clock)
    yield services
    services.close()


@pytest.fixture
def nurse(svc: Services) -> UserRef:
    return svc.create_user("Nurse Wang", "nurse")


@pytest.fixture
def physician(svc: Services) -> UserRef:
    return svc.create_user("Dr Chen", "physician")


@pytest.fixture
def patient(svc: Services, nurse: UserRef) -> PatientSummary:
    return svc.admit_patient(
        by=nurse,
        mrn="MRN001",
        name="Zhang Wei",
        sex="male",
        date_of_birth=date(1968, 5, 4),
        diagnosis="LBCL",
        product_name="axi-cel",
        target="CD19",
        costim_domain="CD28",
        infusion_at=NOW - timedelta(days=2, hours=4),
        weight_kg=72.5,
        weight_measured_on=date(2026, 3, 1),
        height_cm=172,
        ward="Haem 5",
        bed="12",
        baseline_ice=10,
    )
