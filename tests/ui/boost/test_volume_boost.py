"""Volume Boost in the window, through the real player playing a real file headless: what the
player decodes is louder by the level, and position, seeks, 3x, pause and a switch of file
behave as without the boost."""

from __future__ import annotations

import time

import numpy as np
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QAudioBuffer, QAudioBufferOutput

from player.core.timeline import CueKind
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.conftest import bare_window


class Heard:
    """The samples the player decodes as it plays them (what a sound device would get)."""

    def __init__(self, window) -> None:
        self.output = QAudioBufferOutput(window)
        self.blocks: list[np.ndarray] = []
        self.output.audioBufferReceived.connect(self._got)
        self._player = window.playback._player
        self._player.setAudioBufferOutput(self.output)

    def stop(self) -> None:
        # Gone while its player lives: an output that outlives its player crashes Qt.
        self._player.setAudioBufferOutput(None)
        shiboken6.delete(self.output)

    def _got(self, buffer: QAudioBuffer) -> None:
        if buffer.isValid() and buffer.byteCount():
            data = np.frombuffer(bytes(buffer.constData()), dtype=np.int16)
            self.blocks.append(data.astype(np.float64))

    def rms_db(self) -> float:
        x = np.concatenate(self.blocks)
        return 20 * np.log10(np.sqrt(np.mean(x * x)))


def _quote_at(w) -> int:
    w.clock.refresh()
    quotes = [c.start_ms for c in w.clock.active if c.kind == CueKind.QUOTE]
    return max(quotes) if quotes else -1


def _listen(qtbot, w, from_ms: int, seconds: float) -> Heard:
    heard = Heard(w)
    w.playback.seek(from_ms)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= from_ms + seconds * 1000, timeout=8_000)
    w.playback.pause()
    heard.stop()
    return heard


def test_boost_plays_the_file_louder_and_in_step(qtbot, brief_file, tmp_path) -> None:
    audio = make_wav(tmp_path / "quiet.wav", 12.0, beeps_at=(1, 2, 3, 5))
    w = bare_window(qtbot, brief_file, audio)
    boost = app_of(w).boost
    plain = _listen(qtbot, w, 6_000, 1.0)  # the quiet hum, at its own level

    qtbot.keyClick(w, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    assert w.action("boost").isChecked() and boost.boosting
    assert boost.button.isVisible() and "+12 dB" in boost.button.text()
    assert "12 dB louder" in w.statusBar().currentMessage()
    # this machine has no sound device: the listener is told, and playback goes on
    assert "No sound output is connected" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=5_000)
    assert abs(w.playback.duration_ms() - 12_000) < 50
    boosted = _listen(qtbot, w, 6_000, 1.0)
    assert abs(boosted.rms_db() - plain.rms_db() - 12) < 0.5

    # position, seeks and the highlight, as without the boost
    w.playback.seek(1_500)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 2_300, timeout=3_000)
    assert _quote_at(w) == 2_000
    w.playback.seek(4_000)
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 5_100, timeout=3_000)
    assert _quote_at(w) == 5_000
    assert w.playback._player.position() < 6_500  # the player itself agrees

    # 3x: three seconds of audio a second, and the player's clock keeps up
    w.playback.set_rate(3.0)
    began, at = time.monotonic(), w.playback.now_ms()
    qtbot.wait(1_000)
    moved = w.playback.now_ms() - at
    assert 2_200 < moved / (time.monotonic() - began) < 3_600
    assert abs(w.playback._player.position() - w.playback.now_ms()) < 400

    # pause holds the place, play goes on from it
    w.playback.pause()
    held = w.playback.now_ms()
    qtbot.wait(400)
    assert abs(w.playback._player.position() - held) < 150
    w.playback.set_rate(1.0)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() > held + 300, timeout=3_000)
    w.playback.pause()


def test_switching_off_and_to_another_file_keeps_the_place(qtbot, brief_file, tmp_path) -> None:
    audio = make_wav(tmp_path / "quiet.wav", 12.0)
    w = bare_window(qtbot, brief_file, audio)
    boost = app_of(w).boost
    w.action("boost").setChecked(True)
    w.playback.seek(3_000)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 3_500, timeout=5_000)

    reported: list[int] = []
    w.playback.position_changed.connect(reported.append)
    w.action("boost_6").trigger()  # another level: loaded again, at the same moment, playing
    assert boost.level_db == 6 and "+6 dB" in boost.button.text()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 4_000, timeout=5_000)
    assert w.playback.is_playing() and w.playback.now_ms() < 5_500
    # the swap never showed another place: no flash of 0:00 on the seek bar or the highlight
    assert reported and min(reported) >= 3_400

    other = make_wav(tmp_path / "other.wav", 9.0, freq=330)
    w.attach_audio(other)  # another file is boosted too
    qtbot.waitUntil(lambda: w.playback.duration_ms() == 9_000, timeout=5_000)
    assert boost.boosting and w.playback.source == other

    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 5_000, timeout=5_000)
    w.action("boost").setChecked(False)  # off: the plain file, from the same moment
    assert not boost.boosting and not boost.button.isVisible()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 5_500, timeout=5_000)
    assert w.playback.is_playing() and w.playback.now_ms() < 7_000
    w.playback.stop()


def test_a_file_the_boost_cannot_read_is_said_and_nothing_breaks(
    qtbot, brief_file, tmp_path
) -> None:
    audio = make_wav(tmp_path / "quiet.wav", 5.0)
    w = bare_window(qtbot, brief_file, audio)
    boost = app_of(w).boost
    w.action("boost").setChecked(True)
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"ID3" + bytes(300))
    w.attach_audio(broken)
    assert not boost.boosting
    assert "Volume Boost cannot read this file" in boost.button.toolTip()
    assert boost.button.isVisible() and "off here" in boost.button.text()
    qtbot.waitUntil(lambda: w.playback.error is not None, timeout=5_000)  # Qt gave up on it too
    w.attach_audio(audio)  # a good file is boosted again
    assert boost.boosting and "+12 dB" in boost.button.text()
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 500, timeout=5_000)
    w.playback.stop()
