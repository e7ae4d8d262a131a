"""The window paints the episode first; notes, tracks, library and desktop arrive right after."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from player.core.storage.notes import Note
from player.core.timeline import CueKind
from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window


def _tab_titles(w) -> list[str]:
    return [w.side.tabText(i) for i in range(w.side.count())]


def _shown_tabs(w) -> int:
    return sum(w.side.isTabVisible(i) for i in range(w.side.count()))


def test_notes_and_the_rest_arrive_after_the_first_paint_in_the_places_kept_for_them(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "notes.db"
    first = open_main_window(brief_file, audio=audio_file, data=AppData(db), remember=False)
    qtbot.addWidget(first)
    app_of(first).notes.add(
        Note(
            episode_id=app_of(first).notes.episode_id, start_ms=1_500, text="a note from yesterday"
        )
    )
    first.close()
    app_of(first).data.close()

    w = open_main_window(
        brief_file, audio=audio_file, data=AppData(db), remember=False, features="after-paint"
    )
    qtbot.addWidget(w)
    app = app_of(w)
    assert not app.ready()
    notes_at = _tab_titles(w).index("Notes")  # the first frame keeps the Notes tab's place
    tabs_before = _shown_tabs(w)
    assert not any(r.cue.kind == CueKind.NOTE for r in _rows(w))
    # The first start's hint is in the first frame: the pane does not shrink under it later.
    assert app.hints.hint.isVisibleTo(w)

    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    pane_height = w.pane.height()
    qtbot.waitUntil(app.ready, timeout=5_000)
    QApplication.processEvents()
    assert w.pane.height() == pane_height
    assert w.side.tabText(notes_at) == "Notes (1)"
    assert w.side.widget(notes_at) is app.notes.tab
    assert _shown_tabs(w) == tabs_before  # nothing jumps
    assert any(r.cue.kind == CueKind.NOTE and "yesterday" in r.body for r in _rows(w))
    assert app.tracks is not None and app.library is not None
    assert w.acceptDrops()  # the desktop part: files dropped on the window open
    w.action("library").trigger()
    assert app.library.dialog is not None and app.library.dialog.isVisible()
    app.library.dialog.close()
    w.close()
    app.data.close()


def _resumed_at(qtbot, tmp_path: Path, brief_file: Path, audio_file: Path, at_ms: int):
    """A window started as the command starts it, on an episode left at ``at_ms``."""
    db = tmp_path / "resume.db"
    first = open_main_window(brief_file, audio=audio_file, data=AppData(db), remember=False)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.playback.duration_ms() > 0, timeout=5_000)
    first.seek_brief(at_ms)
    first.close()
    app_of(first).data.close()
    w = open_main_window(brief_file, data=AppData(db), remember=False, features="after-paint")
    qtbot.addWidget(w)
    return w


def test_the_audio_loads_after_the_first_paint_at_the_place_left(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    w = _resumed_at(qtbot, tmp_path, brief_file, audio_file, 4_000)
    assert w.playback.source == audio_file  # chosen, shown at its place, not yet opened
    qtbot.wait(300)  # time enough to open a short WAV, had it been handed to Qt
    assert w.playback.duration_ms() == 0 and w.playback.now_ms() == 4_000
    assert w.transport.elapsed_label.text() == "0:04"
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=5_000)
    assert w.playback.now_ms() == 4_000
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 4_500, timeout=5_000)
    assert w.playback.now_ms() < 6_000  # it went on from there, not from the start
    w.close()
    app_of(w).data.close()


def test_play_before_the_audio_has_loaded_plays_from_the_place_left(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    w = _resumed_at(qtbot, tmp_path, brief_file, audio_file, 3_000)
    w.toggle_play()  # the listener is quicker than the first paint
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    qtbot.waitUntil(lambda: w.playback.now_ms() >= 3_500, timeout=5_000)
    assert w.playback.now_ms() < 5_000
    w.close()
    app_of(w).data.close()


def _rows(w):
    return [w.pane_model.row(i) for i in range(w.pane_model.rowCount())]


def test_the_first_frame_of_a_second_start_loads_no_reader_pydantic_numpy_or_media_player(
    tmp_path: Path,
) -> None:
    """What makes the second start quick: the window paints from the cache alone, and the
    media player (Qt Multimedia, FFmpeg), the search index, the job runner, the dialogs and
    the dataclass machinery come only once it has painted or is asked for."""
    code = (
        "import sys\n"
        "from player.ui.app import application\n"
        "from player.ui.session import open_app\n"
        "app = application()\n"
        "w = open_app(remember=False, features='never').window\n"
        "w.show(); app.processEvents(); w.grab()\n"
        "app.processEvents()  # after the first paint: the brief cache is written\n"
        "names = ('numpy', 'player.core.brief.parser', 'pydantic', 'PySide6.QtMultimedia',\n"
        "    'dataclasses', 'html', 'player.core.brief.links', 'player.core.search',\n"
        "    'player.ui.jobs', 'player.ui.preferences.dialog', 'player.ui.file_dialogs')\n"
        "print(sorted(m for m in names if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEF_PLAYER_CACHE=str(tmp_path))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
        )
        for _ in range(2)
    ]
    # The first start reads the brief (its parser, and the linker with numpy); the second
    # needs none of it: the cache holds the brief already read and linked.
    assert [r.stdout.strip().splitlines()[-1] for r in runs] == [
        "['dataclasses', 'numpy', 'player.core.brief.links', 'player.core.brief.parser']",
        "[]",
    ]


def test_the_first_frame_is_read_as_painted_before_what_comes_after_it(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    """``brief-player screenshot --first-frame`` waits for the window's first paint and no
    longer: the features the paint sets going arrive after the picture is taken."""
    from player.ui.session import wait_for_first_paint

    w = open_main_window(
        brief_file,
        audio=audio_file,
        data=AppData(tmp_path / "notes.db"),
        remember=False,
        features="after-paint",
    )
    qtbot.addWidget(w)
    app = app_of(w)
    w.resize(1100, 700)
    w.show()
    wait_for_first_paint(w)
    assert not app.ready()  # painted, and nothing after it yet
    qtbot.waitUntil(app.ready, timeout=5_000)
    w.close()
    app.data.close()
