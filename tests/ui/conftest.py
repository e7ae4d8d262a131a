"""A window on a small brief with real generated audio, as most window tests need."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.media import make_wav
from tests.ui.apps import forget_apps, open_main_window

BRIEF = """Test Guest — “A short test episode”
A summary that mentions ghosts and animals.
Episode Overview
- An overview bullet about engineering.
Key Concepts
- Ghost Idea: Digital ghosts that mimic people, not animals.
Quotes
- At 0:01 - "First quote about ghosts and spirits." - The first context.
- At 0:02 - "Second quote on engineering work." - The second context.
- At 0:03 - "Third quote, ghosts again, digital spirits." - The third context.
- At 0:05 - "Fifth second quote near the end." - The last context.
Takeaways
- Remember that ghosts are digital spirits.
"""


@pytest.fixture(autouse=True)
def isolated_settings(isolated_home: Path):
    """Qt resolves the settings folder once per process; point it at this test's HOME."""
    from PySide6.QtCore import QSettings

    config = isolated_home / ".config"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    return config


def write_brief(tmp_path: Path, text: str) -> Path:
    """``text`` as an episode's brief, in a folder of its own as a download leaves it."""
    path = tmp_path / "episode" / "brief.txt"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    return write_brief(tmp_path, BRIEF)


@pytest.fixture
def audio_file(tmp_path: Path) -> Path:
    return make_wav(tmp_path / "audio.wav", 7.0, beeps_at=(1, 2, 3, 5))


@pytest.fixture(autouse=True)
def _forget_apps():
    yield
    forget_apps()


def bare_window(qtbot, brief_file: Path, audio_file: Path):
    """A main window on a brief and its audio, with a throwaway database."""
    from player.ui.app_data import AppData

    w = open_main_window(brief_file, audio=audio_file, data=AppData(memory=True), remember=False)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    return w


@pytest.fixture
def window(qtbot, brief_file: Path, audio_file: Path):
    w = bare_window(qtbot, brief_file, audio_file)
    yield w
    w.playback.stop()


def active_texts(w) -> list[str]:
    """The words of every highlighted card, as a listener sees them."""
    m = w.pane_model
    return [m.row(r).body for r in m.active_rows()]
