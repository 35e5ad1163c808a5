"""What grading returns: grades with their drivers (the reasons shown to staff, with the rule source).

`core` returns codes and parameters; the English / Chinese sentences come from `core.texts`, so the GUI,
the PDF and the `grade` command say the same thing in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from cartox_desk.core.snapshot import EncephalopathyTool


@dataclass(frozen=True, slots=True)
class Driver:
    """One criterion that contributed to a grade, e.g. code "crs.hypoxia.device" params {"device": ...}."""

    code: str
    grade: int | None
    source: str  # e.g. "ASTCT-2019", "CSCO-2024 §4.1.1"
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


class IcansStatus(StrEnum):
    GRADED = "graded"
    NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True, slots=True)
class CrsResult:
    grade: int  # 0-4; 0 = no CRS
    drivers: tuple[Driver, ...] = ()


@dataclass(frozen=True, slots=True)
class IcansResult:
    grade: int | None  # None when not assessed
    status: IcansStatus
    tool: EncephalopathyTool | None = None
    score: int | None = None
    drivers: tuple[Driver, ...] = ()


@dataclass(frozen=True, slots=True)
class VasopressorSummary:
    count: int = 0
    count_excluding_vasopressin: int = 0
    ne_equivalent_ug_min: float | None = 0.0  # None when a per-kg dose has no weight to convert with
    high_dose: bool = False
    drivers: tuple[Driver, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class GradingResult:
    crs: CrsResult
    icans: IcansResult
    vasopressors: VasopressorSummary
