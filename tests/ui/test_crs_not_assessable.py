"""Never falsely calm: hypotension or oxygen without a recorded temperature is not a CRS 0 on screen."""

from __future__ import annotations

from cartox_desk.core.crs import crs_assessed, grade_crs
from cartox_desk.core.snapshot import OxygenDevice, OxygenSupport, Snapshot
from cartox_desk.ui.core_bridge import crs_display_grade
from cartox_desk.ui.grade_panel import GradePanel


def test_core_marks_crs_unassessable_without_a_temperature() -> None:
    unknown = grade_crs(Snapshot(hypotension=True))
    assert unknown.grade == 0 and not crs_assessed(unknown)
    assert crs_display_grade(unknown) is None
    afebrile = grade_crs(Snapshot(temperature_c=37.2, hypotension=True))
    assert crs_assessed(afebrile) and crs_display_grade(afebrile) == 0
    masked = grade_crs(Snapshot(fever_masked=True, oxygen=OxygenSupport(OxygenDevice.FACE_MASK)))
    assert crs_assessed(masked) and crs_display_grade(masked) == 3


def test_the_panel_shows_a_dash_for_hypotension_without_temperature(qtbot) -> None:
    panel = GradePanel()
    qtbot.addWidget(panel)
    panel.set_snapshot(Snapshot(hypotension=True))
    assert panel.crs_card.badge.grade() is None
    assert panel.crs_card.badge.text() == "–"
    panel.set_snapshot(Snapshot(temperature_c=37.0, hypotension=True))
    assert panel.crs_card.badge.grade() == 0
