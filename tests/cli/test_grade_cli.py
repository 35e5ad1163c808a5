"""`cartox-desk grade` end to end (grading-json.md): in-process through main() and as a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cartox_desk.cli.grade import main

ROOT = Path(__file__).resolve().parents[2]
ICE_FULL = {"orientation": 4, "naming": 3, "commands": 1, "writing": 1, "attention": 1}
VALID = {"temperature_c": 38.6, "weight_kg": 70, "hypotension": True,
         "vasopressors": [{"drug": "norepinephrine", "dose": 0.1, "unit": "ug/kg/min"},
                          {"drug": "vasopressin", "dose": 0.04, "unit": "U/min"}],
         "oxygen": {"device": "nasal_cannula", "flow_l_min": 6.1}, "ice": {**ICE_FULL, "naming": 1}}


def run_inprocess(stdin: bytes, args: list[str], monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_subprocess(stdin: bytes, args: list[str]) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "cartox_desk", "grade", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=120, check=False)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def check_valid_single(code: int, out: str, err: str) -> None:
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["crs"]["grade"] == 3  # NE + vasopressin = one vasopressor; high-flow cannula 3
    assert result["icans"] == {"grade": 1, "status": "graded", "tool": "ICE", "score": 8,
                               "drivers": ["ICE score 8/10 → grade 1 (CSCO-2024 §4.2.1; ASTCT-2019)"]}
    assert result["vasopressors"] == {"count": 2, "count_excluding_vasopressin": 1,
                                      "ne_equivalent_ug_min": 7.0, "high_dose": False}


def test_valid_single_inprocess(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_inprocess(json.dumps(VALID).encode(), [], monkeypatch, capsys)
    check_valid_single(code, out, err)


def test_valid_single_subprocess() -> None:
    check_valid_single(*run_subprocess(json.dumps(VALID).encode(), []))


def test_array_in_array_out(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    batch = [VALID, {}, {"temperature_c": 37.0, "ice_unable": "unarousable"}]
    code, out, err = run_inprocess(json.dumps(batch).encode(), [], monkeypatch, capsys)
    assert code == 0 and err == ""
    results = json.loads(out)
    assert isinstance(results, list) and len(results) == 3
    assert results[1]["icans"]["status"] == "not_assessed" and results[1]["icans"]["grade"] is None
    assert results[2]["icans"]["grade"] == 4 and results[2]["crs"]["grade"] == 0


def test_empty_array(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_inprocess(b"[]", [], monkeypatch, capsys)
    assert code == 0 and json.loads(out) == []


INVALID: list[tuple[Any, list[str]]] = [
    ({"temperature_c": 46}, ["snapshot.temperature_c: 46 is outside 30-45 °C"]),
    ([{}, {}, {}, {"oxygen": {"device": "face_mask", "flow_l_min": 95}}],
     ["snapshot[3].oxygen.flow_l_min: 95 is outside 0-80 L/min"]),
    ({"foo": 1}, ["snapshot.foo: unknown field"]),
    ({"temperature_c": True}, ["snapshot.temperature_c: expected a number, got true"]),
    ({"seizure": "maybe"}, ['snapshot.seizure: unknown value "maybe"']),
    ({"vasopressors": [{"drug": "epinephrine", "dose": 0.05, "unit": "ug/kg/min"}]},
     ["snapshot.vasopressors[0].unit: ug/kg/min needs weight_kg"]),
    ({"ice": ICE_FULL, "capd_unable": True}, ["snapshot.capd_unable: cannot be given together with ice"]),
    ({"ice": {**ICE_FULL, "naming": 7}}, ["snapshot.ice.naming: 7 is outside 0-3"]),
    ({"weight_kg": 20, "vasopressors": [{"drug": "dopamine", "dose": 0, "unit": "ug/kg/min"}]},
     ["snapshot.vasopressors[0].dose: 0 must be greater than 0"]),
    ([{"temperature_c": 50}, {"weight_kg": 0.1}], ["snapshot[0].temperature_c: 50 is outside 30-45 °C",
                                                   "snapshot[1].weight_kg: 0.1 is outside 0.5-350 kg"]),
    ([1, {}], ["snapshot[0]: expected an object, got 1"]),
    (42, ["snapshot: expected a JSON object or an array of objects"]),
]


@pytest.mark.parametrize(("payload", "expected"), INVALID)
def test_invalid_inprocess(payload: Any, expected: list[str], monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_inprocess(json.dumps(payload).encode(), [], monkeypatch, capsys)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert "Traceback" not in err


@pytest.mark.parametrize(("payload", "expected"), INVALID[:3])
def test_invalid_subprocess(payload: Any, expected: list[str]) -> None:
    code, out, err = run_subprocess(json.dumps(payload).encode(), [])
    assert (code, out) == (2, "")
    assert [line[:len(e)] for line, e in zip(err.splitlines(), expected, strict=True)] == expected


def test_every_problem_is_reported_not_just_the_first(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = {"temperature_c": 47, "hypotension": "yes", "oxygen": {"device": "tent"}, "x": 1}
    code, out, err = run_inprocess(json.dumps([VALID, bad]).encode(), [], monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 4
    assert all(line.startswith("snapshot[1].") for line in err.splitlines())


@pytest.mark.parametrize("stdin", [b"", b"   \n", b"{", b"not json", b'{"a": 1,}', b"\xff\xfe\x00",
                                   b'{"temperature_c": NaN}', b"[" * 100_000])
def test_garbage_stdin(stdin: bytes, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_inprocess(stdin, [], monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("snapshot")
    assert "Traceback" not in err


def test_garbage_stdin_subprocess() -> None:
    code, out, err = run_subprocess(b"{oops", [])
    assert (code, out) == (2, "")
    assert err.startswith("snapshot: malformed JSON") and "Traceback" not in err


def test_lang_zh_cn_gives_chinese_drivers(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_inprocess(json.dumps(VALID).encode(), ["--lang", "zh_CN"], monkeypatch, capsys)
    assert code == 0
    result = json.loads(out)
    assert result["crs"]["drivers"][0].startswith("发热：体温 38.6 ℃")
    assert any("高流量鼻导管" in d for d in result["crs"]["drivers"])
    assert result["icans"]["drivers"][0].startswith("免疫效应细胞相关脑病 (ICE) 评分 8/10")


def test_lang_zh_cn_subprocess_is_utf8() -> None:
    code, out, _ = run_subprocess(b'{"temperature_c": 38.0}', ["--lang", "zh_CN"])
    assert code == 0 and "发热" in json.loads(out)["crs"]["drivers"][0]


def test_english_is_the_default(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_inprocess(b'{"temperature_c": 38.0}', [], monkeypatch, capsys)
    assert json.loads(out)["crs"]["drivers"] == [
        "fever: 38 °C (>= 38.0 °C) → grade 1 (ASTCT-2019; CSCO-2024 §4.1.1)"]


@pytest.mark.parametrize("args", [["--lang", "fr"], ["--bogus"], ["extra"]])
def test_bad_arguments_exit_2(args: list[str], monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_inprocess(b"{}", args, monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.strip() and "Traceback" not in err


def test_grade_never_imports_qt() -> None:
    script = ("import io, sys\n"
              "sys.stdin = io.TextIOWrapper(io.BytesIO(b'{\"temperature_c\": 39}'))\n"
              "from cartox_desk.__main__ import main\n"
              "code = main(['grade'])\n"
              "qt = sorted(m for m in sys.modules\n"
              "            if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
              "assert code == 0 and not qt, qt\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr.decode()
