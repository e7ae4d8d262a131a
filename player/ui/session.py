"""The composition root: the one module that builds the window and plugs its features in.

The window (``MainWindow``) is the ``Shell``; each feature is given the shell and the stores it
needs in its constructor and reaches the others only through Qt signals. Nothing else imports
``MainWindow``, so this is the one place that knows which parts a window has, and tests build
an app exactly the way the command does.
"""

from __future__ import annotations

import gc
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from player.appdirs import content_dir
from player.core.brief.cache import write_pending
from player.core.brief.models import BriefError
from player.core.episodes import discover_episodes
from player.core.storage.database import StorageError
from player.core.storage.pending import touch_library
from player.ui.app_data import AppData
from player.ui.hints import HintsController
from player.ui.loading import episode_from_brief_file, from_episode
from player.ui.main_window import MainWindow
from player.ui.open_episode import OpenEpisode
from player.ui.preferences import PreferencesController, apply_settings
from player.ui.resume import ResumeKeeper
from player.ui.settings import BOOST, read

if TYPE_CHECKING:
    from player.ui.align import AlignController
    from player.ui.attach import AttachController
    from player.ui.boost import BoostController
    from player.ui.brief_search import CurrentBriefSearch
    from player.ui.chapters import ChaptersController
    from player.ui.desktop import DesktopIntegration
    from player.ui.feed import FeedController
    from player.ui.library import LibraryController
    from player.ui.moments import MomentsController
    from player.ui.notes import NotesController
    from player.ui.silence import SilenceController
    from player.ui.sleep import SleepController
    from player.ui.tracks import TracksController

Features = Literal["now", "after-paint", "never"]

__all__ = ["App", "AppData", "open_app", "wait_for_first_paint"]


def default_episode() -> OpenEpisode:
    episodes = discover_episodes(content_dir())
    if not episodes:
        raise BriefError(f"no episodes found in {content_dir()}; open a brief file instead")
    return from_episode(episodes[0])


class App:
    """A window and its features, built in order: window, resume, settings, episode, features.

    ``remember=False`` (screenshots, tests of a bare window) keeps the desktop out: no MPRIS on
    the bus and no theme change, so rendering never moves the listener's state.

    ``features="after-paint"`` (the command) builds only what the first frame shows, then the
    features (notes, transcript and chapters, sync points, library, desktop) once the window
    has painted: the listener sees the episode at once, and the rest arrives a moment later in
    places the first frame already keeps for it (the Notes tab), so nothing jumps. ``ready()``
    says when. ``"never"`` renders the first frame alone (``screenshot --first-frame``).
    """

    def __init__(
        self,
        episode: OpenEpisode,
        data: AppData,
        *,
        audio: Path | None = None,
        at_ms: int | None = None,
        remember: bool = True,
        features: Features = "now",
    ) -> None:
        self.data = data
        self._remember = remember
        self.notes: NotesController
        self.tracks: TracksController
        self.library: LibraryController
        self.desktop: DesktopIntegration
        self.align: AlignController
        self.attach: AttachController
        self.feed: FeedController
        self.chapters: ChaptersController
        self.moments: MomentsController
        self.sleep: SleepController
        self.silence: SilenceController
        self.brief_search: CurrentBriefSearch
        self.boost: BoostController | None = None
        self._finished = False
        self.window = MainWindow(opener=self.open_and_resume)
        _after_first_paint(self.window, _collect_again)
        self.resume = ResumeKeeper(data.playstate, self.window.playback, self.window)
        self.window.audio_attached.connect(self.resume.remember_audio)
        self.window.closing.connect(self.resume.finish)
        self.preferences = PreferencesController(self.window)
        apply_settings(self.window, new_episode=True, theme=remember)
        self.window.reserve_tab("Notes")
        self.window.reserve_tab("Chapters")
        if read(self.window.settings, BOOST):
            self._build_boost()  # before the audio loads, so it loads boosted
        # The first start's hint is in the first frame, so the pane does not shrink under it
        # later; built always, its sign keeps one place among the transport's.
        self.hints = HintsController(self.window)
        # The audio loads once the first frame is up ("never": not at all, so the first-frame
        # picture is what the listener sees before it has).
        self._open(episode, audio=audio, at_ms=at_ms, audio_later=features != "now")
        if data.message:
            self.window.show_status(data.message, 0)
        if features == "after-paint":
            _after_first_paint(self.window, self._after_paint)
        elif features == "now":
            self.finish()

    def _after_paint(self) -> None:
        self.window.playback.load_later()  # first: FFmpeg opens it while the features build
        self.finish()

    def ready(self) -> bool:
        """Whether the features are built (at once, or after the first paint)."""
        return self._finished

    def finish(self) -> None:
        """Build the features; imported here, so their modules cost nothing before the first
        frame. Runs once."""
        if self._finished:
            return
        self._finished = True
        from player.appdirs import data_dir
        from player.core.storage.alignments import AlignmentStore
        from player.ui.align import AlignController
        from player.ui.attach import AttachController
        from player.ui.brief_search import CurrentBriefSearch
        from player.ui.chapters import ChaptersController
        from player.ui.desktop import DesktopIntegration
        from player.ui.feed import FeedController
        from player.ui.library import LibraryController
        from player.ui.moments import MomentsController
        from player.ui.notes import NotesController
        from player.ui.silence import SilenceController
        from player.ui.sleep import SleepController
        from player.ui.tracks import TracksController

        data, window = self.data, self.window
        episode = window.episode
        self.brief_search = CurrentBriefSearch(window)
        window.add_search_provider(self.brief_search)
        self.desktop = DesktopIntegration(window, bus=self._remember)
        self.notes = NotesController(
            window, data.notes, episode, title_of=lambda i: _library_title(data, i)
        )
        if not data.saving and data.message:
            self.notes.show_not_saving(data.message)
        self.tracks = TracksController(
            window,
            data.syncpoints,
            undo_stack=self.notes.undo_stack,
            notes=self.notes.notes,
        )
        self.align = AlignController(
            window,
            AlignmentStore(data.db),
            transcript=self.tracks.audio_transcript,
            merge_points=self.tracks.sync.merge_points,
        )
        self.attach = AttachController(
            window,
            transcript_lines=self.tracks.model.rowCount,
            sync_points=lambda: len(self.tracks.sync.map),
        )
        self.chapters = ChaptersController(window)
        self.moments = MomentsController(window, self.notes)
        self.moments.attach_notes(self.notes.tab.view)
        self.moments.attach_transcript(self.tracks.view)
        self.sleep = SleepController(window, chapter_end=self.chapters.chapters_end)
        silence_folder = (data.path.parent if data.path else data_dir()) / "silence"
        self.silence = SilenceController(window, silence_folder)
        self.library = LibraryController(window, data, accept_drops=self.desktop.accept_drops)
        self.feed = FeedController(window, data.playstate)
        if self.boost is None:
            self._build_boost()

    def _build_boost(self) -> None:
        from player.ui.boost import BoostController

        self.boost = BoostController(self.window)

    def open_and_resume(
        self, episode: OpenEpisode, *, audio: Path | None = None, at_ms: int | None = None
    ) -> None:
        """Show ``episode`` where the listener left it, and list it in the library.

        Used at start and whenever another episode is opened in the same window (the library,
        Open Brief, a drop), so switching episodes resumes exactly like starting the app on one.
        """
        self._open(episode, audio=audio, at_ms=at_ms)

    def _open(
        self,
        episode: OpenEpisode,
        *,
        audio: Path | None = None,
        at_ms: int | None = None,
        audio_later: bool = False,
    ) -> None:
        episode = _same_brief_as_before(self.data, episode)
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
                audio_later=audio_later,
            )
        if audio is not None:
            keeper.remember_audio(audio)
        _after_first_paint(window, write_pending)  # the brief cache, once this brief shows


def open_app(
    brief: Path | None = None,
    *,
    audio: Path | None = None,
    at_ms: int | None = None,
    remember: bool = True,
    data: AppData | None = None,
    features: Features = "now",
) -> App:
    """An app on ``brief`` (or the first bundled episode), resumed where it was left.

    ``remember=False`` (screenshots) uses a throwaway database unless ``data`` is given, so
    rendering never moves the listener's resume position.
    """
    episode = episode_from_brief_file(brief) if brief else default_episode()
    if data is None:
        data = AppData() if remember else AppData(memory=True)
    return App(episode, data, audio=audio, at_ms=at_ms, remember=remember, features=features)


class _FirstPaint(QObject):
    def __init__(self, window: MainWindow, then, *, at_once: bool = False) -> None:
        super().__init__(window)
        self._then = then
        self._at_once = at_once

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.parent().removeEventFilter(self)
            if self._at_once:  # only for what may run inside the paint (see wait_for_first_paint)
                self._then()
            else:  # after this paint has reached the screen, not inside it
                QTimer.singleShot(0, self._then)
        return False


def _collect_again() -> None:
    """Turn the collector back on when the command held it off until the first paint
    (``player.cli.startup``). What the start made lives as long as the app: frozen, later
    collections need not walk it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _after_first_paint(window: MainWindow, then) -> None:
    window.installEventFilter(_FirstPaint(window, then))


def wait_for_first_paint(window: MainWindow, timeout_ms: int = 10_000) -> None:
    """Run the events of a shown window until its first frame has been painted: what the
    listener sees when the window appears, and nothing that comes after it."""
    loop = QEventLoop()
    # Asked to stop as the window's paint begins, the loop stops once that paint is done: the
    # whole window is painted in one pass. What the first paint set going for later (the
    # features, measuring while idle) is not waited for.
    window.installEventFilter(_FirstPaint(window, loop.quit, at_once=True))
    QTimer.singleShot(timeout_ms, loop.quit)  # a platform that never paints still returns
    loop.exec()


def _same_brief_as_before(data: AppData, episode: OpenEpisode) -> OpenEpisode:
    """A brief file keeps the id it was first opened under, so editing its title or first
    quote (which its id is made from) leaves the notes and the place reached with it."""
    if episode.brief_path is None:
        return episode
    with suppress(StorageError):
        known = data.library.id_at(str(episode.brief_path))
        if known and known != episode.id:
            return episode.replace(id=known)
    return episode


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
