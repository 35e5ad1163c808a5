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
