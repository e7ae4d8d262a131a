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
MEDIA = Path(__file__).resolve().parents[2] / "data" / "media"


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


def test_an_mp3_tagged_only_by_apev2_shows_all_four_fields(tmp_path: Path) -> None:
    from mutagen.id3 import ID3

    path = tmp_path / "ep.mp3"
    shutil.copy(WILD / "bad-xing.mp3", path)
    ID3(path).delete()
    tag = APEv2()
    tag.update({"Title": "Ghosts", "Album": "Dwarkesh", "Artist": "Karpathy", "Year": "2025"})
    tag.save(path)
    info = read_media_info(path)
    assert (info.title, info.album, info.artist, info.date) == (
        "Ghosts",
        "Dwarkesh",
        "Karpathy",
        "2025",
    )


def test_an_id3_release_date_is_shown_before_the_recording_date(tmp_path: Path) -> None:
    from mutagen.id3 import ID3, TDRC, TDRL

    path = tmp_path / "ep.mp3"
    shutil.copy(MEDIA / "tone.mp3", path)
    tags = ID3(path)
    tags.delall("TDRC")
    tags.add(TDRC(encoding=3, text=["2024-01-01"]))
    tags.add(TDRL(encoding=3, text=["2025-10-17"]))
    tags.save(path)
    assert read_media_info(path).date == "2025-10-17"
    tags.delall("TDRL")
    tags.save(path)
    assert read_media_info(path).date == "2024-01-01"


@pytest.mark.parametrize(
    ("data", "flag", "mime"),
    [
        (b"\xff\xd8\xff\xe0jpeg", "FORMAT_JPEG", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\npng", "FORMAT_PNG", "image/png"),
        (b"\xff\xd8\xff\xe0jpeg", "FORMAT_PNG", "image/png"),
        (b"GIF89a", "FORMAT_JPEG", "application/octet-stream"),
    ],
)
def test_an_m4a_cover_and_album_artist_are_shown(tmp_path: Path, data, flag, mime) -> None:
    from mutagen.mp4 import MP4, MP4Cover

    path = tmp_path / "ep.m4a"
    shutil.copy(MEDIA / "tone.m4a", path)
    audio = MP4(path)
    audio.tags.pop("\xa9ART", None)
    audio.tags["aART"] = ["Dwarkesh Patel"]
    audio.tags["covr"] = [MP4Cover(data, getattr(MP4Cover, flag))]
    audio.save()
    info = read_media_info(path)
    assert info.artist == "Dwarkesh Patel"
    assert info.cover is not None and (info.cover.mime, info.cover.data) == (mime, data)


def test_an_mp3_with_an_id3_title_keeps_it_over_its_apev2_one(tmp_path: Path) -> None:
    from mutagen.id3 import ID3, TIT2

    path = tmp_path / "ep.mp3"
    shutil.copy(MEDIA / "tone.mp3", path)
    tags = ID3(path)
    tags.delall("TIT2")
    tags.add(TIT2(encoding=3, text=["ID3 title"]))
    tags.save(path)
    tag = APEv2()
    tag.update({"Title": "APE title", "Album": "APE show"})
    tag.save(path)
    info = read_media_info(path)
    assert (info.title, info.album) == ("ID3 title", "Dwarkesh Podcast")
