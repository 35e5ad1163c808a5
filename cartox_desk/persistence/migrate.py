"""Schema migrations run from code: `upgrade_database(url)` on start, backing the SQLite file up first.

The Alembic configuration is built here rather than read from an alembic.ini, so it works from an installed
package (architecture.md: "on start the app backs up the file before migrating it").
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from cartox_desk.config import sqlite_path
from cartox_desk.persistence.db import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True, slots=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup_path: Path | None  # the copy taken before migrating (SQLite files with data only)

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


def backup_sqlite(path: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL and concurrent readers)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}.{stamp}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{label}.{stamp}-{n}.bak")
        n += 1
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_database(url: str, revision: str = "head", *, backup: bool = True) -> MigrationOutcome:
    """Bring the database at ``url`` to ``revision`` (default: the newest).

    A SQLite file that already holds a schema and has pending migrations is copied next to itself
    (``<file>.before-<rev>.<UTC stamp>.bak``) before anything changes. A new or empty file is just created.
    """
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        target = head_revision() if revision == "head" else revision
        backup_path: Path | None = None
        if before == target:
            return MigrationOutcome(before, target, None)
        path = sqlite_path(url)
        if backup and before is not None and path is not None and path.exists():
            backup_path = backup_sqlite(path, f"before-{target}")
        cfg = alembic_config(url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        return MigrationOutcome(before, current_revision(engine) or target, backup_path)
    finally:
        engine.dispose()
