"""Reading along: a note's own lines, whole transcript lines, and text that stays readable when
the listener switches the theme with the window open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from player.core.timeline import CueKind
from player.ui.notes.notes_model import NOTE_ROLE
from player.ui.preferences.dialog import THEMES
from tests.journeys.conftest import press
from tests.ui.test_theme_contrast import _texts_below_aa, restore_palette  # noqa: F401
from tests.ui.test_tracks import write_vtt

SHIFT = Qt.KeyboardModifier.ShiftModifier
LONG = " ".join(f"word{i}" for i in range(80)) + " LASTWORD"


def _take_note(qtbot, session, w, lines: list[str]) -> None:
    """N, the lines typed with Shift+Enter between them, Enter saves."""
    press(qtbot, w, Qt.Key.Key_N)
    editor = session.app().notes.editor
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, SHIFT)
        qtbot.keyClicks(editor.text_edit, line)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)


def _note_card_heights(session, w, text: str) -> tuple[int, int]:
    """The note's card height in the Notes tab and in the synced pane."""
    tab = session.app().notes.tab.view
    model = tab.model()
    row = next(r for r in range(model.rowCount()) if model.index(r).data(NOTE_ROLE).text == text)
    pane_row = next(
        i
        for i in range(w.pane_model.rowCount())
        if w.pane_model.row(i).cue.kind == CueKind.NOTE and w.pane_model.row(i).body == text
    )
    return (
        tab.visualRect(model.index(row)).height(),
        w.pane.visualRect(w.pane_model.index(pane_row)).height(),
    )


def test_a_note_typed_on_two_lines_shows_two_lines_after_a_restart(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    w.seek_brief(4_000)
    _take_note(qtbot, session, w, ["Second note", "line two"])
    w.seek_brief(9_000)
    _take_note(qtbot, session, w, ["Second note line two"])
    session.quit_with_keys()

    again = session.start()
    again.side.setCurrentWidget(session.app().notes.tab)
    QApplication.processEvents()
    broken = _note_card_heights(session, again, "Second note\nline two")
    flat = _note_card_heights(session, again, "Second note line two")
    line = again.fontMetrics().height()
    assert broken[0] - flat[0] >= line * 0.8, (broken, flat)  # the Notes tab
    assert broken[1] - flat[1] >= line * 0.8, (broken, flat)  # the synced pane


def test_the_transcript_shows_the_line_heard_whole(qtbot, session, audio_file: Path) -> None:
    lines = [(i * 2_000, i * 2_000 + 2_000, f"line {i}") for i in range(16)]
    lines[5] = (10_000, 12_000, LONG)
    write_vtt(audio_file.with_suffix(".vtt"), lines)  # beside the audio: picked up at start
    w = session.start(audio_file)
    press(qtbot, w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | SHIFT)
    view, model = session.app().tracks.view, session.app().tracks.model
    qtbot.waitUntil(view.isVisible, timeout=2_000)
    w.seek_brief(10_500)
    w.playback.play()
    qtbot.waitUntil(lambda: model.active_rows() == [5], timeout=5_000)
    QApplication.processEvents()
    fm = view.fontMetrics()
    needed = fm.horizontalAdvance(LONG) // view.viewport().width() + 1
    rect = view.visualRect(model.index(5))
    assert needed >= 3  # more than the two lines it used to be cut at
    assert rect.height() >= needed * fm.lineSpacing(), (rect.height(), needed)
    assert model.index(5).data(Qt.ItemDataRole.ToolTipRole) is None  # nothing hidden to tip
    assert view.viewport().rect().contains(rect)


def test_switching_to_dark_in_preferences_keeps_every_text_readable(
    qtbot,
    session,
    restore_palette,  # noqa: F811
) -> None:
    w = session.start(wait_for_audio=False)  # no audio yet: the notice says so
    assert w.header.banner.isVisible() and w.header.subtitle.isVisible()
    assert _texts_below_aa(w) == {}
    qtbot.keyClick(w, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = session.app().preferences.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.theme_combo.setCurrentIndex(THEMES.index("dark"))  # the listener picks Dark
    dialog.close()
    qtbot.wait(20)
    assert w.palette().window().color().lightness() < 80  # dark now, without a restart
    assert _texts_below_aa(w) == {}
