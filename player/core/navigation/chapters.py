"""The chapter list: the audio's own chapters, or the brief's concepts when it has none.

Most episodes on disk carry no chapters, yet a listener still wants the map. A brief's concepts,
placed at the first quote that speaks of each, are a fair outline; the list says which it shows.
Finding the current chapter and the next or previous one is a bisect over start times.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from player.core.brief.models import Brief
from player.core.timeline import Cue, CueKind, Timeline

RESTART_GRACE_MS = 3_000  # "previous chapter" this soon after a start goes to the one before


@dataclass(frozen=True)
class Chapter:
    start_ms: int
    end_ms: int  # the next chapter's start, or the episode's end
    title: str


@dataclass(frozen=True)
class ChapterList:
    chapters: tuple[Chapter, ...]
    from_brief: bool  # True: no chapters came with the audio; these are the brief's concepts

    def __len__(self) -> int:
        return len(self.chapters)

    def index_at(self, t_ms: int) -> int | None:
        """The chapter playing at ``t_ms`` (None before the first one starts)."""
        i = bisect_right([c.start_ms for c in self.chapters], t_ms) - 1
        return i if i >= 0 else None

    def next_start(self, t_ms: int) -> int | None:
        for c in self.chapters:
            if c.start_ms > t_ms:
                return c.start_ms
        return None

    def previous_start(self, t_ms: int) -> int | None:
        """The current chapter's start, or the one before it when just past that start."""
        i = self.index_at(t_ms)
        if i is None:
            return None
        if t_ms - self.chapters[i].start_ms > RESTART_GRACE_MS or i == 0:
            return self.chapters[i].start_ms
        return self.chapters[i - 1].start_ms

    def end_of(self, t_ms: int) -> int | None:
        i = self.index_at(t_ms)
        return self.chapters[i].end_ms if i is not None else None


def chapter_list(timeline: Timeline, brief: Brief, end_ms: int) -> ChapterList:
    """The timeline's chapter cues, else one entry per concept at its first quote."""
    cues: Sequence[Cue] = timeline.of_kind(CueKind.CHAPTER)
    if cues:
        starts = [(c.start_ms, c.text) for c in cues]
        return ChapterList(_spans(starts, end_ms), from_brief=False)
    starts = sorted(
        (round(min(c.at) * 1000), c.name) for c in brief.concepts if c.at and c.name.strip()
    )
    return ChapterList(_spans(starts, end_ms), from_brief=True)


def _spans(starts: list[tuple[int, str]], end_ms: int) -> tuple[Chapter, ...]:
    ordered = sorted(starts)
    out = []
    for i, (start, title) in enumerate(ordered):
        end = ordered[i + 1][0] if i + 1 < len(ordered) else end_ms
        out.append(Chapter(start, max(end, start + 1), title.strip() or "Untitled chapter"))
    return tuple(out)
