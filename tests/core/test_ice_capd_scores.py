"""ICE (CSCO-2024 §4.2.1) and CAPD (clinical-rules §3.4) item scoring."""

from __future__ import annotations

import itertools

import pytest

from cartox_desk.core.capd import CAPD_ITEM_NAMES, CAPD_MAX, capd_item_score, capd_total
from cartox_desk.core.ice import ICE_ITEM_MAX, ICE_MAX, ice_total
from cartox_desk.core.snapshot import CapdAnswer, CapdAssessment, IceAssessment

A = CapdAnswer


def test_ice_items_and_maxima_follow_the_spec() -> None:
    assert dict(ICE_ITEM_MAX) == {"orientation": 4, "naming": 3, "commands": 1, "writing": 1, "attention": 1}
    assert ICE_MAX == 10


def test_ice_total_over_every_valid_combination() -> None:
    for items in itertools.product(range(5), range(4), range(2), range(2), range(2)):
        assert ice_total(IceAssessment(*items)) == sum(items)


@pytest.mark.parametrize("items", [(5, 0, 0, 0, 0), (0, 4, 0, 0, 0), (0, 0, 2, 0, 0), (0, 0, 0, 2, 0),
                                   (0, 0, 0, 0, 2), (-1, 0, 0, 0, 0)])
def test_ice_item_outside_its_maximum_raises(items: tuple[int, int, int, int, int]) -> None:
    with pytest.raises(ValueError, match="ICE item outside"):
        ice_total(IceAssessment(*items))


@pytest.mark.parametrize("item", ["eye_contact", "purposeful_actions", "aware_of_surroundings",
                                  "communicates_needs"])
@pytest.mark.parametrize(("answer", "points"), [
    (A.NEVER, 4), (A.RARELY, 3), (A.SOMETIMES, 2), (A.OFTEN, 1), (A.ALWAYS, 0)])
def test_capd_items_1_to_4_are_reverse_scored(item: str, answer: CapdAnswer, points: int) -> None:
    assert capd_item_score(item, answer) == points


@pytest.mark.parametrize("item", ["restless", "inconsolable", "underactive", "slow_response"])
@pytest.mark.parametrize(("answer", "points"), [
    (A.NEVER, 0), (A.RARELY, 1), (A.SOMETIMES, 2), (A.OFTEN, 3), (A.ALWAYS, 4)])
def test_capd_items_5_to_8_are_forward_scored(item: str, answer: CapdAnswer, points: int) -> None:
    assert capd_item_score(item, answer) == points


def test_capd_item_score_accepts_the_json_word() -> None:
    assert capd_item_score("restless", "often") == 3  # type: ignore[arg-type]


def test_capd_unknown_item_raises() -> None:
    with pytest.raises(ValueError, match="unknown CAPD item"):
        capd_item_score("sleepy", A.NEVER)


def test_capd_total_is_the_sum_of_item_scores() -> None:
    for answers in itertools.product(list(A), repeat=2):
        for position in range(0, 8, 2):
            full = [A.ALWAYS] * 4 + [A.NEVER] * 4  # all 0 points
            full[position], full[position + 1] = answers
            capd = CapdAssessment(*full)
            expected = sum(capd_item_score(name, getattr(capd, name)) for name in CAPD_ITEM_NAMES)
            assert capd_total(capd) == expected


def test_capd_extremes() -> None:
    assert capd_total(CapdAssessment(*([A.ALWAYS] * 4 + [A.NEVER] * 4))) == 0
    assert capd_total(CapdAssessment(*([A.NEVER] * 4 + [A.ALWAYS] * 4))) == CAPD_MAX == 32
    assert capd_total(CapdAssessment(*([A.SOMETIMES] * 8))) == 16
