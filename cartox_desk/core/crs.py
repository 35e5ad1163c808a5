"""CRS grade (ASTCT-2019, adopted by CSCO-2024 §4.1.1; clinical-rules §1).

Fever (T >= 38.0 °C) is required, unless it is masked by antipyretic / anti-cytokine therapy given after CRS
began (rule 2). Given fever (or masking), the grade is the more severe of hypotension (no vasopressor 2; one
vasopressor with or without vasopressin 3; more than one, vasopressin not counted, 4) and hypoxia (by
device; flow matters only for a nasal cannula); fever alone is grade 1.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from cartox_desk.core.fastnew import fast_constructor
from cartox_desk.core.ranges import format_number
from cartox_desk.core.results import CrsResult, Driver
from cartox_desk.core.rules import (
    ASTCT,
    CSCO_CRS,
    FEVER_GRADE,
    FEVER_THRESHOLD_C,
    HYPOTENSION_GRADE_BY_COUNT,
    HYPOTENSION_NO_VASOPRESSOR_GRADE,
    HYPOXIA_DEVICE,
    NASAL_CANNULA_HIGH_FLOW_GRADE,
    NASAL_CANNULA_LOW_FLOW_GRADE,
    NASAL_CANNULA_LOW_FLOW_MAX_L_MIN,
    RULES_COMFORT,
    RULES_CRS,
)
from cartox_desk.core.snapshot import (
    OxygenDevice,
    OxygenSupport,
    Snapshot,
    VasopressorDrug,
    VasopressorInfusion,
)
from cartox_desk.core.texts import Code

_NASAL = OxygenDevice.NASAL_CANNULA
_DEVICE_GRADE: dict[OxygenDevice, int] = dict(HYPOXIA_DEVICE.grades)
_HYPOTENSION_BY_COUNT = HYPOTENSION_GRADE_BY_COUNT
SOURCE = f"{ASTCT}; {CSCO_CRS}"


def _d(code: Code, grade: int | None, source: str, params: tuple[tuple[str, str], ...] = ()) -> Driver:
    return Driver(code=code, grade=grade, source=source, params=params)


# Constant drivers, built once.
_TEMPERATURE_NOT_RECORDED = _d(Code.CRS_TEMPERATURE_NOT_RECORDED, 0, f"{RULES_CRS} rule 1")
_FEVER_MASKED = _d(Code.CRS_FEVER_MASKED, None, f"{RULES_CRS} rule 2")
_MASKED_NO_SIGNS = _d(Code.CRS_MASKED_NO_SIGNS, 0, f"{RULES_CRS} rule 2")
_HYPOTENSION_NO_VASO = _d(Code.CRS_HYPOTENSION_NO_VASOPRESSOR, HYPOTENSION_NO_VASOPRESSOR_GRADE, SOURCE)
_FLOW_NOT_RECORDED = _d(Code.CRS_HYPOXIA_FLOW_NOT_RECORDED, NASAL_CANNULA_LOW_FLOW_GRADE,
                        f"{SOURCE}; clinical-rules §1 rule 4")
_PRESENT = {(True, False): "hypotension", (False, True): "hypoxia", (True, True): "hypotension+hypoxia"}
_OTHER_CAUSE = {k: _d(Code.CRS_OTHER_CAUSE, 0, f"{RULES_CRS} rule 1", (("present", v),))
                for k, v in _PRESENT.items()}
_SIGNS_NO_TEMP = {k: _d(Code.CRS_SIGNS_WITHOUT_TEMPERATURE, None, f"{RULES_CRS} rule 1", (("present", v),))
                  for k, v in _PRESENT.items()}
_DEVICE_DRIVER = {dev: _d(Code.CRS_HYPOXIA_DEVICE, g, SOURCE, (("device", dev.value),))
                  for dev, g in _DEVICE_GRADE.items()}
_COMFORT = {dev: _d(Code.CRS_OXYGEN_FOR_COMFORT, None, RULES_COMFORT, (("device", dev.value),))
            for dev in OxygenDevice}


# Temperature drivers by value: a plain dict is cheaper than lru_cache on the hot path. Bounded: past
# _CACHE_MAX distinct temperatures new drivers are built but not kept.
_CACHE_MAX = 4096
_FEVER_DRIVERS: dict[float, Driver] = {}
_NO_FEVER_DRIVERS: dict[float, Driver] = {}


def _temperature_driver(temperature_c: float, fever: bool) -> Driver:
    cache = _FEVER_DRIVERS if fever else _NO_FEVER_DRIVERS
    driver = cache.get(temperature_c)
    if driver is not None:
        return driver
    params = (("temperature_c", format_number(temperature_c)),)
    if fever:
        driver = _d(Code.CRS_FEVER, FEVER_GRADE, SOURCE, params)
    else:
        driver = _d(Code.CRS_NO_FEVER, 0, f"{RULES_CRS} rule 1", params)
    if len(cache) < _CACHE_MAX:
        cache[temperature_c] = driver
    return driver


@lru_cache(maxsize=4096)
def _nasal_flow_driver(flow_l_min: float) -> tuple[int, Driver]:
    params = (("flow_l_min", format_number(flow_l_min)),)
    if flow_l_min > NASAL_CANNULA_LOW_FLOW_MAX_L_MIN:
        return NASAL_CANNULA_HIGH_FLOW_GRADE, _d(Code.CRS_HYPOXIA_HIGH_FLOW, NASAL_CANNULA_HIGH_FLOW_GRADE,
                                                 SOURCE, params)
    return NASAL_CANNULA_LOW_FLOW_GRADE, _d(Code.CRS_HYPOXIA_LOW_FLOW, NASAL_CANNULA_LOW_FLOW_GRADE,
                                            SOURCE, params)


def _vasopressor_entry(drugs: frozenset[VasopressorDrug]) -> tuple[int, Driver]:
    excl = len(drugs) - (1 if VasopressorDrug.VASOPRESSIN in drugs else 0)
    grade = _HYPOTENSION_BY_COUNT[excl]
    code = (Code.CRS_HYPOTENSION_SEVERAL_VASOPRESSORS if grade >= 4 else Code.CRS_HYPOTENSION_ONE_VASOPRESSOR)
    names = "+".join(sorted(d.value for d in drugs))
    return grade, _d(code, grade, f"{SOURCE}; clinical-rules §1 rule 5", (("drugs", names),))


# (grade, driver) for every non-empty set of vasopressors (31 sets), and for each single drug.
_BY_DRUGS: dict[frozenset[VasopressorDrug], tuple[int, Driver]] = {
    frozenset(combo): _vasopressor_entry(frozenset(combo))
    for n in range(1, len(VasopressorDrug) + 1)
    for combo in combinations(VasopressorDrug, n)
}
_BY_ONE_DRUG: dict[VasopressorDrug, tuple[int, Driver]] = {
    d: _BY_DRUGS[frozenset((d,))] for d in VasopressorDrug}


def hypoxia_grade(oxygen: OxygenSupport | None) -> tuple[int, Driver | None]:
    """Hypoxia grade 0-4 by device (clinical-rules §1 rule 4) with its driver.

    Oxygen "for comfort" is charted, not graded (§3.5): grade 0 and the comfort driver. A nasal cannula
    without a recorded flow is graded as low-flow (2) with a driver asking for the flow: the grade the
    record supports, never a silent 0 (decision documented in the report).
    """
    if oxygen is None:
        return 0, None
    device = oxygen.device
    if oxygen.for_comfort:
        return 0, _COMFORT[device]
    if device is _NASAL:
        flow = oxygen.flow_l_min
        if flow is None:
            return NASAL_CANNULA_LOW_FLOW_GRADE, _FLOW_NOT_RECORDED
        return _nasal_flow_driver(flow)
    grade = _DEVICE_GRADE[device]
    return grade, (_DEVICE_DRIVER[device] if grade else None)


def hypotension_grade(hypotension: bool,
                      infusions: tuple[VasopressorInfusion, ...]) -> tuple[int, Driver | None]:
    """Hypotension grade 0/2/3/4 (clinical-rules §1 table, rule 5). A vasopressor implies hypotension."""
    if infusions:
        if len(infusions) == 1:
            return _BY_ONE_DRUG[infusions[0].drug]
        return _BY_DRUGS[frozenset([inf.drug for inf in infusions])]
    if hypotension:
        return HYPOTENSION_NO_VASOPRESSOR_GRADE, _HYPOTENSION_NO_VASO
    return 0, None


_new_crs = fast_constructor(CrsResult)
_NO_OXYGEN: tuple[int, Driver | None] = (0, None)
_NO_HYPOTENSION: tuple[int, Driver | None] = (0, None)
_HYPOTENSION_ONLY: tuple[int, Driver | None] = (HYPOTENSION_NO_VASOPRESSOR_GRADE, _HYPOTENSION_NO_VASO)


_FEVER_UNASSESSED = frozenset({Code.CRS_TEMPERATURE_NOT_RECORDED, Code.CRS_SIGNS_WITHOUT_TEMPERATURE})


def crs_assessed(result: CrsResult) -> bool:
    """False when fever could not be assessed (no temperature, fever not masked): the numeric grade is then
    0 only because the fever criterion is unknown, and screens show "not assessed", never a calm 0
    (clinical-rules §1 rule 1; the `grade` JSON keeps its integer grade and says why in the drivers)."""
    return not any(d.code in _FEVER_UNASSESSED for d in result.drivers)


def grade_crs(snapshot: Snapshot) -> CrsResult:
    """The ASTCT-2019 CRS grade 0-4 with its drivers (CSCO-2024 §4.1.1; clinical-rules §1).

    Temperature not recorded (and fever not masked) gives grade 0 with a driver saying so: never "no fever".
    """
    infusions = snapshot.vasopressors
    hypo_g: int
    hypo_d: Driver | None
    if infusions:  # a vasopressor implies hypotension (grading-json.md)
        hypo_g, hypo_d = (_BY_ONE_DRUG[infusions[0].drug] if len(infusions) == 1
                          else _BY_DRUGS[frozenset([inf.drug for inf in infusions])])
    else:
        hypo_g, hypo_d = _HYPOTENSION_ONLY if snapshot.hypotension else _NO_HYPOTENSION
    oxy = snapshot.oxygen
    oxy_g, oxy_d = _NO_OXYGEN if oxy is None else hypoxia_grade(oxy)
    t = snapshot.temperature_c

    if t is not None and t >= FEVER_THRESHOLD_C:
        grade = hypo_g if hypo_g > oxy_g else oxy_g
        fever_d = _FEVER_DRIVERS.get(t) or _temperature_driver(t, True)
        if hypo_d is None:
            return _new_crs(grade or FEVER_GRADE, (fever_d,) if oxy_d is None else (fever_d, oxy_d))
        return _new_crs(grade, (fever_d, hypo_d) if oxy_d is None else (fever_d, hypo_d, oxy_d))
    if snapshot.fever_masked:  # rule 2: fever no longer required
        grade = hypo_g if hypo_g > oxy_g else oxy_g
        drivers: list[Driver] = [_FEVER_MASKED]
        if hypo_d is not None:
            drivers.append(hypo_d)
        if oxy_d is not None:
            drivers.append(oxy_d)
        if grade == 0:
            drivers.append(_MASKED_NO_SIGNS)
        return _new_crs(grade, tuple(drivers))

    # No fever and not masked: no CRS whatever the blood pressure and oxygen (rule 1).
    signs = (hypo_g > 0, oxy_g > 0)
    if t is None:
        drivers = [_TEMPERATURE_NOT_RECORDED]
        if signs[0] or signs[1]:
            drivers.append(_SIGNS_NO_TEMP[signs])
    else:
        drivers = [_temperature_driver(t, False)]
        if signs[0] or signs[1]:
            drivers.append(_OTHER_CAUSE[signs])
    if oxy_d is not None and oxy_g == 0:  # comfort oxygen: still say it was charted
        drivers.append(oxy_d)
    return _new_crs(0, tuple(drivers))
