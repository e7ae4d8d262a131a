"""The briefs the listener has opened, most recent first, for the "Open Recent" list."""

from __future__ import annotations

from typing import TypedDict, Unpack

from player.core.record import Record, init
from player.core.storage.database import Database, utc_now


class LibraryEntry(Record):
    """A plain record: the window lists the brief it opens before its first frame."""

    __slots__ = (
        "episode_id",
        "brief_path",
        "title",
        "show",
        "length_s",
        "cover_path",
        "last_opened",
    )
    episode_id: str
    brief_path: str
    title: str
    show: str | None
    length_s: float | None
    cover_path: str | None
    last_opened: str

    def __init__(
        self,
        *,
        episode_id: str,
        brief_path: str,
        title: str = "",
        show: str | None = None,
        length_s: float | None = None,
        cover_path: str | None = None,
        last_opened: str | None = None,  # now
    ) -> None:
        if not episode_id:
            raise ValueError("a library entry needs an episode id")
        if length_s is not None and not length_s >= 0:
            raise ValueError(f"length out of range: {length_s} s")
        init(self, "episode_id", episode_id)
        init(self, "brief_path", brief_path)
        init(self, "title", title)
        init(self, "show", show)
        init(self, "length_s", length_s)
        init(self, "cover_path", cover_path)
        init(self, "last_opened", utc_now() if last_opened is None else last_opened)


_COLUMNS = ", ".join(LibraryEntry.fields)  # the table's columns, in the same order


class EntryDetails(TypedDict, total=False):
    """What the list shows of a brief besides its id and path."""

    title: str
    show: str | None
    length_s: float | None
    cover_path: str | None


class LibraryStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def touch(
        self, episode_id: str, brief_path: str, **details: Unpack[EntryDetails]
    ) -> LibraryEntry:
        """Record that a brief was opened now (adding it, or refreshing what we know of it)."""
        entry = LibraryEntry(episode_id=episode_id, brief_path=brief_path, **details)
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO library ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)",
                entry.values(),
            )
        return entry

    def get(self, episode_id: str) -> LibraryEntry | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM library WHERE episode_id=?", (episode_id,))
        return _entry(rows[0]) if rows else None

    def id_at(self, brief_path: str) -> str | None:
        """The id a brief at this path was last opened under."""
        rows = self.db.query(
            "SELECT episode_id FROM library WHERE brief_path=? "
            "ORDER BY last_opened DESC, rowid DESC LIMIT 1",
            (brief_path,),
        )
        return rows[0][0] if rows else None

    def remove(self, episode_id: str) -> LibraryEntry | None:
        """Forget a brief from the list (its notes stay); returns it for Undo."""
        with self.db.transaction() as conn:
            entry = self.get(episode_id)
            conn.execute("DELETE FROM library WHERE episode_id=?", (episode_id,))
        return entry

    def list_recent(self, limit: int = 50) -> list[LibraryEntry]:
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM library ORDER BY last_opened DESC, rowid DESC LIMIT ?",
            (limit,),
        )
        return [_entry(r) for r in rows]


def _entry(row: tuple) -> LibraryEntry:
    return LibraryEntry(**dict(zip(_COLUMNS.split(", "), row, strict=True)))
