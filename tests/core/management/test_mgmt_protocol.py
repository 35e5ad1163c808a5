"""Protocol files: both ship valid, cover CRS and ICANS grades 1-4, and a bad file is refused clearly."""

from __future__ import annotations

import copy
import json

import pytest
from mgmt_helpers import asco, csco

from cartox_desk.core.management import ProtocolError, default_protocol, load_protocol
from cartox_desk.core.management.protocol import protocols_dir


def raw() -> dict:
    return json.loads((protocols_dir() / "csco-2024.json").read_text(encoding="utf-8"))


def write(tmp_path, data) -> str:
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_default_is_csco_2024_with_id_and_version():
    p = default_protocol()
    assert (p.id, p.version) == ("csco-2024", "2024.1")
    assert p.tocilizumab.max_mg_per_dose == 800 and p.tocilizumab.max_doses_total == 4


def test_asco_alternative_loads():
    p = asco()
    assert (p.id, p.version) == ("asco-2021", "2021.1")


@pytest.mark.parametrize("protocol", [csco, asco])
def test_every_grade_covered(protocol):
    p = protocol()
    for domain in ("crs", "icans"):
        for grade in (1, 2, 3, 4):
            assert p.rows(domain, grade), (domain, grade)


@pytest.mark.parametrize("protocol", [csco, asco])
def test_every_row_has_a_source_and_doses_have_units(protocol):
    for row in protocol().all_rows():
        assert row.source.strip()
        for d in row.doses:
            assert d.unit and d.amount_min > 0


def _mutated(mutate):
    data = raw()
    mutate(data)
    return data


BAD = {
    "missing grade 4": (lambda d: d["crs"].pop("4"), "grades 1-4"),
    "icans grade missing": (lambda d: d["icans"].pop("2"), "grades 1-4"),
    "dose without unit": (lambda d: d["crs"]["2"][2]["doses"][0].pop("unit"), "missing ['unit']"),
    "unknown unit": (lambda d: d["crs"]["2"][2]["doses"][0].__setitem__("unit", "tablets"), "unit"),
    "negative dose": (lambda d: d["crs"]["2"][2]["doses"][0].__setitem__("amount", -10), "positive"),
    "reversed range": (lambda d: d["crs"]["3"][4]["doses"][0].__setitem__("amount", [20, 10]), "reversed"),
    "unknown condition": (lambda d: d["crs"]["1"][0].__setitem__("when", "full_moon"), "condition"),
    "condition without its number": (lambda d: d["crs"]["1"][3].pop("params"), "blasts_pct_min"),
    "code without text": (lambda d: d["crs"]["1"][0].__setitem__("code", "crs.g1.made_up"), "text"),
    "no source": (lambda d: d["crs"]["1"][0].__setitem__("source", ""), "source"),
    "toci cap zero": (lambda d: d["tocilizumab"].__setitem__("max_mg_per_dose", 0), "max_mg_per_dose"),
    "toci total not whole": (lambda d: d["tocilizumab"].__setitem__("max_doses_total", 4.5),
                             "max_doses_total"),
    "unknown key": (lambda d: d.__setitem__("surprise", 1), "unknown keys"),
    "wrong format": (lambda d: d.__setitem__("format", "other/9"), "format"),
    "taper interval": (lambda d: d["methylprednisolone_taper"]["steps"][1].__setitem__("interval_h", 7),
                       "divide 24"),
    "empty grade": (lambda d: d["icans"].__setitem__("3", []), "non-empty"),
    "duplicate code": (lambda d: d["crs"]["2"].append(copy.deepcopy(d["crs"]["2"][0])), "twice"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_protocol_refused_with_a_clear_error(tmp_path, name):
    mutate, words = BAD[name]
    path = write(tmp_path, _mutated(mutate))
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert path in str(info.value) and words in str(info.value)


def test_unreadable_files_refused(tmp_path):
    with pytest.raises(ProtocolError, match="cannot read"):
        load_protocol(write(tmp_path, "{not json"))
    with pytest.raises(ProtocolError, match="cannot read"):
        load_protocol(tmp_path / "missing.json")
    with pytest.raises(ProtocolError, match="top level must be an object"):
        load_protocol(write(tmp_path, "[]"))


def test_bad_file_leaves_the_current_protocol(tmp_path):
    current = default_protocol()
    path = write(tmp_path, _mutated(lambda d: d["crs"].pop("3")))
    try:
        current = load_protocol(path)
    except ProtocolError:
        current = current  # the caller keeps what it had
    assert current.id == "csco-2024"
    assert current.rows("crs", 3)


def test_a_valid_edited_copy_loads(tmp_path):
    data = raw()
    data["id"], data["version"] = "ward-7", "2026.11"
    p = load_protocol(write(tmp_path, data))
    assert (p.id, p.version) == ("ward-7", "2026.11")
    assert p.path.endswith("bad.json")
