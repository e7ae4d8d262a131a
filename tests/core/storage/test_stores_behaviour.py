"""Small stores as the listener meets them: forgetting where they were, the recently opened
list, and the id that ties sync marks to one copy of the audio."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import LibraryStore, PlayStateStore, open_database
from player.core.storage.syncpoints import audio_key_for


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "notes.db")
    yield database
    database.close()


def test_forgetting_an_episode_forgets_only_its_position(db) -> None:
    play = PlayStateStore(db)
    play.save("a", position_ms=5_000)
    play.save("b", position_ms=7_000)
    play.forget("a")
    assert play.get("a") is None
    assert play.get("b").position_ms == 7_000


def test_the_recent_list_holds_fifty_with_empty_titles_left_empty(db) -> None:
    library = LibraryStore(db)
    for i in range(51):
        library.touch(f"ep{i}", f"/briefs/{i}.txt")
    recent = library.list_recent()
    assert len(recent) == 50 and recent[0].episode_id == "ep50"
    assert {e.title for e in recent} == {""}


def test_the_audio_id_changes_with_the_content_anywhere_in_a_small_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.mp3", tmp_path / "b.mp3"
    a.write_bytes(b"x" * 1000)
    b.write_bytes(b"x" * 999 + b"y")
    key = audio_key_for(a)
    assert key != audio_key_for(b)
    assert key.startswith("sha256:") and key.endswith(":1000") and len(key.split(":")[1]) == 40
    a.write_bytes(b"x" * 1000)
    assert audio_key_for(a) == key


def test_the_audio_id_reads_the_head_and_the_tail_of_a_long_file(tmp_path: Path) -> None:
    head, tail = 1 << 20, 1 << 16
    size = head + 3 * tail
    base = bytearray(b"a" * size)
    path = tmp_path / "long.mp3"
    path.write_bytes(bytes(base))
    key = audio_key_for(path)
    middle = bytearray(base)
    middle[head + tail] = ord("b")  # between head and tail: same copy for the purpose of marks
    path.write_bytes(bytes(middle))
    assert audio_key_for(path) == key
    end = bytearray(base)
    end[-1] = ord("b")
    path.write_bytes(bytes(end))
    assert audio_key_for(path) != key
    exact = tmp_path / "exact.mp3"
    exact.write_bytes(b"a" * head)
    other = tmp_path / "other.mp3"
    other.write_bytes(b"a" * (head - 1) + b"b")
    assert audio_key_for(exact) != audio_key_for(other)
