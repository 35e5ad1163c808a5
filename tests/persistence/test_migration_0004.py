"""Migration 0004 (IEC-HS grades recorded by the physician) upgrades a 0003 ward database with data, the
upgraded store takes an IEC-HS grade, and the migration goes back down."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cartox_desk import config
from cartox_desk.persistence.db import make_engine
from cartox_desk.persistence.migrate import alembic_config, current_revision, upgrade_database
from cartox_desk.persistence.tables import metadata


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_0004_upgrades_a_0003_database_with_data(tmp_path: Path) -> None:
    path = tmp_path / "ward.db"
    url = config.path_to_url(path)
    upgrade_database(url, "0003")
    assert "iechs_grade" not in _tables(path)
    at = datetime.now(UTC) - timedelta(hours=1)
    stamp = at.strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(path) as conn:  # a ward at 0003: a physician, a patient with a ferritin
        conn.execute(
            "INSERT INTO app_user (name, role, active, created_at) VALUES ('dr', 'physician', 1, ?)", (stamp,)
        )
        conn.execute(
            "INSERT INTO patient (mrn, name, sex, diagnosis, product_name, target, infusion_at, ward, bed,"
            " developmental_delay, risk_notes, status, created_at, weight_kg)"
            " VALUES ('M', 'P', 'male', 'LBCL', '', 'CD19', ?, '', '', 0, '', 'admitted', ?, 70)",
            ((at - timedelta(days=9)).strftime("%Y-%m-%d %H:%M:%S.%f"), stamp),
        )
        conn.execute(
            "INSERT INTO lab_result (patient_id, at, entered_by_id, entered_at, voided, analyte, value, unit,"
            " value_as_entered, unit_as_entered) VALUES (1, ?, 1, ?, 0, 'ferritin', 52000, 'ng/mL', 52000,"
            " 'ng/mL')",
            (stamp, stamp),
        )
    outcome = upgrade_database(url)
    assert (outcome.from_revision, outcome.to_revision) == ("0003", "0004")
    assert outcome.backup_path is not None and outcome.backup_path.exists()
    assert "iechs_grade" in _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM lab_result").fetchone() == (52000.0,)
        indexes = {r[1] for r in conn.execute("PRAGMA index_list('iechs_grade')")}
        assert {"ix_iechs_grade_patient_at", "ix_iechs_grade_amends_id"} <= indexes
    engine = make_engine(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()

    from cartox_desk.services import Services

    svc = Services.from_url(url)
    try:
        svc.record_iechs_grade(1, at, by=1, grade=3, note="bleeding coagulopathy, transfused")
        timeline = svc.get_patient_timeline(1)
        assert [(g.grade, g.meta.entered_by) for g in timeline.iechs_grades] == [(3, "dr")]
        assert timeline.labs[0].value == 52000
    finally:
        svc.close()


def test_0004_downgrades_to_0003(tmp_path: Path) -> None:
    path = tmp_path / "ward.db"
    url = config.path_to_url(path)
    upgrade_database(url)
    assert "iechs_grade" in _tables(path)
    cfg = alembic_config(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert current_revision(engine) == "0003"
    engine.dispose()
    assert "iechs_grade" not in _tables(path)
    assert {"alert", "recommendation_mark"} <= _tables(path)
