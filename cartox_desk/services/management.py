"""The management plan the patient view and the census show: `core.management.recommend` at a moment.

One adapter fills the engine's context from a `PatientTimeline` (`reporting.plan.management_context`, pure,
also used by the printed summary), so the screen and the paper say the same thing. Pure functions of plain
data: call them off the GUI thread with the timeline a worker loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cartox_desk.core.management import ManagementPlan, Severity
from cartox_desk.core.records import PatientTimeline

_SEVERITY_ORDER = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}


def management_plan(timeline: PatientTimeline, now: datetime | None = None) -> ManagementPlan:
    """Recommendations, tocilizumab dose, alerts and flags for the patient at ``now`` (default: the time the
    timeline was generated for), under the protocol in force (CSCO-2024 by default; clinical-rules §4-§9)."""
    from cartox_desk.reporting.plan import plan_at

    return plan_at(timeline, now or timeline.generated_at)


@dataclass(frozen=True, slots=True)
class AlertSummary:
    """What the census shows of a patient's plan: how many alerts, the most severe, their codes."""

    count: int
    worst: Severity | None
    codes: tuple[str, ...]


def alert_summary(plan: ManagementPlan) -> AlertSummary:
    alerts = sorted(plan.alerts, key=lambda a: _SEVERITY_ORDER.get(a.severity, 3))
    return AlertSummary(len(alerts), alerts[0].severity if alerts else None, tuple(a.code for a in alerts))


def sorted_alerts(plan: ManagementPlan) -> list:  # type: ignore[type-arg]
    """The plan's alerts, most severe first (urgent, warning, info), stable within a severity."""
    return sorted(plan.alerts, key=lambda a: _SEVERITY_ORDER.get(a.severity, 3))


def ward_alerts(
    services: object, patient_ids: list[int], now: datetime | None = None
) -> dict[int, AlertSummary]:
    """Alert summaries for several patients (census ⚑ column). Loads each timeline through the store's
    incremental cache, which also warms it for opening the patient. Slow-ish: run off the GUI thread."""
    out: dict[int, AlertSummary] = {}
    for pid in patient_ids:
        timeline = services.get_patient_timeline(pid, at=now)  # type: ignore[attr-defined]
        out[pid] = alert_summary(management_plan(timeline, now))
    return out
