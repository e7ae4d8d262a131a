"""What the player shows for files outside the common formats (WMA, WavPack): the title, show,
artist and date under whichever name their tag system gives them."""

from __future__ import annotations

import shutil
from pathlib import Path

import mutagen
import pytest
from mutagen.apev2 import APEv2

from player.core.media.tags import read_media_info

WILD = Path(__file__).resolve().parents[2] / "data" / "wild" / "mutagen"


def _wma(tmp_path: Path, tags: dict[str, str]) -> Path:
    path = tmp_path / "ep.wma"
    shutil.copy(WILD / "silence-1.wma", path)
    audio = mutagen.File(path)
    audio.tags.clear()
    for key, value in tags.items():
        audio.tags[key] = [value]
    audio.save()
    return path


@pytest.mark.parametrize(
    ("tags", "shown"),
    [
        (
            {
                "Title": "Ghosts",
                "WM/AlbumTitle": "Dwarkesh",
                "Author": "Karpathy",
                "WM/Year": "2025",
            },
            ("Ghosts", "Dwarkesh", "Karpathy", "2025"),
        ),
        (
            {"WM/Title": "Ghosts", "Author": " ", "WM/AlbumArtist": "Dwarkesh Patel"},
            ("Ghosts", "", "Dwarkesh Patel", ""),
        ),
        ({"Title": "  Ghosts \n  again "}, ("Ghosts again", "", "", "")),
    ],
)
def test_a_wma_shows_its_title_show_artist_and_year(tmp_path: Path, tags, shown) -> None:
    info = read_media_info(_wma(tmp_path, tags))
    assert (info.title, info.album, info.artist, info.date) == shown
    assert info.format == "other" and info.problems == ()


@pytest.mark.parametrize(
    ("tags", "shown"),
    [
        (
            {"Title": "Silence", "Album": "Tests", "Artist": "piman", "Year": "2004"},
            ("Silence", "Tests", "piman", "2004"),
        ),
        ({"Title": "Silence", "Date": "2004-05-06"}, ("Silence", "", "", "2004-05-06")),
    ],
)
def test_a_wavpack_shows_its_ape_tags(tmp_path: Path, tags, shown) -> None:
    path = tmp_path / "ep.wv"
    shutil.copy(WILD / "silence-44-s.wv", path)
    APEv2(path).delete()
    tag = APEv2()
    tag.update(tags)
    tag.save(path)
    info = read_media_info(path)
    assert (info.title, info.album, info.artist, info.date) == shown
