"""The listener's notes in the window: taken with a key, listed, found, lit, starred, exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from player.core.storage.notes import Note
from player.core.timeline import CueKind
from player.ui.app_data import AppData
from player.ui.models.pane_model import Role
from tests.ui.apps import app_of, open_main_window
from tests.ui.repaint import last_whole_row_halfway_down

NASTY = "<b>bold</b><script>x</script>"


@pytest.fixture
def data(tmp_path: Path) -> AppData:
    return AppData(tmp_path / "notes.db")


def open_window(qtbot, brief_file: Path, audio_file: Path, data: AppData):
    """A shown window on ``data`` with its audio loaded and the keys going to the pane."""
    w = open_main_window(brief_file, audio=audio_file, data=data, at_ms=0)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    w.pane.setFocus()
    return w


@pytest.fixture
def win(qtbot, brief_file: Path, audio_file: Path, data: AppData):
    w = open_window(qtbot, brief_file, audio_file, data)
    yield w
    w.playback.stop()


def key(qtbot, w, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(w.pane, k, mods)


def editor_of(w):
    assert app_of(w).notes.editor is not None, "the note editor did not open"
    return app_of(w).notes.editor


def pane_note_bodies(w) -> list[str]:
    m = w.pane_model
    return [m.row(i).body for i in range(m.rowCount()) if m.row(i).cue.kind == CueKind.NOTE]


def select_pane_row(w, kind: CueKind, ref: int) -> None:
    m = w.pane_model
    row = next(
        i for i in range(m.rowCount()) if m.row(i).cue.kind == kind and m.row(i).cue.ref == ref
    )
    w.pane.setFocus()  # the listener moves the keyboard there, as a click or the arrows do
    w.pane.setCurrentIndex(m.index(row))


def test_n_notes_the_moment_of_the_key_press_and_enter_saves_text_and_tags(
    qtbot, win, data
) -> None:
    win.seek_brief(2_400)
    win.playback.play()
    qtbot.waitUntil(lambda: win.clock.brief_ms() > 2_600, timeout=3000)
    pressed_at = win.clock.brief_ms()
    key(qtbot, win, Qt.Key.Key_N)
    editor = editor_of(win)
    [saved] = data.notes.for_episode(app_of(win).notes.episode_id)
    # Taken at the key press, not when the editor closes, though the audio keeps playing.
    assert pressed_at <= saved.start_ms <= pressed_at + 300
    qtbot.keyClicks(editor.text_edit, "Ghosts, not animals")
    qtbot.keyClicks(editor.tags_edit, "#AI  ghosts")
    editor.text_edit.setFocus()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert app_of(win).notes.editor is None
    [saved] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert saved.text == "Ghosts, not animals"
    assert saved.tags == ("AI", "ghosts")
    assert app_of(win).notes.model.rowCount() == 1
    assert "Ghosts, not animals" in pane_note_bodies(win)


def test_escape_leaves_a_bare_bookmark_and_shift_enter_is_a_new_line(qtbot, win, data) -> None:
    win.seek_brief(1_500)
    key(qtbot, win, Qt.Key.Key_N)
    qtbot.keyClick(editor_of(win).text_edit, Qt.Key.Key_Escape)
    [bookmark] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert (bookmark.start_ms, bookmark.text) == (1_500, "")

    win.seek_brief(4_000)
    key(qtbot, win, Qt.Key.Key_N)
    editor = editor_of(win)
    qtbot.keyClicks(editor.text_edit, "one")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor.text_edit, "two")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    texts = [n.text for n in data.notes.for_episode(app_of(win).notes.episode_id)]
    assert texts == ["", "one\ntwo"]


def test_shift_n_attaches_the_note_to_the_selected_quote(qtbot, win, data) -> None:
    win.seek_brief(4_500)
    select_pane_row(win, CueKind.QUOTE, 1)  # chosen after the quote playing began
    key(qtbot, win, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor_of(win).text_edit, "about the work")
    editor_of(win).accept()
    [note] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert note.attached is not None
    assert (note.attached.kind, note.attached.ref) == ("quote", 1)
    assert note.attached.label == "Second quote on engineering work."
    assert note.start_ms == 2_000  # the quote's moment, not the playhead's


def test_a_and_b_make_a_clip_that_plays_loops_and_nudges(qtbot, win, data) -> None:
    win.seek_brief(1_000)
    key(qtbot, win, Qt.Key.Key_A)
    win.seek_brief(2_000)
    key(qtbot, win, Qt.Key.Key_B)
    qtbot.keyClick(editor_of(win).text_edit, Qt.Key.Key_Escape)
    [clip] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert (clip.start_ms, clip.end_ms) == (1_000, 2_000)

    win.actions_by_name["clip_end_later"].trigger()
    win.actions_by_name["clip_start_earlier"].trigger()
    [clip] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert (clip.start_ms, clip.end_ms) == (0, 3_000)
    win.actions_by_name["clip_start_later"].trigger()
    win.actions_by_name["clip_end_earlier"].trigger()
    [clip] = data.notes.for_episode(app_of(win).notes.episode_id)
    assert (clip.start_ms, clip.end_ms) == (1_000, 2_000)

    win.playback.set_rate(2.0)
    win.actions_by_name["clip_loop"].trigger()
    assert app_of(win).notes.looper.is_looping()
    qtbot.waitUntil(lambda: app_of(win).notes.looper.loops >= 2, timeout=6000)
    assert 900 <= win.clock.brief_ms() < 2_300  # still inside the clip
    # Any other seek ends the loop.
    key(qtbot, win, Qt.Key.Key_Right)
    assert not app_of(win).notes.looper.is_looping()
    assert not win.actions_by_name["clip_loop"].isChecked()
    loops = app_of(win).notes.looper.loops
    qtbot.wait(1500)
    assert app_of(win).notes.looper.loops == loops

    win.playback.pause()
    win.actions_by_name["clip_play"].trigger()
    assert win.playback.is_playing()
    assert abs(win.clock.brief_ms() - 1_000) < 300


def test_b_without_a_makes_no_clip(qtbot, win, data) -> None:
    win.seek_brief(3_000)
    key(qtbot, win, Qt.Key.Key_B)
    assert data.notes.count() == 0
    assert "Press A" in win.statusBar().currentMessage()


def test_s_stars_the_selected_quote_and_takeaway(qtbot, win, data) -> None:
    select_pane_row(win, CueKind.QUOTE, 2)
    key(qtbot, win, Qt.Key.Key_S)
    row = win.pane_model.row_of(
        next(c for c in win.timeline if c.kind == CueKind.QUOTE and c.ref == 2)
    )
    assert win.pane_model.index(row).data(Role.STARRED)
    assert data.notes.stars(app_of(win).notes.episode_id) == {("quote", 2)}

    win.side.setCurrentWidget(win.side.takeaway_view)
    win.side.takeaway_view.setCurrentIndex(win.side.takeaway_model.index(0))
    win.side.takeaway_view.setFocus()
    qtbot.keyClick(win.side.takeaway_view, Qt.Key.Key_S)
    assert data.notes.stars(app_of(win).notes.episode_id) == {("quote", 2), ("takeaway", 0)}
    from player.ui.models.takeaway_model import STARRED_ROLE

    assert win.side.takeaway_model.index(0).data(STARRED_ROLE)
    qtbot.keyClick(win.side.takeaway_view, Qt.Key.Key_S)  # again: unstarred
    assert data.notes.stars(app_of(win).notes.episode_id) == {("quote", 2)}
    assert not win.side.takeaway_model.index(0).data(STARRED_ROLE)


def test_notes_tab_plays_edits_and_deletes_with_undo(qtbot, win, data) -> None:
    ep = app_of(win).notes.episode_id
    for at, text in ((4_000, "later"), (1_500, "earlier")):
        data.notes.add(Note(episode_id=ep, start_ms=at, text=text))
    app_of(win).notes.reload()
    tab = app_of(win).notes.tab
    win.side.setCurrentWidget(tab)
    assert [n.text for n in app_of(win).notes.notes()] == ["earlier", "later"]
    assert win.side.tabText(win.side.indexOf(tab)) == "Notes (2)"

    view = tab.view
    view.setFocus()
    view.setCurrentIndex(tab.model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(win.playback.is_playing, timeout=3000)
    assert abs(win.clock.brief_ms() - 4_000) < 400
    win.playback.pause()

    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = editor_of(win)
    assert editor.text_edit.toPlainText() == "later"
    editor.text_edit.setPlainText("later, edited")
    editor.tags_edit.setText("work")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Return)
    assert [n.text for n in data.notes.for_episode(ep)] == ["earlier", "later, edited"]
    assert data.notes.for_episode(ep)[1].tags == ("work",)

    view.setFocus()
    view.setCurrentIndex(tab.model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [n.text for n in data.notes.for_episode(ep)] == ["later, edited"]
    assert pane_note_bodies(win) == ["later, edited"]
    key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = data.notes.for_episode(ep)
    assert [n.text for n in restored] == ["earlier", "later, edited"]
    assert pane_note_bodies(win) == ["earlier", "later, edited"]
    key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the edit too
    assert [n.text for n in data.notes.for_episode(ep)] == ["earlier", "later"]


def test_notes_are_markers_cards_and_light_up_when_playback_reaches_them(qtbot, win, data) -> None:
    ep = app_of(win).notes.episode_id
    data.notes.add(Note(episode_id=ep, start_ms=3_500, text="lights up"))
    data.notes.add(Note(episode_id=ep, start_ms=5_500, end_ms=6_500, text="a clip"))
    app_of(win).notes.reload()
    strip_notes = [c for c in win.strip.cues() if c.kind == CueKind.NOTE]
    assert [c.start_ms for c in strip_notes] == [3_500, 5_500]
    assert pane_note_bodies(win) == ["lights up", "a clip"]

    win.seek_brief(3_200)
    assert not any(tab_active(win))
    win.playback.play()
    qtbot.waitUntil(lambda: tab_active(win)[0], timeout=3000)
    active = [win.pane_model.row(r).cue for r in win.pane_model.active_rows()]
    assert any(c.kind == CueKind.NOTE and c.text == "lights up" for c in active)
    assert abs(win.clock.brief_ms() - 3_500) < 300


def tab_active(w) -> list[bool]:
    from player.ui.notes.notes_model import ACTIVE_ROLE

    m = app_of(w).notes.model
    return [bool(m.index(i).data(ACTIVE_ROLE)) for i in range(m.rowCount())]


def test_next_and_previous_note_keys(qtbot, win, data) -> None:
    ep = app_of(win).notes.episode_id
    for at in (1_200, 3_300, 5_800):
        data.notes.add(Note(episode_id=ep, start_ms=at, text=f"at {at}"))
    app_of(win).notes.reload()
    win.seek_brief(0)
    key(qtbot, win, Qt.Key.Key_Period)
    assert win.clock.brief_ms() == 1_200
    key(qtbot, win, Qt.Key.Key_Period)
    assert win.clock.brief_ms() == 3_300
    key(qtbot, win, Qt.Key.Key_Period)
    key(qtbot, win, Qt.Key.Key_Period)  # nothing after the last: stays
    assert win.clock.brief_ms() == 5_800
    key(qtbot, win, Qt.Key.Key_Comma)
    assert win.clock.brief_ms() == 3_300
    key(qtbot, win, Qt.Key.Key_Comma)
    assert win.clock.brief_ms() == 1_200


def test_search_finds_notes_with_the_brief(qtbot, win, data) -> None:
    ep = app_of(win).notes.episode_id
    data.notes.add(Note(episode_id=ep, start_ms=4_200, text="my own ghostly thought"))
    app_of(win).notes.reload()
    win.actions_by_name["search"].trigger()
    qtbot.keyClicks(win.side.search_edit, "ghost")
    qtbot.waitUntil(lambda: win.side.search_model.rowCount() > 0, timeout=2000)
    rows = win.side.search_model.rows()
    kinds = {r.kind for r in rows}
    assert "note" in kinds and "quote" in kinds
    note_row = next(r for r in rows if r.kind == "note")
    a, b = note_row.spans[0]
    assert note_row.text[a:b].lower().startswith("ghost")
    assert note_row.at_ms == 4_200


def test_note_text_is_shown_as_text_never_markup(qtbot, win, data) -> None:
    win.seek_brief(2_500)
    key(qtbot, win, Qt.Key.Key_N)
    editor = editor_of(win)
    qtbot.keyClicks(editor.text_edit, NASTY)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    model = app_of(win).notes.model
    index = model.index(0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == NASTY
    doc = QTextDocument()
    doc.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))
    assert NASTY in doc.toPlainText()
    assert NASTY in pane_note_bodies(win)
    pane_row = next(
        i for i in range(win.pane_model.rowCount()) if win.pane_model.row(i).cue.kind == "note"
    )
    assert NASTY in win.pane_model.index(pane_row).data(Qt.ItemDataRole.DisplayRole)
    # No label anywhere in the window may interpret the note as rich text.
    app_of(win).notes.edit(model.note(0))
    for label in [*win.findChildren(QLabel), *editor_of(win).findChildren(QLabel)]:
        if NASTY in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
    editor_of(win).reject()


def test_notes_survive_closing_and_reopening_the_window(
    qtbot, brief_file, audio_file, tmp_path
) -> None:
    first_data = AppData(tmp_path / "n.db")
    first = open_main_window(brief_file, audio=audio_file, data=first_data)
    qtbot.addWidget(first)
    first.show()
    first.seek_brief(3_000)
    app_of(first).notes.capture()
    qtbot.keyClicks(editor_of(first).text_edit, "kept")
    editor_of(first).accept()
    select_pane_row(first, CueKind.QUOTE, 0)
    app_of(first).notes.toggle_star()
    first.close()
    first.playback.stop()
    first_data.close()  # as the command does on quit: what is queued is written

    second = open_main_window(brief_file, audio=audio_file, data=AppData(tmp_path / "n.db"))
    qtbot.addWidget(second)
    second.show()
    assert [(n.start_ms, n.text) for n in app_of(second).notes.notes()] == [(3_000, "kept")]
    assert "kept" in pane_note_bodies(second)
    assert [c.start_ms for c in second.strip.cues() if c.kind == CueKind.NOTE] == [3_000]
    quote0 = next(c for c in second.timeline if c.kind == CueKind.QUOTE and c.ref == 0)
    assert second.pane_model.index(second.pane_model.row_of(quote0)).data(Role.STARRED)
    second.playback.stop()


def test_all_notes_lists_every_episode_newest_first_and_jumps(qtbot, win, data) -> None:
    ep = app_of(win).notes.episode_id
    data.notes.add(Note(episode_id="other-show-1", start_ms=9_000, text="elsewhere"))
    data.notes.add(Note(episode_id=ep, start_ms=2_200, text="here"))
    win.actions_by_name["all_notes"].trigger()
    dialog = app_of(win).notes.all_notes_dialog
    qtbot.addWidget(dialog)
    texts = [dialog.model.note(i).text for i in range(dialog.model.rowCount())]
    assert texts == ["here", "elsewhere"]
    view = dialog.view
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0)).center(),
    )
    qtbot.waitUntil(win.playback.is_playing, timeout=3000)
    assert abs(win.clock.brief_ms() - 2_200) < 400
    win.playback.pause()
    dialog.model.note(1)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(1)).center(),
    )
    assert "other-show-1" in win.statusBar().currentMessage()
    qtbot.keyClicks(dialog.filter_edit, "elsew")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=2000)


def test_export_and_import_through_the_notes_menu(qtbot, win, data, tmp_path, monkeypatch) -> None:
    pytest.importorskip("player.core.storage.export")
    ep = app_of(win).notes.episode_id
    data.notes.add(Note(episode_id=ep, start_ms=2_000, text="to keep", tags=("x",)))
    app_of(win).notes.reload()
    for name, check in (
        ("out.md", lambda t: "to keep" in t and t.startswith("# ")),
        ("out.json", lambda t: '"brief-player-notes"' in t),
        ("out.csv", lambda t: t.startswith("id,episode_id")),
    ):
        target = tmp_path / name
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target: (str(t), ""))
        )
        win.actions_by_name["notes_export"].trigger()
        # The file is written off the GUI thread; the status line says when it is done.
        qtbot.waitUntil(lambda: "exported" in win.statusBar().currentMessage(), timeout=5_000)
        assert check(target.read_text(encoding="utf-8")), name
        win.statusBar().clearMessage()

    # Import merges: a note deleted since the export comes back, nothing is doubled.
    app_of(win).notes.delete(app_of(win).notes.notes()[0])
    assert app_of(win).notes.model.rowCount() == 0
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(tmp_path / "out.json"), ""))
    )
    win.actions_by_name["notes_import"].trigger()
    assert [n.text for n in app_of(win).notes.notes()] == ["to keep"]
    win.actions_by_name["notes_import"].trigger()
    assert data.notes.count(ep) == 1
    QApplication.processEvents()


def _open_with_notes(qtbot, brief_file, audio_file, data, notes: list[tuple[int, str]]):
    """The window on an episode that already holds ``notes`` (moment, words)."""
    probe = open_window(qtbot, brief_file, audio_file, AppData(memory=True))
    episode_id = app_of(probe).notes.episode_id
    probe.playback.stop()
    probe.close()
    with data.db.transaction():
        for at, text in notes:
            data.notes.add(Note(episode_id=episode_id, start_ms=at, text=text))
    return open_window(qtbot, brief_file, audio_file, data)


def test_a_note_added_or_deleted_among_many_keeps_the_pane_where_the_listener_is(
    qtbot, brief_file, audio_file, data
) -> None:
    """No reset of the pane: the selected quote stays selected and the list does not jump."""
    w = _open_with_notes(
        qtbot, brief_file, audio_file, data, [(4_000 + i, f"old {i}") for i in range(2_000)]
    )
    episode_id = app_of(w).notes.episode_id
    notes = app_of(w).notes
    select_pane_row(w, CueKind.QUOTE, 2)
    selected = w.pane.currentIndex().data(Role.CUE)
    w.pane.scrollTo(w.pane.currentIndex())

    with qtbot.assertNotEmitted(w.pane_model.modelReset):
        added = notes.add(Note(episode_id=episode_id, start_ms=500, text="a new thought"))
        qtbot.wait(50)
    assert w.pane.currentIndex().data(Role.CUE) == selected
    assert "a new thought" in pane_note_bodies(w)
    assert any(c.kind == CueKind.NOTE and c.start_ms == 500 for c in w.strip.cues())
    assert w.side.tabText(w.side.indexOf(notes.tab)) == "Notes (2001)"
    w.seek_brief(600)
    qtbot.waitUntil(
        lambda: notes.model.index(0).data(Qt.ItemDataRole.DisplayRole) == "a new thought"
    )
    qtbot.waitUntil(lambda: tab_active(w)[0], timeout=3_000)  # it lights up when reached

    with qtbot.assertNotEmitted(w.pane_model.modelReset):
        notes.delete(added)
        notes.undo_stack.undo()
        notes.undo_stack.redo()
    assert w.pane.currentIndex().data(Role.CUE) == selected
    assert "a new thought" not in pane_note_bodies(w)
    assert w.side.tabText(w.side.indexOf(notes.tab)) == "Notes (2000)"
    assert [n.text for n in data.notes.for_episode(episode_id)][:1] == ["old 0"]


def test_editing_a_note_changes_its_card_in_place_and_nothing_scrolls(
    qtbot, brief_file, audio_file, data
) -> None:
    """The edited card gets its new words (and height) where it is; the Notes tab and the pane
    stay as the listener left them, with the note still chosen, and undo does the same."""
    w = _open_with_notes(
        qtbot, brief_file, audio_file, data, [(4_000 + 100 * i, f"n {i}") for i in range(60)]
    )
    w.playback.stop()
    notes = app_of(w).notes
    w.side.setCurrentWidget(notes.tab)
    view, bar = notes.tab.view, notes.tab.view.verticalScrollBar()
    row = last_whole_row_halfway_down(qtbot, view)
    notes.tab.select(notes.model.note(row).id)
    qtbot.wait(50)
    note = notes.model.note(row)
    value, pane_value = bar.value(), w.pane.verticalScrollBar().value()
    height = view.visualRect(notes.model.index(row)).height()

    longer = "new words " * 30
    edited = notes.save_edit(note, longer, ["idea"])
    qtbot.wait(50)
    assert (bar.value(), w.pane.verticalScrollBar().value()) == (value, pane_value)
    assert view.currentIndex().row() == row
    assert notes.model.note(row).text == longer
    assert view.visualRect(notes.model.index(row)).height() > height  # taller, not cut off
    below = view.visualRect(notes.model.index(row + 1))
    assert below.top() == view.visualRect(notes.model.index(row)).bottom() + 1
    assert longer.strip() in [b.strip() for b in pane_note_bodies(w)]
    assert [c.text for c in w.strip.cues() if c.start_ms == note.start_ms] == [longer]
    assert data.notes.get(note.id).text == longer

    notes.undo_stack.undo()
    qtbot.wait(50)
    assert bar.value() == value and view.currentIndex().row() == row
    assert notes.model.note(row).text == note.text
    assert view.visualRect(notes.model.index(row)).height() == height
    assert note.text in pane_note_bodies(w) and longer.strip() not in pane_note_bodies(w)
    assert data.notes.get(edited.id).text == note.text
