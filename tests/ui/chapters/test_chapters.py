"""The chapter list, the current chapter by the transport, chapter keys, Go to Time, time left."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.conftest import bare_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": "Opening"},
        {"startTime": 6, "title": "The middle part"},
        {"startTime": 12, "title": "Closing words"},
    ],
}


def write_chapters(audio: Path) -> Path:
    path = audio.with_name(f"{audio.stem}.chapters.json")
    path.write_text(json.dumps(CHAPTERS), encoding="utf-8")
    return path


@pytest.fixture
def chaptered(qtbot, brief_file, tmp_path):
    audio = make_wav(tmp_path / "long.wav", 20.0, beeps_at=(0, 6, 12))
    write_chapters(audio)
    w = bare_window(qtbot, brief_file, audio)
    yield w
    w.playback.stop()


def _list_titles(w) -> list[str]:
    lst = app_of(w).chapters.list
    return [lst.item(i).text().split("   ", 1)[1] for i in range(lst.count())]


def test_the_audio_chapters_are_listed_and_the_current_one_named(qtbot, chaptered) -> None:
    w = chaptered
    assert _list_titles(w) == ["Opening", "The middle part", "Closing words"]
    w.seek_brief(7_500)
    button = app_of(w).chapters.current_button
    qtbot.waitUntil(lambda: "The middle part" in button.text())
    assert button.isVisible()
    assert app_of(w).chapters.list.currentRow() == 1
    assert not app_of(w).chapters.note.isVisible()  # real chapters need no explanation


def test_chapter_keys_jump_to_the_next_and_previous_chapter(qtbot, chaptered) -> None:
    w = chaptered
    w.seek_brief(7_000)
    qtbot.keyClick(w, Qt.Key.Key_Right, CTRL_SHIFT)
    assert w.playback.now_ms() == 12_000
    w.seek_brief(10_000)  # well into "The middle part": back goes to its start
    qtbot.keyClick(w, Qt.Key.Key_Left, CTRL_SHIFT)
    assert w.playback.now_ms() == 6_000
    w.action("previous_chapter").trigger()  # just after a start: the chapter before
    assert w.playback.now_ms() == 0


def test_clicking_a_chapter_plays_from_it(qtbot, chaptered) -> None:
    w = chaptered
    chapters = app_of(w).chapters
    w.action("show_chapters").trigger()
    assert w.side.currentWidget() is chapters.page
    item = chapters.list.item(2)
    rect = chapters.list.visualItemRect(item)
    qtbot.mouseClick(chapters.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(w.playback.is_playing)
    assert w.playback.now_ms() >= 12_000


def test_without_chapters_the_list_is_the_briefs_concepts(qtbot, window) -> None:
    chapters = app_of(window).chapters
    assert chapters.chapters.from_brief
    titles = [chapters.list.item(i).text() for i in range(chapters.list.count())]
    assert any("Ghost Idea" in t for t in titles)
    assert "concepts" in chapters.note.text()


def test_go_to_time_takes_what_people_type(qtbot, window) -> None:
    dialog = app_of(window).chapters.go_to_time()
    qtbot.waitExposed(dialog)
    dialog.edit.setText("5 seconds later")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "1:05:10" in dialog.error.text()
    dialog.edit.setText("0:04")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.playback.now_ms() == 4_000
    assert window.transport.elapsed_label.text() == "0:04"


def test_ctrl_g_opens_go_to_time(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "Go to Time"
    dialog.findChild(type(dialog.edit), "go_to_time").setText("6")
    dialog.accept()
    assert window.playback.now_ms() == 6_000


def test_time_left_counts_at_the_speed_and_a_click_shows_the_total(qtbot, window) -> None:
    label = window.transport.remaining_label
    window.seek_brief(1_000)
    assert label.text() == "-0:06"
    window.playback.set_rate(2.0)
    assert label.text() == "-0:03"
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert label.text() == "0:07"
    assert window.action("show_total_time").isChecked()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert label.text() == "-0:03"


def test_skip_items_say_how_far_they_go(qtbot, window) -> None:
    from player.ui.settings import load_preferences

    names = {a.objectName(): a.text().replace("&", "") for a in window.menus["Playback"].actions()}
    assert names["back"] == "Back 15 s"
    assert names["forward"] == "Forward 30 s"
    assert names["back_small"] == "Back 5 s"
    prefs = load_preferences(window.settings).replace(back_s=10)
    window.apply_preferences(prefs)
    assert window.action("back").text().replace("&", "") == "Back 10 s"
