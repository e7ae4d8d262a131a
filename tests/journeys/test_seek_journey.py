"""The seek bar and the strip under it, clicked and hovered in a session that is then resumed."""

from __future__ import annotations

from tests.journeys.conftest import AUDIO_S, click_seek_bar
from tests.ui.test_seek_bar import _groove_x, _move, _tooltip_at


def test_click_the_bar_hover_the_markers_quit_and_come_back_there(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    slider, strip = w.transport.seek_slider, w.strip
    # Hovering says where a click would go, and which quote a marker stands for.
    _move(slider, _groove_x(slider, 0.1))
    assert _tooltip_at(slider, _groove_x(slider, 24.5 / AUDIO_S)) == "0:24"
    _move(strip, round(strip.x_for(15_000)))
    tip = _tooltip_at(strip, round(strip.x_for(20_000)))
    assert "Fourth quote about animals" in tip and "0:20" in tip

    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    click_seek_bar(qtbot, w, 24.5 / AUDIO_S)  # a click on the groove, not a drag of the handle
    assert abs(w.playback.now_ms() - 24_500) < 500
    qtbot.wait(500)
    assert w.playback.now_ms() >= 24_000  # play carries on from the click, no jump back
    assert slider.position_ms() >= 24_000
    reached = w.playback.now_ms()
    episode_id = w.episode.id
    session.quit_with_keys()

    again = session.start()
    assert abs(again.playback.now_ms() - reached) < 1_000
    assert abs(session.saved_position_ms(episode_id) - reached) < 1_000
    assert again.transport.seek_slider.position_ms() >= 23_000
