"""A listener who never touches the mouse: Tab, the arrows, Enter and the side-tab keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.journeys.conftest import press

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _tab_through(qtbot, w, presses: int = 40) -> list:
    reached = []
    for _ in range(presses):
        press(qtbot, w, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def test_tab_reaches_the_main_list_again_and_again(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    w.transport.play_button.setFocus()
    reached = _tab_through(qtbot, w)
    assert reached.count(w.pane) >= 2  # the cycle comes round to it, not only at the start
    assert w.side.takeaway_view in reached


def test_side_tabs_switch_from_the_keyboard(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    side = w.side
    titles = [side.tabText(i) for i in range(side.count())]
    w.pane.setFocus()
    press(qtbot, w, Qt.Key.Key_2, ALT)
    assert side.currentIndex() == 1, titles
    press(qtbot, w, Qt.Key.Key_PageDown, CTRL)
    assert side.currentIndex() == 2
    press(qtbot, w, Qt.Key.Key_Tab, CTRL)
    assert side.currentIndex() == 3
    press(qtbot, w, Qt.Key.Key_PageUp, CTRL)
    assert side.currentIndex() == 2
    press(qtbot, w, Qt.Key.Key_1, ALT)
    assert side.currentIndex() == 0
    # The keyboard went to the tab shown, so the arrows move in its list at once.
    assert QApplication.focusWidget() is side.takeaway_view


def test_takeaways_show_the_current_row_and_reach_the_second_moment(
    qtbot, session, audio_file
) -> None:
    w = session.start(audio_file)
    view = w.side.takeaway_view
    press(qtbot, w, Qt.Key.Key_1, ALT)
    press(qtbot, w, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    before = view.viewport().grab().toImage()
    press(qtbot, w, Qt.Key.Key_Right)  # to the takeaway's second ▶ chip (0:12)
    after = view.viewport().grab().toImage()
    assert before != after  # the ring moved to the second chip
    press(qtbot, w, Qt.Key.Key_Return)
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)
    assert 12_000 <= w.clock.brief_ms() < 13_500


def test_the_current_takeaway_and_search_hit_have_a_ring(qtbot, session, audio_file) -> None:
    w = session.start(audio_file)
    highlight = w.palette().highlight().color()
    for show, view in (
        (Qt.Key.Key_1, w.side.takeaway_view),
        (Qt.Key.Key_2, w.side.search_view),
    ):
        press(qtbot, w, show, ALT)
        if view is w.side.search_view:
            qtbot.keyClicks(w.side.search_edit, "ghosts")
            qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 1, timeout=2_000)
            view.setFocus()
        press(qtbot, w, Qt.Key.Key_Down)
        current = view.currentIndex()
        assert current.isValid()
        image = view.viewport().grab().toImage()
        rect = view.visualRect(current)
        ring = sum(
            _near(image.pixelColor(x, rect.top() + 1), highlight)
            for x in range(rect.left() + 6, rect.right() - 6)
        )
        assert ring > rect.width() // 2, view.accessibleName()


def _near(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60
