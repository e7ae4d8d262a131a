"""The quote finder's answer as a table the listener ticks: one row per quote of the brief.

Only trusted finds ("found") can be ticked, and they start ticked, so accepting straight away
accepts them all. Uncertain and not-found quotes are shown, marked, and never ticked: they are
never written as sync points and stay where the accepted points map them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from player.core.align import Alignment, QuoteResult, Status
from player.core.timefmt import format_ms
from player.ui.palette import is_dark

COLUMNS = ("Written", "Found", "Shift", "Confidence", "Status", "Quote")
WRITTEN, FOUND, SHIFT, CONFIDENCE, STATUS, QUOTE = range(len(COLUMNS))
FIRST_WORDS = 9

# (light, dark) text colours for the status column: readable on either theme
_STATUS_COLOUR = {
    Status.FOUND: ("#1b6e2a", "#7fd08c"),
    Status.UNCERTAIN: ("#8a5a00", "#f0c060"),
    Status.NOT_FOUND: ("#a4262c", "#ff8a8a"),
}
_STATUS_TIP = {
    Status.FOUND: "Heard here, and in line with the other quotes: ticked to become a sync point.",
    Status.UNCERTAIN: "Something like it was heard, but not surely: it stays at its mapped time.",
    Status.NOT_FOUND: "Not heard in this audio: it stays at its mapped time.",
}

Index = QModelIndex | QPersistentModelIndex


def first_words(text: str, n: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def shift_text(ms: int) -> str:
    return f"{'+' if ms >= 0 else '−'}{abs(ms) / 1000:.1f} s"


class QuoteResultsModel(QAbstractTableModel):
    ticks_changed = Signal()

    def __init__(self, alignment: Alignment, parent=None) -> None:
        super().__init__(parent)
        self.alignment = alignment
        self.quotes: list[QuoteResult] = list(alignment.quotes)
        self.ticked = [q.status is Status.FOUND for q in self.quotes]

    # reading ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        q, col = self.quotes[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(q, col)
        if role == Qt.ItemDataRole.CheckStateRole and col == WRITTEN and self.checkable(q):
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            light, dark = _STATUS_COLOUR[q.status]
            return QBrush(QColor(dark if is_dark() else light))
        if role == Qt.ItemDataRole.ToolTipRole:
            return q.text if col == QUOTE else _STATUS_TIP[q.status]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[col]}: {self._text(q, col)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (WRITTEN, FOUND, SHIFT, CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, q: QuoteResult, col: int) -> str:
        if col == WRITTEN:
            return format_ms(q.written_ms)
        if col == FOUND:
            if q.found_ms is None or q.status is Status.NOT_FOUND:
                return "—"
            return format_ms(q.found_ms) + ("?" if q.status is Status.UNCERTAIN else "")
        if col == SHIFT:
            return shift_text(q.shift_ms)
        if col == CONFIDENCE:
            return f"{q.confidence:.2f}"
        if col == STATUS:
            return str(q.status)
        return first_words(q.text)

    @staticmethod
    def checkable(q: QuoteResult) -> bool:
        return q.status is Status.FOUND and q.found_ms is not None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            index.isValid()
            and index.column() == WRITTEN
            and self.checkable(self.quotes[index.row()])
        ):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    # ticking ----------------------------------------------------------------------------------

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        return self.set_ticked(index.row(), state == Qt.CheckState.Checked)

    def set_ticked(self, row: int, ticked: bool) -> bool:
        if not self.checkable(self.quotes[row]) or self.ticked[row] == ticked:
            return False
        self.ticked[row] = ticked
        cell = self.index(row, WRITTEN)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def tick_all(self) -> None:
        for row in range(len(self.quotes)):
            self.set_ticked(row, True)

    def accepted_points(self) -> list[tuple[int, int]]:
        """(brief ms, audio ms) of each ticked quote: what accepting writes."""
        return [
            (q.written_ms, int(q.found_ms))
            for q, t in zip(self.quotes, self.ticked, strict=True)
            if t and q.found_ms is not None
        ]

    def counts(self) -> tuple[int, int]:
        """(ticked, could be ticked)."""
        return sum(self.ticked), sum(self.checkable(q) for q in self.quotes)
