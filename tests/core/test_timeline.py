"""The patient timeline: windows, fever masking, vasopressors running, daily maxima, episodes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_timeline_factory import (
    T0,
    at_,
    bolus,
    build,
    capd,
    every,
    h,
    ice,
    lab,
    med,
    meta,
    neuro,
    oxy,
    patient,
    vaso,
    vit,
)

from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.records import EpisodeKind, GradePoint, IechsGrade, MedicationKind, VasopressorEvent
from cartox_desk.core.results import IcansStatus
from cartox_desk.core.snapshot import (
    Consciousness,
    DoseRateUnit,
    OxygenDevice,
    OxygenSupport,
    Seizure,
    VasopressorDrug,
)
from cartox_desk.core.timeline import TimelineSettings, _sparse_window_best, build_timeline, window_best

NE = VasopressorDrug.NOREPINEPHRINE
PHE = VasopressorDrug.PHENYLEPHRINE
VP = VasopressorDrug.VASOPRESSIN
START, CHANGE, STOP = VasopressorEvent.START, VasopressorEvent.CHANGE, VasopressorEvent.STOP


# --- snapshot contents and grades at a point ---------------------------------------------------------


def test_fever_with_face_mask_is_crs_3_at_that_point() -> None:
    tl = build(vitals=[vit(h(0), 38.6), vit(h(2), 38.9)], oxygen=[oxy(h(2), OxygenDevice.FACE_MASK, 6.0)])
    assert at_(tl, h(0)).crs.grade == 1
    p = at_(tl, h(2))
    assert p.crs.grade == 3
    assert p.snapshot.temperature_c == 38.9
    assert p.snapshot.oxygen == OxygenSupport(OxygenDevice.FACE_MASK, 6.0)


def test_grade_point_is_exactly_the_core_grade_of_its_snapshot() -> None:
    tl = build(vitals=[vit(h(t), 38.0 + t / 10, 95 - t) for t in range(10)],
               oxygen=[oxy(h(3), OxygenDevice.NASAL_CANNULA, 4.0)],
               encephalopathy=[ice(h(1), 8)])
    for p in tl.grades:
        r = grade_snapshot(p.snapshot)
        assert p == GradePoint(at=p.at, snapshot=p.snapshot, crs=r.crs, icans=r.icans,
                               vasopressors=r.vasopressors)


def test_highest_temperature_in_the_window_is_graded() -> None:
    tl = build(vitals=[vit(h(0), 39.2), vit(h(1), 37.0), vit(h(2), 37.1)])
    assert at_(tl, h(2)).snapshot.temperature_c == 39.2
    assert at_(tl, h(2)).crs.grade == 1


def test_window_is_half_open_a_value_exactly_4_h_old_is_out() -> None:
    minute = timedelta(minutes=1)
    tl = build(vitals=[vit(h(0), 39.0), vit(h(4) - minute, 37.0), vit(h(4), 37.0)])
    assert at_(tl, h(4) - minute).snapshot.temperature_c == 39.0
    assert at_(tl, h(4)).snapshot.temperature_c == 37.0
    assert at_(tl, h(4)).crs.grade == 0


def test_window_lengths_are_settings() -> None:
    tl = build(vitals=[vit(h(0), 39.0), vit(h(5), 37.0)],
               settings=TimelineSettings(vitals_window=timedelta(hours=6)))
    assert at_(tl, h(5)).snapshot.temperature_c == 39.0


def test_comfort_oxygen_is_passed_but_not_graded_and_graded_oxygen_wins() -> None:
    tl = build(vitals=[vit(h(0), 38.5)], oxygen=[oxy(h(0), OxygenDevice.FACE_MASK, 5.0, comfort=True)])
    p = at_(tl, h(0))
    assert p.snapshot.oxygen == OxygenSupport(OxygenDevice.FACE_MASK, 5.0, for_comfort=True)
    assert p.crs.grade == 1
    assert any(d.code == "crs.oxygen.for_comfort" or "comfort" in d.code for d in p.crs.drivers)

    tl = build(vitals=[vit(h(1), 38.5)], oxygen=[oxy(h(0), OxygenDevice.NASAL_CANNULA, 3.0),
                                                   oxy(h(1), OxygenDevice.FACE_MASK, 5.0, comfort=True)])
    p = at_(tl, h(1))
    assert p.snapshot.oxygen == OxygenSupport(OxygenDevice.NASAL_CANNULA, 3.0)
    assert p.crs.grade == 2


def test_worst_device_in_the_window_ranks_by_hypoxia_grade_then_flow() -> None:
    tl = build(vitals=[vit(h(3), 38.5)],
               oxygen=[oxy(h(0), OxygenDevice.NASAL_CANNULA, 8.0),  # high flow: grade 3
                       oxy(h(1), OxygenDevice.BLOW_BY),
                       oxy(h(2), OxygenDevice.NASAL_CANNULA, 2.0)])
    p = at_(tl, h(3))
    assert p.snapshot.oxygen == OxygenSupport(OxygenDevice.NASAL_CANNULA, 8.0)
    assert p.crs.grade == 3


def test_oxygen_holds_until_the_next_oxygen_record() -> None:
    records = dict(vitals=[vit(h(t), 38.5) for t in (1, 8, 9, 10)],
                   oxygen=[oxy(h(0), OxygenDevice.FACE_MASK, 6.0), oxy(h(5), OxygenDevice.ROOM_AIR)])
    tl = build(**records)
    assert at_(tl, h(1)).crs.grade == 3
    assert at_(tl, h(8)).crs.grade == 3  # the mask ran until 5 h, inside (4 h, 8 h]
    assert at_(tl, h(9)).crs.grade == 1  # ended exactly 4 h ago: out
    assert at_(tl, h(9)).snapshot.oxygen == OxygenSupport(OxygenDevice.ROOM_AIR)

    no_room_air = dict(records, oxygen=[oxy(h(0), OxygenDevice.FACE_MASK, 6.0)])
    assert at_(build(**no_room_air), h(10)).crs.grade == 3
    points_only = build(settings=TimelineSettings(oxygen_persists=False), **no_room_air)
    assert at_(points_only, h(1)).crs.grade == 3
    assert at_(points_only, h(8)).crs.grade == 1


# --- vasopressors -------------------------------------------------------------------------------------


def test_vasopressor_counts_between_start_and_stop_only() -> None:
    tl = build(vitals=[vit(h(t), 38.5) for t in every(8, 26)],
               vasopressors=[vaso(h(10), NE, START, 5.0), vaso(h(20), NE, STOP)])
    grades = {t: at_(tl, h(t)).crs.grade for t in every(8, 26)}
    assert grades[8] == grades[9] == 1
    assert all(grades[t] == 3 for t in every(10, 23))  # running, or ran inside the last 4 h
    assert grades[24] == 1  # stopped exactly 4 h ago: out of (20 h, 24 h]
    assert at_(tl, h(15)).snapshot.vasopressors[0].dose == 5.0
    assert at_(tl, h(24)).snapshot.vasopressors == ()


def test_vasopressor_never_stopped_keeps_running() -> None:
    tl = build(vitals=[vit(h(0), 38.5), vit(h(30), 38.5)], vasopressors=[vaso(h(0), NE, START, 3.0)])
    assert at_(tl, h(30)).crs.grade == 3
    assert at_(tl, h(30)).snapshot.hypotension is True


def test_highest_dose_per_drug_in_the_window_each_drug_once() -> None:
    tl = build(vitals=[vit(h(t), 38.5) for t in (15, 19)],
               vasopressors=[vaso(h(10), NE, START, 5.0), vaso(h(12), NE, CHANGE, 10.0),
                             vaso(h(14), NE, CHANGE, 2.0)])
    assert [(i.drug, i.dose) for i in at_(tl, h(15)).snapshot.vasopressors] == [(NE, 10.0)]
    assert [(i.drug, i.dose) for i in at_(tl, h(19)).snapshot.vasopressors] == [(NE, 2.0)]
    assert at_(tl, h(15)).vasopressors.count == 1


def test_change_to_zero_is_a_stop_and_per_kg_doses_compare_by_weight() -> None:
    tl = build(vitals=[vit(h(t), 38.5) for t in (1, 6)],
               vasopressors=[vaso(h(0), NE, START, 0.1, DoseRateUnit.UG_PER_KG_PER_MIN),  # 7 µg/min at 70 kg
                             vaso(h(0.5), NE, CHANGE, 5.0),
                             vaso(h(1), NE, CHANGE, 0.0)])
    assert at_(tl, h(1)).snapshot.vasopressors[0].unit is DoseRateUnit.UG_PER_KG_PER_MIN
    assert at_(tl, h(6)).snapshot.vasopressors == ()


def test_two_vasopressors_grade_4_but_vasopressin_is_not_counted() -> None:
    two = build(vitals=[vit(h(1), 38.5)], vasopressors=[vaso(h(0), NE, START, 5.0),
                                                          vaso(h(0), PHE, START, 50.0)])
    assert at_(two, h(1)).crs.grade == 4
    with_vp = build(vitals=[vit(h(1), 38.5)],
                    vasopressors=[vaso(h(0), NE, START, 5.0),
                                  vaso(h(0), VP, START, 0.03, DoseRateUnit.UNITS_PER_MIN)])
    assert at_(with_vp, h(1)).crs.grade == 3


# --- hypotension --------------------------------------------------------------------------------------


def test_hypotension_from_adult_sbp_threshold_confirmation_or_setting() -> None:
    tl = build(vitals=[vit(h(0), 38.5, 89), vit(h(5), 38.5, 90), vit(h(10), 38.5, 120, confirmed=True)])
    assert at_(tl, h(0)).snapshot.hypotension and at_(tl, h(0)).crs.grade == 2
    assert not at_(tl, h(5)).snapshot.hypotension and at_(tl, h(5)).crs.grade == 1
    assert at_(tl, h(10)).snapshot.hypotension and at_(tl, h(10)).crs.grade == 2
    off = build(vitals=[vit(h(0), 38.5, 89)], settings=TimelineSettings(propose_hypotension_from_sbp=False))
    assert at_(off, h(0)).crs.grade == 1


def test_hypotension_lowest_sbp_in_window() -> None:
    tl = build(vitals=[vit(h(0), 38.5, 80), vit(h(3), 38.5, 120), vit(h(4), 38.5, 120)])
    assert at_(tl, h(3)).snapshot.hypotension
    assert not at_(tl, h(4)).snapshot.hypotension


@pytest.mark.parametrize(("age", "sbp", "expected"), [
    (5, 80, False),  # threshold 70 + 2 x 5 = 80: below, not equal
    (5, 79, True),
    (1, 71, True),  # 72
    (10.9, 89, True),  # whole years: 10 -> 90
    (11, 89, True),  # above 10: 90
    (0.5, 50, False),  # under 1 year: the rules give no number
    (None, 89, True),  # unknown age: the adult (most sensitive) threshold
])
def test_child_sbp_threshold(age: float | None, sbp: float, expected: bool) -> None:
    tl = build(patient(age_years=age), vitals=[vit(h(0), 38.5, sbp)])
    assert at_(tl, h(0)).snapshot.hypotension is expected


def test_fluid_bolus_proposes_hypotension_only_with_its_setting() -> None:
    records = dict(vitals=[vit(h(1), 38.5, 110)], fluid_boluses=[bolus(h(0))])
    assert at_(build(**records), h(1)).crs.grade == 1
    with_bolus = build(settings=TimelineSettings(bolus_implies_hypotension=True), **records)
    assert at_(with_bolus, h(1)).crs.grade == 2


# --- fever masking ------------------------------------------------------------------------------------


def test_tocilizumab_after_onset_masks_fever_hypotension_alone_still_grade_2() -> None:
    tl = build(vitals=[vit(h(0), 38.8, 120), vit(h(6), 37.0, 82)],
               medications=[med(h(1), MedicationKind.TOCILIZUMAB)])
    assert at_(tl, h(0)).crs.grade == 1
    assert at_(tl, h(0)).snapshot.fever_masked is False  # nothing given yet
    p = at_(tl, h(6))
    assert p.snapshot.fever_masked is True
    assert p.snapshot.temperature_c == 37.0
    assert p.crs.grade == 2


def test_antipyretic_before_onset_does_not_mask() -> None:
    tl = build(vitals=[vit(h(0), 38.8, 120), vit(h(6), 37.0, 82)],
               medications=[med(h(-1), MedicationKind.ANTIPYRETIC)])
    p = at_(tl, h(6))
    assert p.snapshot.fever_masked is False
    assert p.crs.grade == 0  # no fever, no masking: look for another cause


def test_drug_given_at_onset_masks_and_non_masking_drugs_do_not() -> None:
    at_onset = build(vitals=[vit(h(0), 38.8), vit(h(1)), vit(h(6), 37.0, 82)],
                     medications=[med(h(0), MedicationKind.DEXAMETHASONE)])
    assert at_(at_onset, h(0)).snapshot.fever_masked is False  # graded before the episode exists
    assert at_(at_onset, h(1)).snapshot.fever_masked is True  # nothing else changed since onset
    assert at_(at_onset, h(6)).crs.grade == 2
    other = build(vitals=[vit(h(0), 38.8), vit(h(6), 37.0, 82)],
                  medications=[med(h(1), MedicationKind.LEVETIRACETAM)])
    assert at_(other, h(6)).crs.grade == 0


def test_masking_ends_with_the_episode() -> None:
    # CRS with fever, tocilizumab, then afebrile and normotensive for > 24 h: resolved.
    vitals = [vit(h(0), 38.8, 120)] + [vit(h(t), 36.8, 120) for t in every(5, 40)]
    # A new fall in BP without fever after resolution is not CRS: the old tocilizumab no longer masks.
    vitals.append(vit(h(41), 36.9, 80))
    tl = build(vitals=vitals, medications=[med(h(1), MedicationKind.TOCILIZUMAB)])
    assert at_(tl, h(5)).snapshot.fever_masked is True
    assert at_(tl, h(28)).snapshot.fever_masked is True  # clean for 23 h: still the same episode
    assert at_(tl, h(29)).snapshot.fever_masked is False  # clean for 24 h since 5 h: resolved
    crs = [e for e in tl.episodes if e.kind is EpisodeKind.CRS]
    assert len(crs) == 1 and crs[0].resolved_at == h(5)
    p = at_(tl, h(41))
    assert p.snapshot.fever_masked is False
    assert p.crs.grade == 0


# --- ICANS --------------------------------------------------------------------------------------------


def test_icans_not_assessed_without_ice_in_12_h() -> None:
    minute = timedelta(minutes=1)
    tl = build(vitals=[vit(h(12) - minute, 37.0), vit(h(12), 37.0), vit(h(20), 37.0)],
               encephalopathy=[ice(h(0), 6)])
    assert at_(tl, h(0)).icans.grade == 2
    assert at_(tl, h(12) - minute).icans.grade == 2
    for t in (h(12), h(20)):  # exactly 12 h old is out, as for the vitals window
        assert at_(tl, t).icans.status is IcansStatus.NOT_ASSESSED
        assert at_(tl, t).icans.grade is None


def test_latest_ice_and_latest_neuro_exam_in_window() -> None:
    tl = build(encephalopathy=[ice(h(0), 5), ice(h(4), 10)],
               neuro_exams=[neuro(h(1), consciousness=Consciousness.AWAKENS_TO_VOICE, seizure=Seizure.NONE),
                            neuro(h(5), consciousness=Consciousness.ALERT, seizure=Seizure.NONE)])
    assert at_(tl, h(1)).icans.grade == 2
    assert at_(tl, h(4)).icans.grade == 2  # ICE 10, but the 1 h exam: awakens to voice
    assert at_(tl, h(5)).icans.grade == 0
    assert at_(tl, h(5)).snapshot.consciousness is Consciousness.ALERT


def test_child_capd_is_passed_and_age_weight_come_from_patient() -> None:
    child = patient(age_years=7, weight_kg=22.0)
    tl = build(child, encephalopathy=[capd(h(0), 10)])
    p = at_(tl, h(0))
    assert p.snapshot.capd is not None and p.snapshot.ice is None
    assert p.icans.grade == 3
    assert p.snapshot.weight_kg == 22.0
    assert p.snapshot.age_years == pytest.approx(7, abs=0.01)


# --- daily maxima -------------------------------------------------------------------------------------


def test_daily_max_across_local_midnight_in_shanghai() -> None:
    tz = ZoneInfo("Asia/Shanghai")  # UTC+8, no DST
    infusion = datetime(2026, 3, 2, 1, 0, tzinfo=tz)  # local 01:00 on 2 March: day 0
    p = patient(infusion_at=infusion)
    before_midnight = datetime(2026, 3, 2, 23, 59, tzinfo=tz)  # day 0
    after_midnight = datetime(2026, 3, 3, 0, 0, tzinfo=tz)  # day 1 (16:00 UTC on 2 March)
    tl = build(p, tz=tz,
               vitals=[vit(infusion, 37.0), vit(before_midnight - timedelta(hours=2), 38.4),
                       vit(before_midnight, 37.2), vit(after_midnight, 37.0),
                       vit(after_midnight + timedelta(hours=5), 37.0)],
               encephalopathy=[ice(before_midnight, 8)],
               labs=[lab(datetime(2026, 3, 4, 9, 0, tzinfo=tz))])
    days = {d.day: d for d in tl.daily_max}
    assert sorted(days) == [0, 1, 2]
    assert days[0].date == date(2026, 3, 2)
    assert days[0].crs_max == 1 and days[0].crs_max_at == (before_midnight - timedelta(hours=2))
    assert days[0].icans_max == 1 and days[0].icans_max_at == before_midnight
    # Local midnight is 16:00 UTC: the 4 h window at 00:00 still holds the 21:59 fever.
    assert days[1].crs_max == 1 and days[1].crs_max_at == after_midnight
    assert days[1].icans_max == 1  # the 23:59 ICE still counts at 00:00 (within 12 h)
    assert days[2].crs_max is None and days[2].icans_max is None  # only a lab that day
    assert all(g.at.tzinfo is UTC for g in tl.grades)


def test_daily_max_on_a_dst_day_in_berlin() -> None:
    tz = ZoneInfo("Europe/Berlin")  # 29 March 2026: 02:00 CET -> 03:00 CEST, a 23-hour day
    infusion = datetime(2026, 3, 28, 10, 0, tzinfo=tz)
    p = patient(infusion_at=infusion)
    late_on_29 = datetime(2026, 3, 29, 21, 30, tzinfo=UTC)  # 23:30 CEST on 29 March: day 1
    early_on_30 = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)  # 00:30 CEST on 30 March: day 2
    tl = build(p, tz=tz, vitals=[vit(infusion, 37.0), vit(late_on_29, 37.0), vit(early_on_30, 39.0)])
    days = {d.day: d for d in tl.daily_max}
    assert sorted(days) == [0, 1, 2]
    assert days[1].date == date(2026, 3, 29)
    assert days[1].crs_max == 0 and days[1].crs_max_at == late_on_29
    assert days[2].date == date(2026, 3, 30)
    assert days[2].crs_max == 1 and days[2].crs_max_at == early_on_30


def test_daily_max_reports_first_time_the_maximum_was_reached() -> None:
    tl = build(vitals=[vit(h(0), 37.0), vit(h(1), 38.5), vit(h(2), 38.6), vit(h(6), 37.0)])
    day0 = tl.daily_max[0]
    assert day0.crs_max == 1 and day0.crs_max_at == h(1)
    assert day0.icans_max is None and day0.icans_max_at is None


# --- episodes -----------------------------------------------------------------------------------------


def _crs_course() -> dict[str, list]:
    """Fever from 0 h, face mask 5-10 h (grade 3), afebrile on room air from 14 h (window end)."""
    return dict(
        vitals=[vit(h(t), 38.6 if t <= 10 else 36.9, 120) for t in every(0, 60)],
        oxygen=[oxy(h(5), OxygenDevice.NASAL_CANNULA, 2.0), oxy(h(6), OxygenDevice.FACE_MASK, 6.0),
                oxy(h(10), OxygenDevice.ROOM_AIR)],
    )


def test_crs_episode_onset_peak_and_resolution() -> None:
    tl = build(**_crs_course())
    crs = [e for e in tl.episodes if e.kind is EpisodeKind.CRS]
    assert len(crs) == 1
    e = crs[0]
    assert e.onset_at == h(0)
    assert (e.peak_grade, e.peak_at) == (3, h(6))
    assert e.resolved_at == h(14)  # the start of the first 24 h at grade 0 without fever


def test_fever_inside_the_24_h_postpones_resolution() -> None:
    course = _crs_course()
    course["vitals"] = [v if v.meta.at != h(30) else vit(h(30), 38.2, 120) for v in course["vitals"]]
    crs = [e for e in build(**course).episodes if e.kind is EpisodeKind.CRS]
    assert len(crs) == 1  # the fever at 30 h continues the same episode
    assert crs[0].resolved_at == h(34)


def test_new_episode_after_resolution() -> None:
    course = _crs_course()
    course["vitals"] = course["vitals"] + [vit(h(70), 38.9, 85)]
    crs = [e for e in build(**course).episodes if e.kind is EpisodeKind.CRS]
    assert [(e.onset_at, e.peak_grade, e.resolved_at) for e in crs] == [(h(0), 3, h(14)),
                                                                         (h(70), 2, None)]


def test_resolution_needs_24_h_of_time_not_only_of_records() -> None:
    records = dict(vitals=[vit(h(0), 38.6), vit(h(5), 37.0)])
    unresolved = build(generated_at=h(28), **records)
    assert [e.resolved_at for e in unresolved.episodes] == [None]
    resolved = build(generated_at=h(29), **records)  # 24 h after the first clean point (5 h)
    assert [e.resolved_at for e in resolved.episodes] == [h(5)]


def test_icans_episode() -> None:
    assessments = [ice(h(t), 10) for t in (0, 8, 16)] + [ice(h(24), 6), ice(h(32), 2), ice(h(40), 9)]
    assessments += [ice(h(t), 10) for t in every(48, 96, 8)]
    tl = build(encephalopathy=assessments)
    icans = [e for e in tl.episodes if e.kind is EpisodeKind.ICANS]
    assert [(e.onset_at, e.peak_grade, e.peak_at, e.resolved_at) for e in icans] == [
        (h(24), 3, h(32), h(48))]
    assert not [e for e in tl.episodes if e.kind is EpisodeKind.CRS]


# --- order, memoisation, empty ------------------------------------------------------------------------


def test_input_order_does_not_matter_and_lists_are_sorted() -> None:
    course = _crs_course()
    course["medications"] = [med(h(3), MedicationKind.TOCILIZUMAB), med(h(2), MedicationKind.ANTIPYRETIC)]
    forward = build(**course)
    backward = build(**{k: list(reversed(v)) for k, v in course.items()})
    assert forward == backward
    assert [v.meta.at for v in backward.vitals] == sorted(v.meta.at for v in backward.vitals)


def test_grading_is_memoised_per_distinct_snapshot() -> None:
    calls = []

    def counting(snapshot):  # type: ignore[no-untyped-def]
        calls.append(snapshot)
        return grade_snapshot(snapshot)

    tl = build_timeline(patient(), UTC, h(100), vitals=[vit(h(t / 60), 37.0, 120) for t in range(600)],
                        grader=counting)
    assert len(tl.grades) == 600
    assert len(calls) == len(set(calls)) == 1  # one distinct snapshot: graded once, shared
    assert len({id(g.snapshot) for g in tl.grades}) == 1


def test_empty_timeline() -> None:
    tl = build()
    assert tl.grades == () and tl.daily_max == () and tl.episodes == ()


def test_naive_times_are_refused() -> None:
    naive = datetime(2026, 3, 2, 3, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        build(vitals=[replace(vit(h(0), 37.0), meta=replace(vit(h(0)).meta, at=naive))])


def test_infusion_day_is_day_0_in_the_timeline() -> None:
    tl = build(vitals=[vit(T0 - timedelta(days=3), 37.0), vit(T0, 37.0)])
    assert [d.day for d in tl.daily_max] == [-3, -2, -1, 0]


# --- the sliding windows against a brute-force reference ----------------------------------------------

_entry_lists = st.lists(
    st.tuples(st.integers(0, 200), st.integers(0, 30), st.integers(0, 5)), max_size=40,
).map(lambda raw: _as_entries(raw))


def _as_entries(raw: list[tuple[int, int, int]]) -> list[tuple[float, float, int, int]]:
    """Sequential entries: sorted starts, each ending at or after its start, ends non-decreasing."""
    out: list[tuple[float, float, int, int]] = []
    last_end = 0.0
    for i, (start, length, key) in enumerate(sorted(raw)):
        end = max(float(start + length), last_end)
        last_end = end
        out.append((float(start), end, key, i))
    return out


def _brute(times: list[float], entries: list[tuple[float, float, int, int]], window: float) -> list:
    out = []
    for t in times:
        live = [e for e in entries if e[0] <= t and e[1] > t - window]
        best = None
        for e in live:
            if best is None or e[2] >= best[2]:
                best = e
        out.append(None if best is None else best[3])
    return out


@given(_entry_lists, st.lists(st.integers(0, 260), min_size=1, max_size=60).map(sorted),
       st.integers(1, 40))
def test_window_best_matches_brute_force(entries, times, window) -> None:  # type: ignore[no-untyped-def]
    times_f = [float(t) for t in times]
    expected = _brute(times_f, entries, float(window))
    assert window_best(times_f, entries, float(window)) == expected
    assert _sparse_window_best(times_f, entries, float(window)) == expected


@given(st.lists(st.tuples(st.integers(0, 24 * 60), st.floats(35.0, 41.0), st.integers(60, 140)),
                min_size=1, max_size=60))
def test_timeline_snapshot_matches_brute_force(raw) -> None:  # type: ignore[no-untyped-def]
    vitals = [vit(h(m / 60), round(temp, 1), sbp) for m, temp, sbp in raw]
    tl = build(vitals=vitals)
    window = timedelta(hours=4)
    for p in tl.grades:
        live = [v for v in vitals if p.at - window < v.meta.at <= p.at]
        assert p.snapshot.temperature_c == max(v.temperature_c for v in live)  # type: ignore[type-var]
        assert p.snapshot.hypotension == (min(v.systolic_bp_mmhg for v in live) < 90)  # type: ignore[type-var]


_HOURS = st.integers(0, 96).map(lambda x: x / 2)


@given(
    st.lists(st.tuples(_HOURS, st.sampled_from([None, 36.8, 38.0, 39.1]), st.sampled_from([None, 80, 120])),
             min_size=1, max_size=40),
    st.lists(st.tuples(_HOURS, st.sampled_from(list(OxygenDevice)), st.booleans()), max_size=4),
    st.lists(st.tuples(_HOURS, st.sampled_from([START, CHANGE, STOP]), st.sampled_from([NE, PHE])),
             max_size=4),
    st.lists(st.tuples(_HOURS, st.integers(0, 10)), max_size=6),
    st.lists(st.tuples(_HOURS, st.sampled_from(list(MedicationKind))), max_size=3),
)
def test_each_point_equals_the_last_point_of_the_timeline_cut_there(vit_raw, oxy_raw, vaso_raw, ice_raw,
                                                                    med_raw) -> None:  # type: ignore[no-untyped-def]
    """Windows look back only, so the grade at t is the grade of the timeline holding records up to t."""
    records = dict(
        vitals=[vit(h(x), temp, sbp) for x, temp, sbp in vit_raw],
        oxygen=[oxy(h(x), dev, 4.0, comfort) for x, dev, comfort in oxy_raw],
        vasopressors=[vaso(h(x), drug, ev, None if ev is STOP else 5.0) for x, ev, drug in vaso_raw],
        encephalopathy=[ice(h(x), score) for x, score in ice_raw],
        medications=[med(h(x), kind) for x, kind in med_raw],
    )
    settings = TimelineSettings(crs_resolution=timedelta(hours=6), icans_resolution=timedelta(hours=6))
    full = build(settings=settings, **records)
    for point in full.grades[:: max(1, len(full.grades) // 8)]:
        cut = {k: [r for r in v if r.meta.at <= point.at] for k, v in records.items()}
        assert build(settings=settings, generated_at=point.at, **cut).grades[-1] == point


def test_iechs_grades_are_carried_in_time_then_id_order_and_grade_nothing() -> None:
    late, early = IechsGrade(meta(h(30)), 2), IechsGrade(meta(h(10)), 1)
    resolved = IechsGrade(meta(h(30)), 0)  # the same instant as `late`, a larger id
    tl = build(vitals=[vit(h(1), 38.5)], iechs_grades=[resolved, late, early])
    assert tl.iechs_grades == (early, late, resolved)
    plain = build(vitals=[vit(h(1), 38.5)])
    assert (tl.grades, tl.daily_max, tl.episodes) == (plain.grades, plain.daily_max, plain.episodes)
    assert tl.iechs_grade_at(h(31)) is resolved and tl.iechs_grade_at(h(9)) is None
