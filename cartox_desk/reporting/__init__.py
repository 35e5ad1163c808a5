"""Daily toxicity summary PDFs (reportlab). Takes plain data, returns PDF bytes: no Qt, no database.

One patient-day (e.g. from the GUI's "Print daily summary", off the GUI thread)::

    timeline = services.get_patient_timeline(mrn=mrn, at=min(now, day_window(...)[1]))
    data = build_daily_summary_data(timeline, day, shift_start_hour=8, generated_by=user_name)
    pdf: bytes = render_daily_summary(data, lang="zh_CN", page_size="A4")   # or "Letter"

The ward: one `DailySummaryData` per admitted patient in bed order (`Services.list_patients()`), the day of
each from `day_on(patient.infusion_at, date, tz)`, then `render_ward_report(summaries, ward=..., ...)`.
`cartox_desk.cli.report` is the reference caller. Without a CJK font, Chinese raises
`CjkFontMissingError`, whose message names the package to install (fonts-wqy-microhei).
"""

from cartox_desk.reporting.daily_summary import (
    WardCoverRow,
    cover_row_for,
    render_daily_summary,
    render_ward_report,
)
from cartox_desk.reporting.data import (
    DailySummaryData,
    build_daily_summary_data,
    current_ward_date,
    day_on,
    day_window,
    has_data_for_day,
)
from cartox_desk.reporting.fonts import CjkFontMissingError

__all__ = [
    "CjkFontMissingError",
    "DailySummaryData",
    "WardCoverRow",
    "build_daily_summary_data",
    "cover_row_for",
    "current_ward_date",
    "day_on",
    "day_window",
    "has_data_for_day",
    "render_daily_summary",
    "render_ward_report",
]
