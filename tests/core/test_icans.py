"""ICANS grading, every domain row and boundary (ASTCT-2019; CSCO-2024 §4.2.1; clinical-rules §3)."""

from __future__ import annotations

import pytest

from cartox_desk.core.icans import grade_icans
from cartox_desk.core.results import IcansStatus
from cartox_desk.core.snapshot import (
    CapdAnswer,
    CapdAssessment,
    Consciousness,
    EncephalopathyTool,
    IceAssessment,
    IceUnable,
    IcpFinding,
    MotorWeakness,
    Seizure,
    Snapshot,
)
from cartox_desk.core.texts import Code

A = CapdAnswer


def ice_of(total: int) -> IceAssessment:
    """An ICE with the given total, filled item by item (orientation first)."""
    items = []
    left = total
    for top in (4, 3, 1, 1, 1):
        take = min(top, left)
        items.append(take)
        left -= take
    assert left == 0
    return IceAssessment(*items)


def capd_of(total: int) -> CapdAssessment:
    """A CAPD with the given total: reversed items 1-4 answered first (always=0 ... never=4)."""
    forward = [A.NEVER, A.RARELY, A.SOMETIMES, A.OFTEN, A.ALWAYS]
    answers: list[CapdAnswer] = []
    left = total
    for index in range(8):
        points = min(4, left)
        left -= points
        answers.append(forward[4 - points] if index < 4 else forward[points])
    assert left == 0
    return CapdAssessment(*answers)


@pytest.mark.parametrize(("score", "grade"), [
    (10, 0), (9, 1), (8, 1), (7, 1), (6, 2), (5, 2), (4, 2), (3, 2), (2, 3), (1, 3), (0, 3),
])
def test_ice_bands(score: int, grade: int) -> None:
    result = grade_icans(Snapshot(ice=ice_of(score)))
    assert (result.grade, result.status, result.tool, result.score) == (
        grade, IcansStatus.GRADED, EncephalopathyTool.ICE, score)
    assert result.drivers[0].code == Code.ICANS_ICE and result.drivers[0].param("score") == str(score)


@pytest.mark.parametrize(("reason", "grade"), [(IceUnable.APHASIA, 3), (IceUnable.UNAROUSABLE, 4)])
def test_ice_not_possible_aphasia_vs_unarousable(reason: IceUnable, grade: int) -> None:
    result = grade_icans(Snapshot(ice_unable=reason))
    assert (result.grade, result.tool, result.score) == (grade, EncephalopathyTool.ICE, None)


@pytest.mark.parametrize(("total", "grade"), [(0, 0), (1, 1), (4, 1), (8, 1), (9, 3), (20, 3), (32, 3)])
def test_capd_bands(total: int, grade: int) -> None:
    result = grade_icans(Snapshot(capd=capd_of(total)))
    assert (result.grade, result.tool, result.score) == (grade, EncephalopathyTool.CAPD, total)


def test_capd_unable_is_grade_4() -> None:
    result = grade_icans(Snapshot(capd_unable=True))
    assert (result.grade, result.tool, result.score) == (4, EncephalopathyTool.CAPD, None)


def test_capd_1_to_8_is_grade_2_when_the_child_awakens_only_to_voice() -> None:
    result = grade_icans(Snapshot(capd=capd_of(5), consciousness=Consciousness.AWAKENS_TO_VOICE))
    assert result.grade == 2


@pytest.mark.parametrize(("level", "grade"), [
    (Consciousness.ALERT, 0), (Consciousness.AWAKENS_SPONTANEOUSLY, 1), (Consciousness.AWAKENS_TO_VOICE, 2),
    (Consciousness.AWAKENS_TO_TACTILE, 3), (Consciousness.UNAROUSABLE, 4),
])
def test_consciousness(level: Consciousness, grade: int) -> None:
    assert grade_icans(Snapshot(ice=ice_of(10), consciousness=level)).grade == grade


@pytest.mark.parametrize(("seizure", "grade"), [
    (Seizure.NONE, 0), (Seizure.RESOLVED_RAPIDLY, 3), (Seizure.PROLONGED_OR_REPETITIVE, 4)])
def test_seizure(seizure: Seizure, grade: int) -> None:
    assert grade_icans(Snapshot(ice=ice_of(10), seizure=seizure)).grade == grade


@pytest.mark.parametrize(("motor", "grade"), [(MotorWeakness.NONE, 0), (MotorWeakness.DEEP_FOCAL, 4)])
def test_motor(motor: MotorWeakness, grade: int) -> None:
    assert grade_icans(Snapshot(ice=ice_of(10), motor_weakness=motor)).grade == grade


@pytest.mark.parametrize(("finding", "grade"), [
    (IcpFinding.FOCAL_EDEMA, 3), (IcpFinding.DIFFUSE_EDEMA, 4), (IcpFinding.POSTURING, 4),
    (IcpFinding.CN6_PALSY, 4), (IcpFinding.PAPILLEDEMA, 4), (IcpFinding.CUSHINGS_TRIAD, 4),
])
def test_each_icp_finding(finding: IcpFinding, grade: int) -> None:
    result = grade_icans(Snapshot(ice=ice_of(10), icp_findings=frozenset({finding})))
    assert result.grade == grade
    assert result.drivers[-1].code == Code.ICANS_ICP and result.drivers[-1].param("finding") == finding.value


def test_icp_drivers_have_a_fixed_order_worst_first() -> None:
    snap = Snapshot(ice=ice_of(8), icp_findings=frozenset(IcpFinding))
    findings = [d.param("finding") for d in grade_icans(snap).drivers if d.code == Code.ICANS_ICP]
    assert findings == ["cn6_palsy", "cushings_triad", "diffuse_edema", "papilledema", "posturing",
                        "focal_edema"]


def test_grade_is_the_most_severe_domain() -> None:
    snap = Snapshot(ice=ice_of(8), consciousness=Consciousness.AWAKENS_TO_VOICE,
                    seizure=Seizure.RESOLVED_RAPIDLY)
    result = grade_icans(snap)
    assert result.grade == 3 and result.score == 8
    assert [d.grade for d in result.drivers] == [1, 2, 3]


@pytest.mark.parametrize("snap", [
    Snapshot(),
    Snapshot(consciousness=Consciousness.ALERT),
    Snapshot(consciousness=Consciousness.ALERT, seizure=Seizure.NONE, motor_weakness=MotorWeakness.NONE),
    Snapshot(temperature_c=39.0, hypotension=True),
])
def test_not_assessed_without_tool_or_finding(snap: Snapshot) -> None:
    result = grade_icans(snap)
    assert (result.grade, result.status, result.tool, result.score) == (
        None, IcansStatus.NOT_ASSESSED, None, None)
    assert [d.code for d in result.drivers] == [Code.ICANS_NOT_ASSESSED]


@pytest.mark.parametrize(("snap", "grade"), [
    (Snapshot(consciousness=Consciousness.AWAKENS_SPONTANEOUSLY), 1),
    (Snapshot(seizure=Seizure.RESOLVED_RAPIDLY), 3),
    (Snapshot(motor_weakness=MotorWeakness.DEEP_FOCAL), 4),
    (Snapshot(icp_findings=frozenset({IcpFinding.FOCAL_EDEMA})), 3),
])
def test_findings_without_ice_are_graded_and_say_the_tool_is_missing(snap: Snapshot, grade: int) -> None:
    result = grade_icans(snap)
    assert (result.grade, result.status, result.tool, result.score) == (grade, IcansStatus.GRADED, None, None)
    assert result.drivers[-1].code == Code.ICANS_TOOL_NOT_RECORDED


def test_ice_10_with_no_finding_is_grade_0_not_not_assessed() -> None:
    result = grade_icans(Snapshot(ice=ice_of(10), consciousness=Consciousness.ALERT))
    assert (result.grade, result.status) == (0, IcansStatus.GRADED)


@pytest.mark.parametrize("snap", [
    Snapshot(ice=ice_of(10), capd=capd_of(0)),
    Snapshot(ice=ice_of(10), capd_unable=True),
    Snapshot(ice_unable=IceUnable.APHASIA, capd=capd_of(3)),
    Snapshot(ice_unable=IceUnable.APHASIA, capd_unable=True),
    Snapshot(ice=ice_of(4), ice_unable=IceUnable.UNAROUSABLE),
    Snapshot(capd=capd_of(4), capd_unable=True),
])
def test_contradictory_tools_raise(snap: Snapshot) -> None:
    with pytest.raises(ValueError, match=r"ICE|CAPD"):
        grade_icans(snap)


def test_ice_item_above_its_maximum_raises() -> None:
    with pytest.raises(ValueError, match="orientation"):
        grade_icans(Snapshot(ice=IceAssessment(5, 3, 1, 1, 0)))


def test_drivers_cite_sources() -> None:
    result = grade_icans(Snapshot(ice=ice_of(2), seizure=Seizure.PROLONGED_OR_REPETITIVE))
    assert all(d.source for d in result.drivers)
    assert "CSCO-2024 §4.2.1" in result.drivers[0].source
