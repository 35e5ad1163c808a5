"""CAPD developmental anchors (clinical-rules §3.4): the column for the child's age, a hospital-installed
chart validated on load, and a plain "not installed" (never invented text) without one."""

from __future__ import annotations

import json

import pytest

from cartox_desk.ui import capd_items
from cartox_desk.ui.capd_items import (
    ANCHOR_COLUMNS,
    CAPD_KEYS,
    AnchorChart,
    AnchorFileError,
    anchor_band,
    capd_anchor,
    parse_anchor_chart,
)

WEEK = 7 / 365.25  # in years


@pytest.mark.parametrize(("age_years", "band"), [
    (0.0, "newborn"), (3.9 * WEEK, "newborn"), (4 * WEEK, "4_weeks"), (5.9 * WEEK, "4_weeks"),
    (6 * WEEK, "6_weeks"), (8 * WEEK, "8_weeks"), (27.9 * WEEK, "8_weeks"), (28 * WEEK, "28_weeks"),
    (51.9 * WEEK, "28_weeks"), (1.0, "1_year"), (1.99, "1_year"), (2.0, "2_years"), (2.99, "2_years"),
    (3.0, None), (7, None), (None, None), (-1, None),
])
def test_the_column_is_the_latest_the_child_has_reached(age_years, band):
    assert anchor_band(age_years) == band


def _chart(**override):
    columns = [code for code, _w, _l in ANCHOR_COLUMNS]
    items = {key: {c: f"{key} at {c}" for c in columns} for key in CAPD_KEYS}
    data = {"source": "Our ward's copy, 2025", "anchors": {"en": items}}
    data.update(override)
    return data


def test_an_installed_chart_is_shown_with_its_column_and_source():
    chart = parse_anchor_chart(_chart())
    text = capd_anchor("restless", 0.6, chart)  # 31 weeks: the 28-weeks column
    assert text == "28 weeks: restless at 28_weeks (Our ward's copy, 2025)"
    assert capd_anchor("restless", 4, chart) is None


@pytest.mark.parametrize(("change", "message"), [
    ({"source": ""}, "source"),
    ({"anchors": {}}, "anchors"),
    ({"anchors": {"fr": {}}}, "anchors.fr: unknown language"),
])
def test_a_bad_chart_is_refused_naming_the_problem(change, message):
    with pytest.raises(AnchorFileError, match=message):
        parse_anchor_chart(_chart(**change))


def test_a_chart_missing_one_cell_is_refused():
    data = _chart()
    data["anchors"]["en"]["inconsolable"]["8_weeks"] = "  "
    with pytest.raises(AnchorFileError, match=r"anchors\.en\.inconsolable\.8_weeks: empty text"):
        parse_anchor_chart(data)
    del data["anchors"]["en"]["inconsolable"]["8_weeks"]
    with pytest.raises(AnchorFileError, match="needs exactly the columns"):
        parse_anchor_chart(data)


def test_the_file_is_found_through_the_environment_and_a_refused_file_says_so(tmp_path, monkeypatch):
    path = tmp_path / "capd_anchors.json"
    path.write_text(json.dumps(_chart()), encoding="utf-8")
    monkeypatch.setenv(capd_items.ENV_ANCHOR_FILE, str(path))
    capd_items.installed_anchor_chart.cache_clear()
    try:
        found = capd_items.installed_anchor_chart()
        assert isinstance(found, AnchorChart) and found.path == path
        assert "eye_contact at newborn" in capd_anchor("eye_contact", 0.01)
        path.write_text("{not json", encoding="utf-8")
        capd_items.installed_anchor_chart.cache_clear()
        text = capd_anchor("eye_contact", 0.01)
        assert "refused" in text and str(path) in text
    finally:
        capd_items.installed_anchor_chart.cache_clear()


def test_without_a_chart_the_nurse_reads_not_installed_never_made_up_text():
    text = capd_anchor("eye_contact", 1.5, None)
    assert text.startswith("Anchor points for 1 year: not installed")
