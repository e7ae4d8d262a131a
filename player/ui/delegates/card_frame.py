"""What every card in every list shares: its background for each state, and the rule below it.

One place decides how "lit", "selected" and "under the mouse" look, so the pane, search hits,
takeaways and notes cannot drift apart. Lit (playing) is a tinted fill; the keyboard's item is
a ring in the highlight colour, never a fill, so the two never look alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

RING_W = 2.0


def paint_card_background(
    painter: QPainter,
    option: QStyleOptionViewItem,
    active: QColor | None = None,
) -> None:
    """Fill the card: lit (``active``) beats hover."""
    rect = QRectF(option.rect)
    pal = option.palette
    if active is not None:
        painter.fillRect(rect, active)
    elif option.state & QStyle.StateFlag.State_MouseOver:
        hover = pal.color(QPalette.ColorRole.Text)
        hover.setAlpha(12)
        painter.fillRect(rect, hover)


def paint_separator(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The rule below the card, and the ring round the keyboard's item (drawn last, on top)."""
    rect = option.rect
    sep = option.palette.color(QPalette.ColorRole.Text)
    sep.setAlpha(22)
    # A filled row of pixels, not a line: the cards paint antialiased, and an antialiased
    # line across a card costs a tenth of a millisecond, which a list of 100,000 notes pays
    # for every card in sight each time one note changes.
    painter.fillRect(rect.left(), rect.bottom(), rect.width(), 1, sep)
    paint_focus_ring(painter, option)


def paint_focus_ring(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Solid while the list has the keyboard; thinner once it went elsewhere, so the chosen
    item stays findable."""
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    if not (focused or option.state & QStyle.StateFlag.State_Selected):
        return
    ring = option.palette.color(QPalette.ColorRole.Highlight)
    width = RING_W if focused else 1.0
    if not focused:
        ring.setAlpha(150)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(ring, width))
    inset = width / 2 + 0.5
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), 4, 4)
    painter.restore()
