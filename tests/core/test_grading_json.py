"""The grading-json.md contract in the core: strict parsing, messages naming the field, output shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cartox_desk.core.grading import grade_snapshot
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
from cartox_desk.core.snapshot_json import (
    SnapshotError,
    collect_problems,
    decode_json,
    parse_snapshot,
    result_to_json,
    snapshot_to_json,
)

ICE_FULL = {"orientation": 4, "naming": 3, "commands": 1, "writing": 1, "attention": 1}
CAPD_ZERO = {"eye_contact": "always", "purposeful_actions": "always", "aware_of_surroundings": "always",
             "communicates_needs": "always", "restless": "never", "inconsolable": "never",
             "underactive": "never", "slow_response": "never"}


def problems(obj: object, path: str = "snapshot") -> list[str]:
    snap, found = collect_problems(obj, path)
    assert (snap is None) == bool(found)
    return found


def test_full_snapshot_parses() -> None:
    obj = {
        "age_years": 8.5, "weight_kg": 25, "temperature_c": 38.6, "fever_masked": False, "hypotension": True,
        "vasopressors": [{"drug": "norepinephrine", "dose": 0.1, "unit": "ug/kg/min"},
                         {"drug": "vasopressin", "dose": 0.03, "unit": "U/min"}],
        "oxygen": {"device": "nasal_cannula", "flow_l_min": 4, "for_comfort": False},
        "capd": CAPD_ZERO, "capd_unable": False, "consciousness": "awakens_to_voice", "seizure": "none",
        "motor_weakness": "none", "icp_findings": ["papilledema"],
    }
    snap = parse_snapshot(obj)
    assert snap == Snapshot(
        age_years=8.5, weight_kg=25, temperature_c=38.6, fever_masked=False, hypotension=True,
        vasopressors=(
            VasopressorInfusion(VasopressorDrug.NOREPINEPHRINE, 0.1, DoseRateUnit.UG_PER_KG_PER_MIN),
            VasopressorInfusion(VasopressorDrug.VASOPRESSIN, 0.03, DoseRateUnit.UNITS_PER_MIN)),
        oxygen=OxygenSupport(OxygenDevice.NASAL_CANNULA, 4, False),
        capd=CapdAssessment(*[CapdAnswer(v) for v in CAPD_ZERO.values()]),
        consciousness=Consciousness.AWAKENS_TO_VOICE, seizure=Seizure.NONE, motor_weakness=MotorWeakness.NONE,
        icp_findings=frozenset({IcpFinding.PAPILLEDEMA}),
    )


def test_snapshot_fields_are_the_contract_fields() -> None:
    import dataclasses

    from cartox_desk.core import snapshot_json

    assert tuple(f.name for f in dataclasses.fields(Snapshot)) == snapshot_json.SNAPSHOT_FIELDS
    assert snapshot_json._snapshot_by_name(*[None] * 15) == Snapshot(  # the fallback constructor
        **dict.fromkeys(snapshot_json.SNAPSHOT_FIELDS))  # type: ignore[arg-type]


def test_empty_object_is_valid() -> None:
    assert parse_snapshot({}) == Snapshot()


def test_null_means_not_recorded() -> None:
    assert parse_snapshot({"temperature_c": None, "oxygen": {"device": "face_mask", "flow_l_min": None}}) == (
        Snapshot(oxygen=OxygenSupport(OxygenDevice.FACE_MASK)))


@pytest.mark.parametrize(("obj", "message"), [
    ({"temp": 38}, "snapshot.temp: unknown field"),
    ({"temperature_c": True}, "snapshot.temperature_c: expected a number, got true"),
    ({"temperature_c": "38.5"}, 'snapshot.temperature_c: expected a number, got "38.5"'),
    ({"hypotension": 1}, "snapshot.hypotension: expected true or false, got 1"),
    ({"fever_masked": "yes"}, 'snapshot.fever_masked: expected true or false, got "yes"'),
    ({"temperature_c": 46}, "snapshot.temperature_c: 46 is outside 30-45 °C"),
    ({"temperature_c": 29.9}, "snapshot.temperature_c: 29.9 is outside 30-45 °C"),
    ({"weight_kg": 0.4}, "snapshot.weight_kg: 0.4 is outside 0.5-350 kg"),
    ({"weight_kg": 351}, "snapshot.weight_kg: 351 is outside 0.5-350 kg"),
    ({"age_years": -1}, "snapshot.age_years: -1 must not be negative"),
    ({"oxygen": {"device": "face_mask", "flow_l_min": 95}},
     "snapshot.oxygen.flow_l_min: 95 is outside 0-80 L/min"),
    ({"oxygen": {"device": "mask"}}, 'snapshot.oxygen.device: unknown value "mask"'),
    ({"oxygen": {"flow_l_min": 2}}, "snapshot.oxygen.device: missing (required)"),
    ({"oxygen": {"device": "cpap", "fio2": 0.4}}, "snapshot.oxygen.fio2: unknown field"),
    ({"oxygen": "cpap"}, 'snapshot.oxygen: expected an object, got "cpap"'),
    ({"ice": {**ICE_FULL, "orientation": 5}}, "snapshot.ice.orientation: 5 is outside 0-4"),
    ({"ice": {**ICE_FULL, "naming": 4}}, "snapshot.ice.naming: 4 is outside 0-3"),
    ({"ice": {**ICE_FULL, "attention": 2}}, "snapshot.ice.attention: 2 is outside 0-1"),
    ({"ice": {**ICE_FULL, "naming": 2.5}}, "snapshot.ice.naming: expected a whole number of points, got 2.5"),
    ({"ice": {**ICE_FULL, "writing": False}}, "snapshot.ice.writing: expected a number, got false"),
    ({"ice": {"orientation": 4}}, "snapshot.ice.naming: missing (required)"),
    ({"ice_unable": "asleep"}, 'snapshot.ice_unable: unknown value "asleep"'),
    ({"capd": {**CAPD_ZERO, "restless": "sometimes!"}}, 'snapshot.capd.restless: unknown value "sometimes!"'),
    ({"capd": {**CAPD_ZERO, "restless": 2}}, "snapshot.capd.restless: expected a string, got 2"),
    ({"capd_unable": "true"}, 'snapshot.capd_unable: expected true or false, got "true"'),
    ({"consciousness": "drowsy"}, 'snapshot.consciousness: unknown value "drowsy"'),
    ({"seizure": "yes"}, 'snapshot.seizure: unknown value "yes"'),
    ({"motor_weakness": "hemiparesis"}, 'snapshot.motor_weakness: unknown value "hemiparesis"'),
    ({"icp_findings": "papilledema"}, 'snapshot.icp_findings: expected an array, got "papilledema"'),
    ({"icp_findings": ["papilledema", "edema"]}, 'snapshot.icp_findings[1]: unknown value "edema"'),
    ({"icp_findings": [{}]}, "snapshot.icp_findings[0]: expected a string, got an object"),
    ({"seizure": ["none"]}, "snapshot.seizure: expected a string, got an array"),
    ({"age_years": float("nan")}, "snapshot.age_years: expected a finite number, got nan"),
    ({"vasopressors": {"drug": "dopamine"}}, "snapshot.vasopressors: expected an array, got an object"),
    ({"vasopressors": [{"drug": "levophed", "dose": 5, "unit": "ug/min"}]},
     'snapshot.vasopressors[0].drug: unknown value "levophed"'),
    ({"vasopressors": [{"drug": "norepinephrine", "dose": 5, "unit": "mg/h"}]},
     'snapshot.vasopressors[0].unit: unknown value "mg/h"'),
    ({"vasopressors": [{"drug": "norepinephrine", "dose": 0, "unit": "ug/min"}]},
     "snapshot.vasopressors[0].dose: 0 must be greater than 0"),
    ({"vasopressors": [{"drug": "norepinephrine", "dose": -2, "unit": "ug/min"}]},
     "snapshot.vasopressors[0].dose: -2 must be greater than 0"),
    ({"vasopressors": [{"drug": "norepinephrine", "dose": True, "unit": "ug/min"}]},
     "snapshot.vasopressors[0].dose: expected a number, got true"),
    ({"vasopressors": [{"drug": "norepinephrine", "unit": "ug/min"}]},
     "snapshot.vasopressors[0].dose: missing (required)"),
    ({"vasopressors": [{"drug": "norepinephrine", "dose": 0.1, "unit": "ug/kg/min"}]},
     "snapshot.vasopressors[0].unit: ug/kg/min needs weight_kg"),
    ({"vasopressors": [{"drug": "dopamine", "dose": 400, "unit": "ug/min"}]},
     "snapshot.vasopressors[0].unit: dopamine in ug/min needs weight_kg to convert to ug/kg/min"),
    ({"vasopressors": [{"drug": "vasopressin", "dose": 0.04, "unit": "ug/min"}]},
     "snapshot.vasopressors[0].unit: ug/min is not a unit for vasopressin (use U/min)"),
    ({"vasopressors": [{"drug": "epinephrine", "dose": 2, "unit": "U/min"}]},
     "snapshot.vasopressors[0].unit: U/min is not a unit for epinephrine (use ug/kg/min or ug/min)"),
    ({"ice": ICE_FULL, "capd": CAPD_ZERO},
     "snapshot.capd: cannot be given together with ice: record one encephalopathy tool (ICE or CAPD)"),
    ({"ice_unable": "aphasia", "capd_unable": True},
     "snapshot.capd_unable: cannot be given together with ice_unable: record one encephalopathy tool"),
    ({"ice": ICE_FULL, "ice_unable": "aphasia"}, "snapshot.ice_unable: cannot be given together with ice"),
    ({"capd": CAPD_ZERO, "capd_unable": True}, "snapshot.capd_unable: cannot be true together with capd"),
    ([], "snapshot: expected an object, got an array"),
])
def test_each_invalid_class_is_named(obj: object, message: str) -> None:
    found = problems(obj)
    assert any(p.startswith(message) for p in found), found
    with pytest.raises(SnapshotError) as raised:
        parse_snapshot(obj)
    assert raised.value.problems == found


def test_every_problem_is_collected_with_the_array_index() -> None:
    obj = {"temperature_c": 50, "foo": 1, "oxygen": {"device": "face_mask", "flow_l_min": 95},
           "ice": {**ICE_FULL, "orientation": 9}, "hypotension": "no"}
    found = problems(obj, "snapshot[3]")
    assert len(found) == 5
    assert "snapshot[3].oxygen.flow_l_min: 95 is outside 0-80 L/min" in found
    assert all(p.startswith("snapshot[3].") for p in found)


def test_out_of_range_weight_is_not_also_reported_as_missing() -> None:
    found = problems({"weight_kg": 400, "vasopressors": [{"drug": "norepinephrine", "dose": 0.1,
                                                           "unit": "ug/kg/min"}]})
    assert found == ["snapshot.weight_kg: 400 is outside 0.5-350 kg"]


def test_capd_unable_false_is_not_a_second_tool() -> None:
    assert parse_snapshot({"ice": ICE_FULL, "capd_unable": False}).ice == IceAssessment(4, 3, 1, 1, 1)


def test_age_has_no_invented_upper_bound() -> None:
    assert parse_snapshot({"age_years": 120}).age_years == 120


def test_integral_floats_are_whole_ice_points() -> None:
    assert parse_snapshot({"ice": {**ICE_FULL, "orientation": 3.0}}).ice == IceAssessment(3, 3, 1, 1, 1)


def test_duplicate_keys_are_refused() -> None:
    obj = decode_json('{"temperature_c": 38.0, "temperature_c": 36.0}')
    assert problems(obj) == ["snapshot.temperature_c: given more than once"]


@pytest.mark.parametrize("text", ['{"temperature_c": NaN}', '{"temperature_c": Infinity}', "[-Infinity]"])
def test_nan_and_infinity_are_not_json(text: str) -> None:
    with pytest.raises(ValueError, match="not valid JSON"):
        decode_json(text)


def test_output_shape_and_key_order() -> None:
    snap = parse_snapshot({"temperature_c": 38.5, "weight_kg": 70, "ice": ICE_FULL,
                           "vasopressors": [{"drug": "norepinephrine", "dose": 0.123, "unit": "ug/kg/min"}]})
    out = result_to_json(grade_snapshot(snap))
    assert list(out) == ["crs", "icans", "vasopressors"]
    assert list(out["crs"]) == ["grade", "drivers"]
    assert list(out["icans"]) == ["grade", "status", "tool", "score", "drivers"]
    assert list(out["vasopressors"]) == ["count", "count_excluding_vasopressin", "ne_equivalent_ug_min",
                                         "high_dose"]
    assert out["crs"]["grade"] == 3
    assert out["icans"] == {"grade": 0, "status": "graded", "tool": "ICE", "score": 10,
                            "drivers": ["ICE score 10/10 → grade 0 (CSCO-2024 §4.2.1; ASTCT-2019)"]}
    assert out["vasopressors"] == {"count": 1, "count_excluding_vasopressin": 1,
                                   "ne_equivalent_ug_min": 8.6, "high_dose": False}  # 0.123 x 70 = 8.61
    assert all(isinstance(d, str) for d in out["crs"]["drivers"])
    json.dumps(out)  # serialisable


def test_not_assessed_output() -> None:
    out = result_to_json(grade_snapshot(Snapshot()))
    assert out["icans"]["grade"] is None
    icans = out["icans"]
    assert (icans["status"], icans["tool"], icans["score"]) == ("not_assessed", None, None)
    assert out["vasopressors"]["ne_equivalent_ug_min"] == 0.0


def test_chinese_output() -> None:
    out = result_to_json(grade_snapshot(Snapshot(temperature_c=38.2)), "zh_CN")
    assert out["crs"]["drivers"] == ["发热：体温 38.2 ℃（≥ 38.0 ℃）→ 1 级（ASTCT-2019; CSCO-2024 §4.1.1）"]


# Round trip: a valid Snapshot survives snapshot_to_json -> parse_snapshot unchanged.
_OXY = st.builds(OxygenSupport, st.sampled_from(list(OxygenDevice)), st.none() | st.floats(0, 80),
                 st.booleans())
_VASO = st.sampled_from(list(VasopressorDrug)).flatmap(
    lambda d: st.builds(VasopressorInfusion, st.just(d), st.floats(0.01, 500),
                        st.just(DoseRateUnit.UNITS_PER_MIN) if d is VasopressorDrug.VASOPRESSIN
                        else st.sampled_from([DoseRateUnit.UG_PER_MIN, DoseRateUnit.UG_PER_KG_PER_MIN])))
_ICE = st.builds(IceAssessment, st.integers(0, 4), st.integers(0, 3), st.integers(0, 1), st.integers(0, 1),
                 st.integers(0, 1))


@given(st.builds(Snapshot, age_years=st.none() | st.floats(0, 110), weight_kg=st.floats(0.5, 350),
                 temperature_c=st.none() | st.floats(30, 45), fever_masked=st.booleans(),
                 hypotension=st.booleans(), vasopressors=st.lists(_VASO, max_size=3).map(tuple),
                 oxygen=st.none() | _OXY, ice=st.none() | _ICE,
                 consciousness=st.none() | st.sampled_from(list(Consciousness)),
                 icp_findings=st.frozensets(st.sampled_from(list(IcpFinding)))))
def test_round_trip(snap: Snapshot) -> None:
    text = json.dumps(snapshot_to_json(snap))
    assert parse_snapshot(decode_json(text)) == snap


def test_round_trip_of_the_other_tools() -> None:
    for snap in (Snapshot(ice_unable=IceUnable.UNAROUSABLE), Snapshot(capd_unable=True),
                 Snapshot(capd=CapdAssessment(*[CapdAnswer.OFTEN] * 8), seizure=Seizure.RESOLVED_RAPIDLY,
                          motor_weakness=MotorWeakness.DEEP_FOCAL)):
        assert parse_snapshot(decode_json(json.dumps(snapshot_to_json(snap)))) == snap
