"""What the player shows of an audio file's own tags: title, show, artist, date and cover, from
whichever of the tag conventions the file uses, and a plain WAV's INFO chunk."""

from __future__ import annotations

import struct
from pathlib import Path

from mutagen.id3 import APIC, TALB, TDRC, TIT2, TPE2
from mutagen.wave import WAVE

from player.core.media.tags import read_media_info
from tests.media import make_wav

PNG = b"\x89PNG\r\n\x1a\n" + b"p" * 8
JPEG = b"\xff\xd8\xff\xe0" + b"j" * 8


def _info_chunk(fields: list[tuple[bytes, bytes]]) -> bytes:
    body = b"INFO"
    for cid, raw in fields:
        body += cid + struct.pack("<I", len(raw)) + raw + (b"\x00" if len(raw) % 2 else b"")
    return b"LIST" + struct.pack("<I", len(body)) + body


def _wav_with(tmp_path: Path, chunk: bytes) -> Path:
    path = make_wav(tmp_path / "ep.wav", 0.2)
    data = bytearray(path.read_bytes()) + chunk
    struct.pack_into("<I", data, 4, len(data) - 8)
    path.write_bytes(bytes(data))
    return path


def test_a_plain_wav_shows_the_title_and_show_of_its_info_chunk(tmp_path: Path) -> None:
    chunk = _info_chunk(
        [
            (b"ISFT", b"Lavf\x00"),
            (b"INAM", "Épisode  one".encode("latin-1") + b"\x00junk"),
            (b"IPRD", b"The show\x00"),
            (b"IART", "Karpathy é".encode() + b"\x00"),
            (b"ICRD", b"2025\x00"),
        ]
    )
    info = read_media_info(_wav_with(tmp_path, chunk))
    assert (info.title, info.album, info.artist, info.date) == (
        "Épisode one",
        "The show",
        "Karpathy é",
        "2025",
    )
    assert info.format == "wav" and 0.15 < info.duration_s < 0.25


def test_a_wav_after_other_chunks_of_odd_length_still_finds_its_info(tmp_path: Path) -> None:
    odd = b"junk" + struct.pack("<I", 3) + b"abc\x00"
    info = read_media_info(_wav_with(tmp_path, odd + _info_chunk([(b"INAM", b"Title\x00")])))
    assert info.title == "Title"


def test_id3_tags_fall_back_to_the_album_artist_and_the_recording_date(tmp_path: Path) -> None:
    path = make_wav(tmp_path / "ep.wav", 0.2)
    audio = WAVE(path)
    audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text=["  Ghosts   not animals "]))
    audio.tags.add(TALB(encoding=3, text=["Dwarkesh"]))
    audio.tags.add(TPE2(encoding=3, text=["Dwarkesh Patel"]))
    audio.tags.add(TDRC(encoding=3, text=["2025-10-17"]))
    audio.tags.add(APIC(encoding=3, mime="", type=0, desc="back", data=JPEG))
    audio.tags.add(APIC(encoding=3, mime="", type=3, desc="front", data=PNG))
    audio.save()
    info = read_media_info(path)
    assert (info.title, info.album, info.artist, info.date) == (
        "Ghosts not animals",
        "Dwarkesh",
        "Dwarkesh Patel",
        "2025-10-17",
    )
    assert info.cover is not None and (info.cover.mime, info.cover.data) == ("image/png", PNG)
    assert info.problems == ()


def test_without_a_front_cover_the_first_picture_is_shown(tmp_path: Path) -> None:
    path = make_wav(tmp_path / "ep.wav", 0.2)
    audio = WAVE(path)
    audio.add_tags()
    audio.tags.add(APIC(encoding=3, mime="", type=0, desc="a", data=JPEG))
    audio.tags.add(APIC(encoding=3, mime="", type=4, desc="b", data=b"GIF89a"))
    audio.save()
    cover = read_media_info(path).cover
    assert cover is not None and cover.data in (JPEG, b"GIF89a")
    assert cover.mime == ("image/jpeg" if cover.data == JPEG else "application/octet-stream")


def test_a_wav_with_other_lists_and_unterminated_fields_shows_each_field_whole(
    tmp_path: Path,
) -> None:
    labels = b"LIST" + struct.pack("<I", 12) + b"adtl" + b"note" + struct.pack("<I", 0)
    info_chunk = _info_chunk(
        [(b"INAM", b"Ghosts"), (b"IART", b"Karpathy"), (b"IPRD", b"Show\x00old\x00")]
    )
    info = read_media_info(_wav_with(tmp_path, labels + info_chunk))
    assert (info.title, info.artist, info.album) == ("Ghosts", "Karpathy", "Show")


def test_a_wav_whose_last_chunk_claims_more_than_the_file_still_opens(tmp_path: Path) -> None:
    huge = b"junk" + struct.pack("<I", 0xFFFFFFF0) + b"abcd"
    info = read_media_info(_wav_with(tmp_path, _info_chunk([(b"INAM", b"Title\x00")]) + huge))
    assert info.title == "Title"
    info = read_media_info(_wav_with(tmp_path, huge))
    assert (info.title, info.format) == ("", "wav")


def test_a_wav_with_id3_tags_shows_them_over_its_info_chunk(tmp_path: Path) -> None:
    path = _wav_with(tmp_path, _info_chunk([(b"INAM", b"Info title\x00"), (b"IPRD", b"Info\x00")]))
    audio = WAVE(path)
    audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text=["ID3 title"]))
    audio.save()
    assert (read_media_info(path).title, read_media_info(path).album) == ("ID3 title", "")
    audio.tags.delall("TIT2")
    audio.tags.add(TALB(encoding=3, text=["ID3 show"]))
    audio.save()
    assert (read_media_info(path).title, read_media_info(path).album) == ("", "ID3 show")


def test_a_wav_with_no_audio_frames_shows_no_duration(tmp_path: Path) -> None:
    info = read_media_info(make_wav(tmp_path / "empty.wav", 0.0))
    assert (info.format, info.duration_s) == ("wav", 0.0)
