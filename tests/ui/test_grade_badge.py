"""The grade badge: number always printed, "not assessed" never looks like grade 0, readable contrast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from cartox_desk.ui.widgets.grade_badge import (
    GRADE_COLOURS,
    NOT_ASSESSED_TEXT,
    GradeBadge,
    contrast_ratio,
    text_colour_for,
)


def test_not_assessed_is_an_outlined_dash_not_a_grey_zero(qtbot):
    badge = GradeBadge("ICANS")
    qtbot.addWidget(badge)
    badge.set_grade(None)
    assert badge.text() == NOT_ASSESSED_TEXT == "–"
    assert badge.fill_colour() is None
    assert "dashed" in badge.styleSheet() and "transparent" in badge.styleSheet()
    assert "not assessed" in badge.accessibleName()

    badge.set_grade(0)
    assert badge.text() == "0"
    assert badge.fill_colour() == GRADE_COLOURS[0]
    assert "dashed" not in badge.styleSheet()
    assert badge.grab().toImage() != GradeBadge("ICANS").grab().toImage()


@pytest.mark.parametrize("grade", [0, 1, 2, 3, 4])
def test_every_grade_prints_its_number_with_readable_text(qtbot, grade):
    badge = GradeBadge("CRS")
    qtbot.addWidget(badge)
    badge.set_grade(grade)
    assert badge.text() == str(grade)
    fill = GRADE_COLOURS[grade]
    assert fill in badge.styleSheet()
    # WCAG AA for large bold text is 3:1; the ramp must meet it for every grade.
    assert contrast_ratio(QColor(fill), QColor(text_colour_for(fill))) >= 4.5


def test_ramp_gets_darker_with_each_grade_from_1_so_it_reads_without_hue():
    lum = [QColor(GRADE_COLOURS[g]).lightnessF() for g in range(1, 5)]
    assert lum == sorted(lum, reverse=True)
    assert len(set(GRADE_COLOURS.values())) == 5


def test_red_and_purple_get_white_text_yellow_gets_black():
    assert text_colour_for(GRADE_COLOURS[1]) == "#000000"
    assert text_colour_for(GRADE_COLOURS[3]) == "#ffffff"
    assert text_colour_for(GRADE_COLOURS[4]) == "#ffffff"


def test_out_of_range_grade_is_refused(qtbot):
    badge = GradeBadge()
    qtbot.addWidget(badge)
    with pytest.raises(ValueError):
        badge.set_grade(5)
    assert badge.text() == "–"
