"""The whole errand in core: find the episode in a real feed, download it with what the feed
carries, and attach it where the window looks."""

from __future__ import annotations

import json
from dataclasses import replace
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
from player.core.feed.fetch import audio_name
from player.core.feed.reader import Enclosure, FeedEpisode
from player.core.formats.registry import load_track
from player.core.formats.sidecars import TimeBase, find_sidecars
from player.core.jobs import Progress, Step
from player.core.storage.database import open_database
from player.core.storage.playstate import PlayStateStore
from tests.core.feed.conftest import namespace_feed
from tests.feed_server import FeedHost, podcast_rss

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
    assert record["title"] == "Episode 3 - The Future"  # the folder says what it holds


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


def test_a_second_fetch_downloads_again_when_the_publisher_replaced_the_file(
    host: FeedHost, audio_bytes: bytes
) -> None:
    """Same title, same size, a new address: the episode was re-cut, the old file is stale."""
    first = host.put("/v1/ep.wav", audio_bytes, "audio/wav")
    host.put("/feed.xml", _one_episode_feed(first, len(audio_bytes)), "application/rss+xml")
    folder = downloads_dir(FUTURE.episode_id)
    found = find_in_feed(FUTURE, Progress(), feed_url=host.url("/feed.xml"))
    fetch_episode(found.episode, folder, Progress())
    recut = audio_bytes[:44] + audio_bytes[:43:-1]  # the same length, other sound
    second = host.put("/v2/ep.wav", recut, "audio/wav")
    host.put("/feed.xml", _one_episode_feed(second, len(recut)), "application/rss+xml")
    found = find_in_feed(FUTURE, Progress(), feed_url=host.url("/feed.xml"))
    again = fetch_episode(found.episode, folder, Progress())
    assert again.download is not None and again.audio.read_bytes() == recut
    assert json.loads((folder / "source.json").read_text())["enclosure_url"] == second


def _one_episode_feed(audio_url: str, length: int) -> str:
    item = {
        "title": "Episode 3 - The Future",
        "guid": "ep3",
        "date": "Fri, 09 Oct 2020 04:30:38 GMT",
        "description": "Dave Jones on what comes next.",
        "audio": (audio_url, length, "audio/wav"),
    }
    return podcast_rss("Podcasting 2.0", [item])


def test_the_audio_arrives_even_when_its_record_cannot_be_written(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, "audio/wav")
    host.put("/feed.xml", _one_episode_feed(url, len(audio_bytes)), "application/rss+xml")
    (tmp_path / "source.json").mkdir()  # in the way: the record cannot be written
    found = find_in_feed(FUTURE, Progress(), feed_url=host.url("/feed.xml"))
    fetched = fetch_episode(found.episode, tmp_path, Progress())
    assert fetched.audio.read_bytes() == audio_bytes
    assert fetched.episode == found.episode


def test_a_feed_length_other_than_the_servers_is_a_note_for_the_listener(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, "audio/wav")
    host.put("/feed.xml", _one_episode_feed(url, len(audio_bytes) + 999), "application/rss+xml")
    found = find_in_feed(FUTURE, Progress(), feed_url=host.url("/feed.xml"))
    fetched = fetch_episode(found.episode, tmp_path, Progress())
    assert [n for n in fetched.notes if "the feed says" in n]
    assert fetched.audio.name == "Episode-3-The-Future.wav"


def test_an_episode_without_audio_says_so(tmp_path: Path) -> None:
    silent = FeedEpisode(guid="ep9", title="Bonus: show notes only")
    with pytest.raises(NoMatch) as e:
        fetch_episode(silent, tmp_path, Progress())
    assert str(e.value) == "The feed's episode 'Bonus: show notes only' has no audio file."


def test_the_bar_stays_within_its_length_while_the_extras_come(
    host: FeedHost, audio_bytes: bytes
) -> None:
    url = namespace_feed(host, audio_bytes)
    found = find_in_feed(FUTURE, Progress(), feed_url=url)
    steps: list[Step] = []
    fetch_episode(found.episode, downloads_dir(FUTURE.episode_id), Progress(steps.append))
    extras = [s.done for s in steps if s.message.startswith(("Reading", "Saved"))]
    assert extras and all(0.95 <= d <= 1.0 for d in extras)
    assert all(s.done <= 1.0 for s in steps)


def test_a_guid_given_or_known_picks_that_episode(host: FeedHost, audio_bytes: bytes) -> None:
    url = namespace_feed(host, audio_bytes)
    present = "https://example.com/ep0002".replace("https://example.com", host.base)
    found = find_in_feed(FUTURE, Progress(), feed_url=url, guid=present)
    assert found.episode.title == "Episode 2 - The Present"
    assert found.feed.title == "Podcasting 2.0 Namespace Example"
    known = replace(FUTURE, clue=replace(FUTURE.clue, guid=present))
    assert find_in_feed(known, Progress(), feed_url=url).episode.title == "Episode 2 - The Present"


def test_a_guid_the_feed_does_not_have_is_named_with_the_feed(
    host: FeedHost, audio_bytes: bytes
) -> None:
    url = namespace_feed(host, audio_bytes)
    with pytest.raises(NoMatch) as e:
        find_in_feed(FUTURE, Progress(), feed_url=url, guid="nope")
    assert str(e.value) == "No episode in Podcasting 2.0 Namespace Example has the GUID 'nope'."


def test_without_a_feed_the_message_names_the_brief_and_what_to_give() -> None:
    with pytest.raises(FeedError) as e:
        find_in_feed(FUTURE, Progress())
    assert str(e.value) == (
        "Episode 3 - The Future: no feed is known for this brief. "
        "Give the show's feed address (--feed URL)."
    )
    untitled = BriefSource("pc20-untitled", "", EpisodeClue())
    with pytest.raises(FeedError, match=r"^pc20-untitled: no feed is known"):
        find_in_feed(untitled, Progress())


@pytest.mark.parametrize(
    ("title", "url", "mime", "name"),
    [
        (
            "Episode 3 - The Future",
            "https://h.example/a/ep3.MP3?x=1",
            "",
            "Episode-3-The-Future.mp3",
        ),
        (
            "#212: a conversation!",
            "https://h.example/stream?id=5",
            "audio/mpeg",
            "212-a-conversation.mp3",
        ),
        (
            "Interview with Malcolm X",
            "https://h.example/get",
            "AUDIO/X-M4A; codecs=mp4a",
            "Interview-with-Malcolm-X.m4a",
        ),
        ("???", "https://h.example/get", "audio/x-unheard-of", "episode.mp3"),
        ("Raw", "https://h.example/get?id=9", "application/octet-stream", "Raw.mp3"),
        ("Page", "https://h.example/ep", "text/html", "Page.mp3"),
        ("Opus", "https://h.example/get", "audio/ogg", "Opus.oga"),
        ("Tiny", "https://h.example/get", "audio/mp3", "Tiny.mp3"),
        ("A" * 58 + " BC long", "https://h.example/get", "", "A" * 58 + "-B.mp3"),
        ("A" * 59 + " B", "https://h.example/get", "", "A" * 59 + ".mp3"),
        ("#" + "A" * 59 + "BC", "https://h.example/get", "", "A" * 59 + "B.mp3"),
    ],
)
def test_the_audio_file_is_named_after_the_episode_and_its_kind(
    title: str, url: str, mime: str, name: str
) -> None:
    assert audio_name(title, Enclosure(url, None, mime)) == name


@pytest.mark.parametrize(
    ("episode_id", "folder"),
    [
        ("pc20-future", "pc20-future"),
        ("My Show/ep 1&2", "My-Show-ep-1-2"),
        ("..hidden.", "hidden"),
        ("X-ray special", "X-ray-special"),
        ("ep.1_final", "ep.1_final"),
        ("???", "episode"),
    ],
)
def test_each_episode_downloads_into_its_own_folder_in_the_data_folder(
    episode_id: str, folder: str, isolated_home: Path
) -> None:
    assert downloads_dir(episode_id) == isolated_home / "data" / "downloads" / folder
