"""NE-equivalent arithmetic and high-dose thresholds (clinical-rules §2; CSCO-2024 appendix after §3.6)."""

from __future__ import annotations

import pytest

from cartox_desk.core.snapshot import DoseRateUnit, VasopressorDrug, VasopressorInfusion
from cartox_desk.core.texts import Code
from cartox_desk.core.vasopressors import (
    NO_VASOPRESSORS,
    count_drugs,
    ne_equivalent_ug_min,
    summarise_vasopressors,
)

D = VasopressorDrug
U = DoseRateUnit


def inf(drug: str, dose: float, unit: str) -> VasopressorInfusion:
    return VasopressorInfusion(D(drug), dose, U(unit))


def test_no_vasopressor() -> None:
    s = summarise_vasopressors((), None)
    assert s == NO_VASOPRESSORS
    assert (s.count, s.count_excluding_vasopressin, s.ne_equivalent_ug_min, s.high_dose) == (0, 0, 0.0, False)


def test_ne_equivalent_formula() -> None:
    # NE 10 + dopamine 10/2 + epinephrine 2 + phenylephrine 100/10 = 27 µg/min
    rows = (inf("norepinephrine", 10, "ug/min"), inf("dopamine", 10, "ug/kg/min"),
            inf("epinephrine", 2, "ug/min"), inf("phenylephrine", 100, "ug/min"))
    assert ne_equivalent_ug_min(rows, 70) == pytest.approx(27.0)
    assert summarise_vasopressors(rows, 70).ne_equivalent_ug_min == pytest.approx(27.0)


@pytest.mark.parametrize(("row", "weight", "expected"), [
    (inf("norepinephrine", 0.1, "ug/kg/min"), 70, 7.0),  # per kg x weight
    (inf("epinephrine", 0.05, "ug/kg/min"), 80, 4.0),
    (inf("phenylephrine", 1.0, "ug/kg/min"), 100, 10.0),  # 100 µg/min / 10
    (inf("dopamine", 700, "ug/min"), 70, 5.0),  # 10 µg/kg/min / 2
    (inf("dopamine", 8, "ug/kg/min"), None, 4.0),  # no weight needed
    (inf("vasopressin", 0.04, "U/min"), None, 0.0),  # not converted
])
def test_conversions(row: VasopressorInfusion, weight: float | None, expected: float) -> None:
    assert ne_equivalent_ug_min((row,), weight) == pytest.approx(expected)
    assert summarise_vasopressors((row,), weight).ne_equivalent_ug_min == pytest.approx(expected)


@pytest.mark.parametrize(("row", "code"), [
    (inf("norepinephrine", 0.1, "ug/kg/min"), Code.VASO_NE_EQUIVALENT_NEEDS_WEIGHT),
    (inf("dopamine", 400, "ug/min"), Code.VASO_NE_EQUIVALENT_NEEDS_WEIGHT),
    (inf("norepinephrine", 5, "U/min"), Code.VASO_UNIT_NOT_CONVERTIBLE),
])
def test_unconvertible_dose_gives_no_ne_equivalent(row: VasopressorInfusion, code: Code) -> None:
    s = summarise_vasopressors((row,), None)
    assert s.ne_equivalent_ug_min is None and s.high_dose is False
    assert [d.code for d in s.drivers] == [code]
    assert ne_equivalent_ug_min((row,), None) is None


def test_vasopressin_in_a_wrong_unit_keeps_the_ne_equivalent() -> None:
    s = summarise_vasopressors((inf("norepinephrine", 30, "ug/min"), inf("vasopressin", 0.04, "ug/min")), 70)
    assert s.ne_equivalent_ug_min == pytest.approx(30.0)
    assert s.high_dose is False  # vasopressin + NE-eq cannot be added: not claimed
    assert Code.VASO_UNIT_NOT_CONVERTIBLE in [d.code for d in s.drivers]


@pytest.mark.parametrize(("rows", "count", "excl"), [
    ((inf("vasopressin", 0.03, "U/min"),), 1, 0),
    ((inf("norepinephrine", 5, "ug/min"), inf("vasopressin", 0.03, "U/min")), 2, 1),
    ((inf("norepinephrine", 5, "ug/min"), inf("phenylephrine", 50, "ug/min")), 2, 2),
    ((inf("norepinephrine", 5, "ug/min"), inf("norepinephrine", 5, "ug/min")), 1, 1),
    ((inf("norepinephrine", 5, "ug/min"), inf("epinephrine", 1, "ug/min"), inf("vasopressin", 0.03, "U/min")),
     3, 2),
])
def test_counts_are_distinct_drugs(rows: tuple[VasopressorInfusion, ...], count: int, excl: int) -> None:
    s = summarise_vasopressors(rows, 70)
    assert (s.count, s.count_excluding_vasopressin) == (count, excl)
    assert count_drugs(rows) == (count, excl)


@pytest.mark.parametrize(("rows", "weight", "high", "situation"), [
    # norepinephrine alone >= 20 µg/min
    ((inf("norepinephrine", 20, "ug/min"),), None, True, "norepinephrine_alone"),
    ((inf("norepinephrine", 19.9, "ug/min"),), None, False, None),
    ((inf("norepinephrine", 0.2, "ug/kg/min"),), 100, True, "norepinephrine_alone"),
    ((inf("norepinephrine", 0.19, "ug/kg/min"),), 100, False, None),
    ((inf("norepinephrine", 10, "ug/min"), inf("norepinephrine", 10, "ug/min")), None, True,
     "norepinephrine_alone"),  # two rows of one drug add up
    # dopamine alone >= 10 µg/kg/min
    ((inf("dopamine", 10, "ug/kg/min"),), None, True, "dopamine_alone"),
    ((inf("dopamine", 9.9, "ug/kg/min"),), None, False, None),
    ((inf("dopamine", 700, "ug/min"),), 70, True, "dopamine_alone"),
    ((inf("dopamine", 690, "ug/min"),), 70, False, None),
    # phenylephrine alone >= 200 µg/min
    ((inf("phenylephrine", 200, "ug/min"),), None, True, "phenylephrine_alone"),
    ((inf("phenylephrine", 199.9, "ug/min"),), None, False, None),
    # epinephrine alone >= 10 µg/min
    ((inf("epinephrine", 10, "ug/min"),), None, True, "epinephrine_alone"),
    ((inf("epinephrine", 9.9, "ug/min"),), None, False, None),
    # vasopressin given: vasopressin (U/min) + NE-equivalent (µg/min) >= 10, literal reading of the table
    ((inf("norepinephrine", 9.96, "ug/min"), inf("vasopressin", 0.04, "U/min")), None, True,
     "with_vasopressin"),
    ((inf("norepinephrine", 9.9, "ug/min"), inf("vasopressin", 0.04, "U/min")), None, False, None),
    ((inf("vasopressin", 0.04, "U/min"),), None, False, None),  # vasopressin alone: 0.04 + 0 < 10
    ((inf("phenylephrine", 99, "ug/min"), inf("vasopressin", 0.1, "U/min")), None, True, "with_vasopressin"),
    # several vasopressors without vasopressin: NE-equivalent >= 20
    ((inf("norepinephrine", 10, "ug/min"), inf("epinephrine", 10, "ug/min")), None, True,
     "several_without_vasopressin"),
    ((inf("norepinephrine", 10, "ug/min"), inf("epinephrine", 9.9, "ug/min")), None, False, None),
    ((inf("norepinephrine", 15, "ug/min"), inf("phenylephrine", 50, "ug/min")), None, True,
     "several_without_vasopressin"),
    ((inf("norepinephrine", 1, "ug/min"), inf("dopamine", 10, "ug/kg/min")), None, False, None),
])
def test_high_dose_thresholds(rows: tuple[VasopressorInfusion, ...], weight: float | None, high: bool,
                              situation: str | None) -> None:
    s = summarise_vasopressors(rows, weight)
    assert s.high_dose is high
    found = [d.param("situation") for d in s.drivers if d.code == Code.VASO_HIGH_DOSE]
    assert found == ([situation] if situation else [])


def test_summary_is_the_same_on_the_fast_and_general_paths() -> None:
    one = summarise_vasopressors((inf("norepinephrine", 25, "ug/min"),), None)
    # the general path (a list, two rows of the same drug) must agree
    half = inf("norepinephrine", 12.5, "ug/min")
    two = summarise_vasopressors([half, half], None)
    assert one == two
