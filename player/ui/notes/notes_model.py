"""One episode's notes in time order, for the Notes tab.

``DisplayRole`` is the note's own text, exactly as typed: views draw it as plain text and the
tooltip escapes it, so whatever a listener writes is shown, never interpreted.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from player.core.storage.notes import Note
from player.core.timefmt import format_ms
from player.ui.models.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
START_MS_ROLE = Qt.ItemDataRole.UserRole + 2
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3

BOOKMARK = "Bookmark"


def sort_key(note: Note) -> tuple[int, str, str]:
    """The store's own order (``for_episode``), so a cue's ``ref`` is a row of this model."""
    return (note.start_ms, note.created_at, note.id)


def moment(note: Note) -> str:
    if note.end_ms is None:
        return format_ms(note.start_ms)
    return f"{format_ms(note.start_ms)}–{format_ms(note.end_ms)}"


def plain_summary(note: Note) -> str:
    """Everything about a note in one line of plain text (accessibility, tooltips)."""
    parts = [moment(note), "clip" if note.is_clip else "note"]
    if note.attached is not None:
        parts.append(f"on {note.attached.kind}: {note.attached.label}")
    parts.append(note.text or BOOKMARK)
    if note.tags:
        parts.append(" ".join(f"#{t}" for t in note.tags))
    return " — ".join(parts)


def tooltip_html(note: Note) -> str:
    """Qt guesses whether a tooltip is markup; giving it escaped HTML removes the guess."""
    lines = [f"<b>{html.escape(moment(note))}</b>"]
    if note.attached is not None and note.attached.label:
        kind, label = html.escape(note.attached.kind), html.escape(note.attached.label)
        lines.append(f"<i>{kind}:</i> {label}")
    lines.append(html.escape(note.text) if note.text else f"<i>{BOOKMARK}</i>")
    if note.tags:
        lines.append(html.escape(" ".join(f"#{t}" for t in note.tags)))
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


class NotesModel(RowsModel[Note]):
    roles = {  # noqa: RUF012 - read only; RowsModel turns the keys into ints once
        Qt.ItemDataRole.DisplayRole: lambda _m, n: n.text,
        Qt.ItemDataRole.AccessibleTextRole: lambda _m, n: plain_summary(n),
        Qt.ItemDataRole.ToolTipRole: lambda _m, n: tooltip_html(n),
        NOTE_ROLE: lambda _m, n: n,
        START_MS_ROLE: lambda _m, n: n.start_ms,
        ACTIVE_ROLE: lambda m, n: n.id in m._active,
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._active: set[str] = set()

    def set_notes(self, notes: Sequence[Note], *, keep_order: bool = False) -> None:
        """Time order unless ``keep_order`` (the All Notes list is newest first)."""
        self.set_rows(list(notes) if keep_order else sorted(notes, key=sort_key))

    def notes(self) -> list[Note]:
        return self.rows()

    def note(self, row: int) -> Note:
        return self._rows[row]

    def row_of(self, note_id: str) -> int | None:
        return self.find(lambda n: n.id == note_id)

    def set_active(self, note_ids: set[str]) -> None:
        """Light up the notes playback is in; only rows whose state changed are repainted."""
        changed = note_ids ^ self._active
        self._active = set(note_ids)
        for i, n in enumerate(self._rows):
            if n.id in changed:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [ACTIVE_ROLE])
