"""Alerts kept in the record (raised, seen, cleared, acknowledged by a named user, audited), the census
counts, and the recommendation checklist marks (append-only, the latest supersedes)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cartox_desk.core.management import Alert, ManagementPlan, Severity
from cartox_desk.core.records import PatientSummary, UserRef
from cartox_desk.persistence.tables import AlertRecord, RecommendationMarkRecord, VitalSignsRecord
from cartox_desk.services import Services, ValidationError
from cartox_desk.services import api as api_module

from .conftest import NOW


def _rows(svc: Services, table: type) -> int:
    with svc.session() as s:
        return int(s.execute(select(func.count()).select_from(table)).scalar_one())


def _plan(*alerts: Alert) -> ManagementPlan:
    return ManagementPlan("csco-2024", "test", NOW, None, None, alerts=alerts)


def test_a_fever_raises_an_alert_after_the_write_and_voiding_it_clears_it(
    svc: Services, patient: PatientSummary, nurse: UserRef, physician: UserRef
) -> None:
    pid = patient.patient_id
    assert svc.active_alerts(pid) == []
    v = svc.record_vitals(pid, NOW - timedelta(hours=1), by=nurse, temperature_c=39.1)
    active = svc.active_alerts(pid)
    assert "fever.within_21d" in [a.code for a in active]
    fever = next(a for a in active if a.code == "fever.within_21d")
    assert fever.first_raised_at == fever.last_seen_at == NOW and not fever.acknowledged
    assert fever.alert.source and isinstance(fever.severity, Severity)
    raised = [e for e in svc.audit_events(patient_id=pid) if e.action == "refresh_alerts"]
    assert raised and "fever.within_21d" in raised[0].after["raised"]
    # the fever was entered on the wrong patient: withdrawn, the alert clears (and stays in the record)
    svc.void_record("vitals", v.meta.record_id, by=physician, reason="wrong patient")
    assert "fever.within_21d" not in [a.code for a in svc.active_alerts(pid)]
    history = svc.active_alerts(pid, include_cleared=True)
    cleared = next(a for a in history if a.code == "fever.within_21d")
    assert cleared.cleared_at == NOW and not cleared.active
    assert any(
        "fever.within_21d" in e.after["cleared"]
        for e in svc.audit_events(patient_id=pid)
        if e.after and "cleared" in e.after
    )


def test_refresh_inserts_updates_clears_and_re_raises(
    svc: Services, patient: PatientSummary, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = patient.patient_id
    a = Alert("test.a", "SRC §1", Severity.WARNING, (("n", "1"),))
    b = Alert("test.b", "SRC §2", Severity.URGENT)
    plans = iter(
        [_plan(a, b), _plan(Alert("test.a", "SRC §1", Severity.URGENT, (("n", "2"),))), _plan(), _plan(b)]
    )
    monkeypatch.setattr(api_module, "management_plan", lambda timeline, now, *_: next(plans))

    first = svc.refresh_alerts(pid, NOW)
    assert [x.code for x in first] == ["test.b", "test.a"]  # most severe first
    assert first[1].alert.param("n") == "1"
    second = svc.refresh_alerts(pid, NOW + timedelta(hours=1))
    assert [x.code for x in second] == ["test.a"]
    assert second[0].first_raised_at == NOW and second[0].last_seen_at == NOW + timedelta(hours=1)
    assert second[0].severity is Severity.URGENT and second[0].alert.param("n") == "2"  # kept current
    assert svc.refresh_alerts(pid, NOW + timedelta(hours=2)) == []
    again = svc.refresh_alerts(pid, NOW + timedelta(hours=3))
    assert [x.code for x in again] == ["test.b"] and again[0].first_raised_at == NOW + timedelta(hours=3)
    assert _rows(svc, AlertRecord) == 3  # test.b raised twice: two rows, the first one cleared
    assert [e.action for e in svc.audit_events(patient_id=pid)].count("refresh_alerts") == 4


def test_an_alert_is_acknowledged_by_a_named_user_and_audited(
    svc: Services,
    patient: PatientSummary,
    physician: UserRef,
    nurse: UserRef,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = patient.patient_id
    monkeypatch.setattr(
        api_module, "management_plan", lambda timeline, now, *_: _plan(Alert("test.a", "S", Severity.URGENT))
    )
    [alert] = svc.refresh_alerts(pid, NOW)
    row = next(r for r in svc.ward_census() if r.patient_id == pid)
    assert (row.alert_count, row.unacknowledged_alerts) == (1, 1)
    acked = svc.acknowledge_alert(alert.alert_id, by=physician, note="tocilizumab ordered")
    assert acked.acknowledged and acked.acknowledged_by == "Dr Chen" and acked.acknowledged_at == NOW
    assert acked.ack_note == "tocilizumab ordered"
    assert svc.active_alerts(pid)[0].acknowledged_by == "Dr Chen"
    event = svc.audit_events(patient_id=pid)[0]
    assert (event.action, event.entity, event.user, event.entity_id) == (
        "acknowledge",
        "alert",
        "Dr Chen",
        alert.alert_id,
    )
    assert event.before["acknowledged_at"] is None and event.after["acknowledged_by_id"] == physician.user_id
    with pytest.raises(ValidationError, match="already acknowledged by Dr Chen"):
        svc.acknowledge_alert(alert.alert_id, by=nurse)
    row = next(r for r in svc.ward_census() if r.patient_id == pid)
    assert (row.alert_count, row.unacknowledged_alerts) == (1, 0)  # active until the plan clears it
    # still acknowledged on the next refresh that sees it
    assert svc.refresh_alerts(pid, NOW + timedelta(minutes=30))[0].acknowledged


def test_census_counts_active_alerts_per_patient(
    svc: Services, patient: PatientSummary, nurse: UserRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = svc.admit_patient(
        by=nurse, mrn="MRN002", name="Li Lei", sex="male", diagnosis="MM", target="BCMA",
        infusion_at=NOW - timedelta(days=3), weight_kg=60, bed="14",
    )  # fmt: skip
    alerts = {
        patient.patient_id: _plan(Alert("a", "S", Severity.WARNING), Alert("b", "S", Severity.INFO)),
        other.patient_id: _plan(
            Alert("c", "S", Severity.URGENT), Alert("d", "S", Severity.INFO), Alert("e", "S", Severity.INFO)
        ),
    }
    monkeypatch.setattr(
        api_module, "management_plan", lambda timeline, now, *_: alerts[timeline.patient.patient_id]
    )
    svc.refresh_alerts(patient.patient_id, NOW)
    svc.refresh_alerts(other.patient_id, NOW)
    svc.acknowledge_alert(svc.active_alerts(other.patient_id)[0].alert_id, by=nurse)
    alerts[patient.patient_id] = _plan(Alert("a", "S", Severity.WARNING))  # b clears
    svc.refresh_alerts(patient.patient_id, NOW)
    counts = {r.patient_id: (r.alert_count, r.unacknowledged_alerts) for r in svc.ward_census()}
    assert counts == {patient.patient_id: (1, 1), other.patient_id: (3, 2)}


def test_census_names_the_alerts_unacknowledged_first_then_most_severe(
    svc: Services, patient: PatientSummary, nurse: UserRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = patient.patient_id
    plan = _plan(Alert("a.info", "S", Severity.INFO), Alert("m.warning", "S", Severity.WARNING),
                 Alert("z.urgent", "S", Severity.URGENT), Alert("b.urgent", "S", Severity.URGENT))
    monkeypatch.setattr(api_module, "management_plan", lambda timeline, now, *_: plan)
    svc.refresh_alerts(pid, NOW)
    seen = next(a for a in svc.active_alerts(pid) if a.code == "b.urgent")
    svc.acknowledge_alert(seen.alert_id, by=nurse)
    row = next(r for r in svc.ward_census() if r.patient_id == pid)
    assert row.alert_codes == ("z.urgent", "m.warning", "a.info", "b.urgent")


def test_a_failing_refresh_never_loses_the_clinical_write(
    svc: Services, patient: PatientSummary, nurse: UserRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("plan engine down")

    monkeypatch.setattr(api_module, "management_plan", broken)
    v = svc.record_vitals(patient.patient_id, NOW, by=nurse, temperature_c=39.0)
    assert v.temperature_c == 39.0 and _rows(svc, VitalSignsRecord) == 1
    assert _rows(svc, AlertRecord) == 0
    with pytest.raises(RuntimeError):
        svc.refresh_alerts(patient.patient_id)


def test_recommendation_marks_are_append_only_and_the_latest_supersedes(
    svc: Services, patient: PatientSummary, physician: UserRef, clock
) -> None:
    pid = patient.patient_id
    assert svc.recommendation_marks(pid) == {}
    first = svc.mark_recommendation(pid, "crs.g2.tocilizumab", "done", by=physician, note="given 08:00")
    assert (first.status, first.by, first.at, first.note) == ("done", "Dr Chen", NOW, "given 08:00")
    clock.now = NOW + timedelta(minutes=5)
    svc.mark_recommendation(pid, "crs.g2.tocilizumab", "not_indicated", by=physician, note="marked in error")
    svc.mark_recommendation(pid, "crs.g2.fluids", "done", by=physician)
    marks = svc.recommendation_marks(pid)
    assert set(marks) == {"crs.g2.tocilizumab", "crs.g2.fluids"}
    assert marks["crs.g2.tocilizumab"].status == "not_indicated"
    assert marks["crs.g2.tocilizumab"].at == NOW + timedelta(minutes=5)
    assert _rows(svc, RecommendationMarkRecord) == 3  # the earlier mark stays stored
    assert [e.action for e in svc.audit_events(patient_id=pid)][:3] == ["mark", "mark", "mark"]
    with pytest.raises(ValidationError) as refused:
        svc.mark_recommendation(pid, "", "maybe", by=physician)
    assert [p.field for p in refused.value.problems] == ["code", "status"]
    assert "done, not_indicated" in str(refused.value)
    assert _rows(svc, RecommendationMarkRecord) == 3


def test_a_mark_is_withdrawn_with_a_reason_by_a_new_record(
    svc: Services, patient: PatientSummary, physician: UserRef, clock
) -> None:
    pid = patient.patient_id
    with pytest.raises(ValidationError) as nothing:
        svc.mark_recommendation(pid, "crs.g2.fluids", "withdrawn", by=physician, note="wrong row")
    assert [p.field for p in nothing.value.problems] == ["code"]
    svc.mark_recommendation(pid, "crs.g2.fluids", "done", by=physician)
    with pytest.raises(ValidationError) as no_reason:
        svc.mark_recommendation(pid, "crs.g2.fluids", "withdrawn", by=physician, note="  ")
    assert [p.field for p in no_reason.value.problems] == ["note"]
    assert _rows(svc, RecommendationMarkRecord) == 1  # refused: nothing written
    clock.now = NOW + timedelta(minutes=2)
    svc.mark_recommendation(pid, "crs.g2.fluids", "withdrawn", by=physician, note="ticked the wrong row")
    assert svc.recommendation_marks(pid) == {}  # open again
    assert _rows(svc, RecommendationMarkRecord) == 2  # the tick stays stored beside its withdrawal
    assert svc.audit_events(patient_id=pid)[0].summary == "crs.g2.fluids: withdrawn"
    with pytest.raises(ValidationError):  # nothing left to withdraw
        svc.mark_recommendation(pid, "crs.g2.fluids", "withdrawn", by=physician, note="again")
    clock.now = NOW + timedelta(minutes=4)
    svc.mark_recommendation(pid, "crs.g2.fluids", "not_indicated", by=physician)
    assert svc.recommendation_marks(pid)["crs.g2.fluids"].status == "not_indicated"


def test_the_ward_refresh_covers_every_admitted_patient_and_skips_a_failure(
    svc: Services, patient: PatientSummary, nurse: UserRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = svc.admit_patient(
        by=nurse, mrn="MRN002", name="Li Lei", sex="male", diagnosis="MM", target="BCMA",
        infusion_at=NOW - timedelta(days=3), weight_kg=60, bed="14",
    )  # fmt: skip

    def plan(timeline, now, protocol=None):
        if timeline.patient.patient_id == other.patient_id:
            raise RuntimeError("bad data")
        return _plan(Alert("overdue", "S", Severity.WARNING))

    monkeypatch.setattr(api_module, "management_plan", plan)
    result = svc.refresh_ward_alerts(NOW)
    assert [a.code for a in result[patient.patient_id]] == ["overdue"] and other.patient_id not in result


def test_a_weight_change_refreshes_the_alerts(
    svc: Services, patient: PatientSummary, nurse: UserRef, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        api_module,
        "management_plan",
        lambda timeline, now, *_: (
            _plan() if timeline.patient.weight_kg else _plan(Alert("no_weight", "S", Severity.INFO))
        ),
    )
    svc.update_patient(patient.patient_id, by=nurse, reason="weight not yet measured", weight_kg=None)
    assert [a.code for a in svc.active_alerts(patient.patient_id)] == ["no_weight"]


def test_a_duplicate_active_alert_from_a_race_is_closed_on_refresh(
    svc: Services, patient: PatientSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = patient.patient_id
    with svc.session() as s:
        for _ in range(2):
            s.add(
                AlertRecord(
                    patient_id=pid, code="dup", severity="info", first_raised_at=NOW, last_seen_at=NOW
                )
            )
        s.commit()
    monkeypatch.setattr(
        api_module, "management_plan", lambda timeline, now, *_: _plan(Alert("dup", "S", Severity.INFO))
    )
    assert [a.code for a in svc.refresh_alerts(pid, NOW)] == ["dup"]
    assert next(r for r in svc.ward_census() if r.patient_id == pid).alert_count == 1
