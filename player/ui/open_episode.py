"""What the window shows: one brief, its timeline, and the audio that goes with it.

Built from a bundled episode folder, from any brief file on the command line, or from the
library; the window never needs to know which.
"""

from __future__ import annotations

from pathlib import Path

from player.core.brief.models import Brief, Problem
from player.core.record import Record, init
from player.core.timefmt import format_ms
from player.core.timeline import Timeline


class OpenEpisode(Record):
    __slots__ = (
        "id",
        "brief",
        "timeline",
        "problems",
        "title",
        "show",
        "guest",
        "published",
        "length_s",
        "page_url",
        "feed_url",
        "guid",
        "enclosure_url",
        "audio_path",
        "audio_is_standin",
        "standin_note",
        "brief_path",
        "encoding",
    )
    id: str
    brief: Brief
    timeline: Timeline
    problems: tuple[Problem, ...]
    title: str
    show: str
    guest: str
    published: str
    length_s: float | None
    page_url: str
    # Where the publisher offers the recording (``episode.json``): see ``player.core.feed``.
    feed_url: str
    guid: str
    enclosure_url: str
    audio_path: Path | None
    audio_is_standin: bool
    standin_note: str
    brief_path: Path | None
    encoding: str  # the brief file's, as it was read

    def __init__(
        self,
        *,
        id: str,
        brief: Brief,
        timeline: Timeline,
        problems: tuple[Problem, ...] = (),
        title: str = "",
        show: str = "",
        guest: str = "",
        published: str = "",
        length_s: float | None = None,
        page_url: str = "",
        feed_url: str = "",
        guid: str = "",
        enclosure_url: str = "",
        audio_path: Path | None = None,
        audio_is_standin: bool = False,
        standin_note: str = "",
        brief_path: Path | None = None,
        encoding: str = "UTF-8",
    ) -> None:
        init(self, "id", id)
        init(self, "brief", brief)
        init(self, "timeline", timeline)
        init(self, "problems", problems)
        init(self, "title", title)
        init(self, "show", show)
        init(self, "guest", guest)
        init(self, "published", published)
        init(self, "length_s", length_s)
        init(self, "page_url", page_url)
        init(self, "feed_url", feed_url)
        init(self, "guid", guid)
        init(self, "enclosure_url", enclosure_url)
        init(self, "audio_path", audio_path)
        init(self, "audio_is_standin", audio_is_standin)
        init(self, "standin_note", standin_note)
        init(self, "brief_path", brief_path)
        init(self, "encoding", encoding)

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
