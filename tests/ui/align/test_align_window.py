"""Finding the quotes from the window: run, check, accept, undo; cancel and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from player.core.align import Status, find_quotes
from player.core.align.run import AUDIO, brief_key
from player.core.brief.parser import load_any
from player.core.storage.alignments import AlignmentStore
from player.core.storage.database import open_memory
from player.core.storage.syncpoints import audio_key_for
from player.ui.app_data import AppData
from tests.core.align.speech_audio import SENTENCES
from tests.core.storage import damage
from tests.ui.align.speech_episode import TRUE_S, WRITTEN_S, copy_with_ad, write_brief
from tests.ui.apps import app_of
from tests.ui.conftest import active_texts
from tests.ui.test_tracks import open_window as open_tracks_window

SEARCH_MS = 90_000  # a real decode of 40 s of speech, on a busy 2-core machine


@pytest.fixture(scope="module")
def episode(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("align-window")
    return write_brief(folder / "episode"), copy_with_ad(folder / "audio")


@pytest.fixture(scope="module")
def earlier_search(episode) -> list:
    """The stored rows of one real search of the copy, as an earlier run would have left them."""
    brief_path, copy = episode
    brief = load_any(brief_path).brief
    store = AlignmentStore(open_memory())
    find_quotes(brief, copy, store=store, workers=1)
    rows = store.get(audio_key_for(copy), brief_key(brief), AUDIO)
    assert rows is not None
    return rows


def open_window(qtbot, brief: Path, audio: Path | None, data: AppData | None = None):
    return open_tracks_window(qtbot, brief, audio, data or AppData(memory=True))


def seeded_window(qtbot, episode, earlier_search):
    """A window on the copy whose search is already in the cache (no decode)."""
    brief_path, copy = episode
    w = open_window(qtbot, brief_path, copy)
    key = audio_key_for(copy)
    AlignmentStore(app_of(w).data.db).put(key, brief_key(w.episode.brief), AUDIO, earlier_search)
    return w


def run_to_dialog(qtbot, w):
    ctl = app_of(w).align
    ctl.dialog = None
    w.action("find_quotes").trigger()
    qtbot.waitUntil(lambda: ctl.dialog is not None and ctl.dialog.isVisible(), timeout=SEARCH_MS)
    return ctl.dialog


def points(w) -> list[tuple[int, int]]:
    return list(app_of(w).tracks.sync.map.points)


def lit(w, n: int) -> bool:
    return any(SENTENCES[n][:20] in t for t in active_texts(w))


def test_found_quotes_light_up_at_their_shifted_time_once_accepted(qtbot, episode) -> None:
    brief_path, copy = episode
    w = open_window(qtbot, brief_path, copy)
    last = round(TRUE_S[2] * 1000)
    w.playback.seek(last - 1500)  # before the third quote is said in the copy
    qtbot.waitUntil(lambda: lit(w, 2), timeout=3_000)  # the brief's time says it already is

    dialog = run_to_dialog(qtbot, w)
    model = dialog.model
    assert [q.status for q in model.quotes] == [Status.FOUND] * 3
    for q, truth in zip(model.quotes, TRUE_S, strict=True):
        assert abs(q.found_ms - truth * 1000) < 1000
    assert model.index(1, 2).data().startswith("+9.")  # the shift column shows the ad's length
    assert "3 of 3 quotes found" in dialog.intro.text()

    # Hear a few seconds around the second find before accepting.
    dialog.select_row(1)
    qtbot.mouseClick(dialog.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=5_000)
    assert abs(w.playback.now_ms() - (model.quotes[1].found_ms - 2000)) < 1500
    w.playback.pause()

    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert points(w) == [
        (round(t * 1000), q.found_ms) for t, q in zip(WRITTEN_S, model.quotes, strict=True)
    ]
    assert "Ctrl+Z undoes" in w.statusBar().currentMessage()

    # Playing the copy, the third quote lights up when it is said, not 9 s before.
    found = model.quotes[2].found_ms
    w.playback.seek(found - 1500)
    w.playback.play()
    qtbot.waitUntil(lambda: lit(w, 1) and not lit(w, 2), timeout=3_000)
    qtbot.waitUntil(lambda: lit(w, 2), timeout=5_000)
    assert w.playback.now_ms() >= found - 400
    w.playback.pause()

    # A second run on the same file answers from the stored search: nothing is decoded again.
    again = run_to_dialog(qtbot, w)
    assert app_of(w).align.last.stats["cached"] == 1.0
    assert "earlier search" in again.intro.text()
    again.close()
    w.playback.stop()


def test_undo_takes_the_accepted_points_away(qtbot, episode, earlier_search) -> None:
    w = seeded_window(qtbot, episode, earlier_search)
    dialog = run_to_dialog(qtbot, w)
    dialog.accept()
    assert len(points(w)) == 3
    w.activateWindow()  # the dialog had the keyboard; closing it hands it back
    qtbot.waitUntil(w.isActiveWindow, timeout=3_000)
    w.pane.setFocus()
    qtbot.keyClick(w.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert points(w) == []
    stored = app_of(w).data.syncpoints.get(audio_key_for(episode[1]))
    assert list(stored) == []
    w.seek_brief(round(WRITTEN_S[2] * 1000))
    assert abs(w.playback.now_ms() - WRITTEN_S[2] * 1000) < 300  # back at the written time
    w.playback.stop()


def test_a_rejected_quote_stays_where_it_was(qtbot, episode, earlier_search) -> None:
    w = seeded_window(qtbot, episode, earlier_search)
    dialog = run_to_dialog(qtbot, w)
    dialog.select_row(1)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert dialog.accept_button.text().replace("&", "") == "Accept 2 of 3"
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    second, third = round(WRITTEN_S[1] * 1000), round(WRITTEN_S[2] * 1000)
    written = [b for b, _ in points(w)]
    assert second not in written and third in written
    sync = app_of(w).tracks.sync.map
    assert abs(sync.to_audio(second) - second) < 1000  # unmoved: still at its written time
    assert abs(sync.to_audio(third) - TRUE_S[2] * 1000) < 1000
    w.playback.stop()


def test_a_manual_sync_point_stays_unless_a_found_quote_disagrees(
    qtbot, episode, earlier_search
) -> None:
    brief_path, copy = episode
    data = AppData(memory=True)
    manual_ok, crossing = (5_000, 5_100), (20_000, 20_000)  # the second crosses the 3rd quote
    data.syncpoints.set_all(audio_key_for(copy), [manual_ok, crossing])
    w = open_window(qtbot, brief_path, copy, data)
    key = audio_key_for(copy)
    AlignmentStore(data.db).put(key, brief_key(w.episode.brief), AUDIO, earlier_search)
    run_to_dialog(qtbot, w).accept()
    assert manual_ok in points(w) and crossing not in points(w)
    assert len(points(w)) == 4
    assert "1 earlier sync point disagreed" in w.statusBar().currentMessage()
    w.playback.stop()


def test_cancel_mid_search_keeps_the_old_sync_points(qtbot, episode) -> None:
    brief_path, copy = episode
    data = AppData(memory=True)
    data.syncpoints.set_all(audio_key_for(copy), [(1000, 1500)])
    w = open_window(qtbot, brief_path, copy, data)
    ctl = app_of(w).align
    ctl.workers = 1
    w.action("find_quotes").trigger()
    bar = w.job_bar
    qtbot.waitUntil(lambda: bar.isVisible() and ctl.job.step is not None, timeout=SEARCH_MS)
    assert bar.label.text().startswith("Find quotes")
    w.playback.play()  # the window still plays while it searches
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=5_000)
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ctl.job.running, timeout=SEARCH_MS)
    qtbot.wait(100)
    assert ctl.dialog is None
    assert points(w) == [(1000, 1500)]
    assert list(data.syncpoints.get(audio_key_for(copy))) == [(1000, 1500)]
    w.playback.stop()


def failed_search(qtbot, w) -> str:
    w.action("find_quotes").trigger()
    bar = w.job_bar
    qtbot.waitUntil(lambda: "failed" in bar.label.text(), timeout=SEARCH_MS)
    assert app_of(w).align.dialog is None
    assert "Traceback" not in bar.label.text()
    return bar.label.text()


def test_an_empty_file_fails_with_a_message_and_writes_nothing(qtbot, episode, tmp_path) -> None:
    brief_path, _copy = episode
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    w = open_window(qtbot, brief_path, None)
    w.attach_audio(empty)
    message = failed_search(qtbot, w)
    assert message == f"Find quotes failed: {empty}: the file is empty (0 bytes)."
    assert points(w) == []
    assert w.statusBar().currentMessage() == message
    assert w.action("find_quotes").isEnabled()


def test_silence_fails_with_a_message(qtbot, episode, tmp_path) -> None:
    from tests.core.align.speech_audio import compose

    w = open_window(qtbot, episode[0], compose(tmp_path / "silence.wav", [], 30.0))
    app_of(w).align.workers = 1
    assert "silent where the quotes should be" in failed_search(qtbot, w)
    assert points(w) == []
    w.playback.stop()


def test_a_brief_without_quotes_fails_with_a_message(qtbot, episode, tmp_path) -> None:
    brief = tmp_path / "no-quotes.txt"
    brief.write_text(
        "Test Guest — “Nothing to quote”\nJust a summary.\nTakeaways\n- Nothing quoted.\n",
        encoding="utf-8",
    )
    w = open_window(qtbot, brief, episode[1])
    assert failed_search(qtbot, w) == "Find quotes failed: The brief has no quotes to look for."
    w.playback.stop()


def test_the_copy_s_own_transcript_is_used_when_there_is_one(qtbot, episode, tmp_path) -> None:
    brief_path, copy = episode
    vtt = tmp_path / "copy.vtt"
    cues = [
        f"00:00:{t:06.3f} --> 00:00:{t + 4:06.3f}\n{s}\n"
        for t, s in zip(TRUE_S, SENTENCES, strict=True)
    ]
    vtt.write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")
    w = open_window(qtbot, brief_path, copy)
    assert app_of(w).tracks.open_track_file(vtt)
    dialog = run_to_dialog(qtbot, w)
    assert app_of(w).align.last.source == "transcript"
    assert "found in its transcript" in dialog.intro.text()
    founds = [q.found_ms for q in dialog.model.quotes]
    assert all(abs(f - t * 1000) < 300 for f, t in zip(founds, TRUE_S, strict=True))
    dialog.accept()
    assert [a for _, a in points(w)] == founds
    w.playback.stop()


def test_attaching_your_own_copy_offers_the_search(qtbot, episode) -> None:
    brief_path, copy = episode
    w = open_window(qtbot, brief_path, None)
    offer = app_of(w).align.offer
    assert not offer.isVisible()
    w.attach_audio(copy)
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=3_000)
    assert copy.name in offer.label.text()
    qtbot.mouseClick(offer.dismiss_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    assert app_of(w).align.dialog is None  # nothing ran by itself
    w.playback.stop()


def test_the_bundled_stand_in_is_not_searched(qtbot) -> None:
    w = open_window(qtbot, None, None)  # the bundled episode, on its stand-in audio
    stand_in = w.episode.audio_path
    assert w.episode.audio_is_standin and w.playback.source == stand_in
    w.attach_audio(stand_in)
    qtbot.wait(50)
    assert not app_of(w).align.offer.isVisible()
    assert app_of(w).align.find() is None
    assert "stand-in" in w.statusBar().currentMessage()
    assert not w.job_bar.isVisible()
    w.playback.stop()


def test_accepted_quotes_that_cannot_be_saved_say_so_instead_of_done(
    qtbot, episode, earlier_search, tmp_path
) -> None:
    brief_path, copy = episode
    path = damage.with_notes(tmp_path / "notes.db", 1)
    w = open_window(qtbot, brief_path, copy, AppData(path))
    AlignmentStore(app_of(w).data.db).put(
        audio_key_for(copy), brief_key(w.episode.brief), AUDIO, earlier_search
    )
    dialog = run_to_dialog(qtbot, w)
    with damage.held_by_another_process(path):
        dialog.accept()
        said = w.statusBar().currentMessage()
    # In force for this listening, and the listener is told they will not be kept.
    assert "Could not save the sync points:" in said and "in use by another program" in said
    assert said.endswith("They hold until the window closes.")
    assert "now in step" not in said
    assert len(points(w)) == 3
    w.playback.stop()
