"""Preferences dialog over `AppSettings` (hospital and city for the ICE orientation item, units, schedule,
hypotension thresholds, the management protocol). Returns a new frozen settings object; the caller saves it.

The protocol row shows the protocol in force (the parent window's services when it has them) and offers the
shipped ones and "Load protocol file…": a file is validated at once (`core.management.load_protocol`); a bad
one shows the loader's message here and the current protocol stays. On Save the choice is put in force
(`Services.use_protocol`, audited under the window's user) before the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.management import Protocol, ProtocolError, default_protocol, load_protocol
from cartox_desk.ui.settings import AppSettings, LabUnitSystem, TemperatureUnit
from cartox_desk.ui.widgets.flow_layout import FlowLayout

DEFAULT_PROTOCOL = "CSCO-2024"
ALTERNATIVE_PROTOCOL = "ASCO-2021"
# (parent, caption, directory, filter) -> (path, chosen filter); replaced in tests
FileChooser = Callable[[QWidget | None, str, str, str], tuple[str, str]]


def _load(choice: str) -> Protocol:
    """The protocol a settings value names ("" = the default); raises `ProtocolError`."""
    from cartox_desk.services.api import protocol_path

    return load_protocol(protocol_path(choice)) if choice else default_protocol()


def _spin(value: float, low: float, high: float, step: float, suffix: str, parent: QWidget,
          decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setValue(value)
    spin.setMinimumWidth(110)
    spin.setMaximumWidth(140)
    return spin


class SettingsDialog(QDialog):
    """Edit the ward preferences. `settings()` gives the edited copy."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("Settings"))

        ward = QGroupBox(self.tr("Ward"), self)
        ward_form = QFormLayout(ward)
        self.hospital_edit = QLineEdit(settings.hospital_name, ward)
        ward_form.addRow(self.tr("Hospital name (ICE orientation)"), self.hospital_edit)
        self.city_edit = QLineEdit(settings.city_name, ward)
        ward_form.addRow(self.tr("City (ICE orientation)"), self.city_edit)
        self.language_combo = QComboBox(ward)
        self.language_combo.addItem("中文 (zh_CN)", "zh_CN")
        self.language_combo.addItem("English (en)", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        ward_form.addRow(self.tr("Language (after restart)"), self.language_combo)
        self.temperature_combo = QComboBox(ward)
        self.temperature_combo.addItem("°C", TemperatureUnit.CELSIUS.value)
        self.temperature_combo.addItem("°F", TemperatureUnit.FAHRENHEIT.value)
        self.temperature_combo.setCurrentIndex(self.temperature_combo.findData(settings.temperature_unit.value))
        ward_form.addRow(self.tr("Temperature unit"), self.temperature_combo)
        self.lab_combo = QComboBox(ward)
        self.lab_combo.addItem(self.tr("China (10^9/L, g/L, µmol/L)"), LabUnitSystem.CN.value)
        self.lab_combo.addItem(self.tr("US (10^3/µL, g/dL, mg/dL)"), LabUnitSystem.US.value)
        self.lab_combo.setCurrentIndex(self.lab_combo.findData(settings.lab_units.value))
        ward_form.addRow(self.tr("Laboratory units"), self.lab_combo)
        self.sentence_zh_edit = QLineEdit(settings.writing_sentence_zh, ward)
        ward_form.addRow(self.tr("ICE writing sentence (Chinese)"), self.sentence_zh_edit)
        self.sentence_en_edit = QLineEdit(settings.writing_sentence_en, ward)
        ward_form.addRow(self.tr("ICE writing sentence (English)"), self.sentence_en_edit)

        schedule = QGroupBox(self.tr("ICE / CAPD schedule (clinical-rules §6)"), self)
        schedule_form = QFormLayout(schedule)
        hours = self.tr(" h")
        self.ice_interval_spin = _spin(settings.ice_interval_h, 0.5, 48, 0.5, hours, schedule)
        schedule_form.addRow(self.tr("Routine interval"), self.ice_interval_spin)
        self.tightened_spin = QSpinBox(schedule)
        self.tightened_spin.setRange(5, 240)
        self.tightened_spin.setSuffix(self.tr(" min"))
        self.tightened_spin.setValue(settings.tightened_interval_min)
        self.tightened_spin.setMaximumWidth(140)
        self.tightened_for_spin = _spin(settings.tightened_duration_h, 0.5, 24, 0.5, hours, schedule)
        row = QWidget(schedule)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.tightened_spin)
        row_layout.addWidget(QLabel(self.tr("for"), row))
        row_layout.addWidget(self.tightened_for_spin)
        row_layout.addStretch(1)
        schedule_form.addRow(self.tr("After any drop: every"), row)
        self.then_spin = _spin(settings.tightened_then_interval_h, 0.5, 24, 0.5, hours, schedule)
        schedule_form.addRow(self.tr("Then every"), self.then_spin)
        self.until_spin = _spin(settings.tightened_until_baseline_h, 1, 168, 1, hours, schedule)
        schedule_form.addRow(self.tr("Until back to baseline for"), self.until_spin)

        bp = QGroupBox(self.tr("Hypotension proposal (clinical-rules §1 rule 8)"), self)
        bp_form = QFormLayout(bp)
        mmhg = " mmHg"
        self.adult_sbp_spin = _spin(settings.adult_sbp_below_mmhg, 40, 140, 1, mmhg, bp, 0)
        bp_form.addRow(self.tr("Adults: systolic below"), self.adult_sbp_spin)
        self.child_base_spin = _spin(settings.child_sbp_base_mmhg, 30, 120, 1, mmhg, bp, 0)
        self.child_per_year_spin = _spin(settings.child_sbp_per_year_mmhg, 0, 10, 0.5, mmhg, bp)
        child = QWidget(bp)
        child_layout = QHBoxLayout(child)
        child_layout.setContentsMargins(0, 0, 0, 0)
        child_layout.addWidget(self.child_base_spin)
        child_layout.addWidget(QLabel("+", child))
        child_layout.addWidget(self.child_per_year_spin)
        per_year = QLabel(self.tr("× age in years (ages 1-10)"), child)
        per_year.setWordWrap(True)  # the field column can be narrow: wrap rather than cut
        child_layout.addWidget(per_year, 1)
        bp_form.addRow(self.tr("Children: systolic below"), child)

        protocol_box = QGroupBox(self.tr("Management protocol"), self)
        protocol_form = QFormLayout(protocol_box)
        self._services: Any = getattr(parent, "services", None)
        self._user: Any = getattr(parent, "user", None)
        self.choose_file: FileChooser = QFileDialog.getOpenFileName
        self._protocol_choice = settings.protocol_file
        self._protocol: Protocol | None = None
        try:
            self._protocol = (self._services.protocol() if self._services is not None
                              else _load(settings.protocol_file))
        except ProtocolError:
            self._protocol = None
        self.protocol_label = QLabel(protocol_box)
        self.protocol_label.setWordWrap(True)
        protocol_form.addRow(self.tr("Protocol in force"), self.protocol_label)
        choices = QWidget(protocol_box)
        choices_layout = FlowLayout(choices)  # the three choices take two lines rather than a wider dialog
        self.default_protocol_button = QPushButton(self.tr("Use CSCO-2024 (default)"), choices)
        self.default_protocol_button.clicked.connect(lambda: self.choose_protocol(""))
        self.asco_protocol_button = QPushButton(self.tr("Use ASCO-2021"), choices)
        self.asco_protocol_button.clicked.connect(lambda: self.choose_protocol(ALTERNATIVE_PROTOCOL))
        self.load_protocol_button = QPushButton(self.tr("Load protocol file…"), choices)
        self.load_protocol_button.clicked.connect(self.load_protocol_file)
        for button in (self.default_protocol_button, self.asco_protocol_button, self.load_protocol_button):
            choices_layout.addWidget(button)
        protocol_form.addRow("", choices)
        self.protocol_error = QLabel(protocol_box)
        self.protocol_error.setWordWrap(True)
        self.protocol_error.setStyleSheet("color: #b00020;")
        self.protocol_error.setVisible(False)
        protocol_form.addRow(self.protocol_error)
        self._show_protocol()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (ward, protocol_box, schedule, bp):
            layout.addWidget(box)
        layout.addWidget(buttons)
        # At least 620 px, never less than the layout needs: an explicit minimum width alone would let the
        # dialog be narrower than its rows and cut their labels and buttons (issue 8).
        self.setMinimumWidth(max(620, layout.minimumSize().width()))

    # ------------------------------------------------------------------ protocol

    def protocol(self) -> Protocol | None:
        """The protocol the dialog shows as chosen (in force once saved)."""
        return self._protocol

    def protocol_message(self) -> str:
        """The last problem with a chosen protocol ("" when none)."""
        return self.protocol_error.text() if self.protocol_error.isVisibleTo(self) else ""

    def _show_protocol(self) -> None:
        p = self._protocol
        if p is None:
            self.protocol_label.setText(self.tr("none could be loaded"))
            return
        title = p.title_zh if self._original.language.startswith("zh") else p.title_en
        text = self.tr("%1 version %2").replace("%1", p.id.upper()).replace("%2", p.version)
        self.protocol_label.setText(text + (f" — {title}" if title else ""))
        self.protocol_label.setToolTip(p.path)

    def _protocol_problem(self, message: str) -> None:
        self.protocol_error.setText(message)
        self.protocol_error.setVisible(bool(message))

    def choose_protocol(self, choice: str) -> bool:
        """Validate and show ``choice`` (a shipped id, a file, "" = default); a bad one keeps the current."""
        try:
            protocol = _load(choice)
        except ProtocolError as exc:
            self._protocol_problem(self.tr("This protocol cannot be used; the current one stays:") + "\n"
                                   + str(exc))
            return False
        self._protocol, self._protocol_choice = protocol, choice
        self._protocol_problem("")
        self._show_protocol()
        return True

    def load_protocol_file(self) -> None:
        path, _filter = self.choose_file(self, self.tr("Load protocol file"), "",
                                         self.tr("Protocol files (*.json)"))
        if path:
            self.choose_protocol(path)

    def accept(self) -> None:
        """Put a changed protocol in force first; refused (cannot happen after validation, unless the file
        changed meanwhile): the message stays on screen and the dialog stays open."""
        if self._services is not None and self._protocol_choice != self._original.protocol_file:
            from cartox_desk.services import ValidationError

            try:
                self._services.use_protocol(self._protocol_choice or DEFAULT_PROTOCOL, by=self._user)
            except ValidationError as exc:
                self._protocol_problem(str(exc))
                return
        super().accept()

    def settings(self) -> AppSettings:
        return replace(
            self._original,
            protocol_file=self._protocol_choice,
            hospital_name=self.hospital_edit.text().strip(),
            city_name=self.city_edit.text().strip(),
            language=str(self.language_combo.currentData()),
            temperature_unit=TemperatureUnit(self.temperature_combo.currentData()),
            lab_units=LabUnitSystem(self.lab_combo.currentData()),
            writing_sentence_zh=self.sentence_zh_edit.text().strip(),
            writing_sentence_en=self.sentence_en_edit.text().strip(),
            ice_interval_h=self.ice_interval_spin.value(),
            tightened_interval_min=self.tightened_spin.value(),
            tightened_duration_h=self.tightened_for_spin.value(),
            tightened_then_interval_h=self.then_spin.value(),
            tightened_until_baseline_h=self.until_spin.value(),
            adult_sbp_below_mmhg=self.adult_sbp_spin.value(),
            child_sbp_base_mmhg=self.child_base_spin.value(),
            child_sbp_per_year_mmhg=self.child_per_year_spin.value(),
        )
