"""ICE and CAPD wizards driven with the keyboard only, graded by the real core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.snapshot import (
    CapdAnswer,
    Consciousness,
    IceAssessment,
    IceUnable,
    IcpFinding,
    OxygenDevice,
    OxygenSupport,
    Snapshot,
)
from cartox_desk.ui.capd_items import capd_anchor, proposes_capd
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.wizards import SEDATED, AssessmentWizard, BinaryItemsStep


def make(qtbot, tool="ice", **context):
    wizard = AssessmentWizard(tool, AppSettings(hospital_name="Ward Test Hospital", city_name="Beijing"),
                              **context)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    return wizard


def keys(qtbot, wizard, sequence: str) -> None:
    """Type a key sequence: '\n' = Enter, '\b' = Backspace, '\x1b' = Esc, other characters as typed."""
    special = {"\n": Qt.Key.Key_Return, "\b": Qt.Key.Key_Backspace, "\x1b": Qt.Key.Key_Escape}
    for ch in sequence:
        if ch in special:
            qtbot.keyClick(wizard, special[ch])
        else:
            qtbot.keyClicks(wizard, ch)


# orientation 2/4, naming 2/3, commands 1, writing 0, attention 0 = 5/10
ICE_5 = "1100\n" "110\n" "1\n" "0\n" "0\n"
NEURO_NORMAL = "1\n" "n\n" "n\n" "n\n"  # alert, no seizure, no weakness, no ICP signs


def test_ice_by_keys_only_scores_5_shows_icans_2_and_emits_the_assessment(qtbot):
    wizard = make(qtbot, baseline=10, previous=8, patient_label="Wang Jun")
    keys(qtbot, wizard, ICE_5)
    assert "5 / 10" in wizard.total_label.text()
    keys(qtbot, wizard, NEURO_NORMAL)
    assert wizard.current_step() is wizard.result_step
    assert wizard.result_step.badge.text() == "2"
    assert "5 / 10" in wizard.result_step.score_label.text()
    assert "−5" in wizard.result_step.change_label.text() and "−3" in wizard.result_step.change_label.text()
    assert "ICE" in wizard.result_step.drivers_label.text()

    with qtbot.waitSignal(wizard.completed, timeout=1000) as signal:
        keys(qtbot, wizard, "\n")
    done = signal.args[0]
    assert done.ice == IceAssessment(orientation=2, naming=2, commands=1, writing=0, attention=0)
    assert done.ice_unable is None and done.capd is None
    assert done.score == 5 and done.result.icans.grade == 2
    assert done.change_from_baseline == -5 and done.change_from_previous == -3
    assert done.findings.consciousness is Consciousness.ALERT
    assert done.findings.icp_findings == frozenset()


def test_enter_does_not_skip_unanswered_items(qtbot):
    wizard = make(qtbot)
    keys(qtbot, wizard, "11\n")  # only 2 of the 4 orientation questions
    assert wizard.current_step() is wizard.item_steps[0]
    assert wizard.message_label.text()
    keys(qtbot, wizard, "11\n")
    assert wizard.current_step() is wizard.item_steps[1]


def test_backspace_goes_back_keeping_answers_and_esc_cancels(qtbot):
    wizard = make(qtbot)
    keys(qtbot, wizard, "1010\n")
    keys(qtbot, wizard, "\b")
    first = wizard.current_step()
    assert first is wizard.item_steps[0]
    assert isinstance(first, BinaryItemsStep) and first.values == [1, 0, 1, 0]
    with qtbot.waitSignal(wizard.cancelled, timeout=1000), qtbot.assertNotEmitted(wizard.completed):
        keys(qtbot, wizard, "\x1b")


def test_a_correction_on_the_same_screen_changes_the_score(qtbot):
    wizard = make(qtbot)
    keys(qtbot, wizard, "1111")  # the cursor stays on the last row ("hospital")
    qtbot.keyClick(wizard, Qt.Key.Key_Up)  # up to "city"
    keys(qtbot, wizard, "0")
    assert wizard.item_steps[0].values == [1, 1, 0, 1]
    assert "3 / 4" in wizard.total_label.text()


@pytest.mark.parametrize(("choice", "grade", "unable"), [
    ("1", 3, IceUnable.APHASIA),  # awake, global aphasia -> grade 3
    ("2", 4, IceUnable.UNAROUSABLE),  # cannot be roused -> grade 4
])
def test_ice_cannot_be_done(qtbot, choice, grade, unable):
    wizard = make(qtbot)
    keys(qtbot, wizard, "11c")
    assert wizard.current_step() is wizard.unable_step
    keys(qtbot, wizard, choice + "\n")
    if unable is IceUnable.UNAROUSABLE:  # consciousness pre-answered "unarousable"
        assert wizard.neuro_steps[0].value() == Consciousness.UNAROUSABLE
        keys(qtbot, wizard, "\n")
    else:
        keys(qtbot, wizard, "1\n")
    keys(qtbot, wizard, "n\nn\nn\n")
    assert wizard.result_step.badge.text() == str(grade)
    with qtbot.waitSignal(wizard.completed) as signal:
        keys(qtbot, wizard, "\n")
    done = signal.args[0]
    assert done.ice is None and done.ice_unable is unable and done.score is None
    assert done.result.icans.grade == grade


def test_sedated_is_recorded_as_not_assessed_without_a_score(qtbot):
    wizard = make(qtbot, baseline=10)
    keys(qtbot, wizard, "c3\n" "3\n" "n\nn\nn\n")  # sedated; awakens to voice
    assert wizard.result_step.badge.text() == "2"  # consciousness still grades ICANS
    wizard2 = make(qtbot, baseline=10)
    keys(qtbot, wizard2, "c3\n" "1\n" "n\nn\nn\n")
    assert wizard2.result_step.badge.grade() is None and wizard2.result_step.badge.text() == "–"
    with qtbot.waitSignal(wizard2.completed) as signal:
        keys(qtbot, wizard2, "\n")
    done = signal.args[0]
    assert done.not_assessed_reason == SEDATED and done.score is None and done.change_from_baseline is None
    assert done.ice is None and done.ice_unable is None
    assert done.result.icans.grade is None


def test_icp_signs_are_toggled_by_number(qtbot):
    wizard = make(qtbot)
    keys(qtbot, wizard, "1111\n" "111\n" "1\n" "1\n" "1\n" "1\n" "n\n" "n\n")
    keys(qtbot, wizard, "25")  # diffuse edema, papilledema
    keys(qtbot, wizard, "\n")
    assert wizard.result_step.badge.text() == "4"
    with qtbot.waitSignal(wizard.completed) as signal:
        keys(qtbot, wizard, "\n")
    assert signal.args[0].findings.icp_findings == {IcpFinding.DIFFUSE_EDEMA, IcpFinding.PAPILLEDEMA}


# CAPD keys 1-5 = never … always. Items 1-4 are reverse-scored by the core (always = 0).
CAPD_9 = "5\n5\n5\n5\n" "4\n4\n4\n1\n"  # restless, inconsolable, underactive "often" = 3 x 3 = 9
CAPD_8 = "5\n5\n5\n5\n" "4\n4\n3\n1\n"  # 3 + 3 + 2 = 8


def test_capd_9_gives_icans_3(qtbot):
    wizard = make(qtbot, "capd", age_years=6)
    keys(qtbot, wizard, CAPD_9)
    keys(qtbot, wizard, NEURO_NORMAL)
    assert wizard.result_step.badge.text() == "3"
    with qtbot.waitSignal(wizard.completed) as signal:
        keys(qtbot, wizard, "\n")
    done = signal.args[0]
    assert done.score == 9 and done.result.icans.grade == 3
    assert done.capd.eye_contact is CapdAnswer.ALWAYS and done.capd.restless is CapdAnswer.OFTEN
    assert done.capd.slow_response is CapdAnswer.NEVER


def test_capd_8_is_grade_1_and_running_total_uses_core_scoring(qtbot):
    wizard = make(qtbot, "capd", age_years=6)
    keys(qtbot, wizard, "1\n")  # eye contact "never" = 4 points (reversed)
    assert "4 / 4" in wizard.total_label.text()
    keys(qtbot, wizard, "\b" + CAPD_8 + NEURO_NORMAL)
    assert wizard.result_step.badge.text() == "1"


def test_capd_unable_cannot_be_roused_is_grade_4(qtbot):
    wizard = make(qtbot, "capd", age_years=3)
    keys(qtbot, wizard, "c1\n" "\n" "n\nn\nn\n")
    assert wizard.result_step.badge.text() == "4"
    with qtbot.waitSignal(wizard.completed) as signal:
        keys(qtbot, wizard, "\n")
    assert signal.args[0].capd_unable is True


@pytest.fixture
def no_installed_anchors(monkeypatch):
    """No CAPD anchor chart found, whatever this machine has installed (the lookup is cached: cleared)."""
    from cartox_desk.ui import capd_items

    monkeypatch.setattr(capd_items, "anchor_file_candidates", list)
    capd_items.installed_anchor_chart.cache_clear()
    yield
    capd_items.installed_anchor_chart.cache_clear()


def test_capd_shows_developmental_anchors_only_up_to_2_years(qtbot, no_installed_anchors):
    baby = make(qtbot, "capd", age_years=0.5)
    assert baby.item_steps[0].note_label is not None
    assert "not installed" in baby.item_steps[0].note_label.text()  # never an invented text
    older = make(qtbot, "capd", age_years=7)
    assert older.item_steps[0].note_label is None
    assert capd_anchor("eye_contact", 3.0) is None


@pytest.mark.parametrize(("age", "delay", "expected"), [
    (12, False, True), (12.0, False, True), (12.01, False, False), (5, False, True),
    (30, True, True), (None, False, False), (None, True, True),
])
def test_proposes_capd(age, delay, expected):
    assert proposes_capd(age, delay) is expected


def test_completed_assessment_merges_into_the_vitals_snapshot(qtbot):
    wizard = make(qtbot)
    keys(qtbot, wizard, ICE_5 + NEURO_NORMAL)
    with qtbot.waitSignal(wizard.completed) as signal:
        keys(qtbot, wizard, "\n")
    vitals = Snapshot(temperature_c=38.5, oxygen=OxygenSupport(OxygenDevice.FACE_MASK))
    merged = signal.args[0].merged_into(vitals)
    assert merged.temperature_c == 38.5 and merged.oxygen == vitals.oxygen
    assert merged.ice == IceAssessment(2, 2, 1, 0, 0) and merged.consciousness is Consciousness.ALERT


def test_chosen_answers_are_never_clipped(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QPushButton

    from cartox_desk.ui.layout_check import clipped_texts
    from cartox_desk.ui.widgets.wrap_button import WrapButton

    wizard = make(qtbot)
    keys(qtbot, wizard, ICE_5[:10])  # orientation + naming answered, on "following commands"
    keys(qtbot, wizard, "1")
    checked = [b for b in wizard.findChildren(QPushButton) if b.isVisible() and b.isChecked()]
    assert checked
    for button in checked:
        if isinstance(button, WrapButton):  # answers: the wrapped text, in bold, has the height it needs
            label = button.label
            assert label.font().bold(), button.label_text()
            assert label.height() >= label.heightForWidth(label.width()), button.label_text()
        else:
            bold = QFont(button.font())
            bold.setBold(True)
            assert button.width() >= QFontMetrics(bold).horizontalAdvance(button.text()), button.text()
    assert clipped_texts(wizard) == []


def test_the_wizard_fits_the_laptop_in_a_long_language(qtbot, qapp):
    """Every step page counts in the wizard's width (a QStackedWidget takes the widest): long answers and
    instructions wrap instead of widening the window past 1366 px (issue 8)."""
    from cartox_desk.ui import i18n
    from cartox_desk.ui.layout_check import LAPTOP_WIDTH, clipped_texts, too_wide

    i18n.install_translators(qapp, "pseudo")
    try:
        for tool, screens in (("ice", ["1111\n", "111\n", "1\n", "1\n", "1\n", "1\n", "n\n", "n\n", "n\n"]),
                              ("ice", ["c", "1\n"]),
                              ("capd", ["4\n"] * 8 + ["1\n", "n\n", "n\n", "n\n"])):
            wizard = AssessmentWizard(tool, AppSettings(hospital_name="Peking University People's Hospital",
                                                        city_name="Beijing"), age_years=1.5)
            qtbot.addWidget(wizard)
            assert too_wide(wizard) == 0, (tool, wizard.minimumSizeHint().width())
            wizard.resize(LAPTOP_WIDTH, 768)
            wizard.show()
            qtbot.waitExposed(wizard)
            for screen in screens:
                qapp.processEvents()  # the layout request posted by the new screen's texts
                assert clipped_texts(wizard) == [], (tool, wizard.current_step().title)
                keys(qtbot, wizard, screen)
            qapp.processEvents()
            assert clipped_texts(wizard) == [], (tool, wizard.current_step().title)
    finally:
        i18n.install_translators(qapp, "en")
