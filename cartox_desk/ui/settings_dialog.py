"""Preferences dialog over `AppSettings` (hospital and city for the ICE orientation item, units, schedule,
hypotension thresholds). Returns a new frozen settings object; the caller saves it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.ui.settings import AppSettings, LabUnitSystem, TemperatureUnit


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
        child_layout.addWidget(QLabel(self.tr("× age in years (ages 1-10)"), child))
        child_layout.addStretch(1)
        bp_form.addRow(self.tr("Children: systolic below"), child)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (ward, schedule, bp):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def settings(self) -> AppSettings:
        return replace(
            self._original,
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
