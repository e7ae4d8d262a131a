"""A search hit: its kind and moment on one line, the text below with matched words marked.

Long texts (a summary paragraph) are cut to a window around the first match so the hit shows why
it matched without a wall of text. A concept is indexed as "name: description"; its name goes in
the header, so the cut around a match deep in the description never leaves the hit nameless.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from player.core.timefmt import format_ms
from player.core.timeline import CueKind
from player.ui import palette
from player.ui.delegates.card_frame import paint_card_background, paint_separator
from player.ui.models.search_model import HIT_ROLE, SearchRow
from player.ui.text_paint import draw_text, reading_width, text_height

PAD = 7.0
WINDOW = 220


def excerpt(row: SearchRow) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text around the first match, with spans shifted to the cut."""
    text = row.text
    if len(text) <= WINDOW or not row.spans:
        return text, row.spans
    first = row.spans[0][0]
    start = max(0, first - WINDOW // 3)
    end = min(len(text), start + WINDOW)
    cut = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    shift = start - (1 if start else 0)
    spans = tuple(
        (max(0, a - shift), min(len(cut), b - shift))
        for a, b in row.spans
        if a >= start and b <= end
    )
    return cut, spans


def titled(row: SearchRow) -> tuple[str, SearchRow]:
    """A concept hit's name, and the hit with only its description left to show."""
    if row.kind != "concept" or ": " not in row.text:
        return "", row
    name, _, rest = row.text.partition(": ")
    cut = len(name) + 2
    spans = tuple((max(0, a - cut), b - cut) for a, b in row.spans if b > cut)
    return name, row.replace(text=rest, spans=spans)


NO_MOMENT = "no moment linked"


def header_text(row: SearchRow) -> str:
    name, _ = titled(row)
    header = row.kind.upper()
    if name:
        header += "  ·  " + name
    if row.at_ms is not None:
        header += "  ·  ▶ " + format_ms(row.at_ms)
    elif row.kind == "concept":
        header += "  ·  " + NO_MOMENT
    return header


def _kind_color(kind: str):
    try:
        return palette.kind_color(CueKind(kind))
    except ValueError:
        return palette.muted_text()


class SearchHitDelegate(QStyledItemDelegate):
    def _header_font(self, option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setPointSizeF(option.font.pointSizeF() * 0.85)
        f.setBold(True)
        return f

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        _, row = titled(index.data(HIT_ROLE))
        text, _ = excerpt(row)
        w = max(60.0, reading_width(option.font, option.rect.width() - 2 * PAD))
        h = PAD + QFontMetricsF(self._header_font(option)).height() + 2
        h += text_height(text, option.font, w) + PAD
        return QSize(int(option.rect.width() or 300), int(h))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row: SearchRow = index.data(HIT_ROLE)
        painter.save()
        rect = QRectF(option.rect)
        pal = option.palette
        paint_card_background(painter, option)
        hf = self._header_font(option)
        fm = QFontMetricsF(hf)
        painter.setFont(hf)
        painter.setPen(_kind_color(row.kind))
        width = rect.width() - 2 * PAD
        header = fm.elidedText(header_text(row), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(rect.left() + PAD, rect.top() + PAD, width, fm.height()), header)
        text, spans = excerpt(titled(row)[1])
        draw_text(
            painter,
            QRectF(
                rect.left() + PAD,
                rect.top() + PAD + fm.height() + 2,
                max(60.0, reading_width(option.font, rect.width() - 2 * PAD)),
                10_000,
            ),
            text,
            option.font,
            pal.color(QPalette.ColorRole.Text),
            spans,
            palette.search_highlight(),
        )
        paint_separator(painter, option)
        painter.restore()
