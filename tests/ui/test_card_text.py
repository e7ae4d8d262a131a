"""Text in cards as a listener sees it: a note's own line breaks, and no freeze on huge words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from player.core.storage.notes import Note
from player.core.timeline import CueKind
from player.ui.app_data import AppData
from player.ui.notes.notes_model import NOTE_ROLE
from tests.ui.apps import app_of
from tests.ui.test_tracks import close_window, open_window


@pytest.fixture
def win(qtbot, brief_file: Path, audio_file: Path, tmp_path: Path):
    w = open_window(qtbot, brief_file, audio_file, AppData(tmp_path / "n.db"))
    yield w
    close_window(w)


def _add(w, at: int, text: str) -> None:
    app_of(w).notes.add(Note(episode_id=app_of(w).notes.episode_id, start_ms=at, text=text))
    QApplication.processEvents()


def _note_heights(w, texts: list[str]) -> dict[str, tuple[int, int]]:
    """Each note's card height in the Notes tab and in the synced pane."""
    tab, pane = app_of(w).notes.tab.view, w.pane
    out = {}
    for text in texts:
        trow = next(
            r
            for r in range(tab.model().rowCount())
            if tab.model().index(r).data(NOTE_ROLE).text == text
        )
        prow = next(
            i
            for i in range(w.pane_model.rowCount())
            if w.pane_model.row(i).cue.kind == CueKind.NOTE and w.pane_model.row(i).body == text
        )
        out[text] = (
            tab.visualRect(tab.model().index(trow)).height(),
            pane.visualRect(w.pane_model.index(prow)).height(),
        )
    return out


def test_a_notes_line_breaks_show_in_the_notes_tab_and_the_pane(qtbot, win) -> None:
    broken, flat = "Second note\nline two", "Second note line two"
    _add(win, 1_500, broken)
    _add(win, 2_500, flat)
    win.side.setCurrentWidget(app_of(win).notes.tab)
    QApplication.processEvents()
    heights = _note_heights(win, [broken, flat])
    line = app_of(win).notes.tab.view.fontMetrics().height()
    # The broken note takes one more line than the same words on one line, in both lists.
    assert heights[broken][0] - heights[flat][0] >= line * 0.8, heights
    assert heights[broken][1] - heights[flat][1] >= line * 0.8, heights


def test_a_megabyte_word_in_a_note_is_capped_not_laid_out_whole(qtbot, win) -> None:
    huge = "x" * 200_000
    _add(win, 1_500, huge)
    win.side.setCurrentWidget(app_of(win).notes.tab)
    win.resize(900, 700)
    QApplication.processEvents()
    win.resize(1100, 700)  # a relayout at another width
    QApplication.processEvents()
    heights = _note_heights(win, [huge])[huge]
    # Capped at a few thousand characters: a card a screen or two tall, not 50,000 px.
    assert max(heights) < 2_000, heights
    win.grab()  # painting it is fine too


@pytest.mark.parametrize(
    "text",
    [
        "One short line.",
        "A line of exactly the kind a quote has, long enough to wrap onto a second line or a third "
        "one when the card is narrow, as cards in the side panel are.",
        "i" * 120,  # narrow letters: many fit on one line
        "W" * 40,
        "e\u0301" * 200,  # combining accents add letters, not width
    ],
)
def test_a_card_is_as_tall_as_its_text_laid_out(qtbot, text: str) -> None:
    """The quick measure of a card's text (one line, or its layout) is the layout's height."""
    from PySide6.QtGui import QFont

    from player.ui.text_paint import _make_layout, shown_text, text_height

    font = QFont()
    for width in (120.0, 300.0, 900.0):
        _, laid_out = _make_layout(shown_text(text), font, width, (), None)
        assert text_height(text, font, width) == laid_out, width
