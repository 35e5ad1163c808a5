"""The protocol in force is recorded in the database: a new process on the same database uses it too
(architecture.md), so the GUI, `cartox-desk report` and the census print and apply one protocol."""

from __future__ import annotations

import shutil
from pathlib import Path

from cartox_desk.core.management import available_protocols
from cartox_desk.services import Services


def _asco() -> Path:
    return next(p for p in available_protocols() if p.stem == "asco-2021")


def test_a_new_services_on_the_same_database_restores_the_protocol(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ward.sqlite'}"
    first = Services.from_url(url)
    nurse = first.create_user("Li Na", "physician")
    first.use_protocol(_asco(), by=nurse)
    first.close()

    again = Services.from_url(url)
    assert again.protocol().id == "asco-2021"
    assert again.protocol_id.startswith("asco-2021")
    again.close()


def test_a_fresh_database_uses_the_default(tmp_path: Path) -> None:
    services = Services.from_url(f"sqlite:///{tmp_path / 'ward.sqlite'}")
    assert services.protocol().id == "csco-2024"
    services.close()


def test_a_recorded_file_that_no_longer_loads_keeps_the_default(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ward.sqlite'}"
    copy = tmp_path / "hospital.json"
    shutil.copy(_asco(), copy)
    first = Services.from_url(url)
    first.use_protocol(copy, by=first.create_user("Dr Chen", "physician"))
    first.close()
    copy.unlink()  # the hospital file was moved away

    again = Services.from_url(url)
    assert again.protocol().id == "csco-2024"
    again.close()


def test_the_printed_summary_advises_and_is_labelled_by_the_protocol_in_force(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from cartox_desk.cli import report
    from cartox_desk.services.demo_ward import create_demo_ward

    db = tmp_path / "ward.sqlite"
    services = Services.from_url(f"sqlite:///{db}")
    create_demo_ward(services)
    services.use_protocol(_asco(), by=services.create_user("Dr Chen", "physician"))
    services.close()

    out = tmp_path / "day.pdf"
    assert report.main(["--mrn", "DEMO-01", "--day", "2", "--db", str(db), "--out", str(out)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "ASCO-2021 v2021.1" in text
    assert "CSCO-2024 v2024.1" not in text
