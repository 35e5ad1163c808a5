"""The daily summary: the figures of a hand-built patient-day, in the data and in the PDF text."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from report_factories import REPORT_DAY, at, empty_timeline, rich_timeline
from report_pdftext import pages_text, text

from cartox_desk.core.labs import Analyte
from cartox_desk.core.snapshot import OxygenDevice
from cartox_desk.reporting import build_daily_summary_data, render_daily_summary
from cartox_desk.reporting.daily_summary import fmt_num


@pytest.fixture(scope="module")
def data():
    return build_daily_summary_data(
        rich_timeline(), REPORT_DAY, hospital="Demo Hospital", generated_by="Dr Zhao"
    )


@pytest.fixture(scope="module")
def pdf_en(data) -> bytes:
    return render_daily_summary(data)


def test_day_runs_from_the_shift_start(data) -> None:
    assert data.start == at(2, 8) and data.end == at(3, 8)
    assert data.on.isoformat() == "2026-11-22"


def test_max_grades_with_time_and_drivers(data) -> None:
    assert data.crs.grade == 3 and data.crs.at == at(2, 17, 30)
    assert [d.code for d in data.crs.drivers] == ["crs.fever", "crs.hypotension.one_vasopressor"]
    assert data.icans.grade == 1 and data.icans.at == at(2, 17, 30)


def test_seven_day_course(data) -> None:
    assert [c.day for c in data.course] == [-4, -3, -2, -1, 0, 1, 2]
    assert [(c.crs, c.icans) for c in data.course][-3:] == [(0, 0), (1, 0), (3, 1)]
    assert data.course[0].crs is None  # nothing graded: not assessed, never 0


def test_vital_summary(data) -> None:
    v = data.vitals
    assert (v.tmax.value, v.tmax.at) == (39.4, at(2, 14, 30))
    assert (v.lowest_sbp.value, v.lowest_sbp.at) == (84, at(2, 16, 5))
    assert v.lowest_map.value == 60 and not v.map_calculated
    assert v.highest_ne.value == pytest.approx(8.0) and v.highest_ne.at == at(2, 19)
    assert v.highest_oxygen.device is OxygenDevice.NASAL_CANNULA and v.highest_oxygen.flow_l_min == 3.0
    assert v.lowest_spo2.value == 91
    assert v.fever_readings == 2


def test_labs_with_previous_value_trend_and_flags(data) -> None:
    rows = {r.analyte: r for r in data.labs}
    assert list(rows)[:3] == [Analyte.IL6, Analyte.CRP, Analyte.FERRITIN]
    il6 = rows[Analyte.IL6]
    assert (il6.value, il6.unit, il6.previous, il6.trend) == (850.0, "pg/mL", 45.0, "up")
    assert rows[Analyte.ANC].flags and rows[Analyte.ANC].trend == "down"
    assert not rows[Analyte.IL6].flags
    assert rows[Analyte.FIBRINOGEN].previous is None and rows[Analyte.FIBRINOGEN].trend is None


def test_tocilizumab_counted_over_the_whole_stay_and_steroid_day(data) -> None:
    toci = [m for m in data.medications if m.kind.value == "tocilizumab"]
    assert [(m.dose_number, m.dose_limit) for m in toci] == [(2, 4)]
    assert data.tocilizumab_total == 2
    dexa = [m for m in data.medications if m.kind.value == "dexamethasone"]
    assert dexa[0].steroid_day == 1


def test_ice_change_from_baseline(data) -> None:
    assert [(e.score, e.change_from_baseline) for e in data.encephalopathy] == [(10, 0), (8, -2)]


def test_pdf_prints_the_figures(pdf_en: bytes) -> None:
    t = text(pdf_en)
    assert "Daily toxicity summary" in t and "Day +2" in t
    assert "max grade: 3" in t and "reached at 17:30" in t
    assert "max grade: 1" in t
    assert "39.4 °C · 14:30" in t
    assert "84 mmHg" in t and "8.0 µg/min" in t and "nasal cannula 3 L/min" in t and "91 %" in t
    assert re.search(r"IL-6\s+850\s+pg/mL", t)
    assert re.search(r"CRP\s+112\s+mg/L", t)
    assert re.search(r"ferritin\s+2450\s+ng/mL", t)
    assert "45 · 11-21 06:00" in t  # previous value with its time
    assert "dose 2 of 4" in t
    assert "steroid day 1" in t
    assert "grade 4 cytopenia" in t
    assert "ICU transfer" in t
    assert "8/10" in t and "-2 (baseline 10)" in t


def test_pdf_frame_page_numbers_signatures_protocol(pdf_en: bytes) -> None:
    pages = pages_text(pdf_en)
    assert 1 <= len(pages) <= 2
    assert f"page 1 of {len(pages)}" in pages[0]
    t = "\n".join(pages)
    assert "Generated 2026-11-23 07:30 by Dr Zhao" in t
    assert "Protocol: CSCO-2024" in t
    assert "Nurse:" in t and "Physician:" in t
    for page in pages:  # every page identifies the patient
        assert "Wang Jun · MRN 0012345 · Bed 03" in page


def test_without_management_engine_the_section_says_so_and_lists_drivers() -> None:
    d = build_daily_summary_data(rich_timeline(), REPORT_DAY, plan=None, charts=False)
    assert d.protocol == "CSCO-2024"
    t = text(render_daily_summary(d))
    assert "Management engine not connected" in t
    assert "CRS: fever: 39.4 °C" in t and "(ASTCT-2019)" in t


def test_alerts_and_recommendations_come_from_the_engine_with_their_source(data, pdf_en: bytes) -> None:
    assert data.plan is not None and data.plan.crs_grade == 3
    assert data.protocol == "CSCO-2024 v2024.1"
    t = text(pdf_en)
    assert "Protocol: CSCO-2024 v2024.1" in t
    # every alert the engine raised is printed, with its source
    assert "[!] CRS grade 3 not improved 24 h after treatment" in t
    assert "(CSCO-2024 §4.1.2 notes)" in t
    assert "Consider ICU transfer. (CSCO-2024 §4.1.2)" in t


def test_a4_default_and_letter_option(data) -> None:
    a4 = PdfReader(io.BytesIO(render_daily_summary(data))).pages[0].mediabox
    letter = PdfReader(io.BytesIO(render_daily_summary(data, page_size="Letter"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    with pytest.raises(ValueError, match="page size"):
        render_daily_summary(data, page_size="A5")


def test_a_day_without_data_says_so_instead_of_zeros() -> None:
    d = build_daily_summary_data(empty_timeline(), REPORT_DAY)
    assert not d.has_data
    assert d.crs.grade is None and d.icans.grade is None and d.vitals.tmax is None
    t = text(render_daily_summary(d))
    assert "No data recorded for this patient on this day" in t
    assert "not assessed" in t and "no data" in t
    assert not re.search(r"(?<![\d.])0(\.0)?\s*(°C|mmHg|%|µg/min)", t)
    assert "max grade: 0" not in t


def test_the_shift_start_decides_which_day_a_record_belongs_to() -> None:
    tl = rich_timeline()
    # the 07:30 fever-free readings of 11-23 belong to day +2 with an 08:00 shift start ...
    d8 = build_daily_summary_data(tl, 2, shift_start_hour=8, charts=False)
    d0 = build_daily_summary_data(tl, 2, shift_start_hour=0, charts=False)
    assert d8.vitals.readings != d0.vitals.readings
    assert d0.start == at(2, 0)
    with pytest.raises(ValueError):
        build_daily_summary_data(tl, 2, shift_start_hour=24)


def test_charts_are_vector_graphics(pdf_en: bytes) -> None:
    assert b"/Subtype /Image" not in pdf_en  # drawn with reportlab.graphics, no raster image


def test_charts_come_from_the_series_and_cover_seven_days(data) -> None:
    c = data.charts
    assert c is not None
    assert c.x_range == pytest.approx((-4 + 8 / 24, 3 + 8 / 24))
    temp = next(p for p in c.panels if p.key == "chart_temp")
    assert temp.hlines == ((38.0, "line_38"),)
    assert max(y for _x, y in temp.lines[0].points) == 39.4
    labs = next(p for p in c.panels if p.key == "chart_labs")
    assert labs.log_y
    assert [s.days[-1] for s in c.strips] == [(2, 3), (2, 1)]


def test_fmt_num_never_turns_missing_into_zero() -> None:
    assert fmt_num(None) == ""
    assert fmt_num(0.4) == "0.4" and fmt_num(850.0) == "850" and fmt_num(12.25) == "12.2"


def test_a_day_still_running_says_until_when(data, pdf_en: bytes) -> None:
    # the hand-built timeline was generated at 07:30 on 11-23, half an hour before the day ends
    assert data.as_of == at(3, 7, 30)
    assert "in progress, data until 11-23 07:30" in text(pdf_en)
    finished = build_daily_summary_data(rich_timeline(), 1, charts=False, plan=None)
    assert finished.as_of is None
    assert "in progress" not in text(render_daily_summary(finished))


def test_a_crowded_day_still_prints_on_two_pages() -> None:
    from dataclasses import replace

    from report_factories import lab, med

    from cartox_desk.core.labs import ANALYTES
    from cartox_desk.core.records import MedicationKind

    tl = rich_timeline()
    extra_labs = [lab(a, at(2, 10), 1.0 + i) for i, a in enumerate(ANALYTES)]
    extra_meds = [
        med(MedicationKind.OTHER, at(2, 9 + i // 4, (i % 4) * 15), 1.0, name=f"drug {i}") for i in range(30)
    ]
    tl = replace(
        tl,
        labs=tuple(sorted(tl.labs + tuple(extra_labs), key=lambda r: r.meta.at)),
        medications=tuple(sorted(tl.medications + tuple(extra_meds), key=lambda m: m.meta.at)),
    )
    crowded = build_daily_summary_data(tl, REPORT_DAY)
    pdf = render_daily_summary(crowded)
    pages = pages_text(pdf)
    assert len(pages) <= 2
    t = "\n".join(pages)
    assert "drug 29" in t and "CD4" in t  # nothing of the day itself is left out
    assert "listed in the app" in t  # the routine list was shortened to a count

    # in the ward report too, and only the crowded patient is shortened
    from cartox_desk.reporting import render_ward_report

    normal = build_daily_summary_data(rich_timeline(name="Li Na", mrn="0000002", bed="04"), REPORT_DAY)
    ward = pages_text(render_ward_report([crowded, normal], ward="Ward 7"))
    assert len(ward) <= 1 + 2 + 2
    li_na = "\n".join(p for p in ward if "MRN 0000002" in p)
    assert "listed in the app" not in li_na and "Routine monitoring, prophylaxis and notes" in li_na


def test_capd_unable_and_neuro_findings_are_printed() -> None:
    from dataclasses import replace

    from report_factories import meta

    from cartox_desk.core.records import EncephalopathyAssessment, NeuroExam
    from cartox_desk.core.snapshot import Consciousness, EncephalopathyTool, IceUnable, IcpFinding, Seizure

    tl = rich_timeline()
    child = replace(tl.patient, baseline_ice=None, baseline_capd=2)
    enceph = (
        EncephalopathyAssessment(meta=meta(at(2, 10)), tool=EncephalopathyTool.CAPD, score=11),
        EncephalopathyAssessment(
            meta=meta(at(2, 14)), tool=EncephalopathyTool.ICE, ice_unable=IceUnable.APHASIA
        ),
    )
    neuro = (
        NeuroExam(
            meta=meta(at(2, 14)),
            consciousness=Consciousness.AWAKENS_TO_VOICE,
            seizure=Seizure.RESOLVED_RAPIDLY,
            icp_findings=frozenset({IcpFinding.PAPILLEDEMA}),
        ),
    )
    tl = replace(tl, patient=child, encephalopathy=enceph, neuro_exams=neuro)
    data = build_daily_summary_data(tl, REPORT_DAY, plan=None, charts=False)
    assert [(e.score, e.max_score, e.change_from_baseline) for e in data.encephalopathy] == [
        (11, 32, 9),
        (None, 10, None),
    ]
    t = text(render_daily_summary(data))
    assert "11/32" in t and "+9 (baseline 2)" in t
    assert "unable: global aphasia" in t
    assert "awakens to voice" in t and "seizure, resolved rapidly" in t and "papilledema" in t
    zh = text(render_daily_summary(data, lang="zh_CN"))
    assert "无法评估：完全失语" in zh and "视神经盘水肿" in zh and "声音唤醒" in zh
