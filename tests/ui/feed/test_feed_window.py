"""File ▸ Get the Real Episode… as a listener uses it, against a podcast host on 127.0.0.1:
the feed read, the download in the job bar, the file attached and playing in step; Cancel, a
dropped connection, a missing or wrong feed; listening while it downloads."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from player.core.feed import downloads_dir
from player.ui.settings import PLAY_WHILE_DOWNLOADING, write
from tests.feed_server import FeedHost, podcast_rss
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.conftest import active_texts
from tests.ui.feed.conftest import (
    AUDIO_PATH,
    REAL_S,
    make_episode,
    open_episode_window,
    publish,
)

EPISODE_ID = "test-episode"
DOWNLOAD = 20_000  # ms to wait for a download of a few hundred kB from 127.0.0.1


def _window(qtbot, tmp_path: Path, feed_url: str):
    folder = make_episode(tmp_path / EPISODE_ID, feed_url)
    return open_episode_window(qtbot, folder), folder


def _folder() -> Path:
    return downloads_dir(EPISODE_ID)


def _downloaded(w) -> bool:
    source = w.playback.source
    return source is not None and source.parent == _folder()


def _status(w) -> str:
    return w.statusBar().currentMessage()


def _remembered(w) -> str | None:
    state = app_of(w).data.playstate.get(EPISODE_ID)
    return state.audio_path if state else None


def _get(w) -> None:
    w.action("get_real_episode").trigger()


def _wait_idle(qtbot, w) -> None:
    feed = app_of(w).feed
    qtbot.waitUntil(lambda: feed.downloading is None and feed.reading is None, timeout=DOWNLOAD)


def _plays_in_step(qtbot, w, at_ms: int, quote: str) -> None:
    """Playing from ``at_ms`` lights ``quote``: the window is usable and in step."""
    w.play_from(at_ms)
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=5_000)
    qtbot.waitUntil(lambda: active_texts(w)[:1] == [quote])
    w.playback.stop()


def test_get_the_real_episode_shows_progress_then_plays_it_in_step(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes
) -> None:
    w, folder = _window(qtbot, tmp_path, publish(host, real_audio, bytes_per_s=150_000))
    assert w.playback.source == folder / "standin.wav"
    _get(w)
    bar = w.job_bar
    qtbot.waitUntil(lambda: " kB of 144 kB" in bar.label.text(), timeout=DOWNLOAD)
    assert bar.isVisible() and bar.cancel_button.isVisible()
    assert bar.label.text().startswith("Real episode: Downloading ")
    qtbot.waitUntil(lambda: "kB/s" in bar.label.text(), timeout=DOWNLOAD)  # the rate
    assert 0 < bar.bar.value() < 1000

    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    audio = w.playback.source
    assert audio.read_bytes() == real_audio
    assert not audio.with_name(audio.name + ".part").exists()
    assert _remembered(w) == str(audio)  # the record Attach Audio writes
    assert "The real episode is attached" in _status(w)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > (REAL_S - 0.5) * 1000, timeout=10_000)
    assert not w.header.banner.isVisible()  # no longer the stand-in
    assert app_of(w).align.offer.isVisible()  # finding the quotes in it is one click away

    _plays_in_step(qtbot, w, 3_100, "Third quote, ghosts again, digital spirits.")


def test_cancel_keeps_the_previous_audio_and_a_part_the_next_try_resumes(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes
) -> None:
    w, folder = _window(qtbot, tmp_path, publish(host, real_audio, bytes_per_s=20_000))
    _get(w)
    bar = w.job_bar
    qtbot.waitUntil(lambda: " kB of 144 kB" in bar.label.text(), timeout=DOWNLOAD)
    qtbot.waitUntil(lambda: bar.bar.value() > 100, timeout=DOWNLOAD)
    bar.cancel_button.click()
    _wait_idle(qtbot, w)

    assert w.playback.source == folder / "standin.wav"
    assert _remembered(w) != str(_folder() / "Test-Guest-A-short-test-episode.wav")
    assert "Download stopped" in _status(w)
    parts = list(_folder().glob("*.part"))
    assert len(parts) == 1
    kept = parts[0].stat().st_size
    assert 0 < kept < len(real_audio)

    host.put(AUDIO_PATH, real_audio, "audio/wav")  # the connection is fast again
    _get(w)
    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    assert w.playback.source.read_bytes() == real_audio
    assert host.requests_for(AUDIO_PATH)[-1].headers.get("Range") == f"bytes={kept}-"


def test_a_dropped_connection_says_so_and_the_next_try_resumes(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes
) -> None:
    w, folder = _window(qtbot, tmp_path, publish(host, real_audio, drop_after=50_000))
    _get(w)
    _wait_idle(qtbot, w)
    message = w.job_bar.label.text()
    assert message.startswith("Real episode failed: The download from 127.0.0.1 stopped after")
    assert "try again to resume" in message
    assert w.playback.source == folder / "standin.wav"

    _get(w)  # the server drops only once
    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    assert w.playback.source.read_bytes() == real_audio
    assert host.requests_for(AUDIO_PATH)[-1].headers.get("Range") == "bytes=50000-"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "has nothing at that address (404 Not Found)"),
        ("web page", "is a web page, not a podcast feed"),
        ("offline", "Could not reach 127.0.0.1: the connection was refused"),
        ("no match", "No episode of Test Show looks like this brief"),
    ],
)
def test_a_feed_that_fails_says_why_and_the_window_stays_usable(
    qtbot, tmp_path: Path, host: FeedHost, case: str, expected: str
) -> None:
    others = [
        {"title": "Someone else entirely", "guid": "x:1", "date": "Mon, 01 Jan 2024 10:00:00 GMT",
         "audio": (host.url("/x.wav"), 10, "audio/wav")},
    ]  # fmt: skip
    url = {
        "missing": host.url("/nothing.rss"),
        "web page": host.put("/show", "<!DOCTYPE html><html><body>Show</body></html>", "text/html"),
        "offline": f"http://127.0.0.1:{_closed_port()}/feed.rss",
        "no match": host.put("/feed.rss", podcast_rss("Test Show", others)),
    }[case]
    w, folder = _window(qtbot, tmp_path, url)
    _get(w)
    _wait_idle(qtbot, w)
    shown = w.job_bar.label.text() + " " + _status(w)
    dialog = app_of(w).feed.dialog
    if case == "no match":  # the feed's episodes are offered, in case the listener knows
        assert dialog is not None and dialog.isVisible()
        assert expected in dialog.message.text()
        assert dialog.model.rowCount() == 1
        dialog.reject()
    else:
        assert dialog is None
    assert expected in shown
    assert not _folder().exists()  # nothing was downloaded

    assert w.playback.source == folder / "standin.wav"
    _plays_in_step(qtbot, w, 2_100, "Second quote on engineering work.")


def test_two_likely_episodes_are_offered_and_the_one_picked_is_fetched(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes
) -> None:
    url = host.put(AUDIO_PATH, real_audio, "audio/wav")
    items = [
        {"title": "Test Guest — “A short test episode” (encore)", "guid": "t:encore",
         "date": "Tue, 07 Oct 2025 10:00:00 GMT",
         "audio": (host.url("/encore.wav"), 9, "audio/wav")},
        {"title": "Test Guest — “A short test episode”", "guid": "t:first",
         "date": "Mon, 06 Oct 2025 10:00:00 GMT", "audio": (url, len(real_audio), "audio/wav")},
    ]  # fmt: skip
    w, _ = _window(qtbot, tmp_path, host.put("/feed.rss", podcast_rss("Test Show", items)))
    _get(w)
    feed = app_of(w).feed
    qtbot.waitUntil(lambda: feed.dialog is not None and feed.dialog.isVisible(), timeout=DOWNLOAD)
    dialog = feed.dialog
    assert "More than one episode could be this brief's" in dialog.message.text()
    titles = [dialog.model.episode(r).title for r in range(dialog.model.rowCount())]
    assert titles[0] == "Test Guest — “A short test episode”"  # the best match first
    assert dialog.download_button.isEnabled()  # the best is selected
    dialog.download_button.click()
    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    assert w.playback.source.read_bytes() == real_audio
    assert not dialog.isVisible()


def test_find_this_episode_in_a_feed_for_a_loose_brief(
    qtbot, brief_file: Path, host: FeedHost, real_audio: bytes
) -> None:
    from player.ui.app_data import AppData
    from tests.ui.apps import open_main_window

    url = publish(host, real_audio)
    w = open_main_window(brief_file, data=AppData(memory=True))
    qtbot.addWidget(w)
    w.show()
    assert w.playback.source is None
    w.action("find_in_feed").trigger()
    dialog = app_of(w).feed.dialog
    assert dialog.isVisible() and dialog.url.text() == ""
    assert not dialog.download_button.isEnabled()
    dialog.url.setText(url)
    dialog.list_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=DOWNLOAD)
    assert "Test Show: 3 episodes" in dialog.message.text()
    first = dialog.model.index(0)
    assert dialog.model.data(first).startswith("Test Guest — “A short test episode”\n2025-10-06")
    dialog.view.doubleClicked.emit(first)
    folder = downloads_dir(w.episode.id)
    qtbot.waitUntil(
        lambda: w.playback.source is not None and w.playback.source.parent == folder,
        timeout=DOWNLOAD,
    )
    assert w.playback.source.read_bytes() == real_audio
    state = app_of(w).data.playstate.get(w.episode.id)
    assert state is not None and state.audio_path == str(w.playback.source)


def test_what_the_feed_carries_shows_as_transcript_chapters_and_cover(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes
) -> None:
    w, _ = _window(qtbot, tmp_path, publish(host, real_audio, extras=True))
    assert not w.header.cover.isVisible()  # the stand-in has no cover
    _get(w)
    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    stem = w.playback.source.stem
    saved = sorted(p.name for p in _folder().iterdir() if p.name.startswith(stem))
    assert saved == [f"{stem}{s}" for s in (".chapters.json", ".png", ".vtt", ".wav")]
    assert w.header.cover.isVisible()
    assert w.header.cover.pixmap().toImage().pixelColor(16, 16).name() == "#d97706"
    tracks = app_of(w).tracks
    assert [tracks.model.cue(r).text for r in range(tracks.model.rowCount())] == [
        "ghosts, said twice"
    ]
    assert "Saved beside it" in _status(w)


@pytest.fixture(scope="module")
def long_audio(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """20 s (320 kB) for a slow line of 40 kB/s: Qt starts playing after its first 110 kB or
    so, about 3 s in, and the file is complete after 8 s."""
    folder = tmp_path_factory.mktemp("long")
    return make_wav(folder / "long.wav", 20.0, freq=330.0, beeps_at=(1, 2, 3, 5)).read_bytes()


def test_listening_while_it_downloads_then_the_file_at_the_same_moment(
    qtbot, tmp_path: Path, host: FeedHost, long_audio: bytes
) -> None:
    w, _ = _window(qtbot, tmp_path, publish(host, long_audio, bytes_per_s=40_000))
    write(w.settings, PLAY_WHILE_DOWNLOADING, True)
    stream_url = host.url(AUDIO_PATH)
    heard: list[int] = []
    w.playback.position_changed.connect(
        lambda ms: heard.append(ms) if w.playback.streaming else None
    )
    switched: list[tuple[int, int]] = []  # (last stream position, file position at the switch)
    w.audio_attached.connect(lambda _p: switched.append((max(heard), w.playback.now_ms())))
    _get(w)
    feed = app_of(w).feed
    qtbot.waitUntil(lambda: w.playback.streaming == stream_url, timeout=DOWNLOAD)
    assert w.playback.source is None  # nothing remembers the address as the audio
    qtbot.waitUntil(lambda: bool(heard) and heard[-1] > 800, timeout=10_000)
    assert feed.downloading is not None  # heard while the file was still arriving
    assert w.job_bar.isVisible()

    qtbot.waitUntil(lambda: _downloaded(w), timeout=DOWNLOAD)
    assert w.playback.streaming is None
    stream_ms, file_ms = switched[0]
    assert abs(file_ms - stream_ms) < 600  # the same moment, give or take one report
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=5_000)
    qtbot.waitUntil(lambda: w.playback.now_ms() > file_ms + 300, timeout=5_000)
    assert _remembered(w) == str(w.playback.source)
    w.playback.stop()


def test_cancel_while_listening_goes_back_to_the_previous_audio(
    qtbot, tmp_path: Path, host: FeedHost, long_audio: bytes
) -> None:
    w, folder = _window(qtbot, tmp_path, publish(host, long_audio, bytes_per_s=40_000))
    write(w.settings, PLAY_WHILE_DOWNLOADING, True)
    _get(w)
    qtbot.waitUntil(lambda: w.playback.streaming is not None, timeout=DOWNLOAD)
    qtbot.waitUntil(lambda: w.playback.now_ms() > 1_500, timeout=10_000)
    w.job_bar.cancel_button.click()
    _wait_idle(qtbot, w)
    assert w.playback.streaming is None
    assert w.playback.source == folder / "standin.wav"
    assert w.header.banner.isVisible()  # the stand-in's notice is back
    assert w.playback.now_ms() > 1_400  # where the listener was
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=5_000)  # and still listening
    w.playback.stop()


def test_a_download_that_ends_after_another_brief_is_opened_is_kept_for_its_own_episode(
    qtbot, tmp_path: Path, host: FeedHost, real_audio: bytes, brief_file: Path
) -> None:
    w, _ = _window(qtbot, tmp_path, publish(host, real_audio, bytes_per_s=60_000))
    _get(w)
    qtbot.waitUntil(lambda: " kB of 144 kB" in w.job_bar.label.text(), timeout=DOWNLOAD)
    w.open_brief_file(brief_file)  # the listener moves on while it downloads
    other = w.episode.id
    assert other != EPISODE_ID
    _wait_idle(qtbot, w)
    assert w.episode.id == other
    assert w.playback.source is None  # the loose brief did not get this episode's audio
    assert "plays when you open its episode again" in _status(w)
    qtbot.waitUntil(lambda: _remembered(w) is not None, timeout=5_000)
    assert Path(_remembered(w)).read_bytes() == real_audio
