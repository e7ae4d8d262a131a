"""Sync points beyond Ctrl+J: points found for a file (the open one or another), what the
Sync Points list says for each, and the status line when a point cannot be made or saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from player.core.storage.syncpoints import audio_key_for
from player.core.timeline import CueKind
from player.ui.app_data import AppData
from tests.core.storage import damage
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.test_tracks import close_window, open_window, select_quote


@pytest.fixture
def data(tmp_path: Path) -> AppData:
    return AppData(tmp_path / "notes.db")


@pytest.fixture
def shifted_audio(tmp_path: Path) -> Path:
    """The brief's quotes (1, 2, 3, 5 s) heard 2 s later, as in a copy with a longer intro."""
    return make_wav(tmp_path / "shifted" / "copy.wav", 9.0, beeps_at=(3, 4, 5, 7))


def _labels(w) -> list[list[str]]:
    table = app_of(w).tracks.sync.show_dialog().table
    return [[table.item(r, c).text() for c in (0, 1, 3)] for r in range(table.rowCount())]


def test_points_found_for_the_open_file_join_its_own_as_one_undo_step(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    sync, key = app_of(w).tracks.sync, audio_key_for(shifted_audio)
    select_quote(w, 0)
    w.playback.seek(3_000)
    w.actions_by_name["sync_here"].trigger()  # 0:01 heard at 0:03
    # Found: 0:02 at 0:04 (kept beside it) and 0:03 heard before 0:03's place... at 0:02.5,
    # which crosses the point set by hand: the found one wins.
    moved = sync.merge_points(shifted_audio, [(3_000, 5_000), (2_000, 2_500)], "Found points")
    assert moved.replaced == 1 and not moved.problem
    assert data.syncpoints.get(key) == [(2_000, 2_500), (3_000, 5_000)]
    assert w.clock.audio_ms_for(3_000) == 5_000  # seeking follows at once
    undo = w.actions_by_name["note_undo"]
    assert undo.text() == "&Undo Found points"
    assert sync.merge_points(shifted_audio, [(3_000, 5_000)], "Again") == (0, "")  # no news
    assert undo.text() == "&Undo Found points"
    undo.trigger()
    assert data.syncpoints.get(key) == [(1_000, 3_000)]
    close_window(w)


def test_points_found_for_another_file_are_kept_with_that_file_beside_its_own(
    qtbot, brief_file: Path, shifted_audio: Path, tmp_path: Path, data
) -> None:
    other = make_wav(tmp_path / "other" / "copy.wav", 9.5, beeps_at=(2, 3, 4))
    data.syncpoints.set_all(audio_key_for(other), [(1_000, 2_000)])
    w = open_window(qtbot, brief_file, shifted_audio, data)
    sync, key = app_of(w).tracks.sync, audio_key_for(shifted_audio)
    select_quote(w, 2)
    w.playback.seek(5_000)
    w.actions_by_name["sync_here"].trigger()  # the open file: 0:03 heard at 0:05
    assert sync.merge_points(other, [(3_000, 4_000)], "Found points").replaced == 0
    assert data.syncpoints.get(audio_key_for(other)) == [(1_000, 2_000), (3_000, 4_000)]
    assert data.syncpoints.get(key) == [(3_000, 5_000)]  # the open file's own are untouched
    assert sync.map.points == ((3_000, 5_000),)
    close_window(w)


def test_an_unreadable_file_is_named_and_nothing_is_saved(
    qtbot, brief_file: Path, shifted_audio: Path, tmp_path: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    gone = tmp_path / "gone.wav"
    merged = app_of(w).tracks.sync.merge_points(gone, [(1_000, 2_000)], "Found points")
    said = "gone.wav: cannot be read (No such file or directory); nothing was saved."
    assert merged == (0, said)
    assert w.statusBar().currentMessage() == said
    close_window(w)


def test_audio_moved_away_takes_no_sync_point(
    qtbot, brief_file: Path, shifted_audio: Path, tmp_path: Path, data
) -> None:
    w = open_window(qtbot, brief_file, tmp_path / "moved-away.wav", data)
    select_quote(w, 0)
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage() == (
        "Attach your audio first: sync points belong to an audio file."
    )
    assert app_of(w).tracks.sync.map.points == ()
    close_window(w)


def test_the_list_names_the_quote_of_each_point_and_nothing_for_a_time_without_one(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    # 0:04 is no quote's time (a point kept from an earlier version of the brief).
    data.syncpoints.set_all(audio_key_for(shifted_audio), [(4_000, 6_000)])
    w = open_window(qtbot, brief_file, shifted_audio, data)
    m = w.pane_model
    concept = next(i for i in range(m.rowCount()) if m.row(i).cue.kind == CueKind.CONCEPT)
    w.pane.setCurrentIndex(m.index(concept))  # the concept lit with the third quote
    w.playback.seek(5_000)
    qtbot.keyClick(w.pane, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert w.statusBar().currentMessage().startswith("Synced: 0:03 in the brief is heard at 0:05")
    assert _labels(w) == [
        ["0:03", "0:05", "Third quote, ghosts again, digital spirits."],
        ["0:04", "0:06", ""],
    ]
    close_window(w)


def test_ctrl_j_on_something_not_a_quote_says_what_to_select(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    m = w.pane_model
    chapter_or_note = next(
        (
            i
            for i in range(m.rowCount())
            if m.row(i).cue.kind not in (CueKind.QUOTE, CueKind.CONCEPT)
        ),
        None,
    )
    w.pane.setCurrentIndex(m.index(-1) if chapter_or_note is None else m.index(chapter_or_note))
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage() == (
        "Select a quote in the brief, play to where it is said, then press Ctrl+J."
    )
    close_window(w)


def test_a_point_that_cannot_be_saved_says_so_and_still_moves_seeking(
    qtbot, brief_file: Path, shifted_audio: Path, tmp_path: Path
) -> None:
    path = damage.with_notes(tmp_path / "notes.db", 1)
    w = open_window(qtbot, brief_file, shifted_audio, AppData(path))
    with damage.held_by_another_process(path):
        select_quote(w, 2)
        w.playback.seek(5_000)
        w.actions_by_name["sync_here"].trigger()
        said = w.statusBar().currentMessage()
    # The point is in force for this listening, and the status line says it was not kept.
    assert said.startswith("Synced: 0:03 in the brief is heard at 0:05 (+2.0 s).")
    assert "Could not save the sync points:" in said and "in use by another program" in said
    assert said.endswith("They hold until the window closes.")
    assert w.clock.audio_ms_for(3_000) == 5_000
    close_window(w)


def test_saved_points_that_contradict_each_other_are_named_and_set_aside(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    # 0:01 heard at 0:05 but 0:03 heard at 0:02: no copy of the episode plays backwards.
    data.syncpoints.set_all(audio_key_for(shifted_audio), [(1_000, 5_000), (3_000, 2_000)])
    w = open_window(qtbot, brief_file, shifted_audio, data)
    assert "Saved sync points contradict each other" in w.statusBar().currentMessage()
    assert w.statusBar().currentMessage().endswith("; ignoring them.")
    assert w.clock.audio_ms_for(3_000) == 3_000
    close_window(w)


def test_the_sync_points_list_stays_above_its_window(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    dialog = app_of(w).tracks.sync.show_dialog()
    assert dialog.isVisible()
    # Its window belongs to the main window's: the desktop keeps it above and closes it with it.
    assert dialog.windowHandle().transientParent() is w.windowHandle()
    close_window(w)
