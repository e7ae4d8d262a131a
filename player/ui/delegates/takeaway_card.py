"""A takeaway as a numbered card with a chip per linked moment; a click on a chip plays it.

Clicking elsewhere on the card plays the first moment, so every takeaway is one click away from
the audio whichever part the listener aims at. From the keyboard, Left and Right move a ring
between the current takeaway's moments and Enter plays the one ringed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from player.core.timefmt import format_ms
from player.core.timeline import CueKind
from player.ui import palette
from player.ui.delegates.card_frame import paint_card_background, paint_separator
from player.ui.models.takeaway_model import ACTIVE_ROLE, NUMBER_ROLE, STARRED_ROLE, TIMES_ROLE
from player.ui.text_paint import draw_text, text_height

PAD = 8.0
NUM_W = 26.0
CHIP_H = 20.0


class TakeawayCardDelegate(QStyledItemDelegate):
    moment_clicked = Signal("qlonglong")  # ms

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.focused_chip = 0  # which ▶ moment of the current takeaway Enter plays

    def focus_chip(self, chip: int) -> None:
        self.focused_chip = chip

    def _text_width(self, option: QStyleOptionViewItem) -> float:
        return max(60.0, option.rect.width() - 2 * PAD - NUM_W)

    def _chips(self, option: QStyleOptionViewItem, index, top: float) -> list[tuple[QRectF, int]]:
        fm = QFontMetricsF(self._chip_font(option))
        x = option.rect.left() + PAD + NUM_W
        out = []
        for ms in index.data(TIMES_ROLE) or []:
            w = fm.horizontalAdvance("▶ " + format_ms(ms)) + 14
            out.append((QRectF(x, top, w, CHIP_H), ms))
            x += w + 6
        return out

    def _chip_font(self, option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setPointSizeF(option.font.pointSizeF() * 0.88)
        return f

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        body = text.rsplit(" (", 1)[0] if index.data(TIMES_ROLE) else text
        h = PAD + text_height(body, option.font, self._text_width(option)) + 6
        if index.data(TIMES_ROLE):
            h += CHIP_H
        return QSize(int(option.rect.width() or 300), int(h + PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        pal = option.palette
        lit = palette.active_fill(CueKind.TAKEAWAY) if index.data(ACTIVE_ROLE) else None
        paint_card_background(painter, option, lit)
        color = palette.kind_color(CueKind.TAKEAWAY)
        num_f = QFont(option.font)
        num_f.setBold(True)
        painter.setFont(num_f)
        painter.setPen(color)
        star = "★" if index.data(STARRED_ROLE) else ""
        painter.drawText(
            QRectF(rect.left() + PAD, rect.top() + PAD, NUM_W - 4, 40),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            f"{index.data(NUMBER_ROLE)}{star}",
        )
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        body = text.rsplit(" (", 1)[0] if index.data(TIMES_ROLE) else text
        x = rect.left() + PAD + NUM_W
        y = rect.top() + PAD
        y += draw_text(
            painter,
            QRectF(x, y, self._text_width(option), 10_000),
            body,
            option.font,
            pal.color(QPalette.ColorRole.Text),
        )
        y += 6
        chip_font = self._chip_font(option)
        painter.setFont(chip_font)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        for i, (chip, ms) in enumerate(self._chips(option, index, y)):
            if focused and i == self.focused_chip:
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(chip.adjusted(-2, -2, 2, 2), CHIP_H / 2 + 2, CHIP_H / 2 + 2)
            fill = palette.kind_color(CueKind.QUOTE)
            fill.setAlpha(34)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, CHIP_H / 2, CHIP_H / 2)
            painter.setPen(palette.kind_color(CueKind.QUOTE))
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), "▶ " + format_ms(ms))
        paint_separator(painter, option)
        painter.restore()

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        times = index.data(TIMES_ROLE) or []
        if not times:
            return False
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        body = text.rsplit(" (", 1)[0]
        top = option.rect.top() + PAD + text_height(body, option.font, self._text_width(option)) + 6
        for chip, ms in self._chips(option, index, top):
            if chip.contains(event.position()):
                self.moment_clicked.emit(ms)
                return True
        self.moment_clicked.emit(times[0])
        return True
