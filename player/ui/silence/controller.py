"""Skip Silence in the window: Playback ▸ Skip Silence, the time saved by the buttons.

Turning it on (it is off until the listener asks) finds the pauses of the audio through the job
runner, once per file: the result is kept in the data folder, so the next start skips at once.
While audio plays, one precise timer is set for the start of the next pause (scaled by the
speed, like the cue clock's), and reaching it seeks to the pause's end; a position report inside
a pause does the same, so a seek into a pause skips it too. Seeking moves the one player, so the
highlight, the notes and the time shown follow by themselves.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from player.core.audio.silence import SilenceCache, Silences, find_silences
from player.core.timefmt import format_ms
from player.ui.settings import SKIP_SILENCE, read, write

if TYPE_CHECKING:
    from player.ui.shell import Shell

TITLE = "Finding pauses"
EDGE_MS = 30  # a report this close to a pause's end is past it already


class SilenceController(QObject):
    def __init__(self, shell: Shell, cache_folder: Path) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.cache = SilenceCache(cache_folder)
        self.silences: Silences | None = None
        self.saved_ms = 0
        self._for: Path | None = None  # the file ``silences`` belongs to
        self._finding: Path | None = None

        self.label = QLabel("", shell.transport)
        self.label.setObjectName("silence_saved")
        self.label.setAccessibleName("Time saved by skipping silence")
        self.label.hide()
        shell.transport.add_widget(self.label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check)

        self.action = shell.action("skip_silence")
        self.action.setChecked(read(shell.settings, SKIP_SILENCE))
        self.action.toggled.connect(self._toggled)
        p = shell.playback
        p.position_changed.connect(lambda _ms: self._check())
        p.seeked.connect(lambda _ms: self._check())
        p.state_changed.connect(lambda _s: self._check())
        p.rate_changed.connect(lambda _r: self._check())
        shell.audio_changed.connect(self._audio_changed)
        self._audio_changed(p.source)

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def _toggled(self, on: bool) -> None:
        write(self._shell.settings, SKIP_SILENCE, on)
        if on:
            self._prepare(self._shell.playback.source)
        else:
            self._timer.stop()
        self._show()

    def _audio_changed(self, path: Path | None) -> None:
        self.silences, self._for, self.saved_ms = None, None, 0
        self._timer.stop()
        if self.on:
            self._prepare(path)
        self._show()

    # finding ----------------------------------------------------------------------------------

    def _prepare(self, path: Path | None) -> None:
        if path is None or not path.is_file() or path == self._for or path == self._finding:
            return
        kept = self.cache.get(path)
        if kept is not None:
            self._found(path, kept)
            return
        self._finding = path
        self._shell.jobs.run(
            TITLE,
            lambda progress: find_silences(path, progress),
            on_done=lambda s: self._found(path, s, keep=True),
            on_error=lambda _m: self._lost(path),
        )

    def _lost(self, path: Path) -> None:
        if self._finding == path:
            self._finding = None

    def _found(self, path: Path, silences: Silences, *, keep: bool = False) -> None:
        if self._finding == path:
            self._finding = None
        if keep:
            self.cache.put(path, silences)
        if path != self._shell.playback.source:
            return  # another file was opened meanwhile; its own search runs
        self.silences, self._for = silences, path
        self._shell.show_status(
            f"Skip Silence: {len(silences)} pauses, {format_ms(silences.total_ms)} in all."
        )
        self._show()
        self._check()

    # gliding ----------------------------------------------------------------------------------

    def _check(self) -> None:
        self._timer.stop()
        s, p = self.silences, self._shell.playback
        if not self.on or s is None or not p.is_playing():
            return
        now = p.now_ms()
        span = s.inside(now)
        if span is not None and span[1] - now > EDGE_MS:
            p.seek(span[1])  # the seek re-plans through ``seeked``
            self.saved_ms += span[1] - now
            self._show()
            return
        nxt = s.next_after(now)
        if nxt is not None:
            self._timer.start(max(0, math.ceil((nxt[0] - now) / max(p.rate(), 0.01))))

    def _show(self) -> None:
        s = self.silences
        self.label.setVisible(self.on and s is not None)
        if s is None:
            return
        self.label.setText(f"⏩ {format_ms(self.saved_ms)} saved")
        self.label.setToolTip(
            f"Skip Silence saved {format_ms(self.saved_ms)} so far; this file has "
            f"{len(s)} pauses, {format_ms(s.total_ms)} in all"
        )
