"""A data folder the app cannot write (read-only, a full disk, a file in the way): the window, the
notes command and screenshots give a plain message and carry on; nothing is a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.storage import damage

REPO = Path(__file__).resolve().parents[2]

_WINDOW = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from player.ui.app import application, dispose
from player.ui.session import open_app
application()
opened = open_app()
opened.window.show()
print("BANNER:", opened.notes.banner.message.text() if opened.notes.banner else None)
dispose(opened.window)
said = opened.data.close()
"""


def _run(args: list[str], env: dict[str, str], *, restricted: bool) -> subprocess.CompletedProcess:
    prefix: list[str] = []
    if restricted:
        try:
            prefix = damage.without_write_access()
        except LookupError as e:
            pytest.skip(str(e))
    return subprocess.run(
        [*prefix, sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


def _env(home: Path, data_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_PLAYER_DATA"}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(data_home),
        PYTHONPATH=str(REPO),
        PYTHONDONTWRITEBYTECODE="1",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _assert_clear(result: subprocess.CompletedProcess, *words: str) -> None:
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text
    for word in words:
        assert word in text, text


@pytest.mark.parametrize("where", ["read-only", "file in the way"])
def test_notes_list_and_the_window_start_with_an_unwritable_data_folder(
    tmp_path: Path, where: str
) -> None:
    data_home = tmp_path / "share"
    if where == "read-only":
        data_home.mkdir()
        data_home.chmod(0o555)
    else:
        data_home.write_text("not a folder")
    env = _env(tmp_path, data_home)
    try:
        listed = _run(["-m", "player", "notes", "list"], env, restricted=where == "read-only")
        assert listed.returncode == 0
        _assert_clear(listed, "cannot create the folder", "not be saved")
        window = _run(["-c", _WINDOW], env, restricted=where == "read-only")
        assert window.returncode == 0, window.stderr
        _assert_clear(window, "BANNER: Cannot create the folder", "Export your notes")
    finally:
        if data_home.is_dir():
            data_home.chmod(0o755)


def test_screenshot_into_a_folder_under_a_read_only_parent_says_so(tmp_path: Path) -> None:
    parent = tmp_path / "shots"
    parent.mkdir()
    parent.chmod(0o555)
    env = _env(tmp_path, tmp_path / "share")
    try:
        shot = _run(
            ["-m", "player", "screenshot", "--at", "0:05", "-o", str(parent / "sub" / "x.png")],
            env,
            restricted=True,
        )
    finally:
        parent.chmod(0o755)
    assert shot.returncode == 1
    _assert_clear(shot, f"cannot create {parent / 'sub'}", "Permission denied")


def test_a_full_disk_under_the_data_folder_is_said_plainly(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)]).returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        (disk / "share").mkdir()
        with (disk / "filler").open("wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        env = _env(tmp_path, disk / "share")
        listed = _run(["-m", "player", "notes", "list"], env, restricted=False)
        assert listed.returncode == 0
        _assert_clear(listed, "full")
        window = _run(["-c", _WINDOW], env, restricted=False)
        assert window.returncode == 0, window.stderr
        _assert_clear(window, "BANNER: The disk holding", "full", "Export your notes")
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
