"""WebVTT transcripts, read by the WebVTT parsing rules.

Browsers follow one algorithm (https://w3c.github.io/webvtt/#file-parsing) and the W3C
web-platform-tests check it; a file a browser shows should show here with the same cues. So the
rules are followed rather than a library's reading: the header ends at a blank line *or* at the
first line holding ``-->``; a cue is an optional identifier line, a timing line and text up to
a blank line; a line with ``-->`` where no timing may stand ends the block; timestamps are
``[HH:]MM:SS.mmm`` with exactly two-digit minutes and seconds and three-digit fractions.

Where a browser silently drops something, this reader also says so (``FILE:LINE:``), and a file
that yields no cue at all says why, so a listener is never left with an empty pane and no word.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.textfile import load_text_track
from player.core.formats.track import Track, TrackKind, build_track
from player.core.timefmt import MAX_SECONDS, OUT_OF_RANGE

_SPACE = " \t\n\f\r"  # "WebVTT whitespace"; vertical tab is not one of them
_TIMESTAMP = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?\.(\d{3})")
_TAG = re.compile(r"<[^<>]*>")  # linear: a '<' with no '>' stops at the next '<'
_VOICE = re.compile(r"<v(?:\.[^\s.>]+)*\s+([^>\s][^>]*)>")


def load_vtt(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    return load_text_track(path, parse_vtt)


def parse_vtt(
    text: str, file: str = "<webvtt>", *, name: str = ""
) -> tuple[Track, list[FormatProblem]]:
    text = text.removeprefix("\ufeff").replace("\x00", "\ufffd")
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\r\n"):
        raise FormatError(f"{file}:1: not a WebVTT file: it must start with 'WEBVTT'")
    reader = _Reader(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), file)
    rows = reader.read()
    if not rows and not reader.problems:
        reader.problem(1, "no cues: the file has a header and nothing after it")
    elif not rows:
        reader.problem(1, "no cues could be read (see the lines above)")
    return build_track(TrackKind.TRANSCRIPT, name, rows), reader.problems


class _Reader:
    def __init__(self, lines: list[str], file: str) -> None:
        self.lines = lines
        self.file = file
        self.problems: list[FormatProblem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(FormatProblem.at_line(self.file, line, message))

    def read(self) -> list[dict[str, Any]]:
        lines, n = self.lines, len(self.lines)
        i = 1
        # The header: up to a blank line, or up to (not including) a line with an arrow.
        while i < n and lines[i] != "" and "-->" not in lines[i]:
            i += 1
        rows: list[dict[str, Any]] = []
        seen_cue = False
        while i < n:
            while i < n and lines[i] == "":
                i += 1
            if i >= n:
                break
            i, row, seen_cue = self._block(i, seen_cue)
            if row is not None:
                rows.append(row)
        return rows

    def _block(self, i: int, seen_cue: bool) -> tuple[int, dict[str, Any] | None, bool]:
        """One block from line ``i``: the line after it, the cue (if any), whether cues began."""
        lines, n, first = self.lines, len(self.lines), i
        timing_at: int | None = None
        while i < n and lines[i] != "":
            count = i - first + 1
            if "-->" in lines[i]:
                if count == 1 or (count == 2 and timing_at is None):
                    timing_at = i
                else:
                    break  # this line starts the next block
            i += 1
        if timing_at is None:
            head = lines[first]
            if head.startswith("NOTE") and (len(head) == 4 or head[4] in " \t"):
                return i, None, seen_cue
            if not seen_cue and head.startswith(("STYLE", "REGION")):
                return i, None, seen_cue
            if not any(line.strip() for line in lines[first:i]):
                return i, None, seen_cue  # spaces on otherwise blank lines: nothing was lost
            self.problem(first + 1, "text outside any cue; ignored")
            return i, None, seen_cue
        row = self._cue(timing_at, lines[timing_at + 1 : i])
        return i, row, True

    def _cue(self, at: int, payload: list[str]) -> dict[str, Any] | None:
        try:
            start, end = _timings(self.lines[at])
        except ValueError as exc:
            self.problem(at + 1, f"{exc}; cue skipped")
            return None
        if end <= start:
            self.problem(at + 1, "cue ends before it starts; end ignored")
            end_s: float | None = None
        else:
            end_s = end
        return {
            "start_s": start,
            "end_s": end_s,
            "text": _text(payload),
            "speaker": _speaker(payload),
        }


def _timings(line: str) -> tuple[float, float]:
    """Start and end of a timing line; ``ValueError`` with the reason when it is not one."""
    pos = _skip(line, 0)
    start, pos = _timestamp(line, pos)
    pos = _skip(line, pos)
    if not line.startswith("-->", pos):
        raise ValueError(f"expected '-->' after the start time in {line[:60]!r}")
    pos = _skip(line, pos + 3)
    end, pos = _timestamp(line, pos)
    if pos < len(line) and line[pos] not in _SPACE:
        raise ValueError(f"cue timing not understood: {line[:60]!r}")
    return start, end


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _SPACE:
        pos += 1
    return pos


def _timestamp(line: str, pos: int) -> tuple[float, int]:
    m = _TIMESTAMP.match(line, pos)
    if m is None:
        raise ValueError(f"cue timing not understood: {line[:60]!r}")
    first, second, third, frac = m.groups()
    if third is None:  # MM:SS.mmm: the first field is minutes and must be two digits
        if len(first) != 2:
            raise ValueError(f"cue timing not understood: {line[:60]!r}")
        hours, minutes, seconds = 0, int(first), int(second)
    else:
        if len(first.lstrip("0")) > 5:
            raise ValueError(OUT_OF_RANGE)
        hours, minutes, seconds = int(first), int(second), int(third)
    if minutes > 59 or seconds > 59:
        raise ValueError(f"minutes and seconds must be 00 to 59: {line[:60]!r}")
    total = hours * 3600 + minutes * 60 + seconds + int(frac) / 1000
    if total > MAX_SECONDS:
        raise ValueError(OUT_OF_RANGE)
    return total, m.end()


def _text(payload: list[str]) -> str:
    """Cue text for reading and search: tags dropped, character references decoded."""
    flat = " ".join(_TAG.sub("", " ".join(payload)).split())
    return html.unescape(flat) if "&" in flat else flat


def _speaker(payload: list[str]) -> str | None:
    """The first voice span's name, ``<v Name>`` or ``<v.class Name>``."""
    if not payload or "<v" not in payload[0]:
        return None
    m = _VOICE.search(payload[0][:1000])
    if m is None:
        return None
    voice = m.group(1)
    return (html.unescape(voice) if "&" in voice else voice).strip() or None
