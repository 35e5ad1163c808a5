"""ICANS grade (ASTCT-2019, adopted by CSCO-2024 §4.2.1; clinical-rules §3).

The grade is the most severe domain: encephalopathy (ICE, or CAPD for children / developmental delay, as
recorded), depressed level of consciousness, seizure, motor findings, raised ICP / cerebral edema.
With no ICE / CAPD and no other finding, ICANS is "not assessed" (grade None), never 0 (§3.2 rule 6).
"""

from __future__ import annotations

from cartox_desk.core.capd import capd_total
from cartox_desk.core.ice import ice_total
from cartox_desk.core.results import Driver, IcansResult, IcansStatus
from cartox_desk.core.rules import (
    ASTCT,
    CAPD_BANDS,
    CAPD_GRADE_BY_SCORE,
    CAPD_UNABLE_GRADE,
    CONSCIOUSNESS,
    CSCO_ICANS,
    ICE_BANDS,
    ICE_GRADE_BY_SCORE,
    ICE_UNABLE,
    ICP,
    MOTOR,
    REVIEW_PEDS,
    RULES_ICANS,
    SEIZURE,
)
from cartox_desk.core.snapshot import (
    Consciousness,
    EncephalopathyTool,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    Seizure,
    Snapshot,
)
from cartox_desk.core.texts import Code

SOURCE = f"{ASTCT}; {CSCO_ICANS}"
CAPD_SOURCE = f"{ASTCT} pediatric; {REVIEW_PEDS}"
_ICE = EncephalopathyTool.ICE
_CAPD = EncephalopathyTool.CAPD
_GRADED = IcansStatus.GRADED
_ALERT = Consciousness.ALERT
_NO_SEIZURE = Seizure.NONE
_DEEP_FOCAL = MotorWeakness.DEEP_FOCAL


def _d(code: Code, grade: int | None, source: str, params: tuple[tuple[str, str], ...] = ()) -> Driver:
    return Driver(code=code, grade=grade, source=source, params=params)


# Every driver is a constant: built once here, so grading allocates only the result.
_ICE_DRIVERS = tuple(_d(Code.ICANS_ICE, g, f"{ICE_BANDS.source}; {ASTCT}", (("score", str(s)),))
                     for s, g in enumerate(ICE_GRADE_BY_SCORE))
_CAPD_DRIVERS = tuple(_d(Code.ICANS_CAPD, g, CAPD_SOURCE, (("score", str(s)),))
                      for s, g in enumerate(CAPD_GRADE_BY_SCORE))
_ICE_UNABLE_DRIVERS = {
    IceUnable.APHASIA: _d(Code.ICANS_ICE_APHASIA, ICE_UNABLE.grades[IceUnable.APHASIA],
                          f"{ASTCT}; {RULES_ICANS} rule 3"),
    IceUnable.UNAROUSABLE: _d(Code.ICANS_ICE_UNAROUSABLE, ICE_UNABLE.grades[IceUnable.UNAROUSABLE],
                              f"{ASTCT}; {RULES_ICANS} rule 3"),
}
_CAPD_UNABLE_DRIVER = _d(Code.ICANS_CAPD_UNABLE, CAPD_UNABLE_GRADE, CAPD_SOURCE)
_CONSCIOUSNESS = {c: (g, _d(Code.ICANS_CONSCIOUSNESS, g, SOURCE, (("level", c.value),)))
                  for c, g in CONSCIOUSNESS.grades.items()}
_SEIZURE = {s: (g, _d(Code.ICANS_SEIZURE, g, SOURCE, (("seizure", s.value),)))
            for s, g in SEIZURE.grades.items()}
_MOTOR_G = MOTOR.grades[_DEEP_FOCAL]
_MOTOR_DRIVER = _d(Code.ICANS_MOTOR, _MOTOR_G, SOURCE)
_ICP = {f: (g, _d(Code.ICANS_ICP, g, SOURCE, (("finding", f.value),))) for f, g in ICP.grades.items()}
# Fixed order for ICP drivers (worst first), so the output never depends on set iteration order.
_ICP_ORDER: tuple[IcpFinding, ...] = tuple(sorted(IcpFinding, key=lambda f: (-ICP.grades[f], f.value)))
_TOOL_NOT_RECORDED = _d(Code.ICANS_TOOL_NOT_RECORDED, None, f"{RULES_ICANS} rule 6")
NOT_ASSESSED = IcansResult(
    grade=None, status=IcansStatus.NOT_ASSESSED, tool=None, score=None,
    drivers=(_d(Code.ICANS_NOT_ASSESSED, None, f"{RULES_ICANS} rule 6"),),
)


def check_one_tool(snapshot: Snapshot) -> None:
    """Raise ValueError when the snapshot records contradictory encephalopathy assessments.

    One tool per snapshot (grading-json.md): ICE (``ice`` / ``ice_unable``) or CAPD (``capd`` /
    ``capd_unable``); and a tool cannot be both scored and "unable".
    """
    has_ice = snapshot.ice is not None or snapshot.ice_unable is not None
    has_capd = snapshot.capd is not None or snapshot.capd_unable
    if has_ice and has_capd:
        raise ValueError("both ICE and CAPD recorded: record one encephalopathy tool")
    if snapshot.ice is not None and snapshot.ice_unable is not None:
        raise ValueError("ICE recorded both as a score and as not possible")
    if snapshot.capd is not None and snapshot.capd_unable:
        raise ValueError("CAPD recorded both as a score and as not possible")


def grade_icans(snapshot: Snapshot) -> IcansResult:
    """The ICANS grade 0-4 with tool, score and drivers, or "not assessed" (ASTCT-2019; CSCO-2024 §4.2.1).

    ICE 10 -> 0, 7-9 -> 1, 3-6 -> 2, 0-2 -> 3; ICE impossible: aphasia 3, unarousable 4. CAPD 0 -> 0,
    1-8 -> 1, >= 9 -> 3, unable -> 4. Raises ValueError when both ICE and CAPD are recorded.
    """
    ice = snapshot.ice
    ice_unable = snapshot.ice_unable
    capd = snapshot.capd
    capd_unable = snapshot.capd_unable
    drivers: list[Driver] = []
    tool: EncephalopathyTool | None = None
    score: int | None = None
    grade = 0
    if ice is not None:
        if ice_unable is not None or capd is not None or capd_unable:
            check_one_tool(snapshot)
        tool = _ICE
        score = ice_total(ice)
        grade = ICE_GRADE_BY_SCORE[score]
        drivers.append(_ICE_DRIVERS[score])
    elif ice_unable is not None:
        if capd is not None or capd_unable:
            check_one_tool(snapshot)
        tool = _ICE
        drv = _ICE_UNABLE_DRIVERS[ice_unable]
        grade = drv.grade or 0
        drivers.append(drv)
    elif capd is not None:
        if capd_unable:
            check_one_tool(snapshot)
        tool = _CAPD
        score = capd_total(capd)
        grade = CAPD_GRADE_BY_SCORE[score]
        drivers.append(_CAPD_DRIVERS[score])
    elif capd_unable:
        tool = _CAPD
        grade = CAPD_UNABLE_GRADE
        drivers.append(_CAPD_UNABLE_DRIVER)

    finding = False
    c = snapshot.consciousness
    if c is not None and c is not _ALERT:
        g, drv = _CONSCIOUSNESS[c]
        finding = True
        drivers.append(drv)
        if g > grade:
            grade = g
    s = snapshot.seizure
    if s is not None and s is not _NO_SEIZURE:
        g, drv = _SEIZURE[s]
        finding = True
        drivers.append(drv)
        if g > grade:
            grade = g
    if snapshot.motor_weakness is _DEEP_FOCAL:
        finding = True
        drivers.append(_MOTOR_DRIVER)
        if grade < _MOTOR_G:
            grade = _MOTOR_G
    icp = snapshot.icp_findings
    if icp:
        finding = True
        for f in _ICP_ORDER:
            if f in icp:
                g, drv = _ICP[f]
                drivers.append(drv)
                if g > grade:
                    grade = g

    if tool is None:
        if not finding:
            return NOT_ASSESSED
        drivers.append(_TOOL_NOT_RECORDED)
    return IcansResult(grade=grade, status=_GRADED, tool=tool, score=score, drivers=tuple(drivers))


__all__ = ["CAPD_BANDS", "NOT_ASSESSED", "check_one_tool", "grade_icans"]
