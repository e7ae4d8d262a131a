"""A listener with their own copy of the episode (an ad inserted) puts the brief in step with it.

Open the brief, attach the copy, take the status line's offer to find the quotes, accept, quit;
at the next start the quotes light up where the copy says them, with nothing searched again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from player.core.align import Status
from player.ui.app_data import AppData
from tests.core.align.speech_audio import SENTENCES
from tests.ui.align.speech_episode import TRUE_S, copy_with_ad, write_brief
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import active_texts


def _open(qtbot, brief: Path, data: AppData):
    w = open_main_window(brief, data=data)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    return w


def _lit(w, n: int) -> bool:
    return any(SENTENCES[n][:20] in t for t in active_texts(w))


def test_found_quotes_stay_in_step_with_the_copy_after_a_restart(qtbot, tmp_path: Path) -> None:
    brief, copy = write_brief(tmp_path / "episode"), copy_with_ad(tmp_path / "downloads")
    data = AppData(tmp_path / "notes.db")
    first = _open(qtbot, brief, data)
    first.attach_audio(copy)  # what File ▸ Attach Audio… does with the chosen file
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=10_000)

    align = app_of(first).align
    qtbot.waitUntil(align.offer.isVisible, timeout=3_000)
    qtbot.mouseClick(align.offer.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.job_bar.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: align.dialog is not None and align.dialog.isVisible(), timeout=90_000)
    quotes = align.dialog.model.quotes
    assert [q.status for q in quotes] == [Status.FOUND] * 3
    qtbot.mouseClick(align.dialog.accept_button, Qt.MouseButton.LeftButton)
    found = [q.found_ms for q in quotes]
    first.close()
    data.close()

    data2 = AppData(tmp_path / "notes.db")
    second = _open(qtbot, brief, data2)  # no audio given: the attached copy is remembered
    assert second.playback.source == copy
    qtbot.waitUntil(lambda: second.playback.duration_ms() > 0, timeout=10_000)
    for n in (1, 2):
        second.playback.seek(found[n] - 1500)
        second.playback.play()
        qtbot.waitUntil(lambda n=n: _lit(second, n - 1) and not _lit(second, n), timeout=3_000)
        qtbot.waitUntil(lambda n=n: _lit(second, n), timeout=5_000)
        assert second.playback.now_ms() >= found[n] - 400, f"quote {n + 1} lit too early"
        second.playback.pause()
    assert all(abs(f - t * 1000) < 1000 for f, t in zip(found, TRUE_S, strict=True))
    second.playback.stop()
    second.close()
    data2.close()
