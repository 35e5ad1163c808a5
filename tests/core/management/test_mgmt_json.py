"""`plan_to_json`: the optional `management` section of `cartox-desk grade` output."""

from __future__ import annotations

import json

from mgmt_helpers import plan, toci

from cartox_desk.core.management import plan_to_json


def test_json_round_trip_and_content():
    p = plan(crs_grade=2, icans_grade=1, administrations=toci(10))
    data = plan_to_json(p, "en")
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["protocol"] == {"id": "csco-2024", "version": "2024.1"}
    assert again["crs_grade"] == 2 and again["icans_grade"] == 1
    recs = {r["code"]: r for r in again["recommendations"]}
    dex = recs["crs.g2.dexamethasone"]
    assert (dex["source"], dex["status"], dex["kind"]) == ("REVIEW-2022 Table 2", "applies", "checklist")
    assert dex["doses"][0] == {"drug": "dexamethasone", "amount_min": 10, "amount_max": 10, "unit": "mg",
                               "route": "IV", "interval": "q6-8h", "duration": None}
    assert dex["text"] == "Consider dexamethasone 10 mg IV q6-8h."
    t = again["tocilizumab"]
    assert t["mg"] == 560 and t["dose_number"] == 2 and t["allowed"] is True and t["refusal"] is None
    assert all({"code", "source", "severity", "params", "text"} <= set(a) for a in again["alerts"])
    assert all({"code", "status", "text"} <= set(f) for f in again["flags"])


def test_json_zh_and_not_assessed():
    data = plan_to_json(plan(crs_grade=None, icans_grade=None, weight_kg=None), "zh_CN")
    assert data["lang"] == "zh_CN" and data["tocilizumab"] is None
    codes = {n["code"] for n in data["not_assessable"]}
    assert {"crs.management", "icans.management"} <= codes
    assert all("无法评估" in n["text"] for n in data["not_assessable"])
