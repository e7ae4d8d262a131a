"""What ``brief-player ARG`` opens: a path, a ``file://`` URI from the desktop, or a moment link
found through the library or the bundled episodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.moment_link import moment_url
from player.core.open_target import OpenTarget, OpenTargetError, open_target

BRIEF = 'T\n\nQuotes\n- At 0:01 - "A quote."\n'


def _content(root: Path) -> Path:
    for name in ("first-ep", "second-ep"):
        (root / name).mkdir(parents=True)
        (root / name / "brief.txt").write_text(BRIEF, encoding="utf-8")
    return root


def _nothing_known(_episode_id: str) -> str | None:
    return None


def test_no_argument_opens_the_first_bundled_episode(tmp_path: Path) -> None:
    assert open_target(None, _content(tmp_path), _nothing_known) == OpenTarget(None, None)


def test_a_path_or_a_file_uri_opens_that_brief(tmp_path: Path) -> None:
    brief = tmp_path / "with space" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    content = _content(tmp_path / "content")
    assert open_target(str(brief), content, _nothing_known) == OpenTarget(brief)
    assert open_target(brief.as_uri(), content, _nothing_known) == OpenTarget(brief)
    shouted = "FILE://" + brief.as_uri().removeprefix("file://")
    assert open_target(shouted, content, _nothing_known) == OpenTarget(brief)


def test_a_link_opens_the_brief_the_library_knows_at_its_moment(tmp_path: Path) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text(BRIEF, encoding="utf-8")
    asked: list[str] = []

    def library(episode_id: str) -> str | None:
        asked.append(episode_id)
        return str(mine)

    target = open_target(moment_url("my-brief", 4_000), _content(tmp_path / "c"), library)
    assert target == OpenTarget(mine, 4_000)
    assert asked == ["my-brief"]


def test_a_link_to_a_bundled_episode_finds_that_episode(tmp_path: Path) -> None:
    content = _content(tmp_path)
    target = open_target(moment_url("second-ep", 65_000), content, _nothing_known)
    assert target == OpenTarget(content / "second-ep" / "brief.txt", 65_000)


def test_a_brief_moved_away_from_the_library_falls_back_to_the_bundled_one(
    tmp_path: Path,
) -> None:
    content = _content(tmp_path)
    target = open_target(moment_url("first-ep", 0), content, lambda _i: "/no/such/brief.txt")
    assert target.brief == content / "first-ep" / "brief.txt"


def test_a_link_to_an_episode_nobody_knows_says_what_to_do(tmp_path: Path) -> None:
    content = _content(tmp_path)
    with pytest.raises(OpenTargetError) as e:
        open_target("brief-player://open?episode=gone", content, lambda _i: "/no/such/brief.txt")
    assert str(e.value) == (
        "no episode 'gone' here: open its brief once (File ▸ Open Brief…) "
        "and links to it will find it"
    )
