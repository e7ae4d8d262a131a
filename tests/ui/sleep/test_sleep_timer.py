"""The sleep timer: a countdown by the buttons, a fade that leaves the volume alone, a pause."""

from __future__ import annotations

from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.chapters.test_chapters import write_chapters
from tests.ui.conftest import bare_window


def test_end_of_quote_fades_out_and_pauses_at_the_quotes_end(qtbot, window) -> None:
    sleep = app_of(window).sleep
    window.playback.set_volume(0.8)
    window.seek_brief(3_200)  # the third quote runs until the next one, at 0:05
    window.playback.play()
    window.action("sleep_quote").trigger()
    assert sleep.button.isVisible()
    assert sleep.button.text() == "☾ 0:02"
    qtbot.waitUntil(lambda: window.playback.gain() < 0.9, timeout=5_000)
    assert window.playback.is_playing()
    assert window.playback.volume() == 0.8  # the fade is not the listener's volume
    qtbot.waitUntil(lambda: not window.playback.is_playing(), timeout=5_000)
    assert abs(window.playback.now_ms() - 5_000) < 400
    assert window.playback.gain() == 1.0
    assert not sleep.button.isVisible()
    assert window.action("sleep_off").isChecked()
    assert "Good night" in window.statusBar().currentMessage()


def test_minutes_count_down_only_while_playing(qtbot, window) -> None:
    sleep = app_of(window).sleep
    window.action("sleep_15").trigger()
    assert sleep.button.text() == "☾ 15:00"
    assert window.action("sleep_15").isChecked()
    window.playback.play()
    qtbot.waitUntil(lambda: sleep.button.text() == "☾ 14:59", timeout=3_000)
    window.playback.pause()
    left = sleep.countdown.left_ms(0, 1.0)
    qtbot.wait(400)
    assert sleep.countdown.left_ms(0, 1.0) == left
    window.action("sleep_off").trigger()
    assert not sleep.button.isVisible()
    assert sleep.countdown is None


def test_end_of_chapter_follows_a_seek_into_another_chapter(qtbot, brief_file, tmp_path) -> None:
    audio = make_wav(tmp_path / "long.wav", 20.0, beeps_at=(0, 6, 12))
    write_chapters(audio)
    w = bare_window(qtbot, brief_file, audio)
    sleep = app_of(w).sleep
    w.seek_brief(7_000)
    w.action("sleep_chapter").trigger()
    assert sleep.countdown.end_ms == 12_000
    assert sleep.button.text() == "☾ 0:05"
    w.seek_brief(1_000)
    assert sleep.countdown.end_ms == 6_000
    w.playback.stop()
