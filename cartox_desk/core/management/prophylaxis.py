"""Monitoring schedule (clinical-rules §6) and prophylaxis reminders (§7) that need dates.

The reminder rows themselves are protocol rows (sections "prophylaxis" and "monitoring").
"""

from __future__ import annotations

from datetime import date, timedelta

from cartox_desk.core.clinical_time import day_number
from cartox_desk.core.management.context import ManagementContext, Medication
from cartox_desk.core.management.model import Alert, ScheduledDay, Severity, params

EXPANSION_DAYS = (1, 3, 5, 7, 10, 14, 21, 28)
EXPANSION_SOURCE = "CSCO-2024 §4.10"
GM_CSF_SOURCE = "CSCO-2024 §3.3 (clinical-rules §7)"


def expansion_schedule(infusion_day: date) -> tuple[ScheduledDay, ...]:
    """CAR-T expansion samples on days 1, 3, 5, 7, 10, 14, 21, 28 after infusion."""
    return tuple(ScheduledDay("monitoring.expansion_sample", d, infusion_day + timedelta(days=d),
                              EXPANSION_SOURCE) for d in EXPANSION_DAYS)


def expansion_due_today(ctx: ManagementContext) -> Alert | None:
    if ctx.infusion_at is None:
        return None
    day = day_number(ctx.now, ctx.infusion_at, ctx.zone)
    if day in EXPANSION_DAYS:
        return Alert("monitoring.expansion_sample_due", EXPANSION_SOURCE, Severity.INFO, params(day=day))
    return None


def gm_csf_alert(ctx: ManagementContext) -> Alert | None:
    """No GM-CSF during or after infusion (G-CSF is allowed)."""
    if ctx.infusion_at is None:
        return None
    for a in ctx.given([Medication.GM_CSF]):
        if day_number(a.at, ctx.infusion_at, ctx.zone) >= 0:
            return Alert("prophylaxis.gm_csf_given", GM_CSF_SOURCE, Severity.URGENT, params(at=a.at))
    return None
