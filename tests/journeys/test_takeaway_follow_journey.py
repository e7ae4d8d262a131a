"""The takeaway of what is playing is lit where the listener can see it, as the quote is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.journeys.conftest import BRIEF, press
from tests.ui.conftest import write_brief

# Many takeaways that speak of nothing said, then one about the fourth quote (0:20) at the end.
FILLER = [
    "Tend the birch orchard carefully.",
    "Paint the cedar fence blue.",
    "Sweep the maple porch daily.",
    "Mend the willow basket slowly.",
    "Oil the walnut table yearly.",
    "Stack the pine logs neatly.",
    "Prune the hazel hedge lightly.",
    "Water the olive trees weekly.",
    "Polish the oak floor gently.",
    "Store the apple crates dry.",
    "Plant the rowan sapling early.",
    "Rake the linden leaves together.",
    "Fold the cotton sheets square.",
    "Brew the nettle tea strong.",
    "Knit the woollen scarf long.",
    "Bake the barley loaf brown.",
    "Carve the elder whistle thin.",
    "Trim the yew bush round.",
]
LAST = "Animals come from evolution, not from our design."


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    head = BRIEF.split("Takeaways\n")[0]
    return write_brief(
        tmp_path, head + "Takeaways\n" + "".join(f"- {t}\n" for t in [*FILLER, LAST])
    )


def _lit_in_sight(w) -> bool:
    view, model = w.side.takeaway_view, w.side.takeaway_model
    rows = model.active_rows()
    return bool(rows) and view.viewport().rect().contains(view.visualRect(model.index(rows[0])))


def _start_on_takeaways(qtbot, session, audio_file):
    w = session.start(audio_file)
    w.side.setCurrentWidget(w.side.takeaway_view)
    assert w.side.takeaway_view.isVisible()
    last = len(FILLER)
    assert w.episode.brief.takeaways[last].at, "the last takeaway is linked to a quote"
    view = w.side.takeaway_view
    assert not view.viewport().rect().contains(view.visualRect(w.side.takeaway_model.index(last)))
    return w


def test_the_lit_takeaway_scrolls_into_sight_while_playing(qtbot, session, audio_file) -> None:
    w = _start_on_takeaways(qtbot, session, audio_file)
    w.pane.setFocus()
    w.playback.play()
    qtbot.waitUntil(w.playback.is_playing, timeout=5_000)
    w.seek_brief(20_200)  # the fourth quote, which the last takeaway speaks of
    qtbot.waitUntil(lambda: w.side.takeaway_model.active_rows() == [len(FILLER)], timeout=5_000)
    qtbot.waitUntil(lambda: _lit_in_sight(w), timeout=2_000)


def test_the_list_stays_where_the_listener_keeps_it(qtbot, session, audio_file) -> None:
    w = _start_on_takeaways(qtbot, session, audio_file)
    view = w.side.takeaway_view
    # Choosing a takeaway with the keys: the list stays under the keyboard.
    view.setFocus()
    press(qtbot, w, Qt.Key.Key_Home)
    w.seek_brief(20_200)
    qtbot.waitUntil(lambda: w.side.takeaway_model.active_rows() == [len(FILLER)], timeout=5_000)
    qtbot.wait(100)
    assert view.verticalScrollBar().value() == 0
    assert not _lit_in_sight(w)

    # Scrolled away by hand: it does not jump back until "Back to now" is pressed.
    w.pane.setFocus()
    view.verticalScrollBar().triggerAction(view.verticalScrollBar().SliderAction.SliderToMinimum)
    w.seek_brief(13_000)
    w.seek_brief(20_200)
    qtbot.wait(100)
    assert not _lit_in_sight(w)
    assert view.back_to_now.isVisible()
    qtbot.mouseClick(view.back_to_now, Qt.MouseButton.LeftButton)
    assert _lit_in_sight(w)
