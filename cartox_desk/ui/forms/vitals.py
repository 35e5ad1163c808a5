"""The vitals form: one flowsheet line — vital signs, oxygen support, vasopressor changes and a fluid bolus.

Tab order follows the paper flowsheet (T, P, R, BP, SpO2, then support); focus starts on the temperature,
Enter saves, Esc cancels. Hypotension is *proposed* when the systolic BP is below the threshold for the
patient's age (clinical-rules §1 rule 8, settings) or a bolus / vasopressor start is entered; the nurse
confirms it with a tick. The NE-equivalent (clinical-rules §2, `core.vasopressors`) of what will run after
this entry is shown as the doses are typed; a per-kg dose without a recorded weight is refused.

The whole line is ONE service call, `services.record_flowsheet` (one transaction): the store checks every
part first and writes all of it or nothing, so a refused part never leaves the rest half-saved. Its problems
come back with paths (``vitals.spo2_pct``, ``vasopressors[1].dose``) shown beside the field they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cartox_desk.core.records import OxygenRecord, VasopressorEvent, VasopressorRecord
from cartox_desk.core.snapshot import DoseRateUnit, OxygenDevice, VasopressorDrug, VasopressorInfusion
from cartox_desk.core.vasopressors import canonical_dose, ne_equivalent_ug_min, summarise_vasopressors
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui import core_bridge, terms
from cartox_desk.ui.forms.base import FieldMessage, PlannedCall, RecordForm
from cartox_desk.ui.grade_panel import VasopressorRow
from cartox_desk.ui.settings import TemperatureUnit, hypotension_sbp_threshold
from cartox_desk.ui.widgets.number_field import NumberField

_VASOPRESSOR_PATH = re.compile(r"^vasopressors\[(\d+)\]\.(\w+)$")
_PROPOSAL_STYLE = "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0b000; padding: 4px; }"


@dataclass(frozen=True, slots=True)
class RunningInfusion:
    """A vasopressor running now: the last event of its drug was a start or a change."""

    drug: VasopressorDrug
    dose: float
    unit: DoseRateUnit
    since: Any  # datetime of that event


def running_infusions(
    records: tuple[VasopressorRecord, ...] | list[VasopressorRecord],
) -> list[RunningInfusion]:
    last: dict[VasopressorDrug, VasopressorRecord] = {}
    for rec in sorted(records, key=lambda r: r.meta.at):
        last[rec.drug] = rec
    return [
        RunningInfusion(r.drug, r.dose, r.unit, r.meta.at)
        for r in last.values()
        if r.event is not VasopressorEvent.STOP and r.dose is not None
    ]


class VasopressorEntry(QWidget):
    """One vasopressor line: the grade panel's drug / dose / unit row, plus "stop" for a running infusion and
    the NE-equivalent of this line as typed."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self, weight_kg: float | None, running: RunningInfusion | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.weight_kg = weight_kg
        self.running = running
        self.row = VasopressorRow(self)
        self.row.remove_button.setToolTip(self.tr("Remove this line (nothing is recorded for it)"))
        self.stop_check = QCheckBox(self.tr("stop"), self)
        self.stop_check.setToolTip(self.tr("Record that this infusion was stopped"))
        self.ne_label = QLabel(self)
        self.ne_label.setMinimumWidth(110)
        self.ne_label.setWordWrap(True)  # "= 12.0 µg/min NE" on two lines rather than cut
        self.message = FieldMessage(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.row, 1)
        top.addWidget(self.stop_check)
        top.addWidget(self.ne_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.message)
        if running is not None:
            self.row.set_infusion(VasopressorInfusion(running.drug, running.dose, running.unit))
            self.row.drug_combo.setEnabled(False)  # a running drug is changed or stopped, never renamed
            self.row.remove_button.hide()
            self.row.drug_combo.setToolTip(
                self.tr("running since %1").replace("%1", running.since.strftime("%H:%M"))
            )
        else:
            self.stop_check.hide()
        self.row.changed.connect(self._on_changed)
        self.stop_check.toggled.connect(self._on_changed)
        self.row.remove_requested.connect(lambda _row: self.remove_requested.emit(self))
        self.setFocusProxy(self.row.drug_combo if running is None else self.row.dose_field)
        self._on_changed()

    def drug(self) -> VasopressorDrug:
        return VasopressorDrug(self.row.drug_combo.currentData())

    def unit(self) -> DoseRateUnit:
        return DoseRateUnit(self.row.unit_combo.currentData())

    def event_kind(self) -> VasopressorEvent | None:
        """What this line records: start / change / stop, or None (a running infusion left as it was)."""
        if self.running is None:
            return VasopressorEvent.START
        if self.stop_check.isChecked():
            return VasopressorEvent.STOP
        dose = self.row.dose_field.value()
        if dose != self.running.dose or self.unit() is not self.running.unit:
            return VasopressorEvent.CHANGE
        return None

    def infusion_after(self) -> VasopressorInfusion | None:
        """What runs after this entry (None when stopped or the dose is not valid)."""
        if self.running is not None and self.stop_check.isChecked():
            return None
        dose = self.row.dose_field.value()
        if dose is None:
            return None
        return VasopressorInfusion(self.drug(), dose, self.unit())

    def problem(self) -> str | None:
        """Why this line cannot be saved (None when it can)."""
        if self.running is not None and self.stop_check.isChecked():
            return None
        error = self.row.error()
        if error:
            return error
        dose = self.row.dose_field.value()
        assert dose is not None
        converted = canonical_dose(self.drug(), dose, self.unit(), self.weight_kg)
        if converted == "needs_weight":
            return self.tr(
                "a dose in %1 needs the patient's weight, which is not recorded: "
                "enter it in µg/min, or record the weight first"
            ).replace("%1", terms.label(terms.DOSE_UNITS, self.unit()))
        if converted == "not_convertible":
            return (
                self.tr("%1 is not given in %2")
                .replace("%1", terms.label(terms.VASOPRESSOR_DRUGS, self.drug()))
                .replace("%2", terms.label(terms.DOSE_UNITS, self.unit()))
            )
        return None

    def _on_changed(self) -> None:
        stopped = self.running is not None and self.stop_check.isChecked()
        self.row.dose_field.setEnabled(not stopped)
        self.row.unit_combo.setEnabled(not stopped)
        infusion = self.infusion_after()
        text = ""
        if stopped:
            text = self.tr("stopped")
        elif infusion is not None and self.problem() is None:
            if infusion.drug is VasopressorDrug.VASOPRESSIN:
                text = self.tr("not converted")
            else:
                ne = ne_equivalent_ug_min([infusion], self.weight_kg)
                if ne is not None:
                    text = self.tr("= %1 µg/min NE").replace("%1", f"{ne:.1f}")
        self.ne_label.setText(text)
        problem = self.problem() if self.row.dose_field.text().strip() else None
        if problem and not self.row.dose_field.error():
            self.message.show_message(problem)
        else:
            self.message.show_message("")
        self.changed.emit()


class VitalsForm(RecordForm):
    """Vital signs + oxygen + vasopressor changes + fluid bolus, one flowsheet line.

    Public widgets by name for keyboard tests: `temperature_field`, `heart_rate_field`,
    `respiratory_rate_field`, `systolic_field`, `diastolic_field`, `mean_bp_field`, `spo2_field`,
    `hypotension_check`, `hypotension_proposal_label`, `oxygen_device_combo`, `oxygen_flow_field`,
    `for_comfort_check`, `vasopressor_entries`, `add_vasopressor_button`, `ne_equivalent_label`,
    `bolus_volume_field`, `bolus_fluid_edit`.
    """

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: Any,
        settings: Any = None,
        parent: QWidget | None = None,
        *,
        timeline: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(services, patient_id, user, settings, parent, **kwargs)
        self.setWindowTitle(self.tr("Record vital signs"))
        timeline = timeline if timeline is not None else services.get_patient_timeline(patient_id)
        self.current_oxygen: OxygenRecord | None = timeline.oxygen[-1] if timeline.oxygen else None
        self.running = running_infusions(timeline.vasopressors)
        self.vasopressor_entries: list[VasopressorEntry] = []
        self._vasopressor_lines: list[int] = []
        self._build()
        for running in self.running:
            self._add_entry(running)
        self._update()
        self.setMinimumSize(1040, 640)  # fits 1366x768 with room for the inline messages
        self.temperature_field.setFocus()

    # ---- building ---------------------------------------------------------------------------------------

    def _number(self, form: QFormLayout, label: str, field: str, check: Any, placeholder: str) -> NumberField:
        widget = NumberField(check, form.parentWidget(), placeholder=placeholder)
        widget.edit.setMinimumWidth(110)
        form.addRow(label, widget)
        self.add_target(field, widget)
        widget.changed.connect(self._update)
        return widget

    def _build(self) -> None:
        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)

        vitals = QGroupBox(self.tr("Vital signs"), self.body)
        form = QFormLayout(vitals)
        self.fahrenheit = self.settings.temperature_unit is TemperatureUnit.FAHRENHEIT
        t_field = "temperature_f" if self.fahrenheit else "temperature_c"
        self.temperature_field = self._number(
            form,
            self.tr("Temperature (°F)") if self.fahrenheit else self.tr("Temperature (°C)"),
            t_field,
            lambda v: core_bridge.check_range(t_field, v),
            "°F" if self.fahrenheit else "°C",
        )
        self.targets["temperature_c"] = self.targets[t_field]
        self.heart_rate_field = self._number(
            form,
            self.tr("Heart rate (/min)"),
            "heart_rate_per_min",
            lambda v: core_bridge.check_range("heart_rate_per_min", v),
            "/min",
        )
        self.respiratory_rate_field = self._number(
            form,
            self.tr("Respiratory rate (/min)"),
            "respiratory_rate_per_min",
            lambda v: core_bridge.check_range("respiratory_rate_per_min", v),
            "/min",
        )
        self.systolic_field = self._number(
            form,
            self.tr("Systolic BP (mmHg)"),
            "systolic_bp_mmhg",
            lambda v: core_bridge.check_range("systolic_bp_mmhg", v),
            "mmHg",
        )
        self.diastolic_field = self._number(
            form, self.tr("Diastolic BP (mmHg)"), "diastolic_bp_mmhg", self._check_diastolic, "mmHg"
        )
        self.systolic_field.changed.connect(lambda: self.diastolic_field.set_check(self._check_diastolic))
        self.mean_bp_field = self._number(
            form,
            self.tr("Mean BP (mmHg)"),
            "mean_bp_mmhg",
            lambda v: None if v > 0 else self.tr("must be greater than 0"),
            self.tr("optional"),
        )
        self.spo2_field = self._number(
            form, self.tr("SpO2 (%)"), "spo2_pct", lambda v: core_bridge.check_range("spo2_pct", v), "%"
        )
        self.hypotension_proposal_label = QLabel(vitals)
        self.hypotension_proposal_label.setWordWrap(True)
        self.hypotension_proposal_label.setStyleSheet(_PROPOSAL_STYLE)
        self.hypotension_proposal_label.hide()
        form.addRow(self.hypotension_proposal_label)
        self.hypotension_check = QCheckBox(self.tr("&Hypotension confirmed"), vitals)
        self.hypotension_check.setToolTip(
            self.tr("Low blood pressure not attributable to another cause (the nurse's observation)")
        )
        form.addRow(self.hypotension_check)
        self.hypotension_check.toggled.connect(self._update)
        columns.addWidget(vitals, 1)

        support = QWidget(self.body)
        right = QVBoxLayout(support)
        right.setContentsMargins(0, 0, 0, 0)

        oxygen = QGroupBox(self.tr("Oxygen support"), support)
        oform = QFormLayout(oxygen)
        self.oxygen_device_combo = QComboBox(oxygen)
        self.oxygen_device_combo.addItem(terms.term(terms.NOT_RECORDED), None)
        for device, text in terms.OXYGEN_DEVICES.items():
            self.oxygen_device_combo.addItem(terms.term(text), device)
        oform.addRow(self.tr("Device"), self.oxygen_device_combo)
        self.add_target("device", self.oxygen_device_combo)
        self.oxygen_flow_field = self._number(
            oform,
            self.tr("Flow (L/min)"),
            "oxygen.flow_l_min",
            lambda v: core_bridge.check_range("flow_l_min", v),
            "L/min",
        )
        self.for_comfort_check = QCheckBox(self.tr("For comfort only (charted, not graded)"), oxygen)
        oform.addRow(self.for_comfort_check)
        self.oxygen_note = QLabel(oxygen)
        self.oxygen_note.setWordWrap(True)
        oform.addRow(self.oxygen_note)
        if self.current_oxygen is not None:
            o = self.current_oxygen
            self.oxygen_device_combo.setCurrentIndex(self.oxygen_device_combo.findData(o.device))
            if o.flow_l_min is not None:
                self.oxygen_flow_field.set_text(f"{o.flow_l_min:g}")
            self.for_comfort_check.setChecked(o.for_comfort)
        self.oxygen_device_combo.currentIndexChanged.connect(self._update)
        self.for_comfort_check.toggled.connect(self._update)
        right.addWidget(oxygen)

        vaso = QGroupBox(self.tr("Vasopressors"), support)
        vlayout = QVBoxLayout(vaso)
        self.vasopressor_box = QWidget(vaso)
        self.vasopressor_layout = QVBoxLayout(self.vasopressor_box)
        self.vasopressor_layout.setContentsMargins(0, 0, 0, 0)
        vlayout.addWidget(self.vasopressor_box)
        self.add_vasopressor_button = QPushButton(self.tr("Add vasopressor (Alt+A)"), vaso)
        self.add_vasopressor_button.setAutoDefault(False)
        self.add_vasopressor_button.setToolTip(self.tr("Start a vasopressor infusion (Alt+A)"))
        self.add_vasopressor_button.clicked.connect(lambda: self._add_entry(None))
        # an explicit shortcut, not a mnemonic: mnemonics are off on some platforms
        self.add_vasopressor_shortcut = QShortcut(QKeySequence("Alt+A"), self)
        self.add_vasopressor_shortcut.activated.connect(lambda: self._add_entry(None))
        vlayout.addWidget(self.add_vasopressor_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.ne_equivalent_label = QLabel(vaso)
        self.ne_equivalent_label.setWordWrap(True)
        vlayout.addWidget(self.ne_equivalent_label)
        right.addWidget(vaso)

        bolus = QGroupBox(self.tr("Fluid bolus"), support)
        bform = QFormLayout(bolus)
        self.bolus_volume_field = self._number(
            bform,
            self.tr("Volume (mL)"),
            "fluid_bolus.volume_ml",
            lambda v: None if v > 0 else self.tr("the volume must be greater than 0"),
            "mL",
        )
        self.bolus_fluid_edit = QLineEdit(bolus)
        self.bolus_fluid_edit.setPlaceholderText(self.tr("e.g. 0.9% NaCl"))
        bform.addRow(self.tr("Fluid"), self.bolus_fluid_edit)
        right.addWidget(bolus)
        right.addStretch(1)
        columns.addWidget(support, 1)

        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab order = the flowsheet: T, P, R, BP, SpO2, hypotension, then oxygen, each vasopressor line
        (dose, unit, stop / remove), the add button, the bolus, Save."""
        chain: list[QWidget] = [
            self.time_edit, self.temperature_field.edit, self.heart_rate_field.edit,
            self.respiratory_rate_field.edit, self.systolic_field.edit, self.diastolic_field.edit,
            self.mean_bp_field.edit, self.spo2_field.edit, self.hypotension_check, self.oxygen_device_combo,
            self.oxygen_flow_field.edit, self.for_comfort_check,
        ]  # fmt: skip
        for entry in self.vasopressor_entries:
            if entry.running is None:
                chain.append(entry.row.drug_combo)
            chain += [entry.row.dose_field.edit, entry.row.unit_combo]
            chain.append(entry.stop_check if entry.running is not None else entry.row.remove_button)
        chain += [self.add_vasopressor_button, self.bolus_volume_field.edit, self.bolus_fluid_edit,
                  self.save_button, self.cancel_button]  # fmt: skip
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _check_diastolic(self, value: float) -> str | None:
        problem = core_bridge.check_range("diastolic_bp_mmhg", value)
        if problem:
            return problem
        systolic = self.systolic_field.value() if hasattr(self, "systolic_field") else None
        if systolic is not None and value >= systolic:
            return self.tr("must be below the systolic BP (%1 mmHg)").replace("%1", f"{systolic:g}")
        return None

    def _add_entry(self, running: RunningInfusion | None) -> VasopressorEntry:
        entry = VasopressorEntry(self.patient.weight_kg, running, self.vasopressor_box)
        self.vasopressor_entries.append(entry)
        self.vasopressor_layout.addWidget(entry)
        entry.changed.connect(self._update)
        entry.remove_requested.connect(self._remove_entry)
        self._retarget_entries()
        self._chain_tab_order()
        if running is None:
            entry.row.drug_combo.setFocus()
        self._update()
        return entry

    def _remove_entry(self, entry: VasopressorEntry) -> None:
        self.vasopressor_entries.remove(entry)
        entry.setParent(None)
        entry.deleteLater()
        self._retarget_entries()
        self._chain_tab_order()
        self._update()
        self.add_vasopressor_button.setFocus()

    def _retarget_entries(self) -> None:
        for key in [k for k in self.targets if k.startswith("vasopressor.")]:
            del self.targets[key]
        for i, entry in enumerate(self.vasopressor_entries):
            for field in ("dose", "unit", "drug", "event"):
                self.add_target(f"vasopressor.{i}.{field}", entry, entry.message)

    # ---- live feedback ----------------------------------------------------------------------------------

    def _update(self) -> None:
        if not hasattr(self, "bolus_volume_field"):
            return  # still building
        self._update_hypotension_proposal()
        self._update_ne_equivalent()
        device = self.oxygen_device_combo.currentData()
        if self.current_oxygen is not None and not self._oxygen_changed():
            self.oxygen_note.setText(
                self.tr("unchanged since %1: not recorded again").replace(
                    "%1", self.current_oxygen.meta.at.astimezone(self.services.tz).strftime("%d/%m %H:%M")
                )
            )
        elif device is not None:
            text = self.tr("will be recorded from this time")
            if OxygenDevice(device) is OxygenDevice.NASAL_CANNULA and self.oxygen_flow_field.value() is None:
                # the flow decides low- (<= 6 L/min) or high-flow (clinical-rules §1 rule 4)
                text += " — " + self.tr("enter the flow: it decides low- or high-flow nasal cannula")
            self.oxygen_note.setText(text)
        else:
            self.oxygen_note.setText("")

    def _update_hypotension_proposal(self) -> None:
        text = ""
        if not self.hypotension_check.isChecked():
            sbp = self.systolic_field.value()
            age = self.patient.age_years(self.now())
            threshold = hypotension_sbp_threshold(self.settings, age)
            if sbp is not None and threshold is not None and sbp < threshold:
                text = self.tr(
                    "Systolic %1 mmHg is below %2 mmHg for this age: hypotension? "
                    "Tick “Hypotension confirmed” if it is not attributable to another cause."
                )
                text = text.replace("%1", f"{sbp:g}").replace("%2", f"{threshold:g}")
            elif sbp is not None and threshold is None:
                text = self.tr("No systolic threshold is set for infants under 1 year: judge clinically.")
            elif self.bolus_volume_field.value() is not None or any(
                e.running is None for e in self.vasopressor_entries
            ):
                text = self.tr(
                    "A fluid bolus or vasopressor is being given: if it is for low blood pressure, "
                    "tick “Hypotension confirmed”."
                )
        self.hypotension_proposal_label.setText("⚠ " + text if text else "")
        self.hypotension_proposal_label.setVisible(bool(text))

    def _update_ne_equivalent(self) -> None:
        # every line with a readable dose counts: a per-kg dose without a weight makes the total unknown
        infusions = [i for e in self.vasopressor_entries if (i := e.infusion_after()) is not None]
        pending = any(
            e.row.error()
            for e in self.vasopressor_entries
            if e.infusion_after() is None and not e.stop_check.isChecked()
        )
        if not self.vasopressor_entries:
            self.ne_equivalent_label.setText(self.tr("No vasopressor running."))
            return
        summary = summarise_vasopressors(tuple(infusions), self.patient.weight_kg)
        if summary.ne_equivalent_ug_min is None:
            needs_weight = any(
                canonical_dose(i.drug, i.dose, i.unit, self.patient.weight_kg) == "needs_weight"
                for i in infusions
            )
            text = (
                self.tr("NE-equivalent: cannot be calculated (weight not recorded)")
                if needs_weight
                else self.tr("NE-equivalent: cannot be calculated (a unit does not apply to its drug)")
            )
        else:
            text = self.tr("NE-equivalent after this entry: %1 µg/min").replace(
                "%1", f"{summary.ne_equivalent_ug_min:.1f}"
            )
            if summary.high_dose:
                text += " — " + self.tr("HIGH-DOSE vasopressors (CSCO-2024)")
        if pending:
            text += " " + self.tr("(lines with a problem are not counted)")
        self.ne_equivalent_label.setText(text)

    def ne_equivalent_text(self) -> str:
        return self.ne_equivalent_label.text()

    # ---- saving -----------------------------------------------------------------------------------------

    def _oxygen_changed(self) -> bool:
        device = self.oxygen_device_combo.currentData()
        if device is None:
            return False
        o = self.current_oxygen
        if o is None:
            return True
        return (
            OxygenDevice(device) is not o.device
            or self.oxygen_flow_field.value() != o.flow_l_min
            or self.for_comfort_check.isChecked() != o.for_comfort
        )

    def inline_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        t_field = "temperature_f" if self.fahrenheit else "temperature_c"
        for field, widget in (
            (t_field, self.temperature_field),
            ("heart_rate_per_min", self.heart_rate_field),
            ("respiratory_rate_per_min", self.respiratory_rate_field),
            ("systolic_bp_mmhg", self.systolic_field),
            ("diastolic_bp_mmhg", self.diastolic_field),
            ("mean_bp_mmhg", self.mean_bp_field),
            ("spo2_pct", self.spo2_field),
            ("oxygen.flow_l_min", self.oxygen_flow_field),
            ("fluid_bolus.volume_ml", self.bolus_volume_field),
        ):
            error = widget.error()
            if error:
                problems.append(FieldProblem(field, error))
        for i, entry in enumerate(self.vasopressor_entries):
            problem = entry.problem()
            if problem:
                problems.append(FieldProblem(f"vasopressor.{i}.dose", problem))
        return problems

    def vitals_inputs(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "temperature_f" if self.fahrenheit else "temperature_c": self.temperature_field.value(),
            "heart_rate_per_min": self.heart_rate_field.value(),
            "respiratory_rate_per_min": self.respiratory_rate_field.value(),
            "systolic_bp_mmhg": self.systolic_field.value(),
            "diastolic_bp_mmhg": self.diastolic_field.value(),
            "mean_bp_mmhg": self.mean_bp_field.value(),
            "spo2_pct": self.spo2_field.value(),
        }
        values = {k: v for k, v in values.items() if v is not None}
        if self.hypotension_check.isChecked():
            values["hypotension_confirmed"] = True
        return values

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        vitals = self.vitals_inputs() or None
        oxygen = None
        if self._oxygen_changed():
            oxygen = {
                "device": OxygenDevice(self.oxygen_device_combo.currentData()),
                "flow_l_min": self.oxygen_flow_field.value(),
                "for_comfort": self.for_comfort_check.isChecked(),
            }
        vasopressors: list[dict[str, Any]] = []
        self._vasopressor_lines = []  # the entry index of each vasopressor sent (for problem paths)
        for i, entry in enumerate(self.vasopressor_entries):
            event = entry.event_kind()
            if event is None:
                continue
            vasopressors.append(
                {
                    "drug": entry.drug(),
                    "event": event,
                    "dose": None if event is VasopressorEvent.STOP else entry.row.dose_field.value(),
                    "unit": entry.unit(),
                }
            )
            self._vasopressor_lines.append(i)
        volume = self.bolus_volume_field.value()
        bolus = (
            {"volume_ml": volume, "fluid": self.bolus_fluid_edit.text().strip()}
            if volume is not None
            else None
        )
        if not (vitals or oxygen or vasopressors or bolus):
            return []
        return [
            (
                "flowsheet",
                "",
                None,  # the store checks the whole line in the same transaction that writes it
                lambda: s.record_flowsheet(
                    pid, at, by=by, vitals=vitals, oxygen=oxygen, vasopressors=vasopressors, fluid_bolus=bolus
                ),
            )
        ]

    def target_field(self, field: str) -> str:
        """``vitals.spo2_pct`` -> ``spo2_pct``, ``oxygen.device`` -> ``device``, ``vasopressors[1].dose`` ->
        ``vasopressor.<entry>.dose`` (the entry that line came from)."""
        if field.startswith("vitals."):
            return field.removeprefix("vitals.")
        if field == "oxygen.device":
            return "device"
        match = _VASOPRESSOR_PATH.match(field)
        if match:
            n = int(match.group(1))
            entry = self._vasopressor_lines[n] if n < len(self._vasopressor_lines) else n
            return f"vasopressor.{entry}.{match.group(2)}"
        return field
