"""Days since infusion (clinical-rules §0).

Day 0 is the calendar day of CAR-T infusion in the ward's local time; lymphodepletion days are negative.
All instants are timezone-aware (stored in UTC); the ward's zone decides the calendar day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo


def _require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("clinical times must be timezone-aware")


def local_date(at: datetime, tz: tzinfo) -> date:
    _require_aware(at)
    return at.astimezone(tz).date()


def day_number(at: datetime, infusion_at: datetime, tz: tzinfo) -> int:
    """Whole calendar days since the infusion date: day +N, negative before infusion."""
    return (local_date(at, tz) - local_date(infusion_at, tz)).days


def fractional_day(at: datetime, infusion_at: datetime, tz: tzinfo) -> float:
    """Days since local midnight of the infusion day, on the ward's wall clock.

    The integer part equals `day_number`, so chart axes and day labels agree. Wall-clock arithmetic keeps a
    DST change from shifting a day boundary.
    """
    local = at.astimezone(tz).replace(tzinfo=None)
    day0 = datetime.combine(local_date(infusion_at, tz), datetime.min.time())
    return (local - day0) / timedelta(days=1)


def day_start(day: int, infusion_at: datetime, tz: tzinfo, shift_start_hour: int = 0) -> datetime:
    """The aware instant at which ward day +N starts (optionally at a shift start hour)."""
    d = local_date(infusion_at, tz) + timedelta(days=day)
    naive = datetime.combine(d, datetime.min.time()).replace(hour=shift_start_hour)
    return naive.replace(tzinfo=tz)
