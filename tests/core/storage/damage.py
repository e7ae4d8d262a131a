"""Notes databases damaged the ways real ones get damaged, for the tests and the benchmark.

Each maker builds a real SQLite file (through the app's own code, then breaks it) in a folder
and returns the database's path.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from player.core.storage import Note, NoteStore, open_database
from player.core.storage.database import latest_version

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[3]


def with_notes(path: Path, count: int = 3) -> Path:
    with open_database(path) as db:
        store = NoteStore(db)
        for i in range(count):
            store.add(Note(episode_id="ep", start_ms=i * 1000, text=f"saved note {i}"))
    return path


def _changed(path: Path, sql: str) -> Path:
    """The file after one statement run behind the app's back."""
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def zero_bytes(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_bytes(b"")
    return path


def garbage(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_bytes(random.Random(1).randbytes(8192))
    return path


def damaged_header(folder: Path) -> Path:
    """Random bytes 16-99: still starts "SQLite format 3", so only the fields can tell."""
    path = with_notes(folder / "notes.db")
    raw = bytearray(path.read_bytes())
    raw[16:100] = random.Random(2).randbytes(84)
    path.write_bytes(bytes(raw))
    return path


def damaged_schema(folder: Path) -> Path:
    path = with_notes(folder / "notes.db")
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(raw))
    return path


def truncated(folder: Path) -> Path:
    path = with_notes(folder / "notes.db", 400)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2 + 100])
    return path


def newer_in_file(folder: Path) -> Path:
    path = with_notes(folder / "notes.db")
    return _changed(path, f"PRAGMA user_version={latest_version() + 7}")


_DIE_AFTER_COMMIT = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute(f"PRAGMA user_version={sys.argv[2]}")
os.kill(os.getpid(), signal.SIGKILL)  # no checkpoint: the change lives only in the -wal
"""


def newer_only_in_wal(folder: Path) -> Path:
    path = with_notes(folder / "notes.db")
    subprocess.run(
        [sys.executable, "-c", _DIE_AFTER_COMMIT, str(path), str(latest_version() + 7)],
        check=False,
    )
    assert (folder / "notes.db-wal").stat().st_size > 0
    return path


def folder_in_its_place(folder: Path) -> Path:
    path = folder / "notes.db"
    path.mkdir()
    (path / "something.txt").write_text("not ours")
    return path


def wal_garbage(folder: Path) -> Path:
    path = with_notes(folder / "notes.db")
    (folder / "notes.db-wal").write_bytes(random.Random(3).randbytes(5000))
    return path


def fts_dropped(folder: Path) -> Path:
    path = with_notes(folder / "notes.db")
    return _changed(path, "DROP TABLE notes_fts")


def fts_part_dropped(folder: Path, part: str) -> Path:
    """One of the search index's own tables gone: a sync tool or a recovery that kept half."""
    path = with_notes(folder / "notes.db")
    return _changed(path, f"DROP TABLE notes_fts_{part}")


def fts_corrupt(folder: Path) -> Path:
    path = with_notes(folder / "notes.db", 50)
    return _changed(
        path, "UPDATE notes_fts_data SET block = randomblob(length(block)) WHERE id > 10"
    )


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    message: str  # a regular expression the listener's message matches; "" for no message
    kept: str  # "same": bytes untouched and copied aside; "wal": the WAL copied; "" neither
    saved: bool  # a note added now is in the file after reopening


CASES = [
    Case("zero bytes", zero_bytes, "", "", True),
    Case("garbage", garbage, "not a notes database.*copy was kept", "same", False),
    Case("damaged header", damaged_header, "damaged header.*copy was kept", "same", False),
    Case("damaged schema page", damaged_schema, "damaged.*copy was kept", "same", False),
    Case("truncated", truncated, "cut short.*copy was kept", "same", False),
    Case("newer version in file", newer_in_file, "newer.*left as it is", "same", False),
    Case("newer version only in WAL", newer_only_in_wal, "newer Brief Player", "same", False),
    Case("a folder in its place", folder_in_its_place, "is a folder", "", False),
    Case("WAL garbage", wal_garbage, "-wal was damaged.*copy was kept", "wal", True),
    Case("FTS index dropped", fts_dropped, "search index was missing.*rebuilt", "", True),
    Case(
        "FTS index corrupt",
        fts_corrupt,
        r"^The notes search index was damaged and has been rebuilt\.$",
        "",
        True,
    ),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


_HOLD = """
import select, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "read":
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
else:
    conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
select.select([sys.stdin], [], [], 30)  # until told, or lets go by itself
"""


@contextmanager
def held_by_another_process(path: Path, *, reading: bool = False) -> Iterator[None]:
    """Another program (a second app, a backup tool) inside ``BEGIN EXCLUSIVE`` on ``path``;
    or, ``reading``, inside a read transaction (a shared lock, released after 30 s at most)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path), "read" if reading else "write"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.communicate("", timeout=30)


def without_write_access() -> list[str]:
    """A command prefix for a process that must obey permission bits, even as root; [] when
    not root. Raises LookupError when root and setpriv is missing."""
    if os.geteuid() != 0:
        return []
    import shutil

    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise LookupError("running as root and setpriv (util-linux) is not installed")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def without_write_access_here(job: Callable[[], T]) -> T:
    """``job()`` run in a thread that obeys permission bits, in this process, so its lines are
    traced like any other test's. Root's overrides are dropped for that thread only (Linux keeps
    capabilities per thread); when not root there is nothing to drop."""
    import ctypes
    import threading

    out: dict[str, Any] = {}

    def run() -> None:
        try:
            if os.geteuid() == 0:
                _drop_overrides_of_this_thread()
            out["value"] = job()
        except BaseException as e:  # re-raised in the caller
            out["error"] = e

    def _drop_overrides_of_this_thread() -> None:
        class Header(ctypes.Structure):
            _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

        class Data(ctypes.Structure):
            _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]

        libc = ctypes.CDLL(None, use_errno=True)
        header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
        capget, capset = 125, 126  # x86_64 system call numbers
        if os.uname().machine != "x86_64" or libc.syscall(capget, ctypes.byref(header), data):
            raise LookupError("cannot drop root's file access overrides on this machine")
        data[0].effective &= ~0b1110  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.syscall(capset, ctypes.byref(header), data):
            raise LookupError(f"capset failed: {os.strerror(ctypes.get_errno())}")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]
