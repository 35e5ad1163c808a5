"""Ward preferences as one typed object, persisted with QSettings (architecture.md, "Settings").

Defaults come from clinical-rules §0 (assessment windows), §1 rule 8 (hypotension thresholds) and §6
(ICE / CAPD schedule); the hospital may change every one of them. ``protocol_file`` is the installation's
management protocol (a shipped id such as "ASCO-2021" or a hospital file; empty = CSCO-2024): applied to the
services at start, and the protocol in force is recorded in the database with every grade record.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QSettings

ORGANISATION = "cartox_desk"
APPLICATION = "cartox_desk"
_GROUP = "preferences"

DEFAULT_WRITING_SENTENCE_ZH = "我们的国旗是五星红旗"
DEFAULT_WRITING_SENTENCE_EN = "Our national bird is the bald eagle"


class TemperatureUnit(StrEnum):
    CELSIUS = "C"
    FAHRENHEIT = "F"


class LabUnitSystem(StrEnum):
    CN = "CN"  # 10^9/L, g/L, µmol/L
    US = "US"  # 10^3/µL, g/dL, mg/dL


@dataclass(frozen=True, slots=True)
class AppSettings:
    hospital_name: str = ""
    city_name: str = ""
    language: str = "zh_CN"  # "zh_CN" | "en"
    temperature_unit: TemperatureUnit = TemperatureUnit.CELSIUS
    lab_units: LabUnitSystem = LabUnitSystem.CN
    # Management protocol (issue 6 item 1): a shipped id ("ASCO-2021") or a file path; "" = CSCO-2024.
    protocol_file: str = ""
    # ICE writing item (clinical-rules §3.1): the standard sentence; empty = the default for the language.
    writing_sentence_zh: str = DEFAULT_WRITING_SENTENCE_ZH
    writing_sentence_en: str = DEFAULT_WRITING_SENTENCE_EN
    # Assessment windows (clinical-rules §0).
    vitals_window_h: float = 4.0
    neuro_window_h: float = 12.0
    # ICE / CAPD schedule (clinical-rules §6): every 8 h; after any drop every 30 min for 2 h, then every
    # 4 h until back to baseline for 24 h.
    ice_interval_h: float = 8.0
    tightened_interval_min: int = 30
    tightened_duration_h: float = 2.0
    tightened_then_interval_h: float = 4.0
    tightened_until_baseline_h: float = 24.0
    # Hypotension proposal (clinical-rules §1 rule 8; Mahadeo 2019): adults SBP < 90 mmHg; children aged
    # 1-10: SBP < 70 + 2 x age; above 10 years: < 90.
    adult_sbp_below_mmhg: float = 90.0
    child_sbp_base_mmhg: float = 70.0
    child_sbp_per_year_mmhg: float = 2.0
    child_age_min_years: float = 1.0
    child_age_max_years: float = 10.0

    def writing_sentence(self, lang: str) -> str:
        if lang.startswith("zh"):
            return self.writing_sentence_zh or DEFAULT_WRITING_SENTENCE_ZH
        return self.writing_sentence_en or DEFAULT_WRITING_SENTENCE_EN


def hypotension_sbp_threshold(settings: AppSettings, age_years: float | None) -> float | None:
    """Systolic BP (mmHg) below which hypotension is *proposed* to the nurse (clinical-rules §1 rule 8).

    None when the rules give no number (age under the child range): the nurse decides alone.
    """
    if age_years is None or age_years > settings.child_age_max_years:
        return settings.adult_sbp_below_mmhg
    if age_years < settings.child_age_min_years:
        return None
    return settings.child_sbp_base_mmhg + settings.child_sbp_per_year_mmhg * age_years


def _coerce(template: Any, raw: Any) -> Any:
    kind = type(template)
    if isinstance(template, StrEnum):
        return kind(str(raw))
    if isinstance(template, bool):
        return str(raw).lower() in ("1", "true", "yes")
    if isinstance(template, int | float):
        return kind(float(raw)) if kind is int else float(raw)
    return str(raw)


def settings_store() -> QSettings:
    """The installation's preferences store. Same file as ``QSettings(ORGANISATION, APPLICATION)`` in
    the app, but it honours ``QSettings.setDefaultFormat`` / ``setPath`` (tests isolate their store)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def load_settings(store: QSettings | None = None) -> AppSettings:
    """Read the preferences; anything missing or unreadable keeps its default."""
    store = store or settings_store()
    defaults = AppSettings()
    values: dict[str, Any] = {}
    store.beginGroup(_GROUP)
    try:
        for f in fields(AppSettings):
            if store.contains(f.name):
                try:
                    values[f.name] = _coerce(getattr(defaults, f.name), store.value(f.name))
                except (TypeError, ValueError):
                    continue
    finally:
        store.endGroup()
    return replace(defaults, **values)


def save_settings(settings: AppSettings, store: QSettings | None = None) -> None:
    store = store or settings_store()
    store.beginGroup(_GROUP)
    try:
        for name, value in asdict(settings).items():
            store.setValue(name, str(value) if isinstance(value, StrEnum) else value)
    finally:
        store.endGroup()
    store.sync()
