"""Benchmark (not a test) of the daily summary PDF (issue 7): one patient-day, and a ward of 20 patients.

Data volume: per patient 30 days of minute vitals (43,200 sets), 10 analytes a day (300 labs), ICE every
8 h, 40 medications, oxygen and vasopressor episodes, graded by `core.timeline.build_timeline` (a grade
point at every record time), in memory. The timelines are built once (the store's load and the timeline
build have their own benchmarks); what is timed is the report: `build_daily_summary_data` (day window,
7-day course, chart series from `core.series`, the management plan) plus `render_daily_summary` /
`render_ward_report` to PDF bytes. Targets: < 300 ms per patient-day, < 5 s for a ward of 20.

With ``--db PATH|URL`` the whole command `cartox-desk report --ward` is also timed on that database
(e.g. the demo ward), store load included.

Last line: ``RESULT patient_day_ms=<median> ward20_s=<best>``.

Usage: python bench/report.py [--patients 20] [--days 30] [--runs 5] [--db PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cartox_desk.core.labs import ANALYTES, Analyte  # noqa: E402
from cartox_desk.core.records import (  # noqa: E402
    CarTarget,
    Diagnosis,
    EncephalopathyAssessment,
    LabResult,
    MedicationAdministration,
    MedicationKind,
    OxygenRecord,
    PatientStatus,
    PatientSummary,
    RecordMeta,
    Sex,
    VasopressorEvent,
    VasopressorRecord,
    VitalSigns,
)
from cartox_desk.core.snapshot import (  # noqa: E402
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    OxygenDevice,
    VasopressorDrug,
)
from cartox_desk.core.timeline import build_timeline  # noqa: E402
from cartox_desk.reporting import (  # noqa: E402
    build_daily_summary_data,
    render_daily_summary,
    render_ward_report,
)

TZ = ZoneInfo("Asia/Shanghai")
INFUSION = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
LABS = (
    Analyte.IL6,
    Analyte.CRP,
    Analyte.FERRITIN,
    Analyte.FIBRINOGEN,
    Analyte.LDH,
    Analyte.ALT,
    Analyte.CREATININE,
    Analyte.ANC,
    Analyte.PLATELETS,
    Analyte.HEMOGLOBIN,
)
LAB_BASE = {
    Analyte.IL6: 20.0,
    Analyte.CRP: 15.0,
    Analyte.FERRITIN: 800.0,
    Analyte.FIBRINOGEN: 300.0,
    Analyte.LDH: 250.0,
    Analyte.ALT: 30.0,
    Analyte.CREATININE: 70.0,
    Analyte.ANC: 1.5,
    Analyte.PLATELETS: 120.0,
    Analyte.HEMOGLOBIN: 100.0,
}


def _meta(i: int, at: datetime) -> RecordMeta:
    return RecordMeta(record_id=i, at=at, entered_by="bench", entered_at=at)


def make_timeline(index: int, days: int):
    rnd = random.Random(1000 + index)
    onset = 1.5 + rnd.random() * 2  # CRS onset between day 1.5 and 3.5
    vitals = []
    for m in range(days * 24 * 60):
        at = INFUSION + timedelta(minutes=m)
        d = m / 1440
        fever = onset <= d < onset + 3
        shock = onset + 1 <= d < onset + 2
        vitals.append(
            VitalSigns(
                meta=_meta(m, at),
                temperature_c=round(rnd.gauss(38.7 if fever else 36.8, 0.15), 1),
                heart_rate_per_min=round(rnd.gauss(115 if fever else 80, 3)),
                systolic_bp_mmhg=round(rnd.gauss(86 if shock else 118, 4)),
                diastolic_bp_mmhg=60,
                spo2_pct=round(rnd.gauss(93 if shock else 97, 1)),
                hypotension_confirmed=shock and m % 60 == 0,
            )
        )
    t_on = INFUSION + timedelta(days=onset)
    oxygen = [
        OxygenRecord(_meta(1, t_on + timedelta(hours=20)), OxygenDevice.NASAL_CANNULA, 3.0),
        OxygenRecord(_meta(2, t_on + timedelta(hours=30)), OxygenDevice.FACE_MASK, 8.0),
        OxygenRecord(_meta(3, t_on + timedelta(hours=50)), OxygenDevice.NASAL_CANNULA, 2.0),
        OxygenRecord(_meta(4, t_on + timedelta(hours=70)), OxygenDevice.ROOM_AIR),
    ]
    ne = VasopressorDrug.NOREPINEPHRINE
    ug = DoseRateUnit.UG_PER_MIN
    vaso = [
        VasopressorRecord(_meta(1, t_on + timedelta(hours=26)), ne, VasopressorEvent.START, 5.0, ug),
        VasopressorRecord(_meta(2, t_on + timedelta(hours=30)), ne, VasopressorEvent.CHANGE, 12.0, ug),
        VasopressorRecord(_meta(3, t_on + timedelta(hours=46)), ne, VasopressorEvent.STOP, None, ug),
    ]
    labs = []
    for day in range(days):
        at = INFUSION + timedelta(days=day, hours=20)  # 04:00 local, the morning round
        factor = 30.0 if onset <= day < onset + 3 else 1.0
        for a in LABS:
            base = LAB_BASE[a]
            value = base * (factor if a in (Analyte.IL6, Analyte.CRP, Analyte.FERRITIN) else 1.0)
            value = round(value * rnd.uniform(0.8, 1.2), 2)
            unit = ANALYTES[a].canonical_unit
            labs.append(LabResult(_meta(len(labs), at), a, value, unit, value, unit))
    ice = []
    for i in range(days * 3):
        at = INFUSION + timedelta(hours=8 * i)
        drop = 3 if onset + 1 <= i / 3 < onset + 2.5 else 0
        ice.append(
            EncephalopathyAssessment(
                _meta(i, at),
                EncephalopathyTool.ICE,
                ice=IceAssessment(orientation=4 - drop, naming=3, commands=1, writing=1, attention=1),
                score=10 - drop,
                is_baseline=i == 0,
            )
        )
    meds = []
    for i in range(40):
        at = INFUSION + timedelta(hours=18 * i)
        kind = (MedicationKind.ANTIPYRETIC, MedicationKind.LEVETIRACETAM)[i % 2]
        meds.append(MedicationAdministration(_meta(i, at), kind, kind.value, 500.0, "mg", "PO"))
    for n in range(2):
        meds.append(
            MedicationAdministration(
                _meta(100 + n, t_on + timedelta(hours=4 + 10 * n)),
                MedicationKind.TOCILIZUMAB,
                "tocilizumab",
                560.0,
                "mg",
                "IV",
            )
        )
    meds.append(
        MedicationAdministration(
            _meta(200, t_on + timedelta(hours=28)),
            MedicationKind.DEXAMETHASONE,
            "dexamethasone",
            10.0,
            "mg",
            "IV",
        )
    )
    meds.sort(key=lambda m: m.meta.at)
    patient = PatientSummary(
        patient_id=index + 1,
        mrn=f"B{index + 1:04d}",
        name=f"Bench Patient {index + 1}",
        sex=Sex.FEMALE,
        date_of_birth=date(1965, 5, 5),
        weight_kg=70.0,
        height_cm=168.0,
        diagnosis=Diagnosis.LBCL,
        product_name="axi-cel",
        target=CarTarget.CD19,
        costim_domain="CD28",
        infusion_at=INFUSION,
        lymphodepletion_start=date(2026, 2, 24),
        ward="7B",
        bed=f"{index + 1:02d}",
        marrow_blasts_pct=None,
        baseline_ice=10,
        baseline_capd=None,
        developmental_delay=False,
        risk_notes="",
        status=PatientStatus.ADMITTED,
    )
    return build_timeline(
        patient,
        TZ,
        INFUSION + timedelta(days=days),
        vitals=vitals,
        oxygen=oxygen,
        vasopressors=vaso,
        labs=labs,
        encephalopathy=ice,
        medications=meds,
    )


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--patients", type=int, default=20)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--day", type=int, default=4, help="the patient-day to report (default +4, CRS running)")
    ap.add_argument("--db", help="also time `cartox-desk report --ward` on this database")
    ap.add_argument("--out", type=Path, help="write the PDFs here to look at them")
    args = ap.parse_args()

    t0 = time.perf_counter()
    timelines = [make_timeline(i, args.days) for i in range(args.patients)]
    tl = timelines[0]
    print(
        f"data: {args.patients} patients x {args.days} days; per patient vitals={len(tl.vitals)} "
        f"labs={len(tl.labs)} ice={len(tl.encephalopathy)} meds={len(tl.medications)} "
        f"grade points={len(tl.grades)} (timelines built in {_ms(t0) / 1000:.1f} s, not timed below)"
    )

    # one patient-day: build the page data + render the PDF
    t0 = time.perf_counter()
    pdf = render_daily_summary(build_daily_summary_data(tl, args.day))
    cold = _ms(t0)
    runs = []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        data = build_daily_summary_data(tl, args.day)
        t_build = _ms(t0)
        pdf = render_daily_summary(data)
        runs.append((_ms(t0), t_build, (time.process_time() - c0) * 1000))
    day_ms = statistics.median(r[0] for r in runs)
    build_ms = statistics.median(r[1] for r in runs)
    cpu_ms = statistics.median(r[2] for r in runs)
    print(
        f"patient-day: cold {cold:.0f} ms (fonts, protocol, imports); warm median {day_ms:.0f} ms wall "
        f"(data {build_ms:.0f} ms + render {day_ms - build_ms:.0f} ms; {cpu_ms:.0f} ms CPU), "
        f"{len(pdf) // 1024} KiB"
    )

    # a ward of N: every summary + cover in one PDF
    ward_runs = []
    for _ in range(max(1, args.runs // 2)):
        t0, c0 = time.perf_counter(), time.process_time()
        summaries = [build_daily_summary_data(t, args.day) for t in timelines]
        ward_pdf = render_ward_report(summaries, ward="7B", hospital="Bench Hospital")
        ward_runs.append((_ms(t0) / 1000, time.process_time() - c0))
    ward_s, ward_cpu = min(ward_runs)
    print(
        f"ward of {args.patients}: best {ward_s:.2f} s wall ({ward_cpu:.2f} s CPU) of {len(ward_runs)}, "
        f"{len(ward_pdf) // 1024} KiB"
    )
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(
            f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times include "
            "waiting for the CPU; the CPU times are what the report itself costs"
        )
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "bench-patient-day.pdf").write_bytes(pdf)
        (args.out / "bench-ward.pdf").write_bytes(ward_pdf)
        print(f"wrote {args.out}/bench-patient-day.pdf and bench-ward.pdf")

    if args.db:
        out = (args.out or Path("/tmp")) / "bench-ward-db.pdf"
        t0 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-m", "cartox_desk", "report", "--ward", "--db", args.db, "--out", str(out)],
            capture_output=True,
            text=True,
        )
        print(
            f"`cartox-desk report --ward --db {args.db}`: exit {r.returncode}, {_ms(t0) / 1000:.2f} s "
            f"end to end (process start, store load, timelines, PDF) {r.stderr.strip()}"
        )

    print(f"RESULT patient_day_ms={day_ms:.0f} ward{args.patients}_s={ward_s:.2f}")


if __name__ == "__main__":
    main()
