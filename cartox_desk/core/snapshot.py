"""What is graded: one snapshot of a patient's worst values inside the assessment window.

Field names carry their units (clinical-rules §0, §10). A `None` field means "not recorded", never zero:
the grading functions report "not assessed" rather than a falsely reassuring grade.
The enum values are the exact words of the `cartox-desk grade` JSON contract (grading-json.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class OxygenDevice(StrEnum):
    ROOM_AIR = "room_air"
    BLOW_BY = "blow_by"
    NASAL_CANNULA = "nasal_cannula"
    FACE_MASK = "face_mask"
    NON_REBREATHER = "non_rebreather"
    VENTURI = "venturi"
    CPAP = "cpap"
    BIPAP = "bipap"
    MECHANICAL_VENTILATION = "mechanical_ventilation"


class VasopressorDrug(StrEnum):
    NOREPINEPHRINE = "norepinephrine"
    EPINEPHRINE = "epinephrine"
    PHENYLEPHRINE = "phenylephrine"
    DOPAMINE = "dopamine"
    VASOPRESSIN = "vasopressin"


class DoseRateUnit(StrEnum):
    UG_PER_MIN = "ug/min"
    UG_PER_KG_PER_MIN = "ug/kg/min"
    UNITS_PER_MIN = "U/min"


class Consciousness(StrEnum):
    """Depressed level of consciousness, ordered from normal to worst (ASTCT-2019)."""

    ALERT = "alert"
    AWAKENS_SPONTANEOUSLY = "awakens_spontaneously"
    AWAKENS_TO_VOICE = "awakens_to_voice"
    AWAKENS_TO_TACTILE = "awakens_to_tactile"
    UNAROUSABLE = "unarousable"


class Seizure(StrEnum):
    NONE = "none"
    RESOLVED_RAPIDLY = "resolved_rapidly"
    PROLONGED_OR_REPETITIVE = "prolonged_or_repetitive"


class MotorWeakness(StrEnum):
    NONE = "none"
    DEEP_FOCAL = "deep_focal"


class IcpFinding(StrEnum):
    FOCAL_EDEMA = "focal_edema"
    DIFFUSE_EDEMA = "diffuse_edema"
    POSTURING = "posturing"
    CN6_PALSY = "cn6_palsy"
    PAPILLEDEMA = "papilledema"
    CUSHINGS_TRIAD = "cushings_triad"


class IceUnable(StrEnum):
    """Why an ICE could not be done (clinical-rules §3.2 rule 3)."""

    APHASIA = "aphasia"  # awake, global aphasia -> grade 3
    UNAROUSABLE = "unarousable"  # cannot be roused -> grade 4


class CapdAnswer(StrEnum):
    NEVER = "never"
    RARELY = "rarely"
    SOMETIMES = "sometimes"
    OFTEN = "often"
    ALWAYS = "always"


class EncephalopathyTool(StrEnum):
    ICE = "ICE"
    CAPD = "CAPD"


@dataclass(frozen=True, slots=True)
class VasopressorInfusion:
    drug: VasopressorDrug
    dose: float
    unit: DoseRateUnit


@dataclass(frozen=True, slots=True)
class OxygenSupport:
    device: OxygenDevice
    flow_l_min: float | None = None
    # Given without hypoxia (comfort, habit): charted but not graded (clinical-rules §3.5).
    for_comfort: bool = False


@dataclass(frozen=True, slots=True)
class IceAssessment:
    """The 10-point ICE score item by item (CSCO-2024 §4.2.1)."""

    orientation: int  # 0-4: year, month, city, hospital
    naming: int  # 0-3
    commands: int  # 0-1
    writing: int  # 0-1
    attention: int  # 0-1


@dataclass(frozen=True, slots=True)
class CapdAssessment:
    """The 8 CAPD answers (clinical-rules §3.4); items 1-4 are reverse-scored."""

    eye_contact: CapdAnswer
    purposeful_actions: CapdAnswer
    aware_of_surroundings: CapdAnswer
    communicates_needs: CapdAnswer
    restless: CapdAnswer
    inconsolable: CapdAnswer
    underactive: CapdAnswer
    slow_response: CapdAnswer


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The worst value of each parameter inside the assessment window (clinical-rules §0).

    Mirrors the `cartox-desk grade` input one to one (grading-json.md).
    """

    age_years: float | None = None
    weight_kg: float | None = None
    temperature_c: float | None = None
    fever_masked: bool = False
    hypotension: bool = False
    vasopressors: tuple[VasopressorInfusion, ...] = ()
    oxygen: OxygenSupport | None = None
    ice: IceAssessment | None = None
    ice_unable: IceUnable | None = None
    capd: CapdAssessment | None = None
    capd_unable: bool = False
    consciousness: Consciousness | None = None
    seizure: Seizure | None = None
    motor_weakness: MotorWeakness | None = None
    icp_findings: frozenset[IcpFinding] = field(default_factory=frozenset)
