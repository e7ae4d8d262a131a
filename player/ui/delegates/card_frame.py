"""What every card in every list shares: its background for each state, and the rule below it.

One place decides how "lit", "selected" and "under the mouse" look, so the pane, search hits,
takeaways and notes cannot drift apart.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem


def paint_card_background(
    painter: QPainter,
    option: QStyleOptionViewItem,
    active: QColor | None = None,
    *,
    selected_alpha: int = 50,
    selectable: bool = True,
) -> None:
    """Fill the card: lit (``active``) beats selected, which beats hover."""
    rect = QRectF(option.rect)
    pal = option.palette
    if active is not None:
        painter.fillRect(rect, active)
    elif selectable and option.state & QStyle.StateFlag.State_Selected:
        sel = pal.color(QPalette.ColorRole.Highlight)
        sel.setAlpha(selected_alpha)
        painter.fillRect(rect, sel)
    elif option.state & QStyle.StateFlag.State_MouseOver:
        hover = pal.color(QPalette.ColorRole.Text)
        hover.setAlpha(12)
        painter.fillRect(rect, hover)


def paint_separator(painter: QPainter, option: QStyleOptionViewItem) -> None:
    rect = QRectF(option.rect)
    sep = option.palette.color(QPalette.ColorRole.Text)
    sep.setAlpha(22)
    painter.setPen(sep)
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
