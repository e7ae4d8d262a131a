"""A listener finds their way by chapters, quits, and comes back to the same view of time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.chapters.test_chapters import write_chapters

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_chapters_go_to_time_and_the_total_survive_a_restart(qtbot, tmp_path) -> None:
    brief_file, _ = new_episode(tmp_path)
    audio = make_wav(tmp_path / "long.wav", 20.0, beeps_at=(0, 6, 12))
    write_chapters(audio)
    first = start(qtbot, tmp_path, brief_file, audio)
    qtbot.keyClick(first, Qt.Key.Key_Right, CTRL_SHIFT)  # next chapter
    assert first.playback.now_ms() == 6_000
    assert "The middle part" in app_of(first).chapters.current_button.text()
    qtbot.mouseClick(first.transport.remaining_label, Qt.MouseButton.LeftButton)
    assert first.transport.remaining_label.text() == "0:20"
    first.close()

    second = start(qtbot, tmp_path, brief_file)
    chapters = app_of(second).chapters
    assert chapters.list.count() == 3
    assert second.action("show_total_time").isChecked()
    assert second.transport.remaining_label.text() == "0:20"
    dialog = chapters.go_to_time()
    dialog.edit.setText("13s")
    dialog.accept()
    qtbot.waitUntil(lambda: "Closing words" in chapters.current_button.text())
    second.close()
