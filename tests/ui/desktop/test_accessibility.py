"""Screen-reader users can name every control, tab through them in order, and hear the quote."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QSlider,
    QWidget,
)

from tests.ui.apps import app_of

CONTROLS = (QAbstractButton, QSlider, QLineEdit, QAbstractItemView, QComboBox)


def _controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def test_every_focusable_control_has_an_accessible_name(qtbot, window) -> None:
    window.header.banner.show_message("info", "A notice with a button.")
    window.pane.set_follow_enabled(True)
    controls = _controls(window)
    assert len(controls) > 10
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} text={getattr(w, 'text', lambda: '')()!r}"
        for w in controls
        if not w.accessibleName().strip()
    ]
    assert unnamed == []


def test_tab_moves_through_the_window_in_reading_order(qtbot, window) -> None:
    from player.ui.desktop.accessibility import tab_chain

    chain = [w for w in tab_chain(window) if w.isVisible()]
    window.activateWindow()
    chain[0].setFocus()
    qtbot.waitUntil(chain[0].hasFocus, timeout=2000)
    seen = [QApplication.focusWidget()]
    for _ in range(len(chain) - 1):
        window.focusNextChild()
        seen.append(QApplication.focusWidget())
    t = window.transport
    order = [w for w in seen if w in chain]
    assert order.index(window.pane) < order.index(t.play_button)
    play, seek = order.index(t.play_button), order.index(t.seek_slider)
    assert order.index(t.back_button) < play < order.index(t.forward_button) < seek
    assert seek < order.index(t.volume_slider)


class FakeClock:
    def __init__(self) -> None:
        self.ms = 0.0

    def __call__(self) -> float:
        return self.ms


def test_quote_announcements_are_rate_limited_and_the_latest_wins(qtbot, window) -> None:
    from player.ui.desktop.accessibility import QuoteAnnouncer

    clock = FakeClock()
    announcer = QuoteAnnouncer(window.pane, clock=clock)
    window.clock.active_changed.connect(announcer.on_active)
    # A quick series of seeks: first, second, third quote within 300 ms of each other.
    for at_ms in (1_000, 2_000, 3_000):
        window.seek_brief(at_ms + 100)
        qtbot.wait(20)
        clock.ms += 100
    assert announcer.announced == ["Quote: First quote about ghosts and spirits."]
    clock.ms = 2_000  # the interval is over: only the latest of the skipped ones is spoken
    qtbot.waitUntil(lambda: len(announcer.announced) == 2, timeout=3000)
    assert announcer.announced[1] == "Quote: Third quote, ghosts again, digital spirits."
    assert window.pane.accessibleDescription() == announcer.announced[1]
    clock.ms = 2_500
    window.seek_brief(5_100)
    qtbot.wait(50)
    assert len(announcer.announced) == 2  # too soon after the last one
    clock.ms = 4_100
    qtbot.waitUntil(lambda: len(announcer.announced) == 3, timeout=3000)
    assert announcer.announced[2] == "Quote: Fifth second quote near the end."


def test_the_window_announces_the_quote_it_is_playing(qtbot, window) -> None:
    window.seek_brief(2_100)
    qtbot.waitUntil(lambda: bool(app_of(window).desktop.announcer.announced), timeout=3000)
    assert (
        app_of(window).desktop.announcer.announced[-1] == "Quote: Second quote on engineering work."
    )
