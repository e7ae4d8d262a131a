"""A list of cards of different heights that stays quick at 100,000 rows and as many changes.

``QListView`` lays out every row again after any row is inserted or removed: with 100,000
cards that is 100,000 calls into the delegate (about a second, in batches) for one note added,
and until it is done the scroll bar is wrong. This view keeps each row's height
(``RowHeights``) and changes only what changed: a row inserted is measured and put in its place,
a row removed is taken out. Rows are measured when they come into sight; the rest carry an
estimate (the mean so far), and are measured a few milliseconds at a time while the window is
idle, so the scroll bar settles without the listener waiting. When rows above the ones shown get
their real height, the view moves by the same amount, so what is shown stays put.

Everything else (selection, the current row, keys, clicks, ``activated``) is
``QAbstractItemView``'s own; the view says only where rows are.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QWidget

from player.ui.widgets.row_heights import RowHeights

FIRST_ESTIMATE = 60
MEASURE_SLICE_S = 0.006  # measuring while idle, per pass of the event loop
MEASURE_AT_ONCE = 64  # rows inserted together up to this many are measured on the spot
# Lists up to this long are measured whole while idle, so the scroll bar is exact; in longer
# ones only the rows around those shown, and the rest keep their estimates until seen.
MEASURE_ALL_UP_TO = 5_000
MEASURE_AROUND = 500
SCROLL_STEP = 30


def give_known_viewport(view: QAbstractItemView) -> None:
    """Give ``view`` a viewport made in Python, before anything asks for it.

    Qt's own viewport is a bare QWidget, and the first time Python is handed one, PySide loads
    every widget class (QWizard's and QFontDialog's too, with their enums) to find out which it
    is; a viewport made here is known by its type. It saves that load before the first frame.
    """
    viewport = QWidget()
    view.setViewport(viewport)
    # What Qt gives its own: the list's Base colour behind the cards, filled by the viewport,
    # so a change in the list repaints the list alone, not every widget behind it.
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)


class CardListView(QAbstractItemView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        give_known_viewport(self)
        self._heights = RowHeights()
        self._measured = bytearray()  # 1 for a row whose height is its real one
        self._measured_sum = 0
        self._measured_count = 0
        self._scan = 0  # where the idle measuring goes on from
        self._hover = QPersistentModelIndex()
        self._width = 0
        self._pending_move = 0
        self._pending_from: int | None = 0  # where rows about to go are shown
        self._painted = False  # idle measuring waits for the first paint (see below)
        self._painting_all = False  # a paint of the whole list is measuring (``paintEvent``)
        self._in_place = False  # ``_settle`` scrolls by what appeared above (no paint needed)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._measure_while_idle)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)

    # heights ----------------------------------------------------------------------------------

    def _estimate(self) -> int:
        if not self._measured_count:
            return FIRST_ESTIMATE
        return max(1, round(self._measured_sum / self._measured_count))

    def _row_count(self) -> int:
        model = self.model()
        return model.rowCount(self.rootIndex()) if model is not None else 0

    def _measure_option(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, self.viewport().width(), 0)
        return option

    def _measure(self, row: int, option: QStyleOptionViewItem | None = None) -> int:
        """Measure ``row`` if it carries an estimate; returns how far the rows below moved."""
        if self._measured[row] or not self.isVisible():
            return 0
        index = self.model().index(row, 0, self.rootIndex())
        delegate = self.itemDelegateForIndex(index)
        h = max(1, delegate.sizeHint(option or self._measure_option(), index).height())
        self._measured[row] = 1
        self._measured_sum += h
        self._measured_count += 1
        return self._heights.set(row, h)

    def _forget_measures(self) -> None:
        """Every height is an estimate again (the width or the font changed); the old ones are
        good estimates, so nothing moves until the real ones arrive."""
        self._measured = bytearray(len(self._measured))
        self._measured_sum = self._measured_count = 0
        self._scan = 0
        self._start_idle_measuring()

    def _rebuild(self) -> None:
        n = self._row_count()
        self._heights.reset([self._estimate()] * n)
        self._measured = bytearray(n)
        self._measured_sum = self._measured_count = 0
        self._scan = 0
        self._settle()
        self._start_idle_measuring()

    def _start_idle_measuring(self) -> None:
        """Measure rows out of sight while nothing else happens, from the first paint on: until
        the cards in sight are painted once, a slice of measuring only delays them (33 rows,
        4 ms of the window's first frame)."""
        if self._painted and self.isVisible() and not self._idle.isActive():
            self._idle.start()

    def _measure_while_idle(self) -> None:
        if not len(self._heights):
            return
        first_shown = self._heights.row_at(self.verticalOffset())
        start, end = 0, len(self._measured)
        if end > MEASURE_ALL_UP_TO:
            start, end = max(0, first_shown - MEASURE_AROUND), first_shown + MEASURE_AROUND
        row = self._measured.find(0, max(start, self._scan), end)
        if row < 0:  # all measured around here: nothing to do, nothing to paint again
            self._scan = 0
            return
        deadline = time.perf_counter() + MEASURE_SLICE_S
        option = self._measure_option()
        moved = 0
        changed_from: int | None = None  # rows in sight are measured as they are painted
        while row >= 0 and time.perf_counter() < deadline:
            delta = self._measure(row, option)
            if row < first_shown:
                moved += delta
            elif changed_from is None:  # where it shows once the rows above are scrolled past
                changed_from = self._heights.top(row) - self.verticalOffset() - moved
            row = self._measured.find(0, row + 1, end)
        self._settle(moved, changed_from)
        if row >= 0:
            self._scan = row
            self._idle.start()
        else:
            self._scan = 0

    def _settle(self, moved: int = 0, changed_from: int | None = 0) -> None:
        """New heights: the scroll bar's range follows, and ``moved`` pixels that appeared
        above what is shown are scrolled past, so the cards in sight stay where they are.

        What is shown is painted again from ``changed_from`` (a y in the viewport) down; None
        when nothing in sight changed. A note added below what is shown, or in the middle of
        it, paints none or half of the cards in sight, not all of them: painting cards is most
        of what a change costs among 100,000 notes."""
        bar = self.verticalScrollBar()
        value = bar.value() + moved
        self.updateGeometries()
        if moved:
            # The cards in sight stay where they were on the screen: nothing to paint for it.
            self._in_place = True
            try:
                bar.setValue(value)
            finally:
                self._in_place = False
        if changed_from is not None:
            viewport = self.viewport()
            top = max(0, changed_from)
            if top < viewport.height():
                viewport.update(0, top, viewport.width(), viewport.height() - top)

    def _measure_shown(self) -> None:
        """Give the rows in sight their real heights before they are drawn or asked about.

        The card cut by the top edge keeps its visible part where it was when it gets its
        real height, and the cards below with it."""
        if not self.isVisible() or not len(self._heights):
            return
        option = self._measure_option()
        offset = self.verticalOffset()
        row = self._heights.row_at(offset)
        if self._heights.top(row) < offset:
            moved = self._measure(row, option)
            if moved:
                self._settle(moved, None if self._painting_all else 0)
                offset = self.verticalOffset()
                row = self._heights.row_at(offset)
        y, view_h, n = self._heights.top(row) - offset, self.viewport().height(), len(self._heights)
        while row < n and y < view_h:
            self._measure(row, option)
            y += self._heights.height(row)
            row += 1

    def row_height(self, row: int) -> int:
        return self._heights.height(row)

    # QAbstractItemView ------------------------------------------------------------------------

    def setModel(self, model) -> None:
        old = self.model()
        if old is not None:
            old.rowsRemoved.disconnect(self._rows_removed)
        super().setModel(model)
        if model is not None:
            model.rowsRemoved.connect(self._rows_removed)
        self._rebuild()

    def reset(self) -> None:
        super().reset()
        self._rebuild()

    def doItemsLayout(self) -> None:
        """Asked for by ``scheduleDelayedItemsLayout`` (a new font size) and by a model's
        ``layoutChanged`` or a new delegate: measure again, starting from estimates."""
        if len(self._heights) != self._row_count():
            self._rebuild()
        elif self._measured_count:  # just rebuilt: nothing to forget
            self._forget_measures()
            self._settle()
        super().doItemsLayout()

    def rowsInserted(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int):
        if parent == self.rootIndex():
            offset = self.verticalOffset()
            first_shown = self._heights.row_at(offset) if len(self._heights) else 0
            count = end - start + 1
            self._heights.insert(start, [self._estimate()] * count)
            self._measured[start:start] = bytes(count)
            if start <= self._scan:
                self._scan += count
            if count <= MEASURE_AT_ONCE:
                option = self._measure_option()
                for row in range(start, end + 1):
                    self._measure(row, option)
            moved, changed_from = 0, self._heights.top(start) - offset
            if offset > 0 and start <= first_shown:  # above what is shown: it stays in sight
                moved = self._heights.top(end + 1) - self._heights.top(start)
            self._settle(moved, None if moved else changed_from)
            self._start_idle_measuring()
        super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        super().rowsAboutToBeRemoved(parent, start, end)
        if parent != self.rootIndex() or not len(self._heights):
            return
        offset = self.verticalOffset()
        first_shown = self._heights.row_at(offset)
        top = self._heights.top(start) - offset
        gone = self._heights.remove(start, end)
        del self._measured[start : end + 1]
        if self._scan > start:
            self._scan = max(start, self._scan - (end - start + 1))
        self._pending_move = -gone if end < first_shown else 0
        self._pending_from = None if end < first_shown else top

    def _rows_removed(self, *_args: object) -> None:
        moved, self._pending_move = self._pending_move, 0
        changed_from, self._pending_from = self._pending_from, 0
        self._settle(moved, changed_from)

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Rows whose words changed (every role, or the display role) are measured again, and
        the cards below move if a height did; other roles (lit, starred) keep heights."""
        first, last = top_left.row(), bottom_right.row()
        if (
            (not roles or Qt.ItemDataRole.DisplayRole in roles)
            and top_left.parent() == self.rootIndex()
            and 0 <= first <= last < len(self._heights)
            and last - first < MEASURE_AT_ONCE
        ):
            offset = self.verticalOffset()
            first_shown = self._heights.row_at(offset)
            option = self._measure_option()
            moved, changed_from = 0, None
            for row in range(first, last + 1):
                if self._measured[row]:
                    self._measured[row] = 0
                    self._measured_sum -= self._heights.height(row)
                    self._measured_count -= 1
                delta = self._measure(row, option)
                if delta and row < first_shown:
                    moved += delta
                elif delta and changed_from is None:
                    changed_from = self._heights.top(row) - offset
            if moved or changed_from is not None:
                self._settle(moved, None if moved else changed_from)
        super().dataChanged(top_left, bottom_right, roles)

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        if not index.isValid() or index.parent() != self.rootIndex():
            return QRect()
        row = index.row()
        if row >= len(self._heights):
            return QRect()
        if not self._measured[row] and row >= self._heights.row_at(self.verticalOffset()):
            self._measure(row)  # below the top edge: nothing in sight moves
        top = self._heights.top(row) - self.verticalOffset()
        return QRect(0, top, self.viewport().width(), self._heights.height(row))

    def indexAt(self, point: QPoint) -> QModelIndex:
        y = point.y() + self.verticalOffset()
        if not len(self._heights) or y < 0 or y >= self._heights.total():
            return QModelIndex()
        if not 0 <= point.x() < self.viewport().width():
            return QModelIndex()
        return self.model().index(self._heights.row_at(y), 0, self.rootIndex())

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not index.isValid() or index.row() >= len(self._heights):
            return
        row = index.row()
        if row < self._heights.row_at(self.verticalOffset()):  # its real height, above: no move
            self._settle(self._measure(row), None)
        bar = self.verticalScrollBar()
        # A scroll measures the cards it brings into sight (``scrollContentsBy``), and cards
        # between the top edge and this one that were estimates move it: aim again with their
        # real heights. The second scroll meets cards already measured, and stays.
        for _ in range(3):
            value = max(bar.minimum(), min(bar.maximum(), self._aim(row, hint, bar.value())))
            if value == bar.value():
                break
            bar.setValue(value)

    def _aim(self, row: int, hint: QAbstractItemView.ScrollHint, value: int) -> int:
        """The scroll value that shows ``row`` as ``hint`` asks, from ``value``."""
        top, h = self._heights.top(row), self._heights.height(row)
        view_h = self.viewport().height()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            return top
        if hint == Hint.PositionAtBottom:
            return top + h - view_h
        if hint == Hint.PositionAtCenter:
            return top - (view_h - h) // 2
        if top < value:
            return top
        if top + h > value + view_h:
            return min(top, top + h - view_h)
        return value

    def moveCursor(self, action, modifiers) -> QModelIndex:
        n = len(self._heights)
        if not n:
            return QModelIndex()
        current = self.currentIndex()
        row = current.row() if current.isValid() else -1
        A = QAbstractItemView.CursorAction
        if action in (A.MoveUp, A.MovePrevious):
            row = max(0, row - 1)
        elif action in (A.MoveDown, A.MoveNext):
            row = min(n - 1, row + 1)
        elif action == A.MoveHome:
            row = 0
        elif action == A.MoveEnd:
            row = n - 1
        elif action in (A.MovePageUp, A.MovePageDown):
            page = self.viewport().height() * (-1 if action == A.MovePageUp else 1)
            at = self._heights.top(max(row, 0)) + page
            row = self._heights.row_at(at)
        else:
            return current
        return self.model().index(row, 0, self.rootIndex())

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, _index) -> bool:
        return False

    def setSelection(self, rect: QRect, command) -> None:
        top = self.indexAt(QPoint(max(0, rect.left()), rect.top()))
        bottom = self.indexAt(QPoint(max(0, rect.left()), rect.bottom()))
        if not top.isValid() and not bottom.isValid():
            self.selectionModel().select(QItemSelection(), command)
            return
        top = top if top.isValid() else bottom
        bottom = bottom if bottom.isValid() else top
        if top.row() > bottom.row():
            top, bottom = bottom, top
        self.selectionModel().select(QItemSelection(top, bottom), command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        shown = self.viewport().rect()
        for r in selection:
            for row in range(r.top(), r.bottom() + 1):
                rect = self.visualRect(self.model().index(row, 0, self.rootIndex()))
                if rect.intersects(shown):
                    region += rect
                elif rect.top() > shown.bottom():
                    break
        return region

    def updateGeometries(self) -> None:
        bar = self.verticalScrollBar()
        view_h = self.viewport().height()
        bar.setPageStep(view_h)
        bar.setSingleStep(SCROLL_STEP)
        bar.setRange(0, max(0, self._heights.total() - view_h))
        super().updateGeometries()

    def scrollContentsBy(self, _dx: int, _dy: int) -> None:
        if not self._in_place:  # a scroll that keeps the cards in place is ``_settle``'s
            # The cards now in sight get their real heights before they are painted, and the
            # scroll bar its range with them: in the frame that shows them, not one after.
            total = self._heights.total()
            self._measure_shown()
            if self._heights.total() != total:
                self._settle(0, None)
            self.viewport().update()  # heights may have changed with the scroll: paint anew
        self._start_idle_measuring()  # a long list measures around where it now is

    # events -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not len(self._heights):
            return
        # Only the cards the asked-for part reaches: a card coming below half the list costs
        # the delegates half the cards, not all of them.
        clip = event.rect()
        # Measuring the card cut by the top edge may change what is shown of it. When all of
        # the list is being painted, this paint shows it as it now is; another would double
        # the window's first frame.
        whole = clip.contains(self.viewport().rect())
        self._painting_all = whole
        try:
            self._measure_shown()
        finally:
            self._painting_all = False
        painter = QPainter(self.viewport())
        base = QStyleOptionViewItem()
        self.initViewItemOption(base)
        width, view_h = self.viewport().width(), self.viewport().height()
        view_h = min(view_h, clip.bottom() + 1)
        offset = self.verticalOffset()
        row = self._heights.row_at(offset + max(0, clip.top()))
        y = self._heights.top(row) - offset
        selection = self.selectionModel()
        current = self.currentIndex()
        focus = self.hasFocus()
        n = len(self._heights)
        while row < n and y < view_h:
            index = self.model().index(row, 0, self.rootIndex())
            option = QStyleOptionViewItem(base)
            h = self._heights.height(row)
            option.rect = QRect(0, y, width, h)
            if selection is not None and selection.isSelected(index):
                option.state |= QStyle.StateFlag.State_Selected
            if index == self._hover:
                option.state |= QStyle.StateFlag.State_MouseOver
            else:
                option.state &= ~QStyle.StateFlag.State_MouseOver
            if focus and index == current:
                option.state |= QStyle.StateFlag.State_HasFocus
            self.itemDelegateForIndex(index).paint(painter, option, index)
            y += h
            row += 1
        painter.end()
        view_h = self.viewport().height()
        if self.verticalScrollBar().maximum() != max(0, self._heights.total() - view_h):
            # Rows measured in this paint: the scroll bar follows. If all of the list was just
            # painted, it is right already; painting it again would double the first frame.
            QTimer.singleShot(0, partial(self._settle, 0, None if whole else 0))
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._start_idle_measuring)  # once this frame is out

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.indexAt(event.position().toPoint())
        if QPersistentModelIndex(hover) != self._hover:
            old = self._hover
            self._hover = QPersistentModelIndex(hover)
            for index in (old, hover):
                if index.isValid():
                    self.viewport().update(self.visualRect(QModelIndex(index)))
        super().mouseMoveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._hover.isValid():
            old, self._hover = self._hover, QPersistentModelIndex()
            self.viewport().update(self.visualRect(QModelIndex(old)))
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self._forget_measures()
        self._measure_shown()
        self._settle()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start_idle_measuring()
