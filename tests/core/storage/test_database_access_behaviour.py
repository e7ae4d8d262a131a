"""The sentence a listener reads when the notes file cannot be used as it is (read-only,
unreadable, locked, damaged, in a folder that cannot be made), and that their notes are still
shown whenever they can be read. Run in this process (a thread without root's overrides), so
every line they pass through is measured."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from player.core.storage import (
    CorruptDatabase,
    DatabaseBusy,
    DatabaseReadOnly,
    Note,
    NoteStore,
    StorageError,
    open_database,
    open_memory,
    open_or_fallback,
)
from tests.core.storage import damage

SAVED = ["saved note 0", "saved note 1", "saved note 2"]


def _as_listener(job):
    try:
        return damage.without_write_access_here(job)
    except LookupError as e:
        pytest.skip(str(e))


def _opened(path: Path, **options: object) -> tuple[str | None, bool, list[str]]:
    db, message = open_or_fallback(path, **options)
    try:
        return message, db.in_memory, [n.text for n in NoteStore(db).for_episode("ep")]
    finally:
        db.close()


def test_a_read_only_notes_file_says_so_at_open_and_shows_its_notes(tmp_path: Path) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(DatabaseReadOnly) as e:
        _as_listener(lambda: open_database(path))
    assert str(e.value) == f"{path} is read-only (attempt to write a readonly database)"
    message, in_memory, texts = _as_listener(lambda: _opened(path))
    assert message == (
        f"{path} is read-only (attempt to write a readonly database). "
        "Your notes are shown, but new notes cannot be saved."
    )
    assert (in_memory, texts) == (True, SAVED)
    assert path.read_bytes() == before


def test_a_notes_file_that_cannot_be_read_says_so_and_notes_are_not_saved(tmp_path: Path) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    path.chmod(0o000)
    message, in_memory, texts = _as_listener(lambda: _opened(path))
    assert (
        message == f"cannot read {path}: Permission denied. Notes will not be saved this session."
    )
    assert (in_memory, texts) == (True, [])
    path.chmod(0o644)
    assert _opened(path) == (None, False, SAVED)


def test_a_read_only_folder_with_no_notes_yet_says_notes_will_not_be_saved(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o555)
    message, in_memory, texts = _as_listener(lambda: _opened(folder / "notes.db"))
    assert message == (
        f"cannot open {folder / 'notes.db'}: unable to open database file. "
        "Notes will not be saved this session."
    )
    assert (in_memory, texts) == (True, [])
    assert list(folder.iterdir()) == []


def test_a_folder_that_cannot_be_made_names_the_folder(tmp_path: Path) -> None:
    parent = tmp_path / "data"
    parent.mkdir()
    parent.chmod(0o555)
    path = parent / "sub" / "notes.db"
    with pytest.raises(DatabaseReadOnly) as e:
        _as_listener(lambda: open_database(path))
    assert str(e.value) == f"cannot create the folder {path.parent}: Permission denied"


def test_a_note_saved_while_another_program_holds_the_file_says_who_has_it(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    db = open_database(path, busy_timeout_ms=50, check_index=False)
    with damage.held_by_another_process(path):
        with pytest.raises(DatabaseBusy) as e:
            NoteStore(db).add(Note(episode_id="ep", start_ms=5, text="while locked"))
        assert str(e.value) == f"{path} is in use by another program"
        assert [n.text for n in NoteStore(db).for_episode("ep")] == SAVED
    NoteStore(db).add(Note(episode_id="ep", start_ms=5000, text="after"))
    assert [n.text for n in NoteStore(db).for_episode("ep")] == [*SAVED, "after"]
    db.close()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (damage.garbage, "is not a notes database (no SQLite header)"),
        (damage.damaged_header, "has a damaged header"),
        (damage.truncated, "is cut short"),
    ],
)
def test_a_damaged_file_names_itself_and_where_its_copy_is(tmp_path: Path, make, says) -> None:
    path = make(tmp_path)
    message, in_memory, texts = _opened(path)
    [copy] = tmp_path.glob("notes.db.corrupt-*[!l]")
    assert message is not None and message.startswith(f"{path} {says}")
    assert message.endswith(f"; a copy was kept as {copy}. Notes will not be saved this session.")
    assert (in_memory, texts) == (True, [])


def test_a_damaged_page_found_while_reading_says_the_file_is_damaged(tmp_path: Path) -> None:
    path = damage.damaged_schema(tmp_path)
    with pytest.raises(CorruptDatabase) as e:
        open_database(path)
    [copy] = tmp_path.glob("notes.db.corrupt-*[!l]")
    assert str(e.value) == (
        f"{path} is damaged (database disk image is malformed); a copy was kept as {copy}"
    )


def test_a_failed_save_leaves_nothing_half_saved_and_the_next_save_works(tmp_path: Path) -> None:
    db = open_database(tmp_path / "notes.db")
    store = NoteStore(db)
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        store.add(Note(episode_id="ep", start_ms=1, text="first half"))
        with db.transaction():
            conn.execute("INSERT INTO notes (id) VALUES (NULL)")
    assert store.for_episode("ep") == []
    store.add(Note(episode_id="ep", start_ms=2, text="next"))
    assert [n.text for n in store.for_episode("ep")] == ["next"]
    db.close()


def test_an_in_memory_database_names_itself_in_its_errors() -> None:
    db = open_memory()
    db.conn.execute("CREATE TABLE t (x)")
    db.conn.execute("PRAGMA query_only=ON")
    with pytest.raises(StorageError) as e, db.transaction() as conn:
        conn.execute("INSERT INTO t VALUES (1)")
    assert str(e.value).startswith("the in-memory database cannot be written: ")


def test_a_damaged_file_in_a_read_only_folder_says_no_copy_could_be_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = damage.garbage(folder)
    before = path.read_bytes()
    folder.chmod(0o555)
    message, in_memory, _ = _as_listener(lambda: _opened(path))
    assert message == (
        f"{path} is not a notes database (no SQLite header); no copy could be kept "
        "(no space or access). Notes will not be saved this session."
    )
    assert in_memory and path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["notes.db"]


def test_notes_taken_when_the_file_cannot_be_used_can_be_saved_from_the_write_thread(
    tmp_path: Path,
) -> None:
    path = damage.garbage(tmp_path)
    db, message = open_or_fallback(path)
    assert db.in_memory and message
    store = NoteStore(db)
    saver = threading.Thread(
        target=lambda: store.add(Note(episode_id="ep", start_ms=1, text="kept this session"))
    )
    saver.start()
    saver.join()
    assert [n.text for n in store.for_episode("ep")] == ["kept this session"]


def test_notes_taken_on_a_read_only_file_can_be_saved_for_the_session_from_the_write_thread(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    path.chmod(0o444)
    db, message = _as_listener(lambda: open_or_fallback(path))
    assert db.in_memory and message and "cannot be saved" in message
    store = NoteStore(db)
    saver = threading.Thread(
        target=lambda: store.add(Note(episode_id="ep", start_ms=5000, text="this session"))
    )
    saver.start()
    saver.join()
    assert [n.text for n in store.for_episode("ep")] == [*SAVED, "this session"]


def test_a_file_another_program_holds_in_rollback_journal_mode_says_it_is_locked(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # as a backup or sync tool may leave it
    conn.close()
    with damage.held_by_another_process(path):
        with pytest.raises(DatabaseBusy) as e:
            open_database(path, busy_timeout_ms=50)
        assert str(e.value) == f"{path} is locked by another program: database is locked"
        message, in_memory, texts = _opened(path, busy_timeout_ms=50)
        assert (
            texts == []
            and in_memory
            and message
            == (
                f"{path} is locked by another program: database is locked. "
                "Notes will not be saved this session."
            )
        )
    assert _opened(path) == (None, False, SAVED)


def test_a_rollback_journal_file_another_program_is_reading_says_it_is_in_use(
    tmp_path: Path,
) -> None:
    """Switching the file to WAL needs every reader gone; a window that must not wait says the
    file is in use, and the notes are all there once the other program lets go."""
    path = damage.with_notes(tmp_path / "notes.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    with damage.held_by_another_process(path, reading=True):
        with pytest.raises(DatabaseBusy) as e:
            open_database(path, busy_timeout_ms=0)
        assert str(e.value) == f"{path} is in use by another program"
    assert _opened(path) == (None, False, SAVED)


def test_damage_met_while_reading_notes_names_the_file(tmp_path: Path) -> None:
    path = damage.with_notes(tmp_path / "notes.db", 300)
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 :] = b"\xa5" * (len(raw) - 4096 * 3)  # the pages after the schema
    path.write_bytes(bytes(raw))
    with open_database(path, check_index=False) as db, pytest.raises(CorruptDatabase) as e:
        NoteStore(db).for_episode("ep")
    assert str(e.value).startswith(f"{path} is damaged")


def test_notes_opened_by_the_window_are_saved_from_its_write_thread(tmp_path: Path) -> None:
    with open_database(tmp_path / "notes.db") as db:
        store = NoteStore(db)
        saver = threading.Thread(
            target=lambda: store.add(Note(episode_id="ep", start_ms=1, text="typed"))
        )
        saver.start()
        saver.join()
        assert [n.text for n in store.for_episode("ep")] == ["typed"]


def test_a_notes_file_that_loops_back_on_itself_says_it_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.symlink_to(path)  # a sync tool's mistake; the app must still start
    message, in_memory, _ = _opened(path)
    assert in_memory and message is not None
    assert message.startswith(f"cannot read {path}: Too many levels of symbolic links")


def test_two_repairs_at_one_start_are_said_in_one_message(tmp_path: Path) -> None:
    path = damage.fts_dropped(tmp_path)
    (tmp_path / "notes.db-wal").write_bytes(b"\x00garbage" * 100)
    message, in_memory, texts = _opened(path)
    assert not in_memory and texts == SAVED
    [copy] = tmp_path.glob("notes.db-wal.damaged-*")
    assert message == (
        f"{path}-wal was damaged and held no readable changes; a copy was kept as {copy}. "
        "The notes search index was missing and has been rebuilt."
    )
