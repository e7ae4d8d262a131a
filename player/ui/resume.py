"""Resume where the listener left off: position, speed, volume and the audio they attached.

Saved per episode in the app's database: the position every few seconds while playing and at
every pause, seek and close; speed, volume and mute when they change. Restoring happens before
the audio loads, so playback starts at the remembered moment, not at 0:00 and then jumps.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from player.core.storage.database import StorageError
from player.core.storage.playstate import PlayStateStore
from player.ui.playback import Playback, PlayState

SAVE_EVERY_MS = 5_000


class ResumeKeeper(QObject):
    def __init__(self, store: PlayStateStore, playback: Playback, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._playback = playback
        self.episode_id: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(SAVE_EVERY_MS)
        self._timer.timeout.connect(self.save_position)
        self._seek_debounce = QTimer(self)
        self._seek_debounce.setSingleShot(True)
        self._seek_debounce.setInterval(400)
        self._seek_debounce.timeout.connect(self.save_position)
        playback.state_changed.connect(self._on_state)
        playback.seeked.connect(lambda _ms: self._seek_debounce.start())
        playback.rate_changed.connect(lambda r: self._save(speed=r))
        playback.volume_changed.connect(lambda v: self._save(volume=v))
        playback.muted_changed.connect(lambda m: self._save(muted=m))
        playback.duration_changed.connect(self._save_length)
        self._audio: Path | None = None  # the file the listener chose for the open episode

    def restore(self, episode_id: str) -> tuple[int, Path | None]:
        """Apply the saved speed and volume; return the saved position and audio file."""
        self.save_position()
        self.episode_id = None  # nothing below is a change of the listener's
        try:
            state = self._store.get(episode_id)
        except StorageError:
            state = None  # a damaged or busy database: start at the beginning
        if state is not None:
            self._playback.set_rate(state.speed)
            self._playback.set_volume(state.volume)
            self._playback.set_muted(state.muted)
        self.episode_id = episode_id
        self._audio = None
        if state is None:
            return 0, None
        audio = Path(state.audio_path) if state.audio_path else None
        self._audio = audio
        return state.position_ms, audio

    @contextmanager
    def not_saving(self) -> Iterator[None]:
        """Hold saves while the window swaps media.

        Loading the next episode stops the old media first; that stop reports the old position,
        which must not be saved as the place reached in the episode being opened.
        """
        episode_id, self.episode_id = self.episode_id, None
        try:
            yield
        finally:
            self.episode_id = episode_id

    def remember_audio(self, path: Path) -> None:
        self._audio = path
        self._save(audio_path=str(path))
        self._save_length(self._playback.duration_ms())

    def _save_length(self, duration_ms: int) -> None:
        """The chosen file's length as the player read it, for the library: the brief's own
        length is the release's, which the listener's copy need not match."""
        if duration_ms > 0 and self._audio is not None and self._playback.source == self._audio:
            self._save(audio_length_ms=int(duration_ms))

    def finish(self) -> None:
        """Save the place and stop saving: the window is closing.

        Releasing the player afterwards stops it, and a stopped player reports 0:00; saved,
        that would replace the place reached with the start of the episode.
        """
        self.save_position()
        self._timer.stop()
        self._seek_debounce.stop()
        self.episode_id = None

    def save_position(self) -> None:
        if self.episode_id is not None and self._playback.source is not None:
            self._save(position_ms=max(0, self._playback.now_ms()))

    def _on_state(self, state: str) -> None:
        if self._playback.is_playing():
            self._timer.start()
            return
        self._timer.stop()
        # Only a pause is a place reached. A stop comes from swapping the media or closing the
        # window and has already put the player back at 0:00; the place was saved before it.
        if state == PlayState.PAUSED:
            self.save_position()

    def _save(self, **fields: object) -> None:
        """Never raises: this runs from timers, signals and the window's close, where a
        read-only, locked or full database must cost the position, never the app."""
        if self.episode_id is None:
            return
        with suppress(StorageError):
            self._store.save(self.episode_id, **fields)  # type: ignore[arg-type]
