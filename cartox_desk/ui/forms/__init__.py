"""Entry forms (issue 4 item 3) and the save half of the ICE / CAPD wizards.

Every form is ``Form(services, patient_id, user, settings, parent=None)``, a QDialog with a signal
``saved(kind, record)``, emitted once per record written; the caller relays it to
``AppEvents.records_saved``. Enter saves, Esc cancels; nothing is written until every field is valid.
"""

from cartox_desk.ui.forms.amendment import AmendmentDialog
from cartox_desk.ui.forms.assessment import AssessmentSaveFlow, SavedAssessment, save_assessment
from cartox_desk.ui.forms.base import RecordForm
from cartox_desk.ui.forms.iechs import IechsGradeForm
from cartox_desk.ui.forms.lab import LabForm
from cartox_desk.ui.forms.medication import MedicationForm
from cartox_desk.ui.forms.neuro import InterventionForm, NeuroExamForm
from cartox_desk.ui.forms.vitals import VitalsForm

__all__ = [
    "AmendmentDialog",
    "AssessmentSaveFlow",
    "IechsGradeForm",
    "InterventionForm",
    "LabForm",
    "MedicationForm",
    "NeuroExamForm",
    "RecordForm",
    "SavedAssessment",
    "VitalsForm",
    "save_assessment",
]
