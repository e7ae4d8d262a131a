"""An episode whose ``episode.json`` names a feed on a local host, and its window.

The episode comes with stand-in audio (one beep per quote, like the bundled episode's); the
feed offers the "real" recording: another generated WAV, told apart by its length.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.appdirs import data_dir
from player.ui.app_data import AppData
from tests.feed_server import FeedHost, podcast_rss, serving
from tests.media import make_wav
from tests.ui.apps import open_main_window
from tests.ui.conftest import BRIEF

TITLE = "Test Guest — “A short test episode”"
STANDIN_S = 6.0
REAL_S = 9.0
AUDIO_PATH = "/audio/real.wav"


@pytest.fixture
def host() -> Iterator[FeedHost]:
    with serving() as h:
        yield h


@pytest.fixture(scope="session")
def real_audio(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """9 s of WAV (144 kB): long enough to hear the last quote, short enough to fetch fast."""
    folder = tmp_path_factory.mktemp("real")
    return make_wav(folder / "real.wav", REAL_S, freq=330.0, beeps_at=(1, 2, 3, 5)).read_bytes()


def publish(host: FeedHost, audio: bytes, *, extras: bool = False, **how) -> str:
    """The show's feed with this brief's episode between two others; returns its address.

    ``how`` goes to the audio's resource (``drop_after``, ``bytes_per_s``, ...); ``extras``
    adds a transcript, chapters and the episode's art beside it."""
    url = host.put(AUDIO_PATH, audio, "audio/wav", **how)
    ours = {
        "title": TITLE,
        "guid": "test:2",
        "date": "Mon, 06 Oct 2025 10:00:00 GMT",
        "audio": (url, len(audio), "audio/wav"),
    }
    if extras:
        host.put("/real.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nghosts, said twice\n")
        host.put(
            "/real-chapters.json",
            '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Opening"}]}',
        )
        host.put("/art.png", png_bytes(), "image/png")
        ours["transcript"] = (host.url("/real.vtt"), "text/vtt")
        ours["chapters"] = host.url("/real-chapters.json")
        ours["image"] = host.url("/art.png")
    items = [
        {"title": "Another guest on another subject", "guid": "test:3",
         "date": "Mon, 13 Oct 2025 10:00:00 GMT",
         "audio": (host.url("/audio/other.wav"), 1000, "audio/wav")},
        ours,
        {"title": "A third guest, much earlier", "guid": "test:1",
         "date": "Mon, 01 Sep 2025 10:00:00 GMT",
         "audio": (host.url("/audio/third.wav"), 1000, "audio/wav")},
    ]  # fmt: skip
    return host.put("/feed.rss", podcast_rss("Test Show", items), "application/rss+xml")


def png_bytes() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#d97706"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_episode(folder: Path, feed_url: str = "") -> Path:
    """An episode folder: the brief, stand-in audio and an ``episode.json`` naming the feed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    make_wav(folder / "standin.wav", STANDIN_S, beeps_at=(1, 2, 3, 5))
    meta = {
        "title": TITLE,
        "show": "Test Show",
        "published": "2025-10-06",
        "audio": "standin.wav",
        "audio_is_standin": True,
    }
    if feed_url:
        meta["feed_url"] = feed_url
    (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def open_episode_window(qtbot, folder: Path):
    """The window as the command opens it, on the listener's own database in the data folder."""
    window = open_main_window(folder, data=AppData(data_dir() / "notes.db"))
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    qtbot.waitUntil(lambda: window.playback.duration_ms() > 0, timeout=10_000)
    return window
