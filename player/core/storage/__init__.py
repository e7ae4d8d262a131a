"""The listener's own data (notes, stars, resume state, library, sync points) in SQLite."""

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
