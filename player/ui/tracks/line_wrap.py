"""Word wrap by arithmetic, for a list of 30,000 lines that must each be shown whole.

Laying out every line with ``QTextLayout`` at every width took seconds for a transcript of
sentences. Here each word is measured once per font (a transcript has a small vocabulary), a
line keeps the running x where each of its words ends, and wrapping at a width is a few
``bisect`` calls per line: one per row of text it takes. Measuring and painting use the same
breaks, so a line is never taller or shorter than what is drawn in it.

Breaks are computed in the heavier weight of the lit line, so lighting a line never needs more
rows than it was given. A word wider than the whole column (a URL) gets a row of its own and
is elided there.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter


def weighted(font: QFont, weight: QFont.Weight) -> QFont:
    f = QFont(font)
    f.setWeight(weight)
    return f


class WordWrap:
    """Breaks for lines of ``prefix`` (a speaker, bold) and words, in one font."""

    def __init__(self, font: QFont) -> None:
        self.key = font.key()
        self.regular = QFont(font)
        self.heavy = weighted(font, QFont.Weight.DemiBold)
        self.bold = weighted(font, QFont.Weight.Bold)
        self._fm = QFontMetricsF(self.heavy)
        self._fm_bold = QFontMetricsF(self.bold)
        self.space = self._fm.horizontalAdvance(" ")
        self.line_spacing = self._fm.lineSpacing()
        self.ascent = self._fm.ascent()
        self._advance: dict[str, float] = {}
        self._prefix: dict[str, float] = {}

    def width(self, prefix: str, words: list[str]) -> float:
        """The line set on one row: one measurement, no per-word work. Most lines fit."""
        w = self._fm.horizontalAdvance(" ".join(words)) if words else 0.0
        if prefix:
            p = self._prefix.get(prefix)
            if p is None:
                p = self._prefix[prefix] = self._fm_bold.horizontalAdvance(prefix)
            w += p + (self.space if words else 0.0)
        return w

    def ends(self, prefix: str, words: list[str]) -> array:
        """Where each token ends when the line is set on one row; the prefix is token 0."""
        advance = self._advance
        for w in set(words).difference(advance):
            advance[w] = self._fm.horizontalAdvance(w)
        widths = [self._fm_bold.horizontalAdvance(prefix)] if prefix else []
        widths += [advance[w] for w in words]
        if not widths:
            return array("d")
        space = self.space
        steps = [widths[0], *[space + w for w in widths[1:]]]
        return array("d", accumulate(steps))

    def rows(self, ends: array, width: float) -> list[tuple[int, int]]:
        """Token ranges ``[first, last]`` of each row at ``width``."""
        out: list[tuple[int, int]] = []
        first, count, start = 0, len(ends), 0.0
        while first < count:
            last = max(first, bisect_right(ends, start + width, first) - 1)
            out.append((first, last))
            start = ends[last] + self.space
            first = last + 1
        return out or [(0, -1)]

    def row_count(self, ends: array, width: float) -> int:
        """``len(rows(ends, width))``, without building the rows: run for every long line."""
        first, count, start, rows, space = 0, len(ends), 0.0, 0, self.space
        while first < count:
            last = bisect_right(ends, start + width, first) - 1
            if last < first:
                last = first
            rows += 1
            start = ends[last] + space
            first = last + 1
        return rows

    def draw(
        self,
        painter: QPainter,
        at: QPointF,
        width: float,
        prefix: str,
        words: list[str],
        ends: array | None,
        *,
        heavy: bool,
        prefix_color: QColor,
        color: QColor,
    ) -> None:
        """Paint the line at the breaks ``rows`` gives (one row when ``ends`` is None: the line
        fits); tokens as ``ends`` counted them."""
        tokens = ([prefix] if prefix else []) + words
        body = self.heavy if heavy else self.regular
        body_fm = QFontMetricsF(body)
        if ends is None:
            ends = self.ends(prefix, [" ".join(words)] if words else [])
            tokens = ([prefix] if prefix else []) + ([" ".join(words)] if words else [])
            breaks = [(0, len(tokens) - 1)]
        else:
            breaks = self.rows(ends, width)
        for row, (first, last) in enumerate(breaks):
            y = at.y() + row * self.line_spacing + self.ascent
            x = at.x()
            if prefix and first == 0:
                painter.setFont(self.bold)
                painter.setPen(prefix_color)
                painter.drawText(QPointF(x, y), prefix)
                x += ends[0] + self.space
                first = 1
            if first > last:
                continue
            text = " ".join(tokens[first : last + 1])
            token_start = ends[last - 1] + self.space if last else 0.0
            if first == last and ends[last] - token_start > width + 0.5:
                text = body_fm.elidedText(text, Qt.TextElideMode.ElideRight, at.x() + width - x)
            painter.setFont(body)
            painter.setPen(color)
            painter.drawText(QPointF(x, y), text)
