"""Style icons recoloured to the palette's text colour.

Fusion's media icons are drawn in a fixed dark grey that all but vanishes on a dark theme; painting
their shapes in ``WindowText`` keeps them as visible as the labels beside them in either theme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QWidget

SIZES = (16, 24, 32, 48)


def themed_icon(widget: QWidget, which: QStyle.StandardPixmap) -> QIcon:
    source = widget.style().standardIcon(which)
    color = widget.palette().color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in SIZES:
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
