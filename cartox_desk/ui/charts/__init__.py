"""Trend charts (pyqtgraph) over `core.series.ChartSeries`; see trend_charts.TrendChartsWidget."""

from cartox_desk.ui.charts.trend_charts import PANELS, ChartLayout, TrendChartsWidget

__all__ = ["PANELS", "ChartLayout", "TrendChartsWidget"]
