"""Open, play, seek, quit, start again: the place is kept, however the session ended."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.journeys.conftest import click_seek_bar


def _play_to(qtbot, w, at_least_ms: int) -> None:
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= at_least_ms, timeout=5_000)


def test_quit_with_ctrl_q_while_playing_resumes_there_next_start(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    click_seek_bar(qtbot, w, 0.5)
    qtbot.wait(600)  # listening on from the middle
    reached = w.playback.now_ms()
    assert reached > 16_000
    episode_id = w.episode.id
    session.quit_with_keys()
    assert abs(session.saved_position_ms(episode_id) - reached) < 1_000

    again = session.start()  # no --audio: the file is remembered too
    assert abs(again.playback.now_ms() - reached) < 1_000
    assert again.transport.elapsed_label.text() == _clock(again.playback.now_ms())


def test_closing_the_window_while_playing_keeps_the_place(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    _play_to(qtbot, w, 500)
    w.seek_brief(20_000)
    qtbot.wait(400)
    reached = w.playback.now_ms()
    episode_id = w.episode.id
    w.close()
    session.finish()
    assert abs(session.saved_position_ms(episode_id) - reached) < 1_000
    again = session.start()
    assert abs(again.playback.now_ms() - reached) < 1_000


def _clock(ms: int) -> str:
    from player.core.timefmt import format_ms

    return format_ms(ms)


def _open_in_library(qtbot, session, episode_id: str) -> None:
    w = session.window
    w.action("library").trigger()  # File ▸ Library…
    dialog = session.app().library.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    row = dialog.model.row_of(episode_id)
    assert row is not None, f"{episode_id} is not in the Library"
    dialog.select_row(row)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.episode.id == episode_id, timeout=5_000)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)


def test_switching_episodes_in_the_library_while_playing_keeps_both_places(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    first = w.episode.id
    _play_to(qtbot, w, 300)
    click_seek_bar(qtbot, w, 0.6)
    qtbot.wait(500)
    reached_first = w.playback.now_ms()

    bundled = next(
        item.episode_id for item in _library_items(qtbot, session) if item.episode_id != first
    )
    _open_in_library(qtbot, session, bundled)
    qtbot.wait(300)
    assert abs(session.saved_position_ms(first) - reached_first) < 1_000

    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    w.seek_brief(65_000)
    qtbot.wait(500)
    reached_bundled = w.playback.now_ms()
    _open_in_library(qtbot, session, first)
    qtbot.wait(300)
    assert abs(w.playback.now_ms() - reached_first) < 1_000
    assert abs(session.saved_position_ms(bundled) - reached_bundled) < 1_000

    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    qtbot.wait(300)
    reached_again = w.playback.now_ms()
    session.quit_with_keys()
    assert abs(session.saved_position_ms(first) - reached_again) < 1_000
    assert abs(session.saved_position_ms(bundled) - reached_bundled) < 1_000


def _library_items(qtbot, session):
    session.app().library.show()
    dialog = session.app().library.dialog
    items = dialog.model.items()
    dialog.hide()
    return items
