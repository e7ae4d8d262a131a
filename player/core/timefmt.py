"""Times as briefs write them and as people type them.

Briefs mix ``M:SS``, ``MM:SS``, ``MMM:SS`` (minutes past 59, as in ``113:31``) and ``H:MM:SS``.
One parser for all of them keeps the brief, the command line and the search box in agreement.
"""

from __future__ import annotations

import math
import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


# Every time the app reads (brief, subtitles, chapters, the command line) must lie in this range.
# A thousand hours is longer than any episode, short enough for 64-bit milliseconds everywhere,
# and it keeps ``inf``, ``1e308`` and hundred-digit hours out of the timeline and the seek bar.
MAX_SECONDS = 1000 * 3600
OUT_OF_RANGE = "time out of range"


class TimeFormatError(ValueError):
    """A time that cannot be read; the message says why, for a ``file:line:`` report."""


def checked(seconds: float) -> float:
    """``seconds`` when it is a time the app can play to; ``TimeFormatError`` otherwise."""
    if not (isinstance(seconds, int | float) and math.isfinite(seconds)):
        raise TimeFormatError(OUT_OF_RANGE)
    if not 0 <= seconds <= MAX_SECONDS:
        raise TimeFormatError(OUT_OF_RANGE)
    return float(seconds)


def digits_value(text: str, *, limit: int = 12) -> int:
    """``int(text)`` for a run of digits, refusing runs too long to be any time.

    Hundreds of digits would hit ``int()``'s 4,300-digit guard or overflow a float later on;
    twelve digits of seconds are already far past ``MAX_SECONDS``.
    """
    stripped = text.lstrip("0")
    if len(stripped) > limit:
        raise TimeFormatError(OUT_OF_RANGE)
    return int(stripped or "0")


def parse_clock(text: str) -> float:
    """Seconds for ``M:SS``, ``MMM:SS`` or ``H:MM:SS`` (optionally with ``.mmm``)."""
    s = text.strip()
    m = _CLOCK.match(s)
    if not m:
        raise TimeFormatError(
            f"not a time: {text[:40]!r} (expected M:SS, MM:SS, MMM:SS or H:MM:SS)"
        )
    hours, minutes, seconds, frac = m.groups()
    if len(seconds) != 2 or int(seconds) > 59:
        raise TimeFormatError(f"seconds out of range in {text[:40]!r}: must be 00 to 59")
    if hours is not None and (len(minutes) != 2 or int(minutes) > 59):
        raise TimeFormatError(
            f"minutes out of range in {text[:40]!r}: must be 00 to 59 after hours"
        )
    total = digits_value(minutes) * 60 + int(seconds)
    if hours is not None:
        total += digits_value(hours) * 3600
    if frac:
        total += int(frac.ljust(3, "0")) / 1000
    return checked(total)


def parse_time(text: str) -> float:
    """Seconds from either a clock time or plain seconds (``95``, ``95.5``)."""
    s = text.strip()
    if _SECONDS.match(s):  # float() of any run of digits is a number or inf: checked() says
        return checked(float(s))
    return parse_clock(s)


def seconds_value(value: object) -> float:
    """A time from a JSON value: a number of seconds, or a string ``parse_time`` reads.

    ``TimeFormatError`` (a ``ValueError``) says why not; a 400-digit integer is out of range
    before ``float()`` could overflow on it.
    """
    if isinstance(value, bool):
        raise TimeFormatError("must be a number of seconds, not true/false")
    if isinstance(value, int) and not 0 <= value <= MAX_SECONDS:
        raise TimeFormatError(OUT_OF_RANGE)
    if isinstance(value, int | float):
        return checked(float(value))
    if isinstance(value, str):
        return parse_time(value)
    raise TimeFormatError(f"must be a number of seconds, not {type(value).__name__}")


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
