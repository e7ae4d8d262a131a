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

import filecmp
import glob
import shutil
import sqlite3
import struct
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from player.core.storage.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 15_000
_MAGIC = b"SQLite format 3\x00"


class StorageError(Exception):
    """The listener's data could not be read or written; the message is for people."""


class CorruptDatabase(StorageError):
    pass


class DatabaseFromNewerVersion(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class NotFound(StorageError, KeyError):
    """A record asked for by id is not there (deleted in another window, say)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"


def latest_version() -> int:
    return len(MIGRATIONS)


def utc_now() -> str:
    """Timestamps as UTC ISO strings with milliseconds, so they sort as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Database:
    """A connection plus the rule that every change is one committed transaction.

    Writes take the write lock up front (``BEGIN IMMEDIATE``): a read transaction that later
    tries to write can fail at once in WAL mode, while ``BEGIN IMMEDIATE`` waits out
    ``busy_timeout`` for the other window instead.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

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
        with self._lock, _translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def integrity_check(self) -> str:
        return str(self.query("PRAGMA integrity_check")[0][0])

    def close(self) -> None:
        with self._lock:
            self.conn.close()

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
        if name.startswith("SQLITE_FULL"):
            raise StorageError(f"the disk holding {where} is full") from e
        raise StorageError(f"{where}: {e}") from e


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``CorruptDatabase``, ``DatabaseFromNewerVersion`` or ``DatabaseReadOnly``; for the
    first two the file has been copied aside (see ``StorageError`` message) and not modified.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatabaseReadOnly(f"cannot create the folder {path.parent}: {e.strerror}") from e
    _check_header(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise DatabaseReadOnly(f"cannot open {path}: {e}") from e
    db = Database(conn, path)
    try:
        _configure(db)
    except BaseException:
        conn.close()
        raise
    return db


def open_memory() -> Database:
    db = Database(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False), None)
    db.conn.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def open_or_fallback(path: str | Path) -> tuple[Database, str | None]:
    """The real database, or an in-memory one and a sentence to show the listener.

    The app should start even when its notes cannot be opened; it then shows the message and
    works without saving. When the folder is only read-only, the saved notes are still loaded
    into memory so they can be read.
    """
    try:
        return open_database(path), None
    except DatabaseReadOnly as e:
        db = _readonly_copy(Path(path))
        if db is not None:
            return db, f"{e}. Your notes are shown, but changes will not be saved."
        return open_memory(), f"{e}. Notes will not be saved this session."
    except StorageError as e:
        return open_memory(), f"{e}. Notes will not be saved this session."


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, or that a newer app wrote, before SQLite touches it."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return
    except PermissionError as e:
        raise DatabaseReadOnly(f"cannot read {path}: {e.strerror}") from e
    if not head:
        return  # an empty file is what sqlite3 itself would create
    if len(head) < 100 or not head.startswith(_MAGIC):
        kept = _keep_copy(path, "corrupt")
        raise CorruptDatabase(f"{path} is not a notes database; a copy was kept as {kept}")
    (version,) = struct.unpack(">I", head[60:64])
    if version > latest_version():
        kept = _keep_copy(path, "newer")
        raise DatabaseFromNewerVersion(
            f"{path} was written by a newer Brief Player (format {version}, this one reads up "
            f"to {latest_version()}); it was left as it is and a copy kept as {kept}"
        )


def _configure(db: Database) -> None:
    conn, path = db.conn, db.path
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = db.version
    except sqlite3.DatabaseError as e:
        if getattr(e, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            conn.close()
            kept = _keep_copy(path, "corrupt") if path else None
            raise CorruptDatabase(f"{path} is damaged ({e}); a copy was kept as {kept}") from e
        raise DatabaseReadOnly(f"cannot read {path}: {e}") from e
    if version > latest_version():  # a newer version still in the WAL, not yet in the header
        conn.close()
        kept = _keep_copy(path, "newer") if path else None
        raise DatabaseFromNewerVersion(
            f"{path} was written by a newer Brief Player (format {version}); a copy was kept "
            f"as {kept}"
        )
    with _translated(path):
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseReadOnly(f"{path} cannot be switched to WAL (got {mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    migrate(db)


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


def _keep_copy(path: Path, reason: str) -> Path | None:
    """Copy the database (and its WAL, which holds committed data) beside it, never moving it.

    Every start of the app meets the same bad file again; one copy of it is enough.
    """
    for earlier in sorted(path.parent.glob(f"{glob.escape(path.name)}.{reason}-*")):
        if not earlier.name.endswith("-wal") and filecmp.cmp(earlier, path, shallow=False):
            return earlier
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    try:
        shutil.copy2(path, target)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    except OSError:
        return None
    return target


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
