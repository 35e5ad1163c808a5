"""Management engine (clinical-rules §4-§9): recommendations by grade, dose calculators, escalation and
safety alerts, hematotoxicity, IEC-HS screening and risk flags. Pure: no file is read at import time;
`load_protocol` / `default_protocol` read a protocol file only when called.

Entry points: `recommend(context, protocol) -> ManagementPlan`, `load_protocol(path)`, `default_protocol()`,
`plan_to_json(plan, lang)`, `texts.describe(item, lang)`.
"""

from cartox_desk.core.management.context import (
    Administration,
    Analyte,
    Costim,
    Diagnosis,
    GradePoint,
    LabValue,
    ManagementContext,
    Medication,
    Target,
    Temperature,
)
from cartox_desk.core.management.dosing import taper_schedule, tocilizumab_dose
from cartox_desk.core.management.engine import plan_to_json, recommend
from cartox_desk.core.management.model import (
    Alert,
    DailyTotal,
    DoseSpec,
    Flag,
    FlagStatus,
    HematotoxScore,
    IcahtResult,
    Kind,
    ManagementPlan,
    NotAssessable,
    Recommendation,
    ScheduledDay,
    Severity,
    Status,
    TaperStep,
    TocilizumabDose,
    WeightBasedDose,
)
from cartox_desk.core.management.protocol import (
    Protocol,
    ProtocolError,
    available_protocols,
    default_protocol,
    load_protocol,
)
from cartox_desk.core.management.texts import describe

__all__ = [
    "Administration", "Alert", "Analyte", "Costim", "DailyTotal", "Diagnosis", "DoseSpec", "Flag",
    "FlagStatus", "GradePoint", "HematotoxScore", "IcahtResult", "Kind", "LabValue", "ManagementContext",
    "ManagementPlan", "Medication", "NotAssessable", "Protocol", "ProtocolError", "Recommendation",
    "ScheduledDay", "Severity", "Status", "TaperStep", "Target", "Temperature", "TocilizumabDose",
    "WeightBasedDose", "available_protocols", "default_protocol", "describe", "load_protocol",
    "plan_to_json", "recommend", "taper_schedule", "tocilizumab_dose",
]
