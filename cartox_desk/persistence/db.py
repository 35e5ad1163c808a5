"""Engine and session factory.

SQLite gets its PRAGMAs on every new connection (platform-notes.md): WAL journal (readers never block the
writer), foreign keys enforced, ``synchronous=FULL`` (a committed record survives a power cut), and a busy
timeout so a second window or process waits instead of failing. Other databases (PostgreSQL) get a plain
engine; nothing here is SQLite-only beyond these PRAGMAs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

BUSY_TIMEOUT_MS = 10_000


def is_sqlite(url_or_engine: str | Engine) -> bool:
    name = url_or_engine.dialect.name if isinstance(url_or_engine, Engine) else url_or_engine
    return name.startswith("sqlite")


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite connections get the PRAGMAs above."""
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        kwargs["connect_args"] = {"check_same_thread": False}  # worker threads open their own sessions
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool  # one shared in-memory database
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine, "connect", _sqlite_on_connect)
    return engine


SessionFactory = Callable[[], Session]


def session_factory(engine: Engine) -> SessionFactory:
    """Sessions that keep loaded values after commit (the services copy them into dataclasses anyway)."""

    def make() -> Session:
        return Session(engine, expire_on_commit=False)

    return make
