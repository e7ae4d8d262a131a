"""The library's list: bundled episodes and opened briefs, merged, with progress and notes."""

from __future__ import annotations

import json
from pathlib import Path

from player.core.episodes import discover_episodes
from player.core.library_entries import library_items
from player.core.storage import LibraryStore, PlayStateStore, open_database
from player.core.storage.notes import Note, NoteStore

BRIEF = """Guest — “Title”
Quotes
- At 0:01 - "A quote." - ctx
"""


def _content(root: Path) -> Path:
    for name, title, length in (("b-second", "Zebra talk", 600), ("a-first", "Apple talk", None)):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
        meta = {"title": title, "show": "The Show"}
        if length:
            meta["length_s"] = length
        (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
    (root / "b-second" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_bundled_and_opened_briefs_merge_by_id(tmp_path: Path) -> None:
    episodes = discover_episodes(_content(tmp_path / "content"))
    loose = tmp_path / "loose.txt"
    loose.write_text(BRIEF, encoding="utf-8")
    with open_database(tmp_path / "notes.db") as db:
        library, play, notes = LibraryStore(db), PlayStateStore(db), NoteStore(db)
        library.touch("b-second", str(episodes[1].brief_path), title="stale title")
        library.touch("loose-1", str(loose), title="Loose brief", show="Elsewhere", length_s=100)
        play.save("b-second", position_ms=150_000)
        play.save("loose-1", position_ms=50_000)
        for at in (1_000, 2_000, 3_000):
            notes.add(Note(episode_id="b-second", start_ms=at, text="n"))
        items = library_items(episodes, library.list_recent(), play, notes)

    assert [i.episode_id for i in items] == ["loose-1", "b-second", "a-first"]
    loose_item, bundled, never = items
    assert (loose_item.title, loose_item.show, loose_item.progress) == (
        "Loose brief",
        "Elsewhere",
        0.5,
    )
    assert loose_item.removable and not loose_item.bundled and not loose_item.missing
    # The folder's own metadata wins over what was remembered when it was opened.
    assert (bundled.title, bundled.show, bundled.length_s) == ("Zebra talk", "The Show", 600)
    assert bundled.progress == 0.25 and bundled.notes == 3
    assert bundled.bundled and not bundled.removable
    assert bundled.cover_path == tmp_path / "content" / "b-second" / "cover.png"
    assert never.last_opened is None and never.progress is None and never.notes == 0


def test_a_brief_that_was_moved_away_is_listed_as_missing(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    with open_database(tmp_path / "notes.db") as db:
        library = LibraryStore(db)
        library.touch("gone-1", str(gone), title="")
        items = library_items([], library.list_recent())
    assert len(items) == 1
    assert items[0].missing
    assert items[0].title == "gone"  # the file's name stands in for a missing title


def test_progress_is_clamped_and_unknown_without_a_length(tmp_path: Path) -> None:
    brief = tmp_path / "x.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    with open_database(tmp_path / "notes.db") as db:
        library, play = LibraryStore(db), PlayStateStore(db)
        library.touch("long", str(brief), length_s=10)
        library.touch("nolength", str(brief))
        play.save("long", position_ms=99_000)
        play.save("nolength", position_ms=5_000)
        items = {i.episode_id: i for i in library_items([], library.list_recent(), play)}
    assert items["long"].progress == 1.0
    assert items["nolength"].progress is None
    assert items["nolength"].position_ms == 5_000
