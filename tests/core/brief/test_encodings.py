"""Briefs saved by Windows tools: UTF-16/32 with a byte-order mark, Windows-1252 without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.brief.models import BriefError
from player.core.brief.parser import load_any

BRIEF = "Jane Roe — “Machines that listen”\nQuotes\n- At 1:05 - “It’s a café – really” - aside\n"


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-8-sig", "UTF-8"),
        ("cp1252", "Windows-1252"),
    ],
)
def test_brief_reads_the_same_in_every_encoding(tmp_path: Path, codec: str, name: str) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(BRIEF.encode(codec))
    result = load_any(path)
    assert result.encoding == name
    assert result.problems == ()
    assert result.brief.guest == "Jane Roe"
    assert result.brief.quotes[0].text == "It’s a café – really"


def test_json_brief_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_bytes('{"title": "Café", "quotes": [{"at": 5, "text": "é"}]}'.encode("utf-16"))
    result = load_any(path)
    assert (result.encoding, result.brief.title) == ("UTF-16", "Café")


def test_empty_brief_says_so(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"")
    with pytest.raises(BriefError, match="the file is empty"):
        load_any(path)
