"""Falling asleep mid-fade: quitting then leaves the listener's volume as they set it."""

from __future__ import annotations

from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import (  # noqa: F401 (the window tests' own settings folder, per test)
    BRIEF,
    _forget_apps,
    isolated_settings,
)


def _open(qtbot, brief, data, audio=None):
    w = open_main_window(brief, audio=audio, data=data)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    return w


def test_quitting_during_the_fade_keeps_the_volume_and_no_timer(qtbot, tmp_path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    audio = make_wav(tmp_path / "a.wav", 7.0, beeps_at=(1, 2, 3, 5))
    first = _open(qtbot, brief, AppData(tmp_path / "notes.db"), audio)
    first.playback.set_volume(0.6)
    first.seek_brief(3_000)
    first.playback.play()
    first.action("sleep_quote").trigger()
    qtbot.waitUntil(lambda: first.playback.gain() < 0.8, timeout=5_000)
    first.close()

    second = _open(qtbot, brief, AppData(tmp_path / "notes.db"))
    assert abs(second.playback.volume() - 0.6) < 0.01
    assert second.playback.gain() == 1.0
    assert not app_of(second).sleep.button.isVisibleTo(second)
    assert second.action("sleep_off").isChecked()
    second.close()
