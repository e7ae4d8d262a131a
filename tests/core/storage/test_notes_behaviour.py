"""What the listener gets back from their notes: the item a note belongs to, and the words
they searched for marked wherever they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import Attachment, Note, NoteStore, open_database


@pytest.fixture
def store(tmp_path: Path):
    db = open_database(tmp_path / "notes.db")
    yield NoteStore(db)
    db.close()


def test_a_note_on_the_first_quote_still_belongs_to_the_first_quote_after_reopening(
    store: NoteStore,
) -> None:
    first = Attachment(kind="quote", ref=0, label="We're summoning ghosts")
    note = store.add(Note(episode_id="ep", start_ms=5_000, text="ghosts", attached=first))
    assert store.db.path is not None
    again = NoteStore(open_database(store.db.path))
    assert again.get(note.id).attached == first
    assert again.for_episode("ep")[0].attached == first


def test_a_match_on_the_first_word_of_a_note_is_highlighted(store: NoteStore) -> None:
    store.add(Note(episode_id="ep", start_ms=0, text="Scaling laws hold for now"))
    [hit] = store.search("scaling")
    assert [hit.note.text[s:e] for s, e in hit.spans] == ["Scaling"]
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["Scaling"]
