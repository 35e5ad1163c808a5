"""Print the daily toxicity summary of one patient-day, or of the whole ward (issue 7 item 3).

Choose the day (day +N for a patient, a date for the ward), the language and the paper; the PDF is built
off the GUI thread (`services.reporting_jobs`, the same path as `cartox-desk report`) with a progress bar,
written to a temporary file and opened with the system viewer (print from there). Signals: `generated(str)`
with the file path, `failed(str)`.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.ui.workers import run_in_pool


class DaySpinBox(QSpinBox):
    """Day +N with its sign always printed (D+6, D-3, D+0), as on the census and the PDF."""

    def textFromValue(self, value: int) -> str:
        return f"{value:+d}"

    def valueFromText(self, text: str) -> int:
        digits = text.replace(self.prefix(), "").strip()
        try:
            return int(digits)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        from PySide6.QtGui import QValidator

        body = text.replace(self.prefix(), "").strip()
        if body in ("", "+", "-"):
            return QValidator.State.Intermediate, text, pos
        try:
            int(body)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


def output_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "cartox_desk_reports"
    path.mkdir(parents=True, exist_ok=True)
    return path


class PrintDialog(QDialog):
    """`PrintDialog(services, settings, user_name, patient_id=None)`: a patient-day when `patient_id` is
    given, else the ward. `open_when_done=False` (tests, self-test) keeps the viewer closed."""

    generated = Signal(str)
    failed = Signal(str)

    def __init__(self, services: Any, settings: Any, user_name: str = "", patient_id: int | None = None,
                 parent: QWidget | None = None, *, open_when_done: bool = True) -> None:
        super().__init__(parent)
        from cartox_desk.services.reporting_jobs import current_day, ward_date

        self.services = services
        self.settings = settings
        self.user_name = user_name
        self.patient_id = patient_id
        self.open_when_done = open_when_done
        self.path: Path | None = None
        form = QFormLayout()
        if patient_id is not None:
            patient = services.get_patient(patient_id)
            self.setWindowTitle(self.tr("Print daily summary"))
            what = QLabel(f"{patient.name} · MRN {patient.mrn} · " + self.tr("bed %1").replace(
                "%1", patient.bed or "–"), self)
            form.addRow(self.tr("Patient"), what)
            self.day_spin = DaySpinBox(self)
            self.day_spin.setPrefix(self.tr("Day "))
            today = current_day(services, patient_id)
            self.day_spin.setRange(min(-14, today), max(today, 0))
            self.day_spin.setValue(today)
            self.day_spin.setToolTip(self.tr("Day +N since infusion; the ward day starts at 08:00"))
            form.addRow(self.tr("&Day"), self.day_spin)
            self.date_edit = None
            self.mrn = patient.mrn
        else:
            self.setWindowTitle(self.tr("Print ward"))
            self.day_spin = None
            self.date_edit = QDateEdit(self)
            self.date_edit.setDisplayFormat("yyyy-MM-dd")
            self.date_edit.setCalendarPopup(True)
            on = ward_date(services)
            self.date_edit.setDate(QDate(on.year, on.month, on.day))
            self.date_edit.setMaximumDate(QDate(on.year, on.month, on.day))
            self.date_edit.setToolTip(self.tr("The ward day that starts at 08:00 on this date"))
            form.addRow(self.tr("&Date"), self.date_edit)
            self.mrn = ""
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem("中文", "zh_CN")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(0 if str(getattr(settings, "language", "en")).startswith("zh") else 1)
        form.addRow(self.tr("&Language"), self.lang_combo)
        self.paper_combo = QComboBox(self)
        self.paper_combo.addItems(["A4", "Letter"])
        form.addRow(self.tr("&Paper"), self.paper_combo)
        self.open_check = QCheckBox(self.tr("Open the PDF when it is ready (print from the viewer)"), self)
        self.open_check.setChecked(open_when_done)
        form.addRow("", self.open_check)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.generate_button: QPushButton = buttons.addButton(
            self.tr("Generate PDF (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button: QPushButton = buttons.addButton(self.tr("Open PDF"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.generate_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.generate_button.clicked.connect(self.generate)
        self.open_button.clicked.connect(self.open_pdf)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # At least 520 px, never less than the rows need: an explicit minimum width alone replaced the
        # layout's own and cut the check box and the buttons in a long language (issue 8).
        self.setMinimumWidth(max(520, layout.minimumSize().width()))

    def _target(self) -> Path:
        if self.day_spin is not None:
            return output_dir() / f"{self.mrn}_day{self.day_spin.value():+d}.pdf"
        assert self.date_edit is not None
        return output_dir() / f"ward_{self.date_edit.date().toString('yyyy-MM-dd')}.pdf"

    def generate(self) -> None:
        from cartox_desk.services.reporting_jobs import ReportOptions, patient_day_pdf, ward_pdf, write_pdf

        opts = ReportOptions(lang=str(self.lang_combo.currentData()),
                             page_size=self.paper_combo.currentText(),
                             hospital=str(getattr(self.settings, "hospital_name", "")),
                             generated_by=self.user_name)
        services, target = self.services, self._target()
        if self.day_spin is not None:
            pid, day = self.patient_id, self.day_spin.value()

            def job(progress: Any) -> Path:
                return write_pdf(patient_day_pdf(services, pid, day, opts, progress), target)
        else:
            assert self.date_edit is not None
            qd = self.date_edit.date()
            on = date(qd.year(), qd.month(), qd.day())

            def job(progress: Any) -> Path:
                return write_pdf(ward_pdf(services, on, opts, progress=progress), target)

        self.generate_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Generating…"))
        run_in_pool(job, self._on_done, self._on_failed, on_progress=self._on_progress, with_progress=True,
                    context=self)

    def _on_progress(self, percent: int, _what: str) -> None:
        self.progress.setValue(percent)

    def _on_done(self, path: Path) -> None:
        self.path = Path(path)
        self.progress.setValue(100)
        self.generate_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(self.tr("Written: %1").replace("%1", str(self.path)))
        if self.open_check.isChecked():
            self.open_pdf()
        self.generated.emit(str(self.path))

    def _on_failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.progress.setValue(0)
        message = self.tr("Could not generate the PDF: %1").replace("%1", str(exc))
        self.status.setText(message)
        self.failed.emit(message)

    def open_pdf(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
