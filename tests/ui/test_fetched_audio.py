"""Audio fetched from a feed on the command line is the audio the window opens the brief with,
exactly as if the listener had used Attach Audio."""

from __future__ import annotations

from pathlib import Path

from player.appdirs import data_dir
from player.cli import main
from player.ui.app_data import AppData
from tests.feed_server import podcast_rss, serving
from tests.media import make_wav
from tests.ui.apps import open_main_window


def test_the_window_opens_a_loose_brief_with_the_fetched_audio(
    qtbot, brief_file: Path, tmp_path: Path, capsys
) -> None:
    audio = make_wav(tmp_path / "src.wav", 6.0, beeps_at=(1, 2, 3, 5)).read_bytes()
    with serving() as host:
        host.put("/ep.wav", audio, "audio/wav")
        items = [
            {"title": "Test Guest — “A short test episode”", "guid": "t:1",
             "date": "Mon, 06 Oct 2025 10:00:00 GMT",
             "audio": (host.url("/ep.wav"), len(audio), "audio/wav")},
            {"title": "Another guest on another subject", "guid": "t:0",
             "date": "Mon, 29 Sep 2025 10:00:00 GMT",
             "audio": (host.url("/other.wav"), 10, "audio/wav")},
        ]  # fmt: skip
        feed = host.put("/feed.xml", podcast_rss("Test Show", items))
        assert main(["fetch", str(brief_file), "--feed", feed]) == 0
    fetched = Path(capsys.readouterr().out.strip())
    assert fetched.read_bytes() == audio

    window = open_main_window(brief_file, data=AppData(data_dir() / "notes.db"))
    qtbot.addWidget(window)
    window.show()
    assert window.playback.source == fetched
    qtbot.waitUntil(lambda: window.playback.duration_ms() > 5_000, timeout=10_000)
    window.close()
