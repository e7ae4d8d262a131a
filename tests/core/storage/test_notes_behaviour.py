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


def test_the_recent_notes_list_shows_the_hundred_newest(store: NoteStore) -> None:
    with store.db.transaction():
        added = [store.add(Note(episode_id="ep", start_ms=i, text=f"n{i}")) for i in range(101)]
    recent = store.all_recent()
    assert len(recent) == 100
    assert added[0] not in recent


def test_editing_or_deleting_a_note_that_is_gone_names_it(store: NoteStore) -> None:
    from player.core.storage import NotFound

    note = store.add(Note(episode_id="ep", start_ms=0, text="soon gone"))
    store.delete(note.id)
    assert store.get(note.id) is None and store.count("ep") == 0
    with pytest.raises(NotFound, match=f"^no note with id {note.id}$"):
        store.update(note)
    with pytest.raises(NotFound, match=f"^no note with id {note.id}$"):
        store.delete(note.id)


def test_unstarring_one_item_leaves_the_others_starred(store: NoteStore) -> None:
    store.star("ep", "quote", 0)
    store.star("ep", "quote", 1)
    store.star("ep", "concept", 0)
    store.star("other", "quote", 0)
    store.unstar("ep", "quote", 0)
    assert store.stars("ep") == {("quote", 1), ("concept", 0)}
    assert store.stars("other") == {("quote", 0)}


def test_starring_something_that_is_no_item_says_what_is_expected(store: NoteStore) -> None:
    with pytest.raises(ValueError) as e:
        store.star("ep", "chapter", 0)
    assert str(e.value) == "cannot star a 'chapter': expected one of quote, concept, takeaway"
    for ref in ("3", -1, 1.5):
        with pytest.raises(ValueError) as e:
            store.star("ep", "quote", ref)  # type: ignore[arg-type]
        assert str(e.value).startswith("item index must be a whole number from 0")
        assert str(e.value).endswith(f", not {ref!r}")
    assert store.stars("ep") == set()


def test_a_search_lists_at_most_two_hundred_notes_unless_asked(store: NoteStore) -> None:
    with store.db.transaction():
        for i in range(201):
            store.add(Note(episode_id="ep", start_ms=i, text=f"ghosts {i}"))
    assert len(store.search("ghosts")) == 200
    assert len(store.search("ghosts", limit=201)) == 201


def test_a_query_just_narrow_enough_to_rank_puts_the_best_match_first(store: NoteStore) -> None:
    from player.core.storage.notes import RANK_AT_MOST

    with store.db.transaction():
        best = store.add(Note(episode_id="ep", start_ms=0, text="alpha", tags=("alpha",)))
        for i in range(1, RANK_AT_MOST):
            store.add(Note(episode_id="ep", start_ms=i, text=f"alpha number {i}"))
    assert store.search("alpha", limit=1)[0].note.id == best.id
