"""What a bad or busy notes database costs the window, and what each kind of damage says.

Prints, for every damaged database in ``tests/core/storage/damage.py``: the message, whether the
bytes were kept or copied aside, whether a note added afterwards is saved, and the median time
to open. Then how long the window's own thread is held by the database while another process
holds the write lock (``BEGIN EXCLUSIVE``), against the same steps on a free database, measured
in the same run: opening the stores, adding a note and reading the list back, saving the resume
position, closing. Last, what the checks at open cost on 100,000 notes (the search index check
runs on the writer thread in the window, and at open in the command line).

Run: ``PYTHONPATH=. python bench/bench_storage.py [--repeat N] [--notes N]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.storage import Note, NoteStore, open_database, open_or_fallback
from player.core.storage.pending import QueuedPlayState
from player.core.storage.pending_notes import QueuedNoteStore
from player.core.storage.queue import WriteQueue
from tests.core.storage import damage

WINDOW_BUSY_TIMEOUT_MS = 50  # as player.ui.session uses (not imported: no Qt needed here)


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def damage_table(repeat: int) -> None:
    print("case | message | bytes | notes addable | open ms (median)")
    print("--- | --- | --- | --- | ---")
    for case in damage.CASES:
        times: list[float] = []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                path = case.make(folder)
                before = damage.snapshot(folder)
                result: dict = {}
                times.append(_ms(lambda p=path, r=result: r.update(got=open_or_fallback(p))))
                db, message = result["got"]
                NoteStore(db).add(Note(episode_id="ep", start_ms=1, text="typed after"))
                db.close()
                after = damage.snapshot(folder)
                unchanged = all(after.get(k) == v for k, v in before.items() if "shm" not in k)
                copies = [k for k in after if k not in before and ("-2" in k)]
        kept = ("unchanged" if unchanged else "changed") + (", copied aside" if copies else "")
        addable = "yes, saved" if case.saved else "this session only (in memory)"
        short = (message or "(none)").replace(str(path.parent) + "/", "")
        print(f"{case.name} | {short} | {kept} | {addable} | {statistics.median(times):.1f}")


def _window_steps(path: Path) -> dict[str, float]:
    """The steps the window's thread takes, each timed; the queue does the waiting."""
    got: dict = {}
    steps = {
        "open": lambda: got.update(
            db=open_or_fallback(path, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS, check_index=False)[0]
        )
    }
    out = {"open": _ms(steps["open"])}
    queue = WriteQueue(path)
    got["db"].before_read = queue.settle
    notes, play = QueuedNoteStore(got["db"], queue), QueuedPlayState(got["db"], queue)
    out["add note + list"] = _ms(
        lambda: (
            notes.add(Note(episode_id="ep", start_ms=9, text="typed")),
            notes.for_episode("ep"),
        )
    )
    out["resume save"] = _ms(lambda: play.save("ep", position_ms=1234))
    out["search"] = _ms(lambda: notes.search("saved"))
    out["close (waits 0.5 s at most)"] = _ms(lambda: queue.close(0.5))
    got["db"].close()
    return out


def lock_figures(repeat: int) -> None:
    free: dict[str, list[float]] = {}
    held: dict[str, list[float]] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            path = damage.with_notes(Path(tmp) / "notes.db", 50)
            for k, v in _window_steps(path).items():
                free.setdefault(k, []).append(v)
        with tempfile.TemporaryDirectory() as tmp:
            path = damage.with_notes(Path(tmp) / "notes.db", 50)
            with damage.held_by_another_process(path):
                for k, v in _window_steps(path).items():
                    held.setdefault(k, []).append(v)
    print(f"\nwindow thread held by the database, ms (median of {repeat})")
    print("step | free database | locked by another process | ratio")
    print("--- | --- | --- | ---")
    for k in free:
        f, h = statistics.median(free[k]), statistics.median(held[k])
        print(f"{k} | {f:.2f} | {h:.2f} | {h / f if f else float('nan'):.1f}x")


def open_cost(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.db"
        with open_database(path) as db, db.transaction():
            store = NoteStore(db)
            for i in range(count):
                store.add(Note(episode_id=f"ep{i % 300}", start_ms=i, text=f"note {i} words"))
        plain = [_ms(lambda: open_database(path, check_index=False).close()) for _ in range(5)]
        full = [_ms(lambda: open_database(path).close()) for _ in range(5)]
        print(f"\nopening {count:,} notes, ms (median of 5)")
        print(f"without the index check: {statistics.median(plain):.1f}")
        print(f"with the index check:    {statistics.median(full):.1f}")
        print(f"ratio: {statistics.median(full) / statistics.median(plain):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--notes", type=int, default=100_000)
    args = parser.parse_args()
    damage_table(args.repeat)
    lock_figures(args.repeat)
    open_cost(args.notes)


if __name__ == "__main__":
    main()
