"""Every test runs offscreen with its own HOME and data folder, so no test sees another's
notes, settings or resume positions, and none touches the developer's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_MEDIA_BACKEND", "ffmpeg")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "karpathy-ghosts-not-animals" / "brief.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("BRIEF_PLAYER_DATA", str(home / "data"))
    # Never reach the desktop's own session bus: MPRIS tests start a private one.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return home


@pytest.fixture
def seed_path() -> Path:
    return SEED
