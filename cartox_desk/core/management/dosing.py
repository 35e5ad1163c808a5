"""Dose calculators that carry their arithmetic as data (clinical-rules §4, §5, §8).

Every number comes from the protocol file (tocilizumab limits, taper steps, per-kg doses). Amounts are not
rounded to vial sizes: the physician and pharmacy do that.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from cartox_desk.core.management.context import Administration, Medication
from cartox_desk.core.management.model import (
    DoseSpec,
    ScheduledDay,
    TaperStep,
    TocilizumabDose,
    WeightBasedDose,
)
from cartox_desk.core.management.protocol import TaperRule, TocilizumabRules

# Priority when several limits apply at once: the most final first.
_REFUSAL_ORDER = ("max_total", "24h_limit", "interval", "no_weight")


def tocilizumab_dose(weight_kg: float | None, administrations: tuple[Administration, ...], now: datetime,
                     rules: TocilizumabRules) -> TocilizumabDose:
    """The next tocilizumab dose and whether the limits allow it now.

    8 mg/kg at >= 30 kg, 12 mg/kg below 30 kg, at most 800 mg per dose; >= 8 h between doses; at most 3
    doses in 24 h (ASCO-2021); at most 4 doses in total (REVIEW-2022, label): the fifth is refused.
    "In 24 h" counts the doses given in the 24 h before the proposed dose, (now - 24 h, now].
    Only administrations at or before `now` count.
    """
    given = sorted(a.at for a in administrations if a.kind == Medication.TOCILIZUMAB and a.at <= now)
    last = given[-1] if given else None
    window_start = now - timedelta(hours=24)
    in_24h = [t for t in given if t > window_start]

    refusals: list[str] = []
    waits: list[datetime] = []
    if len(given) >= rules.max_doses_total:
        refusals.append("max_total")
    if len(in_24h) >= rules.max_doses_24h:
        refusals.append("24h_limit")
        # The dose becomes allowed once enough of the window's doses are more than 24 h old.
        waits.append(in_24h[len(in_24h) - rules.max_doses_24h] + timedelta(hours=24))
    if last is not None and now - last < timedelta(hours=rules.min_interval_h):
        refusals.append("interval")
        waits.append(last + timedelta(hours=rules.min_interval_h))

    mg: float | None = None
    uncapped: float | None = None
    per_kg: float | None = None
    capped = False
    if weight_kg is None or weight_kg <= 0:
        refusals.append("no_weight")
    else:
        per_kg = rules.mg_per_kg_low_weight if weight_kg < rules.low_weight_below_kg else rules.mg_per_kg
        uncapped = round(per_kg * weight_kg, 2)
        capped = uncapped > rules.max_mg_per_dose
        mg = rules.max_mg_per_dose if capped else uncapped

    ordered = tuple(r for r in _REFUSAL_ORDER if r in refusals)
    next_at = None if "max_total" in refusals or not waits else max(waits)
    return TocilizumabDose(
        mg=mg, mg_per_kg=per_kg, weight_kg=weight_kg, uncapped_mg=uncapped, capped=capped,
        max_mg_per_dose=rules.max_mg_per_dose, dose_number=len(given) + 1, doses_given=len(given),
        max_doses_total=rules.max_doses_total, doses_in_last_24h=len(in_24h),
        max_doses_24h=rules.max_doses_24h,
        min_interval_h=rules.min_interval_h, last_dose_at=last, next_allowed_at=next_at,
        refusal=ordered[0] if ordered else None, refusals=ordered, source=rules.source)


def taper_schedule(start: date, rule: TaperRule) -> tuple[TaperStep, ...]:
    """The methylprednisolone schedule as dated steps from `start` (day 1 = `start`).

    CSCO-2024 §4.1.2 / §4.2.2: 1 g/day x 3 days, 250 mg q12h x 2 days, 125 mg q12h x 2 days,
    60 mg q12h x 2 days. The high-dose step continues "until back to grade 1": the physician moves `start`.
    """
    steps = []
    day = start
    for days, dose_mg, interval_h in rule.steps:
        end = day + timedelta(days=days - 1)
        per_day = 24 // interval_h
        steps.append(TaperStep(drug=rule.drug, start=day, end=end, dose_mg=dose_mg, interval_h=interval_h,
                               daily_mg=dose_mg * per_day, source=rule.source))
        day = end + timedelta(days=1)
    return tuple(steps)


_PER_KG = {"mg/kg": "mg", "g/kg": "g", "ug/kg": "ug", "mg/kg/day": "mg/day"}


def weight_based(code: str, spec: DoseSpec, weight_kg: float | None, source: str) -> WeightBasedDose | None:
    """A per-kg dose of a protocol row turned into an amount (None when `spec` is not per kg)."""
    unit = _PER_KG.get(spec.unit)
    if unit is None:
        return None
    lo = hi = None
    if weight_kg is not None and weight_kg > 0:
        lo, hi = round(spec.amount_min * weight_kg, 2), round(spec.amount_max * weight_kg, 2)
    return WeightBasedDose(code=code, drug=spec.drug, per_kg_min=spec.amount_min, per_kg_max=spec.amount_max,
                           per_kg_unit=spec.unit, weight_kg=weight_kg, amount_min=lo, amount_max=hi,
                           amount_unit=unit, interval=spec.interval, source=source)


def daily_range_mg(spec: DoseSpec) -> tuple[float, float] | None:
    """Daily total of a fixed "q<a>-<b>h" / "q<n>h" dose in mg, e.g. 10 mg q6-8h -> (30, 40); else None."""
    if spec.unit not in ("mg", "g") or spec.interval is None or not spec.interval.startswith("q"):
        return None
    body = spec.interval[1:].removesuffix("h")
    try:
        parts = [float(p) for p in body.split("-")]
    except ValueError:
        return None
    if not parts or any(p <= 0 for p in parts):
        return None
    factor = 1000.0 if spec.unit == "g" else 1.0
    longest, shortest = max(parts), min(parts)
    return (spec.amount_min * factor * 24 / longest, spec.amount_max * factor * 24 / shortest)


def ivig_course(start: date, days: int, source: str) -> tuple[ScheduledDay, ...]:
    """IVIG given on `days` consecutive days from `start` (CSCO-2024 §4.6: 5 g x 3 days)."""
    return tuple(ScheduledDay(code="hypogamma.ivig.day", day=i + 1, on=start + timedelta(days=i),
                              source=source) for i in range(days))
