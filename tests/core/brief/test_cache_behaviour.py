"""The parse-and-link cache: a second open is the same brief, and never a stale one."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from player.core.brief import cache as brief_cache
from player.core.brief.cache import read_linked, write_pending
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


def _two_briefs(tmp_path: Path) -> list[Path]:
    """Two episodes' briefs, each in its own folder beside its (absent) links.json."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    return [_brief(tmp_path / name) for name in ("a", "b")]


def _stamp(entry: Path) -> tuple[int, int]:
    """Changes whenever the entry is written again (a new file is renamed over it)."""
    st = entry.stat()
    return st.st_ino, st.st_mtime_ns


def test_briefs_opened_in_turn_each_open_again_from_the_cache(tmp_path: Path) -> None:
    """The second start is fast because nothing is read or written again, for every brief."""
    cache = tmp_path / "cache"
    first, second = _two_briefs(tmp_path)
    for path in (first, second):
        read_linked(path, path.with_name("links.json"), cache=cache)
    entries = sorted(cache.rglob("*.pickle"))
    assert len(entries) == 2
    stamps = [_stamp(e) for e in entries]
    for path in (first, second, first):
        again = read_linked(path, path.with_name("links.json"), cache=cache)
        assert again.brief.quotes[0].text == "Model collapse is real."
    assert [_stamp(e) for e in entries] == stamps


def test_an_entry_kept_for_after_the_first_frame_is_written_then(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    paths = _two_briefs(tmp_path)
    shown = [
        read_linked(p, p.with_name("links.json"), cache=cache, write_later=True) for p in paths
    ]
    assert not list(cache.rglob("*.pickle"))  # the window's first frame does not wait for it
    write_pending()
    entries = sorted(cache.rglob("*.pickle"))
    assert len(entries) == 2
    stamps = [_stamp(e) for e in entries]
    again = [read_linked(p, p.with_name("links.json"), cache=cache) for p in paths]
    assert again == shown
    assert [_stamp(e) for e in entries] == stamps
    write_pending()  # nothing left to write
    assert [_stamp(e) for e in entries] == stamps


def test_a_links_json_that_can_no_longer_be_read_is_told(tmp_path: Path) -> None:
    path, cache = _brief(tmp_path), tmp_path / "cache"
    assert read_linked(path, tmp_path / "links.json", cache=cache).problems == ()
    (tmp_path / "links.json").mkdir()  # there, but not a file that can be read
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert [p.message.split(":")[0] for p in again.problems] == ["cannot be read"]


def test_the_cache_is_kept_where_the_readme_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    """``~/.cache/brief-player``, or ``XDG_CACHE_HOME``, or ``BRIEF_PLAYER_CACHE``."""
    path = _brief(tmp_path)

    def kept_in() -> list[Path]:
        found = list(isolated_home.rglob("*.pickle")) + list(tmp_path.rglob("*.pickle"))
        for entry in found:
            entry.unlink()
        return [entry.parent.parent for entry in found]

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("BRIEF_PLAYER_CACHE", raising=False)
    read_linked(path, tmp_path / "links.json")
    assert kept_in() == [isolated_home / ".cache" / "brief-player"]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    read_linked(path, tmp_path / "links.json")
    assert kept_in() == [tmp_path / "xdg" / "brief-player"]
    monkeypatch.setenv("BRIEF_PLAYER_CACHE", str(tmp_path / "mine"))
    read_linked(path, tmp_path / "links.json")
    assert kept_in() == [tmp_path / "mine"]


def test_an_entry_written_by_an_older_version_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older version stored its records in another shape: its entry is a miss, read again
    and written anew, and the open after that is a hit."""
    path, cache = _brief(tmp_path), tmp_path / "cache"
    monkeypatch.setattr(brief_cache, "FORMAT", brief_cache.FORMAT - 1)
    expected = read_linked(path, tmp_path / "links.json", cache=cache)
    [entry] = cache.rglob("*.pickle")
    old = _stamp(entry)
    monkeypatch.undo()
    assert read_linked(path, tmp_path / "links.json", cache=cache) == expected
    new = _stamp(entry)
    assert new != old
    assert read_linked(path, tmp_path / "links.json", cache=cache) == expected
    assert _stamp(entry) == new


@pytest.mark.parametrize(
    "stored",
    [
        pickle.dumps({"brief": "not the records this version reads"}, protocol=0)[:-1],
        # How the dataclass records of earlier versions were restored: code that is gone.
        b"cplayer.core.brief.models\n_restore\n",
    ],
    ids=["another-kind-of-object", "code-that-is-gone"],
)
def test_an_entry_holding_what_this_version_does_not_know_is_read_again(
    tmp_path: Path, stored: bytes
) -> None:
    path, cache = _brief(tmp_path), tmp_path / "cache"
    expected = read_linked(path, tmp_path / "links.json", cache=cache)
    [entry] = cache.rglob("*.pickle")
    key, _ = pickle.loads(entry.read_bytes())
    entry.write_bytes(b"(" + pickle.dumps(key, protocol=0)[:-1] + stored + b"t.")
    with pytest.raises(AttributeError):  # the entry is one this version cannot use
        _ = pickle.loads(entry.read_bytes())[1].brief
    again = read_linked(path, tmp_path / "links.json", cache=cache)
    assert again == expected and again.brief.quotes[0].text == "Model collapse is real."
