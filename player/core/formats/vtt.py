"""WebVTT transcripts, through ``webvtt-py``.

The library parses a cue well (timestamps in every allowed form, settings, voice spans) but, when
not strict, drops a malformed cue without saying where, and when strict gives up on the whole
file. So the file is split into blocks here and a block the library rejects becomes a
``FILE:LINE:`` problem while every other cue is kept. A timing line in the canonical
``HH:MM:SS.mmm --> HH:MM:SS.mmm`` form is read with one compiled pattern instead: building the
library's caption objects for every word of a three-hour transcript costs about a second.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from webvtt import Caption
from webvtt.errors import MalformedCaptionError
from webvtt.vtt import parse_item

from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import read_text, split_blocks
from player.core.formats.track import Track, TrackKind, build_track


def load_vtt(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    p = Path(path)
    try:
        text = read_text(p)
    except FormatError as exc:
        raise FormatError(f"{p}: {exc}") from None
    return parse_vtt(text, str(p), name=p.stem)


def parse_vtt(
    text: str, file: str = "<webvtt>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\r\n"):
        raise FormatError(f"{file}:1: not a WebVTT file: it must start with 'WEBVTT'")
    problems: list[FormatProblem] = []
    rows: list[dict[str, Any]] = []
    for block in split_blocks(text, arrow_splits=True)[1:]:  # the first block is the header
        lines = block.lines
        first = lines[0]
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        timing_at = 0 if "-->" in first else 1
        if len(lines) <= timing_at or "-->" not in lines[timing_at]:
            problems.append(
                FormatProblem.at_line(file, block.line, "text outside any cue; ignored")
            )
            continue
        line_no = block.line + timing_at
        times = _canonical_times(lines[timing_at]) or _library_times(lines, file, line_no, problems)
        if times is None:
            continue
        start, end = times
        if end is not None and end <= start:
            problems.append(
                FormatProblem.at_line(file, line_no, "cue ends before it starts; end ignored")
            )
            end = None
        payload = lines[timing_at + 1 :]
        rows.append(
            {"start_s": start, "end_s": end, "text": _text(payload), "speaker": _speaker(payload)}
        )
    return build_track(TrackKind.TRANSCRIPT, name, rows), problems


# The timing line as nearly every generator writes it: ``HH:MM:SS.mmm --> HH:MM:SS.mmm``.
# Matching it with one compiled pattern keeps a 30,000-cue file fast; any other form (short
# fields, settings the pattern does not expect) goes to webvtt-py.
_CANONICAL = re.compile(
    r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})[ \t]+-->[ \t]+"
    r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})(?:[ \t].*)?"
)


def _canonical_times(line: str) -> tuple[float, float] | None:
    m = _CANONICAL.fullmatch(line)
    if m is None:
        return None
    h1, m1, s1, f1, h2, m2, s2, f2 = m.groups()
    start = int(h1 or 0) * 3600 + int(m1) * 60 + int(s1) + int(f1) / 1000
    end = int(h2 or 0) * 3600 + int(m2) * 60 + int(s2) + int(f2) / 1000
    return start, end


def _library_times(
    lines: list[str], file: str, line_no: int, problems: list[FormatProblem]
) -> tuple[float, float] | None:
    timing = next(line for line in lines if "-->" in line)
    try:
        caption = parse_item(lines, strict=False, seen_cue=True)
    except (MalformedCaptionError, ValueError) as exc:
        problems.append(FormatProblem.at_line(file, line_no, f"{exc}; cue skipped"))
        return None
    if not isinstance(caption, Caption):
        problems.append(
            FormatProblem.at_line(
                file, line_no, f"cue timing not understood: {timing!r}; cue skipped"
            )
        )
        return None
    return (
        caption.start_time.in_milliseconds() / 1000,
        caption.end_time.in_milliseconds() / 1000,
    )


_TAG = re.compile(r"<[^<>]*>")  # linear: a '<' with no '>' stops at the next '<'


def _text(payload: list[str]) -> str:
    """Cue text for reading and search: tags dropped, character references decoded."""
    flat = " ".join(_TAG.sub("", " ".join(payload)).split())
    return html.unescape(flat) if "&" in flat else flat


def _speaker(payload: list[str]) -> str | None:
    """The first voice span's name, ``<v Name>`` or ``<v.class Name>``."""
    if not payload or "<v" not in payload[0]:
        return None
    m = Caption.VOICE_SPAN_PATTERN.search(payload[0])
    if m is None:
        return None
    voice = m.group(1)
    return (html.unescape(voice) if "&" in voice else voice).strip() or None
