"""Searching, then back to listening: the search box gives the keyboard back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.journeys.conftest import press


def _search(qtbot, w, text: str) -> None:
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is w.side.search_edit
    qtbot.keyClicks(w.side.search_edit, text)
    qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 0, timeout=2_000)


def test_esc_clears_a_second_esc_leaves_and_space_plays(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    _search(qtbot, w, "ghosts")
    press(qtbot, w, Qt.Key.Key_Escape)
    assert w.side.search_edit.text() == ""
    assert QApplication.focusWidget() is w.side.search_edit  # still there to type again
    press(qtbot, w, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not w.side.search_edit
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)
    assert w.side.search_edit.text() == ""  # nothing typed into it


def test_enter_on_a_hit_plays_it_and_the_keys_act_on_playback(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    _search(qtbot, w, "engineering")
    press(qtbot, w, Qt.Key.Key_Return)
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)
    assert 6_000 <= w.clock.brief_ms() < 9_000  # the second quote's moment
    assert QApplication.focusWidget() is not w.side.search_edit
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not w.playback.is_playing(), timeout=3_000)
    assert w.side.search_edit.text() == "engineering"


def test_a_click_on_the_header_takes_the_keyboard_from_the_search_box(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    _search(qtbot, w, "ghosts")
    header = w.header
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton, pos=QPoint(header.width() // 2, 8))
    assert QApplication.focusWidget() is not w.side.search_edit
    for key in (Qt.Key.Key_Period, Qt.Key.Key_Comma, Qt.Key.Key_Space):
        press(qtbot, w, key)
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)
    assert w.side.search_edit.text() == "ghosts"
