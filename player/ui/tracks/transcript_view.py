"""The Transcript tab: every line whole, with its time, the line being heard lit and kept in sight.

Lines wrap to as many rows of text as they need. A long transcript (30,000 lines) stays cheap
because a line's height is measured once per width and mostly by arithmetic: a line that fits
on one row (most of a word- or phrase-level transcript) costs one advance measurement, and only
longer lines are laid out. The view keeps the running sum of those heights, so finding where a
row sits, scrolling to the line being heard and repainting a lit line are lookups, not walks.

Following works like the brief's pane: it stops the moment the listener scrolls, a "Back to now"
button appears, and pressing it (or Ctrl+N) follows again.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
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
from player.ui.text_paint import shown_text
from player.ui.tracks.transcript_model import Role, TranscriptModel
from player.ui.widgets.following_view import FollowingListView

PAD_X = 10
PAD_Y = 5
TIME_GAP = 12
ACCENT_W = 3


def _weighted(font: QFont, weight: QFont.Weight) -> QFont:
    f = QFont(font)
    f.setWeight(weight)
    return f


class TranscriptLineDelegate(QStyledItemDelegate):
    """Time in a fixed column, then the speaker (where it changes) and the words, all of them.

    Heights are measured in the lit line's weight, so lighting a line never makes it need
    another row of text.
    """

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[int, int] = {}
        self._measured_at: tuple[int, str] = (0, "")

    # measuring --------------------------------------------------------------------------------

    def text_width(self, width: int, font: QFont) -> int:
        time_w = QFontMetrics(font).horizontalAdvance("0:00:00") + TIME_GAP
        return max(40, width - 2 * PAD_X - time_w)

    def heights(self, rows: range, width: int, font: QFont) -> list[int]:
        """Every row's height at this width; cached until the width, font or lines change."""
        key = (width, font.key())
        if key != self._measured_at:
            self._heights = {}
            self._measured_at = key
        model = self._view.transcript_model()
        heavy = _weighted(font, QFont.Weight.DemiBold)
        fm = QFontMetricsF(heavy)
        one = fm.lineSpacing()
        text_w = self.text_width(width, font)
        cache = self._heights
        out = []
        for row in rows:
            h = cache.get(row)
            if h is None:
                full = model.line_text(row)
                if fm.horizontalAdvance(full) <= text_w and "\n" not in full:
                    lines = 1
                else:
                    lines = _line_count(full, heavy, text_w)
                h = cache[row] = int(one * lines + 0.999) + 2 * PAD_Y
            out.append(h)
        return out

    def clear(self) -> None:
        self._heights = {}

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        width = self._view.viewport().width()
        return QSize(
            width, self.heights(range(index.row(), index.row() + 1), width, option.font)[0]
        )

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
        fm = QFontMetrics(font)
        time_w = fm.horizontalAdvance("0:00:00") + TIME_GAP
        top = rect.top() + PAD_Y
        painter.setFont(_weighted(font, QFont.Weight.DemiBold) if active else font)
        painter.setPen(accent if active else palette.muted_text())
        painter.drawText(
            QRect(rect.left() + PAD_X, top, time_w, fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(Role.TIME)),
        )
        left = rect.left() + PAD_X + time_w
        speaker = str(index.data(Role.SPEAKER) or "")
        layout = _line_layout(
            str(index.data(Role.TEXT) or ""),
            f"{speaker}: " if speaker else "",
            _weighted(font, QFont.Weight.DemiBold if active else QFont.Weight.Normal),
            self.text_width(rect.width(), font),
            accent,
        )
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        layout.draw(painter, QPointF(left, top))
        painter.restore()


def _line_count(full: str, font: QFont, width: float) -> int:
    layout = QTextLayout(full, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return max(1, count)


def _line_layout(
    text: str, prefix: str, font: QFont, width: float, prefix_color: QColor
) -> QTextLayout:
    """The whole line word-wrapped to ``width``, the speaker in bold in the accent colour."""
    full = shown_text(prefix + " ".join(text.split()))  # as TranscriptModel.line_text
    layout = QTextLayout(full, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if prefix:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(prefix_color)
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = 0, len(prefix), fmt
        layout.setFormats([span])
    spacing = QFontMetricsF(_weighted(font, QFont.Weight.DemiBold)).lineSpacing()
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += spacing
    layout.endLayout()
    return layout


class TranscriptView(FollowingListView):
    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Back to now: follow the transcript again")
        self.setModel(model)
        self.line_delegate = TranscriptLineDelegate(self)
        self.setItemDelegate(self.line_delegate)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setResizeMode(QListView.ResizeMode.Adjust)
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
            heights = self.line_delegate.heights(range(rows), width, self.font())
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
        scrolled, width = self.verticalScrollBar().value(), self.width()
        for row in rows:
            top = self.row_top(row) - scrolled
            self.viewport().update(QRect(0, top, width, self.row_height(row)))

    def row_visible(self, row: int) -> bool:
        top = self.row_top(row) - self.verticalScrollBar().value()
        return top >= 0 and top + self.row_height(row) <= self.viewport().height()

    # events -----------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._tops_key = None

    def index_at_row(self, row: int) -> QModelIndex:
        return self.transcript_model().index(row)
