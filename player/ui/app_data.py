"""The listener's database and its stores, opened once per process and handed to the features."""

from __future__ import annotations

from pathlib import Path

from player.appdirs import data_dir
from player.core.storage.database import open_memory, open_or_fallback
from player.core.storage.library import LibraryStore
from player.core.storage.notes import NoteStore
from player.core.storage.playstate import PlayStateStore
from player.core.storage.syncpoints import SyncPointStore


class AppData:
    """When the database cannot be opened the app runs on an in-memory one and ``message`` says
    why; the file on disk is left exactly as it was.
    """

    def __init__(self, path: Path | None = None, *, memory: bool = False) -> None:
        self.path = None if memory else path or data_dir() / "notes.db"
        if self.path is None:
            self.db, self.message = open_memory(), None
        else:
            self.db, self.message = open_or_fallback(self.path)
        self.notes = NoteStore(self.db)
        self.playstate = PlayStateStore(self.db)
        self.library = LibraryStore(self.db)
        self.syncpoints = SyncPointStore(self.db)
