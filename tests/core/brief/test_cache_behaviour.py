"""The parse-and-link cache: a second open is the same brief, and never a stale one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from player.core.brief.cache import read_linked
from player.core.brief.models import BriefError

BRIEF = (
    "Guest - Ep\n\nKey Concepts\n- Model collapse: models trained on their own output\n\n"
    'Quotes\n- At 0:05 - "Model collapse is real."\n- At 1:00 - "Bye now."\n'
)


def _brief(tmp_path: Path, text: str = BRIEF) -> Path:
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_open_is_the_same_brief_with_its_links(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path), tmp_path / "cache"
    first = read_linked(path, tmp_path / "links.json", cache=cache)
    assert list(cache.rglob("*.pickle"))
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert again == first
    assert [(lk.kind, lk.quote) for lk in again.brief.links] == [("concept", 0)]
    assert again.brief.concepts[0].at == (5.0,)


def test_an_edit_of_the_same_size_at_once_is_read(tmp_path: Path) -> None:
    """Faster than the file system's clock tick, and no longer: the content decides."""
    path, cache = _brief(tmp_path), tmp_path / "cache"
    stat = path.stat()
    read_linked(path, tmp_path / "links.json", cache=cache)
    path.write_text(BRIEF.replace("Bye now.", "See you."), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert again.brief.quotes[1].text == "See you."


def test_a_new_links_json_is_applied(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path), tmp_path / "cache"
    read_linked(path, tmp_path / "links.json", cache=cache)
    (tmp_path / "links.json").write_text(
        json.dumps({"pin": [{"concept": "Model collapse", "at": "1:00"}]}), encoding="utf-8"
    )
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert again.brief.concepts[0].at == (5.0, 60.0)


def test_a_damaged_or_unwritable_cache_is_only_slower(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path), tmp_path / "cache"
    expected = read_linked(path, tmp_path / "links.json", cache=cache)
    [entry] = cache.rglob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:40])
    assert read_linked(path, tmp_path / "links.json", cache=cache) == expected
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    assert read_linked(path, tmp_path / "links.json", cache=blocked) == expected


def test_problems_are_told_again_from_the_cache(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path, BRIEF + "- At 9:99 - bad time\n"), tmp_path / "cache"
    first = read_linked(path, tmp_path / "links.json", cache=cache)
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert "seconds out of range" in str(again.problems[0])


def test_a_brief_that_cannot_be_read_is_an_error_every_time(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path, "just some words\n"), tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(BriefError, match="no brief found"):
            read_linked(path, tmp_path / "links.json", cache=cache)
    assert not list(cache.rglob("*.pickle"))
