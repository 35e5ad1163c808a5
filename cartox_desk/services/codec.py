"""Core dataclasses <-> JSON-safe values, for grade records (the snapshot graded, the drivers) and audit.

The snapshot JSON uses the `cartox-desk grade` field names (grading-json.md), so a stored snapshot can be
piped to that command to reproduce a grade.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from cartox_desk.core.results import Driver
from cartox_desk.core.snapshot import Snapshot
from cartox_desk.core.snapshot_json import parse_snapshot
from cartox_desk.core.snapshot_json import snapshot_to_json as core_snapshot_to_json


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, frozenset | set):
        return sorted(to_jsonable(v) for v in value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def snapshot_to_json(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot in grading-json.md form (only recorded fields): pipe it to `cartox-desk grade`."""
    return core_snapshot_to_json(snapshot)


def snapshot_from_json(data: dict[str, Any]) -> Snapshot:
    return parse_snapshot(data)


def drivers_to_json(drivers: tuple[Driver, ...]) -> list[dict[str, Any]]:
    return [
        {"code": d.code, "grade": d.grade, "source": d.source, "params": [list(p) for p in d.params]}
        for d in drivers
    ]


def drivers_from_json(data: list[dict[str, Any]]) -> tuple[Driver, ...]:
    return tuple(
        Driver(
            code=d["code"],
            grade=d.get("grade"),
            source=d.get("source", ""),
            params=tuple((str(k), str(v)) for k, v in d.get("params", ())),
        )
        for d in data
    )
