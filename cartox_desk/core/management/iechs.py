"""IEC-HS: grade descriptions (CSCO-2024 §4.3.2) and the screening prompt (clinical-rules §8.1).

The physician confirms IEC-HS and records its grade; the app only describes the grades, lists the
treatment lines (protocol section "iechs") and raises a screening prompt, never a diagnosis.
"""

from __future__ import annotations

from datetime import timedelta

from cartox_desk.core.management.alerts import HLH_FERRITIN_NG_ML
from cartox_desk.core.management.context import Analyte, ManagementContext
from cartox_desk.core.management.model import Alert, NotAssessable, Severity, params
from cartox_desk.core.records import IECHS_GRADES, IECHS_RESOLVED

GRADE_SOURCE = "CSCO-2024 §4.3.2"
SCREEN_SOURCE = "CSCO-2024 §4.3; REVIEW-2022 §1.3; HLH-2004; CTCAE v5.0 (clinical-rules §8.1)"
GRADES = tuple(g for g in IECHS_GRADES if g != IECHS_RESOLVED)  # the §4.3.2 grades 1-5, one table
WINDOW_H = 72
FERRITIN_HIGH_NG_ML = HLH_FERRITIN_NG_ML  # REVIEW-2022 §1.3, one number for the HLH prompts
ANC_BELOW = 0.5  # 10^9/L
PLATELETS_BELOW = 25.0  # 10^9/L
FIBRINOGEN_BELOW = 150.0  # mg/dL
TRANSAMINASE_X_ULN = 5.0


def grade_codes() -> tuple[str, ...]:
    """Text codes of the grade descriptions, "iechs.grade.1" ... "iechs.grade.5"."""
    return tuple(f"iechs.grade.{g}" for g in GRADES)


def screen(ctx: ManagementContext) -> Alert | NotAssessable | None:
    """Screening prompt: within 72 h, ferritin > 10,000 ng/mL together with at least one of ANC < 0.5,
    platelets < 25 (10^9/L), fibrinogen < 150 mg/dL, ALT or AST > 5 x ULN.

    Readings: "ferritin rising quickly" has no number in the spec and is not used; "new or worsening"
    cytopenia is taken as present in the window (the physician judges whether it is new).
    """
    start = ctx.now - timedelta(hours=WINDOW_H)

    def window(analyte: Analyte) -> list[float]:
        return [v.value for v in ctx.labs_of(analyte) if v.at >= start]

    ferritin = window(Analyte.FERRITIN)
    if not ferritin:
        return NotAssessable("iechs.screen", SCREEN_SOURCE, ("ferritin_72h",))
    fmax = max(ferritin)
    if fmax <= FERRITIN_HIGH_NG_ML:
        return None
    found: list[str] = []
    seen_any = False
    checks = ((Analyte.ANC, ANC_BELOW, "anc"), (Analyte.PLATELETS, PLATELETS_BELOW, "platelets"),
              (Analyte.FIBRINOGEN, FIBRINOGEN_BELOW, "fibrinogen"))
    for analyte, below, name in checks:
        values = window(analyte)
        seen_any = seen_any or bool(values)
        if values and min(values) < below:
            found.append(name)
    for analyte in (Analyte.ALT, Analyte.AST):
        for v in ctx.labs_of(analyte):
            if v.at >= start and v.uln is not None and v.uln > 0:
                seen_any = True
                if v.value > TRANSAMINASE_X_ULN * v.uln:
                    found.append(analyte.value)
                    break
    if found:
        return Alert("iechs.screen", SCREEN_SOURCE, Severity.WARNING,
                     params(ferritin_ng_ml=fmax, criteria=",".join(found)))
    if not seen_any:
        return NotAssessable("iechs.screen", SCREEN_SOURCE, ("anc,platelets,fibrinogen,alt_ast_uln_72h",))
    return None
