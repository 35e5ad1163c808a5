"""Saving what the ICE / CAPD wizard hands over, and the flow that opens the right wizard for a patient.

`save_assessment` records the wizard's ICE or CAPD and the neuro findings asked on the result screen at the
same clinical time, so the timeline grades ICANS from both — in ONE service call,
`services.record_assessment` (one transaction): the store checks both parts and writes both or nothing.

`AssessmentSaveFlow` picks the tool (CAPD proposed for age <= 12 or developmental delay, clinical-rules §3.3,
`ui.capd_items.proposes_capd`), gives the wizard the baseline and the previous score of that tool from the
patient's timeline, and saves on completion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from cartox_desk.core.records import EncephalopathyAssessment, NeuroExam, PatientSummary, UserRef
from cartox_desk.core.snapshot import EncephalopathyTool
from cartox_desk.services.errors import ValidationError
from cartox_desk.ui.capd_items import proposes_capd
from cartox_desk.ui.settings import AppSettings
from cartox_desk.ui.wizards import SEDATED, CompletedAssessment, WizardDialog


@dataclass(frozen=True, slots=True)
class SavedAssessment:
    """What `save_assessment` wrote: the ICE / CAPD record (None when not assessed because sedated) and
    the neuro exam (None when no finding was recorded)."""

    assessment: EncephalopathyAssessment | None
    neuro_exam: NeuroExam | None

    def records(self) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        if self.assessment is not None:
            out.append(("encephalopathy", self.assessment))
        if self.neuro_exam is not None:
            out.append(("neuro_exam", self.neuro_exam))
        return out


def _neuro_inputs(completed: CompletedAssessment) -> dict[str, Any] | None:
    f = completed.findings
    if f.consciousness is None and f.seizure is None and f.motor_weakness is None and not f.icp_findings:
        return None
    return {
        "consciousness": f.consciousness,
        "seizure": f.seizure,
        "motor_weakness": f.motor_weakness,
        "icp_findings": sorted(f.icp_findings),
        "imaging_result": "",
    }


def save_assessment(
    services: Any,
    patient_id: int,
    user: UserRef | int,
    completed: CompletedAssessment,
    *,
    at: datetime | None = None,
    language: str = "zh_CN",
    is_baseline: bool = False,
) -> SavedAssessment:
    """Record a finished wizard: the ICE or CAPD and the neuro findings, both at ``at`` (default now),
    in one transaction. Raises `ValidationError` (nothing written) when either part fails the services'
    checks (neuro problems are named ``neuro.<field>``)."""
    at = at or services.now()
    neuro = _neuro_inputs(completed)
    sedated = completed.not_assessed_reason == SEDATED
    if sedated and neuro is None:
        raise ValidationError.single("assessment", "assessment: nothing to save (no score and no finding)")
    ice = completed.tool is EncephalopathyTool.ICE
    # sedated: no score and no "unable" reason the grading knows, only the neuro findings are kept
    line = services.record_assessment(
        patient_id,
        at,
        by=user,
        tool=None if sedated else completed.tool,
        ice=completed.ice if ice else None,
        unable=completed.ice_unable if ice else completed.capd_unable,
        capd=None if ice else completed.capd,
        neuro=neuro,
        language=language,
        is_baseline=is_baseline,
    )
    return SavedAssessment(line.assessment, line.neuro_exam)


def previous_score(timeline: Any, tool: EncephalopathyTool) -> int | None:
    """The latest scored, non-baseline assessment of ``tool`` (for "change from the previous")."""
    for rec in reversed(timeline.encephalopathy):
        if rec.tool is tool and not rec.is_baseline and rec.score is not None:
            return int(rec.score)
    return None


def baseline_score(patient: PatientSummary, timeline: Any, tool: EncephalopathyTool) -> int | None:
    """The baseline of ``tool``: the recorded baseline assessment, else the patient's registered value."""
    for rec in reversed(timeline.encephalopathy):
        if rec.tool is tool and rec.is_baseline and rec.score is not None:
            return int(rec.score)
    return patient.baseline_ice if tool is EncephalopathyTool.ICE else patient.baseline_capd


def proposed_tool(patient: PatientSummary, at: datetime) -> str:
    """ "capd" for children aged 12 or under or with developmental delay (clinical-rules §3.3), else "ice"."""
    return "capd" if proposes_capd(patient.age_years(at), patient.developmental_delay) else "ice"


class AssessmentSaveFlow(QObject):
    """Open the ICE or CAPD wizard for one patient and save what it completes.

    ``flow.start()`` returns the (shown) `WizardDialog`. Signals: `saved(SavedAssessment)` after both
    records are stored; `failed(str)` when the services refused them (the message is also shown in a box
    over the wizard). The caller relays `saved` to `AppEvents.records_saved`.
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        services: Any,
        patient_id: int,
        user: UserRef | int,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
        *,
        tool: str | None = None,
        is_baseline: bool = False,
        timeline: Any = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.patient_id = patient_id
        self.user = user
        self.settings = settings or AppSettings()
        self.parent_widget = parent
        self.is_baseline = is_baseline
        self.patient: PatientSummary = services.get_patient(patient_id)
        self.timeline = timeline if timeline is not None else services.get_patient_timeline(patient_id)
        self.tool = tool or proposed_tool(self.patient, services.now())
        self.dialog: WizardDialog | None = None
        self.result: SavedAssessment | None = None

    def context(self) -> dict[str, Any]:
        tool = EncephalopathyTool.ICE if self.tool == "ice" else EncephalopathyTool.CAPD
        p = self.patient
        age = p.age_years(self.services.now())
        label_parts = [p.name]
        if age is not None:
            label_parts.append(f"{int(age)} y")
        if p.bed:
            label_parts.append(p.bed)
        return {
            "patient_label": " · ".join(label_parts),
            "age_years": age,
            "baseline": baseline_score(p, self.timeline, tool),
            "previous": previous_score(self.timeline, tool),
        }

    def start(self) -> WizardDialog:
        self.dialog = WizardDialog(self.tool, self.settings, parent=self.parent_widget, **self.context())
        self.dialog.wizard.completed.connect(self._on_completed)
        # Window-modal: the patient view's one-letter shortcuts (V, L, N…) must not fire while a nurse
        # answers the wizard with digit and letter keys.
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def _on_completed(self, completed: CompletedAssessment) -> None:
        lang = self.settings.language if self.settings.language in ("zh_CN", "en") else "zh_CN"
        try:
            self.result = save_assessment(
                self.services,
                self.patient_id,
                self.user,
                completed,
                language=lang,
                is_baseline=self.is_baseline,
            )
        except ValidationError as exc:
            message = str(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Assessment not saved"),
                self.tr("The assessment was not saved:\n%1").replace("%1", message),
                QMessageBox.StandardButton.Ok,
                self.parent_widget,
            )
            box.open()
            self.error_box = box
            self.failed.emit(message)
            return
        self.saved.emit(self.result)
