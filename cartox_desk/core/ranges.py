"""Plausible input ranges (clinical-rules §10) as data, and the check that names the field and the range.

Values outside these ranges are refused at entry (store) and by `cartox-desk grade` (grading-json.md), with a
message such as ``temperature_c: 46 is outside 30-45 °C``. The bounds are inclusive. Only ranges the spec
gives are listed: mean arterial pressure and age have no §10 range, so none is invented here (age is only
checked for being >= 0 by the callers).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

SOURCE = "clinical-rules §10"


@dataclass(frozen=True, slots=True)
class PlausibleRange:
    """One inclusive plausible range: ``low <= value <= high``, in ``unit``."""

    field: str
    low: float
    high: float
    unit: str  # display unit, e.g. "°C", "L/min", "/min"; "" for scores
    source: str = SOURCE

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high and not math.isnan(value)

    def describe(self) -> str:
        """E.g. ``30-45 °C`` (no space before units that start with "/")."""
        return f"{format_number(self.low)}-{format_number(self.high)}{_unit_suffix(self.unit)}"


def _unit_suffix(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit.startswith("/") else f" {unit}"


def format_number(value: float) -> str:
    """Numbers as people write them: 95 not 95.0, 37.9 not 37.900000000000006 (shortest repr)."""
    if isinstance(value, bool):  # pragma: no cover - defensive: bool is never a number here
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


_ROWS: tuple[PlausibleRange, ...] = (
    PlausibleRange("temperature_c", 30, 45, "°C"),
    PlausibleRange("temperature_f", 86, 113, "°F"),  # converted to °C on entry
    PlausibleRange("heart_rate_per_min", 20, 300, "/min"),
    PlausibleRange("systolic_bp_mmhg", 30, 300, "mmHg"),
    PlausibleRange("diastolic_bp_mmhg", 10, 200, "mmHg"),  # and < systolic: check_diastolic_below_systolic
    PlausibleRange("spo2_pct", 30, 100, "%"),
    PlausibleRange("respiratory_rate_per_min", 0, 100, "/min"),
    PlausibleRange("flow_l_min", 0, 80, "L/min"),
    PlausibleRange("weight_kg", 0.5, 350, "kg"),
    PlausibleRange("height_cm", 30, 250, "cm"),
    # ICE items within their maxima (clinical-rules §3.1, §10)
    PlausibleRange("orientation", 0, 4, ""),
    PlausibleRange("naming", 0, 3, ""),
    PlausibleRange("commands", 0, 1, ""),
    PlausibleRange("writing", 0, 1, ""),
    PlausibleRange("attention", 0, 1, ""),
    # CAPD items 0-4 (clinical-rules §3.4, §10)
    PlausibleRange("capd_item", 0, 4, ""),
)

RANGES: Mapping[str, PlausibleRange] = MappingProxyType({r.field: r for r in _ROWS})
"""Field name -> plausible range. Field names follow the snapshot / record naming (units in names)."""


def check_range(field: str, value: float, *, path: str | None = None) -> str | None:
    """None when ``value`` is plausible for ``field``, else the message (clinical-rules §10).

    ``path`` replaces the field name at the start of the message (e.g. ``snapshot[3].oxygen.flow_l_min``).
    Raises KeyError for a field without a §10 range.
    """
    rng = RANGES[field]
    if rng.contains(value):
        return None
    return f"{path or field}: {format_number(value)} is outside {rng.describe()}"


def check_positive_dose(value: float, *, path: str = "dose") -> str | None:
    """Doses must be > 0 (clinical-rules §10)."""
    if value > 0 and math.isfinite(value):
        return None
    return f"{path}: {format_number(value)} must be greater than 0"


def check_diastolic_below_systolic(diastolic_bp_mmhg: float, systolic_bp_mmhg: float,
                                   *, path: str = "diastolic_bp_mmhg") -> str | None:
    """Diastolic must be below systolic (clinical-rules §10)."""
    if diastolic_bp_mmhg < systolic_bp_mmhg:
        return None
    return (f"{path}: {format_number(diastolic_bp_mmhg)} is not below systolic "
            f"{format_number(systolic_bp_mmhg)} mmHg")


def fahrenheit_to_celsius(temperature_f: float) -> float:
    """°F -> °C (86-113 °F maps onto 30-45 °C)."""
    return (temperature_f - 32.0) * 5.0 / 9.0
