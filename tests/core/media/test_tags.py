from __future__ import annotations

from pathlib import Path

import pytest

from player.core.formats.track import TrackKind, track_cues
from player.core.media.chapters import chapters_track
from player.core.media.tags import MediaInfoError, read_media_info
from tests.media import make_wav

MEDIA = Path(__file__).resolve().parents[2] / "data" / "media"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("name", "fmt", "date"),
    [
        ("tone.mp3", "mp3", "2025-10-17"),
        ("tone.m4a", "m4a", "2025-10-17"),
        ("tone.ogg", "ogg", "2025-10-17"),
        ("tone.opus", "opus", "2025-10-17"),
        ("tone.flac", "flac", "2025-10-17"),
        ("tone.wav", "wav", "2025-10-17"),
        ("tone-info.wav", "wav", "2025"),
    ],
)
def test_every_format_shows_title_show_and_artist(name: str, fmt: str, date: str) -> None:
    info = read_media_info(MEDIA / name)
    assert info.format == fmt
    assert (info.title, info.album, info.artist, info.date) == (
        "Ghosts, not animals",
        "Dwarkesh Podcast",
        "Dwarkesh Patel",
        date,
    )
    assert 0.4 < info.duration_s < 0.8
    assert info.problems == ()


@pytest.mark.parametrize("name", ["tone.mp3", "tone.m4a", "tone.ogg", "tone.opus", "tone.flac"])
def test_cover_art_is_the_png_that_was_embedded(name: str) -> None:
    cover = read_media_info(MEDIA / name).cover
    assert cover is not None
    assert cover.mime == "image/png"
    assert cover.data.startswith(PNG)


def test_id3_chapters_follow_the_table_of_contents_and_mark_nesting() -> None:
    chapters = read_media_info(MEDIA / "tone.mp3").chapters
    assert [(c.title, c.start_s, c.end_s, c.level) for c in chapters] == [
        ("Cold open", 0.0, 0.2, 0),
        ("Agents", 0.2, 0.35, 1),
        ("Ghosts", 0.35, 0.5, 1),
    ]


@pytest.mark.parametrize("name", ["tone.ogg", "tone.opus", "tone.flac", "tone.m4a"])
def test_vorbis_and_mp4_chapters(name: str) -> None:
    chapters = read_media_info(MEDIA / name).chapters
    assert [(c.title, c.start_s) for c in chapters] == [("Cold open", 0.0), ("Agents", 0.2)]


def test_vorbis_chapter_urls() -> None:
    chapters = read_media_info(MEDIA / "tone.flac").chapters
    assert chapters[1].url == "https://example.org/agents"


def test_embedded_chapters_reach_the_timeline_as_chapter_cues() -> None:
    info = read_media_info(MEDIA / "tone.ogg")
    track = chapters_track(info.chapters, info.title)
    assert track.kind is TrackKind.CHAPTERS
    cues = track_cues(track, end_ms=round(info.duration_s * 1000))
    assert [(c.text, c.start_ms, c.end_ms) for c in cues] == [
        ("Cold open", 0, 200),
        ("Agents", 200, 500),
    ]


def test_untagged_wav_reads_with_empty_fields(tmp_path: Path) -> None:
    info = read_media_info(make_wav(tmp_path / "plain.wav", 0.2))
    assert (info.format, info.title, info.cover, info.chapters) == ("wav", "", None, ())
    assert info.duration_s == pytest.approx(0.2)


def test_unreadable_files_raise_a_clear_sentence(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("this is not audio\n" * 20)
    with pytest.raises(MediaInfoError, match="not an audio file whose tags can be read"):
        read_media_info(text)
    renamed = tmp_path / "notes.mp3"
    renamed.write_text("this is not audio\n" * 20)
    with pytest.raises(MediaInfoError, match=r"notes\.mp3: not a readable audio file \(can't sync"):
        read_media_info(renamed)
    with pytest.raises(MediaInfoError, match="no such file"):
        read_media_info(tmp_path / "gone.mp3")


def test_truncated_flac_is_reported_not_crashed(tmp_path: Path) -> None:
    broken = tmp_path / "cut.flac"
    broken.write_bytes((MEDIA / "tone.flac").read_bytes()[:60])
    with pytest.raises(MediaInfoError, match=r"cut\.flac: not a readable audio file"):
        read_media_info(broken)


def test_bad_cover_in_vorbis_comment_is_a_problem_not_a_failure(tmp_path: Path) -> None:
    from mutagen.oggvorbis import OggVorbis

    copy = tmp_path / "bad-cover.ogg"
    copy.write_bytes((MEDIA / "tone.ogg").read_bytes())
    f = OggVorbis(copy)
    f["METADATA_BLOCK_PICTURE"] = "!!not base64!!"
    f["CHAPTER003"] = "soon"
    f.save()
    info = read_media_info(copy)
    assert info.title == "Ghosts, not animals"
    assert info.cover is None
    assert len(info.problems) == 2
    assert any("CHAPTER003" in p for p in info.problems)
