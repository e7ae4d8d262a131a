"""A notes file whose search index lost one of its tables: the notes are the truth, so the
listener keeps every note, is told the index was rebuilt, and search works again."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import Note, NoteStore, open_database, open_or_fallback
from tests.core.storage import damage

SAVED = ["saved note 0", "saved note 1", "saved note 2"]


@pytest.mark.parametrize("part", ["data", "idx", "docsize", "config"])
def test_notes_are_kept_and_found_again_when_a_part_of_the_search_index_is_gone(
    part: str, tmp_path: Path
) -> None:
    path = damage.fts_part_dropped(tmp_path, part)

    db, message = open_or_fallback(path)
    assert message == "The notes search index was damaged and has been rebuilt."
    assert not db.in_memory, "the notes file itself is fine: new notes must be saved to it"
    store = NoteStore(db)
    assert [n.text for n in store.for_episode("ep")] == SAVED
    assert sorted(h.note.text for h in store.search("saved")) == SAVED
    store.add(Note(episode_id="ep", start_ms=9_000, text="typed after the repair"))
    db.close()

    with open_database(path) as again:
        assert again.notices == [], "a repair is said once, not at every start"
        store = NoteStore(again)
        assert [h.note.text for h in store.search("typed")] == ["typed after the repair"]
        assert sorted(h.note.text for h in store.search("saved")) == SAVED
        assert again.integrity_check() == "ok"
