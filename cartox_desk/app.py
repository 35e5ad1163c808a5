"""Composition root: arguments → settings → translators → services → who is working → main window.

`build_services` opens the database (``--db PATH|URL``, else ``CARTOX_DATABASE_URL``, else the embedded
SQLite file; ``--demo``: the demo ward file in the user data directory, rebuilt when it was made on an
earlier day so that today is a live ward day) and migrates it (with a backup). A database that cannot be
opened is a clear dialog, never a traceback. ``--self-test`` runs on a temporary demo database: the main
window offscreen, a known snapshot graded, a patient-day PDF written; exit 0 when all is well (packaging).
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


class DatabaseError(Exception):
    """The database could not be opened or migrated: the message names the URL and the cause."""


def database_url(options: Options) -> str:
    """The URL to open: the demo ward (made or refreshed today) with ``--demo``, else config's choice."""
    from cartox_desk.config import resolve_database_url

    if options.demo:
        from cartox_desk.services.demo_ward import ensure_demo_database

        return ensure_demo_database()
    return resolve_database_url(options.db)


def build_services(options: Options, settings: Any = None, url: str | None = None) -> Any:
    """The use-case services over the chosen database (`Services.from_url` migrates, backing up first)."""
    from cartox_desk.services import Services

    try:
        url = url or database_url(options)
        services = Services.from_url(url)
    except Exception as exc:  # engine, migration, demo build: one clear message
        raise DatabaseError(f"{url or options.db or 'the database'}: {exc}") from exc
    apply_protocol(services, settings)
    return services


def apply_protocol(services: Any, settings: Any, warn: Any = None) -> str | None:
    """Put the installation's protocol (``settings.protocol_file``; empty = the default CSCO-2024) in force.
    A bad file is a warning (``warn(title, text)``, default a dialog) and the default stays; returns the
    problem, None when all is well."""
    choice = str(getattr(settings, "protocol_file", "") or "").strip()
    if not choice:
        return None
    from cartox_desk.services import ValidationError

    try:
        services.use_protocol(choice, by=None)
    except ValidationError as exc:
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate("App", "The protocol file in the settings could not be used; the"
                                          " default protocol (CSCO-2024) stays in force.\n\n%1")
        (warn or _warning_dialog)(QCoreApplication.translate("App", "cartox_desk: protocol"),
                                  text.replace("%1", str(exc)))
        return str(exc)
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
    """Grade a known snapshot through the real window; with a store, load the census and write a
    patient-day PDF. Returns the problems found (empty = healthy)."""
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
    if getattr(window, "services", None) is not None:
        problems += _self_test_store(window)
    return problems


def _wait(signal: Any, timeout_ms: int = 30000) -> bool:
    """Run the event loop until `signal` fires (True) or the timeout passes (False)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_a: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def _self_test_store(window: Any) -> list[str]:
    import tempfile
    from pathlib import Path

    from cartox_desk.services.reporting_jobs import current_day, patient_day_pdf, write_pdf

    problems: list[str] = []
    census = window.census
    if not census.model.rows() and not _wait(census.loaded):
        return ["the census did not load"]
    rows = census.model.rows()
    if not rows:
        return ["the census is empty on the demo ward"]
    pid = rows[0].patient_id
    window.open_patient(pid)
    if not _wait(window.patient_view.loaded):
        problems.append("the patient view did not load")
    services = window.services
    try:
        pdf = patient_day_pdf(services, pid, current_day(services, pid))
        target = write_pdf(pdf, Path(tempfile.mkdtemp(prefix="cartox_selftest_")) / "day.pdf")
        if not target.read_bytes().startswith(b"%PDF"):
            problems.append("the patient-day summary is not a PDF")
    except Exception as exc:
        problems.append(f"the patient-day summary failed: {exc}")
    return problems


def _self_test_services() -> tuple[Any, Any]:
    """A demo ward in a temporary directory (removed at exit)."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    from cartox_desk.services.demo_ward import build_demo_database

    folder = Path(tempfile.mkdtemp(prefix="cartox_selftest_db_"))
    atexit.register(shutil.rmtree, folder, True)
    services, ward = build_demo_database(folder / "demo.sqlite3")
    return services, ward.nurse


def _error_dialog(title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.exec()


def _warning_dialog(title: str, text: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:  # no GUI (scripts, tests without qapp): say it on stderr
        print(f"{title}: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.exec()


def main(argv: list[str], *, ask_user: bool = True) -> int:
    """Run the app. ``ask_user=False`` (and ``--self-test``) skips the user picker: the remembered user,
    else the first one."""
    options = parse_options(argv)
    if options.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication

    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.i18n import install_translators
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.qt_compat import install_refcount_guard
    from cartox_desk.ui.settings import load_settings
    from cartox_desk.ui.workers import wait_for_all

    install_refcount_guard()  # PySide6 6.12.0 on CPython 3.11: see ui/qt_compat.py
    app = _application(sys.argv[0] if sys.argv else "cartox-desk")
    settings = load_settings()
    if options.lang in ("zh_CN", "en"):
        settings = replace(settings, language=options.lang)
    install_translators(app, options.lang or settings.language)

    events = AppEvents()
    if options.self_test:
        try:
            services, user = _self_test_services()
        except Exception as exc:
            print(f"self-test: the demo database could not be built: {exc}", file=sys.stderr)
            return 1
    else:
        try:
            services = build_services(options, settings)
        except DatabaseError as exc:
            _error_dialog(QCoreApplication.translate("App", "cartox_desk: database"),
                          QCoreApplication.translate("App", "The database could not be opened:\n%1\n\n"
                                                     "Check the --db path or CARTOX_DATABASE_URL, or ask IT."
                                                     ).replace("%1", str(exc)))
            print(f"cartox-desk: cannot open the database {exc}", file=sys.stderr)
            return 2
        from cartox_desk.ui.user_picker import default_user, pick_user

        user = pick_user(services) if ask_user else default_user(services)
        if user is None:
            services.close()
            return 0
    window = MainWindow(settings, events, services, user=user, demo=options.demo or options.self_test)
    window.resize(1366, 768)
    window.show()
    try:
        if options.self_test:
            problems = self_test(window)
            for problem in problems:
                print(f"self-test: {problem}", file=sys.stderr)
            window.close()
            return 1 if problems else 0
        return int(app.exec())
    finally:
        wait_for_all()
        window.close()
        window.deleteLater()
        services.close()
