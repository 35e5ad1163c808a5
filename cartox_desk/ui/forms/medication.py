"""Medication administrations; tocilizumab with its dose calculated from the weight (clinical-rules §4).

For tocilizumab the form shows the arithmetic of `core.management.tocilizumab_dose` ("8 mg/kg × 72 kg =
576 mg · dose 2 of 4 · next allowed after 16:05") and fills the dose. The 5th dose, a dose less than 8 h
after the last and a 4th dose within 24 h are refused with a warning box: a safety-limit interruption is one
of the few dialogs ux.md allows. Nothing is saved then.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from cartox_desk.core.management import Administration, Medication, TocilizumabDose, tocilizumab_dose
from cartox_desk.core.management.protocol import TocilizumabRules, default_protocol
from cartox_desk.core.records import MedicationAdministration, MedicationKind
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui import core_bridge
from cartox_desk.ui.forms.base import PlannedCall, RecordForm, field_with_message
from cartox_desk.ui.forms.words import MEDICATIONS, word
from cartox_desk.ui.widgets.number_field import NumberField

UNITS: tuple[str, ...] = ("mg", "g", "µg", "mL", "IU")
ROUTES: tuple[str, ...] = ("IV", "PO", "SC", "IM")
# Usual unit and route per drug (a starting point the nurse can change).
DEFAULTS: dict[MedicationKind, tuple[str, str]] = {
    MedicationKind.TOCILIZUMAB: ("mg", "IV"),
    MedicationKind.DEXAMETHASONE: ("mg", "IV"),
    MedicationKind.METHYLPREDNISOLONE: ("mg", "IV"),
    MedicationKind.ANAKINRA: ("mg", "SC"),
    MedicationKind.SILTUXIMAB: ("mg", "IV"),
    MedicationKind.ANTIPYRETIC: ("mg", "PO"),
    MedicationKind.LEVETIRACETAM: ("mg", "PO"),
    MedicationKind.G_CSF: ("µg", "SC"),
    MedicationKind.IVIG: ("g", "IV"),
    MedicationKind.OTHER: ("mg", "IV"),
}


def _num(value: float) -> str:
    return f"{value:g}"


class MedicationForm(RecordForm):
    """Drug pick-list, dose, unit, route, time; tocilizumab calculated and limited.

    Widgets: `drug_combo`, `drug_name_edit`, `dose_field`, `unit_combo`, `route_combo`, `tocilizumab_label`.
    `limit_box` is the warning shown when a tocilizumab limit refuses the dose (None before).
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
        rules: TocilizumabRules | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(services, patient_id, user, settings, parent, **kwargs)
        self.setWindowTitle(self.tr("Record a medication"))
        timeline = timeline if timeline is not None else services.get_patient_timeline(patient_id)
        self.given: list[MedicationAdministration] = list(timeline.medications)
        # the limits the store enforces (`Services.protocol()`), so the form and the store agree
        protocol = getattr(services, "protocol", None)
        self.rules = rules or (protocol() if callable(protocol) else default_protocol()).tocilizumab
        self.limit_box: QMessageBox | None = None
        self.toci: TocilizumabDose | None = None
        self._calculated_mg: float | None = None

        form = QFormLayout(self.body)
        self.drug_combo = QComboBox(self.body)
        for kind, text in MEDICATIONS.items():
            self.drug_combo.addItem(word(text), kind)
        form.addRow(self.tr("&Drug"), self.drug_combo)
        self.add_target("kind", self.drug_combo)
        self.drug_name_edit = QLineEdit(self.body)
        self.drug_name_edit.setPlaceholderText(self.tr("product or drug name (required for “other”)"))
        name_box, name_message = field_with_message(self.drug_name_edit, self.body)
        form.addRow(self.tr("Name"), name_box)
        self.add_target("drug_name", self.drug_name_edit, name_message)

        dose_row = QWidget(self.body)
        dose_layout = QHBoxLayout(dose_row)
        dose_layout.setContentsMargins(0, 0, 0, 0)
        self.dose_field = NumberField(core_bridge.check_dose, dose_row, placeholder=self.tr("dose"))
        self.unit_combo = QComboBox(dose_row)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(list(UNITS))
        self.route_combo = QComboBox(dose_row)
        self.route_combo.setEditable(True)
        self.route_combo.addItems(list(ROUTES))
        dose_layout.addWidget(self.dose_field)
        dose_layout.addWidget(self.unit_combo)
        dose_layout.addWidget(QLabel(self.tr("route"), dose_row))
        dose_layout.addWidget(self.route_combo)
        dose_layout.addStretch(1)
        form.addRow(self.tr("D&ose"), dose_row)
        self.add_target("dose", self.dose_field)
        _unit_box, unit_message = field_with_message(QWidget(self.body), self.body)
        form.addRow(_unit_box)
        self.add_target("unit", self.unit_combo, unit_message)

        self.tocilizumab_label = QLabel(self.body)
        self.tocilizumab_label.setWordWrap(True)
        font = self.tocilizumab_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.tocilizumab_label.setFont(font)
        form.addRow(self.tocilizumab_label)
        self.dose_note = QLabel(self.body)
        self.dose_note.setWordWrap(True)
        form.addRow(self.dose_note)

        self.drug_combo.currentIndexChanged.connect(self._on_drug_changed)
        self.time_edit.dateTimeChanged.connect(self._update_tocilizumab)
        self.dose_field.changed.connect(self._update_dose_note)
        QWidget.setTabOrder(self.time_edit, self.drug_combo)
        QWidget.setTabOrder(self.drug_combo, self.drug_name_edit)
        QWidget.setTabOrder(self.drug_name_edit, self.dose_field.edit)
        QWidget.setTabOrder(self.dose_field.edit, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.route_combo)
        QWidget.setTabOrder(self.route_combo, self.save_button)
        self._on_drug_changed()
        self.setMinimumSize(760, 420)
        self.drug_combo.setFocus()

    def kind(self) -> MedicationKind:
        return MedicationKind(self.drug_combo.currentData())

    def set_kind(self, kind: MedicationKind) -> None:
        self.drug_combo.setCurrentIndex(self.drug_combo.findData(kind))

    def _on_drug_changed(self) -> None:
        unit, route = DEFAULTS.get(self.kind(), DEFAULTS[MedicationKind.OTHER])
        self.unit_combo.setCurrentText(unit)
        self.route_combo.setCurrentText(route)
        self._update_tocilizumab()

    # ---- tocilizumab ------------------------------------------------------------------------------------

    def calculate_tocilizumab(self, at: datetime | None = None) -> TocilizumabDose:
        at = at or self.at()
        return tocilizumab_dose(self.patient.weight_kg, self._administrations(), at, self.rules)

    def _time(self, at: datetime) -> str:
        local = at.astimezone(self.services.tz)
        return local.strftime("%H:%M") if local.date() == self.now().date() else local.strftime("%d/%m %H:%M")

    def arithmetic(self, dose: TocilizumabDose) -> str:
        """ "8 mg/kg × 72 kg = 576 mg · dose 2 of 4 · next allowed after 16:05"."""
        if dose.mg is None or dose.mg_per_kg is None or dose.weight_kg is None:
            calc = self.tr("weight not recorded: the dose cannot be calculated (%1 mg/kg)").replace(
                "%1", _num(self.rules.mg_per_kg)
            )
        else:
            calc = (
                f"{_num(dose.mg_per_kg)} mg/kg × {_num(dose.weight_kg)} kg = {_num(dose.uncapped_mg or 0)} mg"
            )
            if dose.capped:
                calc += " → " + self.tr("capped at %1 mg per dose").replace("%1", _num(dose.max_mg_per_dose))
        parts = [
            calc,
            self.tr("dose %1 of %2")
            .replace("%1", str(dose.dose_number))
            .replace("%2", str(dose.max_doses_total)),
        ]
        if dose.allowed or dose.refusal == "no_weight":
            after = tocilizumab_dose(
                dose.weight_kg,
                (*self._administrations(), Administration(Medication.TOCILIZUMAB, self.at())),
                self.at(),
                self.rules,
            )
            if after.refusal == "max_total":
                parts.append(self.tr("no further dose after this one"))
            elif after.next_allowed_at is not None:
                parts.append(
                    self.tr("next allowed after %1").replace("%1", self._time(after.next_allowed_at))
                )
        return " · ".join(parts)

    def _administrations(self) -> tuple[Administration, ...]:
        return tuple(
            Administration(Medication.TOCILIZUMAB, m.meta.at, m.dose, m.unit)
            for m in self.given
            if m.kind is MedicationKind.TOCILIZUMAB
        )

    def refusal_text(self, dose: TocilizumabDose) -> str | None:
        """Why the limits refuse this dose now (None when allowed or only the weight is missing)."""
        if dose.refusal == "max_total":
            return (
                self.tr(
                    "%1 doses of tocilizumab have already been given: at most %2 in total "
                    "(REVIEW-2022, label). A further dose is refused."
                )
                .replace("%1", str(dose.doses_given))
                .replace("%2", str(dose.max_doses_total))
            )
        if dose.refusal == "24h_limit":
            return (
                self.tr(
                    "%1 doses were given in the last 24 h: at most %2 in 24 h (ASCO-2021). "
                    "Next allowed after %3."
                )
                .replace("%1", str(dose.doses_in_last_24h))
                .replace("%2", str(dose.max_doses_24h))
                .replace("%3", self._time(dose.next_allowed_at) if dose.next_allowed_at else "?")
            )
        if dose.refusal == "interval":
            assert dose.last_dose_at is not None
            return (
                self.tr("The last dose was at %1: at least %2 h between doses. Next allowed after %3.")
                .replace("%1", self._time(dose.last_dose_at))
                .replace("%2", _num(dose.min_interval_h))
                .replace("%3", self._time(dose.next_allowed_at) if dose.next_allowed_at else "?")
            )
        return None

    def _update_tocilizumab(self) -> None:
        if self.kind() is not MedicationKind.TOCILIZUMAB:
            self.toci = None
            self.tocilizumab_label.hide()
            self._update_dose_note()
            return
        self.toci = dose = self.calculate_tocilizumab()
        text = self.arithmetic(dose)
        refusal = self.refusal_text(dose)
        if refusal:
            text = "⚠ " + self.tr("Refused:") + " " + refusal + "\n" + text
            self.tocilizumab_label.setStyleSheet("color: #c8102e; font-weight: bold;")
        else:
            self.tocilizumab_label.setStyleSheet("")
        self.tocilizumab_label.setText(text)
        self.tocilizumab_label.show()
        if dose.mg is not None and (
            not self.dose_field.text().strip() or self.dose_field.value() == self._calculated_mg
        ):
            self._calculated_mg = dose.mg
            self.dose_field.set_text(_num(dose.mg))
            self.unit_combo.setCurrentText("mg")
        self._update_dose_note()

    def _update_dose_note(self) -> None:
        text = ""
        if self.toci is not None and self.toci.mg is not None:
            typed = self.dose_field.value()
            if typed is not None and abs(typed - self.toci.mg) > 1e-6:
                text = self.tr("⚠ differs from the calculated dose %1 mg").replace("%1", _num(self.toci.mg))
        self.dose_note.setText(text)
        self.dose_note.setVisible(bool(text))

    # ---- saving -----------------------------------------------------------------------------------------

    def confirm_limits(self) -> bool:
        if self.kind() is not MedicationKind.TOCILIZUMAB:
            return True
        dose = self.calculate_tocilizumab()
        refusal = self.refusal_text(dose)
        if refusal is None:
            return True
        self.limit_box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Tocilizumab dose limit"),
            refusal + "\n\n" + self.tr("Nothing was saved."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.limit_box.open()  # window-modal, does not block the event loop
        self.show_message(self.tr("Tocilizumab refused by the dose limits: nothing was saved."))
        return False

    def inline_problems(self) -> list[FieldProblem]:
        problems = []
        if self.dose_field.error():
            problems.append(FieldProblem("dose", self.dose_field.error() or ""))
        elif self.dose_field.value() is None:
            problems.append(FieldProblem("dose", self.tr("enter the dose")))
        if not self.unit_combo.currentText().strip():
            problems.append(FieldProblem("unit", self.tr("enter the unit")))
        if self.kind() is MedicationKind.OTHER and not self.drug_name_edit.text().strip():
            problems.append(FieldProblem("drug_name", self.tr("name the drug")))
        return problems

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        inputs = {
            "kind": self.kind(),
            "dose": self.dose_field.value(),
            "unit": self.unit_combo.currentText().strip(),
            "route": self.route_combo.currentText().strip(),
            "drug_name": self.drug_name_edit.text().strip(),
        }
        return [("medication", "", inputs, lambda: s.record_medication(pid, at, by=by, **inputs))]
