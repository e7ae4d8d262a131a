"""Podcasting 2.0 chapters JSON, read leniently and written strictly.

Feeds in the wild carry older variants: no ``version``, times as strings, chapters out of order.
Each of those still reads; an item that cannot be read is reported with its JSON path
(``FILE:$.chapters[3].startTime: ...``) and skipped, so one typo does not cost the whole list.
What we write follows the current spec exactly, so any app that reads chapters reads ours.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from player.core.brief.models import Brief
from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import load_text_track
from player.core.formats.track import Track, TrackItem, TrackKind, sort_items
from player.core.timefmt import seconds_value as seconds
from player.core.titles import split_guest_title

SPEC_VERSION = "1.2.0"

Note = tuple[float, float | None, str]


def load_chapters_json(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    return load_text_track(path, parse_chapters_json)


def parse_chapters_json(
    text: str, file: str = "<chapters>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    """The chapters, and a problem for each item that had to be skipped or trimmed."""
    data = load_json(text, file)
    if isinstance(data, list):
        chapters: Any = data  # some early generators wrote the bare list
        base = "$"
    elif isinstance(data, dict) and "chapters" in data:
        chapters = data["chapters"]
        base = "$.chapters"
    else:
        raise FormatError(f"{file}: not a chapters file: no 'chapters' list at the top level")
    if not isinstance(chapters, list):
        raise FormatError(f"{file}:{base}: 'chapters' must be a list")
    problems: list[FormatProblem] = []
    items: list[TrackItem] = []
    for i, raw in enumerate(chapters):
        where = f"{base}[{i}]"
        item = _chapter(raw, file, where, problems)
        if item is not None:
            items.append(item)
    if not items:
        why = "no chapter could be read (see above)" if chapters else "the list is empty"
        problems.append(FormatProblem(file=file, where=base, message=f"no chapters: {why}"))
    title = data.get("title") if isinstance(data, dict) else None
    track_name = title if isinstance(title, str) and title.strip() else name
    return Track(kind=TrackKind.CHAPTERS, name=track_name, items=sort_items(items)), problems


def load_json(text: str, file: str) -> Any:
    """``json.loads`` with its error turned into ``FILE:LINE: message``."""
    try:
        return json.loads(text)  # NaN/Infinity load, and fail as times
    except json.JSONDecodeError as exc:
        raise FormatError(f"{file}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"{file}: not valid JSON: {exc}") from None


def item_span(
    raw: dict[str, Any], report: Callable[[str, str], None], noun: str
) -> tuple[float, float | None] | None:
    """``startTime`` and optional ``endTime`` of a chapter or transcript segment.

    No usable start skips the item; a bad or backwards end is only dropped, since the next
    item's start ends it as well.
    """
    if "startTime" not in raw:
        report("", f"{noun} has no startTime; skipped")
        return None
    try:
        start = seconds(raw["startTime"])
    except ValueError as exc:
        report(".startTime", f"{exc}; {noun} skipped")
        return None
    end: float | None = None
    if raw.get("endTime") is not None:
        try:
            end = seconds(raw["endTime"])
        except ValueError as exc:
            report(".endTime", f"{exc}; ignored")
        else:
            if end <= start:
                report(".endTime", "ends before it starts; ignored")
                end = None
    return start, end


def _chapter(raw: Any, file: str, where: str, problems: list[FormatProblem]) -> TrackItem | None:
    def report(field: str, message: str) -> None:
        problems.append(FormatProblem(file=file, where=f"{where}{field}", message=message))

    if not isinstance(raw, dict):
        report("", f"a chapter must be an object, not {type(raw).__name__}; skipped")
        return None
    span = item_span(raw, report, "chapter")
    if span is None:
        return None
    start, end = span
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "img"):
        value = raw.get(key)
        if value is None or isinstance(value, str):
            fields[key] = value
        else:
            report(f".{key}", f"must be text, not {type(value).__name__}; ignored")
            fields[key] = None
    toc = raw.get("toc", True)
    if not isinstance(toc, bool):
        report(".toc", "must be true or false; read as true")
        toc = True
    return TrackItem(
        start_s=start,
        end_s=end,
        text=(fields["title"] or "").strip(),
        url=fields["url"],
        img=fields["img"],
        hidden=not toc,
    )


# -- export ---------------------------------------------------------------------------------


def brief_to_chapters(brief: Brief, notes: Iterable[Note] = ()) -> dict[str, Any]:
    """The brief's quotes and concepts, and the listener's notes, as a chapters document.

    Quotes are the table of contents; a concept appears where it is first spoken of, and notes
    where the listener left them. Concepts and notes are ``toc: false``: apps show them while
    playing but keep the chapter list to the quotes, which is what a listener skims.
    """
    rows: list[tuple[float, int, dict[str, Any]]] = []
    for quote in brief.quotes:
        title = shorten(quote.text)
        if quote.note:
            title = f"{quote.note}: {title}"
        rows.append((quote.at, 0, {"startTime": _num(quote.at), "title": title}))
    for concept in brief.concepts:
        if concept.at:
            at = min(concept.at)
            rows.append(
                (at, 1, {"startTime": _num(at), "title": concept.name, "toc": False}),
            )
    for start, end, text in notes:
        chapter: dict[str, Any] = {"startTime": _num(start), "title": shorten(text), "toc": False}
        if end is not None and end > start:
            chapter["endTime"] = _num(end)
        rows.append((start, 2, chapter))
    rows.sort(key=lambda row: (row[0], row[1]))
    doc: dict[str, Any] = {"version": SPEC_VERSION}
    if brief.title:
        doc["title"] = split_guest_title(brief.title)[1]
    doc["chapters"] = [chapter for _, _, chapter in rows]
    return doc


def dump_chapters(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def shorten(text: str, limit: int = 100) -> str:
    """One line of at most ``limit`` characters, cut at a word, so chapter lists stay legible."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]  # no space in it: the whole of it
    return cut.rstrip(",;: ") + "…"


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


__all__: Sequence[str] = (
    "brief_to_chapters",
    "dump_chapters",
    "load_chapters_json",
    "parse_chapters_json",
)
