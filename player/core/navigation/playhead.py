"""The cue clock's two rules that need no Qt, so they can be checked for every input.

While audio plays, time only moves forward: the player's position reports sometimes step back
a few hundred ms, and following them would flick the highlight back to the previous quote and
relight it late. A step back further than ``MAX_BACKSTEP_MS`` is a real jump (a seek the clock
was not told of), not jitter.

Between reports the clock sleeps until the audio reaches the next boundary; at 1.5x speed that
is two thirds of the audio's distance in wall-clock time, rounded up so it never wakes early.
"""

from __future__ import annotations

import math

MAX_BACKSTEP_MS = 1_000
SLOWEST_RATE = 0.01  # a rate of 0 (not started) waits as if crawling, never divides by zero


def shown_ms(reported_ms: int, floor_ms: int | None, playing: bool) -> int:
    """The brief time to show for a report, given the latest time shown while playing."""
    if floor_ms is not None and playing and 0 < floor_ms - reported_ms < MAX_BACKSTEP_MS:
        return floor_ms
    return reported_ms


def wait_ms(boundary_audio_ms: int, heard_audio_ms: int, rate: float) -> int:
    """Wall-clock ms until the audio at ``heard_audio_ms`` reaches the boundary at ``rate``."""
    gap = boundary_audio_ms - heard_audio_ms
    return max(0, math.ceil(gap / max(rate, SLOWEST_RATE)))
