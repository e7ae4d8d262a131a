"""A notes file the app cannot use is kept for rescue exactly as it was, with its WAL, once;
and a folder the app may not write to still shows the notes saved in it."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from player.core.storage import CorruptDatabase, Note, NoteStore, open_database
from player.core.storage.database import _readonly_copy, latest_version

GARBAGE = b"this is not a database, just some text a listener saved here. " * 4


def _copies(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(path.name + ".corrupt-*"))


def _refused(path: Path) -> str:
    with pytest.raises(CorruptDatabase) as e:
        open_database(path)
    return str(e.value)


def test_a_damaged_file_and_its_wal_are_copied_once(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(GARBAGE)
    (tmp_path / "notes.db-wal").write_bytes(b"committed pages")
    first = _refused(path)
    [copy, wal] = _copies(path)
    assert re.fullmatch(r"notes\.db\.corrupt-\d{8}-\d{6}", copy)
    assert wal == copy + "-wal"
    assert (tmp_path / copy).read_bytes() == GARBAGE
    assert (tmp_path / wal).read_bytes() == b"committed pages"
    assert first.endswith(f"a copy was kept as {tmp_path / copy}")
    assert _refused(path) == first  # the same file again: the same copy, no new one
    assert _copies(path) == [copy, wal]
    assert path.read_bytes() == GARBAGE


def test_a_damaged_file_that_changed_is_copied_again_even_with_the_same_size_and_time(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(GARBAGE)
    _refused(path)
    stat = path.stat()
    path.write_bytes(GARBAGE.replace(b"text", b"TEXT"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = _refused(path)
    copies = _copies(path)
    assert len(copies) == 2  # the new copy sorts last: a later second, or "-2" in the same one
    assert (tmp_path / copies[0]).read_bytes() == GARBAGE
    assert (tmp_path / copies[1]).read_bytes() == path.read_bytes()
    assert second.endswith(f"a copy was kept as {tmp_path / copies[1]}")


def _saved(path: Path, texts: list[str]) -> None:
    db = open_database(path)
    for i, text in enumerate(texts):
        NoteStore(db).add(Note(episode_id="ep", start_ms=i, text=text))
    db.close()


def test_notes_of_a_folder_that_cannot_be_written_are_shown_from_memory(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    _saved(path, ["first", "second"])
    before = path.read_bytes()
    db = _readonly_copy(path)
    assert db is not None and db.in_memory and db.version == latest_version()
    store = NoteStore(db)
    assert [n.text for n in store.for_episode("ep")] == ["first", "second"]
    store.add(Note(episode_id="ep", start_ms=9, text="only for this session"))
    assert store.count("ep") == 3
    assert path.read_bytes() == before


def test_nothing_to_show_when_there_is_no_file_or_a_newer_apps_file(tmp_path: Path) -> None:
    assert _readonly_copy(tmp_path / "missing.db") is None
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={latest_version() + 1}")
    conn.close()
    assert _readonly_copy(newer) is None
    broken = tmp_path / "broken.db"
    broken.write_bytes(GARBAGE)
    assert _readonly_copy(broken) is None
