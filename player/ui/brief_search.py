"""The search box's source for the brief the window shows.

A 50,000-quote brief takes most of a second to index. Built on the first keystroke, that second
landed on the listener's first letter; built before the window appears, it delayed the window.
So each brief is indexed between events from the moment it is opened, a few milliseconds at a
time, and a search that comes sooner finishes the rest first.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from player.core.search import BriefIndex
from player.ui.models.search_model import SearchRow
from player.ui.open_episode import OpenEpisode
from player.ui.shell import Shell

SLICE_S = 0.008  # indexing per pass of the event loop: well under a frame
STEP = 200  # texts between looks at the clock


def search_rows(index: BriefIndex, query: str) -> list[SearchRow]:
    return [
        SearchRow(
            h.kind, h.text, h.spans, None if h.at is None else round(h.at * 1000), (h.kind, h.ref)
        )
        for h in index.search(query)
    ]


def brief_search(episode: OpenEpisode):
    """Search one brief, indexed at once (for a window that is given a fixed brief)."""
    index = BriefIndex(episode.brief)
    return lambda query: search_rows(index, query)


class CurrentBriefSearch(QObject):
    """Search whichever brief the window shows now, indexed in the background of the loop."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self._index: BriefIndex | None = None
        self._episode_id: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_some)
        shell.episode_changed.connect(self._start)
        self._start()  # the episode already shown: made after the first frame, as features are

    @property
    def index(self) -> BriefIndex | None:
        return self._index

    def _start(self) -> None:
        episode = self._shell.episode
        if episode is None or episode.id == self._episode_id:
            return
        self._episode_id, self._index = episode.id, BriefIndex(episode.brief, lazy=True)
        self._timer.start()

    def _build_some(self) -> None:
        index = self._index
        deadline = time.perf_counter() + SLICE_S
        while index is not None and not index.build_some(STEP):
            if time.perf_counter() > deadline:
                return
        self._timer.stop()

    def __call__(self, query: str) -> list[SearchRow]:
        self._start()  # an episode shown before this was connected
        if self._index is None:
            return []
        return search_rows(self._index, query)
