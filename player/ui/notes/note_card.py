"""A note in a list: its moment, what it is attached to, its words and tags, all plain text.

Used by the Notes tab and the All Notes dialog. Heights are cached per (note id, width), so a
long list scrolls without re-measuring text it has already laid out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from player.core.storage.notes import Note
from player.core.timeline import CueKind
from player.ui import palette
from player.ui.delegates.card_frame import paint_card_background, paint_separator
from player.ui.notes.notes_model import ACTIVE_ROLE, BOOKMARK, NOTE_ROLE, moment
from player.ui.text_paint import draw_text, reading_width, text_height

PAD = 8.0
BAR_W = 3.0
GAP = 8.0


class NoteCardDelegate(QStyledItemDelegate):
    """``show_episode`` names each note's episode in its header (the All Notes list): it gives
    an episode's title from its id."""

    def __init__(self, parent=None, *, show_episode: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.show_episode = show_episode
        self._heights: dict[tuple[str, str, int], int] = {}

    def clear_cache(self) -> None:
        self._heights.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        head = QFont(small)
        head.setBold(True)
        return body, small, head

    def _header(self, note: Note) -> str:
        kind = "CLIP" if note.is_clip else "NOTE"
        head = f"{moment(note)}  {kind}"
        if self.show_episode is not None:
            head += f"  ·  {self.show_episode(note.episode_id)}"
        return head

    def _lines(self, note: Note) -> tuple[str, str, str]:
        attached = ""
        if note.attached is not None:
            attached = f"{note.attached.kind}: {note.attached.label}".strip()
        tags = " ".join(f"#{t}" for t in note.tags)
        return attached, note.text or BOOKMARK, tags

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        note: Note = index.data(NOTE_ROLE)
        width = int(option.rect.width()) or 320
        key = (note.id, note.updated_at, width)
        cached = self._heights.get(key)
        if cached is None:
            body_f, small_f, head_f = self._fonts(option)
            w = max(60.0, reading_width(body_f, width - 2 * PAD - BAR_W - GAP))
            attached, text, tags = self._lines(note)
            h = PAD + QFontMetricsF(head_f).height() + 2
            if attached:
                h += QFontMetricsF(small_f).height() + 2
            h += text_height(text, body_f, w)
            if tags:
                h += 2 + QFontMetricsF(small_f).height()
            cached = int(h + PAD)
            self._heights[key] = cached
        return QSize(width, cached)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        note: Note = index.data(NOTE_ROLE)
        painter.save()
        rect = QRectF(option.rect)
        pal = option.palette
        color = palette.kind_color(CueKind.NOTE)
        lit = palette.active_fill(CueKind.NOTE) if index.data(ACTIVE_ROLE) else None
        paint_card_background(painter, option, lit)
        body_f, small_f, head_f = self._fonts(option)
        muted = palette.muted_text()
        text_color = pal.color(QPalette.ColorRole.Text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(
            QRectF(rect.left() + PAD, rect.top() + PAD, BAR_W, rect.height() - 2 * PAD), 1.5, 1.5
        )
        x = rect.left() + PAD + BAR_W + GAP
        w = max(60.0, reading_width(body_f, rect.width() - 2 * PAD - BAR_W - GAP))
        y = rect.top() + PAD
        attached, text, tags = self._lines(note)

        fm = QFontMetricsF(head_f)
        painter.setFont(head_f)
        painter.setPen(color)
        header = fm.elidedText(self._header(note), Qt.TextElideMode.ElideRight, w)
        painter.drawText(QRectF(x, y, w, fm.height()), header)
        y += fm.height() + 2
        sm = QFontMetricsF(small_f)
        if attached:
            italic = QFont(small_f)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            line = QFontMetricsF(italic).elidedText(attached, Qt.TextElideMode.ElideRight, w)
            painter.drawText(QRectF(x, y, w, sm.height()), line)
            y += sm.height() + 2
        y += draw_text(
            painter, QRectF(x, y, w, 10_000), text, body_f, text_color if note.text else muted
        )
        if tags:
            y += 2
            painter.setFont(small_f)
            painter.setPen(muted)
            line = sm.elidedText(tags, Qt.TextElideMode.ElideRight, w)
            painter.drawText(QRectF(x, y, w, sm.height()), line)
        paint_separator(painter, option)
        painter.restore()
