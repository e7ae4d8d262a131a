"""The listener's own data (notes, stars, resume state, library, sync points) in SQLite.

Names are loaded from their modules on first use: the window reads its resume position and
library before its first frame, and notes (pydantic models) only after it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_WHERE = {
    "CorruptDatabase": "database",
    "Database": "database",
    "DatabaseBusy": "database",
    "DatabaseFromNewerVersion": "database",
    "DatabaseReadOnly": "database",
    "NotAFile": "database",
    "NotFound": "database",
    "StorageError": "database",
    "open_database": "database",
    "open_memory": "database",
    "open_or_fallback": "database",
    "LibraryEntry": "library",
    "LibraryStore": "library",
    "Attachment": "notes",
    "Note": "notes",
    "NoteStore": "notes",
    "SearchHit": "notes",
    "PlayState": "playstate",
    "PlayStateStore": "playstate",
    "SyncPoint": "syncpoints",
    "SyncPointStore": "syncpoints",
    "audio_key_for": "syncpoints",
}

if TYPE_CHECKING:
    from player.core.storage.database import (
        CorruptDatabase,
        Database,
        DatabaseBusy,
        DatabaseFromNewerVersion,
        DatabaseReadOnly,
        NotAFile,
        NotFound,
        StorageError,
        open_database,
        open_memory,
        open_or_fallback,
    )
    from player.core.storage.library import LibraryEntry, LibraryStore
    from player.core.storage.notes import Attachment, Note, NoteStore, SearchHit
    from player.core.storage.playstate import PlayState, PlayStateStore
    from player.core.storage.syncpoints import SyncPoint, SyncPointStore, audio_key_for


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "Attachment",
    "CorruptDatabase",
    "Database",
    "DatabaseBusy",
    "DatabaseFromNewerVersion",
    "DatabaseReadOnly",
    "LibraryEntry",
    "LibraryStore",
    "NotAFile",
    "NotFound",
    "Note",
    "NoteStore",
    "PlayState",
    "PlayStateStore",
    "SearchHit",
    "StorageError",
    "SyncPoint",
    "SyncPointStore",
    "audio_key_for",
    "open_database",
    "open_memory",
    "open_or_fallback",
]
