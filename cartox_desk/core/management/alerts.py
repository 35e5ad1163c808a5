"""Alerts and escalation checks (clinical-rules §1 rule 9, §4, §8): codes + params + severity + source.

Readings where the spec gives no time window:
- a fever is "current" when a temperature >= 38.0 °C was recorded in the last 24 h (the 24 h fever-free
  span that ends a CRS episode, clinical-rules §0);
- a fever "persists" as long as consecutive fever readings are less than 24 h apart (same rule);
- "24 h after treatment" uses the latest CRS treatment (anti-IL-6, steroid, anakinra) given at least 24 h
  ago, compared with the last recorded CRS grade at or before it; "worse" uses the latest treatment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cartox_desk.core.clinical_time import day_number
from cartox_desk.core.management.context import (
    ANTI_IL6,
    CRS_TREATMENTS,
    STEROIDS,
    Analyte,
    ManagementContext,
    Temperature,
)
from cartox_desk.core.management.model import Alert, NotAssessable, Severity, TocilizumabDose, params
from cartox_desk.core.rules import FEVER_THRESHOLD_C

FEVER_C = FEVER_THRESHOLD_C  # one fever threshold for grading and alerts (core.rules)
FEVER_GAP_H = 24
FEVER_WORKUP_DAYS = 21
FEVER_WORKUP_SOURCE = "REVIEW-2022 §1.3"
HLH_FERRITIN_NG_ML = 10_000.0
HLH_FERRITIN_SOURCE = "REVIEW-2022 §1.3"
HLH_12H_SOURCE = "CSCO-2024 §2.9.1"
HLH_AFTER_FIRST_LINE_H = 12
EXPANSION_SOURCE = "CSCO-2024 §4.10"
WBC_AT_LEAST = 10.0  # 10^9/L
LYMPHOCYTE_PCT_AT_LEAST = 70.0
CAR_POSITIVE_ABOVE = 600.0  # cells/uL
HYPOGAMMA_SOURCE = "CSCO-2024 §4.6"
IGG_AT_MOST_MG_DL = 400.0
B_CELLS_BELOW_UL = 61.0


def fever_readings(ctx: ManagementContext) -> list[Temperature]:
    return [t for t in ctx.temperatures_until_now() if t.celsius >= FEVER_C]


def current_fever_run(ctx: ManagementContext) -> tuple[datetime, datetime] | None:
    """(first, last) fever reading of the fever still going on, or None when no fever in the last 24 h."""
    fevers = fever_readings(ctx)
    if not fevers or ctx.now - fevers[-1].at > timedelta(hours=FEVER_GAP_H):
        return None
    first = fevers[-1].at
    for earlier in reversed(fevers[:-1]):
        if first - earlier.at >= timedelta(hours=FEVER_GAP_H):
            break
        first = earlier.at
    return first, fevers[-1].at


def fever_persisting(ctx: ManagementContext, days: float) -> bool | None:
    """Fever going on for more than `days` (None when no temperature is recorded)."""
    if not ctx.temperatures_until_now():
        return None
    run = current_fever_run(ctx)
    return run is not None and run[1] - run[0] > timedelta(days=days)


def fever_workup(ctx: ManagementContext) -> Alert | None:
    """A current fever within 21 days of infusion: suspect CRS, exclude infection, sepsis, TLS, HLH/MAS."""
    if ctx.infusion_at is None:
        return None
    run = current_fever_run(ctx)
    if run is None:
        return None
    day = day_number(run[1], ctx.infusion_at, ctx.zone)
    if 0 <= day <= FEVER_WORKUP_DAYS:
        return Alert("fever.within_21d", FEVER_WORKUP_SOURCE, Severity.WARNING, params(day=day, since=run[0]))
    return None


@dataclass(frozen=True, slots=True)
class Escalation:
    status: str  # "not_improved" | "worse"
    grade_at_treatment: int
    treatment_at: datetime


def crs_escalation(ctx: ManagementContext, hours: float) -> Escalation | None:
    """CRS not improved `hours` after treatment, or worse than when treated (CSCO-2024 §4.1.2 notes)."""
    current = ctx.crs_grade
    if current is None or current == 0:
        return None
    treatments = ctx.given(CRS_TREATMENTS)
    if not treatments:
        return None
    history = sorted((p for p in ctx.grade_history if p.crs is not None), key=lambda p: p.at)

    def grade_at(at: datetime) -> int | None:
        before = [p.crs for p in history if p.at <= at]
        return before[-1] if before else None

    latest = treatments[-1]
    g = grade_at(latest.at)
    if g is not None and current > g:
        return Escalation("worse", g, latest.at)
    old = [t for t in treatments if ctx.now - t.at >= timedelta(hours=hours)]
    if old:
        g = grade_at(old[-1].at)
        if g is not None and g >= 1 and current >= g:
            return Escalation("not_improved", g, old[-1].at)
    return None


def hlh_alerts(ctx: ManagementContext) -> list[Alert]:
    out = []
    ferritin = ctx.latest(Analyte.FERRITIN)
    if ferritin is not None and ferritin.value > HLH_FERRITIN_NG_ML:
        out.append(Alert("hlh.ferritin", HLH_FERRITIN_SOURCE, Severity.WARNING,
                         params(ferritin_ng_ml=ferritin.value, at=ferritin.at, threshold=HLH_FERRITIN_NG_ML)))
    first_line = ctx.given(ANTI_IL6 | STEROIDS)
    if first_line:
        t0 = first_line[0].at
        due = t0 + timedelta(hours=HLH_AFTER_FIRST_LINE_H)
        run = current_fever_run(ctx)
        if run is not None and run[1] >= due:
            out.append(Alert("hlh.persistent_fever_12h", HLH_12H_SOURCE, Severity.WARNING,
                             params(first_line_at=t0, fever_at=run[1])))
        if ctx.end_organ_toxicity and ctx.now >= due:
            out.append(Alert("hlh.end_organ_12h", HLH_12H_SOURCE, Severity.WARNING, params(first_line_at=t0)))
    return out


def tocilizumab_alerts(dose: TocilizumabDose, source_24h: str, source_total: str) -> list[Alert]:
    """A refusal is urgent (the dose must not be offered); reaching the last allowed dose is a warning."""
    out = []
    p = params(doses_given=dose.doses_given, max_doses_total=dose.max_doses_total,
               doses_in_last_24h=dose.doses_in_last_24h, max_doses_24h=dose.max_doses_24h,
               min_interval_h=dose.min_interval_h, last_dose_at=dose.last_dose_at,
               next_allowed_at=dose.next_allowed_at)
    for refusal in dose.refusals:
        src = {"max_total": source_total, "24h_limit": source_24h}.get(refusal, dose.source)
        out.append(Alert(f"tocilizumab.refused.{refusal}", src,
                         Severity.WARNING if refusal == "no_weight" else Severity.URGENT, p))
    if dose.refusal is None:
        if dose.dose_number == dose.max_doses_total:
            out.append(Alert("tocilizumab.last_allowed_dose", source_total, Severity.WARNING, p))
        if dose.doses_in_last_24h + 1 == dose.max_doses_24h:
            out.append(Alert("tocilizumab.last_dose_in_24h", source_24h, Severity.WARNING, p))
    if dose.capped:
        out.append(Alert("tocilizumab.capped", dose.source, Severity.INFO,
                         params(uncapped_mg=dose.uncapped_mg, max_mg=dose.max_mg_per_dose)))
    return out


def abnormal_expansion(ctx: ManagementContext) -> Alert | NotAssessable | None:
    """WBC >= 10 x 10^9/L and lymphocytes >= 70 % and CAR+ T cells > 600/uL (latest values)."""
    wbc, lym, car = (ctx.latest(a)
                     for a in (Analyte.WBC, Analyte.LYMPHOCYTES_PCT, Analyte.CAR_POSITIVE_CELLS))
    missing = tuple(n for n, v in (("wbc", wbc), ("lymphocyte_pct", lym), ("car_positive", car)) if v is None)
    if wbc is None or lym is None or car is None:
        return NotAssessable("expansion.abnormal", EXPANSION_SOURCE, missing)
    if wbc.value >= WBC_AT_LEAST and lym.value >= LYMPHOCYTE_PCT_AT_LEAST and car.value > CAR_POSITIVE_ABOVE:
        return Alert("expansion.abnormal", EXPANSION_SOURCE, Severity.WARNING,
                     params(wbc_1e9_l=wbc.value, lymphocyte_pct=lym.value, car_positive_ul=car.value))
    return None


def hypogamma_alerts(ctx: ManagementContext) -> list[Alert]:
    out = []
    igg = ctx.latest(Analyte.IGG)
    if igg is not None and igg.value <= IGG_AT_MOST_MG_DL:
        out.append(Alert("hypogamma.igg_low", HYPOGAMMA_SOURCE, Severity.INFO,
                         params(igg_mg_dl=igg.value, at=igg.at, threshold=IGG_AT_MOST_MG_DL)))
    b = ctx.latest(Analyte.B_CELLS)
    if b is not None and b.value < B_CELLS_BELOW_UL:
        out.append(Alert("hypogamma.b_cell_aplasia", HYPOGAMMA_SOURCE, Severity.INFO,
                         params(b_cells_ul=b.value, at=b.at, threshold=B_CELLS_BELOW_UL)))
    return out
