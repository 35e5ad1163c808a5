"""The same store code on PostgreSQL (issue 3: "a PostgreSQL URL must work through the same code").

Runs when psycopg and the PostgreSQL server binaries are installed: a throw-away cluster in a temporary
directory on a Unix socket (no TCP port). Skipped otherwise. Set CARTOX_TEST_POSTGRES_URL to use a running
server instead (the test creates and drops its own database there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402

from cartox_desk.persistence.db import make_engine  # noqa: E402
from cartox_desk.persistence.migrate import upgrade_database  # noqa: E402
from cartox_desk.persistence.tables import metadata  # noqa: E402
from cartox_desk.services import Services  # noqa: E402
from cartox_desk.services.demo_ward import check_demo_consistency, create_demo_ward  # noqa: E402
from tests.services.conftest import TZ  # noqa: E402


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / name).exists():
            return str(root / name)
    return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A libpq connection string to a PostgreSQL server we may create databases on."""
    if os.environ.get("CARTOX_TEST_POSTGRES_URL"):
        yield os.environ["CARTOX_TEST_POSTGRES_URL"]
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not installed")
    base = Path(tempfile.mkdtemp(prefix="cartox_pg_"))  # not under pytest's root-only directory
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root (platform-notes.md)
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser")
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
    data, sock = base / "data", base
    run = {"check": True, "capture_output": True, "timeout": 60}
    try:
        subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres"], **run)
        subprocess.run(
            [
                *prefix,
                pg_ctl,
                "-D",
                str(data),
                "-w",
                "-l",
                str(base / "log"),
                "-o",
                f"-k {sock} -c listen_addresses='' -p 5439",
                "start",
            ],
            **run,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, LookupError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"could not start a PostgreSQL server: {exc}")
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port=5439"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True, timeout=60
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(server: str) -> Iterator[str]:
    name = f"cartox_{uuid.uuid4().hex[:10]}"
    admin = make_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    head, _, query = server.partition("?")
    yield f"{head.rsplit('/', 1)[0]}/{name}?{query}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()


def test_migrations_and_services_on_postgresql(pg_url: str) -> None:
    outcome = upgrade_database(pg_url)
    assert outcome.from_revision is None and outcome.backup_path is None
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()
    now = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    svc = Services.from_url(pg_url, migrate=False, tz=TZ, clock=lambda: now)
    create_demo_ward(svc)
    assert check_demo_consistency(svc) == []
    patient = svc.get_patient(mrn="DEMO-01")
    nurse = svc.list_users()[-1]
    v = svc.record_vitals(patient.patient_id, now, by=nurse, temperature_c=37.4)
    a = svc.amend_vitals(v.meta.record_id, by=nurse, reason="typo", temperature_c=37.8)
    assert [h.record for h in svc.record_history("vitals", v.meta.record_id)] == [v, a]
    assert svc.get_patient_timeline(patient.patient_id).vitals[-1] == a
    assert len(svc.ward_census()) == 8
    svc.close()
