"""One lab result: analyte, value, unit, time collected (clinical-rules §11).

The unit list per analyte offers the Chinese and the US unit; the ward's setting (CN / US) picks the default.
The value is stored converted to the canonical unit with the value and unit as entered kept (services); the
form shows the conversion as it is typed (`core.labs.to_canonical`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from cartox_desk.core.labs import ANALYTES, Analyte, to_canonical
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui.forms.base import PlannedCall, RecordForm, field_with_message
from cartox_desk.ui.forms.words import ANALYTES as ANALYTE_WORDS
from cartox_desk.ui.forms.words import word
from cartox_desk.ui.settings import LabUnitSystem
from cartox_desk.ui.widgets.number_field import NumberField

# (Chinese unit, US unit) where they differ (clinical-rules §11); other analytes use the canonical unit.
UNIT_CHOICES: dict[Analyte, tuple[str, str]] = {
    Analyte.PLATELETS: ("10^9/L", "10^3/µL"),
    Analyte.ANC: ("10^9/L", "10^3/µL"),
    Analyte.WBC: ("10^9/L", "10^3/µL"),
    Analyte.HEMOGLOBIN: ("g/L", "g/dL"),
    Analyte.CREATININE: ("µmol/L", "mg/dL"),
    Analyte.CRP: ("mg/L", "mg/dL"),
    Analyte.FIBRINOGEN: ("g/L", "mg/dL"),
    Analyte.IGG: ("g/L", "mg/dL"),
    Analyte.FERRITIN: ("ng/mL", "µg/L"),
}


def display_unit(unit: str) -> str:
    """UCUM spellings as people read them: 10*9/L -> 10^9/L, umol/L -> µmol/L, mg/L{FEU} -> mg/L FEU."""
    return (
        unit.replace("10*", "10^")
        .replace("umol", "µmol")
        .replace("ug ", "µg ")
        .replace("/uL", "/µL")
        .replace("{FEU}", " FEU")
    )


def unit_choices(analyte: Analyte, system: LabUnitSystem) -> list[str]:
    """The units offered for ``analyte``, the ward's system first."""
    pair = UNIT_CHOICES.get(analyte)
    if pair is None:
        return [ANALYTES[analyte].canonical_unit]
    cn, us = pair
    return [us, cn] if system is LabUnitSystem.US else [cn, us]


class LabForm(RecordForm):
    """Widgets: `analyte_combo`, `value_field`, `unit_combo`, `conversion_label`."""

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: Any,
        settings: Any = None,
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(services, patient_id, user, settings, parent, **kwargs)
        self.setWindowTitle(self.tr("Record a lab result"))
        self.time_label.setText(self.tr("Collected &at"))
        form = QFormLayout(self.body)
        self.analyte_combo = QComboBox(self.body)
        for analyte, text in ANALYTE_WORDS.items():
            self.analyte_combo.addItem(word(text), analyte)
        form.addRow(self.tr("&Analyte"), self.analyte_combo)
        self.add_target("analyte", self.analyte_combo)
        self.value_field = NumberField(
            lambda v: None if v >= 0 else self.tr("must be 0 or more"),
            self.body,
            placeholder=self.tr("value"),
        )
        form.addRow(self.tr("&Value"), self.value_field)
        self.add_target("value", self.value_field)
        self.unit_combo = QComboBox(self.body)
        unit_box, unit_message = field_with_message(self.unit_combo, self.body)
        form.addRow(self.tr("&Unit"), unit_box)
        self.add_target("unit", self.unit_combo, unit_message)
        self.conversion_label = QLabel(self.body)
        self.conversion_label.setWordWrap(True)
        form.addRow(self.conversion_label)
        self.analyte_combo.currentIndexChanged.connect(self._on_analyte_changed)
        self.unit_combo.currentIndexChanged.connect(self._update_conversion)
        self.value_field.changed.connect(self._update_conversion)
        QWidget.setTabOrder(self.time_edit, self.analyte_combo)
        QWidget.setTabOrder(self.analyte_combo, self.value_field.edit)
        QWidget.setTabOrder(self.value_field.edit, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.save_button)
        self._on_analyte_changed()
        self.setMinimumSize(640, 360)
        self.analyte_combo.setFocus()

    def analyte(self) -> Analyte:
        return Analyte(self.analyte_combo.currentData())

    def set_analyte(self, analyte: Analyte) -> None:
        self.analyte_combo.setCurrentIndex(self.analyte_combo.findData(analyte))

    def unit(self) -> str:
        return str(self.unit_combo.currentData())

    def set_unit(self, unit: str) -> None:
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def _on_analyte_changed(self) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in unit_choices(self.analyte(), self.settings.lab_units):
            self.unit_combo.addItem(display_unit(unit), unit)
        self.unit_combo.blockSignals(False)
        self._update_conversion()

    def _update_conversion(self) -> None:
        value = self.value_field.value()
        canonical = ANALYTES[self.analyte()].canonical_unit
        text = ""
        if value is not None and self.unit_combo.count():
            converted = to_canonical(self.analyte(), value, self.unit())
            if display_unit(self.unit()) != display_unit(canonical) and converted != value:
                text = (
                    self.tr("stored as %1 %2 (entered value and unit kept)")
                    .replace("%1", f"{converted:g}")
                    .replace("%2", display_unit(canonical))
                )
        self.conversion_label.setText(text)

    def inline_problems(self) -> list[FieldProblem]:
        if self.value_field.error():
            return [FieldProblem("value", self.value_field.error() or "")]
        if self.value_field.value() is None:
            return [FieldProblem("value", self.tr("enter the value"))]
        return []

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        inputs = {"analyte": self.analyte().value, "value": self.value_field.value(), "unit": self.unit()}
        return [("lab", "", inputs, lambda: s.record_lab(pid, at, by=by, **inputs))]
