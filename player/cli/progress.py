"""Progress of a long job on stderr, so stdout stays clean for what the command prints.

On a terminal it redraws one line; into a file or pipe it writes a line at most every few
seconds, so a log of a long run stays readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from player.core.jobs import RateMeter, Step, describe_left


class StderrProgress:
    """A ``Report`` for ``Progress``: call it with each ``Step``."""

    def __init__(
        self, stream: TextIO | None = None, unit: str = "", min_interval_s: float | None = None
    ) -> None:
        self._stream = stream or sys.stderr
        self._tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._interval = (0.1 if self._tty else 2.0) if min_interval_s is None else min_interval_s
        self._unit = unit
        self._meter = RateMeter()
        self._last = 0.0
        self._shown = False

    def __call__(self, step: Step) -> None:
        self._meter.add(step.done)
        now = time.monotonic()
        done = step.total is not None and step.done >= step.total
        if not done and now - self._last < self._interval:
            return
        self._last = now
        line = self.line(step)
        if self._tty:
            self._stream.write("\r\x1b[K" + line)
        else:
            self._stream.write(line + "\n")
        self._stream.flush()
        self._shown = True

    def line(self, step: Step) -> str:
        parts = []
        if step.message:
            parts.append(step.message)
        fraction = step.fraction
        if fraction is not None:
            parts.append(f"{fraction * 100:5.1f} %")
        left = describe_left(self._meter.seconds_left(step.total))
        if left:
            parts.append(left)
        return " · ".join(parts)

    def finish(self) -> None:
        """End the redrawn line so the next output starts on its own."""
        if self._tty and self._shown:
            self._stream.write("\n")
            self._stream.flush()
        self._shown = False
