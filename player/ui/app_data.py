"""The listener's database and its stores, opened once per process and handed to the features."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from player.appdirs import notes_path
from player.core.storage.database import open_memory, open_or_fallback
from player.core.storage.library import LibraryStore
from player.core.storage.pending import QueuedPlayState
from player.core.storage.playstate import PlayStateStore
from player.core.storage.queue import RESCUE_GLOB, WriteQueue
from player.core.storage.syncpoints import SyncPointStore

if TYPE_CHECKING:
    from player.core.storage.notes import NoteStore

# Reads on the window's own connection; a write that slips past the queue fails fast instead of
# freezing the window while another program holds the lock.
WINDOW_BUSY_TIMEOUT_MS = 50


class AppData:
    """When the database cannot be opened the app runs on an in-memory one and ``message`` says
    why; the file on disk is left exactly as it was.

    The window never waits for the database: it reads on its own connection (a reader never
    waits in WAL mode) with a short busy timeout, and its notes, stars, resume positions and
    library are written by ``WriteQueue`` on another thread.

    The notes' store is made on first use (``notes``): the window needs its resume position and
    library before its first frame, its notes only after it.
    """

    def __init__(self, path: Path | None = None, *, memory: bool = False) -> None:
        moved = None
        if not memory and path is None:
            path, moved = notes_path()
        self.path = None if memory else path
        self.queue: WriteQueue | None = None
        self._notes: NoteStore | None = None
        if self.path is None:
            self.db, self.message = open_memory(), None
        else:
            self.db, self.message = open_or_fallback(
                self.path, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS, check_index=False
            )
        if moved:
            self.message = f"{moved} {self.message or ''}".strip()
        self.saving = self.path is not None and not self.db.in_memory
        if self.saving:
            assert self.path is not None
            self.queue = WriteQueue(self.path)
            self.queue.submit(lambda db: None)  # opens it and checks the search index now
            self.db.before_read = self.queue.settle
            self.playstate: PlayStateStore = QueuedPlayState(self.db, self.queue)
            if any(self.path.parent.glob(RESCUE_GLOB)):
                from player.core.storage.pending_notes import merge_rescued

                recovered = merge_rescued(self.notes, self.path.parent)
                if recovered:
                    self.message = f"{recovered} {self.message or ''}".strip()
        else:
            self.playstate = PlayStateStore(self.db)
        self.library = LibraryStore(self.db)
        self.syncpoints = SyncPointStore(self.db)

    @property
    def notes(self) -> NoteStore:
        if self._notes is None:
            from player.core.storage.notes import NoteStore
            from player.core.storage.pending_notes import QueuedNoteStore

            self._notes = (
                NoteStore(self.db) if self.queue is None else QueuedNoteStore(self.db, self.queue)
            )
        return self._notes

    def close(self, timeout: float = 2.0) -> str | None:
        """Save what is waiting (for at most ``timeout`` seconds); what could not be saved in
        time goes to a rescue file merged back at the next start. A sentence when it did."""
        said = None
        if self.queue is not None:
            left = self.queue.close(timeout)
            notes = self._notes  # with a queue, a QueuedNoteStore once made
            if left and self.path is not None:
                rescued = notes.rescue(self.path.parent) if notes is not None else None  # type: ignore[attr-defined]
                said = (
                    f"Notes were busy; what was not saved is kept in {rescued}."
                    if rescued
                    else "Notes were busy and could not be kept."
                )
        self.db.close()
        return said
