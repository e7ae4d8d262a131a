"""Star and annotate from right-click menus, quit, and find both again at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.timeline import CueKind
from tests.journeys.basics_session import (  # noqa: F401 (fixtures for every test here)
    _forget_apps,
    isolated_settings,
    new_episode,
    start,
)
from tests.ui.apps import app_of
from tests.ui.moments.test_moment_menus import choose, pane_row, right_click


def test_starred_quotes_and_menu_notes_come_back(qtbot, tmp_path) -> None:
    brief, audio = new_episode(tmp_path)
    first = start(qtbot, tmp_path, brief, audio)
    row = pane_row(first, CueKind.QUOTE, "Second quote")
    choose(right_click(first.pane, row), "Star")
    choose(right_click(first.pane, row), "Add a Note Here…")
    editor = app_of(first).notes.editor
    qtbot.keyClicks(editor.text_edit, "Engineering is the work")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    choose(right_click(app_of(first).notes.tab.view, 0), "Change Note's Time…")
    dialog = app_of(first).moments.time_dialog
    dialog.edit.setText("4s")
    dialog.accept()
    first.close()

    second = start(qtbot, tmp_path, brief)
    moments = app_of(second).moments
    assert [m.text for m in moments.starred.moments] == ["Second quote on engineering work."]
    notes = app_of(second).notes.notes()
    assert [(n.start_ms, n.text) for n in notes] == [(4_000, "Engineering is the work")]
    second.action("show_starred").trigger()
    assert second.side.currentWidget() is moments.starred
    second.close()
