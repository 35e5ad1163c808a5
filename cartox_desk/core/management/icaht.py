"""ICAHT grading from an ANC series (EHA-EBMT-2023 as restated in clinical-rules §8; CSCO-2024 §4.5).

Thresholds in the canonical unit 10^9/L: 500/uL = 0.5, 100/uL = 0.1, 1000/uL = 1.0, 1500/uL = 1.5.

Early ICAHT (day 0-30): the longest run of days with ANC <= threshold. Readings taken:
- each calendar day counts once, by its lowest ANC;
- runs join unless the ANC stays above the threshold for >= 3 consecutive days, each of them with a value
  above the threshold (a day without a value is not taken as a recovery: the safer reading, so sparse
  counts never split a run and lower the grade);
- the run's length is its first to last day below, inclusive (short recoveries inside it count);
- a run counts if it starts on day 0-30; it may continue after day 30 (grade 4 needs > 30 days).
The result is provisional while the run is still going on or the values do not yet reach day 30.

Late ICAHT (after day 30): the worst grade whose threshold at least 2 values after day 30 reach
(the "non-transient neutropenia" alternative is left to the physician).
"""

from __future__ import annotations

from cartox_desk.core.clinical_time import day_number
from cartox_desk.core.management.context import Analyte, ManagementContext
from cartox_desk.core.management.model import IcahtResult, params

ANC_500 = 0.5  # 10^9/L = 500 /µL (EHA-EBMT-2023; clinical-rules §8)
ANC_100 = 0.1  # 10^9/L = 100 /µL
EARLY_LAST_DAY = 30
RECOVERY_DAYS = 3
LATE_THRESHOLDS = ((4, 0.1), (3, 0.5), (2, 1.0), (1, 1.5))
LATE_MIN_VALUES = 2


def daily_minimum(points: list[tuple[int, float]]) -> dict[int, float]:
    out: dict[int, float] = {}
    for day, value in points:
        out[day] = min(value, out.get(day, value))
    return out


def runs(daily: dict[int, float], threshold: float) -> list[tuple[int, int]]:
    """Joined runs (first day, last day) of days with ANC <= threshold, oldest first."""
    below = sorted(d for d, v in daily.items() if v <= threshold)
    out: list[tuple[int, int]] = []
    for d in below:
        if not out:
            out.append((d, d))
            continue
        start, end = out[-1]
        if _longest_consecutive([x for x in daily if end < x < d]) >= RECOVERY_DAYS:  # all above
            out.append((d, d))
        else:
            out[-1] = (start, d)
    return out


def _longest_consecutive(days: list[int]) -> int:
    best = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day == previous + 1 else 1
        best = max(best, run)
        previous = day
    return best


def early_grade(days_le_500: int, days_le_100: int) -> int:
    if days_le_500 > 30 or days_le_100 >= 14:
        return 4
    if days_le_500 >= 14 or days_le_100 >= 7:
        return 3
    if days_le_500 >= 7:
        return 2
    if days_le_500 >= 1:
        return 1
    return 0


def early(points: list[tuple[int, float]]) -> IcahtResult:
    """Early ICAHT from (day since infusion, ANC 10^9/L) points."""
    daily = {d: v for d, v in daily_minimum(points).items() if d >= 0}
    if not any(d <= EARLY_LAST_DAY for d in daily):
        return IcahtResult(kind="early", grade=None, provisional=True, days_le_500=0, days_le_100=0,
                           params=params(missing="anc_day_0_30"))
    last_day = max(daily)
    lengths = {}
    ongoing = False
    for threshold in (ANC_500, ANC_100):
        counted = [(s, e) for s, e in runs(daily, threshold) if s <= EARLY_LAST_DAY]
        lengths[threshold] = max((e - s + 1 for s, e in counted), default=0)
        if counted and counted[-1][1] == last_day:
            ongoing = True
    d500, d100 = lengths[ANC_500], lengths[ANC_100]
    provisional = ongoing or last_day < EARLY_LAST_DAY
    return IcahtResult(kind="early", grade=early_grade(d500, d100), provisional=provisional, days_le_500=d500,
                       days_le_100=d100, params=params(last_day=last_day, ongoing=ongoing))


def late(points: list[tuple[int, float]]) -> IcahtResult | None:
    """Late ICAHT from values after day 30; None when there is no value after day 30."""
    values = [v for d, v in points if d > EARLY_LAST_DAY]
    if not values:
        return None
    grade = 0
    for g, threshold in LATE_THRESHOLDS:
        if sum(1 for v in values if v <= threshold) >= LATE_MIN_VALUES:
            grade = g
            break
    return IcahtResult(kind="late", grade=grade, provisional=len(values) < LATE_MIN_VALUES, days_le_500=0,
                       days_le_100=0, params=params(values_after_day_30=len(values)))


def anc_points(ctx: ManagementContext) -> list[tuple[int, float]]:
    if ctx.infusion_at is None:
        return []
    return [(day_number(v.at, ctx.infusion_at, ctx.zone), v.value) for v in ctx.labs_of(Analyte.ANC)]


def from_context(ctx: ManagementContext) -> tuple[IcahtResult, ...]:
    pts = anc_points(ctx)
    if not pts:
        return ()
    out = [early(pts)]
    late_result = late(pts)
    if late_result is not None:
        out.append(late_result)
    return tuple(out)
