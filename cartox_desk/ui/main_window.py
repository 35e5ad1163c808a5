"""The main window: ward census (start screen) → patient view, plus the quick grading panel.

With a store (`services`), pages are: census, patient view, quick grading (Ctrl+G, no patient). Without one
(`services=None`: the grading-only mode and its screenshots) the grading panel is the whole window.
Entry forms, the ICE / CAPD flow and amendments come from `ui.forms` (the FORMS engineer's package); every
save is relayed to `AppEvents.records_saved`, which reloads the census and the open patient.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from cartox_desk.ui.core_bridge import Grader
from cartox_desk.ui.events import AppEvents
from cartox_desk.ui.grade_panel import GradePanel
from cartox_desk.ui.settings import AppSettings, save_settings

# entry kind -> class name in cartox_desk.ui.forms
FORM_CLASSES = {"vitals": "VitalsForm", "lab": "LabForm", "neuro_exam": "NeuroExamForm",
                "medication": "MedicationForm", "intervention": "InterventionForm",
                "iechs_grade": "IechsGradeForm"}


def _forms() -> Any:
    try:
        import cartox_desk.ui.forms as forms
    except ImportError:
        return None
    return forms


class MainWindow(QMainWindow):
    """`services` is whatever the composition root built (None: grading only). `user` is who is working
    (every record carries it); `demo` puts DEMO in the title."""

    def __init__(self, settings: AppSettings, events: AppEvents, services: Any = None,
                 grader: Grader | None = None, parent: QWidget | None = None, *, user: Any = None,
                 demo: bool = False, charts: bool = True) -> None:
        super().__init__(parent)
        self.settings = settings
        self.events = events
        self.services = services
        self.user = user
        self.demo = demo
        self._grader = grader
        self._open_dialogs: list[Any] = []
        self._read_ahead_ready = False  # the census and its alerts are in (`_start_read_ahead`)
        self.grade_panel = GradePanel(settings, grader, self)
        self.census: Any = None
        self.patient_view: Any = None
        self.stack: QStackedWidget | None = None
        if services is None:
            self.setCentralWidget(self.grade_panel)
        else:
            from cartox_desk.ui.census import CensusView
            from cartox_desk.ui.patient_view import PatientView, SessionChecklist

            self.checklist = SessionChecklist()
            self.stack = QStackedWidget(self)
            self.census = CensusView(services, events, self.stack)
            self.patient_view = PatientView(services, settings, events, self.stack, checklist=self.checklist,
                                            charts=charts)
            self.patient_view.management.user_name = getattr(user, "name", "")
            self.patient_view.user = user
            self.stack.addWidget(self.census)
            self.stack.addWidget(self.patient_view)
            self.stack.addWidget(self.grade_panel)
            self.setCentralWidget(self.stack)
            self.census.patient_activated.connect(self.open_patient)
            self.census.entry_requested.connect(self.open_entry)
            self.census.print_requested.connect(lambda: self.open_print(None))
            self.patient_view.back_requested.connect(self.show_census)
            self.patient_view.entry_requested.connect(self.open_entry)
            self.patient_view.print_requested.connect(self.open_print)
            self.patient_view.amend_requested.connect(self.open_amendment)
            self.patient_view.grade_rose.connect(self._on_grade_rose)
            # read ahead the patients the user will probably open, once the census and its alerts are in
            self.census.alerts_loaded.connect(self._start_read_ahead)
            self.census.table.selectionModel().currentRowChanged.connect(lambda *_: self._read_ahead())
        self._build_menus()
        self._update_title()
        self.statusBar().showMessage(
            self.tr("Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders."))
        if self.census is not None:
            self.census.refresh()

    # ---- menus ---------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        if self.services is not None:
            ward = self.menuBar().addMenu(self.tr("&Ward"))
            self.census_action = QAction(self.tr("Census"), self)
            self.census_action.setShortcut(QKeySequence("Ctrl+H"))
            self.census_action.setToolTip(self.tr("Back to the ward census (Ctrl+H)"))
            self.census_action.triggered.connect(self.show_census)
            ward.addAction(self.census_action)
            self.print_ward_action = QAction(self.tr("Print ward…"), self)
            self.print_ward_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
            self.print_ward_action.triggered.connect(lambda: self.open_print(None))
            ward.addAction(self.print_ward_action)
            self.quick_action = QAction(self.tr("Quick grading (no patient)"), self)
            self.quick_action.setShortcut(QKeySequence("Ctrl+G"))
            self.quick_action.setToolTip(self.tr("Grade typed values without saving (Ctrl+G)"))
            self.quick_action.triggered.connect(self.show_quick_grading)
            ward.addAction(self.quick_action)
            self.user_action = QAction(self.tr("Change user…"), self)
            self.user_action.triggered.connect(self.change_user)
            ward.addAction(self.user_action)
        menu = self.menuBar().addMenu(self.tr("&Assess"))
        self.ice_action = QAction(self.tr("ICE assessment…"), self)
        self.ice_action.setShortcut(QKeySequence("Ctrl+I"))
        self.ice_action.setToolTip(self.tr("ICE assessment (Ctrl+I)"))
        self.ice_action.triggered.connect(self.open_ice_wizard)
        menu.addAction(self.ice_action)
        self.capd_action = QAction(self.tr("CAPD assessment (children)…"), self)
        self.capd_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.capd_action.setToolTip(self.tr("CAPD assessment (Ctrl+Shift+I)"))
        self.capd_action.triggered.connect(self.open_capd_wizard)
        menu.addAction(self.capd_action)
        clear = QAction(self.tr("Clear the form"), self)
        clear.setShortcut(QKeySequence("Ctrl+N"))
        clear.triggered.connect(lambda: self.grade_panel.clear())
        menu.addAction(clear)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setToolTip(self.tr("Ward settings (Ctrl+,)"))
        self.settings_action.triggered.connect(self.open_settings)
        tools.addAction(self.settings_action)

    def _update_title(self) -> None:
        parts = [self.tr("cartox_desk — CRS / ICANS grading")]
        if self.user is not None:
            from cartox_desk.ui.user_picker import role_word

            parts.append(f"{self.user.name} ({role_word(self.user.role)})")
        if self.demo:
            parts.append(self.tr("DEMO — synthetic patients"))
        self.setWindowTitle(" — ".join(parts))

    # ---- navigation ----------------------------------------------------------------------------------

    def current_patient_id(self) -> int | None:
        """The patient on screen, or the one selected on the census."""
        if self.stack is None:
            return None
        if self.stack.currentWidget() is self.patient_view:
            return self.patient_view.patient_id
        if self.stack.currentWidget() is self.census:
            return self.census.selected_patient_id()
        return None

    def open_patient(self, patient_id: int) -> None:
        if self.stack is None:
            return
        self.patient_view.set_patient(int(patient_id))
        self.stack.setCurrentWidget(self.patient_view)
        self.patient_view.setFocus()
        self.events.patient_changed.emit(int(patient_id))

    def _start_read_ahead(self) -> None:
        self._read_ahead_ready = True
        self._read_ahead()

    def _read_ahead(self) -> None:
        if self._read_ahead_ready:  # connected only when there is a census
            self.patient_view.prefetch(self.census.likely_next())

    def show_census(self) -> None:
        if self.stack is None:
            return
        self.stack.setCurrentWidget(self.census)
        if self.patient_view.patient_id is not None:
            self.census.select_patient(self.patient_view.patient_id)
        self.census.table.setFocus()
        self.events.patient_changed.emit(None)

    def show_quick_grading(self) -> None:
        if self.stack is not None:
            self.stack.setCurrentWidget(self.grade_panel)

    def change_user(self) -> None:
        from cartox_desk.ui.user_picker import pick_user

        user = pick_user(self.services, self)
        if user is not None:
            self.user = user
            self.patient_view.management.user_name = user.name
            self.patient_view.user = user
            self._update_title()

    def _on_grade_rise_box(self) -> QMessageBox:
        return QMessageBox(QMessageBox.Icon.Warning, self.tr("Grade rise"), "", QMessageBox.StandardButton.Ok,
                           self)

    def _on_grade_rose(self, _patient_id: int, message: str) -> None:
        """Only a grade rise (or a safety limit) interrupts (ux.md): a window-modal box, not app-modal."""
        box = self._on_grade_rise_box()
        box.setText(message)
        box.setInformativeText(self.tr("Review the grade drivers and the recommended management."))
        self.grade_rise_box = box
        box.open()

    # ---- entry, amendment, print ----------------------------------------------------------------------

    def _keep(self, dialog: Any) -> None:
        self._open_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._open_dialogs.remove(d)
                                if d in self._open_dialogs else None)

    def _relay_saved(self, patient_id: int) -> None:
        self.events.records_saved.emit(int(patient_id))

    def _no_user(self) -> bool:
        if self.user is None:
            QMessageBox.warning(self, self.tr("Who is working?"),
                                self.tr("Choose a user first (Ward ▸ Change user…): every record"
                                        " carries it."))
            return True
        return False

    def open_entry(self, kind: str, patient_id: int) -> Any:
        """Open the entry form of `kind` ("vitals", "lab", "neuro_exam", "medication", "intervention") or
        the ICE / CAPD flow ("assessment") for a patient; returns the dialog (or flow) opened."""
        if self.services is None or self._no_user():
            return None
        if kind == "assessment":
            return self.open_assessment(patient_id)
        forms = _forms()
        cls = getattr(forms, FORM_CLASSES.get(kind, ""), None) if forms is not None else None
        if cls is None:
            QMessageBox.information(self, self.tr("Not available yet"),
                                    self.tr("This entry form is not available in this build yet."))
            return None
        dialog = cls(self.services, patient_id, self.user, self.settings, self)
        dialog.saved.connect(lambda _kind, _record, pid=patient_id: self._relay_saved(pid))
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_assessment(self, patient_id: int, tool: str | None = None) -> Any:
        """The ICE (adults) or CAPD (children <= 12, developmental delay) wizard; saved with the user."""
        forms = _forms()
        timeline = None
        if self.patient_view is not None and self.patient_view.patient_id == patient_id and \
                self.patient_view.data is not None:
            timeline = self.patient_view.data.timeline
        if forms is not None and hasattr(forms, "AssessmentSaveFlow"):
            flow = forms.AssessmentSaveFlow(self.services, patient_id, self.user, self.settings, self,
                                            tool=tool, timeline=timeline)
            flow.saved.connect(lambda _saved, pid=patient_id: self._relay_saved(pid))
            self._keep_flow(flow)
            self.assessment_flow = flow
            flow.start()
            return flow
        QMessageBox.information(self, self.tr("Not available yet"),
                                self.tr("The ICE / CAPD flow is not available in this build yet."))
        return None

    def _keep_flow(self, flow: Any) -> None:
        self._open_dialogs.append(flow)
        flow.saved.connect(lambda _s, f=flow: self._open_dialogs.remove(f)
                           if f in self._open_dialogs else None)

    def open_amendment(self, kind: str, record: Any) -> Any:
        if self.services is None or self._no_user():
            return None
        forms = _forms()
        cls = getattr(forms, "AmendmentDialog", None) if forms is not None else None
        if cls is None:
            QMessageBox.information(self, self.tr("Not available yet"),
                                    self.tr("The amendment dialog is not available in this build yet."))
            return None
        pid = self.patient_view.patient_id
        try:
            dialog = cls(self.services, pid, self.user, self.settings, self, kind=kind,
                         record_id=record.meta.record_id)
        except Exception as exc:  # e.g. a kind the dialog does not amend
            QMessageBox.warning(self, self.tr("Cannot amend"), str(exc))
            return None
        dialog.saved.connect(lambda _k, _r, p=pid: self._relay_saved(p))
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_print(self, patient_id: int | None, *, open_when_done: bool = True) -> Any:
        from cartox_desk.ui.print_dialog import PrintDialog

        if self.services is None:
            return None
        dialog = PrintDialog(self.services, self.settings, getattr(self.user, "name", ""), patient_id, self,
                             open_when_done=open_when_done)
        self._keep(dialog)
        dialog.open()
        return dialog

    # ---- settings and the grading panel's wizards -----------------------------------------------------

    def open_settings(self) -> None:
        from cartox_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.settings()))
        dialog.open()

    def apply_settings(self, settings: AppSettings) -> None:
        """Save, then rebuild the panel (units may have changed) keeping what was typed."""
        save_settings(settings)
        self.settings = settings
        typed = self.grade_panel.snapshot()
        old = self.grade_panel
        self.grade_panel = GradePanel(settings, self._grader, self)
        if self.stack is None:
            self.setCentralWidget(self.grade_panel)
        else:
            index = self.stack.indexOf(old)
            showing = self.stack.currentWidget() is old
            self.stack.insertWidget(index, self.grade_panel)
            self.stack.removeWidget(old)
            if showing:
                self.stack.setCurrentWidget(self.grade_panel)
            self.patient_view.settings = settings
            for charts in self.patient_view.all_charts():
                charts.set_units(str(settings.temperature_unit.value), str(settings.lab_units.value))
            self.patient_view.forget()  # remembered chart series carry the old units
            self.patient_view.reload()
        old.deleteLater()
        if typed is not None:
            self.grade_panel.set_snapshot(typed)
        self.events.settings_changed.emit(settings)

    def _open_wizard(self, kind: str) -> None:
        pid = self.current_patient_id()
        if self.services is not None and pid is not None and self.user is not None:
            self.open_assessment(pid, kind)
            return
        from cartox_desk.ui.wizards import WizardDialog

        dialog = WizardDialog(kind, self.settings, grader=self._grader, parent=self)
        dialog.wizard.completed.connect(self.events.assessment_completed)
        dialog.wizard.completed.connect(self._on_assessment_completed)
        dialog.open()

    def open_ice_wizard(self) -> None:
        self._open_wizard("ice")

    def open_capd_wizard(self) -> None:
        self._open_wizard("capd")

    def _on_assessment_completed(self, assessment: Any) -> None:
        # Not for a patient (quick grading): a completed assessment fills the grading panel.
        self.grade_panel.set_snapshot(assessment.merged_into(self.grade_panel.snapshot()))
        if self.stack is not None:
            self.stack.setCurrentWidget(self.grade_panel)
