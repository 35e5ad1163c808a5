"""The management plan the patient view and the census show: `core.management.recommend` at a moment.

One adapter fills the engine's context from a `PatientTimeline` (`reporting.plan.management_context`, pure,
also used by the printed summary), so the screen and the paper say the same thing. Pure functions of plain
data: call them off the GUI thread with the timeline a worker loaded.
"""

from __future__ import annotations

from datetime import datetime

from cartox_desk.core.management import ManagementPlan, Protocol, Severity
from cartox_desk.core.records import PatientTimeline

_SEVERITY_ORDER = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}


def management_plan(timeline: PatientTimeline, now: datetime | None = None,
                    protocol: Protocol | None = None) -> ManagementPlan:
    """Recommendations, tocilizumab dose, alerts and flags for the patient at ``now`` (default: the time the
    timeline was generated for), under ``protocol`` (None: the default CSCO-2024; clinical-rules §4-§9)."""
    from cartox_desk.reporting.plan import plan_at

    return plan_at(timeline, now or timeline.generated_at, protocol=protocol)


def sorted_alerts(plan: ManagementPlan) -> list:  # type: ignore[type-arg]
    """The plan's alerts, most severe first (urgent, warning, info), stable within a severity."""
    return sorted(plan.alerts, key=lambda a: _SEVERITY_ORDER.get(a.severity, 3))
