"""Small stores as the listener meets them: forgetting where they were, the recently opened
list, and the id that ties sync marks to one copy of the audio."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.storage import LibraryStore, PlayStateStore, open_database
from player.core.storage.alignments import AlignmentStore
from player.core.storage.database import open_memory
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


def test_the_length_shown_is_the_chosen_files_until_another_file_is_chosen(db) -> None:
    play = PlayStateStore(db)
    play.save("ep", audio_path="/music/ep.mp3", audio_length_ms=3_600_000)
    play.save("ep", position_ms=60_000)  # the place, saved every few seconds while playing
    assert play.get("ep").audio_length_ms == 3_600_000
    play.save("ep", audio_path="/music/ep.mp3")  # the same file attached again
    assert play.get("ep").audio_length_ms == 3_600_000
    play.save("ep", audio_path="/music/ad-free.mp3")  # a shorter cut: its own length is unread
    assert play.get("ep").audio_length_ms is None


@pytest.mark.parametrize(
    "fields",
    [
        {"position_ms": 0},
        {"speed": 4.0},
        {"speed": 0.25},
        {"volume": 0.0},
        {"volume": 1.0},
        {"audio_length_ms": 0},
    ],
    ids=str,
)
def test_each_setting_at_the_end_of_its_range_is_kept(tmp_path: Path, fields: dict) -> None:
    with open_database(tmp_path / "notes.db") as db:
        PlayStateStore(db).save("ep", **fields)
    with open_database(tmp_path / "notes.db") as db:
        state = PlayStateStore(db).get("ep")
    assert {name: getattr(state, name) for name in fields} == fields


_RANGE = "play state out of range: position {} ms, speed {}, volume {}"


@pytest.mark.parametrize(
    ("episode_id", "fields", "said"),
    [
        ("ep", {"speed": 0.0}, _RANGE.format(5000, 0.0, 0.5)),
        ("ep", {"speed": 4.01}, _RANGE.format(5000, 4.01, 0.5)),
        ("ep", {"volume": -0.01}, _RANGE.format(5000, 1.5, -0.01)),
        ("ep", {"volume": 1.01}, _RANGE.format(5000, 1.5, 1.01)),
        ("ep", {"position_ms": -1}, _RANGE.format(-1, 1.5, 0.5)),
        ("ep", {"audio_length_ms": -1}, "audio length out of range: -1 ms"),
        ("", {"position_ms": 5}, "a play state needs an episode id"),
    ],
    ids=str,
)
def test_a_setting_out_of_range_is_refused_with_its_value_and_the_saved_one_kept(
    db, episode_id: str, fields: dict, said: str
) -> None:
    play = PlayStateStore(db)
    play.save("ep", position_ms=5_000, speed=1.5, volume=0.5, audio_length_ms=60_000)
    with pytest.raises(ValueError) as refused:
        play.save(episode_id, **fields)
    assert str(refused.value) == said
    state = play.get("ep")
    assert (state.position_ms, state.speed, state.volume, state.audio_length_ms) == (
        5_000,
        1.5,
        0.5,
        60_000,
    )


def test_a_brief_opened_again_from_its_file_finds_the_episode_it_was_opened_as(db) -> None:
    library = LibraryStore(db)
    library.touch("ghosts", "/briefs/ghosts.txt")
    library.touch("agents", "/briefs/agents.txt")
    assert library.id_at("/briefs/ghosts.txt") == "ghosts"
    assert library.id_at("/briefs/never-opened.txt") is None
    library.touch("ghosts-v2", "/briefs/ghosts.txt")  # the file re-cut under a new id
    assert library.id_at("/briefs/ghosts.txt") == "ghosts-v2"
    library.touch("ghosts", "/briefs/ghosts.txt")
    assert library.id_at("/briefs/ghosts.txt") == "ghosts"


@pytest.mark.parametrize("length_s", [0.0, 0.4, 8700.5])
def test_any_length_from_zero_up_is_listed(db, length_s: float) -> None:
    LibraryStore(db).touch("ep", "/briefs/ep.txt", length_s=length_s)
    assert LibraryStore(db).get("ep").length_s == length_s


@pytest.mark.parametrize(
    ("episode_id", "length_s", "said"),
    [
        ("ep", -0.5, "length out of range: -0.5 s"),
        ("ep", float("nan"), "length out of range: nan s"),
        ("", None, "a library entry needs an episode id"),
    ],
)
def test_a_library_entry_out_of_range_is_refused_with_its_value(
    db, episode_id: str, length_s: float | None, said: str
) -> None:
    with pytest.raises(ValueError) as refused:
        LibraryStore(db).touch(episode_id, "/briefs/ep.txt", length_s=length_s)
    assert str(refused.value) == said
    assert LibraryStore(db).list_recent() == []


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


def test_a_quote_an_earlier_search_did_not_find_stays_not_found_when_read_back() -> None:
    store = AlignmentStore(open_memory())
    store.put("audio", "brief", "audio", [(1500, 0.9), (None, 0.1), (98_000, 0.6)])
    assert store.get("audio", "brief", "audio") == [(1500, 0.9), (None, 0.1), (98_000, 0.6)]
    assert store.get("audio", "brief", "transcript") is None  # another source: search again
