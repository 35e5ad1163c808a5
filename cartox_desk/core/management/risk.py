"""Risk flags (clinical-rules §9): shown with their sources, never as a grade.

Factors the spec names without a cut-off (high BMI, high LDH, low platelets, early/severe CRS, high CAR-T
dose / peak expansion, hypophosphatemia) are shown as values ("value") or "not_assessable", never flagged.

Unit conversions (formulas use conventional units; canonical units are converted, never re-typed):
- EASIX uses creatinine in mg/dL: canonical umol/L / 88.4 (umol/L per mg/dL).
- m-EASIX uses CRP in mg/dL: canonical mg/L / 10.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cartox_desk.core.clinical_time import day_number
from cartox_desk.core.management.context import (
    Analyte,
    Costim,
    Diagnosis,
    LabValue,
    ManagementContext,
)
from cartox_desk.core.management.model import Flag, FlagStatus, params

CREATININE_UMOL_PER_MG_DL = 88.4
CRP_MG_L_PER_MG_DL = 10.0

GUST_SOURCE = "REVIEW-2022 §2.1"
GUST_WINDOW_H = 36
GUST_FEVER_C = 38.9
GUST_IL6_PG_ML = 16.0
GUST_MCP1_PG_ML = 1343.5
ICANS_SOURCE = "ICANS-2025"
CRS_SOURCE = "REVIEW-2022 §1.1"
EASIX_SOURCE = "Pennisi M et al., Blood Adv 2021; Korell F et al., 2022 (clinical-rules §9)"
EASIX_CUTOFF = 4.67
MEASIX_SOURCE = "Pennisi M et al., Blood Adv 2021; ICANS-2025"
AGE_OVER = 60
B_ALL_HIGH_BURDEN_BLASTS_PCT = 40.0  # CSCO-2024 §4.2.2 notes: "high tumour burden (marrow blasts >= 40 %)"
FERRITIN_RISING_WINDOW_H = 72


def easix(ldh_u_l: float, creatinine_umol_l: float, platelets_1e9_l: float) -> float | None:
    """EASIX = LDH (U/L) x creatinine (mg/dL) / platelets (10^9/L); None when platelets are 0."""
    if platelets_1e9_l <= 0:
        return None
    return ldh_u_l * (creatinine_umol_l / CREATININE_UMOL_PER_MG_DL) / platelets_1e9_l


def m_easix(ldh_u_l: float, crp_mg_l: float, platelets_1e9_l: float) -> float | None:
    """m-EASIX = LDH (U/L) x CRP (mg/dL) / platelets (10^9/L); None when platelets are 0."""
    if platelets_1e9_l <= 0:
        return None
    return ldh_u_l * (crp_mg_l / CRP_MG_L_PER_MG_DL) / platelets_1e9_l


def _tri(status: bool | None) -> FlagStatus:
    if status is None:
        return FlagStatus.NOT_ASSESSABLE
    return FlagStatus.PRESENT if status else FlagStatus.ABSENT


def gust(ctx: ManagementContext) -> Flag:
    """Fever >= 38.9 °C within 36 h of infusion AND IL-6 >= 16 pg/mL AND MCP-1 >= 1343.5 pg/mL.

    Reading: IL-6 and MCP-1 are taken, like the fever, within the first 36 h (the tree's time frame); the
    highest value counts. Absent only when the 36 h window is over and one criterion is known to fail.
    """
    code = "risk.gust_high"
    if ctx.infusion_at is None:
        return Flag(code, GUST_SOURCE, FlagStatus.NOT_ASSESSABLE, params(missing="infusion_at"))
    start, end = ctx.infusion_at, ctx.infusion_at + timedelta(hours=GUST_WINDOW_H)
    temps = [t.celsius for t in ctx.temperatures if start <= t.at <= end and t.at <= ctx.now]
    il6 = [v.value for v in ctx.labs_of(Analyte.IL6) if start <= v.at <= end]
    mcp1 = [v.value for v in ctx.labs_of(Analyte.MCP1) if start <= v.at <= end]
    tmax = max(temps, default=None)
    il6max = max(il6, default=None)
    mcp1max = max(mcp1, default=None)
    p = params(tmax_c=tmax, il6_pg_ml=il6max, mcp1_pg_ml=mcp1max)
    met = [tmax is not None and tmax >= GUST_FEVER_C, il6max is not None and il6max >= GUST_IL6_PG_ML,
           mcp1max is not None and mcp1max >= GUST_MCP1_PG_ML]
    if all(met):
        return Flag(code, GUST_SOURCE, FlagStatus.PRESENT, p)
    known_fail = ((tmax is not None and not met[0]) or (il6max is not None and not met[1])
                  or (mcp1max is not None and not met[2]))
    if known_fail and ctx.now >= end:
        return Flag(code, GUST_SOURCE, FlagStatus.ABSENT, p)
    missing = [n for n, v in (("temperature", tmax), ("il6", il6max), ("mcp1", mcp1max)) if v is None]
    return Flag(code, GUST_SOURCE, FlagStatus.NOT_ASSESSABLE, (*p, ("missing", ",".join(missing))))


def _before(series: tuple[LabValue, ...], limit: datetime | None) -> LabValue | None:
    if limit is None:
        return None
    earlier = [v for v in series if v.at <= limit]
    return earlier[-1] if earlier else None


def easix_flag(ctx: ManagementContext) -> Flag:
    """EASIX > 4.67 before lymphodepletion (latest LDH, creatinine and platelets at or before its start)."""
    code = "risk.easix"
    ld = ctx.lymphodepletion_at
    ldh = _before(ctx.labs_of(Analyte.LDH), ld)
    cr = _before(ctx.labs_of(Analyte.CREATININE), ld)
    plt = _before(ctx.labs_of(Analyte.PLATELETS), ld)
    if ld is None or ldh is None or cr is None or plt is None:
        missing = [n for n, v in (("lymphodepletion_at", ld), ("ldh", ldh), ("creatinine", cr),
                                  ("platelets", plt)) if v is None]
        return Flag(code, EASIX_SOURCE, FlagStatus.NOT_ASSESSABLE, params(missing=",".join(missing)))
    value = easix(ldh.value, cr.value, plt.value)
    if value is None:
        return Flag(code, EASIX_SOURCE, FlagStatus.NOT_ASSESSABLE, params(missing="platelets_nonzero"))
    # Rounded to 9 places so float noise at exactly 4.67 does not decide the flag.
    status = FlagStatus.PRESENT if round(value, 9) > EASIX_CUTOFF else FlagStatus.ABSENT
    return Flag(code, EASIX_SOURCE, status,
                params(value=round(value, 2), cutoff=EASIX_CUTOFF, ldh_u_l=ldh.value,
                       creatinine_mg_dl=round(cr.value / CREATININE_UMOL_PER_MG_DL, 2),
                       platelets_1e9_l=plt.value))


def m_easix_series(ctx: ManagementContext) -> list[tuple[datetime, float]]:
    """m-EASIX on each calendar day with LDH, CRP and platelets (the day's latest of each)."""
    by_day: dict[object, dict[Analyte, LabValue]] = {}
    for analyte in (Analyte.LDH, Analyte.CRP, Analyte.PLATELETS):
        for v in ctx.labs_of(analyte):
            by_day.setdefault(v.at.date(), {})[analyte] = v
    out = []
    for day in sorted(by_day, key=str):
        vals = by_day[day]
        if len(vals) == 3:
            value = m_easix(vals[Analyte.LDH].value, vals[Analyte.CRP].value, vals[Analyte.PLATELETS].value)
            if value is not None:
                out.append((max(v.at for v in vals.values()), value))
    return out


def m_easix_flag(ctx: ManagementContext) -> Flag:
    """m-EASIX value and trend only: no adopted cut-off, never a flag."""
    series = m_easix_series(ctx)
    if not series:
        return Flag("risk.m_easix", MEASIX_SOURCE, FlagStatus.NOT_ASSESSABLE,
                    params(missing="ldh,crp,platelets"))
    at, value = series[-1]
    previous = series[-2][1] if len(series) > 1 else None
    trend = "" if previous is None else "up" if value > previous else "down" if value < previous else "flat"
    return Flag("risk.m_easix", MEASIX_SOURCE, FlagStatus.VALUE,
                params(value=round(value, 2), at=at,
                       previous=None if previous is None else round(previous, 2), trend=trend))


def ferritin_rising(ctx: ManagementContext) -> Flag:
    """Ferritin rising within 72 h: the latest value of the last 72 h above the earliest one."""
    start = ctx.now - timedelta(hours=FERRITIN_RISING_WINDOW_H)
    values = [v for v in ctx.labs_of(Analyte.FERRITIN) if v.at >= start]
    code = "risk.ferritin_rising"
    if len(values) < 2:
        return Flag(code, ICANS_SOURCE, FlagStatus.NOT_ASSESSABLE, params(missing="ferritin_2_values_72h"))
    rising = values[-1].value > values[0].value
    return Flag(code, ICANS_SOURCE, _tri(rising), params(first=values[0].value, latest=values[-1].value))


def _pre_infusion_value(ctx: ManagementContext, analyte: Analyte) -> LabValue | None:
    return _before(ctx.labs_of(analyte), ctx.infusion_at)


def flags(ctx: ManagementContext) -> tuple[Flag, ...]:
    out = [gust(ctx)]
    age = ctx.age_years
    out.append(Flag("risk.age_over_60", ICANS_SOURCE, _tri(None if age is None else age > AGE_OVER),
                    params(age_years=age, over=AGE_OVER)))
    out.append(Flag("risk.bmi", ICANS_SOURCE,
                    FlagStatus.NOT_ASSESSABLE if ctx.bmi_kg_m2 is None else FlagStatus.VALUE,
                    params(bmi_kg_m2=ctx.bmi_kg_m2)))
    out.append(Flag("risk.neurological_history", ICANS_SOURCE, _tri(ctx.neurological_history)))
    ldh = _pre_infusion_value(ctx, Analyte.LDH)
    out.append(Flag("risk.ldh_before_infusion", ICANS_SOURCE,
                    FlagStatus.NOT_ASSESSABLE if ldh is None else FlagStatus.VALUE,
                    params(ldh_u_l=None if ldh is None else ldh.value, at=None if ldh is None else ldh.at)))
    plt = _pre_infusion_value(ctx, Analyte.PLATELETS)
    out.append(Flag("risk.platelets_before_infusion", f"{ICANS_SOURCE}; {CRS_SOURCE}",
                    FlagStatus.NOT_ASSESSABLE if plt is None else FlagStatus.VALUE,
                    params(platelets_1e9_l=None if plt is None else plt.value,
                           at=None if plt is None else plt.at)))
    out.append(ferritin_rising(ctx))
    out.append(_crs_history(ctx))
    costim = ctx.costim
    out.append(Flag("risk.cd28", ICANS_SOURCE, _tri(None if costim is None else costim == Costim.CD28)))
    out.append(Flag("risk.hypophosphatemia", ICANS_SOURCE, FlagStatus.NOT_ASSESSABLE,
                    params(missing="phosphate_and_cutoff")))
    out.append(easix_flag(ctx))
    out.append(m_easix_flag(ctx))
    out.append(_tumour_burden(ctx))
    car = ctx.labs_of(Analyte.CAR_POSITIVE_CELLS)
    out.append(Flag("risk.car_expansion_peak", CRS_SOURCE,
                    FlagStatus.NOT_ASSESSABLE if not car else FlagStatus.VALUE,
                    params(peak_cells_ul=max((v.value for v in car), default=None))))
    out.append(Flag("risk.flu_cy", CRS_SOURCE, _tri(ctx.lymphodepletion_flu_cy)))
    return tuple(out)


def _crs_history(ctx: ManagementContext) -> Flag:
    """Early or severe CRS: the worst CRS grade so far and the day it started (no cut-off: a value)."""
    points = [(p.at, p.crs) for p in ctx.grade_history if p.crs is not None and p.at <= ctx.now]
    if ctx.crs_grade is not None:
        points.append((ctx.now, ctx.crs_grade))
    if not points:
        return Flag("risk.crs_early_severe", ICANS_SOURCE, FlagStatus.NOT_ASSESSABLE,
                    params(missing="crs_grade"))
    worst = max(g for _, g in points)
    onset = min((at for at, g in points if g >= 1), default=None)
    onset_day = (None if onset is None or ctx.infusion_at is None
                 else day_number(onset, ctx.infusion_at, ctx.zone))
    return Flag("risk.crs_early_severe", ICANS_SOURCE, FlagStatus.VALUE,
                params(max_crs_grade=worst, onset_day=onset_day))


def _tumour_burden(ctx: ManagementContext) -> Flag:
    """High tumour burden: the physician's flag, or B-ALL with marrow blasts >= 40 % (CSCO-2024 §4.2.2)."""
    code = "risk.high_tumour_burden"
    source = f"{CRS_SOURCE}; CSCO-2024 §4.2.2 notes"
    blasts = ctx.marrow_blasts_pct
    p = params(marrow_blasts_pct=blasts)
    if ctx.high_tumour_burden is True:
        return Flag(code, source, FlagStatus.PRESENT, p)
    if ctx.diagnosis == Diagnosis.B_ALL and blasts is not None and blasts >= B_ALL_HIGH_BURDEN_BLASTS_PCT:
        return Flag(code, source, FlagStatus.PRESENT, p)
    if ctx.high_tumour_burden is False:
        return Flag(code, source, FlagStatus.ABSENT, p)
    return Flag(code, source, FlagStatus.NOT_ASSESSABLE, p)
