"""The window's notes store, which writes through the queue: while another program holds the
notes file, every note typed, edited, deleted or starred shows at once, lands once the file is
free, and what is still waiting at close is kept in a rescue file the next start merges."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import Note, NoteStore, NotFound, open_database
from player.core.storage.notes import line_of
from player.core.storage.pending_notes import QueuedNoteStore, merge_rescued
from player.core.storage.queue import RESCUE_GLOB, WriteQueue
from tests.core.storage import damage

_LATER = "2999-01-01T00:00:00.000+00:00"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Three saved notes at 0, 1 and 2 s; a saved note in another episode; two stars."""
    path = damage.with_notes(tmp_path / "notes.db", 3)
    with open_database(path) as db:
        NoteStore(db).add(Note(episode_id="other", start_ms=0, text="saved note elsewhere"))
        NoteStore(db).star("ep", "quote", 5)
        NoteStore(db).star("ep", "takeaway", 3)
    return path


@pytest.fixture
def store(path: Path):
    queue = WriteQueue(path)
    db = open_database(path)
    db.before_read = queue.settle  # as the window does
    yield QueuedNoteStore(db, queue)
    queue.close()
    db.close()


def test_changes_made_while_the_file_is_held_show_at_once_and_land_once_it_is_free(
    path: Path, store: QueuedNoteStore
) -> None:
    saved = store.for_episode("ep")
    [saved_elsewhere] = store.for_episode("other")
    with damage.held_by_another_process(path):
        typed = store.add(Note(episode_id="ep", start_ms=1_500, text="typed while held"))
        elsewhere = store.add(Note(episode_id="other", start_ms=1_200, text="in another"))
        edited = store.update(saved[1].model_copy(update={"text": "edited while held"}))
        gone = store.delete(saved[2].id)
        store.star("ep", "quote", 0)
        store.star("ep", "concept", 2)
        store.unstar("ep", "quote", 5)
        store.star("other", "takeaway", 1)

        shown = [saved[0], edited, typed]
        assert edited.text == "edited while held" and edited.updated_at > saved[1].updated_at
        assert store.for_episode("ep") == shown
        assert store.outline("ep") == [line_of(n) for n in shown]
        assert store.get(gone.id) is None and store.get(edited.id) == edited
        assert store.all_recent(10) == [edited, elsewhere, typed, saved_elsewhere, saved[0]]
        found = {h.note.id for h in store.search("saved", "ep")}
        assert saved[0].id in found and gone.id not in found  # nor the other episode's note
        assert len(found) == 2
        assert store.stars("ep") == {("quote", 0), ("concept", 2), ("takeaway", 3)}
        assert store.stars("other") == {("takeaway", 1)}
        with open_database(path, busy_timeout_ms=50) as elsewhere_db:  # nothing landed yet
            assert [n.text for n in NoteStore(elsewhere_db).for_episode("ep")] == [
                "saved note 0",
                "saved note 1",
                "saved note 2",
            ]

    assert store.queue.flush(10)
    with open_database(path) as db:
        again = NoteStore(db)
        assert again.for_episode("ep") == shown
        assert [n.text for n in again.for_episode("other")] == [
            "saved note elsewhere",
            "in another",
        ]
        assert again.stars("ep") == {("quote", 0), ("concept", 2), ("takeaway", 3)}
        assert again.stars("other") == {("takeaway", 1)}


def test_undoing_a_delete_brings_the_note_back_as_it_was(
    path: Path, store: QueuedNoteStore
) -> None:
    note = store.for_episode("ep")[1]
    store.restore(store.delete(note.id))
    assert store.get(note.id) == note
    assert store.queue.flush(10)
    with open_database(path) as db:
        assert NoteStore(db).get(note.id) == note


def test_deleting_a_note_that_is_not_there_names_it(store: QueuedNoteStore) -> None:
    with pytest.raises(NotFound, match=r"^no note with id gone-already$"):
        store.delete("gone-already")


def test_a_search_matching_hundreds_of_notes_lists_the_first_two_hundred(
    store: QueuedNoteStore,
) -> None:
    with store.db.transaction():
        for i in range(205):
            NoteStore(store.db).add(Note(episode_id="ep", start_ms=i, text=f"thought {i}"))
    assert len(store.search("thought", "ep")) == 200


def test_what_waits_at_close_is_rescued_and_merged_at_the_next_start(
    path: Path, store: QueuedNoteStore
) -> None:
    folder = path.parent
    assert store.rescue(folder) is None  # nothing waits: no file
    assert not list(folder.glob(RESCUE_GLOB))
    with damage.held_by_another_process(path):
        store.add(Note(episode_id="ep", start_ms=9_000, text="typed, then the app closed"))
        store.star("ep", "concept", 7)
        store.unstar("ep", "takeaway", 3)  # an unstar is not rescued: the star stays
        assert store.queue.close(timeout=0.3) == 3
        rescue = store.rescue(folder)
    assert rescue is not None and rescue.parent == folder

    with open_database(path) as db:
        assert merge_rescued(NoteStore(db), folder) == (
            "1 notes that could not be saved last time are saved now."
        )
        assert "typed, then the app closed" in [n.text for n in NoteStore(db).for_episode("ep")]
        assert NoteStore(db).stars("ep") == {("quote", 5), ("takeaway", 3), ("concept", 7)}
    assert not rescue.exists()


def test_a_star_alone_waiting_at_close_is_rescued(path: Path, store: QueuedNoteStore) -> None:
    with damage.held_by_another_process(path):
        store.star("ep", "quote", 1)
        store.queue.close(timeout=0.3)
        rescue = store.rescue(path.parent)
    assert rescue is not None
    with open_database(path) as db:
        merge_rescued(NoteStore(db), path.parent)
        assert ("quote", 1) in NoteStore(db).stars("ep")


def test_a_damaged_rescue_is_left_alone_and_the_others_are_still_merged(tmp_path: Path) -> None:
    from player.core.storage.queue import write_rescue

    path = damage.with_notes(tmp_path / "notes.db", 2)
    with open_database(path) as db:
        saved = NoteStore(db).for_episode("ep")
    damaged = tmp_path / "notes-unsaved-00000000-000000-000000.json"  # sorts first
    damaged.write_text('{"format": "brief-player-notes", "notes": [', encoding="utf-8")
    newer = saved[0].model_copy(
        update={"text": "edited, then the app closed", "updated_at": _LATER}
    )
    new = Note(episode_id="ep", start_ms=5, text="typed, then the app closed")
    write_rescue(tmp_path, [newer, new], [])
    with open_database(path) as db:
        assert merge_rescued(NoteStore(db), tmp_path) == (
            "2 notes that could not be saved last time are saved now."
        )
        assert [n.text for n in NoteStore(db).for_episode("ep")] == [
            "edited, then the app closed",
            "typed, then the app closed",
            "saved note 1",
        ]
    assert [p.name for p in tmp_path.glob(RESCUE_GLOB)] == [damaged.name]
