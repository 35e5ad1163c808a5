"""Pure chart series over hand-built timelines (issue 5): day arithmetic, gaps, steps, strips, units."""

from __future__ import annotations

import math
from datetime import timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_series_fixtures import (
    BERLIN,
    SHANGHAI,
    amended,
    bolus,
    capd,
    demo_timeline,
    grade,
    ice,
    intervention,
    lab,
    local,
    med,
    oxygen,
    timeline,
    vaso,
    vitals,
)

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import InterventionKind, MedicationKind, VasopressorEvent
from cartox_desk.core.series import (
    CROSS_PANEL_MARKERS,
    DEFAULT_LABS,
    MarkerKind,
    RangePreset,
    SeriesCode,
    build_chart_series,
    lab_code,
    oxygen_level,
    visible_range_preset,
)
from cartox_desk.core.snapshot import DoseRateUnit, IceUnable, OxygenDevice, VasopressorDrug

NE = VasopressorDrug.NOREPINEPHRINE


def finite(xs: object) -> list[float]:
    return [v for v in xs if not math.isnan(v)]  # type: ignore[attr-defined]


# --- day arithmetic -------------------------------------------------------------------------------


def test_x_is_days_since_local_midnight_of_the_infusion_day_in_shanghai() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 22, 0)  # late-evening infusion: day 0 still runs from midnight
    tl = timeline(inf, SHANGHAI, vitals=[
        vitals(local(SHANGHAI, 2026, 11, 10, 23, 30), temperature_c=37.0),  # day 0
        vitals(local(SHANGHAI, 2026, 11, 11, 0, 30), temperature_c=37.2),  # after midnight: day +1
        vitals(local(SHANGHAI, 2026, 11, 5, 12, 0), temperature_c=36.8),  # lymphodepletion: day -5
    ])
    cs = build_chart_series(tl)
    xs = [x for x, _y in cs.vitals[SeriesCode.TEMPERATURE].finite_points()]  # sorted, gap NaN left out
    assert xs == pytest.approx([-5 + 0.5, 23.5 / 24, 1 + 0.5 / 24])
    assert cs.infusion_x == pytest.approx(22 / 24)
    assert cs.wall_clock(xs[2]).strftime("%Y-%m-%d %H:%M") == "2026-11-11 00:30"


def test_utc_instants_land_on_the_ward_calendar_day() -> None:
    utc = ZoneInfo("UTC")
    inf = local(utc, 2026, 11, 10, 2, 0)  # 10:00 in Shanghai on 10 Nov
    tl = timeline(inf, SHANGHAI, vitals=[vitals(local(utc, 2026, 11, 10, 17, 0), heart_rate_per_min=80)])
    # 17:00 UTC = 01:00 on 11 Nov in Shanghai: day +1, one hour in.
    assert build_chart_series(tl).vitals[SeriesCode.HEART_RATE].xs[0] == pytest.approx(1 + 1 / 24)


def test_berlin_dst_change_keeps_day_boundaries_on_the_wall_clock() -> None:
    inf = local(BERLIN, 2026, 10, 24, 9, 0)  # DST ends 25 Oct 2026 03:00 → 02:00 (a 25-hour day +1)
    tl = timeline(inf, BERLIN, vitals=[
        vitals(local(BERLIN, 2026, 10, 25, 23, 0), heart_rate_per_min=90),  # day +1, 23:00 wall clock
        vitals(local(BERLIN, 2026, 10, 26, 0, 0), heart_rate_per_min=91),  # day +2 starts at x = 2 exactly
    ])
    xs = list(build_chart_series(tl).vitals[SeriesCode.HEART_RATE].xs)
    assert xs == pytest.approx([1 + 23 / 24, 2.0])
    assert [tl.day(v.meta.at) for v in tl.vitals] == [int(x) for x in xs]


def test_berlin_spring_forward_day_zero() -> None:
    inf = local(BERLIN, 2026, 3, 29, 1, 0)  # DST starts 29 Mar 2026 02:00 → 03:00
    at = local(BERLIN, 2026, 3, 29, 4, 0)
    tl = timeline(inf, BERLIN, vitals=[vitals(at, heart_rate_per_min=70)])
    assert build_chart_series(tl).vitals[SeriesCode.HEART_RATE].xs[0] == pytest.approx(4 / 24)


# --- vitals, gaps, amendments, units --------------------------------------------------------------


def test_a_gap_longer_than_the_threshold_breaks_the_line() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    t0 = local(SHANGHAI, 2026, 11, 10, 12, 0)
    tl = timeline(inf, vitals=[vitals(t0, temperature_c=37.0),
                               vitals(t0 + timedelta(hours=4), temperature_c=37.5),
                               vitals(t0 + timedelta(hours=4 + 13), temperature_c=38.2),  # 13 h silence
                               vitals(t0 + timedelta(hours=4 + 13 + 12), temperature_c=38.0)])  # 12 h: kept
    s = build_chart_series(tl, vitals_gap_h=12).vitals[SeriesCode.TEMPERATURE]
    assert len(s) == 5
    assert math.isnan(s.ys[2]) and not any(math.isnan(y) for i, y in enumerate(s.ys) if i != 2)
    assert s.xs[1] < s.xs[2] < s.xs[3]
    assert [y for _x, y in s.finite_points()] == [37.0, 37.5, 38.2, 38.0]


def test_amended_values_appear_as_the_effective_version_only() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    original = vitals(local(SHANGHAI, 2026, 11, 11, 8, 0), temperature_c=39.9, heart_rate_per_min=120)
    fixed = amended(original, temperature_c=37.9)
    # The store hands over effective versions only: the amendment stands where the original stood.
    tl = timeline(inf, vitals=[fixed])
    cs = build_chart_series(tl)
    assert list(cs.vitals[SeriesCode.TEMPERATURE].ys) == [37.9]
    assert list(cs.vitals[SeriesCode.HEART_RATE].ys) == [120]
    assert cs.vitals[SeriesCode.TEMPERATURE].xs[0] == pytest.approx(1 + 8 / 24)


def test_temperature_in_fahrenheit_converts_values_and_the_fever_line() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    tl = timeline(inf, vitals=[vitals(local(SHANGHAI, 2026, 11, 11, 8, 0), temperature_c=38.0)])
    c = build_chart_series(tl)
    f = build_chart_series(tl, temperature_unit="F")
    assert c.vitals[SeriesCode.TEMPERATURE].unit == "Cel"
    assert f.vitals[SeriesCode.TEMPERATURE].unit == "[degF]"
    assert f.vitals[SeriesCode.TEMPERATURE].ys[0] == pytest.approx(100.4)
    fever = {t.code: t for t in f.thresholds}["fever"]
    assert fever.value == pytest.approx(100.4) and fever.unit == "[degF]"
    assert {t.code: t for t in c.thresholds}["fever"].value == 38.0


def test_mean_bp_is_taken_as_measured_or_estimated_from_sbp_and_dbp() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    t = local(SHANGHAI, 2026, 11, 11, 8, 0)
    tl = timeline(inf, vitals=[vitals(t, systolic_bp_mmhg=90, diastolic_bp_mmhg=60),
                               vitals(t + timedelta(hours=1), systolic_bp_mmhg=90, diastolic_bp_mmhg=60,
                                      mean_bp_mmhg=75)])
    s = build_chart_series(tl).vitals[SeriesCode.MEAN_BP]
    assert list(s.ys) == pytest.approx([70.0, 75.0]) and s.unit == "mm[Hg]"


# --- vasopressors ---------------------------------------------------------------------------------


def test_ne_equivalent_steps_from_start_change_and_stop() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d2 = local(SHANGHAI, 2026, 11, 12, 0, 0)
    tl = timeline(inf, now=d2 + timedelta(days=1), vasopressors=[
        vaso(d2 + timedelta(hours=6), NE, VasopressorEvent.START, 5),
        vaso(d2 + timedelta(hours=9), NE, VasopressorEvent.CHANGE, 12),
        vaso(d2 + timedelta(hours=10), VasopressorDrug.VASOPRESSIN, VasopressorEvent.START, 0.03,
             DoseRateUnit.UNITS_PER_MIN),
        vaso(d2 + timedelta(hours=12), VasopressorDrug.PHENYLEPHRINE, VasopressorEvent.START, 100),
        vaso(d2 + timedelta(hours=15), VasopressorDrug.PHENYLEPHRINE, VasopressorEvent.STOP, None),
        vaso(d2 + timedelta(hours=18), NE, VasopressorEvent.STOP, None),
    ])
    s = build_chart_series(tl).ne_equivalent
    assert s.unit == "ug/min"
    assert list(s.edges) == pytest.approx([2 + h / 24 for h in (6, 9, 10, 12, 15, 18, 24)])
    # vasopressin is not converted; phenylephrine counts a tenth.
    assert list(s.values) == pytest.approx([5, 12, 12, 22, 12, 0])
    assert len(s.edges) == len(s.values) + 1
    assert s.value_at(2 + 13 / 24) == pytest.approx(22)
    assert ("vasopressin", "0.03 U/min") in s.params[3]


def test_ne_equivalent_converts_per_kg_doses_with_the_weight_and_dopamine_per_kg() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    t = local(SHANGHAI, 2026, 11, 12, 6, 0)
    recs = [vaso(t, NE, VasopressorEvent.START, 0.1, DoseRateUnit.UG_PER_KG_PER_MIN),  # 0.1 x 80 = 8
            vaso(t + timedelta(hours=1), VasopressorDrug.DOPAMINE, VasopressorEvent.START, 10,
                 DoseRateUnit.UG_PER_KG_PER_MIN),  # 10 / 2 = 5
            vaso(t + timedelta(hours=2), VasopressorDrug.EPINEPHRINE, VasopressorEvent.START, 2)]
    s = build_chart_series(timeline(inf, weight_kg=80, vasopressors=recs)).ne_equivalent
    assert list(s.values) == pytest.approx([8, 13, 15])
    # No weight: a per-kg dose cannot be converted → unknown (NaN), never a made-up number.
    unknown = build_chart_series(timeline(inf, weight_kg=None, vasopressors=recs[:1])).ne_equivalent
    assert math.isnan(unknown.values[0])


def test_no_vasopressor_gives_an_empty_step_series() -> None:
    s = build_chart_series(timeline(local(SHANGHAI, 2026, 11, 10, 10, 0))).ne_equivalent
    assert len(s) == 0 and len(s.edges) == 0


# --- oxygen ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("device", "flow", "level"), [
    (OxygenDevice.ROOM_AIR, None, 0),
    (OxygenDevice.BLOW_BY, None, 1),
    (OxygenDevice.NASAL_CANNULA, 6.0, 1),
    (OxygenDevice.NASAL_CANNULA, 6.1, 2),
    (OxygenDevice.NASAL_CANNULA, None, 1),
    (OxygenDevice.FACE_MASK, 5.0, 2),
    (OxygenDevice.NON_REBREATHER, 15.0, 2),
    (OxygenDevice.VENTURI, 8.0, 2),
    (OxygenDevice.CPAP, None, 3),
    (OxygenDevice.BIPAP, None, 3),
    (OxygenDevice.MECHANICAL_VENTILATION, None, 3),
])
def test_oxygen_support_level(device: OxygenDevice, flow: float | None, level: int) -> None:
    assert oxygen_level(device, flow) == level


def test_oxygen_steps_with_flow_and_device_in_the_hover_params() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d1 = local(SHANGHAI, 2026, 11, 11, 0, 0)
    tl = timeline(inf, now=d1 + timedelta(hours=12), oxygen=[
        oxygen(d1 + timedelta(hours=1), OxygenDevice.NASAL_CANNULA, 4),
        oxygen(d1 + timedelta(hours=3), OxygenDevice.NASAL_CANNULA, 10),
        oxygen(d1 + timedelta(hours=5), OxygenDevice.BIPAP),
        oxygen(d1 + timedelta(hours=8), OxygenDevice.ROOM_AIR),
        oxygen(d1 + timedelta(hours=9), OxygenDevice.NASAL_CANNULA, 2, comfort=True)])
    cs = build_chart_series(tl)
    assert list(cs.oxygen_level.values) == [1, 2, 3, 0, 1]
    assert cs.oxygen_level.edges[-1] == pytest.approx(1.5)  # the running step ends now
    flows = list(cs.oxygen_flow.values)
    assert flows[:2] == [4, 10] and math.isnan(flows[2]) and flows[3:] == [0, 2]
    assert dict(cs.oxygen_level.params[1]) == {"device": "nasal_cannula", "flow_l_min": "10"}
    assert dict(cs.oxygen_level.params[4])["for_comfort"] == "1"


# --- grades and scores ----------------------------------------------------------------------------


def test_grade_strips_merge_equal_grades_and_show_not_assessed() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d1 = local(SHANGHAI, 2026, 11, 11, 0, 0)
    h = timedelta(hours=1)
    tl = timeline(inf, now=d1 + 40 * h, grades=[
        grade(d1, 1, 0), grade(d1 + 4 * h, 1, 0), grade(d1 + 8 * h, 3, None), grade(d1 + 12 * h, 2, 2)])
    cs = build_chart_series(tl, grade_hold_h=12)
    crs = cs.grade_strips["crs"].intervals
    assert [iv.grade for iv in crs] == [1, 3, 2, None]  # held 12 h after the last grading, then unknown
    assert [iv.x0 for iv in crs] == pytest.approx([1, 1 + 8 / 24, 1.5, 2])
    assert [iv.x1 for iv in crs] == pytest.approx([1 + 8 / 24, 1.5, 2, 1 + 40 / 24])
    icans = [(iv.grade) for iv in cs.grade_strips["icans"].intervals]
    assert icans == [0, None, 2, None]
    assert cs.grade_strips["icans"].grade_at(1 + 9 / 24) is None
    assert cs.grade_strips["crs"].grade_at(1 + 9 / 24) == 3


def test_ice_and_capd_scores_and_unable_markers() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d1 = local(SHANGHAI, 2026, 11, 11, 0, 0)
    h = timedelta(hours=1)
    tl = timeline(inf, encephalopathy=[ice(d1, 10), ice(d1 + 8 * h, 6),
                                       ice(d1 + 16 * h, None, IceUnable.APHASIA), capd(d1 + 20 * h, 12),
                                       capd(d1 + 24 * h, None)])
    cs = build_chart_series(tl)
    assert list(cs.scores[SeriesCode.ICE].ys) == [10, 6]
    assert list(cs.scores[SeriesCode.CAPD].ys) == [12]
    kinds = [(m.kind, m.param("reason")) for m in cs.markers]
    assert kinds == [(MarkerKind.ICE_UNABLE, "aphasia"), (MarkerKind.CAPD_UNABLE, "unarousable")]


# --- labs -----------------------------------------------------------------------------------------


def test_labs_are_log_series_with_their_canonical_unit_in_the_requested_order() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d = local(SHANGHAI, 2026, 11, 12, 6, 0)
    tl = timeline(inf, labs=[lab(d, Analyte.IL6, 2400), lab(d, Analyte.FERRITIN, 4200),
                             lab(d, Analyte.LDH, 480), lab(d + timedelta(days=1), Analyte.IL6, 900)])
    cs = build_chart_series(tl, lab_analytes=(*DEFAULT_LABS, Analyte.LDH))
    assert list(cs.labs) == [lab_code(a) for a in (*DEFAULT_LABS, Analyte.LDH)]
    il6 = cs.labs[lab_code(Analyte.IL6)]
    assert il6.log and il6.unit == "pg/mL" and list(il6.ys) == [2400, 900]
    assert cs.labs[lab_code(Analyte.LDH)].unit == "U/L"
    assert cs.labs[lab_code(Analyte.FERRITIN)].unit == "ng/mL"
    assert len(cs.labs[lab_code(Analyte.CRP)]) == 0  # asked for, nothing recorded: empty, still present
    assert cs.available_labs == (Analyte.IL6, Analyte.FERRITIN, Analyte.LDH)


def test_lab_gaps_break_after_four_days() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d = local(SHANGHAI, 2026, 11, 10, 6, 0)
    tl = timeline(inf, labs=[lab(d, Analyte.CRP, 10), lab(d + timedelta(days=3), Analyte.CRP, 20),
                             lab(d + timedelta(days=8), Analyte.CRP, 30)])
    ys = list(build_chart_series(tl).labs[lab_code(Analyte.CRP)].ys)
    assert ys[:2] == [10, 20] and math.isnan(ys[2]) and ys[3] == 30


def test_blood_counts_in_us_units_and_icaht_thresholds() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d = local(SHANGHAI, 2026, 11, 12, 6, 0)
    tl = timeline(inf, labs=[lab(d, Analyte.ANC, 0.3), lab(d, Analyte.HEMOGLOBIN, 95),
                             lab(d, Analyte.PLATELETS, 40)])
    cn = build_chart_series(tl)
    us = build_chart_series(tl, lab_units="US")
    assert cn.blood_counts[lab_code(Analyte.HEMOGLOBIN)].unit == "g/L"
    hb = us.blood_counts[lab_code(Analyte.HEMOGLOBIN)]
    assert hb.unit == "g/dL" and hb.ys[0] == pytest.approx(9.5)
    assert us.blood_counts[lab_code(Analyte.ANC)].unit == "10*3/uL"
    assert us.blood_counts[lab_code(Analyte.ANC)].ys[0] == pytest.approx(0.3)
    th = {t.code: t for t in cn.thresholds}
    assert (th["icaht_anc_500"].value, th["icaht_anc_100"].value) == (0.5, 0.1)
    assert th["icaht_anc_500"].unit == "10*9/L" and th["icaht_anc_500"].series == lab_code(Analyte.ANC)


# --- markers --------------------------------------------------------------------------------------


def test_markers_count_tocilizumab_doses_n_of_4_and_carry_hover_params() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    d = local(SHANGHAI, 2026, 11, 12, 6, 0)
    h = timedelta(hours=1)
    tl = timeline(inf, medications=[
        med(d, MedicationKind.TOCILIZUMAB, 560), med(d + h, MedicationKind.ANTIPYRETIC, 500),
        med(d + 9 * h, MedicationKind.TOCILIZUMAB, 560), med(d + 10 * h, MedicationKind.DEXAMETHASONE, 10),
        med(d + 11 * h, MedicationKind.METHYLPREDNISOLONE, 1000),
        med(d + 12 * h, MedicationKind.ANAKINRA, 100),
        med(d + 13 * h, MedicationKind.G_CSF, 300)],  # not a chart marker
        fluid_boluses=[bolus(d + 2 * h, 250)],
        interventions=[intervention(d + 3 * h, InterventionKind.ICU_TRANSFER),
                       intervention(d + 4 * h, InterventionKind.INTUBATION),
                       intervention(d + 5 * h, InterventionKind.CRRT),
                       intervention(d + 6 * h, InterventionKind.EEG)])  # not a chart marker
    ms = build_chart_series(tl).markers
    assert [m.kind for m in ms] == [
        MarkerKind.TOCILIZUMAB, MarkerKind.ANTIPYRETIC, MarkerKind.FLUID_BOLUS, MarkerKind.ICU_TRANSFER,
        MarkerKind.INTUBATION, MarkerKind.CRRT, MarkerKind.TOCILIZUMAB, MarkerKind.STEROID,
        MarkerKind.STEROID, MarkerKind.ANAKINRA]
    toci = [m for m in ms if m.kind is MarkerKind.TOCILIZUMAB]
    assert [(m.param("n"), m.param("of")) for m in toci] == [("1", "4"), ("2", "4")]
    assert toci[0].param("dose") == "560" and toci[0].param("unit") == "mg"
    assert [m.param("drug") for m in ms if m.kind is MarkerKind.STEROID] == ["dexamethasone",
                                                                            "methylprednisolone"]
    assert ms[2].param("volume_ml") == "250"
    assert MarkerKind.ANTIPYRETIC not in CROSS_PANEL_MARKERS and MarkerKind.TOCILIZUMAB in CROSS_PANEL_MARKERS


# --- presets and the whole demo -------------------------------------------------------------------


def test_visible_range_presets() -> None:
    assert visible_range_preset(RangePreset.LYMPHODEPLETION_TO_D14, 3.2) == (-7.0, 15.0)
    assert visible_range_preset("d0_d+30", 3.2) == (0.0, 31.0)
    assert visible_range_preset("last_24h", 3.25) == (2.25, 3.25)
    lo, hi = visible_range_preset("all", 10.0, extent=(-5.0, 9.0))
    assert lo < -5.0 and hi > 10.0
    with pytest.raises(ValueError):
        visible_range_preset("nonsense", 1.0)


def test_demo_patient_builds_every_series() -> None:
    tl = demo_timeline()
    cs = build_chart_series(tl)
    assert cs.extent[0] < -4 and cs.extent[1] == pytest.approx(cs.now_x)
    assert max(finite(cs.labs[lab_code(Analyte.IL6)].ys)) == 2400
    assert max(cs.ne_equivalent.values) == 10
    assert max(iv.grade or 0 for iv in cs.grade_strips["crs"].intervals) == 3
    assert all(len(s) for s in cs.vitals.values())
    assert len(cs.scores[SeriesCode.ICE]) > 10


def test_vitals_out_of_time_order_are_sorted_and_still_break_at_gaps() -> None:
    inf = local(SHANGHAI, 2026, 11, 10, 10, 0)
    t0 = local(SHANGHAI, 2026, 11, 11, 0, 0)
    h = timedelta(hours=1)
    tl = timeline(inf, vitals=[vitals(t0 + 20 * h, heart_rate_per_min=3), vitals(t0, heart_rate_per_min=1),
                               vitals(t0 + h, heart_rate_per_min=2, temperature_c=37.0)])
    s = build_chart_series(tl).vitals[SeriesCode.HEART_RATE]
    assert [y for _x, y in s.finite_points()] == [1, 2, 3]
    assert math.isnan(s.ys[2]) and len(s) == 4
    assert list(build_chart_series(tl).vitals[SeriesCode.TEMPERATURE].ys) == [37.0]


def test_fast_abscissa_matches_timeline_x_across_a_dst_change() -> None:
    inf = local(BERLIN, 2026, 10, 20, 9, 0)
    start = local(BERLIN, 2026, 10, 24, 12, 0)
    vs = [vitals(start + timedelta(minutes=7 * i), heart_rate_per_min=80) for i in range(2000)]
    tl = timeline(inf, BERLIN, vitals=vs)
    xs = list(build_chart_series(tl, vitals_gap_h=1).vitals[SeriesCode.HEART_RATE].xs)
    assert xs == pytest.approx([tl.x(v.meta.at) for v in vs], abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0.001, 0.5), st.one_of(st.none(), st.integers(0, 4))), min_size=1,
                max_size=40),
       st.floats(0.01, 1.0))
def test_grade_bands_tile_the_course_and_show_each_grading(steps, hold) -> None:
    """Property over any grading history: the bands follow each other without gap or overlap from the
    first grading to now, neighbours never repeat a grade, and every grading shows its own grade."""
    from cartox_desk.core.series import _intervals

    xs, grades, x = [], [], 0.0
    for dx, g in steps:
        x += dx
        xs.append(x)
        grades.append(g)
    now = xs[-1] + 0.3
    bands = _intervals(xs, grades, now, hold)
    assert bands[0].x0 == xs[0] and bands[-1].x1 == pytest.approx(now)
    for a, b in pairwise(bands):
        assert a.x1 == b.x0 and a.x0 < a.x1
        assert a.grade != b.grade
    for xi, gi in zip(xs, grades, strict=True):
        at = [band.grade for band in bands if band.x0 <= xi < band.x1]
        assert at == [gi]
