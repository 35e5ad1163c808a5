"""`cartox-desk report` on a real (temporary) database through the Services facade."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from cartox_desk.__main__ import main as cartox_main
from cartox_desk.cli.report import main
from cartox_desk.config import path_to_url
from cartox_desk.services import Services

TZ_NAME = "Asia/Shanghai"


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture(autouse=True)
def _ward_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARTOX_TIMEZONE", TZ_NAME)


@pytest.fixture(scope="module")
def ward_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two admitted patients (beds 05 and 03), infused 3 days ago; the reports only read it."""
    from zoneinfo import ZoneInfo

    path = tmp_path_factory.mktemp("report-cli") / "ward.sqlite3"
    svc = Services.from_url(path_to_url(path), tz=ZoneInfo(TZ_NAME))
    try:
        nurse = svc.create_user("Li Na", "nurse")
        infusion = datetime.now(UTC) - timedelta(days=3)
        for mrn, name, bed in (("M-05", "Zhang Xiaoyu", "05"), ("M-03", "Wang Jun", "03")):
            p = svc.admit_patient(
                by=nurse,
                mrn=mrn,
                name=name,
                sex="male",
                diagnosis="LBCL",
                target="CD19",
                infusion_at=infusion,
                product_name="axi-cel",
                weight_kg=72.0,
                ward="Ward 7",
                bed=bed,
                baseline_ice=10,
            )
            for h in range(0, 60, 4):
                at = infusion + timedelta(hours=h)
                svc.record_vitals(
                    p.patient_id,
                    at,
                    by=nurse,
                    temperature_c=38.6 if h == 28 else 37.1,
                    systolic_bp_mmhg=118,
                    diastolic_bp_mmhg=70,
                    heart_rate_per_min=90,
                    spo2_pct=97,
                )
            svc.record_lab(p.patient_id, infusion + timedelta(hours=26), by=nurse, analyte="il6", value=420.0)
            svc.record_medication(
                p.patient_id,
                infusion + timedelta(hours=30),
                by=nurse,
                kind="tocilizumab",
                dose=576,
                unit="mg",
                route="IV",
            )
    finally:
        svc.close()
    return path


def _day_of(hours_after_infusion: int) -> int:
    """The shift-based ward day (08:00 start) of an instant, for assertions on a moving clock."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(TZ_NAME)
    infusion = datetime.now(UTC) - timedelta(days=3)
    at = (infusion + timedelta(hours=hours_after_infusion)).astimezone(tz) - timedelta(hours=8)
    return (at.date() - infusion.astimezone(tz).date()).days


def test_patient_day_report(ward_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wang.pdf"
    day = _day_of(28)
    assert (
        main(["--mrn", "M-03", "--day", str(day), "--out", str(out), "--db", str(ward_db), "--by", "Dr Zhao"])
        == 0
    )
    t = _text(out)
    assert "MRN M-03" in t and f"Day {day:+d}" in t
    assert "38.6 °C" in t and "in progress" not in t  # a finished day
    assert "Generated" in t and "by Dr Zhao" in t


def test_chinese_report_through_the_dispatcher(ward_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wang-zh.pdf"
    code = cartox_main(
        [
            "report",
            "--mrn",
            "M-03",
            "--day",
            "1",
            "--out",
            str(out),
            "--lang",
            "zh_CN",
            "--db",
            str(ward_db),
            "--page-size",
            "Letter",
        ]
    )
    assert code == 0
    t = _text(out)
    assert "每日毒性反应总结" in t and "细胞因子释放综合征" in t


def test_ward_report_one_section_per_admitted_patient_in_bed_order(ward_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ward.pdf"
    assert main(["--ward", "--out", str(out), "--db", str(ward_db)]) == 0
    t = _text(out)
    assert t.count("Daily toxicity summary") == 2
    assert t.index("MRN M-03 · Bed 03") < t.index("MRN M-05 · Bed 05")
    assert "Ward census" in t


def test_unknown_mrn_is_a_clear_error_with_status_2(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--mrn", "NOPE", "--day", "1", "--out", str(out), "--db", str(ward_db)]) == 2
    err = capsys.readouterr().err
    assert "unknown MRN 'NOPE'" in err and "Traceback" not in err
    assert not out.exists()


def test_a_day_before_infusion_without_data_is_refused(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--mrn", "M-03", "--day", "-4", "--out", str(tmp_path / "x.pdf"), "--db", str(ward_db)]) == 2
    assert "before the infusion" in capsys.readouterr().err


def test_a_day_not_started_is_refused(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--mrn", "M-03", "--day", "30", "--out", str(tmp_path / "x.pdf"), "--db", str(ward_db)]) == 2
    assert "has not started yet" in capsys.readouterr().err


def test_missing_database_bad_date_and_usage_errors(
    tmp_path: Path, ward_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--ward", "--out", str(tmp_path / "w.pdf"), "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "no database at" in capsys.readouterr().err
    assert (
        main(["--ward", "--date", "2026-13-40", "--out", str(tmp_path / "w.pdf"), "--db", str(ward_db)]) == 2
    )
    assert "is not a date" in capsys.readouterr().err
    assert main(["--mrn", "M-03"]) == 2  # --out missing
    assert "--out" in capsys.readouterr().err
    assert main(["--ward", "--day", "2", "--out", str(tmp_path / "w.pdf")]) == 2


def test_the_console_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "cartox_desk",
            "report",
            "--mrn",
            "X",
            "--day",
            "1",
            "--out",
            str(tmp_path / "x.pdf"),
            "--db",
            str(tmp_path / "missing.sqlite3"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert "no database at" in r.stderr and "Traceback" not in r.stderr
