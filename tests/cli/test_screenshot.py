"""``brief-player screenshot`` renders a picture and leaves the listener's own window alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def _settings() -> QSettings:
    """The app's own settings file, under this test's XDG_CONFIG_HOME (tests/conftest.py)."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "brief-player" / "brief-player.conf"
    return QSettings(str(path), QSettings.Format.IniFormat)


def _shoot(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "player", "screenshot", "--at", "1:05:10", "-o", str(out), *extra],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("first_frame", [False, True], ids=["settled", "first-frame"])
def test_a_small_picture_does_not_shrink_the_window_the_listener_opens_next(
    tmp_path: Path, first_frame: bool
) -> None:
    mine = _settings()
    mine.setValue("window/size", QSize(1100, 700))
    mine.sync()

    shot = _shoot(tmp_path / "small.png", "--size", "800x600", *(["--first-frame"] * first_frame))

    assert shot.returncode == 0, shot.stderr
    picture = QImage(str(tmp_path / "small.png"))
    assert (picture.width(), picture.height()) == (800, 600)
    again = _settings()
    assert again.value("window/size") == QSize(1100, 700)
