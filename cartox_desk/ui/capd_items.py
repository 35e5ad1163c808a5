"""The eight CAPD questions as shown to the nurse (Cornell Assessment of Pediatric Delirium; clinical-rules
§3.4), and the developmental anchor points shown beside them.

The question wording follows the published CAPD. The developmental anchor texts of the CAPD worksheet
(newborn to 2 years) are NOT reproduced here: we are not certain of their exact published wording, so each
anchor is a clearly labelled placeholder until a clinician pastes the worksheet text in (ANCHORS below).
Scoring is the core's (core.grading); this module only holds words.
"""

from __future__ import annotations

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

# Age bands of the worksheet's developmental anchor points (newborn to 2 years), upper bound in months.
ANCHOR_AGE_BANDS: tuple[tuple[float, str], ...] = (
    (0.5, QT_TRANSLATE_NOOP("CapdItems", "newborn")),
    (1.0, QT_TRANSLATE_NOOP("CapdItems", "4 weeks")),
    (1.5, QT_TRANSLATE_NOOP("CapdItems", "6 weeks")),
    (3.0, QT_TRANSLATE_NOOP("CapdItems", "8 weeks")),
    (9.0, QT_TRANSLATE_NOOP("CapdItems", "28 weeks")),
    (18.0, QT_TRANSLATE_NOOP("CapdItems", "1 year")),
    (30.0, QT_TRANSLATE_NOOP("CapdItems", "2 years")),
)

# (key, age band) -> anchor text. Empty: the placeholder below is shown instead.
ANCHORS: dict[tuple[str, str], str] = {}

ANCHOR_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "CapdItems", "[placeholder] anchor text from the CAPD worksheet for this age (%1)")


def capd_question(key: str) -> str:
    return QCoreApplication.translate("CapdItems", _QUESTIONS[key])


def capd_short_name(key: str) -> str:
    return QCoreApplication.translate("CapdItems", _SHORT[key])


def anchor_band(age_years: float | None) -> str | None:
    """The worksheet's age column for a child (newborn to 2 years), or None when older / unknown."""
    if age_years is None or age_years < 0:
        return None
    months = age_years * 12.0
    for upper, band in ANCHOR_AGE_BANDS:
        if months < upper:
            return band
    return None


def capd_anchor(key: str, age_years: float | None) -> str | None:
    """The developmental anchor beside question `key` for this age; None above 2 years."""
    band = anchor_band(age_years)
    if band is None:
        return None
    text = ANCHORS.get((key, band))
    if text:
        return text
    return QCoreApplication.translate("CapdItems", ANCHOR_PLACEHOLDER).replace(
        "%1", QCoreApplication.translate("CapdItems", band))


def proposes_capd(age_years: float | None, developmental_delay: bool) -> bool:
    """Whether the wizard proposes CAPD rather than ICE (clinical-rules §3.3): children aged 12 or under
    (12 included) or developmental delay. Unknown age: ICE, unless delay is recorded."""
    if developmental_delay:
        return True
    return age_years is not None and age_years <= 12
