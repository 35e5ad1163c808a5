"""`grade_snapshot`: the one entry point the GUI, the PDF, the timeline and `cartox-desk grade` call.

Pure and deterministic: the same snapshot always gives the same result (clinical-rules §1-§3).
"""

from __future__ import annotations

from cartox_desk.core.crs import grade_crs
from cartox_desk.core.fastnew import fast_constructor
from cartox_desk.core.icans import grade_icans
from cartox_desk.core.results import GradingResult
from cartox_desk.core.snapshot import Snapshot
from cartox_desk.core.vasopressors import NO_VASOPRESSORS, summarise_vasopressors

_new_result = fast_constructor(GradingResult)


def grade_snapshot(snapshot: Snapshot) -> GradingResult:
    """CRS grade (ASTCT-2019 / CSCO-2024 §4.1.1), ICANS grade (ASTCT-2019 / CSCO-2024 §4.2.1) and the
    vasopressor summary (clinical-rules §2) of one snapshot.

    Raises ValueError for a snapshot the JSON contract would refuse (both ICE and CAPD, an ICE item above
    its maximum).
    """
    vaso = snapshot.vasopressors
    return _new_result(grade_crs(snapshot), grade_icans(snapshot),
                       summarise_vasopressors(vaso, snapshot.weight_kg) if vaso else NO_VASOPRESSORS)


__all__ = ["grade_snapshot"]
