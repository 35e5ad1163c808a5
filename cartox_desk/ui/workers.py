"""The one worker pattern for long work (architecture.md): a `QRunnable` with progress / finished / failed
signals on a `QThreadPool`. The function runs on a pool thread and must not touch widgets; every services
call opens its own session, so a worker never shares one with the GUI thread.

    worker = run_in_pool(lambda: services.ward_census(), self._on_rows, self._on_error)
    worker = run_in_pool(job, done, failed, on_progress=bar_update, with_progress=True)  # job(progress)

Results are delivered on the GUI thread (queued signals). Tests wait on `worker.signals.finished` /
`failed` (or on the view's own `loaded` signal), never sleep.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_pool: QThreadPool | None = None
_running: set[Worker] = set()  # Python references until the result is delivered (the pool does not own them)


class WorkerSignals(QObject):
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception (its traceback text in `exc.traceback_text`)
    progress = Signal(int, str)  # percent 0-100, what is being done


class Worker(QRunnable):
    """Runs `fn()` (or `fn(progress)` with `with_progress`) on a pool thread."""

    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the object; `_running` releases it after delivery
        self.fn = fn
        self.with_progress = with_progress
        self.signals = WorkerSignals()

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda percent, text="": self.signals.progress.emit(int(percent), str(text)))
            else:
                result = self.fn()
        except Exception as exc:  # delivered to the GUI thread as a value, shown as a message there
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def pool() -> QThreadPool:
    """The application's worker pool (two threads: the machines have two cores)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def _while_alive(context: QObject | None, callback: Callable[..., None] | None) -> Callable[..., None] | None:
    """The callback, skipped once ``context`` (the widget that asked) is deleted: a result that arrives
    after its window closed has nobody to show it to."""
    if callback is None or context is None:
        return callback
    target = callback

    def guarded(*args: Any) -> None:
        if shiboken6.isValid(context):
            target(*args)

    return guarded


def make_worker(fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None, *,
                on_progress: Callable[[int, str], None] | None = None,
                with_progress: bool = False, context: QObject | None = None) -> Worker:
    """A connected worker, not started yet (tests connect `waitSignal` before `start(worker)`)."""
    on_done, on_error = _while_alive(context, on_done), _while_alive(context, on_error)
    on_progress = _while_alive(context, on_progress)
    worker = Worker(fn, with_progress=with_progress)
    if on_done is not None:
        worker.signals.finished.connect(on_done)
    if on_error is not None:
        worker.signals.failed.connect(on_error)
    if on_progress is not None:
        worker.signals.progress.connect(on_progress)
    return worker


def start(worker: Worker) -> Worker:
    """Queue the worker on the pool; it is kept alive until its result is delivered."""
    _running.add(worker)
    worker.signals.finished.connect(lambda _r, w=worker: _running.discard(w))
    worker.signals.failed.connect(lambda _e, w=worker: _running.discard(w))
    pool().start(worker)
    return worker


def run_in_pool(fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None, *,
                on_progress: Callable[[int, str], None] | None = None,
                with_progress: bool = False, context: QObject | None = None) -> Worker:
    """Start `fn` on the pool; `on_done(result)` / `on_error(exc)` run on the GUI thread afterwards,
    unless ``context`` (the asking widget) has been deleted by then."""
    return start(make_worker(fn, on_done, on_error, on_progress=on_progress, with_progress=with_progress,
                             context=context))


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until the pool is idle (shutdown and the self-test; never in a GUI path)."""
    return pool().waitForDone(msecs)
