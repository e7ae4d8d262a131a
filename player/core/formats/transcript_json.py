"""Podcasting 2.0 transcript JSON (``segments[]`` with ``speaker``, ``startTime``, ``endTime``,
``body``).

Read with the same leniency as chapters JSON: times may be strings, segments out of order, and a
bad segment is reported by its JSON path and skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from player.core.formats.chapters_json import item_span, load_json
from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import load_text_track
from player.core.formats.track import Track, TrackKind, build_track


def load_transcript_json(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    return load_text_track(path, parse_transcript_json)


def parse_transcript_json(
    text: str, file: str = "<transcript>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    data = load_json(text, file)
    if not isinstance(data, dict) or "segments" not in data:
        raise FormatError(f"{file}: not a transcript: no 'segments' list at the top level")
    segments = data["segments"]
    if not isinstance(segments, list):
        raise FormatError(f"{file}:$.segments: 'segments' must be a list")
    problems: list[FormatProblem] = []
    items: list[dict[str, Any]] = []
    for i, raw in enumerate(segments):
        item = _segment(raw, file, f"$.segments[{i}]", problems)
        if item is not None:
            items.append(item)
    if not items:
        why = "no segment could be read (see above)" if segments else "the list is empty"
        problems.append(FormatProblem(file=file, where="$.segments", message=f"no cues: {why}"))
    return build_track(TrackKind.TRANSCRIPT, name, items), problems


def _segment(
    raw: Any, file: str, where: str, problems: list[FormatProblem]
) -> dict[str, Any] | None:
    def report(field: str, message: str) -> None:
        problems.append(FormatProblem(file=file, where=f"{where}{field}", message=message))

    if not isinstance(raw, dict):
        report("", f"a segment must be an object, not {type(raw).__name__}; skipped")
        return None
    body = raw.get("body")
    if not isinstance(body, str):
        report(".body", "segment has no text body; skipped")
        return None
    span = item_span(raw, report, "segment")
    if span is None:
        return None
    start, end = span
    speaker = raw.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        report(".speaker", f"must be text, not {type(speaker).__name__}; ignored")
        speaker = None
    return dict(
        start_s=start,
        end_s=end,
        text=" ".join(body.split()),
        speaker=(speaker or "").strip() or None,
    )
