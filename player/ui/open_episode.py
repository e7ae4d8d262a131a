"""What the window shows: one brief, its timeline, and the audio that goes with it.

Built from a bundled episode folder, from any brief file on the command line, or from the
library; the window never needs to know which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from player.core.brief.models import Brief, Problem
from player.core.timefmt import format_ms
from player.core.timeline import Timeline


@dataclass
class OpenEpisode:
    id: str
    brief: Brief
    timeline: Timeline
    problems: tuple[Problem, ...] = ()
    title: str = ""
    show: str = ""
    guest: str = ""
    published: str = ""
    length_s: float | None = None
    page_url: str = ""
    # Where the publisher offers the recording (``episode.json``): see ``player.core.feed``.
    feed_url: str = ""
    guid: str = ""
    enclosure_url: str = ""
    audio_path: Path | None = None
    audio_is_standin: bool = False
    standin_note: str = ""
    brief_path: Path | None = None
    encoding: str = "UTF-8"  # the brief file's, as it was read
    extra: dict = field(default_factory=dict)

    def display_title(self) -> str:
        return self.title or self.brief.title or self.id

    def subtitle(self) -> str:
        parts = [p for p in (self.show, self.guest or self.brief.guest or "", self.published) if p]
        return " · ".join(parts)

    def meta_lines(self) -> list[str]:
        """The facts above the summary: show, date, length, page."""
        lines = []
        if self.show:
            lines.append(self.show)
        if self.published:
            lines.append(f"Published {self.published}")
        if self.length_s:
            lines.append(f"Length {format_ms(int(self.length_s * 1000))}")
        if self.page_url:
            lines.append(self.page_url)
        return lines

    def end_ms(self) -> int:
        """The episode's length for the seek bar before (or without) any audio."""
        if self.length_s:
            return int(self.length_s * 1000)
        last = max((c.start_ms for c in self.timeline), default=0)
        return last + 60_000
