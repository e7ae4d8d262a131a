"""A strip under the seek bar with every cue as a marker; hover shows the words, click seeks.

Quotes are ticks in the upper half, concepts in the lower half, notes full height, chapters as
bands along the bottom, each in its kind's colour. Markers are kept sorted by x so hover and click
find the nearest one with ``bisect`` instead of scanning a transcript's worth of cues.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from player.core.timefmt import format_ms
from player.core.timeline import Cue, CueKind
from player.ui import palette
from player.ui.rich_text import escape

HIT_PX = 5
NAME_WORDS = 12  # a quote is named by its first words
NOTE_CHARS = 400

_LEGEND = (CueKind.QUOTE, CueKind.CONCEPT, CueKind.NOTE, CueKind.CHAPTER)
LEGEND_TEXT = (
    "Quotes are ticks along the top, concepts along the bottom, notes full height, "
    "chapters bands at the foot; each in its own colour."
)


_MARKED = (CueKind.QUOTE, CueKind.CONCEPT, CueKind.NOTE)  # markers that cover one another


def _index(cues: list[Cue], starts: list[int], cue: Cue) -> int | None:
    """Where ``cue`` is in ``cues`` (ordered by ``starts``, which go with them), or None."""
    i = bisect_left(starts, cue.start_ms)
    while i < len(cues) and starts[i] == cue.start_ms:
        if cues[i] is cue or cues[i] == cue:
            return i
        i += 1
    return None


def _label(kind: CueKind) -> str:
    return kind.value.capitalize()


def _name(cue: Cue) -> str:
    """How a marker is named in its tooltip: a quote by its first words, the rest in full."""
    if cue.kind == CueKind.QUOTE:
        words = cue.text.split()
        return " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
    text = cue.text.strip()
    return text[:NOTE_CHARS] + ("…" if len(text) > NOTE_CHARS else "")


class TimelineStrip(QWidget):
    seek_requested = Signal("qlonglong")  # ms
    cue_clicked = Signal(object)  # Cue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline of quotes, concepts and notes")
        self.setAccessibleDescription(LEGEND_TEXT)
        self._cues: list[Cue] = []
        self._starts: list[int] = []
        self._chapters: list[Cue] = []  # drawn under every change, so kept apart (few)
        # Each marked kind's cues and starts apart too, in the same order: the markers that show
        # are found by jumping from pixel to pixel (see ``_shown_markers``).
        self._kind_cues: dict[CueKind, list[Cue]] = {}
        self._kind_starts: dict[CueKind, list[int]] = {}
        self._duration_ms = 1
        self._position_ms = 0
        self._hover: Cue | None = None
        self.inset_px = 0  # aligns the strip with the seek bar's groove
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None
        # Columns to draw again before the next paint: an edited note is taken out and put
        # back at the same place, and its columns are then drawn once, not twice.
        self._dirty: list[tuple[int, int]] = []

    def sizeHint(self) -> QSize:
        return QSize(400, 26)

    def set_cues(self, cues: Iterable[Cue]) -> None:
        shown = (CueKind.QUOTE, CueKind.CONCEPT, CueKind.NOTE, CueKind.CHAPTER)
        self._cues = sorted((c for c in cues if c.kind in shown), key=lambda c: c.start_ms)
        self._starts = [c.start_ms for c in self._cues]
        self._chapters = [c for c in self._cues if c.kind == CueKind.CHAPTER]
        self._kind_cues = {k: [c for c in self._cues if c.kind == k] for k in _MARKED}
        self._kind_starts = {k: [c.start_ms for c in cs] for k, cs in self._kind_cues.items()}
        self._invalidate()

    def add_cue(self, cue: Cue) -> None:
        if cue.kind in _LEGEND:
            i = bisect_right(self._starts, cue.start_ms)
            self._cues.insert(i, cue)
            self._starts.insert(i, cue.start_ms)
            if cue.kind in _MARKED:
                starts = self._kind_starts[cue.kind]
                i = bisect_right(starts, cue.start_ms)
                self._kind_cues[cue.kind].insert(i, cue)
                starts.insert(i, cue.start_ms)
            self._changed_at(cue)

    def remove_cue(self, cue: Cue) -> None:
        i = _index(self._cues, self._starts, cue)
        if i is not None:
            del self._cues[i], self._starts[i]
            if cue.kind in _MARKED:
                cues, starts = self._kind_cues[cue.kind], self._kind_starts[cue.kind]
                j = _index(cues, starts, cue)
                if j is not None:
                    del cues[j], starts[j]
            self._changed_at(cue)

    def replace_cue(self, old: Cue, new: Cue) -> None:
        """``new`` for ``old`` at the same moment: the same marker, so nothing is drawn again."""
        i = _index(self._cues, self._starts, old)
        if i is not None:
            self._cues[i] = new
            if old.kind in _MARKED:
                cues = self._kind_cues[old.kind]
                j = _index(cues, self._kind_starts[old.kind], old)
                if j is not None:
                    cues[j] = new
        if self._hover == old:
            self._hover = new

    def _changed_at(self, cue: Cue) -> None:
        """One marker came or went: only the few pixels it covers are drawn again, so a note
        added among 100,000 costs what those pixels cost, not a pass over every marker."""
        if cue.kind == CueKind.CHAPTER:
            self._chapters = [c for c in self._cues if c.kind == CueKind.CHAPTER]
            self._invalidate()
            return
        if self._cache is None:
            self.update()
            return
        x = int(self.x_for(cue.start_ms))
        if (x - 3, x + 4) not in self._dirty:
            self._dirty.append((x - 3, x + 4))
        self.update(x - 3, 0, 7, self.height())

    def cues(self) -> list[Cue]:
        return list(self._cues)

    def set_duration(self, duration_ms: int) -> None:
        if duration_ms > 0 and duration_ms != self._duration_ms:
            self._duration_ms = duration_ms
            self._invalidate()

    def set_position(self, position_ms: int) -> None:
        if position_ms != self._position_ms:
            old_x = self.x_for(self._position_ms)
            self._position_ms = position_ms
            new_x = self.x_for(position_ms)
            if int(old_x) != int(new_x):  # repaint only the two slivers the playhead touches
                self.update(int(old_x) - 1, 0, 3, self.height())
                self.update(int(new_x) - 1, 0, 3, self.height())

    # geometry ---------------------------------------------------------------------------------

    def _span(self) -> tuple[float, float]:
        left = float(self.inset_px)
        return left, max(1.0, self.width() - 2 * self.inset_px)

    def x_for(self, ms: int) -> float:
        left, width = self._span()
        return left + width * min(1.0, max(0.0, ms / self._duration_ms))

    def ms_for(self, x: float) -> int:
        left, width = self._span()
        return int(min(1.0, max(0.0, (x - left) / width)) * self._duration_ms)

    def cue_near(self, x: float) -> Cue | None:
        """The marker closest to ``x`` within a few pixels; chapters only as a last resort."""
        if not self._cues:
            return None
        ms = self.ms_for(x)
        tolerance = self.ms_for(x + HIT_PX) - ms if x + HIT_PX < self.width() else 0
        tolerance = max(tolerance, ms - self.ms_for(x - HIT_PX))
        lo = bisect_left(self._starts, ms - tolerance)
        best: Cue | None = None
        best_d = float("inf")
        for c in self._cues[lo:]:
            if c.start_ms > ms + tolerance:
                break
            d = abs(c.start_ms - ms) + (tolerance if c.kind == CueKind.CHAPTER else 0)
            if d < best_d:
                best, best_d = c, d
        return best

    # painting ---------------------------------------------------------------------------------

    def _marker(self, c: Cue, h: int) -> tuple[QRectF, QColor]:
        x = self.x_for(c.start_ms)
        color = palette.kind_color(c.kind)
        if c.kind == CueKind.CHAPTER:
            end = self.x_for(min(c.end_ms, self._duration_ms))
            color.setAlpha(90)
            return QRectF(x, h - 5, max(2.0, end - x - 1), 5), color
        if c.kind == CueKind.QUOTE:
            return QRectF(x - 1, 2, 3, h / 2 - 2), color
        if c.kind == CueKind.CONCEPT:
            return QRectF(x - 1, h / 2, 3, h / 2 - 6), color
        return QRectF(x - 1.5, 1, 4, h - 7), color

    def _markers(self) -> QPixmap:
        """Every marker, drawn once into a pixmap; the playhead moves over it.

        The strip repaints on every position report; redrawing a transcript's or a long notes
        list's markers each time would stall playback.
        """
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, palette.is_dark())
        if self._cache is not None and self._cache_key == key:
            while self._dirty:
                self._redraw_columns(*self._dirty.pop())
            return self._cache
        self._dirty.clear()  # drawn whole
        pix = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        h = self.height()
        left, width = self._span()
        groove = self.palette().color(QPalette.ColorRole.Text)
        groove.setAlpha(18)
        p.fillRect(QRectF(left, 0, width, h), groove)
        for c in self._shown_markers(dpr):
            rect, color = self._marker(c, h)
            p.fillRect(rect, color)
        p.end()
        self._cache, self._cache_key = pix, key
        return pix

    def _redraw_columns(self, x0: int, x1: int) -> None:
        """Draw the columns ``x0..x1`` of the cached markers again, exactly as a full drawing
        would: the groove, the chapters under them, then every marker that reaches them."""
        pix = self._cache
        assert pix is not None
        h = self.height()
        left, width = self._span()
        clip = QRectF(x0, 0, x1 - x0, h)
        p = QPainter(pix)
        p.setClipRect(clip)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.fillRect(clip, Qt.GlobalColor.transparent)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        groove = self.palette().color(QPalette.ColorRole.Text)
        groove.setAlpha(18)
        p.fillRect(QRectF(left, 0, width, h).intersected(clip), groove)
        # A marker is at most 4 px wide: the ones starting a few pixels either side reach in.
        near = (self.ms_for(x0 - 4), self.ms_for(x1 + 4))
        for c in self._shown_markers(pix.devicePixelRatioF(), *near):
            rect, color = self._marker(c, h)
            p.fillRect(rect, color)
        p.end()

    def _shown_markers(
        self, dpr: float, from_ms: int | None = None, to_ms: int | None = None
    ) -> list[Cue]:
        """The markers that show (starting from ``from_ms`` to ``to_ms``, or all): of several
        that would cover the same pixels in the same colour only the last is drawn, so the
        picture is the same and 100,000 notes cost about as many fills as the strip has pixels.
        Chapters (translucent, along the foot, where no other marker reaches) are all drawn,
        first; the rest in the order a full drawing gives them, so what it leaves on top stays
        on top.

        Each kind is walked from its last marker back, one pixel column at a time: the start
        where a column begins is estimated and then checked, so a change among 100,000 notes
        looks at a few cues per column, not at the thousands that start near it."""
        left, width = self._span()
        per_ms = width / self._duration_ms
        shown: list[Cue] = []
        for kind, starts in self._kind_starts.items():
            cues = self._kind_cues[kind]
            off = 1.5 if kind == CueKind.NOTE else 1.0

            def column(start: int, off: float = off) -> int:  # x_for, inlined, less the offset
                return round((left + min(width, max(0.0, start * per_ms)) - off) * dpr)

            lo = 0 if from_ms is None else bisect_left(starts, from_ms)
            i = (len(starts) if to_ms is None else bisect_right(starts, to_ms)) - 1
            while i >= lo:
                shown.append(cues[i])
                at = column(starts[i])
                guess = int(((at - 0.5) / dpr + off - left) / per_ms)
                j = bisect_left(starts, guess, lo, i + 1)  # then checked both ways
                while j > lo and column(starts[j - 1]) >= at:
                    j = bisect_left(starts, starts[j - 1], lo, j)
                while column(starts[j]) < at:
                    j = bisect_right(starts, starts[j], j, i + 1)
                i = j - 1
        return [*self._chapters, *sorted(shown, key=self._drawn_at)]

    def _drawn_at(self, cue: Cue) -> int:
        """Where a full drawing draws ``cue``: its place among all the strip's cues."""
        i = _index(self._cues, self._starts, cue)
        return -1 if i is None else i

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.drawPixmap(0, 0, self._markers())
        h = self.height()
        if self._hover is not None and self._hover.kind != CueKind.CHAPTER:
            rect, color = self._marker(self._hover, h)
            p.fillRect(rect, color.darker(140) if not palette.is_dark() else color.lighter(140))
        head_x = self.x_for(self._position_ms)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        p.drawLine(QPointF(head_x, 0), QPointF(head_x, h))
        p.end()

    def resizeEvent(self, event) -> None:
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._cache = None
        super().changeEvent(event)

    # interaction ------------------------------------------------------------------------------

    def tip_at(self, x: float) -> str:
        """What the pointer at ``x`` is over: a marker named by its words, or the time there.

        Rich text with every brief or note word escaped: a quote or a note is text, never markup.
        """
        cue = self.cue_near(x)
        if cue is not None and cue.kind != CueKind.CHAPTER:
            color = palette.kind_color(cue.kind).name()
            head = f"{_label(cue.kind)} · {format_ms(cue.start_ms)}"
            return (
                f"<p style='white-space:pre-wrap'><b style='color:{color}'>{head}</b><br>"
                f"{escape(_name(cue))}</p>"
            )
        ms = self.ms_for(x)
        lines = [f"<b>{format_ms(ms)}</b>"]
        chapter = cue if cue is not None else self._chapter_at(ms)
        if chapter is not None:
            color = palette.kind_color(CueKind.CHAPTER).name()
            lines.append(f"<span style='color:{color}'>Chapter:</span> {escape(_name(chapter))}")
        lines.append(self._legend_html())
        return "<p>" + "<br>".join(lines) + "</p>"

    def _chapter_at(self, ms: int) -> Cue | None:
        for i in range(bisect_left(self._starts, ms + 1) - 1, -1, -1):
            c = self._cues[i]
            if c.kind == CueKind.CHAPTER:
                return c if c.end_ms > ms else None
        return None

    @staticmethod
    def _legend_html() -> str:
        swatches = [
            f"<span style='color:{palette.kind_color(k).name()}'>■</span> {_label(k)}"
            for k in _LEGEND
        ]
        return "<small style='white-space:nowrap'>" + " &nbsp; ".join(swatches) + "</small>"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # Computed for where the pointer rests now; a stored tooltip would be the text of
            # an earlier position.
            QToolTip.showText(event.globalPos(), self.tip_at(event.pos().x()), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        cue = self.cue_near(x)
        if cue is not self._hover:
            self._hover = cue
            self.update()
        if QToolTip.isVisible():  # an open tooltip follows the pointer
            QToolTip.showText(event.globalPosition().toPoint(), self.tip_at(x), self)

    def leaveEvent(self, _event) -> None:
        self._hover = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cue = self.cue_near(event.position().x())
        if cue is not None:
            self.cue_clicked.emit(cue)
            self.seek_requested.emit(cue.start_ms)
        else:
            self.seek_requested.emit(self.ms_for(event.position().x()))
