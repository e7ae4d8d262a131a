"""Every way a notes file goes bad: a clear message, its bytes kept, and notes still taken or a
plain reason why not."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from player.core.storage import (
    DatabaseBusy,
    Note,
    NoteStore,
    StorageError,
    open_database,
    open_or_fallback,
)
from tests.core.storage import damage

_IGNORED = ("notes.db-shm",)  # SQLite's shared-memory index, rebuilt from the files


def _files(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in damage.snapshot(folder).items() if k not in _IGNORED}


@pytest.mark.parametrize("case", damage.CASES, ids=lambda c: c.name)
def test_bad_database(case: damage.Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    before = _files(tmp_path)

    db, message = open_or_fallback(path)
    if case.message:
        assert message and re.search(case.message, message), message
        assert "Traceback" not in message
    else:
        assert message is None
    NoteStore(db).add(Note(episode_id="ep", start_ms=99_000, text="typed after opening"))
    db.close()

    if case.kept == "same":
        for name, raw in before.items():
            assert _files(tmp_path)[name] == raw, f"{name} was changed"
            pattern = "notes.db.*-wal" if name.endswith("-wal") else "notes.db.*-*[0-9]"
            [copy] = tmp_path.glob(pattern)
            assert copy.read_bytes() == raw
    if case.kept == "wal":
        [copy] = tmp_path.glob("notes.db-wal.damaged-*")
        assert copy.read_bytes() == before["notes.db-wal"]
    if case.saved:
        assert message is None or "not be saved" not in message
        with open_database(path) as again:
            texts = [n.text for n in NoteStore(again).for_episode("ep")]
            assert "typed after opening" in texts
            assert NoteStore(again).search("typed")  # the search index works
            assert again.notices == [], "a repair is said once, not at every start"
    else:
        assert db.in_memory and message and "not be saved" in message
        assert not path.is_file() or "typed after opening" not in path.read_bytes().decode(
            "latin-1"
        )

    # A second start meets the same damage: the same message, no second copy.
    copies = sorted(p.name for p in tmp_path.iterdir())
    db, again_message = open_or_fallback(path)
    db.close()
    if not case.saved:
        assert again_message == message
        assert sorted(p.name for p in tmp_path.iterdir()) == copies


def test_newer_version_only_in_the_wal_keeps_both_files_as_they_were(tmp_path: Path) -> None:
    path = damage.newer_only_in_wal(tmp_path)
    wal_before = (tmp_path / "notes.db-wal").read_bytes()
    db_before = path.read_bytes()
    _, message = open_or_fallback(path)
    assert message and "left as it is" in message
    assert path.read_bytes() == db_before
    assert (tmp_path / "notes.db-wal").read_bytes() == wal_before
    [copy_wal] = tmp_path.glob("notes.db.newer-*-wal")
    assert copy_wal.read_bytes() == wal_before


def test_a_database_locked_by_another_process_opens_at_once_and_says_busy(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    with damage.held_by_another_process(path):
        db, message = open_or_fallback(path, busy_timeout_ms=50, check_index=False)
        assert message is None and not db.in_memory
        assert [n.text for n in NoteStore(db).for_episode("ep")][:1] == ["saved note 0"]
        with pytest.raises(DatabaseBusy, match="in use by another program"):
            NoteStore(db).add(Note(episode_id="ep", start_ms=5, text="while locked"))
    NoteStore(db).add(Note(episode_id="ep", start_ms=5, text="after the lock"))
    assert "after the lock" in [n.text for n in NoteStore(db).for_episode("ep")]
    db.close()


_PROBE = """
import json, sys
from player.core.storage import Note, NoteStore, open_or_fallback
db, message = open_or_fallback(sys.argv[1])
texts = [n.text for n in NoteStore(db).for_episode("ep")]
print(json.dumps({"message": message, "texts": texts, "memory": db.in_memory}))
"""


def test_read_only_file_warns_at_open_and_still_shows_notes(tmp_path: Path) -> None:
    try:
        prefix = damage.without_write_access()
    except LookupError as e:
        pytest.skip(str(e))
    path = damage.with_notes(tmp_path / "notes.db")
    path.chmod(0o444)
    before = path.read_bytes()
    result = subprocess.run(
        [*prefix, sys.executable, "-c", _PROBE, str(path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(damage.REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert "read-only" in seen["message"] and "cannot be saved" in seen["message"]
    assert seen["texts"] == ["saved note 0", "saved note 1", "saved note 2"]
    assert path.read_bytes() == before


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MiB tmpfs, so the disk really fills; needs root to mount."""
    import os

    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)])
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("ab", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_keeps_saved_notes_and_takes_notes_again_once_freed(small_disk: Path) -> None:
    path = damage.with_notes(small_disk / "notes.db")
    db, message = open_or_fallback(path)
    assert message is None
    store = NoteStore(db)
    filler = _fill(small_disk)
    with pytest.raises(StorageError, match="full"):
        for i in range(200):
            store.add(Note(episode_id="ep", start_ms=i, text="x" * 4000))
    assert [n.text for n in store.for_episode("ep")][:3] == [f"saved note {i}" for i in range(3)]
    filler.unlink()
    store.add(Note(episode_id="ep", start_ms=1, text="after freeing space"))
    db.close()
    with open_database(path) as again:
        assert again.integrity_check() == "ok"
        assert "after freeing space" in [n.text for n in NoteStore(again).for_episode("ep")]


def test_opening_on_a_full_disk_shows_the_notes_and_says_the_disk_is_full(
    small_disk: Path,
) -> None:
    path = damage.with_notes(small_disk / "notes.db")
    before = path.read_bytes()
    _fill(small_disk)
    db, message = open_or_fallback(path)
    assert message and "full" in message and "cannot be saved" in message
    assert NoteStore(db).for_episode("ep")[0].text == "saved note 0"
    assert path.read_bytes() == before


def test_a_new_database_on_a_full_disk_says_so(small_disk: Path) -> None:
    _fill(small_disk)
    db, message = open_or_fallback(small_disk / "notes.db")
    assert db.in_memory and message and "full" in message and "not be saved" in message
