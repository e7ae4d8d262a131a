"""Keys that act on "the quote" act on the one playing, unless the listener chose another since."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.timeline import CueKind
from tests.journeys.conftest import click_seek_bar, press


def _quote_row(w, ref: int) -> int:
    m = w.pane_model
    return next(
        r
        for r in range(m.rowCount())
        if m.row(r).cue.kind == CueKind.QUOTE and m.row(r).cue.ref == ref
    )


def _click_row(qtbot, w, row: int) -> None:
    rect = w.pane.visualRect(w.pane_model.index(row))
    w.pane.scrollTo(w.pane_model.index(row))
    rect = w.pane.visualRect(w.pane_model.index(row))
    qtbot.mouseClick(w.pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _stars(session) -> set[tuple[str, int]]:
    notes = session.app().notes
    return notes.store.stars(notes.episode_id)


def test_s_stars_the_quote_playing_not_one_clicked_long_ago(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    _click_row(qtbot, w, _quote_row(w, 0))  # plays the first quote, at 0:02
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    click_seek_bar(qtbot, w, 0.66)  # far on, into the fourth quote (0:20)
    qtbot.waitUntil(lambda: w.clock.brief_ms() >= 21_000, timeout=5_000)
    press(qtbot, w, Qt.Key.Key_S)
    assert _stars(session) == {("quote", 3)}
    assert "Fourth quote" in w.statusBar().currentMessage()


def test_a_quote_chosen_with_the_keyboard_since_is_the_one_starred(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    w.seek_brief(13_000)  # the third quote is playing
    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    w.pane.setFocus()
    w.pane.setCurrentIndex(w.pane_model.index(_quote_row(w, 2)))
    press(qtbot, w, Qt.Key.Key_Down)  # the listener moves on to the next item by keyboard
    chosen = w.pane_model.row(w.pane.currentIndex().row()).cue
    press(qtbot, w, Qt.Key.Key_S)
    assert _stars(session) == {(chosen.kind.value, chosen.ref)}


def test_the_focused_card_looks_unlike_the_playing_one(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    w.seek_brief(13_000)
    qtbot.waitUntil(lambda: w.pane_model.active_rows() != [], timeout=5_000)
    playing = _quote_row(w, 2)
    focused = _quote_row(w, 1)
    w.pane.setFocus()
    w.pane.setCurrentIndex(w.pane_model.index(focused))
    qtbot.wait(50)
    image = w.pane.viewport().grab().toImage()
    focus_rect = w.pane.visualRect(w.pane_model.index(focused))
    play_rect = w.pane.visualRect(w.pane_model.index(playing))
    highlight = w.pane.palette().highlight().color()
    # The focused card has a ring in the highlight colour round it; the playing card has none.
    assert _ring_pixels(image, focus_rect, highlight) > focus_rect.width()
    assert _ring_pixels(image, play_rect, highlight) == 0


def _ring_pixels(image, rect, color) -> int:
    """Pixels close to ``color`` along the card's left and top edges."""
    count = 0
    for x in range(rect.left(), rect.right()):
        for y in (rect.top() + 1, rect.top() + 2):
            count += _near(image.pixelColor(x, y), color)
    for y in range(rect.top(), rect.bottom()):
        for x in (rect.left() + 1, rect.left() + 2):
            count += _near(image.pixelColor(x, y), color)
    return count


def _near(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60
