"""Times past 596 hours (2^31 ms) through the window: open, show, seek, click, search, notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from player.core.timeline import CueKind
from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window

HOUR_MS = 3_600_000
FAR_MS = 999 * HOUR_MS  # past what a 32-bit int of milliseconds holds (about 596.5 h)

BRIEF = """Test Guest — “A very long episode”
Key Concepts
- Far Idea: What was said a thousand hours in.
Quotes
- At 0:01 - "A quote at the start." - Early.
- At 998:30:00 - "Nearly at the end of the far idea." - Late.
- At 999:00:00 - "The far idea, a thousand hours in." - Last.
Takeaways
- Remember the far idea.
"""


def _window(qtbot, tmp_path: Path):
    brief = tmp_path / "far" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    w = open_main_window(brief, data=AppData(memory=True), remember=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_quote_at_999_hours_opens_seeks_and_lights(qtbot, tmp_path) -> None:
    w = _window(qtbot, tmp_path)
    far = next(c for c in w.strip.cues() if c.kind == CueKind.QUOTE and c.start_ms == FAR_MS)
    times: list[int] = []
    w.clock.time_changed.connect(times.append)

    w.seek_brief(FAR_MS)  # no audio: the brief's own clock runs to the last quote
    qtbot.waitUntil(lambda: bool(times) and times[-1] == FAR_MS, timeout=5_000)
    assert w.clock.brief_ms() == FAR_MS
    assert "The far idea, a thousand hours in." in [
        w.pane_model.row(r).body for r in w.pane_model.active_rows()
    ]
    assert abs(w.transport.seek_slider.position_ms() - FAR_MS) <= w.transport.seek_slider.unit_ms

    # The strip: a click on the last marker asks for its time, not a wrapped one.
    asked: list[int] = []
    w.strip.seek_requested.connect(asked.append)
    x = round(w.strip.x_for(far.start_ms))
    qtbot.mouseClick(w.strip, Qt.MouseButton.LeftButton, pos=QPoint(x, w.strip.height() // 2))
    assert asked and abs(asked[-1] - FAR_MS) < HOUR_MS

    # The seek bar: a click near its end jumps past 596 h.
    slider = w.transport.seek_slider
    jumps: list[int] = []
    slider.jumped.connect(jumps.append)
    _opt, groove, handle = slider._geometry()
    x = round(groove.x() + handle.width() / 2 + (groove.width() - handle.width()) * 0.99)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
    assert jumps and jumps[-1] > 900 * HOUR_MS

    # The pane: activating the card plays from it.
    row = next(i for i in range(w.pane_model.rowCount()) if w.pane_model.row(i).cue == far)
    w.pane.activated.emit(w.pane_model.index(row))
    qtbot.waitUntil(lambda: w.clock.brief_ms() >= FAR_MS, timeout=5_000)

    # A search hit and a takeaway carry the time too.
    w.side.search_edit.setText("thousand hours")
    qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 0, timeout=5_000)
    w.seek_brief(0)
    w.side.search_view.activated.emit(w.side.search_model.index(0))
    qtbot.waitUntil(lambda: w.clock.brief_ms() >= FAR_MS, timeout=5_000)


def test_a_note_at_999_hours_is_kept_with_its_time(qtbot, tmp_path) -> None:
    w = _window(qtbot, tmp_path)
    w.seek_brief(FAR_MS)
    notes = app_of(w).notes
    note = notes.capture()
    assert note is not None and note.start_ms == FAR_MS
    notes.editor.accept()
    kept = notes.notes()
    assert [n.start_ms for n in kept] == [FAR_MS]
    assert notes.tab.model.rowCount() == 1
