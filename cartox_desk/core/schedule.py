"""What is due and what is overdue: ICE / CAPD and vital signs (clinical-rules §6; CSCO-2024 §1.7).

Pure: standard library and `core` only. The ward census and the patient screen call `assessment_due`.

* **Tool** (clinical-rules §3.3): CAPD for children aged 12 or under in whole years, or with developmental
  delay; ICE otherwise (and when the age is unknown). At exactly 12 the wizard may switch to ICE: when the
  latest assessment of a 12-year-old used ICE, ICE stays due.
* **Baseline**: due at infusion until a baseline (``is_baseline``, or the patient's recorded baseline ICE /
  CAPD) exists or the first assessment after infusion is done; overdue from infusion on.
* **Routine**: every 8 h (setting) from infusion: due 8 h after the latest assessment done at or after
  infusion, or 8 h after infusion when there is none yet.
* **After a drop** (any worse score than the previous one with the same tool; "unable" is worse than any
  score): every 30 min for 2 h from the drop, then every 4 h, until the score has been back at baseline
  (the baseline score, or when none is recorded the score before the drop) for 24 h, confirmed by an
  assessment at baseline at least 24 h after the first one; then 8-hourly again. A further drop restarts
  the 30-minute phase. These defaults follow published unit protocols, not a consensus: all are settings.
* **Vital signs**: at least twice a day, i.e. at most 12 h (setting) after the last set. With none recorded
  they are due now and overdue ("never falsely calm"). "More often when they change" has no number in the
  rules and is not scheduled.
* **Overdue**: ``now`` is later than ``due_at`` plus ``overdue_grace`` (default 0). Discharged and deceased
  patients have nothing due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Protocol

from cartox_desk.core.capd import CAPD_MAX, capd_total
from cartox_desk.core.ice import ICE_MAX, ice_total
from cartox_desk.core.records import (
    EncephalopathyAssessment,
    PatientStatus,
    PatientSummary,
    PatientTimeline,
    RecordMeta,
)
from cartox_desk.core.snapshot import EncephalopathyTool, IceUnable
from cartox_desk.core.timeline import completed_years

SOURCE_ICE_SCHEDULE = "CSCO-2024 §1.7; clinical-rules §6 (local policy)"
SOURCE_DROP = "clinical-rules §6 (local policy)"
SOURCE_TOOL = "clinical-rules §3.3; REVIEW-2022 §2.4"
SOURCE_VITALS = "CSCO-2024 §1.7; clinical-rules §6"


class DueKind(StrEnum):
    ICE = "ice"
    CAPD = "capd"
    VITALS = "vitals"


class DueReason(StrEnum):
    BASELINE = "assessment.baseline"  # baseline ICE / CAPD before infusion
    ROUTINE = "assessment.routine"  # every 8 h from infusion
    AFTER_DROP_CLOSE = "assessment.after_drop_close"  # every 30 min for 2 h after a drop
    AFTER_DROP = "assessment.after_drop"  # every 4 h until back at baseline for 24 h
    VITALS_ROUTINE = "vitals.routine"  # at least twice a day
    VITALS_NONE = "vitals.none_recorded"  # nothing recorded yet: due now


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """Assessment intervals (clinical-rules §6): local policy, so settings, not constants."""

    assessment_interval: timedelta = timedelta(hours=8)
    drop_close_interval: timedelta = timedelta(minutes=30)
    drop_close_period: timedelta = timedelta(hours=2)
    drop_follow_up_interval: timedelta = timedelta(hours=4)
    back_at_baseline_period: timedelta = timedelta(hours=24)
    vitals_max_interval: timedelta = timedelta(hours=12)
    overdue_grace: timedelta = timedelta(0)
    capd_max_age_years: int = 12  # CAPD at or under this age in whole years (clinical-rules §3.3)


DEFAULT_SCHEDULE = ScheduleSettings()


@dataclass(frozen=True, slots=True)
class Due:
    """One assessment that is due: what, when, whether overdue, why (a code the UI translates), source."""

    kind: DueKind
    due_at: datetime
    overdue: bool
    reason_code: DueReason
    source: str
    last_at: datetime | None = None  # the assessment the interval counts from
    interval: timedelta | None = None


def encephalopathy_tool(patient: PatientSummary, at: datetime,
                        last_tool: EncephalopathyTool | None = None,
                        settings: ScheduleSettings = DEFAULT_SCHEDULE) -> EncephalopathyTool:
    """The tool the wizard proposes (clinical-rules §3.3): CAPD at or under 12 years or with developmental
    delay, else ICE; at exactly 12 (whole years) a previous ICE keeps ICE."""
    if patient.developmental_delay:
        return EncephalopathyTool.CAPD
    whole = completed_years(patient, at)
    if whole is None:
        return EncephalopathyTool.ICE
    if whole < settings.capd_max_age_years:
        return EncephalopathyTool.CAPD
    if whole == settings.capd_max_age_years:
        return EncephalopathyTool.ICE if last_tool is EncephalopathyTool.ICE else EncephalopathyTool.CAPD
    return EncephalopathyTool.ICE


def badness(assessment: EncephalopathyAssessment) -> int | None:
    """How abnormal an assessment is on its own tool's scale, higher = worse: ICE 10 - score (0-10, unable
    11), CAPD score (0-32, unable 33). None when nothing was scored."""
    if assessment.tool is EncephalopathyTool.ICE:
        if assessment.ice_unable is not None:
            return ICE_MAX + 1
        score = assessment.score
        if score is None and assessment.ice is not None:
            score = ice_total(assessment.ice)
        return None if score is None else ICE_MAX - score
    if assessment.capd_unable:
        return CAPD_MAX + 1
    score = assessment.score
    if score is None and assessment.capd is not None:
        score = capd_total(assessment.capd)
    return score


def _recorded_baseline(patient: PatientSummary, tool: EncephalopathyTool) -> int | None:
    if tool is EncephalopathyTool.ICE:
        return None if patient.baseline_ice is None else ICE_MAX - patient.baseline_ice
    return patient.baseline_capd


@dataclass(frozen=True, slots=True)
class _DropState:
    drop_at: datetime | None  # None: routine schedule
    back_since: datetime | None


def _drop_state(patient: PatientSummary, ordered: list[EncephalopathyAssessment],
                settings: ScheduleSettings) -> _DropState:
    """Walk the assessments in time order and tell whether the tightened schedule is on."""
    baseline: dict[EncephalopathyTool, int] = {}
    for tool in EncephalopathyTool:
        b = _recorded_baseline(patient, tool)
        if b is not None:
            baseline[tool] = b
    prev: tuple[EncephalopathyTool, int] | None = None
    drop_at: datetime | None = None
    back_since: datetime | None = None
    target: int | None = None
    for a in ordered:
        b = badness(a)
        if a.is_baseline:
            if b is not None:
                baseline[a.tool] = b
                prev = (a.tool, b)
            continue
        if b is None:
            continue
        at_target = target is not None and b <= target
        if (drop_at is not None and back_since is not None and at_target
                and a.meta.at >= back_since + settings.back_at_baseline_period):
            drop_at = back_since = target = None  # back at baseline for 24 h: routine again
        if prev is not None and prev[0] is a.tool and b > prev[1]:
            if drop_at is None:
                target = baseline.get(a.tool, prev[1])
            drop_at, back_since = a.meta.at, None
        elif drop_at is not None:
            back_since = (back_since or a.meta.at) if at_target else None
        prev = (a.tool, b)
    return _DropState(drop_at, back_since)


def assessment_due(patient: PatientSummary, now: datetime,
                   last_assessments: Iterable[EncephalopathyAssessment],
                   last_vitals_at: datetime | None,
                   settings: ScheduleSettings = DEFAULT_SCHEDULE) -> tuple[Due, ...]:
    """What is due for one patient at ``now`` (clinical-rules §6; CSCO-2024 §1.7): the baseline ICE / CAPD
    while missing, the next ICE / CAPD (8-hourly, tightened after a drop) and the next vital signs.

    ``last_assessments``: the patient's effective ICE / CAPD assessments in any order (at least those of the
    last ``back_at_baseline_period`` plus the baseline; all of them is fine). Records after ``now`` are
    ignored. Each `Due` says when, whether it is overdue, why (`DueReason`) and the source.
    """
    if patient.status is not PatientStatus.ADMITTED:
        return ()
    grace = settings.overdue_grace
    infusion = patient.infusion_at
    ordered = sorted((a for a in last_assessments if a.meta.at <= now),
                     key=lambda a: (a.meta.at, a.meta.record_id))
    last_tool = ordered[-1].tool if ordered else None
    kind = DueKind(encephalopathy_tool(patient, now, last_tool, settings).value.lower())
    out: list[Due] = []

    after_infusion = [a for a in ordered if a.meta.at >= infusion and not a.is_baseline]
    has_baseline = (any(a.is_baseline for a in ordered) or patient.baseline_ice is not None
                    or patient.baseline_capd is not None)
    if not has_baseline and not after_infusion:
        out.append(Due(kind, infusion, now > infusion + grace, DueReason.BASELINE, SOURCE_ICE_SCHEDULE))

    if now >= infusion:
        state = _drop_state(patient, ordered, settings)
        last = after_infusion[-1].meta.at if after_infusion else None
        anchor = last if last is not None else infusion
        if state.drop_at is None or last is None:
            interval, reason, source = settings.assessment_interval, DueReason.ROUTINE, SOURCE_ICE_SCHEDULE
        elif last < state.drop_at + settings.drop_close_period:
            interval, reason, source = settings.drop_close_interval, DueReason.AFTER_DROP_CLOSE, SOURCE_DROP
        else:
            interval, reason, source = settings.drop_follow_up_interval, DueReason.AFTER_DROP, SOURCE_DROP
        due_at = anchor + interval
        out.append(Due(kind, due_at, now > due_at + grace, reason, source, last, interval))

    if last_vitals_at is None:
        out.append(Due(DueKind.VITALS, now, True, DueReason.VITALS_NONE, SOURCE_VITALS))
    else:
        due_at = last_vitals_at + settings.vitals_max_interval
        out.append(Due(DueKind.VITALS, due_at, now > due_at + grace, DueReason.VITALS_ROUTINE,
                       SOURCE_VITALS, last_vitals_at, settings.vitals_max_interval))
    return tuple(out)


class AssessmentRow(Protocol):
    """What `census_due` reads from a stored assessment row (the store's flat record)."""

    id: int | None
    at: datetime
    tool: str
    score: int | None
    ice_unable: str | None
    capd_unable: bool
    is_baseline: bool


def _as_assessment(row: EncephalopathyAssessment | AssessmentRow) -> EncephalopathyAssessment:
    if isinstance(row, EncephalopathyAssessment):
        return row
    return EncephalopathyAssessment(
        meta=RecordMeta(record_id=row.id or 0, at=row.at, entered_by="", entered_at=row.at),
        tool=EncephalopathyTool(row.tool), ice_unable=IceUnable(row.ice_unable) if row.ice_unable else None,
        capd_unable=bool(row.capd_unable), is_baseline=bool(row.is_baseline), score=row.score)


def census_due(patient: PatientSummary, assessments: Iterable[EncephalopathyAssessment | AssessmentRow],
               now: datetime, tz: tzinfo | None = None,
               settings: ScheduleSettings = DEFAULT_SCHEDULE) -> tuple[datetime | None, bool, str]:
    """The census "Due" cell for ICE / CAPD: (next due time, overdue?, "ICE" | "CAPD"), from
    `assessment_due` (clinical-rules §6). Before infusion: the baseline while it is missing, else None.
    ``assessments``: core records or flat store rows (`AssessmentRow`); ``tz`` is not needed (instants)."""
    del tz
    records = [_as_assessment(a) for a in assessments]
    neuro = [d for d in assessment_due(patient, now, records, now, settings) if d.kind is not DueKind.VITALS]
    routine = [d for d in neuro if d.reason_code is not DueReason.BASELINE]
    chosen = routine[0] if routine else (neuro[0] if neuro else None)
    if chosen is None:
        last_tool = max(records, key=lambda a: a.meta.at).tool if records else None
        return None, False, encephalopathy_tool(patient, now, last_tool, settings).value
    return chosen.due_at, chosen.overdue, chosen.kind.value.upper()


def timeline_due(timeline: PatientTimeline, now: datetime,
                 settings: ScheduleSettings = DEFAULT_SCHEDULE) -> tuple[Due, ...]:
    """`assessment_due` from a built timeline (its assessments and its latest vital signs)."""
    last_vitals = next((v.meta.at for v in reversed(timeline.vitals) if v.meta.at <= now), None)
    return assessment_due(timeline.patient, now, timeline.encephalopathy, last_vitals, settings)


__all__ = [
    "DEFAULT_SCHEDULE",
    "AssessmentRow",
    "Due",
    "DueKind",
    "DueReason",
    "ScheduleSettings",
    "assessment_due",
    "badness",
    "census_due",
    "encephalopathy_tool",
    "timeline_due",
]
