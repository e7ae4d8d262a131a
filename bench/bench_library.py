"""How long listing the library takes: 50 opened briefs, with and without 100,000 saved notes.

The list is rebuilt from the database and the disk every time the Library is shown (a count of
notes and a resume position per row, and a look for each brief file), so it must stay instant
for a long-time listener. Two databases, measured alternately in one run:

- empty: 50 opened briefs, no notes (the baseline);
- notes: the same 50 briefs and 100,000 notes over 1,000 episodes, 2,000 on each listed one.

Prints the median of several builds for each, and its ratio to the empty database.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.episodes import discover_episodes
from player.core.library_entries import library_items
from player.core.storage import LibraryStore, PlayStateStore, open_database
from player.core.storage.notes import Note, NoteStore

RUNS = 15
BRIEFS = 50
TOTAL_NOTES = 100_000
CONTENT = Path(__file__).resolve().parent.parent / "content"


def _fill(path: Path, root: Path, notes: bool) -> None:
    with open_database(path) as db:
        library, play, store = LibraryStore(db), PlayStateStore(db), NoteStore(db)
        for i in range(BRIEFS):
            brief = root / f"brief-{i}.txt"
            brief.write_text(f'Guest — “Episode {i}”\nQuotes\n- At 0:01 - "q" - c\n')
            library.touch(f"ep-{i}", str(brief), title=f"Episode {i}", length_s=3_600)
            play.save(f"ep-{i}", position_ms=60_000 * i)
        if notes:
            with db.transaction():
                for n in range(TOTAL_NOTES):
                    episode = f"ep-{n % 1_000}"
                    store.put(Note(episode_id=episode, start_ms=n, text=f"note {n}"))


def _build(path: Path) -> float:
    episodes = discover_episodes(CONTENT)
    start = time.perf_counter()
    with open_database(path) as db:
        items = library_items(
            episodes, LibraryStore(db).list_recent(), PlayStateStore(db), NoteStore(db)
        )
    elapsed = time.perf_counter() - start
    assert len(items) == BRIEFS + len(episodes)
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = {"empty": root / "empty.db", "notes": root / "notes.db"}
        for name, path in paths.items():
            _fill(path, root, notes=name == "notes")
        times: dict[str, list[float]] = {name: [] for name in paths}
        for _ in range(RUNS):
            for name, path in paths.items():
                times[name].append(_build(path))
    base = statistics.median(times["empty"])
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:6} median {median * 1000:7.2f} ms  ratio {median / base:5.2f}")


if __name__ == "__main__":
    main()
