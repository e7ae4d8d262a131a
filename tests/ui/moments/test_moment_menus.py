"""Menus on quotes, concepts, notes and transcript lines; Edit ▸ Copy; the Starred tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from player.core.storage.notes import Note
from player.core.timeline import CueKind
from player.ui.models.pane_model import Role
from tests.ui.apps import app_of
from tests.ui.conftest import bare_window

VTT = """WEBVTT

00:00:01.000 --> 00:00:02.500
<v Host>Hello and welcome to the transcript.

00:00:03.000 --> 00:00:04.500
<v Guest>Ghosts are digital spirits, I said.
"""


def right_click(view, row: int) -> QMenu:
    """A right-click on ``row`` of ``view``, as the mouse sends it; the menu it opened."""
    QApplication.processEvents()  # a list just rebuilt lays its rows out first
    view.scrollTo(view.model().index(row, 0))
    QApplication.processEvents()
    pos = view.visualRect(view.model().index(row, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = app_of(view.window()).moments.menu
    assert menu is not None and menu.isVisible(), "no menu opened"
    return menu


def choose(menu: QMenu, text: str) -> None:
    texts = [a.text() for a in menu.actions() if a.text()]
    matching = [a for a in menu.actions() if a.text() == text]
    assert matching, f"{text!r} not in {texts}"
    menu.hide()
    matching[0].trigger()


def pane_row(w, kind: CueKind, startswith: str) -> int:
    m = w.pane_model
    for r in range(m.rowCount()):
        row = m.row(r)
        if row.cue.kind == kind and (row.body.startswith(startswith) or row.title == startswith):
            return r
    raise AssertionError(f"no {kind} row {startswith!r}")


def test_a_quote_menu_plays_copies_stars_and_notes(qtbot, window) -> None:
    row = pane_row(window, CueKind.QUOTE, "Third quote")
    menu = right_click(window.pane, row)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Play from 0:03",
        "Copy with Time",
        "Copy Link to This Moment",
        "Star",
        "Add a Note Here…",
    ]
    choose(menu, "Copy with Time")
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("0:03 “Third quote, ghosts again, digital spirits.”")
    assert "A short test episode" in copied

    side = window.side
    assert not side.isTabVisible(side.indexOf(app_of(window).moments.starred))
    choose(right_click(window.pane, row), "Star")
    assert window.pane_model.index(row).data(Role.STARRED)
    assert side.isTabVisible(side.indexOf(app_of(window).moments.starred))
    starred = app_of(window).moments.starred
    assert starred.list.count() == 1
    assert "Third quote" in starred.list.item(0).text()
    assert window.side.tabText(window.side.indexOf(starred)) == "Starred (1)"
    assert "Unstar" in [a.text() for a in right_click(window.pane, row).actions()]

    choose(right_click(window.pane, row), "Add a Note Here…")
    editor = app_of(window).notes.editor
    assert editor is not None
    qtbot.keyClicks(editor.text_edit, "About the ghosts")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    notes = app_of(window).notes.notes()
    assert [(n.start_ms, n.text, n.attached.kind) for n in notes] == [
        (3_000, "About the ghosts", "quote")
    ]

    choose(right_click(window.pane, row), "Play from 0:03")
    qtbot.waitUntil(window.playback.is_playing)
    assert window.playback.now_ms() >= 3_000


def test_a_note_menu_edits_moves_and_deletes(qtbot, window) -> None:
    notes = app_of(window).notes
    notes.add(Note(episode_id=window.episode.id, start_ms=2_000, text="Second thoughts"))
    view = notes.tab.view
    window.side.setCurrentWidget(notes.tab)
    menu = right_click(view, 0)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[-3:] == ["Edit Note…", "Change Note's Time…", "Delete Note"]
    assert "Star" not in texts

    choose(menu, "Change Note's Time…")
    dialog = app_of(window).moments.time_dialog
    dialog.edit.setText("0:04")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert [n.start_ms for n in notes.notes()] == [4_000]
    window.action("note_undo").trigger()
    assert [n.start_ms for n in notes.notes()] == [2_000]

    choose(right_click(view, 0), "Delete Note")
    assert notes.notes() == []


def test_a_note_card_in_the_pane_opens_the_menu_of_that_note(qtbot, window) -> None:
    """A note added before an earlier one is still itself in the pane's menu."""
    notes = app_of(window).notes
    notes.add(Note(episode_id=window.episode.id, start_ms=5_000, text="Later thought"))
    notes.add(Note(episode_id=window.episode.id, start_ms=1_000, text="Early thought"))
    model = window.pane_model
    row = next(i for i in range(model.rowCount()) if model.row(i).body == "Later thought")
    texts = [a.text() for a in right_click(window.pane, row).actions() if a.text()]
    assert "Play from 0:05" in texts
    choose(right_click(window.pane, row), "Delete Note")
    assert [n.text for n in notes.notes()] == ["Early thought"]


def test_a_transcript_line_copies_with_its_time(qtbot, brief_file, audio_file) -> None:
    audio_file.with_suffix(".vtt").write_text(VTT, encoding="utf-8")
    w = bare_window(qtbot, brief_file, audio_file)
    view = app_of(w).tracks.view
    w.action("show_transcript").trigger()
    choose(right_click(view, 1), "Copy with Time")
    assert QGuiApplication.clipboard().text().startswith("0:03 “")
    assert "Ghosts are digital spirits" in QGuiApplication.clipboard().text()
    w.playback.stop()


def test_edit_copy_takes_the_focused_item_and_copy_link_the_moment(qtbot, window) -> None:
    assert [a.text() for a in window.menus["Edit"].actions()] == [
        "&Copy with Time",
        "Copy &Link to This Moment",
    ]
    row = pane_row(window, CueKind.CONCEPT, "Ghost Idea")
    window.pane.setFocus()
    window.pane.setCurrentIndex(window.pane_model.index(row))
    qtbot.keyClick(window.pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    start = window.pane_model.row(row).cue.start_ms // 1000
    assert (
        QGuiApplication.clipboard().text()
        == f"0:0{start} Ghost Idea ({window.episode.display_title()})"
    )

    window.seek_brief(3_000)
    window.action("copy_link").trigger()
    clip = QGuiApplication.clipboard()
    assert clip.text() == f"brief-player://open?episode={window.episode.id}&t=0:03"


def test_the_starred_tab_plays_a_starred_item(qtbot, window) -> None:
    row = pane_row(window, CueKind.QUOTE, "Fifth second")
    window.pane.setCurrentIndex(window.pane_model.index(row))
    window.pane.setFocus()
    choose(right_click(window.pane, row), "Star")
    window.action("show_starred").trigger()
    starred = app_of(window).moments.starred
    assert window.side.currentWidget() is starred
    rect = starred.list.visualItemRect(starred.list.item(0))
    qtbot.mouseClick(starred.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(window.playback.is_playing)
    assert window.playback.now_ms() >= 5_000
