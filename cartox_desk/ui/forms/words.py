"""Display words for the record kinds the entry forms pick from (context "FormTerms").

The core speaks in codes (`MedicationKind`, `InterventionKind`, `Analyte`); only the ui turns them into
words. Standard terms follow ux.md (zh_CN filled in resources/i18n).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import InterventionKind, MedicationKind, VasopressorEvent

MEDICATIONS: dict[MedicationKind, str] = {
    MedicationKind.TOCILIZUMAB: QT_TRANSLATE_NOOP("FormTerms", "tocilizumab"),
    MedicationKind.DEXAMETHASONE: QT_TRANSLATE_NOOP("FormTerms", "dexamethasone"),
    MedicationKind.METHYLPREDNISOLONE: QT_TRANSLATE_NOOP("FormTerms", "methylprednisolone"),
    MedicationKind.ANAKINRA: QT_TRANSLATE_NOOP("FormTerms", "anakinra"),
    MedicationKind.SILTUXIMAB: QT_TRANSLATE_NOOP("FormTerms", "siltuximab"),
    MedicationKind.ANTIPYRETIC: QT_TRANSLATE_NOOP("FormTerms", "antipyretic"),
    MedicationKind.LEVETIRACETAM: QT_TRANSLATE_NOOP("FormTerms", "levetiracetam"),
    MedicationKind.G_CSF: QT_TRANSLATE_NOOP("FormTerms", "G-CSF"),
    MedicationKind.IVIG: QT_TRANSLATE_NOOP("FormTerms", "IVIG"),
    MedicationKind.OTHER: QT_TRANSLATE_NOOP("FormTerms", "other (name it)"),
}

INTERVENTIONS: dict[InterventionKind, str] = {
    InterventionKind.ICU_TRANSFER: QT_TRANSLATE_NOOP("FormTerms", "ICU transfer"),
    InterventionKind.INTUBATION: QT_TRANSLATE_NOOP("FormTerms", "intubation"),
    InterventionKind.CRRT: QT_TRANSLATE_NOOP("FormTerms", "blood purification (CRRT)"),
    InterventionKind.PLASMA_EXCHANGE: QT_TRANSLATE_NOOP("FormTerms", "plasma exchange"),
    InterventionKind.IMAGING: QT_TRANSLATE_NOOP("FormTerms", "imaging (CT / MRI)"),
    InterventionKind.EEG: QT_TRANSLATE_NOOP("FormTerms", "EEG"),
    InterventionKind.LUMBAR_PUNCTURE: QT_TRANSLATE_NOOP("FormTerms", "lumbar puncture"),
    InterventionKind.OTHER: QT_TRANSLATE_NOOP("FormTerms", "other"),
}

ANALYTES: dict[Analyte, str] = {
    Analyte.IL6: QT_TRANSLATE_NOOP("FormTerms", "interleukin-6 (IL-6)"),
    Analyte.CRP: QT_TRANSLATE_NOOP("FormTerms", "C-reactive protein (CRP)"),
    Analyte.FERRITIN: QT_TRANSLATE_NOOP("FormTerms", "ferritin"),
    Analyte.PLATELETS: QT_TRANSLATE_NOOP("FormTerms", "platelets"),
    Analyte.ANC: QT_TRANSLATE_NOOP("FormTerms", "neutrophils (ANC)"),
    Analyte.WBC: QT_TRANSLATE_NOOP("FormTerms", "white blood cells (WBC)"),
    Analyte.LYMPHOCYTES_PCT: QT_TRANSLATE_NOOP("FormTerms", "lymphocytes (% of WBC)"),
    Analyte.HEMOGLOBIN: QT_TRANSLATE_NOOP("FormTerms", "hemoglobin"),
    Analyte.FIBRINOGEN: QT_TRANSLATE_NOOP("FormTerms", "fibrinogen"),
    Analyte.D_DIMER: QT_TRANSLATE_NOOP("FormTerms", "D-dimer"),
    Analyte.LDH: QT_TRANSLATE_NOOP("FormTerms", "lactate dehydrogenase (LDH)"),
    Analyte.ALT: QT_TRANSLATE_NOOP("FormTerms", "ALT"),
    Analyte.AST: QT_TRANSLATE_NOOP("FormTerms", "AST"),
    Analyte.CREATININE: QT_TRANSLATE_NOOP("FormTerms", "creatinine"),
    Analyte.TRIGLYCERIDES: QT_TRANSLATE_NOOP("FormTerms", "triglycerides"),
    Analyte.IGG: QT_TRANSLATE_NOOP("FormTerms", "IgG"),
    Analyte.IFN_GAMMA: QT_TRANSLATE_NOOP("FormTerms", "interferon-γ (IFN-γ)"),
    Analyte.IL10: QT_TRANSLATE_NOOP("FormTerms", "interleukin-10 (IL-10)"),
    Analyte.SIL2R: QT_TRANSLATE_NOOP("FormTerms", "soluble IL-2 receptor (sIL-2R)"),
    Analyte.MCP1: QT_TRANSLATE_NOOP("FormTerms", "MCP-1"),
    Analyte.TNF_ALPHA: QT_TRANSLATE_NOOP("FormTerms", "TNF-α"),
    Analyte.CAR_T_COPIES: QT_TRANSLATE_NOOP("FormTerms", "CAR-T copies"),
    Analyte.CAR_POSITIVE_CELLS: QT_TRANSLATE_NOOP("FormTerms", "CAR+ cells"),
    Analyte.B_CELLS: QT_TRANSLATE_NOOP("FormTerms", "B cells"),
    Analyte.CD4: QT_TRANSLATE_NOOP("FormTerms", "CD4+ T cells"),
}

VASOPRESSOR_EVENTS: dict[VasopressorEvent, str] = {
    VasopressorEvent.START: QT_TRANSLATE_NOOP("FormTerms", "start"),
    VasopressorEvent.CHANGE: QT_TRANSLATE_NOOP("FormTerms", "dose change"),
    VasopressorEvent.STOP: QT_TRANSLATE_NOOP("FormTerms", "stop"),
}

RECORD_KINDS: dict[str, str] = {
    "vitals": QT_TRANSLATE_NOOP("FormTerms", "vital signs"),
    "oxygen": QT_TRANSLATE_NOOP("FormTerms", "oxygen support"),
    "vasopressor": QT_TRANSLATE_NOOP("FormTerms", "vasopressor"),
    "fluid_bolus": QT_TRANSLATE_NOOP("FormTerms", "fluid bolus"),
    "lab": QT_TRANSLATE_NOOP("FormTerms", "lab result"),
    "encephalopathy": QT_TRANSLATE_NOOP("FormTerms", "ICE / CAPD"),
    "neuro_exam": QT_TRANSLATE_NOOP("FormTerms", "neuro exam"),
    "medication": QT_TRANSLATE_NOOP("FormTerms", "medication"),
    "intervention": QT_TRANSLATE_NOOP("FormTerms", "intervention"),
    "iechs_grade": QT_TRANSLATE_NOOP("FormTerms", "IEC-HS grade"),
}


def word(text: str) -> str:
    """Translate one word of the tables above."""
    return QCoreApplication.translate("FormTerms", text)
