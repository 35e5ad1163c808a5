"""Shared builders for the management engine tests (imported by plain pytest discovery, no package)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

from cartox_desk.core.management import (
    Administration,
    Analyte,
    LabValue,
    ManagementContext,
    ManagementPlan,
    Medication,
    Protocol,
    Temperature,
    default_protocol,
    load_protocol,
    recommend,
)
from cartox_desk.core.management.protocol import protocols_dir

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
INFUSION = NOW - timedelta(days=2)


@cache
def csco() -> Protocol:
    return default_protocol()


@cache
def asco() -> Protocol:
    return load_protocol(protocols_dir() / "asco-2021.json")


def ctx(**kw: object) -> ManagementContext:
    base: dict[str, object] = {"now": NOW, "weight_kg": 70.0, "infusion_at": INFUSION}
    base.update(kw)
    return ManagementContext(**base)  # type: ignore[arg-type]


def plan(protocol: Protocol | None = None, **kw: object) -> ManagementPlan:
    return recommend(ctx(**kw), protocol or csco())


def hours_ago(h: float) -> datetime:
    return NOW - timedelta(hours=h)


def toci(*hours: float) -> tuple[Administration, ...]:
    return tuple(Administration(Medication.TOCILIZUMAB, hours_ago(h), 560, "mg") for h in hours)


def med(kind: Medication, h: float) -> Administration:
    return Administration(kind, hours_ago(h))


def lab(analyte: Analyte, value: float, h: float = 1.0, uln: float | None = None) -> LabValue:
    return LabValue(analyte, hours_ago(h), value, uln)


def temps(*pairs: tuple[float, float]) -> tuple[Temperature, ...]:
    """(hours ago, °C) pairs."""
    return tuple(Temperature(hours_ago(h), c) for h, c in pairs)


def rec(p: ManagementPlan, code: str):
    found = [r for r in p.recommendations if r.code == code]
    assert found, f"{code} not in plan: {sorted(r.code for r in p.recommendations)}"
    return found[0]


def alert(p: ManagementPlan, code: str):
    found = [a for a in p.alerts if a.code == code]
    assert found, f"{code} not in alerts: {sorted(a.code for a in p.alerts)}"
    return found[0]


def flag(p: ManagementPlan, code: str):
    return next(f for f in p.flags if f.code == code)
