"""One episode's notes in time order, for the Notes tab.

``DisplayRole`` is the note's own text, exactly as typed: views draw it as plain text and the
tooltip escapes it, so whatever a listener writes is shown, never interpreted.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

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
        self._by_id: dict[str, Note] = {}
        self._in_time_order = True  # rows are found by bisection then, not by a scan

    def set_notes(self, notes: Sequence[Note], *, keep_order: bool = False) -> None:
        """Time order unless ``keep_order`` (the All Notes list is newest first)."""
        self._in_time_order = not keep_order
        rows = list(notes) if keep_order else sorted(notes, key=sort_key)
        self._by_id = {n.id: n for n in rows}
        self._active &= self._by_id.keys()
        self.set_rows(rows)

    def insert_note(self, note: Note) -> int:
        """One note in its place in time order, without resetting the list."""
        assert self._in_time_order
        i = bisect_right(self._rows, sort_key(note), key=sort_key)
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, note)
        self._by_id[note.id] = note
        self.endInsertRows()
        return i

    def remove_note(self, note_id: str) -> Note | None:
        """Take the note with this id out of the list; it is handed back, or None."""
        row = self.row_of(note_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        note = self._rows.pop(row)
        del self._by_id[note_id]
        self._active.discard(note_id)
        self.endRemoveRows()
        return note

    def notes(self) -> list[Note]:
        return self.rows()

    def note(self, row: int) -> Note:
        return self._rows[row]

    def row_of(self, note_id: str) -> int | None:
        note = self._by_id.get(note_id)
        if note is None:
            return None
        if not self._in_time_order:
            return self.find(lambda n: n.id == note_id)
        key = sort_key(note)
        i = bisect_left(self._rows, key, key=sort_key)
        return i if i < len(self._rows) and self._rows[i].id == note_id else None

    def set_active(self, note_ids: Iterable[str]) -> None:
        """Light up the notes playback is in; only rows whose state changed are repainted."""
        ids = set(note_ids)
        changed = ids ^ self._active
        self._active = ids
        for note_id in changed:
            row = self.row_of(note_id)
            if row is not None:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [ACTIVE_ROLE])
