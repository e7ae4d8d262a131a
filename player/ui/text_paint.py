"""Wrapped plain text, measured and painted, with optional highlighted character ranges.

Delegates draw brief text and notes with ``QTextLayout`` rather than rich text: nothing a brief or
a listener types can ever be read as markup, and search hits are coloured by character range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)


def _layout(
    text: str,
    font: QFont,
    width: float,
    spans: Sequence[tuple[int, int]] = (),
    hl: QColor | None = None,
) -> tuple[QTextLayout, float]:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if spans and hl is not None:
        ranges = []
        for start, end in spans:
            fr = QTextLayout.FormatRange()
            fr.start = start
            fr.length = max(0, end - start)
            fmt = QTextCharFormat()
            fmt.setBackground(hl)
            fmt.setFontWeight(QFont.Weight.Bold)
            fr.format = fmt
            ranges.append(fr)
        layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(10.0, width))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


def text_height(text: str, font: QFont, width: float) -> float:
    if not text:
        return 0.0
    # Most notes and many cards fit on one line: measuring the advance is far cheaper than a
    # full layout, and gives the same height.
    if "\n" not in text and "\u2028" not in text:
        fm = _metrics(font)
        if fm.horizontalAdvance(text) <= max(10.0, width):
            return float(math.ceil(fm.height()))  # QTextLine rounds its height up too
    return _layout(text, font, width)[1]


_METRICS: dict[str, QFontMetricsF] = {}


def _metrics(font: QFont) -> QFontMetricsF:
    key = font.key()
    fm = _METRICS.get(key)
    if fm is None:
        fm = _METRICS[key] = QFontMetricsF(font)
    return fm


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    color: QColor,
    spans: Sequence[tuple[int, int]] = (),
    highlight: QColor | None = None,
) -> float:
    """Paint ``text`` wrapped into ``rect``'s width; return the height used."""
    if not text:
        return 0.0
    layout, height = _layout(text, font, rect.width(), spans, highlight)
    painter.save()
    painter.setPen(color)
    painter.setFont(font)
    layout.draw(painter, rect.topLeft())
    painter.restore()
    return height
