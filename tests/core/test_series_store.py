"""Chart series over a timeline from the real store: an amended value replaces the original, a record
saved later appears (the live update), and the temperature entered in °F is charted in the ward's unit.

(Integration test: it lives beside the pure series tests because it checks the series' contract with the
store's PatientTimeline, through the public services API only.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from cartox_desk.config import path_to_url
from cartox_desk.core.series import SeriesCode, build_chart_series
from cartox_desk.services import Services

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai, day +2


def test_store_timeline_amendment_live_record_and_units(tmp_path) -> None:  # type: ignore[no-untyped-def]
    svc = Services.from_url(path_to_url(tmp_path / "ward.sqlite3"), tz=TZ, clock=lambda: NOW)
    try:
        nurse = svc.create_user("Nurse Wang", "nurse")
        infusion = datetime(2026, 3, 8, 2, 30, tzinfo=UTC)  # 10:30 Shanghai on 8 March: day 0
        p = svc.admit_patient(by=nurse, mrn="S-1", name="Wang Jun", sex="male", diagnosis="LBCL",
                              target="CD19", infusion_at=infusion, ward="7", bed="3", weight_kg=70)
        first = svc.record_vitals(p.patient_id, NOW - timedelta(hours=6), by=nurse, temperature_c=39.9,
                                  heart_rate_per_min=120)
        svc.record_vitals(p.patient_id, NOW - timedelta(hours=2), by=nurse, temperature_f=100.4)
        svc.amend_vitals(first.meta.record_id, by=nurse, reason="rectal probe misread", temperature_c=37.9)

        cs = build_chart_series(svc.get_patient_timeline(p.patient_id))
        temp = cs.vitals[SeriesCode.TEMPERATURE]
        # 08:00 and 12:00 Shanghai on day +2; the amended 37.9 replaces 39.9; °F entry stored as 38.0 °C.
        assert list(temp.xs) == pytest.approx([2 + 8 / 24, 2 + 12 / 24])
        assert list(temp.ys) == pytest.approx([37.9, 38.0])
        assert 39.9 not in list(temp.ys)
        assert list(cs.vitals[SeriesCode.HEART_RATE].ys) == [120]
        assert cs.infusion_x == pytest.approx(10.5 / 24)
        assert build_chart_series(svc.get_patient_timeline(p.patient_id), temperature_unit="F") \
            .vitals[SeriesCode.TEMPERATURE].ys[1] == pytest.approx(100.4)

        svc.record_vitals(p.patient_id, NOW - timedelta(minutes=10), by=nurse, temperature_c=38.6)
        live = build_chart_series(svc.get_patient_timeline(p.patient_id)).vitals[SeriesCode.TEMPERATURE]
        assert live.ys[-1] == pytest.approx(38.6) and len(live) == 3
    finally:
        svc.close()
