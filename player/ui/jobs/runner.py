"""Runs a ``Progress``-taking function off the GUI thread and hands its result back on it.

Every long job of the window goes through one ``JobRunner``: a feature calls
``shell.jobs.run(title, fn, on_done=...)`` and writes nothing about threads. The function runs
on Qt's thread pool; its steps, its result or its failure come back as queued signals, so
``on_done`` and ``on_error`` always run on the GUI thread. A job the listener cancelled ends
quietly: ``Cancelled`` is not a failure, and its result (if it finished anyway) is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from player.core.jobs import Cancelled, CancelToken, Progress, RateMeter, Step

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def describe_error(exc: BaseException) -> str:
    """One line a listener can act on: the file and the reason, never a traceback."""
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"{exc.filename}: {reason}" if exc.filename else reason
    return str(exc) or type(exc).__name__


class _Signals(QObject):
    """Lives on the GUI thread; emitted from the worker, so every slot runs queued."""

    stepped = Signal(object)  # Step
    succeeded = Signal(object)  # the job's result
    failed = Signal(str)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, token: CancelToken):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._token = fn, signals, token

    def run(self) -> None:
        try:
            result = self._fn(Progress(self._signals.stepped.emit, self._token))
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # every failure becomes a message; the app keeps running
            log.debug("job failed", exc_info=True)
            self._signals.failed.emit(describe_error(exc))
        else:
            self._signals.succeeded.emit(result)


class JobHandle(QObject):
    """One running job: its title, last step, rate, and a way to cancel it."""

    changed = Signal()  # a new step arrived
    ended = Signal()  # finished, failed or cancelled: whichever, the job is over

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.token = CancelToken()
        self.step: Step | None = None
        self.meter = RateMeter()
        self.running = True

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def _on_step(self, step: Step) -> None:
        self.step = step
        self.meter.add(step.done)
        self.changed.emit()


class JobRunner(QObject):
    """Starts jobs and tells the window's bar (and anyone else) how they go."""

    started = Signal(object)  # JobHandle
    failed = Signal(str, str)  # title, message

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        # A pool of its own, so closing one window waits for its jobs only.
        self._pool = pool or QThreadPool(self)
        self._jobs: list[JobHandle] = []

    def run(
        self,
        title: str,
        fn: Callable[[Progress], Any],
        *,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> JobHandle:
        """Run ``fn(progress)`` on the pool; ``on_done(result)`` runs on the GUI thread."""
        handle = JobHandle(title, self)
        signals = _Signals(handle)
        queued = Qt.ConnectionType.QueuedConnection
        signals.stepped.connect(handle._on_step, queued)
        signals.succeeded.connect(lambda r: self._succeeded(handle, r, on_done), queued)
        signals.failed.connect(lambda m: self._failed(handle, m, on_error), queued)
        signals.cancelled.connect(lambda: self._end(handle), queued)
        self._jobs.append(handle)
        self.started.emit(handle)
        self._pool.start(_Worker(fn, signals, handle.token))
        return handle

    def active(self) -> list[JobHandle]:
        return [j for j in self._jobs if j.running]

    def cancel_all(self, wait_ms: int = 3_000) -> None:
        """Stop every job (at close): they check the token at their next step."""
        for job in self.active():
            job.cancel()
        self._pool.waitForDone(wait_ms)

    def _succeeded(self, handle: JobHandle, result: object, on_done: Done | None) -> None:
        self._end(handle)
        if on_done is not None and not handle.cancelled:
            on_done(result)

    def _failed(self, handle: JobHandle, message: str, on_error: Failed | None) -> None:
        self._end(handle)
        if handle.cancelled:
            return
        self.failed.emit(handle.title, message)
        if on_error is not None:
            on_error(message)

    def _end(self, handle: JobHandle) -> None:
        if not handle.running:
            return
        handle.running = False
        self._jobs.remove(handle)
        handle.ended.emit()
        handle.deleteLater()
