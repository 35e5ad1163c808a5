"""The eight CAPD questions as shown to the nurse (Cornell Assessment of Pediatric Delirium; clinical-rules
§3.4), and the developmental anchor points shown beside them.

The question wording follows the published CAPD. The developmental anchor chart (Silver G, Kearney J,
Traube C, Hertzig M. Delirium screening anchored in child development: the Cornell Assessment for Pediatric
Delirium. Palliat Support Care 2015;13:1005-11) is published material that neither the spec nor the seeds
reproduce, so the app does not ship its wording (nor an invented paraphrase): a hospital installs its copy
as ``capd_anchors.json`` (format in README.md, validated on load) and the wizard shows the column for the
child's age; until then it says plainly that the anchors are not installed. Scoring is the core's; this
module only holds words.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Snapshot keys in worksheet order (core.snapshot.CapdAssessment fields).
CAPD_KEYS: tuple[str, ...] = (
    "eye_contact", "purposeful_actions", "aware_of_surroundings", "communicates_needs",
    "restless", "inconsolable", "underactive", "slow_response",
)
CAPD_ITEMS = tuple((key, None) for key in CAPD_KEYS)  # kept as pairs for form builders

_QUESTIONS: dict[str, str] = {
    "eye_contact": QT_TRANSLATE_NOOP("CapdItems", "Does the child make eye contact with the caregiver?"),
    "purposeful_actions": QT_TRANSLATE_NOOP("CapdItems", "Are the child's actions purposeful?"),
    "aware_of_surroundings": QT_TRANSLATE_NOOP("CapdItems", "Is the child aware of his/her surroundings?"),
    "communicates_needs": QT_TRANSLATE_NOOP("CapdItems", "Does the child communicate needs and wants?"),
    "restless": QT_TRANSLATE_NOOP("CapdItems", "Is the child restless?"),
    "inconsolable": QT_TRANSLATE_NOOP("CapdItems", "Is the child inconsolable?"),
    "underactive": QT_TRANSLATE_NOOP("CapdItems",
                                     "Is the child underactive — very little movement while awake?"),
    "slow_response": QT_TRANSLATE_NOOP("CapdItems",
                                       "Does it take the child a long time to respond to interactions?"),
}

_SHORT: dict[str, str] = {
    "eye_contact": QT_TRANSLATE_NOOP("CapdItems", "eye contact"),
    "purposeful_actions": QT_TRANSLATE_NOOP("CapdItems", "purposeful actions"),
    "aware_of_surroundings": QT_TRANSLATE_NOOP("CapdItems", "aware of surroundings"),
    "communicates_needs": QT_TRANSLATE_NOOP("CapdItems", "communicates needs and wants"),
    "restless": QT_TRANSLATE_NOOP("CapdItems", "restless"),
    "inconsolable": QT_TRANSLATE_NOOP("CapdItems", "inconsolable"),
    "underactive": QT_TRANSLATE_NOOP("CapdItems", "underactive"),
    "slow_response": QT_TRANSLATE_NOOP("CapdItems", "slow to respond"),
}

def capd_question(key: str) -> str:
    return QCoreApplication.translate("CapdItems", _QUESTIONS[key])


def capd_short_name(key: str) -> str:
    return QCoreApplication.translate("CapdItems", _SHORT[key])


# The chart's columns (newborn to 2 years) and the age each stands for, in weeks: CAPD developmental anchor
# points (Silver et al. 2015); clinical-rules §3.4.
ANCHOR_COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("newborn", 0.0, QT_TRANSLATE_NOOP("CapdItems", "newborn")),
    ("4_weeks", 4.0, QT_TRANSLATE_NOOP("CapdItems", "4 weeks")),
    ("6_weeks", 6.0, QT_TRANSLATE_NOOP("CapdItems", "6 weeks")),
    ("8_weeks", 8.0, QT_TRANSLATE_NOOP("CapdItems", "8 weeks")),
    ("28_weeks", 28.0, QT_TRANSLATE_NOOP("CapdItems", "28 weeks")),
    ("1_year", 52.0, QT_TRANSLATE_NOOP("CapdItems", "1 year")),
    ("2_years", 104.0, QT_TRANSLATE_NOOP("CapdItems", "2 years")),
)
ANCHOR_FILENAME = "capd_anchors.json"
ENV_ANCHOR_FILE = "CARTOX_CAPD_ANCHORS"
WEEKS_PER_YEAR = 365.25 / 7
ANCHOR_LANGUAGES = ("en", "zh_CN")


def anchor_band(age_years: float | None) -> str | None:
    """The chart column for a child: the latest column the child has reached (the milestones already
    expected, never ones not yet due), from newborn to "2 years" (a child aged 2, i.e. under 3 years);
    None when older or the age is unknown."""
    if age_years is None or age_years < 0 or age_years >= 3:
        return None
    weeks = age_years * WEEKS_PER_YEAR + 1e-6  # a child of exactly 42 days is in the 6-weeks column
    band = ANCHOR_COLUMNS[0][0]
    for code, at_weeks, _label in ANCHOR_COLUMNS:
        if weeks >= at_weeks:
            band = code
    return band


def band_label(band: str) -> str:
    label = next(lbl for code, _w, lbl in ANCHOR_COLUMNS if code == band)
    return QCoreApplication.translate("CapdItems", label)


class AnchorFileError(ValueError):
    """A CAPD anchor file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class AnchorChart:
    source: str  # the citation the hospital gives for its copy of the chart
    texts: dict[str, dict[str, dict[str, str]]]  # language -> item key -> column -> text
    path: Path | None = None

    def text(self, key: str, band: str, language: str) -> str | None:
        table = self.texts.get(language) or self.texts.get("en") or next(iter(self.texts.values()), {})
        return table.get(key, {}).get(band)


def parse_anchor_chart(data: Any, path: Path | None = None) -> AnchorChart:
    """Validate a decoded anchor file: a "source" string and, per language ("en", "zh_CN"), every one
    of the eight items with every column of the chart, each a non-empty text."""
    where = str(path) if path is not None else "CAPD anchor file"
    if not isinstance(data, dict):
        raise AnchorFileError(f"{where}: expected a JSON object")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise AnchorFileError(f"{where}: \"source\" (the chart's citation) is required")
    anchors = data.get("anchors")
    if not isinstance(anchors, dict) or not anchors:
        raise AnchorFileError(f"{where}: \"anchors\" must map a language (en, zh_CN) to the items")
    columns = [code for code, _w, _l in ANCHOR_COLUMNS]
    texts: dict[str, dict[str, dict[str, str]]] = {}
    for language, items in anchors.items():
        if language not in ANCHOR_LANGUAGES:
            raise AnchorFileError(f"{where}: anchors.{language}: unknown language (use en or zh_CN)")
        if not isinstance(items, dict) or set(items) != set(CAPD_KEYS):
            raise AnchorFileError(
                f"{where}: anchors.{language}: needs exactly the items {', '.join(CAPD_KEYS)}")
        texts[language] = {}
        for key in CAPD_KEYS:
            row = items[key]
            if not isinstance(row, dict) or set(row) != set(columns):
                raise AnchorFileError(
                    f"{where}: anchors.{language}.{key}: needs exactly the columns {', '.join(columns)}")
            for column in columns:
                text = row[column]
                if not isinstance(text, str) or not text.strip():
                    raise AnchorFileError(f"{where}: anchors.{language}.{key}.{column}: empty text")
            texts[language][key] = {column: row[column].strip() for column in columns}
    return AnchorChart(source.strip(), texts, path)


def anchor_file_candidates() -> list[Path]:
    """Where the anchor file is looked for, first found wins: $CARTOX_CAPD_ANCHORS, the user's data
    directory (next to the default database), the application's resources/."""
    from cartox_desk.config import data_dir

    out = [Path(os.environ[ENV_ANCHOR_FILE])] if os.environ.get(ENV_ANCHOR_FILE) else []
    out.append(data_dir(create=False) / ANCHOR_FILENAME)
    out.append(Path(__file__).resolve().parents[2] / "resources" / ANCHOR_FILENAME)
    return out


@functools.lru_cache(maxsize=1)
def installed_anchor_chart() -> AnchorChart | AnchorFileError | None:
    """The installed chart, the reason it was refused, or None when no file is installed."""
    for path in anchor_file_candidates():
        if path.is_file():
            try:
                return parse_anchor_chart(json.loads(path.read_text(encoding="utf-8")), path)
            except (OSError, json.JSONDecodeError) as exc:
                return AnchorFileError(f"{path}: {exc}")
            except AnchorFileError as exc:
                return exc
    return None


NOT_INSTALLED = QT_TRANSLATE_NOOP(
    "CapdItems", "Anchor points for %1: not installed. The hospital installs its copy of the CAPD"
                 " developmental anchor chart as capd_anchors.json (see README).")
REFUSED = QT_TRANSLATE_NOOP("CapdItems", "Anchor points for %1 not shown: the anchor file was refused (%2).")


def capd_anchor(key: str, age_years: float | None,
                chart: AnchorChart | AnchorFileError | bool | None = True) -> str | None:
    """The developmental anchor beside question `key` for this age, with its source; None from 3 years.
    ``chart`` defaults to the installed one; without one, a plain "not installed" (never invented text)."""
    band = anchor_band(age_years)
    if band is None:
        return None
    found = installed_anchor_chart() if chart is True else chart
    if isinstance(found, AnchorChart):
        from cartox_desk.ui.i18n import current_language

        text = found.text(key, band, current_language())
        if text:
            return f"{band_label(band)}: {text} ({found.source})"
    if isinstance(found, AnchorFileError):
        return QCoreApplication.translate("CapdItems", REFUSED).replace("%1", band_label(band)).replace(
            "%2", str(found))
    return QCoreApplication.translate("CapdItems", NOT_INSTALLED).replace("%1", band_label(band))


def proposes_capd(age_years: float | None, developmental_delay: bool) -> bool:
    """Whether the wizard proposes CAPD rather than ICE (clinical-rules §3.3): children aged 12 or under
    (12 included) or developmental delay. Unknown age: ICE, unless delay is recorded."""
    if developmental_delay:
        return True
    return age_years is not None and age_years <= 12
