"""Display words for the core enums, in both languages through Qt translation (context "Terms").

The core speaks in codes (snapshot.py enums); only the ui turns them into words (architecture.md,
"Translations from day one"). `QT_TRANSLATE_NOOP` marks the words for lupdate; `term()` translates at the
moment of use, so a language switch needs no restart of these tables.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cartox_desk.core.snapshot import (
    CapdAnswer,
    Consciousness,
    DoseRateUnit,
    IcpFinding,
    MotorWeakness,
    OxygenDevice,
    Seizure,
    VasopressorDrug,
)

OXYGEN_DEVICES: dict[OxygenDevice, str] = {
    OxygenDevice.ROOM_AIR: QT_TRANSLATE_NOOP("Terms", "room air"),
    OxygenDevice.BLOW_BY: QT_TRANSLATE_NOOP("Terms", "blow-by"),
    OxygenDevice.NASAL_CANNULA: QT_TRANSLATE_NOOP("Terms", "nasal cannula"),
    OxygenDevice.FACE_MASK: QT_TRANSLATE_NOOP("Terms", "face mask"),
    OxygenDevice.NON_REBREATHER: QT_TRANSLATE_NOOP("Terms", "non-rebreather"),
    OxygenDevice.VENTURI: QT_TRANSLATE_NOOP("Terms", "Venturi mask"),
    OxygenDevice.CPAP: QT_TRANSLATE_NOOP("Terms", "CPAP"),
    OxygenDevice.BIPAP: QT_TRANSLATE_NOOP("Terms", "BiPAP"),
    OxygenDevice.MECHANICAL_VENTILATION: QT_TRANSLATE_NOOP("Terms", "mechanical ventilation"),
}

VASOPRESSOR_DRUGS: dict[VasopressorDrug, str] = {
    VasopressorDrug.NOREPINEPHRINE: QT_TRANSLATE_NOOP("Terms", "norepinephrine"),
    VasopressorDrug.EPINEPHRINE: QT_TRANSLATE_NOOP("Terms", "epinephrine"),
    VasopressorDrug.PHENYLEPHRINE: QT_TRANSLATE_NOOP("Terms", "phenylephrine"),
    VasopressorDrug.DOPAMINE: QT_TRANSLATE_NOOP("Terms", "dopamine"),
    VasopressorDrug.VASOPRESSIN: QT_TRANSLATE_NOOP("Terms", "vasopressin"),
}

DOSE_UNITS: dict[DoseRateUnit, str] = {
    DoseRateUnit.UG_PER_MIN: QT_TRANSLATE_NOOP("Terms", "µg/min"),
    DoseRateUnit.UG_PER_KG_PER_MIN: QT_TRANSLATE_NOOP("Terms", "µg/kg/min"),
    DoseRateUnit.UNITS_PER_MIN: QT_TRANSLATE_NOOP("Terms", "U/min"),
}

CONSCIOUSNESS: dict[Consciousness, str] = {
    Consciousness.ALERT: QT_TRANSLATE_NOOP("Terms", "alert"),
    Consciousness.AWAKENS_SPONTANEOUSLY: QT_TRANSLATE_NOOP("Terms", "awakens spontaneously"),
    Consciousness.AWAKENS_TO_VOICE: QT_TRANSLATE_NOOP("Terms", "awakens to voice"),
    Consciousness.AWAKENS_TO_TACTILE: QT_TRANSLATE_NOOP("Terms", "awakens only to touch"),
    Consciousness.UNAROUSABLE: QT_TRANSLATE_NOOP("Terms", "unarousable"),
}

SEIZURES: dict[Seizure, str] = {
    Seizure.NONE: QT_TRANSLATE_NOOP("Terms", "no seizure"),
    Seizure.RESOLVED_RAPIDLY: QT_TRANSLATE_NOOP("Terms", "seizure, resolved rapidly"),
    Seizure.PROLONGED_OR_REPETITIVE: QT_TRANSLATE_NOOP("Terms", "seizure > 5 min or repetitive"),
}

MOTOR: dict[MotorWeakness, str] = {
    MotorWeakness.NONE: QT_TRANSLATE_NOOP("Terms", "no focal weakness"),
    MotorWeakness.DEEP_FOCAL: QT_TRANSLATE_NOOP("Terms", "deep focal motor weakness (hemiparesis)"),
}

ICP_FINDINGS: dict[IcpFinding, str] = {
    IcpFinding.FOCAL_EDEMA: QT_TRANSLATE_NOOP("Terms", "focal cerebral edema"),
    IcpFinding.DIFFUSE_EDEMA: QT_TRANSLATE_NOOP("Terms", "diffuse cerebral edema"),
    IcpFinding.POSTURING: QT_TRANSLATE_NOOP("Terms", "decerebrate or decorticate posturing"),
    IcpFinding.CN6_PALSY: QT_TRANSLATE_NOOP("Terms", "cranial nerve VI palsy"),
    IcpFinding.PAPILLEDEMA: QT_TRANSLATE_NOOP("Terms", "papilledema"),
    IcpFinding.CUSHINGS_TRIAD: QT_TRANSLATE_NOOP("Terms", "Cushing's triad"),
}

CAPD_ANSWERS: dict[CapdAnswer, str] = {
    CapdAnswer.NEVER: QT_TRANSLATE_NOOP("Terms", "never"),
    CapdAnswer.RARELY: QT_TRANSLATE_NOOP("Terms", "rarely"),
    CapdAnswer.SOMETIMES: QT_TRANSLATE_NOOP("Terms", "sometimes"),
    CapdAnswer.OFTEN: QT_TRANSLATE_NOOP("Terms", "often"),
    CapdAnswer.ALWAYS: QT_TRANSLATE_NOOP("Terms", "always"),
}

NOT_RECORDED = QT_TRANSLATE_NOOP("Terms", "— not recorded —")
CRS_NAME = QT_TRANSLATE_NOOP("Terms", "cytokine release syndrome (CRS)")
ICANS_NAME = QT_TRANSLATE_NOOP("Terms", "immune effector cell-associated neurotoxicity syndrome (ICANS)")


def term(text: str) -> str:
    """Translate one word of the tables above."""
    return QCoreApplication.translate("Terms", text)


def label(table: dict, code: Enum) -> str:  # type: ignore[type-arg]
    return term(table[code])
