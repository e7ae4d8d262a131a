"""The side panel's takeaways, keeping the one whose moment is playing in sight.

A lit takeaway far down the list was lit where nobody could see it. Like the synced pane, the
list follows playback until the listener scrolls it (then "Back to now" brings it back), and it
never moves under the keyboard: while the list has the keyboard the listener is choosing a
takeaway, and the list stays where their keys put it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from player.ui.models.takeaway_model import TakeawayModel
from player.ui.widgets.card_list import configure_card_list
from player.ui.widgets.card_view import CardListView
from player.ui.widgets.following_view import Following


class TakeawayView(Following, CardListView):
    """A ``CardListView``: the first frame measures the takeaways in sight, not all of them
    (36 on the Karpathy brief were 6 ms of it); the rest are measured while idle."""

    following_changed = Signal(bool)

    def __init__(self, model: TakeawayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Back to now: show the takeaway of what is playing")
        configure_card_list(self, "Takeaways")
        self.setModel(model)
        self._takeaways = model

    def lit_rows(self) -> list[int]:
        return self._takeaways.active_rows()

    def reveal_active(self, force: bool = False) -> None:
        """Scroll the lit takeaway into sight when it is out of it; a visible one stays put."""
        if not (self.is_following() or force) or not self.isVisible():
            return  # showEvent reveals it once the tab is shown
        if self.hasFocus() and not force:
            return
        rows = self.lit_rows()
        if not rows:
            return
        index = self._takeaways.index(rows[0])
        if self.viewport().rect().contains(self.visualRect(index)):
            return
        bar = self.verticalScrollBar()
        before = bar.value()
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if bar.value() != before:
            self.scroll_count += 1
