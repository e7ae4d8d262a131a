"""Times as a listener types them into "Go to time…".

People type what they read elsewhere: a clock time from show notes (``1:05:10``), a rough
``65m`` or ``1h5m``, or plain seconds (``3910``). One forgiving parser keeps the dialog, and any
later box that takes a time, in agreement; it reuses the brief's clock parser for ``H:MM:SS``.
"""

from __future__ import annotations

import re

from player.core.timefmt import TimeFormatError, parse_time

_UNITS = re.compile(r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])")
_SCALE = {"h": 3600, "m": 60, "s": 1}


def parse_go_to(text: str) -> float:
    """Seconds for ``1:05:10``, ``65:10``, ``3910``, ``65m``, ``1h 5m 10s`` or ``90s``.

    Raises ``TimeFormatError`` with a sentence a listener can act on.
    """
    s = text.strip().lower()
    if not s:
        raise TimeFormatError("type a time, such as 1:05:10, 65m or 3910")
    if _UNITS.search(s):
        rest = _UNITS.sub("", s).strip()
        if rest:
            raise TimeFormatError(f"not a time: {text.strip()!r} (try 1:05:10, 65m or 3910)")
        return float(sum(float(n) * _SCALE[u[0]] for n, u in _UNITS.findall(s)))
    try:
        return parse_time(s)
    except TimeFormatError:
        raise TimeFormatError(f"not a time: {text.strip()!r} (try 1:05:10, 65m or 3910)") from None
