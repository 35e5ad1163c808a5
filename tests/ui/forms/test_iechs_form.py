"""The IEC-HS grade form (issue 6): a physician picks the grade beside its CSCO-2024 §4.3.2 description and
saves it in one call; a nurse sees the form read-only and nothing can be written; the grade in force shows
on the patient view's management panel with the IEC-HS treatment lines, and in the records tab."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from cartox_desk.core.management.iechs import GRADE_SOURCE
from cartox_desk.ui.forms.iechs import IechsGradeForm, grade_description
from cartox_desk.ui.settings import AppSettings


@pytest.fixture
def physician(services):
    return services.create_user("Dr Chen", "physician")


def _iechs(services, pid):
    return services.get_patient_timeline(pid).iechs_grades


def test_a_physician_fills_the_form_and_saves(qtbot, services, adult, physician):
    form = IechsGradeForm(services, adult.patient_id, physician, AppSettings())
    qtbot.addWidget(form)
    assert set(form.grade_buttons) == {0, 1, 2, 3, 4, 5}
    assert form.description_labels[2].text().startswith("mild-moderate, needs intervention")
    assert GRADE_SOURCE in form.source_label.text() and GRADE_SOURCE in form.grade_buttons[3].toolTip()
    assert form.save_button.isEnabled() and form.role_label.isHidden()
    form.set_time(services.now() - timedelta(minutes=20))
    qtbot.mouseClick(form.description_labels[2], Qt.MouseButton.LeftButton)  # the words pick the grade
    assert form.grade() == 2
    form.note_edit.setText("CRS, infection and progression excluded")
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)
    kind, record = saved.args
    assert kind == "iechs_grade" and record.grade == 2
    [stored] = _iechs(services, adult.patient_id)
    note = "CRS, infection and progression excluded"
    assert (stored.grade, stored.note, stored.meta.entered_by) == (2, note, "Dr Chen")
    assert form.result() == form.DialogCode.Accepted


def test_no_grade_chosen_writes_nothing(qtbot, services, adult, physician):
    form = IechsGradeForm(services, adult.patient_id, physician, AppSettings())
    qtbot.addWidget(form)
    form.save_button.click()
    assert "choose the IEC-HS grade" in form.problem_text("grade")
    assert _iechs(services, adult.patient_id) == ()


def test_a_nurse_sees_it_read_only_and_cannot_save(qtbot, services, adult, nurse):
    form = IechsGradeForm(services, adult.patient_id, nurse, AppSettings())
    qtbot.addWidget(form)
    assert form.read_only and not form.save_button.isEnabled()
    assert "Only a physician records an IEC-HS grade" in form.role_label.text()
    assert not any(b.isEnabled() for b in form.grade_buttons.values())
    form.grade_buttons[3].setChecked(True)  # even if forced, Enter writes nothing
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)
    form._on_save()
    assert _iechs(services, adult.patient_id) == ()
    assert form.saved_records == []


def test_descriptions_follow_the_interface_language(qtbot, qapp, services, adult, physician):
    from cartox_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    try:
        form = IechsGradeForm(services, adult.patient_id, physician, AppSettings(language="zh_CN"))
        qtbot.addWidget(form)
        assert form.description_labels[4].text().startswith("危及生命")
        assert form.windowTitle() == "录入 IEC-HS 分级（医师）"
        assert grade_description(0).startswith("IEC-HS 已缓解或已排除")
    finally:
        install_translators(qapp, "en")


def test_amendment_dialog_corrects_the_grade(qtbot, services, adult, physician):
    from cartox_desk.ui.forms.amendment import AmendmentDialog

    rec = services.record_iechs_grade(adult.patient_id, services.now() - timedelta(hours=1), by=physician,
                                      grade=2)
    dialog = AmendmentDialog(services, adult.patient_id, physician, AppSettings(), kind="iechs_grade",
                             record_id=rec.meta.record_id)
    qtbot.addWidget(dialog)
    combo = dialog.editors["grade"]
    combo.setCurrentIndex(combo.findData(3))
    dialog.reason_edit.setText("transfusion for bleeding coagulopathy")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    history = services.record_history("iechs_grade", rec.meta.record_id)
    assert [v.record.grade for v in history] == [2, 3]


def test_patient_view_shows_the_grade_in_force_and_its_treatment_lines(qtbot, services, adult, physician):
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.patient_view import PatientView
    from cartox_desk.ui.workers import wait_for_all

    services.record_iechs_grade(adult.patient_id, services.now() - timedelta(hours=30), by=physician,
                                grade=2, note="confirmed")
    view = PatientView(services, AppSettings(), AppEvents(), charts=False)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.loaded, timeout=20000):
            view.set_patient(adult.patient_id)
        tree = view.management.tree
        top = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        assert top[0].text(0) == "IEC-HS (recorded by the physician)"
        assert top[0].child(0).text(0) == "IEC-HS grade 2 in force (until a newer IEC-HS record)"
        recorded = top[0].child(1).text(0)
        assert recorded.startswith("recorded ") and recorded.endswith("(30 h ago) by Dr Chen")
        assert top[0].child(2).text(0) == grade_description(2) and top[0].child(2).text(1) == GRADE_SOURCE
        assert top[0].child(3).text(0) == "Note: confirmed"
        texts = [item.text(0) for section in top for item in (section.child(j)
                                                             for j in range(section.childCount()))]
        assert any(t.startswith("IEC-HS first line") for t in texts)
        model = view.models["iechs_grade"]
        assert model.rowCount() == 1 and model.index(0, 1).data() == "grade 2"
        assert "IEC-HS (1)" in [view.tabs.tabText(i) for i in range(view.tabs.count())]
        assert "iechs_grade" in view.action_buttons
    finally:
        wait_for_all()
