"""A brief file edited by hand (its title or first quote) is still the same brief: notes follow."""

from __future__ import annotations

from pathlib import Path

from player.core.storage.notes import Note
from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window


def _open(qtbot, brief: Path, audio: Path, db: Path):
    w = open_main_window(brief, audio=audio, data=AppData(db), remember=False)
    qtbot.addWidget(w)
    return w, app_of(w)


def test_editing_the_title_and_first_quote_keeps_the_notes_and_the_library_entry(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "notes.db"
    w, app = _open(qtbot, brief_file, audio_file, db)
    first_id = app.notes.episode_id
    app.notes.add(Note(episode_id=first_id, start_ms=2_000, text="my thought"))
    w.close()
    app.data.close()

    text = brief_file.read_text(encoding="utf-8")
    text = text.replace("A short test episode", "A short test episode, edited")
    text = text.replace("First quote about ghosts", "First quote, corrected, about ghosts")
    brief_file.write_text(text, encoding="utf-8")

    w, app = _open(qtbot, brief_file, audio_file, db)
    assert w.header.title.text() == "A short test episode, edited"
    assert [n.text for n in app.notes.notes()] == ["my thought"]
    assert w.side.tabText(w.side.indexOf(app.notes.tab)) == "Notes (1)"
    w.action("library").trigger()
    items = app.library.dialog.model.items()
    assert [i.title for i in items if i.brief_path == brief_file] == [
        "A short test episode, edited"
    ]
    app.library.dialog.close()
    w.close()
    app.data.close()
