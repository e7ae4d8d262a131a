"""Attaching a file (File ▸ Attach Audio…, a drop, a finished download) changes more than the
sound: the stand-in's transcript may no longer apply, the file may bring sync points, and its
length is its own. The status line says so in one sentence once the player knows the length.

A file with sync points runs on its own clock while the lists show the brief's times, so the
transport's elapsed time is labelled as the audio's, with the brief's time beside it where the
two differ by a second or more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from player.core.timefmt import format_ms

if TYPE_CHECKING:
    from player.ui.shell import Shell

WAIT_FOR_LENGTH_MS = 3_000  # say it without the length when the player is slower than this
DIFFER_MS = 1_000  # the brief time is shown beside the clock from this difference on
SAY_FOR_MS = 15_000
AUDIO_TIP = "Time in this audio file"

Count = Callable[[], int]


@dataclass(frozen=True)
class Tracks:
    """What the audio just set brings, read from the transcript and sync point features."""

    transcript_lines: int = 0
    sync_points: int = 0


def attach_message(name: str, length_ms: int, before: Tracks, after: Tracks) -> str:
    """One sentence of what changed, and only of what did."""
    length = f" ({format_ms(length_ms)})" if length_ms > 0 else ""
    parts = [f"Now playing {name}{length}."]
    if before.transcript_lines and not after.transcript_lines:
        parts.append("The earlier transcript no longer applies, so its tab is hidden.")
    elif after.transcript_lines and after.transcript_lines != before.transcript_lines:
        parts.append(f"Transcript picked up ({after.transcript_lines} lines).")
    n = after.sync_points
    if n:
        parts.append(
            f"{n} sync point{'s' * (n != 1)} for this file: the clock shows its time, "
            "lists the brief's."
        )
    elif before.sync_points:
        parts.append("No sync points for this file: times are the brief's.")
    return " ".join(parts)


class AttachController(QObject):
    def __init__(self, shell: Shell, *, transcript_lines: Count, sync_points: Count) -> None:
        """``transcript_lines`` and ``sync_points`` count what the audio playing now brings;
        they are read after each ``audio_changed``, once those features have loaded it."""
        super().__init__(shell.as_widget())
        self.shell = shell
        self._lines, self._points = transcript_lines, sync_points
        self._now = self._tracks()
        self._before = self._now
        self._pending: Path | None = None
        self.last_message = ""
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(WAIT_FOR_LENGTH_MS)
        self._wait.timeout.connect(self._say)

        self.brief_time = QLabel(shell.transport)
        self.brief_time.setObjectName("brief_time")
        self.brief_time.setAccessibleName("Brief time")
        self.brief_time.setToolTip(
            "The brief's time at this moment: quotes and notes are listed in it, while this "
            "file's sync points put the clock on the audio's time."
        )
        self.brief_time.hide()
        shell.transport.add_widget(self.brief_time)

        shell.audio_changed.connect(self._audio_changed)
        shell.audio_attached.connect(self._attached)
        shell.playback.duration_changed.connect(self._duration)
        shell.clock.time_changed.connect(self._show_brief_time)

    def _tracks(self) -> Tracks:
        return Tracks(self._lines(), self._points())

    def _audio_changed(self, _path: Path | None) -> None:
        self._before, self._now = self._now, self._tracks()
        self._pending = None
        self._wait.stop()

    def _attached(self, path: Path) -> None:
        self._pending = path
        if self.shell.playback.duration_ms() > 0:
            self._say()
        else:
            self._wait.start()

    def _duration(self, duration_ms: int) -> None:
        if duration_ms > 0 and self._pending is not None:
            self._say()

    def _say(self) -> None:
        path, self._pending = self._pending, None
        self._wait.stop()
        if path is None:
            return
        now = self._tracks()  # a track file read after the switch counts too
        message = attach_message(path.name, self.shell.playback.duration_ms(), self._before, now)
        # What was said while the file loaded (a download's summary, a tag that could not be
        # read) stays in front: this sentence adds to it rather than wiping it.
        earlier = self.shell.as_widget().statusBar().currentMessage()
        if earlier and earlier != self.last_message:
            message = f"{earlier} {message}"
        self.last_message = message
        self.shell.show_status(message, SAY_FOR_MS)

    def _show_brief_time(self, brief_ms: int) -> None:
        audio_ms = self.shell.playback.now_ms()
        differs = abs(audio_ms - brief_ms) >= DIFFER_MS
        elapsed = self.shell.transport.elapsed_label
        if differs:
            self.brief_time.setText(f"brief {format_ms(brief_ms)}")
            elapsed.setToolTip(f"{AUDIO_TIP}; the brief's time here is {format_ms(brief_ms)}")
        elif elapsed.toolTip():
            elapsed.setToolTip("")
        self.brief_time.setVisible(differs)
