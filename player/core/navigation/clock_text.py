"""What the transport's right-hand time says, and how menu items name their skips.

Remaining time counts in the listener's minutes, not the file's: at 1.5x an hour of audio is
forty minutes away, which is what "how long until it ends" means to someone listening.
"""

from __future__ import annotations

import math

from player.core.timefmt import format_ms


def remaining_ms(duration_ms: int, position_ms: int, rate: float) -> int:
    """Wall-clock milliseconds until the end at ``rate`` (never negative)."""
    left = max(0, duration_ms - position_ms)
    return math.ceil(left / rate) if rate > 0 else left


def right_time_text(duration_ms: int, position_ms: int, rate: float, *, total: bool) -> str:
    """``-1:23:45`` (left at this speed) or ``2:26:00`` (the episode's length)."""
    if total:
        return format_ms(duration_ms)
    return "-" + format_ms(remaining_ms(duration_ms, position_ms, rate))


def skip_text(direction: str, seconds: int) -> str:
    """``Back 15 s``, ``Forward 1 min 30 s``: a menu item says how far it goes."""
    minutes, secs = divmod(int(seconds), 60)
    parts = ([f"{minutes} min"] if minutes else []) + ([f"{secs} s"] if secs or not minutes else [])
    return f"{direction} {' '.join(parts)}"
