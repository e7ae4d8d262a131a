"""Takeaways with the moments they are linked to, for the side panel."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from player.core.brief.models import Takeaway
from player.core.timefmt import format_clock

Index = QModelIndex | QPersistentModelIndex
TIMES_ROLE = Qt.ItemDataRole.UserRole + 1  # list[int] ms
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
STARRED_ROLE = Qt.ItemDataRole.UserRole + 3
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 4  # a quote it is linked to is playing


class TakeawayModel(QAbstractListModel):
    def __init__(self, takeaways: tuple[Takeaway, ...] = (), parent=None) -> None:
        super().__init__(parent)
        self._items = list(takeaways)
        self._starred: set[int] = set()
        self._active: set[int] = set()

    def set_takeaways(self, takeaways: tuple[Takeaway, ...]) -> None:
        self.beginResetModel()
        self._items = list(takeaways)
        self._active = set()
        self.endResetModel()

    def set_active(self, refs: set[int]) -> None:
        """Light the takeaways whose linked moment is playing; only changed rows repaint."""
        changed = refs ^ self._active
        self._active = set(refs)
        for row in changed:
            if 0 <= row < len(self._items):
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [ACTIVE_ROLE])

    def active_rows(self) -> list[int]:
        return sorted(self._active)

    def set_starred(self, refs: set[int]) -> None:
        self._starred = set(refs)
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), [STARRED_ROLE])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            times = ", ".join(format_clock(s) for s in t.at)
            return f"{t.text} ({times})" if times else t.text
        if role == TIMES_ROLE:
            return [round(s * 1000) for s in t.at]
        if role == NUMBER_ROLE:
            return index.row() + 1
        if role == STARRED_ROLE:
            return index.row() in self._starred
        if role == ACTIVE_ROLE:
            return index.row() in self._active
        return None
