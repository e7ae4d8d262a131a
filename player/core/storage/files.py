"""What can be learnt about a notes file before SQLite opens it for writing, and copies kept aside.

A read-write connection is not harmless: opening one replays the ``-wal`` file, and closing the
last one folds the WAL into the database and deletes it. So every question whose answer might be
"leave this file alone" (is it SQLite at all, is the header sane, was it written by a newer app,
is the WAL readable) is answered first from the raw bytes or through a read-only connection, and
anything refused is copied, database and WAL together, before a writer comes near it.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
from datetime import datetime
from pathlib import Path

MAGIC = b"SQLite format 3\x00"
_WAL_MAGICS = {0x377F0682: "<", 0x377F0683: ">"}
_WAL_VERSION = 3007000


class HeaderProblem(Exception):
    """The first 100 bytes (or the file's size) say the file is not a database we can read."""


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def read_header(path: Path) -> bytes:
    """The first 100 bytes; b"" for a missing or empty file."""
    try:
        with path.open("rb") as f:
            return f.read(100)
    except FileNotFoundError:
        return b""


def check_header(path: Path, head: bytes) -> int:
    """The ``user_version`` a sane SQLite header carries; ``HeaderProblem`` says why it is not.

    Every fixed field is checked, so random bytes after the magic string read as damage and not
    as "a newer version": the version is only believed in a header that is otherwise right.
    """
    if len(head) < 100 or not head.startswith(MAGIC):
        raise HeaderProblem("is not a notes database (no SQLite header)")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise HeaderProblem("has a damaged header (page size)")
    fields_ok = (
        head[18] in (1, 2)
        and head[19] in (1, 2)
        and head[21:24] == b"\x40\x20\x20"
        and struct.unpack(">I", head[44:48])[0] <= 4
        and struct.unpack(">I", head[56:60])[0] in (0, 1, 2, 3)
        and head[72:92] == bytes(20)
    )
    if not fields_ok:
        raise HeaderProblem("has a damaged header")
    size = path.stat().st_size
    pages, counter, valid_for = (
        struct.unpack(">I", head[28:32])[0],
        head[24:28],
        head[92:96],
    )
    # A crash in the middle of a checkpoint can leave the file shorter than its header says
    # while the WAL still holds every page: SQLite finishes the checkpoint at the next open, so
    # a short file is damage only when no WAL with frames stands beside it.
    wal = path.with_name(path.name + "-wal")
    wal_has_frames = wal.exists() and wal.stat().st_size > 32
    short = counter == valid_for and size < pages * page_size and not wal_has_frames
    if size % page_size or short:
        raise HeaderProblem(f"is cut short ({size} bytes, expected {pages * page_size})")
    return int(struct.unpack(">I", head[60:64])[0])


def wal_is_damaged(path: Path) -> bool:
    """A non-empty ``-wal`` whose header SQLite would reject (and then silently overwrite)."""
    wal = wal_path(path)
    try:
        with wal.open("rb") as f:
            head = f.read(32)
    except (FileNotFoundError, IsADirectoryError):
        return False
    if not head:
        return False
    if len(head) < 32:
        return True
    magic, version, page_size = struct.unpack(">III", head[:12])
    order = _WAL_MAGICS.get(magic)
    if order is None or version != _WAL_VERSION:
        return True
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return True
    return _wal_checksum(head[:24], order) != struct.unpack(">II", head[24:32])


def _wal_checksum(data: bytes, order: str) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def probe_read_only(path: Path, timeout_ms: int) -> int:
    """The ``user_version`` as a reader sees it (through the WAL), without any write.

    A read-only connection neither replays the WAL into the file nor checkpoints on close, so
    a newer version that lives only in the WAL is seen while both files stay as they are.
    Raises ``sqlite3.Error``.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout={timeout_ms}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def keep_copy(path: Path, reason: str, *, with_wal: bool = True) -> Path | None:
    """Copy the file (and its WAL, which holds committed data) beside it, never moving it.

    Every start of the app meets the same bad file again; one copy of it is enough.
    """
    import filecmp  # only when a broken file is kept: not at every start
    import glob

    for earlier in sorted(path.parent.glob(f"{glob.escape(path.name)}.{reason}-*")):
        if earlier.name.endswith("-wal") or not earlier.is_file():
            continue
        if filecmp.cmp(earlier, path, shallow=False):
            return earlier
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    try:
        shutil.copy2(path, target)
        wal = wal_path(path)
        if with_wal and wal.is_file():
            shutil.copy2(wal, wal_path(target))
    except OSError:
        return None
    return target
