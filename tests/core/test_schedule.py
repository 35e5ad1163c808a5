"""What is due / overdue (clinical-rules §6): baseline, 8-hourly, tightened after a drop, vitals, tool."""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_timeline_factory import T0, build, capd, h, ice, patient, vit

from cartox_desk.core.records import PatientStatus
from cartox_desk.core.schedule import (
    Due,
    DueKind,
    DueReason,
    ScheduleSettings,
    assessment_due,
    census_due,
    encephalopathy_tool,
    timeline_due,
)
from cartox_desk.core.snapshot import EncephalopathyTool, IceUnable

MIN = timedelta(minutes=1)


def _neuro(dues: tuple[Due, ...]) -> list[Due]:
    return [d for d in dues if d.kind is not DueKind.VITALS and d.reason_code is not DueReason.BASELINE]


def _next(dues: tuple[Due, ...]) -> Due:
    found = _neuro(dues)
    assert len(found) == 1, dues
    return found[0]


def _baseline(dues: tuple[Due, ...]) -> list[Due]:
    return [d for d in dues if d.reason_code is DueReason.BASELINE]


# --- baseline -----------------------------------------------------------------------------------------


def test_baseline_due_before_infusion_then_overdue() -> None:
    p = patient()
    before = assessment_due(p, h(-2), [], h(-2))
    [b] = _baseline(before)
    assert (b.kind, b.due_at, b.overdue) == (DueKind.ICE, T0, False)
    assert "§1.7" in b.source and "clinical-rules §6" in b.source
    assert _neuro(before) == []  # nothing routine before infusion
    [late] = _baseline(assessment_due(p, h(0) + MIN, [], h(0)))
    assert late.overdue


def test_baseline_done_or_recorded_is_not_due() -> None:
    p = patient()
    assert _baseline(assessment_due(p, h(-1), [ice(h(-3), 10, baseline=True)], h(-1))) == []
    from dataclasses import replace
    assert _baseline(assessment_due(replace(p, baseline_ice=9), h(-1), [], h(-1))) == []
    # Once assessments after infusion exist, a missing baseline is no longer due.
    assert _baseline(assessment_due(p, h(3), [ice(h(1), 10)], h(3))) == []


# --- routine 8-hourly -----------------------------------------------------------------------------------


def test_every_8_h_from_infusion() -> None:
    p = patient(baseline_ice=10)
    first = _next(assessment_due(p, h(1), [ice(h(-3), 10, baseline=True)], h(1)))
    assert (first.kind, first.due_at, first.overdue, first.reason_code) == (
        DueKind.ICE, h(8), False, DueReason.ROUTINE)
    after = _next(assessment_due(p, h(9), [ice(h(-3), 10, baseline=True), ice(h(8.5), 10)], h(9)))
    assert after.due_at == h(16.5) and after.last_at == h(8.5) and after.interval == timedelta(hours=8)


def test_overdue_flag_and_grace() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(0), 10)]
    assert not _next(assessment_due(p, h(8), records, h(8))).overdue  # exactly at due time: not yet
    assert _next(assessment_due(p, h(8) + MIN, records, h(8))).overdue
    lenient = ScheduleSettings(overdue_grace=timedelta(minutes=15))
    assert not _next(assessment_due(p, h(8) + 10 * MIN, records, h(8), lenient)).overdue


def test_interval_is_a_setting() -> None:
    p = patient(baseline_ice=10)
    due = _next(assessment_due(p, h(1), [ice(h(0), 10)], h(1), ScheduleSettings(
        assessment_interval=timedelta(hours=6))))
    assert due.due_at == h(6)


def test_future_records_are_ignored() -> None:
    p = patient(baseline_ice=10)
    due = _next(assessment_due(p, h(1), [ice(h(0), 10), ice(h(5), 4)], h(1)))
    assert (due.due_at, due.reason_code) == (h(8), DueReason.ROUTINE)


# --- tightened after a drop -----------------------------------------------------------------------------


def test_drop_tightens_to_30_min_for_2_h_then_4_hourly() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(-3), 10, baseline=True), ice(h(8), 10), ice(h(16), 7)]  # drop at 16 h
    d = _next(assessment_due(p, h(16.1), records, h(16)))
    assert (d.due_at, d.reason_code) == (h(16.5), DueReason.AFTER_DROP_CLOSE)
    assert d.interval == timedelta(minutes=30)
    assert "clinical-rules §6" in d.source
    records += [ice(h(16) + 30 * MIN * k, 7) for k in range(1, 4)]  # 16:30, 17:00, 17:30
    d = _next(assessment_due(p, h(17.6), records, h(17)))
    assert (d.due_at, d.reason_code) == (h(18), DueReason.AFTER_DROP_CLOSE)
    records.append(ice(h(18), 8))  # 2 h after the drop: from now on every 4 h
    d = _next(assessment_due(p, h(18.1), records, h(18)))
    assert (d.due_at, d.reason_code, d.interval) == (h(22), DueReason.AFTER_DROP, timedelta(hours=4))
    assert _next(assessment_due(p, h(22) + MIN, records, h(22))).overdue


def test_further_drop_restarts_the_30_minute_phase() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(0), 10), ice(h(8), 7), ice(h(12), 7), ice(h(16), 5)]
    d = _next(assessment_due(p, h(16.1), records, h(16)))
    assert (d.due_at, d.reason_code) == (h(16.5), DueReason.AFTER_DROP_CLOSE)


def test_back_to_8_hourly_after_24_h_at_baseline() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(0), 10), ice(h(8), 6)] + [ice(h(8) + 30 * MIN * k, 6) for k in range(1, 5)]
    records += [ice(h(t), 10) for t in (14, 18, 22, 26, 30, 34)]  # back at baseline from 14 h
    d = _next(assessment_due(p, h(34.1), records, h(34)))
    assert (d.due_at, d.reason_code) == (h(38), DueReason.AFTER_DROP)  # 20 h at baseline: not yet
    records.append(ice(h(38), 10))  # 24 h at baseline, confirmed
    d = _next(assessment_due(p, h(38.1), records, h(38)))
    assert (d.due_at, d.reason_code) == (h(46), DueReason.ROUTINE)


def test_improvement_short_of_baseline_keeps_4_hourly_and_a_relapse_resets_the_24_h() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(0), 10), ice(h(8), 6), ice(h(12), 9), ice(h(16), 10), ice(h(20), 9),
               ice(h(24), 10), ice(h(28), 10), ice(h(32), 10), ice(h(36), 10), ice(h(40), 10)]
    # 9 after 6 is better, not a drop; 9 after 10 (at 20 h) is a drop: 30-minute phase again.
    d = _next(assessment_due(p, h(20.1), records[:5], h(20)))
    assert d.reason_code is DueReason.AFTER_DROP_CLOSE
    # Back at baseline since 24 h; at 40 h only 16 h: still 4-hourly.
    d = _next(assessment_due(p, h(40.1), records, h(40)))
    assert (d.due_at, d.reason_code) == (h(44), DueReason.AFTER_DROP)
    records += [ice(h(44), 10), ice(h(48), 10)]
    assert _next(assessment_due(p, h(48.1), records, h(48))).reason_code is DueReason.ROUTINE


def test_without_recorded_baseline_the_score_before_the_drop_is_the_target() -> None:
    p = patient()  # no baseline ICE anywhere
    records = [ice(h(1), 8), ice(h(9), 6)] + [ice(h(t), 8) for t in (13, 17, 21, 25, 29, 33, 37)]
    d = _next(assessment_due(p, h(37.1), records, h(37)))
    assert (d.due_at, d.reason_code) == (h(45), DueReason.ROUTINE)  # 8 since 13 h: 24 h at 37 h


def test_unable_is_a_drop() -> None:
    p = patient(baseline_ice=10)
    records = [ice(h(0), 10), ice(h(8), None, unable=IceUnable.UNAROUSABLE)]
    assert _next(assessment_due(p, h(8.1), records, h(8))).reason_code is DueReason.AFTER_DROP_CLOSE


def test_capd_drop_is_a_higher_score() -> None:
    child = patient(age_years=6, baseline_capd=0)
    records = [capd(h(0), 0), capd(h(8), 5)]
    d = _next(assessment_due(child, h(8.1), records, h(8)))
    assert (d.kind, d.reason_code) == (DueKind.CAPD, DueReason.AFTER_DROP_CLOSE)
    better = [capd(h(0), 5), capd(h(8), 2)]
    assert _next(assessment_due(child, h(8.1), better, h(8))).reason_code is DueReason.ROUTINE


# --- tool -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("age", "delay", "expected"), [
    (7, False, EncephalopathyTool.CAPD),
    (12, False, EncephalopathyTool.CAPD),  # "12 or under" includes 12
    (12.9, False, EncephalopathyTool.CAPD),
    (13, False, EncephalopathyTool.ICE),
    (40, True, EncephalopathyTool.CAPD),  # developmental delay
    (None, False, EncephalopathyTool.ICE),
])
def test_tool_choice(age: float | None, delay: bool, expected: EncephalopathyTool) -> None:
    assert encephalopathy_tool(patient(age_years=age, developmental_delay=delay), h(0)) is expected


def test_child_gets_capd_and_a_12_year_old_on_ice_stays_on_ice() -> None:
    child = patient(age_years=7)
    [b] = _baseline(assessment_due(child, h(-1), [], h(-1)))
    assert b.kind is DueKind.CAPD
    twelve = patient(age_years=12.5)
    assert _next(assessment_due(twelve, h(1), [capd(h(0), 0)], h(1))).kind is DueKind.CAPD
    assert _next(assessment_due(twelve, h(1), [ice(h(0), 10)], h(1))).kind is DueKind.ICE
    assert encephalopathy_tool(patient(age_years=8), h(0), EncephalopathyTool.ICE) is EncephalopathyTool.CAPD


# --- vitals ---------------------------------------------------------------------------------------------


def test_vitals_at_least_twice_a_day() -> None:
    p = patient(baseline_ice=10)
    [v] = [d for d in assessment_due(p, h(13), [], h(1)) if d.kind is DueKind.VITALS]
    assert (v.due_at, v.overdue, v.reason_code) == (h(13), False, DueReason.VITALS_ROUTINE)
    assert "CSCO-2024 §1.7" in v.source
    [v] = [d for d in assessment_due(p, h(13) + MIN, [], h(1)) if d.kind is DueKind.VITALS]
    assert v.overdue


def test_no_vitals_recorded_is_due_now_and_overdue() -> None:
    [v] = [d for d in assessment_due(patient(), h(2), [], None) if d.kind is DueKind.VITALS]
    assert (v.due_at, v.overdue, v.reason_code) == (h(2), True, DueReason.VITALS_NONE)


def test_discharged_or_deceased_patients_have_nothing_due() -> None:
    for status in (PatientStatus.DISCHARGED, PatientStatus.DECEASED):
        assert assessment_due(patient(status=status), h(100), [], None) == ()


def test_timeline_due_uses_the_timeline_records() -> None:
    tl = build(patient(baseline_ice=10), vitals=[vit(h(0), 37.0), vit(h(6), 37.0), vit(h(30), 37.0)],
               encephalopathy=[ice(h(2), 10)])
    dues = timeline_due(tl, h(7))
    assert _next(dues).due_at == h(10)
    [v] = [d for d in dues if d.kind is DueKind.VITALS]
    assert v.last_at == h(6)  # the 30 h record is in the future at 7 h


# --- the census hook --------------------------------------------------------------------------------------


def test_census_due_reads_core_records_and_flat_store_rows() -> None:
    from types import SimpleNamespace

    p = patient(baseline_ice=10)
    rows = [SimpleNamespace(id=1, at=h(0), tool="ICE", score=10, ice_unable=None, capd_unable=False,
                            is_baseline=False),
            SimpleNamespace(id=2, at=h(8), tool="ICE", score=6, ice_unable=None, capd_unable=False,
                            is_baseline=False)]
    assert census_due(p, rows, h(8.1)) == (h(8.5), False, "ICE")
    assert census_due(p, rows, h(9)) == (h(8.5), True, "ICE")
    assert census_due(p, [ice(h(0), 10)], h(1)) == (h(8), False, "ICE")
    assert census_due(p, [], h(-5)) == (None, False, "ICE")  # before infusion, baseline recorded
    child = patient(age_years=5)
    assert census_due(child, [], h(-5)) == (T0, False, "CAPD")  # baseline CAPD due at infusion
