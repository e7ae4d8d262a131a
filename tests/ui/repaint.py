"""Which rows of a list view were painted again: what the listener sees change on screen.

A view repaints only the parts of its viewport it is told changed; a row the model forgets to
report keeps its old look (a lit card stays dark) until something else repaints it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractItemView, QApplication

WAIT_MS = 1_000  # Qt paints what was marked a few ms later, all of it in one pass


class _Painted(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.region = QRegion()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.region += event.region()  # type: ignore[attr-defined]
        return False


def repainted_rows(qtbot, view: QAbstractItemView, change: Callable[[], object]) -> set[int]:
    """The rows painted again, whole, after ``change`` (none when nothing is painted)."""
    model, viewport = view.model(), view.viewport()
    rows = [view.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    qtbot.wait(50)  # what was waiting to be painted before the change
    painted = _Painted(view)
    viewport.installEventFilter(painted)
    try:
        change()
        try:
            qtbot.waitUntil(lambda: not painted.region.isEmpty(), timeout=WAIT_MS)
        except qtbot.TimeoutError:
            return set()
        QApplication.processEvents()
    finally:
        viewport.removeEventFilter(painted)
    # Whole rows only: a row's repaint may spill a pixel or two onto its neighbours.
    return {row for row, rect in enumerate(rows) if (QRegion(rect) - painted.region).isEmpty()}


def last_whole_row_halfway_down(qtbot, view: QAbstractItemView) -> int:
    """Scroll ``view`` halfway down its list; the last row then wholly in sight (the one below
    it is cut by the bottom edge)."""
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(50)
    model, sight = view.model(), view.viewport().rect()
    return max(
        r for r in range(model.rowCount()) if sight.contains(view.visualRect(model.index(r)))
    )
