"""From a brief on disk to what the feed is searched with, under the id the window uses for
the same brief: audio fetched from the command line is the audio the window then opens."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from player.core.brief.models import BriefError
from player.core.brief.parser import load_any
from player.core.episodes import episode_id_for
from player.core.feed import EpisodeClue, brief_source
from player.core.feed.clue import BriefSource

BRIEF = 'Dave Jones — “The Future”\n\nQuotes\n- At 0:01 - "A quote."\n'
META = {
    "title": "Episode 3 - The Future",
    "guest": "Dave Jones",
    "published": "2020-10-09",
    "length_s": 1200,
    "feed_url": "https://example.com/feed.xml",
    "guid": "https://example.com/ep0003",
    "enclosure_url": "https://example.com/file-03.mp3",
}


def _episode(folder: Path, meta: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_an_episode_folder_gives_everything_its_episode_json_knows(tmp_path: Path) -> None:
    folder = _episode(tmp_path / "pc20-future", META)
    expected = BriefSource(
        episode_id="pc20-future",
        title="Episode 3 - The Future",
        clue=EpisodeClue(
            title="Episode 3 - The Future",
            guest="Dave Jones",
            published=date(2020, 10, 9),
            length_s=1200.0,
            guid="https://example.com/ep0003",
            enclosure_url="https://example.com/file-03.mp3",
        ),
        feed_url="https://example.com/feed.xml",
        brief_path=folder / "brief.txt",
    )
    assert brief_source(folder) == expected
    assert brief_source(folder / "brief.txt") == expected
    assert brief_source(str(folder)) == expected


def test_an_episode_json_that_knows_little_leaves_the_rest_to_the_brief(tmp_path: Path) -> None:
    folder = _episode(tmp_path / "quiet", {"show": "Podcasting 2.0"})
    assert brief_source(folder) == BriefSource(
        "quiet",
        "Dave Jones — “The Future”",
        EpisodeClue(title="Dave Jones — “The Future”", guest="Dave Jones"),
        "",
        folder / "brief.txt",
    )
    plain = _episode(tmp_path / "plain", {})
    (plain / "brief.txt").write_text('Plain title\n\nQuotes\n- At 0:01 - "A."\n', "utf-8")
    assert brief_source(plain).clue == EpisodeClue(title="Plain title", guest="")


def test_a_brief_on_its_own_is_found_by_its_title_and_guest_under_the_windows_id(
    tmp_path: Path,
) -> None:
    brief = tmp_path / "talk.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    title = "Dave Jones — “The Future”"
    assert brief_source(brief) == BriefSource(
        episode_id_for(load_any(brief).brief),
        title,
        EpisodeClue(title=title, guest="Dave Jones"),
        "",
        brief,
    )
    nobody = tmp_path / "nobody.txt"
    nobody.write_text('Plain title\n\nQuotes\n- At 0:01 - "A quote."\n', encoding="utf-8")
    assert brief_source(nobody).clue == EpisodeClue(title="Plain title", guest="")


def test_another_brief_kept_in_an_episode_folder_is_a_brief_of_its_own(tmp_path: Path) -> None:
    """The window opens it as its own brief, so its audio must be attached under its own id,
    not the folder's."""
    folder = _episode(tmp_path / "pc20-future", META)
    other = folder / "draft.txt"
    other.write_text('A draft\n\nQuotes\n- At 0:02 - "Draft words."\n', encoding="utf-8")
    source = brief_source(other)
    assert source.episode_id == episode_id_for(load_any(other).brief) != "pc20-future"
    assert (source.title, source.brief_path, source.feed_url) == ("A draft", other, "")


def test_a_brief_txt_without_an_episode_json_is_a_brief_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    brief = tmp_path / "loose" / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    assert brief_source(brief).episode_id == episode_id_for(load_any(brief).brief)
    assert brief_source(brief.parent).episode_id == "loose"  # the folder names the episode


def test_a_folder_without_a_brief_says_so(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as e:
        brief_source(tmp_path)
    assert str(e.value) == f"{tmp_path}: holds no brief.txt or brief.json."


def test_without_a_brief_named_the_first_bundled_episode_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    _episode(content / "b-second", {**META, "title": "Second"})
    _episode(content / "a-first", {**META, "title": "First"})
    monkeypatch.setenv("BRIEF_PLAYER_CONTENT", str(content))
    assert brief_source().episode_id == "a-first"
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("BRIEF_PLAYER_CONTENT", str(empty))
    with pytest.raises(BriefError) as e:
        brief_source()
    assert str(e.value) == f"no episodes found in {empty}; name a brief file"
