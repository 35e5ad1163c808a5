"""Ward report sections, Chinese glyphs, font handling, label completeness, chart thinning."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from report_factories import REPORT_DAY, empty_timeline, rich_timeline
from report_pdftext import pages_text, text

from cartox_desk.reporting import (
    CjkFontMissingError,
    WardCoverRow,
    build_daily_summary_data,
    render_daily_summary,
    render_ward_report,
)
from cartox_desk.reporting import fonts as fonts_mod
from cartox_desk.reporting.i18n import _LABELS, _TERMS, LANGS, label, term
from cartox_desk.reporting.series import thin


def _ward():
    return [
        build_daily_summary_data(rich_timeline(name="Wang Jun", mrn="0012345", bed="03"), REPORT_DAY),
        build_daily_summary_data(rich_timeline(name="Zhang Xiaoyu", mrn="0023456", bed="05"), REPORT_DAY),
        build_daily_summary_data(empty_timeline(name="Liu Fang", mrn="0099999", bed="11"), REPORT_DAY),
    ]


def test_ward_report_has_a_cover_and_one_section_per_patient_in_bed_order() -> None:
    pdf = render_ward_report(_ward(), ward="Ward 7", hospital="Demo Hospital")
    pages = pages_text(pdf)
    cover = pages[0]
    assert "Ward census" in cover and "3 admitted patients" in cover
    assert [m.group(1) for m in re.finditer(r"(0012345|0023456|0099999)", cover)] == [
        "0012345",
        "0023456",
        "0099999",
    ]
    t = "\n".join(pages[1:])
    assert t.count("Daily toxicity summary") == 3
    starts = [t.index(f"MRN {mrn} · Bed") for mrn in ("0012345", "0023456", "0099999")]
    assert starts == sorted(starts)
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    assert len(pages) <= 1 + 2 * 3  # cover + at most two pages per patient


def test_ward_report_reports_progress_per_patient() -> None:
    seen: list[tuple[int, int]] = []
    render_ward_report(_ward(), ward="Ward 7", progress=lambda done, total: seen.append((done, total)))
    assert seen[-3:] == [(1, 3), (2, 3), (3, 3)]


def test_ward_cover_takes_given_rows_and_shows_alerts() -> None:
    rows = [WardCoverRow("03", "Wang Jun", "0012345", 2, 3, 1, ("tocilizumab: 3 of 4 doses given",))]
    pdf = render_ward_report(_ward()[:1], rows, ward="Ward 7")
    assert "tocilizumab: 3 of 4 doses given" in pages_text(pdf)[0]


def test_empty_ward() -> None:
    pdf = render_ward_report([], ward="Ward 7")
    assert "No admitted patients." in text(pdf)


def test_chinese_text_extracts_as_chinese_with_the_font_embedded() -> None:
    data = build_daily_summary_data(rich_timeline(name="王军"), REPORT_DAY, hospital="示范医院")
    pdf = render_daily_summary(data, lang="zh_CN")
    t = text(pdf)
    for words in (
        "每日毒性反应总结",
        "细胞因子释放综合征 (CRS)",
        "免疫效应细胞相关神经毒性综合征 (ICANS)",
        "王军",
        "托珠单抗",
        "第 2 剂 / 共 4 剂",
        "回输后第 2 天 (D+2)",
        "护士",
        "医师",
        "第 1 页，共 2 页",
        "白细胞介素-6 (IL-6)",
        "鼻导管",
    ):
        assert words in t, words
    assert "℃" not in t or "°C" in t  # WenQuanYi draws ℃ as an empty glyph: printed as °C
    # the CJK font is embedded (a FontFile2 stream), so every machine prints the same glyphs
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [
        f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        if "/DescendantFonts" in f.get_object()
        else f.get_object().get("/FontDescriptor")
        for f in fonts.values()
    ]
    assert any(d is not None and "/FontFile2" in d.get_object() for d in descriptors)


def test_not_assessed_in_chinese() -> None:
    pdf = render_daily_summary(build_daily_summary_data(empty_timeline(), REPORT_DAY), lang="zh_CN")
    t = text(pdf)
    assert "未评估" in t and "无数据" in t and "这不等于 0 级" in t


def test_every_label_in_both_languages_is_printable_with_the_font() -> None:
    fs = fonts_mod.fonts_for("zh_CN", True)
    for key in _LABELS:
        for lang in LANGS:
            words = label(key, lang)
            assert fonts_mod.printable(words, fs) == words, (key, lang)
    for key in _TERMS:
        for lang in LANGS:
            assert fonts_mod.printable(term(key, lang), fs) == term(key, lang), (key, lang)


def test_unknown_language_is_refused() -> None:
    data = build_daily_summary_data(empty_timeline(), REPORT_DAY)
    with pytest.raises(ValueError, match="language"):
        render_daily_summary(data, lang="fr")


def test_without_a_cjk_font_chinese_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts_mod, "cjk_fonts", lambda: None)
    data = build_daily_summary_data(empty_timeline(), REPORT_DAY)
    with pytest.raises(CjkFontMissingError, match="fonts-wqy-microhei"):
        render_daily_summary(data, lang="zh_CN")
    cjk_name = build_daily_summary_data(empty_timeline(name="刘芳"), REPORT_DAY)
    with pytest.raises(CjkFontMissingError):
        render_daily_summary(cjk_name, lang="en")
    # an all-Latin English page still prints with the base fonts
    assert text(render_daily_summary(data, lang="en")).count("Liu Fang") >= 1


def test_font_search_covers_resources_and_windows_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", r"C:\Windows")
    names = [str(p) for p in fonts_mod.candidate_paths()]
    assert any(n.endswith("msyh.ttc") for n in names) and any(n.endswith("simsun.ttc") for n in names)
    assert any("resources" in n and "fonts" in n for n in names)
    assert any(n.endswith("wqy-microhei.ttc") for n in names)


def test_thinning_keeps_peaks_and_dips() -> None:
    pts = [(i / 1440, 37.0) for i in range(20_000)]
    pts[12_345] = (pts[12_345][0], 40.1)
    pts[777] = (pts[777][0], 35.2)
    out = thin(pts, 300)
    assert len(out) <= 310
    ys = [y for _x, y in out]
    assert max(ys) == 40.1 and min(ys) == 35.2
    assert [x for x, _y in out] == sorted(x for x, _y in out)
