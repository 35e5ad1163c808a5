"""The Cornell Assessment of Pediatric Delirium (CAPD), 8 items, total 0-32 (clinical-rules §3.4).

Items 1-4 (eye contact, purposeful actions, aware of surroundings, communicates needs) are reverse-scored:
never 4 ... always 0. Items 5-8 (restless, inconsolable, underactive, slow response): never 0 ... always 4.
A total >= 9 suggests delirium.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cartox_desk.core.snapshot import CapdAnswer, CapdAssessment

SOURCE = "clinical-rules §3.4"

FORWARD: Mapping[CapdAnswer, int] = MappingProxyType({
    CapdAnswer.NEVER: 0, CapdAnswer.RARELY: 1, CapdAnswer.SOMETIMES: 2, CapdAnswer.OFTEN: 3,
    CapdAnswer.ALWAYS: 4,
})
REVERSED: Mapping[CapdAnswer, int] = MappingProxyType({a: 4 - s for a, s in FORWARD.items()})

# Items in questionnaire order; True = reverse-scored.
CAPD_ITEMS: tuple[tuple[str, bool], ...] = (
    ("eye_contact", True),
    ("purposeful_actions", True),
    ("aware_of_surroundings", True),
    ("communicates_needs", True),
    ("restless", False),
    ("inconsolable", False),
    ("underactive", False),
    ("slow_response", False),
)
CAPD_ITEM_NAMES: tuple[str, ...] = tuple(name for name, _ in CAPD_ITEMS)
CAPD_MAX = 4 * len(CAPD_ITEMS)  # 32
DELIRIUM_THRESHOLD = 9

_SCALE: Mapping[str, Mapping[CapdAnswer, int]] = MappingProxyType(
    {name: (REVERSED if rev else FORWARD) for name, rev in CAPD_ITEMS})

# Plain dicts for the hot path (MappingProxyType lookups are slower).
_F = dict(FORWARD)
_R = dict(REVERSED)


def capd_item_score(item_name: str, answer: CapdAnswer) -> int:
    """Points 0-4 for one CAPD answer (clinical-rules §3.4). Raises ValueError for an unknown item."""
    try:
        scale = _SCALE[item_name]
    except KeyError:
        raise ValueError(f"unknown CAPD item {item_name!r}") from None
    return scale[CapdAnswer(answer)]


def capd_total(capd: CapdAssessment) -> int:
    """CAPD total 0-32 (clinical-rules §3.4)."""
    r = _R
    f = _F
    return (r[capd.eye_contact] + r[capd.purposeful_actions] + r[capd.aware_of_surroundings]
            + r[capd.communicates_needs] + f[capd.restless] + f[capd.inconsolable]
            + f[capd.underactive] + f[capd.slow_response])
