"""The real episode from the podcast's own feed, in the window.

File ▸ Get the Real Episode… reads the feed ``episode.json`` names and matches the brief to one
of its episodes; File ▸ Find This Episode in a Feed… does the same from an address the listener
pastes. Both download with the window's job bar (bytes, rate, time left, Cancel), resume a part
left by an interrupted try, and attach the file through the window's own Attach Audio, so the
same record is remembered and the file's sync points, sidecars and cover apply.

Nothing touches the network until asked, and nothing changes until a download is complete: on
any failure or Cancel the audio attached before is still the episode's (and plays again if a
stream stood in for it). The work is ``player.core.feed``'s; this module only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from player.core.storage.database import StorageError
from player.ui.settings import PLAY_WHILE_DOWNLOADING, read, write

if TYPE_CHECKING:
    from player.core.feed import BriefSource, Feed, FeedEpisode, Fetched, MatchResult
    from player.core.storage.playstate import PlayStateStore
    from player.ui.feed.dialog import FeedDialog
    from player.ui.jobs import JobHandle
    from player.ui.open_episode import OpenEpisode
    from player.ui.shell import Shell

READ_TITLE = "Feed"
DOWNLOAD_TITLE = "Real episode"
STATUS_MS = 15_000


class FeedController(QObject):
    def __init__(
        self,
        shell: Shell,
        playstate: PlayStateStore,
        folder_for: Callable[[str], Path] | None = None,
    ) -> None:
        """``playstate`` remembers a download for an episode no longer shown when it ends;
        ``folder_for(episode_id)`` is where its files go (``downloads/<id>/`` in the data
        folder, where ``brief-player fetch`` puts them too)."""
        super().__init__(shell.as_widget())
        self._shell = shell
        self._playstate = playstate
        self._folder_for = folder_for
        self.dialog: FeedDialog | None = None
        self.reading: JobHandle | None = None
        self.downloading: JobHandle | None = None
        get = shell.action("get_real_episode")
        get.setStatusTip("Download the publisher's recording from the show's feed and attach it")
        get.triggered.connect(lambda _=False: self.get_real_episode())
        shell.action("find_in_feed").triggered.connect(lambda _=False: self.find_in_feed())
        shell.episode_changed.connect(self._update_actions)
        self._update_actions()

    # asking -----------------------------------------------------------------------------------

    def get_real_episode(self) -> None:
        """The episode's feed, read and matched; a sure match downloads at once."""
        episode = self._shell.episode
        if episode is None:
            return
        if not episode.feed_url:
            self.find_in_feed(
                "This brief names no feed. Paste the show's feed address to find the episode."
            )
            return
        self._read(episode, episode.feed_url, self._matched)

    def find_in_feed(self, message: str = "") -> FeedDialog:
        dialog = self._dialog()
        episode = self._shell.episode
        dialog.present(episode.feed_url if episode is not None else "", message)
        return dialog

    def _dialog(self) -> FeedDialog:
        if self.dialog is None:
            from player.ui.feed.dialog import FeedDialog  # the feed parser loads when first used

            self.dialog = FeedDialog(self._shell.as_widget())
            self.dialog.stream.setChecked(read(self._shell.settings, PLAY_WHILE_DOWNLOADING))
            self.dialog.list_requested.connect(self._list)
            self.dialog.download_requested.connect(self._chosen)
        return self.dialog

    def _list(self, url: str) -> None:
        episode = self._shell.episode
        if episode is None:
            return
        dialog = self._dialog()
        dialog.show_reading(url)
        self._read(episode, url, lambda _id, found: dialog.show_feed(*found), dialog.show_error)

    def _read(
        self,
        episode: OpenEpisode,
        url: str,
        then: Callable[[str, tuple[Feed, MatchResult]], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        from player.core.feed import read_and_match

        if self.reading is not None:
            self.reading.cancel()  # a newer address replaces the one still being read
        source, episode_id = source_of(episode), episode.id
        handle = self._shell.jobs.run(
            READ_TITLE,
            lambda progress: read_and_match(source, progress, feed_url=url),
            on_done=lambda found: then(episode_id, found),
            on_error=on_error,
        )
        self.reading = handle
        handle.ended.connect(lambda: self._forget_reading(handle))

    def _matched(self, episode_id: str, found: tuple[Feed, MatchResult]) -> None:
        if not self._still_on(episode_id):
            return  # the listener opened another episode meanwhile
        feed, result = found
        best = result.best
        if result.sure and best is not None:
            self.download(best.episode)
            return
        if result.likely:
            message = "More than one episode could be this brief's: pick the one to download."
        else:
            message = (
                f"No episode of {feed.title or feed.url} looks like this brief. Pick it from "
                "the list if you know it is there, or check the feed address."
            )
            self._shell.show_status(message, STATUS_MS)
        dialog = self.find_in_feed()
        dialog.show_feed(feed, result, message)

    def _chosen(self, feed_episode: FeedEpisode, stream: bool) -> None:
        write(self._shell.settings, PLAY_WHILE_DOWNLOADING, stream)
        self.download(feed_episode, stream=stream)

    # downloading ------------------------------------------------------------------------------

    def download(self, feed_episode: FeedEpisode, *, stream: bool | None = None) -> None:
        """Download ``feed_episode`` into the episode's folder and attach it when complete;
        ``stream`` plays it from the feed meanwhile (the saved choice when not given)."""
        from player.core.feed import downloads_dir, fetch_episode

        shell, episode = self._shell, self._shell.episode
        if episode is None or feed_episode.enclosure is None:
            return
        if self.downloading is not None:
            shell.show_status("The real episode is already downloading: see the bar below.")
            return
        if stream is None:
            stream = read(shell.settings, PLAY_WHILE_DOWNLOADING)
        folder = (self._folder_for or downloads_dir)(episode.id)
        episode_id, url = episode.id, feed_episode.enclosure.url
        previous = shell.playback.source
        handle = shell.jobs.run(
            DOWNLOAD_TITLE,
            lambda progress: fetch_episode(feed_episode, folder, progress),
            on_done=lambda fetched: self._fetched(episode_id, fetched),
            on_error=lambda _message: self._stop_streaming(url, previous),
        )
        self.downloading = handle
        handle.ended.connect(lambda: self._download_ended(handle, url, previous))
        if stream:
            shell.stream_audio(url)
            shell.show_status("Playing from the feed while the episode downloads.")

    def _fetched(self, episode_id: str, fetched: Fetched) -> None:
        from player.core.feed import attach

        shell = self._shell
        if not self._still_on(episode_id):
            with suppress(StorageError):  # the file is kept either way
                attach(self._playstate, episode_id, fetched.audio)
            shell.show_status(
                f"{fetched.audio.name} is downloaded; it plays when you open its episode again.",
                STATUS_MS,
            )
            return
        playing = shell.playback.is_playing()
        shell.attach_audio(fetched.audio)  # the same path as File ▸ Attach Audio…
        if playing:
            shell.playback.play()
        shell.show_status(summary(fetched), STATUS_MS)

    def _download_ended(self, handle: JobHandle, url: str, previous: Path | None) -> None:
        if self.downloading is handle:
            self.downloading = None
        if handle.cancelled:
            self._stop_streaming(url, previous)
            self._shell.show_status(
                "Download stopped. What arrived is kept: Get the Real Episode resumes it.",
                STATUS_MS,
            )

    def _stop_streaming(self, url: str, previous: Path | None) -> None:
        """Back to the audio attached before, at the same moment, if the stream still plays."""
        shell = self._shell
        if shell.playback.streaming != url:
            return
        brief_ms, playing = shell.clock.brief_ms(), shell.playback.is_playing()
        shell.set_audio(previous)
        if brief_ms:
            shell.seek_brief(brief_ms)
        if playing:
            shell.playback.play()

    # state ------------------------------------------------------------------------------------

    def _forget_reading(self, handle: JobHandle) -> None:
        if self.reading is handle:
            self.reading = None

    def _still_on(self, episode_id: str) -> bool:
        episode = self._shell.episode
        return episode is not None and episode.id == episode_id

    def _update_actions(self) -> None:
        has_episode = self._shell.episode is not None
        for name in ("get_real_episode", "find_in_feed"):
            self._shell.action(name).setEnabled(has_episode)


def source_of(episode: OpenEpisode) -> BriefSource:
    """What the matcher needs, from the episode as the window opened it (no file read again)."""
    from player.core.feed import BriefSource, EpisodeClue

    published = None
    with suppress(ValueError):
        published = date.fromisoformat(episode.published) if episode.published else None
    clue = EpisodeClue(
        title=episode.display_title(),
        guest=episode.guest or episode.brief.guest or "",
        published=published,
        length_s=episode.length_s,
        guid=episode.guid,
        enclosure_url=episode.enclosure_url,
    )
    return BriefSource(episode.id, clue.title, clue, episode.feed_url, episode.brief_path)


def summary(fetched: Fetched) -> str:
    """What the listener got, in one line: the file, how it came, what arrived beside it."""
    name = fetched.audio.name
    done = fetched.download
    if done is None:
        text = f"The real episode is attached: {name} (downloaded before)."
    else:
        resumed = f", resumed after {done.resumed_from / 1e6:.1f} MB" if done.resumed_from else ""
        text = (
            f"The real episode is attached: {name} "
            f"({done.size / 1e6:.1f} MB in {done.seconds:.0f} s{resumed})."
        )
    if fetched.extras.files:
        text += " Saved beside it: " + ", ".join(p.name for p in fetched.extras.files) + "."
    for note in fetched.notes:
        text += " " + note
    return text
