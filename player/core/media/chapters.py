"""Chapters embedded in the audio file itself.

Three conventions exist and podcast files use all of them: ID3 ``CHAP`` frames indexed by ``CTOC``
tables of contents (MP3, and WAV with an ID3 chunk), ``CHAPTERnnn`` Vorbis comments (Ogg, Opus,
FLAC) and Nero-style chapter lists in MP4. Each is read into the same ``Chapter`` so the player
shows them alike, and each bad entry becomes a sentence in ``problems`` instead of an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from player.core.brief.schema import Seconds
from player.core.formats.track import Track, TrackItem, TrackKind
from player.core.timefmt import MAX_SECONDS


class Chapter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start_s: Seconds
    end_s: Seconds | None = None
    title: str = ""
    url: str | None = None
    level: int = Field(default=0, ge=0, description="0 in the top table of contents, 1 below it…")
    hidden: bool = Field(default=False, description="listed in no table of contents")


def chapters_track(chapters: Sequence[Chapter], name: str) -> Track:
    """The embedded chapters as a track, so they reach the timeline like a chapters file."""
    items = [
        TrackItem(start_s=c.start_s, end_s=c.end_s, text=c.title, url=c.url, hidden=c.hidden)
        for c in chapters
    ]
    return Track(
        kind=TrackKind.CHAPTERS, name=name, items=tuple(sorted(items, key=lambda i: i.start_s))
    )


# -- ID3 ------------------------------------------------------------------------------------


def id3_chapters(frames: Iterable[Any], problems: list[str]) -> tuple[Chapter, ...]:
    """Chapters in table-of-contents order.

    The top-level ``CTOC`` is walked depth first; chapters under a nested ``CTOC`` get a deeper
    ``level`` (a player can indent or fold them). ``CHAP`` frames no table lists are kept, in
    time order, as ``hidden``: the ID3 chapter spec says such chapters are not for navigation.
    """
    chaps: dict[str, Any] = {}
    tocs: dict[str, Any] = {}
    for frame in frames:
        kind = getattr(frame, "FrameID", "")
        if kind == "CHAP":
            chaps[frame.element_id] = frame
        elif kind == "CTOC":
            tocs[frame.element_id] = frame
    if not chaps:
        return ()
    top = [t for t in tocs.values() if _is_top_level(t)]
    if len(top) > 1:
        problems.append("more than one top-level chapter table; using the first")
    out: list[Chapter] = []
    listed: set[str] = set()
    if top:
        _walk(top[0], 0, chaps, tocs, out, listed, set(), problems)
    elif tocs:
        problems.append("chapter tables exist but none is marked top-level; using time order")
    rest = sorted((f for eid, f in chaps.items() if eid not in listed), key=lambda f: f.start_time)
    for frame in rest:
        chapter = _chap(frame, 0, problems)
        if chapter is not None:
            out.append(chapter.model_copy(update={"hidden": bool(top)}))
    return tuple(out)


def _is_top_level(toc: Any) -> bool:
    return bool(int(getattr(toc, "flags", 0)) & 0x2)


def _walk(
    toc: Any,
    level: int,
    chaps: Mapping[str, Any],
    tocs: Mapping[str, Any],
    out: list[Chapter],
    listed: set[str],
    seen: set[str],
    problems: list[str],
) -> None:
    if toc.element_id in seen:
        problems.append(f"chapter table {toc.element_id!r} contains itself; loop cut")
        return
    seen.add(toc.element_id)
    children = list(toc.child_element_ids)
    if not int(getattr(toc, "flags", 0)) & 0x1:  # not ordered: time order is the only order
        children.sort(key=lambda eid: chaps[eid].start_time if eid in chaps else -1)
    for eid in children:
        if eid in chaps:
            if eid in listed:
                continue
            chapter = _chap(chaps[eid], level, problems)
            listed.add(eid)
            if chapter is not None:
                out.append(chapter)
        elif eid in tocs:
            _walk(tocs[eid], level + 1, chaps, tocs, out, listed, seen, problems)
        else:
            problems.append(f"chapter table {toc.element_id!r} lists missing entry {eid!r}")


def _chap(frame: Any, level: int, problems: list[str]) -> Chapter | None:
    start, end = int(frame.start_time), int(frame.end_time)
    if start < 0 or start == 0xFFFFFFFF:
        problems.append(f"chapter {frame.element_id!r} has no usable start time; skipped")
        return None
    if start > MAX_SECONDS * 1000:
        problems.append(f"chapter {frame.element_id!r}: time out of range; skipped")
        return None
    title, url = "", None
    for sub in getattr(frame, "sub_frames", {}).values():
        sid = getattr(sub, "FrameID", "")
        if sid == "TIT2":
            title = " ".join(str(sub).split())
        elif sid == "WXXX" and getattr(sub, "url", None):
            url = str(sub.url)
    return Chapter(
        start_s=start / 1000,
        end_s=end / 1000 if start < end <= MAX_SECONDS * 1000 else None,
        title=title,
        url=url,
        level=level,
    )


# -- Vorbis comments ---------------------------------------------------------------------------

_VORBIS_KEY = re.compile(r"^CHAPTER(\d{1,4})(NAME|URL)?$", re.IGNORECASE)
_VORBIS_TIME = re.compile(r"^\s*(\d+):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?\s*$")


def vorbis_chapters(
    comments: Iterable[tuple[str, str]], problems: list[str]
) -> tuple[Chapter, ...]:
    """``CHAPTER001=00:00:00.000`` with ``CHAPTER001NAME`` and ``CHAPTER001URL``, in time order."""
    starts: dict[int, tuple[str, str]] = {}
    names: dict[int, str] = {}
    urls: dict[int, str] = {}
    for key, value in comments:
        m = _VORBIS_KEY.match(key)
        if not m:
            continue
        n, part = int(m.group(1)), (m.group(2) or "").upper()
        target = names if part == "NAME" else urls if part == "URL" else None
        if target is not None:
            target[n] = value
        else:
            starts[n] = (key, value)
    out: list[Chapter] = []
    for n in sorted(starts):
        key, value = starts[n]
        m = _VORBIS_TIME.match(value)
        if not m or len(m.group(1)) > 4 or int(m.group(2)) > 59 or int(m.group(3)) > 59:
            problems.append(f"{key.upper()}: not a time {value!r} (expected HH:MM:SS.mmm); skipped")
            continue
        h, mi, s, frac = m.groups()
        start = (
            int(h) * 3600
            + int(mi) * 60
            + int(s)
            + (int(frac[:3].ljust(3, "0")) / 1000 if frac else 0)
        )
        if start > MAX_SECONDS:
            problems.append(f"{key.upper()}: time out of range; skipped")
            continue
        out.append(
            Chapter(
                start_s=start, title=" ".join(names.get(n, "").split()), url=urls.get(n) or None
            )
        )
    for n in sorted(set(names) - set(starts)):
        problems.append(f"CHAPTER{n:03d}NAME has no CHAPTER{n:03d} time; skipped")
    out.sort(key=lambda c: c.start_s)
    return tuple(out)


# -- MP4 ---------------------------------------------------------------------------------------


def mp4_chapters(chapters: Any) -> tuple[Chapter, ...]:
    """Nero ``chpl`` chapters as mutagen exposes them; each lasts until the next."""
    if not chapters:
        return ()
    out = [
        Chapter(start_s=float(c.start), title=" ".join(str(c.title or "").split()))
        for c in chapters
        if c.start is not None and 0 <= float(c.start) <= MAX_SECONDS
    ]
    out.sort(key=lambda c: c.start_s)
    return tuple(out)


def quicktime_chapters(path: Path, problems: list[str]) -> tuple[Chapter, ...]:
    """Chapters from a QuickTime chapter track (``tref``/``chap``), which mutagen does not read.

    Auphonic, Hindenburg and Apple's tools write them into ``.m4a``/``.m4b`` without a Nero
    ``chpl`` list; FFmpeg's demuxer, through PyAV, reads them.
    """
    try:
        import av
    except ImportError:  # a build without PyAV still reads every other kind of chapter
        return ()
    try:
        with av.open(str(path)) as container:
            raw = container.chapters()
    except (av.FFmpegError, OSError, ValueError) as exc:
        problems.append(f"chapter track cannot be read ({exc}); no chapters shown")
        return ()
    out: list[Chapter] = []
    for entry in raw:
        base = entry.get("time_base") or 0
        start, end = float(entry["start"] * base), float(entry["end"] * base)
        if not 0 <= start <= MAX_SECONDS:
            problems.append(f"chapter {entry.get('id')}: time out of range; skipped")
            continue
        title = " ".join(str(entry.get("metadata", {}).get("title", "")).split())
        out.append(
            Chapter(start_s=start, end_s=end if start < end <= MAX_SECONDS else None, title=title)
        )
    out.sort(key=lambda c: c.start_s)
    return tuple(out)
