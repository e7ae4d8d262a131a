"""The Takeaways tab: each card's words and moments, and the cards that light up or get a star
repainted at once (not left looking as they were until the mouse passes over them).

What matters to the listener is that every change is told: a card the list is not told of keeps
its old look. The list is a card list like the pane: it measures the cards in sight before it
shows them, and the rest while idle."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.brief.models import Takeaway
from player.ui.delegates.takeaway_card import TakeawayCardDelegate
from player.ui.models.takeaway_model import ACTIVE_ROLE, STARRED_ROLE, TakeawayModel
from player.ui.widgets.takeaway_view import TakeawayView
from tests.ui.repaint import repainted_rows

ROWS = 4


def _shown(qtbot, rows: int = ROWS) -> tuple[TakeawayView, TakeawayModel]:
    model = TakeawayModel(
        tuple(Takeaway(text=f"Takeaway {i}.", at=(i + 1.0,)) for i in range(rows))
    )
    view = TakeawayView(model)
    view.setItemDelegate(TakeawayCardDelegate(view))
    qtbot.addWidget(view)
    view.resize(420, 700)
    view.show()
    qtbot.waitExposed(view)
    assert all(
        view.viewport().rect().intersects(view.visualRect(model.index(r))) for r in range(rows)
    )
    return view, model


def _lit(model: TakeawayModel) -> list[int]:
    return [r for r in range(model.rowCount()) if model.index(r).data(ACTIVE_ROLE)]


def test_the_card_lighting_up_and_the_one_going_out_are_repainted(qtbot) -> None:
    view, model = _shown(qtbot)
    assert 0 in repainted_rows(qtbot, view, lambda: model.set_active({0}))
    assert _lit(model) == [0]
    assert {0, 2} <= repainted_rows(qtbot, view, lambda: model.set_active({2}))
    assert _lit(model) == [2] and model.active_rows() == [2]
    assert 2 in repainted_rows(qtbot, view, lambda: model.set_active(set()))
    assert _lit(model) == []


def test_starring_takeaways_repaints_every_card_from_the_first_to_the_last(qtbot) -> None:
    view, model = _shown(qtbot)
    assert not any(model.index(r).data(STARRED_ROLE) for r in range(ROWS))  # none yet
    assert repainted_rows(qtbot, view, lambda: model.set_starred({0, ROWS - 1})) == set(range(ROWS))
    assert [model.index(r).data(STARRED_ROLE) for r in range(ROWS)] == [True, False, False, True]


def test_a_takeaway_with_no_moment_reads_as_its_words_alone(qtbot) -> None:
    model = TakeawayModel((Takeaway(text="Read slowly."), Takeaway(text="Listen.", at=(61.0,))))
    heard = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(2)]
    assert heard == ["Read slowly.", "Listen. (1:01)"]


class _Counted(TakeawayCardDelegate):
    """Counts the cards measured, and how many were measured when the first was painted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.measured = 0
        self.at_first_paint: int | None = None

    def sizeHint(self, option, index):
        self.measured += 1
        return super().sizeHint(option, index)

    def paint(self, painter, option, index) -> None:
        if self.at_first_paint is None:
            self.at_first_paint = self.measured
        super().paint(painter, option, index)


def test_a_long_list_of_takeaways_shows_after_measuring_only_the_cards_in_sight(qtbot) -> None:
    count = 500
    model = TakeawayModel(
        tuple(
            Takeaway(text=f"Takeaway {i}. " + "more words " * (i % 9), at=(i + 1.0,))
            for i in range(count)
        )
    )
    view = TakeawayView(model)
    counted = _Counted(view)
    view.setItemDelegate(counted)
    qtbot.addWidget(view)
    view.resize(420, 700)
    view.show()
    qtbot.waitUntil(lambda: counted.at_first_paint is not None)
    assert counted.at_first_paint < 40  # about a dozen cards fill the list
    qtbot.waitUntil(lambda: counted.measured >= count, timeout=10_000)  # the rest, while idle
    last = model.index(count - 1)
    view.scrollTo(last)
    assert view.viewport().rect().contains(view.visualRect(last))
