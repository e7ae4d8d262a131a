"""Attaching the listener's own file: the status line says what changed, the library keeps the
file's length, and the clock says whose time it shows when the file has sync points."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from player.core.library_entries import library_items
from player.core.storage.syncpoints import audio_key_for
from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.test_tracks import close_window, open_window, transcript_tab_shown, write_vtt


@pytest.fixture
def data(tmp_path: Path) -> Iterator[AppData]:
    data = AppData(tmp_path / "notes.db")
    yield data
    data.close()


def _said(w) -> str:
    return w.statusBar().currentMessage()


def test_attaching_says_what_changed_transcript_sync_points_and_length(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path, data: AppData
) -> None:
    write_vtt(audio_file.with_suffix(".vtt"), [(0, 1500, "the stand-in's words")])
    copy = make_wav(tmp_path / "downloads" / "copy.wav", 12.0, beeps_at=(3, 4, 5, 7))
    data.syncpoints.set_all(audio_key_for(copy), [(1_000, 3_000), (5_000, 7_000)])
    w = open_window(qtbot, brief_file, audio_file, data)
    assert transcript_tab_shown(w)

    w.attach_audio(copy)
    qtbot.waitUntil(lambda: "copy.wav" in _said(w), timeout=10_000)
    said = _said(w)
    assert "Now playing copy.wav (0:12)." in said
    assert "transcript no longer applies" in said
    assert "2 sync points for this file" in said
    assert not transcript_tab_shown(w)
    close_window(w)


def test_the_library_lists_the_attached_files_length_not_the_briefs(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path, data: AppData
) -> None:
    w = open_window(qtbot, brief_file, audio_file, data)
    copy = make_wav(tmp_path / "copy.wav", 12.0)
    w.attach_audio(copy)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 11_000, timeout=10_000)
    [item] = library_items([], data.library.list_recent(), data.playstate)
    assert item.length_s is not None and abs(item.length_s - 12.0) < 0.1
    close_window(w)


def test_the_clock_shows_the_brief_time_beside_it_where_the_audio_runs_late(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path, data: AppData
) -> None:
    w = open_window(qtbot, brief_file, audio_file, data)
    label = app_of(w).attach.brief_time
    w.seek_brief(3_000)
    assert label.isHidden()  # the stand-in runs on the brief's own clock
    late = make_wav(tmp_path / "late.wav", 9.0, beeps_at=(3, 4, 5, 7))
    data.syncpoints.set_all(audio_key_for(late), [(1_000, 3_000)])  # this copy runs 2 s late
    w.attach_audio(late)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == "brief 0:03", timeout=5_000)
    assert w.transport.elapsed_label.text() == "0:05"
    assert "audio" in w.transport.elapsed_label.toolTip()
    close_window(w)
