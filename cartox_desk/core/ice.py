"""The ICE score (immune effector cell-associated encephalopathy), 10 points (CSCO-2024 §4.2.1).

orientation 4 (year, month, city, hospital) + naming 3 + following commands 1 + writing 1 + attention 1
(clinical-rules §3.1).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cartox_desk.core.snapshot import IceAssessment

SOURCE = "CSCO-2024 §4.2.1"

# Item -> maximum points, in the order the wizard asks them (clinical-rules §3.1).
ICE_ITEM_MAX: Mapping[str, int] = MappingProxyType({
    "orientation": 4,
    "naming": 3,
    "commands": 1,
    "writing": 1,
    "attention": 1,
})
ICE_MAX = sum(ICE_ITEM_MAX.values())  # 10


def ice_total(ice: IceAssessment) -> int:
    """The ICE total 0-10 (CSCO-2024 §4.2.1). Raises ValueError for an item outside 0..its maximum."""
    o = ice.orientation
    n = ice.naming
    c = ice.commands
    w = ice.writing
    a = ice.attention
    if 0 <= o <= 4 and 0 <= n <= 3 and 0 <= c <= 1 and 0 <= w <= 1 and 0 <= a <= 1:
        return o + n + c + w + a
    bad = [f"{item}={getattr(ice, item)!r} (0-{top})" for item, top in ICE_ITEM_MAX.items()
           if not 0 <= getattr(ice, item) <= top]
    raise ValueError("ICE item outside its maximum: " + ", ".join(bad))
