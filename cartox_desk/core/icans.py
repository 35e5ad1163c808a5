"""ICANS grade (ASTCT-2019, adopted by CSCO-2024 §4.2.1; clinical-rules §3).

The grade is the most severe domain: encephalopathy (ICE, or CAPD for children / developmental delay, as
recorded), depressed level of consciousness, seizure, motor findings, raised ICP / cerebral edema.
With no ICE / CAPD and no other finding, ICANS is "not assessed" (grade None), never 0 (§3.2 rule 6).
"""

from __future__ import annotations

from cartox_desk.core.capd import capd_total
from cartox_desk.core.fastnew import fast_constructor
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

_new_icans = fast_constructor(IcansResult)


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


def _alone(grade: int, tool: EncephalopathyTool, score: int | None, driver: Driver) -> IcansResult:
    return IcansResult(grade=grade, status=IcansStatus.GRADED, tool=tool, score=score, drivers=(driver,))


# The result when the encephalopathy tool is the only finding (the usual case): constants.
_ICE_ALONE = tuple(_alone(d.grade or 0, _ICE, s, d) for s, d in enumerate(_ICE_DRIVERS))
_CAPD_ALONE = tuple(_alone(d.grade or 0, _CAPD, s, d) for s, d in enumerate(_CAPD_DRIVERS))
_ICE_UNABLE_ALONE = {k: _alone(d.grade or 0, _ICE, None, d) for k, d in _ICE_UNABLE_DRIVERS.items()}
_CAPD_UNABLE_ALONE = _alone(CAPD_UNABLE_GRADE, _CAPD, None, _CAPD_UNABLE_DRIVER)


def grade_icans(snapshot: Snapshot) -> IcansResult:
    """The ICANS grade 0-4 with tool, score and drivers, or "not assessed" (ASTCT-2019; CSCO-2024 §4.2.1).

    ICE 10 -> 0, 7-9 -> 1, 3-6 -> 2, 0-2 -> 3; ICE impossible: aphasia 3, unarousable 4. CAPD 0 -> 0,
    1-8 -> 1, >= 9 -> 3, unable -> 4. Other domains as in clinical-rules §3.2; the grade is the worst.
    Raises ValueError when both ICE and CAPD (or a score and "unable" for one tool) are recorded.
    """
    ice = snapshot.ice
    ice_unable = snapshot.ice_unable
    capd = snapshot.capd
    capd_unable = snapshot.capd_unable
    base: IcansResult | None
    if ice is not None:
        if ice_unable is not None or capd is not None or capd_unable:
            check_one_tool(snapshot)
        base = _ICE_ALONE[ice_total(ice)]
    elif ice_unable is not None:
        if capd is not None or capd_unable:
            check_one_tool(snapshot)
        base = _ICE_UNABLE_ALONE[ice_unable]
    elif capd is not None:
        if capd_unable:
            check_one_tool(snapshot)
        base = _CAPD_ALONE[capd_total(capd)]
    elif capd_unable:
        base = _CAPD_UNABLE_ALONE
    else:
        base = None

    c = snapshot.consciousness
    s = snapshot.seizure
    icp = snapshot.icp_findings
    if ((c is None or c is _ALERT) and (s is None or s is _NO_SEIZURE)
            and snapshot.motor_weakness is not _DEEP_FOCAL and not icp):
        return NOT_ASSESSED if base is None else base  # §3.2 rule 6: no tool, no finding

    # Other findings: the grade is the most severe domain (§3.2 rule 1).
    if base is None:
        grade = 0
        drivers: list[Driver] = []
    else:
        grade = base.grade or 0
        drivers = list(base.drivers)
    if c is not None and c is not _ALERT:
        g, drv = _CONSCIOUSNESS[c]
        drivers.append(drv)
        if g > grade:
            grade = g
    if s is not None and s is not _NO_SEIZURE:
        g, drv = _SEIZURE[s]
        drivers.append(drv)
        if g > grade:
            grade = g
    if snapshot.motor_weakness is _DEEP_FOCAL:
        drivers.append(_MOTOR_DRIVER)
        if grade < _MOTOR_G:
            grade = _MOTOR_G
    if icp:
        for f in _ICP_ORDER:
            if f in icp:
                g, drv = _ICP[f]
                drivers.append(drv)
                if g > grade:
                    grade = g
    if base is None:
        drivers.append(_TOOL_NOT_RECORDED)
        return _new_icans(grade, _GRADED, None, None, tuple(drivers))
    return _new_icans(grade, _GRADED, base.tool, base.score, tuple(drivers))


__all__ = ["CAPD_BANDS", "NOT_ASSESSED", "check_one_tool", "grade_icans"]
