"""The protocol in force is switchable (issue 6 item 1): a hospital file is validated first, a bad one
changes nothing; a good one is audited and named on every grade record from then on, and the plan uses it."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from cartox_desk.core.management import available_protocols
from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.services import Services, ValidationError

from .conftest import NOW


def _shipped(stem: str) -> Path:
    return next(p for p in available_protocols() if p.stem == stem)


def _last_protocol_id(svc: Services, pid: int) -> str:
    return svc.grade_history(pid)[-1].protocol_id


def test_a_bad_protocol_file_is_refused_and_nothing_changes(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef, tmp_path: Path
) -> None:
    pid = patient.patient_id
    svc.record_vitals(pid, NOW - timedelta(hours=2), by=nurse, temperature_c=38.6)
    before_id, before_protocol = _last_protocol_id(svc, pid), svc.protocol()
    events_before = len(svc.audit_events())
    raw = json.loads(_shipped("asco-2021").read_text(encoding="utf-8"))
    del raw["crs"]["4"]  # CRS grade 4 no longer covered
    bad = tmp_path / "hospital.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    for path in (bad, tmp_path / "missing.json"):
        with pytest.raises(ValidationError) as err:
            svc.use_protocol(path, by=physician)
        assert str(path) in str(err.value)
    assert svc.protocol() is before_protocol
    assert len(svc.audit_events()) == events_before
    svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=38.9)
    assert _last_protocol_id(svc, pid) == before_id


def test_a_good_file_is_in_force_for_the_next_grade_record_and_audited(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef, tmp_path: Path
) -> None:
    pid = patient.patient_id
    svc.record_vitals(pid, NOW - timedelta(hours=2), by=nurse, temperature_c=38.6)
    assert _last_protocol_id(svc, pid) == "CSCO-2024"
    path = tmp_path / "our-hospital.json"
    shutil.copy(_shipped("asco-2021"), path)
    protocol = svc.use_protocol(path, by=physician)
    assert svc.protocol() is protocol and (protocol.id, protocol.version) == ("asco-2021", "2021.1")
    svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=38.9)
    assert _last_protocol_id(svc, pid) == "asco-2021 2021.1"
    event = [e for e in svc.audit_events() if e.entity == "protocol"][-1]
    assert event.user == physician.name and event.after and event.after["protocol"] == "asco-2021 2021.1"
    assert event.before == {"protocol": "CSCO-2024"}
    # the plan (and so the alerts) follows the protocol in force
    plan = svc.management_plan(svc.get_patient_timeline(pid, at=NOW), NOW)
    assert plan.protocol_id == "asco-2021"
    # back to the default by id
    svc.use_protocol("CSCO-2024", by=physician)
    assert svc.management_plan(svc.get_patient_timeline(pid, at=NOW), NOW).protocol_id == "csco-2024"
    svc.record_vitals(pid, NOW - timedelta(minutes=30), by=nurse, temperature_c=38.2)
    assert _last_protocol_id(svc, pid) == "csco-2024 2024.1"
