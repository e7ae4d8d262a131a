"""The whole errand in core: find the episode in a real feed, download it with what the feed
carries, and attach it where the window looks."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from player.core.feed import (
    EpisodeClue,
    FeedError,
    NoMatch,
    attach,
    downloads_dir,
    fetch_episode,
    find_in_feed,
)
from player.core.feed.clue import BriefSource
from player.core.formats.registry import load_track
from player.core.formats.sidecars import TimeBase, find_sidecars
from player.core.jobs import Progress, Step
from player.core.storage.database import open_database
from player.core.storage.playstate import PlayStateStore
from tests.core.feed.conftest import namespace_feed
from tests.feed_server import FeedHost

FUTURE = BriefSource(
    episode_id="pc20-future",
    title="Episode 3 - The Future",
    clue=EpisodeClue(title="Episode 3: the future", guest="Dave Jones"),
)


def test_the_episode_its_transcript_chapters_and_art_land_beside_each_other(
    host: FeedHost, audio_bytes: bytes
) -> None:
    url = namespace_feed(host, audio_bytes)
    found = find_in_feed(FUTURE, Progress(), feed_url=url)
    assert found.episode.title == "Episode 3 - The Future" and found.match.sure
    steps: list[Step] = []
    folder = downloads_dir(FUTURE.episode_id)
    fetched = fetch_episode(found.episode, folder, Progress(steps.append))

    audio = folder / "Episode-3-The-Future.wav"
    assert fetched.audio == audio and audio.read_bytes() == audio_bytes
    names = sorted(p.name for p in fetched.extras.files)
    assert names == [
        "Episode-3-The-Future.chapters.json",
        "Episode-3-The-Future.jpg",
        "Episode-3-The-Future.vtt",
    ]
    # The plain-text transcript has no times, so it is not fetched at all.
    assert host.requests_for("/ep3/transcript.txt") == []
    # The existing sidecar pickup finds the transcript and chapters as the audio's own.
    found_cars = find_sidecars(audio, None)
    assert [(c.path.name, c.time_base) for c in found_cars] == [
        ("Episode-3-The-Future.vtt", TimeBase.AUDIO),
        ("Episode-3-The-Future.chapters.json", TimeBase.AUDIO),
    ]
    chapters, problems = load_track(found_cars[1].path)
    assert chapters.items[1].text == "Hearing Aids" and not problems
    # One bar that only goes up, from the feed to the last sidecar.
    fractions = [s.fraction for s in steps if s.fraction is not None]
    assert all(b >= a - 1e-9 for a, b in pairwise(fractions))
    assert fractions[-1] == pytest.approx(1.0)


def test_a_second_fetch_finds_the_file_done(host: FeedHost, audio_bytes: bytes) -> None:
    url = namespace_feed(host, audio_bytes)
    found = find_in_feed(FUTURE, Progress(), feed_url=url)
    folder = downloads_dir(FUTURE.episode_id)
    first = fetch_episode(found.episode, folder, Progress())
    again = fetch_episode(found.episode, folder, Progress())
    assert first.download is not None and again.download is None
    assert len(host.requests_for("/audio/ep3.wav")) == 1
    record = json.loads((folder / "source.json").read_text())
    assert record["guid"].endswith("/ep0003") and record["size"] == len(audio_bytes)


def test_extras_that_fail_are_notes_and_the_audio_still_arrives(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = namespace_feed(host, audio_bytes)
    del host.resources["/ep3_chapters.json"]
    host.put("/episode1/transcript.vtt", "<!doctype html><html>Sign in</html>", "text/html")
    found = find_in_feed(FUTURE, Progress(), feed_url=url)
    fetched = fetch_episode(found.episode, tmp_path, Progress())
    assert fetched.audio.read_bytes() == audio_bytes
    assert [p.suffix for p in fetched.extras.files] == [".jpg"]
    notes = " | ".join(fetched.notes)
    assert "The chapters was not fetched" in notes and "404" in notes
    assert "is a web page, not the transcript" in notes
    assert not list(tmp_path.glob("*.vtt")) and not list(tmp_path.glob("*.part"))


def test_attach_writes_the_record_the_window_reads(tmp_path: Path) -> None:
    audio = tmp_path / "ep.wav"
    audio.write_bytes(b"RIFF")
    with open_database(tmp_path / "notes.db") as db:
        store = PlayStateStore(db)
        store.save("pc20-future", position_ms=61_000)
        attach(store, "pc20-future", audio)
        state = store.get("pc20-future")
    assert state.audio_path == str(audio.resolve())
    assert state.position_ms == 61_000  # the place reached is kept


def test_no_feed_known_and_a_feed_without_episodes(host: FeedHost) -> None:
    with pytest.raises(FeedError, match=r"no feed is known for this brief.*--feed"):
        find_in_feed(FUTURE, Progress())
    empty = host.put("/empty.xml", "<rss><channel><title>Quiet</title></channel></rss>")
    with pytest.raises(NoMatch, match="The feed Quiet lists no episodes"):
        find_in_feed(FUTURE, Progress(), feed_url=empty)
