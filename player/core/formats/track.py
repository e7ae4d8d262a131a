"""Chapters and transcripts as one record, whichever file they came from.

Podcasting 2.0 chapters, WebVTT, SRT and transcript JSON all describe "text over a span of the
episode"; holding them in one shape lets the timeline, search and the window treat a chapter
list and a word-level transcript alike.
"""

from __future__ import annotations

from bisect import bisect_right
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from player.core.brief.schema import Seconds
from player.core.timeline import FOREVER_MS, Cue, CueKind


class TrackKind(StrEnum):
    CHAPTERS = "chapters"
    TRANSCRIPT = "transcript"


class TrackItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start_s: Seconds
    end_s: Seconds | None = Field(default=None, description="None: until the next item starts")
    text: str = ""
    speaker: str | None = None
    url: str | None = None
    img: str | None = None
    hidden: bool = Field(default=False, description="chapters marked toc: false")


class Track(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: TrackKind
    name: str = ""
    items: tuple[TrackItem, ...] = Field(default=(), description="in start order")
    encoding: str = Field(default="", description="text encoding assumed when it was read")


_CUE_KIND = {TrackKind.CHAPTERS: CueKind.CHAPTER, TrackKind.TRANSCRIPT: CueKind.TRANSCRIPT}


def to_ms(seconds: float) -> int:
    return round(seconds * 1000)


def track_cues(track: Track, *, end_ms: int = FOREVER_MS) -> list[Cue]:
    """Cues for the timeline; ``ref`` is the item's position in ``track.items``.

    An item without an end lasts until the next later start (the last one until ``end_ms``,
    the episode's length when known). Items that share a start share that end, so two
    speakers talking over each other light up together.
    """
    kind = _CUE_KIND[track.kind]
    starts = sorted({to_ms(item.start_s) for item in track.items})
    out: list[Cue] = []
    for ref, item in enumerate(track.items):
        start = to_ms(item.start_s)
        if item.end_s is not None:
            end = to_ms(item.end_s)
        else:
            i = bisect_right(starts, start)
            end = starts[i] if i < len(starts) else end_ms
        out.append(Cue(kind, start, max(end, start + 1), item.text, ref))
    return out


def sort_items(items: list[TrackItem]) -> tuple[TrackItem, ...]:
    """Start order, stable, so files written out of order still play in order."""
    return tuple(sorted(items, key=lambda item: item.start_s))


def build_track(kind: TrackKind, name: str, rows: list[dict[str, Any]]) -> Track:
    """A track from plain dicts, in start order, validated in one call.

    Importers collect dicts and validate once at the end: for a word-level transcript of 30,000
    cues this is several times faster than building each item on its own.
    """
    rows.sort(key=lambda row: row["start_s"])
    return Track.model_validate({"kind": kind, "name": name, "items": rows})
