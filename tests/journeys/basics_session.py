"""Whole sessions for the podcast-basics journeys: a brief and audio on disk, an app started the
way the command starts it, on a database that a second start opens again.

Test modules import ``isolated_settings`` and ``_forget_apps`` from here so the window tests'
per-test settings folder and app registry apply to them too.
"""

from __future__ import annotations

from pathlib import Path

from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import open_main_window
from tests.ui.conftest import BRIEF, _forget_apps, isolated_settings

__all__ = ["_forget_apps", "isolated_settings", "new_episode", "start"]


def new_episode(tmp_path: Path, seconds: float = 7.0) -> tuple[Path, Path]:
    """The window tests' brief, and a WAV with a beep at each whole second a quote has."""
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    audio = make_wav(tmp_path / "audio.wav", seconds, beeps_at=(1, 2, 3, 5))
    return brief, audio


def start(qtbot, tmp_path: Path, brief: Path, audio: Path | None = None, **kwargs):
    """A window as after ``brief-player BRIEF [--audio AUDIO]``, on the session's database."""
    w = open_main_window(brief, audio=audio, data=AppData(tmp_path / "notes.db"), **kwargs)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    return w
