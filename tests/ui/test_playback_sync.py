"""The brief follows real audio: play, seek, speed, scrub, click."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt

from tests.ui.conftest import active_texts


def test_playing_lights_up_each_quote_and_its_concept_in_turn(qtbot, window) -> None:
    window.playback.play()
    qtbot.waitUntil(
        lambda: "First quote about ghosts and spirits." in active_texts(window), timeout=5000
    )
    assert not any("Digital ghosts" in t for t in active_texts(window))
    qtbot.waitUntil(
        lambda: "Second quote on engineering work." in active_texts(window), timeout=5000
    )
    assert "First quote about ghosts and spirits." not in active_texts(window)
    assert window.playback.now_ms() >= 2000
    # The concept the third quote illustrates lights up with it, and goes out after it.
    qtbot.waitUntil(
        lambda: active_texts(window)[:1] == ["Third quote, ghosts again, digital spirits."],
        timeout=5000,
    )
    assert "Digital ghosts that mimic people, not animals." in active_texts(window)
    qtbot.waitUntil(
        lambda: active_texts(window)[:1] == ["Fifth second quote near the end."], timeout=5000
    )
    assert "Digital ghosts that mimic people, not animals." not in active_texts(window)


def test_seek_while_paused_moves_the_highlight_at_once(qtbot, window) -> None:
    assert active_texts(window) == []
    window.seek_brief(3_500)
    assert active_texts(window)[0] == "Third quote, ghosts again, digital spirits."
    window.seek_brief(1_200)
    assert active_texts(window)[0] == "First quote about ghosts and spirits."


def test_at_three_times_speed_the_highlight_keeps_up(qtbot, window) -> None:
    window.playback.set_rate(3.0)
    assert window.transport.speed_button.text() == "3×"
    window.playback.play()
    qtbot.waitUntil(
        lambda: "Fifth second quote near the end." in active_texts(window), timeout=4000
    )
    # 5 s of audio at 3x takes about 1.7 s; the clock agrees with what is lit.
    assert window.playback.now_ms() >= 5000


def test_scrubbing_the_seek_bar_while_paused_moves_the_highlight(qtbot, window) -> None:
    slider = window.transport.seek_slider
    slider.sliderPressed.emit()
    slider.setSliderPosition(2_400)
    slider.sliderMoved.emit(2_400)
    assert active_texts(window)[0] == "Second quote on engineering work."
    assert window.transport.elapsed_label.text() == "0:02"
    slider.sliderReleased.emit()
    assert not window.playback.is_playing()


def test_clicking_a_quote_plays_from_its_moment(qtbot, window) -> None:
    model = window.pane_model
    row = next(i for i in range(model.rowCount()) if model.row(i).body.startswith("Third"))
    rect = window.pane.visualRect(model.index(row))
    qtbot.mouseClick(window.pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    assert 2_900 <= window.playback.now_ms() <= 4_500
    assert active_texts(window)[0] == "Third quote, ghosts again, digital spirits."


def test_enter_on_a_quote_plays_from_its_moment(qtbot, window) -> None:
    model = window.pane_model
    row = next(i for i in range(model.rowCount()) if model.row(i).body.startswith("Fifth"))
    window.pane.setFocus()
    window.pane.setCurrentIndex(model.index(row))
    qtbot.keyClick(window.pane, Qt.Key.Key_Return)
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    assert window.playback.now_ms() >= 4_900


def test_next_and_previous_quote_step_through_the_brief(qtbot, window) -> None:
    window.seek_brief(1_500)
    window.next_cue()
    assert active_texts(window)[0].startswith("Second")
    window.next_cue()
    assert active_texts(window)[0].startswith("Third")
    window.previous_cue()  # within the grace period: goes to the quote before
    assert active_texts(window)[0].startswith("Second")


def test_takeaway_chip_plays_its_linked_moment(qtbot, window) -> None:
    times = window.side.takeaway_model.data(
        window.side.takeaway_model.index(0), Qt.ItemDataRole.UserRole + 1
    )
    assert times, "the takeaway about ghosts is linked to a quote"
    view = window.side.takeaway_view
    rect = view.visualRect(window.side.takeaway_model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    assert abs(window.playback.now_ms() - times[0]) < 1_000


def test_each_change_of_the_lit_quote_is_announced_once(qtbot, window) -> None:
    """Every announcement re-lights the cards and scrolls to them: once per change, not on
    every position report, or the list jumps back each time the listener scrolls away."""
    announced: list[list[str]] = []
    window.clock.active_changed.connect(lambda cues: announced.append([c.text for c in cues]))
    window.playback.play()
    qtbot.waitUntil(lambda: window.playback.now_ms() > 3_400, timeout=6000)
    window.playback.pause()
    assert len(announced) >= 3
    assert all(a != b for a, b in itertools.pairwise(announced)), announced
    assert window.clock.active and window.clock.active[0].text.startswith("Third quote")


def test_marking_a_sync_point_while_listening_keeps_the_highlight_following(qtbot, window) -> None:
    window.playback.play()
    qtbot.waitUntil(
        lambda: "First quote about ghosts and spirits." in active_texts(window), timeout=5000
    )
    window.actions_by_name["sync_here"].trigger()  # the lit quote is heard now
    qtbot.waitUntil(
        lambda: active_texts(window)[:1] == ["Third quote, ghosts again, digital spirits."],
        timeout=5000,
    )
