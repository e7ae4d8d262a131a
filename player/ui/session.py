"""Putting a window together for an episode: search, resume, remembered audio.

This is the one place that knows which stores and providers a window gets, so the window itself
stays a view and tests can build one with exactly the parts they need.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtWidgets import QApplication

from player.appdirs import content_dir, notes_path
from player.core.brief.models import BriefError
from player.core.episodes import discover_episodes
from player.core.search import BriefIndex
from player.core.storage.database import StorageError, open_memory, open_or_fallback
from player.core.storage.library import LibraryStore
from player.core.storage.notes import NoteStore
from player.core.storage.pending import (
    QueuedNoteStore,
    QueuedPlayState,
    merge_rescued,
    touch_library,
)
from player.core.storage.playstate import PlayStateStore
from player.core.storage.queue import WriteQueue
from player.core.storage.syncpoints import SyncPointStore
from player.ui.loading import episode_from_brief_file, from_episode
from player.ui.main_window import MainWindow
from player.ui.models.search_model import SearchRow
from player.ui.mpris import start_mpris
from player.ui.notes import NotesController
from player.ui.open_episode import OpenEpisode
from player.ui.resume import ResumeKeeper
from player.ui.settings_dialog import apply_settings
from player.ui.tracks import TracksController

# Reads on the window's own connection; a write that slips past the queue fails fast instead of
# freezing the window while another program holds the lock.
WINDOW_BUSY_TIMEOUT_MS = 50


def brief_search(episode: OpenEpisode):
    index = BriefIndex(episode.brief)

    def search(query: str) -> list[SearchRow]:
        return [
            SearchRow(
                h.kind,
                h.text,
                h.spans,
                None if h.at is None else round(h.at * 1000),
                (h.kind, h.ref),
            )
            for h in index.search(query)
        ]

    return search


def current_brief_search(window: MainWindow):
    """Search whichever brief the window shows now; each brief is indexed once, when first
    searched after it is opened."""
    indexed_id: str | None = None
    indexed = None

    def search(query: str) -> list[SearchRow]:
        nonlocal indexed_id, indexed
        episode = window.episode
        if episode is None:
            return []
        if indexed is None or indexed_id != episode.id:
            indexed_id, indexed = episode.id, brief_search(episode)
        return indexed(query)

    return search


def default_episode() -> OpenEpisode:
    episodes = discover_episodes(content_dir())
    if not episodes:
        raise BriefError(f"no episodes found in {content_dir()}; open a brief file instead")
    return from_episode(episodes[0])


class AppData:
    """The listener's database and its stores, opened once per process.

    When the database cannot be opened the app runs on an in-memory one and ``message`` says
    why; the file on disk is left exactly as it was. The window never waits for the database:
    it reads on its own connection (a reader never waits in WAL mode) with a short busy timeout,
    and its notes, stars and resume positions are written by ``WriteQueue`` on another thread.
    """

    def __init__(self, path: Path | None = None, *, memory: bool = False) -> None:
        moved = None
        if not memory and path is None:
            path, moved = notes_path()
        self.path = None if memory else path
        self.queue: WriteQueue | None = None
        if self.path is None:
            self.db, self.message = open_memory(), None
        else:
            self.db, self.message = open_or_fallback(
                self.path, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS, check_index=False
            )
        if moved:
            self.message = f"{moved} {self.message or ''}".strip()
        self.saving = self.path is not None and not self.db.in_memory
        if self.saving:
            assert self.path is not None
            self.queue = WriteQueue(self.path)
            self.queue.submit(lambda db: None)  # opens it and checks the search index now
            self.db.before_read = self.queue.settle
            self.notes: NoteStore = QueuedNoteStore(self.db, self.queue)
            self.playstate: PlayStateStore = QueuedPlayState(self.db, self.queue)
            recovered = merge_rescued(self.notes, self.path.parent)
            if recovered:
                self.message = f"{recovered} {self.message or ''}".strip()
        else:
            self.notes = NoteStore(self.db)
            self.playstate = PlayStateStore(self.db)
        self.library = LibraryStore(self.db)
        self.syncpoints = SyncPointStore(self.db)

    def close(self, timeout: float = 2.0) -> str | None:
        """Save what is waiting (for at most ``timeout`` seconds); what could not be saved in
        time goes to a rescue file merged back at the next start. A sentence when it did."""
        said = None
        if self.queue is not None:
            left = self.queue.close(timeout)
            if left and isinstance(self.notes, QueuedNoteStore) and self.path is not None:
                rescued = self.notes.rescue(self.path.parent)
                said = (
                    f"Notes were busy; what was not saved is kept in {rescued}."
                    if rescued
                    else "Notes were busy and could not be kept."
                )
        self.db.close()
        return said


def open_main_window(
    brief: Path | None = None,
    *,
    audio: Path | None = None,
    at_ms: int | None = None,
    remember: bool = True,
    data: AppData | None = None,
) -> MainWindow:
    """A window on ``brief`` (or the first bundled episode), resumed where it was left.

    ``remember=False`` (screenshots) uses a throwaway database, so rendering never moves the
    listener's resume position.
    """
    episode = episode_from_brief_file(brief) if brief else default_episode()
    if data is None:
        data = AppData() if remember else AppData(memory=True)
    window = MainWindow()
    window.data = data
    window.add_search_provider(current_brief_search(window))
    window.resume = ResumeKeeper(data.playstate, window.playback, window)
    apply_settings(window, new_episode=True, theme=remember)
    window.audio_attached = window.resume.remember_audio  # type: ignore[method-assign]
    open_and_resume(window, episode, audio=audio, at_ms=at_ms)
    window.notes = NotesController(window, data.notes, episode)
    if not data.saving and data.message:
        window.notes.show_not_saving(data.message)
    window.tracks = TracksController(window, data.syncpoints)
    if data.message:
        window.statusBar().showMessage(data.message)
    if remember:
        window.mpris = start_mpris(window)
    return window


def open_and_resume(
    window: MainWindow,
    episode: OpenEpisode,
    *,
    audio: Path | None = None,
    at_ms: int | None = None,
) -> None:
    """Show ``episode`` where the listener left it, and list it in the library.

    Used at start and whenever another episode is opened in the same window (the library, Open
    Brief, a drop), so switching episodes resumes exactly like starting the app on one.
    """
    keeper: ResumeKeeper | None = window.resume
    if keeper is None:
        window.open_episode(episode, audio=audio, start_ms=at_ms or 0)
        return
    if window.playback.is_playing():
        window.playback.pause()  # saves the place reached in the episode being left
    start_ms, saved_audio = keeper.restore(episode.id)
    if saved_audio is not None and not saved_audio.is_file():
        saved_audio = None
    _remember_in_library(window.data, episode)
    with keeper.not_saving():
        window.open_episode(
            episode,
            audio=audio or saved_audio,
            start_ms=at_ms if at_ms is not None else start_ms,
        )
    if audio is not None:
        keeper.remember_audio(audio)


def _remember_in_library(data: AppData | None, episode: OpenEpisode) -> None:
    if data is None or episode.brief_path is None:
        return
    if data.queue is not None:
        touch_library(
            data.queue,
            episode.id,
            str(episode.brief_path),
            title=episode.display_title(),
            show=episode.show or None,
            length_s=episode.length_s,
        )
        return
    # A read-only database still opens the brief; it just is not listed.
    with suppress(StorageError):
        data.library.touch(
            episode.id,
            str(episode.brief_path),
            title=episode.display_title(),
            show=episode.show or None,
            length_s=episode.length_s,
        )


def settle(window: MainWindow, at_ms: int | None = None) -> None:
    """Let layout and the first highlight happen (for screenshots and tests)."""
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    if at_ms is not None:
        window.seek_brief(at_ms)
    for _ in range(5):
        app.processEvents()
    window.pane.reveal_active(force=True)
    app.processEvents()
