"""Notes and stars as the listener adds, edits, deletes, undoes and searches them."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import Attachment, Note, NoteStore, NotFound, StorageError, open_database


@pytest.fixture
def store(tmp_path: Path):
    db = open_database(tmp_path / "notes.db")
    yield NoteStore(db)
    db.close()


def _reopened(store: NoteStore) -> NoteStore:
    assert store.db.path is not None
    return NoteStore(open_database(store.db.path))


def test_notes_come_back_in_time_order_after_reopening(store: NoteStore) -> None:
    late = store.add(Note(episode_id="ep", start_ms=90_000, text="later"))
    clip = store.add(
        Note(
            episode_id="ep",
            start_ms=3_792_000,
            end_ms=3_840_000,
            text="the ghosts bit",
            tags=("#AI", "ai", "deep learning"),
            attached=Attachment(kind="quote", ref=4, label="We're summoning ghosts"),
            audio_key="sha256:abc:123",
        )
    )
    early = store.add(Note(episode_id="ep", start_ms=5_000, text="early"))
    store.add(Note(episode_id="other", start_ms=0, text="elsewhere"))
    again = _reopened(store)
    assert again.for_episode("ep") == [early, late, clip]
    assert clip.tags == ("AI", "deep-learning")
    assert again.get(clip.id) == clip and clip.is_clip


def test_edit_keeps_creation_time_and_moves_update_time(store: NoteStore) -> None:
    note = store.add(
        Note(episode_id="ep", start_ms=1, text="draft", updated_at="2020-01-01T00:00:00+00:00")
    )
    saved = store.update(note.model_copy(update={"text": "final"}))
    assert saved.updated_at > note.updated_at and saved.created_at == note.created_at
    assert _reopened(store).get(note.id) == saved


def test_delete_then_undo_restores_the_identical_note(store: NoteStore) -> None:
    note = store.add(Note(episode_id="ep", start_ms=1, text="oops", tags=("keep",)))
    gone = store.delete(note.id)
    assert gone == note and store.get(note.id) is None and store.search("oops") == []
    store.restore(gone)
    assert store.get(note.id) == note
    assert [h.note for h in store.search("oops")] == [note]


def test_missing_and_duplicate_notes_give_clear_errors(store: NoteStore) -> None:
    note = store.add(Note(episode_id="ep", start_ms=1, text="x"))
    with pytest.raises(StorageError, match="already exists"):
        store.add(note)
    with pytest.raises(NotFound, match="no note"):
        store.delete("nope")
    with pytest.raises(NotFound):
        store.update(Note(episode_id="ep", start_ms=1, text="never saved"))


def test_clip_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="end_ms"):
        Note(episode_id="ep", start_ms=5000, end_ms=4000)


def test_markup_is_stored_verbatim(store: NoteStore) -> None:
    text = "<b>x</b> <script>alert(1)</script> & &amp; [link](javascript:x)"
    note = store.add(Note(episode_id="ep", start_ms=0, text=text))
    assert _reopened(store).get(note.id).text == text  # type: ignore[union-attr]


def test_recent_notes_are_newest_first_across_episodes(store: NoteStore) -> None:
    a = store.add(Note(episode_id="a", start_ms=0, text="a", updated_at="2024-01-01T00:00:00Z"))
    b = store.add(Note(episode_id="b", start_ms=0, text="b", updated_at="2024-03-01T00:00:00Z"))
    c = store.add(Note(episode_id="a", start_ms=9, text="c", updated_at="2024-02-01T00:00:00Z"))
    assert store.all_recent(2) == [b, c]
    assert store.all_recent(10) == [b, c, a]


def test_stars_toggle_and_persist(store: NoteStore) -> None:
    store.star("ep", "quote", 3)
    store.star("ep", "quote", 3)
    store.star("ep", "takeaway", 0)
    store.star("other", "concept", 1)
    store.unstar("ep", "takeaway", 0)
    assert _reopened(store).stars("ep") == {("quote", 3)}
    with pytest.raises(ValueError, match="cannot star"):
        store.star("ep", "note", 1)


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def filled(store: NoteStore) -> dict[str, Note]:
    notes = {
        "ghosts": Note(
            episode_id="ep1", start_ms=1000, text="We are summoning ghosts, not animals"
        ),
        "rl": Note(
            episode_id="ep1",
            start_ms=2000,
            text="Reinforcement learning is terrible",
            tags=("rl", "hot-take"),
        ),
        "decade": Note(episode_id="ep2", start_ms=3000, text="It's the decade of agents"),
        "cafe": Note(episode_id="ep2", start_ms=4000, text="Notes from the café"),
        "quoted": Note(
            episode_id="ep2",
            start_ms=5000,
            text="see above",
            attached=Attachment(kind="concept", ref=1, label="Model collapse"),
        ),
    }
    for n in notes.values():
        store.add(n)
    return notes


def _ids(hits) -> set[str]:
    return {h.note.id for h in hits}


def test_search_finds_whole_words_with_their_spans(store: NoteStore, filled) -> None:
    [hit] = store.search("animals")
    assert hit.note == filled["ghosts"]
    assert [hit.note.text[s:e] for s, e in hit.spans] == ["animals"]
    assert "animals" in hit.snippet


def test_search_follows_typing_by_prefix(store: NoteStore, filled) -> None:
    typed = "summoning gh"
    seen = [_ids(store.search(typed[: i + 1])) for i in range(len(typed))]
    assert seen[-1] == {filled["ghosts"].id}
    assert {filled["ghosts"].id} <= seen[2]  # "sum"
    assert seen[8] == {filled["ghosts"].id}  # "summoning"


def test_search_needs_every_word_in_any_order(store: NoteStore, filled) -> None:
    assert _ids(store.search("learning reinforcement")) == {filled["rl"].id}
    assert store.search("learning ghosts") == []


def test_search_finds_tags_and_the_attached_item(store: NoteStore, filled) -> None:
    assert _ids(store.search("#hot-take")) == {filled["rl"].id}
    assert _ids(store.search("rl")) == {filled["rl"].id}
    assert _ids(store.search("collapse")) == {filled["quoted"].id}


def test_search_ignores_accents_and_case(store: NoteStore, filled) -> None:
    assert _ids(store.search("CAFE")) == {filled["cafe"].id}


def test_search_within_one_episode(store: NoteStore, filled) -> None:
    assert _ids(store.search("de", episode_id="ep2")) == {filled["decade"].id}
    assert store.search("ghosts", episode_id="ep2") == []


def test_search_sees_edits_and_deletes(store: NoteStore, filled) -> None:
    note = filled["decade"]
    store.update(note.model_copy(update={"text": "It's the year of agents"}))
    assert store.search("decade") == []
    assert _ids(store.search("year")) == {note.id}
    store.delete(note.id)
    assert store.search("year") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        "AND",
        "-",
        "OR",
        "NOT",
        "ghosts AND",
        '"ghosts',
        "a:b",
        "^",
        "(",
        ")",
        "{x}",
        "ghosts NEAR(animals, 2)",
        "col:text",
        "'",
        "\\",
        "%",
        "_",
        "",
        "   ",
        "\x00",
    ],
)
def test_typed_fts_syntax_never_raises(store: NoteStore, filled, query: str) -> None:
    store.search(query)
    store.search(query, episode_id="ep1")


def test_operator_words_are_searched_as_words(store: NoteStore, filled) -> None:
    extra = store.add(Note(episode_id="ep3", start_ms=0, text="cats AND dogs, NOT birds"))
    assert _ids(store.search("AND")) == {extra.id}
    assert _ids(store.search('"ghosts')) == {filled["ghosts"].id}
    assert _ids(store.search("ghosts -animals")) == {filled["ghosts"].id}


def test_a_tag_match_ranks_above_a_passing_mention(store: NoteStore) -> None:
    mention = store.add(
        Note(
            episode_id="ep", start_ms=0, text="long note that mentions agents once among many words"
        )
    )
    tagged = store.add(Note(episode_id="ep", start_ms=9, text="see clip", tags=("agents",)))
    assert [h.note.id for h in store.search("agents")] == [tagged.id, mention.id]


def test_a_query_too_broad_to_rank_lists_newest_notes_first(store: NoteStore) -> None:
    from player.core.storage.notes import RANK_AT_MOST

    # The oldest notes are tagged "alpha", which ranking would put first; newest-first must win.
    with store.db.transaction():  # one commit for the lot, as an import does
        added = [
            store.add(
                Note(
                    episode_id=f"ep{i % 3}",
                    start_ms=i,
                    text=f"alpha number {i}",
                    tags=("alpha",) if i < 100 else (),
                )
            )
            for i in range(RANK_AT_MOST + 50)
        ]
    hits = store.search("a", limit=20)
    assert [h.note.id for h in hits] == [n.id for n in reversed(added[-20:])]
    hits = store.search("alp", episode_id="ep1", limit=5)
    assert [h.note.id for h in hits] == [n.id for n in reversed(added) if n.episode_id == "ep1"][:5]
    assert [h.note.text for h in store.search("alpha 777")] == ["alpha number 777"]
