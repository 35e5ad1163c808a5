"""Properties of grade_snapshot over generated snapshots: ranges, determinism, monotonicity, texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from hypothesis import assume, given
from hypothesis import strategies as st

from cartox_desk.core.crs import hypoxia_grade
from cartox_desk.core.grading import grade_snapshot
from cartox_desk.core.results import GradingResult, IcansStatus
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    DoseRateUnit,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    OxygenSupport,
    Seizure,
    Snapshot,
    VasopressorDrug,
    VasopressorInfusion,
)
from cartox_desk.core.texts import describe
from cartox_desk.core.vasopressors import summarise_vasopressors

D = VasopressorDrug
A = CapdAnswer
ANSWER_ORDER = [A.NEVER, A.RARELY, A.SOMETIMES, A.OFTEN, A.ALWAYS]
CAPD_REVERSED = ("eye_contact", "purposeful_actions", "aware_of_surroundings", "communicates_needs")
CAPD_FORWARD = ("restless", "inconsolable", "underactive", "slow_response")
CONSCIOUSNESS_ORDER = list(Consciousness)  # normal -> worst
SEIZURE_ORDER = list(Seizure)

doses = st.floats(min_value=0.01, max_value=400, allow_nan=False)


DRUGS = st.sampled_from(list(D))
UG_UNITS = st.sampled_from([DoseRateUnit.UG_PER_MIN, DoseRateUnit.UG_PER_KG_PER_MIN])


@st.composite
def infusions(draw: st.DrawFn) -> VasopressorInfusion:
    drug = draw(DRUGS)
    unit = DoseRateUnit.UNITS_PER_MIN if drug is D.VASOPRESSIN else draw(UG_UNITS)
    return VasopressorInfusion(drug, draw(doses), unit)


oxygen = st.builds(OxygenSupport, st.sampled_from(list(OxygenDevice)),
                   st.none() | st.floats(min_value=0, max_value=80), st.booleans())
ice = st.builds(IceAssessment, st.integers(0, 4), st.integers(0, 3), st.integers(0, 1), st.integers(0, 1),
                st.integers(0, 1))
capd = st.builds(CapdAssessment, *[st.sampled_from(list(A)) for _ in range(8)])


# Strategies built once (building them inside a composite re-validates them on every draw: slow).
TOOLS = st.sampled_from(["none", "ice", "ice_unable", "capd", "capd_unable"])
AGES = st.none() | st.floats(0, 100)
WEIGHTS = st.floats(0.5, 350)  # always a weight: per-kg doses are valid
TEMPERATURES = st.none() | st.floats(30, 45)
VASOPRESSOR_LISTS = st.lists(infusions(), max_size=4)
OXYGEN_OR_NONE = st.none() | oxygen
ICE_UNABLE = st.sampled_from(list(IceUnable))
CONSCIOUSNESS = st.none() | st.sampled_from(list(Consciousness))
SEIZURES = st.none() | st.sampled_from(list(Seizure))
MOTOR = st.none() | st.sampled_from(list(MotorWeakness))
ICP_SETS = st.sets(st.sampled_from(list(IcpFinding)), max_size=3)
BOOLS = st.booleans()


@st.composite
def snapshots(draw: st.DrawFn) -> Snapshot:
    tool = draw(TOOLS)
    return Snapshot(
        age_years=draw(AGES),
        weight_kg=draw(WEIGHTS),
        temperature_c=draw(TEMPERATURES),
        fever_masked=draw(BOOLS),
        hypotension=draw(BOOLS),
        vasopressors=tuple(draw(VASOPRESSOR_LISTS)),
        oxygen=draw(OXYGEN_OR_NONE),
        ice=draw(ice) if tool == "ice" else None,
        ice_unable=draw(ICE_UNABLE) if tool == "ice_unable" else None,
        capd=draw(capd) if tool == "capd" else None,
        capd_unable=tool == "capd_unable",
        consciousness=draw(CONSCIOUSNESS),
        seizure=draw(SEIZURES),
        motor_weakness=draw(MOTOR),
        icp_findings=frozenset(draw(ICP_SETS)),
    )


def icans_rank(result: GradingResult) -> int:
    return -1 if result.icans.grade is None else result.icans.grade


def support_tier(o: OxygenSupport | None) -> int:
    """The spec's oxygen ladder, written independently of the code: none/room air < low-flow / blow-by <
    high-flow / masks < positive pressure. Comfort oxygen is not support."""
    if o is None or o.for_comfort or o.device is OxygenDevice.ROOM_AIR:
        return 0
    if o.device is OxygenDevice.BLOW_BY:
        return 1
    if o.device is OxygenDevice.NASAL_CANNULA:
        return 2 if o.flow_l_min is not None and o.flow_l_min > 6 else 1
    if o.device in (OxygenDevice.CPAP, OxygenDevice.BIPAP, OxygenDevice.MECHANICAL_VENTILATION):
        return 3
    return 2


def check_ranges_and_consistency(s: Snapshot, r: GradingResult) -> None:
    assert 0 <= r.crs.grade <= 4
    assert (r.icans.grade is None) == (r.icans.status is IcansStatus.NOT_ASSESSED)
    if r.icans.grade is not None:
        assert 0 <= r.icans.grade <= 4
    assert r.crs.drivers and r.icans.drivers
    # the grade is the worst driver grade
    assert r.crs.grade == max(d.grade or 0 for d in r.crs.drivers)
    if r.icans.grade is not None:
        assert r.icans.grade == max(d.grade or 0 for d in r.icans.drivers)
    assert r.vasopressors.count >= r.vasopressors.count_excluding_vasopressin >= 0


def check_deterministic(s: Snapshot, r: GradingResult) -> None:
    copy = dataclasses.replace(s, icp_findings=frozenset(sorted(s.icp_findings, reverse=True)))
    assert grade_snapshot(s) == r == grade_snapshot(copy)


def check_texts(s: Snapshot, r: GradingResult) -> None:
    for d in r.crs.drivers + r.icans.drivers + r.vasopressors.drivers:
        en = describe(d, "en")
        zh = describe(d, "zh_CN")
        assert d.source in en and d.source in zh
        assert "{" not in en and "{" not in zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh


def check_ne_equivalent(s: Snapshot, r: GradingResult) -> None:
    expected = 0.0
    w = s.weight_kg
    assert w is not None
    for inf in s.vasopressors:
        per_min = inf.dose * w if inf.unit is DoseRateUnit.UG_PER_KG_PER_MIN else inf.dose
        per_kg = inf.dose if inf.unit is DoseRateUnit.UG_PER_KG_PER_MIN else inf.dose / w
        expected += {D.NOREPINEPHRINE: per_min, D.EPINEPHRINE: per_min, D.PHENYLEPHRINE: per_min / 10,
                     D.DOPAMINE: per_kg / 2, D.VASOPRESSIN: 0.0}[inf.drug]
    got = r.vasopressors.ne_equivalent_ug_min
    assert got is not None
    assert abs(got - expected) <= 1e-9 * max(1.0, expected)


@given(snapshots())
def test_grades_in_range_deterministic_texts_and_ne_equivalent(s: Snapshot) -> None:
    """One generated snapshot, four properties (generation is the slow part)."""
    r = grade_snapshot(s)
    check_ranges_and_consistency(s, r)
    check_deterministic(s, r)
    check_texts(s, r)
    check_ne_equivalent(s, r)


# --- worsening never lowers a grade -------------------------------------------------------------------

Worsen = Callable[[Snapshot, st.DataObject], Snapshot]


def hotter(s: Snapshot, data: st.DataObject) -> Snapshot:
    low = 30.0 if s.temperature_c is None else s.temperature_c
    return dataclasses.replace(s, temperature_c=data.draw(st.floats(low, 45)))


def more_oxygen(s: Snapshot, data: st.DataObject) -> Snapshot:
    new = data.draw(st.none() | oxygen)
    assume(support_tier(new) >= support_tier(s.oxygen))
    return dataclasses.replace(s, oxygen=new)


def more_vasopressors(s: Snapshot, data: st.DataObject) -> Snapshot:
    return dataclasses.replace(s, vasopressors=(*s.vasopressors, data.draw(infusions())),
                               hypotension=s.hypotension or data.draw(st.booleans()))


def hypotensive(s: Snapshot, data: st.DataObject) -> Snapshot:
    return dataclasses.replace(s, hypotension=True)


def masked(s: Snapshot, data: st.DataObject) -> Snapshot:
    return dataclasses.replace(s, fever_masked=True)


def lower_ice_item(s: Snapshot, data: st.DataObject) -> Snapshot:
    assume(s.ice is not None)
    assert s.ice is not None
    item = data.draw(st.sampled_from(["orientation", "naming", "commands", "writing", "attention"]))
    value = getattr(s.ice, item)
    assume(value > 0)
    return dataclasses.replace(s, ice=dataclasses.replace(s.ice, **{item: value - 1}))


def worse_capd_answer(s: Snapshot, data: st.DataObject) -> Snapshot:
    assume(s.capd is not None)
    assert s.capd is not None
    item = data.draw(st.sampled_from(CAPD_REVERSED + CAPD_FORWARD))
    index = ANSWER_ORDER.index(getattr(s.capd, item))
    step = -1 if item in CAPD_REVERSED else 1  # reversed items: "never" is the worst answer
    assume(0 <= index + step < 5)
    return dataclasses.replace(s, capd=dataclasses.replace(s.capd, **{item: ANSWER_ORDER[index + step]}))


def cannot_do_tool(s: Snapshot, data: st.DataObject) -> Snapshot:
    if s.ice is not None or s.ice_unable is not None:
        reason = data.draw(st.sampled_from(list(IceUnable)))
        assume(s.ice_unable is None or (s.ice_unable, reason) != (IceUnable.UNAROUSABLE, IceUnable.APHASIA))
        return dataclasses.replace(s, ice=None, ice_unable=reason)
    assume(s.capd is not None or s.capd_unable)
    return dataclasses.replace(s, capd=None, capd_unable=True)


def less_conscious(s: Snapshot, data: st.DataObject) -> Snapshot:
    start = 0 if s.consciousness is None else CONSCIOUSNESS_ORDER.index(s.consciousness)
    return dataclasses.replace(s, consciousness=data.draw(st.sampled_from(CONSCIOUSNESS_ORDER[start:])))


def seizing(s: Snapshot, data: st.DataObject) -> Snapshot:
    start = 0 if s.seizure is None else SEIZURE_ORDER.index(s.seizure)
    return dataclasses.replace(s, seizure=data.draw(st.sampled_from(SEIZURE_ORDER[start:])))


def weak(s: Snapshot, data: st.DataObject) -> Snapshot:
    return dataclasses.replace(s, motor_weakness=MotorWeakness.DEEP_FOCAL)


def icp_finding(s: Snapshot, data: st.DataObject) -> Snapshot:
    finding = data.draw(st.sampled_from(list(IcpFinding)))
    return dataclasses.replace(s, icp_findings=s.icp_findings | {finding})


WORSENINGS: list[Worsen] = [hotter, more_oxygen, more_vasopressors, hypotensive, masked, lower_ice_item,
                            worse_capd_answer, cannot_do_tool, less_conscious, seizing, weak, icp_finding]


@given(snapshots(), st.sampled_from(WORSENINGS), st.data())
def test_a_worse_input_never_lowers_a_grade(s: Snapshot, worsen: Worsen, data: st.DataObject) -> None:
    before = grade_snapshot(s)
    after = grade_snapshot(worsen(s, data))
    assert after.crs.grade >= before.crs.grade, worsen.__name__
    assert icans_rank(after) >= icans_rank(before), worsen.__name__


@given(st.lists(infusions(), min_size=1, max_size=4), WEIGHTS, st.data())
def test_a_higher_dose_never_clears_high_dose(rows: list[VasopressorInfusion], weight: float,
                                              data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(rows) - 1))
    bigger = dataclasses.replace(rows[index], dose=rows[index].dose * data.draw(st.floats(1, 10)))
    worse = (*rows[:index], bigger, *rows[index + 1:])
    before = summarise_vasopressors(rows, weight)
    after = summarise_vasopressors(worse, weight)
    assert after.high_dose or not before.high_dose


@given(oxygen)
def test_hypoxia_grade_follows_the_support_ladder(o: OxygenSupport) -> None:
    grade, _ = hypoxia_grade(o)
    assert grade == {0: 0, 1: 2, 2: 3, 3: 4}[support_tier(o)]
