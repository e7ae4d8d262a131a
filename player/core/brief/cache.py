"""A brief read, linked and kept: the second open of the same file skips parsing and linking.

Reading a brief and scoring its links (numpy) is most of what the window does before its first
frame, and for a brief of 50,000 quotes it takes a second or more. The result depends only on
the brief's bytes, its ``links.json``, where it is (problems name the file) and the code that
reads it, so it is kept in the user's cache folder under a key made of exactly those: the two
files' contents (hashed: a file edited twice within the file system's clock tick still gets a
new key), the path, and the size and time of every module that reads or links a brief or makes
its records.

The cache is only ever a shortcut. A missing, stale, unreadable or damaged entry is rebuilt
silently, and a cache folder that cannot be written just means the next open reads again.
"""

from __future__ import annotations

import os
import pickle
import sys
from contextlib import suppress
from pathlib import Path

from player.core.brief.models import Brief, ParseResult, Problem
from player.core.digest import sha1
from player.core.record import Record, init

# Raise when what is stored changes shape: 2 since the records are ``Record``s, no longer
# dataclasses, and pickle as such.
FORMAT = 2
# Every module whose change can change what a brief reads as, from ``player/core``: the
# brief's readers and linkers, and the records they are made of (how they pickle).
_READERS = (
    "brief/cache",
    "brief/json_brief",
    "brief/links",
    "brief/models",
    "brief/parser",
    "brief/schema",
    "brief/scoring",
    "brief/source",
    "brief/term_matrix",
    "record",
)


class LinkedBrief(Record):
    """A brief as the window shows it: read, with its links, and everything worth saying."""

    __slots__ = ("brief", "result", "problems")
    brief: Brief
    result: ParseResult  # as read, before links
    problems: tuple[Problem, ...]  # the brief's, then links.json's, then the links'

    def __init__(self, brief: Brief, result: ParseResult, problems: tuple[Problem, ...]) -> None:
        init(self, "brief", brief)
        init(self, "result", result)
        init(self, "problems", problems)


def cache_dir() -> Path:
    """``BRIEF_PLAYER_CACHE``, else ``brief-player`` in the desktop's cache folder."""
    override = os.environ.get("BRIEF_PLAYER_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brief-player"


# Entries read but not yet written: the window writes them after its first frame.
_unwritten: list[tuple[Path, bytes, LinkedBrief]] = []


def read_linked(
    path: Path, links: Path, *, cache: Path | None = None, write_later: bool = False
) -> LinkedBrief:
    """The brief at ``path`` with the pins of ``links`` applied, from the cache when it has it.

    ``cache`` is the folder (``cache_dir()`` when None). Raises ``BriefError`` as ``load_any``
    does; a brief that cannot be read is never cached. ``write_later`` keeps a new entry for
    ``write_pending``: writing 50,000 quotes takes a tenth of a second the window need not wait.
    """
    folder = cache_dir() if cache is None else cache
    key = _key(path, links)
    entry = folder / "briefs" / f"{sha1(str(path.absolute()).encode()).hexdigest()}.pickle"
    if key is not None:
        found = _read(entry, key)
        if found is not None:
            return found
    linked = _build(path, links)
    if key is not None:
        if write_later:
            _unwritten.append((entry, key, linked))
        else:
            _write(entry, key, linked)
    return linked


def write_pending() -> None:
    """Write the entries ``read_linked(..., write_later=True)`` kept."""
    while _unwritten:
        _write(*_unwritten.pop(0))


def _build(path: Path, links: Path) -> LinkedBrief:
    # Only on a miss: a hit needs neither the reader nor the linker (nor the JSON and word
    # rules they bring).
    from player.core.brief.links import link_brief, load_pins
    from player.core.brief.parser import load_any

    result = load_any(path)
    pins, pin_problems = load_pins(links)
    brief, link_problems = link_brief(result.brief, pins)
    return LinkedBrief(brief, result, (*result.problems, *pin_problems, *link_problems))


def _key(path: Path, links: Path) -> bytes | None:
    """What the result depends on, hashed; None when the brief cannot be read (no caching)."""
    digest = sha1(f"{FORMAT}\0{sys.version_info[:2]}\0{path.absolute()}".encode())
    try:
        digest.update(path.read_bytes())
    except OSError:
        return None
    try:
        digest.update(b"\0links\0" + links.read_bytes())
    except OSError as e:
        digest.update(f"\0no links: {type(e).__name__}".encode())
    core = Path(__file__).parent.parent
    for name in _READERS:
        try:
            st = (core / f"{name}.py").stat()
        except OSError:
            return None
        digest.update(f"\0{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.digest()


def _read(entry: Path, key: bytes) -> LinkedBrief | None:
    try:
        stored_key, linked = pickle.loads(entry.read_bytes())
    except Exception:
        return None
    if stored_key != key or not isinstance(linked, LinkedBrief):
        return None
    return linked


def _write(entry: Path, key: bytes, linked: LinkedBrief) -> None:
    """Write beside, then rename: a reader never sees half an entry."""
    temp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(pickle.dumps((key, linked), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, entry)
    except (OSError, pickle.PicklingError, RecursionError):
        with suppress(OSError):
            temp.unlink(missing_ok=True)


__all__ = ["FORMAT", "LinkedBrief", "cache_dir", "read_linked", "write_pending"]
