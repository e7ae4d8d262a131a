"""The whole errand: the brief's episode found in its feed, its audio downloaded into the data
folder with what the feed carries beside it, and attached as the episode's audio.

Each step is its own function taking a ``Progress``, so the window's job runner can read the
feed, show candidates when unsure, then download the one chosen, while the command line runs
them in a row. Nothing here changes what is attached until the file is complete.
"""

from __future__ import annotations

import json
import mimetypes
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from player.appdirs import data_dir
from player.core.feed.clue import BriefSource
from player.core.feed.download import Downloaded, download
from player.core.feed.errors import FeedError, NoMatch
from player.core.feed.extras import Extras, fetch_extras
from player.core.feed.match import MatchResult, match_episode, pick
from player.core.feed.reader import Enclosure, Feed, FeedEpisode, read_feed
from player.core.jobs import Progress
from player.core.storage.playstate import PlayStateStore

AUDIO_SUFFIXES = (".mp3", ".m4a", ".mp4", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav")
RECORD_NAME = "source.json"


@dataclass(frozen=True)
class Found:
    feed: Feed
    match: MatchResult
    episode: FeedEpisode


@dataclass(frozen=True)
class Fetched:
    episode: FeedEpisode
    audio: Path
    download: Downloaded | None  # None when the same file was already complete on disk
    extras: Extras

    @property
    def notes(self) -> tuple[str, ...]:
        own = (self.download.note,) if self.download and self.download.note else ()
        return own + self.extras.notes


def downloads_dir(episode_id: str) -> Path:
    """``downloads/<episode id>/`` in the data folder: one folder per episode, so its audio
    and sidecars travel together and deleting the folder forgets the download."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", episode_id).strip(".-") or "episode"
    return data_dir() / "downloads" / safe


def find_in_feed(
    source: BriefSource, progress: Progress, *, feed_url: str = "", guid: str = ""
) -> Found:
    """Read the feed and pick the brief's episode; ``NoMatch`` lists candidates when unsure."""
    feed, result = read_and_match(source, progress, feed_url=feed_url)
    return Found(feed, result, pick(result, feed, guid or source.clue.guid))


def read_and_match(
    source: BriefSource, progress: Progress, *, feed_url: str
) -> tuple[Feed, MatchResult]:
    """Read the feed and rank its episodes for the brief, best first, without choosing: the
    window shows the candidates when the match is not sure."""
    url = feed_url or source.feed_url
    if not url:
        raise FeedError(
            f"{source.title or source.episode_id}: no feed is known for this brief. "
            "Give the show's feed address (--feed URL)."
        )
    feed = read_feed(url, progress)
    if not feed.episodes:
        raise NoMatch(f"The feed {feed.title or url} lists no episodes.")
    return feed, match_episode(source.clue, feed)


def fetch_episode(episode: FeedEpisode, folder: Path, progress: Progress) -> Fetched:
    """Download the episode's audio into ``folder`` (resuming an earlier try), then its
    transcripts, chapters and art beside it."""
    enclosure = episode.enclosure
    if enclosure is None:
        raise NoMatch(f"The feed's episode {episode.title!r} has no audio file.")
    dest = folder / audio_name(episode.title, enclosure)
    done: Downloaded | None = None
    if not _already_there(folder, dest, enclosure.url):
        done = download(
            enclosure.url, dest, progress.scaled(0.0, 0.95), expected_size=enclosure.length
        )
        _write_record(folder, episode, enclosure.url, dest)
    extras = fetch_extras(episode, dest, progress.scaled(0.95, 0.05))
    return Fetched(episode, dest, done, extras)


def attach(store: PlayStateStore, episode_id: str, audio: Path) -> None:
    """Remember ``audio`` as the episode's, in the record the window's Attach Audio writes and
    reads when it opens the episode."""
    store.save(episode_id, audio_path=str(audio.resolve()))


def audio_name(title: str, enclosure: Enclosure) -> str:
    """A readable file name from the episode's title, with the enclosure's kind of file."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")[:60].strip("-") or "episode"
    return stem + _audio_suffix(enclosure)


def _audio_suffix(enclosure: Enclosure) -> str:
    suffix = Path(urlsplit(enclosure.url).path).suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        return suffix
    mime = enclosure.mime_type.split(";")[0].strip().lower()
    special = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}
    guessed = special.get(mime) or mimetypes.guess_extension(mime)
    # A host that calls every file application/octet-stream would give ".bin": a name no file
    # manager or Open dialog takes for audio. The player reads what the bytes are anyway.
    return guessed if guessed in AUDIO_SUFFIXES else ".mp3"


def _already_there(folder: Path, dest: Path, url: str) -> bool:
    try:
        record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
        size = dest.stat().st_size
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and record.get("enclosure_url") == url
        and record.get("audio") == dest.name
        and record.get("size") == size
    )


def _write_record(folder: Path, episode: FeedEpisode, url: str, dest: Path) -> None:
    """Which feed episode the file is, so a second fetch finds it done."""
    record = {
        "guid": episode.guid,
        "title": episode.title,
        "enclosure_url": url,
        "audio": dest.name,
        "size": dest.stat().st_size,
    }
    with suppress(OSError):
        (folder / RECORD_NAME).write_text(json.dumps(record, indent=2), encoding="utf-8")
