"""Migration 0003 (alerts kept in the record, recommendation marks) upgrades a 0002 ward database with data,
and goes back down."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cartox_desk import config
from cartox_desk.persistence.db import make_engine
from cartox_desk.persistence.migrate import alembic_config, current_revision, head_revision, upgrade_database
from cartox_desk.persistence.tables import metadata


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_0003_upgrades_a_0002_database_with_data(tmp_path: Path) -> None:
    path = tmp_path / "ward.db"
    url = config.path_to_url(path)
    upgrade_database(url, "0002")
    assert "alert" not in _tables(path)
    at = datetime.now(UTC) - timedelta(hours=1)
    with sqlite3.connect(path) as conn:  # a ward at 0002: a user, a patient with a fever
        stamp = at.strftime("%Y-%m-%d %H:%M:%S.%f")
        conn.execute(
            "INSERT INTO app_user (name, role, active, created_at) VALUES ('n', 'nurse', 1, ?)", (stamp,)
        )
        conn.execute(
            "INSERT INTO patient (mrn, name, sex, diagnosis, product_name, target, infusion_at, ward, bed,"
            " developmental_delay, risk_notes, status, created_at, weight_kg)"
            " VALUES ('M', 'P', 'male', 'LBCL', '', 'CD19', ?, '', '', 0, '', 'admitted', ?, 70)",
            ((at - timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S.%f"), stamp),
        )
        conn.execute(
            "INSERT INTO vital_signs (patient_id, at, entered_by_id, entered_at, voided,"
            " hypotension_confirmed, temperature_c) VALUES (1, ?, 1, ?, 0, 0, 39.2)",
            (stamp, stamp),
        )
    outcome = upgrade_database(url)
    assert (outcome.from_revision, outcome.to_revision) == ("0002", head_revision())  # 0003 and later
    assert outcome.backup_path is not None and outcome.backup_path.exists()
    assert {"alert", "recommendation_mark"} <= _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT temperature_c FROM vital_signs").fetchone() == (39.2,)
        assert "ix_alert_patient_cleared" in {r[1] for r in conn.execute("PRAGMA index_list('alert')")}
    engine = make_engine(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()

    from cartox_desk.services import Services

    svc = Services.from_url(url)
    try:
        active = svc.refresh_alerts(1)  # the old fever is alerted in the new table
        assert "fever.within_21d" in [a.code for a in active]
        alert = svc.acknowledge_alert(active[0].alert_id, by=1)
        assert alert.acknowledged_by == "n"
        svc.mark_recommendation(1, "crs.g1.supportive", "done", by=1)
        row = svc.ward_census()[0]
        assert row.alert_count == len(active) and row.unacknowledged_alerts == len(active) - 1
    finally:
        svc.close()


def test_0003_downgrades_to_0002(tmp_path: Path) -> None:
    path = tmp_path / "ward.db"
    url = config.path_to_url(path)
    upgrade_database(url)
    cfg = alembic_config(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert current_revision(engine) == "0002"
    engine.dispose()
    assert not {"alert", "recommendation_mark"} & _tables(path)
