"""What the moment menus need of the notes, given by the composition root.

The notes feature implements it; this feature never imports it, so the two stay apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from player.core.storage.notes import Note


class NotesPort(Protocol):
    def notes(self) -> list[Note]: ...

    def note_at(self, row: int) -> Note | None: ...

    def shown_note(self, ref: int) -> Note | None: ...

    def stars(self) -> set[tuple[str, int]]: ...

    def set_star(self, kind: str, ref: int, starred: bool, label: str = "") -> bool | None: ...

    def add(self, note: Note, what: str = "Add note") -> Note: ...

    def edit(self, note: Note, *, fresh: bool = False) -> object: ...

    def move(self, note: Note, start_ms: int) -> Note: ...

    def delete(self, note: Note) -> None: ...
