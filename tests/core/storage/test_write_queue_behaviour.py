"""The notes writer the window hands every change to, with a real database and a real second
program holding the lock: changes land in order, the listener hears how many are waiting and
when they are saved, and closing says how many could not be."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from player.core.storage import Note, NoteStore, StorageError, open_database
from player.core.storage.database import NotFound
from player.core.storage.queue import WriteQueue
from tests.core.storage import damage


def _note(text: str, at: int = 1_000) -> object:
    return lambda db: NoteStore(db).add(Note(episode_id="ep", start_ms=at, text=text))


def _opened_with_one_note(tmp_path: Path) -> tuple[Path, WriteQueue]:
    path = damage.with_notes(tmp_path / "notes.db", 1)
    queue = WriteQueue(path)
    assert queue.flush(10)
    return path, queue


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
    path, queue = _opened_with_one_note(tmp_path)
    heard: list[str | None] = []
    waiting_when_saved: list[int] = []
    busy = threading.Event()

    def listener(message: str | None) -> None:
        heard.append(message)
        if message is None:
            waiting_when_saved.append(queue.pending())
        elif "busy" in message:
            busy.set()

    queue.add_listener(listener)
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
    assert heard[-1] is None and queue.state is None
    assert waiting_when_saved == [0]  # "saved" once, and only when nothing waits
    assert any(m and "2 changes are shown" in m for m in heard)
    queue.close()
    assert _texts(path) == ["saved note 0", "first", "second"]


def test_while_the_file_is_held_the_writer_tries_again_now_and_then_not_constantly(
    tmp_path: Path,
) -> None:
    path, queue = _opened_with_one_note(tmp_path)
    tries: list[str] = []
    queue.add_listener(lambda m: m is not None and tries.append(m))
    with damage.held_by_another_process(path):
        queue.submit(_note("waits"))
        time.sleep(1.5)
        tried_while_held = len(tries)
    assert queue.flush(10)
    # Waits of 0.1 s doubling up to 2 s: a few tries in 1.5 s, neither one every 50 ms
    # (hammering the other program's file) nor none after the first.
    assert 2 <= tried_while_held <= 10
    queue.close()
    assert _texts(path) == ["saved note 0", "waits"]


def test_closing_while_the_file_is_held_says_how_many_changes_were_not_saved(
    tmp_path: Path,
) -> None:
    path, queue = _opened_with_one_note(tmp_path)
    with damage.held_by_another_process(path):
        for text in ("a", "b", "c"):
            queue.submit(_note(text))
        assert queue.close(timeout=0.3) == 3
    with pytest.raises(StorageError, match=r"^notes are closed; nothing more can be saved$"):
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


def test_a_change_that_fails_in_an_unforeseen_way_is_said_and_kept_not_silently_dropped(
    tmp_path: Path,
) -> None:
    _path, queue = _opened_with_one_note(tmp_path)
    heard: list[str | None] = []
    queue.add_listener(heard.append)

    def broken(db: object) -> None:
        raise ValueError("a start time before the episode")

    queue.submit(broken)
    queue.submit(_note("typed after it"))
    assert not queue.flush(0.5)
    assert heard and heard[-1] == (
        "Notes are not saved yet (ValueError: a start time before the episode). "
        "2 changes are kept and will be tried again."
    )
    assert queue.close(timeout=0.3) == 2  # both counted, so closing keeps them aside


def test_a_repair_made_at_open_is_told_to_every_listener_once(tmp_path: Path) -> None:
    path = damage.fts_dropped(tmp_path)
    queue = WriteQueue(path)
    early: list[str | None] = []
    queue.add_listener(early.append)
    queue.submit(_note("x"))
    assert queue.flush(10)
    heard: list[str | None] = []
    queue.add_listener(heard.append)
    repaired = "The notes search index was missing and has been rebuilt."
    assert heard == [repaired]
    # Nothing was held up, so no "Notes saved." follows and hides the repair at once.
    assert early == [repaired]
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


def test_a_read_right_after_a_write_sees_it_however_long_the_window_was_open(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    with open_database(path) as db:
        # The window waits 50 ms (``queue.settle``); a second here, for a machine under load.
        db.before_read = lambda: queue.settle(timeout=1.0)
        queue.submit(_note("just typed"))
        assert [n.text for n in NoteStore(db).for_episode("ep")] == ["just typed"]
        time.sleep(1.2)  # the listener listens for a while, then types again
        queue.submit(_note("typed later", 2_000))
        assert [n.text for n in NoteStore(db).for_episode("ep")] == ["just typed", "typed later"]
    queue.close()


def test_notes_typed_during_a_long_write_are_read_whole_once_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    with open_database(path) as db:
        db.before_read = lambda: queue.settle(timeout=1.0)
        long_done = threading.Event()
        queue.submit(lambda db: time.sleep(1.2), done=lambda _: long_done.set())  # an import, say
        typed = [f"typed meanwhile {i}" for i in range(30)]
        for i, text in enumerate(typed):
            queue.submit(_note(text, i))
        assert long_done.wait(10)
        assert [n.text for n in NoteStore(db).for_episode("ep")] == typed
    queue.close()


def test_closed_notes_are_all_in_the_one_file_a_backup_copies(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    queue.submit(_note("worth keeping"))
    assert queue.close() == 0
    backup = tmp_path / "backup"
    backup.mkdir()
    shutil.copy(path, backup / "notes.db")  # the database file alone, as a copy tool takes it
    assert _texts(backup / "notes.db") == ["worth keeping"]


_ENDS_WITHOUT_CLOSING = """
import sys
from pathlib import Path
from player.core.storage import Note, NoteStore
from player.core.storage.queue import WriteQueue
queue = WriteQueue(Path(sys.argv[1]))
queue.submit(lambda db: NoteStore(db).add(Note(episode_id="ep", start_ms=5, text="from a script")))
assert queue.flush(10)
print("saved", flush=True)
"""


def test_a_program_that_ends_without_closing_its_notes_still_ends(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    WriteQueue(path).close()  # made here too, so a mutation run maps this test to the queue
    env = {**os.environ, "PYTHONPATH": str(damage.REPO)}
    run = subprocess.run(
        [sys.executable, "-c", _ENDS_WITHOUT_CLOSING, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,  # a writer thread that kept the program alive would hang here
    )
    assert run.returncode == 0, run.stderr
    assert _texts(path) == ["from a script"]


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


_RESCUE_IN_PLAIN_LOCALE = """
import sys
from pathlib import Path
from player.core.storage import Note
from player.core.storage.queue import write_rescue
note = Note(episode_id="ep", start_ms=2, text="na\\u00efve r\\u00e9sum\\u00e9 \\u2014 kept")
print(write_rescue(Path(sys.argv[1]), [note], []))
"""


def test_unsaved_notes_written_under_a_non_utf8_locale_merge_back_whole(tmp_path: Path) -> None:
    from player.core.storage.pending_notes import merge_rescued
    from player.core.storage.queue import write_rescue

    folder = tmp_path / "data"
    folder.mkdir()
    write_rescue(folder, [Note(episode_id="ep", start_ms=1, text="café, written here")], [])
    # A desktop whose locale is plain ASCII (LANG=C without UTF-8 mode); Windows' cp1252 is
    # the same trouble: the rescue must still be UTF-8, the format the next start reads.
    env = {
        **os.environ,
        "PYTHONPATH": str(damage.REPO),
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    }
    run = subprocess.run(
        [sys.executable, "-c", _RESCUE_IN_PLAIN_LOCALE, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    with open_database(folder / "notes.db") as db:
        assert merge_rescued(NoteStore(db), folder) == (
            "2 notes that could not be saved last time are saved now."
        )
    assert _texts(folder / "notes.db") == ["café, written here", "naïve résumé — kept"]


def _played_once(tmp_path: Path):
    """A notes file with a note, and an episode's place saved and landed in it: a file
    attached, its length known. Returns the path, the queue, the window's connection and
    its queued play state."""
    from player.core.storage.pending import QueuedPlayState

    path = damage.with_notes(tmp_path / "notes.db", 1)
    queue = WriteQueue(path)
    db = open_database(path)
    db.before_read = queue.settle
    play = QueuedPlayState(db, queue)
    play.save("ep", position_ms=1_000, audio_path="/music/copy.mp3", audio_length_ms=9_000)
    assert queue.flush(10)
    return path, queue, db, play


def test_a_place_saved_while_the_file_is_held_reads_back_at_once_and_lands_later(
    tmp_path: Path,
) -> None:
    from player.core.storage.pending import touch_library

    path, queue, db, play = _played_once(tmp_path)
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


def test_an_episode_never_played_reads_from_its_start(tmp_path: Path) -> None:
    from player.core.storage.pending import QueuedPlayState

    path = tmp_path / "notes.db"
    queue = WriteQueue(path)
    with open_database(path) as db:
        state = QueuedPlayState(db, queue).save("new episode")
        assert (state.episode_id, state.position_ms, state.audio_path) == ("new episode", 0, None)
    queue.close()


@pytest.mark.parametrize(
    "saves",
    [
        [{"audio_path": "/music/new.mp3"}],
        [{"audio_length_ms": 5_000}, {"audio_path": "/music/new.mp3"}],
        [{"audio_path": "/music/new.mp3"}, {"audio_length_ms": 7_000}],
        [{"audio_path": "/music/new.mp3", "audio_length_ms": 7_000}],
        [{"clear_audio": True}],
        [{"clear_audio": True}, {"audio_path": "/music/new.mp3"}],
        [{"audio_path": "/music/new.mp3", "audio_length_ms": 7_000}, {"clear_audio": True}],
        [{"position_ms": 5_000}, {"speed": 1.5}],
    ],
)
def test_a_place_waiting_to_be_saved_reads_as_it_will_be_stored(
    tmp_path: Path, saves: list[dict]
) -> None:
    """While another program holds the notes file, the window reads back what it saved: the
    same as the file holds once the saves land, down to the length of the audio attached."""
    from player.core.storage import PlayStateStore

    path, queue, db, play = _played_once(tmp_path)
    with damage.held_by_another_process(path):
        for fields in saves:
            play.save("ep", **fields)
        waiting = play.get("ep")
    assert queue.flush(10)
    with open_database(path) as again:
        landed = PlayStateStore(again).get("ep")
    keys = ("position_ms", "speed", "audio_path", "audio_length_ms")
    assert [getattr(waiting, k) for k in keys] == [getattr(landed, k) for k in keys]
    db.close()
    queue.close()
