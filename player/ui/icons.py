"""Style icons recoloured to the palette's text colour.

Fusion's media icons are drawn in a fixed dark grey that all but vanishes on a dark theme; painting
their shapes in ``WindowText`` keeps them as visible as the labels beside them in either theme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QWidget


def themed_icon(widget: QWidget, which: QStyle.StandardPixmap, side: int = 16) -> QIcon:
    """``which`` in ``widget``'s text colour, ``side`` pixels square and twice that (for a
    screen scaled to 200 %; Qt scales down between the two). Four fixed sizes for each icon
    were 3 ms of the first frame."""
    source = widget.style().standardIcon(which)
    color = widget.palette().color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in (side, 2 * side):
        pix = source.pixmap(size, size)
        if pix.isNull():
            continue
        tinted = QPixmap(pix.size())
        tinted.setDevicePixelRatio(pix.devicePixelRatio())
        tinted.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tinted)
        painter.drawPixmap(0, 0, pix)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(tinted.rect(), color)
        painter.end()
        icon.addPixmap(tinted)
    return icon if not icon.isNull() else source
