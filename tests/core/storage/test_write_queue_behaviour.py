"""The notes writer the window hands every change to, with a real database and a real second
program holding the lock: changes land in order, the listener hears how many are waiting and
when they are saved, and closing says how many could not be."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from player.core.storage import Note, NoteStore, StorageError, open_database
from player.core.storage.database import NotFound
from player.core.storage.queue import WriteQueue
from tests.core.storage import damage


def _note(text: str, at: int = 1_000) -> object:
    return lambda db: NoteStore(db).add(Note(episode_id="ep", start_ms=at, text=text))


def _texts(path: Path) -> list[str]:
    with open_database(path) as db:
        return [n.text for n in NoteStore(db).for_episode("ep")]


def test_changes_land_in_the_order_they_were_made(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    saved: list[int] = []
    seqs = [queue.submit(_note(f"note {i}", i), done=saved.append) for i in range(5)]
    assert queue.flush(10) and queue.pending() == 0
    assert saved == seqs == [1, 2, 3, 4, 5]
    assert queue.close() == 0
    assert _texts(path) == [f"note {i}" for i in range(5)]


def test_while_another_program_holds_the_file_the_listener_hears_how_many_wait(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db", 1)
    queue = WriteQueue(path)
    assert queue.flush(10)
    heard: list[str | None] = []
    busy = threading.Event()
    queue.add_listener(lambda m: (heard.append(m), m and "busy" in m and busy.set()))
    with damage.held_by_another_process(path):
        queue.submit(_note("first"))
        assert busy.wait(10)
        queue.submit(_note("second"))
        assert not queue.flush(0.3) and queue.pending() == 2
        assert heard[0] == (
            "Notes are busy: another program is using the notes database. 1 change is shown "
            "and will be saved as soon as it is free."
        )
        assert queue.state is not None
        late: list[str | None] = []
        queue.add_listener(late.append)  # a window opened now is told at once
        assert late == [queue.state]
    assert queue.flush(10)
    assert heard[-1] is None and queue.state is None  # "saved" once nothing waits
    assert any(m and "2 changes are shown" in m for m in heard)
    queue.close()
    assert _texts(path) == ["saved note 0", "first", "second"]


def test_closing_while_the_file_is_held_says_how_many_changes_were_not_saved(
    tmp_path: Path,
) -> None:
    path = damage.with_notes(tmp_path / "notes.db", 1)
    queue = WriteQueue(path)
    assert queue.flush(10)
    with damage.held_by_another_process(path):
        for text in ("a", "b", "c"):
            queue.submit(_note(text))
        assert queue.close(timeout=0.3) == 3
    with pytest.raises(StorageError, match="notes are closed"):
        queue.submit(_note("too late"))
    assert _texts(path) == ["saved note 0"]


def test_a_note_deleted_elsewhere_is_not_tried_again_and_later_changes_land(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)

    def gone(db: object) -> None:
        raise NotFound("that note was deleted in another window")

    queue.submit(gone)
    queue.submit(_note("after"))
    assert queue.flush(5) and queue.state is None
    queue.close()
    assert _texts(path) == ["after"]


def test_a_repair_made_at_open_is_told_to_every_listener_once(tmp_path: Path) -> None:
    path = damage.fts_dropped(tmp_path)
    queue = WriteQueue(path)
    queue.submit(_note("x"))
    assert queue.flush(10)
    heard: list[str | None] = []
    queue.add_listener(heard.append)
    assert heard == ["The notes search index was missing and has been rebuilt."]
    assert queue.state is None
    queue.close()


def test_a_failing_listener_does_not_stop_the_writes(tmp_path: Path) -> None:
    path = damage.fts_dropped(tmp_path)
    queue = WriteQueue(path)

    def closed_window(message: str | None) -> None:
        raise RuntimeError("the window is gone")

    queue.add_listener(closed_window)
    queue.submit(_note("still saved"))
    assert queue.flush(10)
    queue.close()
    assert "still saved" in _texts(path)


def test_a_read_right_after_a_write_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    with open_database(path) as db:
        db.before_read = queue.settle
        queue.submit(_note("just typed"))
        assert [n.text for n in NoteStore(db).for_episode("ep")] == ["just typed"]
    queue.close()


def test_unsaved_notes_go_to_the_home_folder_when_their_own_folder_is_gone(
    tmp_path: Path, isolated_home: Path
) -> None:
    from player.core.storage.queue import RESCUE_GLOB, write_rescue

    note = Note(episode_id="ep", start_ms=1, text="café au lait, not lost")
    where = write_rescue(tmp_path / "removed since", [note], [])
    assert where is not None and where.parent == isolated_home
    [found] = isolated_home.glob(RESCUE_GLOB)
    assert "café au lait, not lost" in found.read_text(encoding="utf-8")
    again = write_rescue(tmp_path / "removed since", [note], [])
    assert again != where  # a second rescue in the same second is a file of its own


def test_a_place_saved_while_the_file_is_held_reads_back_at_once_and_lands_later(
    tmp_path: Path,
) -> None:
    from player.core.storage.pending import QueuedPlayState, touch_library

    path = damage.with_notes(tmp_path / "notes.db", 1)
    queue = WriteQueue(path)
    db = open_database(path)
    db.before_read = queue.settle
    play = QueuedPlayState(db, queue)
    play.save("ep", position_ms=1_000, audio_path="/music/copy.mp3", audio_length_ms=9_000)
    assert queue.flush(10)
    with damage.held_by_another_process(path):
        shown = play.save("ep", position_ms=61_000, speed=1.5)
        assert (shown.position_ms, shown.speed, shown.audio_path) == (
            61_000,
            1.5,
            "/music/copy.mp3",
        )
        play.save("other", volume=0.3)
        forgot = play.save("ep", clear_audio=True)
        assert (forgot.position_ms, forgot.speed, forgot.audio_path) == (61_000, 1.5, None)
        touch_library(queue, "ep", "/briefs/ep.txt", title="An episode")
        assert play.get("other").volume == 0.3
    assert queue.flush(10)
    with open_database(path) as again:
        from player.core.storage import LibraryStore, PlayStateStore

        saved = PlayStateStore(again).get("ep")
        assert (saved.position_ms, saved.speed, saved.audio_path) == (61_000, 1.5, None)
        assert LibraryStore(again).get("ep").title == "An episode"
    db.close()
    queue.close()
