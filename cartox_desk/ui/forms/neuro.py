"""Neuro exam (the ICANS domains besides ICE / CAPD, ASTCT-2019) and interventions (ICU, CRRT, imaging...)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from cartox_desk.core.records import InterventionKind
from cartox_desk.core.snapshot import Consciousness, IcpFinding, MotorWeakness, Seizure
from cartox_desk.services.errors import FieldProblem
from cartox_desk.ui import terms
from cartox_desk.ui.forms.base import PlannedCall, RecordForm, field_with_message
from cartox_desk.ui.forms.words import INTERVENTIONS, word
from cartox_desk.ui.widgets.flow_layout import FlowLayout


def _combo(parent: QWidget, table: dict) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox(parent)
    combo.addItem(terms.term(terms.NOT_RECORDED), None)
    for code, text in table.items():
        combo.addItem(terms.term(text), code)
    return combo


class NeuroExamForm(RecordForm):
    """Consciousness, seizure, motor findings, signs of raised ICP, imaging result.

    Widgets: `consciousness_combo`, `seizure_combo`, `motor_combo`, `icp_checks` (by IcpFinding),
    `imaging_edit`."""

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
        self.setWindowTitle(self.tr("Record a neuro exam"))
        form = QFormLayout(self.body)
        self.consciousness_combo = _combo(self.body, terms.CONSCIOUSNESS)
        form.addRow(self.tr("Level of &consciousness"), self.consciousness_combo)
        self.seizure_combo = _combo(self.body, terms.SEIZURES)
        form.addRow(self.tr("&Seizure"), self.seizure_combo)
        self.motor_combo = _combo(self.body, terms.MOTOR)
        form.addRow(self.tr("&Motor findings"), self.motor_combo)
        icp = QWidget(self.body)
        # A wrapping row: a long finding takes a line of its own instead of being cut at half the width.
        row = FlowLayout(icp, spacing=10)
        self.icp_checks: dict[IcpFinding, QCheckBox] = {}
        for finding, text in terms.ICP_FINDINGS.items():
            check = QCheckBox(terms.term(text), icp)
            self.icp_checks[finding] = check
            row.addWidget(check)
        form.addRow(QLabel(self.tr("Raised ICP / cerebral edema"), self.body))
        form.addRow(icp)
        self.imaging_edit = QLineEdit(self.body)
        self.imaging_edit.setPlaceholderText(self.tr("e.g. MRI: no edema"))
        form.addRow(self.tr("&Imaging result"), self.imaging_edit)
        for key in ("consciousness", "seizure", "motor_weakness"):
            self.add_target(
                key,
                self.consciousness_combo
                if key == "consciousness"
                else self.seizure_combo
                if key == "seizure"
                else self.motor_combo,
            )
        chain: list[QWidget] = [
            self.time_edit,
            self.consciousness_combo,
            self.seizure_combo,
            self.motor_combo,
            *self.icp_checks.values(),
            self.imaging_edit,
            self.save_button,
        ]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.setMinimumSize(720, 420)
        self.consciousness_combo.setFocus()

    @staticmethod
    def _value(combo: QComboBox, kind: type) -> Any:
        data = combo.currentData()
        return None if data is None else kind(data)

    def inputs(self) -> dict[str, Any]:
        return {
            "consciousness": self._value(self.consciousness_combo, Consciousness),
            "seizure": self._value(self.seizure_combo, Seizure),
            "motor_weakness": self._value(self.motor_combo, MotorWeakness),
            "icp_findings": [f for f, c in self.icp_checks.items() if c.isChecked()],
            "imaging_result": self.imaging_edit.text().strip(),
        }

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        inputs = self.inputs()
        if not any(inputs.values()):
            return []
        return [("neuro_exam", "", inputs, lambda: s.record_neuro_exam(pid, at, by=by, **inputs))]


class InterventionForm(RecordForm):
    """ICU transfer, intubation, CRRT, plasma exchange, imaging, EEG, lumbar puncture, other; with a note.

    Widgets: `kind_combo`, `note_edit`."""

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
        self.setWindowTitle(self.tr("Record an intervention"))
        form = QFormLayout(self.body)
        self.kind_combo = QComboBox(self.body)
        for kind, text in INTERVENTIONS.items():
            self.kind_combo.addItem(word(text), kind)
        form.addRow(self.tr("&Intervention"), self.kind_combo)
        self.add_target("kind", self.kind_combo)
        self.note_edit = QLineEdit(self.body)
        self.note_edit.setPlaceholderText(self.tr("e.g. CT head: no bleeding; required for “other”"))
        note_box, note_message = field_with_message(self.note_edit, self.body)
        form.addRow(self.tr("&Note"), note_box)
        self.add_target("note", self.note_edit, note_message)
        QWidget.setTabOrder(self.time_edit, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.save_button)
        self.setMinimumSize(640, 260)
        self.kind_combo.setFocus()

    def kind(self) -> InterventionKind:
        return InterventionKind(self.kind_combo.currentData())

    def set_kind(self, kind: InterventionKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def inline_problems(self) -> list[FieldProblem]:
        if self.kind() is InterventionKind.OTHER and not self.note_edit.text().strip():
            return [FieldProblem("note", self.tr("say what was done"))]
        return []

    def planned_calls(self) -> list[PlannedCall]:
        s, pid, at, by = self.services, self.patient_id, self.at(), self.user
        inputs = {"kind": self.kind(), "note": self.note_edit.text().strip()}
        return [("intervention", "", inputs, lambda: s.record_intervention(pid, at, by=by, **inputs))]
