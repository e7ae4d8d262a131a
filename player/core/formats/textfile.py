"""Reading subtitle-like text files: decoding, and splitting into blocks that know their line.

Every text importer needs the same two things before the format-specific part: the file as text
(with a clear sentence when it is not text), and its blank-line-separated blocks with the line
number each starts on, so a bad cue is reported where an editor can find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from player.core.formats.problems import FormatError


@dataclass(frozen=True, slots=True)
class Block:
    line: int  # 1-based line of the block's first line
    lines: list[str]


def read_text(path: str | Path) -> str:
    """The file as text; UTF-8 (with or without BOM), falling back to Latin-1 for old SRTs."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise FormatError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    return decode(raw)


def decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise FormatError("binary data, not a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def split_blocks(text: str, *, arrow_splits: bool = False) -> list[Block]:
    """Blocks separated by blank lines.

    With ``arrow_splits`` a ``-->`` line that cannot belong to the block being read starts a new
    one, as WebVTT's parsing rules say, so a missing blank line costs one cue, not two.
    """
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                blocks.append(Block(start, current))
                current = []
            continue
        if arrow_splits and current and "-->" in line and (len(current) > 1 or "-->" in current[0]):
            blocks.append(Block(start, current))
            current = []
        if not current:
            start = n
        current.append(line)
    if current:
        blocks.append(Block(start, current))
    return blocks
