"""`cartox-desk screenshots --out DIR [--lang zh_CN|en|pseudo] [--only PATTERN] [--list]`

Renders named scenes offscreen at 1366x768 (the laptop-first size of ux.md) and saves one PNG per frame,
for documentation and for looking at layouts in both languages. Scenes live in a registry: a view adds
its own with

    from cartox_desk.cli.screenshots import scene

    @scene("census_demo")
    def _census(ctx):
        yield "", CensusView(...)          # one frame: DIR/census_demo.png

and lists its module in `SCENE_MODULES` (imported lazily, so a missing view never breaks the others).
A scene function receives a `SceneContext` and yields `(suffix, widget)` frames; it may drive the
widget (keys, data) between yields, so one scene can save every step of a wizard.
"""

from __future__ import annotations

import argparse
import fnmatch
import gc
import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIZE = (1366, 768)

Frames = Iterator[tuple[str, Any]]
SceneFunction = Callable[["SceneContext"], Frames]

SCENES: dict[str, SceneFunction] = {}

# Modules that register further scenes (imported before rendering; ImportError is reported, not fatal).
SCENE_MODULES: list[str] = ["cartox_desk.ui.forms.scenes"]


def scene(name: str) -> Callable[[SceneFunction], SceneFunction]:
    """Register a scene under `name` (the PNG file stem)."""

    def register(function: SceneFunction) -> SceneFunction:
        if name in SCENES:
            raise ValueError(f"scene {name!r} registered twice")
        SCENES[name] = function
        return function

    return register


@dataclass
class SceneContext:
    lang: str
    settings: Any
    keep: list[Any] = field(default_factory=list)  # widgets kept alive until the scene is saved


def _press(widget: Any, keys: str) -> None:
    """Type keys into a widget: '\\n' = Enter, '\\b' = Backspace, other characters as typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in keys:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch == "\b":
            QTest.keyClick(widget, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(widget, ch)


# ---- the scenes of the grading window and the wizards -------------------------------------------------


def _graded_snapshot() -> Any:
    from cartox_desk.core.snapshot import IceAssessment, OxygenDevice, OxygenSupport, Snapshot

    return Snapshot(temperature_c=38.5, oxygen=OxygenSupport(OxygenDevice.FACE_MASK, 6.0),
                    ice=IceAssessment(orientation=2, naming=2, commands=1, writing=0, attention=0))


@scene("grade_panel_empty")
def _grade_panel_empty(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    yield "", MainWindow(ctx.settings, AppEvents())


@scene("grade_panel_graded")
def _grade_panel_graded(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    window = MainWindow(ctx.settings, AppEvents())
    window.grade_panel.set_snapshot(_graded_snapshot())
    yield "", window


@scene("grade_panel_vasopressors")
def _grade_panel_vasopressors(ctx: SceneContext) -> Frames:
    from cartox_desk.core.snapshot import (
        Consciousness,
        DoseRateUnit,
        OxygenDevice,
        OxygenSupport,
        Seizure,
        Snapshot,
        VasopressorDrug,
        VasopressorInfusion,
    )
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    window = MainWindow(ctx.settings, AppEvents())
    window.grade_panel.set_snapshot(Snapshot(
        weight_kg=72, temperature_c=39.2, hypotension=True,
        vasopressors=(VasopressorInfusion(VasopressorDrug.NOREPINEPHRINE, 12, DoseRateUnit.UG_PER_MIN),
                      VasopressorInfusion(VasopressorDrug.VASOPRESSIN, 0.03, DoseRateUnit.UNITS_PER_MIN)),
        oxygen=OxygenSupport(OxygenDevice.NASAL_CANNULA, 8.0),
        consciousness=Consciousness.AWAKENS_TO_VOICE, seizure=Seizure.NONE))
    yield "", window


@scene("grade_panel_child_proposals")
def _grade_panel_child(ctx: SceneContext) -> Frames:
    from cartox_desk.core.snapshot import Snapshot
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    window = MainWindow(ctx.settings, AppEvents())
    window.grade_panel.set_snapshot(Snapshot(age_years=5, weight_kg=18, temperature_c=39.0))
    window.grade_panel.sbp_field.set_text("76")  # below 70 + 2 x 5: hypotension proposed, not ticked
    yield "", window


@scene("grade_panel_invalid")
def _grade_panel_invalid(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    window = MainWindow(ctx.settings, AppEvents())
    window.grade_panel.set_snapshot(_graded_snapshot())
    window.grade_panel.temperature_field.set_text("50")
    yield "", window


@scene("settings_dialog")
def _settings_dialog(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.settings_dialog import SettingsDialog

    yield "", SettingsDialog(ctx.settings)


def _wizard_frames(wizard: Any, answers: list[str]) -> Frames:
    """Yield the wizard before each answer group is confirmed, then the result screen."""
    for i, keys in enumerate(answers, start=1):
        _press(wizard, keys)
        yield f"_{i:02d}", wizard
        _press(wizard, "\n")
    yield "_result", wizard


@scene("ice_wizard")
def _ice_wizard(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.wizards import AssessmentWizard

    wizard = AssessmentWizard("ice", ctx.settings, patient_label="Wang Jun · 58 y · bed 03", baseline=10,
                              previous=8)
    # ICE 5/10, then alert, no seizure, no weakness, no ICP signs
    yield from _wizard_frames(wizard, ["1100", "110", "1", "0", "0", "1", "n", "n", "n"])


@scene("ice_wizard_cannot_be_assessed")
def _ice_wizard_unable(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.wizards import AssessmentWizard

    wizard = AssessmentWizard("ice", ctx.settings, patient_label="Liu Fang · 64 y · bed 11", baseline=10)
    _press(wizard, "c")
    yield from _wizard_frames(wizard, ["1", "2", "1", "n", "n"])


@scene("capd_wizard")
def _capd_wizard(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.wizards import AssessmentWizard

    wizard = AssessmentWizard("capd", ctx.settings, patient_label="Zhang Xiaoyu · 18 months · bed 05",
                              age_years=1.5, baseline=2)
    # CAPD 9 (items 1-4 "always" = 0 each, reversed; items 5-7 "often" = 3 each; item 8 "never")
    yield from _wizard_frames(wizard, ["5", "5", "5", "5", "4", "4", "4", "1", "1", "n", "n", "n"])


# ---- the ward: census, patient views, print dialogs, user picker (a fresh demo ward per run) ----------

_DEMO: dict[str, Any] = {}


def _demo() -> tuple[Any, Any]:
    """(services, nurse) over a demo ward built once per run in a temporary directory."""
    if "services" not in _DEMO:
        import atexit
        import shutil
        import tempfile

        from cartox_desk.services.demo_ward import build_demo_database

        folder = Path(tempfile.mkdtemp(prefix="cartox_shots_"))
        services, ward = build_demo_database(folder / "demo.sqlite3")

        def cleanup() -> None:
            services.close()
            shutil.rmtree(folder, ignore_errors=True)

        atexit.register(cleanup)
        _DEMO.update(services=services, nurse=ward.nurse)
    return _DEMO["services"], _DEMO["nurse"]


def _wait(signal: Any) -> None:
    from cartox_desk.app import _wait as wait

    wait(signal, 30000)


def _window(ctx: SceneContext) -> Any:
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    services, nurse = _demo()
    window = MainWindow(ctx.settings, AppEvents(), services, user=nurse, demo=True)
    window.resize(*SIZE)
    window.show()
    _wait(window.census.alerts_loaded)
    return window


@scene("census")
def _census(ctx: SceneContext) -> Frames:
    yield "", _window(ctx)


@scene("census_overdue")
def _census_overdue(ctx: SceneContext) -> Frames:
    """The same ward ten hours later with nothing recorded: overdue in words and colour."""
    from datetime import UTC, datetime, timedelta

    from cartox_desk.services import Services
    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow

    services, nurse = _demo()
    later = Services.from_engine(services.engine, tz=services.tz,
                                 clock=lambda: datetime.now(UTC) + timedelta(hours=10))
    window = MainWindow(ctx.settings, AppEvents(), later, user=nurse, demo=True)
    window.resize(*SIZE)
    window.show()
    _wait(window.census.alerts_loaded)
    yield "", window


@scene("census_search")
def _census_search(ctx: SceneContext) -> Frames:
    window = _window(ctx)
    window.census.focus_search()
    window.census.search.setText("DEMO-04")
    yield "", window


def _patient_scene(ctx: SceneContext, mrn: str) -> Frames:
    services, _ = _demo()
    window = _window(ctx)
    window.open_patient(services.get_patient(mrn=mrn).patient_id)
    _wait(window.patient_view.loaded)
    yield "", window
    view = window.patient_view
    view.tabs.setCurrentIndex(0)
    view.tables["vitals"].selectRow(0)
    yield "_records", window


@scene("patient_demo02_b_all")
def _patient_b_all(ctx: SceneContext) -> Frames:
    yield from _patient_scene(ctx, "DEMO-02")


@scene("patient_demo04_child")
def _patient_child(ctx: SceneContext) -> Frames:
    yield from _patient_scene(ctx, "DEMO-04")


@scene("patient_amended_history")
def _patient_history(ctx: SceneContext) -> Frames:
    services, _ = _demo()
    window = _window(ctx)
    window.open_patient(services.get_patient(mrn="DEMO-01").patient_id)
    view = window.patient_view
    _wait(view.loaded)
    model = view.models["vitals"]
    for row in range(model.rowCount()):
        record = model.record(row)
        if record.meta.amends_id is not None:
            view.show_history("vitals", record.meta.record_id)
            _wait(view.history_loaded)
            break
    yield "", window


@scene("print_dialog_patient")
def _print_patient(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.print_dialog import PrintDialog

    services, nurse = _demo()
    pid = services.get_patient(mrn="DEMO-02").patient_id
    yield "", PrintDialog(services, ctx.settings, nurse.name, pid, open_when_done=False)


@scene("print_dialog_ward")
def _print_ward(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.print_dialog import PrintDialog

    services, nurse = _demo()
    dialog = PrintDialog(services, ctx.settings, nurse.name, None, open_when_done=False)
    dialog.open_check.setChecked(False)
    dialog.generate()
    _wait(dialog.generated)
    yield "", dialog


@scene("user_picker")
def _user_picker(ctx: SceneContext) -> Frames:
    from cartox_desk.ui.user_picker import UserPickerDialog

    services, _ = _demo()
    yield "", UserPickerDialog(services)


# ---- rendering -------------------------------------------------------------------------------------------


def render(out: Path, lang: str = "en", only: str | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog

    from cartox_desk.ui.i18n import install_translators
    from cartox_desk.ui.qt_compat import install_refcount_guard
    from cartox_desk.ui.settings import AppSettings

    install_refcount_guard()
    previous_handler = None

    def quiet(mode: Any, context: Any, message: str) -> None:
        # the offscreen platform cannot propagate size hints: harmless, and once per window
        if "propagateSizeHints" not in message and previous_handler is not None:
            previous_handler(mode, context, message)
        elif "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    previous_handler = qInstallMessageHandler(quiet)
    for module in SCENE_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            print(f"screenshots: skipping scenes of {module}: {exc}", file=sys.stderr)

    app = QApplication.instance() or QApplication(["cartox-desk-screenshots"])
    install_translators(app, lang)
    zh = lang.startswith("zh")
    settings = AppSettings(
        hospital_name="北京大学人民医院" if zh else "Peking University People's Hospital",
        city_name="北京" if zh else "Beijing",
        language="zh_CN" if zh else "en")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    problems: list[str] = []
    for name, function in SCENES.items():
        if only and not fnmatch.fnmatch(name, only):
            continue
        ctx = SceneContext(lang=lang, settings=settings)
        shown: list[Any] = []
        for suffix, widget in function(ctx):
            if isinstance(widget, QDialog):
                widget.adjustSize()  # a dialog at its own size (it never fills the screen)
            else:
                widget.resize(*SIZE)
            widget.show()
            app.processEvents()
            path = out / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            saved.append(path)
            problems.extend(f"{path.name}: {p}" for p in layout_problems(widget))
            if widget not in shown:
                shown.append(widget)
        # Delete each scene's widgets while the QApplication is alive: left to interpreter shutdown,
        # PySide6 can crash while garbage-collecting them.
        for widget in shown:
            widget.close()
            widget.deleteLater()
        ctx.keep.clear()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.collect()
    qInstallMessageHandler(previous_handler)
    # Text that does not fit at 1366x768 (run with --lang pseudo to find what a long language would cut)
    for line in problems:
        print(f"layout: {line}", file=sys.stderr)
    print(f"layout: {len(problems)} clipped or too-wide finding(s) in {len(saved)} picture(s)",
          file=sys.stderr)
    return saved


def layout_problems(widget: Any) -> list[str]:
    """What the layout check finds in one rendered frame: the window wider than the laptop, clipped text."""
    from PySide6.QtWidgets import QDialog

    from cartox_desk.ui.layout_check import LAPTOP_WIDTH, clipped_texts, too_wide

    found = [str(c) for c in clipped_texts(widget)]
    if not isinstance(widget, QDialog) and (extra := too_wide(widget)):
        found.insert(0, f"window needs {extra} px more than {LAPTOP_WIDTH}")
    elif isinstance(widget, QDialog) and widget.width() > LAPTOP_WIDTH:
        found.insert(0, f"dialog is {widget.width()} px wide, more than {LAPTOP_WIDTH}")
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cartox-desk screenshots",
                                     description="Render the named scenes to PNG at 1366x768, offscreen.")
    parser.add_argument("--out", type=Path, default=None, help="output directory")
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN", "pseudo"))
    parser.add_argument("--only", default=None, metavar="PATTERN", help="only scenes matching (fnmatch)")
    parser.add_argument("--list", action="store_true", help="list the scene names and exit")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.list:
        for module in SCENE_MODULES:
            try:
                importlib.import_module(module)
            except ImportError:
                continue
        print("\n".join(SCENES))
        return 0
    if args.out is None:
        print("screenshots: --out DIR is required", file=sys.stderr)
        return 2
    for path in render(args.out, args.lang, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
