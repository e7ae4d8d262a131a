"""A local podcast host serving real feed files, generated audio, a transcript and chapters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feed_server import FeedHost, serving
from tests.media import make_wav

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"


@pytest.fixture
def host() -> Iterator[FeedHost]:
    with serving() as h:
        yield h


@pytest.fixture(scope="session")
def audio_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """About 1 MB of real WAV: enough for many chunks, a drop midway and a resume."""
    path = make_wav(tmp_path_factory.mktemp("audio") / "ep.wav", 64.0, beeps_at=(1.0, 30.0))
    return path.read_bytes()


def namespace_feed(host: FeedHost, audio: bytes) -> str:
    """The Podcast Namespace's example feed, its example.com files served by ``host``; episode
    3's enclosure is generated WAV audio with its true length. Returns the feed's address."""
    text = (FEEDS / "podcast-namespace-example.xml").read_text(encoding="utf-8")
    text = text.replace(
        'url="https://example.com/file-03.mp3" length="43200000" type="audio/mpeg"',
        f'url="https://example.com/audio/ep3.wav" length="{len(audio)}" type="audio/wav"',
    )
    text = text.replace("https://example.com/", host.base + "/")
    host.put("/audio/ep3.wav", audio, "audio/wav")
    host.put("/ep3_chapters.json", (FEEDS / "podcast-namespace-chapters.json").read_bytes())
    host.put("/episode1/transcript.vtt", (FEEDS / "podcast-namespace-transcript.vtt").read_bytes())
    host.put("/ep3/transcript.txt", "Plain words without times.", "text/plain")
    host.put("/ep0003/artMd.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image/jpeg")
    return host.put("/feed.xml", text, "application/rss+xml")
