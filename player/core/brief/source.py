"""A brief file's bytes as text, with the encoding that was assumed.

Briefs are read like subtitles (``formats.textfile``): a byte-order mark decides, else UTF-8,
else Windows-1252. Only the error type differs, since callers of the brief readers expect
``BriefError``.
"""

from __future__ import annotations

from pathlib import Path

from player.core.brief.models import BriefError, ParseResult, Problem
from player.core.formats.problems import FormatError
from player.core.formats.textfile import Decoded, decode, read_bytes


def read_brief(path: Path) -> Decoded:
    try:
        raw = read_bytes(path)
    except FormatError as e:
        raise BriefError(f"{e}.") from None
    try:
        return decode(raw)
    except FormatError as e:
        raise BriefError(f"{path}: is not a text file ({e}).") from None


def with_encoding(result: ParseResult, decoded: Decoded, file: str) -> ParseResult:
    """The result, knowing its encoding, with a problem on each line whose bytes were replaced."""
    extra = [
        Problem(file=file, line=n, message="bytes that are not UTF-8 were replaced")
        for n in decoded.replaced_lines
    ]
    problems = sorted((*result.problems, *extra), key=lambda p: p.line)
    return result.model_copy(update={"problems": tuple(problems), "encoding": decoded.encoding})
