"""The patient view: the grade banner matches the timeline; a nurse's keyboard-only ICE (5/10) and a child's
CAPD (9) are saved with the user and shown live in the banner and on the census."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cartox_desk.core.results import IcansStatus
from cartox_desk.ui.events import AppEvents
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.workers import wait_for_all

ICE_5 = "1100\n" "110\n" "1\n" "0\n" "0\n"
NEURO_NORMAL = "1\n" "n\n" "n\n" "n\n"  # alert, no seizure, no weakness, no ICP signs
CAPD_9 = "5\n5\n5\n5\n" "4\n4\n4\n1\n"


def keys(qtbot, widget, sequence: str) -> None:
    for ch in sequence:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(widget, ch)


def make_window(qtbot, services, nurse, charts=False):
    from cartox_desk.ui.main_window import MainWindow

    events = AppEvents()
    window = MainWindow(AppSettings(language="en"), events, services, user=nurse, charts=charts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.census.loaded, timeout=20000):
        window.census.refresh()
    return window, events


def open_patient(qtbot, window, services, mrn):
    pid = services.get_patient(mrn=mrn).patient_id
    with qtbot.waitSignal(window.patient_view.loaded, timeout=20000):
        window.open_patient(pid)
    return pid


def test_banner_shows_the_timelines_latest_grades(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse, charts=True)
    pid = open_patient(qtbot, window, services, "DEMO-04")
    view = window.patient_view
    latest = services.get_patient_timeline(pid).grades[-1]
    assert view.banner.crs_badge.grade() == latest.crs.grade
    expected_icans = latest.icans.grade if latest.icans.status is IcansStatus.GRADED else None
    assert view.banner.icans_badge.grade() == expected_icans
    assert "grade" in view.banner.crs_text.text() or "→" in view.banner.crs_text.text()
    assert "MRN DEMO-04" in view.header.text() and "Day +" in view.header.text()
    assert view.models["vitals"].rowCount() > 0
    assert view.charts.series() is not None
    assert view.management.tree.topLevelItemCount() > 0
    # Esc goes back to the census with the patient selected
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.census
    assert window.census.selected_patient_id() == pid


def test_switching_patients_ignores_a_stale_load(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse)
    first = services.get_patient(mrn="DEMO-01").patient_id
    second = services.get_patient(mrn="DEMO-02").patient_id
    window.open_patient(first)
    with qtbot.waitSignal(window.patient_view.loaded, timeout=20000) as shown:
        window.open_patient(second)
    assert shown.args[0] == second
    assert "DEMO-02" in window.patient_view.header.text()


def _wizard_dialog(qtbot, window):
    from cartox_desk.ui.wizards import WizardDialog

    dialogs = [d for d in window.findChildren(WizardDialog) if d.isVisible()]
    assert dialogs, "the ICE / CAPD wizard did not open"
    dialog = dialogs[-1]
    dialog.activateWindow()  # as the window manager does: keys go to the wizard, not the view behind it
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def test_nurse_ice_5_by_keys_gives_icans_2_in_banner_census_and_database(qtbot, ward):
    services, nurse = ward
    window, events = make_window(qtbot, services, nurse)
    pid = open_patient(qtbot, window, services, "DEMO-01")
    view = window.patient_view
    qtbot.keyClick(view, Qt.Key.Key_I)  # I: ICE / CAPD for this patient (an adult: ICE)
    dialog = _wizard_dialog(qtbot, window)
    assert dialog.wizard.tool.value == "ICE"
    keys(qtbot, dialog.wizard, ICE_5 + NEURO_NORMAL)
    assert dialog.wizard.result_step.badge.text() == "2"
    with qtbot.waitSignal(events.records_saved, timeout=20000), \
            qtbot.waitSignal(view.loaded, timeout=20000), \
            qtbot.waitSignal(window.census.loaded, timeout=20000):
        keys(qtbot, dialog.wizard, "\n")
    assert view.banner.icans_badge.grade() == 2
    assert "ICANS 0 → 2" in window.grade_rise_box.text()  # a grade rise interrupts (ux.md)
    row = window.census.model.census_row(window.census.model.row_of(pid))
    assert row.icans_grade == 2
    saved = services.get_patient_timeline(pid).encephalopathy[-1]
    assert saved.score == 5 and saved.meta.entered_by == nurse.name
    assert any(e.user == nurse.name and e.entity == "encephalopathy" for e in services.audit_events(limit=5))


def test_child_capd_9_gives_icans_3(qtbot, ward):
    services, nurse = ward
    window, _events = make_window(qtbot, services, nurse)
    pid = open_patient(qtbot, window, services, "DEMO-04")
    view = window.patient_view
    view.action_buttons["assessment"].click()
    dialog = _wizard_dialog(qtbot, window)
    assert dialog.wizard.tool.value == "CAPD"  # 7 years old: CAPD proposed
    keys(qtbot, dialog.wizard, CAPD_9 + NEURO_NORMAL)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        keys(qtbot, dialog.wizard, "\n")
    assert view.banner.icans_badge.grade() == 3
    saved = services.get_patient_timeline(pid).encephalopathy[-1]
    assert saved.tool.value == "CAPD" and saved.score == 9 and saved.meta.entered_by == nurse.name


def _first_item(panel, kind):
    for i in range(panel.tree.topLevelItemCount()):
        section = panel.tree.topLevelItem(i)
        for j in range(section.childCount()):
            item = section.child(j)
            if item.data(0, panel.TYPE_ROLE) == kind:
                return item
    return None


def test_checklist_marks_and_acknowledgements_are_saved_with_the_user(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse)
    pid = open_patient(qtbot, window, services, "DEMO-04")
    view = window.patient_view
    panel = view.management
    target = _first_item(panel, "recommendation")
    assert target is not None
    code = target.data(0, panel.CODE_ROLE)
    panel.tree.setCurrentItem(target)
    with qtbot.waitSignal(view.marked, timeout=20000), qtbot.waitSignal(view.loaded, timeout=20000):
        panel.mark_selected("done")
    mark = services.recommendation_marks(pid)[code]
    assert mark.status == "done" and mark.by == nurse.name
    target = _item(panel, code)
    assert target.checkState(0) == Qt.CheckState.Checked and nurse.name in target.text(0)
    assert "saved in the record" in panel.session_note.text()

    alert = _first_item(panel, "alert")
    assert alert is not None
    alert_code = alert.data(0, panel.CODE_ROLE)
    panel.tree.setCurrentItem(alert)
    with qtbot.waitSignal(view.marked, timeout=20000), qtbot.waitSignal(view.loaded, timeout=20000):
        panel.mark_selected("ack")
    acked = {a.code: a for a in services.active_alerts(pid)}[alert_code]
    assert acked.acknowledged_by == nurse.name


def test_history_tab_lists_the_versions_of_an_amended_record(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse)
    open_patient(qtbot, window, services, "DEMO-01")
    view = window.patient_view
    model = view.models["vitals"]
    row = next(r for r in range(model.rowCount()) if model.record(r).meta.amends_id is not None)
    view.tabs.setCurrentIndex(0)
    view.tables["vitals"].setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(view.history_loaded, timeout=20000):
        view.show_history_of_selected()
    assert view.tabs.currentWidget() is view.history_tab
    assert view.history_model.rowCount() == 2


def test_v_on_the_census_opens_the_vitals_form_and_a_save_reloads(qtbot, ward):
    from cartox_desk.ui.forms import VitalsForm

    services, nurse = ward
    window, events = make_window(qtbot, services, nurse)
    pid = services.get_patient(mrn="DEMO-07").patient_id
    window.census.select_patient(pid)
    window.census.table.setFocus()
    dialog = window.open_entry("vitals", pid)
    assert isinstance(dialog, VitalsForm) and dialog.patient_id == pid and dialog.user == nurse
    with qtbot.waitSignal(events.records_saved, timeout=5000) as saved:
        dialog.saved.emit("vitals", None)  # what the form emits after writing a record
    assert saved.args == [pid]
    dialog.reject()


def test_amend_opens_the_amendment_dialog_for_the_selected_record(qtbot, ward):
    from cartox_desk.ui.forms import AmendmentDialog

    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse)
    open_patient(qtbot, window, services, "DEMO-01")
    view = window.patient_view
    view.tabs.setCurrentIndex(0)
    view.tables["vitals"].setCurrentIndex(view.models["vitals"].index(0, 0))
    record = view.models["vitals"].record(0)
    view.amend_selected()
    dialogs = [d for d in window.findChildren(AmendmentDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].kind == "vitals" and dialogs[0].record_id == record.meta.record_id
    dialogs[0].reject()


def test_a_stored_mark_is_withdrawn_only_with_a_reason_and_stays_in_the_record(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse)
    pid = open_patient(qtbot, window, services, "DEMO-04")
    view = window.patient_view
    panel = view.management
    target = _first_item(panel, "recommendation")
    code = target.data(0, panel.CODE_ROLE)
    panel.tree.setCurrentItem(target)
    with qtbot.waitSignal(view.marked, timeout=20000), qtbot.waitSignal(view.loaded, timeout=20000):
        panel.mark_selected("done")
    asked: list[str] = []

    def cancelled(title: str, prompt: str) -> None:
        asked.append(prompt)
        return None

    panel.ask_reason = cancelled
    panel.tree.setCurrentItem(_item(panel, code))
    panel.mark_selected("done")  # pressing D again on a stored tick asks why; cancel keeps the tick
    wait_for_all()
    assert asked and services.recommendation_marks(pid)[code].status == "done"
    panel.ask_reason = lambda title, prompt: "ticked the wrong row"
    with qtbot.waitSignal(view.marked, timeout=20000), qtbot.waitSignal(view.loaded, timeout=20000):
        panel.mark_selected("done")
    assert code not in services.recommendation_marks(pid)  # open again
    assert _item(panel, code).checkState(0) == Qt.CheckState.Unchecked
    withdrawn = next(e for e in services.audit_events(patient_id=pid) if e.action == "mark")
    assert "withdrawn" in withdrawn.summary and withdrawn.user == nurse.name
    assert withdrawn.after["note"] == "ticked the wrong row"


def _item(panel, code):
    return next(panel.tree.topLevelItem(i).child(j) for i in range(panel.tree.topLevelItemCount())
                for j in range(panel.tree.topLevelItem(i).childCount())
                if panel.tree.topLevelItem(i).child(j).data(0, panel.CODE_ROLE) == code)


def test_long_recommendations_wrap_whole_instead_of_being_cut(qtbot, ward):
    services, nurse = ward
    window, _ = make_window(qtbot, services, nurse, charts=True)
    open_patient(qtbot, window, services, "DEMO-05")
    view = window.patient_view
    tree = view.management.tree
    view.upper.setSizes([1366 - 420, 420])  # a narrow management panel: the first column ~300 px
    qtbot.wait(50)
    tree.doItemsLayout()
    width = tree.columnWidth(0)
    assert 200 < width < 360
    metrics = tree.fontMetrics()
    items = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    long_items = [it for it in items if metrics.horizontalAdvance(it.text(0)) > 2.2 * width]
    assert long_items  # DEMO-05 has IEC-HS and HLH lines far longer than the column
    for item in long_items:
        tree.expandItem(item.parent())
        assert tree.visualItemRect(item).height() >= 3 * metrics.lineSpacing(), item.text(0)
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
