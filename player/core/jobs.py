"""Long work, told in steps: what every long core function takes so that it can be shown and
stopped.

A function that decodes, aligns, downloads or scans takes one ``Progress`` argument. It calls
``progress(done, total, message)`` as it goes; each call also checks the cancel token and raises
``Cancelled`` when the listener has asked to stop. The window's job runner and the command line
both hand such a function a ``Progress`` and show the same figures, so a long function is written
once and never knows which of them is watching. No Qt here: the runner lives in the UI.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from player.core.record import Record, init

T = TypeVar("T")

#: A long job: a function of one ``Progress`` that returns its result.
Job = Callable[["Progress"], T]


class Cancelled(Exception):
    """The listener asked the job to stop; not an error, so nothing is reported as failed."""


class CancelToken:
    """Shared between the thread that asks to stop and the thread doing the work."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


class Step(Record):
    """One report: ``total`` is None while the size of the work is not known yet."""

    __slots__ = ("done", "total", "message")
    done: float
    total: float | None
    message: str

    def __init__(self, done: float, total: float | None, message: str = "") -> None:
        init(self, "done", done)
        init(self, "total", total)
        init(self, "message", message)

    @property
    def fraction(self) -> float | None:
        if not self.total or self.total <= 0:
            return None
        return min(1.0, max(0.0, self.done / self.total))


Report = Callable[[Step], None]


class Progress:
    """Handed to a long function. Calling it reports a step and checks for cancel.

    ``scaled`` gives a part of the work its own 0..total range inside a share of the whole, so a
    function that runs two phases (decode, then recognise) reports one bar that only goes up.
    """

    __slots__ = ("_offset", "_report", "_share", "token")

    def __init__(
        self,
        report: Report | None = None,
        token: CancelToken | None = None,
        *,
        _offset: float = 0.0,
        _share: float = 1.0,
    ) -> None:
        self._report = report
        self.token = token or CancelToken()
        self._offset = _offset
        self._share = _share

    def __call__(self, done: float, total: float | None = None, message: str = "") -> None:
        self.token.raise_if_cancelled()
        if self._report is None:
            return
        if self._offset == 0.0 and self._share == 1.0:
            self._report(Step(done, total, message))
        elif total:
            self._report(Step(self._offset + self._share * min(done / total, 1.0), 1.0, message))
        else:
            self._report(Step(self._offset, 1.0, message))

    def check(self) -> None:
        """Raise ``Cancelled`` if asked to stop; for loops that have nothing new to report."""
        self.token.raise_if_cancelled()

    def scaled(self, start: float, share: float) -> Progress:
        """A ``Progress`` whose 0..total maps onto ``start..start+share`` of this one (0..1)."""
        return Progress(
            self._report,
            self.token,
            _offset=self._offset + self._share * start,
            _share=self._share * share,
        )


class RateMeter:
    """Rate and time left from recent steps, for the window's bar and the CLI's line alike.

    It looks at a sliding window of the last few seconds, so a download that stalls and recovers,
    or a decoder that speeds up after its first block, shows a time left that follows it.
    """

    def __init__(self, window_s: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._window_s = window_s
        self._samples: deque[tuple[float, float]] = deque()

    def add(self, done: float) -> None:
        now = self._clock()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self._window_s:
            self._samples.popleft()

    def rate(self) -> float | None:
        """Units per second, or None until two samples some time apart exist."""
        if len(self._samples) < 2:
            return None
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 <= 0:
            return None
        return max(0.0, (d1 - d0) / (t1 - t0))

    def seconds_left(self, total: float | None) -> float | None:
        rate = self.rate()
        if not total or not rate or not self._samples:
            return None
        return max(0.0, (total - self._samples[-1][1]) / rate)


def describe_left(seconds: float | None) -> str:
    """'about 3 min left', in the words a person uses; empty while unknown."""
    if seconds is None:
        return ""
    if seconds < 60:
        return f"about {max(1, round(seconds))} s left"
    if seconds < 3600:
        return f"about {round(seconds / 60)} min left"
    hours, rest = divmod(round(seconds / 60), 60)
    return f"about {hours} h {rest:02d} min left"


def run_blocking(job: Callable[[Progress], T], report: Report | None = None) -> T:
    """Run a job on this thread (the CLI's way); Ctrl+C cancels it cleanly."""
    token = CancelToken()
    try:
        return job(Progress(report, token))
    except KeyboardInterrupt:
        token.cancel()
        raise Cancelled from None
