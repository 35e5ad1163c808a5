"""Composition root: arguments → settings → translators → services → main window.

Each step is its own function so the store (database, demo ward), the census and the patient views plug
in without touching the others: `build_services` is where the database engine and the use-case services
will be made (it returns None until the store lands), and `MainWindow` receives whatever it returns.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, replace
from typing import Any

LANG_CHOICES = ("zh_CN", "en", "pseudo")


@dataclass(frozen=True, slots=True)
class Options:
    db: str | None
    demo: bool
    lang: str | None
    self_test: bool


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cartox-desk",
        description="Bedside CAR-T toxicity grading (CRS / ICANS).",
    )
    parser.add_argument("--db", metavar="PATH|URL", default=None,
                        help="SQLite file or database URL (default: CARTOX_DATABASE_URL or the"
                             " embedded file)")
    parser.add_argument("--demo", action="store_true", help="open with a demo ward")
    parser.add_argument("--lang", choices=LANG_CHOICES, default=None,
                        help="user-interface language (default: the saved setting); 'pseudo' for"
                             " layout checks")
    parser.add_argument("--self-test", action="store_true",
                        help="open the window offscreen, grade a known snapshot, exit 0 when all is well")
    return parser


def parse_options(argv: list[str]) -> Options:
    ns = build_parser().parse_args(argv)
    return Options(db=ns.db, demo=ns.demo, lang=ns.lang, self_test=ns.self_test)


def build_services(options: Options, settings: Any) -> Any:
    """The database engine and use-case services. Stub: the store is being written (returns None)."""
    return None


def _application(argv0: str) -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([argv0])
    app.setOrganizationName("cartox_desk")
    app.setApplicationName("cartox_desk")
    return app


def self_test(window: Any) -> list[str]:
    """Grade a known snapshot through the real window; return the problems found (empty = healthy)."""
    from cartox_desk.core.snapshot import IceAssessment, OxygenDevice, OxygenSupport, Snapshot

    panel = window.grade_panel
    panel.set_snapshot(Snapshot(temperature_c=38.5, oxygen=OxygenSupport(OxygenDevice.FACE_MASK, 6.0),
                                ice=IceAssessment(orientation=2, naming=2, commands=1, writing=0,
                                                  attention=0)))
    problems: list[str] = []
    result = panel.result()
    if result is None:
        problems.append(f"the known snapshot was not graded: {panel.errors()}")
    else:
        if result.crs.grade != 3:
            problems.append(f"CRS {result.crs.grade}, expected 3 (fever + face mask)")
        if result.icans.grade != 2:
            problems.append(f"ICANS {result.icans.grade}, expected 2 (ICE 5)")
        if panel.crs_card.badge.text() != str(result.crs.grade):
            problems.append("the CRS badge does not show the grade")
    return problems


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    if options.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.i18n import install_translators
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.qt_compat import install_refcount_guard
    from cartox_desk.ui.settings import load_settings

    install_refcount_guard()  # PySide6 6.12.0 on CPython 3.11: see ui/qt_compat.py
    app = _application(sys.argv[0] if sys.argv else "cartox-desk")
    settings = load_settings()
    if options.lang in ("zh_CN", "en"):
        settings = replace(settings, language=options.lang)
    install_translators(app, options.lang or settings.language)

    events = AppEvents()
    services = build_services(options, settings)
    window = MainWindow(settings, events, services)
    window.resize(1366, 768)
    window.show()
    if options.self_test:
        problems = self_test(window)
        for problem in problems:
            print(f"self-test: {problem}", file=sys.stderr)
        window.close()
        return 1 if problems else 0
    return int(app.exec())
