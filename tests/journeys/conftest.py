"""Whole sessions through the real window, as a person uses it, across restarts of the app.

Each window is built by the app's composition root (``player.ui.session``) over a real data
folder, with real generated audio; "quitting" closes the window the way Ctrl+Q does and closes
the data as the command does, and "starting again" builds a new window over the same folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import _forget_apps, isolated_settings, write_brief  # noqa: F401  (autouse fixtures)
from tests.ui.dbus_bus import bus_address  # noqa: F401  (a private session bus)
from tests.ui.feed.conftest import real_audio  # noqa: F401  (the feed journey's audio)

BRIEF = """Journey Guest — “A listening session”
A summary about ghosts, animals and engineering.
Episode Overview
- An overview bullet about engineering.
Key Concepts
- Ghost Idea: Digital ghosts that mimic people, not animals.
- Engineering Work: Careful engineering of learning systems.
Quotes
- At 0:02 - "First quote about ghosts and spirits." - The first context.
- At 0:06 - "Second quote on engineering work." - The second context.
- At 0:12 - "Third quote, ghosts again, digital spirits." - The third context.
- At 0:20 - "Fourth quote about animals and evolution." - The fourth context.
- At 0:28 - "Fifth quote near the end of the talk." - The last context.
Takeaways
- Remember that ghosts are digital spirits.
- Engineering matters more than theory.
"""
AUDIO_S = 32.0


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    return write_brief(tmp_path, BRIEF)


@pytest.fixture
def audio_file(tmp_path: Path) -> Path:
    return make_wav(tmp_path / "talk.wav", AUDIO_S, beeps_at=(2, 6, 12, 20, 28))


class Session:
    """Start, quit and start again over one data folder, like separate runs of the command."""

    def __init__(self, qtbot, brief: Path, data_path: Path) -> None:
        self.qtbot, self.brief, self.data_path = qtbot, brief, data_path
        self.data: AppData | None = None
        self.window = None

    def start(self, audio: Path | None = None, *, wait_for_audio: bool = True):
        self.data = AppData(self.data_path)
        w = open_main_window(self.brief, audio=audio, data=self.data)
        self.qtbot.addWidget(w)
        w.resize(1100, 720)
        w.show()
        self.qtbot.waitExposed(w)
        w.activateWindow()  # the desktop gives a new window the keyboard
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2_000)
        if wait_for_audio:
            self.qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
        self.window = w
        return w

    def app(self):
        return app_of(self.window)

    def quit_with_keys(self) -> None:
        """Ctrl+Q, then what the command does after the event loop ends."""
        w = self.window
        w.activateWindow()  # as after a dialog closed and the listener came back to the window
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2_000)
        self.qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: not w.isVisible(), timeout=5_000)
        self.finish()

    def finish(self) -> None:
        assert self.data is not None
        self.data.close()
        self.data = None

    def saved_position_ms(self, episode_id: str) -> int | None:
        """What the database on disk holds, read on a connection of its own."""
        return saved_position_ms(self.data_path, episode_id)


@pytest.fixture
def session(qtbot, brief_file: Path, tmp_path: Path) -> Iterator[Session]:
    s = Session(qtbot, brief_file, tmp_path / "data" / "notes.db")
    yield s
    if s.window is not None and s.window.isVisible():
        s.window.close()
    if s.data is not None:
        s.finish()


def click_seek_bar(qtbot, window, fraction: float) -> None:
    """A click on the seek bar's groove at ``fraction`` of its length."""
    slider = window.transport.seek_slider
    _opt, groove, handle = slider._geometry()
    span = groove.width() - handle.width()
    x = round(groove.x() + handle.width() / 2 + span * fraction)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press delivered where the keyboard focus is, as the desktop delivers it."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def saved_position_ms(data_path: Path, episode_id: str) -> int | None:
    with sqlite3.connect(data_path) as conn:
        rows = conn.execute(
            "SELECT position_ms FROM playstate WHERE episode_id=?", (episode_id,)
        ).fetchall()
    return rows[0][0] if rows else None


def answer_modal(answer, kind: type = QDialog) -> list:
    """Run ``answer(dialog)`` on the next dialog of ``kind`` the window opens (a file dialog,
    a message box), as the listener would; the list gets what it returned."""
    seen: list = []
    # Hold the wrappers, not just their ids: a freed wrapper's id can be reused by the dialog's.
    existing = QApplication.topLevelWidgets()
    before = {id(w) for w in existing}

    def look() -> None:
        opened = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible() and id(w) not in before
        ]
        if not opened:
            QTimer.singleShot(20, look)
            return
        existing.clear()
        dialog = opened[0]
        seen.append(answer(dialog))
        if dialog.isVisible():  # the answer did not close it: close it so the test fails, not hangs
            dialog.reject()

    QTimer.singleShot(20, look)
    return seen


def choose_file(path: Path):
    """An ``answer`` for ``answer_modal``: pick ``path`` in a file dialog."""

    def pick(dialog) -> str:
        shown = dialog.directory().absolutePath()
        # Typed into the name box, as a listener pastes a path: ``selectFile`` leaves the box
        # alone while it has the keyboard, which depends on which window the desktop made active.
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()
        return shown

    return pick


def pick_file(path: Path) -> list:
    """Answer the next file dialog with ``path``; the list gets the folder it opened in."""
    return answer_modal(choose_file(path), QFileDialog)
