"""A time axis in days since infusion: "D-5 … D0 … D+3" day ticks, hour ticks when zoomed in."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

# Day steps and sub-day steps (in days) the axis may use, finest first.
_DAY_STEPS = (1, 2, 5, 7, 14, 28, 56, 91, 182, 364)
_SUBDAY_STEPS = (5 / 1440, 10 / 1440, 15 / 1440, 30 / 1440, 1 / 24, 2 / 24, 3 / 24, 6 / 24, 12 / 24)
_MIN_PX_PER_DAY_LABEL = 42.0  # room for "D+28"
_MIN_PX_PER_HOUR_LABEL = 38.0  # room for "06:00"


def day_label(day: int) -> str:
    """ "D0", "D+3", "D-5" (ux.md: 回输后第 N 天 (D+N)); translatable as a pattern."""
    if day == 0:
        return QCoreApplication.translate("TrendChartsWidget", "D0")
    pattern = QCoreApplication.translate("TrendChartsWidget", "D{sign}{n}")
    return pattern.format(sign="+" if day > 0 else "-", n=abs(day))


def clock_label(x: float) -> str:
    minutes = round((x - math.floor(x)) * 1440) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class DayAxisItem(pg.AxisItem):
    """Bottom axis for x = fractional days since local midnight of the infusion day (core.series)."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        lo, hi = sorted((minVal, maxVal))
        span = max(hi - lo, 1e-9)
        px_per_day = size / span if size > 0 else 1.0
        day_step = next((s for s in _DAY_STEPS if s * px_per_day >= _MIN_PX_PER_DAY_LABEL), _DAY_STEPS[-1])
        levels: list[tuple[float, list[float]]] = []
        days = [float(d) for d in range(math.ceil(lo), math.floor(hi) + 1) if d % day_step == 0]
        levels.append((float(day_step), days))
        # Zoomed inside one day: no day tick in view, so the first hour tick also names the day.
        margin = span * 0.04  # a day tick at the very edge has no room for its label
        self._name_day_on_first_hour = not [d for d in days if lo + margin <= d <= hi - margin]
        if day_step > 1:
            minor = [float(d) for d in range(math.ceil(lo), math.floor(hi) + 1) if d % day_step]
            if px_per_day >= 6:
                levels.append((1.0, minor))
            return levels
        sub = next((s for s in _SUBDAY_STEPS if s * px_per_day >= _MIN_PX_PER_HOUR_LABEL), None)
        if sub is None:
            # Not enough room for hour labels: unlabeled 6-hourly ticks when there is some room.
            if px_per_day >= 24:
                levels.append((0.25, self._sub_values(lo, hi, 0.25)))
            return levels
        levels.append((sub, self._sub_values(lo, hi, sub)))
        return levels

    @staticmethod
    def _sub_values(lo: float, hi: float, step: float) -> list[float]:
        start = math.ceil(lo / step)
        stop = math.floor(hi / step)
        per_day = round(1 / step)
        return [i * step for i in range(start, stop + 1) if i % per_day]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing >= 1:
            return [day_label(round(v)) for v in values]
        if len(values) and spacing == 0.25 and not self._hour_labels_fit(spacing):
            return ["" for _ in values]
        labels = [clock_label(v) for v in values]
        if labels and getattr(self, "_name_day_on_first_hour", False):
            labels[0] = f"{day_label(math.floor(values[0]))} {labels[0]}"
        return labels

    def _hour_labels_fit(self, spacing: float) -> bool:
        view = self.linkedView()
        if view is None:
            return True
        (lo, hi), _ = view.viewRange()
        width = self.geometry().width() or 1.0
        return spacing * width / max(hi - lo, 1e-9) >= _MIN_PX_PER_HOUR_LABEL
