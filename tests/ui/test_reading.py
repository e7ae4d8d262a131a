"""Reading the pane and the search hits: the Back to now button, line length, concept names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from player.core.timeline import CueKind
from tests.media import make_wav
from tests.ui.conftest import bare_window

LONG_QUOTE = " ".join(
    ["the models are not animals they are ghosts of the internet and we summon them"] * 6
)
LONG_CONCEPT = " ".join(["a description that runs on"] * 12) + " and ends on a zeppelin"
BRIEF = f"""Test Guest — “Reading test”
A summary.
Key Concepts
- Jagged Frontier: {LONG_CONCEPT}.
Quotes
- At 0:01 - "A short first quote." - Context.
- At 0:04 - "{LONG_QUOTE}" - Context.
- At 0:05 - "A short last quote." - Context.
Takeaways
- Read slowly.
"""


@pytest.fixture
def reading(qtbot, tmp_path: Path):
    brief = tmp_path / "ep" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    w = bare_window(qtbot, brief, make_wav(tmp_path / "a.wav", 7.0, beeps_at=(1, 4, 5)))
    yield w
    w.playback.stop()


def _row_of(w, start: str) -> int:
    m = w.pane_model
    return next(i for i in range(m.rowCount()) if m.row(i).body.startswith(start))


def test_back_to_now_covers_no_card_and_goes_once_a_visible_row_plays(qtbot, window) -> None:
    pane = window.pane
    window.seek_brief(3_100)
    qtbot.waitUntil(lambda: bool(pane.lit_rows()), timeout=2000)
    pane.verticalScrollBar().triggerAction(pane.verticalScrollBar().SliderAction.SliderToMinimum)
    assert pane.back_to_now.isVisible()
    assert not pane.back_to_now.geometry().intersects(pane.viewport().geometry())
    row = _row_of(window, "Second")
    pane.setFocus()
    pane.setCurrentIndex(window.pane_model.index(row))
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert pane.is_following()
    assert not pane.back_to_now.isVisible()
    # Without the button no strip is kept free: the rows have the whole height again.
    assert pane.viewport().geometry().bottom() >= pane.height() - 4


def test_lines_keep_a_reading_measure_in_a_wide_window(qtbot, reading) -> None:
    w = reading
    w.resize(2200, 900)
    w.seek_brief(0)
    QApplication.processEvents()
    pane = w.pane
    rect = pane.visualRect(w.pane_model.index(_row_of(w, LONG_QUOTE[:20])))
    assert rect.width() > 1200, "the pane should be wide for this test"
    image = pane.viewport().grab().toImage()
    background = image.pixelColor(rect.right() - 2, rect.top() + 2)
    text_left = rect.left() + 90
    rightmost = max(
        (
            x
            for y in range(rect.top() + 4, rect.bottom() - 3)
            for x in range(text_left, rect.right() - 30)
            if image.pixelColor(x, y) != background
        ),
        default=text_left,
    )
    body = QFont(pane.font())
    body.setPointSizeF(body.pointSizeF() * 1.08)
    chars = (rightmost - text_left) / QFontMetricsF(body).averageCharWidth()
    assert 40 < chars <= 95, chars


def test_a_concept_hit_names_its_concept(qtbot, reading) -> None:
    from player.ui.delegates.search_hit import excerpt, header_text, titled

    w = reading
    hits = [r for r in w.search("zeppelin") if r.kind == CueKind.CONCEPT.value]
    assert hits
    hit = hits[0]
    assert "Jagged Frontier" in header_text(hit)
    shown, spans = excerpt(titled(hit)[1])
    # The matched word is still marked in what is shown below the name.
    assert any(shown[a:b].lower() == "zeppelin" for a, b in spans)


def test_a_screen_reader_hears_each_card_as_its_time_kind_and_words(qtbot, window) -> None:
    m = window.pane_model
    said = [m.index(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(m.rowCount())]
    assert said[:4] == [
        "0:01 — quote — First quote about ghosts and spirits. — The first context.",
        "0:02 — quote — Second quote on engineering work. — The second context.",
        "0:03 — quote — Third quote, ghosts again, digital spirits. — The third context.",
        "0:03 — concept — Ghost Idea — Digital ghosts that mimic people, not animals.",
    ]
    assert m.index(3).data(Qt.ItemDataRole.DisplayRole) == said[3]


def test_a_concept_met_again_later_in_the_pane_takes_one_line(qtbot, tmp_path) -> None:
    from player.ui.models.pane_model import Role

    brief = tmp_path / "ep" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(
        "Guest — “Twice”\nA summary.\nKey Concepts\n- Ghost Idea: Digital ghosts.\nQuotes\n"
        '- At 0:01 - "Ghost idea, digital ghosts." - c\n- At 0:02 - "Nothing here." - c\n'
        '- At 0:04 - "Digital ghosts again, ghost idea." - c\n',
        encoding="utf-8",
    )
    w = bare_window(qtbot, brief, make_wav(tmp_path / "a.wav", 5.0))
    m = w.pane_model
    concept_rows = [i for i in range(m.rowCount()) if m.row(i).cue.kind == CueKind.CONCEPT]
    assert len(concept_rows) == 2
    assert [m.index(i).data(Role.COMPACT) for i in concept_rows] == [False, True]


def test_the_lit_cards_are_repainted_when_the_highlight_moves(qtbot, window) -> None:
    from player.ui.models.pane_model import Role

    m = window.pane_model
    repainted: list[int] = []
    m.dataChanged.connect(
        lambda a, b, roles: (
            repainted.extend(range(a.row(), b.row() + 1))
            if not roles or Role.ACTIVE in roles  # none named: every role changed
            else None
        )
    )
    window.seek_brief(1_200)
    first = m.active_rows()
    window.seek_brief(2_200)
    second = m.active_rows()
    assert first and second and first != second
    assert set(first) | set(second) <= set(repainted)
    lit = [r for r in range(m.rowCount()) if m.index(r).data(Role.ACTIVE)]
    assert lit == second  # what the painter reads
