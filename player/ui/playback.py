"""One object owns the media player; the rest of the window talks to it.

Qt's ``QMediaPlayer`` reports its position only about every 50 ms. ``Playback`` remembers when
each report arrived and extrapolates from it with the playback rate, so ``now_ms()`` is good to a
millisecond or two between reports; that is what lets the brief change its highlight on time
instead of at the next report.

The ``QMediaPlayer`` itself is made when it is first needed, which in the window is right after
the first frame, when the episode's file is handed to it: importing Qt Multimedia and making
the player and its audio output load FFmpeg and the sound server's client and start their
threads, a fifth of the start and of its memory, and the first frame only shows times. Until
then the rate, volume and mute asked for are kept here and handed over when it is made.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QMetaObject, QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtCore import QIODevice, QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

MIN_RATE = 0.5
MAX_RATE = 3.0
RATE_STEPS = (0.5, 0.75, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)

#: Gives the player a changed version of a file (louder, say) as a device to read, or None to
#: play the file as it is.
SourceFilter = Callable[[Path], "QIODevice | None"]


class PlayState(StrEnum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def _import_multimedia() -> None:
    """Bind Qt Multimedia's classes here, on first use (see the module's docstring)."""
    global QAudioOutput, QMediaPlayer
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer


class Playback(QObject):
    """Typed signals with units in their names; rate clamped to what a listener can follow."""

    position_changed = Signal("qlonglong")  # ms, as reported by the player
    seeked = Signal("qlonglong")  # ms, after a jump the listener or the app asked for
    duration_changed = Signal("qlonglong")  # ms
    state_changed = Signal(str)  # PlayState value
    rate_changed = Signal(float)
    volume_changed = Signal(float)  # 0..1
    muted_changed = Signal(bool)
    media_ready = Signal()
    media_failed = Signal(str)  # a sentence for the listener

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._made: QMediaPlayer | None = None  # see ``_player``
        self._made_output: QAudioOutput | None = None
        self._rate = 1.0  # asked for before the player was made
        self._muted = False
        self._source: Path | None = None
        self._stream: str | None = None
        self._filter: SourceFilter | None = None
        self._switching = False
        self._device: QIODevice | None = None  # what the player reads when a filter gave one
        self._anchor_pos_ms = 0
        self._anchor_wall_ms = _monotonic_ms()
        self._pending_seek_ms: int | None = None
        self._later = False  # the source is chosen but not yet handed to Qt: see ``load_later``
        self._error: str | None = None
        self._volume = 1.0  # the listener's volume, kept and shown (Qt's default to start)
        self._gain = 1.0  # a passing factor on top (the sleep timer's fade), never saved

    @property
    def _player(self) -> QMediaPlayer:
        """The media player, made on first use with what was asked for before it existed."""
        if self._made is None:
            _import_multimedia()
            player, output = QMediaPlayer(self), QAudioOutput(self)
            player.setAudioOutput(output)
            output.setVolume(self._volume * self._gain)
            output.setMuted(self._muted)
            player.setPlaybackRate(self._rate)
            if hasattr(player, "setPitchCompensation"):
                player.setPitchCompensation(True)
            player.positionChanged.connect(self._on_position)
            player.durationChanged.connect(lambda ms: self.duration_changed.emit(int(ms)))
            player.playbackStateChanged.connect(self._on_state)
            player.mediaStatusChanged.connect(self._on_status)
            player.errorOccurred.connect(self._on_error)
            output.mutedChanged.connect(self.muted_changed)
            self._made, self._made_output = player, output
        return self._made

    # -- source -------------------------------------------------------------------------------

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def streaming(self) -> str | None:
        """The web address playing while its file downloads; ``source`` is None meanwhile, so
        nothing remembers an address as the episode's audio."""
        return self._stream

    @property
    def error(self) -> str | None:
        return self._error

    def set_source(self, path: Path | None, *, start_ms: int = 0, later: bool = False) -> None:
        """Load ``path``; a missing file fails here, with a message, before Qt ever sees it.

        ``later``: choose the file now but hand it to Qt only at ``load_later()`` (or the first
        ``play()``). Opening it starts FFmpeg and its threads and buffers, which the window's
        first frame does not need: it shows the brief's times, and nobody hears the first
        tenth of a second. Seeks meanwhile are kept for when it loads.
        """
        try:
            self._load(path, start_ms, later)
        finally:
            self._switching = False

    def load_later(self) -> None:
        """Hand Qt the file ``set_source(..., later=True)`` chose (nothing when none waits)."""
        if not self._later or self._source is None:
            return
        self._later = False
        self._switching = True
        try:
            self._hand_over(self._source)
        finally:
            self._switching = False

    def _load(self, path: Path | None, start_ms: int, later: bool = False) -> None:
        self._reset(path, None, start_ms)
        if path is None or not path.is_file():
            if self._made is not None:
                self._set_source_unlocked(None)
            self._swap_device(None)
            if path is not None:
                self._fail(f"The audio file {path} is missing.")
            return
        if later and self._holds_nothing():
            self._later = True  # only while the player holds nothing: no old file plays on
            return
        self._hand_over(path)

    def _hand_over(self, path: Path) -> None:
        device = self._filter(path) if self._filter is not None else None
        if device is None:
            self._set_source_unlocked(path)
        else:
            # Let go of the old media first, with Python's lock free (see below); handing over
            # the device then waits for nothing, so it may be called straight from Python.
            self._set_source_unlocked(None)
            self._player.setSourceDevice(device, _url(Path(f"{path}.wav")))
        self._swap_device(device)

    def set_filter(self, source_filter: SourceFilter | None) -> None:
        """Play files through ``source_filter`` from now on (None: as they are); the file
        playing is loaded again through it at the same moment, still playing if it was."""
        self._filter = source_filter
        if self._source is None or self._error is not None or self._later:
            return  # a file still waiting to load goes through the new filter when it does
        playing, at_ms = self.is_playing(), self.now_ms()
        self.set_source(self._source, start_ms=at_ms)
        if at_ms:
            self.seek(at_ms)
        if playing:
            self.play()

    @property
    def filtered(self) -> bool:
        """Whether the player reads the file through the filter now (or is to, once the file
        waiting for ``load_later`` loads: the filter may still turn it down then)."""
        if self._later:
            return self._filter is not None
        return self._device is not None

    def _swap_device(self, device: QIODevice | None) -> None:
        """Close the device the player let go of (it read it from its own threads)."""
        old, self._device = self._device, device
        if old is not None and old is not device:
            old.close()

    def set_stream(self, url: str, *, start_ms: int = 0) -> None:
        """Play ``url`` over the network (Qt reads HTTP as it plays); ``set_source`` ends it.
        A filter does not apply: it reads files."""
        self._reset(None, url, start_ms)
        self._set_source_unlocked(url)
        self._switching = False
        self._swap_device(None)

    def _reset(self, path: Path | None, url: str | None, start_ms: int) -> None:
        self._switching = True  # until the new media is handed over: see ``_on_position``
        self._later = False
        self._anchor(start_ms)
        self._stop_unlocked()
        self._error = None
        self._source, self._stream = path, url
        self._pending_seek_ms = start_ms or None
        self._anchor(start_ms)

    def release(self) -> None:
        """Stop and let go of the media before the player is destroyed.

        Destroying a QMediaPlayer that still holds media can crash inside Qt's FFmpeg threads;
        stopping and clearing the source first does not.
        """
        self._stop_unlocked()
        if not self._holds_nothing():
            self._set_source_unlocked(None)
        self._swap_device(None)
        self._source = None
        self._later = False
        self._stream = None

    # Stopping or replacing the media tears down objects in Qt's audio thread, and their
    # destructors call back into Python (our QAudioOutput is a Python-made object, and a
    # filter's device is read by Python code on Qt's demuxer thread), which needs Python's
    # lock. Called straight from Python, stop() would hold that lock while waiting for the
    # audio thread: a deadlock, seen as an occasional freeze when a window closes during
    # playback. Run from Qt's event loop, the lock is free while Qt waits.

    def _stop_unlocked(self) -> None:
        if self.state() is not PlayState.STOPPED:
            self._run_unlocked("stop")

    def _holds_nothing(self) -> bool:
        made = self._made
        return made is None or made.mediaStatus() == QMediaPlayer.MediaStatus.NoMedia

    def _set_source_unlocked(self, source: Path | str | None) -> None:
        """Hand the player a file, a URL, or nothing (None lets go of the media)."""
        from PySide6.QtCore import Q_ARG, QUrl

        self._run_unlocked("setSource", Q_ARG(QUrl, _url(source)))

    def _run_unlocked(self, slot: str, *args: object) -> None:
        loop = QEventLoop()
        queued = Qt.ConnectionType.QueuedConnection
        QMetaObject.invokeMethod(self._player, slot, queued, *args)
        # Posted events run in order: the loop quits right after the player's call has run.
        QMetaObject.invokeMethod(loop, "quit", queued)
        loop.exec()

    def has_media(self) -> bool:
        return (self._source is not None or self._stream is not None) and self._error is None

    # -- transport ----------------------------------------------------------------------------

    def play(self) -> None:
        if self.has_media():
            self.load_later()
            self._player.play()

    def pause(self) -> None:
        if self._made is not None:
            self._made.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._stop_unlocked()

    def is_playing(self) -> bool:
        made = self._made
        return made is not None and made.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def state(self) -> PlayState:
        if self._made is None:
            return PlayState.STOPPED
        return {
            QMediaPlayer.PlaybackState.PlayingState: PlayState.PLAYING,
            QMediaPlayer.PlaybackState.PausedState: PlayState.PAUSED,
        }.get(self._made.playbackState(), PlayState.STOPPED)

    def seek(self, position_ms: int) -> None:
        """Jump; the new position counts at once, without waiting for the player's report."""
        duration = self.duration_ms()
        target = max(0, int(position_ms))
        if duration > 0:
            target = min(target, duration)
        self._anchor(target)
        if self._made is None or self._made.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadingMedia,
            QMediaPlayer.MediaStatus.NoMedia,
        ):
            self._pending_seek_ms = target
        else:
            self._player.setPosition(target)
        self.seeked.emit(target)

    def skip(self, delta_ms: int) -> None:
        self.seek(self.now_ms() + delta_ms)

    def duration_ms(self) -> int:
        return max(0, self._made.duration()) if self._made is not None else 0

    def now_ms(self) -> int:
        """Best estimate of the audio clock: last report plus time since, times the rate."""
        if not self.is_playing():
            return self._anchor_pos_ms
        elapsed = _monotonic_ms() - self._anchor_wall_ms
        return int(self._anchor_pos_ms + elapsed * self.rate())

    # -- rate and volume ----------------------------------------------------------------------

    def rate(self) -> float:
        return self._made.playbackRate() if self._made is not None else self._rate

    def set_rate(self, rate: float) -> None:
        rate = round(min(MAX_RATE, max(MIN_RATE, rate)), 2)
        if abs(rate - self.rate()) < 1e-6:
            return
        self._anchor(self.now_ms())
        self._rate = rate
        if self._made is not None:
            self._made.setPlaybackRate(rate)
        self.rate_changed.emit(rate)

    def step_rate(self, direction: int) -> None:
        current = self.rate()
        if direction > 0:
            bigger = [r for r in RATE_STEPS if r > current + 1e-6]
            self.set_rate(bigger[0] if bigger else MAX_RATE)
        else:
            smaller = [r for r in RATE_STEPS if r < current - 1e-6]
            self.set_rate(smaller[-1] if smaller else MIN_RATE)

    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        volume = min(1.0, max(0.0, float(volume)))
        changed = abs(volume - self._volume) > 1e-9
        self._volume = volume
        if self._made_output is not None:
            self._made_output.setVolume(volume * self._gain)
        if changed:
            self.volume_changed.emit(volume)

    def gain(self) -> float:
        return self._gain

    def set_gain(self, gain: float) -> None:
        """Scale what is heard without touching the listener's volume (a fade-out)."""
        self._gain = min(1.0, max(0.0, float(gain)))
        if self._made_output is not None:
            self._made_output.setVolume(self._volume * self._gain)

    def is_muted(self) -> bool:
        made = self._made_output
        return made.isMuted() if made is not None else self._muted

    def set_muted(self, muted: bool) -> None:
        if self._made_output is not None:
            self._made_output.setMuted(muted)  # says so through mutedChanged
        elif muted != self._muted:
            self._muted = muted
            self.muted_changed.emit(muted)

    def toggle_mute(self) -> None:
        self.set_muted(not self.is_muted())

    # -- internals ----------------------------------------------------------------------------

    def _anchor(self, position_ms: int) -> None:
        self._anchor_pos_ms = int(position_ms)
        self._anchor_wall_ms = _monotonic_ms()

    def _on_position(self, position_ms: int) -> None:
        if self._switching or self._pending_seek_ms is not None:
            # While media is swapped and until the place asked for is applied, a report is the
            # stop's 0:00 or the new media's: shown, it would flash the highlight to the start.
            return
        self._anchor(position_ms)
        self.position_changed.emit(position_ms)

    def _on_state(self, _state: QMediaPlayer.PlaybackState) -> None:
        # Re-anchor so the extrapolation starts from where playback really resumed or stopped.
        if not self._switching:
            self._anchor(
                self._player.position() if self._pending_seek_ms is None else self._anchor_pos_ms
            )
        self.state_changed.emit(self.state().value)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            if self._pending_seek_ms is not None:
                self._player.setPosition(self._pending_seek_ms)
                self._anchor(self._pending_seek_ms)
                self._pending_seek_ms = None
            self.media_ready.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and self._error is None:
            name = self._name()
            self._fail(f"{name} cannot be played: it is damaged or in a format Qt cannot decode.")

    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        if self._error is None:
            name = self._name()
            detail = f" ({text})" if text else ""
            self._fail(f"{name} cannot be played{detail}.")

    def _name(self) -> str:
        if self._source is not None:
            return self._source.name
        return self._stream or "the audio file"

    def _fail(self, message: str) -> None:
        self._error = message
        self.media_failed.emit(message)


def _url(source: Path | str | None) -> QUrl:
    """QUrl is imported when media is handed over, not before the first frame (which has none
    to hand over): with it come eleven enums of its own."""
    from PySide6.QtCore import QUrl

    if source is None:
        return QUrl()
    return QUrl.fromLocalFile(str(source)) if isinstance(source, Path) else QUrl(source)
