"""A flat list model whose roles are a table: what each role shows of one row.

The library, notes and search lists all hold a Python list of rows and answer ``data()`` the
same way; only what a role returns differs. A subclass says that in ``roles`` and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
RoleFn = Callable[[Any, Any], object]  # (the model, one row) -> what the role shows


class RowsModel(QAbstractListModel, Generic[T]):
    #: role -> function of (model, row); a role not listed answers None.
    roles: ClassVar[dict[int, RoleFn]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.roles = {int(role): fn for role, fn in cls.roles.items()}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def find(self, matches: Callable[[T], bool]) -> int | None:
        """The first row for which ``matches`` is true."""
        for i, row in enumerate(self._rows):
            if matches(row):
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        get = self.roles.get(int(role))
        return None if get is None else get(self, self._rows[index.row()])
