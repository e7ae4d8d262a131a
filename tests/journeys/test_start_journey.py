"""A start as the command makes it, on an episode whose episode.json was hand-edited wrong: the
window opens and says so, search works though it is built after the first frame, a hit plays,
and after quitting the next start is back at the place reached and searches again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    start,
)
from tests.media import make_wav
from tests.ui.apps import app_of
from tests.ui.conftest import BRIEF


def _search_and_play(qtbot, w, word: str) -> None:
    qtbot.waitUntil(app_of(w).ready, timeout=5_000)  # the features come after the first frame
    w.side.setCurrentWidget(w.side.search_page)
    w.side.search_edit.setText(word)
    qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 0, timeout=3_000)
    qtbot.keyClick(w.side.search_edit, Qt.Key.Key_Return)  # plays the first hit's moment
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)


def test_an_episode_with_a_length_of_nan_opens_searches_plays_and_resumes(qtbot, tmp_path) -> None:
    folder = tmp_path / "episode"
    folder.mkdir()
    brief = folder / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    (folder / "episode.json").write_text('{"title": "Ep", "length_s": "NaN"}', encoding="utf-8")
    audio = make_wav(folder / "audio.wav", 7.0, beeps_at=(1, 2, 3, 5))

    first = start(qtbot, tmp_path, brief, audio, features="after-paint")
    assert first.problems_button.isVisible()  # the hand-edited line is reported, not fatal
    assert "Ep" in first.windowTitle()
    _search_and_play(qtbot, first, "engineering")
    assert 1_900 <= first.clock.brief_ms() < 3_000  # the second quote, which says it
    qtbot.waitUntil(lambda: first.playback.now_ms() >= 3_300, timeout=5_000)
    first.close()

    second = start(qtbot, tmp_path, brief, features="after-paint")
    assert second.playback.now_ms() >= 3_000  # back where the first session quit
    second.playback.pause()
    _search_and_play(qtbot, second, "ghosts")
    assert second.clock.brief_ms() < 2_000  # the first quote about ghosts
    second.close()
