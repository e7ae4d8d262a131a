"""The sleep timer's arithmetic: when to stop, how loud until then, what the button says.

Two kinds of timer. A number of minutes counts only while audio plays (a pause to answer the door
does not eat the listener's half hour). "End of chapter" or "end of quote" stops at a moment of
the episode, so it counts in the episode's time and follows the playing speed. Either fades the
sound out over its last seconds instead of cutting a sentence off at full volume.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from player.core.timefmt import format_ms

FADE_MS = 12_000
SleepKind = Literal["minutes", "chapter", "quote"]


@dataclass(frozen=True)
class SleepChoice:
    kind: SleepKind
    minutes: int = 0

    def label(self) -> str:
        if self.kind == "minutes":
            return f"{self.minutes} min"
        return f"end of {self.kind}"


class SleepCountdown:
    """How long is left, fed with playing time (minutes) or the episode's position (an end)."""

    def __init__(self, choice: SleepChoice, *, end_ms: int | None = None, left_ms: int = 0):
        self.choice = choice
        self.end_ms = end_ms  # the moment of the episode to stop at ("end of ...")
        self._left_ms = left_ms  # read only while ``end_ms`` is None
        self._fade_ms = FADE_MS

    @classmethod
    def for_minutes(cls, minutes: int) -> SleepCountdown:
        return cls(SleepChoice("minutes", minutes), left_ms=minutes * 60_000)

    @classmethod
    def until(cls, kind: SleepKind, end_ms: int, now_ms: int, rate: float) -> SleepCountdown:
        countdown = cls(SleepChoice(kind), end_ms=end_ms)
        # A quote a few seconds from its end fades over what is left, not from mid-volume.
        countdown._fade_ms = max(1, min(FADE_MS, countdown.left_ms(now_ms, rate)))
        return countdown

    def played(self, wall_ms: float) -> None:
        """``wall_ms`` of listening went by (minutes timers only)."""
        if self.choice.kind == "minutes":
            self._left_ms = max(0, self._left_ms - round(wall_ms))

    def left_ms(self, now_ms: int, rate: float) -> int:
        """Listening time left: for an end, the episode time to it at the playing speed."""
        if self.end_ms is None:
            return self._left_ms
        return max(0, math.ceil((self.end_ms - now_ms) / max(rate, 0.01)))

    def gain(self, now_ms: int, rate: float) -> float:
        """1.0 until the fade begins, then down to 0.0 at the stop."""
        left = self.left_ms(now_ms, rate)
        return 1.0 if left >= self._fade_ms else left / self._fade_ms

    def done(self, now_ms: int, rate: float) -> bool:
        return self.left_ms(now_ms, rate) <= 0

    def text(self, now_ms: int, rate: float) -> str:
        """What the transport shows while the timer runs: ``☾ 14:32``."""
        return f"☾ {format_ms(self.left_ms(now_ms, rate) + 999)}"
