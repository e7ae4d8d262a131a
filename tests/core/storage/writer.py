"""A second process that writes notes, for the kill and concurrency tests.

Usage: ``writer.py DB COUNT PREFIX``. Prints each note's id the moment ``add()`` has returned;
with COUNT 0 it writes until killed.
"""

from __future__ import annotations

import itertools
import sys

from player.core.storage import Note, NoteStore, PlayStateStore, open_database


def main() -> int:
    path, count, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    db = open_database(path)
    notes, play = NoteStore(db), PlayStateStore(db)
    steps = itertools.count() if count == 0 else range(count)
    for i in steps:
        note = notes.add(
            Note(episode_id=f"ep-{prefix}", start_ms=i * 1000, text=f"{prefix} note {i}")
        )
        print(note.id, flush=True)
        if i % 10 == 0:
            play.save(f"ep-{prefix}", position_ms=i * 1000)
            notes.star(f"ep-{prefix}", "quote", i)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
