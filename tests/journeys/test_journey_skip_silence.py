"""Turn Skip Silence on, listen, quit: the next start skips at once, without listening again."""

from __future__ import annotations

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.pauses_audio import make_pauses_wav
from tests.ui.apps import app_of
from tests.ui.silence.test_skip_silence import PARTS


def test_skip_silence_and_its_pauses_are_kept(qtbot, tmp_path) -> None:
    brief, _ = new_episode(tmp_path)
    audio = make_pauses_wav(tmp_path / "talk.wav", PARTS, noise=120)
    first = start(qtbot, tmp_path, brief, audio)
    first.action("skip_silence").trigger()
    silence = app_of(first).silence
    qtbot.waitUntil(lambda: silence.silences is not None, timeout=10_000)
    first.seek_brief(1_200)
    first.playback.play()
    qtbot.waitUntil(lambda: first.playback.now_ms() >= 4_700, timeout=3_000)
    first.close()

    second = start(qtbot, tmp_path, brief)
    again = app_of(second).silence
    assert second.action("skip_silence").isChecked()
    assert again.silences is not None  # from the kept result: no job ran
    assert not second.jobs.active()
    assert again.label.isVisible()
    assert again.saved_ms == 0  # time saved counts per listening session
    second.close()
