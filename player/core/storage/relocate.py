"""Moving the notes database to a new folder without ever leaving its WAL behind.

Committed notes may live only in ``notes.db-wal`` until a checkpoint, so the WAL is moved before
the database, and the database last of all: until it moves, the old folder is where the notes
are, and a move cut short by a crash is finished on the next start. A move that fails half-way
is undone, so the notes are always whole in exactly one folder.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")


def move_database(old: Path, new: Path) -> tuple[Path, str | None]:
    """Move ``old`` (and its -wal and -shm) to ``new``; the path to use and, when the move could
    not be made, a sentence saying why (the notes are then used where they are)."""
    if new.exists() or not old.is_file():
        return new, None  # nothing of the listener's to move: notes live in the new folder
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return old, f"Your notes stay in {old.parent}: cannot create {new.parent} ({e.strerror})."
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in (*SIDE_FILES, ""):
            src = old.with_name(old.name + suffix)
            dst = new.with_name(new.name + suffix)
            if src.exists():
                os.replace(src, dst)
                moved.append((src, dst))
    except OSError as e:
        for src, dst in reversed(moved):
            with suppress(OSError):  # pragma: no mutate (an undo failing too cannot be staged)
                os.replace(dst, src)
        return old, f"Your notes stay in {old.parent}: cannot move them to {new.parent} ({e})."
    with suppress(OSError):
        old.parent.rmdir()  # only when nothing else is left there
    return new, None
