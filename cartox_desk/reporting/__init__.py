"""Daily toxicity summary PDFs (reportlab). Takes plain data, returns PDF bytes: no Qt, no database."""

from cartox_desk.reporting.daily_summary import (
    WardCoverRow,
    cover_row_for,
    render_daily_summary,
    render_ward_report,
)
from cartox_desk.reporting.data import DailySummaryData, build_daily_summary_data, has_data_for_day
from cartox_desk.reporting.fonts import CjkFontMissingError

__all__ = [
    "CjkFontMissingError",
    "DailySummaryData",
    "WardCoverRow",
    "build_daily_summary_data",
    "cover_row_for",
    "has_data_for_day",
    "render_daily_summary",
    "render_ward_report",
]
