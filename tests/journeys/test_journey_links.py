"""Copy a link to the moment being heard, quit, and follow the link: the app opens right there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.cli.test_moment_links import run_window
from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
)
from tests.ui.apps import open_main_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_copied_link_reopens_the_episode_at_that_moment(qtbot, tmp_path) -> None:
    brief, audio = new_episode(tmp_path)
    first = open_main_window(brief, audio=audio)  # the listener's own data folder
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=10_000)
    first.seek_brief(4_000)
    qtbot.keyClick(first, Qt.Key.Key_C, CTRL_SHIFT)
    link = QGuiApplication.clipboard().text()
    assert link == f"brief-player://open?episode={first.episode.id}&t=0:04"
    first.seek_brief(1_000)  # the place kept at quit is not the linked one
    first.close()

    code, seen = run_window([link])
    assert code == 0
    assert seen == {"episode": first.episode.id, "at_ms": 4_000, "shown": True}
