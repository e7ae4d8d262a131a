"""A newcomer's whole errand with the real episode: open the episode, get the publisher's
recording from the show's feed (a host on 127.0.0.1), listen a little, quit; start the app again
with the host gone: the downloaded audio is the episode's and it resumes where they stopped."""

from __future__ import annotations

from pathlib import Path

from player.appdirs import data_dir
from player.core.feed import downloads_dir
from player.ui.app_data import AppData
from tests.feed_server import serving
from tests.ui.apps import open_main_window
from tests.ui.conftest import active_texts
from tests.ui.feed.conftest import REAL_S, make_episode, publish


def _open(qtbot, folder: Path, data: AppData):
    window = open_main_window(folder, data=data)
    qtbot.addWidget(window)
    window.show()
    return window


def test_get_the_real_episode_quit_and_come_back_to_it(
    qtbot, tmp_path: Path, real_audio: bytes
) -> None:
    with serving() as host:
        folder = make_episode(tmp_path / "test-episode", publish(host, real_audio, extras=True))
        data = AppData(data_dir() / "notes.db")
        first = _open(qtbot, folder, data)
        assert first.playback.source == folder / "standin.wav"
        assert first.header.banner.isVisible()  # "Stand-in audio: …"

        first.action("get_real_episode").trigger()
        qtbot.waitUntil(lambda: first.job_bar.isVisible(), timeout=5_000)
        qtbot.waitUntil(
            lambda: (
                first.playback.source is not None
                and first.playback.source.parent == downloads_dir("test-episode")
            ),
            timeout=20_000,
        )
        fetched = first.playback.source
        first.play_from(5_100)
        qtbot.waitUntil(lambda: first.playback.now_ms() > 5_400, timeout=5_000)
        first.playback.pause()
        stopped_at = first.playback.now_ms()
        first.close()
        data.close()

    # A new start, the host gone: nothing reaches for the network.
    second = _open(qtbot, folder, AppData(data_dir() / "notes.db"))
    assert second.playback.source == fetched
    assert fetched.read_bytes() == real_audio
    assert not second.header.banner.isVisible()
    qtbot.waitUntil(lambda: second.playback.duration_ms() > (REAL_S - 0.5) * 1000, timeout=10_000)
    assert abs(second.playback.now_ms() - stopped_at) < 300
    assert "Fifth second quote near the end." in active_texts(second)
    assert second.header.cover.isVisible()  # the episode's art, saved beside the audio
    second.close()
