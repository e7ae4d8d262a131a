"""Open any chapters or transcript file without the caller knowing its format.

The extension decides first; files with a misleading or missing extension (``transcript.txt``,
``chapters`` saved from a browser) are recognised by their first bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from player.core.formats.chapters_json import load_chapters_json, load_json
from player.core.formats.problems import FormatError, FormatProblem
from player.core.formats.subrip import load_srt
from player.core.formats.textfile import decode, read_text
from player.core.formats.track import Track
from player.core.formats.transcript_json import load_transcript_json
from player.core.formats.vtt import load_vtt

Loader = Callable[[Path], tuple[Track, list[FormatProblem]]]

# Spaces and tabs only between the parts: ``\s*`` on both sides of a line break backtracks
# quadratically over a run of blank lines, and the head read here is 64 kB.
_SRT_START = re.compile(r"\s*\d+[ \t]*\r?\n[ \t]*\d+:\d+:\d+[,.]\d+[ \t]*-->")


def load_track(path: str | Path) -> tuple[Track, list[FormatProblem]]:
    """The track and what could not be read of it; ``FormatError`` when it is no known format."""
    p = Path(path)
    return _pick(p)(p)


def _pick(p: Path) -> Loader:
    ext = p.suffix.lower()
    if ext == ".vtt":
        return load_vtt
    if ext == ".srt":
        return load_srt
    try:
        with p.open("rb") as f:
            head = f.read(64 * 1024)
    except OSError as exc:
        raise FormatError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    if not head:
        raise FormatError(f"{p}: the file is empty")
    try:
        text = decode(head).text.removeprefix("\ufeff")
    except FormatError as exc:
        raise FormatError(f"{p}: {exc}") from None
    if text.startswith("WEBVTT"):
        return load_vtt
    if _SRT_START.match(text):
        return load_srt
    if text.lstrip().startswith(("{", "[")):
        return _json_loader(p, text)
    raise FormatError(
        f"{p}: not a chapters or transcript file (expected WebVTT, SRT, chapters JSON "
        "or transcript JSON)"
    )


def _json_loader(p: Path, head: str) -> Loader:
    """Chapters or transcript: the key that comes first in the head usually says which; only
    when neither shows there is the whole file parsed to look at its top level."""
    seg, chap = head.find('"segments"'), head.find('"chapters"')
    if seg >= 0 and (chap < 0 or seg < chap):
        return load_transcript_json
    if chap >= 0:
        return load_chapters_json
    data = load_json(read_text(p).text, str(p))
    if isinstance(data, dict) and "segments" in data:
        return load_transcript_json
    if (isinstance(data, dict) and "chapters" in data) or isinstance(data, list):
        return load_chapters_json
    raise FormatError(f"{p}: JSON, but neither 'chapters' nor 'segments' is at its top level")
