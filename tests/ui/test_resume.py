"""Reopening an episode picks up where the listener left it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import active_texts


def _open(qtbot, brief: Path, data: AppData, audio: Path | None = None):
    w = open_main_window(brief, audio=audio, data=data)
    qtbot.addWidget(w)
    w.show()
    return w


def test_position_speed_volume_and_audio_come_back(qtbot, brief_file, audio_file, tmp_path) -> None:
    data = AppData(tmp_path / "notes.db")
    first = _open(qtbot, brief_file, data, audio=audio_file)
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=10_000)
    first.playback.set_rate(1.5)
    first.playback.set_volume(0.4)
    first.seek_brief(3_300)
    first.close()
    data.close()  # as the app does on its way out: what is queued is written

    # A new process would open the same file: reopen the database too.
    data2 = AppData(tmp_path / "notes.db")
    second = _open(qtbot, brief_file, data2)  # no --audio: the attached file is remembered
    assert second.playback.source == audio_file
    qtbot.waitUntil(lambda: second.playback.duration_ms() > 0, timeout=10_000)
    assert abs(second.playback.now_ms() - 3_300) < 200
    assert second.playback.rate() == 1.5
    assert abs(second.playback.volume() - 0.4) < 0.01
    assert active_texts(second)[0].startswith("Third quote")
    assert second.transport.speed_button.text() == "1.5×"


def test_a_pause_then_quit_resumes_where_it_was_paused(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    """Releasing the player at close stops it at 0:00: neither that stop nor the save still
    pending after a seek may take the place of the one reached."""
    data = AppData(tmp_path / "notes.db")
    first = _open(qtbot, brief_file, data, audio=audio_file)
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=10_000)
    first.play_from(3_000)
    qtbot.waitUntil(lambda: first.playback.now_ms() > 3_300, timeout=5_000)
    first.playback.pause()
    paused_at = first.playback.now_ms()
    first.close()  # within the 400 ms a seek waits before it is saved
    data.close()

    second = _open(qtbot, brief_file, AppData(tmp_path / "notes.db"))
    qtbot.waitUntil(lambda: second.playback.duration_ms() > 0, timeout=10_000)
    assert abs(second.playback.now_ms() - paused_at) < 200


def test_window_size_and_panel_layout_come_back(qtbot, brief_file, audio_file, tmp_path) -> None:
    data = AppData(tmp_path / "notes.db")
    first = _open(qtbot, brief_file, data, audio=audio_file)
    first.resize(900, 640)
    first.splitter.setSizes([600, 300])
    first.side.setCurrentIndex(2)
    sizes = first.splitter.sizes()
    first.close()
    second = _open(qtbot, brief_file, data)
    assert second.side.currentIndex() == 2
    assert (second.width(), second.height()) == (900, 640)
    assert abs(second.splitter.sizes()[0] - sizes[0]) <= 2


def _loaded_with_saved_place(qtbot, brief_file, audio_file, tmp_path):
    """A window with its audio loaded, and a reader of the place its database holds now (-1
    for none), as the next start would find it after a crash."""
    data = AppData(tmp_path / "notes.db")
    w = _open(qtbot, brief_file, data, audio=audio_file)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    episode = app_of(w).resume.episode_id

    def saved_at() -> int:
        state = data.playstate.get(episode)
        return state.position_ms if state else -1

    return w, saved_at


def test_a_seek_while_paused_is_kept_even_if_the_app_never_closes(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    """A crash or a power cut after moving the playhead still resumes at the new place."""
    w, saved_at = _loaded_with_saved_place(qtbot, brief_file, audio_file, tmp_path)
    w.seek_brief(4_200)
    qtbot.waitUntil(lambda: abs(saved_at() - 4_200) < 200, timeout=3_000)


def test_muting_comes_back_and_the_copys_length_is_kept_for_the_library(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    data = AppData(tmp_path / "notes.db")
    first = _open(qtbot, brief_file, data, audio=audio_file)
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=10_000)
    first.playback.set_muted(True)
    episode = app_of(first).resume.episode_id
    first.close()
    data.close()

    data2 = AppData(tmp_path / "notes.db")
    state = data2.playstate.get(episode)
    assert state is not None and abs(state.audio_length_ms - 7_000) < 100
    second = _open(qtbot, brief_file, data2)
    assert second.playback.is_muted()
    second.playback.set_muted(False)
    second.close()
    data2.close()
    third = _open(qtbot, brief_file, AppData(tmp_path / "notes.db"))
    assert not third.playback.is_muted()


def test_an_episode_without_a_copy_of_its_own_keeps_its_place_and_no_length(
    qtbot, brief_file, tmp_path
) -> None:
    """Opening a brief whose audio is not there must not write 0:00 over the saved place."""
    data = AppData(tmp_path / "notes.db")
    w = _open(qtbot, brief_file, data)
    keeper = app_of(w).resume
    episode = keeper.episode_id
    data.playstate.save(episode, position_ms=61_000)
    keeper.save_position()
    w.close()
    data.close()
    state = AppData(tmp_path / "notes.db").playstate.get(episode)
    assert state is not None and state.position_ms == 61_000 and state.audio_length_ms is None


def test_a_pause_is_kept_even_if_the_app_never_closes(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    """A crash after pausing resumes where the pause was, not where playing started."""
    w, saved_at = _loaded_with_saved_place(qtbot, brief_file, audio_file, tmp_path)
    w.play_from(3_000)
    qtbot.waitUntil(lambda: w.playback.now_ms() > 3_900, timeout=5_000)
    w.playback.pause()
    paused_at = w.playback.now_ms()
    qtbot.waitUntil(lambda: abs(saved_at() - paused_at) < 100, timeout=3_000)


def test_a_place_that_cannot_be_read_opens_the_episode_at_its_start(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    """Another program breaks the notes file while the window is open: the next episode
    opened starts at its beginning instead of the window failing."""
    data = AppData(tmp_path / "notes.db")
    w = _open(qtbot, brief_file, data, audio=audio_file)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    w.seek_brief(4_200)
    other = sqlite3.connect(tmp_path / "notes.db")
    other.execute("DROP TABLE playstate")
    other.commit()
    other.close()
    app_of(w).open_and_resume(w.episode)
    assert w.playback.now_ms() == 0
    assert w.episode is not None and app_of(w).resume.episode_id == w.episode.id
