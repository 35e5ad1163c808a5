"""The forms' screenshot scenes run, and every form fits the 1366x768 laptop screen in both languages."""

from __future__ import annotations

import pytest

import cartox_desk.ui.forms.scenes  # noqa: F401  (registers the scenes)
from cartox_desk.cli.screenshots import SCENES, SceneContext
from cartox_desk.ui.settings import AppSettings

FORM_SCENES = sorted(name for name in SCENES if name.startswith("form_"))


def test_every_form_has_a_scene():
    assert {
        "form_vitals",
        "form_lab",
        "form_neuro_exam",
        "form_medication",
        "form_intervention",
        "form_amendment",
        "form_iechs_grade",
    } <= set(FORM_SCENES)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("name", FORM_SCENES)
def test_form_scene_fits_the_laptop_screen(qtbot, qapp, name, lang):
    from cartox_desk.ui.i18n import install_translators

    install_translators(qapp, lang)
    ctx = SceneContext(lang=lang, settings=AppSettings(language=lang))
    frames = 0
    for _suffix, widget in SCENES[name](ctx):
        qtbot.addWidget(widget)
        widget.adjustSize()
        widget.show()
        size = widget.size()
        assert size.width() <= 1366 and size.height() <= 740, (name, _suffix, size)
        frames += 1
    assert frames >= 1
    for kept in ctx.keep:
        kept.services.close()


def test_forms_speak_chinese_including_the_shared_base_strings(qtbot, qapp, services, adult, nurse):
    from cartox_desk.core.records import MedicationKind
    from cartox_desk.ui.forms import MedicationForm, VitalsForm
    from cartox_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    vitals = VitalsForm(services, adult.patient_id, nurse, AppSettings(language="zh_CN"))
    qtbot.addWidget(vitals)
    # strings of the shared base class (translated under its own context, whatever the subclass)
    assert vitals.save_button.text() == "保存 (Enter)"
    assert vitals.windowTitle() == "录入生命体征"
    vitals.systolic_field.set_text("80")
    assert "收缩压 80 mmHg 低于该年龄阈值 90 mmHg" in vitals.hypotension_proposal_label.text()
    medication = MedicationForm(services, adult.patient_id, nurse, AppSettings(language="zh_CN"))
    qtbot.addWidget(medication)
    medication.set_kind(MedicationKind.TOCILIZUMAB)
    assert medication.drug_combo.currentText() == "托珠单抗"
    assert "第 1 剂 / 共 4 剂" in medication.tocilizumab_label.text()
