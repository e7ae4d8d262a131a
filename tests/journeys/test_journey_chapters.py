"""A listener finds their way by chapters, quits, and comes back to the same view of time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.chapters.test_chapters import write_chapters
from tests.ui.conftest import (  # noqa: F401 (the window tests' own settings folder, per test)
    BRIEF,
    _forget_apps,
    isolated_settings,
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open(qtbot, brief, data, audio=None):
    w = open_main_window(brief, audio=audio, data=data)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    return w


def test_chapters_go_to_time_and_the_total_survive_a_restart(qtbot, tmp_path) -> None:
    brief_file = tmp_path / "brief.txt"
    brief_file.write_text(BRIEF, encoding="utf-8")
    audio = make_wav(tmp_path / "long.wav", 20.0, beeps_at=(0, 6, 12))
    write_chapters(audio)
    first = _open(qtbot, brief_file, AppData(tmp_path / "notes.db"), audio)
    qtbot.keyClick(first, Qt.Key.Key_Right, CTRL_SHIFT)  # next chapter
    assert first.playback.now_ms() == 6_000
    assert "The middle part" in app_of(first).chapters.current_button.text()
    qtbot.mouseClick(first.transport.remaining_label, Qt.MouseButton.LeftButton)
    assert first.transport.remaining_label.text() == "0:20"
    first.close()

    second = _open(qtbot, brief_file, AppData(tmp_path / "notes.db"))
    chapters = app_of(second).chapters
    assert chapters.list.count() == 3
    assert second.action("show_total_time").isChecked()
    assert second.transport.remaining_label.text() == "0:20"
    dialog = chapters.go_to_time()
    dialog.edit.setText("13s")
    dialog.accept()
    qtbot.waitUntil(lambda: "Closing words" in chapters.current_button.text())
    second.close()
