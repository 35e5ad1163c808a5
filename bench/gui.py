"""Benchmark of the bedside GUI (issue 4; not a test): opening a patient view and switching patients.

Builds the store benchmark's 30-day minute-level patient (bench/store.py `build`: 43,200 vital-sign rows,
labs, ICE, medications) and three copies, opens the main window offscreen at 1366x768, then times
(a) opening the first patient: timeline, management plan and chart series loaded off the GUI thread,
widgets filled, charts drawn, the window painted once; (b) switching between two patients already seen
(median of several switches; target < 200 ms per switch); (c) the first view of a third patient opened from
the census the usual way: the user goes back to the census and rests on the row (arrow keys) before Enter,
and meanwhile the app has read the patient ahead (`PatientView.prefetch`, off the GUI thread) and drawn
its charts (`_predraw`, once the selection has rested 0.4 s); (d) for comparison, the first view of a
fourth patient with the read-ahead switched off, so everything is loaded when it is opened. Also prints
how long the GUI thread itself was busy filling the view (the database is never read on the GUI thread).
Last line: ``RESULT open_ms=… switch_ms=… gui_fill_ms=… unseen_ms=… cold_unseen_ms=…``.

    .venv/bin/python bench/gui.py [--switches 6]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store import NOW, TZ, build

from cartox_desk.config import path_to_url
from cartox_desk.services import Services


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=6)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from cartox_desk.ui.events import AppEvents
    from cartox_desk.ui.main_window import MainWindow
    from cartox_desk.ui.qt_compat import install_refcount_guard
    from cartox_desk.ui.settings import AppSettings
    from cartox_desk.ui.workers import wait_for_all

    install_refcount_guard()
    app = QApplication.instance() or QApplication(["bench-gui"])
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "bench_gui.sqlite3"
    services = Services.from_url(path_to_url(path), tz=TZ, clock=lambda: NOW)
    t0 = time.perf_counter()
    first = build(services, 4)
    second, third, fourth = [p.patient_id for p in services.list_patients() if p.patient_id != first][:3]
    print(f"built 4 minute-level patients in {time.perf_counter() - t0:.1f} s")
    user = services.list_users()[0]

    window = MainWindow(AppSettings(language="en"), AppEvents(), services, user=user)
    window.resize(1366, 768)
    window.show()
    view = window.patient_view
    read_ahead = view.prefetch
    view.prefetch = lambda ids: read_ahead([i for i in ids if i != fourth])  # type: ignore[method-assign]
    fill_ms: list[float] = []
    original_show = view.show_data

    def timed_show(data: object, **kwargs: object) -> None:
        s = time.perf_counter()
        original_show(data, **kwargs)  # type: ignore[arg-type]
        fill_ms.append((time.perf_counter() - s) * 1000)

    view.show_data = timed_show  # type: ignore[method-assign]

    def open_and_paint(pid: int) -> float:
        """Open (or switch to) a patient; wait for `loaded` (synchronous for a remembered patient)."""
        loop = QEventLoop()
        fired: list[int] = []

        def on_loaded(_pid: int) -> None:
            fired.append(_pid)
            loop.quit()

        view.loaded.connect(on_loaded)
        s = time.perf_counter()
        window.open_patient(pid)
        if not fired:
            QTimer.singleShot(60000, loop.quit)
            loop.exec()
        window.repaint()  # the first paint, synchronously
        elapsed = (time.perf_counter() - s) * 1000
        view.loaded.disconnect(on_loaded)
        return elapsed

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(400, loop.quit)  # the delayed check starts, then the pool drains
        loop.exec()
        wait_for_all()
        app.processEvents()

    wait_census = QEventLoop()
    window.census.loaded.connect(wait_census.quit)
    QTimer.singleShot(30000, wait_census.quit)
    wait_census.exec()

    open_ms = open_and_paint(first)
    rows = view.models["vitals"].rowCount()
    print(f"(a) open the first patient (cold record cache; timeline, plan and chart series off-thread; fill,"
          f" paint): {open_ms:.0f} ms; GUI-thread fill {fill_ms[-1]:.0f} ms; {rows} vitals")
    settle()
    open_and_paint(second)  # warm the second patient's cache too
    switches = []
    for i in range(args.switches):
        settle()  # rounds: the previous patient's background check is done before the next switch
        switches.append(open_and_paint(second if i % 2 else first))
    switch_ms = statistics.median(switches)
    gui_fill = statistics.median(fill_ms[2:])
    print(f"(b) switch between the two patients: median {switch_ms:.0f} ms (min {min(switches):.0f}, max"
          f" {max(switches):.0f}; target < 200 ms); GUI-thread fill median {gui_fill:.0f} ms")
    window.show_census()
    window.census.select_patient(third)  # the user rests on the third patient's row
    rested = time.perf_counter()
    wait_read_ahead = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: (not view._prefetching and view._predrawn == third
                                  and wait_read_ahead.quit()))
    poll.start(50)
    QTimer.singleShot(60000, wait_read_ahead.quit)
    wait_read_ahead.exec()
    poll.stop()
    ready_s = time.perf_counter() - rested
    assert third in view._cache and view._predrawn == third, "the third patient was not read ahead / drawn"
    unseen_ms = open_and_paint(third)
    print(f"(c) first view of a patient opened from the census after resting on its row (read ahead and"
          f" drawn {ready_s:.1f} s after the row was selected): {unseen_ms:.0f} ms; GUI-thread fill"
          f" {fill_ms[-1]:.0f} ms; target < 200 ms")
    services.get_patient_timeline(fourth, at=NOW)  # the store's record cache warm, the view has not seen it
    settle()
    cold_ms = open_and_paint(fourth)
    print(f"(d) first view of a patient not read ahead (store cache warm; timeline, plan, series loaded"
          f" off-thread when opened): {cold_ms:.0f} ms; GUI-thread fill {fill_ms[-1]:.0f} ms")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    wait_for_all()
    window.close()
    window.deleteLater()
    app.processEvents()
    services.close()
    tmp.cleanup()
    print(f"RESULT open_ms={open_ms:.0f} switch_ms={switch_ms:.0f} gui_fill_ms={gui_fill:.0f}"
          f" unseen_ms={unseen_ms:.0f} cold_unseen_ms={cold_ms:.0f}")


if __name__ == "__main__":
    main()
