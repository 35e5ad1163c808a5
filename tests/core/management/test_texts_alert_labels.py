"""Short alert names for the census: every alert code the engine raises has one, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cartox_desk.core.management.texts import ALERT_LABELS, alert_label

ENGINE = Path(__file__).resolve().parents[3] / "cartox_desk" / "core" / "management"


def _raised_codes() -> set[str]:
    codes: set[str] = set()
    for path in ENGINE.glob("*.py"):
        for m in re.finditer(r'Alert\(\s*f?"([a-z_.0-9{}]+)"', path.read_text(encoding="utf-8")):
            codes.add(m.group(1).split("{")[0].rstrip("."))
    return codes


def test_every_raised_alert_has_a_short_name():
    codes = _raised_codes()
    assert "iechs.screen" in codes and "tocilizumab.refused" in codes  # the scan found the engine's alerts
    for code in codes:
        assert alert_label(code) != code, code
        assert alert_label(code, "zh_CN") != code, code


@pytest.mark.parametrize(("code", "en", "zh"), [
    ("tocilizumab.refused.24h_limit", "Tocilizumab limit", "托珠单抗限量"),
    ("crs.escalate.worse", "CRS escalation due", "CRS 需升级处理"),
    ("crs.escalate.fever_persisting", "CRS 1: fever persisting", "CRS 1 级：持续发热"),
    ("icaht.early.grade", "Early ICAHT", "早期 ICAHT"),
    ("hlh.ferritin", "HLH/MAS to consider", "需考虑 HLH/MAS"),
    ("something.new", "something.new", "something.new"),
])
def test_the_longest_prefix_names_the_alert(code, en, zh):
    assert alert_label(code) == en and alert_label(code, "zh_CN") == zh
    assert all(k == k.strip(".") for k in ALERT_LABELS)
