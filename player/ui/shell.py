"""What a part of the window may use: the ``Shell`` protocol.

Features (notes, tracks, the library, desktop integration, and the ones to come) are given a
``Shell`` in their constructor and reach the window only through it: the playback and its clock,
the episode shown and its signals, the search box, the menus' actions, the side panel's tabs,
the timeline's markers, the status line and the job runner. They never import the window, so a
new feature edits no other feature's files, and ``lint-imports`` checks that it stays so.

``MainWindow`` is the one implementation; the protocol says which of its members are promised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QWidget

    from player.core.timeline import Cue, Timeline
    from player.ui.cue_clock import CueClock
    from player.ui.jobs import JobRunner
    from player.ui.models.pane_model import PaneModel
    from player.ui.models.search_model import SearchRow
    from player.ui.open_episode import OpenEpisode
    from player.ui.playback import Playback
    from player.ui.settings import Preferences
    from player.ui.widgets.header import EpisodeHeader
    from player.ui.widgets.pane_view import PaneView
    from player.ui.widgets.side_panel import SidePanel
    from player.ui.widgets.transport import TransportBar

SearchProvider = Callable[[str], "Sequence[SearchRow]"]


class Shell(Protocol):
    # what plays and what is "now"
    playback: Playback
    clock: CueClock
    jobs: JobRunner
    settings: QSettings

    # the brief's own views, for features that decorate them (stars, the selected item)
    header: EpisodeHeader
    pane: PaneView
    pane_model: PaneModel
    side: SidePanel
    transport: TransportBar

    # signals: the episode shown changed; audio was handed to the player; the listener chose it
    episode_changed: SignalInstance
    audio_changed: SignalInstance  # Path | None
    audio_attached: SignalInstance  # Path

    @property
    def episode(self) -> OpenEpisode | None: ...

    @property
    def timeline(self) -> Timeline: ...

    def as_widget(self) -> QMainWindow:
        """The window itself, as the parent of a dialog or the target of a drop."""
        ...

    # plugging in
    def action(self, name: str) -> QAction:
        """The menu action ``name`` of ``player.ui.actions.SPECS``; connect to its signals."""
        ...

    def add_search_provider(self, provider: SearchProvider) -> None: ...

    def add_tab(self, widget: QWidget, title: str) -> None: ...

    def add_status_widget(self, widget: QWidget) -> None:
        """A small widget kept in the status line (an offer the listener may take or ignore)."""
        ...

    def set_track(self, name: str, cues: Sequence[Cue]) -> None:
        """Markers on the timeline, lit in the pane and on the strip like the brief's own."""
        ...

    def add_cue(self, name: str, cue: Cue) -> None:
        """One cue more on a track, placed without rebuilding the rest."""
        ...

    def remove_cue(self, name: str, cue: Cue) -> None: ...

    def show_status(self, message: str, timeout_ms: int = 6_000) -> None: ...

    def brief_note(self) -> str:
        """What was said about the brief just opened (a bad line, its encoding), or ""."""
        ...

    def set_title(self, title: str) -> None: ...

    # moving and opening
    def seek_brief(self, brief_ms: int) -> None: ...

    def play_from(self, brief_ms: int) -> None: ...

    def previous_cue(self) -> None: ...

    def next_cue(self) -> None: ...

    def open_and_resume(self, episode: OpenEpisode) -> None: ...

    def open_brief_file(self, path: Path) -> None: ...

    def choose_brief(self) -> None: ...

    def attach_audio(self, path: Path) -> None:
        """The listener's file for the episode, at the same moment of the brief; remembered."""
        ...

    def set_audio(self, path: Path | None, *, start_ms: int = 0) -> None:
        """Hand ``path`` to the player without remembering it as the episode's audio."""
        ...

    def stream_audio(self, url: str) -> None:
        """Play from the web at the same moment of the brief while the file downloads."""
        ...

    def show_problems(self) -> None: ...

    def apply_preferences(self, prefs: Preferences, *, new_episode: bool = False) -> None: ...
