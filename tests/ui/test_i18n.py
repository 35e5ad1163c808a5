"""Translations: the .ts files cover every user-visible string in the code, Chinese uses the ux.md
standard terms, and the runtime really switches language (and pseudo-localises for layout checks)."""

from __future__ import annotations

import re
import shutil

import pytest

from cartox_desk.ui import i18n

pytestmark = pytest.mark.skipif(i18n._tool("lupdate") is None, reason="pyside6-lupdate not installed")


def _keys(ts):
    return {(ctx, src, comment) for ctx, src, comment, _tr in i18n.messages(ts)}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_ts_is_in_sync_with_the_code_and_finished(tmp_path, lang):
    committed = i18n.ts_path(lang)
    assert committed.exists(), f"{committed} missing: run python -m cartox_desk.ui.i18n update"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    i18n.run_lupdate([copy])

    new = _keys(copy) - _keys(committed)
    stale = _keys(committed) - _keys(copy)
    todo = i18n.unfinished(copy)
    hint = "run `python -m cartox_desk.ui.i18n update`, then translate the zh_CN entries"
    assert not new, f"strings in the code missing from {committed.name} ({hint}): {sorted(new)[:10]}"
    assert not stale, f"strings in {committed.name} no longer in the code ({hint}): {sorted(stale)[:10]}"
    assert not todo, f"unfinished translations in {committed.name} ({hint}): {todo[:10]}"


def test_translations_keep_their_placeholders():
    for lang in i18n.LANGUAGES:
        for ctx, src, _comment, tr in i18n.messages(i18n.ts_path(lang)):
            assert tr is not None
            for placeholder in re.findall(r"%\d", src):
                assert placeholder in tr, f"{lang} [{ctx}] {src!r} -> {tr!r} lost {placeholder}"


STANDARD_TERMS = {  # ux.md, "Standard terms"
    "cytokine release syndrome (CRS)": "细胞因子释放综合征 (CRS)",
    "immune effector cell-associated neurotoxicity syndrome (ICANS)":
        "免疫效应细胞相关神经毒性综合征 (ICANS)",
    "norepinephrine": "去甲肾上腺素",
    "vasopressin": "血管升压素",
    "phenylephrine": "去氧肾上腺素",
    "non-rebreather": "非重复呼吸面罩",
    "Venturi mask": "文丘里面罩",
    "mechanical ventilation": "机械通气",
    "awakens only to touch": "仅可通过触觉刺激唤醒",
    "unarousable": "不能唤醒",
    "papilledema": "视神经盘水肿",
    "Cushing's triad": "库欣三联征",
    "cranial nerve VI palsy": "脑神经VI麻痹",
}


def test_chinese_uses_the_standard_terms():
    zh = {src: tr for ctx, src, _c, tr in i18n.messages(i18n.ts_path("zh_CN")) if ctx == "Terms"}
    for en, expected in STANDARD_TERMS.items():
        assert zh.get(en) == expected, en


def test_installing_chinese_translates_live_widgets_and_back(qtbot, qapp):
    from cartox_desk.ui.grade_panel import GradePanel

    installed = i18n.install_translators(qapp, "zh_CN")
    assert installed, "no translator could be loaded (lrelease failed?)"
    assert i18n.current_language() == "zh_CN"
    panel = GradePanel()
    qtbot.addWidget(panel)
    assert panel.add_vasopressor_button.text() != "Add vasopressor"
    assert re.search(r"[\u4e00-\u9fff]", panel.add_vasopressor_button.text())
    assert panel.oxygen_device_combo.itemText(panel.oxygen_device_combo.findData("face_mask")) == "面罩"
    panel.temperature_field.set_text("38.5")
    assert "发热" in panel.crs_card.drivers_label.text()  # core.texts asked in Chinese too

    i18n.install_translators(qapp, "en")
    english = GradePanel()
    qtbot.addWidget(english)
    assert english.add_vasopressor_button.text() == "Add vasopressor"


def test_qm_is_compiled_when_missing_or_stale(tmp_path, monkeypatch):
    ts = tmp_path / "cartox_desk_zh_CN.ts"
    shutil.copy(i18n.ts_path("zh_CN"), ts)
    monkeypatch.setattr(i18n, "TS_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_cache_dir", lambda: tmp_path / "cache")
    qm = i18n.compiled_qm("zh_CN")
    assert qm is not None and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime
    assert i18n.compiled_qm("xx") is None


def test_pseudo_localisation_wraps_and_stretches_but_keeps_placeholders(qtbot, qapp, monkeypatch):
    assert i18n.pseudo("grade %1") .startswith("[!! ")
    assert "%1" in i18n.pseudo("grade %1") and "%1" in i18n.pseudo("%1 µg/min")
    # str.format fields survive, so .format() after tr() does not raise KeyError in pseudo mode
    assert i18n.pseudo("dose {n} of {of}").format(n=2, of=4).count("2") == 1
    assert len(i18n.pseudo("Temperature")) > 1.3 * len("Temperature")
    monkeypatch.setenv("CARTOX_PSEUDO", "1")
    i18n.install_translators(qapp, "en")
    from cartox_desk.ui.grade_panel import GradePanel

    panel = GradePanel()
    qtbot.addWidget(panel)
    assert panel.add_vasopressor_button.text().startswith("[!! ")
    panel.temperature_field.set_text("38.5")
    assert panel.crs_card.badge.text() == "1"  # numbers are never pseudo-localised
