"""The synced pane's rows: every timed item of the episode, in time order.

One row per cue (a quote, a concept at one of its anchors, a note, a chapter). The model keeps the
set of active rows and reports only the rows whose state changed, so lighting up the next quote
repaints two cards, not the list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from player.core.brief.models import Brief
from player.core.record import Record, init
from player.core.timefmt import format_ms
from player.core.timeline import Cue, CueKind, Timeline, cue_order

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    CUE = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    START_MS = Qt.ItemDataRole.UserRole + 3
    TITLE = Qt.ItemDataRole.UserRole + 4
    BODY = Qt.ItemDataRole.UserRole + 5
    DETAIL = Qt.ItemDataRole.UserRole + 6
    ACTIVE = Qt.ItemDataRole.UserRole + 7
    STARRED = Qt.ItemDataRole.UserRole + 8
    COMPACT = Qt.ItemDataRole.UserRole + 9


class PaneRow(Record):
    __slots__ = ("cue", "title", "body", "detail", "compact")
    cue: Cue
    title: str  # stage note of a quote, name of a concept, tags of a note
    body: str  # the words shown largest
    detail: str  # context after a quote
    compact: bool  # a concept seen earlier in the pane: one line is enough

    def __init__(self, cue: Cue, title: str, body: str, detail: str, compact: bool = False) -> None:
        init(self, "cue", cue)
        init(self, "title", title)
        init(self, "body", body)
        init(self, "detail", detail)
        init(self, "compact", compact)


def brief_rows(brief: Brief, timeline: Timeline, kinds: Iterable[CueKind]) -> list[PaneRow]:
    """Rows for the cues of ``kinds`` on ``timeline``, with the brief's words for each."""
    wanted = set(kinds)
    rows: list[PaneRow] = []
    add = rows.append
    seen_concepts: set[int] = set()
    note = CueKind.NOTE
    for cue in timeline:
        kind = cue.kind
        if kind == note:  # most rows of a long list are notes: no lookups into the brief
            if note in wanted:
                add(PaneRow(cue, "", cue.text, ""))
            continue
        if kind not in wanted:
            continue
        add(pane_row(brief, cue, cue.ref in seen_concepts))
        if kind == CueKind.CONCEPT:
            seen_concepts.add(cue.ref)
    return rows


def pane_row(brief: Brief, cue: Cue, seen: bool = False) -> PaneRow:
    """The row of one cue; ``seen``: a concept shown earlier in the pane (one line is enough)."""
    if cue.kind == CueKind.QUOTE and cue.ref < len(brief.quotes):
        q = brief.quotes[cue.ref]
        return PaneRow(cue, q.note or "", q.text, q.context or "")
    if cue.kind == CueKind.CONCEPT and cue.ref < len(brief.concepts):
        c = brief.concepts[cue.ref]
        return PaneRow(cue, c.name, c.description, "", seen)
    return PaneRow(cue, "", cue.text, "")


def _row_order(row: PaneRow) -> tuple[int, int, int, int]:
    return cue_order(row.cue)


class PaneModel(QAbstractListModel):
    def __init__(self, rows: Sequence[PaneRow] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PaneRow] = list(rows)  # in timeline order
        self._active: set[Cue] = set()  # cues, not rows: a row inserted above moves them
        self._starred: set[tuple[str, int]] = set()

    def set_rows(self, rows: Sequence[PaneRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._active = set()
        self.endResetModel()

    def insert_row(self, row: PaneRow) -> int:
        """One row in its place in timeline order; the rest of the list is left as it is."""
        i = bisect_right(self._rows, _row_order(row), key=_row_order)
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, row)
        self.endInsertRows()
        return i

    def remove_cue(self, cue: Cue) -> int | None:
        i = self.row_of(cue)
        if i is not None:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self._active.discard(cue)
            self.endRemoveRows()
        return i

    def replace_row(self, old: Cue, row: PaneRow) -> int | None:
        """``row`` in the place of ``old``'s, which it keeps (an edited note's new words): one
        row changes, none moves."""
        i = self.row_of(old)
        if i is not None:
            self._rows[i] = row
            if old in self._active:
                self._active.discard(old)
                self._active.add(row.cue)
            index = self.index(i)
            self.dataChanged.emit(index, index)  # every role: its words, so its height too
        return i

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row(self, i: int) -> PaneRow:
        return self._rows[i]

    def row_of(self, cue: Cue) -> int | None:
        key = cue_order(cue)
        i = bisect_left(self._rows, key, key=_row_order)
        while i < len(self._rows) and _row_order(self._rows[i]) == key:
            if self._rows[i].cue == cue:
                return i
            i += 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [format_ms(r.cue.start_ms), r.cue.kind.value, r.title, r.body, r.detail]
            return " — ".join(p for p in parts if p)
        # A plain chain, not a dict of every role: views ask this hundreds of thousands of
        # times when a long list is laid out.
        if role == Role.BODY:
            return r.body
        if role == Role.KIND:
            return r.cue.kind
        if role == Role.TITLE:
            return r.title
        if role == Role.DETAIL:
            return r.detail
        if role == Role.START_MS:
            return r.cue.start_ms
        if role == Role.ACTIVE:
            return r.cue in self._active
        if role == Role.CUE:
            return r.cue
        if role == Role.STARRED:
            return (r.cue.kind.value, r.cue.ref) in self._starred
        if role == Role.COMPACT:
            return r.compact
        return None

    def active_rows(self) -> list[int]:
        return sorted(r for r in map(self.row_of, self._active) if r is not None)

    def set_active(self, cues: Iterable[Cue]) -> list[int]:
        """Mark the rows of ``cues`` active; returns the active rows in order."""
        new = {c for c in cues if self.row_of(c) is not None}
        changed = new ^ self._active
        self._active = new
        for cue in changed:
            row = self.row_of(cue)
            if row is not None:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [Role.ACTIVE])
        return self.active_rows()

    def set_starred(self, starred: set[tuple[str, int]]) -> None:
        self._starred = set(starred)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Role.STARRED])
