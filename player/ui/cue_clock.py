"""Turns the audio clock into "these cues are now", on time.

The player reports its position about every 50 ms, far coarser than the 16 ms a highlight may lag
by. Instead of polling faster, the clock asks the timeline when the active set next changes and
sets one precise single-shot timer for that instant (scaled by the playback rate). Every position
report, seek, rate change and pause re-plans that timer, so drift between reports never builds up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from player.core.navigation.playhead import shown_ms, wait_ms
from player.core.timeline import Cue, Timeline
from player.ui.playback import Playback

Mapper = Callable[[int], int]


class CueClock(QObject):
    """Emits ``active_changed`` with the cues active at the current (brief) time."""

    active_changed = Signal(list)  # list[Cue]
    time_changed = Signal("qlonglong")  # brief ms, on every report and jump

    def __init__(self, playback: Playback, timeline: Timeline, parent: QObject | None = None):
        super().__init__(parent)
        self._playback = playback
        self._timeline = timeline
        self._active: list[Cue] = []
        self._to_brief: Mapper = lambda ms: ms
        self._to_audio: Mapper = lambda ms: ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer)
        self._target_ms: int | None = None
        # While audio plays on, time only moves forward. The player's reports sometimes step
        # back a few hundred ms; without this floor the highlight would flick back to the
        # previous quote and relight late. A seek, a stop or a new mapping lowers the floor.
        self._floor_ms: int | None = None
        playback.position_changed.connect(self.refresh)
        playback.seeked.connect(self._jumped)
        playback.rate_changed.connect(self.refresh)
        playback.state_changed.connect(self._jumped)

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def active(self) -> list[Cue]:
        return list(self._active)

    def set_timeline(self, timeline: Timeline) -> None:
        self._timeline = timeline
        self._active = []
        self.refresh()

    def timeline_changed(self) -> None:
        """The timeline was changed in place (a note added or removed): look again, but tell
        the listeners only if what is active changed, not the same thousand cues once more."""
        self.refresh()

    def set_mapping(self, to_brief: Mapper, to_audio: Mapper) -> None:
        """Audio time -> brief time and back, for a copy shifted against the brief's times."""
        self._to_brief = to_brief
        self._to_audio = to_audio
        self._floor_ms = None
        self.refresh()

    def brief_ms(self) -> int:
        t = self._to_brief(self._playback.now_ms())
        return shown_ms(t, self._floor_ms, self._playback.is_playing())

    def _jumped(self, *_args: object) -> None:
        self._floor_ms = None
        self.refresh()

    def audio_ms_for(self, brief_ms: int) -> int:
        return self._to_audio(brief_ms)

    def refresh(self, *_args: object) -> None:
        self._update(self.brief_ms())

    def _on_timer(self) -> None:
        # The timer was set for a boundary; the extrapolated clock can read a hair early, so never
        # evaluate before the boundary it was set for.
        now = self.brief_ms()
        if self._target_ms is not None:
            now = max(now, self._target_ms)
        self._update(now)

    def _update(self, t_ms: int) -> None:
        if self._playback.is_playing():
            self._floor_ms = t_ms
        active = self._timeline.active_at(t_ms)
        if active != self._active:
            self._active = active
            self.active_changed.emit(active)
        self.time_changed.emit(t_ms)
        self._plan(t_ms)

    def _plan(self, t_ms: int) -> None:
        self._timer.stop()
        self._target_ms = None
        if not self._playback.is_playing():
            return
        boundary = self._timeline.next_boundary_after(t_ms)
        if boundary is None:
            return
        # Wall-clock wait for the audio to reach the boundary, through the mapping.
        # From the player's own position when it is later: inside an inserted ad the brief
        # time stands still while the audio moves on.
        heard = max(self._to_audio(t_ms), self._playback.now_ms())
        self._target_ms = boundary
        self._timer.start(wait_ms(self._to_audio(boundary), heard, self._playback.rate()))
