"""The composition root: the one module that builds the window and plugs its features in.

The window (``MainWindow``) is the ``Shell``; each feature is given the shell and the stores it
needs in its constructor and reaches the others only through Qt signals. Nothing else imports
``MainWindow``, so this is the one place that knows which parts a window has, and tests build
an app exactly the way the command does.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from player.appdirs import content_dir
from player.core.brief.models import BriefError
from player.core.episodes import discover_episodes
from player.core.search import BriefIndex
from player.core.storage.database import StorageError
from player.core.storage.pending import touch_library
from player.ui.app_data import AppData
from player.ui.desktop import DesktopIntegration
from player.ui.library import LibraryController
from player.ui.loading import episode_from_brief_file, from_episode
from player.ui.main_window import MainWindow
from player.ui.models.search_model import SearchRow
from player.ui.notes import NotesController
from player.ui.open_episode import OpenEpisode
from player.ui.preferences import PreferencesController, apply_settings
from player.ui.resume import ResumeKeeper
from player.ui.shell import Shell
from player.ui.tracks import TracksController

__all__ = ["App", "AppData", "brief_search", "open_app"]


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


def current_brief_search(shell: Shell):
    """Search whichever brief the window shows now; each brief is indexed once, when first
    searched after it is opened."""
    indexed_id: str | None = None
    indexed = None

    def search(query: str) -> list[SearchRow]:
        nonlocal indexed_id, indexed
        episode = shell.episode
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


class App:
    """A window and its features, built in order: window, resume, settings, episode, features.

    ``remember=False`` (screenshots, tests of a bare window) keeps the desktop out: no MPRIS on
    the bus and no theme change, so rendering never moves the listener's state.
    """

    def __init__(
        self,
        episode: OpenEpisode,
        data: AppData,
        *,
        audio: Path | None = None,
        at_ms: int | None = None,
        remember: bool = True,
    ) -> None:
        self.data = data
        self.window = MainWindow(opener=self.open_and_resume)
        self.resume = ResumeKeeper(data.playstate, self.window.playback, self.window)
        self.window.audio_attached.connect(self.resume.remember_audio)
        self.window.closing.connect(self.resume.finish)
        self.window.add_search_provider(current_brief_search(self.window))
        self.preferences = PreferencesController(self.window)
        self.desktop = DesktopIntegration(self.window, bus=remember)
        apply_settings(self.window, new_episode=True, theme=remember)
        self.open_and_resume(episode, audio=audio, at_ms=at_ms)
        self.notes = NotesController(
            self.window, data.notes, episode, title_of=lambda i: _library_title(data, i)
        )
        if not data.saving and data.message:
            self.notes.show_not_saving(data.message)
        self.tracks = TracksController(
            self.window,
            data.syncpoints,
            undo_stack=self.notes.undo_stack,
            notes=self.notes.notes,
        )
        self.library = LibraryController(self.window, data, accept_drops=self.desktop.accept_drops)
        if data.message:
            self.window.show_status(data.message, 0)

    def open_and_resume(
        self, episode: OpenEpisode, *, audio: Path | None = None, at_ms: int | None = None
    ) -> None:
        """Show ``episode`` where the listener left it, and list it in the library.

        Used at start and whenever another episode is opened in the same window (the library,
        Open Brief, a drop), so switching episodes resumes exactly like starting the app on one.
        """
        window, keeper = self.window, self.resume
        if window.playback.is_playing():
            window.playback.pause()  # saves the place reached in the episode being left
        start_ms, saved_audio = keeper.restore(episode.id)
        if saved_audio is not None and not saved_audio.is_file():
            saved_audio = None
        _remember_in_library(self.data, episode)
        with keeper.not_saving():
            window.open_episode(
                episode,
                audio=audio or saved_audio,
                start_ms=at_ms if at_ms is not None else start_ms,
            )
        if audio is not None:
            keeper.remember_audio(audio)


def open_app(
    brief: Path | None = None,
    *,
    audio: Path | None = None,
    at_ms: int | None = None,
    remember: bool = True,
    data: AppData | None = None,
) -> App:
    """An app on ``brief`` (or the first bundled episode), resumed where it was left.

    ``remember=False`` (screenshots) uses a throwaway database unless ``data`` is given, so
    rendering never moves the listener's resume position.
    """
    episode = episode_from_brief_file(brief) if brief else default_episode()
    if data is None:
        data = AppData() if remember else AppData(memory=True)
    return App(episode, data, audio=audio, at_ms=at_ms, remember=remember)


def _library_title(data: AppData, episode_id: str) -> str | None:
    entry = data.library.get(episode_id)
    return entry.title if entry is not None and entry.title else None


def _remember_in_library(data: AppData, episode: OpenEpisode) -> None:
    if episode.brief_path is None:
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
