"""Turn Volume Boost on, listen, quit: the next start plays boosted from the first frame, at the
place reached; turned off, it stays off and costs nothing before the first paint."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.ui.apps import app_of


def test_boost_is_kept_across_a_restart(qtbot, tmp_path) -> None:
    brief, audio = new_episode(tmp_path)
    first = start(qtbot, tmp_path, brief, audio)
    assert app_of(first).boost is not None and not app_of(first).boost.on
    qtbot.keyClick(first, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    first.action("boost_6").trigger()
    first.seek_brief(2_000)
    first.playback.play()
    qtbot.waitUntil(lambda: first.playback.now_ms() >= 3_200, timeout=5_000)
    first.close()

    second = start(qtbot, tmp_path, brief, features="after-paint")
    boost = app_of(second).boost
    assert boost is not None and boost.on and boost.boosting and boost.level_db == 6
    assert boost.button.isVisible() and "+6 dB" in boost.button.text()
    assert second.playback.now_ms() >= 3_000  # resumed where the first session quit
    second.playback.play()
    qtbot.waitUntil(lambda: second.playback.now_ms() >= 3_800, timeout=5_000)

    qtbot.keyClick(second, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)  # off again
    assert not boost.boosting and not boost.button.isVisible()
    second.close()
    third = start(qtbot, tmp_path, brief)
    assert not app_of(third).boost.on and not third.playback.filtered
    third.close()


@pytest.mark.parametrize("on", [False, True])
def test_the_boost_loads_before_the_first_paint_only_when_it_is_on(tmp_path, on: bool) -> None:
    brief, audio = new_episode(tmp_path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from player.ui.app_data import AppData\n"
        "from player.ui.session import open_app\n"
        "app = QApplication([])\n"
        f"QSettings().setValue('playback/boost', {on})\n"
        f"a = open_app(Path({str(brief)!r}), audio=Path({str(audio)!r}),\n"
        "             data=AppData(memory=True), remember=False, features='after-paint')\n"
        "assert not a.ready()\n"
        "print(any('boost' in m for m in sys.modules), a.window.playback.filtered)\n"
        "a.window.close()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    # on: the audio is handed to the player boosted from the start, not loaded twice
    assert out.stdout.strip().splitlines()[-1] == f"{on} {on}"
