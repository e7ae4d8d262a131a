"""Notes move from the old nested folder to ``~/.local/share/brief-player`` with nothing lost,
committed changes still in the WAL included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from player.appdirs import data_dir, legacy_data_dir, notes_path
from player.core.storage import NoteStore, open_database
from player.core.storage.relocate import move_database
from tests.core.storage import damage

_COMMIT_THEN_DIE = """
import os, signal, sys
from player.core.storage import Note, NoteStore, open_database
db = open_database(sys.argv[1])
db.conn.execute("PRAGMA wal_autocheckpoint=0")
NoteStore(db).add(Note(episode_id="ep", start_ms=5, text="only in the WAL"))
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def xdg(monkeypatch: pytest.MonkeyPatch, isolated_home: Path) -> Path:
    monkeypatch.delenv("BRIEF_PLAYER_DATA")
    return isolated_home / ".local" / "share"


def _legacy_with_wal(folder: Path) -> Path:
    path = damage.with_notes(folder / "notes.db", 2)
    env = {**os.environ, "PYTHONPATH": str(damage.REPO)}
    done = subprocess.run([sys.executable, "-c", _COMMIT_THEN_DIE, str(path)], env=env)
    assert done.returncode == -signal.SIGKILL
    assert (folder / "notes.db-wal").stat().st_size > 0
    return path


def test_the_data_folder_is_one_folder_named_after_the_app(xdg: Path) -> None:
    assert data_dir() == xdg / "brief-player"
    assert legacy_data_dir() == xdg / "brief-player" / "brief-player"
    assert not data_dir().exists()  # finding the folder creates nothing


def test_notes_in_the_old_folder_move_with_their_wal(xdg: Path) -> None:
    old = _legacy_with_wal(xdg / "brief-player" / "brief-player")
    path, message = notes_path()
    assert message is None
    assert path == xdg / "brief-player" / "notes.db"
    assert not old.exists() and not old.parent.exists()
    with open_database(path) as db:
        texts = [n.text for n in NoteStore(db).for_episode("ep")]
        assert texts == ["saved note 0", "only in the WAL", "saved note 1"]
        assert db.integrity_check() == "ok"
    assert notes_path() == (path, None)  # the next start has nothing to move


def test_a_move_cut_short_after_the_wal_is_finished_next_time(xdg: Path) -> None:
    old = _legacy_with_wal(xdg / "brief-player" / "brief-player")
    new = xdg / "brief-player" / "notes.db"
    os.replace(old.with_name("notes.db-wal"), new.with_name("notes.db-wal"))  # then a crash
    path, message = notes_path()
    assert (path, message) == (new, None)
    with open_database(path) as db:
        assert "only in the WAL" in [n.text for n in NoteStore(db).for_episode("ep")]


def test_notes_in_both_folders_leave_the_old_ones_alone(xdg: Path) -> None:
    old = damage.with_notes(xdg / "brief-player" / "brief-player" / "notes.db", 1)
    new = damage.with_notes(xdg / "brief-player" / "notes.db", 2)
    before = old.read_bytes()
    assert notes_path() == (new, None)
    assert old.read_bytes() == before


def test_a_move_that_cannot_be_made_keeps_using_the_old_folder(xdg: Path) -> None:
    old = damage.with_notes(xdg / "brief-player" / "brief-player" / "notes.db", 1)
    os.chmod(old.parent.parent, 0o555)  # the new folder (the old one's parent) is read-only
    try:
        prefix = damage.without_write_access()
    except LookupError as e:
        pytest.skip(str(e))
    probe = "from player.appdirs import notes_path; p, m = notes_path(); print(p); print(m)"
    env = {**os.environ, "PYTHONPATH": str(damage.REPO)}
    env.pop("BRIEF_PLAYER_DATA", None)
    try:
        out = subprocess.run(
            [*prefix, sys.executable, "-c", probe], capture_output=True, text=True, env=env
        )
    finally:
        os.chmod(old.parent.parent, 0o755)
    path, message = out.stdout.splitlines()
    assert path == str(old), out.stderr
    assert "stay in" in message
    assert old.is_file()


def test_a_first_start_with_no_notes_anywhere_keeps_them_in_the_new_folder(xdg: Path) -> None:
    path, message = notes_path()
    assert (path, message) == (xdg / "brief-player" / "notes.db", None)
    assert not (xdg / "brief-player" / "brief-player").exists()


def test_a_move_that_fails_half_way_puts_the_wal_back(xdg: Path) -> None:
    old = _legacy_with_wal(xdg / "brief-player" / "brief-player")
    wal = old.with_name("notes.db-wal").read_bytes()
    assert old.with_name("notes.db-shm").exists()
    blocker = xdg / "brief-player" / "notes.db-shm"  # the shared-memory file cannot land
    blocker.mkdir()
    (blocker / "something").write_text("in the way")
    path, message = notes_path()
    assert path == old
    assert message is not None and "stay in" in message
    assert old.with_name("notes.db-wal").read_bytes() == wal
    assert not (xdg / "brief-player" / "notes.db-wal").exists()
    assert not (xdg / "brief-player" / "notes.db").exists()
    with open_database(path) as db:
        texts = [n.text for n in NoteStore(db).for_episode("ep")]
        assert texts == ["saved note 0", "only in the WAL", "saved note 1"]


def test_the_old_folder_stays_while_something_else_is_in_it(xdg: Path) -> None:
    old = damage.with_notes(xdg / "brief-player" / "brief-player" / "notes.db", 1)
    (old.parent / "covers").mkdir()
    path, message = notes_path()
    assert (path, message) == (xdg / "brief-player" / "notes.db", None)
    assert (old.parent / "covers").is_dir() and not old.exists()


def test_notes_move_into_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    old = damage.with_notes(tmp_path / "old" / "notes.db", 2)
    new = tmp_path / "a" / "b" / "notes.db"
    assert move_database(old, new) == (new, None)
    with open_database(new) as db:
        assert len(NoteStore(db).for_episode("ep")) == 2
