"""The seek bar and the marker strip under it, clicked and hovered as a listener does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from player.core.timeline import Cue, CueKind


def _groove_x(slider, fraction: float) -> int:
    _opt, groove, handle = slider._geometry()
    span = groove.width() - handle.width()
    return round(groove.x() + handle.width() / 2 + span * fraction)


def test_a_click_on_the_groove_jumps_there_and_play_carries_on_from_it(qtbot, window) -> None:
    slider = window.transport.seek_slider
    duration = window.playback.duration_ms()
    x = _groove_x(slider, 0.6)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
    expected = duration * 0.6
    assert abs(window.playback.now_ms() - expected) < 250
    assert abs(slider.position_ms() - expected) < 250
    assert window.transport.elapsed_label.text() == "0:04"
    window.playback.play()
    qtbot.waitUntil(lambda: window.playback.now_ms() >= expected + 300, timeout=3000)
    qtbot.wait(300)
    # Play goes on from the click: neither the clock nor the handle jumps back.
    assert window.playback.now_ms() >= expected
    assert slider.position_ms() >= expected


def test_dragging_the_handle_still_scrubs(qtbot, window) -> None:
    slider = window.transport.seek_slider
    _opt, _groove, handle = slider._geometry()
    start = handle.center()
    end = QPoint(_groove_x(slider, 0.5), start.y())
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        QPointF(slider.mapToGlobal(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(slider, move)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=end)
    assert abs(window.playback.now_ms() - window.playback.duration_ms() / 2) < 250


def _tooltip_at(widget, x: int) -> str:
    QToolTip.hideText()
    pos = QPoint(x, widget.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def _move(widget, x: int) -> None:
    pos = QPointF(x, widget.height() / 2)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_hovering_the_seek_bar_shows_the_time_under_the_pointer(qtbot, window) -> None:
    slider = window.transport.seek_slider
    _move(slider, _groove_x(slider, 0.1))
    assert _tooltip_at(slider, _groove_x(slider, 5 / 7)) == "0:05"


def test_the_seek_bar_spans_more_than_596_hours(qtbot, window) -> None:
    slider = window.transport.seek_slider
    hours_700 = 700 * 3_600_000
    slider.set_duration_ms(hours_700)
    slider.set_position_ms(650 * 3_600_000)
    assert abs(slider.position_ms() - 650 * 3_600_000) <= slider.unit_ms
    assert slider.maximum() > 0 and slider.value() <= slider.maximum()
    jumps: list[int] = []
    slider.jumped.connect(jumps.append)
    qtbot.mouseClick(
        slider,
        Qt.MouseButton.LeftButton,
        pos=QPoint(_groove_x(slider, 0.25), slider.height() // 2),
    )
    assert jumps and abs(jumps[0] - hours_700 / 4) < hours_700 / 100


def test_the_strip_names_the_marker_under_the_pointer(qtbot, window) -> None:
    strip = window.strip
    quote = next(c for c in strip.cues() if c.kind == CueKind.QUOTE and c.start_ms == 3_000)
    note = Cue(CueKind.NOTE, 4_500, 4_600, "Second note\nline two", 0)
    chapter = Cue(CueKind.CHAPTER, 0, 7_000, "Opening chapter", 0)
    strip.set_cues([*strip.cues(), note, chapter])
    # The pointer came from somewhere empty; the tooltip is about where it rests now.
    _move(strip, round(strip.x_for(6_400)))
    tip = _tooltip_at(strip, round(strip.x_for(quote.start_ms)))
    assert "Third quote, ghosts again" in tip and "0:03" in tip
    assert "Second note" in _tooltip_at(strip, round(strip.x_for(4_500)))
    empty = _tooltip_at(strip, round(strip.x_for(6_400)))
    assert "0:06" in empty and "Opening chapter" in empty


def test_the_strip_has_a_legend_of_its_colours(qtbot, window) -> None:
    strip = window.strip
    tip = _tooltip_at(strip, round(strip.x_for(6_400)))
    for word in ("Quote", "Concept", "Note", "Chapter"):
        assert word in tip
    assert "Quotes" in strip.accessibleDescription()


def test_a_strip_with_thousands_of_notes_looks_as_if_each_marker_were_drawn(qtbot) -> None:
    """Markers that cover the same pixels are drawn once; the picture must not change."""
    import random

    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter, QPalette, QPixmap

    from player.core.timeline import Cue, CueKind

    strip, cues = _strip_with_markers(qtbot, 900, 20_000, random.Random(3))
    cues.append(Cue(CueKind.CHAPTER, 100_000, 900_000, "a chapter", 0))
    strip.set_cues(cues)
    strip.show()
    shown = strip._markers().toImage()

    every = QPixmap(shown.size())
    every.fill(Qt.GlobalColor.transparent)
    p = QPainter(every)
    left, width = strip._span()
    groove = strip.palette().color(QPalette.ColorRole.Text)
    groove.setAlpha(18)
    p.fillRect(QRectF(left, 0, width, strip.height()), groove)
    for c in strip.cues():
        rect, color = strip._marker(c, strip.height())
        p.fillRect(rect, color)
    p.end()
    assert every.toImage() == shown
    assert len(strip._shown_markers(1.0)) < len(cues) / 4


def test_a_note_added_or_removed_redraws_the_strip_as_a_full_drawing_would(qtbot) -> None:
    """Only the pixels of the marker that came or went are drawn again, and the picture is
    the one a drawing from scratch gives, whatever lies under or beside it."""
    import random

    from player.core.timeline import Cue, CueKind

    rng = random.Random(5)
    strip, cues = _strip_with_markers(qtbot, 700, 3_000, rng)
    cues[:0] = [
        Cue(CueKind.CHAPTER, 0, 1_000_000, "one", 0),
        Cue(CueKind.CHAPTER, 1_000_000, 3_600_000, "two", 1),
    ]
    strip.set_cues(cues)
    strip.show()
    strip._markers()
    changes = []
    for i in range(40):
        start = rng.randrange(0, 3_600_000)
        added = Cue(CueKind.NOTE, start, start + 5_000, "new", 10_000 + i)
        strip.add_cue(added)
        changes.append(added)
        if i % 3 == 0:
            strip.remove_cue(rng.choice(cues[2:]))
    strip.remove_cue(changes[0])
    strip.remove_cue(cues[5])
    assert strip._cache is not None, "small changes keep the drawing and mend it"
    mended = strip._markers().toImage()
    strip._cache = None
    assert strip._markers().toImage() == mended


def test_the_markers_drawn_are_the_last_of_each_colour_on_each_pixel(qtbot) -> None:
    """Found by jumping from pixel to pixel, they are the ones a pass over every cue finds, at
    any screen scale and for any stretch of the strip, with many notes at the same moment."""
    import random

    from player.core.timeline import Cue, CueKind

    rng = random.Random(8)
    strip, cues = _strip_with_markers(qtbot, 700, 5_000, rng)
    kinds = [CueKind.NOTE, CueKind.QUOTE, CueKind.CONCEPT]
    cues += [Cue(rng.choice(kinds), 1_800_000, 1_805_000, "same", 9_000 + i) for i in range(30)]
    cues.append(Cue(CueKind.CHAPTER, 0, 900_000, "a chapter", 0))
    cues.append(Cue(CueKind.NOTE, 5_000_000, 5_005_000, "after the end", 9_999))
    strip.set_cues(cues)

    def every_cue_looked_at(dpr: float, lo: int | None, hi: int | None) -> list[Cue]:
        left, width = strip._span()
        per_ms = width / 3_600_000
        near = [
            c
            for c in strip.cues()
            if c.kind != CueKind.CHAPTER
            and (lo is None or c.start_ms >= lo)
            and (hi is None or c.start_ms <= hi)
        ]
        last = {}
        for i, c in enumerate(near):
            x = left + min(width, max(0.0, c.start_ms * per_ms))
            last[(c.kind, round((x - (1.5 if c.kind == CueKind.NOTE else 1.0)) * dpr))] = i
        chapters = [c for c in strip.cues() if c.kind == CueKind.CHAPTER]
        return chapters + [near[i] for i in sorted(last.values())]

    for dpr in (1.0, 1.25, 2.0):
        for lo, hi in ((None, None), (1_000_000, 1_050_000), (1_799_000, 1_801_000), (0, 10)):
            assert strip._shown_markers(dpr, lo, hi) == every_cue_looked_at(dpr, lo, hi)


def _strip_with_markers(qtbot, width: int, count: int, rng):
    """A strip an hour long, and ``count`` notes, quotes and concepts at random moments."""
    from player.core.timeline import Cue, CueKind
    from player.ui.widgets.timeline_strip import TimelineStrip

    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(width, 26)
    strip.set_duration(3_600_000)
    kinds = [CueKind.NOTE, CueKind.QUOTE, CueKind.CONCEPT]
    cues = []
    for i in range(count):
        start = rng.randrange(0, 3_600_000)
        cues.append(Cue(rng.choice(kinds), start, start + 5_000, "n", i))
    return strip, cues
