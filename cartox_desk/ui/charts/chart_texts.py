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
    SeriesCode.TEMPERATURE: QT_TRANSLATE_NOOP("TrendChartsWidget", "temperature"),
    SeriesCode.HEART_RATE: QT_TRANSLATE_NOOP("TrendChartsWidget", "HR"),
    SeriesCode.SYSTOLIC_BP: QT_TRANSLATE_NOOP("TrendChartsWidget", "SBP"),
    SeriesCode.DIASTOLIC_BP: QT_TRANSLATE_NOOP("TrendChartsWidget", "DBP"),
    SeriesCode.MEAN_BP: QT_TRANSLATE_NOOP("TrendChartsWidget", "MAP"),
    SeriesCode.RESPIRATORY_RATE: QT_TRANSLATE_NOOP("TrendChartsWidget", "RR"),
    SeriesCode.SPO2: QT_TRANSLATE_NOOP("TrendChartsWidget", "SpO2"),
    SeriesCode.NE_EQUIVALENT: QT_TRANSLATE_NOOP("TrendChartsWidget", "NE-eq."),
    SeriesCode.OXYGEN_LEVEL: QT_TRANSLATE_NOOP("TrendChartsWidget", "O2 support"),
    SeriesCode.OXYGEN_FLOW: QT_TRANSLATE_NOOP("TrendChartsWidget", "O2 flow"),
    SeriesCode.ICE: QT_TRANSLATE_NOOP("TrendChartsWidget", "ICE"),
    SeriesCode.CAPD: QT_TRANSLATE_NOOP("TrendChartsWidget", "CAPD"),
}

ANALYTE_NAMES: dict[Analyte, str] = {
    Analyte.IL6: QT_TRANSLATE_NOOP("TrendChartsWidget", "IL-6"),
    Analyte.IFN_GAMMA: QT_TRANSLATE_NOOP("TrendChartsWidget", "IFN-γ"),
    Analyte.IL10: QT_TRANSLATE_NOOP("TrendChartsWidget", "IL-10"),
    Analyte.CRP: QT_TRANSLATE_NOOP("TrendChartsWidget", "CRP"),
    Analyte.FERRITIN: QT_TRANSLATE_NOOP("TrendChartsWidget", "ferritin"),
    Analyte.FIBRINOGEN: QT_TRANSLATE_NOOP("TrendChartsWidget", "fibrinogen"),
    Analyte.LDH: QT_TRANSLATE_NOOP("TrendChartsWidget", "LDH"),
    Analyte.PLATELETS: QT_TRANSLATE_NOOP("TrendChartsWidget", "PLT"),
    Analyte.ANC: QT_TRANSLATE_NOOP("TrendChartsWidget", "ANC"),
    Analyte.WBC: QT_TRANSLATE_NOOP("TrendChartsWidget", "WBC"),
    Analyte.LYMPHOCYTES_PCT: QT_TRANSLATE_NOOP("TrendChartsWidget", "lymphocytes"),
    Analyte.HEMOGLOBIN: QT_TRANSLATE_NOOP("TrendChartsWidget", "Hb"),
    Analyte.ALT: QT_TRANSLATE_NOOP("TrendChartsWidget", "ALT"),
    Analyte.AST: QT_TRANSLATE_NOOP("TrendChartsWidget", "AST"),
    Analyte.TRIGLYCERIDES: QT_TRANSLATE_NOOP("TrendChartsWidget", "triglycerides"),
    Analyte.CREATININE: QT_TRANSLATE_NOOP("TrendChartsWidget", "creatinine"),
    Analyte.D_DIMER: QT_TRANSLATE_NOOP("TrendChartsWidget", "D-dimer"),
    Analyte.IGG: QT_TRANSLATE_NOOP("TrendChartsWidget", "IgG"),
    Analyte.SIL2R: QT_TRANSLATE_NOOP("TrendChartsWidget", "sIL-2R"),
    Analyte.MCP1: QT_TRANSLATE_NOOP("TrendChartsWidget", "MCP-1"),
    Analyte.TNF_ALPHA: QT_TRANSLATE_NOOP("TrendChartsWidget", "TNF-α"),
    Analyte.CAR_T_COPIES: QT_TRANSLATE_NOOP("TrendChartsWidget", "CAR-T copies"),
    Analyte.CAR_POSITIVE_CELLS: QT_TRANSLATE_NOOP("TrendChartsWidget", "CAR+ cells"),
    Analyte.B_CELLS: QT_TRANSLATE_NOOP("TrendChartsWidget", "B cells"),
    Analyte.CD4: QT_TRANSLATE_NOOP("TrendChartsWidget", "CD4"),
}

MARKER_NAMES: dict[MarkerKind, str] = {
    MarkerKind.ANTIPYRETIC: QT_TRANSLATE_NOOP("TrendChartsWidget", "antipyretic"),
    MarkerKind.FLUID_BOLUS: QT_TRANSLATE_NOOP("TrendChartsWidget", "fluid bolus"),
    MarkerKind.TOCILIZUMAB: QT_TRANSLATE_NOOP("TrendChartsWidget", "tocilizumab"),
    MarkerKind.STEROID: QT_TRANSLATE_NOOP("TrendChartsWidget", "steroid"),
    MarkerKind.ANAKINRA: QT_TRANSLATE_NOOP("TrendChartsWidget", "anakinra"),
    MarkerKind.SILTUXIMAB: QT_TRANSLATE_NOOP("TrendChartsWidget", "siltuximab"),
    MarkerKind.ICU_TRANSFER: QT_TRANSLATE_NOOP("TrendChartsWidget", "ICU transfer"),
    MarkerKind.INTUBATION: QT_TRANSLATE_NOOP("TrendChartsWidget", "intubation"),
    MarkerKind.CRRT: QT_TRANSLATE_NOOP("TrendChartsWidget", "blood purification (CRRT)"),
    MarkerKind.PLASMA_EXCHANGE: QT_TRANSLATE_NOOP("TrendChartsWidget", "plasma exchange"),
    MarkerKind.ICE_UNABLE: QT_TRANSLATE_NOOP("TrendChartsWidget", "ICE not possible"),
    MarkerKind.CAPD_UNABLE: QT_TRANSLATE_NOOP("TrendChartsWidget", "CAPD not possible"),
}

# Short tags printed beside the event symbols.
MARKER_TAGS: dict[MarkerKind, str] = {
    MarkerKind.ICU_TRANSFER: QT_TRANSLATE_NOOP("TrendChartsWidget", "ICU"),
    MarkerKind.INTUBATION: QT_TRANSLATE_NOOP("TrendChartsWidget", "intub."),
    MarkerKind.CRRT: QT_TRANSLATE_NOOP("TrendChartsWidget", "CRRT"),
    MarkerKind.PLASMA_EXCHANGE: QT_TRANSLATE_NOOP("TrendChartsWidget", "PE"),
    MarkerKind.ANAKINRA: QT_TRANSLATE_NOOP("TrendChartsWidget", "ANK"),
    MarkerKind.SILTUXIMAB: QT_TRANSLATE_NOOP("TrendChartsWidget", "SIL"),
}

VASOPRESSOR_NAMES: dict[str, str] = {
    "norepinephrine": QT_TRANSLATE_NOOP("TrendChartsWidget", "norepinephrine"),
    "epinephrine": QT_TRANSLATE_NOOP("TrendChartsWidget", "epinephrine"),
    "phenylephrine": QT_TRANSLATE_NOOP("TrendChartsWidget", "phenylephrine"),
    "dopamine": QT_TRANSLATE_NOOP("TrendChartsWidget", "dopamine"),
    "vasopressin": QT_TRANSLATE_NOOP("TrendChartsWidget", "vasopressin"),
}

DRUG_NAMES: dict[str, str] = {
    "dexamethasone": QT_TRANSLATE_NOOP("TrendChartsWidget", "dexamethasone"),
    "methylprednisolone": QT_TRANSLATE_NOOP("TrendChartsWidget", "methylprednisolone"),
}

OXYGEN_SHORT: dict[str, str] = {
    OxygenDevice.ROOM_AIR: QT_TRANSLATE_NOOP("TrendChartsWidget", "RA"),
    OxygenDevice.BLOW_BY: QT_TRANSLATE_NOOP("TrendChartsWidget", "blow-by"),
    OxygenDevice.NASAL_CANNULA: QT_TRANSLATE_NOOP("TrendChartsWidget", "NC"),
    OxygenDevice.FACE_MASK: QT_TRANSLATE_NOOP("TrendChartsWidget", "mask"),
    OxygenDevice.NON_REBREATHER: QT_TRANSLATE_NOOP("TrendChartsWidget", "NRB"),
    OxygenDevice.VENTURI: QT_TRANSLATE_NOOP("TrendChartsWidget", "Venturi"),
    OxygenDevice.CPAP: QT_TRANSLATE_NOOP("TrendChartsWidget", "CPAP"),
    OxygenDevice.BIPAP: QT_TRANSLATE_NOOP("TrendChartsWidget", "BiPAP"),
    OxygenDevice.MECHANICAL_VENTILATION: QT_TRANSLATE_NOOP("TrendChartsWidget", "ventilated"),
}

OXYGEN_LEVEL_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TrendChartsWidget", "room air"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "low-flow"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "high-flow / mask"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "positive pressure"),
)
OXYGEN_LEVEL_TICKS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TrendChartsWidget", "RA"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "LF"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "HF"),
    QT_TRANSLATE_NOOP("TrendChartsWidget", "PP"),
)

PANEL_NAMES: dict[str, str] = {
    "events": QT_TRANSLATE_NOOP("TrendChartsWidget", "Treatments and interventions"),
    "temperature": QT_TRANSLATE_NOOP("TrendChartsWidget", "Temperature"),
    "hemodynamics": QT_TRANSLATE_NOOP("TrendChartsWidget", "Blood pressure, heart rate, vasopressors"),
    "oxygen": QT_TRANSLATE_NOOP("TrendChartsWidget", "Oxygen support and SpO2"),
    "labs": QT_TRANSLATE_NOOP("TrendChartsWidget", "Cytokines and inflammatory markers"),
    "counts": QT_TRANSLATE_NOOP("TrendChartsWidget", "Blood counts"),
    "grades": QT_TRANSLATE_NOOP("TrendChartsWidget", "CRS / ICANS grades, ICE / CAPD"),
}

# Short left-axis titles (kept narrow: the axes share one width so the panels line up).
PANEL_AXIS_TITLES: dict[str, str] = {
    "events": QT_TRANSLATE_NOOP("TrendChartsWidget", "Rx"),
    "temperature": QT_TRANSLATE_NOOP("TrendChartsWidget", "Temp"),
    "hemodynamics": QT_TRANSLATE_NOOP("TrendChartsWidget", "BP · HR"),
    "oxygen": QT_TRANSLATE_NOOP("TrendChartsWidget", "SpO2"),
    "labs": QT_TRANSLATE_NOOP("TrendChartsWidget", "labs"),
    "counts": QT_TRANSLATE_NOOP("TrendChartsWidget", "counts"),
    "grades": QT_TRANSLATE_NOOP("TrendChartsWidget", "ICE"),
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
