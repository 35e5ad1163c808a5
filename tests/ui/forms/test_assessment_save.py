"""save_assessment and the flow that opens the proposed wizard, graded through the services' timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.snapshot import EncephalopathyTool, IceAssessment
from cartox_desk.services.errors import ValidationError
from cartox_desk.ui.forms.assessment import AssessmentSaveFlow, save_assessment
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.wizards import AssessmentWizard

from .conftest import record_count

ICE_5 = "1100\n110\n1\n0\n0\n"  # orientation 2, naming 2, commands 1, writing 0, attention 0
NEURO_NORMAL = "1\nn\nn\nn\n"  # alert, no seizure, no weakness, no ICP signs
CAPD_9 = "5\n5\n5\n5\n4\n4\n4\n1\n"  # items 1-4 always (0), 5-7 often (3 each), 8 never (0)


def keys(qtbot, widget, sequence):
    special = {"\n": Qt.Key.Key_Return, "\b": Qt.Key.Key_Backspace}
    for ch in sequence:
        if ch in special:
            qtbot.keyClick(widget, special[ch])
        else:
            qtbot.keyClicks(widget, ch)


def complete(qtbot, wizard, sequence):
    with qtbot.waitSignal(wizard.completed, timeout=3000) as blocker:
        keys(qtbot, wizard, sequence + "\n")  # the last Enter confirms the result screen
    return blocker.args[0]


def test_save_assessment_stores_ice_5_and_the_timeline_grades_icans_2(qtbot, services, adult, nurse):
    wizard = AssessmentWizard("ice", AppSettings(), baseline=10)
    qtbot.addWidget(wizard)
    completed = complete(qtbot, wizard, ICE_5 + NEURO_NORMAL)
    saved = save_assessment(services, adult.patient_id, nurse, completed)
    assert saved.assessment is not None and saved.assessment.score == 5
    assert saved.assessment.ice == IceAssessment(orientation=2, naming=2, commands=1, writing=0, attention=0)
    assert saved.neuro_exam is not None and saved.neuro_exam.consciousness.value == "alert"
    timeline = services.get_patient_timeline(adult.patient_id)
    assert [e.score for e in timeline.encephalopathy] == [5]
    assert timeline.encephalopathy[0].meta.entered_by == "Li Na"
    assert timeline.grades[-1].icans.grade == 2
    # the census reads the stored grade too
    row = next(r for r in services.ward_census() if r.patient_id == adult.patient_id)
    assert row.icans_grade == 2


def test_invalid_assessment_writes_nothing(qtbot, services, adult, nurse):
    wizard = AssessmentWizard("ice", AppSettings())
    qtbot.addWidget(wizard)
    completed = complete(qtbot, wizard, ICE_5 + NEURO_NORMAL)
    with pytest.raises(ValidationError, match="future"):
        save_assessment(services, adult.patient_id, nurse, completed, at=services.now() + timedelta(hours=1))
    assert record_count(services, adult.patient_id) == 0


def test_an_invalid_neuro_finding_writes_neither_the_ice_nor_the_exam(
    qtbot, services, adult, nurse, monkeypatch
):
    from dataclasses import replace

    calls = []
    real = services.record_assessment
    monkeypatch.setattr(services, "record_assessment", lambda *a, **k: calls.append(k) or real(*a, **k))
    wizard = AssessmentWizard("ice", AppSettings(), baseline=10)
    qtbot.addWidget(wizard)
    completed = complete(qtbot, wizard, ICE_5 + NEURO_NORMAL)
    bad = replace(completed, findings=replace(completed.findings, seizure="a_bit"))
    before = record_count(services, adult.patient_id)
    with pytest.raises(ValidationError, match=r"neuro\.seizure") as refused:
        save_assessment(services, adult.patient_id, nurse, bad)
    assert [p.field for p in refused.value.problems] == ["neuro.seizure"]
    assert len(calls) == 1  # one call, one transaction
    timeline = services.get_patient_timeline(adult.patient_id)
    assert timeline.encephalopathy == () or list(timeline.encephalopathy) == []
    assert list(timeline.neuro_exams) == []
    assert record_count(services, adult.patient_id) == before == 0
    # the same assessment with a valid finding writes both, together
    saved = save_assessment(services, adult.patient_id, nurse, completed)
    assert [k for k, _ in saved.records()] == ["encephalopathy", "neuro_exam"]
    assert record_count(services, adult.patient_id) == 2


def test_flow_proposes_capd_for_a_child_and_capd_9_gives_icans_3(qtbot, services, child, nurse):
    flow = AssessmentSaveFlow(services, child.patient_id, nurse, AppSettings())
    assert flow.tool == "capd"
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert dialog.wizard.tool is EncephalopathyTool.CAPD
    assert dialog.wizard.baseline == 2  # the child's registered baseline CAPD
    with qtbot.waitSignal(flow.saved, timeout=5000) as blocker:
        keys(qtbot, dialog.wizard, CAPD_9 + NEURO_NORMAL + "\n")
    saved = blocker.args[0]
    assert saved.assessment.tool is EncephalopathyTool.CAPD and saved.assessment.score == 9
    timeline = services.get_patient_timeline(child.patient_id)
    assert timeline.grades[-1].icans.grade == 3


def test_flow_gives_the_wizard_the_previous_score_and_proposes_ice_for_an_adult(
    qtbot, services, adult, nurse
):
    services.record_ice(
        adult.patient_id, services.now() - timedelta(hours=8), by=nurse, ice=IceAssessment(4, 3, 1, 1, 0)
    )
    flow = AssessmentSaveFlow(services, adult.patient_id, nurse, AppSettings())
    assert flow.tool == "ice"
    context = flow.context()
    assert context["previous"] == 9 and context["baseline"] == 10
    dialog = flow.start()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(flow.saved, timeout=5000):
        keys(qtbot, dialog.wizard, ICE_5 + NEURO_NORMAL + "\n")
    assert [e.score for e in services.get_patient_timeline(adult.patient_id).encephalopathy] == [9, 5]
