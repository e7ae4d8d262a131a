"""The sleep timer in the window: the Playback ▸ Sleep Timer menu and a countdown by the buttons.

While a timer runs, a short tick (a tenth of a second) feeds the countdown with the time played
and sets the fade on the player's gain, which scales what is heard without touching the volume
the listener set (and the app keeps). A seek moves an "end of chapter/quote" timer to the end of
the chapter or quote the listener landed in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton

from player.core.sleep import SleepCountdown, SleepKind
from player.core.timefmt import format_ms
from player.core.timeline import FOREVER_MS, CueKind

if TYPE_CHECKING:
    from player.ui.shell import Shell

TICK_MS = 100
MINUTES = {"sleep_15": 15, "sleep_30": 30, "sleep_45": 45, "sleep_60": 60}
ENDS: dict[str, SleepKind] = {"sleep_chapter": "chapter", "sleep_quote": "quote"}
QUOTES = frozenset({CueKind.QUOTE})

ChapterEnd = Callable[[int], "int | None"]


class SleepController(QObject):
    def __init__(self, shell: Shell, *, chapter_end: ChapterEnd) -> None:
        """``chapter_end(brief_ms)`` is where the chapter playing at that moment ends."""
        super().__init__(shell.as_widget())
        self._shell = shell
        self._chapter_end = chapter_end
        self.countdown: SleepCountdown | None = None
        self._wall_ms = 0.0

        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.menu = QMenu("Sleep Timer", shell.as_widget())
        for name in ("sleep_off", *MINUTES, *ENDS):
            action = shell.action(name)
            self._group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.choose(n))
        shell.action("sleep_off").setChecked(True)

        self.button = QToolButton(shell.transport)
        self.button.setObjectName("sleep_timer")
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.setAccessibleName("Sleep timer")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.button.hide()
        shell.transport.add_widget(self.button)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        shell.playback.seeked.connect(lambda _ms: self._follow_seek())
        shell.episode_changed.connect(self.cancel)

    # choosing ---------------------------------------------------------------------------------

    def choose(self, name: str) -> None:
        if name in MINUTES:
            self._run(SleepCountdown.for_minutes(MINUTES[name]))
            self._say(f"Sleep timer: {MINUTES[name]} minutes of listening, then a fade-out.")
        elif name in ENDS:
            countdown = self._until(ENDS[name])
            if countdown is None:
                self._say(f"No {ENDS[name]} is playing here; the sleep timer is off.")
                self.cancel()
                return
            self._run(countdown)
            left = format_ms(countdown.left_ms(self._now(), self._rate()))
            self._say(f"Sleep timer: at the end of this {ENDS[name]} (in {left}).")
        else:
            self.cancel()
            self._say("Sleep timer off.")

    def _until(self, kind: SleepKind) -> SleepCountdown | None:
        now = self._now()
        end = self._chapter_end(now) if kind == "chapter" else self._quote_end(now)
        if end is None or end <= now:
            return None
        return SleepCountdown.until(kind, end, now, self._rate())

    def _quote_end(self, now: int) -> int | None:
        quotes = self._shell.timeline.active_at(now, QUOTES)
        if not quotes:
            return None
        end = max(q.end_ms for q in quotes)
        if end >= FOREVER_MS:  # the last quote lasts until the episode ends
            episode = self._shell.episode
            end = self._shell.playback.duration_ms() or (episode.end_ms() if episode else 0)
        return end

    def _run(self, countdown: SleepCountdown) -> None:
        self.countdown = countdown
        self._wall_ms = time.monotonic() * 1000
        self._timer.start()
        self._tick()
        self.button.show()

    def _follow_seek(self) -> None:
        c = self.countdown
        if c is None or c.end_ms is None:
            return
        moved = self._until(c.choice.kind)
        if moved is None:
            self.cancel()
            self._say("Sleep timer off: nothing to end here.")
        else:
            self.countdown = moved

    def cancel(self) -> None:
        self.countdown = None
        self._timer.stop()
        self._shell.playback.set_gain(1.0)
        self.button.hide()
        self._shell.action("sleep_off").setChecked(True)

    # running ----------------------------------------------------------------------------------

    def _tick(self) -> None:
        c = self.countdown
        if c is None:
            return
        wall = time.monotonic() * 1000
        if self._shell.playback.is_playing():
            c.played(wall - self._wall_ms)
        self._wall_ms = wall
        now, rate = self._now(), self._rate()
        if c.done(now, rate):
            self._fall_asleep()
            return
        self._shell.playback.set_gain(c.gain(now, rate))
        self.button.setText(c.text(now, rate))
        self.button.setToolTip(
            f"Sleep timer ({c.choice.label()}): pauses in {c.text(now, rate)[2:]}"
        )

    def _fall_asleep(self) -> None:
        playback = self._shell.playback
        playback.pause()
        self.cancel()
        self._say(f"Sleep timer: paused at {format_ms(playback.now_ms())}. Good night.")

    def _now(self) -> int:
        return self._shell.clock.brief_ms()

    def _rate(self) -> float:
        return self._shell.playback.rate()

    def _say(self, message: str) -> None:
        self._shell.show_status(message, 8_000)
