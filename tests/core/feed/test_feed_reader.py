"""Reading real feeds, and saying plainly when an address is not one."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from player.core.feed import FeedUnreachable, HttpStatusError, NotAFeed, parse_feed, read_feed
from player.core.feed.net import user_agent
from player.core.jobs import Progress
from tests.core.feed.conftest import FEEDS


def test_the_namespace_example_gives_audio_transcripts_chapters_and_art() -> None:
    data = (FEEDS / "podcast-namespace-example.xml").read_bytes()
    feed = parse_feed(data, "https://example.com/feed.xml")
    assert feed.title == "Podcasting 2.0 Namespace Example"
    assert [e.title for e in feed.episodes] == [
        "Episode 3 - The Future",
        "Episode 2 - The Present",
        "Episode 1 - The Past",
    ]
    ep3 = feed.episodes[0]
    assert ep3.guid == "https://example.com/ep0003"
    assert ep3.published == date(2020, 10, 9)
    assert ep3.enclosure is not None
    assert (ep3.enclosure.url, ep3.enclosure.length) == (
        "https://example.com/file-03.mp3",
        43200000,
    )
    # Both transcripts, with their types: podcastparser alone keeps only the last, untyped.
    assert [(t.url.rsplit("/", 2)[-2:], t.mime_type) for t in ep3.transcripts] == [
        (["ep3", "transcript.txt"], "text/plain"),
        (["episode1", "transcript.vtt"], "text/vtt"),
    ]
    assert ep3.chapters_url == "https://example.com/ep3_chapters.json"
    assert ep3.image_url == "https://example.com/ep0003/artMd.jpg"
    assert "Dave Jones" in ep3.people


def test_a_feed_without_namespace_declarations_still_gives_its_transcript() -> None:
    feed = parse_feed((FEEDS / "podcastparser-transcript.rss").read_bytes(), "http://x/f.rss")
    assert [t.url for t in feed.episodes[0].transcripts] == ["https://example.com/1/transcript.txt"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<!DOCTYPE html><html><head><title>Show</title></head></html>", "web page"),
        (b"<html><body><p>Listen</p></body></html>", "web page"),
        (b'<?xml version="1.0"?><catalog><book/></catalog>', "<catalog>"),
        (b'{"episodes": []}', "x.org (https://x.org/feed):1: not a podcast feed"),
        (b"<rss><channel><item><title>cut off", "not a podcast feed"),
        (b"   ", "is empty"),
    ],
)
def test_what_is_not_a_feed_is_named(body: bytes, words: str) -> None:
    with pytest.raises(NotAFeed) as caught:
        parse_feed(body, "https://x.org/feed")
    assert words in str(caught.value)


def test_a_feed_is_read_over_http_with_redirects_and_the_apps_user_agent(host) -> None:
    host.put("/real.xml", (FEEDS / "podcast-namespace-example.xml").read_bytes(), "text/xml")
    host.redirects["/old"] = (301, "/moved")
    host.redirects["/moved"] = (308, "/real.xml")
    feed = read_feed(host.url("/old"), Progress())
    assert len(feed.episodes) == 3
    assert [s.path for s in host.seen] == ["/old", "/moved", "/real.xml"]
    assert host.seen[-1].headers["User-Agent"] == user_agent()
    assert user_agent().startswith("BriefPlayer/")


def test_a_missing_feed_and_an_unreachable_host_say_so(host) -> None:
    with pytest.raises(HttpStatusError) as missing:
        read_feed(host.url("/nothing.xml"), Progress())
    assert missing.value.status == 404
    assert "404 Not Found" in str(missing.value)
    host.put("/page", "<!doctype html><html></html>", "text/html")
    with pytest.raises(NotAFeed, match="web page"):
        read_feed(host.url("/page"), Progress())
    with socket.socket() as s:  # a port nobody listens on any more
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FeedUnreachable, match="connection was refused") as gone:
        read_feed(f"http://127.0.0.1:{port}/feed.xml", Progress())
    assert "works offline" in str(gone.value)


def test_a_saved_feed_file_is_read_offline(tmp_path) -> None:
    feed = read_feed(str(FEEDS / "podcast-namespace-example.xml"), Progress())
    assert len(feed.episodes) == 3
