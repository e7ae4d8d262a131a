"""Every side tab in sight and recognisable, from a wide window down to 800 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionTab

from tests.journeys.conftest import Session, press


@pytest.fixture
def karpathy(qtbot, tmp_path: Path, seed_path: Path):
    """The bundled episode: a transcript and chapters beside it, so most tabs are there."""
    s = Session(qtbot, seed_path, tmp_path / "data" / "notes.db")
    yield s
    if s.window is not None:
        s.window.close()
    if s.data is not None:
        s.finish()


def _shown(side) -> list[int]:
    return [i for i in range(side.count()) if side.isTabVisible(i)]


def _drawn(bar, index: int) -> QStyleOptionTab:
    option = QStyleOptionTab()
    bar.initStyleOption(option, index)
    return option


def _check_every_tab(qtbot, w, width: int, height: int) -> None:
    w.resize(width, height)
    qtbot.waitUntil(lambda: w.width() == width, timeout=2_000)
    qtbot.wait(50)
    side, bar = w.side, w.side.tabBar()
    assert side.rect().contains(bar.geometry()), width
    for i in _shown(side):
        title = side.tabText(i)
        assert bar.rect().contains(bar.tabRect(i)), (width, title)
        drawn = _drawn(bar, i)
        # Its whole title, or an icon (and then the title in its tooltip): never "Se…".
        assert drawn.text in (title, ""), (width, title, drawn.text)
        assert drawn.text or not drawn.icon.isNull(), (width, title)
        assert title in bar.tab_tip(i) and f"Alt+{i + 1}" in bar.tab_tip(i)


def test_every_side_tab_stays_in_sight_and_named_at_any_width(qtbot, karpathy) -> None:
    w = karpathy.start()
    karpathy.app().moments.star(karpathy.app().moments._pane_moment(w.pane_model.index(0)), True)
    titles = [w.side.tabText(i) for i in _shown(w.side)]
    assert len(titles) == 7, titles  # Starred, Chapters and Transcript too
    for width, height in ((1280, 800), (1024, 700), (800, 600)):
        _check_every_tab(qtbot, w, width, height)
    # The chosen tab keeps its title in a small window while there is room for it.
    w.pane.setFocus()
    press(qtbot, w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert _drawn(w.side.tabBar(), 1).text == "Search"
    _check_every_tab(qtbot, w, 800, 600)


def test_a_wide_window_shows_every_title(qtbot, karpathy) -> None:
    w = karpathy.start()
    w.resize(1600, 900)
    qtbot.waitUntil(lambda: w.width() == 1600, timeout=2_000)
    bar = w.side.tabBar()
    assert [_drawn(bar, i).text for i in _shown(w.side)] == [
        w.side.tabText(i) for i in _shown(w.side)
    ]
