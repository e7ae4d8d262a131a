"""A transcript's lines for a list view: one row per cue, with the rows being heard marked.

A word-level transcript of a long episode has tens of thousands of rows, so the model never
resets to light a line: it keeps the set of active rows and reports only the rows that changed,
and it finds the row of a cue by its ``ref`` instead of a scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from player.core.formats.track import Track
from player.core.text import fold
from player.core.timefmt import format_ms
from player.core.timeline import Cue
from player.ui.models.search_model import SearchRow
from player.ui.text_paint import MAX_CHARS

Index = QModelIndex | QPersistentModelIndex
MAX_HITS = 200


class Role(IntEnum):
    CUE = Qt.ItemDataRole.UserRole + 1
    START_MS = Qt.ItemDataRole.UserRole + 2
    TEXT = Qt.ItemDataRole.UserRole + 3
    SPEAKER = Qt.ItemDataRole.UserRole + 4  # set only where the speaker changes
    ACTIVE = Qt.ItemDataRole.UserRole + 5
    TIME = Qt.ItemDataRole.UserRole + 6


class TranscriptModel(QAbstractListModel):
    """Rows are the transcript's cues in start order; ``cue.ref`` points into ``track.items``.

    Lighting a line emits ``active_rows_changed`` rather than ``dataChanged``: ``QListView``
    answers ``dataChanged`` by asking for the row's rectangle, which on a long list walks every
    row above it through Python (tens of milliseconds at row 20,000). The view repaints the
    changed rows itself, by arithmetic, since all rows are one height.
    """

    active_rows_changed = Signal(list)  # rows whose lit state changed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cues: list[Cue] = []
        self._speakers: list[str] = []
        self._active: set[int] = set()
        self._row_of_ref: dict[int, int] = {}
        self._folded: list[str] | None = None

    def set_track(self, track: Track | None, cues: Sequence[Cue]) -> None:
        self.beginResetModel()
        self._cues = sorted(cues, key=lambda c: (c.start_ms, c.ref))
        items = track.items if track is not None else ()
        self._speakers = []
        previous = None
        for c in self._cues:
            speaker = items[c.ref].speaker or ""
            self._speakers.append(speaker if speaker and speaker != previous else "")
            previous = speaker or previous
        self._row_of_ref = {c.ref: i for i, c in enumerate(self._cues)}
        self._active = set()
        self._folded = None
        self.endResetModel()

    # reading ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cues)

    def cue(self, row: int) -> Cue:
        return self._cues[row]

    def line_parts(self, row: int) -> tuple[str, list[str]]:
        """The row as the view sets it: the speaker's label (where it changes) and the words,
        capped where a card would cap them."""
        speaker = self._speakers[row]
        return (f"{speaker}:" if speaker else ""), self._cues[row].text[:MAX_CHARS].split()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cues):
            return None
        row = index.row()
        c = self._cues[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            speaker = self._speakers[row]
            return f"{format_ms(c.start_ms)} {speaker + ': ' if speaker else ''}{c.text}"
        if role == Role.CUE:
            return c
        if role == Role.START_MS:
            return c.start_ms
        if role == Role.TEXT:
            return c.text
        if role == Role.SPEAKER:
            return self._speakers[row]
        if role == Role.ACTIVE:
            return row in self._active
        if role == Role.TIME:
            return format_ms(c.start_ms)
        return None

    # lighting up ------------------------------------------------------------------------------

    def active_rows(self) -> list[int]:
        return sorted(self._active)

    def set_active(self, cues: Iterable[Cue]) -> list[int]:
        """Light the rows of these transcript cues; repaints only the rows that changed."""
        new = set()
        for c in cues:
            row = self._row_of_ref.get(c.ref)
            if row is not None and self._cues[row] == c:
                new.add(row)
        changed = new ^ self._active
        self._active = new
        if changed:
            self.active_rows_changed.emit(sorted(changed))
        return sorted(new)

    # search -----------------------------------------------------------------------------------

    def search(self, query: str, kind: str = "transcript") -> list[SearchRow]:
        """Lines containing every word of ``query`` (accents and case ignored), in time order."""
        needles = [fold(w) for w in query.split() if w.strip('"“”')]
        needles = [n.strip('"“”') for n in needles]
        if not needles or not self._cues:
            return []
        if self._folded is None:
            self._folded = [fold(c.text) for c in self._cues]
        rows: list[SearchRow] = []
        for i, text in enumerate(self._folded):
            if all(n in text for n in needles):
                c = self._cues[i]
                rows.append(SearchRow(kind, c.text, _spans(c.text, text, needles), c.start_ms))
                if len(rows) >= MAX_HITS:
                    break
        return rows


def _spans(original: str, folded: str, needles: list[str]) -> tuple[tuple[int, int], ...]:
    """Where the words matched; only when folding kept every position (no ligatures split)."""
    if len(original) != len(folded):
        return ()
    spans = []
    for n in needles:
        start = folded.find(n)
        while start >= 0:
            spans.append((start, start + len(n)))
            start = folded.find(n, start + len(n))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)
