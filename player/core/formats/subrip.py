"""SRT transcripts.

SRT has no specification; what players accept is: blocks separated by blank lines, each an
optional number, a ``HH:MM:SS,mmm --> HH:MM:SS,mmm`` line and text. This reader accepts what
the ``srt`` library accepts on real files (``tests/core/formats/test_wild_files.py`` checks the
same cue count on every sample), but reads one line at a time with patterns anchored at the
line's start, so its work grows linearly with the file: the library's timestamp pattern
backtracks cubically on long runs of digits and its block search quadratically on blank lines,
which let one hostile sidecar freeze the window's start for minutes.

A bad block becomes a ``FILE:LINE:`` problem and every other cue is kept.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import Block, load_text_track, split_blocks
from player.core.formats.track import Track, TrackKind, build_track
from player.core.timefmt import MAX_SECONDS, OUT_OF_RANGE

# <i>, <font ...>, and {\an8} position codes; a '<' with no '>' stops at the next '<' (linear)
_TAG = re.compile(r"<[^<>]*>|\{\\[^{}]*\}")
_STAMP = r"(-?\d+):(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?"
_TIMING = re.compile(rf"[ \t]*{_STAMP}[ \t]*-->[ \t]*{_STAMP}(?:[ \t].*)?")
_INDEX = re.compile(r"[ \t]*\d{1,12}[ \t]*")


def load_srt(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    return load_text_track(path, parse_srt)


def parse_srt(
    text: str, file: str = "<srt>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    text = text.removeprefix("\ufeff")
    problems: list[FormatProblem] = []
    rows: list[dict[str, Any]] = []
    blocks = split_blocks(text)
    for block in blocks:
        row = _cue(block, file, problems)
        if row is not None:
            rows.append(row)
    if not rows:
        if "-->" not in text:
            reason = "no 'start --> end' timing anywhere" if text.strip() else "it is blank"
            raise FormatError(f"{file}:1: no SRT cues found ({reason})")
        problems.append(FormatProblem.at_line(file, 1, "no cues could be read (see above)"))
    return build_track(TrackKind.TRANSCRIPT, name, rows), problems


def _cue(block: Block, file: str, problems: list[FormatProblem]) -> dict[str, Any] | None:
    lines = block.lines
    timing_at = 0
    if _INDEX.fullmatch(lines[0]) and len(lines) > 1:
        timing_at = 1
    m = _TIMING.fullmatch(lines[timing_at]) if len(lines[timing_at]) < 400 else None
    line = block.line + timing_at
    if m is None:
        problems.append(_explain(file, block.line, lines))
        return None
    try:
        start, end = _seconds(m.groups()[:4]), _seconds(m.groups()[4:])
    except ValueError as exc:
        problems.append(FormatProblem.at_line(file, line, f"{exc}; cue skipped"))
        return None
    end_s: float | None = end
    if end <= start:
        problems.append(FormatProblem.at_line(file, line, "cue ends before it starts; end ignored"))
        end_s = None
    text = html.unescape(" ".join(_TAG.sub("", "\n".join(lines[timing_at + 1 :])).split()))
    return {"start_s": start, "end_s": end_s, "text": text, "speaker": None}


def _seconds(parts: tuple[str, ...]) -> float:
    hours, minutes, seconds, frac = parts
    if hours.startswith("-"):
        raise ValueError("cue starts before 0")
    if len(hours.lstrip("0")) > 6:
        raise ValueError(OUT_OF_RANGE)
    total = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
    total += int(frac.ljust(3, "0")) / 1000 if frac else 0
    if total > MAX_SECONDS:
        raise ValueError(OUT_OF_RANGE)
    return total


def _explain(file: str, line: int, lines: list[str]) -> FormatProblem:
    """Point at the timing line when the block has one where SRT puts it (after the number)."""
    if len(lines) >= 2 and lines[0].strip().isdigit():
        return FormatProblem.at_line(
            file,
            line + 1,
            f"expected a timing like '00:01:02,500 --> 00:01:04,000', found "
            f"{lines[1].strip()[:60]!r}; cue skipped",
        )
    return FormatProblem.at_line(file, line, "not an SRT cue (number, timing, text); skipped")
