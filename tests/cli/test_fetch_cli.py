"""``brief-player fetch`` as a listener runs it: the bundled episode's real audio from its
feed (here a local host standing in for the publisher), attached for the window."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.appdirs import data_dir
from player.cli import main
from player.core.storage.database import open_database
from player.core.storage.playstate import PlayStateStore
from tests.feed_server import FeedHost, podcast_rss, serving
from tests.media import make_wav

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "content" / "karpathy-ghosts-not-animals"
KARPATHY = "Andrej Karpathy — “We’re summoning ghosts, not building animals”"


@pytest.fixture
def host() -> Iterator[FeedHost]:
    with serving() as h:
        yield h


@pytest.fixture
def audio(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_wav(tmp_path_factory.mktemp("a") / "k.wav", 40.0, beeps_at=(17.0,)).read_bytes()


def publish(host: FeedHost, audio: bytes, **how) -> str:
    """The show's feed: the Karpathy episode among others, with a transcript and chapters."""
    host.put("/audio/karpathy.wav", audio, "audio/wav", **how)
    host.put("/karpathy.vtt", "WEBVTT\n\n00:00:17.000 --> 00:00:20.000\nghosts\n", "text/vtt")
    host.put("/karpathy-chapters.json", '{"version": "1.2.0", "chapters": [{"startTime": 0}]}')
    items = [
        {"title": "Sarah Paine – How Russia sabotaged China", "guid": "substack:post:3",
         "date": "Fri, 24 Oct 2025 15:00:00 GMT",
         "audio": (host.url("/audio/paine.mp3"), 1000, "audio/mpeg")},
        {"title": KARPATHY, "guid": "substack:post:2", "date": "Fri, 17 Oct 2025 16:00:00 GMT",
         "description": "The Andrej Karpathy episode.",
         "audio": (host.url("/audio/karpathy.wav"), len(audio), "audio/wav"),
         "transcript": (host.url("/karpathy.vtt"), "text/vtt"),
         "chapters": host.url("/karpathy-chapters.json")},
        {"title": "Richard Sutton – LLMs are a dead end", "guid": "substack:post:1",
         "date": "Fri, 26 Sep 2025 15:00:00 GMT",
         "audio": (host.url("/audio/sutton.mp3"), 1000, "audio/mpeg")},
    ]  # fmt: skip
    return host.put("/feed.rss", podcast_rss("Dwarkesh Podcast", items), "application/rss+xml")


@pytest.fixture
def episode(tmp_path: Path) -> Path:
    """The bundled episode, copied so its episode.json can name the local feed."""
    folder = tmp_path / "karpathy-ghosts-not-animals"
    shutil.copytree(BUNDLED, folder)
    return folder


def _name_feed(folder: Path, url: str) -> None:
    meta = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
    meta["feed_url"] = url
    (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")


def _attached(episode_id: str) -> str | None:
    with open_database(data_dir() / "notes.db") as db:
        state = PlayStateStore(db).get(episode_id)
    return state.audio_path if state else None


def test_fetch_downloads_attaches_and_brings_the_sidecars(
    host: FeedHost, audio: bytes, episode: Path, capsys
) -> None:
    _name_feed(episode, publish(host, audio))
    assert main(["fetch", str(episode)]) == 0
    out, err = capsys.readouterr()
    path = Path(out.strip())
    assert path == data_dir() / "downloads" / episode.name / (
        "Andrej-Karpathy-We-re-summoning-ghosts-not-building-animals.wav"
    )
    assert path.read_bytes() == audio
    assert path.with_suffix(".vtt").is_file() and path.with_suffix(".chapters.json").is_file()
    assert f"found: {KARPATHY} (matched by title 1.00, guest named, same day)" in err
    assert "Reading the feed from 127.0.0.1" in err and "100.0 %" in err
    assert f"attached to {episode.name}" in err and "Traceback" not in err
    assert _attached(episode.name) == str(path)
    assert [s.headers["User-Agent"].split("/")[0] for s in host.seen] == ["BriefPlayer"] * 4


def test_list_prints_the_feeds_episodes_best_match_first(
    host: FeedHost, audio: bytes, episode: Path, capsys
) -> None:
    url = publish(host, audio)
    assert main(["fetch", str(episode), "--feed", url, "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"# Dwarkesh Podcast (3 episodes), best match for: {KARPATHY}"
    assert lines[1].split("\t")[1:] == ["2025-10-17", KARPATHY, "substack:post:2"]
    assert len(lines) == 4
    assert host.requests_for("/audio/karpathy.wav") == []  # listing downloads nothing


def test_an_interrupted_fetch_resumes_on_the_next_run(
    host: FeedHost, audio: bytes, episode: Path, capsys
) -> None:
    url = publish(host, audio, drop_after=250_000)
    assert main(["fetch", str(episode), "--feed", url]) == 2
    err = capsys.readouterr().err
    assert "stopped after 250 kB of 640 kB" in err and "Traceback" not in err
    assert _attached(episode.name) is None
    assert main(["fetch", str(episode), "--feed", url]) == 0
    out, err = capsys.readouterr()
    assert "resumed at 250,000 bytes" in err
    assert host.requests_for("/audio/karpathy.wav")[1].headers["Range"] == "bytes=250000-"
    assert Path(out.strip()).read_bytes() == audio


def test_output_folder_and_no_attach(
    host: FeedHost, audio: bytes, episode: Path, tmp_path: Path, capsys
) -> None:
    url = publish(host, audio)
    out_dir = tmp_path / "elsewhere"
    assert main(["fetch", str(episode), "--feed", url, "-o", str(out_dir), "--no-attach"]) == 0
    assert Path(capsys.readouterr().out.strip()).parent == out_dir
    assert _attached(episode.name) is None


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda h: h.put("/page", "<!DOCTYPE html><html></html>", "text/html"), "is a web page"),
        (lambda h: h.put("/page", "Not found, sorry", "text/plain"), "not a podcast feed"),
        (lambda h: h.url("/page"), "404 Not Found"),
        (
            lambda h: h.put("/page", podcast_rss("Other show", [])),
            "The feed Other show lists no episodes",
        ),
    ],
)
def test_bad_feeds_exit_2_with_a_message_and_keep_the_attached_audio(
    host: FeedHost, episode: Path, tmp_path: Path, capsys, setup, message: str
) -> None:
    previous = tmp_path / "mine.opus"
    previous.write_bytes(b"OggS")
    with open_database(data_dir() / "notes.db") as db:
        PlayStateStore(db).save(episode.name, audio_path=str(previous))
    url = setup(host)
    assert main(["fetch", str(episode), "--feed", url]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert _attached(episode.name) == str(previous)


def test_usage_and_brief_errors_exit_2(tmp_path: Path, capsys) -> None:
    loose = tmp_path / "brief.txt"
    loose.write_text('A loose brief\nQuotes\n- At 0:05 - "words"\n', encoding="utf-8")
    assert main(["fetch", str(loose)]) == 2
    assert "no feed is known for this brief" in capsys.readouterr().err
    assert main(["fetch", str(tmp_path / "missing.txt"), "--feed", "http://127.0.0.1:1/"]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert main(["fetch", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
