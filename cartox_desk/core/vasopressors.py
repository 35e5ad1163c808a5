"""Vasopressor counts, norepinephrine-equivalent dose and the high-dose flag (clinical-rules §2).

NE-equivalent (µg/min) = norepinephrine µg/min + dopamine µg/kg/min / 2 + epinephrine µg/min
+ phenylephrine µg/min / 10; vasopressin is not converted (CSCO-2024 appendix after §3.6). Per-kg doses of
norepinephrine / epinephrine / phenylephrine are multiplied by the weight; dopamine given in µg/min is divided
by it. The high-dose flag does not change the ASTCT grade, which counts drugs, not doses.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from cartox_desk.core.fastnew import fast_constructor
from cartox_desk.core.ranges import format_number
from cartox_desk.core.results import Driver, VasopressorSummary
from cartox_desk.core.rules import (
    HIGH_DOSE_ALONE,
    HIGH_DOSE_SEVERAL,
    HIGH_DOSE_WITH_VASOPRESSIN,
    NE_EQUIVALENT_FACTOR,
    RULES_VASO,
    HighDoseRule,
)
from cartox_desk.core.snapshot import DoseRateUnit, VasopressorDrug, VasopressorInfusion
from cartox_desk.core.texts import Code

_NE = VasopressorDrug.NOREPINEPHRINE
_EPI = VasopressorDrug.EPINEPHRINE
_PHE = VasopressorDrug.PHENYLEPHRINE
_DOPA = VasopressorDrug.DOPAMINE
_VASO = VasopressorDrug.VASOPRESSIN
_UG_MIN = DoseRateUnit.UG_PER_MIN
_UG_KG_MIN = DoseRateUnit.UG_PER_KG_PER_MIN
_U_MIN = DoseRateUnit.UNITS_PER_MIN

NO_VASOPRESSORS = VasopressorSummary(count=0, count_excluding_vasopressin=0, ne_equivalent_ug_min=0.0,
                                     high_dose=False, drivers=())

THRESHOLD_TOLERANCE = 1e-9

# Why a dose could not be converted (None = converted).
_NEEDS_WEIGHT = "needs_weight"
_NOT_CONVERTIBLE = "not_convertible"


def canonical_dose(drug: VasopressorDrug, dose: float, unit: DoseRateUnit,
                   weight_kg: float | None) -> float | str:
    """The dose in the unit the §2 table uses for ``drug`` (dopamine µg/kg/min, vasopressin U/min,
    the others µg/min), or the reason it cannot be converted (``"needs_weight"`` / ``"not_convertible"``)."""
    if drug is _VASO:
        return dose if unit is _U_MIN else _NOT_CONVERTIBLE
    if unit is _U_MIN:
        return _NOT_CONVERTIBLE
    if drug is _DOPA:
        if unit is _UG_KG_MIN:
            return dose
        return dose / weight_kg if weight_kg else _NEEDS_WEIGHT
    if unit is _UG_MIN:
        return dose
    return dose * weight_kg if weight_kg else _NEEDS_WEIGHT


def ne_equivalent_ug_min(infusions: Iterable[VasopressorInfusion], weight_kg: float | None) -> float | None:
    """Norepinephrine-equivalent dose in µg/min (clinical-rules §2), unrounded.

    None when a dose needs a weight that is missing, or its unit cannot be converted for that drug.
    """
    total = 0.0
    for inf in infusions:
        if inf.drug is _VASO:
            continue
        dose = canonical_dose(inf.drug, inf.dose, inf.unit, weight_kg)
        if isinstance(dose, str):
            return None
        total += dose * NE_EQUIVALENT_FACTOR[inf.drug]
    return total


def count_drugs(infusions: tuple[VasopressorInfusion, ...]) -> tuple[int, int]:
    """(distinct drugs, distinct drugs other than vasopressin) (clinical-rules §1 rule 5)."""
    if not infusions:
        return 0, 0
    if len(infusions) == 1:
        return (1, 0) if infusions[0].drug is _VASO else (1, 1)
    drugs = {inf.drug for inf in infusions}
    n = len(drugs)
    return n, (n - 1 if _VASO in drugs else n)


@lru_cache(maxsize=1024)
def _driver(code: Code, params: tuple[tuple[str, str], ...], source: str = RULES_VASO) -> Driver:
    return Driver(code=code, grade=None, source=source, params=params)


def _high_dose_driver(rule: HighDoseRule) -> Driver:
    unit = "µg/kg/min" if rule.unit == "ug/kg/min" else "µg/min"
    return Driver(code=Code.VASO_HIGH_DOSE, grade=None, source=rule.source,
                  params=(("situation", rule.situation),
                          ("threshold", f"{format_number(rule.threshold)} {unit}")))


_HIGH_DOSE_DRIVERS: dict[str, Driver] = {
    r.situation: _high_dose_driver(r)
    for r in (*HIGH_DOSE_ALONE.values(), HIGH_DOSE_WITH_VASOPRESSIN, HIGH_DOSE_SEVERAL)
}

# Hot-path tables. At the threshold is high-dose; the tolerance absorbs binary rounding
# (0.04 + 9.96 < 10.0 in floats).
_new_summary = fast_constructor(VasopressorSummary)
_FACTOR: dict[VasopressorDrug, float] = dict(NE_EQUIVALENT_FACTOR)
_ALONE_THRESHOLD: dict[VasopressorDrug, float] = {
    d: r.threshold - THRESHOLD_TOLERANCE for d, r in HIGH_DOSE_ALONE.items()}
_ALONE_HIGH: dict[VasopressorDrug, tuple[Driver, ...]] = {
    d: (_HIGH_DOSE_DRIVERS[r.situation],) for d, r in HIGH_DOSE_ALONE.items()}
_WITH_VASO_THRESHOLD = HIGH_DOSE_WITH_VASOPRESSIN.threshold - THRESHOLD_TOLERANCE
_WITH_VASO_HIGH: tuple[Driver, ...] = (_HIGH_DOSE_DRIVERS[HIGH_DOSE_WITH_VASOPRESSIN.situation],)


def summarise_vasopressors(infusions: tuple[VasopressorInfusion, ...] | Iterable[VasopressorInfusion],
                           weight_kg: float | None) -> VasopressorSummary:
    """Counts, NE-equivalent (µg/min, unrounded) and the high-dose flag (clinical-rules §2).

    Doses of the same drug in several rows are added. ``ne_equivalent_ug_min`` is None (and the high-dose
    flag False, with a driver saying why) when a needed conversion is impossible.
    """
    infusions = tuple(infusions)
    if not infusions:
        return NO_VASOPRESSORS
    if len(infusions) == 1:  # the common case, without the general bookkeeping
        inf = infusions[0]
        drug = inf.drug
        dose = canonical_dose(drug, inf.dose, inf.unit, weight_kg)
        if not isinstance(dose, str):
            if drug is _VASO:  # vasopressin alone: vasopressin + NE-equivalent (0) >= 10
                high = dose >= _WITH_VASO_THRESHOLD
                return _new_summary(1, 0, 0.0, high, _WITH_VASO_HIGH if high else ())
            high = dose >= _ALONE_THRESHOLD[drug]
            return _new_summary(1, 1, dose * _FACTOR[drug], high, _ALONE_HIGH[drug] if high else ())
    totals: dict[VasopressorDrug, float] = {}
    problem: Driver | None = None
    for inf in infusions:
        dose = canonical_dose(inf.drug, inf.dose, inf.unit, weight_kg)
        if isinstance(dose, str):
            if problem is None:
                code = (Code.VASO_NE_EQUIVALENT_NEEDS_WEIGHT if dose == _NEEDS_WEIGHT
                        else Code.VASO_UNIT_NOT_CONVERTIBLE)
                problem = _driver(code, (("drug", inf.drug.value), ("unit", inf.unit.value)))
            totals.setdefault(inf.drug, float("nan"))
            continue
        totals[inf.drug] = totals.get(inf.drug, 0.0) + dose
    count = len(totals)
    has_vaso = _VASO in totals
    count_excl = count - 1 if has_vaso else count

    ne_eq: float | None = 0.0
    for drug, dose in totals.items():
        if drug is not _VASO:
            ne_eq = None if ne_eq is None or dose != dose else ne_eq + dose * NE_EQUIVALENT_FACTOR[drug]
    drivers: list[Driver] = []
    if problem is not None:
        drivers.append(problem)

    # High-dose situation (CSCO-2024 appendix after §3.6; clinical-rules §2).
    rule: HighDoseRule
    quantity: float | None
    if has_vaso:
        rule = HIGH_DOSE_WITH_VASOPRESSIN
        vaso = totals[_VASO]
        quantity = None if ne_eq is None or vaso != vaso else vaso + ne_eq
    elif count == 1:
        (drug, dose), = totals.items()
        rule = HIGH_DOSE_ALONE[drug]
        quantity = None if dose != dose else dose
    else:
        rule = HIGH_DOSE_SEVERAL
        quantity = ne_eq
    high = quantity is not None and quantity >= rule.threshold - THRESHOLD_TOLERANCE
    if high:
        drivers.append(_HIGH_DOSE_DRIVERS[rule.situation])
    return _new_summary(count, count_excl, ne_eq, high, tuple(drivers))
