"""A podcast feed read into the few things the app needs: each episode's identity (GUID,
title, date), its audio, and what the publisher offers beside it (transcripts, chapters, art).

gPodder's ``podcastparser`` does the reading. It keeps only one ``podcast:transcript`` per
episode and drops its type, while a feed often offers several (plain text, HTML, WebVTT, SRT)
of which only some can be shown in step; a small subclass of its handler keeps them all.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import ClassVar
from xml import sax

import podcastparser

from player.core.feed.errors import NotAFeed
from player.core.feed.net import fetch_small, host_of, is_local
from player.core.jobs import Progress

# It warns on stderr about every tag used without its namespace declared, which feeds often do.
logging.getLogger("podcastparser").setLevel(logging.ERROR)

_TRANSCRIPT_PATH = ("rss", "channel", "item", "podcast:transcript")


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    length: int | None = None  # bytes, as the feed says; often approximate or 0
    mime_type: str = ""


@dataclass(frozen=True, slots=True)
class TranscriptLink:
    url: str
    mime_type: str = ""


@dataclass(frozen=True, slots=True)
class FeedEpisode:
    guid: str
    title: str
    published: date | None = None
    duration_s: float | None = None
    description: str = ""
    enclosure: Enclosure | None = None
    image_url: str = ""
    chapters_url: str = ""
    transcripts: tuple[TranscriptLink, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    episodes: tuple[FeedEpisode, ...] = field(default_factory=tuple)


class _Namespace(podcastparser.Namespace):
    """Also knows the podcast namespace by the URI the specification gives and feeds use
    (podcastparser 0.6.11 knows it only by its older GitHub address)."""

    NAMESPACES: ClassVar[dict[str, str]] = {
        **podcastparser.Namespace.NAMESPACES,
        "https://podcastindex.org/namespace/1.0": "podcast",
        "http://podcastindex.org/namespace/1.0": "podcast",
    }


class _Handler(podcastparser.PodcastHandler):
    """podcastparser's handler with the namespace above, keeping every ``podcast:transcript``
    with its type."""

    def startElement(self, name, attrs):
        self.namespace = _Namespace(attrs, self.namespace)
        name = self.namespace.map(name)
        if not self.path_stack and name not in podcastparser.VALID_ROOTS:
            raise _NotAFeedRoot(name)
        self.path_stack.append(name)
        target = podcastparser.MAPPING.get("/".join(self.path_stack))
        if target is not None:
            target.start(self, attrs)
            if target.WANT_TEXT:
                self.text = []
        if tuple(self.path_stack) == _TRANSCRIPT_PATH and attrs.get("url"):
            link = TranscriptLink(
                url=podcastparser.urlparse.urljoin(self.base, attrs.get("url").strip()),
                mime_type=(attrs.get("type") or "").strip().lower(),
            )
            self.episodes[-1].setdefault("_transcripts", []).append(link)


class _NotAFeedRoot(Exception):
    def __init__(self, root: str) -> None:
        self.root = root


def parse_feed(data: bytes, url: str) -> Feed:
    """``NotAFeed`` for anything that is not an RSS or Atom podcast feed, with a reason."""
    head = data.lstrip()[:512].lower()
    if not head:
        raise NotAFeed(f"{_where(url)} is empty: not a podcast feed.")
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        raise NotAFeed(
            f"{_where(url)} is a web page, not a podcast feed. Look on the show's page for its "
            "RSS feed address (often labelled RSS or 'Listen in any app')."
        )
    handler = _Handler(url, 0)
    parser = sax.make_parser()
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except _NotAFeedRoot as e:
        kind = "a web page" if e.root.lower().endswith("html") else f"an XML <{e.root}> document"
        raise NotAFeed(f"{_where(url)} is {kind}, not a podcast feed.") from None
    except sax.SAXParseException as e:
        raise NotAFeed(
            f"{_where(url)}:{e.getLineNumber()}: not a podcast feed ({e.getMessage()})."
        ) from None
    raw = handler.data
    episodes = tuple(_episode(e) for e in raw["episodes"])
    return Feed(
        url=url,
        title=str(raw.get("title") or ""),
        episodes=episodes,
    )


def read_feed(url: str, progress: Progress) -> Feed:
    """Fetch and parse; every failure is a ``FeedError`` saying what to do about it."""
    data, _content_type = fetch_small(url, progress, "the feed")
    return parse_feed(data, url)


def _episode(raw: dict) -> FeedEpisode:
    """podcastparser gives every episode its GUID, title, date, length, description and
    enclosures (0 or empty when the feed has none); the rest only when the feed has them."""
    enclosures = raw["enclosures"]
    audio = [e for e in enclosures if _is_audio(e["mime_type"])]
    chosen = (audio or enclosures or [None])[0]
    enclosure = None
    if chosen is not None:
        size = chosen["file_size"]
        enclosure = Enclosure(chosen["url"], size if size > 0 else None, chosen["mime_type"])
    published = raw["published"]
    return FeedEpisode(
        guid=str(raw["guid"]),
        title=str(raw["title"]),
        published=datetime.fromtimestamp(published, UTC).date() if published else None,
        duration_s=float(raw["total_time"]) if raw["total_time"] else None,
        description=str(raw["description"]),
        enclosure=enclosure,
        image_url=str(raw.get("episode_art_url") or ""),
        chapters_url=str(raw.get("chapters_json_url") or ""),
        transcripts=tuple(raw.get("_transcripts", ())),
        people=tuple(str(p["name"]) for p in raw.get("persons", ()) if p.get("name")),
    )


def _is_audio(mime_type: str) -> bool:
    return mime_type.startswith("audio/")


def _where(url: str) -> str:
    return url if is_local(url) else f"{host_of(url)} ({url})"
