"""Reading real feeds, and saying plainly when an address is not one."""

from __future__ import annotations

import socket
import time
from datetime import date

import pytest

from player.core.feed import FeedUnreachable, HttpStatusError, NotAFeed, parse_feed, read_feed
from player.core.feed.net import user_agent
from player.core.feed.reader import Enclosure, FeedEpisode, TranscriptLink
from player.core.jobs import Progress, Step
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


SHOW = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:pc="https://podcastindex.org/namespace/1.0">
<channel><title>Show</title>
<item><title>Video first</title><guid isPermaLink="false">v1</guid>
  <pubDate>Fri, 09 Oct 2020 02:00:00 GMT</pubDate>
  <itunes:duration>1:02:03</itunes:duration>
  <description>Dave Jones on what comes next.</description>
  <enclosure url="https://h.example/v.mp4" type="video/mp4" length="999"/>
  <enclosure url="https://h.example/a.mp3" type="audio/mpeg" length="1234"/>
  <itunes:image href="https://h.example/art.jpg"/>
  <pc:chapters url="https://h.example/ch.json" type="application/json+chapters"/>
  <pc:transcript url="/t/ep.vtt"/>
  <pc:person role="guest">Dave Jones</pc:person>
  <pc:person role="host"></pc:person>
</item>
<item><title>Video only</title><guid isPermaLink="false">v2</guid>
  <enclosure url="https://h.example/v2.mp4" type="video/mp4" length="0"/>
</item>
<item><title>Untyped</title><guid>v3</guid><enclosure url="https://h.example/u"/></item>
<item><title>No audio</title><guid>v4</guid></item>
</channel></rss>"""


def test_each_episode_gives_its_audio_day_length_words_and_extras() -> None:
    """The audio among a video and an audio enclosure; what the feed leaves out stays empty;
    the podcast namespace is known under any prefix; a relative address is the feed's."""
    feed = parse_feed(SHOW, "https://h.example/feeds/show.xml")
    assert (feed.url, feed.title) == ("https://h.example/feeds/show.xml", "Show")
    episodes = {e.title: e for e in feed.episodes}
    assert episodes["Video first"] == FeedEpisode(
        guid="v1",
        title="Video first",
        published=date(2020, 10, 9),
        duration_s=3723.0,
        description="Dave Jones on what comes next.",
        enclosure=Enclosure("https://h.example/a.mp3", 1234, "audio/mpeg"),
        image_url="https://h.example/art.jpg",
        chapters_url="https://h.example/ch.json",
        transcripts=(TranscriptLink("https://h.example/t/ep.vtt", ""),),
        people=("Dave Jones",),
    )
    assert episodes["Video only"] == FeedEpisode(
        guid="v2",
        title="Video only",
        enclosure=Enclosure("https://h.example/v2.mp4", None, "video/mp4"),
    )
    untyped = episodes["Untyped"].enclosure
    assert untyped is not None and (untyped.url, untyped.length) == ("https://h.example/u", None)
    assert episodes["No audio"].enclosure is None


def test_an_episodes_day_is_the_publishers_whatever_the_listeners_time_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Published at 02:00 GMT on the 9th: still the 9th for a listener five hours behind."""
    monkeypatch.setenv("TZ", "EST+05")
    time.tzset()
    try:
        feed = parse_feed(SHOW, "https://h.example/feeds/show.xml")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert feed.episodes[0].published == date(2020, 10, 9)


def test_a_feed_without_a_title_has_none() -> None:
    assert parse_feed(b"<rss><channel></channel></rss>", "https://h.example/").title == ""


@pytest.mark.parametrize(
    ("body", "url", "message"),
    [
        (b"", "/home/me/feed.xml", "/home/me/feed.xml is empty: not a podcast feed."),
        (
            b"\n  <!DOCTYPE html><html><head><title>Show</title></head></html>",
            "https://x.org/feed",
            "x.org (https://x.org/feed) is a web page, not a podcast feed. Look on the show's "
            "page for its RSS feed address (often labelled RSS or 'Listen in any app').",
        ),
        (
            b"<HTML><BODY>Listen</BODY></HTML>",
            "https://x.org/feed",
            "x.org (https://x.org/feed) is a web page, not a podcast feed. Look on the show's "
            "page for its RSS feed address (often labelled RSS or 'Listen in any app').",
        ),
        (
            b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            "https://x.org/feed",
            "x.org (https://x.org/feed) is a web page, not a podcast feed.",
        ),
        (
            b'<?xml version="1.0"?><HTML><BODY/></HTML>',
            "file:///home/me/page.xml",
            "file:///home/me/page.xml is a web page, not a podcast feed.",
        ),
    ],
)
def test_what_is_not_a_feed_is_named_in_full(body: bytes, url: str, message: str) -> None:
    with pytest.raises(NotAFeed) as caught:
        parse_feed(body, url)
    assert str(caught.value) == message


def test_reading_a_feed_says_what_it_reads_from_where(host) -> None:
    host.put("/feed.xml", SHOW, "application/rss+xml")
    steps: list[Step] = []
    read_feed(host.url("/feed.xml"), Progress(steps.append))
    assert steps and {s.message for s in steps} == {"Reading the feed from 127.0.0.1"}
