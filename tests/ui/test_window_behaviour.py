"""What the listener sees around playback: search, errors, following, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QTableWidget

from tests.ui.conftest import active_texts


def test_search_as_you_type_highlights_words_and_jumps(qtbot, window) -> None:
    window.actions_by_name["search"].trigger()
    assert window.side.currentWidget() is window.side.search_page
    qtbot.keyClicks(window.side.search_edit, "ghos")
    qtbot.waitUntil(lambda: window.side.search_model.rowCount() > 0, timeout=2000)
    rows = window.side.search_model.rows()
    kinds = {r.kind for r in rows}
    assert {"quote", "concept", "takeaway", "summary"} <= kinds
    first_quote = next(r for r in rows if r.kind == "quote")
    a, b = first_quote.spans[0]
    assert first_quote.text[a:b].lower().startswith("ghos")
    index = window.side.search_model.index(rows.index(first_quote))
    rect = window.side.search_view.visualRect(index)
    qtbot.mouseClick(
        window.side.search_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    assert abs(window.playback.now_ms() - first_quote.at_ms) < 600
    assert window.side.search_status.text().endswith("matches")


def test_a_corrupt_audio_file_is_reported_and_the_brief_still_works(
    qtbot, brief_file: Path, tmp_path: Path
) -> None:
    from player.ui.brief_search import brief_search
    from player.ui.loading import episode_from_brief_file
    from player.ui.main_window import MainWindow

    bad = tmp_path / "broken.mp3"
    bad.write_bytes(b"ID3\x04\x00\x00garbage" + bytes(range(256)) * 20)
    w = MainWindow()
    qtbot.addWidget(w)
    episode = episode_from_brief_file(brief_file)
    w.add_search_provider(brief_search(episode))
    w.open_episode(episode, audio=bad)
    w.show()
    qtbot.waitUntil(lambda: w.header.banner.kind == "error", timeout=10_000)
    assert "broken.mp3" in w.header.banner.message.text()
    assert w.header.banner.isVisible()
    # The brief is still usable: clicking a quote highlights it, search still answers.
    w.play_from(2_000)
    assert active_texts(w)[0].startswith("Second quote")
    w.side.search_edit.setText("engineering")
    qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 0, timeout=2000)


def test_a_missing_audio_file_is_reported(qtbot, brief_file: Path, tmp_path: Path) -> None:
    from player.ui.loading import episode_from_brief_file
    from player.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.open_episode(episode_from_brief_file(brief_file), audio=tmp_path / "gone.opus")
    assert w.header.banner.kind == "error"
    assert "gone.opus" in w.header.banner.message.text()
    assert "missing" in w.header.banner.message.text()


def _long_window(qtbot, tmp_path: Path):
    """A brief long enough to scroll: 60 quotes, ten seconds apart."""
    from player.ui.loading import episode_from_brief_file
    from player.ui.main_window import MainWindow

    lines = ["Long Guest — “Many quotes”", "Quotes"]
    lines += [
        f'- At {i * 10 // 60}:{i * 10 % 60:02d} - "Quote number {i}." - ctx {i}' for i in range(60)
    ]
    brief = tmp_path / "long.txt"
    brief.write_text("\n".join(lines), encoding="utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    # No audio: the brief can still be browsed and scrubbed over its whole length.
    w.open_episode(episode_from_brief_file(brief), audio=None)
    w.resize(1000, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_following_scrolls_only_when_needed_and_breaks_on_user_scroll(qtbot, tmp_path) -> None:
    w = _long_window(qtbot, tmp_path)
    w.seek_brief(5)  # quote 0, visible at the top: no scroll
    QApplication.processEvents()
    assert w.pane.scroll_count == 0
    w.seek_brief(10_005)  # quote 1, still visible: still no scroll
    assert w.pane.scroll_count == 0
    w.seek_brief(450_005)  # quote 45: off screen, scrolled into view
    QApplication.processEvents()
    assert w.pane.scroll_count == 1
    row = w.pane_model.active_rows()[0]
    assert w.pane.row_visible(row)

    # The listener scrolls away: following stops and "Back to now" appears.
    vp = w.pane.viewport()
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(vp.mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 480),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, wheel)
    assert not w.pane.is_following()
    assert w.pane.back_to_now.isVisible()
    w.seek_brief(560_005)  # quote 56 plays; the view stays where the listener put it
    assert not w.pane.row_visible(w.pane_model.active_rows()[0])

    qtbot.mouseClick(w.pane.back_to_now, Qt.MouseButton.LeftButton)
    assert w.pane.is_following()
    assert not w.pane.back_to_now.isVisible()
    assert w.pane.row_visible(w.pane_model.active_rows()[0])


def test_keyboard_shortcuts_drive_playback(qtbot, window) -> None:
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Space)
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    qtbot.keyClick(window.pane, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.playback.is_playing(), timeout=3000)
    qtbot.keyClick(window.pane, Qt.Key.Key_BracketRight)
    assert window.playback.rate() > 1.0
    qtbot.keyClick(window.pane, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(window.pane, Qt.Key.Key_BracketLeft)
    assert window.playback.rate() < 1.0
    qtbot.keyClick(window.pane, Qt.Key.Key_M)
    assert window.playback.is_muted()
    assert window.transport.mute_button.isChecked()
    before = window.playback.now_ms()
    qtbot.keyClick(window.pane, Qt.Key.Key_L)
    assert window.playback.now_ms() >= min(before + 6_000, window.playback.duration_ms() - 10)
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.side.search_edit.hasFocus()
    # Typing a space in the search box types a space; it does not toggle playback.
    qtbot.keyClicks(window.side.search_edit, "a b")
    assert window.side.search_edit.text() == "a b"
    assert not window.playback.is_playing()


def test_shortcuts_dialog_lists_every_key(qtbot, window) -> None:
    from player.ui.dialogs import shortcuts_dialog

    dialog = shortcuts_dialog(window, window.actions_by_name)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts_table")
    texts = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert "Space" in texts["Play / Pause"]
    assert "Ctrl+F" in texts["Search"]
    assert "M" in texts["Mute"]
