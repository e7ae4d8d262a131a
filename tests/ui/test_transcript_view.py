"""The Transcript tab shows every line whole, the line being heard set apart from the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from player.core.timeline import CueKind
from player.ui import palette
from tests.ui.apps import app_of
from tests.ui.test_tracks import close_window, data, open_window, write_vtt  # noqa: F401

LONG = " ".join(f"word{i}" for i in range(90)) + " LASTWORD"


def test_a_long_line_is_shown_whole_and_the_line_heard_is_emphasised(
    qtbot,
    brief_file: Path,
    audio_file: Path,
    data,  # noqa: F811
) -> None:
    texts = {3: LONG, 6: "x" * 400}  # a long line, and one word wider than the column
    lines = [(i * 500, i * 500 + 500, texts.get(i, f"line {i}")) for i in range(12)]
    write_vtt(audio_file.with_suffix(".vtt"), lines)
    w = open_window(qtbot, brief_file, audio_file, data)
    w.actions_by_name["show_transcript"].trigger()
    view, model = app_of(w).tracks.view, app_of(w).tracks.model
    w.seek_brief(1_600)
    qtbot.waitUntil(lambda: model.active_rows() == [3], timeout=2000)
    QApplication.processEvents()

    # Tall enough for every word: at least as many lines as the words need at the full width.
    fm = view.fontMetrics()
    needed = fm.horizontalAdvance(LONG) // view.viewport().width() + 1
    rect = view.visualRect(model.index(3))
    assert rect.height() >= needed * fm.lineSpacing(), (rect.height(), needed)
    assert model.index(3).data(Qt.ItemDataRole.ToolTipRole) is None  # nothing hidden to tip
    assert view.row_visible(3)
    # The view's own sums agree with Qt's layout, row by row.
    scrolled = view.verticalScrollBar().value()
    for row in range(model.rowCount()):
        r = view.visualRect(model.index(row))
        assert (r.top() + scrolled, r.height()) == (view.row_top(row), view.row_height(row))

    # The line being heard carries the accent bar and the lit fill; the others do not.
    image = view.viewport().grab().toImage()
    # Its last row of text has words in it: no row left empty, none cut off.
    last_row_y = range(rect.bottom() - 5 - fm.lineSpacing(), rect.bottom() - 5)
    fill = image.pixelColor(rect.right() - 20, rect.top() + 2)
    assert any(image.pixelColor(x, y) != fill for y in last_row_y for x in range(100, 400))
    # A word wider than the column gets one row, elided, not a row per few letters.
    assert view.row_height(6) == view.row_height(5)
    accent = palette.kind_color(CueKind.TRANSCRIPT)
    assert image.pixelColor(1, rect.center().y()) == accent
    other = view.visualRect(model.index(5))
    assert image.pixelColor(1, other.center().y()) != accent
    close_window(w)
