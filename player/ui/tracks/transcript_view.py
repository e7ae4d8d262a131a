"""The Transcript tab: every line with its time, the line being heard lit and kept in sight.

Rows are all one height (two lines of text) so the view never measures 30,000 rows: with
uniform item sizes Qt lays out a long transcript in constant time and scrolls it like a short
one. A line longer than two lines is elided; its tooltip has the rest.

Following works like the brief's pane: it stops the moment the listener scrolls, a "Back to now"
button appears, and pressing it (or Ctrl+N) follows again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
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
from player.ui.tracks.transcript_model import Role, TranscriptModel
from player.ui.widgets.following_view import FollowingListView

PAD_X = 10
PAD_Y = 5
TIME_GAP = 12
LINES = 2


class TranscriptLineDelegate(QStyledItemDelegate):
    """Time in a fixed column, then the speaker (where it changes) and the words."""

    def sizeHint(self, option: QStyleOptionViewItem, _index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.lineSpacing() * LINES + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        rect: QRect = option.rect
        pal = option.palette
        active = bool(index.data(Role.ACTIVE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = palette.kind_color(CueKind.TRANSCRIPT)
        if active:
            painter.fillRect(rect, palette.active_fill(CueKind.QUOTE))
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), accent)
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
        painter.setFont(font)
        painter.setPen(palette.muted_text())
        painter.drawText(
            QRect(rect.left() + PAD_X, top, time_w, fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(Role.TIME)),
        )
        left = rect.left() + PAD_X + time_w
        width = max(10, rect.right() - PAD_X - left)
        speaker = str(index.data(Role.SPEAKER) or "")
        text = str(index.data(Role.TEXT) or "")
        prefix = f"{speaker}: " if speaker else ""
        _draw_two_lines(
            painter,
            QRectF(left, top, width, fm.lineSpacing() * LINES),
            font,
            prefix,
            text,
            pal.color(QPalette.ColorRole.Text),
            accent,
            bold=active,
        )
        painter.restore()


def _draw_two_lines(
    painter: QPainter,
    rect: QRectF,
    font: QFont,
    prefix: str,
    text: str,
    color,
    prefix_color,
    *,
    bold: bool,
) -> None:
    """Word-wrapped into the rect's lines; the last line elided if the words run on."""
    body_font = QFont(font)
    body_font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    full = prefix + " ".join(text.split())
    layout = QTextLayout(full, body_font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    if prefix:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(prefix_color)
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = 0, len(prefix), fmt
        layout.setFormats([span])
    fm = QFontMetrics(body_font)
    layout.beginLayout()
    lines = []
    y = 0.0
    while len(lines) < LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, y))
        y += fm.lineSpacing()
        lines.append(line)
    layout.endLayout()
    painter.setPen(color)
    runs_on = bool(lines) and lines[-1].textStart() + lines[-1].textLength() < len(full)
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if last and runs_on:
            rest = full[line.textStart() :]
            painter.setFont(body_font)
            elided = fm.elidedText(rest, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(
                QRectF(rect.left(), rect.top() + line.y(), rect.width(), fm.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
        else:
            line.draw(painter, rect.topLeft())


class TranscriptView(FollowingListView):
    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Back to now: follow the transcript again")
        self.setModel(model)
        self.setItemDelegate(TranscriptLineDelegate(self))
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setAccessibleName("Transcript: lines in time order")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        model.active_rows_changed.connect(self._repaint_rows)

    def transcript_model(self) -> TranscriptModel:
        model = self.model()
        assert isinstance(model, TranscriptModel)
        return model

    def lit_rows(self) -> list[int]:
        return self.transcript_model().active_rows()

    def row_height(self) -> int:
        return QFontMetrics(self.font()).lineSpacing() * LINES + 2 * PAD_Y

    def row_top(self, row: int) -> int:
        """Where a row starts in the scrolled content, in pixels.

        Rows are all one height, so this is arithmetic. ``QListView.visualRect`` would give the
        same answer but asks the model for its row count once per row above the one asked
        about: 14 ms on a 30,000-line transcript, on every line change.
        """
        return row * self.row_height()

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
        h, scrolled, width = self.row_height(), self.verticalScrollBar().value(), self.width()
        for row in rows:
            self.viewport().update(QRect(0, self.row_top(row) - scrolled, width, h))

    def row_visible(self, row: int) -> bool:
        top = self.row_top(row) - self.verticalScrollBar().value()
        return top >= 0 and top + self.row_height() <= self.viewport().height()

    # events -----------------------------------------------------------------------------------

    def index_at_row(self, row: int) -> QModelIndex:
        return self.transcript_model().index(row)
