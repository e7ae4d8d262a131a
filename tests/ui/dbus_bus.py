"""A private D-Bus session bus for one test, and a ``gdbus`` client that talks to it.

The client runs as a separate process so the window's event loop keeps turning while it waits,
exactly as it would for a desktop's media-key daemon.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest

DEST = "org.mpris.MediaPlayer2.brief_player"
PATH = "/org/mpris/MediaPlayer2"


@pytest.fixture
def bus_address() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (apt-get install dbus)")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def client(qtbot, *cmd: str) -> subprocess.CompletedProcess:
    """Run a bus client while Qt keeps serving; it has 10 s."""
    if shutil.which(cmd[0]) is None:
        pytest.skip(f"{cmd[0]} is not installed (apt-get install libglib2.0-bin dbus)")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while proc.poll() is None and time.monotonic() < deadline:
        qtbot.wait(10)
    out, err = proc.communicate(timeout=1)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def gdbus(qtbot, address: str, *args: str) -> str:
    """Run ``gdbus`` against ``address`` while Qt keeps serving; its stdout, or fail."""
    done = client(qtbot, "gdbus", *args[:1], "--address", address, *args[1:])
    assert done.returncode == 0, done.stderr
    return done.stdout


def call(qtbot, address: str, method: str, *args: str) -> str:
    return gdbus(
        qtbot, address, "call", "--dest", DEST, "--object-path", PATH, "--method", method, *args
    )


def get(qtbot, address: str, iface: str, prop: str) -> str:
    return call(qtbot, address, "org.freedesktop.DBus.Properties.Get", iface, prop)
