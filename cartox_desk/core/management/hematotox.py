"""CAR-HEMATOTOX (CSCO-2024 §4.5.1), scored on labs at lymphodepletion (day -5, +/- 3 days).

Boundaries the spec leaves open are scored on the safer side (the point is given):
ANC exactly 1.2 G/L -> 1; hemoglobin exactly 90 g/L -> 1; CRP exactly 30 mg/L -> 1.
Platelets 75 and 175 and ferritin 650 and 2000 lie inside the spec's closed middle bands (75-175 -> 1,
650-2000 -> 1). CRP is canonical mg/L, the unit of the CAR-HEMATOTOX threshold (no conversion).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from cartox_desk.core.clinical_time import local_date
from cartox_desk.core.management.context import Analyte, LabValue, ManagementContext
from cartox_desk.core.management.model import HematotoxScore

SOURCE = "CSCO-2024 §4.5.1"
REFERENCE_DAY = -5  # day -5 relative to infusion
TOLERANCE_DAYS = 3
HIGH_RISK_AT = 2  # low 0-1, high >= 2
ANALYTES = (Analyte.PLATELETS, Analyte.ANC, Analyte.HEMOGLOBIN, Analyte.CRP, Analyte.FERRITIN)


def points(analyte: Analyte, value: float) -> int:
    """Points for one value (units: platelets / ANC 10^9/L, hemoglobin g/L, CRP mg/L, ferritin ng/mL)."""
    if analyte == Analyte.PLATELETS:
        return 0 if value > 175 else 1 if value >= 75 else 2
    if analyte == Analyte.ANC:
        return 0 if value > 1.2 else 1
    if analyte == Analyte.HEMOGLOBIN:
        return 0 if value > 90 else 1
    if analyte == Analyte.CRP:
        return 0 if value < 30 else 1
    if analyte == Analyte.FERRITIN:
        return 0 if value < 650 else 1 if value <= 2000 else 2
    raise ValueError(f"{analyte} is not a CAR-HEMATOTOX item")


def score(values: dict[Analyte, float | None]) -> HematotoxScore:
    """Score the five items; a missing item is not guessed. High risk is reported as soon as the scored
    items reach 2 (missing items can only add points); otherwise missing items make it not assessable."""
    pts: list[tuple[str, int | None]] = []
    vals: list[tuple[str, float | None]] = []
    missing: list[str] = []
    total = 0
    for analyte in ANALYTES:
        v = values.get(analyte)
        vals.append((analyte.value, v))
        if v is None:
            pts.append((analyte.value, None))
            missing.append(analyte.value)
            continue
        p = points(analyte, v)
        pts.append((analyte.value, p))
        total += p
    if total >= HIGH_RISK_AT:
        risk = "high"
    elif missing:
        risk = "not_assessable"
    else:
        risk = "low"
    return HematotoxScore(score=total, points=tuple(pts), values=tuple(vals), risk=risk,
                          missing=tuple(missing))


def from_context(ctx: ManagementContext) -> HematotoxScore:
    """Pick, for each item, the value nearest day -5 within day -8..-2 (ties: the higher-scoring value).

    Days are calendar days relative to the infusion date; without an infusion time the window is the
    lymphodepletion start date +/- 3 days; without either, every item is missing.
    """
    ref: date | None = None
    tz: tzinfo | None = None
    if ctx.infusion_at is not None:
        tz = ctx.zone
        ref = date.fromordinal(local_date(ctx.infusion_at, tz).toordinal() + REFERENCE_DAY)
    elif ctx.lymphodepletion_at is not None:
        tz = ctx.tz or ctx.lymphodepletion_at.tzinfo
        ref = _local_date(ctx.lymphodepletion_at, tz)
    values: dict[Analyte, float | None] = {}
    for analyte in ANALYTES:
        values[analyte] = None if ref is None else _nearest(ctx.labs_of(analyte), ref, analyte, tz)
    return score(values)


def _nearest(series: tuple[LabValue, ...], ref: date, analyte: Analyte, tz: tzinfo | None) -> float | None:
    best: tuple[int, int, float] | None = None
    for v in series:
        distance = abs(_local_date(v.at, tz).toordinal() - ref.toordinal())
        if distance > TOLERANCE_DAYS:
            continue
        key = (distance, -points(analyte, v.value), v.value)
        if best is None or key < best:
            best = key
    return None if best is None else best[2]


def _local_date(at: datetime, tz: tzinfo | None) -> date:
    return at.astimezone(tz).date() if tz is not None else at.date()
