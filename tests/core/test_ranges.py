"""Plausible input ranges (clinical-rules §10): data, edges and messages."""

from __future__ import annotations

import pytest

from cartox_desk.core.ranges import (
    RANGES,
    check_diastolic_below_systolic,
    check_positive_dose,
    check_range,
    fahrenheit_to_celsius,
    format_number,
)

SPEC = {  # clinical-rules §10, copied by hand so that a changed table fails here
    "temperature_c": (30, 45, "°C"),
    "temperature_f": (86, 113, "°F"),
    "heart_rate_per_min": (20, 300, "/min"),
    "systolic_bp_mmhg": (30, 300, "mmHg"),
    "diastolic_bp_mmhg": (10, 200, "mmHg"),
    "spo2_pct": (30, 100, "%"),
    "respiratory_rate_per_min": (0, 100, "/min"),
    "flow_l_min": (0, 80, "L/min"),
    "weight_kg": (0.5, 350, "kg"),
    "height_cm": (30, 250, "cm"),
}


def test_ranges_match_the_spec_and_cite_it() -> None:
    for field, (low, high, unit) in SPEC.items():
        rng = RANGES[field]
        assert (rng.field, rng.low, rng.high, rng.unit) == (field, low, high, unit)
        assert rng.source == "clinical-rules §10"


def test_no_range_is_invented_for_mean_pressure_or_age() -> None:
    assert not any(key.startswith(("mean", "map", "age")) for key in RANGES)


@pytest.mark.parametrize("field", sorted(SPEC))
def test_edges_are_inclusive(field: str) -> None:
    low, high, _ = SPEC[field]
    assert check_range(field, low) is None
    assert check_range(field, high) is None
    assert check_range(field, (low + high) / 2) is None
    assert check_range(field, low - 0.1) is not None
    assert check_range(field, high + 0.1) is not None


@pytest.mark.parametrize(("field", "value", "message"), [
    ("temperature_c", 46, "temperature_c: 46 is outside 30-45 °C"),
    ("temperature_c", 29.9, "temperature_c: 29.9 is outside 30-45 °C"),
    ("flow_l_min", 95, "flow_l_min: 95 is outside 0-80 L/min"),
    ("weight_kg", 0.4, "weight_kg: 0.4 is outside 0.5-350 kg"),
    ("heart_rate_per_min", 10, "heart_rate_per_min: 10 is outside 20-300/min"),
    ("spo2_pct", 101.0, "spo2_pct: 101 is outside 30-100 %"),
    ("temperature_f", 120, "temperature_f: 120 is outside 86-113 °F"),
])
def test_messages_name_field_and_range(field: str, value: float, message: str) -> None:
    assert check_range(field, value) == message


def test_path_replaces_the_field_name() -> None:
    assert (check_range("flow_l_min", 95, path="snapshot[3].oxygen.flow_l_min")
            == "snapshot[3].oxygen.flow_l_min: 95 is outside 0-80 L/min")


def test_nan_is_never_plausible() -> None:
    assert check_range("temperature_c", float("nan")) is not None


def test_unknown_field_raises() -> None:
    with pytest.raises(KeyError):
        check_range("mean_bp_mmhg", 70)


def test_ice_and_capd_item_maxima() -> None:
    assert check_range("orientation", 4) is None and check_range("orientation", 5) is not None
    assert check_range("naming", 3) is None and check_range("naming", 4) is not None
    for item in ("commands", "writing", "attention"):
        assert check_range(item, 1) is None and check_range(item, 2) is not None
    assert check_range("capd_item", 4) is None and check_range("capd_item", 5) is not None


def test_fahrenheit_conversion_maps_the_range_onto_celsius() -> None:
    assert fahrenheit_to_celsius(86) == pytest.approx(30.0)
    assert fahrenheit_to_celsius(113) == pytest.approx(45.0)
    assert fahrenheit_to_celsius(100.4) == pytest.approx(38.0)


def test_doses_must_be_positive() -> None:
    assert check_positive_dose(0.01) is None
    assert check_positive_dose(0, path="dose") == "dose: 0 must be greater than 0"
    assert check_positive_dose(-1) is not None


def test_diastolic_below_systolic() -> None:
    assert check_diastolic_below_systolic(80, 120) is None
    assert check_diastolic_below_systolic(120, 120) is not None


@pytest.mark.parametrize(("value", "shown"), [(95, "95"), (95.0, "95"), (37.9, "37.9"), (0.5, "0.5"),
                                              (6.1, "6.1"), (-1, "-1")])
def test_numbers_are_shown_as_written(value: float, shown: str) -> None:
    assert format_number(value) == shown
