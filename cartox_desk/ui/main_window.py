"""The main window. For now it holds the grading panel; census and patient views plug in later."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from cartox_desk.ui.core_bridge import Grader
from cartox_desk.ui.events import AppEvents
from cartox_desk.ui.grade_panel import GradePanel
from cartox_desk.ui.qt_compat import emit
from cartox_desk.ui.settings import AppSettings, save_settings


class MainWindow(QMainWindow):
    """`services` is whatever the composition root built (None until the store lands): views ask it for
    data and never touch the database themselves."""

    def __init__(self, settings: AppSettings, events: AppEvents, services: Any = None,
                 grader: Grader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.events = events
        self.services = services
        self._grader = grader
        self.setWindowTitle(self.tr("cartox_desk — CRS / ICANS grading"))
        self.grade_panel = GradePanel(settings, grader, self)
        self.setCentralWidget(self.grade_panel)

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
        self.statusBar().showMessage(
            self.tr("Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders."))

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
        self.setCentralWidget(self.grade_panel)
        old.deleteLater()
        if typed is not None:
            self.grade_panel.set_snapshot(typed)
        emit(self.events.settings_changed, settings)

    def _open_wizard(self, kind: str) -> None:
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
        # Until the store lands, a completed assessment fills the grading panel.
        self.grade_panel.set_snapshot(assessment.merged_into(self.grade_panel.snapshot()))
