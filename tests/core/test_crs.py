"""CRS grading, row by row and on every boundary (ASTCT-2019; clinical-rules §1)."""

from __future__ import annotations

import pytest

from cartox_desk.core.crs import grade_crs, hypoxia_grade
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    OxygenDevice,
    OxygenSupport,
    Snapshot,
    VasopressorDrug,
    VasopressorInfusion,
)
from cartox_desk.core.texts import Code

D = VasopressorDrug
NE = VasopressorInfusion(D.NOREPINEPHRINE, 5.0, DoseRateUnit.UG_PER_MIN)
EPI = VasopressorInfusion(D.EPINEPHRINE, 2.0, DoseRateUnit.UG_PER_MIN)
PHE = VasopressorInfusion(D.PHENYLEPHRINE, 50.0, DoseRateUnit.UG_PER_MIN)
DOPA = VasopressorInfusion(D.DOPAMINE, 5.0, DoseRateUnit.UG_PER_KG_PER_MIN)
VASO = VasopressorInfusion(D.VASOPRESSIN, 0.03, DoseRateUnit.UNITS_PER_MIN)


def ox(device: str, flow: float | None = None, comfort: bool = False) -> OxygenSupport:
    return OxygenSupport(OxygenDevice(device), flow, comfort)


def codes(snapshot: Snapshot) -> list[str]:
    return [str(d.code) for d in grade_crs(snapshot).drivers]


@pytest.mark.parametrize(("temperature", "grade"), [
    (37.9, 0), (37.99, 0), (38.0, 1), (38.01, 1), (39.5, 1), (45.0, 1), (30.0, 0),
])
def test_fever_threshold_is_38_0(temperature: float, grade: int) -> None:
    result = grade_crs(Snapshot(temperature_c=temperature))
    assert result.grade == grade
    assert result.drivers[0].code == (Code.CRS_FEVER if grade else Code.CRS_NO_FEVER)


@pytest.mark.parametrize(("device", "flow", "grade"), [
    ("room_air", None, 1),  # fever alone
    ("blow_by", None, 2),
    ("blow_by", 10.0, 2),
    ("nasal_cannula", 0.5, 2),
    ("nasal_cannula", 6.0, 2),
    ("nasal_cannula", 6.1, 3),
    ("nasal_cannula", 15.0, 3),
    ("nasal_cannula", None, 2),  # flow not recorded: low-flow grade, with a driver asking for the flow
    ("face_mask", 2.0, 3),  # a face mask at any flow is grade 3
    ("face_mask", None, 3),
    ("non_rebreather", 15.0, 3),
    ("venturi", 8.0, 3),
    ("cpap", None, 4),
    ("bipap", None, 4),
    ("mechanical_ventilation", None, 4),
])
def test_hypoxia_by_device(device: str, flow: float | None, grade: int) -> None:
    assert grade_crs(Snapshot(temperature_c=38.5, oxygen=ox(device, flow))).grade == grade


def test_nasal_cannula_without_flow_says_so() -> None:
    found = codes(Snapshot(temperature_c=38.5, oxygen=ox("nasal_cannula")))
    assert Code.CRS_HYPOXIA_FLOW_NOT_RECORDED in found


@pytest.mark.parametrize(("flow", "code", "grade", "shown"), [
    (6.0, Code.CRS_HYPOXIA_LOW_FLOW, 2, "6"), (6.1, Code.CRS_HYPOXIA_HIGH_FLOW, 3, "6.1")])
def test_nasal_cannula_flow_drivers(flow: float, code: Code, grade: int, shown: str) -> None:
    found, driver = hypoxia_grade(ox("nasal_cannula", flow))
    assert found == grade
    assert driver is not None and driver.code == code and driver.param("flow_l_min") == shown


@pytest.mark.parametrize("device", list(OxygenDevice))
def test_oxygen_for_comfort_is_charted_not_graded(device: OxygenDevice) -> None:
    result = grade_crs(Snapshot(temperature_c=38.5, oxygen=OxygenSupport(device, 10.0, True)))
    assert result.grade == 1
    assert Code.CRS_OXYGEN_FOR_COMFORT in [d.code for d in result.drivers]


@pytest.mark.parametrize(("infusions", "grade"), [
    ((), 2),  # hypotension, no vasopressor
    ((NE,), 3),
    ((VASO,), 3),  # vasopressin alone counts as one vasopressor
    ((NE, VASO), 3),  # with or without vasopressin
    ((NE, NE), 3),  # two rows of the same drug are one vasopressor
    ((NE, PHE), 4),  # more than one vasopressor
    ((EPI, DOPA), 4),
    ((NE, PHE, VASO), 4),  # three drugs, two of them not vasopressin
    ((NE, EPI, PHE, DOPA, VASO), 4),
])
def test_hypotension_by_vasopressors(infusions: tuple[VasopressorInfusion, ...], grade: int) -> None:
    assert grade_crs(Snapshot(temperature_c=38.5, hypotension=True, vasopressors=infusions)).grade == grade


def test_a_vasopressor_implies_hypotension() -> None:
    assert grade_crs(Snapshot(temperature_c=38.5, vasopressors=(NE,))).grade == 3


@pytest.mark.parametrize(("hypotension", "infusions", "device", "flow", "grade"), [
    (True, (), "face_mask", None, 3),  # 2 vs 3 -> 3
    (False, (NE,), "nasal_cannula", 2.0, 3),  # 3 vs 2 -> 3
    (False, (NE,), "cpap", None, 4),  # 3 vs 4 -> 4
    (False, (NE, PHE), "blow_by", None, 4),  # 4 vs 2 -> 4
    (True, (), "nasal_cannula", 3.0, 2),  # 2 vs 2 -> 2
])
def test_grade_is_the_worse_of_hypotension_and_hypoxia(hypotension: bool, infusions: tuple[
        VasopressorInfusion, ...], device: str, flow: float | None, grade: int) -> None:
    snap = Snapshot(temperature_c=38.2, hypotension=hypotension, vasopressors=infusions,
                    oxygen=ox(device, flow))
    assert grade_crs(snap).grade == grade


def test_no_fever_means_no_crs_whatever_the_signs() -> None:
    snap = Snapshot(temperature_c=37.5, vasopressors=(NE, PHE), oxygen=ox("mechanical_ventilation"))
    result = grade_crs(snap)
    assert result.grade == 0
    assert [d.code for d in result.drivers] == [Code.CRS_NO_FEVER, Code.CRS_OTHER_CAUSE]
    assert result.drivers[1].param("present") == "hypotension+hypoxia"


@pytest.mark.parametrize(("kwargs", "present"), [
    ({"hypotension": True}, "hypotension"),
    ({"oxygen": OxygenSupport(OxygenDevice.FACE_MASK)}, "hypoxia"),
])
def test_other_cause_names_what_is_present(kwargs: dict[str, object], present: str) -> None:
    result = grade_crs(Snapshot(temperature_c=36.8, **kwargs))  # type: ignore[arg-type]
    assert result.grade == 0 and result.drivers[-1].param("present") == present


def test_no_fever_and_no_signs_has_no_other_cause_driver() -> None:
    assert codes(Snapshot(temperature_c=37.0)) == [Code.CRS_NO_FEVER]


def test_missing_temperature_never_claims_no_fever() -> None:
    plain = grade_crs(Snapshot())
    assert plain.grade == 0 and [d.code for d in plain.drivers] == [Code.CRS_TEMPERATURE_NOT_RECORDED]
    signs = grade_crs(Snapshot(hypotension=True, oxygen=ox("face_mask")))
    assert signs.grade == 0
    found = [d.code for d in signs.drivers]
    assert Code.CRS_NO_FEVER not in found and Code.CRS_OTHER_CAUSE not in found
    assert found == [Code.CRS_TEMPERATURE_NOT_RECORDED, Code.CRS_SIGNS_WITHOUT_TEMPERATURE]


@pytest.mark.parametrize(("temperature", "kwargs", "grade"), [
    (37.0, {"hypotension": True}, 2),
    (None, {"oxygen": OxygenSupport(OxygenDevice.FACE_MASK)}, 3),
    (36.5, {"vasopressors": (NE, EPI)}, 4),
    (37.0, {}, 0),  # masked, but nothing to grade
    (None, {}, 0),
    (38.4, {}, 1),  # masked and still febrile: fever alone = 1
])
def test_fever_masked_grades_from_hypotension_and_hypoxia(temperature: float | None,
                                                          kwargs: dict[str, object], grade: int) -> None:
    snap = Snapshot(temperature_c=temperature, fever_masked=True, **kwargs)  # type: ignore[arg-type]
    result = grade_crs(snap)
    assert result.grade == grade
    if temperature is None or temperature < 38:
        assert result.drivers[0].code == Code.CRS_FEVER_MASKED
    if grade == 0:
        assert result.drivers[-1].code == Code.CRS_MASKED_NO_SIGNS


def test_drivers_carry_grade_and_source() -> None:
    result = grade_crs(Snapshot(temperature_c=39.0, vasopressors=(NE, VASO), oxygen=ox("face_mask")))
    assert result.grade == 3
    assert [(d.code, d.grade) for d in result.drivers] == [
        (Code.CRS_FEVER, 1), (Code.CRS_HYPOTENSION_ONE_VASOPRESSOR, 3), (Code.CRS_HYPOXIA_DEVICE, 3)]
    assert all("ASTCT-2019" in d.source for d in result.drivers)
    assert result.drivers[1].param("drugs") == "norepinephrine+vasopressin"
    assert result.drivers[0].param("temperature_c") == "39"
