"""The optional `management` section of `cartox-desk grade` (issue 6 item 8): additive, opt-in."""

from __future__ import annotations

import io
import json
import sys

import pytest

from cartox_desk.cli import grade

AT = "2026-11-22T08:00:00+08:00"


def run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = grade.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_without_the_flag_the_contract_output_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(monkeypatch, '{"temperature_c": 38.6, "hypotension": true}')
    assert code == 0
    assert set(json.loads(out)) == {"crs", "icans", "vasopressors"}


def test_grade_2_crs_recommends_tocilizumab_by_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    snap = '{"temperature_c": 38.6, "weight_kg": 72, "hypotension": true}'
    code, out, _ = run(monkeypatch, snap, "--management", "--at", AT)
    assert code == 0
    result = json.loads(out)
    assert result["crs"]["grade"] == 2
    section = result["management"]
    assert section["protocol"]["id"] == "csco-2024"
    codes = {r["code"]: r for r in section["recommendations"]}
    assert "crs.g2.tocilizumab" in codes
    assert codes["crs.g2.tocilizumab"]["source"]
    assert all(r["source"] for r in section["recommendations"])
    # 8 mg/kg x 72 kg = 576 mg (clinical-rules §4), computed, not typed
    assert json.dumps(section).count("576") >= 1


def test_array_input_gives_one_management_section_per_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(monkeypatch, '[{"temperature_c": 37.0}, {"temperature_c": 39.0}]', "--management",
                       "--at", AT, "--lang", "zh_CN")
    assert code == 0
    results = json.loads(out)
    assert [r["management"]["crs_grade"] for r in results] == [0, 1]
    assert results[1]["management"]["lang"] == "zh_CN"


@pytest.mark.parametrize("argv", [
    ("--management", "--at", "2026-11-22T08:00:00"),  # no time zone
    ("--protocol", "x.json"),  # without --management
    ("--management", "--protocol", "/nonexistent/protocol.json"),
])
def test_bad_management_options_exit_2_with_nothing_on_stdout(monkeypatch: pytest.MonkeyPatch,
                                                              argv: tuple[str, ...]) -> None:
    code, out, err = run(monkeypatch, '{"temperature_c": 38.6}', *argv)
    assert code == 2
    assert out == ""
    assert err.strip()
