"""Benchmark (not a test): build a 30-day timeline from minute-level vitals, in memory (no database).

43,200 vitals (one a minute), 300 labs, 90 ICE assessments, 40 medications, oxygen and vasopressor
episodes. Prints the best of 7 builds (wall and CPU time) for records in time order and in reverse
order; the last line is ``RESULT timeline_build_ms=<ms>``, the slower scenario's best wall time (target: the
whole timeline, including the store's load, under 500 ms — issue 3). On a shared machine the CPU figure is
the steadier one.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cartox_desk.core.labs import Analyte
from cartox_desk.core.records import (
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
from cartox_desk.core.snapshot import (
    DoseRateUnit,
    EncephalopathyTool,
    IceAssessment,
    OxygenDevice,
    VasopressorDrug,
)
from cartox_desk.core.timeline import build_timeline

TZ = ZoneInfo("Asia/Shanghai")
INFUSION = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def _meta(i: int, at: datetime) -> RecordMeta:
    return RecordMeta(record_id=i, at=at, entered_by="bench", entered_at=at)


def make_records(seed: int = 7) -> dict[str, list]:
    rnd = random.Random(seed)
    vitals = []
    for m in range(30 * 24 * 60):
        at = INFUSION + timedelta(minutes=m)
        day = m / 1440
        fever = 2 <= day < 6
        temp = round(rnd.gauss(38.6 if fever else 36.8, 0.15), 1)  # charted to 0.1 °C
        sbp = round(rnd.gauss(88 if 3 <= day < 4 else 118, 4))
        vitals.append(VitalSigns(meta=_meta(m, at), temperature_c=temp, heart_rate_per_min=80,
                                 systolic_bp_mmhg=sbp, diastolic_bp_mmhg=60, spo2_pct=97))
    oxygen = [
        OxygenRecord(_meta(1, INFUSION + timedelta(days=3)), OxygenDevice.NASAL_CANNULA, 3.0),
        OxygenRecord(_meta(2, INFUSION + timedelta(days=3, hours=8)), OxygenDevice.FACE_MASK, 8.0),
        OxygenRecord(_meta(3, INFUSION + timedelta(days=4, hours=12)), OxygenDevice.NASAL_CANNULA, 2.0),
        OxygenRecord(_meta(4, INFUSION + timedelta(days=5)), OxygenDevice.ROOM_AIR),
    ]
    ne = VasopressorDrug.NOREPINEPHRINE
    vaso = [
        VasopressorRecord(_meta(1, INFUSION + timedelta(days=3, hours=10)), ne, VasopressorEvent.START, 5.0,
                          DoseRateUnit.UG_PER_MIN),
        VasopressorRecord(_meta(2, INFUSION + timedelta(days=3, hours=14)), ne, VasopressorEvent.CHANGE, 8.0,
                          DoseRateUnit.UG_PER_MIN),
        VasopressorRecord(_meta(3, INFUSION + timedelta(days=4)), ne, VasopressorEvent.STOP, None,
                          DoseRateUnit.UG_PER_MIN),
    ]
    labs = [LabResult(_meta(i, INFUSION + timedelta(hours=2.4 * i)), Analyte.CRP, 10.0 + i, "mg/L",
                      10.0 + i, "mg/L") for i in range(300)]
    ice = []
    for i in range(90):
        at = INFUSION + timedelta(hours=8 * i)
        score_drop = 3 if 4 * 3 <= i < 6 * 3 else 0
        ice.append(EncephalopathyAssessment(
            _meta(i, at), EncephalopathyTool.ICE,
            ice=IceAssessment(orientation=4 - min(score_drop, 4), naming=3, commands=1, writing=1,
                              attention=1),
            score=10 - score_drop))
    kinds = [MedicationKind.ANTIPYRETIC, MedicationKind.LEVETIRACETAM, MedicationKind.TOCILIZUMAB]
    meds = [MedicationAdministration(_meta(i, INFUSION + timedelta(hours=18 * i)), kinds[i % 3], "x", 1.0,
                                     "mg", "iv") for i in range(40)]
    return {"vitals": vitals, "oxygen": oxygen, "vasopressors": vaso, "labs": labs, "encephalopathy": ice,
            "medications": meds}


def main() -> None:
    patient = PatientSummary(
        patient_id=1, mrn="B1", name="Bench", sex=Sex.FEMALE, date_of_birth=date(1970, 5, 5), weight_kg=70.0,
        height_cm=170.0, diagnosis=Diagnosis.LBCL, product_name="axi-cel", target=CarTarget.CD19,
        costim_domain="CD28", infusion_at=INFUSION, lymphodepletion_start=None, ward="7B", bed="1",
        marrow_blasts_pct=None, baseline_ice=10, baseline_capd=None, developmental_delay=False,
        risk_notes="", status=PatientStatus.ADMITTED)
    records = make_records()
    generated = INFUSION + timedelta(days=30)
    scenarios = {
        "time order (as the store returns it)": records,
        "reversed (any order: includes the sort)": {k: list(reversed(v)) for k, v in records.items()},
    }
    worst_wall = 0.0
    tl = None
    for name, recs in scenarios.items():
        wall, cpu = [], []
        for _ in range(7):
            w0, c0 = time.perf_counter(), time.process_time()
            tl = build_timeline(patient, TZ, generated, **recs)
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        print(f"{name}: best wall {min(wall):.0f} ms, best cpu {min(cpu):.0f} ms "
              f"(all wall: {', '.join(f'{t:.0f}' for t in wall)})")
        worst_wall = max(worst_wall, min(wall))
    assert tl is not None
    distinct = len({id(p.snapshot) for p in tl.grades})
    print(f"rows: vitals={len(tl.vitals)} labs={len(tl.labs)} ice={len(tl.encephalopathy)} "
          f"meds={len(tl.medications)} oxygen={len(tl.oxygen)} vasopressor events={len(tl.vasopressors)}")
    print(f"grade points={len(tl.grades)} distinct snapshots={distinct} days={len(tl.daily_max)} "
          f"episodes={[(e.kind.value, e.peak_grade) for e in tl.episodes]}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (shared: see CPU times)")
    print(f"RESULT timeline_build_ms={worst_wall:.0f}")


if __name__ == "__main__":
    main()
