"""Skip Silence in the window: found in the background, glided over, the time saved shown."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from player.core.timeline import CueKind
from tests.pauses_audio import make_pauses_wav
from tests.ui.apps import app_of
from tests.ui.conftest import bare_window

# quotes of the test brief sit at 0:01, 0:02, 0:03 and 0:05
PARTS = [("sound", 1.5), ("pause", 3.0), ("sound", 1.5), ("pause", 1.5), ("sound", 1.0)]


def paused_window(qtbot, brief_file, tmp_path, *, skipping: bool = False):
    audio = make_pauses_wav(tmp_path / "talk.wav", PARTS, noise=120)
    w = bare_window(qtbot, brief_file, audio)
    if skipping:
        w.action("skip_silence").setChecked(True)
        qtbot.waitUntil(lambda: app_of(w).silence.silences is not None, timeout=10_000)
    return w, audio


def test_skip_silence_is_off_until_asked_and_then_glides_over_pauses(
    qtbot, brief_file, tmp_path
) -> None:
    w, _audio = paused_window(qtbot, brief_file, tmp_path)
    silence = app_of(w).silence
    assert not w.action("skip_silence").isChecked()
    assert silence.silences is None  # nothing decoded for a listener who did not ask

    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert w.action("skip_silence").isChecked()
    qtbot.waitUntil(lambda: silence.silences is not None, timeout=10_000)
    assert len(silence.silences) == 2
    assert silence.label.isVisible()

    w.seek_brief(1_000)
    w.playback.play()
    began = time.monotonic()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 4_700, timeout=5_000)
    assert time.monotonic() - began < 2.0  # 3.7 s of audio in well under its length
    # the highlight is where the audio is: the quote of 0:03, not a pause's
    w.clock.refresh()
    active = [c for c in w.clock.active if c.kind == CueKind.QUOTE]
    assert active and active[-1].start_ms == 3_000
    assert silence.saved_ms >= 2_000
    assert "saved" in silence.label.text()

    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # off again
    assert not silence.label.isVisible()
    w.playback.stop()


def test_a_seek_into_a_pause_lands_after_it(qtbot, brief_file, tmp_path) -> None:
    w, _audio = paused_window(qtbot, brief_file, tmp_path, skipping=True)
    w.playback.play()
    w.playback.seek(2_500)
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 4_300, timeout=1_500)
    w.playback.stop()


def test_the_pauses_are_kept_per_file(qtbot, brief_file, tmp_path) -> None:
    w, audio = paused_window(qtbot, brief_file, tmp_path, skipping=True)
    silence = app_of(w).silence
    assert silence.cache.get(audio) == silence.silences
    w.playback.stop()
