"""Writes tags, cover art and chapters into the files make_test_media.sh encoded.

Every file gets the same listener-visible metadata, so one test table can check them all.
"""

from __future__ import annotations

import base64
import struct
import sys
import zlib
from pathlib import Path

from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TDRC, TIT2, TPE1, CTOCFlags
from mutagen.mp4 import MP4, MP4Cover
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

TITLE, SHOW, ARTIST, DATE = (
    "Ghosts, not animals",
    "Dwarkesh Podcast",
    "Dwarkesh Patel",
    "2025-10-17",
)


def tiny_png() -> bytes:
    """A 2x2 red PNG, written by hand so no imaging library is needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = tiny_png()


def _none(info: object) -> int:
    return 0  # no padding: the files stay a few KB


def id3_frames(tags: ID3, *, chapters: bool) -> None:
    tags.add(TIT2(encoding=3, text=TITLE))
    tags.add(TALB(encoding=3, text=SHOW))
    tags.add(TPE1(encoding=3, text=ARTIST))
    tags.add(TDRC(encoding=3, text=DATE))
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=PNG))
    if not chapters:
        return
    # Frames deliberately out of time order: the table of contents decides the order.
    tags.add(
        CHAP(element_id="chp2", start_time=350, end_time=500, sub_frames=[TIT2(text="Ghosts")])
    )
    tags.add(
        CHAP(element_id="chp0", start_time=0, end_time=200, sub_frames=[TIT2(text="Cold open")])
    )
    tags.add(
        CHAP(element_id="chp1", start_time=200, end_time=350, sub_frames=[TIT2(text="Agents")])
    )
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=["chp0", "part1"],
            sub_frames=[TIT2(text="Contents")],
        )
    )
    tags.add(
        CTOC(
            element_id="part1",
            flags=CTOCFlags.ORDERED,
            child_element_ids=["chp1", "chp2"],
            sub_frames=[TIT2(text="Part one")],
        )
    )


def vorbis_tags(tags, *, picture_in_comment: bool) -> None:  # type: ignore[no-untyped-def]
    tags["TITLE"] = TITLE
    tags["ALBUM"] = SHOW
    tags["ARTIST"] = ARTIST
    tags["DATE"] = DATE
    tags["CHAPTER001"] = "00:00:00.000"
    tags["CHAPTER001NAME"] = "Cold open"
    tags["CHAPTER002"] = "00:00:00.200"
    tags["CHAPTER002NAME"] = "Agents"
    tags["CHAPTER002URL"] = "https://example.org/agents"
    if picture_in_comment:
        tags["METADATA_BLOCK_PICTURE"] = base64.b64encode(picture().write()).decode("ascii")


def picture() -> Picture:
    pic = Picture()
    pic.type = 3
    pic.mime = "image/png"
    pic.desc = "cover"
    pic.width = pic.height = 2
    pic.depth = 24
    pic.data = PNG
    return pic


def main(out: Path) -> None:
    mp3 = ID3()
    id3_frames(mp3, chapters=True)
    mp3.save(out / "tone.mp3", v2_version=4, padding=_none)

    wav = WAVE(out / "tone.wav")
    wav.add_tags()
    id3_frames(wav.tags, chapters=False)
    wav.save(padding=_none)

    flac = FLAC(out / "tone.flac")
    vorbis_tags(flac, picture_in_comment=False)
    flac.add_picture(picture())
    flac.save(padding=_none)

    for cls, name in ((OggVorbis, "tone.ogg"), (OggOpus, "tone.opus")):
        f = cls(out / name)
        vorbis_tags(f, picture_in_comment=True)
        f.save(padding=_none)

    m4a = MP4(out / "tone.m4a")
    m4a["covr"] = [MP4Cover(PNG, imageformat=MP4Cover.FORMAT_PNG)]
    m4a.save(padding=_none)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
