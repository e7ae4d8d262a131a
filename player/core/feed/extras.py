"""What the feed offers beside the audio: transcripts, chapters and the episode's art, saved
next to the audio under the names the sidecar pickup already looks for (``episode.vtt``,
``episode.chapters.json``, ``episode.jpg`` beside ``episode.mp3``), so they show up as tracks
and cover the next time the episode opens, exactly like files the listener put there.

None of them is needed to listen: each one that fails is a note, never an error.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from player.core.feed.errors import FeedError
from player.core.feed.net import fetch_small
from player.core.feed.reader import FeedEpisode, TranscriptLink
from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.jobs import Progress

#: transcript type -> file name after the audio's stem; plain text and HTML carry no times.
TRANSCRIPT_NAMES = {
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "application/srt": ".srt",
    "text/srt": ".srt",
    "application/json": ".transcript.json",
}
_SUFFIX_TYPES = {".vtt": "text/vtt", ".srt": "application/srt", ".json": "application/json"}
IMAGE_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
_IMAGE_LIMIT = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Extras:
    files: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()


def fetch_extras(episode: FeedEpisode, audio: Path, progress: Progress) -> Extras:
    """Fetch the timed transcripts (one per format), the chapters and the art beside ``audio``."""
    jobs: list[tuple[str, str, str]] = []  # (url, suffix, what)
    for link, suffix in usable_transcripts(episode.transcripts):
        jobs.append((link.url, suffix, "the transcript"))
    if episode.chapters_url:
        jobs.append((episode.chapters_url, ".chapters.json", "the chapters"))
    if episode.image_url:
        jobs.append((episode.image_url, "", "the episode's art"))
    files: list[Path] = []
    notes: list[str] = []
    for i, (url, suffix, what) in enumerate(jobs):
        step = progress.scaled(i / len(jobs), 1 / len(jobs))
        try:
            files.append(_fetch_one(url, suffix, what, audio, step))
        except FeedError as e:
            notes.append(f"{what.capitalize()} was not fetched: {e}")
    progress(1, 1, f"Saved {len(files)} of {len(jobs)} files beside the audio")
    return Extras(tuple(files), tuple(notes))


def usable_transcripts(links: tuple[TranscriptLink, ...]) -> list[tuple[TranscriptLink, str]]:
    """The transcripts the player can show in step, the first of each format."""
    out: list[tuple[TranscriptLink, str]] = []
    seen: set[str] = set()
    for link in links:
        suffix = TRANSCRIPT_NAMES.get(link.mime_type.split(";")[0].strip())
        if suffix is None and not link.mime_type:
            guessed = _SUFFIX_TYPES.get(Path(urlsplit(link.url).path).suffix.lower())
            suffix = TRANSCRIPT_NAMES.get(guessed or "")
        if suffix and suffix not in seen:
            seen.add(suffix)
            out.append((link, suffix))
    return out


def _fetch_one(url: str, suffix: str, what: str, audio: Path, progress: Progress) -> Path:
    limit = _IMAGE_LIMIT if not suffix else 10 * 1024 * 1024
    data, content_type = fetch_small(url, progress, what, limit=limit)
    if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise FeedError(f"{url} is a web page, not {what}.")
    if not suffix:
        suffix = IMAGE_SUFFIXES.get(content_type) or _image_suffix(url, data)
    path = audio.with_name(audio.stem + suffix)
    _write_atomically(path, data)
    if suffix.endswith((".vtt", ".srt", ".json")):
        try:
            load_track(path)
        except FormatError as e:
            path.unlink(missing_ok=True)
            raise FeedError(str(e)) from None
    return path


def _image_suffix(url: str, data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return ".png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data.startswith(b"\xff\xd8"):
        return ".jpg"
    suffix = Path(urlsplit(url).path).suffix.lower()
    if suffix in (".jpg", ".jpeg", ".png", ".webp"):
        return ".jpg" if suffix == ".jpeg" else suffix
    raise FeedError(f"{url} is not a JPEG, PNG or WebP image.")


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as e:
        with suppress(OSError):
            tmp.unlink()
        raise FeedError(f"Cannot write {path}: {e.strerror or e}.") from None
