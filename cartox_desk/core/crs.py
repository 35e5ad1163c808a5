"""CRS grade (ASTCT-2019, adopted by CSCO-2024 §4.1.1; clinical-rules §1).

Fever (T >= 38.0 °C) is required, unless it is masked by antipyretic / anti-cytokine therapy given after CRS
began (rule 2). Given fever (or masking), the grade is the more severe of hypotension (no vasopressor 2; one
vasopressor with or without vasopressin 3; more than one, vasopressin not counted, 4) and hypoxia (by
device; flow matters only for a nasal cannula); fever alone is grade 1.
"""

from __future__ import annotations

from functools import lru_cache

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
from cartox_desk.core.snapshot import OxygenDevice, OxygenSupport, Snapshot, VasopressorInfusion
from cartox_desk.core.texts import Code
from cartox_desk.core.vasopressors import count_drugs

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


@lru_cache(maxsize=4096)
def _temperature_driver(temperature_c: float, fever: bool) -> Driver:
    params = (("temperature_c", format_number(temperature_c)),)
    if fever:
        return _d(Code.CRS_FEVER, FEVER_GRADE, SOURCE, params)
    return _d(Code.CRS_NO_FEVER, 0, f"{RULES_CRS} rule 1", params)


@lru_cache(maxsize=4096)
def _nasal_flow_driver(flow_l_min: float) -> tuple[int, Driver]:
    params = (("flow_l_min", format_number(flow_l_min)),)
    if flow_l_min > NASAL_CANNULA_LOW_FLOW_MAX_L_MIN:
        return NASAL_CANNULA_HIGH_FLOW_GRADE, _d(Code.CRS_HYPOXIA_HIGH_FLOW, NASAL_CANNULA_HIGH_FLOW_GRADE,
                                                 SOURCE, params)
    return NASAL_CANNULA_LOW_FLOW_GRADE, _d(Code.CRS_HYPOXIA_LOW_FLOW, NASAL_CANNULA_LOW_FLOW_GRADE,
                                            SOURCE, params)


@lru_cache(maxsize=1024)
def _vasopressor_driver(drugs: frozenset[str], grade: int) -> Driver:
    code = (Code.CRS_HYPOTENSION_SEVERAL_VASOPRESSORS if grade >= 4 else Code.CRS_HYPOTENSION_ONE_VASOPRESSOR)
    return _d(code, grade, f"{SOURCE}; clinical-rules §1 rule 5", (("drugs", "+".join(sorted(drugs))),))


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
        _, excl = count_drugs(infusions)
        grade = _HYPOTENSION_BY_COUNT[excl]
        return grade, _vasopressor_driver(frozenset(inf.drug.value for inf in infusions), grade)
    if hypotension:
        return HYPOTENSION_NO_VASOPRESSOR_GRADE, _HYPOTENSION_NO_VASO
    return 0, None


def grade_crs(snapshot: Snapshot) -> CrsResult:
    """The ASTCT-2019 CRS grade 0-4 with its drivers (CSCO-2024 §4.1.1; clinical-rules §1).

    Temperature not recorded (and fever not masked) gives grade 0 with a driver saying so: never "no fever".
    """
    hypo_g, hypo_d = hypotension_grade(snapshot.hypotension, snapshot.vasopressors)
    oxy = snapshot.oxygen
    if oxy is None:
        oxy_g, oxy_d = 0, None
    else:
        oxy_g, oxy_d = hypoxia_grade(oxy)
    t = snapshot.temperature_c
    fever_t = t if t is not None and t >= FEVER_THRESHOLD_C else None
    fever = fever_t is not None
    masked = snapshot.fever_masked

    drivers: list[Driver] = []
    if fever or masked:
        grade = FEVER_GRADE if fever else 0
        if fever_t is not None:
            drivers.append(_temperature_driver(fever_t, True))
        else:
            drivers.append(_FEVER_MASKED)
        if hypo_d is not None:
            drivers.append(hypo_d)
            if hypo_g > grade:
                grade = hypo_g
        if oxy_d is not None:
            drivers.append(oxy_d)
            if oxy_g > grade:
                grade = oxy_g
        if grade == 0:
            drivers.append(_MASKED_NO_SIGNS)
        return CrsResult(grade=grade, drivers=tuple(drivers))

    # No fever and not masked: no CRS whatever the blood pressure and oxygen (rule 1).
    signs = (hypo_g > 0, oxy_g > 0)
    if t is None:
        drivers.append(_TEMPERATURE_NOT_RECORDED)
        if signs[0] or signs[1]:
            drivers.append(_SIGNS_NO_TEMP[signs])
    else:
        drivers.append(_temperature_driver(t, False))
        if signs[0] or signs[1]:
            drivers.append(_OTHER_CAUSE[signs])
    if oxy_d is not None and oxy_g == 0:  # comfort oxygen: still say it was charted
        drivers.append(oxy_d)
    return CrsResult(grade=0, drivers=tuple(drivers))
