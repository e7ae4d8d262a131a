"""How fast notes search follows typing, how fast the database opens, what a save costs.

Prints medians and ratios against baselines measured in the same run on the same machine:
search per keystroke (FTS5) against a plain ``LIKE`` scan over 100,000 notes; opening a
database of 100,000 notes against an empty one; one ``add()`` with ``synchronous=FULL`` (what
the app uses) against ``NORMAL``; reading one episode's 10,000 and 100,000 notes as the window
opens them (``outline``: moment and words) against whole notes (``for_episode``), with an
episode without notes as the baseline. The window's own figures (open, add, edit, delete) are
in ``bench_open_with_notes.py``.

Run: ``PYTHONPATH=. python bench/bench_notes.py [--notes N]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.storage import Note, NoteStore, open_database
from player.core.storage.notes import _COLUMNS, _marks, _row

TYPED = ["reinforcement learning", "ghosts not animals", "decade of agents", "model collapse"]
# Made-up words from common syllables: a Zipf-weighted vocabulary whose prefixes are shared
# about as widely as English ones are (no syllable starts a twelfth of all words).
_SYLLABLES = tuple(c + v for c in "bcdfghklmnprstvw" for v in "aeiou")


def _vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    words = {"reinforcement", "learning", "ghosts", "animals", "decade", "agents", "model"}
    words |= {"collapse", "not", "of", "the", "and", "is", "a", "to", "in", "data"}
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))))
    return sorted(words)


def _fill(path: Path, count: int, rng: random.Random) -> None:
    vocab = _vocabulary(rng)
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf-like, as real text is
    rng.shuffle(vocab)
    with open_database(path) as db, db.transaction() as conn:
        rows = []
        for i in range(count):
            words = rng.choices(vocab, weights, k=rng.randint(6, 40))
            tags = tuple(
                rng.sample(["ai", "rl", "agents", "todo", "quote", "idea"], k=rng.randint(0, 2))
            )
            note = Note(
                episode_id=f"ep{i % 300}",
                start_ms=rng.randint(0, 3 * 3600 * 1000),
                text=" ".join(words),
                tags=tags,
                created_at=f"2024-01-01T00:00:{i % 60:02d}.000+00:00",
                updated_at=f"2024-{1 + i % 12:02d}-01T00:00:00.000+00:00",
            )
            rows.append(_row(note))
        conn.executemany(f"INSERT INTO notes ({_COLUMNS}) VALUES ({_marks()})", rows)


def _time_ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _time_adds(store: NoteStore, count: int) -> list[float]:
    return [
        _time_ms(lambda i=i: store.add(Note(episode_id="e", start_ms=i, text="a note")))
        for i in range(count)
    ]


def _p99(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=100)[98] if len(xs) >= 2 else xs[0]


def _like_search(store: NoteStore, typed: str, limit: int = 200) -> list[tuple]:
    """What a search box without an index would do: every word as a substring, newest first."""
    words = typed.split()
    if not words:
        return []
    where = " AND ".join("(text LIKE ? OR tags LIKE ?)" for _ in words)
    params: list[object] = []
    for w in words:
        params += [f"%{w}%", f"%{w}%"]
    return store.db.query(
        f"SELECT {_COLUMNS} FROM notes WHERE {where} ORDER BY updated_at DESC LIMIT ?",
        [*params, limit],
    )


def _read_dense(tmp: Path) -> None:
    """One episode's notes read as the window reads them when it opens."""
    path = tmp / "dense.db"
    with open_database(path) as db, db.transaction() as conn:
        rows = [
            _row(Note(episode_id=f"e{size}", start_ms=i * 36, text=f"note {i}"))
            for size in (10_000, 100_000)
            for i in range(size)
        ]
        conn.executemany(f"INSERT INTO notes ({_COLUMNS}) VALUES ({_marks()})", rows)
    db = open_database(path)
    store = NoteStore(db)
    runs = 5
    print(f"\nreading one episode's notes, median of {runs}:")
    none = statistics.median(_time_ms(lambda: store.outline("nobody")) for _ in range(runs))
    print(f"  no notes (baseline)     {none:8.2f} ms")
    for size in (10_000, 100_000):
        episode = f"e{size}"
        lines = statistics.median(_time_ms(lambda e=episode: store.outline(e)) for _ in range(runs))
        whole = statistics.median(
            _time_ms(lambda e=episode: store.for_episode(e)) for _ in range(runs)
        )
        print(
            f"  {size:>7,} as lines     {lines:8.1f} ms (+{lines - none:7.1f})   "
            f"whole {whole:8.1f} ms   whole/lines {whole / lines:5.2f}x"
        )
    db.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        big, empty = Path(tmp) / "big.db", Path(tmp) / "empty.db"
        t0 = time.perf_counter()
        _fill(big, args.notes, rng)
        print(f"filled {args.notes:,} notes in {time.perf_counter() - t0:.1f} s")
        open_database(empty).close()

        db = open_database(big)
        store = NoteStore(db)
        fts: list[float] = []
        like: list[float] = []
        for _ in range(args.rounds):
            for phrase in TYPED:
                for i in range(1, len(phrase) + 1):
                    typed = phrase[:i]
                    fts.append(_time_ms(lambda t=typed: store.search(t)))
                    like.append(_time_ms(lambda t=typed: _like_search(store, t)))
        db.close()
        print(f"\nsearch per keystroke over {args.notes:,} notes ({len(fts)} keystrokes):")
        for name, xs in (("FTS5 search()", fts), ("LIKE scan", like)):
            print(f"  {name:16}  median {statistics.median(xs):7.2f} ms   p99 {_p99(xs):7.2f} ms")
        print(
            f"  ratio LIKE/FTS    median {statistics.median(like) / statistics.median(fts):7.1f}x"
            f"  p99 {_p99(like) / _p99(fts):7.1f}x"
        )

        open_big = [_time_ms(lambda: open_database(big).close()) for _ in range(20)]
        open_empty = [_time_ms(lambda: open_database(empty).close()) for _ in range(20)]
        mb, me = statistics.median(open_big), statistics.median(open_empty)
        print("\nopen + close, median of 20:")
        print(f"  {args.notes:,} notes  {mb:7.2f} ms")
        print(f"  empty         {me:7.2f} ms")
        print(f"  ratio         {mb / me:7.2f}x")

        _read_dense(Path(tmp))

        saves: dict[str, list[float]] = {}
        for mode in ("NORMAL", "FULL"):
            path = Path(tmp) / f"save-{mode}.db"
            with open_database(path) as sdb:
                sdb.conn.execute(f"PRAGMA synchronous={mode}")
                saves[mode] = _time_adds(NoteStore(sdb), 200)
        full, normal = statistics.median(saves["FULL"]), statistics.median(saves["NORMAL"])
        print("\none add() committed, median of 200:")
        print(f"  synchronous=FULL    {full:7.3f} ms   p99 {_p99(saves['FULL']):7.3f} ms  (used)")
        print(f"  synchronous=NORMAL  {normal:7.3f} ms   p99 {_p99(saves['NORMAL']):7.3f} ms")
        print(f"  ratio FULL/NORMAL   {full / normal:7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
