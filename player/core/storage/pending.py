"""The window's stores: changes are queued (``WriteQueue``) and shown at once.

Each store keeps the changes still waiting for the queue and lays them over what it reads from
the database, so the listener sees a note the moment it is typed, whether the write lands in a
millisecond or after another program lets go of the lock. An entry is dropped once the queue
has saved its latest version.

The notes' store is in ``pending_notes``: notes are pydantic models, and the window opens (resume
position, library) before it needs them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from player.core.storage.database import Database
from player.core.storage.library import LibraryStore
from player.core.storage.playstate import PlayState, PlayStateStore, changed
from player.core.storage.queue import WriteQueue


@contextmanager
def unsettled(db: Database) -> Iterator[None]:
    """Read without waiting for the queue: what is waiting is laid over the result anyway."""
    hook, db.before_read = db.before_read, None
    try:
        yield
    finally:
        db.before_read = hook


class Waiting:
    """Changes by key, each with the queue number of its latest write."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: dict[object, tuple[int, object]] = {}

    def put(self, queue: WriteQueue, key: object, value: object, write) -> None:
        with self.lock:
            seq = queue.submit(write, done=lambda s: self._saved(key, s))
            self.items[key] = (seq, value)

    def _saved(self, key: object, seq: int) -> None:
        with self.lock:
            if key in self.items and self.items[key][0] == seq:
                del self.items[key]

    def snapshot(self) -> dict[object, object]:
        with self.lock:
            return {k: v for k, (_, v) in self.items.items()}


class QueuedPlayState(PlayStateStore):
    """Resume positions saved through the queue; ``get`` sees a save still waiting."""

    def __init__(self, db: Database, queue: WriteQueue) -> None:
        super().__init__(db)
        self.queue = queue
        self._waiting = Waiting()  # episode id -> dict of fields

    def save(self, episode_id: str, **fields: object) -> PlayState:  # type: ignore[override]
        merged = {**self._waiting.snapshot().get(episode_id, {}), **fields}  # type: ignore[dict-item]
        # The later save wins, as when the queue writes them in turn: a new file drops a
        # length and a forgetting still waiting (a forgetting is read last: see ``changed``).
        if fields.get("audio_path") is not None:
            merged.pop("clear_audio", None)
            if fields.get("audio_length_ms") is None:
                merged.pop("audio_length_ms", None)
        self._waiting.put(
            self.queue,
            episode_id,
            merged,
            lambda db: PlayStateStore(db).save(episode_id, **fields),  # type: ignore[arg-type]
        )
        return self.get(episode_id) or PlayState(episode_id=episode_id)

    def get(self, episode_id: str) -> PlayState | None:
        with unsettled(self.db):
            state = super().get(episode_id)
        fields = self._waiting.snapshot().get(episode_id)
        if not fields:
            return state
        return changed(state or PlayState(episode_id=episode_id), **fields)  # type: ignore[arg-type]


def touch_library(queue: WriteQueue, episode_id: str, brief_path: str, **fields: object) -> None:
    queue.submit(lambda db: LibraryStore(db).touch(episode_id, brief_path, **fields))  # type: ignore[arg-type]
