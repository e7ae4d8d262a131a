"""One episode's notes in time order, for the Notes tab.

``DisplayRole`` is the note's own text, exactly as typed: views draw it as plain text and the
tooltip escapes it, so whatever a listener writes is shown, never interpreted.

Rows are ``NoteLine`` tuples (moment and words), not ``Note`` objects: an episode with 100,000
notes opens without building one for each. A whole note is read (``fetch``, the store's ``get``)
when a card shows it, and the last few hundred are kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from player.core.storage.notes import Note, NoteLine, line_of
from player.core.timefmt import format_ms
from player.ui.models.rows_model import RowsModel
from player.ui.rich_text import escape

Index = QModelIndex | QPersistentModelIndex
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
START_MS_ROLE = Qt.ItemDataRole.UserRole + 2
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3

BOOKMARK = "Bookmark"
KEPT_NOTES = 500  # whole notes kept after they were read for a card


def sort_key(note: Note) -> tuple[int, str, str]:
    """The store's own order (``for_episode``, ``outline``)."""
    return (note.start_ms, note.created_at, note.id)


def _line_key(line: NoteLine) -> tuple[int, str, str]:
    return line[:3]  # type: ignore[return-value]


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
    lines = [f"<b>{escape(moment(note))}</b>"]
    if note.attached is not None and note.attached.label:
        kind, label = escape(note.attached.kind), escape(note.attached.label)
        lines.append(f"<i>{kind}:</i> {label}")
    lines.append(escape(note.text) if note.text else f"<i>{BOOKMARK}</i>")
    if note.tags:
        lines.append(escape(" ".join(f"#{t}" for t in note.tags)))
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


class NotesModel(RowsModel[NoteLine]):
    roles = {  # noqa: RUF012 - read only; RowsModel turns the keys into ints once
        Qt.ItemDataRole.DisplayRole: lambda _m, line: line[4],
        Qt.ItemDataRole.AccessibleTextRole: lambda m, line: plain_summary(m.note_of(line)),
        Qt.ItemDataRole.ToolTipRole: lambda m, line: tooltip_html(m.note_of(line)),
        NOTE_ROLE: lambda m, line: m.note_of(line),
        START_MS_ROLE: lambda _m, line: line[0],
        ACTIVE_ROLE: lambda m, line: line[2] in m._active,
    }

    def __init__(self, parent=None, fetch: Callable[[str], Note | None] | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.episode_id = ""  # of the notes listed, for a note that cannot be read whole
        self._active: set[str] = set()
        self._by_id: dict[str, NoteLine] = {}
        self._kept: OrderedDict[str, Note] = OrderedDict()
        self._in_time_order = True  # rows are found by bisection then, not by a scan

    def set_lines(self, lines: Sequence[NoteLine]) -> None:
        """The episode's notes in time order (the store's ``outline``)."""
        self._in_time_order = True
        self._kept.clear()
        self._reset(list(lines))

    def set_notes(self, notes: Sequence[Note], *, keep_order: bool = False) -> None:
        """Whole notes (a search, the All Notes list); time order unless ``keep_order``."""
        self._in_time_order = not keep_order
        self._kept = OrderedDict((n.id, n) for n in notes)
        lines = [line_of(n) for n in notes]
        self._reset(lines if keep_order else sorted(lines, key=_line_key))

    def _reset(self, lines: list[NoteLine]) -> None:
        self._by_id = {line[2]: line for line in lines}
        self._active &= self._by_id.keys()
        self.set_rows(lines)

    def note_of(self, line: NoteLine) -> Note:
        """The whole note of a row, read once and kept while it is among the last few shown."""
        note_id = line[2]
        note = self._kept.get(note_id)
        if note is not None:
            self._kept.move_to_end(note_id)
            return note
        note = self._fetch(note_id) if self._fetch is not None else None
        if note is None or line_of(note) != line:  # not saved yet as shown: what the row says
            note = Note.model_construct(
                id=note_id,
                episode_id=self.episode_id,
                start_ms=line[0],
                end_ms=line[3],
                text=line[4],
                created_at=line[1],
                updated_at=line[1],
            )
        self._keep(note)
        return note

    def _keep(self, note: Note) -> None:
        self._kept[note.id] = note
        self._kept.move_to_end(note.id)
        if len(self._kept) > KEPT_NOTES and self._in_time_order:
            self._kept.popitem(last=False)

    def insert_note(self, note: Note) -> int:
        """One note in its place in time order, without resetting the list."""
        assert self._in_time_order
        line = line_of(note)
        i = bisect_right(self._rows, _line_key(line), key=_line_key)
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, line)
        self._by_id[note.id] = line
        self._keep(note)
        self.endInsertRows()
        return i

    def replace_note(self, note: Note) -> int | None:
        """``note``'s row, changed in place when it keeps its place in time order (an edit of
        its words or tags); its row, or None when it is not listed or would move."""
        row = self.row_of(note.id)
        line = line_of(note)
        if row is None or _line_key(line) != _line_key(self._rows[row]):
            return None
        self._rows[row] = line
        self._by_id[note.id] = line
        self._keep(note)
        index = self.index(row)
        self.dataChanged.emit(index, index)  # every role: its words, so its height too
        return row

    def remove_note(self, note_id: str) -> NoteLine | None:
        """Take the note with this id out of the list; its line is handed back, or None."""
        row = self.row_of(note_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        line = self._rows.pop(row)
        del self._by_id[note_id]
        self._kept.pop(note_id, None)
        self._active.discard(note_id)
        self.endRemoveRows()
        return line

    def notes(self) -> list[Note]:
        """Every note of the list, whole (each read if it is not kept: for exports and tests,
        not for every paint)."""
        return [self.note_of(line) for line in self._rows]

    def note(self, row: int) -> Note:
        return self.note_of(self._rows[row])

    def line(self, row: int) -> NoteLine:
        return self._rows[row]

    def row_of(self, note_id: str) -> int | None:
        line = self._by_id.get(note_id)
        if line is None:
            return None
        if not self._in_time_order:
            return self.find(lambda r: r[2] == note_id)
        i = bisect_left(self._rows, _line_key(line), key=_line_key)
        return i if i < len(self._rows) and self._rows[i][2] == note_id else None

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
