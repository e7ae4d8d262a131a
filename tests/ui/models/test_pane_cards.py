"""The synced pane's cards as the listener reads and hears them: what each card says, which
cards are left out, where a new note lands, and which cards light up, get a star or go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.brief.cues import brief_timeline
from player.core.brief.links import apply_links
from player.core.brief.parser import parse_brief_text
from player.core.timeline import Cue, CueKind, Timeline
from player.ui.main_window import PANE_KINDS
from player.ui.models.pane_model import PaneModel, Role, brief_rows, pane_row
from player.ui.widgets.pane_view import PaneView
from tests.ui.repaint import repainted_rows

BRIEF = """Guest — “Cards”
A summary.
Key Concepts
- Ghost Idea: Digital ghosts that mimic people.
- Jagged Frontier: Strong here, weak there.
Quotes
- At 0:01 - [On LLMs] "Ghost idea, digital ghosts." - What came after.
- At 0:02 - "Nothing here."
- At 0:04 - "Digital ghosts again, ghost idea, jagged frontier." - c
Takeaways
- Remember the ghost idea.
"""
NOTE = Cue(CueKind.NOTE, 3_000, 3_001, "Look this up.", 7)
CHAPTER = Cue(CueKind.CHAPTER, 0, 4_000, "Intro", 0)
LINE = Cue(CueKind.TRANSCRIPT, 1_500, 2_000, "a transcript line", 0)


def _brief():
    return apply_links(parse_brief_text(BRIEF).brief)


def _model(kinds=PANE_KINDS) -> PaneModel:
    brief = _brief()
    timeline = Timeline([*brief_timeline(brief), NOTE, CHAPTER, LINE])
    return PaneModel(brief_rows(brief, timeline, kinds))


def _heard(model: PaneModel) -> list[str]:
    return [
        model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(model.rowCount())
    ]


def test_each_card_is_heard_as_its_time_kind_and_words_in_time_order(qtbot) -> None:
    model = _model()
    assert _heard(model) == [
        "0:00 — chapter — Intro",
        "0:01 — quote — On LLMs — Ghost idea, digital ghosts. — What came after.",
        "0:01 — concept — Ghost Idea — Digital ghosts that mimic people.",
        "0:02 — quote — Nothing here.",
        "0:03 — note — Look this up.",
        "0:04 — quote — Digital ghosts again, ghost idea, jagged frontier. — c",
        "0:04 — concept — Ghost Idea — Digital ghosts that mimic people.",
        "0:04 — concept — Jagged Frontier — Strong here, weak there.",
    ]
    first = model.index(1)
    assert (first.data(Role.TITLE), first.data(Role.BODY), first.data(Role.DETAIL)) == (
        "On LLMs",
        "Ghost idea, digital ghosts.",
        "What came after.",
    )
    assert first.data(Role.KIND) == CueKind.QUOTE and first.data(Role.START_MS) == 1_000
    assert first.data(Role.CUE) == model.row(1).cue
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert (model.index(3).data(Role.TITLE), model.index(3).data(Role.DETAIL)) == ("", "")
    # The concept met again at 0:04 takes one line; one met for the first time does not.
    assert [model.index(r).data(Role.COMPACT) for r in (2, 6, 7)] == [False, True, False]


def test_the_pane_shows_only_the_kinds_it_is_asked_for(qtbot) -> None:
    quotes_only = _model((CueKind.QUOTE,))
    assert [quotes_only.row(r).cue.kind for r in range(quotes_only.rowCount())] == [
        CueKind.QUOTE
    ] * 3
    notes_only = _model((CueKind.NOTE,))
    assert _heard(notes_only) == ["0:03 — note — Look this up."]
    assert _model((CueKind.CHAPTER,)).rowCount() == 1


def test_a_note_added_lands_in_time_order_and_a_note_removed_goes(qtbot) -> None:
    model = _model()
    brief = _brief()
    early = Cue(CueKind.NOTE, 1_000, 1_001, "Same moment as the first quote.", 8)
    late = Cue(CueKind.NOTE, 9_000, 9_001, "After everything.", 9)
    assert model.insert_row(pane_row(brief, late)) == 8
    at = model.insert_row(pane_row(brief, early))
    assert model.row(at).cue == early and model.row(at - 1).cue.kind == CueKind.CONCEPT
    assert model.row(at + 1).cue.kind == CueKind.QUOTE
    assert model.row_of(early) == at and model.row_of(NOTE) == at + 2
    model.set_active([early, NOTE])
    assert model.remove_cue(early) == at
    assert model.row_of(early) is None and model.remove_cue(early) is None
    assert model.active_rows() == [model.row_of(NOTE)]
    assert model.rowCount() == 9
    # Deleted while lit, then brought back (undo): lit again only when the clock says so.
    model.insert_row(pane_row(brief, early))
    assert model.active_rows() == [model.row_of(NOTE)]
    assert model.remove_cue(late) == 9 and model.row_of(late) is None


def test_the_cards_lighting_up_and_going_out_are_repainted(qtbot) -> None:
    model = _model()
    view = PaneView(model)
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    qtbot.waitExposed(view)
    quote, concept = model.row(1).cue, model.row(2).cue
    assert {1, 2} <= repainted_rows(qtbot, view, lambda: model.set_active([quote, concept]))
    assert model.active_rows() == [1, 2]
    second = model.row(3).cue
    assert {1, 2, 3} <= repainted_rows(qtbot, view, lambda: model.set_active([second]))
    assert [r for r in range(model.rowCount()) if model.index(r).data(Role.ACTIVE)] == [3]
    # A cue not in the pane (a transcript line) lights nothing.
    assert model.set_active([LINE]) == []
    starred = {("quote", 0), ("note", 7)}
    assert repainted_rows(qtbot, view, lambda: model.set_starred(starred)) == set(
        range(model.rowCount())
    )
    assert [r for r in range(model.rowCount()) if model.index(r).data(Role.STARRED)] == [1, 4]
