"""Input checks before anything is written (clinical-rules §10): each returns the column values to store
or raises `ValidationError` listing every problem, each message naming the field and the range."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum
from typing import Any, TypeVar, cast

from cartox_desk.core import ranges
from cartox_desk.core.capd import capd_total
from cartox_desk.core.ice import ice_total
from cartox_desk.core.labs import ANALYTES, Analyte, to_canonical
from cartox_desk.core.records import IECHS_GRADES, InterventionKind, MedicationKind, VasopressorEvent
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    Seizure,
    VasopressorDrug,
)
from cartox_desk.persistence.repositories import CAPD_FIELDS, ICE_FIELDS
from cartox_desk.services.errors import FieldProblem, ValidationError

FUTURE_TOLERANCE = timedelta(minutes=5)  # clinical-rules §10
E = TypeVar("E", bound=Enum)


class Problems:
    """Collects field problems; `raise_if_any` raises one ValidationError with all of them."""

    def __init__(self) -> None:
        self.items: list[FieldProblem] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(FieldProblem(field, message))

    def message(self, field: str, message: str | None) -> None:
        if message:
            self.add(field, message)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)

    def merge(self, other: Problems, prefix: str = "") -> None:
        """Take ``other``'s problems, their field paths (and the field named at the start of each message)
        prefixed, e.g. ``dose`` -> ``vasopressors[1].dose`` (one part of a compound write)."""
        for item in other.items:
            if not prefix or item.field == prefix.rstrip("."):
                self.items.append(item)
                continue
            field = prefix + item.field
            named = item.message.startswith(item.field + ":")
            message = prefix + item.message if named else f"{field}: {item.message}"
            self.items.append(FieldProblem(field, message))

    def number(self, field: str, value: Any, *, required: bool = False) -> float | None:
        if value is None:
            if required:
                self.add(field, f"{field}: required")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(field, f"{field}: {value!r} is not a number")
            return None
        if not math.isfinite(value):
            self.add(field, f"{field}: {value!r} is not a finite number")
            return None
        return float(value)

    def ranged(
        self, field: str, value: Any, *, range_field: str | None = None, required: bool = False
    ) -> float | None:
        v = self.number(field, value, required=required)
        if v is not None:
            msg = ranges.check_range(range_field or field, v, path=field)
            if msg:
                self.add(field, msg)
                return None
        return v

    def enum(self, cls: type[E], field: str, value: Any, *, required: bool = True) -> E | None:
        if value is None:
            if required:
                self.add(field, f"{field}: required")
            return None
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in cls)
            self.add(field, f"{field}: {value!r} is not one of {allowed}")
            return None

    def positive(self, field: str, value: Any) -> float | None:
        v = self.number(field, value, required=True)
        if v is not None:
            msg = ranges.check_positive_dose(v, path=field)
            if msg:
                self.add(field, msg)
                return None
        return v


def check_time(
    p: Problems, field: str, at: Any, *, now: datetime, date_of_birth: date | None, tz: tzinfo
) -> datetime | None:
    """Aware, not more than 5 min in the future, not before the date of birth (clinical-rules §10)."""
    if not isinstance(at, datetime):
        p.add(field, f"{field}: {at!r} is not a date-time")
        return None
    if at.tzinfo is None or at.utcoffset() is None:
        p.add(field, f"{field}: {at.isoformat()} has no time zone (times must be timezone-aware)")
        return None
    if at > now + FUTURE_TOLERANCE:
        p.add(field, f"{field}: {at.isoformat()} is more than 5 minutes in the future")
        return None
    if date_of_birth is not None and at.astimezone(tz).date() < date_of_birth:
        p.add(field, f"{field}: {at.isoformat()} is before the date of birth {date_of_birth.isoformat()}")
        return None
    return at


Validator = Callable[[Problems, dict[str, Any]], dict[str, Any]]


def vitals(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    t_c, t_f = v.get("temperature_c"), v.get("temperature_f")
    if t_c is not None and t_f is not None:
        p.add("temperature_c", "temperature_c: give the temperature in °C or in °F, not both")
    elif t_f is not None:
        f = p.ranged("temperature_f", t_f)
        if f is not None:
            out.update(
                temperature_c=round(ranges.fahrenheit_to_celsius(f), 2),
                temperature_as_entered=f,
                temperature_unit_as_entered="[degF]",
            )
    elif t_c is not None:
        c = p.ranged("temperature_c", t_c)
        if c is not None:
            out.update(temperature_c=c, temperature_as_entered=c, temperature_unit_as_entered="Cel")
    for name in (
        "heart_rate_per_min",
        "systolic_bp_mmhg",
        "diastolic_bp_mmhg",
        "respiratory_rate_per_min",
        "spo2_pct",
    ):
        out[name] = p.ranged(name, v.get(name))
    mean = p.number("mean_bp_mmhg", v.get("mean_bp_mmhg"))
    if mean is not None and mean <= 0:
        p.add("mean_bp_mmhg", f"mean_bp_mmhg: {ranges.format_number(mean)} must be greater than 0")
    out["mean_bp_mmhg"] = mean
    if out["diastolic_bp_mmhg"] is not None and out["systolic_bp_mmhg"] is not None:
        p.message(
            "diastolic_bp_mmhg",
            ranges.check_diastolic_below_systolic(out["diastolic_bp_mmhg"], out["systolic_bp_mmhg"]),
        )
    out["hypotension_confirmed"] = bool(v.get("hypotension_confirmed", False))
    measured = [
        k
        for k in (
            "temperature_c",
            "heart_rate_per_min",
            "systolic_bp_mmhg",
            "diastolic_bp_mmhg",
            "mean_bp_mmhg",
            "respiratory_rate_per_min",
            "spo2_pct",
        )
        if out.get(k) is not None
    ]
    if not measured and not out["hypotension_confirmed"] and not p.items:
        p.add("vitals", "vitals: nothing recorded (enter at least one value)")
    return out


def oxygen(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    device = p.enum(OxygenDevice, "device", v.get("device"))
    flow = p.ranged("flow_l_min", v.get("flow_l_min"))
    return {
        "device": device.value if device else None,
        "flow_l_min": flow,
        "for_comfort": bool(v.get("for_comfort", False)),
    }


def vasopressor(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    drug = p.enum(VasopressorDrug, "drug", v.get("drug"))
    event = p.enum(VasopressorEvent, "event", v.get("event"))
    unit = p.enum(DoseRateUnit, "unit", v.get("unit"))
    dose = None
    if event is VasopressorEvent.STOP:
        dose = None
    elif event is not None:
        dose = p.positive("dose", v.get("dose"))
    return {
        "drug": drug.value if drug else None,
        "event": event.value if event else None,
        "dose": dose,
        "unit": unit.value if unit else None,
    }


def fluid_bolus(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    return {"volume_ml": p.positive("volume_ml", v.get("volume_ml")), "fluid": str(v.get("fluid") or "")}


def lab(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    analyte = p.enum(Analyte, "analyte", v.get("analyte"))
    value = p.number("value", v.get("value"), required=True)
    unit = v.get("unit")
    if value is not None and value < 0:
        p.add("value", f"value: {ranges.format_number(value)} must be 0 or more")
        value = None
    canonical = None
    if analyte is not None:
        if not unit:
            unit = ANALYTES[analyte].canonical_unit
        try:
            canonical = to_canonical(analyte, value if value is not None else 0.0, str(unit))
        except ValueError as exc:
            p.add("unit", f"unit: {exc}")
    info = ANALYTES[analyte] if analyte is not None else None
    return {
        "analyte": analyte.value if analyte else None,
        "loinc": info.loinc if info else None,
        "value": canonical if value is not None else None,
        "unit": info.canonical_unit if info else None,
        "value_as_entered": value,
        "unit_as_entered": str(unit) if unit else None,
        "reported_at": v.get("reported_at"),
    }


def _ice_columns(p: Problems, ice: Any) -> dict[str, Any]:
    if not isinstance(ice, IceAssessment):
        p.add("ice", "ice: expected an IceAssessment")
        return {}
    out: dict[str, Any] = {}
    for item in ICE_FIELDS:
        value = getattr(ice, item)
        if isinstance(value, bool) or not isinstance(value, int):
            p.add(f"ice.{item}", f"ice.{item}: {value!r} is not a whole number")
            continue
        p.message(f"ice.{item}", ranges.check_range(item, value, path=f"ice.{item}"))
        out[f"ice_{item}"] = value
    return out


def encephalopathy(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    tool = p.enum(EncephalopathyTool, "tool", v.get("tool"))
    out: dict[str, Any] = {
        "tool": tool.value if tool else None,
        "language": str(v.get("language") or "zh_CN"),
        "is_baseline": bool(v.get("is_baseline", False)),
        "capd_unable": False,
        "ice_unable": None,
        "score": None,
    }
    if tool is EncephalopathyTool.ICE:
        ice, unable = v.get("ice"), v.get("ice_unable")
        if (ice is None) == (unable is None):
            p.add("ice", "ice: record either the ICE items or why the ICE could not be done")
        elif unable is not None:
            u = p.enum(IceUnable, "ice_unable", unable)
            out["ice_unable"] = u.value if u else None
        else:
            out.update(_ice_columns(p, ice))
            if not p.items:
                out["score"] = ice_total(cast(IceAssessment, ice))
    elif tool is EncephalopathyTool.CAPD:
        capd, unable = v.get("capd"), bool(v.get("capd_unable", False))
        if (capd is not None) != unable:
            if isinstance(capd, CapdAssessment):
                for item in CAPD_FIELDS:
                    answer = p.enum(CapdAnswer, f"capd.{item}", getattr(capd, item))
                    out[f"capd_{item}"] = answer.value if answer else None
                if not p.items:
                    out["score"] = capd_total(capd)
            elif capd is not None:
                p.add("capd", "capd: expected a CapdAssessment")
            out["capd_unable"] = unable
        else:
            p.add("capd", "capd: record either the CAPD answers or that the child cannot be roused")
    return out


def neuro_exam(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    c = p.enum(Consciousness, "consciousness", v.get("consciousness"), required=False)
    s = p.enum(Seizure, "seizure", v.get("seizure"), required=False)
    m = p.enum(MotorWeakness, "motor_weakness", v.get("motor_weakness"), required=False)
    findings: list[str] = []
    for i, f in enumerate(v.get("icp_findings") or ()):
        e = p.enum(IcpFinding, f"icp_findings[{i}]", f)
        if e is not None:
            findings.append(e.value)
    imaging = str(v.get("imaging_result") or "")
    if c is None and s is None and m is None and not findings and not imaging and not p.items:
        p.add("neuro_exam", "neuro_exam: nothing recorded")
    return {
        "consciousness": c.value if c else None,
        "seizure": s.value if s else None,
        "motor_weakness": m.value if m else None,
        "icp_findings": sorted(set(findings)),
        "imaging_result": imaging,
    }


def medication(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    kind = p.enum(MedicationKind, "kind", v.get("kind"))
    dose = p.positive("dose", v.get("dose"))
    unit = str(v.get("unit") or "").strip()
    if not unit:
        p.add("unit", "unit: required")
    name = str(v.get("drug_name") or (kind.value if kind else "")).strip()
    return {
        "kind": kind.value if kind else None,
        "drug_name": name,
        "dose": dose,
        "unit": unit,
        "route": str(v.get("route") or ""),
    }


def intervention(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    kind = p.enum(InterventionKind, "kind", v.get("kind"))
    return {"kind": kind.value if kind else None, "note": str(v.get("note") or "")}


def iechs_grade(p: Problems, v: dict[str, Any]) -> dict[str, Any]:
    """The physician's IEC-HS grade: a whole number 0-5 (0 = resolved / ruled out; 1-5 = CSCO-2024 §4.3.2)."""
    value = v.get("grade")
    accepted = (
        f"IEC-HS grade {IECHS_GRADES[0]}-{IECHS_GRADES[-1]} "
        "(0 = resolved / ruled out, 1-5 = CSCO-2024 §4.3.2)"
    )
    grade: int | None = None
    if value is None:
        p.add("grade", f"grade: required; {accepted}")
    elif (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value != int(value)
    ):
        p.add("grade", f"grade: {value!r} is not a whole number; {accepted}")
    elif int(value) not in IECHS_GRADES:
        p.add("grade", f"grade: {int(value)} is out of range; {accepted}")
    else:
        grade = int(value)
    return {"grade": grade, "note": str(v.get("note") or "").strip()}


VALIDATORS: dict[str, Validator] = {
    "vitals": vitals,
    "oxygen": oxygen,
    "vasopressor": vasopressor,
    "fluid_bolus": fluid_bolus,
    "lab": lab,
    "encephalopathy": encephalopathy,
    "neuro_exam": neuro_exam,
    "medication": medication,
    "intervention": intervention,
    "iechs_grade": iechs_grade,
}


def inputs_from_row(kind: str, row: Any) -> dict[str, Any]:
    """The service inputs that would recreate ``row`` (the base an amendment changes)."""
    cols = {c.name: getattr(row, c.name) for c in row.__table__.columns}
    if kind == "vitals":
        out = {
            k: cols[k]
            for k in (
                "heart_rate_per_min",
                "systolic_bp_mmhg",
                "diastolic_bp_mmhg",
                "mean_bp_mmhg",
                "respiratory_rate_per_min",
                "spo2_pct",
                "hypotension_confirmed",
            )
        }
        if cols["temperature_unit_as_entered"] == "[degF]":
            out["temperature_f"] = cols["temperature_as_entered"]
        else:
            out["temperature_c"] = cols["temperature_c"]
        return out
    if kind == "lab":
        return {
            "analyte": cols["analyte"],
            "value": cols["value_as_entered"],
            "unit": cols["unit_as_entered"],
            "reported_at": cols["reported_at"],
        }
    if kind == "encephalopathy":
        out = {"tool": cols["tool"], "language": cols["language"], "is_baseline": cols["is_baseline"]}
        if cols["tool"] == EncephalopathyTool.ICE.value:
            if cols["ice_unable"]:
                out["ice_unable"] = cols["ice_unable"]
            else:
                out["ice"] = IceAssessment(*(cols[f"ice_{f}"] for f in ICE_FIELDS))
        elif cols["capd_unable"]:
            out["capd_unable"] = True
        else:
            out["capd"] = CapdAssessment(*(CapdAnswer(cols[f"capd_{f}"]) for f in CAPD_FIELDS))
        return out
    base = {
        "id",
        "patient_id",
        "at",
        "entered_by_id",
        "entered_at",
        "amends_id",
        "amendment_reason",
        "voided",
    }
    return {k: v for k, v in cols.items() if k not in base}
