"""Long work runs off the GUI thread, shows in one bar with Cancel, and ends in a clear way."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QThread

from player.core.jobs import Progress


def test_a_job_reports_progress_in_the_bar_and_hands_its_result_back(qtbot, window) -> None:
    go_on = threading.Event()
    threads: list[QThread] = []
    results: list[tuple[str, QThread]] = []

    def job(progress: Progress) -> str:
        threads.append(QThread.currentThread())
        progress(1, 4, "reading the feed")
        go_on.wait(5)
        progress(4, 4, "done")
        return "episode.mp3"

    bar = window.job_bar
    window.jobs.run(
        "Fetch episode", job, on_done=lambda r: results.append((r, QThread.currentThread()))
    )
    qtbot.waitUntil(lambda: bar.label.text() == "Fetch episode: reading the feed", timeout=3_000)
    assert bar.isVisible() and bar.cancel_button.isVisible()
    assert bar.bar.value() == 250  # a quarter of 0..1000
    assert threads[0] is not window.thread()  # not on the GUI thread
    go_on.set()
    qtbot.waitUntil(lambda: bool(results), timeout=3_000)
    result, thread = results[0]
    assert result == "episode.mp3"
    assert thread is window.thread()  # the result comes back on the GUI thread
    assert not bar.isVisible()


def test_cancel_mid_job_takes_the_bar_away_and_delivers_nothing(qtbot, window) -> None:
    started, stopped = threading.Event(), threading.Event()
    results: list[object] = []

    def job(progress: Progress) -> str:
        started.set()
        try:
            for i in range(1_000):
                progress(i, 1_000, f"block {i}")
                time.sleep(0.01)
        finally:
            stopped.set()
        return "finished anyway"

    bar = window.job_bar
    window.jobs.run("Decode audio", job, on_done=results.append)
    assert started.wait(3)
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=3_000)
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3_000)
    assert stopped.wait(3), "the job did not stop at its next step"
    qtbot.wait(50)
    assert results == []
    assert window.jobs.active() == []
    assert "failed" not in window.statusBar().currentMessage()  # cancelling is not a failure


def test_a_failing_job_says_why_and_the_window_stays_usable(qtbot, window) -> None:
    def job(progress: Progress) -> None:
        progress(0, None, "looking")
        raise ValueError("the address is not a podcast feed")

    bar = window.job_bar
    errors: list[str] = []
    window.jobs.run("Fetch episode", job, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3_000)
    message = "Fetch episode failed: the address is not a podcast feed"
    assert bar.isVisible() and bar.label.text() == message
    assert window.statusBar().currentMessage() == message
    assert "Traceback" not in bar.label.text()
    assert not bar.cancel_button.isVisible()

    # Still usable: playback answers and the next job runs and clears the message.
    window.playback.play()
    qtbot.waitUntil(lambda: window.playback.is_playing(), timeout=5_000)
    window.playback.pause()
    done: list[int] = []
    window.jobs.run("Count", lambda p: 42, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=3_000)
    assert not bar.isVisible() or "failed" in bar.label.text()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()


def test_a_file_error_names_the_file_not_the_exception(qtbot, window, tmp_path) -> None:
    missing = tmp_path / "gone" / "notes.md"
    errors: list[str] = []
    window.jobs.run("Export notes", lambda p: missing.write_text("x"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3_000)
    assert errors == [f"{missing}: No such file or directory"]


def test_a_job_starting_takes_the_place_of_a_note_it_would_cut_short(qtbot, window) -> None:
    go_on = threading.Event()
    window.statusBar().showMessage("Picked up standin.vtt from beside the audio: 21 lines.")
    window.jobs.run("Fetch episode", lambda progress: go_on.wait(5))
    qtbot.waitUntil(lambda: window.job_bar.isVisible(), timeout=3_000)
    assert window.statusBar().currentMessage() == ""  # not shown cut off beside the bar
    go_on.set()
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=3_000)
