"""Writes that never make the window wait: one background thread, its own connection, in order.

Another program can hold the database's write lock for as long as it likes (a second window, a
backup tool inside ``BEGIN EXCLUSIVE``). A window that writes on its own thread then freezes for
the whole busy timeout, once per note. So the window hands each write to ``WriteQueue`` and
shows the change at once (``QueuedNoteStore`` lays the waiting changes over what it reads); the
queue retries while the lock is held, tells its listeners that notes are waiting, and says when
they are saved. Reads stay on the window's connection: in WAL mode a reader never waits for a
writer.

What is still waiting when the app closes is written to a rescue file beside the database
(``notes-unsaved-*.json``, the notes export format) and merged back at the next start.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from player.core.storage.database import (
    Database,
    DatabaseBusy,
    NotFound,
    StorageError,
    open_database,
)

WORKER_BUSY_TIMEOUT_MS = 50  # each try; the queue itself retries for as long as it must
RETRY_AT_MOST_S = 2.0
RESCUE_GLOB = "notes-unsaved-*.json"

Listener = Callable[[str | None], None]


class _Job:
    """One write waiting its turn; ``tries`` counts the failed attempts."""

    __slots__ = ("done", "seq", "tries", "write")

    def __init__(
        self, seq: int, write: Callable[[Database], object], done: Callable[[int], None] | None
    ) -> None:
        self.seq = seq
        self.write = write
        self.done = done
        self.tries = 0


class WriteQueue:
    """Runs ``write(db)`` callables one at a time, first in first out, until each succeeds.

    Listeners hear a sentence while writes are held up (``None`` once all are saved) and any
    notice from opening (a rebuilt search index); they are called on the queue's thread.
    """

    def __init__(self, path: Path, *, check_index: bool = True) -> None:
        self.path = path
        self._check_index = check_index
        self._jobs: deque[_Job] = deque()
        self._cond = threading.Condition()
        self._seq = 0
        self._closing = False
        self._listeners: list[Listener] = []
        self.state: str | None = None
        self.notices: list[str] = []
        self._db: Database | None = None
        self._head_since = time.monotonic()  # when the writer started on the current job
        self._thread = threading.Thread(target=self._run, name="notes-writer", daemon=True)
        self._thread.start()

    def add_listener(self, listener: Listener) -> None:
        """Also tells the new listener what was already said (a repair at open, a busy lock)."""
        with self._cond:
            self._listeners.append(listener)
            said = [*self.notices, *([self.state] if self.state else [])]
        for message in said:
            listener(message)

    def submit(
        self, write: Callable[[Database], object], done: Callable[[int], None] | None = None
    ) -> int:
        with self._cond:
            if self._closing:
                raise StorageError("notes are closed; nothing more can be saved")
            self._seq += 1
            if not self._jobs:  # a read may come before the writer wakes: count from now
                self._head_since = time.monotonic()
            self._jobs.append(_Job(self._seq, write, done))
            self._cond.notify()
            return self._seq

    def pending(self) -> int:
        with self._cond:
            return len(self._jobs)

    def flush(self, timeout: float) -> bool:
        """Wait until every write so far is saved; False when ``timeout`` seconds ran out."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._jobs:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def settle(self, timeout: float = 0.05) -> None:
        """Let waiting writes land before a read, when they are landing at all.

        ``timeout`` bounds the wait for the write at the head of the queue, counted from when
        the writer started on it, so many reads in a row share one wait; while another program
        holds the lock, reads go ahead at once with what is saved."""
        with self._cond:
            if self.state is not None or self._closing or not self._jobs:
                return
            left = timeout - (time.monotonic() - self._head_since)
        if left > 0:
            self.flush(left)

    def close(self, timeout: float = 2.0) -> int:
        """Save what can be saved within ``timeout`` seconds; the number of writes left."""
        self.flush(timeout)
        with self._cond:
            self._closing = True
            left = len(self._jobs)
            self._jobs.clear()
            self._cond.notify_all()
        self._thread.join(timeout=RETRY_AT_MOST_S + WORKER_BUSY_TIMEOUT_MS / 1000 + 1)
        return left

    # the writer thread ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._closing:
                    self._cond.wait()
                if self._closing:
                    break
                job = self._jobs[0]
                if job.tries == 0:
                    self._head_since = time.monotonic()
            error = self._attempt(job)
            with self._cond:
                if error is None and self._jobs and self._jobs[0] is job:
                    self._jobs.popleft()
                    self._cond.notify_all()
                waiting = len(self._jobs)
            if error is None:
                if job.done is not None:
                    job.done(job.seq)
                if self.state is not None and waiting == 0:
                    self._tell(None)
                continue
            job.tries += 1
            self._tell(self._sentence(error, waiting))
            with self._cond:
                if not self._closing:
                    self._cond.wait(min(RETRY_AT_MOST_S, 0.05 * 2**job.tries))
        if self._db is not None:
            self._db.close()

    def _attempt(self, job: _Job) -> StorageError | None:
        try:
            if self._db is None:
                self._db = open_database(
                    self.path, busy_timeout_ms=WORKER_BUSY_TIMEOUT_MS, check_index=False
                )
                if self._check_index:
                    self._db.check_search_index()
                for notice in self._db.notices:
                    with self._cond:
                        self.notices.append(notice)
                    self._tell(notice, lasting=False)
            job.write(self._db)
        except NotFound:
            return None  # deleted elsewhere already: nothing left to do
        except StorageError as e:
            return e
        except Exception as e:  # any other failure: kept, said and tried again
            # Anything else (a change that cannot be written as it is) would end this thread,
            # and with it every later save, without a word: kept and said like a busy file,
            # it is still in the file of unsaved notes that closing writes.
            return StorageError(f"{type(e).__name__}: {e}")
        return None

    @staticmethod
    def _sentence(error: StorageError, waiting: int) -> str:
        changes = "1 change is" if waiting == 1 else f"{waiting} changes are"
        if isinstance(error, DatabaseBusy):
            return (
                f"Notes are busy: another program is using the notes database. {changes} "
                "shown and will be saved as soon as it is free."
            )
        return f"Notes are not saved yet ({error}). {changes} kept and will be tried again."

    def _tell(self, message: str | None, *, lasting: bool = True) -> None:
        if lasting:
            self.state = message
        with self._cond:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(message)
            except Exception:  # a closed window must not stop the writes
                self._listeners.remove(listener)


def rescue_path(folder: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"notes-unsaved-{stamp}.json"


def write_rescue(folder: Path, notes: list, stars: list[dict]) -> Path | None:
    """Notes that could not be saved, as an export the next start merges back in."""
    from player.core.storage.export import notes_document

    text = notes_document(notes, stars)
    for where in (folder, Path.home()):
        target = rescue_path(where)
        try:
            target.write_text(text, encoding="utf-8")
            return target
        except OSError:
            continue
    return None
