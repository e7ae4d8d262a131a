"""Reopening an episode picks up where the listener left it."""

from __future__ import annotations

from pathlib import Path

from player.ui.app_data import AppData
from tests.ui.apps import open_main_window
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
