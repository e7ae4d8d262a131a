"""The library as a list model, and the delegate that draws each row as plain text.

A row is a cover (the art embedded in its audio file, else an image beside the brief, else the
title's first letter), the title, one line of facts (show, length, notes, where it comes from)
and a thin bar of how far the listener got. Text is painted with
``drawText``, never as rich text: a title is whatever a brief file says, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from player.core.library_entries import LibraryItem
from player.core.timefmt import format_ms
from player.ui.library.covers import CoverArt, shared_cover_art, square
from player.ui.models.rows_model import RowsModel
from player.ui.palette import muted_text

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
COVER_PX = 48
PAD = 10
BAR_PX = 4

Index = QModelIndex | QPersistentModelIndex


def facts_line(item: LibraryItem) -> str:
    """The row's second line; a missing file says so instead, since nothing else matters then."""
    if item.missing:
        return f"File not found: {_short(item.brief_path)}" if item.brief_path else "No file"
    parts = [p for p in (item.show,) if p]
    if item.length_s:
        parts.append(format_ms(round(item.length_s * 1000)))
    if item.notes:
        parts.append(f"{item.notes} note{'s' if item.notes != 1 else ''}")
    parts.append("Bundled" if item.bundled else "Opened brief")
    return "  ·  ".join(parts)


def _short(path: Path) -> str:
    """The path with the home folder written as ``~``, so the part that tells files apart shows."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def progress_line(item: LibraryItem) -> str:
    if item.progress is not None and item.position_ms > 0:
        return f"{round(item.progress * 100)}% heard, at {format_ms(item.position_ms)}"
    if item.position_ms > 0:
        return f"At {format_ms(item.position_ms)}"
    return "Not started"


def spoken_text(item: LibraryItem) -> str:
    """What a screen reader says for the row: everything the picture shows, in words."""
    state = "missing, cannot be opened. " if item.missing else ""
    return f"{item.title}. {state}{facts_line(item)}. {progress_line(item)}."


def _tooltip(_model: object, item: LibraryItem) -> str | None:
    if item.missing:
        return "The brief file is no longer there. Remove it, or open it from its new place."
    return str(item.brief_path) if item.brief_path else None


class LibraryModel(RowsModel[LibraryItem]):
    roles = {  # noqa: RUF012 - read only; RowsModel turns the keys into ints once
        Qt.ItemDataRole.DisplayRole: lambda _m, item: item.title,
        ITEM_ROLE: lambda _m, item: item,
        Qt.ItemDataRole.AccessibleTextRole: lambda _m, item: spoken_text(item),
        Qt.ItemDataRole.ToolTipRole: _tooltip,
    }

    def set_items(self, items: Sequence[LibraryItem]) -> None:
        self.set_rows(items)

    def items(self) -> list[LibraryItem]:
        return self.rows()

    def item(self, row: int) -> LibraryItem:
        return self._rows[row]

    def row_of(self, episode_id: str) -> int | None:
        return self.find(lambda item: item.episode_id == episode_id)


class LibraryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, art: CoverArt | None = None) -> None:
        """``art`` reads embedded covers off the GUI thread; a view repaints on its
        ``arrived``."""
        super().__init__(parent)
        self._covers: dict[str, QPixmap | None] = {}
        self.art = art or shared_cover_art(COVER_PX)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        text_h = fm.height() * 3 + BAR_PX + 8
        return QSize(option.rect.width() or 400, max(COVER_PX, text_h) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: LibraryItem | None = index.data(ITEM_ROLE)
        if item is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Disabled if item.missing else QPalette.ColorGroup.Normal
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = option.palette.color(group, role)
        quiet = text_color if selected else muted_text()  # readable on a greyed row too

        painter.save()
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        cover_rect = QRect(rect.left(), rect.top(), COVER_PX, COVER_PX)
        self._draw_cover(painter, cover_rect, item, option.palette)
        left = cover_rect.right() + 1 + PAD
        width = rect.right() - left

        title_font = QFont(option.font)
        title_font.setBold(True)
        fm_title = QFontMetrics(title_font)
        fm = QFontMetrics(option.font)
        y = rect.top()
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = fm_title.elidedText(item.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, y, width, fm_title.height()), _LEFT, title)
        y += fm_title.height()

        facts_font = QFont(option.font)
        facts_font.setItalic(item.missing)
        painter.setFont(facts_font)
        painter.setPen(quiet)
        facts = fm.elidedText(facts_line(item), Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(QRect(left, y, width, fm.height()), _LEFT, facts)
        y += fm.height() + 4

        if not item.missing:
            bar_w = min(width, 220)
            bar = QRect(left, y + fm.height() // 2 - BAR_PX // 2, bar_w, BAR_PX)
            self._draw_bar(painter, bar, item, option.palette, selected)
            label_left = left + bar_w + PAD
            label = fm.elidedText(
                progress_line(item), Qt.TextElideMode.ElideRight, rect.right() - label_left
            )
            painter.drawText(
                QRect(label_left, y, rect.right() - label_left, fm.height()), _LEFT, label
            )
        painter.restore()

    def _draw_bar(
        self, painter: QPainter, rect: QRect, item: LibraryItem, pal: QPalette, selected: bool
    ) -> None:
        # On a selected row the highlight colour is the background, so the bar switches to the
        # highlighted text colour to stay visible.
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        done_color = pal.color(role)
        track = QColor(done_color if selected else muted_text())
        track.setAlpha(70 if selected else 60)
        painter.fillRect(rect, track)
        fraction = item.progress or 0.0
        if fraction > 0:
            done = QRect(rect.left(), rect.top(), max(2, round(rect.width() * fraction)), BAR_PX)
            painter.fillRect(done, done_color)

    def _draw_cover(self, painter: QPainter, rect: QRect, item: LibraryItem, pal: QPalette) -> None:
        pixmap = self._cover(item)
        if pixmap is not None:
            painter.drawPixmap(rect, pixmap)
            return
        fill = QColor(pal.color(QPalette.ColorRole.Mid))
        fill.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        font = QFont(painter.font())
        font.setPixelSize(COVER_PX // 2)
        font.setBold(True)
        painter.setFont(font)
        group = QPalette.ColorGroup.Disabled if item.missing else QPalette.ColorGroup.Normal
        painter.setPen(pal.color(group, QPalette.ColorRole.Text))
        letter = next((c for c in item.title if c.isalnum()), "?").upper()
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter)

    def _cover(self, item: LibraryItem) -> QPixmap | None:
        if item.audio_path is not None and not item.missing:
            embedded = self.art.cover(item.audio_path)  # None until read: the file's art below
            if embedded is not None:
                return embedded
        if item.cover_path is None:
            return None
        key = str(item.cover_path)
        if key not in self._covers:
            pixmap = QPixmap(key)
            self._covers[key] = None if pixmap.isNull() else square(pixmap, COVER_PX)
        return self._covers[key]


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
