"""The first-start hint above the play button, and the sign that Follow is off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.ui.settings import HINT_SEEN, read
from tests.ui.apps import app_of


def test_the_hint_shows_at_first_start_and_goes_at_the_first_play(qtbot, window) -> None:
    hint = app_of(window).hints.hint
    assert hint.isVisible()
    assert "Space plays" in hint.message.text()
    assert "F1" in hint.message.text()
    # it sits just above the play button, where a new listener looks
    play = window.transport.play_button
    hint_bottom = hint.mapTo(window, hint.rect().bottomLeft()).y()
    play_top = play.mapTo(window, play.rect().topLeft()).y()
    assert 0 < play_top - hint_bottom < 80
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(window.playback.is_playing)
    assert not hint.isVisible()
    assert read(window.settings, HINT_SEEN)


def test_the_hint_can_be_dismissed_without_playing(qtbot, window) -> None:
    hint = app_of(window).hints.hint
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert read(window.settings, HINT_SEEN)


def test_follow_off_shows_a_sign_that_turns_it_back_on(qtbot, window) -> None:
    sign = app_of(window).hints.follow_off
    assert not sign.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F)
    assert not window.action("follow").isChecked()
    assert sign.isVisible()
    qtbot.mouseClick(sign, Qt.MouseButton.LeftButton)
    assert window.action("follow").isChecked()
    assert not sign.isVisible()
