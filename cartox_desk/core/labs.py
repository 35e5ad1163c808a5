"""Laboratory analytes: LOINC code and canonical UCUM unit (clinical-rules §11).

Values are converted to the canonical unit on entry; the value and unit as entered are kept too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Analyte(StrEnum):
    IL6 = "il6"
    IFN_GAMMA = "ifn_gamma"
    IL10 = "il10"
    CRP = "crp"
    FERRITIN = "ferritin"
    FIBRINOGEN = "fibrinogen"
    LDH = "ldh"
    PLATELETS = "platelets"
    ANC = "anc"
    WBC = "wbc"
    LYMPHOCYTES_PCT = "lymphocytes_pct"
    HEMOGLOBIN = "hemoglobin"
    ALT = "alt"
    AST = "ast"
    TRIGLYCERIDES = "triglycerides"
    CREATININE = "creatinine"
    D_DIMER = "d_dimer"
    IGG = "igg"
    SIL2R = "sil2r"
    MCP1 = "mcp1"
    TNF_ALPHA = "tnf_alpha"
    CAR_T_COPIES = "car_t_copies"
    CAR_POSITIVE_CELLS = "car_positive_cells"
    B_CELLS = "b_cells"
    CD4 = "cd4"


@dataclass(frozen=True, slots=True)
class AnalyteInfo:
    analyte: Analyte
    loinc: str | None  # None: local code until a LOINC code is confirmed (clinical-rules §11)
    canonical_unit: str  # UCUM
    source: str = "clinical-rules §11"


# clinical-rules §11. WBC, lymphocyte %, B cells and CD4 are not in the §11 table but are needed for
# abnormal CAR-T expansion (§8, CSCO-2024 §4.10), B-cell aplasia (§8) and PCP prophylaxis (§7); they
# carry no LOINC code here until one is confirmed.
ANALYTES: dict[Analyte, AnalyteInfo] = {
    a.analyte: a
    for a in (
        AnalyteInfo(Analyte.IL6, "26881-3", "pg/mL"),
        AnalyteInfo(Analyte.IFN_GAMMA, "27415-9", "pg/mL"),
        AnalyteInfo(Analyte.IL10, "26848-2", "pg/mL"),
        AnalyteInfo(Analyte.CRP, "1988-5", "mg/L"),
        AnalyteInfo(Analyte.FERRITIN, "2276-4", "ng/mL"),
        AnalyteInfo(Analyte.FIBRINOGEN, "3255-7", "mg/dL"),
        AnalyteInfo(Analyte.LDH, "2532-0", "U/L"),
        AnalyteInfo(Analyte.PLATELETS, "777-3", "10*9/L"),
        AnalyteInfo(Analyte.ANC, "751-8", "10*9/L"),
        AnalyteInfo(Analyte.WBC, None, "10*9/L", "CSCO-2024 §4.10"),
        AnalyteInfo(Analyte.LYMPHOCYTES_PCT, None, "%", "CSCO-2024 §4.10"),
        AnalyteInfo(Analyte.HEMOGLOBIN, "718-7", "g/L"),
        AnalyteInfo(Analyte.ALT, "1742-6", "U/L"),
        AnalyteInfo(Analyte.AST, "1920-8", "U/L"),
        AnalyteInfo(Analyte.TRIGLYCERIDES, "2571-8", "mg/dL"),
        AnalyteInfo(Analyte.CREATININE, "2160-0", "umol/L"),
        AnalyteInfo(Analyte.D_DIMER, "48065-7", "mg/L{FEU}"),
        AnalyteInfo(Analyte.IGG, "2465-3", "mg/dL"),
        AnalyteInfo(Analyte.SIL2R, None, "U/mL"),
        AnalyteInfo(Analyte.MCP1, None, "pg/mL"),
        AnalyteInfo(Analyte.TNF_ALPHA, None, "pg/mL"),
        AnalyteInfo(Analyte.CAR_T_COPIES, None, "copies/ug DNA"),
        AnalyteInfo(Analyte.CAR_POSITIVE_CELLS, None, "cells/uL"),
        AnalyteInfo(Analyte.B_CELLS, None, "cells/uL", "CSCO-2024 §4.6"),
        AnalyteInfo(Analyte.CD4, None, "cells/uL", "CSCO-2024 §1.6.2"),
    )
}


# Units accepted on entry and the factor that converts each to the canonical unit (clinical-rules §11:
# "Chinese laboratories report platelets and ANC in 10^9/L, hemoglobin in g/L and creatinine in µmol/L; US
# ones in 10^3/µL, g/dL and mg/dL. Accept both"). canonical = value x factor. Spellings are matched after
# normalising case, spaces, "µ"/"μ" -> "u" and "^" -> "*", so "10^9/L", "10*9/L" and "G/L" all work.
_CELL_COUNT_UNITS = {"10*9/L": 1.0, "10^9/L": 1.0, "G/L": 1.0, "10*3/uL": 1.0, "10^3/µL": 1.0, "K/µL": 1.0}
UNIT_FACTORS: dict[Analyte, dict[str, float]] = {
    Analyte.PLATELETS: dict(_CELL_COUNT_UNITS),
    Analyte.ANC: dict(_CELL_COUNT_UNITS),
    Analyte.WBC: dict(_CELL_COUNT_UNITS),
    Analyte.HEMOGLOBIN: {"g/L": 1.0, "g/dL": 10.0},
    Analyte.CREATININE: {"umol/L": 1.0, "µmol/L": 1.0, "mg/dL": 88.4},
    Analyte.CRP: {"mg/L": 1.0, "mg/dL": 10.0},
    Analyte.FIBRINOGEN: {"mg/dL": 1.0, "g/L": 100.0},
    Analyte.IGG: {"mg/dL": 1.0, "g/L": 100.0},
    Analyte.FERRITIN: {"ng/mL": 1.0, "µg/L": 1.0, "ug/L": 1.0},
    Analyte.D_DIMER: {"mg/L{FEU}": 1.0, "mg/L": 1.0, "µg/mL{FEU}": 1.0, "ug/mL": 1.0},
}
"""Analyte -> {unit as people write it: factor to the canonical unit}. Canonical units need no entry."""


def normalise_unit(unit: str) -> str:
    return (unit.strip().replace(" ", "").replace("µ", "u").replace("μ", "u").replace("^", "*")
            .replace("×", "").replace("x10", "10").lower())


def accepted_units(analyte: Analyte) -> tuple[str, ...]:
    """The unit spellings accepted for ``analyte`` (canonical first)."""
    canonical = ANALYTES[analyte].canonical_unit
    seen = {normalise_unit(canonical)}
    out = [canonical]
    for unit in UNIT_FACTORS.get(analyte, {}):
        if normalise_unit(unit) not in seen:
            seen.add(normalise_unit(unit))
            out.append(unit)
    return tuple(out)


def to_canonical(analyte: Analyte | str, value: float, unit: str) -> float:
    """``value`` in ``unit`` converted to the canonical unit of clinical-rules §11.

    Raises ValueError naming the accepted units when ``unit`` is unknown for ``analyte``.
    """
    a = Analyte(analyte)
    canonical = ANALYTES[a].canonical_unit
    key = normalise_unit(unit)
    factors = {normalise_unit(u): f for u, f in UNIT_FACTORS.get(a, {}).items()}
    if key == normalise_unit(canonical):
        return float(value)
    if key in factors:
        return float(value) * factors[key]
    raise ValueError(f"{a.value}: unit {unit!r} is not accepted; use one of {', '.join(accepted_units(a))}")
