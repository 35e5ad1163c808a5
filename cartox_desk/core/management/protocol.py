"""Management protocols as data: schema, loader and validation (plain Python, no jsonschema).

A protocol file (resources/protocols/*.json) holds every recommendation row with its source section, the
tocilizumab limits and the methylprednisolone taper. `load_protocol` refuses a bad file with a
`ProtocolError` naming the file and the problem; callers keep the protocol they already have.
Nothing is read at import time: files are read only when `load_protocol` / `default_protocol` is called.

File format ("format": "cartox-protocol/1"), every key checked, unknown keys refused:

    id, version                 recorded with every grade record (e.g. "csco-2024", "2024.1")
    title: {en, zh_CN}
    crs, icans: {"1": [row...], "2": [...], "3": [...], "4": [...]}   all four grades, >= 1 checklist row each
    crs_notes, icans_notes, population_notes, refractory, hlh_mas, carac, iechs,
    hypogammaglobulinemia, icaht, prophylaxis, monitoring: [row...]   (optional sections)
    tocilizumab: {mg_per_kg, mg_per_kg_low_weight, low_weight_below_kg, max_mg_per_dose, min_interval_h,
                  max_doses_24h, max_doses_total, infusion_minutes, source, source_24h, source_total}
    methylprednisolone_taper: {source, steps: [{days, dose_mg, interval_h}...]}
    escalation: {not_improved_after_h, source}

    row: {code (has en + zh_CN text in texts.py), source, kind: checklist|note|alternative,
          when: a condition in CONDITIONS (its numbers in params), params: {name: number|string},
          doses: [{drug, amount: number | [min, max], unit in DOSE_UNITS, route?, interval?, duration?}],
          calculator?: tocilizumab | methylprednisolone_taper | weight_based}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cartox_desk.core.management.model import DoseSpec, Kind

FORMAT = "cartox-protocol/1"
GRADES = (1, 2, 3, 4)

# Conditions a row may carry ("when"), with the row parameters each one needs (its numbers live in the file).
CONDITIONS: dict[str, tuple[str, ...]] = {
    "always": (),
    "b_all_high_burden": ("blasts_pct_min",),
    "fever_persisting": ("days",),
    "tocilizumab_not_given": (),
    "concurrent_crs_no_anti_il6": (),
    "anti_il6_failed_or_no_crs": (),
    "concurrent_crs_at_least": ("crs_grade_min",),
    "severe_neurotox_likely": (),
    "if_refractory": (),
    "if_no_steroid_response": (),
    "if_no_response": (),
    "if_hypoxia": (),
    "if_hypotension": (),
    "if_neutropenic": (),
    "if_no_improvement": (),
    "if_high_risk": (),
    "seizure": (),
    "cerebral_edema": (),
    "dx_b_all": (),
    "dx_nhl": (),
    "dx_mm": (),
    "target_gprc5d": (),
    "hbv_positive": (),
    "igg_at_most": ("igg_mg_dl_max",),
    "b_all_igg_below_recurrent_infections": ("igg_mg_dl_below",),
    "anc_below": ("anc_1e9_l_below",),
    "hematotox_high": (),
}

CALCULATORS = frozenset({"tocilizumab", "methylprednisolone_taper", "weight_based"})
DOSE_UNITS = frozenset({"mg", "g", "mg/kg", "g/kg", "ug/kg", "mg/day", "g/day", "mg/m2", "mg/kg/day"})
KINDS = frozenset(k.value for k in Kind)
# Sections beyond the per-grade CRS / ICANS tables; each is a flat list of rows.
SECTIONS = ("crs_notes", "icans_notes", "population_notes", "refractory", "hlh_mas", "carac", "iechs",
            "hypogammaglobulinemia", "icaht", "prophylaxis", "monitoring")
_CODE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


class ProtocolError(ValueError):
    """A protocol file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ProtocolRow:
    code: str
    source: str
    kind: Kind
    when: str
    doses: tuple[DoseSpec, ...] = ()
    calculator: str | None = None
    params: tuple[tuple[str, float | str], ...] = ()

    def param(self, name: str) -> float | str | None:
        return dict(self.params).get(name)

    def number(self, name: str) -> float:
        value = dict(self.params)[name]
        assert isinstance(value, int | float)
        return float(value)


@dataclass(frozen=True, slots=True)
class TocilizumabRules:
    mg_per_kg: float
    mg_per_kg_low_weight: float
    low_weight_below_kg: float
    max_mg_per_dose: float
    min_interval_h: float
    max_doses_24h: int
    max_doses_total: int
    infusion_minutes: int
    source: str
    source_24h: str
    source_total: str


@dataclass(frozen=True, slots=True)
class TaperRule:
    drug: str
    steps: tuple[tuple[int, float, int], ...]  # (days, dose_mg, interval_h)
    source: str


@dataclass(frozen=True, slots=True)
class Protocol:
    id: str
    version: str
    title_en: str
    title_zh: str
    crs: tuple[tuple[ProtocolRow, ...], ...]  # index 0 = grade 1
    icans: tuple[tuple[ProtocolRow, ...], ...]
    sections: tuple[tuple[str, tuple[ProtocolRow, ...]], ...]
    tocilizumab: TocilizumabRules
    taper: TaperRule
    escalation_hours: float
    escalation_source: str
    path: str = ""

    def rows(self, domain: str, grade: int) -> tuple[ProtocolRow, ...]:
        """The rows of the CRS or ICANS table for one grade (1-4)."""
        table = self.crs if domain == "crs" else self.icans
        return table[grade - 1]

    def section(self, name: str) -> tuple[ProtocolRow, ...]:
        return dict(self.sections).get(name, ())

    def all_rows(self) -> tuple[ProtocolRow, ...]:
        rows = [r for grade in (*self.crs, *self.icans) for r in grade]
        rows += [r for _, section in self.sections for r in section]
        return tuple(rows)


def protocols_dir() -> Path:
    """resources/protocols at the repository root (next to cartox_desk/)."""
    return Path(__file__).resolve().parents[3] / "resources" / "protocols"


def available_protocols() -> tuple[Path, ...]:
    """The protocol files shipped in resources/protocols (not validated: load each with `load_protocol`)."""
    directory = protocols_dir()
    return tuple(sorted(directory.glob("*.json"))) if directory.is_dir() else ()


def default_protocol() -> Protocol:
    """The default protocol, CSCO-2024 (clinical-rules §4-§5). Reads the file when called."""
    return load_protocol(protocols_dir() / "csco-2024.json")


def load_protocol(path: str | Path) -> Protocol:
    """Read and validate a protocol file; raise `ProtocolError` (file + problem) when it is unusable."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(f"{path}: cannot read protocol: {exc}") from exc
    try:
        return parse_protocol(raw, str(path))
    except _Invalid as exc:
        raise ProtocolError(f"{path}: invalid protocol: {exc}") from exc


class _Invalid(Exception):
    pass


def parse_protocol(raw: Any, origin: str = "<data>") -> Protocol:
    """Validate already-parsed JSON; raises `_Invalid` (wrapped by `load_protocol`)."""
    from cartox_desk.core.management.texts import has_text  # texts has no file I/O

    obj = _mapping(raw, "top level")
    _keys(obj, "top level", required={"format", "id", "version", "title", "crs", "icans", "tocilizumab",
                                      "methylprednisolone_taper", "escalation"},
          optional=set(SECTIONS) | {"description", "based_on"})
    if obj["format"] != FORMAT:
        raise _Invalid(f"format must be {FORMAT!r}, found {obj['format']!r}")
    pid = _str(obj["id"], "id")
    if not _ID.match(pid):
        raise _Invalid(f"id {pid!r} must be lower-case letters, digits, '.' or '-'")
    version = _str(obj["version"], "version")
    title = _mapping(obj["title"], "title")
    _keys(title, "title", required={"en", "zh_CN"})

    def table(name: str) -> tuple[tuple[ProtocolRow, ...], ...]:
        grades = _mapping(obj[name], name)
        expected = {str(g) for g in GRADES}
        if set(grades) != expected:
            missing = sorted(expected - set(grades))
            extra = sorted(set(grades) - expected)
            raise _Invalid(f"{name} must cover grades 1-4 exactly (missing {missing}, unexpected {extra})")
        out = []
        for g in GRADES:
            rows = _rows(grades[str(g)], f"{name} grade {g}", has_text)
            if not any(r.kind == Kind.CHECKLIST for r in rows):
                raise _Invalid(f"{name} grade {g} has no checklist row")
            out.append(rows)
        return tuple(out)

    crs = table("crs")
    icans = table("icans")
    sections = tuple((name, _rows(obj[name], name, has_text)) for name in SECTIONS if name in obj)

    t = _mapping(obj["tocilizumab"], "tocilizumab")
    tkeys = {"mg_per_kg", "mg_per_kg_low_weight", "low_weight_below_kg", "max_mg_per_dose", "min_interval_h",
             "max_doses_24h", "max_doses_total", "infusion_minutes", "source", "source_24h", "source_total"}
    _keys(t, "tocilizumab", required=tkeys)
    toci = TocilizumabRules(
        mg_per_kg=_pos(t["mg_per_kg"], "tocilizumab.mg_per_kg"),
        mg_per_kg_low_weight=_pos(t["mg_per_kg_low_weight"], "tocilizumab.mg_per_kg_low_weight"),
        low_weight_below_kg=_pos(t["low_weight_below_kg"], "tocilizumab.low_weight_below_kg"),
        max_mg_per_dose=_pos(t["max_mg_per_dose"], "tocilizumab.max_mg_per_dose"),
        min_interval_h=_pos(t["min_interval_h"], "tocilizumab.min_interval_h"),
        max_doses_24h=_posint(t["max_doses_24h"], "tocilizumab.max_doses_24h"),
        max_doses_total=_posint(t["max_doses_total"], "tocilizumab.max_doses_total"),
        infusion_minutes=_posint(t["infusion_minutes"], "tocilizumab.infusion_minutes"),
        source=_str(t["source"], "tocilizumab.source"),
        source_24h=_str(t["source_24h"], "tocilizumab.source_24h"),
        source_total=_str(t["source_total"], "tocilizumab.source_total"),
    )
    m = _mapping(obj["methylprednisolone_taper"], "methylprednisolone_taper")
    _keys(m, "methylprednisolone_taper", required={"source", "steps"})
    steps_raw = m["steps"]
    if not isinstance(steps_raw, list) or not steps_raw:
        raise _Invalid("methylprednisolone_taper.steps must be a non-empty list")
    steps = []
    for i, s in enumerate(steps_raw):
        where = f"methylprednisolone_taper.steps[{i}]"
        s = _mapping(s, where)
        _keys(s, where, required={"days", "dose_mg", "interval_h"})
        interval = _posint(s["interval_h"], f"{where}.interval_h")
        if 24 % interval:
            raise _Invalid(f"{where}.interval_h must divide 24, found {interval}")
        steps.append((_posint(s["days"], f"{where}.days"), _pos(s["dose_mg"], f"{where}.dose_mg"), interval))
    taper = TaperRule("methylprednisolone", tuple(steps),
                      _str(m["source"], "methylprednisolone_taper.source"))
    e = _mapping(obj["escalation"], "escalation")
    _keys(e, "escalation", required={"not_improved_after_h", "source"})

    return Protocol(id=pid, version=version, title_en=_str(title["en"], "title.en"),
                    title_zh=_str(title["zh_CN"], "title.zh_CN"), crs=crs, icans=icans, sections=sections,
                    tocilizumab=toci, taper=taper,
                    escalation_hours=_pos(e["not_improved_after_h"], "escalation.not_improved_after_h"),
                    escalation_source=_str(e["source"], "escalation.source"), path=origin)


def _rows(raw: Any, where: str, has_text: Any) -> tuple[ProtocolRow, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Invalid(f"{where} must be a non-empty list of rows")
    rows = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        r = _mapping(item, here)
        _keys(r, here, required={"code", "source"},
              optional={"kind", "when", "doses", "calculator", "params"})
        code = _str(r["code"], f"{here}.code")
        if not _CODE.match(code):
            raise _Invalid(f"{here}.code {code!r} is not a dotted lower-case code")
        if code in seen:
            raise _Invalid(f"{here}.code {code!r} appears twice in {where}")
        seen.add(code)
        if not has_text(code):
            raise _Invalid(f"{here}.code {code!r} has no English / Chinese text")
        kind = r.get("kind", "checklist")
        if kind not in KINDS:
            raise _Invalid(f"{here}.kind must be one of {sorted(KINDS)}, found {kind!r}")
        when = r.get("when", "always")
        if when not in CONDITIONS:
            raise _Invalid(f"{here}.when {when!r} is not a known condition")
        prm = _mapping(r.get("params", {}), f"{here}.params")
        for name, value in prm.items():
            if not isinstance(value, int | float | str) or isinstance(value, bool):
                raise _Invalid(f"{here}.params.{name} must be a number or a string")
        for needed in CONDITIONS[when]:
            if needed not in prm or not isinstance(prm[needed], int | float):
                raise _Invalid(f"{here}: condition {when!r} needs a numeric params.{needed}")
        calc = r.get("calculator")
        if calc is not None and calc not in CALCULATORS:
            raise _Invalid(f"{here}.calculator must be one of {sorted(CALCULATORS)}, found {calc!r}")
        doses = _doses(r.get("doses", []), here)
        if calc == "weight_based" and not any(d.unit.endswith("/kg") for d in doses):
            raise _Invalid(f"{here}: calculator 'weight_based' needs a dose per kg")
        rows.append(ProtocolRow(code=code, source=_str(r["source"], f"{here}.source"), kind=Kind(kind),
                                when=when, doses=doses, calculator=calc,
                                params=tuple((k, v) for k, v in prm.items())))
    return tuple(rows)


def _doses(raw: Any, where: str) -> tuple[DoseSpec, ...]:
    if not isinstance(raw, list):
        raise _Invalid(f"{where}.doses must be a list")
    out = []
    for i, item in enumerate(raw):
        here = f"{where}.doses[{i}]"
        d = _mapping(item, here)
        _keys(d, here, required={"drug", "amount", "unit"}, optional={"route", "interval", "duration"})
        amount = d["amount"]
        if isinstance(amount, list):
            if len(amount) != 2:
                raise _Invalid(f"{here}.amount range must be [min, max]")
            lo, hi = _pos(amount[0], f"{here}.amount"), _pos(amount[1], f"{here}.amount")
            if lo > hi:
                raise _Invalid(f"{here}.amount range {lo}-{hi} is reversed")
        else:
            lo = hi = _pos(amount, f"{here}.amount")
        unit = _str(d["unit"], f"{here}.unit")
        if unit not in DOSE_UNITS:
            raise _Invalid(f"{here}.unit {unit!r} is not one of {sorted(DOSE_UNITS)}")
        opt = {k: _str(d[k], f"{here}.{k}") if k in d else None for k in ("route", "interval", "duration")}
        out.append(DoseSpec(drug=_str(d["drug"], f"{here}.drug"), amount_min=lo, amount_max=hi, unit=unit,
                            route=opt["route"], interval=opt["interval"], duration=opt["duration"]))
    return tuple(out)


def _mapping(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise _Invalid(f"{where} must be an object")
    return raw


def _keys(obj: Mapping[str, Any], where: str, required: set[str], optional: set[str] | None = None) -> None:
    missing = required - set(obj)
    if missing:
        raise _Invalid(f"{where}: missing {sorted(missing)}")
    unknown = set(obj) - required - (optional or set())
    if unknown:
        raise _Invalid(f"{where}: unknown keys {sorted(unknown)}")


def _str(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _Invalid(f"{where} must be a non-empty string")
    return raw


def _pos(raw: Any, where: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not raw > 0:
        raise _Invalid(f"{where} must be a positive number, found {raw!r}")
    return float(raw)


def _posint(raw: Any, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw <= 0:
        raise _Invalid(f"{where} must be a positive whole number, found {raw!r}")
    return raw
