"""The one worker pattern: results, failures and progress arrive on the GUI thread as signals."""

from __future__ import annotations

from PySide6.QtCore import QThread

from cartox_desk.ui.workers import make_worker, start, wait_for_all


def test_result_arrives_on_the_gui_thread(qtbot, qapp):
    threads: dict[str, object] = {}

    def job() -> int:
        threads["job"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        threads["done"] = QThread.currentThread()
        threads["result"] = result

    worker = make_worker(job, done)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        start(worker)
    assert finished.args == [42] and threads["result"] == 42
    assert threads["job"] is not qapp.thread()
    assert threads["done"] is qapp.thread()


def test_failure_is_delivered_with_its_traceback(qtbot):
    def boom() -> None:
        raise ValueError("no such patient")

    errors: list[BaseException] = []
    worker = make_worker(boom, None, errors.append)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000):
        start(worker)
    assert isinstance(errors[0], ValueError) and "boom" in errors[0].traceback_text


def test_progress_is_reported(qtbot):
    steps: list[int] = []

    def job(progress) -> str:
        for p in (10, 50, 100):
            progress(p, "step")
        return "ok"

    worker = make_worker(job, None, None, on_progress=lambda p, _t: steps.append(p), with_progress=True)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        start(worker)
    assert steps == [10, 50, 100]
    assert wait_for_all(5000)


def test_a_result_for_a_deleted_widget_is_dropped(qtbot):
    from PySide6.QtWidgets import QLabel

    from cartox_desk.ui.workers import make_worker, start, wait_for_all

    label = QLabel("waiting")
    delivered: list[object] = []
    worker = make_worker(lambda: 42, lambda r: (delivered.append(r), label.setText(str(r))),
                         context=label)
    label.deleteLater()
    qtbot.wait(10)  # the label is gone before the result arrives
    start(worker)
    wait_for_all()
    qtbot.wait(50)
    assert delivered == []  # no call into a deleted widget (it would raise RuntimeError in the loop)
    alive = QLabel("waiting")
    qtbot.addWidget(alive)
    worker = make_worker(lambda: 7, lambda r: alive.setText(str(r)), context=alive)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        start(worker)
    qtbot.waitUntil(lambda: alive.text() == "7", timeout=2000)
