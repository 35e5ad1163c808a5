"""Where things live: the user data directory (platformdirs) and the database URL.

The database is a SQLite file in the user's data directory unless ``--db PATH|URL`` or the environment
variable ``CARTOX_DATABASE_URL`` chooses another (architecture.md, "Interfaces"). A PostgreSQL URL goes
through the same SQLModel code. The ward's time zone (for day +N and daily maxima) is the machine's local
zone unless ``CARTOX_TIMEZONE`` names an IANA zone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from platformdirs import user_data_path

APP_NAME = "cartox_desk"
APP_AUTHOR = "cartox_desk"
DATABASE_FILENAME = "cartox_desk.sqlite3"
ENV_DATABASE_URL = "CARTOX_DATABASE_URL"
ENV_TIMEZONE = "CARTOX_TIMEZONE"


def data_dir(create: bool = True) -> Path:
    """The per-user data directory (created on demand)."""
    path = user_data_path(APP_NAME, APP_AUTHOR)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def path_to_url(path: str | os.PathLike[str]) -> str:
    """A filesystem path as a SQLite URL (absolute, so the working directory never matters)."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def is_url(value: str) -> bool:
    return "://" in value


def resolve_database_url(db: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """``--db`` (a path or a URL) wins, then ``CARTOX_DATABASE_URL``, then the default SQLite file."""
    environ = os.environ if env is None else env
    chosen = db or environ.get(ENV_DATABASE_URL) or ""
    if chosen:
        return chosen if is_url(chosen) else path_to_url(chosen)
    return path_to_url(default_database_path())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and for in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    rest = rest.split("?", 1)[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def ward_timezone(env: Mapping[str, str] | None = None) -> tzinfo:
    """The ward's zone: ``CARTOX_TIMEZONE`` (IANA name) or the machine's local zone."""
    environ = os.environ if env is None else env
    name = environ.get(ENV_TIMEZONE)
    if name:
        return ZoneInfo(name)
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local
