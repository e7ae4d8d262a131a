"""The window's notes and stars, queued (``WriteQueue``) and shown at once; see ``pending``."""

from __future__ import annotations

from pathlib import Path

from player.core.storage.database import Database, NotFound, utc_now
from player.core.storage.notes import Note, NoteLine, NoteStore, check_item, line_of
from player.core.storage.pending import Waiting, unsettled
from player.core.storage.queue import WriteQueue, write_rescue


class QueuedNoteStore(NoteStore):
    """Reads from the window's connection, writes through the queue."""

    def __init__(self, db: Database, queue: WriteQueue) -> None:
        super().__init__(db)
        self.queue = queue
        self._notes = Waiting()  # note id -> Note, or (episode_id,) once deleted
        self._stars = Waiting()  # (episode_id, kind, ref) -> starred?

    def put(self, note: Note) -> None:
        self._notes.put(self.queue, note.id, note, lambda db: NoteStore(db).put(note))

    def add(self, note: Note) -> Note:
        self.put(note)
        return note

    def restore(self, note: Note) -> Note:
        self.put(note)
        return note

    def update(self, note: Note) -> Note:
        saved = note.model_copy(update={"updated_at": utc_now()})
        self.put(saved)
        return saved

    def delete(self, note_id: str) -> Note:
        note = self.get(note_id)
        if note is None:
            raise NotFound(f"no note with id {note_id}")
        self._notes.put(
            self.queue, note_id, (note.episode_id,), lambda db: NoteStore(db).delete(note_id)
        )
        return note

    def get(self, note_id: str) -> Note | None:
        waiting = self._notes.snapshot()
        if note_id in waiting:
            value = waiting[note_id]
            return value if isinstance(value, Note) else None
        with unsettled(self.db):
            return super().get(note_id)

    def for_episode(self, episode_id: str) -> list[Note]:
        waiting = self._notes.snapshot()
        with unsettled(self.db):
            saved = super().for_episode(episode_id)
        notes = [n for n in saved if n.id not in waiting]
        notes += [v for v in waiting.values() if isinstance(v, Note) and v.episode_id == episode_id]
        return sorted(notes, key=lambda n: (n.start_ms, n.created_at, n.id))

    def outline(self, episode_id: str) -> list[NoteLine]:
        waiting = self._notes.snapshot()
        with unsettled(self.db):
            saved = super().outline(episode_id)
        if not waiting:
            return saved
        lines = [line for line in saved if line[2] not in waiting]
        lines += [
            line_of(v)
            for v in waiting.values()
            if isinstance(v, Note) and v.episode_id == episode_id
        ]
        lines.sort(key=lambda line: line[:3])
        return lines

    def all_recent(self, limit: int = 100) -> list[Note]:
        waiting = self._notes.snapshot()
        # Newest first, and the latest typed first among notes of the same millisecond.
        notes = [v for v in reversed(waiting.values()) if isinstance(v, Note)]
        notes += [n for n in super().all_recent(limit) if n.id not in waiting]
        notes.sort(key=lambda n: n.updated_at, reverse=True)
        return notes[:limit]

    def search(self, query: str, episode_id: str | None = None, limit: int = 200) -> list:
        """Found in the database (after the queue settles, see ``Database.before_read``),
        less what is waiting to be deleted."""
        waiting = self._notes.snapshot()
        return [
            h
            for h in super().search(query, episode_id, limit)
            if not isinstance(waiting.get(h.note.id, h.note), tuple)
        ]

    def star(self, episode_id: str, kind: str, ref: int) -> None:
        check_item(kind, ref)
        self._stars.put(
            self.queue,
            (episode_id, kind, ref),
            True,
            lambda db: NoteStore(db).star(episode_id, kind, ref),
        )

    def unstar(self, episode_id: str, kind: str, ref: int) -> None:
        self._stars.put(
            self.queue,
            (episode_id, kind, ref),
            False,
            lambda db: NoteStore(db).unstar(episode_id, kind, ref),
        )

    def stars(self, episode_id: str) -> set[tuple[str, int]]:
        waiting = self._stars.snapshot()
        with unsettled(self.db):
            stars = super().stars(episode_id)
        for (episode, kind, ref), on in waiting.items():  # type: ignore[misc]
            if episode == episode_id:
                (stars.add if on else stars.discard)((kind, ref))
        return stars

    def unsaved(self) -> tuple[list[Note], list[dict]]:
        """What is still waiting: notes to keep, and stars to set."""
        notes = [v for v in self._notes.snapshot().values() if isinstance(v, Note)]
        stars = [
            {"episode_id": e, "kind": k, "ref": r}
            for (e, k, r), on in self._stars.snapshot().items()  # type: ignore[misc]
            if on
        ]
        return notes, stars

    def rescue(self, folder: Path) -> Path | None:
        """Write what is still waiting to a file the next start merges back in."""
        notes, stars = self.unsaved()
        if not notes and not stars:
            return None
        return write_rescue(folder, notes, stars)


def merge_rescued(store: NoteStore, folder: Path) -> str | None:
    """Merge the rescue files an earlier session left (see ``WriteQueue``), then remove them."""
    from player.core.storage.database import StorageError
    from player.core.storage.export import import_json
    from player.core.storage.queue import RESCUE_GLOB

    merged = 0
    for rescue in sorted(folder.glob(RESCUE_GLOB)):
        try:
            report = import_json(NoteStore(store.db), rescue)
        except StorageError:
            return None  # busy or read-only now: kept for the next start
        if report.problems:
            continue  # not ours to judge: left for the listener
        merged += report.added + report.updated
        rescue.unlink(missing_ok=True)
    if merged == 0:
        return None
    return f"{merged} notes that could not be saved last time are saved now."
