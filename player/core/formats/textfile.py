"""Reading subtitle-like text files: decoding, and splitting into blocks that know their line.

Every text importer needs the same things before the format-specific part: the file as text
(with a clear sentence when it is not text, and the encoding that was assumed), and its
blank-line-separated blocks with the line number each starts on, so a bad cue is reported where
an editor can find it.

Files come from Windows tools as often as from anywhere: UTF-16 and UTF-32 with a byte-order
mark, and Windows-1252 without one (curly quotes and dashes in bytes 0x80-0x9F, which Latin-1
would turn into invisible control characters). UTF-8 is tried first; a file that is mostly
UTF-8 with a few broken bytes stays UTF-8 (the broken bytes are replaced and reported), and one
with no valid multi-byte sequence at all is read as Windows-1252.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from player.core.formats.problems import FormatError, FormatProblem

if TYPE_CHECKING:
    from player.core.formats.track import Track

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines(): form feed stays inside a line


def _cp1252_undefined(exc: UnicodeError) -> tuple[str, int]:
    """The five bytes Windows-1252 leaves undefined keep their Latin-1 meaning."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("brief-player-cp1252", _cp1252_undefined)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # as a person names it: "UTF-8", "UTF-16", "Windows-1252"
    replaced_lines: tuple[int, ...] = ()  # 1-based lines where broken UTF-8 bytes were replaced


@dataclass(frozen=True, slots=True)
class Block:
    line: int  # 1-based line of the block's first line
    lines: list[str]


def encoding_note(name: str, encoding: str) -> str:
    """A sentence for the status line when a file was not plain UTF-8 ("" when it was).

    A guessed Windows-1252 can be wrong (a Latin-1 or Mac file reads almost alike), so the
    listener is told which reading was chosen, to know where odd characters come from.
    """
    if not encoding or encoding == "UTF-8":
        return ""
    return f"{name} was read as {encoding}, not plain UTF-8."


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise FormatError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    if not raw:
        raise FormatError(f"{p}: the file is empty")
    return raw


def read_text(path: str | Path) -> Decoded:
    """The file as text, and which encoding was assumed; ``FormatError`` when it is not text."""
    p = Path(path)
    try:
        return decode(read_bytes(p))
    except FormatError as exc:
        message = str(exc)
        raise FormatError(message if message.startswith(str(p)) else f"{p}: {message}") from None


def decode(raw: bytes, *, max_replaced_share: float = 0.1) -> Decoded:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), name)
            except UnicodeDecodeError as exc:
                raise FormatError(
                    f"starts as {name} but is not ({exc.reason} at byte {exc.start + len(bom)})"
                ) from None
    if b"\x00" in raw[:4096]:
        raise FormatError("binary data, not a text file")
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if c > "\x7f") - replaced
    if multibyte > replaced and replaced <= max_replaced_share * len(text):
        return Decoded(text, "UTF-8", _replaced_lines(raw))
    return Decoded(raw.decode("cp1252", errors="brief-player-cp1252"), "Windows-1252")


def _replaced_lines(raw: bytes) -> tuple[int, ...]:
    out: list[int] = []
    for number, line in enumerate(LINE_BREAK.split(raw.decode("latin-1")), start=1):
        try:
            line.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            out.append(number)
    return tuple(out)


def lines_of(text: str) -> list[str]:
    return LINE_BREAK.split(text)


def split_blocks(text: str) -> list[Block]:
    """Blocks separated by blank lines; lines end only at CR, LF or CRLF."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for n, line in enumerate(lines_of(text), start=1):
        if not line.strip(" \t"):
            if current:
                blocks.append(Block(start, current))
                current = []
            continue
        if not current:
            start = n
        current.append(line)
    if current:
        blocks.append(Block(start, current))
    return blocks


Parse = Callable[..., "tuple[Track, list[FormatProblem]]"]


def load_text_track(path: str | Path, parse: Parse) -> tuple[Track, list[FormatProblem]]:
    """Read, decode and parse one text track file, keeping the encoding for the status line."""
    p = Path(path)
    decoded = read_text(p)
    track, problems = parse(decoded.text, str(p), name=p.stem)
    problems = [
        FormatProblem.at_line(str(p), n, "bytes that are not UTF-8 were replaced")
        for n in decoded.replaced_lines
    ] + problems
    return track.model_copy(update={"encoding": decoded.encoding}), problems
