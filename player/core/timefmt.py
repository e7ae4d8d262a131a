"""Times as briefs write them and as people type them.

Briefs mix ``M:SS``, ``MM:SS``, ``MMM:SS`` (minutes past 59, as in ``113:31``) and ``H:MM:SS``.
One parser for all of them keeps the brief, the command line and the search box in agreement.
"""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


class TimeFormatError(ValueError):
    """A time that cannot be read; the message says why, for a ``file:line:`` report."""


def parse_clock(text: str) -> float:
    """Seconds for ``M:SS``, ``MMM:SS`` or ``H:MM:SS`` (optionally with ``.mmm``)."""
    s = text.strip()
    m = _CLOCK.match(s)
    if not m:
        raise TimeFormatError(f"not a time: {text!r} (expected M:SS, MM:SS, MMM:SS or H:MM:SS)")
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) > 59 or len(seconds) != 2:
        raise TimeFormatError(f"seconds out of range in {text!r}: must be 00 to 59")
    if hours is not None and (int(minutes) > 59 or len(minutes) != 2):
        raise TimeFormatError(f"minutes out of range in {text!r}: must be 00 to 59 after hours")
    total = int(minutes) * 60 + int(seconds)
    if hours is not None:
        total += int(hours) * 3600
    if frac:
        total += int(frac.ljust(3, "0")) / 1000
    return float(total)


def parse_time(text: str) -> float:
    """Seconds from either a clock time or plain seconds (``95``, ``95.5``)."""
    s = text.strip()
    if _SECONDS.match(s):
        return float(s)
    return parse_clock(s)


def format_clock(seconds: float, *, always_hours: bool = False) -> str:
    """``M:SS`` under an hour, ``H:MM:SS`` above; negative times keep their sign."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    if h or always_hours:
        return f"{sign}{h}:{m:02d}:{s:02d}"
    return f"{sign}{m}:{s:02d}"


def format_ms(ms: int) -> str:
    return format_clock(ms / 1000)
