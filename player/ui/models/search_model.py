"""Search hits for the side panel: what matched, where in the text, and its moment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class SearchRow:
    """One hit, whatever it came from: the brief, a note, a transcript line."""

    kind: str  # quote, concept, takeaway, summary, overview, note, transcript, chapter
    text: str
    spans: tuple[tuple[int, int], ...]
    at_ms: int | None
    ref: object = None


class SearchModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SearchRow] = []

    def set_rows(self, rows: Sequence[SearchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[SearchRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{r.kind}: {r.text}"
        if role == HIT_ROLE:
            return r
        return None
