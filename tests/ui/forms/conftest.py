"""A fresh database per test, one nurse and two patients (an adult of 58 y / 72 kg and a child of 7 y)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from cartox_desk.services.api import Services


@pytest.fixture
def services(tmp_path):
    svc = Services.from_url(f"sqlite:///{tmp_path}/t.sqlite")
    yield svc
    svc.close()


@pytest.fixture
def nurse(services):
    return services.create_user("Li Na", "nurse")


def _dob(years: float) -> date:
    return (datetime.now() - timedelta(days=int(years * 365.25) + 30)).date()


@pytest.fixture
def adult(services, nurse):
    return services.admit_patient(
        by=nurse,
        mrn="MRN001",
        name="Wang Jun",
        sex="male",
        date_of_birth=_dob(58),
        diagnosis="LBCL",
        target="CD19",
        product_name="axi-cel",
        infusion_at=services.now() - timedelta(days=2),
        weight_kg=72,
        bed="03",
        baseline_ice=10,
    )


@pytest.fixture
def no_weight(services, nurse):
    return services.admit_patient(
        by=nurse,
        mrn="MRN002",
        name="Liu Fang",
        sex="female",
        date_of_birth=_dob(64),
        diagnosis="MM",
        target="BCMA",
        infusion_at=services.now() - timedelta(days=1),
        bed="11",
    )


@pytest.fixture
def child(services, nurse):
    return services.admit_patient(
        by=nurse,
        mrn="MRN003",
        name="Zhang Xiaoyu",
        sex="female",
        date_of_birth=_dob(7),
        diagnosis="B-ALL",
        target="CD19",
        infusion_at=services.now() - timedelta(days=4),
        weight_kg=25,
        bed="05",
        baseline_capd=2,
    )


def record_count(services, patient_id: int) -> int:
    t = services.get_patient_timeline(patient_id)
    return sum(
        len(getattr(t, name))
        for name in (
            "vitals",
            "oxygen",
            "vasopressors",
            "fluid_boluses",
            "labs",
            "encephalopathy",
            "neuro_exams",
            "medications",
            "interventions",
        )
    )
