"""One episode's notes in time order, for the Notes tab.

``DisplayRole`` is the note's own text, exactly as typed: views draw it as plain text and the
tooltip escapes it, so whatever a listener writes is shown, never interpreted.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from player.core.storage.notes import Note
from player.core.timefmt import format_ms

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


class NotesModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []
        self._active: set[str] = set()

    def set_notes(self, notes: Sequence[Note], *, keep_order: bool = False) -> None:
        """Time order unless ``keep_order`` (the All Notes list is newest first)."""
        self.beginResetModel()
        self._notes = list(notes) if keep_order else sorted(notes, key=sort_key)
        self.endResetModel()

    def notes(self) -> list[Note]:
        return list(self._notes)

    def note(self, row: int) -> Note:
        return self._notes[row]

    def row_of(self, note_id: str) -> int | None:
        for i, n in enumerate(self._notes):
            if n.id == note_id:
                return i
        return None

    def set_active(self, note_ids: set[str]) -> None:
        """Light up the notes playback is in; only rows whose state changed are repainted."""
        changed = note_ids ^ self._active
        self._active = set(note_ids)
        for i, n in enumerate(self._notes):
            if n.id in changed:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [ACTIVE_ROLE])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return note.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return plain_summary(note)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(note)
        if role == NOTE_ROLE:
            return note
        if role == START_MS_ROLE:
            return note.start_ms
        if role == ACTIVE_ROLE:
            return note.id in self._active
        return None
