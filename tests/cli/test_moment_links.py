"""``brief-player brief-player://open?episode=ID&t=TIME`` opens the window at that moment."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from player.cli import main
from player.core.moment_link import moment_url
from player.ui.main_window import MainWindow
from tests.media import make_wav
from tests.ui.conftest import (
    BRIEF,
    isolated_settings,  # noqa: F401 (windows here keep their layout)
)


def run_window(argv: list[str]) -> tuple[int, dict]:
    """Run the command as the desktop would; note what its window shows, then close it."""
    seen: dict = {}
    began = time.monotonic()

    def look() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()  # not the closed ones of other tests
        ]
        if time.monotonic() - began > 15:  # give up: close what opened, ``seen`` stays empty
            for w in windows:
                w.close()
            return
        if not windows or windows[0].playback.duration_ms() <= 0:
            QTimer.singleShot(50, look)
            return
        w = windows[0]
        seen.update(episode=w.episode.id, at_ms=w.playback.now_ms(), shown=w.isVisible())
        w.close()

    QTimer.singleShot(50, look)
    return main(argv), seen


def test_a_link_opens_the_bundled_episode_at_its_moment(qtbot) -> None:
    code, seen = run_window(["brief-player://open?episode=karpathy-ghosts-not-animals&t=1:05:10"])
    assert code == 0
    assert seen == {"episode": "karpathy-ghosts-not-animals", "at_ms": 3_910_000, "shown": True}


def test_a_link_finds_a_brief_the_library_knows(qtbot, tmp_path: Path, capsys) -> None:
    brief = tmp_path / "mine" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    audio = make_wav(tmp_path / "a.wav", 7.0)
    code, first = run_window([str(brief), "--audio", str(audio)])  # the library learns it
    assert code == 0
    code, seen = run_window([moment_url(first["episode"], 4_000)])
    assert code == 0, capsys.readouterr().err
    assert seen["episode"] == first["episode"]
    assert seen["at_ms"] == 4_000


def test_an_unknown_episode_or_bad_link_is_a_message_not_a_window(capsys) -> None:
    assert main(["brief-player://open?episode=nobody-knows&t=1:00"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("brief-player: no episode 'nobody-knows' here")
    assert main(["brief-player://open?episode=x&t=later"]) == 2
    assert "t='later' cannot be read" in capsys.readouterr().err
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not [w for w in shown if w.isVisible()]
