"""Words and unit symbols of the trend charts (context "TrendChartsWidget" for lupdate).

`core.series` speaks in codes (series codes, UCUM units, marker kinds); this table turns them into the
words staff read, through Qt translation at the moment of use (a language switch needs no restart).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cartox_desk.core.labs import Analyte
from cartox_desk.core.series import MarkerKind, SeriesCode
from cartox_desk.core.snapshot import OxygenDevice

CTX = "TrendChartsWidget"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


SERIES_NAMES: dict[str, str] = {
    SeriesCode.TEMPERATURE: QT_TRANSLATE_NOOP(CTX, "temperature"),
    SeriesCode.HEART_RATE: QT_TRANSLATE_NOOP(CTX, "HR"),
    SeriesCode.SYSTOLIC_BP: QT_TRANSLATE_NOOP(CTX, "SBP"),
    SeriesCode.DIASTOLIC_BP: QT_TRANSLATE_NOOP(CTX, "DBP"),
    SeriesCode.MEAN_BP: QT_TRANSLATE_NOOP(CTX, "MAP"),
    SeriesCode.RESPIRATORY_RATE: QT_TRANSLATE_NOOP(CTX, "RR"),
    SeriesCode.SPO2: QT_TRANSLATE_NOOP(CTX, "SpO2"),
    SeriesCode.NE_EQUIVALENT: QT_TRANSLATE_NOOP(CTX, "NE-eq."),
    SeriesCode.OXYGEN_LEVEL: QT_TRANSLATE_NOOP(CTX, "O2 support"),
    SeriesCode.OXYGEN_FLOW: QT_TRANSLATE_NOOP(CTX, "O2 flow"),
    SeriesCode.ICE: QT_TRANSLATE_NOOP(CTX, "ICE"),
    SeriesCode.CAPD: QT_TRANSLATE_NOOP(CTX, "CAPD"),
}

ANALYTE_NAMES: dict[Analyte, str] = {
    Analyte.IL6: QT_TRANSLATE_NOOP(CTX, "IL-6"),
    Analyte.IFN_GAMMA: QT_TRANSLATE_NOOP(CTX, "IFN-γ"),
    Analyte.IL10: QT_TRANSLATE_NOOP(CTX, "IL-10"),
    Analyte.CRP: QT_TRANSLATE_NOOP(CTX, "CRP"),
    Analyte.FERRITIN: QT_TRANSLATE_NOOP(CTX, "ferritin"),
    Analyte.FIBRINOGEN: QT_TRANSLATE_NOOP(CTX, "fibrinogen"),
    Analyte.LDH: QT_TRANSLATE_NOOP(CTX, "LDH"),
    Analyte.PLATELETS: QT_TRANSLATE_NOOP(CTX, "PLT"),
    Analyte.ANC: QT_TRANSLATE_NOOP(CTX, "ANC"),
    Analyte.WBC: QT_TRANSLATE_NOOP(CTX, "WBC"),
    Analyte.LYMPHOCYTES_PCT: QT_TRANSLATE_NOOP(CTX, "lymphocytes"),
    Analyte.HEMOGLOBIN: QT_TRANSLATE_NOOP(CTX, "Hb"),
    Analyte.ALT: QT_TRANSLATE_NOOP(CTX, "ALT"),
    Analyte.AST: QT_TRANSLATE_NOOP(CTX, "AST"),
    Analyte.TRIGLYCERIDES: QT_TRANSLATE_NOOP(CTX, "triglycerides"),
    Analyte.CREATININE: QT_TRANSLATE_NOOP(CTX, "creatinine"),
    Analyte.D_DIMER: QT_TRANSLATE_NOOP(CTX, "D-dimer"),
    Analyte.IGG: QT_TRANSLATE_NOOP(CTX, "IgG"),
    Analyte.SIL2R: QT_TRANSLATE_NOOP(CTX, "sIL-2R"),
    Analyte.MCP1: QT_TRANSLATE_NOOP(CTX, "MCP-1"),
    Analyte.TNF_ALPHA: QT_TRANSLATE_NOOP(CTX, "TNF-α"),
    Analyte.CAR_T_COPIES: QT_TRANSLATE_NOOP(CTX, "CAR-T copies"),
    Analyte.CAR_POSITIVE_CELLS: QT_TRANSLATE_NOOP(CTX, "CAR+ cells"),
    Analyte.B_CELLS: QT_TRANSLATE_NOOP(CTX, "B cells"),
    Analyte.CD4: QT_TRANSLATE_NOOP(CTX, "CD4"),
}

MARKER_NAMES: dict[MarkerKind, str] = {
    MarkerKind.ANTIPYRETIC: QT_TRANSLATE_NOOP(CTX, "antipyretic"),
    MarkerKind.FLUID_BOLUS: QT_TRANSLATE_NOOP(CTX, "fluid bolus"),
    MarkerKind.TOCILIZUMAB: QT_TRANSLATE_NOOP(CTX, "tocilizumab"),
    MarkerKind.STEROID: QT_TRANSLATE_NOOP(CTX, "steroid"),
    MarkerKind.ANAKINRA: QT_TRANSLATE_NOOP(CTX, "anakinra"),
    MarkerKind.SILTUXIMAB: QT_TRANSLATE_NOOP(CTX, "siltuximab"),
    MarkerKind.ICU_TRANSFER: QT_TRANSLATE_NOOP(CTX, "ICU transfer"),
    MarkerKind.INTUBATION: QT_TRANSLATE_NOOP(CTX, "intubation"),
    MarkerKind.CRRT: QT_TRANSLATE_NOOP(CTX, "blood purification (CRRT)"),
    MarkerKind.PLASMA_EXCHANGE: QT_TRANSLATE_NOOP(CTX, "plasma exchange"),
    MarkerKind.ICE_UNABLE: QT_TRANSLATE_NOOP(CTX, "ICE not possible"),
    MarkerKind.CAPD_UNABLE: QT_TRANSLATE_NOOP(CTX, "CAPD not possible"),
}

# Short tags printed beside the event symbols.
MARKER_TAGS: dict[MarkerKind, str] = {
    MarkerKind.ICU_TRANSFER: QT_TRANSLATE_NOOP(CTX, "ICU"),
    MarkerKind.INTUBATION: QT_TRANSLATE_NOOP(CTX, "intub."),
    MarkerKind.CRRT: QT_TRANSLATE_NOOP(CTX, "CRRT"),
    MarkerKind.PLASMA_EXCHANGE: QT_TRANSLATE_NOOP(CTX, "PE"),
    MarkerKind.ANAKINRA: QT_TRANSLATE_NOOP(CTX, "ANK"),
    MarkerKind.SILTUXIMAB: QT_TRANSLATE_NOOP(CTX, "SIL"),
}

VASOPRESSOR_NAMES: dict[str, str] = {
    "norepinephrine": QT_TRANSLATE_NOOP(CTX, "norepinephrine"),
    "epinephrine": QT_TRANSLATE_NOOP(CTX, "epinephrine"),
    "phenylephrine": QT_TRANSLATE_NOOP(CTX, "phenylephrine"),
    "dopamine": QT_TRANSLATE_NOOP(CTX, "dopamine"),
    "vasopressin": QT_TRANSLATE_NOOP(CTX, "vasopressin"),
}

DRUG_NAMES: dict[str, str] = {
    "dexamethasone": QT_TRANSLATE_NOOP(CTX, "dexamethasone"),
    "methylprednisolone": QT_TRANSLATE_NOOP(CTX, "methylprednisolone"),
}

OXYGEN_SHORT: dict[str, str] = {
    OxygenDevice.ROOM_AIR: QT_TRANSLATE_NOOP(CTX, "RA"),
    OxygenDevice.BLOW_BY: QT_TRANSLATE_NOOP(CTX, "blow-by"),
    OxygenDevice.NASAL_CANNULA: QT_TRANSLATE_NOOP(CTX, "NC"),
    OxygenDevice.FACE_MASK: QT_TRANSLATE_NOOP(CTX, "mask"),
    OxygenDevice.NON_REBREATHER: QT_TRANSLATE_NOOP(CTX, "NRB"),
    OxygenDevice.VENTURI: QT_TRANSLATE_NOOP(CTX, "Venturi"),
    OxygenDevice.CPAP: QT_TRANSLATE_NOOP(CTX, "CPAP"),
    OxygenDevice.BIPAP: QT_TRANSLATE_NOOP(CTX, "BiPAP"),
    OxygenDevice.MECHANICAL_VENTILATION: QT_TRANSLATE_NOOP(CTX, "ventilated"),
}

OXYGEN_LEVEL_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(CTX, "room air"),
    QT_TRANSLATE_NOOP(CTX, "low-flow"),
    QT_TRANSLATE_NOOP(CTX, "high-flow / mask"),
    QT_TRANSLATE_NOOP(CTX, "positive pressure"),
)
OXYGEN_LEVEL_TICKS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(CTX, "RA"),
    QT_TRANSLATE_NOOP(CTX, "LF"),
    QT_TRANSLATE_NOOP(CTX, "HF"),
    QT_TRANSLATE_NOOP(CTX, "PP"),
)

PANEL_NAMES: dict[str, str] = {
    "events": QT_TRANSLATE_NOOP(CTX, "Treatments and interventions"),
    "temperature": QT_TRANSLATE_NOOP(CTX, "Temperature"),
    "hemodynamics": QT_TRANSLATE_NOOP(CTX, "Blood pressure, heart rate, vasopressors"),
    "oxygen": QT_TRANSLATE_NOOP(CTX, "Oxygen support and SpO2"),
    "labs": QT_TRANSLATE_NOOP(CTX, "Cytokines and inflammatory markers"),
    "counts": QT_TRANSLATE_NOOP(CTX, "Blood counts"),
    "grades": QT_TRANSLATE_NOOP(CTX, "CRS / ICANS grades, ICE / CAPD"),
}

# Short left-axis titles (kept narrow: the axes share one width so the panels line up).
PANEL_AXIS_TITLES: dict[str, str] = {
    "events": QT_TRANSLATE_NOOP(CTX, "Rx"),
    "temperature": QT_TRANSLATE_NOOP(CTX, "Temp"),
    "hemodynamics": QT_TRANSLATE_NOOP(CTX, "BP · HR"),
    "oxygen": QT_TRANSLATE_NOOP(CTX, "SpO2"),
    "labs": QT_TRANSLATE_NOOP(CTX, "labs"),
    "counts": QT_TRANSLATE_NOOP(CTX, "counts"),
    "grades": QT_TRANSLATE_NOOP(CTX, "ICE"),
}

# UCUM code → the symbol shown (not translated: units are international).
UNIT_SYMBOLS: dict[str, str] = {
    "Cel": "°C",
    "[degF]": "°F",
    "mm[Hg]": "mmHg",
    "/min": "/min",
    "%": "%",
    "L/min": "L/min",
    "ug/min": "µg/min",
    "ug/kg/min": "µg/kg/min",
    "10*9/L": "×10⁹/L",
    "10*3/uL": "×10³/µL",
    "umol/L": "µmol/L",
    "cells/uL": "cells/µL",
    "copies/ug DNA": "copies/µg DNA",
    "mg/L{FEU}": "mg/L FEU",
    "{score}": "",
    "{level}": "",
}


def unit_symbol(ucum: str) -> str:
    return UNIT_SYMBOLS.get(ucum, ucum)


def series_name(code: str, analyte: Analyte | None = None) -> str:
    if analyte is not None:
        return tr(ANALYTE_NAMES.get(analyte, analyte.value))
    return tr(SERIES_NAMES.get(code, code))
