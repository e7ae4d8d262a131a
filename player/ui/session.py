"""Putting a window together for an episode: search, resume, remembered audio.

This is the one place that knows which stores and providers a window gets, so the window itself
stays a view and tests can build one with exactly the parts they need.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from player.appdirs import content_dir
from player.core.brief.models import BriefError
from player.core.episodes import discover_episodes
from player.core.search import BriefIndex
from player.ui.loading import episode_from_brief_file, from_episode
from player.ui.main_window import MainWindow
from player.ui.models.search_model import SearchRow
from player.ui.open_episode import OpenEpisode


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


def default_episode() -> OpenEpisode:
    episodes = discover_episodes(content_dir())
    if not episodes:
        raise BriefError(f"no episodes found in {content_dir()}; open a brief file instead")
    return from_episode(episodes[0])


def open_main_window(
    brief: Path | None = None,
    *,
    audio: Path | None = None,
    at_ms: int | None = None,
    remember: bool = True,
) -> MainWindow:
    episode = episode_from_brief_file(brief) if brief else default_episode()
    window = MainWindow()
    window.add_search_provider(brief_search(episode))
    window.open_episode(episode, audio=audio, start_ms=at_ms or 0)
    return window


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
