"""The ui's only door into the grading core: grade, range check, driver sentence.

Widgets take a `Grader` callable (default: `core.grading.grade_snapshot`), so tests can also drive them
with a stub. Nothing here grades: the rules live in `core` alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from cartox_desk.core import ranges
from cartox_desk.core.results import CrsResult, Driver, GradingResult
from cartox_desk.core.snapshot import Snapshot

Grader = Callable[[Snapshot], GradingResult]


def default_grader() -> Grader:
    from cartox_desk.core.grading import grade_snapshot

    return grade_snapshot


def check_range(field: str, value: float) -> str | None:
    """None when `value` is plausible for `field` (clinical-rules §10), else a translated message naming
    the value and the accepted range. The decision is core's `check_range`; only the words are ours."""
    if ranges.check_range(field, value) is None:
        return None
    return QCoreApplication.translate("RangeCheck", "%1 is outside the accepted range %2").replace(
        "%1", ranges.format_number(value)).replace("%2", ranges.RANGES[field].describe())


def check_dose(value: float) -> str | None:
    """Doses must be > 0 (clinical-rules §10)."""
    if ranges.check_positive_dose(value) is None:
        return None
    return QCoreApplication.translate("RangeCheck", "a dose must be greater than 0")


def fahrenheit_to_celsius(value: float) -> float:
    return ranges.fahrenheit_to_celsius(value)


def describe(driver: Driver, lang: str) -> str:
    """The human sentence of one driver in `lang` ("en" or "zh_CN"), ending with its source (core.texts)."""
    from cartox_desk.core.texts import describe as core_describe

    try:
        return core_describe(driver, lang)
    except KeyError:  # a code core.texts does not know yet: show the code rather than fail
        params = ", ".join(f"{k}={v}" for k, v in driver.params)
        return f"{driver.code} ({params}) ({driver.source})"


def capd_item_points(item: str, answer: object) -> int:
    """Points 0-4 for one CAPD answer (core.capd; items 1-4 reverse-scored)."""
    from cartox_desk.core.capd import capd_item_score
    from cartox_desk.core.snapshot import CapdAnswer

    return capd_item_score(item, CapdAnswer(answer))


def crs_display_grade(crs: CrsResult) -> int | None:
    """The CRS grade a badge shows: None ("–", not assessed) when fever could not be assessed."""
    from cartox_desk.core.crs import crs_assessed

    return crs.grade if crs_assessed(crs) else None
