"""Falling asleep mid-fade: quitting then leaves the listener's volume as they set it."""

from __future__ import annotations

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.ui.apps import app_of


def test_quitting_during_the_fade_keeps_the_volume_and_no_timer(qtbot, tmp_path) -> None:
    brief, audio = new_episode(tmp_path)
    first = start(qtbot, tmp_path, brief, audio)
    first.playback.set_volume(0.6)
    first.seek_brief(3_000)
    first.playback.play()
    first.action("sleep_quote").trigger()
    qtbot.waitUntil(lambda: first.playback.gain() < 0.8, timeout=5_000)
    first.close()

    second = start(qtbot, tmp_path, brief)
    assert abs(second.playback.volume() - 0.6) < 0.01
    assert second.playback.gain() == 1.0
    assert not app_of(second).sleep.button.isVisibleTo(second)
    assert second.action("sleep_off").isChecked()
    second.close()
