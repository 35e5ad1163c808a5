"""Correct a saved record: the original values beside the new ones, a reason required, the current user as
author. `services.amend_<kind>` writes a new version pointing at the old one; the original stays in the
record history (append-only records, issue 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cartox_desk.core.labs import accepted_units
from cartox_desk.core.records import VasopressorEvent
from cartox_desk.core.snapshot import (
    Consciousness,
    DoseRateUnit,
    MotorWeakness,
    OxygenDevice,
    Seizure,
    VasopressorDrug,
)
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui import core_bridge, terms
from cartox_desk.ui.forms.base import FieldMessage, PlannedCall, RecordForm
from cartox_desk.ui.forms.words import RECORD_KINDS, VASOPRESSOR_EVENTS, word
from cartox_desk.ui.settings import TemperatureUnit
from cartox_desk.ui.widgets.number_field import NumberField

NUMBER, BOOL, TEXT, CHOICE, UNIT, MULTI = range(6)


@dataclass(frozen=True, slots=True)
class Spec:
    field: str  # the service's input name
    label: str
    kind: int
    choices: dict[Any, str] | None = None  # CHOICE: code -> display word
    range_field: str | None = None  # NUMBER: clinical-rules §10 range name
    optional: bool = True  # CHOICE: "not recorded" allowed


translate = QCoreApplication.translate


def specs(kind: str, fahrenheit: bool) -> list[Spec]:
    """The editable fields of one record kind (encephalopathy is re-done with the wizard instead)."""
    if kind == "vitals":
        t = (
            Spec(
                "temperature_f",
                translate("AmendmentDialog", "Temperature (°F)"),
                NUMBER,
                range_field="temperature_f",
            )
            if fahrenheit
            else Spec(
                "temperature_c",
                translate("AmendmentDialog", "Temperature (°C)"),
                NUMBER,
                range_field="temperature_c",
            )
        )
        return [
            t,
            Spec(
                "heart_rate_per_min",
                translate("AmendmentDialog", "Heart rate (/min)"),
                NUMBER,
                range_field="heart_rate_per_min",
            ),
            Spec(
                "respiratory_rate_per_min",
                translate("AmendmentDialog", "Respiratory rate (/min)"),
                NUMBER,
                range_field="respiratory_rate_per_min",
            ),
            Spec(
                "systolic_bp_mmhg",
                translate("AmendmentDialog", "Systolic BP (mmHg)"),
                NUMBER,
                range_field="systolic_bp_mmhg",
            ),
            Spec(
                "diastolic_bp_mmhg",
                translate("AmendmentDialog", "Diastolic BP (mmHg)"),
                NUMBER,
                range_field="diastolic_bp_mmhg",
            ),
            Spec("mean_bp_mmhg", translate("AmendmentDialog", "Mean BP (mmHg)"), NUMBER),
            Spec("spo2_pct", translate("AmendmentDialog", "SpO2 (%)"), NUMBER, range_field="spo2_pct"),
            Spec("hypotension_confirmed", translate("AmendmentDialog", "Hypotension confirmed"), BOOL),
        ]
    if kind == "oxygen":
        return [
            Spec(
                "device",
                translate("AmendmentDialog", "Device"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.OXYGEN_DEVICES.items()},
                optional=False,
            ),
            Spec(
                "flow_l_min", translate("AmendmentDialog", "Flow (L/min)"), NUMBER, range_field="flow_l_min"
            ),
            Spec("for_comfort", translate("AmendmentDialog", "For comfort only"), BOOL),
        ]
    if kind == "vasopressor":
        return [
            Spec(
                "drug",
                translate("AmendmentDialog", "Drug"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.VASOPRESSOR_DRUGS.items()},
                optional=False,
            ),
            Spec(
                "event",
                translate("AmendmentDialog", "Event"),
                CHOICE,
                {k: word(v) for k, v in VASOPRESSOR_EVENTS.items()},
                optional=False,
            ),
            Spec("dose", translate("AmendmentDialog", "Dose"), NUMBER),
            Spec(
                "unit",
                translate("AmendmentDialog", "Unit"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.DOSE_UNITS.items()},
                optional=False,
            ),
        ]
    if kind == "fluid_bolus":
        return [
            Spec("volume_ml", translate("AmendmentDialog", "Volume (mL)"), NUMBER),
            Spec("fluid", translate("AmendmentDialog", "Fluid"), TEXT),
        ]
    if kind == "lab":
        return [
            Spec("value", translate("AmendmentDialog", "Value (as entered)"), NUMBER),
            Spec("unit", translate("AmendmentDialog", "Unit (as entered)"), UNIT),
        ]
    if kind == "neuro_exam":
        return [
            Spec(
                "consciousness",
                translate("AmendmentDialog", "Level of consciousness"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.CONSCIOUSNESS.items()},
            ),
            Spec(
                "seizure",
                translate("AmendmentDialog", "Seizure"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.SEIZURES.items()},
            ),
            Spec(
                "motor_weakness",
                translate("AmendmentDialog", "Motor findings"),
                CHOICE,
                {k: terms.term(v) for k, v in terms.MOTOR.items()},
            ),
            Spec(
                "icp_findings",
                translate("AmendmentDialog", "Raised ICP / cerebral edema"),
                MULTI,
                {k: terms.term(v) for k, v in terms.ICP_FINDINGS.items()},
            ),
            Spec("imaging_result", translate("AmendmentDialog", "Imaging result"), TEXT),
        ]
    if kind == "medication":
        return [
            Spec("dose", translate("AmendmentDialog", "Dose"), NUMBER),
            Spec("unit", translate("AmendmentDialog", "Unit"), TEXT),
            Spec("route", translate("AmendmentDialog", "Route"), TEXT),
            Spec("drug_name", translate("AmendmentDialog", "Name"), TEXT),
        ]
    if kind == "intervention":
        return [Spec("note", translate("AmendmentDialog", "Note"), TEXT)]
    if kind == "iechs_grade":  # the physician's IEC-HS grade (the services refuse anyone else)
        from cartox_desk.core.records import IECHS_GRADES
        from cartox_desk.ui.forms.iechs import grade_label

        return [
            Spec(
                "grade",
                translate("AmendmentDialog", "IEC-HS grade (CSCO-2024 §4.3.2)"),
                CHOICE,
                {g: grade_label(g) for g in IECHS_GRADES},
                optional=False,
            ),
            Spec("note", translate("AmendmentDialog", "Note"), TEXT),
        ]
    raise ValueError(f"no amendment form for {kind!r} records (re-do the assessment instead)")


def original_values(kind: str, record: Any, fahrenheit: bool) -> dict[str, Any]:
    """The record's values under the services' input names."""
    if kind == "vitals":
        out = {
            n: getattr(record, n)
            for n in (
                "heart_rate_per_min",
                "respiratory_rate_per_min",
                "systolic_bp_mmhg",
                "diastolic_bp_mmhg",
                "mean_bp_mmhg",
                "spo2_pct",
                "hypotension_confirmed",
            )
        }
        t = record.temperature_c
        if fahrenheit:
            out["temperature_f"] = None if t is None else round(t * 9 / 5 + 32, 1)
        else:
            out["temperature_c"] = t
        return out
    if kind == "lab":
        return {"value": record.value_as_entered, "unit": record.unit_as_entered}
    return {s.field: getattr(record, s.field) for s in specs(kind, fahrenheit)}


def _show(value: Any, spec: Spec) -> str:
    if value is None or value == "" or (spec.kind == MULTI and not value):
        return "—"
    if spec.kind == MULTI and spec.choices is not None:
        return ", ".join(spec.choices.get(v, str(v)) for v in sorted(value))
    if spec.kind == BOOL:
        return translate("AmendmentDialog", "yes") if value else translate("AmendmentDialog", "no")
    if spec.kind == CHOICE and spec.choices is not None:
        return spec.choices.get(value, str(value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


_ENUMS: dict[str, type[Enum]] = {
    "device": OxygenDevice,
    "drug": VasopressorDrug,
    "event": VasopressorEvent,
    "consciousness": Consciousness,
    "seizure": Seizure,
    "motor_weakness": MotorWeakness,
}


class AmendmentDialog(RecordForm):
    """``AmendmentDialog(services, patient_id, user, settings, parent, kind=..., record_id=...)``.

    Shows the current version of the record (original values, read-only) beside editors holding the same
    values; Save sends only what changed, with the reason, to `services.amend_<kind>`. `saved(kind, new)`.
    """

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: Any,
        settings: Any = None,
        parent: QWidget | None = None,
        *,
        kind: str,
        record_id: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(services, patient_id, user, settings, parent, **kwargs)
        self.kind = kind
        self.fahrenheit = self.settings.temperature_unit is TemperatureUnit.FAHRENHEIT
        self.specs = specs(kind, self.fahrenheit)
        self.history = services.record_history(kind, record_id)
        current = self.history[-1]
        self.record = current.record
        self.record_id = self.record.meta.record_id
        self.original = original_values(kind, self.record, self.fahrenheit)
        self.original_at = self.record.meta.at
        self.set_time(self.original_at)
        self.setWindowTitle(self.tr("Correct a record (amendment)"))

        grid = QGridLayout(self.body)
        title = QLabel(
            self.tr("Correcting %1 of %2, entered by %3")
            .replace("%1", word(RECORD_KINDS.get(kind, kind)))
            .replace("%2", self.record.meta.at.astimezone(services.tz).strftime("%Y-%m-%d %H:%M"))
            .replace("%3", self.record.meta.entered_by),
            self.body,
        )
        title.setWordWrap(True)
        grid.addWidget(title, 0, 0, 1, 3)
        for col, text in enumerate((self.tr("Field"), self.tr("Original"), self.tr("Corrected"))):
            head = QLabel(f"<b>{text}</b>", self.body)
            grid.addWidget(head, 1, col)
        self.editors: dict[str, QWidget] = {}
        self._multi: dict[str, dict[Any, QCheckBox]] = {}
        self.original_labels: dict[str, QLabel] = {}
        row = 2
        previous: QWidget = self.time_edit
        for spec in self.specs:
            grid.addWidget(QLabel(spec.label, self.body), row, 0)
            original = QLabel(_show(self.original.get(spec.field), spec), self.body)
            self.original_labels[spec.field] = original
            grid.addWidget(original, row, 1)
            editor = self._editor(spec)
            self.editors[spec.field] = editor
            grid.addWidget(editor, row, 2)
            focus = editor.edit if isinstance(editor, NumberField) else editor
            if spec.kind == MULTI:
                for check in self._multi[spec.field].values():
                    QWidget.setTabOrder(previous, check)
                    previous = check
            else:
                QWidget.setTabOrder(previous, focus)
                previous = focus
            self._watch(editor)
            row += 1
        self.reason_edit = QLineEdit(self.body)
        self.reason_edit.setPlaceholderText(self.tr("why is it corrected? (required)"))
        reason_message = FieldMessage(self.body)
        reason_label = QLabel(self.tr("&Reason"), self.body)
        reason_label.setBuddy(self.reason_edit)
        grid.addWidget(reason_label, row, 0)
        grid.addWidget(self.reason_edit, row, 1, 1, 2)
        grid.addWidget(reason_message, row + 1, 1, 1, 2)
        self.add_target("reason", self.reason_edit, reason_message)
        QWidget.setTabOrder(previous, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.save_button)
        author = getattr(user, "name", None) or str(user)
        grid.addWidget(
            QLabel(self.tr("Author of the correction: %1").replace("%1", author), self.body), row + 2, 0, 1, 3
        )
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(row + 3, 1)
        self.setMinimumSize(760, 480)
        self._mark_changes()
        first = next(iter(self.editors.values()), self.reason_edit)
        (first.edit if isinstance(first, NumberField) else first).setFocus()

    def _watch(self, editor: QWidget) -> None:
        if isinstance(editor, NumberField):
            editor.changed.connect(self._mark_changes)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(self._mark_changes)
        elif isinstance(editor, QLineEdit):
            editor.textChanged.connect(self._mark_changes)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self._mark_changes)
            editor.currentTextChanged.connect(self._mark_changes)

    def _mark_changes(self) -> None:
        """A corrected field's original is struck through and says so (never colour alone)."""
        if not hasattr(self, "original_labels") or len(self.editors) < len(self.specs):
            return
        changed = self.changes()
        for spec in self.specs:
            label = self.original_labels.get(spec.field)
            if label is None:
                continue
            font = label.font()
            font.setStrikeOut(spec.field in changed)
            label.setFont(font)
            label.setToolTip(self.tr("corrected") if spec.field in changed else "")

    def _editor(self, spec: Spec) -> QWidget:
        value = self.original.get(spec.field)
        widget: QWidget
        if spec.kind == NUMBER:
            check = (
                (lambda v, f=spec.range_field: core_bridge.check_range(f, v)) if spec.range_field else None
            )
            widget = NumberField(check, self.body)
            if value is not None:
                widget.set_text(f"{value:g}")
            self.add_target(spec.field, widget)
            return widget
        if spec.kind == BOOL:
            widget = QCheckBox(self.body)
            widget.setChecked(bool(value))
        elif spec.kind == TEXT:
            widget = QLineEdit(self.body)
            widget.setText("" if value is None else str(value))
        elif spec.kind == MULTI:
            widget = QWidget(self.body)
            grid = QGridLayout(widget)
            grid.setContentsMargins(0, 0, 0, 0)
            checks: dict[Any, QCheckBox] = {}
            for i, (code, text) in enumerate((spec.choices or {}).items()):
                box = QCheckBox(text, widget)
                box.setChecked(code in (value or ()))
                box.toggled.connect(self._mark_changes)
                checks[code] = box
                grid.addWidget(box, i // 2, i % 2)
            self._multi[spec.field] = checks
        elif spec.kind == UNIT:
            widget = QComboBox(self.body)
            widget.setEditable(True)
            widget.addItems(list(accepted_units(self.record.analyte)))
            widget.setCurrentText("" if value is None else str(value))
        else:
            widget = QComboBox(self.body)
            if spec.optional:
                widget.addItem(terms.term(terms.NOT_RECORDED), None)
            for code, text in (spec.choices or {}).items():
                widget.addItem(text, code)
            widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)
        message = FieldMessage(self.body)
        self.add_target(spec.field, widget, message)
        return widget

    def value(self, spec: Spec) -> Any:
        editor = self.editors[spec.field]
        if spec.kind == MULTI:
            return frozenset(code for code, check in self._multi[spec.field].items() if check.isChecked())
        if isinstance(editor, NumberField):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        assert isinstance(editor, QComboBox)
        if spec.kind == UNIT:
            return editor.currentText().strip()
        data = editor.currentData()
        enum = _ENUMS.get(spec.field) or (DoseRateUnit if spec.field == "unit" else None)
        return enum(data) if enum is not None and data is not None else data

    def set_value(self, field: str, text: str) -> None:
        """Type into one editor (tests, scenes)."""
        editor = self.editors[field]
        if isinstance(editor, NumberField):
            editor.set_text(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.specs:
            new, old = self.value(spec), self.original.get(spec.field)
            if spec.kind == TEXT and old is None:
                old = ""
            if spec.kind == MULTI:
                old = frozenset(old or ())
            if new != old:
                out[spec.field] = sorted(new) if spec.kind == MULTI else new
        if self.at() != self.original_at.astimezone(self.services.tz).replace(second=0, microsecond=0):
            out["at"] = self.at()
        return out

    def inline_problems(self) -> list[FieldProblem]:
        problems = [
            FieldProblem(s.field, e.error() or "")
            for s in self.specs
            if isinstance(e := self.editors[s.field], NumberField) and e.error()
        ]
        if not self.reason_edit.text().strip():
            problems.append(FieldProblem("reason", self.tr("a correction needs a reason")))
        return problems

    def planned_calls(self) -> list[PlannedCall]:
        changes = self.changes()
        if not changes:
            return []
        reason = self.reason_edit.text().strip()
        amend = getattr(self.services, f"amend_{self.kind}")
        rid, by = self.record_id, self.user
        # No precheck (None): the services check the merged record (original + changes) themselves.
        return [(self.kind, "", None, lambda: amend(rid, by=by, reason=reason, **changes))]
