"""Looping a clip: when playback passes the clip's end it goes back to its start.

The clip's end is a cue boundary, so the clock's precise timer reports the moment it is
reached; no polling. Any seek the listener makes (a click, an arrow key, next quote) ends the
loop, because jumping elsewhere means they have moved on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from player.core.storage.notes import Note


class ClipLooper(QObject):
    looping_changed = Signal(bool)

    def __init__(self, window, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._range: tuple[int, int] | None = None
        self._jumping = False
        self._jump_due = False
        self.clip_id: str | None = None
        self.loops = 0  # times playback went back to the start, for tests and the status bar
        window.clock.time_changed.connect(self._on_time)
        window.playback.seeked.connect(self._on_seeked)

    def is_looping(self) -> bool:
        return self._range is not None

    def start(self, clip: Note) -> None:
        assert clip.end_ms is not None
        self.clip_id = clip.id
        self.loops = 0
        self._seek(clip.start_ms)
        self._range = (clip.start_ms, clip.end_ms)
        self._window.playback.play()
        self.looping_changed.emit(True)

    def update(self, clip: Note) -> None:
        """The clip's ends were nudged: keep looping over the new range."""
        if self._range is not None and clip.id == self.clip_id and clip.end_ms is not None:
            self._range = (clip.start_ms, clip.end_ms)

    def stop(self) -> None:
        if self._range is not None:
            self._range = None
            self.looping_changed.emit(False)

    def _seek(self, brief_ms: int) -> None:
        self._jumping = True
        try:
            self._window.seek_brief(brief_ms)
        finally:
            self._jumping = False

    def _on_time(self, t_ms: int) -> None:
        # The clock also reports during a seek, before this object hears of the seek itself,
        # so the jump back waits one turn of the event loop: a seek elsewhere cancels it first.
        if self._range is not None and t_ms >= self._range[1] and not self._jump_due:
            self._jump_due = True
            QTimer.singleShot(0, self._jump_back)

    def _jump_back(self) -> None:
        self._jump_due = False
        if self._range is None:
            return
        start, end = self._range
        if self._window.clock.brief_ms() >= end:
            self.loops += 1
            self._seek(start)

    def _on_seeked(self, _ms: int) -> None:
        if not self._jumping:
            self.stop()
