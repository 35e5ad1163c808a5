"""Engine settings, database location and migrations (issue 3 item 2)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from cartox_desk import config
from cartox_desk.persistence.db import make_engine
from cartox_desk.persistence.migrate import current_revision, head_revision, upgrade_database
from cartox_desk.persistence.tables import metadata


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(config.path_to_url(tmp_path / "a.db"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    engine.dispose()


def test_database_url_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    default = config.resolve_database_url()
    assert default.startswith("sqlite:///") and default.endswith("cartox_desk.sqlite3")
    assert str(tmp_path / "xdg") in default
    assert config.resolve_database_url(str(tmp_path / "w.db")) == f"sqlite:///{tmp_path / 'w.db'}"
    assert (
        config.resolve_database_url("postgresql+psycopg://u@h:5433/ward")
        == "postgresql+psycopg://u@h:5433/ward"
    )
    monkeypatch.setenv(config.ENV_DATABASE_URL, "postgresql+psycopg://u@h/env")
    assert config.resolve_database_url() == "postgresql+psycopg://u@h/env"
    assert config.resolve_database_url(str(tmp_path / "cli.db")).endswith("cli.db")  # --db wins
    assert config.sqlite_path("sqlite:////x/y.db") == Path("/x/y.db")
    assert config.sqlite_path("sqlite://") is None
    assert config.sqlite_path("postgresql://h/db") is None


def _schema_diff(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    return diff


def test_migrations_upgrade_an_empty_database(tmp_path: Path) -> None:
    url = config.path_to_url(tmp_path / "new.db")
    outcome = upgrade_database(url)
    assert outcome.from_revision is None and outcome.to_revision == head_revision()
    assert outcome.backup_path is None  # nothing to back up
    assert _schema_diff(url) == []
    again = upgrade_database(url)
    assert not again.migrated and again.backup_path is None


def test_migrations_upgrade_the_previous_revision_and_back_it_up(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = config.path_to_url(path)
    upgrade_database(url, "0001")
    with sqlite3.connect(path) as conn:  # a ward database at the previous schema, with data
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        conn.execute(
            "INSERT INTO app_user (name, role, active, created_at) VALUES ('n', 'nurse', 1, ?)", (now,)
        )
        conn.execute(
            "INSERT INTO patient (mrn, name, sex, diagnosis, product_name, target, infusion_at, ward, bed,"
            " developmental_delay, risk_notes, status, created_at) VALUES ('M', 'P', 'male', 'LBCL', '',"
            " 'CD19', ?, '', '', 0, '', 'admitted', ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO vital_signs (patient_id, at, entered_by_id, entered_at, voided,"
            " hypotension_confirmed, temperature_c) VALUES (1, ?, 1, ?, 0, 0, 37.5)",
            (now, now),
        )
    outcome = upgrade_database(url)
    assert (outcome.from_revision, outcome.to_revision) == ("0001", head_revision())
    assert outcome.backup_path is not None and outcome.backup_path.exists()
    with sqlite3.connect(outcome.backup_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT temperature_c FROM vital_signs").fetchone() == (37.5,)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT temperature_c FROM vital_signs").fetchone() == (37.5,)
        indexes = {r[1] for r in conn.execute("PRAGMA index_list('vital_signs')")}
        assert "ix_vital_signs_patient_at" in indexes
    assert _schema_diff(url) == []
    engine = make_engine(url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_services_from_url_migrates(tmp_path: Path) -> None:
    from cartox_desk.services import Services

    svc = Services.from_url(config.path_to_url(tmp_path / "app.db"))
    assert svc.list_patients() == []
    svc.close()
