"""Rows of the library as the listener reads them: titles, covers, what is missing, the order,
and progress or note counts only where there are some."""

from __future__ import annotations

import json
from pathlib import Path

from player.core.episodes import discover_episodes
from player.core.library_entries import library_items
from player.core.storage import NoteStore, PlayStateStore, open_database
from player.core.storage.library import LibraryEntry
from player.core.storage.notes import Note
from tests.media import make_wav

BRIEF = 'T\n\nQuotes\n- At 0:01 - "A quote."\n'


def _episodes(root: Path):
    for name, title in (("a-id", "zebra talk"), ("b-id", "Apple talk"), ("c-id", "mango talk")):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
        (folder / "episode.json").write_text(json.dumps({"title": title}), encoding="utf-8")
    return discover_episodes(root)


def test_bundled_episodes_never_opened_are_listed_by_title_after_the_opened_ones(
    tmp_path: Path,
) -> None:
    episodes = _episodes(tmp_path / "content")
    recent = [
        LibraryEntry(episode_id="c-id", brief_path="x", last_opened="2026-02-01"),
        LibraryEntry(episode_id="c-id", brief_path="x", last_opened="2026-01-01"),
        LibraryEntry(episode_id="gone", brief_path=str(tmp_path / "gone.txt")),
    ]
    items = library_items(episodes, recent)
    assert [(i.episode_id, i.title) for i in items] == [
        ("c-id", "mango talk"),
        ("gone", "gone"),
        ("b-id", "Apple talk"),
        ("a-id", "zebra talk"),
    ]
    mango = items[0]
    assert mango.last_opened == "2026-02-01" and mango.show == "" and not mango.missing
    assert mango.brief_path == tmp_path / "content" / "c-id" / "brief.txt"
    assert items[1].missing and items[1].removable


def test_a_bundled_episode_whose_brief_went_away_is_missing(tmp_path: Path) -> None:
    episodes = _episodes(tmp_path / "content")
    (tmp_path / "content" / "a-id" / "brief.txt").unlink()
    [apple, mango, zebra] = library_items(episodes, [])
    assert zebra.missing and not apple.missing and not mango.missing


def test_an_opened_brief_shows_its_own_cover_or_one_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    brief = folder / "talk.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    own = tmp_path / "own.jpg"
    own.write_bytes(b"\xff\xd8")
    entries = [
        LibraryEntry(episode_id="own", brief_path=str(brief), cover_path=str(own), show="S"),
        LibraryEntry(
            episode_id="gone-cover", brief_path=str(brief), cover_path=str(tmp_path / "x.png")
        ),
        LibraryEntry(episode_id="none", brief_path=str(brief), last_opened="2026-03-04"),
        LibraryEntry(episode_id="no-path", brief_path="", title=""),
    ]
    items = library_items([], entries)
    assert [i.cover_path for i in items] == [own, None, None, None]
    assert [i.title for i in items] == ["talk", "talk", "talk", "no-path"]
    assert [i.show for i in items] == ["S", "", "", ""]
    assert [i.missing for i in items] == [False, False, False, True]
    assert items[2].last_opened == "2026-03-04" and items[2].brief_path == brief
    assert items[3].brief_path is None
    beside = folder / "cover.webp"
    beside.write_bytes(b"RIFF")
    assert library_items([], entries)[1].cover_path == beside


def test_progress_and_note_counts_appear_only_where_there_are_some(tmp_path: Path) -> None:
    entries = [
        LibraryEntry(episode_id=e, brief_path="x", length_s=100)
        for e in ("played", "noted", "untouched")
    ]
    with open_database(tmp_path / "notes.db") as db:
        PlayStateStore(db).save("played", position_ms=25_000)
        NoteStore(db).add(Note(episode_id="noted", start_ms=0, text="n"))
        items = library_items([], entries, PlayStateStore(db), NoteStore(db))
    assert [(i.position_ms, i.notes, i.progress) for i in items] == [
        (25_000, 0, 0.25),
        (0, 1, 0.0),
        (0, 0, 0.0),
    ]
    assert [(i.position_ms, i.notes) for i in library_items([], entries)] == [(0, 0)] * 3


def test_a_bundled_episode_shows_the_cover_of_its_own_audio_when_the_audio_is_there(
    tmp_path: Path,
) -> None:
    root = tmp_path / "content"
    for name, title in (("with-audio", "Has audio"), ("audio-gone", "Lost audio")):
        (root / name).mkdir(parents=True)
        (root / name / "brief.txt").write_text(BRIEF, encoding="utf-8")
        meta = {"title": title, "audio": "episode.wav"}
        (root / name / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
    make_wav(root / "with-audio" / "episode.wav", 1.0)
    items = {i.episode_id: i for i in library_items(discover_episodes(root), [])}
    assert items["with-audio"].audio_path == root / "with-audio" / "episode.wav"
    assert items["audio-gone"].audio_path is None


def test_the_listeners_own_audio_sets_the_length_progress_and_cover(tmp_path: Path) -> None:
    """Progress runs against the file that plays, not the brief's nominal length; a file whose
    length is not read yet leaves the brief's; a file since deleted shows no cover of its own."""
    episodes = _episodes(tmp_path / "content")  # zebra (a-id), Apple (b-id), mango (c-id)
    mine = make_wav(tmp_path / "mine.wav", 1.0)
    entries = [
        LibraryEntry(episode_id=e, brief_path="x", length_s=100)
        for e in ("attached", "unread", "playing", "deleted")
    ]
    with open_database(tmp_path / "notes.db") as db:
        play = PlayStateStore(db)
        play.save("attached", audio_path=str(mine), audio_length_ms=200_000)
        play.save("unread", audio_path=str(mine))
        play.save("playing", position_ms=50_000, audio_path=str(mine), audio_length_ms=200_000)
        play.save("deleted", audio_path=str(tmp_path / "deleted.wav"), audio_length_ms=200_000)
        play.save("b-id", audio_path=str(mine), audio_length_ms=300_000)
        items = {i.episode_id: i for i in library_items(episodes, entries, play, NoteStore(db))}
    assert [(i.length_s, i.progress, i.audio_path) for i in items.values()] == [
        (200, 0.0, mine),
        (100, 0.0, mine),
        (200, 0.25, mine),
        (200, 0.0, None),
        (300, 0.0, mine),
        (None, None, None),
        (None, None, None),
    ]
    assert list(items) == ["attached", "unread", "playing", "deleted", "b-id", "c-id", "a-id"]
