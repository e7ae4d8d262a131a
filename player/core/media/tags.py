"""What an audio file says about itself: title, show, cover art, chapters.

mutagen is used here and nowhere else. Its many tag systems (ID3, MP4 atoms, Vorbis comments,
RIFF INFO) become one ``MediaInfo``, and its exceptions become ``MediaInfoError`` with a sentence
a listener can act on. A file whose tags cannot be read may still play: callers catch
``MediaInfoError``, show the message, and hand the file to the player anyway.
"""

from __future__ import annotations

import base64
import binascii
import struct
from pathlib import Path
from typing import Any, Literal

import mutagen
from mutagen.apev2 import APEv2
from mutagen.flac import FLAC, Picture
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Cover
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from pydantic import BaseModel, ConfigDict

from player.core.media.chapters import (
    Chapter,
    id3_chapters,
    mp4_chapters,
    quicktime_chapters,
    vorbis_chapters,
)

AudioFormat = Literal["mp3", "m4a", "ogg", "opus", "flac", "wav", "other"]
SUPPORTED = "MP3, M4A, Ogg Vorbis, Opus, FLAC or WAV"


class MediaInfoError(Exception):
    """The file's tags cannot be read; the message says why in a sentence."""


class Cover(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mime: str
    data: bytes


class MediaInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    format: AudioFormat
    title: str = ""
    album: str = ""  # the show
    artist: str = ""
    date: str = ""  # publication date as the file writes it
    duration_s: float = 0.0
    cover: Cover | None = None
    chapters: tuple[Chapter, ...] = ()
    problems: tuple[str, ...] = ()


def read_media_info(path: str | Path) -> MediaInfo:
    p = Path(path)
    if not p.is_file():
        raise MediaInfoError(f"{p}: no such file")
    try:
        if p.stat().st_size == 0:
            raise MediaInfoError(f"{p}: the file is empty")
    except OSError as exc:
        raise MediaInfoError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    try:
        audio = mutagen.File(p)
    except mutagen.MutagenError as exc:
        raise MediaInfoError(f"{p}: not a readable audio file ({_reason(exc)})") from None
    except Exception as exc:  # mutagen on damaged bytes can fail in many ways; all mean the same
        raise MediaInfoError(f"{p}: not a readable audio file (damaged: {_reason(exc)})") from None
    if audio is None:
        raise MediaInfoError(f"{p}: not an audio file whose tags can be read ({SUPPORTED})")
    try:
        return _info(p, audio)
    except Exception as exc:  # a tag that mutagen parsed but that holds nonsense
        raise MediaInfoError(f"{p}: tags cannot be read (damaged tag: {_reason(exc)})") from None


def embedded_cover(path: str | Path) -> Cover | None:
    """The front cover an audio file carries, or None (none, or a file that cannot be read:
    a list showing covers has a placeholder for those, never an error)."""
    try:
        return read_media_info(path).cover
    except MediaInfoError:
        return None


def _reason(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


def _info(p: Path, audio: Any) -> MediaInfo:
    problems: list[str] = []
    fields: dict[str, Any] = {"path": str(p), "format": _format(audio)}
    length = getattr(getattr(audio, "info", None), "length", 0) or 0
    fields["duration_s"] = float(length) if length > 0 and length != float("inf") else 0.0
    tags = audio.tags
    if isinstance(tags, ID3):
        fields.update(_id3(tags, problems))
    elif isinstance(audio, MP4) and tags is not None:
        fields.update(_mp4(p, audio, problems))
    elif isinstance(audio, FLAC | OggVorbis | OggOpus) or _has_vorbis_comments(tags):
        fields.update(_vorbis(audio, problems))
    elif tags is not None:
        fields.update(_generic(p, problems))
    if isinstance(audio, MP3) and not fields.get("title"):
        fields.update({k: v for k, v in _apev2(p).items() if v})
    if isinstance(audio, WAVE) and not (fields.get("title") or fields.get("album")):
        fields.update({k: v for k, v in _riff_info(p, problems).items() if v})
    fields["problems"] = tuple(problems)
    return MediaInfo(**fields)


def _format(audio: Any) -> AudioFormat:
    for cls, name in (
        (MP3, "mp3"),
        (MP4, "m4a"),
        (OggOpus, "opus"),
        (OggVorbis, "ogg"),
        (FLAC, "flac"),
        (WAVE, "wav"),
    ):
        if isinstance(audio, cls):
            return name  # type: ignore[return-value]
    return "other"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return " ".join(str(value).split())


# -- ID3 -------------------------------------------------------------------------------------


def _id3(tags: ID3, problems: list[str]) -> dict[str, Any]:
    def first(*ids: str) -> str:
        for fid in ids:
            frame = tags.get(fid)
            if frame is not None and _text(frame.text):
                return _text(frame.text)
        return ""

    out: dict[str, Any] = {
        "title": first("TIT2"),
        "album": first("TALB"),
        "artist": first("TPE1", "TPE2"),
        "date": first("TDRL", "TDRC", "TYER"),
    }
    pictures = tags.getall("APIC")
    if pictures:
        front = [pic for pic in pictures if pic.type == 3] or pictures
        out["cover"] = Cover(mime=front[0].mime or _sniff_mime(front[0].data), data=front[0].data)
    out["chapters"] = id3_chapters(tags.values(), problems)
    return out


# -- MP4 ---------------------------------------------------------------------------------------


def _mp4(p: Path, audio: MP4, problems: list[str]) -> dict[str, Any]:
    tags = audio.tags
    assert tags is not None

    def first(*keys: str) -> str:
        for key in keys:
            if _text(tags.get(key)):
                return _text(tags.get(key))
        return ""

    out: dict[str, Any] = {
        "title": first("\xa9nam"),
        "album": first("\xa9alb"),
        "artist": first("\xa9ART", "aART"),
        "date": first("\xa9day"),
    }
    covers = tags.get("covr") or []
    if covers:
        cover = covers[0]
        mime = "image/png" if getattr(cover, "imageformat", None) == MP4Cover.FORMAT_PNG else ""
        out["cover"] = Cover(mime=mime or _sniff_mime(bytes(cover)), data=bytes(cover))
    out["chapters"] = mp4_chapters(audio.chapters) or quicktime_chapters(p, problems)
    return out


# -- Vorbis comments (Ogg Vorbis, Opus, FLAC) -------------------------------------------------


def _has_vorbis_comments(tags: Any) -> bool:
    return tags is not None and hasattr(tags, "vendor")


def _vorbis(audio: Any, problems: list[str]) -> dict[str, Any]:
    comments: list[tuple[str, str]] = list(audio.tags or [])
    by_key: dict[str, str] = {}
    for key, value in comments:
        by_key.setdefault(key.upper(), value)
    out: dict[str, Any] = {
        "title": _text(by_key.get("TITLE")),
        "album": _text(by_key.get("ALBUM")),
        "artist": _text(by_key.get("ARTIST") or by_key.get("ALBUMARTIST")),
        "date": _text(by_key.get("DATE")),
    }
    pictures: list[Picture] = list(getattr(audio, "pictures", []) or [])
    if not pictures and "METADATA_BLOCK_PICTURE" in by_key:
        try:
            pictures = [Picture(base64.b64decode(by_key["METADATA_BLOCK_PICTURE"]))]
        except (binascii.Error, ValueError, mutagen.MutagenError, struct.error) as exc:
            problems.append(f"cover art cannot be read ({_reason(exc)}); no cover shown")
    if pictures:
        front = [pic for pic in pictures if pic.type == 3] or pictures
        out["cover"] = Cover(mime=front[0].mime or _sniff_mime(front[0].data), data=front[0].data)
    out["chapters"] = vorbis_chapters(comments, problems)
    return out


# -- everything else (APEv2 in WavPack, Monkey's Audio, MP3; ASF in WMA; …) ------------------


def _generic(p: Path, problems: list[str]) -> dict[str, Any]:
    """Title, show, artist and date through mutagen's common "easy" keys."""
    try:
        easy = mutagen.File(p, easy=True)
    except Exception as exc:  # the tags were readable once; a second look failing is damage
        problems.append(f"tags cannot be read ({_reason(exc)})")
        return {}
    tags = getattr(easy, "tags", None)
    if tags is None:
        return {}

    def first(*keys: str) -> str:
        for key in keys:
            try:
                value = tags.get(key)
            except (KeyError, ValueError, TypeError):
                continue
            if _text(value):
                return _text(value)
        return ""

    return {
        "title": first("title", "Title", "WM/Title"),
        "album": first("album", "Album", "WM/AlbumTitle"),
        "artist": first("artist", "Artist", "Author", "WM/AlbumArtist"),
        "date": first("date", "Year", "WM/Year"),
    }


def _apev2(p: Path) -> dict[str, str]:
    """An APEv2 tag at the end of an MP3, which ``mutagen.File`` passes over for the ID3 one."""
    try:
        tags = APEv2(p)
    except Exception:  # no tag, or a damaged one: the ID3 reading stands
        return {}
    return {
        "title": _text(tags.get("Title")),
        "album": _text(tags.get("Album")),
        "artist": _text(tags.get("Artist")),
        "date": _text(tags.get("Year")),
    }


# -- RIFF INFO (WAV) ---------------------------------------------------------------------------

_INFO_FIELDS = {b"INAM": "title", b"IPRD": "album", b"IART": "artist", b"ICRD": "date"}


def _riff_info(p: Path, problems: list[str]) -> dict[str, str]:
    """The ``LIST``/``INFO`` chunk, which mutagen does not read: a bounded walk over chunks."""
    out: dict[str, str] = {}
    with p.open("rb") as f:
        data = f.read(16 * 1024 * 1024)
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return out
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = data[pos + 8 : pos + 8 + size]
        if cid == b"LIST" and body[:4] == b"INFO":
            sub = 4
            while sub + 8 <= len(body):
                sid, ssize = body[sub : sub + 4], struct.unpack_from("<I", body, sub + 4)[0]
                if sid in _INFO_FIELDS:
                    raw = body[sub + 8 : sub + 8 + ssize].split(b"\x00", 1)[0]
                    out[_INFO_FIELDS[sid]] = _text(_decode_info(raw))
                sub += 8 + ssize + (ssize & 1)
            break
        pos += 8 + size + (size & 1)
    return out


def _decode_info(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _sniff_mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    return "application/octet-stream"
