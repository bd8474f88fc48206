"""Run service calls off the GUI thread and deliver the result back on it.

    gctx.runner.submit(services.register.search, gctx.app, "jan",
                       on_done=self.show_rows, on_error=None)

``on_error`` defaults to a Dutch message box for domain errors; anything unexpected is
reported with a generic Dutch message and a crash log that holds no patient data.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from pzmdo.domain.errors import PzmdoError


class _Relay(QObject):
    finished = Signal(int, object, object)  # job id, result, exception


class _Job(QRunnable):
    def __init__(
        self, job_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple, kwargs: dict
    ) -> None:
        super().__init__()
        self.job_id, self.relay, self.fn, self.args, self.kwargs = job_id, relay, fn, args, kwargs

    def run(self) -> None:
        # The Runner keeps fn and its arguments alive until the GUI thread has handled the
        # result, and this thread lets go of them before it reports: the last reference to
        # a widget's bound method must never die on a pool thread (destroying a QObject
        # there deadlocked the GUI thread).
        fn, args, kwargs = self.fn, self.args, self.kwargs
        self.fn, self.args, self.kwargs = _released, (), {}
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            del fn, args, kwargs
            self.relay.finished.emit(self.job_id, None, exc)
        else:
            del fn, args, kwargs
            self.relay.finished.emit(self.job_id, result, None)


def _released() -> None:
    """What a job holds once it has started: nothing of the caller's."""


def _call_if_alive(callback: Callable[[Any], None], value: Any) -> None:
    """Deliver a result unless the widget that asked for it has been closed meanwhile
    (a patient view closed while it was still loading, say)."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):  # a lambda's widget went away
            raise


class Runner(QObject):
    """A small thread pool; callbacks always run on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._finish)
        self._ids = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        # The job's function and arguments, released on the GUI thread in _finish.
        self._keep: dict[int, tuple[Any, ...]] = {}
        self.error_handler: Callable[[BaseException], None] | None = None

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._keep[job_id] = (fn, args, kwargs)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, self._relay, fn, args, kwargs))
        return job_id

    @Slot(int, object, object)
    def _finish(self, job_id: int, result: Any, exc: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        self._keep.pop(job_id, None)
        if not self._callbacks:
            self.busy_changed.emit(False)
        if exc is None:
            if on_done is not None:
                _call_if_alive(on_done, result)
            return
        handler = on_error or self.error_handler
        if handler is not None:
            _call_if_alive(handler, exc)
        elif not isinstance(exc, PzmdoError):
            raise exc

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs finish (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)
