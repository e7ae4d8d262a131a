"""A first start shows how the window works; after the first play it never does again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.ui.apps import app_of


def test_the_hint_goes_after_the_first_play_and_follow_off_is_kept_visible(qtbot, tmp_path) -> None:
    brief, audio = new_episode(tmp_path)
    first = start(qtbot, tmp_path, brief, audio)
    assert app_of(first).hints.hint.isVisible()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.waitUntil(first.playback.is_playing)
    assert not app_of(first).hints.hint.isVisible()
    qtbot.keyClick(first, Qt.Key.Key_F)  # follow off
    first.close()

    second = start(qtbot, tmp_path, brief)
    assert not app_of(second).hints.hint.isVisible()
    assert not second.action("follow").isChecked()
    assert app_of(second).hints.follow_off.isVisible()
    second.close()
