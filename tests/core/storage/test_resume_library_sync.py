"""Resume state, the recent-briefs list and audio sync points, as saved by one window and read
by the next."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from player.core.storage import (
    LibraryStore,
    PlayStateStore,
    SyncPoint,
    SyncPointStore,
    audio_key_for,
    open_database,
)
from tests.media import make_wav


def test_resume_state_keeps_fields_not_being_saved(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with open_database(path) as db:
        play = PlayStateStore(db)
        assert play.get("ep") is None
        play.save("ep", speed=1.5, volume=0.4, audio_path="/music/ep.mp3")
        play.save("ep", position_ms=3_723_000)
        play.save("ep", muted=True)
    with open_database(path) as db:
        state = PlayStateStore(db).get("ep")
    assert state is not None
    assert (state.position_ms, state.speed, state.volume, state.muted, state.audio_path) == (
        3_723_000,
        1.5,
        0.4,
        True,
        "/music/ep.mp3",
    )
    with open_database(path) as db:
        play = PlayStateStore(db)
        assert play.save("ep", clear_audio=True).audio_path is None
        with pytest.raises(ValueError, match="out of range"):
            play.save("ep", volume=3.0)
        assert play.get("ep").volume == 0.4  # type: ignore[union-attr]


def test_library_lists_most_recently_opened_first(tmp_path: Path) -> None:
    with open_database(tmp_path / "notes.db") as db:
        lib = LibraryStore(db)
        lib.touch("a", "/briefs/a.txt", title="Ghosts", show="Dwarkesh", length_s=8700.5)
        lib.touch("b", "/briefs/b.txt", title="Agents")
        lib.touch("a", "/briefs/a2.txt", title="Ghosts, not animals", cover_path="/c.jpg")
        assert [e.episode_id for e in lib.list_recent()] == ["a", "b"]
        a = lib.get("a")
        assert a is not None and a.brief_path == "/briefs/a2.txt" and a.cover_path == "/c.jpg"
        removed = lib.remove("b")
        assert removed is not None and removed.title == "Agents"
        assert [e.episode_id for e in lib.list_recent()] == ["a"]
        assert lib.remove("b") is None


def test_audio_key_follows_content_not_name(tmp_path: Path) -> None:
    a = make_wav(tmp_path / "a.wav", 1.0, freq=440)
    copy = tmp_path / "moved" / "renamed.wav"
    copy.parent.mkdir()
    shutil.copy(a, copy)
    other = make_wav(tmp_path / "b.wav", 1.0, freq=660)
    assert audio_key_for(a) == audio_key_for(copy)
    assert audio_key_for(a) != audio_key_for(other)


def test_long_files_sharing_a_big_header_get_different_keys(tmp_path: Path) -> None:
    cover = b"ID3" + bytes(2 << 20)  # same 2 MiB of cover art at the start of both
    (tmp_path / "one.mp3").write_bytes(cover + b"episode one audio")
    (tmp_path / "two.mp3").write_bytes(cover + b"episode two audio")
    assert audio_key_for(tmp_path / "one.mp3") != audio_key_for(tmp_path / "two.mp3")


def test_sync_points_are_kept_per_audio_file_in_brief_order(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with open_database(path) as db:
        sync = SyncPointStore(db)
        sync.set_all("k1", [(60_000, 65_000), (0, 4_000), (60_000, 66_000)])
        sync.add("k1", 120_000, 127_500)
        sync.add("k2", 0, 0)
        sync.add("k1", 0, 4_200)
    with open_database(path) as db:
        sync = SyncPointStore(db)
        assert sync.get("k1") == [
            SyncPoint(0, 4_200),
            SyncPoint(60_000, 66_000),
            SyncPoint(120_000, 127_500),
        ]
        assert sync.remove("k1", 60_000) and not sync.remove("k1", 60_000)
        assert [p.brief_ms for p in sync.get("k1")] == [0, 120_000]
        assert sync.get("k2") == [SyncPoint(0, 0)]
        assert sync.get("unknown") == []
