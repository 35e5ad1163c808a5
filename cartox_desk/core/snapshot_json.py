"""The `cartox-desk grade` JSON contract (grading-json.md): strict snapshot parsing and result output.

`parse_snapshot` turns one decoded JSON object into a `Snapshot`, or raises `SnapshotError` listing every
problem, one line each, naming the field path (``snapshot[3].oxygen.flow_l_min: 95 is outside 0-80 L/min``).
Strictness: unknown fields, wrong types (a bool is not a number, a number is not a bool), values outside the
clinical-rules §10 ranges, unknown enum words, per-kg doses without ``weight_kg``, and contradictory
encephalopathy tools are all refused. A valid snapshot never fails.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import fields
from enum import StrEnum
from typing import Any, TypeVar

from cartox_desk.core.capd import CAPD_ITEM_NAMES
from cartox_desk.core.fastnew import fast_constructor
from cartox_desk.core.ice import ICE_ITEM_MAX
from cartox_desk.core.ranges import RANGES, check_range, format_number
from cartox_desk.core.results import GradingResult
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

E = TypeVar("E", bound=StrEnum)

SNAPSHOT_FIELDS: tuple[str, ...] = (
    "age_years", "weight_kg", "temperature_c", "fever_masked", "hypotension", "vasopressors", "oxygen",
    "ice", "ice_unable", "capd", "capd_unable", "consciousness", "seizure", "motor_weakness", "icp_findings",
)
_SNAPSHOT_FIELD_SET = frozenset(SNAPSHOT_FIELDS)
_VASOPRESSOR_FIELDS = ("drug", "dose", "unit")
_OXYGEN_FIELDS = ("device", "flow_l_min", "for_comfort")

# Units each drug may be given in (clinical-rules §2): vasopressin in U/min, the others in µg/min or
# µg/kg/min. Any other pairing cannot be converted to a norepinephrine equivalent and is refused.
ALLOWED_UNITS: Mapping[VasopressorDrug, frozenset[DoseRateUnit]] = {
    VasopressorDrug.VASOPRESSIN: frozenset({DoseRateUnit.UNITS_PER_MIN}),
    **{d: frozenset({DoseRateUnit.UG_PER_MIN, DoseRateUnit.UG_PER_KG_PER_MIN})
       for d in VasopressorDrug if d is not VasopressorDrug.VASOPRESSIN},
}


class SnapshotError(ValueError):
    """Every problem found in the input, one message per line (grading-json.md "Errors")."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers keys given more than once (json keeps only the last)."""

    duplicate_keys: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> JsonObject:
    out = JsonObject(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        dups: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in dups:
                dups.append(key)
            seen.add(key)
        out.duplicate_keys = tuple(dups)
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def decode_json(text: str) -> Any:
    """Strict JSON decoding: NaN / Infinity refused; duplicate keys remembered (reported by the parser).

    Raises ValueError (json.JSONDecodeError for syntax errors).
    """
    return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_refuse_constant)


def _show(value: object) -> str:
    """How a wrong value is quoted in a message: JSON spelling, shortened."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover - json never gives anything else


def _at(path: str, key: str | None) -> str:
    return path if key is None else f"{path}.{key}"


def _members(enum: type[E]) -> dict[str, E]:
    return {m.value: m for m in enum}


# JSON word -> enum member: a dict lookup is much cheaper than calling the Enum class.
_ENUM_WORDS: dict[type[StrEnum], dict[str, Any]] = {
    e: _members(e) for e in (CapdAnswer, Consciousness, DoseRateUnit, IceUnable, IcpFinding, MotorWeakness,
                             OxygenDevice, Seizure, VasopressorDrug)
}


class _Collector:
    """Collects problems; readers return None (and record a problem) when a value is unusable.

    Paths are built only when a problem is recorded (``path`` + optional ``key``): valid input is the
    common case and must stay cheap.
    """

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def number(self, value: object, path: str, key: str | None = None) -> float | None:
        cls = value.__class__
        if cls is int or (cls is float and math.isfinite(value)):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(_at(path, key), f"expected a number, got {_show(value)}")
            return None
        if not math.isfinite(value):  # NaN / infinity from a library caller (json refuses them)
            self.add(_at(path, key), f"expected a finite number, got {_show(value)}")
            return None
        return value  # int / float subclasses: none come from json, kept for library callers

    def boolean(self, value: object, path: str, key: str | None = None) -> bool | None:
        if value is True or value is False:
            return value
        self.add(_at(path, key), f"expected true or false, got {_show(value)}")
        return None

    def obj(self, value: object, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(path, f"expected an object, got {_show(value)}")
            return None
        for key in getattr(value, "duplicate_keys", ()):
            self.add(f"{path}.{key}", "given more than once")
        return value

    def keys(self, obj: Mapping[str, object], allowed: frozenset[str], order: tuple[str, ...], path: str,
             required: tuple[str, ...] = ()) -> None:
        if not allowed.issuperset(obj):
            for key in obj:
                if key not in allowed:
                    self.add(f"{path}.{key}", f"unknown field (expected one of {', '.join(order)})")
        for key in required:
            if key not in obj:
                self.add(f"{path}.{key}", "missing (required)")

    def enum(self, enum: type[E], value: object, path: str, key: str | None = None) -> E | None:
        if isinstance(value, str):
            member: E | None = _ENUM_WORDS[enum].get(value)
            if member is not None:
                return member
            words = ", ".join(m.value for m in enum)
            self.add(_at(path, key), f"unknown value {_show(value)} (expected one of {words})")
            return None
        self.add(_at(path, key), f"expected a string, got {_show(value)}")
        return None

    def ranged(self, field: str, value: object, path: str, key: str | None = None) -> float | None:
        v = self.number(value, path, key)
        if v is None:
            return None
        rng = RANGES[field]
        if rng.low <= v <= rng.high:
            return v
        message = check_range(field, v, path=_at(path, key))
        if message is not None:
            self.problems.append(message)
        return None




def _snapshot_by_name(*values: Any) -> Snapshot:
    return Snapshot(**dict(zip(SNAPSHOT_FIELDS, values, strict=True)))


# Positional fast constructor while Snapshot's fields are exactly the contract's fields in this order;
# should a field ever be added to Snapshot, fall back to keywords (new fields keep their defaults).
_new_snapshot: Callable[..., Snapshot] = (
    fast_constructor(Snapshot) if tuple(f.name for f in fields(Snapshot)) == SNAPSHOT_FIELDS
    else _snapshot_by_name)
_ICE_ITEMS: tuple[str, ...] = tuple(ICE_ITEM_MAX)
_ICE_ITEM_SET = frozenset(_ICE_ITEMS)
_CAPD_ITEM_SET = frozenset(CAPD_ITEM_NAMES)
_OXYGEN_FIELD_SET = frozenset(_OXYGEN_FIELDS)
_VASOPRESSOR_FIELD_SET = frozenset(_VASOPRESSOR_FIELDS)


def _ice(c: _Collector, raw: object, path: str) -> IceAssessment | None:
    obj = c.obj(raw, path)
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, _ICE_ITEM_SET, _ICE_ITEMS, path, required=_ICE_ITEMS)
    values: dict[str, int] = {}
    for item in _ICE_ITEMS:
        if item not in obj:
            continue
        v = c.number(obj[item], path, item)
        if v is None:
            continue
        if v != int(v):
            c.add(f"{path}.{item}", f"expected a whole number of points, got {_show(v)}")
            continue
        message = check_range(item, v, path=f"{path}.{item}") if not 0 <= v <= ICE_ITEM_MAX[item] else None
        if message is not None:
            c.problems.append(message)
            continue
        values[item] = int(v)
    if len(c.problems) != before:
        return None
    return IceAssessment(**values)


def _capd(c: _Collector, raw: object, path: str) -> CapdAssessment | None:
    obj = c.obj(raw, path)
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, _CAPD_ITEM_SET, CAPD_ITEM_NAMES, path, required=CAPD_ITEM_NAMES)
    answers: dict[str, CapdAnswer] = {}
    for item in CAPD_ITEM_NAMES:
        if item in obj:
            a = c.enum(CapdAnswer, obj[item], path, item)
            if a is not None:
                answers[item] = a
    if len(c.problems) != before:
        return None
    return CapdAssessment(**answers)


def _oxygen(c: _Collector, raw: object, path: str) -> OxygenSupport | None:
    obj = c.obj(raw, path)
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, _OXYGEN_FIELD_SET, _OXYGEN_FIELDS, path)
    device_word = obj.get("device")
    flow_word = obj.get("flow_l_min")
    comfort_word = obj.get("for_comfort")
    if device_word is None:  # missing or null
        c.add(f"{path}.device", "missing (required)")
        device = None
    else:
        device = c.enum(OxygenDevice, device_word, path, "device")
    flow = None if flow_word is None else c.ranged("flow_l_min", flow_word, path, "flow_l_min")
    comfort = False if comfort_word is None else c.boolean(comfort_word, path, "for_comfort")
    if len(c.problems) != before or device is None:
        return None
    return OxygenSupport(device=device, flow_l_min=flow, for_comfort=bool(comfort))


def _vasopressors(c: _Collector, raw: object, path: str,
                  weight_kg: float | None, weight_given: bool) -> tuple[VasopressorInfusion, ...]:
    if not isinstance(raw, list):
        c.add(path, f"expected an array, got {_show(raw)}")
        return ()
    out: list[VasopressorInfusion] = []
    for i, item in enumerate(raw):
        here = f"{path}[{i}]"
        obj = c.obj(item, here)
        if obj is None:
            continue
        before = len(c.problems)
        c.keys(obj, _VASOPRESSOR_FIELD_SET, _VASOPRESSOR_FIELDS, here, required=_VASOPRESSOR_FIELDS)
        drug = c.enum(VasopressorDrug, obj["drug"], here, "drug") if "drug" in obj else None
        unit = c.enum(DoseRateUnit, obj["unit"], here, "unit") if "unit" in obj else None
        dose: float | None = None
        if "dose" in obj:
            dose = c.number(obj["dose"], here, "dose")
            if dose is not None and not dose > 0:  # doses > 0 (clinical-rules §10)
                c.add(f"{here}.dose", f"{_show(dose)} must be greater than 0")
                dose = None
        if drug is not None and unit is not None:
            if unit not in ALLOWED_UNITS[drug]:
                allowed = " or ".join(sorted(u.value for u in ALLOWED_UNITS[drug]))
                c.add(f"{here}.unit", f"{unit.value} is not a unit for {drug.value} (use {allowed})")
            elif weight_kg is None and not weight_given:
                # Per-kg doses need a weight (grading-json.md); so does dopamine in µg/min, which the
                # §2 formula uses in µg/kg/min (safer reading: refuse rather than output no NE-equivalent).
                if unit is DoseRateUnit.UG_PER_KG_PER_MIN:
                    c.add(f"{here}.unit", f"{unit.value} needs weight_kg")
                elif drug is VasopressorDrug.DOPAMINE and unit is DoseRateUnit.UG_PER_MIN:
                    c.add(f"{here}.unit", "dopamine in ug/min needs weight_kg to convert to ug/kg/min")
        if len(c.problems) == before and drug is not None and unit is not None and dose is not None:
            out.append(VasopressorInfusion(drug=drug, dose=dose, unit=unit))
    return tuple(out)


def _icp(c: _Collector, raw: object, path: str) -> frozenset[IcpFinding]:
    if not isinstance(raw, list):
        c.add(path, f"expected an array, got {_show(raw)}")
        return frozenset()
    found: set[IcpFinding] = set()
    for i, item in enumerate(raw):
        f = c.enum(IcpFinding, item, f"{path}[{i}]")
        if f is not None:
            found.add(f)
    return frozenset(found)


def _optional(obj: Mapping[str, object], key: str, path: str,
              read: Callable[[object, str, str], Any]) -> Any:
    return read(obj[key], path, key) if key in obj else None


def parse_snapshot(obj: object, path: str = "snapshot") -> Snapshot:
    """One decoded JSON snapshot -> `Snapshot` (grading-json.md). Raises `SnapshotError` with every problem.

    ``path`` names the snapshot in messages: ``snapshot`` for a single object, ``snapshot[3]`` in an array.
    """
    c = _Collector()
    snap = _parse(c, obj, path)
    if c.problems or snap is None:
        raise SnapshotError(c.problems or [f"{path}: not a valid snapshot"])
    return snap


def collect_problems(obj: object, path: str = "snapshot") -> tuple[Snapshot | None, list[str]]:
    """Like `parse_snapshot` but returns ``(snapshot or None, problems)`` instead of raising."""
    c = _Collector()
    snap = _parse(c, obj, path)
    return (snap if not c.problems else None), c.problems


def _parse(c: _Collector, raw: object, path: str) -> Snapshot | None:
    given = c.obj(raw, path)
    if given is None:
        return None
    c.keys(given, _SNAPSHOT_FIELD_SET, SNAPSHOT_FIELDS, path)
    # JSON null means "not recorded", the same as a missing field (grading-json.md: every field optional).
    obj = given if None not in given.values() else {k: v for k, v in given.items() if v is not None}
    p = path

    age: float | None = None
    if "age_years" in obj:
        age = c.number(obj["age_years"], p, "age_years")
        # No §10 range for age: only refuse the impossible (negative). No upper bound is invented.
        if age is not None and age < 0:
            c.add(f"{p}.age_years", f"{_show(age)} must not be negative")
            age = None
    weight = c.ranged("weight_kg", obj["weight_kg"], p, "weight_kg") if "weight_kg" in obj else None
    temp = (c.ranged("temperature_c", obj["temperature_c"], p, "temperature_c")
            if "temperature_c" in obj else None)
    masked = _optional(obj, "fever_masked", p, c.boolean)
    hypotension = _optional(obj, "hypotension", p, c.boolean)
    vaso: tuple[VasopressorInfusion, ...] = ()
    if "vasopressors" in obj:
        # An out-of-range weight is reported on its own; do not also report "needs weight_kg".
        vaso = _vasopressors(c, obj["vasopressors"], f"{p}.vasopressors", weight, "weight_kg" in obj)
    oxygen = _oxygen(c, obj["oxygen"], f"{p}.oxygen") if "oxygen" in obj else None
    ice = _ice(c, obj["ice"], f"{p}.ice") if "ice" in obj else None
    ice_unable = c.enum(IceUnable, obj["ice_unable"], p, "ice_unable") if "ice_unable" in obj else None
    capd = _capd(c, obj["capd"], f"{p}.capd") if "capd" in obj else None
    capd_unable = _optional(obj, "capd_unable", p, c.boolean)
    consciousness = (c.enum(Consciousness, obj["consciousness"], p, "consciousness")
                     if "consciousness" in obj else None)
    seizure = c.enum(Seizure, obj["seizure"], p, "seizure") if "seizure" in obj else None
    motor = (c.enum(MotorWeakness, obj["motor_weakness"], p, "motor_weakness")
             if "motor_weakness" in obj else None)
    icp = _icp(c, obj["icp_findings"], f"{p}.icp_findings") if "icp_findings" in obj else frozenset()

    # One encephalopathy tool per snapshot (grading-json.md); a tool is either scored or "unable".
    ice_given = [k for k in ("ice", "ice_unable") if k in obj]
    capd_given = [k for k in ("capd", "capd_unable") if k in obj and not (k == "capd_unable"
                                                                          and obj[k] is False)]
    if ice_given and capd_given:
        c.add(f"{p}.{capd_given[0]}", f"cannot be given together with {ice_given[0]}: "
                                      "record one encephalopathy tool (ICE or CAPD)")
    if "ice" in obj and "ice_unable" in obj:
        c.add(f"{p}.ice_unable", "cannot be given together with ice: ICE is either scored or not possible")
    if "capd" in obj and obj.get("capd_unable") is True:
        c.add(f"{p}.capd_unable", "cannot be true together with capd: CAPD is either scored or not possible")

    if c.problems:
        return None
    return _new_snapshot(age, weight, temp, bool(masked), bool(hypotension), vaso, oxygen, ice, ice_unable,
                         capd, bool(capd_unable), consciousness, seizure, motor, icp)


def snapshot_to_json(snapshot: Snapshot) -> dict[str, Any]:
    """A `Snapshot` as the grading-json.md input object (only recorded fields), for scripts and tests."""
    out: dict[str, Any] = {}
    s = snapshot
    for key in ("age_years", "weight_kg", "temperature_c"):
        v = getattr(s, key)
        if v is not None:
            out[key] = v
    if s.fever_masked:
        out["fever_masked"] = True
    if s.hypotension:
        out["hypotension"] = True
    if s.vasopressors:
        out["vasopressors"] = [{"drug": v.drug.value, "dose": v.dose, "unit": v.unit.value}
                               for v in s.vasopressors]
    if s.oxygen is not None:
        o: dict[str, Any] = {"device": s.oxygen.device.value}
        if s.oxygen.flow_l_min is not None:
            o["flow_l_min"] = s.oxygen.flow_l_min
        if s.oxygen.for_comfort:
            o["for_comfort"] = True
        out["oxygen"] = o
    if s.ice is not None:
        out["ice"] = {k: getattr(s.ice, k) for k in ICE_ITEM_MAX}
    if s.ice_unable is not None:
        out["ice_unable"] = s.ice_unable.value
    if s.capd is not None:
        out["capd"] = {k: getattr(s.capd, k).value for k in CAPD_ITEM_NAMES}
    if s.capd_unable:
        out["capd_unable"] = True
    for key in ("consciousness", "seizure", "motor_weakness"):
        v = getattr(s, key)
        if v is not None:
            out[key] = v.value
    if s.icp_findings:
        out["icp_findings"] = sorted(f.value for f in s.icp_findings)
    return out


def result_to_json(result: GradingResult, lang: str = "en") -> dict[str, Any]:
    """A `GradingResult` as the grading-json.md output object, keys in the order of the spec.

    Drivers are sentences in ``lang`` ("en" or "zh_CN"); the NE-equivalent is rounded to 0.1 µg/min
    (None only if it could not be computed, which a valid JSON snapshot never causes).
    """
    crs = result.crs
    icans = result.icans
    vaso = result.vasopressors
    ne = vaso.ne_equivalent_ug_min
    return {
        "crs": {"grade": crs.grade, "drivers": [describe(d, lang) for d in crs.drivers]},
        "icans": {
            "grade": icans.grade,
            "status": icans.status.value,
            "tool": None if icans.tool is None else icans.tool.value,
            "score": icans.score,
            "drivers": [describe(d, lang) for d in icans.drivers],
        },
        "vasopressors": {
            "count": vaso.count,
            "count_excluding_vasopressin": vaso.count_excluding_vasopressin,
            "ne_equivalent_ug_min": None if ne is None else round(ne, 1) + 0.0,
            "high_dose": vaso.high_dose,
        },
    }
