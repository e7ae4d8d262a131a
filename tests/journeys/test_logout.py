"""Logging out: the session manager sends SIGTERM to the running app, which closes as on Ctrl+Q.

The app runs as a real child process (the ``brief-player`` command) on a private D-Bus, so it is
set playing over MPRIS exactly as a desktop's media keys would, then terminated.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.journeys.conftest import saved_position_ms
from tests.ui.dbus_bus import DEST, PATH

START_S = 10


def _gdbus(address: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["gdbus", "call", "--address", address, *args],
        capture_output=True,
        text=True,
        timeout=10,
    )


def _wait_for(condition, timeout_s: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert proc.poll() is None, f"the app ended early: {proc.communicate()[1][-2000:]}"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _status(address: str) -> str:
    out = _gdbus(
        address,
        "--dest",
        DEST,
        "--object-path",
        PATH,
        "--method",
        "org.freedesktop.DBus.Properties.Get",
        "org.mpris.MediaPlayer2.Player",
        "PlaybackStatus",
    )
    return out.stdout if out.returncode == 0 else ""


def test_sigterm_while_playing_saves_the_place(
    brief_file: Path,
    audio_file: Path,
    bus_address: str,
    isolated_home: Path,
) -> None:
    if shutil.which("gdbus") is None:
        pytest.skip("gdbus is not installed (apt-get install libglib2.0-bin)")
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_address, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "player",
            str(brief_file),
            *("--audio", str(audio_file), "--at", str(START_S)),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(
            lambda: "Paused" in _status(bus_address) or "Stopped" in _status(bus_address), 30, proc
        )
        played = _gdbus(
            bus_address,
            "--dest",
            DEST,
            "--object-path",
            PATH,
            "--method",
            "org.mpris.MediaPlayer2.Player.Play",
        )
        assert played.returncode == 0, played.stderr
        _wait_for(lambda: "Playing" in _status(bus_address), 10, proc)
        time.sleep(1.5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    data = isolated_home / "data" / "notes.db"
    episode_id = _episode_id(brief_file)
    saved = saved_position_ms(data, episode_id)
    assert saved is not None, "nothing was saved"
    assert START_S * 1000 + 1_000 <= saved <= START_S * 1000 + 6_000
    assert proc.returncode == 0


def _episode_id(brief: Path) -> str:
    from player.ui.loading import episode_from_brief_file

    return episode_from_brief_file(brief).id
