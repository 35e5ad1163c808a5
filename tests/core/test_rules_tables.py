"""The rule tables are sound: bands cover every score exactly once, every enum member has a grade."""

from __future__ import annotations

from enum import StrEnum

import pytest

from cartox_desk.core import rules
from cartox_desk.core.rules import (
    BAND_TABLES,
    CAPD_BANDS,
    GRADE_MAPS,
    ICE_BANDS,
    BandTable,
    GradeMap,
    ScoreBand,
    check_tables,
)


def test_shipped_tables_have_no_problem() -> None:
    assert check_tables() == []


@pytest.mark.parametrize("table", BAND_TABLES, ids=lambda t: t.name)
def test_every_score_is_in_exactly_one_band(table: BandTable) -> None:
    for score in range(table.score_min, table.score_max + 1):
        hits = [b for b in table.bands if b.low <= score <= b.high]
        assert len(hits) == 1, (table.name, score, hits)
    assert table.source


def test_ice_and_capd_lookups_follow_the_spec() -> None:
    # ICE 10 -> 0, 7-9 -> 1, 3-6 -> 2, 0-2 -> 3 (clinical-rules §3.2)
    assert rules.ICE_GRADE_BY_SCORE == (3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0)
    # CAPD 0 -> 0, 1-8 -> 1, >= 9 -> 3 (clinical-rules §3.4)
    assert rules.CAPD_GRADE_BY_SCORE == (0,) + (1,) * 8 + (3,) * 24
    # one vasopressor (vasopressin not counted) -> 3, more than one -> 4 (clinical-rules §1 rule 5)
    assert rules.HYPOTENSION_GRADE_BY_COUNT == (3, 3, 4, 4, 4)
    assert (ICE_BANDS.score_min, ICE_BANDS.score_max) == (0, 10)
    assert (CAPD_BANDS.score_min, CAPD_BANDS.score_max) == (0, 32)


def test_a_gap_is_caught() -> None:
    bands = (ScoreBand(10, 10, 0), ScoreBand(7, 9, 1), ScoreBand(0, 5, 2))
    broken = BandTable("broken", 0, 10, bands, "test")
    assert broken.problems() == ["broken: score 6 has no band (gap)"]


def test_an_overlap_is_caught() -> None:
    broken = BandTable("broken", 0, 10, (ScoreBand(9, 10, 0), ScoreBand(7, 9, 1), ScoreBand(0, 6, 2)), "test")
    assert broken.problems() == ["broken: score 9 is in 2 bands (overlap)"]


def test_an_empty_or_outside_band_is_caught() -> None:
    # the "2.5 x ULN < x <= 2.5 x ULN" kind of band: empty
    broken = BandTable("broken", 0, 3, (ScoreBand(0, 3, 0), ScoreBand(2, 1, 1), ScoreBand(3, 4, 2)), "test")
    problems = broken.problems()
    assert "broken: empty band 2-1" in problems
    assert "broken: band 3-4 outside 0-3" in problems
    assert "broken: score 3 is in 2 bands (overlap)" in problems


@pytest.mark.parametrize("gmap", GRADE_MAPS, ids=lambda g: g.name)
def test_every_enum_member_has_a_grade(gmap: GradeMap) -> None:  # type: ignore[type-arg]
    assert gmap.problems() == []
    for member in gmap.enum:
        assert 0 <= gmap.grades[member] <= 4
    assert gmap.source


def test_a_missing_enum_member_is_caught() -> None:
    class Colour(StrEnum):
        RED = "red"
        BLUE = "blue"

    gmap = GradeMap("colour", Colour, {Colour.RED: 1}, "test")
    assert gmap.problems() == ["colour: no grade for blue"]


@pytest.mark.parametrize(("table", "expected"), [
    (rules.HYPOXIA_DEVICE, {"room_air": 0, "blow_by": 2, "nasal_cannula": 2, "face_mask": 3,
                            "non_rebreather": 3, "venturi": 3, "cpap": 4, "bipap": 4,
                            "mechanical_ventilation": 4}),
    (rules.CONSCIOUSNESS, {"alert": 0, "awakens_spontaneously": 1, "awakens_to_voice": 2,
                           "awakens_to_tactile": 3, "unarousable": 4}),
    (rules.SEIZURE, {"none": 0, "resolved_rapidly": 3, "prolonged_or_repetitive": 4}),
    (rules.MOTOR, {"none": 0, "deep_focal": 4}),
    (rules.ICP, {"focal_edema": 3, "diffuse_edema": 4, "posturing": 4, "cn6_palsy": 4, "papilledema": 4,
                 "cushings_triad": 4}),
    (rules.ICE_UNABLE, {"aphasia": 3, "unarousable": 4}),
])
def test_enum_tables_match_the_spec(table: GradeMap, expected: dict[str, int]) -> None:  # type: ignore[type-arg]
    assert {m.value: g for m, g in table.grades.items()} == expected


def test_thresholds_match_the_spec() -> None:
    assert rules.FEVER_THRESHOLD_C == 38.0
    assert rules.NASAL_CANNULA_LOW_FLOW_MAX_L_MIN == 6.0
    assert rules.CAPD_UNABLE_GRADE == 4
    assert {d.value: f for d, f in rules.NE_EQUIVALENT_FACTOR.items()} == {
        "norepinephrine": 1.0, "epinephrine": 1.0, "phenylephrine": 0.1, "dopamine": 0.5}
    assert {d.value: (r.threshold, r.unit) for d, r in rules.HIGH_DOSE_ALONE.items()} == {
        "norepinephrine": (20.0, "ug/min"), "dopamine": (10.0, "ug/kg/min"),
        "phenylephrine": (200.0, "ug/min"), "epinephrine": (10.0, "ug/min")}
    assert rules.HIGH_DOSE_WITH_VASOPRESSIN.threshold == 10.0
    assert rules.HIGH_DOSE_SEVERAL.threshold == 20.0
