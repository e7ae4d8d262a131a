"""One SQLite file holds everything the listener made: notes, stars, resume state, library.

Durability choice: WAL with ``synchronous=FULL``. WAL with ``NORMAL`` already keeps every
committed transaction through a killed process (the WAL is in the OS page cache), but loses the
last few on a power cut or kernel panic. Notes are typed by a person and cannot be re-created,
and they are written at human pace, so one ``fsync`` per commit (a few milliseconds, measured in
``bench/bench_notes.py``) is a price worth paying for "saved means saved" on a laptop whose
battery dies.

A file that cannot be opened is never written to: it is copied aside first and a
``StorageError`` says why, so a newer app's data or a damaged file can still be rescued by hand.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from player.core.storage import files
from player.core.storage.errors import (  # re-exported: callers import them from here
    CorruptDatabase as CorruptDatabase,
)
from player.core.storage.errors import DatabaseBusy as DatabaseBusy
from player.core.storage.errors import DatabaseFromNewerVersion as DatabaseFromNewerVersion
from player.core.storage.errors import DatabaseReadOnly as DatabaseReadOnly
from player.core.storage.errors import NotAFile as NotAFile
from player.core.storage.errors import NotFound as NotFound
from player.core.storage.errors import StorageError as StorageError
from player.core.storage.schema import MIGRATIONS, repair_search_index

BUSY_TIMEOUT_MS = 15_000


def latest_version() -> int:
    return len(MIGRATIONS)


def utc_now() -> str:
    """Timestamps as UTC ISO strings with milliseconds, so they sort as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# Files this process has open through SQLite. Reading such a file with plain ``open()`` is not
# harmless: closing any descriptor of a file drops every POSIX lock this process holds on it,
# and SQLite's own locks with them, so another program could then reset the WAL under us.
# A file that is open here was checked when it was first opened, so it is not read again.
_open_here: Counter[Path] = Counter()
_open_lock = threading.Lock()


class Database:
    """A connection plus the rule that every change is one committed transaction.

    Writes take the write lock up front (``BEGIN IMMEDIATE``): a read transaction that later
    tries to write can fail at once in WAL mode, while ``BEGIN IMMEDIATE`` waits out
    ``busy_timeout`` for the other window instead.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        if path is not None:
            with _open_lock:
                _open_here[path.resolve()] += 1
        self._lock = threading.RLock()
        self._depth = 0
        self.notices: list[str] = []
        self._closed = False
        # Called before each read outside a transaction: the window lets its write queue
        # catch up first (see ``WriteQueue.settle``), so what it reads includes what it wrote.
        self.before_read: Callable[[], object] | None = None

    @property
    def in_memory(self) -> bool:
        return self.path is None

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Commit on leaving, roll back on error; nested use joins the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            with _translated(self.path):
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                with _translated(self.path):
                    yield self.conn
            except BaseException:
                self._depth = 0
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                with _translated(self.path):
                    self.conn.execute("COMMIT")
            except StorageError:
                # Disk full or I/O error at commit: nothing was saved, and the connection must
                # be usable for the next attempt.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> list[tuple]:
        if self.before_read is not None and not self._depth:
            self.before_read()
        with self._lock, _translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def integrity_check(self) -> str:
        return str(self.query("PRAGMA integrity_check")[0][0])

    def check_search_index(self) -> str | None:
        """Rebuild a missing or damaged search index; the sentence also joins ``notices``."""
        with self.transaction() as conn:
            notice = repair_search_index(conn)
        if notice:
            self.notices.append(notice)
        return notice

    def close(self) -> None:
        with self._lock:
            self.conn.close()
            if self.path is not None and not self._closed:
                self._closed = True
                with _open_lock:
                    key = self.path.resolve()
                    _open_here[key] -= 1
                    if _open_here[key] <= 0:
                        del _open_here[key]

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _translated(path: Path | None) -> Iterator[None]:
    """Turn SQLite's damage and permission errors into the ``StorageError`` the UI shows."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        if isinstance(e, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise
        name = getattr(e, "sqlite_errorname", "")
        where = str(path) if path else "the in-memory database"
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise CorruptDatabase(f"{where} is damaged: {e}") from e
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
            raise DatabaseReadOnly(f"{where} cannot be written: {e}") from e
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise DatabaseBusy(f"{where} is in use by another program") from e
        if name.startswith("SQLITE_FULL"):
            raise StorageError(f"the disk holding {where} is full") from e
        raise StorageError(f"{where}: {e}") from e


def open_database(
    path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, check_index: bool = True
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``CorruptDatabase``, ``DatabaseFromNewerVersion``, ``DatabaseReadOnly``,
    ``DatabaseBusy`` or ``StorageError``; for the first two the file (and its WAL) has been
    copied aside (see the message) and not modified. ``Database.notices`` holds what was
    repaired on the way, to be said once. The window passes a short ``busy_timeout_ms`` and
    ``check_index=False``, and checks the index off its own thread (``WriteQueue``).
    """
    path = Path(path)
    if path.is_dir():
        raise NotAFile(
            f"{path} is a folder, not a notes database; move it away to keep notes again"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatabaseReadOnly(f"cannot create the folder {path.parent}: {e.strerror}") from e
    with _open_lock:
        already_open = _open_here[path.resolve()] > 0
    notices = [] if already_open else _check_files(path, busy_timeout_ms)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        if _disk_full(path):
            raise StorageError(f"the disk holding {path} is full") from e
        raise DatabaseReadOnly(f"cannot open {path}: {e}") from e
    db = Database(conn, path)
    db.notices = notices
    try:
        _configure(db, busy_timeout_ms)
        if check_index:
            with suppress(DatabaseBusy), _not_waiting(db):  # checked at a later open
                db.check_search_index()
    except BaseException:
        conn.close()
        raise
    return db


def open_memory() -> Database:
    db = Database(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False), None)
    db.conn.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def open_or_fallback(path: str | Path, **options: object) -> tuple[Database, str | None]:
    """The real database, or an in-memory one and a sentence to show the listener.

    The app should start even when its notes cannot be opened; it then shows the message and
    works without saving. When the file or folder is only read-only, the saved notes are still
    loaded into memory so they can be read. A database that opened but repaired something on
    the way says so in the same sentence.
    """
    try:
        db = open_database(path, **options)  # type: ignore[arg-type]
    except DatabaseReadOnly as e:
        db = _readonly_copy(Path(path))
        if db is not None:
            return db, f"{e}. Your notes are shown, but new notes cannot be saved."
        return open_memory(), f"{e}. Notes will not be saved this session."
    except StorageError as e:
        return open_memory(), f"{e}. Notes will not be saved this session."
    return db, " ".join(db.notices) or None


def _check_files(path: Path, busy_timeout_ms: int) -> list[str]:
    """Refuse a file that is not ours to write, before any writer touches it or its WAL."""
    try:
        head = files.read_header(path)
    except PermissionError as e:
        raise DatabaseReadOnly(f"cannot read {path}: {e.strerror}") from e
    except OSError as e:
        raise StorageError(f"cannot read {path}: {e.strerror}") from e
    if not head:
        return []  # missing or empty: what sqlite3 itself would create
    try:
        version = files.check_header(path, head)
    except files.HeaderProblem as problem:
        kept = files.keep_copy(path, "corrupt")
        raise CorruptDatabase(f"{path} {problem}; {_kept(kept)}") from None
    if version <= latest_version():
        try:
            version = files.probe_read_only(path, busy_timeout_ms)
        except sqlite3.DatabaseError as e:
            name = getattr(e, "sqlite_errorname", "")
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                kept = files.keep_copy(path, "corrupt")
                raise CorruptDatabase(f"{path} is damaged ({e}); {_kept(kept)}") from e
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise DatabaseBusy(f"{path} is locked by another program: {e}") from e
            if _disk_full(path):
                raise DatabaseReadOnly(f"the disk holding {path} is full") from e
            raise DatabaseReadOnly(f"{path} cannot be written ({e})") from e
    if version > latest_version():
        kept = files.keep_copy(path, "newer")
        raise DatabaseFromNewerVersion(
            f"{path} was written by a newer Brief Player (format {version}, this one reads up "
            f"to {latest_version()}); it was left as it is and {_kept(kept)}"
        )
    if files.wal_is_damaged(path):
        wal = files.wal_path(path)
        kept = files.keep_copy(wal, "damaged", with_wal=False)
        return [f"{wal} was damaged and held no readable changes; {_kept(kept)}."]
    return []


def _disk_full(path: Path) -> bool:
    try:
        stat = os.statvfs(path.parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024


def _kept(copy: Path | None) -> str:
    return f"a copy was kept as {copy}" if copy else "no copy could be kept (no space or access)"


def _journal_mode_wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> str:
    """Switch to WAL, retrying while another connection rebuilds the WAL index.

    Right after a crash the first connections race to recover the WAL; SQLite answers the
    losers "locked" at once, without calling the busy handler, so the wait is done here.
    """
    deadline = time.monotonic() + max(busy_timeout_ms, 100) / 1000
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _configure(db: Database, busy_timeout_ms: int) -> None:
    conn, path = db.conn, db.path
    conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    with _translated(path):
        mode = _journal_mode_wal(conn, busy_timeout_ms)
        if str(mode).lower() != "wal":
            raise DatabaseReadOnly(f"{path} cannot be switched to WAL (got {mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    with _not_waiting(db):
        _check_writable(db)


@contextmanager
def _not_waiting(db: Database) -> Iterator[None]:
    """Questions asked at open do not wait for another program's lock: a held lock is its
    own answer, and reading the notes must not wait for it."""
    timeout = db.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    db.conn.execute("PRAGMA busy_timeout=0")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA busy_timeout={int(timeout)}")


def _check_writable(db: Database) -> None:
    """Say at open, not at the first note, that a read-only file cannot take notes.

    SQLite opens a file it may not write read-only without a word; a rolled-back write of the
    version it already has is the cheapest question that gets an honest answer. A lock held by
    another program means someone can write, so that counts as writable.
    """
    try:
        with db.transaction() as conn:
            conn.execute(f"PRAGMA user_version={db.version}")
            raise _RollBack
    except _RollBack:
        pass
    except DatabaseBusy:
        pass
    except DatabaseReadOnly as e:
        raise DatabaseReadOnly(f"{db.path} is read-only ({e.__cause__})") from e


class _RollBack(Exception):
    pass


def migrate(db: Database, upto: int | None = None) -> None:
    """Apply each missing migration in its own transaction.

    The version is re-read inside the write lock, so two windows starting at once do not both
    run the same step.
    """
    target = latest_version() if upto is None else upto
    for number, statements in enumerate(MIGRATIONS[:target], start=1):
        if db.version >= number:
            continue
        with db.transaction() as conn:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= number:
                continue
            for sql in statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA user_version={number}")


def _readonly_copy(path: Path) -> Database | None:
    """The saved notes loaded into memory, for a folder the app may not write to."""
    if not path.exists():
        return None
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
            if version > latest_version():
                return None
            mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            src.backup(mem)
        finally:
            src.close()
        db = Database(mem, None)
        migrate(db)
        return db
    except (sqlite3.Error, StorageError):
        return None
