"""The takeaway whose moment is playing is lit in the side panel, as the quote is in the pane."""

from __future__ import annotations

from player.ui.models.takeaway_model import ACTIVE_ROLE


def _lit(w) -> list[int]:
    m = w.side.takeaway_model
    return [r for r in range(m.rowCount()) if m.index(r).data(ACTIVE_ROLE)]


def test_the_takeaway_of_the_playing_quote_lights_up_and_goes_out_after(qtbot, window) -> None:
    takeaway = window.episode.brief.takeaways[0]
    assert takeaway.at, "the test brief links its takeaway to a quote"
    linked_ms = round(takeaway.at[0] * 1000)
    unlinked = next(
        round(q.at * 1000)
        for q in window.episode.brief.quotes
        if round(q.at * 1000) not in {round(a * 1000) for a in takeaway.at}
    )
    window.seek_brief(linked_ms + 100)
    qtbot.waitUntil(lambda: _lit(window) == [0], timeout=3_000)
    window.side.setCurrentWidget(window.side.takeaway_view)
    shot = window.side.takeaway_view.grab().toImage()
    window.seek_brief(unlinked + 100)
    qtbot.waitUntil(lambda: _lit(window) == [], timeout=3_000)
    assert window.side.takeaway_view.grab().toImage() != shot  # the card is drawn differently


def test_a_screen_reader_hears_each_takeaway_with_its_number_and_moments(qtbot, window) -> None:
    from PySide6.QtCore import Qt

    from player.ui.models.takeaway_model import NUMBER_ROLE, TIMES_ROLE

    m = window.side.takeaway_model
    first = m.index(0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Remember that ghosts are digital spirits. (0:01, 0:03)"
    )
    assert (first.data(NUMBER_ROLE), first.data(TIMES_ROLE)) == (1, [1_000, 3_000])
