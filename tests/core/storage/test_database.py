"""A notes file that cannot be opened is kept intact, and the app still starts."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from player.core.storage import (
    CorruptDatabase,
    DatabaseFromNewerVersion,
    Note,
    NoteStore,
    open_database,
    open_or_fallback,
)
from player.core.storage.database import latest_version

REPO = Path(__file__).resolve().parents[3]


def _db_with_notes(path: Path, texts: list[str]) -> list[Note]:
    with open_database(path) as db:
        store = NoteStore(db)
        return [
            store.add(Note(episode_id="ep", start_ms=i * 1000, text=t)) for i, t in enumerate(texts)
        ]


def _copies(path: Path, reason: str) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.{reason}-*"))


def test_new_database_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with open_database(tmp_path / "deep" / "er" / "notes.db") as db:
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
        assert db.query("PRAGMA foreign_keys")[0][0] == 1
        assert db.query("PRAGMA synchronous")[0][0] == 2  # FULL
        assert db.query("PRAGMA busy_timeout")[0][0] >= 5000
        assert db.version == latest_version()


def test_notes_persist_across_reopening(tmp_path: Path) -> None:
    saved = _db_with_notes(tmp_path / "notes.db", ["first", "second"])
    with open_database(tmp_path / "notes.db") as db:
        assert NoteStore(db).for_episode("ep") == saved


def test_random_bytes_are_refused_kept_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    junk = os.urandom(8192)
    path.write_bytes(junk)
    with pytest.raises(CorruptDatabase, match="copy was kept"):
        open_database(path)
    assert path.read_bytes() == junk
    [copy] = _copies(path, "corrupt")
    assert copy.read_bytes() == junk

    db, message = open_or_fallback(path)
    assert db.in_memory
    assert message and "will not be saved" in message
    NoteStore(db).add(Note(episode_id="ep", start_ms=0, text="still works"))
    assert path.read_bytes() == junk
    assert _copies(path, "corrupt") == [copy]  # starting again does not pile up copies


def test_damaged_schema_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    _db_with_notes(path, ["a", "b"])
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # page 1 after the header: the schema table
    path.write_bytes(bytes(raw))
    with pytest.raises(CorruptDatabase):
        open_database(path)
    assert path.read_bytes() == bytes(raw)
    assert _copies(path, "corrupt")


def test_file_from_a_newer_app_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    _db_with_notes(path, ["written by the future"])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={latest_version() + 7}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFromNewerVersion, match="newer Brief Player"):
        open_database(path)
    assert path.read_bytes() == before
    [copy] = _copies(path, "newer")
    assert copy.read_bytes() == before
    db, message = open_or_fallback(path)
    assert db.in_memory and message and "newer" in message
    assert path.read_bytes() == before


_READONLY_PROBE = """
import json, sys
from player.core.storage import DatabaseReadOnly, NoteStore, open_database, open_or_fallback
path = sys.argv[1]
try:
    open_database(path)
    error = None
except DatabaseReadOnly as e:
    error = str(e)
db, message = open_or_fallback(path)
texts = [n.text for n in NoteStore(db).for_episode("ep")]
NoteStore(db).star("ep", "quote", 1)
print(json.dumps({"error": error, "message": message, "texts": texts, "memory": db.in_memory}))
"""


def _run_without_write_access(folder: Path) -> dict:
    """Run the probe in a process that must obey permission bits.

    Root ignores them, so as root the probe runs without the capabilities that override them.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv (util-linux) is not installed")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    result = subprocess.run(
        [*prefix, sys.executable, "-c", _READONLY_PROBE, str(folder / "notes.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_read_only_folder_shows_saved_notes_without_touching_them(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _db_with_notes(folder / "notes.db", ["kept <b>safe</b>", "second"])
    folder.chmod(0o555)
    (folder / "notes.db").chmod(0o444)
    try:
        before = (folder / "notes.db").read_bytes()
        names_before = sorted(p.name for p in folder.iterdir())

        seen = _run_without_write_access(folder)

        assert seen["error"] and "cannot" in seen["error"]
        assert seen["memory"] is True
        assert "cannot be saved" in seen["message"]
        assert seen["texts"] == ["kept <b>safe</b>", "second"]
        assert (folder / "notes.db").read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == names_before
    finally:
        folder.chmod(0o755)


def test_folder_that_cannot_be_created_falls_back(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    db, message = open_or_fallback(blocker / "sub" / "notes.db")
    assert db.in_memory and message
    assert blocker.read_text() == "not a folder"


_V1_SCHEMA = [  # as version 1 shipped; never edit
    """CREATE TABLE notes (
        n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, episode_id TEXT NOT NULL,
        start_ms INTEGER NOT NULL, end_ms INTEGER, text TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]', attached_kind TEXT, attached_ref INTEGER,
        attached_label TEXT, audio_key TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX notes_by_episode ON notes(episode_id, start_ms)",
    "CREATE INDEX notes_by_update ON notes(updated_at)",
    """CREATE TABLE stars (episode_id TEXT NOT NULL, kind TEXT NOT NULL, ref INTEGER NOT NULL,
        created_at TEXT NOT NULL, PRIMARY KEY (episode_id, kind, ref)) WITHOUT ROWID""",
]


def test_version_1_database_is_upgraded_in_place_keeping_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    for sql in _V1_SCHEMA:
        conn.execute(sql)
    conn.execute(
        "INSERT INTO notes (id, episode_id, start_ms, end_ms, text, tags, attached_kind, "
        "attached_ref, attached_label, audio_key, created_at, updated_at) VALUES "
        "('11111111-1111-4111-8111-111111111111', 'ep', 61000, 65000, 'Ghosts, not animals', "
        "'[\"ai\"]', 'quote', 2, 'We are summoning ghosts', NULL, "
        "'2024-01-01T00:00:00.000+00:00', '2024-01-01T00:00:00.000+00:00')"
    )
    conn.execute("INSERT INTO stars VALUES ('ep', 'concept', 3, '2024-01-01T00:00:00+00:00')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()

    with open_database(path) as db:
        assert db.version == latest_version()
        store = NoteStore(db)
        [note] = store.for_episode("ep")
        assert (note.start_ms, note.end_ms, note.text, note.tags) == (
            61000,
            65000,
            "Ghosts, not animals",
            ("ai",),
        )
        assert note.attached and note.attached.label == "We are summoning ghosts"
        assert store.stars("ep") == {("concept", 3)}
        # Notes written before search existed are found by it after the upgrade.
        assert [h.note.id for h in store.search("ghost")] == [note.id]
        assert [h.note.id for h in store.search("ai")] == [note.id]
        assert db.integrity_check() == "ok"
    assert not _copies(path, "corrupt")


def test_a_full_disk_loses_only_the_note_being_saved(tmp_path: Path) -> None:
    from player.core.storage import StorageError

    with open_database(tmp_path / "notes.db") as db:
        store = NoteStore(db)
        kept = store.add(Note(episode_id="ep", start_ms=0, text="small"))
        pages = db.query("PRAGMA page_count")[0][0]
        db.conn.execute(f"PRAGMA max_page_count={pages + 2}")  # the file may barely grow
        with pytest.raises(StorageError, match="full"):
            store.add(Note(episode_id="ep", start_ms=1, text="x" * 200_000))
        assert store.for_episode("ep") == [kept]
        db.conn.execute("PRAGMA max_page_count=1073741823")
        later = store.add(Note(episode_id="ep", start_ms=2, text="after freeing space"))
        assert store.for_episode("ep") == [kept, later]
        assert db.integrity_check() == "ok"


def test_the_message_for_a_newer_apps_file_names_the_copy_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    _db_with_notes(path, ["written by the future"])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={latest_version() + 1}")
    conn.commit()
    conn.close()
    _, message = open_or_fallback(path)
    [copy] = _copies(path, "newer")
    assert message is not None and f"it was left as it is and a copy was kept as {copy}" in message
