"""The Transcript tab: every line whole, with its time, the line being heard lit and kept in sight.

Lines wrap to as many rows of text as they need. A long transcript (30,000 lines) stays cheap:
each word is measured once (``line_wrap``), every row's height at a width comes from one pass of
arithmetic over those measures, and the list asks only when the width changes, never when the
window just gets taller. The view keeps the running sum of the heights, so finding where a row
sits, scrolling to the line being heard and repainting a lit line are lookups, not walks.

Following works like the brief's pane: it stops the moment the listener scrolls, a "Back to now"
button appears, and pressing it (or Ctrl+N) follows again.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from player.core.timeline import CueKind
from player.ui import palette
from player.ui.tracks.line_wrap import WordWrap
from player.ui.tracks.transcript_model import Role, TranscriptModel
from player.ui.widgets.following_view import FollowingListView

PAD_X = 10
PAD_Y = 5
TIME_GAP = 12
ACCENT_W = 3
KEPT_WIDTHS = 4
SHORT_WORDS = 4


class TranscriptLineDelegate(QStyledItemDelegate):
    """Time in a fixed column, then the speaker (where it changes) and the words, all of them.

    Every row's height is computed in one pass when the width, the font or the lines change
    (``heights``); ``sizeHint``, which the list asks of every row, is then a list lookup.
    """

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self._view = view
        self._wrap: WordWrap | None = None
        self._widths: list[float] | None = None  # each line on one row, in the lit weight
        self._ends: dict[int, array] = {}  # word ends of the lines that do not fit, as needed
        self._heights: list[int] = []
        self._heights_key: tuple | None = None
        self._by_width: dict[tuple, list[int]] = {}  # a few recent widths: resizing back and forth

    def clear(self) -> None:
        self._widths = None
        self._ends = {}
        self._heights_key = None
        self._by_width = {}

    # measuring --------------------------------------------------------------------------------

    def wrap(self, font: QFont) -> WordWrap:
        if self._wrap is None or self._wrap.key != font.key():
            self._wrap = WordWrap(font)
            self.clear()
        return self._wrap

    @staticmethod
    def text_width(width: int, font: QFont) -> int:
        time_w = QFontMetrics(font).horizontalAdvance("0:00:00") + TIME_GAP
        return max(40, width - 2 * PAD_X - time_w)

    def heights(self, width: int, font: QFont) -> list[int]:
        """Every row's height at this width."""
        wrap = self.wrap(font)
        model = self._view.transcript_model()
        key = (width, wrap.key, model.rowCount())
        if key == self._heights_key:
            return self._heights
        known = self._by_width.get(key)
        if known is not None:
            self._heights, self._heights_key = known, key
            return known
        if self._widths is None or len(self._widths) != model.rowCount():
            self._widths = [self._line_width(r) for r in range(model.rowCount())]
        text_w = self.text_width(width, font)
        one, pad = wrap.line_spacing, 2 * PAD_Y
        heights_by_rows: dict[int, int] = {}
        out = []
        for row, line_w in enumerate(self._widths):
            rows = 1 if line_w <= text_w else wrap.row_count(self.ends(row), text_w)
            h = heights_by_rows.get(rows)
            if h is None:
                h = heights_by_rows[rows] = int(one * rows + 0.999) + pad
            out.append(h)
        self._heights, self._heights_key = out, key
        if len(self._by_width) >= KEPT_WIDTHS:
            self._by_width.pop(next(iter(self._by_width)))
        self._by_width[key] = out
        return out

    def _line_width(self, row: int) -> float:
        """A short line is measured whole; a long one word by word (its words' widths are
        known, and shaping a whole sentence costs more), which its wrapping needs anyway."""
        assert self._wrap is not None
        prefix, words = self._view.transcript_model().line_parts(row)
        if len(words) <= SHORT_WORDS:
            return self._wrap.width(prefix, words)
        ends = self.ends(row)
        return ends[-1] if ends else 0.0

    def ends(self, row: int) -> array:
        ends = self._ends.get(row)
        if ends is None:
            assert self._wrap is not None
            model = self._view.transcript_model()
            ends = self._ends[row] = self._wrap.ends(*model.line_parts(row))
        return ends

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        width = self._view.viewport().width()
        key = self._heights_key
        # The list asks this of every row: at a known width it is a lookup. A font change
        # clears the heights (``TranscriptView.changeEvent``), so the font need not be compared.
        if key is None or key[0] != width or key[2] != len(self._heights):
            return QSize(width, self.heights(width, option.font)[index.row()])
        return QSize(width, self._heights[index.row()])

    # painting ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        rect: QRect = option.rect
        pal = option.palette
        active = bool(index.data(Role.ACTIVE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = palette.kind_color(CueKind.TRANSCRIPT)
        if active:
            painter.fillRect(rect, palette.active_fill(CueKind.QUOTE))
            painter.fillRect(QRect(rect.left(), rect.top(), ACCENT_W, rect.height()), accent)
        if selected:
            sel = pal.color(QPalette.ColorRole.Highlight)
            sel.setAlpha(60)
            painter.fillRect(rect, sel)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))

        font = QFont(option.font)
        wrap = self.wrap(font)
        fm = QFontMetrics(font)
        time_w = fm.horizontalAdvance("0:00:00") + TIME_GAP
        top = rect.top() + PAD_Y
        painter.setFont(wrap.heavy if active else font)
        painter.setPen(accent if active else palette.muted_text())
        painter.drawText(
            QRect(rect.left() + PAD_X, top, time_w, int(wrap.line_spacing)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(Role.TIME)),
        )
        model = self._view.transcript_model()
        row = index.row()
        prefix, words = model.line_parts(row)
        text_w = self.text_width(rect.width(), font)
        line_w = self._widths[row] if self._widths is not None else wrap.width(prefix, words)
        wrap.draw(
            painter,
            QPointF(rect.left() + PAD_X + time_w, top),
            text_w,
            prefix,
            words,
            None if line_w <= text_w else self.ends(row),
            heavy=active,
            prefix_color=accent,
            color=pal.color(QPalette.ColorRole.Text),
        )
        painter.restore()


class TranscriptView(FollowingListView):
    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Back to now: follow the transcript again")
        self.setModel(model)
        self.line_delegate = TranscriptLineDelegate(self)
        self.setItemDelegate(self.line_delegate)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        # Heights depend on the width alone: a taller or shorter window needs no new layout
        # (``resizeEvent`` asks for one when the width changes).
        self.setResizeMode(QListView.ResizeMode.Fixed)
        self.setWordWrap(True)
        self.setAccessibleName("Transcript: lines in time order")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the wrap width and every height.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self._tops: list[int] = [0]
        self._tops_key: tuple[int, str, int] | None = None
        model.active_rows_changed.connect(self._repaint_rows)
        model.modelReset.connect(self._lines_changed)

    def transcript_model(self) -> TranscriptModel:
        model = self.model()
        assert isinstance(model, TranscriptModel)
        return model

    def lit_rows(self) -> list[int]:
        return self.transcript_model().active_rows()

    def _lines_changed(self) -> None:
        self.line_delegate.clear()
        self._tops_key = None

    def _row_tops(self) -> list[int]:
        """Where each row starts in the scrolled content, and the content's height at the end.

        The same heights the list lays out with (the delegate's cache), summed once per width:
        ``QListView.visualRect`` would give the same answers but walks rows through Python.
        """
        width = self.viewport().width()
        rows = self.transcript_model().rowCount()
        key = (width, self.font().key(), rows)
        if key != self._tops_key:
            heights = self.line_delegate.heights(width, self.font())
            self._tops = [0, *accumulate(heights)]
            self._tops_key = key
        return self._tops

    def row_top(self, row: int) -> int:
        return self._row_tops()[row]

    def row_height(self, row: int) -> int:
        tops = self._row_tops()
        return tops[row + 1] - tops[row]

    def row_at_y(self, y: int) -> int:
        """The row under content position ``y``."""
        tops = self._row_tops()
        return max(0, min(len(tops) - 2, bisect_right(tops, y) - 1))

    def reveal_active(self, force: bool = False) -> None:
        """Keep the line being heard in sight: a third down the view when it must move."""
        if not (self.is_following() or force) or not self.isVisible():
            return
        rows = self.transcript_model().active_rows()
        if not rows or self.row_visible(rows[0]):
            return
        bar = self.verticalScrollBar()
        target = self.row_top(rows[0]) - self.viewport().height() // 3
        target = max(bar.minimum(), min(bar.maximum(), target))
        if target != bar.value():
            bar.setValue(target)
            self.scroll_count += 1

    def _repaint_rows(self, rows: list[int]) -> None:
        if not self.isVisible():
            return  # painted whole when shown; no heights to work out for a hidden tab
        scrolled, width = self.verticalScrollBar().value(), self.width()
        for row in rows:
            top = self.row_top(row) - scrolled
            self.viewport().update(QRect(0, top, width, self.row_height(row)))

    def row_visible(self, row: int) -> bool:
        top = self.row_top(row) - self.verticalScrollBar().value()
        return top >= 0 and top + self.row_height(row) <= self.viewport().height()

    # events -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.line_delegate.clear()
            self._tops_key = None
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        """Lay out; when every line takes one row (a word-level transcript) tell the list the
        rows are uniform, so it asks one row its size instead of all 30,000."""
        heights = self.line_delegate.heights(self.viewport().width(), self.font())
        self.setUniformItemSizes(bool(heights) and min(heights) == max(heights))
        super().doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._tops_key = None
            self.scheduleDelayedItemsLayout()

    def index_at_row(self, row: int) -> QModelIndex:
        return self.transcript_model().index(row)
