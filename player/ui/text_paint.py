"""Wrapped plain text, measured and painted, with optional highlighted character ranges.

Delegates draw brief text and notes with ``QTextLayout`` rather than rich text: nothing a brief or
a listener types can ever be read as markup, and search hits are coloured by character range.

``QTextLayout`` takes no paragraph breaks: a typed line break becomes U+2028, its line separator
(same length, so highlight ranges stay put). Laying out text costs more than linear time in its
length (a 1 MB word took 30 s), and a card is relaid on every resize, so what is measured is
capped at ``MAX_CHARS`` and elided; the editor and exports keep the whole text. Layouts are kept
per (text, font, width) so scrolling and repainting do not lay the same card out again.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextLayout,
    QTextOption,
)

MAX_CHARS = 2_000
# Lines past about 90 characters are hard to follow back to their start; at wide windows the
# words keep this measure and the rest of a card stays empty.
READING_CHARS = 90
ELLIPSIS = "…"
CACHED_LAYOUTS = 1_024

_LAYOUTS: OrderedDict[tuple, tuple[QTextLayout, float]] = OrderedDict()


def shown_text(text: str) -> str:
    """The text as a card shows it: line breaks kept as line separators, capped and elided."""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS] + ELLIPSIS
    return text.replace("\r", " ").replace("\n", "\u2028")


def _layout(
    text: str,
    font: QFont,
    width: float,
    spans: Sequence[tuple[int, int]] = (),
    hl: QColor | None = None,
) -> tuple[QTextLayout, float]:
    width = max(10.0, width)
    key = (text, font.key(), width, tuple(spans), hl.rgba() if hl is not None else None)
    hit = _LAYOUTS.get(key)
    if hit is not None:
        _LAYOUTS.move_to_end(key)
        return hit
    made = _make_layout(shown_text(text), font, width, spans, hl)
    _LAYOUTS[key] = made
    if len(_LAYOUTS) > CACHED_LAYOUTS:
        _LAYOUTS.popitem(last=False)
    return made


def _make_layout(
    text: str,
    font: QFont,
    width: float,
    spans: Sequence[tuple[int, int]],
    hl: QColor | None,
) -> tuple[QTextLayout, float]:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if spans and hl is not None:
        # Only search hits are lit this way: their format's class (and the 116 members of its
        # enum) is not imported before the first frame, which shows none.
        from PySide6.QtGui import QTextCharFormat

        ranges = []
        for start, end in spans:
            if start >= len(text):
                continue
            fr = QTextLayout.FormatRange()
            fr.start = start
            fr.length = max(0, min(end, len(text)) - start)
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
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


def reading_width(font: QFont, available: float) -> float:
    """``available``, but no wider than ``READING_CHARS`` average characters of ``font``."""
    return min(available, _metrics(font).averageCharWidth() * READING_CHARS)


def text_height(text: str, font: QFont, width: float) -> float:
    if not text:
        return 0.0
    # Most notes and many cards fit on one line: measuring the advance is far cheaper than a
    # full layout, and gives the same height. A text three times a line's worth of average
    # letters is not tried: shaping a paragraph to learn it is too long costs nearly what its
    # layout does, and the layout, needed anyway, gives the height of one line as well.
    if len(text) <= MAX_CHARS and not any(c in text for c in "\n\r\u2028"):
        fm = _metrics(font)
        line = max(10.0, width)
        if len(text) * fm.averageCharWidth() <= 3 * line and fm.horizontalAdvance(text) <= line:
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
