"""The Library window: what it lists, opening and resuming from it, removing, bad and lost files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from player.core.storage.notes import Note
from player.ui.app_data import AppData
from player.ui.library.library_model import facts_line
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.desktop.test_drop import _drop, _mime

BUNDLED_ID = "tone-talk"
BUNDLED_BRIEF = """Bundled Guest — “Whales and tones”
Quotes
- At 0:01 - "A bundled quote about whales." - ctx
- At 0:04 - "Another bundled quote about whales singing." - ctx
"""
BAD_BRIEF = """Odd Guest — “A brief with bad lines”
Quotes
- At 0:01 - "Readable quote." - ctx
- At 4:61 - "Seconds out of range." - ctx
- "A quote with no time." - ctx
- At 0:03 - "Readable again." - ctx
"""


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content folder with one bundled episode that has real (short) audio."""
    folder = tmp_path / "content" / BUNDLED_ID
    folder.mkdir(parents=True)
    (folder / "brief.txt").write_text(BUNDLED_BRIEF, encoding="utf-8")
    make_wav(folder / "tone.wav", 7.0, freq=330.0, beeps_at=(1, 4))
    meta = {"title": "Whales and tones", "show": "Test Show", "length_s": 7, "audio": "tone.wav"}
    (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setenv("BRIEF_PLAYER_CONTENT", str(tmp_path / "content"))
    return folder


@pytest.fixture
def data(tmp_path: Path) -> AppData:
    return AppData(tmp_path / "notes.db")


@pytest.fixture
def app(qtbot, content: Path, data: AppData, brief_file: Path, audio_file: Path):
    """The app as started on a brief the listener opened, with its audio."""
    w = open_main_window(brief_file, audio=audio_file, data=data, remember=False)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    yield w
    w.playback.stop()


def _library(w):
    w.actions_by_name["library"].trigger()
    dialog = app_of(w).library.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _by_id(dialog) -> dict:
    return {item.episode_id: item for item in dialog.model.items()}


def _row(dialog, episode_id: str) -> int:
    row = dialog.model.row_of(episode_id)
    assert row is not None, f"{episode_id} not listed"
    return row


def test_bundled_episode_and_opened_brief_are_listed_with_progress_and_notes(
    qtbot, app, data: AppData
) -> None:
    brief_id = app.episode.id
    for at in (1_000, 3_000):
        data.notes.add(Note(episode_id=brief_id, start_ms=at, text="worth a look"))
    data.playstate.save(BUNDLED_ID, position_ms=3_500)

    dialog = _library(app)
    items = _by_id(dialog)
    assert set(items) == {brief_id, BUNDLED_ID}
    opened, bundled = items[brief_id], items[BUNDLED_ID]
    assert dialog.model.item(0).episode_id == brief_id  # the one open now, most recent, on top
    assert "A short test episode" in opened.title and opened.notes == 2
    assert "2 notes" in facts_line(opened) and "Opened brief" in facts_line(opened)
    assert (bundled.title, bundled.show, bundled.progress) == ("Whales and tones", "Test Show", 0.5)
    assert "Bundled" in facts_line(bundled) and "0:07" in facts_line(bundled)
    assert dialog.view.currentIndex().row() == _row(dialog, brief_id)


def test_the_real_bundled_episode_is_listed(qtbot, window) -> None:
    """Without any database (a bare window) the shipped episode is still there to pick."""
    app_of(window).library.show()
    titles = [item.title for item in app_of(window).library.dialog.model.items()]
    assert "We’re summoning ghosts, not building animals" in titles  # no guest in front


def test_opening_from_the_library_switches_episode_and_resumes_each(
    qtbot, app, data: AppData
) -> None:
    brief_id = app.episode.id
    data.playstate.save(BUNDLED_ID, position_ms=4_200)
    app.seek_brief(2_000)
    qtbot.waitUntil(lambda: abs(app.playback.now_ms() - 2_000) < 150, timeout=5_000)

    dialog = _library(app)
    dialog.select_row(_row(dialog, BUNDLED_ID))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter opens
    assert app.episode.id == BUNDLED_ID
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: app.playback.duration_ms() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: abs(app.playback.now_ms() - 4_200) < 250, timeout=5_000)
    assert app.playback.source == app.episode.audio_path
    assert app_of(app).notes.episode_id == BUNDLED_ID
    assert [r.text for r in app.search("whales")]  # search follows the brief now shown
    # Where the listener was in the brief they left is kept for coming back to it.
    state = data.playstate.get(brief_id)
    assert state is not None and abs(state.position_ms - 2_000) < 250

    dialog = _library(app)
    assert dialog.model.item(0).episode_id == BUNDLED_ID  # now the most recent
    rect = dialog.view.visualRect(dialog.model.index(_row(dialog, brief_id)))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert app.episode.id == brief_id
    qtbot.waitUntil(lambda: app.playback.duration_ms() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: abs(app.playback.now_ms() - 2_000) < 250, timeout=5_000)
    saved = data.playstate.get(BUNDLED_ID)
    assert saved is not None and abs(saved.position_ms - 4_200) < 250


def _answer_removal(qtbot, dialog, remove: bool) -> None:
    dialog.remove_button.click()
    boxes = [b for b in dialog.findChildren(QMessageBox, "confirm_remove") if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert "notes" in box.informativeText()
    if remove:
        button = next(b for b in box.buttons() if b.text() == "Remove")
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    button.click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2_000)


def test_remove_asks_first_and_only_opened_briefs_can_go(qtbot, app, data: AppData) -> None:
    brief_id = app.episode.id
    data.notes.add(Note(episode_id=brief_id, start_ms=1_000, text="kept"))
    dialog = _library(app)

    dialog.select_row(_row(dialog, BUNDLED_ID))
    assert not dialog.remove_button.isEnabled()
    dialog.remove_selected()  # the Delete key, on a bundled episode
    assert BUNDLED_ID in _by_id(dialog) and "stays in the library" in dialog.message.text()

    dialog.select_row(_row(dialog, brief_id))
    assert dialog.remove_button.isEnabled()
    _answer_removal(qtbot, dialog, remove=False)
    assert brief_id in _by_id(dialog) and data.library.get(brief_id) is not None

    _answer_removal(qtbot, dialog, remove=True)
    assert brief_id not in _by_id(dialog)
    assert data.library.get(brief_id) is None
    assert data.notes.count(brief_id) == 1  # forgetting a brief does not lose its notes
    assert "Removed" in dialog.message.text()


def test_a_dropped_brief_with_bad_lines_joins_the_library_with_its_problems(
    qtbot, app, data: AppData, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD_BRIEF, encoding="utf-8")
    dialog = _library(app)

    assert _drop(dialog, _mime(bad))  # as if dragged from a file manager onto the library

    assert app.episode.display_title() == "A brief with bad lines"
    assert [q.text for q in app.episode.brief.quotes] == ["Readable quote.", "Readable again."]
    top = dialog.model.item(0)
    assert top.episode_id == app.episode.id and top.brief_path == bad
    assert data.library.get(app.episode.id) is not None
    assert "2 lines could not be read" in dialog.message.text()
    assert f"{bad}:4: " in dialog.message.text()
    assert dialog.problems_button.isVisible()
    assert app.problems_button.isVisible()  # the status bar offers them too

    dialog.problems_button.click()
    shown = app.findChild(QPlainTextEdit, "problems_text")
    assert shown is not None and shown.isVisible()
    lines = shown.toPlainText().splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{bad}:4", f"{bad}:5"]


def test_a_brief_that_went_missing_is_greyed_and_says_why(
    qtbot, app, data: AppData, tmp_path: Path
) -> None:
    first_id = app.episode.id
    gone = tmp_path / "elsewhere" / "gone.txt"
    gone.parent.mkdir()
    gone.write_text(BAD_BRIEF.replace("bad lines", "a short life"), encoding="utf-8")
    app.open_brief_file(gone)
    gone_id = app.episode.id
    dialog = _library(app)
    dialog.select_row(_row(dialog, first_id))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert app.episode.id == first_id
    gone.unlink()

    dialog = _library(app)
    item = _by_id(dialog)[gone_id]
    assert item.missing
    index = dialog.model.index(_row(dialog, gone_id))
    assert "missing" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "File not found" in facts_line(item)

    dialog.select_row(index.row())
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert app.episode.id == first_id  # nothing else was opened
    assert dialog.isVisible()
    assert "no longer there" in dialog.message.text() and str(gone) in dialog.message.text()
    assert dialog.remove_button.isEnabled()  # and it can be cleared away from here


def _with_cover(path: Path, color: QColor) -> Path:
    """A real WAV file carrying an ID3 front cover: a PNG of one colour."""
    from mutagen.id3 import APIC
    from mutagen.wave import WAVE
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(color)
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    audio = WAVE(path)
    audio.add_tags()
    audio.tags.add(APIC(encoding=3, mime="image/png", type=3, desc="Cover", data=bytes(png)))
    audio.save()
    return path


def _cover_pixel(dialog, episode_id: str) -> QColor:
    from player.ui.library.library_model import COVER_PX, PAD

    rect = dialog.view.visualRect(dialog.model.index(_row(dialog, episode_id)))
    image = dialog.view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + PAD + COVER_PX // 2, rect.top() + PAD + 6)


def test_the_cover_art_in_the_audio_file_is_shown_and_the_letter_without_one(
    qtbot, app, content: Path, data: AppData
) -> None:
    red = QColor(210, 30, 40)
    _with_cover(content / "tone.wav", red)  # the bundled episode's audio now carries a cover
    dialog = _library(app)
    bundled = _by_id(dialog)[BUNDLED_ID]
    assert bundled.audio_path == content / "tone.wav"
    art = dialog.delegate.art
    qtbot.waitUntil(lambda: art.known(bundled.audio_path), timeout=5_000)
    qtbot.waitUntil(lambda: _cover_pixel(dialog, BUNDLED_ID) == red, timeout=2_000)
    # The brief opened with an audio file that has no cover keeps its letter.
    opened = app.episode.id
    audio = _by_id(dialog)[opened].audio_path
    assert audio is not None
    qtbot.waitUntil(lambda: art.known(audio), timeout=5_000)
    assert art.cover(audio) is None
    assert _cover_pixel(dialog, opened) != red


def test_a_cover_is_read_off_the_window_thread_and_kept(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QThread

    from player.ui.library import covers
    from player.ui.library.covers import CoverArt

    threads = []
    real = covers.embedded_cover

    def spy(path):
        threads.append(QThread.currentThread())
        return real(path)

    covers.embedded_cover = spy
    try:
        art = CoverArt(48)
        audio = _with_cover(make_wav(tmp_path / "c.wav", 1.0), QColor(0, 160, 60))
        assert art.cover(audio) is None  # at once, never waiting for the file
        with qtbot.waitSignal(art.arrived, timeout=5_000):
            pass
        pixmap = art.cover(audio)
        assert pixmap is not None and pixmap.width() == 48
        assert pixmap.toImage().pixelColor(24, 24) == QColor(0, 160, 60)
        assert threads and threads[0] is not QThread.currentThread()
        art.cover(audio)
        assert len(threads) == 1  # read once, then kept
        assert CoverArt(48).cover(tmp_path / "missing.wav") is None
    finally:
        covers.embedded_cover = real
