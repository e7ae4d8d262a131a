"""SRT transcripts, through the ``srt`` library.

``srt.parse`` is strict: one malformed block stops the whole file. A clean file (the usual case)
goes through it in one call; when it stops, the file is read again block by block so the good
cues are kept and each bad block becomes a ``FILE:LINE:`` problem.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import srt

from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import read_text, split_blocks
from player.core.formats.track import Track, TrackKind, build_track

_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # <i>, <font ...>, and {\an8} position codes


def load_srt(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    p = Path(path)
    try:
        text = read_text(p)
    except FormatError as exc:
        raise FormatError(f"{p}: {exc}") from None
    return parse_srt(text, str(p), name=p.stem)


def parse_srt(
    text: str, file: str = "<srt>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    problems: list[FormatProblem] = []
    try:
        subs = list(srt.parse(text))
    except (srt.SRTParseError, ValueError, OverflowError):
        subs = None
    if subs is not None and all(timedelta(0) <= sub.start < sub.end for sub in subs):
        items = [_item(sub, file, 0, problems) for sub in subs]
    else:
        items = []
        for block in split_blocks(text):
            chunk = "\n".join(block.lines) + "\n"
            try:
                parsed = list(srt.parse(chunk))
            except (srt.SRTParseError, ValueError, OverflowError):
                problems.append(_explain(file, block.line, block.lines))
                continue
            items.extend(_item(sub, file, block.line, problems) for sub in parsed)
    if not items and "-->" not in text and text.strip():
        raise FormatError(f"{file}:1: no SRT cues found (no 'start --> end' timing anywhere)")
    kept = [item for item in items if item is not None]
    return build_track(TrackKind.TRANSCRIPT, name, kept), problems


def _item(
    sub: srt.Subtitle, file: str, line: int, problems: list[FormatProblem]
) -> dict[str, Any] | None:
    """The cue as an item; ``line`` is only used for problems, which a clean file has none of."""
    start = sub.start.total_seconds()
    end: float | None = sub.end.total_seconds()
    if start < 0:
        problems.append(FormatProblem.at_line(file, line, "cue starts before 0; skipped"))
        return None
    if end is not None and end <= start:
        problems.append(FormatProblem.at_line(file, line, "cue ends before it starts; end ignored"))
        end = None
    text = html.unescape(" ".join(_TAG.sub("", sub.content).split()))
    return dict(start_s=start, end_s=end, text=text, speaker=None)


def _explain(file: str, line: int, lines: list[str]) -> FormatProblem:
    """Point at the timing line when the block has one where SRT puts it (after the number)."""
    if len(lines) >= 2 and lines[0].strip().isdigit():
        return FormatProblem.at_line(
            file,
            line + 1,
            f"expected a timing like '00:01:02,500 --> 00:01:04,000', found "
            f"{lines[1].strip()!r}; cue skipped",
        )
    return FormatProblem.at_line(file, line, "not an SRT cue (number, timing, text); skipped")
