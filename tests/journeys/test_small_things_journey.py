"""The small things a listener meets in an hour with the app: messages, names, dialogs, size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.journeys.conftest import Session, answer_modal, pick_file, press
from tests.media import make_wav
from tests.ui.repaint import last_whole_row_halfway_down


def _status(w) -> str:
    return w.statusBar().currentMessage()


def test_undoing_a_delete_takes_back_the_message_that_offered_it(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    w.seek_brief(6_500)
    press(qtbot, w, Qt.Key.Key_N)
    notes = session.app().notes
    qtbot.keyClicks(notes.editor.text_edit, "worth keeping")
    notes.editor.accept()
    notes.tab.delete_requested.emit(notes.notes()[0])
    assert "Ctrl+Z brings it back" in _status(w)
    notes.window.action("note_undo").trigger()
    assert [n.text for n in notes.notes()] == ["worth keeping"]
    assert "Ctrl+Z brings it back" not in _status(w)
    assert "is back" in _status(w)


def test_starring_a_long_quote_says_so_without_cutting_a_word(
    qtbot, tmp_path: Path, seed_path: Path
) -> None:
    karpathy = Session(qtbot, seed_path, tmp_path / "data" / "notes.db")
    try:
        w = karpathy.start()
        w.seek_brief(17_500)  # "…we're building ghosts... these sort of ethereal spirit…"
        press(qtbot, w, Qt.Key.Key_S)
        message = _status(w)
        assert message.startswith("Starred quote: We're not actually building animals")
        assert ".." not in message.replace("...", "")  # the quote's own "..." is fine
        assert not message.endswith("ghosts..")
        words = message.removeprefix("Starred quote: ").rstrip("…").split()
        quote = w.episode.brief.quotes[0].text.split()
        assert words == quote[: len(words)]  # whole words of the quote, none cut in two
    finally:
        karpathy.window.close()
        karpathy.finish()


def test_all_notes_names_the_episode_by_its_title(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    press(qtbot, w, Qt.Key.Key_N)
    session.app().notes.editor.accept()
    dialog = session.app().notes.show_all_notes()
    header = dialog.delegate._header(dialog.model.note(0))
    assert "A listening session" in header
    assert w.episode.id not in header
    dialog.close()


def test_about_says_which_version(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)

    def read_and_close(box: QMessageBox) -> str:
        text = box.text()
        box.accept()
        return text

    seen = answer_modal(read_and_close, QMessageBox)
    w.action("about").trigger()
    from importlib.metadata import version

    assert seen and version("brief-player") in seen[0]


def test_file_dialogs_open_in_the_last_folder_used(qtbot, session, tmp_path: Path) -> None:
    w = session.start(wait_for_audio=False)
    copy = make_wav(tmp_path / "my copies" / "episode.wav", 40.0)

    seen = pick_file(copy)
    w.action("attach_audio").trigger()
    qtbot.waitUntil(lambda: w.playback.source == copy, timeout=5_000)

    def look_and_cancel(dialog: QFileDialog) -> str:
        shown = dialog.directory().absolutePath()
        dialog.reject()
        return shown

    seen_next = answer_modal(look_and_cancel, QFileDialog)
    w.action("open_brief").trigger()
    assert seen == [str(Path.home())]
    assert seen_next == [str(copy.parent)]


def test_space_without_audio_says_why(qtbot, session) -> None:
    w = session.start(wait_for_audio=False)
    assert w.playback.source is None
    w.pane.setFocus()
    press(qtbot, w, Qt.Key.Key_Space)
    assert not w.playback.is_playing()
    assert "no audio is attached" in _status(w)
    assert "Attach Audio" in _status(w)


def test_a_small_window_keeps_every_side_tab_in_sight_and_the_notice_can_go(qtbot, session) -> None:
    w = session.start(wait_for_audio=False)
    w.resize(800, 600)
    qtbot.wait(50)
    bar = w.side.tabBar()
    for i in range(w.side.count()):
        if w.side.isTabVisible(i):
            assert bar.rect().contains(bar.tabRect(i)), w.side.tabText(i)
    banner = w.header.banner
    assert banner.isVisible()
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_help_speaks_plain_words(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    texts = [a.text() for a in w.menus["Help"].actions()]
    assert not any("Unreadable" in t for t in texts), texts


def test_a_note_edited_in_a_long_list_stays_where_it_was_and_is_kept(
    qtbot, session, audio_file
) -> None:
    """Forty notes taken while listening; one near the bottom of the Notes tab is edited with
    F2: the list does not move, the note stays chosen, the pane shows the new words; Ctrl+Z and
    Ctrl+Shift+Z walk it back and forth; after quitting, the next start has the new words."""
    w = session.start(audio_file)
    notes = session.app().notes
    for i in range(40):
        w.seek_brief(100 + 150 * i)
        press(qtbot, w, Qt.Key.Key_N)
        qtbot.keyClicks(notes.editor.text_edit, f"thought {i}")
        notes.editor.accept()
    w.side.setCurrentWidget(notes.tab)
    view, bar = notes.tab.view, notes.tab.view.verticalScrollBar()
    row = last_whole_row_halfway_down(qtbot, view)
    view.setFocus()
    view.setCurrentIndex(notes.model.index(row))
    chosen, value = notes.model.note(row), bar.value()

    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = notes.editor
    editor.text_edit.selectAll()
    qtbot.keyClicks(editor.text_edit, "the one worth keeping")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert notes.editor is None
    assert bar.value() == value
    assert view.currentIndex().row() == row
    assert notes.model.note(row).text == "the one worth keeping"
    assert "the one worth keeping" in [
        w.pane_model.row(i).body for i in range(w.pane_model.rowCount())
    ]

    press(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.model.note(row).text == chosen.text and bar.value() == value
    press(
        qtbot,
        w,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert notes.model.note(row).text == "the one worth keeping" and bar.value() == value
    session.quit_with_keys()

    again = session.start(audio_file)
    kept = session.app().notes.notes()
    assert len(kept) == 40
    assert [n.text for n in kept if n.id == chosen.id] == ["the one worth keeping"]
    assert [n.start_ms for n in kept if n.id == chosen.id] == [chosen.start_ms]
    assert again.side.tabText(again.side.indexOf(session.app().notes.tab)) == "Notes (40)"
