"""A row of the synced pane drawn as a card: time, a coloured bar for its kind, its words.

Heights depend on the width the text wraps to, so they are cached per (cue, width) and the
cache is dropped when the model resets or the view is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from player.core.timefmt import format_ms
from player.core.timeline import CueKind
from player.ui import palette
from player.ui.delegates.card_frame import paint_card_background, paint_separator
from player.ui.models.pane_model import PaneModel, PaneRow, Role
from player.ui.text_paint import draw_text, reading_width, shown_text, text_height

PAD = 10.0
TIME_W = 62.0
BAR_W = 4.0
GAP = 12.0
PLACEHOLDER_H = 60

_KIND_LABEL = {
    CueKind.CONCEPT: "CONCEPT",
    CueKind.TAKEAWAY: "TAKEAWAY",
    CueKind.NOTE: "NOTE",
    CueKind.CHAPTER: "CHAPTER",
}


class CueCardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[object, int], tuple[PaneRow | None, int]] = {}
        self.model: PaneModel | None = None  # the view's model, set by it: asked per row
        self._font_cache: dict[tuple[str, float | None], tuple[QFont, QFont, QFont, QFont]] = {}
        self.body_point_size: float | None = None

    def clear_cache(self) -> None:
        self._heights.clear()

    # fonts -----------------------------------------------------------------------------------

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, QFont]:
        key = (option.font.key(), self.body_point_size)
        cached = self._font_cache.get(key)
        if cached is None:
            cached = self._font_cache[key] = self._make_fonts(option.font)
        return cached

    def _make_fonts(self, font: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        base = QFont(font)
        if self.body_point_size:
            base.setPointSizeF(self.body_point_size)
        body = QFont(base)
        body.setPointSizeF(base.pointSizeF() * 1.08)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        label = QFont(small)
        label.setBold(True)
        label.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        italic = QFont(small)
        italic.setItalic(True)
        return body, small, label, italic

    def _text_width(self, option: QStyleOptionViewItem) -> float:
        available = option.rect.width() - PAD * 2 - TIME_W - BAR_W - GAP
        return max(80.0, reading_width(self._fonts(option)[0], available))

    def _parts(self, index: QModelIndex | QPersistentModelIndex):
        row = self._row(index)
        if row is not None:
            kind, title, body, detail = row.cue.kind, row.title, row.body, row.detail
        else:
            kind = index.data(Role.KIND)
            title = index.data(Role.TITLE) or ""
            body = index.data(Role.BODY) or ""
            detail = index.data(Role.DETAIL) or ""
        if kind == CueKind.QUOTE:
            body = f"“{body}”"
        return kind, title, body, detail

    def _row(self, index: QModelIndex | QPersistentModelIndex) -> PaneRow | None:
        """The row itself, one call instead of a role lookup per field (a hot path)."""
        if self.model is not None:
            return self.model.row(index.row())
        model = index.model()
        return model.row(index.row()) if isinstance(model, PaneModel) else None

    def _compact(self, index) -> bool:
        row = self._row(index)
        return row.compact if row is not None else bool(index.data(Role.COMPACT))

    # Qt API ----------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        width = int(option.rect.width()) or 400
        view = self.parent()
        if isinstance(view, QWidget) and not view.isVisible():
            # Before the view is shown its width is a guess; measuring every card at it would
            # be thrown away at the first show. A placeholder costs nothing.
            return QSize(width, PLACEHOLDER_H)
        # Per row object, not row number: a row inserted above moves the rest. Keyed by its id
        # (hashing a row's text 100,000 times costs more than measuring one); the entry keeps
        # the row itself, so an id is never mistaken for a later row's.
        row = self._row(index)
        key = (id(row), width) if row is not None else (index.data(Role.CUE), width)
        entry = self._heights.get(key)
        if entry is not None and entry[0] is row:
            cached = entry[1]
        else:
            cached = int(self._measure(option, index))
            self._heights[key] = (row, cached)
        return QSize(width, cached)

    def _measure(self, option: QStyleOptionViewItem, index) -> float:
        body_f, small_f, label_f, _ = self._fonts(option)
        w = self._text_width(option)
        kind, title, body, detail = self._parts(index)
        h = PAD
        if kind in _KIND_LABEL or title:
            h += QFontMetricsF(label_f).height() + 2
        if self._compact(index):
            h += QFontMetricsF(small_f).height()
        else:
            h += text_height(body, body_f, w)
        if detail:
            h += 4 + text_height(detail, small_f, w)
        return h + PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        pal = option.palette
        kind, title, body, detail = self._parts(index)
        active = bool(index.data(Role.ACTIVE))
        color = palette.kind_color(kind)

        paint_card_background(painter, option, palette.active_fill(kind) if active else None)

        body_f, small_f, label_f, italic_f = self._fonts(option)
        text_color = pal.color(QPalette.ColorRole.Text)
        muted = palette.muted_text()

        # time column
        time_rect = QRectF(rect.left() + PAD, rect.top() + PAD, TIME_W - 6, rect.height())
        tf = QFont(small_f)
        if active:
            tf.setBold(True)
        painter.setFont(tf)
        painter.setPen(color if active else muted)
        painter.drawText(
            time_rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            format_ms(index.data(Role.START_MS)),
        )

        # kind bar
        bar_x = rect.left() + PAD + TIME_W
        bar = QRectF(
            bar_x,
            rect.top() + PAD - 2,
            BAR_W if not active else BAR_W + 1,
            rect.height() - 2 * PAD + 4,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        bar_color = (
            color if active else color.lighter(130) if not palette.is_dark() else color.darker(130)
        )
        painter.setBrush(bar_color)
        painter.drawRoundedRect(bar, 2, 2)

        x = bar_x + BAR_W + GAP
        w = self._text_width(option)
        y = rect.top() + PAD
        label = _KIND_LABEL.get(kind)
        if label or title:
            fm = QFontMetricsF(label_f)
            if label:
                painter.setFont(label_f)
                painter.setPen(color)
                painter.drawText(QRectF(x, y, w, fm.height()), label)
                lx = x + fm.horizontalAdvance(label) + 8
            else:
                lx = x
            if title:
                f = QFont(label_f if kind != CueKind.QUOTE else italic_f)
                if kind == CueKind.QUOTE:
                    f.setBold(False)
                painter.setFont(f)
                painter.setPen(text_color if kind != CueKind.QUOTE else muted)
                shown = title if kind != CueKind.QUOTE else f"[{title}]"
                elided = QFontMetricsF(f).elidedText(shown, Qt.TextElideMode.ElideRight, x + w - lx)
                painter.drawText(QRectF(lx, y, x + w - lx, fm.height()), elided)
            y += fm.height() + 2
        body_color = text_color if kind in (CueKind.QUOTE, CueKind.NOTE, CueKind.CHAPTER) else muted
        if kind == CueKind.CONCEPT and active:
            body_color = text_color
        if self._compact(index):
            painter.setFont(small_f)
            painter.setPen(muted)
            line = QFontMetricsF(small_f).elidedText(
                shown_text(body), Qt.TextElideMode.ElideRight, w
            )
            painter.drawText(QRectF(x, y, w, QFontMetricsF(small_f).height()), line)
        else:
            y += draw_text(painter, QRectF(x, y, w, 10_000), body, body_f, body_color)
        if detail:
            y += 4
            draw_text(painter, QRectF(x, y, w, 10_000), detail, small_f, muted)
        if index.data(Role.STARRED):
            painter.setPen(palette.kind_color(CueKind.CONCEPT))
            painter.setFont(small_f)
            painter.drawText(
                QRectF(rect.right() - PAD - 16, rect.top() + PAD - 2, 16, 16),
                int(Qt.AlignmentFlag.AlignRight),
                "★",
            )
        paint_separator(painter, option)
        painter.restore()
